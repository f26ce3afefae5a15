// FulfilmentWorker: the steps of one order (docs/fulfilment.md, "The worker"). Each step is
// committed before its call; each call carries the key of its step, so a repeat is harmless.
#include "core/cipher.h"
#include "core/profilestore.h"
#include "storage/databasewriter.h"
#include "storage/purchases.h"
#include "storage/readsession.h"
#include "storage/writecontext.h"
#include "suppliers/requestnumber.h"
#include "sync/fulfilmentlease.h"
#include "sync/fulfilmentworker.h"
#include "sync/fulfilmentworker_p.h"
#include "sync/purchaser.h"
#include "sync/transport/platformtransport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace cardops::sync {

namespace step = storage::fulfilmentstep;

namespace {

// The platform's order entity in a 409's data (the order is no longer open), or an empty status
// when the data is something else (the goods, on a stock shortage).
QString orderStatusIn(const CallError& error)
{
    const QJsonObject data = QJsonDocument::fromJson(error.data).object();
    return data.contains(u"order_no"_s) ? data.value(u"status"_s).toString(u"closed"_s) : QString();
}

// Every call of the worker is conditional (`if_status`, CardOps's extension, platform-api.md): a
// platform order that is no longer handed over answers 409 with the order instead of acting on it,
// so a console whose cache is behind can never deliver, refund or hold an order someone else settled.
Request post(qint64 orderId, const char* action, QByteArray body, const char* keySuffix)
{
    Request r;
    r.method = "POST";
    r.path = "/v1/orders/" + QByteArray::number(orderId) + '/' + action;
    r.body = std::move(body);
    r.idempotencyKey = "ful-" + QByteArray::number(orderId) + '-' + keySuffix;
    return r;
}

struct Link
{
    QString protocol;
    QString productRef;
    qint64 priority = 0;
};

QList<Link> linksOf(const QByteArray& json)
{
    QList<Link> links;
    for (const QJsonValue& v : QJsonDocument::fromJson(json).array()) {
        const QJsonObject o = v.toObject();
        links.append({o.value(u"protocol"_s).toString(), o.value(u"product_ref"_s).toString(),
                      o.value(u"priority"_s).toInteger()});
    }
    std::stable_sort(links.begin(), links.end(),
                     [](const Link& a, const Link& b) { return a.priority < b.priority; });
    return links;
}

} // namespace

bool FulfilmentWorker::leaseOk(const JobPtr& job)
{
    Q_UNUSED(job)
    if (m_lease.isHeld())
        return true;
    if (m_pass) {
        m_pass->summary.leaseLost = true;
        m_pass->stopping = true;
    }
    return false;
}

QByteArray FulfilmentWorker::withHolder(QJsonObject body) const
{
    body.insert(u"holder"_s, QString::fromLatin1(m_lease.holderId()));
    body.insert(u"if_status"_s, u"handed_over"_s);
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

void FulfilmentWorker::step(const JobPtr& job)
{
    const QString& at = job->record().step;
    if (job->unsettled && (at == step::Decided || at == step::Purchasing)) {
        // The cache no longer shows the order handed over: nothing new is started for it. A purchase
        // already recorded is followed (its delivery is conditional on the order still being open).
        auto rows = at == step::Purchasing
                        ? storage::purchases::forOrder(read(), job->orderId())
                        : core::Result<QList<storage::PurchaseRecord>>(QList<storage::PurchaseRecord>());
        if (!rows)
            return transient(job, rows.error().detail);
        if (rows->isEmpty())
            return settledElsewhere(job, job->candidate.order.status);
    }
    if (at == step::Decided) {
        if (job->candidate.goodsKind == u"card")
            return move(job, {step::Delivering, {}, {}, {}}, [this, job] { deliverFromStock(job); });
        return move(job, {step::Purchasing, {}, {}, {}}, [this, job] { purchase(job); });
    }
    if (at == step::Delivering)
        return deliverFromStock(job);
    if (at == step::Purchasing)
        return resumePurchase(job);
    if (at == step::DeliveringSupply && job->record().purchaseId)
        return deliverSupply(job, *job->record().purchaseId);
    if (at == step::Holding)
        return sendReview(job);
    if (at == step::Refunding)
        return sendRefund(job);
    m_pass->summary.error = u"order %1: unknown fulfilment step '%2'"_s.arg(job->orderId()).arg(at);
    finish(job);
}

void FulfilmentWorker::call(const JobPtr& job, Request request, std::function<void(const Reply&)> handler)
{
    if (!leaseOk(job))
        return finish(job);
    watch(m_transport.send(std::move(request)), [this, job,
                                                 handler = std::move(handler)](const Reply& reply) {
        if (!m_pass)
            return;
        const bool leaseRefused =
            !reply.ok() &&
            (reply.error.notLeaseHolder() || reply.error.kind == CallError::LeaseHeld ||
             (reply.error.kind == CallError::Conflict && reply.error.code == 40901));
        if (leaseRefused) {
            m_pass->summary.leaseLost = true; // the platform says we are not the holder
            m_pass->stopping = true;
            return finish(job);
        }
        if (!reply.ok() && (reply.error.retriable() || reply.error.kind == CallError::Cancelled))
            return transient(job, reply.error.describe());
        if (!reply.ok() && (reply.error.kind == CallError::Auth || reply.error.kind == CallError::Clock)) {
            m_pass->summary.error = reply.error.describe();
            m_pass->stopping = true;
            return transient(job, reply.error.describe());
        }
        handler(reply);
    });
}

void FulfilmentWorker::deliverFromStock(const JobPtr& job)
{
    call(job, post(job->orderId(), "deliver", withHolder({{u"from_stock"_s, true}}), "stock"),
         [this, job](const Reply& reply) {
             if (reply.ok())
                 return move(job, {step::Done, {}, {}, QString()}, [this, job] {
                     ++m_pass->summary.deliveredFromStock;
                     Q_EMIT delivered(job->orderId(), true);
                     finish(job);
                 });
             if (reply.error.kind == CallError::Conflict) {
                 const QString status = orderStatusIn(reply.error);
                 if (status == u"handed_over")
                     return transient(job, reply.error.describe());
                 if (!status.isEmpty())
                     return settledElsewhere(job, status);
                 // Stock short: buy it, when the goods can be bought.
                 return move(job, {step::Purchasing, {}, {}, u"stock_short"_s},
                             [this, job] { purchase(job); });
             }
             if (reply.error.kind == CallError::NotFound)
                 return settledElsewhere(job, u"not_found"_s);
             hold(job, u"platform_refused"_s, reply.error.describe());
         });
}

void FulfilmentWorker::purchase(const JobPtr& job)
{
    PurchaseSpec spec;
    spec.orderId = job->orderId();
    spec.quantity = job->candidate.order.quantity;
    spec.chargeAccount = job->candidate.order.chargeAccount;
    spec.contact = job->candidate.order.contact;
    // One supplier product per order, the goods' first link (by priority) as the platform lists it:
    // every console makes the same choice and the same number, whatever suppliers it docks, so a
    // purchase another console started meets the supplier's idempotency. Falling back to another
    // link is an operator's decision in review (docs/fulfilment.md).
    const QList<Link> links = linksOf(job->candidate.supplierLinks);
    const bool stockShort = job->candidate.goodsKind == u"card" && !job->record().error.isEmpty();
    const QString supplier =
        links.isEmpty() ? QString() : m_suppliersByProtocol.value(links.first().protocol);
    if (m_purchaser == nullptr || supplier.isEmpty() || links.first().productRef.isEmpty())
        return hold(job, stockShort ? u"out_of_stock"_s : u"no_supplier"_s,
                    links.isEmpty() ? QString()
                                    : u"first supplier link: %1 %2"_s.arg(links.first().protocol,
                                                                          links.first().productRef));
    spec.candidates.append({supplier, links.first().productRef});
    const QByteArray number = suppliers::RequestNoGenerator::forOrder(m_shopTag, spec.orderId, 0);
    if (!number.isEmpty())
        spec.externalNos.append(number); // else (an order id beyond the scheme) the generator's
    if (!leaseOk(job))
        return finish(job);
    watch(m_purchaser->purchase(spec), [this, job](const core::Result<PurchaseOutcome>& outcome) {
        if (m_pass)
            onPurchased(job, outcome);
    });
}

void FulfilmentWorker::resumePurchase(const JobPtr& job)
{
    auto rows = storage::purchases::forOrder(read(), job->orderId());
    if (!rows)
        return transient(job, rows.error().detail);
    if (rows->isEmpty())
        return purchase(job); // the step was committed, the purchase never recorded
    onPurchased(job, PurchaseOutcome{rows.value()});
}

void FulfilmentWorker::onPurchased(const JobPtr& job, const core::Result<PurchaseOutcome>& outcome)
{
    if (!outcome) {
        if (outcome.error().code == core::ErrorCode::Busy)
            return transient(job, outcome.error().detail);
        return hold(job, u"supply_failed"_s, outcome.error().detail);
    }
    const storage::PurchaseRecord& last = outcome->last();
    switch (last.state) {
    case core::PurchaseState::Succeeded:
        return move(job, {step::DeliveringSupply, {}, last.id, QString()},
                    [this, job, id = last.id] { deliverSupply(job, id); });
    case core::PurchaseState::Delivered:
        return move(job, {step::Done, {}, last.id, QString()}, [this, job] { finish(job); });
    case core::PurchaseState::Failed:
        return hold(job, u"supply_failed"_s, last.error);
    case core::PurchaseState::Intent:
    case core::PurchaseState::Sent:
    case core::PurchaseState::Accepted:
    case core::PurchaseState::Unknown:
        break;
    }
    // Open: Fulu settles it by a query (the Purchaser's resume at the next pass); acg-faka cannot
    // be asked, and nothing waits forever.
    const bool queryable = m_suppliersByProtocol.value(core::kProtocolFulu.toString()) == last.supplierId;
    const qint64 age = m_writer.clock().nowSeconds() - last.createdAt;
    if ((last.state == core::PurchaseState::Unknown && !queryable) || age > m_options.unknownGraceSeconds)
        return hold(job, u"supply_unknown"_s, last.error);
    ++m_pass->summary.waiting;
    finish(job);
}

void FulfilmentWorker::deliverSupply(const JobPtr& job, qint64 purchaseId)
{
    struct Supply
    {
        storage::PurchaseRecord row;
        QByteArray sealed;
    };
    auto loaded = m_writer.submit<Supply>(
        u"fulfilment.supply"_s, [purchaseId](storage::WriteContext& ctx) -> core::Result<Supply> {
            auto row = storage::purchases::find(ctx, purchaseId);
            if (!row)
                return row.error();
            if (!row.value())
                return core::makeError(core::ErrorCode::NotFound, u"no purchase %1"_s.arg(purchaseId));
            Supply s{*row.value(), {}};
            if (s.row.holdsSecret) {
                auto sealed = storage::purchases::sealedSecret(ctx, purchaseId);
                if (!sealed)
                    return sealed.error();
                s.sealed = sealed.value();
            }
            return s;
        });
    watch(loaded, [this, job, purchaseId](const core::Result<Supply>& supply) {
        if (!m_pass)
            return;
        if (!supply)
            return hold(job, u"supply_failed"_s, supply.error().detail);
        QJsonObject body;
        if (job->candidate.goodsKind == u"card") {
            auto plain = core::open(m_sealKey, supply->sealed, supply->row.externalNo.toUtf8());
            if (!plain || plain->isEmpty())
                return hold(job, u"supply_failed"_s,
                            plain ? u"the purchase holds no cards"_s : plain.error().detail);
            QJsonArray cards;
            for (const QByteArray& line : plain->split('\n'))
                if (!line.trimmed().isEmpty())
                    cards.append(QString::fromUtf8(line.trimmed()));
            body.insert(u"cards"_s, cards);
        } else {
            body.insert(u"recharge"_s, QJsonObject{{u"supplier"_s, supply->row.supplierId},
                                                   {u"external_no"_s, supply->row.externalNo},
                                                   {u"upstream_no"_s, supply->row.upstreamNo}});
        }
        call(job, post(job->orderId(), "deliver", withHolder(body), "supply"),
             [this, job, purchaseId](const Reply& reply) {
                 if (!reply.ok() && reply.error.kind == CallError::Conflict) {
                     const QString status = orderStatusIn(reply.error);
                     if (status.isEmpty() || status == u"handed_over")
                         return transient(job, reply.error.describe());
                     return settledElsewhere(job, status);
                 }
                 if (!reply.ok())
                     return hold(job, u"platform_refused"_s, reply.error.describe());
                 const qint64 orderId = job->orderId();
                 auto done = m_writer.submit(
                     u"fulfilment.delivered"_s, [orderId, purchaseId](storage::WriteContext& ctx) {
                         if (auto r = storage::fulfilments::advance(ctx, orderId, step::DeliveringSupply,
                                                                    {step::Done, {}, {}, QString()});
                             !r)
                             return r;
                         return storage::purchases::advance(ctx, purchaseId, core::PurchaseState::Succeeded,
                                                            {core::PurchaseState::Delivered, {}, {}, {}, {}});
                     });
                 watch(done, [this, job](const core::Result<void>& r) {
                     if (!m_pass)
                         return;
                     if (!r) {
                         m_pass->summary.error = r.error().detail;
                         m_pass->stopping = true;
                         return finish(job);
                     }
                     job->candidate.record->step = step::Done;
                     ++m_pass->summary.deliveredBought;
                     Q_EMIT delivered(job->orderId(), false);
                     finish(job);
                 });
             });
    });
}

void FulfilmentWorker::hold(const JobPtr& job, const QString& reason, const QString& detail)
{
    if (job->record().step == step::Holding)
        return sendReview(job);
    move(job, {step::Holding, reason, {}, detail}, [this, job] { sendReview(job); });
}

void FulfilmentWorker::sendReview(const JobPtr& job)
{
    const QString reason = job->record().reason.isEmpty() ? u"cardops_review"_s : job->record().reason;
    call(job, post(job->orderId(), "review", withHolder({{u"reason"_s, reason}}), "review"),
         [this, job, reason](const Reply& reply) {
             if (!reply.ok() && reply.error.kind == CallError::Conflict)
                 return settledElsewhere(job, orderStatusIn(reply.error));
             // Refused for good (a platform that cannot hold orders answers 403/40300): settled with
             // the platform's words, never retried every pass.
             if (!reply.ok() && (reply.error.kind == CallError::BadRequest || reply.error.kind == CallError::NotFound ||
                                 reply.error.kind == CallError::Forbidden))
                 return settledElsewhere(job, u"refused: "_s + reply.error.describe());
             if (!reply.ok())
                 return transient(job, reply.error.describe());
             move(job, {step::Review, {}, {}, {}}, [this, job, reason] {
                 ++m_pass->summary.heldForReview;
                 Q_EMIT heldForReview(job->orderId(), reason, job->record().error);
                 finish(job);
             });
         });
}

void FulfilmentWorker::sendRefund(const JobPtr& job)
{
    const core::Order& o = job->candidate.order;
    const core::Money amount = o.paidAmount - o.refundAmount;
    const QString reason = job->record().reason.isEmpty() ? u"cardops_refund"_s : job->record().reason;
    call(job,
         post(job->orderId(), "refund",
              withHolder({{u"amount"_s, amount.toString(4)}, {u"reason"_s, reason}}), "refund"),
         [this, job](const Reply& reply) {
             if (!reply.ok() && reply.error.kind == CallError::Conflict)
                 return settledElsewhere(job, orderStatusIn(reply.error));
             if (!reply.ok() && reply.error.kind == CallError::NotFound)
                 return settledElsewhere(job, u"not_found"_s);
             if (!reply.ok())
                 return hold(job, u"platform_refused"_s, reply.error.describe());
             move(job, {step::Refunded, {}, {}, {}}, [this, job] {
                 ++m_pass->summary.refunded;
                 finish(job);
             });
         });
}

void FulfilmentWorker::settledElsewhere(const JobPtr& job, const QString& status)
{
    const QString note =
        u"the platform answered that the order is %1"_s.arg(status.isEmpty() ? u"closed"_s : status);
    move(job, {step::Settled, {}, {}, note}, [this, job] {
        ++m_pass->summary.settledElsewhere;
        finish(job);
    });
}

void FulfilmentWorker::move(const JobPtr& job, const storage::FulfilmentStepUpdate& update,
                            std::function<void()> next)
{
    const qint64 orderId = job->orderId();
    const QString from = job->record().step;
    auto moved = m_writer.submit(u"fulfilment.step"_s, [orderId, from, update](storage::WriteContext& ctx) {
        return storage::fulfilments::advance(ctx, orderId, from, update);
    });
    watch(moved, [this, job, update, next = std::move(next)](const core::Result<void>& r) {
        if (!m_pass)
            return;
        if (!r) {
            m_pass->summary.error = r.error().detail;
            m_pass->stopping = true;
            return finish(job);
        }
        storage::FulfilmentRecord& record = *job->candidate.record;
        record.step = update.step;
        if (update.reason)
            record.reason = *update.reason;
        if (update.purchaseId)
            record.purchaseId = update.purchaseId;
        if (update.error)
            record.error = *update.error;
        next();
    });
}

void FulfilmentWorker::transient(const JobPtr& job, const QString& error)
{
    ++m_pass->summary.errors;
    ++m_pass->summary.waiting;
    Q_EMIT stepFailed(job->orderId(), error);
    const qint64 orderId = job->orderId();
    watch(m_writer.submit(u"fulfilment.attempt"_s,
                          [orderId, error](storage::WriteContext& ctx) {
                              return storage::fulfilments::noteAttempt(ctx, orderId, error);
                          }),
          [this, job](const core::Result<void>&) { finish(job); });
}

void FulfilmentWorker::finish(const JobPtr& job)
{
    jobDone(job);
}

} // namespace cardops::sync
