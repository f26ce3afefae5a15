#pragma once

#include "core/money.h"
#include "core/weeklysteps.h"
#include "storage/weeklyreport.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace cardops::models {

// The weekly operations report as it is printed (docs/reports.md): the week's figures, the week
// before's, and every step of the order's path ranked worst first. Value type, any thread.
struct WeeklyReportContent
{
    core::IsoWeek week;
    storage::weeklyreport::Report data;
    QList<core::RankedStep> steps; // all steps, worst first; the first three are "the three worst"
};

// The words and number formats of the report (PDF and CSV share them). Any thread.
class WeeklyReportText
{
    Q_DECLARE_TR_FUNCTIONS(WeeklyReportText)
public:
    // The step figures of a report: the week's and the week before's (stock has no history).
    static QList<core::StepFigure> stepFigures(const storage::weeklyreport::Report& report);
    static WeeklyReportContent content(core::IsoWeek week, storage::weeklyreport::Report report);

    static QString stepName(core::OrderStep step);
    static QString stepSuggestion(core::OrderStep step);
    // A step's figure in its unit: a duration, a percentage or a count of goods.
    static QString stepValue(core::OrderStep step, qint64 value);

    static QString percent(qint64 ppm);                     // "66.7%"
    static QString duration(qint64 seconds);                // "2分10秒" in Chinese, "2 min 10 s" in English
    static QString yuan(core::Money amount);                // "¥1,234.50"
    static QString change(qint64 current, qint64 previous); // "+12.5%", "−3.0%", "—" without a base
    static QString dayLabel(qint64 businessDay);            // "11-23 周一"
    static QString weekRange(core::IsoWeek week);           // "2026-11-23 – 2026-11-29"

    // "周报-2026-W48" (the files' fixed name, the same in every language).
    static QString fileBaseName(core::IsoWeek week);
};

} // namespace cardops::models
