#include "core/weeklysteps.h"

#include "core/clock.h"

#include <QDate>
#include <QRegularExpression>
#include <algorithm>

namespace cardops::core {

namespace {

const QDate kEpoch(1970, 1, 1);

QDate mondayOf(IsoWeek week)
{
    const QDate jan4(week.year, 1, 4);
    return jan4.addDays(1 - jan4.dayOfWeek()).addDays(qint64(week.week - 1) * 7);
}

int weeksInYear(int year)
{
    return QDate(year, 12, 28).weekNumber();
}

// (bad − good) / max(|base|, floor) in basis points, the sign telling worse (+) from better (−).
qint64 worseningBp(qint64 value, qint64 base, bool higherIsWorse, qint64 floor)
{
    const qint64 delta = higherIsWorse ? value - base : base - value;
    const qint64 scale = std::max(base < 0 ? -base : base, std::max<qint64>(floor, 1));
    return delta * 10000 / scale;
}

} // namespace

std::optional<IsoWeek> parseIsoWeek(QStringView text)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{4})-W(\\d{2})$"));
    const auto match = pattern.match(text.toString());
    if (!match.hasMatch())
        return std::nullopt;
    const IsoWeek week{match.captured(1).toInt(), match.captured(2).toInt()};
    if (week.year < 1971 || week.week < 1 || week.week > weeksInYear(week.year))
        return std::nullopt;
    return week;
}

QString formatIsoWeek(IsoWeek week)
{
    return QStringLiteral("%1-W%2")
        .arg(week.year, 4, 10, QLatin1Char('0'))
        .arg(week.week, 2, 10, QLatin1Char('0'));
}

qint64 isoWeekMonday(IsoWeek week)
{
    return kEpoch.daysTo(mondayOf(week));
}

IsoWeek isoWeekOfDay(qint64 day)
{
    int year = 0;
    const int week = kEpoch.addDays(day).weekNumber(&year);
    return {year, week};
}

IsoWeek lastCompleteWeek(qint64 unixSeconds)
{
    return isoWeekOfDay(businessDay(unixSeconds) - 7);
}

QList<RankedStep> rankSteps(const QList<StepFigure>& figures)
{
    QList<RankedStep> ranked;
    ranked.reserve(figures.size());
    for (const StepFigure& f : figures) {
        RankedStep r;
        r.figure = f;
        r.vsTargetBp = worseningBp(f.current, f.target, f.higherIsWorse, f.floor);
        r.vsPreviousBp = f.previous ? worseningBp(f.current, *f.previous, f.higherIsWorse, f.floor) : 0;
        r.scoreBp = f.previous ? std::max(r.vsPreviousBp, r.vsTargetBp) : r.vsTargetBp;
        ranked.append(r);
    }
    std::stable_sort(ranked.begin(), ranked.end(),
                     [](const RankedStep& a, const RankedStep& b) { return a.scoreBp > b.scoreBp; });
    return ranked;
}

QList<RankedStep> worstSteps(const QList<StepFigure>& figures, int count)
{
    QList<RankedStep> ranked = rankSteps(figures);
    if (ranked.size() > count)
        ranked.resize(count);
    return ranked;
}

StepFigure defaultStepFigure(OrderStep step, qint64 current, std::optional<qint64> previous)
{
    StepFigure f;
    f.step = step;
    f.current = current;
    f.previous = previous;
    switch (step) {
    case OrderStep::Delivery:
        f.target = 120;
        f.floor = 60;
        break;
    case OrderStep::Automation:
        f.target = 950'000;
        f.higherIsWorse = false;
        f.floor = 10'000;
        break;
    case OrderStep::Review:
        f.target = 1800;
        f.floor = 300;
        break;
    case OrderStep::Supplier:
        f.target = 10'000;
        f.floor = 10'000;
        break;
    case OrderStep::Refund:
        f.target = 20'000;
        f.floor = 10'000;
        break;
    case OrderStep::Stock:
        f.target = 0;
        f.floor = 20;
        break;
    }
    return f;
}

} // namespace cardops::core
