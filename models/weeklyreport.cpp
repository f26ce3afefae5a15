#include "models/weeklyreport.h"

#include <QDate>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace cardops::models {

namespace wr = storage::weeklyreport;

QList<core::StepFigure> WeeklyReportText::stepFigures(const wr::Report& report)
{
    const wr::PeriodFigures& c = report.current;
    const wr::PeriodFigures& p = report.previous;
    auto previousIf = [](bool had, qint64 value) {
        return had ? std::optional<qint64>(value) : std::nullopt;
    };
    using core::OrderStep;
    return {
        core::defaultStepFigure(OrderStep::Delivery, c.averageDeliverSeconds,
                                previousIf(p.delivered > 0, p.averageDeliverSeconds)),
        core::defaultStepFigure(OrderStep::Automation, c.delivered > 0 ? c.automationPpm : 1'000'000,
                                previousIf(p.delivered > 0, p.automationPpm)),
        core::defaultStepFigure(OrderStep::Review, c.averageReviewSeconds,
                                previousIf(p.reviewedDelivered > 0, p.averageReviewSeconds)),
        core::defaultStepFigure(OrderStep::Supplier, c.supplierFailurePpm,
                                previousIf(p.purchases > 0, p.supplierFailurePpm)),
        core::defaultStepFigure(OrderStep::Refund, c.refundRatePpm,
                                previousIf(p.orders > 0, p.refundRatePpm)),
        core::defaultStepFigure(OrderStep::Stock, report.stock.outOfStock + report.stock.lowStock,
                                std::nullopt),
    };
}

WeeklyReportContent WeeklyReportText::content(core::IsoWeek week, wr::Report report)
{
    WeeklyReportContent c;
    c.week = week;
    c.steps = core::rankSteps(stepFigures(report));
    c.data = std::move(report);
    return c;
}

QString WeeklyReportText::stepName(core::OrderStep step)
{
    switch (step) {
    case core::OrderStep::Delivery:
        return tr("Paid to delivered");
    case core::OrderStep::Automation:
        return tr("Automatic delivery");
    case core::OrderStep::Review:
        return tr("Manual review waiting");
    case core::OrderStep::Supplier:
        return tr("Supplier purchases");
    case core::OrderStep::Refund:
        return tr("Refunds");
    case core::OrderStep::Stock:
        return tr("Stock");
    }
    return {};
}

QString WeeklyReportText::stepSuggestion(core::OrderStep step)
{
    switch (step) {
    case core::OrderStep::Delivery:
        return tr("Check the fulfilment worker's lease and the suppliers' response times; move slow goods to "
                  "a faster "
                  "supplier.");
    case core::OrderStep::Automation:
        return tr("Review the rule matrix: loosen rules that hold orders without finding problems.");
    case core::OrderStep::Review:
        return tr("Staff the review queue at the busy hours and assign items as they arrive.");
    case core::OrderStep::Supplier:
        return tr("Settle the unknown purchases, top up low balances and dock a second supplier for failing "
                  "goods.");
    case core::OrderStep::Refund:
        return tr("Read the refund reasons of the worst goods and fix their listings or suppliers.");
    case core::OrderStep::Stock:
        return tr("Restock the goods below their threshold (工作台 → 补货) before the weekend peak.");
    }
    return {};
}

QString WeeklyReportText::stepValue(core::OrderStep step, qint64 value)
{
    switch (step) {
    case core::OrderStep::Delivery:
    case core::OrderStep::Review:
        return duration(value);
    case core::OrderStep::Automation:
    case core::OrderStep::Supplier:
    case core::OrderStep::Refund:
        return percent(value);
    case core::OrderStep::Stock:
        return tr("%n goods", nullptr, int(value));
    }
    return {};
}

QString WeeklyReportText::percent(qint64 ppm)
{
    // Tenths of a percent, half away from zero: 666666 ppm → 66.7%.
    const qint64 tenths = ppm >= 0 ? (ppm + 500) / 1000 : -((-ppm + 500) / 1000);
    const qint64 magnitude = tenths < 0 ? -tenths : tenths;
    return u"%1%2.%3%"_s.arg(tenths < 0 ? u"-"_s : QString()).arg(magnitude / 10).arg(magnitude % 10);
}

QString WeeklyReportText::duration(qint64 seconds)
{
    if (seconds < 60)
        return tr("%1 s").arg(seconds);
    if (seconds < 3600)
        return tr("%1 min %2 s").arg(seconds / 60).arg(seconds % 60);
    if (seconds < 86400)
        return tr("%1 h %2 min").arg(seconds / 3600).arg(seconds % 3600 / 60);
    return tr("%1 d %2 h").arg(seconds / 86400).arg(seconds % 86400 / 3600);
}

QString WeeklyReportText::yuan(core::Money amount)
{
    const QString plain = amount.toString(2);
    const bool negative = plain.startsWith(u'-');
    QString digits = negative ? plain.mid(1) : plain;
    const qsizetype dot = digits.indexOf(u'.');
    for (qsizetype i = dot - 3; i > 0; i -= 3)
        digits.insert(i, u',');
    return (negative ? u"-¥"_s : u"¥"_s) + digits;
}

QString WeeklyReportText::change(qint64 current, qint64 previous)
{
    if (previous == 0)
        return u"—"_s;
    const qint64 ppmChange = (current - previous) * 1'000'000 / (previous < 0 ? -previous : previous);
    const QString text = percent(ppmChange);
    return ppmChange > 0 ? u"+"_s + text : text;
}

QString WeeklyReportText::dayLabel(qint64 businessDay)
{
    const QDate date = QDate(1970, 1, 1).addDays(businessDay);
    static const char* const names[] = {QT_TR_NOOP("Mon"), QT_TR_NOOP("Tue"), QT_TR_NOOP("Wed"),
                                        QT_TR_NOOP("Thu"), QT_TR_NOOP("Fri"), QT_TR_NOOP("Sat"),
                                        QT_TR_NOOP("Sun")};
    return date.toString(u"MM-dd"_s) + u' ' + tr(names[date.dayOfWeek() - 1]);
}

QString WeeklyReportText::weekRange(core::IsoWeek week)
{
    const QDate monday = QDate(1970, 1, 1).addDays(core::isoWeekMonday(week));
    return monday.toString(Qt::ISODate) + u" – "_s + monday.addDays(6).toString(Qt::ISODate);
}

QString WeeklyReportText::fileBaseName(core::IsoWeek week)
{
    return u"周报-"_s + core::formatIsoWeek(week);
}

} // namespace cardops::models
