#pragma once

#include "core/money.h"

#include <QByteArray>
#include <QList>
#include <QString>

// The platform's entities as the cache holds them (docs/platform-api.md §3). Plain values: sync
// parses the wire JSON into these, storage writes them, models read them back. Nested structures
// the cache never queries by part (tier prices, supplier links, tags, …) stay compact JSON text.
// A feed item may be a tombstone (`deleted`): the entity was deleted on the platform; docs/sync.md
// "Tombstones" says what the cache does with each kind.
namespace cardops::core {

// The feeds the sync engine pulls with a cursor, in the order a first sync takes them.
enum class Feed { Categories, Goods, Members, Orders, Ledger, Withdrawals };

inline constexpr Feed kAllFeeds[] = {Feed::Categories, Feed::Goods,  Feed::Members,
                                     Feed::Orders,     Feed::Ledger, Feed::Withdrawals};

// "categories", "goods", … : the path segment under /v1 and the cursor's key in the cache.
QByteArray feedName(Feed feed);

struct Category
{
    qint64 id = 0;
    qint64 parentId = 0;
    QString name;
    qint64 sort = 0;
    QString status; // on / off
    qint64 version = 0;
    qint64 updatedAt = 0;
    bool deleted = false; // a feed tombstone: only id, version and updated_at are set
};

struct Goods
{
    qint64 id = 0;
    QString sku;
    QString name;
    qint64 categoryId = 0;
    qint64 sort = 0;
    QString kind;       // card / direct
    QString cardFormat; // single / number_password / fields:N
    QString cardSeparator;
    Money faceValue;
    Money price;
    Money cost;
    QByteArray tierPrices;     // {"tier id":"price"}
    QByteArray contractPrices; // [{"member_id":…,"price":"…"}]
    QByteArray supplierLinks;  // [{"protocol":…,"product_ref":…,"priority":…}]
    QString fulfilmentOwner;   // platform / cardops
    qint64 stockAvailable = 0;
    qint64 stockLocked = 0;
    qint64 lowStockThreshold = 0;
    QString status; // on / off
    QString listingTitle;
    QString listingSpec;
    QString listingDescription;
    qint64 version = 0;
    qint64 updatedAt = 0;
    bool deleted = false; // a feed tombstone: only id, version and updated_at are set
};

struct Tier
{
    qint64 id = 0;
    QString name;
    qint64 rank = 0;
    Rate discount;
    QByteArray commissionRates; // ["1%","0.5%"] by depth above the buyer
    QByteArray upgrade;         // thresholds as the platform sends them
    qint64 version = 0;
};

struct TierLadder
{
    QList<Tier> tiers;
    qint64 version = 0;
};

struct Member
{
    qint64 id = 0;
    QString name;
    QString kind; // consumer / agent / enterprise
    qint64 parentId = 0;
    qint64 tierId = 0;
    qint64 registeredAt = 0;
    QString contact;
    Money balance;
    QByteArray tags; // ["…"]
    qint64 version = 0;
    qint64 updatedAt = 0;
    bool deleted = false; // a feed tombstone: only id, version and updated_at are set
};

struct Order
{
    qint64 id = 0;
    QString orderNo;
    qint64 memberId = 0;
    qint64 goodsId = 0;
    qint64 quantity = 0;
    Money unitPrice;
    Money amount;
    Money paidAmount;
    Money costAtOrder;
    QString payChannel;
    QString chargeAccount;
    QString contact;
    QString status;
    bool handedOver = false;
    QString reviewReason;
    qint64 deliveredAt = 0;
    qint64 revealedAt = 0;
    Money refundAmount;
    qint64 createdAt = 0;
    qint64 paidAt = 0;
    qint64 version = 0;
    qint64 updatedAt = 0;
    bool deleted = false; // a feed tombstone: id, version, updated_at and status "cancelled"
};

struct LedgerEntry
{
    qint64 id = 0;
    qint64 memberId = 0;
    QString kind; // recharge purchase commission withdrawal refund adjustment
    Money amount; // signed, from the member's side
    qint64 orderId = 0;
    qint64 createdAt = 0;
    qint64 version = 0;
    qint64 updatedAt = 0;
    bool deleted = false; // a feed tombstone: only id, version and updated_at are set
};

struct Withdrawal
{
    qint64 id = 0;
    qint64 memberId = 0;
    Money amount;
    QString status; // pending approved rejected
    qint64 createdAt = 0;
    qint64 decidedAt = 0;
    qint64 version = 0;
    qint64 updatedAt = 0;
    bool deleted = false; // a feed tombstone: only id, version and updated_at are set
};

struct DailyTotal
{
    QString day; // YYYY-MM-DD, Asia/Shanghai
    qint64 orders = 0;
    Money gmv;
    Money refunds;
    Money commissions;
};

struct ShopInfo
{
    QString name;
    qint64 platformTime = 0;
    Money balance;
    int apiVersion = 0;
    QList<QString> capabilities;
    QString leaseHolder;       // who holds the fulfilment lease now ("" = nobody)
    qint64 leaseExpiresAt = 0; // when that lease lapses unless renewed
};

} // namespace cardops::core
