#pragma once

#include "core/result.h"
#include "storage/readsession.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace cardops::storage {

// The members page's reads (issue #10 item 1, docs/members.md "Members page"): a filter over the
// members, its count, windows of rows by position, and the per-row figures (tier, parent, segment,
// orders, net spend, last order) computed only for the rows of the window; then the reads of one
// member's detail. Pure functions over a ReadSession; money in units of 1/10000 yuan.
//
// "Orders" everywhere here are the member's orders in a paid status (memberstats::paidStatuses():
// money was taken, whatever happened next, fully refunded ones included); "spend" is their paid
// amount minus their refunds. Each is a range of the orders_member index.

// Sorts walk an index: the id (the primary key) or the registration (members_registered).
enum class MemberSort { Registered, Id };

struct MemberQuery
{
    QString kind;      // consumer / agent / enterprise; "" any
    qint64 tierId = 0; // 0 any
    QString segment;   // a member_rfm.segment code; "" any
    QString tag;       // one of the member's tags, exactly; "" any
    QString search;    // part of the name or contact, or an exact id
    MemberSort sort = MemberSort::Registered;
    bool descending = true; // newest registrations first

    bool operator==(const MemberQuery&) const = default;
};

struct MemberCounts
{
    qint64 total = 0;               // rows the query matches
    QHash<QString, qint64> perKind; // kind → matching members, the query's kind ignored
};

struct MemberRow
{
    qint64 id = 0;
    QString name;
    QString kind;
    qint64 tierId = 0;
    QString tier; // "" when the tier is not in the cache
    qint64 parentId = 0;
    QString parent;  // "" without a parent or when it is not in the cache
    QString segment; // member_rfm code; "" when not computed
    qint64 orders = 0;
    qint64 spend = 0;       // paid − refunded
    qint64 lastOrderAt = 0; // 0 = none
    qint64 balance = 0;
    QStringList tags;
    qint64 registeredAt = 0;
    QString contact;
};

struct MemberDetail
{
    MemberRow member; // orders/spend/lastOrderAt as in the list
    qint64 tierRank = 0;
    bool hasRfm = false; // member_rfm holds the member
    int r = 0, f = 0, m = 0;
    qint64 rfmComputedAt = 0;
    qint64 refunds = 0;      // Σ refund_amount of the counted orders
    qint64 firstOrderAt = 0; // 0 = none
    qint64 averageOrder = 0; // spend / orders at 4 places, half away from zero; 0 without orders
    qint64 downlines = 0;    // direct children (members.parent_id = id)
    qint64 ledgerEntries = 0;
};

struct MemberOrder
{
    qint64 id = 0;
    QString orderNo;
    qint64 goodsId = 0;
    QString goods; // "" when the goods is not in the cache
    qint64 quantity = 0;
    qint64 paidAmount = 0;
    qint64 refundAmount = 0;
    QString status;
    qint64 createdAt = 0;
};

struct LedgerLine
{
    qint64 id = 0;
    QString kind;       // recharge purchase commission withdrawal refund adjustment
    qint64 amount = 0;  // signed, from the member's side
    qint64 orderId = 0; // 0 = none
    qint64 createdAt = 0;
    // The balance right after this entry: today's balance minus every newer entry of the cache
    // (exact when the cache holds the member's whole ledger since that entry).
    qint64 balanceAfter = 0;
};

struct ContractPrice
{
    qint64 goodsId = 0;
    QString sku;
    QString name;
    qint64 listPrice = 0;
    qint64 contractPrice = 0;
};

namespace memberqueries {

core::Result<MemberCounts> counts(const ReadSession& session, const MemberQuery& query);
// Rows [offset, offset + limit) of the query's order, figures computed for those rows only.
core::Result<QList<MemberRow>> page(const ReadSession& session, const MemberQuery& query, qint64 offset,
                                    int limit);
struct TierName
{
    qint64 id = 0;
    QString name;
};
// The tier ladder in the cache, by rank (for the tier filter).
core::Result<QList<TierName>> tiers(const ReadSession& session);
// Every tag some member carries, sorted.
core::Result<QStringList> distinctTags(const ReadSession& session);
// The SQL of a window's ids and of the count; `binds` gets the positional values (a window's
// without its trailing LIMIT and OFFSET). For query plans and baselines.
QString windowSql(const MemberQuery& query, QVariantList* binds);
QString countSql(const MemberQuery& query, QVariantList* binds);
// The per-row figures of a window's rows: the window's SQL joined with members, tiers, parents,
// member_rfm and the orders_member ranges. Binds as windowSql's (LIMIT and OFFSET to append).
QString pageSql(const MemberQuery& query, QVariantList* binds);

// The member with its figures; NotFound when the id is not in the cache.
core::Result<MemberDetail> memberDetail(const ReadSession& session, qint64 memberId);
// The member's newest orders (any status), newest first.
core::Result<QList<MemberOrder>> memberOrders(const ReadSession& session, qint64 memberId, int limit);
// Ledger entries [offset, offset + limit) newest first, with the balance after each.
core::Result<QList<LedgerLine>> memberLedger(const ReadSession& session, qint64 memberId, qint64 offset,
                                             int limit);
// Goods whose contract_prices name the member, by goods id.
core::Result<QList<ContractPrice>> contractPrices(const ReadSession& session, qint64 memberId);
// spend / orders at 4 places, half away from zero; 0 without orders.
qint64 averageOrder(qint64 spend, qint64 orders);

} // namespace memberqueries
} // namespace cardops::storage
