#pragma once

#include "core/result.h"

#include <QList>
#include <QString>
#include <array>

namespace cardops::storage {

class ReadSession;

// The 数据看板's figures (issue #11 item 1, docs/dashboard.md), read from the v13 rollups of paid
// orders (rollup_hours, rollup_goods_day, rollup_member_day), never from raw orders where a rollup
// serves. Days are business days (core::businessDay, Asia/Shanghai). Money is exact: qint64 units of
// 1/10000 yuan (core::Money). Pure functions over a ReadSession: call them on its thread.

// How a time series is bucketed: business days, ISO weeks (Monday first) or calendar months.
enum class DashboardGrain { Day, Week, Month };

// The sums of the rollup measures over a period (paid orders: status neither unpaid nor cancelled).
struct DashboardTotals
{
    qint64 orders = 0;
    qint64 quantity = 0;
    qint64 gmv = 0;     // Σ paid_amount
    qint64 feeBase = 0; // Σ paid_amount of orders not paid from the member's balance
    qint64 cost = 0;    // Σ cost_at_order
    qint64 refunds = 0; // Σ refund_amount
    qint64 refundedOrders = 0;
    qint64 delivered = 0;
    qint64 deliveredAuto = 0; // delivered without a review
    qint64 deliverSeconds = 0;
    qint64 buyers = 0;       // members with ≥ 1 paid order in the period
    qint64 repeatBuyers = 0; // members with ≥ 2

    // The payment-fee estimate: feeBase × rate (basis points), half up to the unit (0.0001 yuan).
    qint64 fee(int feeBasisPoints) const;
    // gmv − refunds − cost − fee: finance's 毛利 (storage/finance.h) less the payment-fee estimate.
    qint64 profit(int feeBasisPoints) const { return gmv - refunds - cost - fee(feeBasisPoints); }
    bool operator==(const DashboardTotals&) const = default;
};

// One bucket of the series: [fromDay, toDay] clipped to the period.
struct DashboardBucket
{
    qint64 fromDay = 0;
    qint64 toDay = 0;
    QString label; // "11-28", "2026-W48", "2026-11"
    qint64 orders = 0;
    qint64 gmv = 0;
    qint64 profit = 0;
};

// A goods or a category of the top lists.
struct DashboardRank
{
    qint64 id = 0;
    QString name; // "#<id>" when it is not cached
    qint64 orders = 0;
    qint64 quantity = 0;
    qint64 gmv = 0;
    qint64 profit = 0;
};

struct DashboardKind
{
    QString kind; // consumer / agent / enterprise; "" = member not cached
    qint64 orders = 0;
    qint64 gmv = 0;
};

// An agent of the leaderboard: the GMV of every member below it (its whole branch, not itself)
// in the period, and the commission the platform credited to it in the period (ledger kind
// 'commission', by created_at).
struct DashboardAgent
{
    qint64 id = 0;
    QString name;
    qint64 downlines = 0; // direct children
    qint64 branchBuyers = 0;
    qint64 branchOrders = 0;
    qint64 branchGmv = 0;
    qint64 commission = 0;
};

struct DashboardRequest
{
    qint64 fromDay = 0; // business days, both included
    qint64 toDay = 0;
    DashboardGrain grain = DashboardGrain::Day;
    int feeBasisPoints = 60; // payment-fee estimate: 60 bp = 0.6 % of the fee base
    qint64 now = 0;          // unix seconds: the age of the review queue is counted to here
    int topN = 10;
};

struct DashboardData
{
    DashboardRequest request;
    qint64 previousFromDay = 0; // the previous period of equal length, ending the day before
    qint64 previousToDay = 0;
    DashboardTotals current;
    DashboardTotals previous;
    // The review queue now: orders in status review, and their mean age from paid_at (else created_at).
    qint64 reviewQueue = 0;
    qint64 reviewWaitSeconds = 0;
    // Reviews decided, of orders created in the period (and the previous one): how many, and the sum
    // of their waits from payment to the first decision (CardOps's first action, else delivery).
    qint64 reviewsDecided = 0;
    qint64 reviewDecidedSeconds = 0;
    qint64 previousReviewsDecided = 0;
    qint64 previousReviewDecidedSeconds = 0;
    // Σ supplier_status.balance of the suppliers whose balance is known, and how many those are.
    qint64 supplierBalance = 0;
    int suppliersKnown = 0;
    qint64 tierUps = 0; // tier_moves in the period, by direction
    qint64 tierDowns = 0;
    qint64 previousTierUps = 0;
    qint64 previousTierDowns = 0;
    QList<DashboardBucket> series;
    QList<DashboardRank> topGoods;
    QList<DashboardRank> topCategories;
    QList<DashboardKind> kinds;                   // by GMV, largest first
    std::array<std::array<qint64, 24>, 7> heat{}; // orders by [weekday, Monday = 0][Shanghai hour]
    QList<DashboardAgent> agents;                 // by branch GMV, largest first, topN of them

    bool isEmpty() const { return current.orders == 0 && previous.orders == 0; }
};

namespace dashboardqueries {

constexpr int DefaultFeeBasisPoints = 60;

// Monday = 0 … Sunday = 6 of a business day (day 0, 1970-01-01, was a Thursday).
constexpr int weekday(qint64 day)
{
    return int(((day + 3) % 7 + 7) % 7);
}
// The unix seconds where business day `day` starts (Asia/Shanghai midnight).
constexpr qint64 dayStart(qint64 day)
{
    return day * 86400 - 28800;
}
// The buckets of [fromDay, toDay] for a grain, each clipped to the period, with its label, measures 0.
QList<DashboardBucket> buckets(qint64 fromDay, qint64 toDay, DashboardGrain grain);

core::Result<DashboardTotals> totals(const ReadSession& read, qint64 fromDay, qint64 toDay);
// Everything the dashboard shows for the request and its previous period.
core::Result<DashboardData> load(const ReadSession& read, const DashboardRequest& request);
// The business day of the newest cached order (today for an empty cache is the caller's choice).
core::Result<qint64> latestDay(const ReadSession& read);

} // namespace dashboardqueries
} // namespace cardops::storage
