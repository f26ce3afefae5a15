#include "app/gui/orderactiondesk.h"

#include "core/money.h"
#include "storage/databasewriter.h"
#include "storage/orderactions.h"
#include "storage/platformcache.h"
#include "storage/readsession.h"
#include "sync/cardrequests.h"

#include <QDateTime>
#include <QFutureWatcher>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>

using namespace Qt::StringLiterals;

namespace cardops::app {

namespace {

using Outcome = sync::OrderActionOutcome;

// Calls `handler` with the future's result in `owner`'s thread, unless `context` is gone by then;
// an abandoned future (its producer destroyed) answers `cancelled`.
template<typename T, typename F>
void watch(QObject* owner, QFuture<T> future, QObject* context, T cancelled, F handler)
{
    auto* watcher = new QFutureWatcher<T>(owner);
    QPointer<QObject> guard(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, owner,
                     [watcher, guard, cancelled = std::move(cancelled), handler = std::move(handler)] {
                         watcher->deleteLater();
                         if (!guard)
                             return;
                         handler(watcher->future().resultCount() > 0 ? watcher->result() : cancelled);
                     });
    watcher->setFuture(future);
}

QString yuan(core::Money m)
{
    return m.toString(2);
}

// The platform's answer data of a 409: the goods (stock short) or the order as it is now.
QJsonObject conflictData(const sync::CallError& e)
{
    return QJsonDocument::fromJson(e.data).object();
}

} // namespace

OrderActionDesk::OrderActionDesk(storage::DatabaseWriter& writer, QString databasePath,
                                 sync::PlatformTransport& transport, QByteArray holderId, core::Actor actor,
                                 QObject* parent)
    : models::OrderActionBackend(parent)
    , m_writer(writer)
    , m_databasePath(std::move(databasePath))
    , m_transport(transport)
    , m_holderId(std::move(holderId))
    , m_actor(std::move(actor))
    , m_actions(std::make_unique<sync::OrderActions>(writer, m_databasePath, transport, m_holderId))
    , m_now([] { return QDateTime::currentSecsSinceEpoch(); })
{
    readCachedLease();
    m_replayTimer.setInterval(ReplayIntervalMs);
    connect(&m_replayTimer, &QTimer::timeout, this, &OrderActionDesk::replay);
    m_replayTimer.start();
    // What a crash or a lost answer left pending goes out again with its key, once the loop runs.
    QTimer::singleShot(0, this, &OrderActionDesk::replay);
}

OrderActionDesk::~OrderActionDesk() = default;

void OrderActionDesk::replay()
{
    if (m_actions->inFlight() == 0)
        m_actions->replayPending(); // outcomes reach the queue through the writer's commits
}

void OrderActionDesk::readCachedLease()
{
    storage::ReadSession read(m_databasePath);
    if (!read.isOpen())
        return;
    m_leaseHolder = storage::platformcache::state(read, storage::statekeys::LeaseHolder).valueOr({});
    m_leaseExpiresAt =
        storage::platformcache::state(read, storage::statekeys::LeaseExpiresAt).valueOr({}).toLongLong();
}

void OrderActionDesk::setLease(const QString& holder, qint64 expiresAt)
{
    if (holder == m_leaseHolder && expiresAt == m_leaseExpiresAt)
        return;
    m_leaseHolder = holder;
    m_leaseExpiresAt = expiresAt;
    Q_EMIT permissionsChanged();
}

QString OrderActionDesk::leaseHolderText() const
{
    if (m_leaseHolder.isEmpty() || m_leaseExpiresAt <= m_now())
        return tr("nobody");
    if (m_leaseHolder.toUtf8() == m_holderId)
        return tr("this console (%1)").arg(m_leaseHolder);
    return m_leaseHolder;
}

QString OrderActionDesk::whyNot(models::OrderAction action, qint64, bool handedOver) const
{
    using models::OrderAction;
    const core::Permission needed = action == OrderAction::Refund || action == OrderAction::Reject
                                        ? core::Permission::RefundOrders
                                        : core::Permission::ReviewOrders;
    if (!core::roleAllows(m_actor.role, needed))
        return needed == core::Permission::RefundOrders ? tr("Your role may not refund orders.")
                                                        : tr("Your role may not handle the review queue.");
    if (!handedOver || action == OrderAction::Assign || action == OrderAction::CreateOffline)
        return {};
    const bool held = !m_leaseHolder.isEmpty() && m_leaseExpiresAt > m_now();
    if (held && m_leaseHolder.toUtf8() == m_holderId)
        return {};
    if (!held)
        return tr("This order was handed over to CardOps and only the fulfilment lease holder may act on "
                  "it; nobody holds the lease now. Take the lease first.");
    return tr("This order is fulfilled by the lease holder %1; act on it there or take the lease.")
        .arg(m_leaseHolder);
}

QString OrderActionDesk::describe(const Outcome& o, bool reject)
{
    namespace oa = storage::orderactions;
    switch (o.status) {
    case Outcome::Status::Done:
        if (o.kind == oa::Deliver)
            return tr("Delivered");
        if (o.kind == oa::Refund)
            return reject ? tr("Rejected: %1 yuan refunded in all").arg(yuan(o.order->refundAmount))
                          : tr("Refunded: %1 yuan in all").arg(yuan(o.order->refundAmount));
        if (o.kind == oa::Review)
            return tr("Held for review");
        if (o.kind == oa::Reissue)
            return tr("Card replaced");
        return tr("Order %1 recorded").arg(o.order->orderNo);
    case Outcome::Status::NotConfirmed:
        return tr("No final answer from the platform (%1). It is sent again with the same key, so it "
                  "cannot happen twice.")
            .arg(o.error.describe());
    case Outcome::Status::NotRecorded:
        if (o.localError.code == core::ErrorCode::PermissionDenied)
            return tr("Your role may not do this.");
        return tr("Nothing was sent: %1").arg(o.localError.detail);
    case Outcome::Status::Refused:
        break;
    }
    const sync::CallError& e = o.error;
    switch (e.kind) {
    case sync::CallError::Forbidden:
        if (!e.notLeaseHolder())
            return tr("The platform does not support this action (%1). Handle the order in the shop's own "
                      "admin.")
                .arg(e.message);
        if (o.leaseHolder.isEmpty())
            return tr("The platform allows only the fulfilment lease holder to act on this order, and nobody "
                      "holds the lease now. Take the lease first.");
        return tr("This order is fulfilled by the lease holder %1; act on it there or take the lease.")
            .arg(o.leaseHolder);
    case sync::CallError::Conflict: {
        const QJsonObject data = conflictData(e);
        if (data.contains(u"stock_available"))
            return tr("Stock is short on the platform (%1 left).")
                .arg(data.value(u"stock_available").toInteger());
        if (data.contains(u"status"))
            return tr("The order has moved on on the platform (it is %1 now).")
                .arg(data.value(u"status").toString());
        return tr("The platform refused: %1").arg(e.message);
    }
    case sync::CallError::NotFound:
        return o.kind == oa::Reissue ? tr("That card is not one of this order's cards.")
                                     : tr("The platform does not know this order.");
    case sync::CallError::BadRequest:
        return tr("The platform refused the request as invalid (%1).").arg(e.message);
    default:
        return tr("The platform refused the request (%1).").arg(e.describe());
    }
}

void OrderActionDesk::answer(QFuture<Outcome> future, bool reject, QObject* context,
                             std::function<void(models::OrderActionResult)> done)
{
    Outcome cancelled;
    cancelled.status = Outcome::Status::NotConfirmed;
    cancelled.error.kind = sync::CallError::Cancelled;
    watch(this, future, context, cancelled, [reject, done = std::move(done)](const Outcome& o) {
        models::OrderActionResult r;
        r.orderId = o.orderId;
        r.ok = o.ok();
        r.pending = o.status == Outcome::Status::NotConfirmed;
        r.message = describe(o, reject);
        done(r);
    });
}

void OrderActionDesk::deliver(qint64 orderId, QObject* context,
                              std::function<void(models::OrderActionResult)> done)
{
    answer(m_actions->deliver(m_actor, orderId), false, context, std::move(done));
}

void OrderActionDesk::refund(qint64 orderId, qint64 amountUnits, const QString& reasonCode,
                             const QString& note, QObject* context,
                             std::function<void(models::OrderActionResult)> done)
{
    answer(m_actions->refund(m_actor, orderId, core::Money::fromUnits(amountUnits), reasonCode, note), false,
           context, std::move(done));
}

void OrderActionDesk::review(qint64 orderId, const QString& reason, QObject* context,
                             std::function<void(models::OrderActionResult)> done)
{
    answer(m_actions->review(m_actor, orderId, reason), false, context, std::move(done));
}

void OrderActionDesk::reject(qint64 orderId, const QString& reasonCode, const QString& note, QObject* context,
                             std::function<void(models::OrderActionResult)> done)
{
    std::optional<qint64> left;
    {
        storage::ReadSession read(m_databasePath); // one row by its key
        auto found = storage::orderactions::refundable(read, orderId);
        if (found)
            left = found.value();
    }
    if (!left || *left <= 0)
        return done({orderId, false, false,
                     left ? tr("Nothing is left to refund on this order.")
                          : tr("The order is not in the cache yet; sync first.")});
    answer(m_actions->reject(m_actor, orderId, core::Money::fromUnits(*left), reasonCode, note), true,
           context, std::move(done));
}

void OrderActionDesk::reissue(qint64 orderId, qint64 cardId, const QString& reason, QObject* context,
                              std::function<void(models::OrderActionResult)> done)
{
    answer(m_actions->reissue(m_actor, orderId, cardId, reason), false, context, std::move(done));
}

void OrderActionDesk::createOfflineOrder(const models::OfflineOrder& order, QObject* context,
                                         std::function<void(models::OrderActionResult)> done)
{
    answer(m_actions->createOffline(
               m_actor, {order.memberId, order.goodsId, order.quantity, order.chargeAccount, order.contact}),
           false, context, std::move(done));
}

void OrderActionDesk::assignToMe(qint64 orderId, QObject* context,
                                 std::function<void(models::OrderActionResult)> done)
{
    const core::Actor actor = m_actor;
    auto written = m_writer.submit(u"review.assign"_s, [actor, orderId](storage::WriteContext& ctx) {
        return storage::orderactions::assignToSelf(ctx, actor, orderId);
    });
    watch(this, written, context,
          core::Result<void>(core::makeError(core::ErrorCode::Storage, u"cancelled"_s)),
          [orderId, done = std::move(done)](const core::Result<void>& r) {
              done({orderId, r.ok(), false,
                    r ? tr("Assigned to you") : tr("Not assigned: %1").arg(r.error().detail)});
          });
}

void OrderActionDesk::unassign(qint64 orderId, QObject* context,
                               std::function<void(models::OrderActionResult)> done)
{
    const core::Actor actor = m_actor;
    auto written = m_writer.submit(u"review.unassign"_s, [actor, orderId](storage::WriteContext& ctx) {
        return storage::orderactions::unassign(ctx, actor, orderId);
    });
    watch(this, written, context,
          core::Result<void>(core::makeError(core::ErrorCode::Storage, u"cancelled"_s)),
          [orderId, done = std::move(done)](const core::Result<void>& r) {
              done({orderId, r.ok(), false,
                    r ? tr("Unassigned") : tr("Not changed: %1").arg(r.error().detail)});
          });
}

void OrderActionDesk::orderCards(qint64 orderId, QObject* context,
                                 std::function<void(models::OrderCards)> done)
{
    sync::cards::CardsAnswer cancelled;
    cancelled.error.kind = sync::CallError::Cancelled;
    watch(this, sync::cards::fetchOrderCards(m_transport, orderId), context, cancelled,
          [done = std::move(done)](const sync::cards::CardsAnswer& answer) {
              models::OrderCards out;
              if (!answer.ok()) {
                  out.error =
                      tr("The cards could not be read from the platform (%1).").arg(answer.error.describe());
                  return done(out);
              }
              out.ok = true;
              for (const sync::platformjson::Card& c : *answer.value)
                  out.cards.append({c.id, c.masked, c.status, c.expiresAt});
              done(out);
          });
}

} // namespace cardops::app
