// PlatformState: pricing, the order flow and balance movements (the platform's own behaviour).
#include "sim/data/goodscards.h"
#include "sim/data/platformstate.h"

#include <algorithm>

namespace cardops::sim {

Money PlatformState::memberPrice(const Goods& goods, const Member& member) const
{
    for (const ContractPrice& c : goods.contractPrices)
        if (c.memberId == member.id)
            return c.price;
    for (const TierPrice& t : goods.tierPrices)
        if (t.tierId == member.tierId)
            return t.price;
    for (const Tier& t : m_tiers)
        if (t.id == member.tierId)
            return core::rounding::tierPrice(goods.price, t.discount);
    return goods.price;
}

int PlatformState::depthOf(qint64 memberId) const
{
    int depth = 0;
    qint64 id = memberId;
    while (id > 0 && id <= m_members.size() && depth <= m_members.size()) {
        ++depth;
        id = m_members[id - 1].parentId;
    }
    return depth;
}

void PlatformState::book(qint32 memberIndex, LedgerKind kind, Money amount, qint32 orderIndex, qint64 at)
{
    Member& m = m_members[memberIndex];
    LedgerEntry e;
    e.amount = amount;
    e.createdAt = at;
    e.memberId = static_cast<qint32>(m.id);
    e.orderIndex = orderIndex;
    e.kind = kind;
    const auto index = static_cast<qint32>(m_ledger.size());
    m_ledger.append(e);
    commitPrepared(core::Feed::Ledger, index);
    m.balance += amount;
    commitChange(core::Feed::Members, memberIndex, at);
}

void PlatformState::bookCommissions(qint32 orderIndex, qint64 at)
{
    const Order& o = m_orders[orderIndex];
    qint64 ancestor = m_members[o.memberId - 1].parentId;
    for (int k = 0; ancestor > 0 && k < 8; ++k) {
        const auto ai = static_cast<qint32>(ancestor - 1);
        const Member& a = m_members[ai];
        for (const Tier& t : m_tiers) {
            if (t.id != a.tierId || k >= t.commissionRates.size())
                continue;
            const Money c = core::rounding::commission(o.paidAmount, t.commissionRates[k]);
            if (c > Money())
                book(ai, LedgerKind::Commission, c, orderIndex, at);
        }
        ancestor = a.parentId;
    }
}

bool PlatformState::deliverNow(qint32 orderIndex, bool fromStock)
{
    Order& o = m_orders[orderIndex];
    const qint64 at = now();
    const auto gi = static_cast<qint32>(o.goodsId - 1);
    if (fromStock) {
        Goods& g = m_goods[gi];
        if (g.direct || g.stockAvailable < o.quantity)
            return false;
        g.stockAvailable -= o.quantity;
        if (m_goodsCards)
            m_goodsCards->allocate(gi, orderIndex, o.quantity); // uploaded cards go first
        commitChange(core::Feed::Goods, gi, at);
    }
    ++m_deliveries;
    if (!fromStock && o.handedOver)
        ++m_suppliedDeliveries;
    if (m_delivered.contains(orderIndex))
        ++m_deliveredTwice;
    m_delivered.insert(orderIndex);
    o.status = OrderStatus::Delivered;
    o.deliveredAt = at;
    o.updatedAt = at;
    bookCommissions(orderIndex, at);
    return true;
}

qint32 PlatformState::placeOrder(const OrderDraft& draft)
{
    const Goods& g = m_goods[draft.goodsIndex];
    const Member& m = m_members[draft.memberIndex];
    const qint64 at = draft.createdAt != 0 ? draft.createdAt : now();
    Order o;
    o.memberId = static_cast<qint32>(m.id);
    o.goodsId = static_cast<qint32>(g.id);
    o.quantity = draft.quantity;
    o.unitPrice = memberPrice(g, m);
    o.amount = core::rounding::lineTotal(o.unitPrice, draft.quantity);
    o.paidAmount = draft.paidAmount.value_or(o.amount);
    o.costAtOrder = g.cost;
    o.payChannel = draft.payChannel;
    o.chargeAccount = draft.chargeAccount;
    o.createdAt = at;
    o.updatedAt = at;
    const auto index = static_cast<qint32>(m_orders.size());
    m_orders.append(o);
    if (!draft.contact.isEmpty())
        m_orderContact.insert(index, draft.contact);
    Order& placed = m_orders[index];
    if (draft.unpaid) {
        commitPrepared(core::Feed::Orders, index);
        return index;
    }
    placed.paidAt = at;
    placed.status = OrderStatus::Paid;
    if (placed.payChannel == PayChannel::Balance) {
        const Money short_ = placed.paidAmount - m_members[draft.memberIndex].balance;
        if (short_ > Money()) {
            const qint64 hundreds =
                (short_.units() + 100 * Money::UnitsPerYuan - 1) / (100 * Money::UnitsPerYuan);
            book(draft.memberIndex, LedgerKind::Recharge, Money::fromYuan(hundreds * 100), -1, at);
        }
        book(draft.memberIndex, LedgerKind::Purchase, -placed.paidAmount, index, at);
    }
    ReviewReason reason = draft.forcedReason;
    if (reason == ReviewReason::None) {
        if (placed.paidAmount != placed.amount)
            reason = ReviewReason::AmountMismatch;
        else if (g.direct && placed.chargeAccount == 0)
            reason = ReviewReason::MissingChargeAccount;
        else if (placed.chargeAccount != 0 && m_blacklist.contains(placed.chargeAccount))
            reason = ReviewReason::BlacklistedAccount;
    }
    if (reason != ReviewReason::None) {
        placed.status = OrderStatus::Review;
        placed.reviewReason = reason;
    } else if (g.ownerCardops) {
        placed.status = OrderStatus::HandedOver;
        placed.handedOver = true;
    } else {
        deliverNow(index, !g.direct);
    }
    commitPrepared(core::Feed::Orders, index);
    return index;
}

} // namespace cardops::sim
