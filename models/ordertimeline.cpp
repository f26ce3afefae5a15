#include "models/ordertimeline.h"

#include "core/csvexport.h"
#include "models/listpresentation.h"

#include <QStringList>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace cardops::models {

namespace {

using Kind = TimelineEvent::Kind;

QString yuan(core::Money m)
{
    return m.toString(2);
}

bool isPlatformCheck(const QString& reason)
{
    return reason == u"amount_mismatch" || reason == u"missing_charge_account" ||
           reason == u"quantity_above_norm" || reason == u"blacklisted_account";
}

bool wasPaid(const storage::OrderDetail& o)
{
    return o.paidAt > 0 || (o.status != u"unpaid" && o.status != u"cancelled");
}

} // namespace

QString OrderTimeline::buyer()
{
    return tr("Buyer");
}

QString OrderTimeline::platform()
{
    return tr("Platform");
}

QString OrderTimeline::cardOps()
{
    return tr("CardOps");
}

bool OrderTimeline::deliveredByCardOps(const storage::OrderDetail& order)
{
    return order.handedOver || order.goods.fulfilmentOwner == u"cardops";
}

QString OrderTimeline::reviewReason(const QString& reason)
{
    if (reason == u"amount_mismatch")
        return tr("Paid amount does not match the order");
    if (reason == u"missing_charge_account")
        return tr("No account to recharge");
    if (reason == u"quantity_above_norm")
        return tr("Quantity far above the usual");
    if (reason == u"blacklisted_account")
        return tr("Account on the blacklist");
    if (reason.isEmpty())
        return tr("No reason given");
    return reason;
}

QString OrderTimeline::editState(const QString& state)
{
    if (state == u"pending")
        return tr("waiting to be sent");
    if (state == u"conflict")
        return tr("conflicts with a change made elsewhere");
    if (state == u"failed")
        return tr("failed, waiting for an operator");
    if (state == u"done")
        return tr("accepted by the platform");
    if (state == u"dropped")
        return tr("dropped");
    return state;
}

QString OrderTimeline::timeText(qint64 unixSeconds)
{
    return unixSeconds > 0 ? core::formatShanghaiTime(unixSeconds) : tr("time not known");
}

QList<TimelineEvent> OrderTimeline::build(const storage::OrderDetail& o)
{
    QList<TimelineEvent> events;
    const QString goodsName = o.goods.cached ? o.goods.name : tr("goods #%1").arg(o.goods.id);
    events.append({Kind::Created, o.createdAt, buyer(), tr("Order placed"),
                   tr("%1, quantity %2, amount %3 yuan").arg(goodsName).arg(o.quantity).arg(yuan(o.amount))});
    if (wasPaid(o))
        events.append(
            {Kind::Paid, o.paidAt, buyer(), tr("Payment received"),
             tr("%1 yuan via %2").arg(yuan(o.paidAmount), ListPresentation::payChannel(o.payChannel))});
    if (o.handedOver || o.status == u"handed_over")
        events.append({Kind::HandedOver, 0, platform(), tr("Handed to CardOps to fulfil"),
                       tr("CardOps delivers this order while it holds the fulfilment lease")});
    if (o.status == u"review" || !o.reviewReason.isEmpty())
        events.append({Kind::Review, 0, isPlatformCheck(o.reviewReason) ? platform() : cardOps(),
                       tr("Held for review"), reviewReason(o.reviewReason)});
    if (o.deliveredAt > 0 || o.status == u"delivered") {
        QString detail;
        if (o.goods.kind == u"direct")
            detail = o.chargeAccount.isEmpty() ? tr("Recharged") : tr("Recharged to %1").arg(o.chargeAccount);
        else
            detail = tr("Cards delivered: %1").arg(o.quantity);
        events.append({Kind::Delivered, o.deliveredAt, deliveredByCardOps(o) ? cardOps() : platform(),
                       tr("Goods delivered"), detail});
    }
    if (o.revealedAt > 0)
        events.append({Kind::Revealed, o.revealedAt, buyer(), tr("Buyer viewed the cards"), {}});
    if (o.refundAmount.units() > 0)
        events.append({Kind::Refunded, o.updatedAt, platform(), tr("Refund"),
                       tr("Already refunded when synced: %1 yuan").arg(yuan(o.refundAmount))});
    if (o.status == u"cancelled")
        events.append(
            {Kind::Cancelled, o.updatedAt, platform(), tr("Cancelled"), tr("Already cancelled when synced")});

    for (const storage::OrderAuditEntry& a : o.audit)
        events.append(
            {Kind::Audit, a.at, a.operatorLogin, ListPresentation::auditAction(a.action), a.detail});
    for (const storage::OrderOutboxEntry& e : o.outbox) {
        if (e.state != u"pending" && e.state != u"conflict" && e.state != u"failed")
            continue;
        QStringList parts = {editState(e.state), e.method + u' ' + e.path};
        if (e.attempts > 0)
            parts << tr("attempts: %1").arg(e.attempts);
        if (!e.lastError.isEmpty())
            parts << tr("last error: %1").arg(e.lastError);
        events.append({Kind::PendingEdit, e.createdAt,
                       e.operatorLogin.isEmpty() ? cardOps() : e.operatorLogin, tr("Waiting to be pushed"),
                       parts.join(tr("; "))});
    }

    // A step without a time sorts as if it happened with the step before it (see the header).
    struct Keyed
    {
        qint64 at;
        qsizetype sequence;
    };
    QList<Keyed> keys;
    qint64 previous = 0;
    for (qsizetype i = 0; i < events.size(); ++i) {
        const qint64 at = events[i].time > 0 ? events[i].time : previous;
        keys.append({at, i});
        previous = at;
    }
    std::stable_sort(keys.begin(), keys.end(), [](const Keyed& a, const Keyed& b) {
        return a.at != b.at ? a.at < b.at : a.sequence < b.sequence;
    });
    QList<TimelineEvent> sorted;
    sorted.reserve(events.size());
    for (const Keyed& k : keys)
        sorted.append(events[k.sequence]);
    return sorted;
}

QString OrderTimeline::toText(const QList<TimelineEvent>& events)
{
    QStringList lines = {QStringList{tr("Time"), tr("By"), tr("Event"), tr("Detail")}.join(u'\t')};
    for (const TimelineEvent& e : events) {
        QString detail = e.detail;
        detail.replace(u'\t', u' ').replace(u'\n', u' ');
        lines << QStringList{timeText(e.time), e.actor, e.what, detail}.join(u'\t');
    }
    return lines.join(u'\n') + u'\n';
}

} // namespace cardops::models
