#include "sim/data/platformstate.h"

#include "sim/data/jsonout.h"

namespace cardops::sim {

using json::appendInt;
using json::appendMoney;
using json::appendString;

const char* memberKindName(MemberKind kind)
{
    switch (kind) {
    case MemberKind::Consumer:
        return "consumer";
    case MemberKind::Agent:
        return "agent";
    case MemberKind::Enterprise:
        return "enterprise";
    }
    return "consumer";
}

const char* orderStatusName(OrderStatus status)
{
    static const char* const names[] = {"unpaid",    "paid",   "handed_over", "delivering",
                                        "delivered", "review", "refunded",    "cancelled"};
    return names[static_cast<int>(status)];
}

const char* payChannelName(PayChannel channel)
{
    static const char* const names[] = {"alipay", "wechat", "balance", "offline"};
    return names[static_cast<int>(channel)];
}

const char* ledgerKindName(LedgerKind kind)
{
    static const char* const names[] = {"recharge",   "purchase", "commission",
                                        "withdrawal", "refund",   "adjustment"};
    return names[static_cast<int>(kind)];
}

const char* withdrawalStatusName(WithdrawalStatus status)
{
    static const char* const names[] = {"pending", "approved", "rejected"};
    return names[static_cast<int>(status)];
}

const char* reviewReasonCode(ReviewReason reason)
{
    static const char* const codes[] = {
        "", "amount_mismatch", "missing_charge_account", "quantity_above_norm", "blacklisted_account", ""};
    return codes[static_cast<int>(reason)];
}

PlatformState::PlatformState(const core::Clock& clock)
    : m_clock(clock)
{}

// ---- serialization ------------------------------------------------------------------------------

void PlatformState::appendCategory(QByteArray& out, const Category& c) const
{
    out += "{\"id\":";
    appendInt(out, c.id);
    out += ",\"parent_id\":";
    appendInt(out, c.parentId);
    out += ",\"name\":";
    appendString(out, c.name);
    out += ",\"sort\":";
    appendInt(out, c.sort);
    out += c.on ? ",\"status\":\"on\"" : ",\"status\":\"off\"";
    out += ",\"version\":";
    appendInt(out, c.version);
    out += ",\"updated_at\":";
    appendInt(out, c.updatedAt);
    out += '}';
}

void PlatformState::appendGoods(QByteArray& out, const Goods& g) const
{
    out += "{\"id\":";
    appendInt(out, g.id);
    out += ",\"sku\":";
    appendString(out, g.sku);
    out += ",\"name\":";
    appendString(out, g.name);
    out += ",\"category_id\":";
    appendInt(out, g.categoryId);
    out += ",\"sort\":";
    appendInt(out, g.sort);
    out += g.direct ? ",\"kind\":\"direct\"" : ",\"kind\":\"card\"";
    out += ",\"card_format\":";
    appendString(out, g.cardFormat);
    out += ",\"card_separator\":";
    appendString(out, g.cardSeparator);
    out += ",\"face_value\":";
    appendMoney(out, g.faceValue);
    out += ",\"price\":";
    appendMoney(out, g.price);
    out += ",\"tier_prices\":{";
    for (qsizetype i = 0; i < g.tierPrices.size(); ++i) {
        if (i > 0)
            out += ',';
        out += '"';
        appendInt(out, g.tierPrices[i].tierId);
        out += "\":";
        appendMoney(out, g.tierPrices[i].price);
    }
    out += "},\"contract_prices\":[";
    for (qsizetype i = 0; i < g.contractPrices.size(); ++i) {
        out += i > 0 ? ",{\"member_id\":" : "{\"member_id\":";
        appendInt(out, g.contractPrices[i].memberId);
        out += ",\"price\":";
        appendMoney(out, g.contractPrices[i].price);
        out += '}';
    }
    out += "],\"cost\":";
    appendMoney(out, g.cost);
    out += ",\"supplier_links\":[";
    for (qsizetype i = 0; i < g.supplierLinks.size(); ++i) {
        out += i > 0 ? ",{\"protocol\":" : "{\"protocol\":";
        appendString(out, g.supplierLinks[i].protocol);
        out += ",\"product_ref\":";
        appendString(out, g.supplierLinks[i].productRef);
        out += ",\"priority\":";
        appendInt(out, g.supplierLinks[i].priority);
        out += '}';
    }
    out += g.ownerCardops ? "],\"fulfilment_owner\":\"cardops\"" : "],\"fulfilment_owner\":\"platform\"";
    out += ",\"stock_available\":";
    appendInt(out, g.stockAvailable);
    out += ",\"stock_locked\":";
    appendInt(out, g.stockLocked);
    out += ",\"low_stock_threshold\":";
    appendInt(out, g.lowStockThreshold);
    out += g.on ? ",\"status\":\"on\"" : ",\"status\":\"off\"";
    out += ",\"listing\":{\"title\":";
    appendString(out, g.listing.title);
    out += ",\"spec\":";
    appendString(out, g.listing.spec);
    out += ",\"description\":";
    appendString(out, g.listing.description);
    out += "},\"version\":";
    appendInt(out, g.version);
    out += ",\"updated_at\":";
    appendInt(out, g.updatedAt);
    out += '}';
}

void PlatformState::appendMember(QByteArray& out, const Member& m) const
{
    out += "{\"id\":";
    appendInt(out, m.id);
    out += ",\"name\":";
    appendString(out, m.name);
    out += ",\"kind\":\"";
    out += memberKindName(m.kind);
    out += "\",\"parent_id\":";
    appendInt(out, m.parentId);
    out += ",\"tier_id\":";
    appendInt(out, m.tierId);
    out += ",\"registered_at\":";
    appendInt(out, m.registeredAt);
    out += ",\"contact\":";
    appendString(out, m.contact);
    out += ",\"balance\":";
    appendMoney(out, m.balance);
    out += ",\"tags\":[";
    for (qsizetype i = 0; i < m.tags.size(); ++i) {
        if (i > 0)
            out += ',';
        appendString(out, m.tags[i]);
    }
    out += "],\"version\":";
    appendInt(out, m.version);
    out += ",\"updated_at\":";
    appendInt(out, m.updatedAt);
    out += '}';
}

QByteArray PlatformState::orderNo(qint32 index) const
{
    QByteArray out;
    out.reserve(20);
    json::appendCompactTime(out, m_orders[index].createdAt);
    const qint64 suffix = orderId(index) % 1000000;
    QByteArray digits;
    appendInt(digits, suffix);
    out += QByteArray(6 - digits.size(), '0');
    out += digits;
    return out;
}

void PlatformState::appendOrder(QByteArray& out, qint32 index) const
{
    const Order& o = m_orders[index];
    out += "{\"id\":";
    appendInt(out, orderId(index));
    if (o.deleted) { // a tombstone (docs/platform-api.md "Tombstones")
        out += ",\"deleted\":true,\"status\":\"cancelled\",\"version\":";
        appendInt(out, o.version);
        out += ",\"updated_at\":";
        appendInt(out, o.updatedAt);
        out += '}';
        return;
    }
    out += ",\"order_no\":\"";
    json::appendCompactTime(out, o.createdAt);
    char suffix[6];
    qint64 s = orderId(index) % 1000000;
    for (int i = 5; i >= 0; --i) {
        suffix[i] = static_cast<char>('0' + s % 10);
        s /= 10;
    }
    out.append(suffix, 6);
    out += "\",\"member_id\":";
    appendInt(out, o.memberId);
    out += ",\"goods_id\":";
    appendInt(out, o.goodsId);
    out += ",\"quantity\":";
    appendInt(out, o.quantity);
    out += ",\"unit_price\":";
    appendMoney(out, o.unitPrice);
    out += ",\"amount\":";
    appendMoney(out, o.amount);
    out += ",\"paid_amount\":";
    appendMoney(out, o.paidAmount);
    out += ",\"cost_at_order\":";
    appendMoney(out, o.costAtOrder);
    out += ",\"pay_channel\":\"";
    out += payChannelName(o.payChannel);
    out += "\",\"charge_account\":\"";
    if (o.chargeAccount != 0)
        appendInt(out, o.chargeAccount);
    out += "\",\"contact\":";
    if (const auto it = m_orderContact.constFind(index); it != m_orderContact.cend())
        appendString(out, *it);
    else
        out += "\"\"";
    out += ",\"status\":\"";
    out += orderStatusName(o.status);
    out += "\",\"handed_over\":";
    json::appendBool(out, o.handedOver);
    out += ",\"review_reason\":";
    if (o.reviewReason == ReviewReason::Manual)
        appendString(out, m_manualReviewReason.value(index));
    else {
        out += '"';
        out += reviewReasonCode(o.reviewReason);
        out += '"';
    }
    out += ",\"delivered_at\":";
    appendInt(out, o.deliveredAt);
    out += ",\"revealed_at\":";
    appendInt(out, o.revealedAt);
    out += ",\"refund_amount\":";
    appendMoney(out, o.refundAmount);
    out += ",\"created_at\":";
    appendInt(out, o.createdAt);
    out += ",\"paid_at\":";
    appendInt(out, o.paidAt);
    out += ",\"version\":";
    appendInt(out, o.version);
    out += ",\"updated_at\":";
    appendInt(out, o.updatedAt);
    out += '}';
}

void PlatformState::appendLedger(QByteArray& out, qint32 index) const
{
    const LedgerEntry& e = m_ledger[index];
    out += "{\"id\":";
    appendInt(out, index + 1);
    out += ",\"member_id\":";
    appendInt(out, e.memberId);
    out += ",\"kind\":\"";
    out += ledgerKindName(e.kind);
    out += "\",\"amount\":";
    appendMoney(out, e.amount);
    out += ",\"order_id\":";
    appendInt(out, e.orderIndex < 0 ? 0 : orderId(e.orderIndex));
    out += ",\"created_at\":";
    appendInt(out, e.createdAt);
    out += ",\"version\":1,\"updated_at\":";
    appendInt(out, e.createdAt);
    out += '}';
}

void PlatformState::appendWithdrawal(QByteArray& out, const Withdrawal& w) const
{
    out += "{\"id\":";
    appendInt(out, w.id);
    out += ",\"member_id\":";
    appendInt(out, w.memberId);
    out += ",\"amount\":";
    appendMoney(out, w.amount);
    out += ",\"status\":\"";
    out += withdrawalStatusName(w.status);
    out += "\",\"created_at\":";
    appendInt(out, w.createdAt);
    out += ",\"decided_at\":";
    appendInt(out, w.decidedAt);
    out += ",\"version\":";
    appendInt(out, w.version);
    out += ",\"updated_at\":";
    appendInt(out, w.updatedAt);
    out += '}';
}

void PlatformState::appendTier(QByteArray& out, const Tier& t) const
{
    out += "{\"id\":";
    appendInt(out, t.id);
    out += ",\"name\":";
    appendString(out, t.name);
    out += ",\"rank\":";
    appendInt(out, t.rank);
    out += ",\"discount\":";
    json::appendPercent(out, t.discount);
    out += ",\"commission_rates\":[";
    for (qsizetype i = 0; i < t.commissionRates.size(); ++i) {
        if (i > 0)
            out += ',';
        json::appendPercent(out, t.commissionRates[i]);
    }
    out += "],\"upgrade\":{\"downline_gmv_30d\":";
    appendMoney(out, t.upgradeDownlineGmv30d);
    out += ",\"own_gmv_30d\":";
    appendMoney(out, t.upgradeOwnGmv30d);
    out += "},\"version\":";
    appendInt(out, t.version);
    out += '}';
}

void PlatformState::appendEntityJson(core::Feed feed, qint32 index, QByteArray& out) const
{
    switch (feed) {
    case core::Feed::Categories:
        appendCategory(out, m_categories[index]);
        break;
    case core::Feed::Goods:
        appendGoods(out, m_goods[index]);
        break;
    case core::Feed::Members:
        appendMember(out, m_members[index]);
        break;
    case core::Feed::Orders:
        appendOrder(out, index);
        break;
    case core::Feed::Ledger:
        appendLedger(out, index);
        break;
    case core::Feed::Withdrawals:
        appendWithdrawal(out, m_withdrawals[index]);
        break;
    }
}

QByteArray PlatformState::entityJson(core::Feed feed, qint32 index) const
{
    QByteArray out;
    appendEntityJson(feed, index, out);
    return out;
}

// ---- feeds --------------------------------------------------------------------------------------

FeedLog::Slice PlatformState::feedSlice(core::Feed feed, qint64 cursor, int limit, bool descending) const
{
    return descending ? log(feed).backward(cursor, limit) : log(feed).forward(cursor, limit);
}

QByteArray PlatformState::pageJson(core::Feed feed, const QList<qint32>& indices, qint64 nextCursor,
                                   bool hasMore, qint64 headCursor) const
{
    QByteArray out;
    const qsizetype perItem = feed == core::Feed::Goods ? 900 : 480;
    out.reserve(64 + indices.size() * perItem);
    out += "{\"items\":[";
    for (qsizetype i = 0; i < indices.size(); ++i) {
        if (i > 0)
            out += ',';
        appendEntityJson(feed, indices[i], out);
    }
    out += "],\"next_cursor\":\"";
    appendInt(out, nextCursor);
    out += hasMore ? "\",\"has_more\":true" : "\",\"has_more\":false";
    if (headCursor >= 0) {
        // docs/platform-api.md §2: a newest-first page says where a forward read continues.
        out += ",\"head_cursor\":\"";
        appendInt(out, headCursor);
        out += '"';
    }
    out += '}';
    return out;
}

FeedPage PlatformState::feedPage(core::Feed feed, qint64 after, int limit) const
{
    const FeedLog::Slice s = log(feed).forward(after, limit);
    return {pageJson(feed, s.indices, s.nextCursor, s.hasMore), s.nextCursor, s.hasMore,
            static_cast<int>(s.indices.size())};
}

FeedPage PlatformState::feedPageDesc(core::Feed feed, qint64 before, int limit) const
{
    const FeedLog::Slice s = log(feed).backward(before, limit);
    return {pageJson(feed, s.indices, s.nextCursor, s.hasMore, log(feed).head()), s.nextCursor, s.hasMore,
            static_cast<int>(s.indices.size())};
}

void PlatformState::commitPrepared(core::Feed feed, qint32 index)
{
    log(feed).commit(++m_seq, index);
}

void PlatformState::commitChange(core::Feed feed, qint32 index, qint64 updatedAt)
{
    const qint64 at = updatedAt != 0 ? updatedAt : now();
    auto bump = [at](auto& entity) {
        ++entity.version;
        entity.updatedAt = at;
    };
    switch (feed) {
    case core::Feed::Categories:
        bump(m_categories[index]);
        break;
    case core::Feed::Goods:
        bump(m_goods[index]);
        break;
    case core::Feed::Members:
        bump(m_members[index]);
        break;
    case core::Feed::Orders:
        bump(m_orders[index]);
        break;
    case core::Feed::Ledger:
        break; // immutable
    case core::Feed::Withdrawals:
        bump(m_withdrawals[index]);
        break;
    }
    commitPrepared(feed, index);
}

// ---- reports ------------------------------------------------------------------------------------

QByteArray PlatformState::tiersJson() const
{
    QByteArray out = "{\"items\":[";
    for (qsizetype i = 0; i < m_tiers.size(); ++i) {
        if (i > 0)
            out += ',';
        appendTier(out, m_tiers[i]);
    }
    out += "],\"version\":";
    appendInt(out, m_tiersVersion);
    out += '}';
    return out;
}

QList<DailyTotal> PlatformState::dailyTotals(qint64 fromDay, qint64 toDay) const
{
    QList<DailyTotal> days;
    if (toDay < fromDay)
        return days;
    days.resize(toDay - fromDay + 1);
    for (qsizetype i = 0; i < days.size(); ++i)
        days[i].day = fromDay + i;
    for (const Order& o : m_orders) {
        if (o.status == OrderStatus::Unpaid || o.status == OrderStatus::Cancelled)
            continue;
        const qint64 d = core::businessDay(o.createdAt);
        if (d < fromDay || d > toDay)
            continue;
        DailyTotal& t = days[d - fromDay];
        ++t.orders;
        t.gmv += o.paidAmount;
        t.refunds += o.refundAmount;
    }
    for (const LedgerEntry& e : m_ledger) {
        if (e.kind != LedgerKind::Commission)
            continue;
        const qint64 d = core::businessDay(e.createdAt);
        if (d >= fromDay && d <= toDay)
            days[d - fromDay].commissions += e.amount;
    }
    return days;
}

QByteArray PlatformState::dailyReportJson(qint64 fromDay, qint64 toDay) const
{
    QByteArray out = "{\"items\":[";
    const QList<DailyTotal> days = dailyTotals(fromDay, toDay);
    for (qsizetype i = 0; i < days.size(); ++i) {
        out += i > 0 ? ",{\"day\":\"" : "{\"day\":\"";
        out += json::dayText(days[i].day);
        out += "\",\"orders\":";
        appendInt(out, days[i].orders);
        out += ",\"gmv\":";
        appendMoney(out, days[i].gmv);
        out += ",\"refunds\":";
        appendMoney(out, days[i].refunds);
        out += ",\"commissions\":";
        appendMoney(out, days[i].commissions);
        out += '}';
    }
    out += "]}";
    return out;
}

QByteArray PlatformState::shopJson() const
{
    QByteArray out = "{\"name\":\"演示卡盟\",\"platform_time\":";
    appendInt(out, now());
    out += ",\"balance\":";
    appendMoney(out, m_shopBalance);
    out += ",\"api_version\":1,\"limits\":{\"max_page\":1000,\"requests_per_second\":50},"
           "\"capabilities\":[\"categories\",\"goods\",\"goods.write\",\"cards\",\"members\","
           "\"members.write\",\"tiers\",\"orders\",\"orders.deliver\",\"ledger\",\"withdrawals\","
           "\"reports.daily\",\"lease\"],\"fulfilment\":";
    const bool held = !m_leaseHolder.isEmpty() && m_leaseExpiresAt > now();
    out += json::leaseJson(held ? m_leaseHolder : QByteArray(), held ? m_leaseExpiresAt : 0);
    out += '}';
    return out;
}

} // namespace cardops::sim
