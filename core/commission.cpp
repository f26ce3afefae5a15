#include "core/commission.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QSet>
#include <algorithm>

namespace cardops::core {

void TierHistory::add(qint64 memberId, qint64 from, qint64 tierId)
{
    QList<TierChange>& list = m_changes[memberId];
    const auto at = std::lower_bound(list.begin(), list.end(), from,
                                     [](const TierChange& c, qint64 t) { return c.from < t; });
    if (at != list.end() && at->from == from)
        at->tierId = tierId;
    else
        list.insert(at, TierChange{from, tierId});
}

Result<qint64> TierHistory::tierAt(qint64 memberId, qint64 at) const
{
    const auto it = m_changes.constFind(memberId);
    if (it != m_changes.cend()) {
        const QList<TierChange>& list = *it;
        // The first change after `at`; the one before it is in force.
        const auto next = std::upper_bound(list.cbegin(), list.cend(), at,
                                           [](qint64 t, const TierChange& c) { return t < c.from; });
        if (next != list.cbegin())
            return std::prev(next)->tierId;
    }
    return makeError(ErrorCode::NotFound,
                     QStringLiteral("no tier known for member %1 at %2").arg(memberId).arg(at));
}

Result<CommissionLadder> commissionLadderFrom(const TierLadder& ladder)
{
    CommissionLadder out;
    for (const Tier& tier : ladder.tiers) {
        const QJsonDocument doc = QJsonDocument::fromJson(tier.commissionRates);
        if (!doc.isArray())
            return makeError(ErrorCode::Parse,
                             QStringLiteral("tier %1: commission_rates is not an array").arg(tier.id));
        QList<Rate> rates;
        for (const QJsonValue& v : doc.array()) {
            const Result<Rate> rate = Rate::parse(v.toString());
            if (!v.isString() || !rate)
                return makeError(ErrorCode::Parse, QStringLiteral("tier %1: bad commission rate at depth %2")
                                                       .arg(tier.id)
                                                       .arg(rates.size() + 1));
            rates.append(*rate);
        }
        out.insert(tier.id, rates);
    }
    return out;
}

Result<QList<qint64>> ancestorChain(qint64 buyerId, const ParentLinks& parents)
{
    QList<qint64> chain;
    // Every member may appear once; a repeat is a cycle, so the walk ends after at most
    // parents.size() + 1 steps whatever the data says.
    QSet<qint64> seen{buyerId};
    for (qint64 at = parents.value(buyerId, 0); at > 0; at = parents.value(at, 0)) {
        if (seen.contains(at))
            return makeError(
                ErrorCode::InvalidArgument,
                QStringLiteral("cycle in the agent tree above member %1 at member %2").arg(buyerId).arg(at));
        seen.insert(at);
        chain.append(at);
    }
    return chain;
}

Result<QList<ExpectedCommission>> expectedCredits(const CommissionOrder& order, const QList<qint64>& chain,
                                                  const TierHistory& tiers, const CommissionLadder& ladder)
{
    QList<ExpectedCommission> out;
    for (qsizetype k = 0; k < chain.size(); ++k) {
        const qint64 member = chain[k];
        const Result<qint64> tier = tiers.tierAt(member, order.createdAt);
        if (!tier)
            return makeError(tier.error().code,
                             QStringLiteral("order %1: %2").arg(order.orderId).arg(tier.error().detail));
        const auto rates = ladder.constFind(*tier);
        if (rates == ladder.cend())
            return makeError(ErrorCode::NotFound, QStringLiteral("order %1: member %2 holds unknown tier %3")
                                                      .arg(order.orderId)
                                                      .arg(member)
                                                      .arg(*tier));
        if (k >= rates->size())
            continue; // this tier earns nothing at this depth
        const Money amount = rounding::commission(order.paidAmount, rates->at(k));
        if (amount.isZero())
            continue;
        out.append(ExpectedCommission{order.orderId, member, static_cast<int>(k + 1), -1,
                                      CommissionKind::Credit, amount});
    }
    return out;
}

QList<Money> reversalsOf(Money credit, Money paid, const QList<Money>& refunds)
{
    QList<Money> out;
    out.reserve(refunds.size());
    Money refunded;
    Money reversed;
    for (const Money refund : refunds) {
        refunded += refund;
        // The cumulative share is rounded once, so rounding never accumulates across refunds.
        const Money total = rounding::commissionReversal(credit, refunded, paid);
        out.append(total - reversed);
        reversed = total;
    }
    return out;
}

Result<QList<ExpectedCommission>> expectedCommissions(const CommissionOrder& order,
                                                      const QList<qint64>& chain, const TierHistory& tiers,
                                                      const CommissionLadder& ladder,
                                                      const QList<Money>& refunds)
{
    Result<QList<ExpectedCommission>> credits = expectedCredits(order, chain, tiers, ladder);
    if (!credits)
        return credits;
    QList<ExpectedCommission> out = *credits;
    for (const ExpectedCommission& credit : *credits) {
        const QList<Money> backs = reversalsOf(credit.amount, order.paidAmount, refunds);
        for (qsizetype i = 0; i < backs.size(); ++i) {
            if (backs[i].isZero())
                continue;
            ExpectedCommission r = credit;
            r.kind = CommissionKind::Reversal;
            r.refund = static_cast<int>(i);
            r.amount = backs[i];
            out.append(r);
        }
    }
    return out;
}

Result<CreditedCommission> creditedFromLedger(const LedgerEntry& entry)
{
    if (entry.kind != u"commission")
        return makeError(
            ErrorCode::InvalidArgument,
            QStringLiteral("ledger entry %1 is %2, not a commission").arg(entry.id).arg(entry.kind));
    if (entry.amount.isZero())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("ledger entry %1 is a zero commission").arg(entry.id));
    const bool reversal = entry.amount.isNegative();
    return CreditedCommission{entry.id, entry.orderId, entry.memberId,
                              reversal ? CommissionKind::Reversal : CommissionKind::Credit,
                              reversal ? -entry.amount : entry.amount};
}

namespace {

struct Group
{
    QList<ExpectedCommission> expected;
    QList<CreditedCommission> credited;
};

using GroupKey = std::pair<qint64, int>; // order id, kind (credits first)

// Pairs the not yet matched entries of a group for which `match` holds, in list order, handing each
// pair to `onPair` and removing both from the group.
template<typename Match, typename OnPair> void pairOff(Group& g, Match match, OnPair onPair)
{
    for (qsizetype e = 0; e < g.expected.size();) {
        const auto c = std::find_if(g.credited.begin(), g.credited.end(),
                                    [&](const CreditedCommission& x) { return match(g.expected[e], x); });
        if (c == g.credited.end()) {
            ++e;
            continue;
        }
        onPair(g.expected[e], *c);
        g.credited.erase(c);
        g.expected.removeAt(e);
    }
}

CommissionDifference difference(DifferenceKind kind, const ExpectedCommission& e, const CreditedCommission& c)
{
    return CommissionDifference{kind,     e.orderId,  e.kind,   e.memberId,
                                e.amount, c.memberId, c.amount, c.ledgerId};
}

} // namespace

QList<CommissionDifference> compareCommissions(const QList<ExpectedCommission>& expected,
                                               const QList<CreditedCommission>& credited)
{
    QMap<GroupKey, Group> groups; // sorted, so the differences come out in a stable order
    for (const ExpectedCommission& e : expected)
        groups[{e.orderId, static_cast<int>(e.kind)}].expected.append(e);
    for (const CreditedCommission& c : credited)
        groups[{c.orderId, static_cast<int>(c.kind)}].credited.append(c);

    QList<CommissionDifference> out;
    for (auto it = groups.begin(); it != groups.end(); ++it) {
        Group& g = it.value();
        const auto ignore = [](const ExpectedCommission&, const CreditedCommission&) {
        };
        pairOff(
            g,
            [](const ExpectedCommission& e, const CreditedCommission& c) {
                return e.memberId == c.memberId && e.amount == c.amount;
            },
            ignore);
        pairOff(
            g,
            [](const ExpectedCommission& e, const CreditedCommission& c) { return e.memberId == c.memberId; },
            [&](const ExpectedCommission& e, const CreditedCommission& c) {
                out.append(difference(DifferenceKind::WrongAmount, e, c));
            });
        pairOff(
            g, [](const ExpectedCommission& e, const CreditedCommission& c) { return e.amount == c.amount; },
            [&](const ExpectedCommission& e, const CreditedCommission& c) {
                out.append(difference(DifferenceKind::WrongMember, e, c));
            });
        for (const ExpectedCommission& e : g.expected)
            out.append(CommissionDifference{DifferenceKind::Missing, e.orderId, e.kind, e.memberId, e.amount,
                                            0, Money(), 0});
        for (const CreditedCommission& c : g.credited)
            out.append(CommissionDifference{DifferenceKind::Unexpected, c.orderId, c.kind, 0, Money(),
                                            c.memberId, c.amount, c.ledgerId});
    }
    return out;
}

} // namespace cardops::core
