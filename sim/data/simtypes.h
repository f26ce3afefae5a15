#pragma once

#include "core/money.h"

#include <QByteArray>
#include <QList>
#include <QtGlobal>

// The simulator's compact entity records (docs/platform-api.md §3). Strings are UTF-8 bytes ready to
// be written into JSON; money is core::Money; enums stand for the wire's status words. Orders and
// ledger entries exist by the million, so they hold no strings at all.
namespace cardops::sim {

using core::Money;
using core::Rate;

enum class MemberKind : quint8 { Consumer, Agent, Enterprise };
enum class OrderStatus : quint8 {
    Unpaid,
    Paid,
    HandedOver,
    Delivering,
    Delivered,
    Review,
    Refunded,
    Cancelled
};
enum class PayChannel : quint8 { Alipay, Wechat, Balance, Offline }; // offline: 补单, paid outside
enum class LedgerKind : quint8 { Recharge, Purchase, Commission, Withdrawal, Refund, Adjustment };
enum class WithdrawalStatus : quint8 { Pending, Approved, Rejected };

// Why the platform's own checks held an order; Manual = a reason text given through /review.
enum class ReviewReason : quint8 {
    None,
    AmountMismatch,
    MissingChargeAccount,
    QuantityAboveNorm,
    BlacklistedAccount,
    Manual
};

const char* memberKindName(MemberKind kind);
const char* orderStatusName(OrderStatus status);
const char* payChannelName(PayChannel channel);
const char* ledgerKindName(LedgerKind kind);
const char* withdrawalStatusName(WithdrawalStatus status);
const char* reviewReasonCode(ReviewReason reason); // "amount_mismatch", … ("" for None/Manual)

// Id bases: ids are positive and dense, so an id maps to a list index by subtraction.
inline constexpr qint64 kOrderIdBase = 1'000'000; // order id = base + index + 1 (order_no suffix)

struct Category
{
    qint64 id = 0;
    qint64 parentId = 0;
    QByteArray name;
    qint64 sort = 0;
    bool on = true;
    qint64 version = 1;
    qint64 updatedAt = 0;
};

struct SupplierLink
{
    QByteArray protocol; // fulu / acg-faka (core::kProtocolFulu, kProtocolAcgFaka)
    QByteArray productRef;
    qint64 priority = 1;
};

struct ContractPrice
{
    qint64 memberId = 0;
    Money price;
};

struct TierPrice
{
    qint64 tierId = 0;
    Money price;
};

struct Listing
{
    QByteArray title;
    QByteArray spec;
    QByteArray description;
};

struct Goods
{
    qint64 id = 0;
    QByteArray sku;
    QByteArray name;
    qint64 categoryId = 0;
    qint64 sort = 0;
    bool direct = false;   // kind: card / direct
    QByteArray cardFormat; // single / number_password / fields:N
    QByteArray cardSeparator;
    Money faceValue;
    Money price;
    QList<TierPrice> tierPrices;
    QList<ContractPrice> contractPrices;
    Money cost;
    QList<SupplierLink> supplierLinks;
    bool ownerCardops = false; // fulfilment_owner: platform / cardops
    qint64 stockAvailable = 0;
    qint64 stockLocked = 0;
    qint64 lowStockThreshold = 0;
    bool on = true;
    Listing listing;
    qint64 version = 1;
    qint64 updatedAt = 0;
};

struct Tier
{
    qint64 id = 0;
    QByteArray name;
    qint64 rank = 0;
    Rate discount;
    QList<Rate> commissionRates; // [k] = rate of the ancestor k+1 levels above the buyer
    Money upgradeDownlineGmv30d;
    Money upgradeOwnGmv30d;
    qint64 version = 1;
};

struct Member
{
    qint64 id = 0;
    QByteArray name;
    MemberKind kind = MemberKind::Consumer;
    qint64 parentId = 0;
    qint64 tierId = 1;
    qint64 registeredAt = 0;
    QByteArray contact;
    Money balance;
    QList<QByteArray> tags;
    qint64 version = 1;
    qint64 updatedAt = 0;
};

// 112 bytes; id, order_no and texts derive from the index and the fields.
struct Order
{
    Money unitPrice;
    Money amount;
    Money paidAmount;
    Money costAtOrder;
    Money refundAmount;
    qint64 chargeAccount = 0; // digits of a phone or QQ number; 0 = none
    qint64 createdAt = 0;
    qint64 paidAt = 0;
    qint64 deliveredAt = 0;
    qint64 revealedAt = 0;
    qint64 updatedAt = 0;
    qint32 memberId = 0;
    qint32 goodsId = 0;
    qint32 quantity = 1;
    qint32 version = 1;
    OrderStatus status = OrderStatus::Unpaid;
    PayChannel payChannel = PayChannel::Alipay;
    ReviewReason reviewReason = ReviewReason::None;
    bool handedOver = false;
    bool deleted = false; // deleted by the shop's admin: its feed item is a tombstone
};

// Ledger entries never change: version 1, updated_at = created_at.
struct LedgerEntry
{
    Money amount; // signed, from the member's side
    qint64 createdAt = 0;
    qint32 memberId = 0;
    qint32 orderIndex = -1; // -1 = no order
    LedgerKind kind = LedgerKind::Adjustment;
};

struct Withdrawal
{
    qint64 id = 0;
    qint64 memberId = 0;
    Money amount;
    WithdrawalStatus status = WithdrawalStatus::Pending;
    qint64 createdAt = 0;
    qint64 decidedAt = 0;
    qint64 version = 1;
    qint64 updatedAt = 0;
};

struct DailyTotal
{
    qint64 day = 0; // core::businessDay number
    qint64 orders = 0;
    Money gmv;
    Money refunds;
    Money commissions;
};

} // namespace cardops::sim
