#pragma once

#include "core/money.h"
#include "core/result.h"

#include <QList>
#include <QString>
#include <optional>

namespace cardops::storage {

class ReadSession;

// The figures of the weekly operations report (domain.md "Metrics", docs/reports.md) for a range of
// business days, read from the v13 rollups where they serve and from the raw tables where they do
// not. Exact: counts are integers, money is core::Money, ratios are parts per million (ppm,
// truncated), averages are truncated integer seconds or half-up cents. Call on the session's thread.
namespace weeklyreport {

// The payment fee estimate: 60 basis points of fee_base (paid amounts not paid from the member's
// balance), at 4 places half-up, then half-up to 0.01 yuan, once per period.
constexpr qint64 PaymentFeeBp = 60;
core::Money paymentFee(core::Money feeBase);
// part / whole in ppm, truncated; 0 when whole is 0.
qint64 ppm(qint64 part, qint64 whole);

// One period's figures (paid orders = status not unpaid/cancelled, counted by creation day).
struct PeriodFigures
{
    qint64 firstDay = 0; // business days, inclusive
    qint64 lastDay = 0;
    qint64 orders = 0;
    qint64 quantity = 0;
    core::Money gmv;
    core::Money feeBase;
    core::Money cost;
    core::Money fee;          // paymentFee(feeBase)
    core::Money grossProfit;  // gmv − refunds − cost − fee
    qint64 marginPpm = 0;     // grossProfit / gmv
    core::Money averageOrder; // gmv / orders, half-up to 0.01
    core::Money refunds;
    qint64 refundedOrders = 0;
    qint64 refundRatePpm = 0; // refundedOrders / orders
    qint64 buyers = 0;        // members with ≥ 1 paid order in the period
    qint64 repeatBuyers = 0;  // members with ≥ 2
    qint64 repurchaseRatePpm = 0;
    qint64 delivered = 0;
    qint64 deliveredAuto = 0;
    qint64 automationPpm = 0;         // deliveredAuto / delivered
    qint64 averageDeliverSeconds = 0; // paid → delivered, over delivered orders
    qint64 reviewed = 0;              // paid orders that went through review (review_reason set)
    qint64 reviewedDelivered = 0;
    qint64 averageReviewSeconds = 0; // paid → delivered of the reviewed, delivered ones
    qint64 purchases = 0;            // supplier purchases created in the period
    qint64 purchasesFailed = 0;
    qint64 purchasesUnknown = 0;
    qint64 supplierFailurePpm = 0; // (failed + unknown) / purchases
    core::Money supplierSpend;     // cost of succeeded and delivered purchases
    qint64 tierUps = 0;
    qint64 tierDowns = 0;
    core::Money commissions; // commission ledger entries dated in the period (reversals negative)
};

struct DayFigures
{
    qint64 day = 0;
    qint64 orders = 0;
    core::Money gmv;
    core::Money grossProfit; // gmv − refunds − cost (the fee is estimated per period, not per day)
};

struct GoodsFigures
{
    qint64 goodsId = 0;
    QString name;
    qint64 orders = 0;
    qint64 quantity = 0;
    core::Money gmv;
    qint64 refundedOrders = 0;
    core::Money refunds;
    qint64 refundRatePpm = 0;
    qint64 stock = 0;          // stock_available now
    qint64 sellThroughPpm = 0; // quantity / (quantity + stock)
};

struct SupplierFigures
{
    QString supplierId;
    std::optional<core::Money> balance; // the last balance check (nullopt: never read)
    qint64 balanceAt = 0;
    std::optional<core::Money> balanceAtStart; // the last logged balance before the period
    std::optional<core::Money> balanceAtEnd;   // the last logged balance within it
    core::Money spend;                         // succeeded/delivered purchases of the period
    bool low = false;                          // balance below its threshold
};

struct ReviewQueue
{
    qint64 orders = 0;         // orders in review now
    qint64 oldestSeconds = 0;  // age of the oldest (now − paid_at, or created_at when unpaid)
    qint64 averageSeconds = 0; // truncated
};

struct StockFigures
{
    qint64 outOfStock = 0; // on-sale card goods with no stock available
    qint64 lowStock = 0;   // on-sale card goods at or below their threshold, not out
};

struct Report
{
    PeriodFigures current;
    PeriodFigures previous;
    QList<DayFigures> days;       // every day of `current`, in order
    QList<GoodsFigures> topGoods; // by GMV, then goods id
    QList<SupplierFigures> suppliers;
    ReviewQueue review;
    StockFigures stock;
    qint64 asOf = 0;
};

core::Result<PeriodFigures> periodFigures(const ReadSession& session, qint64 firstDay, qint64 lastDay);
core::Result<QList<DayFigures>> dayFigures(const ReadSession& session, qint64 firstDay, qint64 lastDay);
core::Result<QList<GoodsFigures>> topGoods(const ReadSession& session, qint64 firstDay, qint64 lastDay,
                                           int limit);
core::Result<QList<SupplierFigures>> suppliers(const ReadSession& session, qint64 firstDay, qint64 lastDay);
core::Result<ReviewQueue> reviewQueue(const ReadSession& session, qint64 asOf);
core::Result<StockFigures> stock(const ReadSession& session);

// The whole report for the 7 business days from `monday` and the 7 before; the review queue and
// stock as of `asOf` (the cache holds the current state only).
core::Result<Report> load(const ReadSession& session, qint64 monday, qint64 asOf, int topGoodsLimit = 8);

} // namespace weeklyreport
} // namespace cardops::storage
