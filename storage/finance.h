#pragma once

#include "core/access.h"
#include "core/money.h"
#include "core/result.h"
#include "storage/commissioncheck.h"

#include <QList>
#include <QString>

namespace cardops::storage {

class ReadSession;
class WriteContext;

// 财务 (issue #11 item 3, domain.md "Finance"): the daily summary, the three reconciliations and
// the month close. Days are business days (core::businessDay: Asia/Shanghai), ranges inclusive.
// Reads run on the thread that owns the session (the loader thread); writes inside a writer job.
namespace finance {

// Asked between steps; set `cancel` to stop (the call then returns ErrorCode::Conflict "cancelled").
// The commission check's own progress type, so its steps report and stop through it.
using Progress = commissioncheck::Progress;

// 日汇总: one business day. Orders, GMV, cost and refunds of the paid orders created that day (the
// v13 rollups), commissions = the ledger's `commission` entries dated that day (net of reversals),
// supplier spend = the cost of the purchases bought (accepted, succeeded, delivered) created that day.
struct DaySummary
{
    qint64 day = 0; // business day number
    qint64 orders = 0;
    core::Money gmv;
    core::Money cost;
    core::Money refunds;
    core::Money commissions;
    core::Money supplierSpend;
    bool closed = false; // bookedSummary(): the day's month is closed, the figures are its snapshot's
    // 毛利 = GMV − refunds − cost (no payment-fee estimate: no fee rate is configured).
    core::Money grossProfit() const { return gmv - refunds - cost; }
    bool isEmpty() const;
    void add(const DaySummary& other);
};

struct Summary
{
    qint64 fromDay = 0;
    qint64 toDay = 0;
    QList<DaySummary> days; // every day of the range, oldest first (empty days included)
    DaySummary total;       // day = 0
};

// "2026-10-01" for a business day number, and back (nullopt-like: ok() false on bad text).
QString dayText(qint64 day);
core::Result<qint64> dayFromText(const QString& text);

core::Result<Summary> dailySummary(const ReadSession& read, qint64 fromDay, qint64 toDay);
core::Result<Summary> dailySummary(WriteContext& ctx, qint64 fromDay, qint64 toDay);
// The summary as booked: the days of closed months from their snapshots (closed = true), the
// others live. What the 日汇总 tab shows; changes to closed days are adjustments().
core::Result<Summary> bookedSummary(const ReadSession& read, qint64 fromDay, qint64 toDay);

// --- Reconciliation -------------------------------------------------------------------------------

enum class DiffKind {
    PlatformMore,          // 平台多: the platform's daily total is higher than the cache's
    LocalMore,             // 本地多
    MissingLocal,          // 本地缺失: the platform has the day, the cache has nothing that day
    MissingPlatform,       // 平台缺失: the cache has orders that day, the platform's totals lack the day
    DebitWithoutPurchase,  // 上游扣款无对应采购: the balance dropped more than CardOps bought
    PurchaseWithoutDebit,  // 采购未见扣款: CardOps bought more than the balance dropped
    TopUp,                 // 充值: the balance rose (listed, not a difference)
    CommissionMissing,     // 漏发
    CommissionUnexpected,  // 多发
    CommissionWrongAmount, // 金额不符
    CommissionWrongMember, // 发错人
};

// A stable English code ("platform_more", "topup", …) for CSV and filters.
QString kindCode(DiffKind kind);
bool isDifference(DiffKind kind); // everything but TopUp

// One reconciliation row. `ours`/`theirs` are units (1/10000 yuan) or, for measure "orders", counts.
struct Difference
{
    DiffKind kind = DiffKind::PlatformMore;
    qint64 day = 0;       // business day (supplier: the day of the later balance observation)
    QString subject;      // platform: the measure (orders, gmv, refunds, commissions); supplier: its id;
                          // commission: the agent's name
    qint64 subjectId = 0; // commission: the agent's member id
    qint64 ours = 0;      // cache / CardOps (purchases; expected commission)
    qint64 theirs = 0;    // platform / supplier (balance drop or rise; credited commission)
    qint64 count = 0;     // commission: entries summarised; supplier: purchases in between
    qint64 fromAt = 0;    // supplier: the earlier observation (unix seconds)
    qint64 toAt = 0;      // supplier: the later observation
    bool isCount() const { return subject == QLatin1String("orders") && kind <= DiffKind::MissingPlatform; }
    qint64 difference() const { return theirs - ours; }
};

struct PlatformCheck
{
    qint64 daysCompared = 0; // days of the range with a row on either side
    QList<Difference> differences;
};

struct SupplierCheck
{
    qint64 suppliers = 0;
    qint64 intervals = 0;   // consecutive observation pairs ending in the range
    core::Money purchases;  // bought in those intervals
    QList<Difference> rows; // differences and top-ups, by supplier then time
};

struct CommissionCheck
{
    qint64 orders = 0; // paid orders of the range
    qint64 verified = 0;
    qint64 unverifiable = 0;
    core::Money expected;
    core::Money credited;
    QList<Difference> differences; // per day, agent and kind
};

struct Reconciliation
{
    qint64 fromDay = 0;
    qint64 toDay = 0;
    PlatformCheck platform;
    SupplierCheck supplier;
    CommissionCheck commission;
};

core::Result<PlatformCheck> checkPlatform(const ReadSession& read, qint64 fromDay, qint64 toDay);
core::Result<SupplierCheck> checkSuppliers(const ReadSession& read, qint64 fromDay, qint64 toDay);
// Reuses storage::commissioncheck, summarised per day, agent and kind.
core::Result<CommissionCheck> checkCommissions(const ReadSession& read, qint64 fromDay, qint64 toDay,
                                               Progress* progress = nullptr);
core::Result<Reconciliation> reconcile(const ReadSession& read, qint64 fromDay, qint64 toDay,
                                       Progress* progress = nullptr);

// --- Month close (月结) ---------------------------------------------------------------------------

// An adjustment: a closed month's live figure of one day and measure that differs from its snapshot,
// booked into the open period (the month of today) with its original period shown.
struct Adjustment
{
    QString originalMonth; // 原期间 "2026-10"
    QString bookedMonth;   // the open period it is booked into
    qint64 day = 0;
    QString measure;     // orders, gmv, cost, refunds, commissions, supplier_spend
    qint64 snapshot = 0; // units, or a count for orders
    qint64 live = 0;
    qint64 delta() const { return live - snapshot; }
};

struct MonthState
{
    QString month; // "yyyy-MM"
    bool closed = false;
    qint64 closedAt = 0;
    qint64 closedBy = 0;
    QString closedByLogin;
    DaySummary total;       // from the snapshot when closed, else live
    qint64 adjustments = 0; // rows of adjustments() for this month
};

// The first and last business day of a month "yyyy-MM"; InvalidArgument on bad text.
core::Result<std::pair<qint64, qint64>> monthDays(const QString& month);
QString monthOfDay(qint64 day);

// Whether the month holding `day` is closed: manual edits of it must be refused (requireOpen).
core::Result<bool> isClosed(const ReadSession& read, qint64 day);
core::Result<bool> isClosed(WriteContext& ctx, qint64 day);
// Conflict "期间 yyyy-MM 已月结 … / period yyyy-MM is closed" when the day's month is closed.
core::Result<void> requireOpen(WriteContext& ctx, qint64 day);

// The months from the oldest with data (or `fromMonth`) to the current one, newest first.
core::Result<QList<MonthState>> months(const ReadSession& read, qint64 nowSeconds);
// A closed month's summary as its snapshot holds it (NotFound when not closed).
core::Result<Summary> snapshot(const ReadSession& read, const QString& month);
// Every closed month's differences between the live figures and its snapshot.
core::Result<QList<Adjustment>> adjustments(const ReadSession& read, qint64 nowSeconds);

// Closes `month`: CloseMonth permission, `confirmed` true (the caller asked the operator), a month
// before the current one, not closed yet (a re-close is refused). Stores the snapshot, audited.
core::Result<Summary> closeMonth(WriteContext& ctx, const core::Actor& actor, const QString& month,
                                 bool confirmed);
// Reopens a closed month: administrators only (Permission::ManageSettings), audited with the
// snapshot's totals.
core::Result<void> reopenMonth(WriteContext& ctx, const core::Actor& actor, const QString& month,
                               const QString& reason);

// JSON text of a summary (the snapshot) and back: money as integer units, days as "yyyy-MM-dd".
QString summaryJson(const Summary& summary);
core::Result<Summary> summaryFromJson(const QString& json);

} // namespace finance
} // namespace cardops::storage
