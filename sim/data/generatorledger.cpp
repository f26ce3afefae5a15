// Generator: one historical order's life, the ledger it causes, withdrawals, and the initial commit.
#include "sim/data/generator_p.h"

namespace cardops::sim {

void Generator::makeOrder(qint32 index, qint64 t)
{
    const auto mi = static_cast<qint32>(m_memberPicker.pick(m_rng));
    const Member& m = m_state.m_members[mi];
    qint32 gi = 0;
    if (!m_contract[mi].isEmpty() && m_rng.chance(0.6))
        gi = m_rng.pick(m_contract[mi]);
    else
        gi = static_cast<qint32>(m_goodsPicker.pick(m_rng));
    const Goods& g = m_state.m_goods[gi];
    Order& o = m_state.m_orders[index];
    o.memberId = static_cast<qint32>(m.id);
    o.goodsId = static_cast<qint32>(g.id);
    if (!g.direct) {
        switch (m.kind) {
        case MemberKind::Consumer:
            o.quantity = m_rng.chance(0.85) ? 1 : static_cast<qint32>(m_rng.range(2, 3));
            break;
        case MemberKind::Agent:
            o.quantity = static_cast<qint32>(m_rng.range(1, 10));
            break;
        case MemberKind::Enterprise:
            o.quantity = static_cast<qint32>(m_rng.range(5, 50));
            break;
        }
    }
    const bool prepaid = m.kind != MemberKind::Consumer ? m_rng.chance(0.85) : m_rng.chance(0.05);
    o.payChannel = prepaid              ? PayChannel::Balance
                   : m_rng.chance(0.58) ? PayChannel::Alipay
                                        : PayChannel::Wechat;
    o.chargeAccount = g.direct ? m_phone[mi] : 0;
    o.unitPrice = m_state.memberPrice(g, m);
    o.costAtOrder = g.cost;
    o.createdAt = t;
    o.updatedAt = t;
    const double roll = m_rng.unit();
    if ((t > m_end - 1800 && roll < 0.03) || t + 90 >= m_end) {
        o.amount = o.paidAmount = core::rounding::lineTotal(o.unitPrice, o.quantity);
        o.status = OrderStatus::Unpaid;
        return;
    }
    if (roll < 0.015) {
        o.amount = o.paidAmount = core::rounding::lineTotal(o.unitPrice, o.quantity);
        o.status = OrderStatus::Cancelled;
        o.updatedAt = t + 900 < m_end ? t + 900 : t;
        o.version = 2;
        return;
    }
    o.paidAt = t + m_rng.range(3, 90);
    o.version = 2;
    if (roll < 0.025) { // the platform's own checks
        const qint64 kind = m_rng.below(4);
        if (kind == 1 && g.direct) {
            o.reviewReason = ReviewReason::MissingChargeAccount;
            o.chargeAccount = 0;
        } else if (kind == 2) {
            o.reviewReason = ReviewReason::QuantityAboveNorm;
            o.quantity *= 20;
        } else if (kind == 3 && g.direct) {
            o.reviewReason = ReviewReason::BlacklistedAccount;
            o.chargeAccount = m_rng.pick(m_state.m_blacklist);
        } else {
            o.reviewReason = ReviewReason::AmountMismatch;
        }
    }
    o.amount = core::rounding::lineTotal(o.unitPrice, o.quantity);
    o.paidAmount = o.amount;
    if (o.reviewReason == ReviewReason::AmountMismatch)
        o.paidAmount = qMax(Money::fromUnits(100), o.amount - Money::fromUnits(100 * m_rng.range(1, 500)));
    if (o.payChannel == PayChannel::Balance)
        m_events.append({o.paidAt, -o.paidAmount, mi, index, LedgerKind::Purchase});
    o.updatedAt = o.paidAt;
    o.handedOver = g.ownerCardops;
    if (o.reviewReason != ReviewReason::None) {
        if (o.paidAt > m_end - 3 * 86400) {
            o.status = OrderStatus::Review;
            return;
        }
        if (m_rng.chance(0.4)) { // refused after review
            o.refundAmount = o.paidAmount;
            o.status = OrderStatus::Refunded;
            o.updatedAt = o.paidAt + m_rng.range(3600, 20 * 3600);
            o.version = 4;
            m_events.append({o.updatedAt, o.refundAmount, mi, index, LedgerKind::Refund});
            return;
        }
    }
    const qint64 delay = o.reviewReason != ReviewReason::None ? m_rng.range(3600, 20 * 3600)
                         : g.ownerCardops                     ? m_rng.range(20, 900)
                                                              : m_rng.range(1, 8);
    if (o.paidAt + delay >= m_end) {
        o.status = g.ownerCardops ? OrderStatus::HandedOver : OrderStatus::Paid;
        return;
    }
    o.deliveredAt = o.paidAt + delay;
    o.status = OrderStatus::Delivered;
    o.updatedAt = o.deliveredAt;
    o.version = 3;
    if (!g.direct && m_rng.chance(0.75)) {
        const qint64 seen = o.deliveredAt + m_rng.range(5, 7200);
        if (seen < m_end) {
            o.revealedAt = seen;
            o.updatedAt = seen;
            o.version = 4;
        }
    }
    const qsizetype firstCommission = m_events.size();
    commissionEvents(index, o.deliveredAt);
    if (m_rng.chance(0.02)) {
        const qint64 at = o.updatedAt + m_rng.range(600, 3 * 86400);
        if (at >= m_end)
            return;
        o.refundAmount =
            m_rng.chance(0.7)
                ? o.paidAmount
                : Money::fromUnits(o.paidAmount.units() * m_rng.range(30, 70) / 100).roundedToCents();
        if (o.refundAmount <= Money())
            o.refundAmount = o.paidAmount;
        o.status = OrderStatus::Refunded;
        o.updatedAt = at;
        ++o.version;
        m_events.append({at, o.refundAmount, mi, index, LedgerKind::Refund});
        const qsizetype lastCommission = m_events.size() - 1;
        for (qsizetype i = firstCommission; i < lastCommission; ++i) {
            const LedgerEvent c = m_events[i];
            const Money back = core::rounding::commissionReversal(c.amount, o.refundAmount, o.paidAmount);
            if (back > Money())
                m_events.append({at, -back, c.memberIndex, index, LedgerKind::Commission});
        }
    }
}

namespace {

// A well-mixed 64-bit value of (seed, order, depth) (splitmix64's finalizer): the fault choice
// never draws from the generator's random stream, so a history with faults differs from one
// without only in the faulty entries.
quint64 faultHash(quint64 seed, qint64 orderIndex, int depth)
{
    quint64 z =
        seed * 0x9E3779B97F4A7C15ULL + quint64(orderIndex) * 0xBF58476D1CE4E5B9ULL + quint64(depth) + 1;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

} // namespace

void Generator::commissionEvents(qint32 orderIndex, qint64 at)
{
    const Order& o = m_state.m_orders[orderIndex];
    QList<qint32> chain;
    for (qint64 ancestor = m_state.m_members[o.memberId - 1].parentId; ancestor > 0 && chain.size() < 8;
         ancestor = m_state.m_members[ancestor - 1].parentId)
        chain.append(static_cast<qint32>(ancestor - 1));
    bool faulted = false; // at most one fault an order, so each shows as the kind it is
    for (int k = 0; k < chain.size(); ++k) {
        const Tier& t = m_state.m_tiers[m_state.m_members[chain[k]].tierId - 1];
        if (k >= t.commissionRates.size())
            continue;
        Money c = core::rounding::commission(o.paidAmount, t.commissionRates[k]);
        if (c <= Money())
            continue;
        qint32 to = chain[k];
        const quint64 h = faultHash(m_params.seed, orderIndex, k);
        if (!faulted && m_params.commissionFaultsPer10k > 0 &&
            h % 10'000 < quint64(m_params.commissionFaultsPer10k)) {
            faulted = true;
            using Kind = PlatformState::CommissionFault::Kind;
            auto kind = static_cast<Kind>((h >> 32) % 3);
            if (kind == Kind::WrongMember && chain.size() < 2)
                kind = Kind::WrongAmount;
            if (kind == Kind::WrongMember)
                to = chain[k + 1 < chain.size() ? k + 1 : k - 1];
            else if (kind == Kind::WrongAmount)
                c += Money::fromUnits(Money::UnitsPerCent);
            m_state.m_commissionFaults.append({kind, PlatformState::orderId(orderIndex), chain[k] + 1,
                                               kind == Kind::Missing ? 0 : qint64(to) + 1});
            if (kind == Kind::Missing)
                continue;
        }
        m_events.append({at, c, to, orderIndex, LedgerKind::Commission});
    }
}

void Generator::makeLedger()
{
    std::stable_sort(m_events.begin(), m_events.end(),
                     [](const LedgerEvent& a, const LedgerEvent& b) { return a.at < b.at; });
    QList<Member>& members = m_state.m_members;
    QList<Money> balance(members.size());
    QList<LedgerEntry> out;
    out.reserve(m_events.size() + m_events.size() / 8);
    QList<LedgerEntry> paidOut;
    QList<qint32> agents;
    for (qsizetype i = 0; i < members.size(); ++i)
        if (members[i].kind == MemberKind::Agent)
            agents.append(static_cast<qint32>(i));
    auto entry = [](qint64 at, Money amount, qint32 mi, qint32 order, LedgerKind kind) {
        LedgerEntry e;
        e.amount = amount;
        e.createdAt = at;
        e.memberId = mi + 1;
        e.orderIndex = order;
        e.kind = kind;
        return e;
    };
    qint64 day = core::businessDay(m_start);
    for (const LedgerEvent& ev : m_events) {
        for (; day < core::businessDay(ev.at); ++day) { // agents cash out commissions (提现)
            for (qint32 ai : agents) {
                if (balance[ai] < Money::fromYuan(300) || !m_rng.chance(0.04))
                    continue;
                Withdrawal w;
                w.id = m_state.m_withdrawals.size() + 1;
                w.memberId = ai + 1;
                w.amount = Money::fromYuan(balance[ai].units() * m_rng.range(50, 90) / 100 /
                                           Money::UnitsPerYuan / 10 * 10);
                w.createdAt = core::businessDayStart(day + 1) + m_rng.range(9 * 3600, 22 * 3600);
                w.updatedAt = w.createdAt;
                if (w.createdAt >= m_end)
                    continue;
                if (w.createdAt < m_end - 2 * 86400) {
                    w.decidedAt = w.createdAt + m_rng.range(2 * 3600, 30 * 3600);
                    w.updatedAt = w.decidedAt;
                    w.version = 2;
                    w.status = m_rng.chance(0.9) ? WithdrawalStatus::Approved : WithdrawalStatus::Rejected;
                    if (w.status == WithdrawalStatus::Approved) {
                        balance[ai] -= w.amount;
                        paidOut.append(entry(w.decidedAt, -w.amount, ai, -1, LedgerKind::Withdrawal));
                    }
                }
                m_state.m_withdrawals.append(w);
            }
        }
        if (ev.kind == LedgerKind::Purchase && balance[ev.memberIndex] + ev.amount < Money()) {
            const qint64 shortUnits = -(balance[ev.memberIndex] + ev.amount).units();
            const qint64 step = members[ev.memberIndex].kind == MemberKind::Consumer ? 100 : 500;
            const qint64 yuan = (shortUnits / Money::UnitsPerYuan / step + 1) * step;
            out.append(entry(ev.at, Money::fromYuan(yuan), ev.memberIndex, -1, LedgerKind::Recharge));
            balance[ev.memberIndex] += Money::fromYuan(yuan);
        }
        out.append(entry(ev.at, ev.amount, ev.memberIndex, ev.orderIndex, ev.kind));
        balance[ev.memberIndex] += ev.amount;
    }
    m_events = {};
    std::stable_sort(paidOut.begin(), paidOut.end(),
                     [](const LedgerEntry& a, const LedgerEntry& b) { return a.createdAt < b.createdAt; });
    QList<LedgerEntry>& ledger = m_state.m_ledger;
    ledger.reserve(out.size() + paidOut.size());
    std::merge(out.cbegin(), out.cend(), paidOut.cbegin(), paidOut.cend(), std::back_inserter(ledger),
               [](const LedgerEntry& a, const LedgerEntry& b) { return a.createdAt < b.createdAt; });
    for (const LedgerEntry& e : ledger) {
        Member& m = members[e.memberId - 1];
        m.balance += e.amount;
        ++m.version;
        m.updatedAt = qMax(m.updatedAt, e.createdAt);
    }
}

void Generator::commitAll()
{
    auto commitByTime = [this](core::Feed feed, qsizetype n, auto updatedAt) {
        QList<qint32> order(n);
        for (qsizetype i = 0; i < n; ++i)
            order[i] = static_cast<qint32>(i);
        std::stable_sort(order.begin(), order.end(),
                         [&](qint32 a, qint32 b) { return updatedAt(a) < updatedAt(b); });
        for (qint32 i : order)
            m_state.commitPrepared(feed, i);
    };
    const PlatformState& s = m_state;
    commitByTime(core::Feed::Categories, s.m_categories.size(),
                 [&s](qint32 i) { return s.m_categories[i].updatedAt; });
    commitByTime(core::Feed::Goods, s.m_goods.size(), [&s](qint32 i) { return s.m_goods[i].updatedAt; });
    commitByTime(core::Feed::Members, s.m_members.size(),
                 [&s](qint32 i) { return s.m_members[i].updatedAt; });
    commitByTime(core::Feed::Orders, s.m_orders.size(), [&s](qint32 i) { return s.m_orders[i].updatedAt; });
    for (qsizetype i = 0; i < s.m_ledger.size(); ++i)
        m_state.commitPrepared(core::Feed::Ledger, static_cast<qint32>(i));
    commitByTime(core::Feed::Withdrawals, s.m_withdrawals.size(),
                 [&s](qint32 i) { return s.m_withdrawals[i].updatedAt; });
}

} // namespace cardops::sim
