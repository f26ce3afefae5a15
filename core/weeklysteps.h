#pragma once

#include <QList>
#include <QString>
#include <QStringView>
#include <optional>

namespace cardops::core {

// An ISO 8601 week (Monday to Sunday) of business days (Asia/Shanghai), written "2026-W47".
struct IsoWeek
{
    int year = 0;
    int week = 0;
    bool operator==(const IsoWeek&) const = default;
};

// "YYYY-Www" (week 01–52, or 53 in a year that has one); nullopt for anything else.
std::optional<IsoWeek> parseIsoWeek(QStringView text);
QString formatIsoWeek(IsoWeek week);
// The business day number (core::businessDay) of the week's Monday.
qint64 isoWeekMonday(IsoWeek week);
// The ISO week that holds business day `day`.
IsoWeek isoWeekOfDay(qint64 day);
// The last week that ended before the business day of `unixSeconds` (the default of the report).
IsoWeek lastCompleteWeek(qint64 unixSeconds);

// The steps of an order's path that the weekly report watches (domain.md "Metrics": "the three worst
// steps of the week"). Each step has one figure: the week's, the week before's and a target.
enum class OrderStep {
    Delivery,   // average paid → delivered seconds of delivered orders
    Automation, // share of delivered orders delivered without a person, ppm
    Review,     // average paid → delivered seconds of orders that went through review
    Supplier,   // share of supplier purchases that failed or whose outcome is unknown, ppm
    Refund,     // share of paid orders with a refund, ppm
    Stock,      // on-sale card goods out of stock or below the low-stock threshold (now; no history)
};

struct StepFigure
{
    OrderStep step = OrderStep::Delivery;
    qint64 current = 0;
    std::optional<qint64> previous; // nullopt: no figure for the week before (or nothing happened)
    qint64 target = 0;
    bool higherIsWorse = true;
    // The scale below which a change is not blown up: a change is measured against
    // max(|baseline|, floor) (a second, a ppm, a goods).
    qint64 floor = 1;
};

struct RankedStep
{
    StepFigure figure;
    // How much worse, in basis points (1/10000) of the baseline: the larger of the change against
    // the week before and the distance past the target; negative when the step improved and meets
    // its target. Integer arithmetic, truncated toward zero.
    qint64 scoreBp = 0;
    qint64 vsPreviousBp = 0; // 0 without a previous figure
    qint64 vsTargetBp = 0;
};

// Scores every step and orders them worst first; ties keep the order of `figures`.
QList<RankedStep> rankSteps(const QList<StepFigure>& figures);
// The first `count` of rankSteps().
QList<RankedStep> worstSteps(const QList<StepFigure>& figures, int count = 3);

// The targets and floors of the report (documented in docs/reports.md): delivery within 2 minutes on
// average, automation ≥ 95 %, review handled within 30 minutes, supplier failures ≤ 1 %, refunds ≤ 2 %,
// no goods short of stock.
StepFigure defaultStepFigure(OrderStep step, qint64 current, std::optional<qint64> previous);

} // namespace cardops::core
