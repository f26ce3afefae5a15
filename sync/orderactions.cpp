#include "sync/orderactions.h"

#include "storage/databasewriter.h"
#include "storage/readsession.h"
#include "sync/platformjson.h"

#include <QDateTime>
#include <QFutureWatcher>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QPromise>
#include <functional>

using namespace Qt::StringLiterals;

namespace cardops::sync {

namespace {

using Outcome = OrderActionOutcome;
using PromisePtr = std::shared_ptr<QPromise<OrderActionOutcome>>;

QByteArray compact(const QJsonObject& o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

// Sends, and sends once more freshly signed after a 401/40102 (a proxy or a clock step can spoil
// one signature; a second refusal means the credentials are wrong), as the sync engine does.
void sendSigned(PlatformTransport& transport, const Request& request, bool retried, QObject* context,
                std::function<void(const Reply&)> done)
{
    QPointer<PlatformTransport> guard(&transport);
    auto* watcher = new QFutureWatcher<Reply>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context,
                     [watcher, guard, request, retried, context, done = std::move(done)] {
                         watcher->deleteLater();
                         const Reply reply = watcher->result();
                         if (!reply.ok() && reply.error.kind == CallError::Auth &&
                             reply.error.code == 40102 && !retried && guard)
                             return sendSigned(*guard, request, true, context, done);
                         done(reply);
                     });
    watcher->setFuture(transport.send(request));
}

bool finalRefusal(const CallError& e)
{
    // A cancelled call (the transport went away) may have reached the platform: keep it pending.
    return !e.retriable() && e.kind != CallError::Cancelled;
}

} // namespace

OrderActions::OrderActions(storage::DatabaseWriter& writer, QString databasePath,
                           PlatformTransport& transport, QByteArray holder, QObject* parent)
    : QObject(parent)
    , m_writer(writer)
    , m_databasePath(std::move(databasePath))
    , m_transport(transport)
    , m_holder(std::move(holder))
{}

OrderActions::~OrderActions() = default;

template<typename T, typename F> void OrderActions::watch(QFuture<T> future, F handler)
{
    auto* watcher = new QFutureWatcher<T>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [watcher, handler = std::move(handler)]() mutable {
        watcher->deleteLater();
        if (watcher->future().resultCount() > 0)
            handler(watcher->result());
    });
    watcher->setFuture(future);
}

QStringList OrderActions::refundReasons()
{
    return {u"out_of_stock"_s, u"customer_request"_s, u"wrong_goods"_s, u"duplicate_order"_s, u"fraud"_s,
            u"other"_s};
}

QByteArray OrderActions::bodyWithHolder(QJsonObject body) const
{
    if (!m_holder.isEmpty())
        body.insert(u"holder"_s, QString::fromUtf8(m_holder));
    return compact(body);
}

Request OrderActions::requestFor(const storage::OrderActionRecord& action)
{
    Request r;
    r.method = QByteArrayLiteral("POST");
    if (action.kind == storage::orderactions::Create)
        r.path = QByteArrayLiteral("/v1/orders");
    else
        r.path = "/v1/orders/" + QByteArray::number(action.orderId) + '/' + action.kind.toLatin1();
    r.body = action.body;
    r.idempotencyKey = action.idempotencyKey;
    return r;
}

QFuture<Outcome> OrderActions::refuse(const QString& kind, qint64 orderId, core::Error error)
{
    Outcome o;
    o.status = Outcome::Status::NotRecorded;
    o.kind = kind;
    o.orderId = orderId;
    o.localError = std::move(error);
    auto promise = std::make_shared<QPromise<Outcome>>();
    promise->start();
    QFuture<Outcome> future = promise->future();
    finish(o, promise);
    return future;
}

QFuture<Outcome> OrderActions::deliver(const core::Actor& actor, qint64 orderId)
{
    return start(
        actor, {orderId, storage::orderactions::Deliver, bodyWithHolder({{u"from_stock"_s, true}}), {}, {}});
}

QFuture<Outcome> OrderActions::refund(const core::Actor& actor, qint64 orderId, core::Money amount,
                                      const QString& reasonCode, const QString& note)
{
    if (amount <= core::Money() || !refundReasons().contains(reasonCode))
        return refuse(storage::orderactions::Refund, orderId,
                      core::makeError(core::ErrorCode::InvalidArgument,
                                      u"a refund needs a positive amount and a reason code"_s));
    const QByteArray body = bodyWithHolder({{u"amount"_s, amount.toString(4)}, {u"reason"_s, reasonCode}});
    return start(
        actor,
        {orderId, storage::orderactions::Refund, body, {}, QString::fromUtf8(compact({{u"note"_s, note}}))});
}

QFuture<Outcome> OrderActions::reject(const core::Actor& actor, qint64 orderId, core::Money remaining,
                                      const QString& reasonCode, const QString& note)
{
    if (remaining <= core::Money() || !refundReasons().contains(reasonCode))
        return refuse(storage::orderactions::Refund, orderId,
                      core::makeError(core::ErrorCode::InvalidArgument,
                                      u"nothing is left to refund, or no reason code"_s));
    const QByteArray body = bodyWithHolder({{u"amount"_s, remaining.toString(4)}, {u"reason"_s, reasonCode}});
    return start(actor, {orderId, storage::orderactions::Refund, body, u"reject"_s,
                         QString::fromUtf8(compact({{u"note"_s, note}}))});
}

QFuture<Outcome> OrderActions::review(const core::Actor& actor, qint64 orderId, const QString& reason)
{
    if (reason.trimmed().isEmpty())
        return refuse(storage::orderactions::Review, orderId,
                      core::makeError(core::ErrorCode::InvalidArgument, u"a review needs a reason"_s));
    return start(
        actor,
        {orderId, storage::orderactions::Review, bodyWithHolder({{u"reason"_s, reason.trimmed()}}), {}, {}});
}

QFuture<Outcome> OrderActions::reissue(const core::Actor& actor, qint64 orderId, qint64 cardId,
                                       const QString& reason)
{
    if (cardId <= 0 || reason.trimmed().isEmpty())
        return refuse(
            storage::orderactions::Reissue, orderId,
            core::makeError(core::ErrorCode::InvalidArgument, u"a reissue needs a card and a reason"_s));
    return start(actor, {orderId,
                         storage::orderactions::Reissue,
                         bodyWithHolder({{u"card_id"_s, cardId}, {u"reason"_s, reason.trimmed()}}),
                         {},
                         {}});
}

QFuture<Outcome> OrderActions::createOffline(const core::Actor& actor, const OfflineOrderSpec& spec)
{
    if (spec.memberId <= 0 || spec.goodsId <= 0 || spec.quantity < 1 || spec.quantity > 10000)
        return refuse(
            storage::orderactions::Create, 0,
            core::makeError(core::ErrorCode::InvalidArgument,
                            u"an offline order needs a member, a goods and a quantity of 1–10000"_s));
    QJsonObject body{{u"member_id"_s, spec.memberId},
                     {u"goods_id"_s, spec.goodsId},
                     {u"quantity"_s, spec.quantity},
                     {u"pay_channel"_s, u"offline"_s}};
    if (!spec.chargeAccount.trimmed().isEmpty())
        body.insert(u"charge_account"_s, spec.chargeAccount.trimmed());
    if (!spec.contact.trimmed().isEmpty())
        body.insert(u"contact"_s, spec.contact.trimmed());
    return start(actor, {0, storage::orderactions::Create, compact(body), {}, {}});
}

QFuture<Outcome> OrderActions::start(const core::Actor& actor, Intent intent)
{
    auto promise = std::make_shared<QPromise<Outcome>>();
    promise->start();
    QFuture<Outcome> future = promise->future();
    auto recorded = m_writer.submit<storage::OrderActionRecord>(
        u"order_action.intent"_s, [actor, intent](storage::WriteContext& ctx) {
            return storage::orderactions::recordIntent(ctx, actor, intent.orderId, intent.kind, intent.body,
                                                       intent.auditAction, intent.auditDetail);
        });
    ++m_recording;
    watch(recorded, [this, promise, intent](const core::Result<storage::OrderActionRecord>& r) {
        --m_recording;
        if (!r) {
            Outcome o;
            o.kind = intent.kind;
            o.orderId = intent.orderId;
            o.localError = r.error();
            return finish(o, promise);
        }
        send(r.value(), promise);
    });
    return future;
}

void OrderActions::send(const storage::OrderActionRecord& action, const PromisePtr& promise)
{
    m_active.insert(action.id);
    sendSigned(m_transport, requestFor(action), false, this,
               [this, action, promise](const Reply& reply) { onReply(action, reply, promise); });
}

void OrderActions::onReply(const storage::OrderActionRecord& action, const Reply& reply,
                           const PromisePtr& promise)
{
    Outcome o;
    o.actionId = action.id;
    o.orderId = action.orderId;
    o.kind = action.kind;
    if (reply.ok()) {
        auto order = platformjson::order(reply.response->data.toObject());
        if (order && (action.orderId == 0 || order->id == action.orderId)) {
            o.status = Outcome::Status::Done;
            o.order = order.value();
            o.orderId = order->id;
            return settle(action, o, promise);
        }
        // A 2xx that is not the order asked for: the platform did something, but what is unknown.
        o.error.kind = CallError::Malformed;
        o.error.httpStatus = reply.response->httpStatus;
        o.error.message = order ? u"the answer names order %1"_s.arg(order->id) : order.error().detail;
        o.status = Outcome::Status::NotConfirmed;
        return settle(action, o, promise);
    }
    o.error = reply.error;
    o.status = finalRefusal(reply.error) ? Outcome::Status::Refused : Outcome::Status::NotConfirmed;
    if (!reply.error.notLeaseHolder())
        return settle(action, o, promise);
    // Who holds the lease now, so the operator knows where to act.
    Request shop;
    shop.method = QByteArrayLiteral("GET");
    shop.path = QByteArrayLiteral("/v1/shop");
    shop.maxAttempts = 2;
    sendSigned(m_transport, shop, false, this, [this, action, o, promise](const Reply& answer) mutable {
        if (answer.ok())
            if (auto info = platformjson::shop(answer.response->data))
                o.leaseHolder = info->leaseHolder;
        settle(action, o, promise);
    });
}

void OrderActions::settle(const storage::OrderActionRecord& action, Outcome outcome,
                          const PromisePtr& promise)
{
    const qint64 id = action.id;
    const Outcome o = outcome;
    auto stored =
        m_writer.submit(u"order_action.result"_s, [id, o](storage::WriteContext& ctx) -> core::Result<void> {
            switch (o.status) {
            case Outcome::Status::Done:
                return storage::orderactions::complete(ctx, id, o.orderId, o.order->status, o.order->version);
            case Outcome::Status::Refused:
                return storage::orderactions::fail(ctx, id, o.error.describe());
            default:
                return storage::orderactions::noteAttempt(ctx, id, o.error.describe());
            }
        });
    watch(stored, [this, id, outcome, promise](const core::Result<void>& r) mutable {
        m_active.remove(id);
        if (!r)
            outcome.localError = r.error();
        finish(outcome, promise);
    });
}

void OrderActions::finish(Outcome outcome, const PromisePtr& promise)
{
    promise->addResult(outcome);
    promise->finish();
    Q_EMIT actionFinished(outcome);
}

QFuture<QList<Outcome>> OrderActions::replayPending()
{
    auto promise = std::make_shared<QPromise<QList<Outcome>>>();
    promise->start();
    QFuture<QList<Outcome>> future = promise->future();
    QList<storage::OrderActionRecord> rows;
    if (m_recording == 0) {
        storage::ReadSession read(m_databasePath);
        auto found = storage::orderactions::pending(read);
        if (found)
            rows = found.value();
    }
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    auto results = std::make_shared<QList<Outcome>>();
    auto left = std::make_shared<int>(0);
    QList<std::pair<storage::OrderActionRecord, bool>> work;
    for (const auto& row : rows)
        if (!m_active.contains(row.id))
            work.append({row, now - row.createdAt > ReplayWindowSeconds});
    *left = static_cast<int>(work.size());
    if (work.isEmpty()) {
        promise->addResult(QList<Outcome>());
        promise->finish();
        return future;
    }
    for (const auto& [row, tooOld] : work) {
        auto one = std::make_shared<QPromise<Outcome>>();
        one->start();
        watch(one->future(), [promise, results, left](const Outcome& o) {
            results->append(o);
            if (--*left == 0) {
                promise->addResult(*results);
                promise->finish();
            }
        });
        if (tooOld) {
            // The platform may have forgotten the key: a replay could act a second time.
            Outcome o;
            o.status = Outcome::Status::Refused;
            o.actionId = row.id;
            o.orderId = row.orderId;
            o.kind = row.kind;
            o.error.kind = CallError::InvalidRequest;
            o.error.message = u"older than the platform keeps idempotency keys; not sent again"_s;
            m_active.insert(row.id);
            settle(row, o, one);
        } else {
            send(row, one);
        }
    }
    return future;
}

} // namespace cardops::sync
