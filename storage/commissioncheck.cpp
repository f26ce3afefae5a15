#include "storage/commissioncheck.h"

#include "storage/memberstats.h"
#include "storage/readsession.h"

#include <QMap>
#include <QSet>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace cardops::storage::commissioncheck {

namespace {

using core::CommissionKind;
using core::CreditedCommission;
using core::ExpectedCommission;
using core::Money;

struct OrderRow
{
    qint64 id = 0;
    QString orderNo;
    qint64 buyerId = 0;
    Money paid;
    Money refundAmount;
    qint64 createdAt = 0;
    qint64 deliveredAt = 0;
};

struct ParentChange
{
    qint64 from = 0;
    qint64 parentId = 0;
};

// Everything of one period, loaded once, computed once.
struct Computed
{
    QList<OrderRow> orders;
    QHash<qint64, qsizetype> orderIndex;
    QSet<qint64> verifiedOrders;
    QList<ExpectedCommission> expected;  // of the verified orders
    QList<CreditedCommission> credited;  // of the verified orders, ledger order
    QList<CreditedCommission> unchecked; // the platform's entries on unverifiable orders
    QList<Unverifiable> unverifiable;
    qint64 undelivered = 0;
};

core::Error cancelled()
{
    return core::makeError(core::ErrorCode::Conflict, u"the commission check was cancelled"_s);
}

QString quotedStatuses()
{
    QStringList quoted;
    for (const QString& status : memberstats::paidStatuses())
        quoted.append(u"'"_s + status + u"'"_s);
    return quoted.join(u", "_s);
}

// The parent in force at `at`: the latest change at or before it. False when the member's history
// starts later (or is empty): the member did not exist yet as far as the cache knows.
bool parentAt(const QHash<qint64, QList<ParentChange>>& parents, qint64 member, qint64 at, qint64* parent)
{
    const auto it = parents.constFind(member);
    if (it == parents.cend())
        return false;
    const auto next = std::upper_bound(it->cbegin(), it->cend(), at,
                                       [](qint64 t, const ParentChange& c) { return t < c.from; });
    if (next == it->cbegin())
        return false;
    *parent = std::prev(next)->parentId;
    return true;
}

core::Result<Computed> compute(const ReadSession& read, qint64 from, qint64 to, Progress* progress)
{
    Computed c;
    auto orderRows = read.select(u"SELECT id, order_no, member_id, paid_amount, refund_amount, created_at, "
                                 u"delivered_at "
                                 u"FROM orders WHERE created_at >= ? AND created_at < ? AND status IN (%1) "
                                 u"ORDER BY id"_s.arg(quotedStatuses()),
                                 {from, to});
    if (!orderRows)
        return orderRows.error();
    c.orders.reserve(orderRows->size());
    for (const QVariantList& r : *orderRows) {
        c.orderIndex.insert(r[0].toLongLong(), c.orders.size());
        c.orders.append({r[0].toLongLong(), r[1].toString(), r[2].toLongLong(),
                         Money::fromUnits(r[3].toLongLong()), Money::fromUnits(r[4].toLongLong()),
                         r[5].toLongLong(), r[6].toLongLong()});
    }
    if (progress)
        progress->total = c.orders.size();

    auto tierRows = read.select(u"SELECT id, name, rank, commission_rates FROM tiers"_s);
    if (!tierRows)
        return tierRows.error();
    core::TierLadder platformLadder;
    for (const QVariantList& r : *tierRows) {
        core::Tier t;
        t.id = r[0].toLongLong();
        t.name = r[1].toString();
        t.rank = r[2].toLongLong();
        t.commissionRates = r[3].toString().toUtf8();
        platformLadder.tiers.append(t);
    }
    auto ladder = core::commissionLadderFrom(platformLadder);
    if (!ladder)
        return ladder.error();

    auto historyRows = read.select(
        u"SELECT member_id, from_at, tier_id, parent_id FROM member_history ORDER BY member_id, from_at"_s);
    if (!historyRows)
        return historyRows.error();
    core::TierHistory tiers;
    QHash<qint64, QList<ParentChange>> parents;
    parents.reserve(historyRows->size());
    for (const QVariantList& r : *historyRows) {
        const qint64 member = r[0].toLongLong();
        tiers.add(member, r[1].toLongLong(), r[2].toLongLong());
        parents[member].append({r[1].toLongLong(), r[3].toLongLong()});
    }
    if (progress && progress->cancel)
        return cancelled();

    // Commission and refund entries of the period's orders: all are booked at or after the order's
    // creation, so the scan starts at `from` (refunds may come after `to`).
    auto ledgerRows = read.select(u"SELECT id, member_id, kind, amount, order_id, created_at FROM ledger "
                                  u"WHERE kind IN ('commission', 'refund') AND created_at >= ?"_s,
                                  {from});
    if (!ledgerRows)
        return ledgerRows.error();
    QHash<qint64, QList<Money>> refunds;
    QHash<qint64, QList<CreditedCommission>> credited;
    // No ORDER BY: the plan walks ledger_created from `from` instead of the whole table by id; the
    // rows of the period's orders are put in ledger order here.
    QList<const QVariantList*> ledger;
    for (const QVariantList& r : *ledgerRows)
        if (c.orderIndex.contains(r[4].toLongLong()))
            ledger.append(&r);
    std::sort(ledger.begin(), ledger.end(), [](const QVariantList* a, const QVariantList* b) {
        return (*a)[0].toLongLong() < (*b)[0].toLongLong();
    });
    for (const QVariantList* row : ledger) {
        const QVariantList& r = *row;
        const qint64 orderId = r[4].toLongLong();
        core::LedgerEntry e;
        e.id = r[0].toLongLong();
        e.memberId = r[1].toLongLong();
        e.kind = r[2].toString();
        e.amount = Money::fromUnits(r[3].toLongLong());
        e.orderId = orderId;
        e.createdAt = r[5].toLongLong();
        if (e.kind == u"refund"_s) {
            refunds[orderId].append(e.amount.isNegative() ? -e.amount : e.amount);
            continue;
        }
        auto entry = core::creditedFromLedger(e);
        if (entry) // a zero commission entry credits nothing
            credited[orderId].append(*entry);
    }

    for (qsizetype i = 0; i < c.orders.size(); ++i) {
        if ((i & 1023) == 0 && progress) {
            progress->done = i;
            if (progress->cancel)
                return cancelled();
        }
        const OrderRow& o = c.orders[i];
        // The platform credits commissions when it delivers an order: one never delivered (still
        // in progress, or refused and refunded) earns nothing, so nothing is expected of it.
        if (o.deliveredAt == 0) {
            ++c.undelivered;
            c.verifiedOrders.insert(o.id);
            c.credited.append(credited.value(o.id));
            continue;
        }
        // The parent links along the buyer's path as they stood at the order's time; the core walk
        // refuses a cycle.
        core::ParentLinks links;
        QString reason;
        for (qint64 at = o.buyerId;;) {
            qint64 parent = 0;
            if (!parentAt(parents, at, o.createdAt, &parent)) {
                reason = u"order %1: no history for member %2 at %3"_s.arg(o.id).arg(at).arg(o.createdAt);
                break;
            }
            const bool seen = links.contains(parent) || parent == o.buyerId;
            links.insert(at, parent);
            if (parent <= 0 || seen)
                break;
            at = parent;
        }
        QList<ExpectedCommission> expected;
        if (reason.isEmpty()) {
            auto chain = core::ancestorChain(o.buyerId, links);
            if (!chain) {
                reason = u"order %1: %2"_s.arg(o.id).arg(chain.error().detail);
            } else {
                QList<Money> orderRefunds = refunds.value(o.id);
                if (orderRefunds.isEmpty() && o.refundAmount > Money())
                    orderRefunds.append(o.refundAmount);
                auto all = core::expectedCommissions({o.id, o.buyerId, o.paid, o.createdAt}, *chain, tiers,
                                                     *ladder, orderRefunds);
                if (!all)
                    reason = all.error().detail;
                else
                    expected = std::move(*all);
            }
        }
        const QList<CreditedCommission> booked = credited.value(o.id);
        if (!reason.isEmpty()) {
            c.unverifiable.append({o.id, o.orderNo, reason});
            c.unchecked.append(booked);
            continue;
        }
        c.verifiedOrders.insert(o.id);
        c.expected.append(expected);
        c.credited.append(booked);
    }
    if (progress)
        progress->done = c.orders.size();
    return c;
}

Money signedAmount(CommissionKind kind, Money amount)
{
    return kind == CommissionKind::Credit ? amount : -amount;
}

QHash<qint64, QString> namesOf(const ReadSession& read, const QSet<qint64>& ids)
{
    QHash<qint64, QString> out;
    QList<qint64> list(ids.cbegin(), ids.cend());
    std::sort(list.begin(), list.end());
    for (qsizetype at = 0; at < list.size(); at += 500) {
        QStringList part;
        for (qsizetype i = at; i < std::min<qsizetype>(list.size(), at + 500); ++i)
            part << QString::number(list[i]); // integers only: safe to write in place
        auto rows = read.select(u"SELECT id, name FROM members WHERE id IN (%1)"_s.arg(part.join(u',')));
        if (rows)
            for (const QVariantList& r : *rows)
                out.insert(r[0].toLongLong(), r[1].toString());
    }
    return out;
}

} // namespace

int CheckResult::count(core::DifferenceKind kind) const
{
    return static_cast<int>(
        std::count_if(differences.cbegin(), differences.cend(),
                      [kind](const core::CommissionDifference& d) { return d.kind == kind; }));
}

QString kindCode(core::DifferenceKind kind)
{
    switch (kind) {
    case core::DifferenceKind::Missing:
        return u"missing"_s;
    case core::DifferenceKind::Unexpected:
        return u"unexpected"_s;
    case core::DifferenceKind::WrongAmount:
        return u"wrong_amount"_s;
    case core::DifferenceKind::WrongMember:
        return u"wrong_member"_s;
    }
    return {};
}

core::Result<CheckResult> run(const ReadSession& read, qint64 from, qint64 to, Progress* progress)
{
    auto computed = compute(read, from, to, progress);
    if (!computed)
        return computed.error();
    CheckResult out;
    out.from = from;
    out.to = to;
    out.orders = computed->orders.size();
    out.verified = computed->verifiedOrders.size();
    out.undelivered = computed->undelivered;
    for (const ExpectedCommission& e : computed->expected)
        out.expectedTotal += signedAmount(e.kind, e.amount);
    for (const CreditedCommission& e : computed->credited)
        out.creditedTotal += signedAmount(e.kind, e.amount);
    out.differences = core::compareCommissions(computed->expected, computed->credited);
    out.unverifiable = std::move(computed->unverifiable);
    QSet<qint64> members;
    for (const core::CommissionDifference& d : out.differences) {
        out.orderNos.insert(d.orderId, computed->orders[computed->orderIndex.value(d.orderId)].orderNo);
        if (d.expectedMemberId > 0)
            members.insert(d.expectedMemberId);
        if (d.actualMemberId > 0)
            members.insert(d.actualMemberId);
    }
    out.memberNames = namesOf(read, members);
    return out;
}

core::Result<Statement> statement(const ReadSession& read, qint64 memberId, qint64 from, qint64 to,
                                  Progress* progress)
{
    auto computed = compute(read, from, to, progress);
    if (!computed)
        return computed.error();
    Statement out;
    out.memberId = memberId;
    out.from = from;
    out.to = to;
    // The agent's expected and booked entries per order and kind, each side in its own order.
    struct Sides
    {
        QList<const ExpectedCommission*> expected;
        QList<const CreditedCommission*> credited;
    };
    QMap<std::pair<qint64, int>, Sides> byOrder;
    for (const ExpectedCommission& e : computed->expected)
        if (e.memberId == memberId)
            byOrder[{e.orderId, static_cast<int>(e.kind)}].expected.append(&e);
    for (const CreditedCommission& e : computed->credited)
        if (e.memberId == memberId)
            byOrder[{e.orderId, static_cast<int>(e.kind)}].credited.append(&e);
    QSet<qint64> buyers{memberId};
    for (auto it = byOrder.cbegin(); it != byOrder.cend(); ++it) {
        const OrderRow& o = computed->orders[computed->orderIndex.value(it.key().first)];
        buyers.insert(o.buyerId);
        const auto kind = static_cast<CommissionKind>(it.key().second);
        const qsizetype n = std::max(it->expected.size(), it->credited.size());
        for (qsizetype i = 0; i < n; ++i) {
            StatementEntry s;
            s.orderId = o.id;
            s.orderNo = o.orderNo;
            s.orderAt = o.createdAt;
            s.buyerId = o.buyerId;
            s.kind = kind;
            if (i < it->expected.size()) {
                s.hasExpected = true;
                s.depth = it->expected[i]->depth;
                s.expected = signedAmount(kind, it->expected[i]->amount);
                out.expectedTotal += s.expected;
            }
            if (i < it->credited.size()) {
                s.ledgerId = it->credited[i]->ledgerId;
                s.credited = signedAmount(kind, it->credited[i]->amount);
                out.creditedTotal += s.credited;
            }
            out.entries.append(s);
        }
    }
    QSet<qint64> unchecked;
    for (const CreditedCommission& e : computed->unchecked)
        if (e.memberId == memberId)
            unchecked.insert(e.orderId);
    for (const Unverifiable& u : computed->unverifiable)
        if (unchecked.contains(u.orderId))
            out.unverifiable.append(u);
    const QHash<qint64, QString> names = namesOf(read, buyers);
    out.memberName = names.value(memberId);
    for (StatementEntry& s : out.entries)
        s.buyerName = names.value(s.buyerId);
    return out;
}

} // namespace cardops::storage::commissioncheck
