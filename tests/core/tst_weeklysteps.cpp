#include "core/clock.h"
#include "core/weeklysteps.h"

#include <QtTest>

using namespace cardops::core;

// The weeks of the report and the ranking of the three worst steps (docs/reports.md).
class TestWeeklySteps : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void isoWeeks()
    {
        QCOMPARE(parseIsoWeek(u"2026-W48"), std::optional<IsoWeek>(IsoWeek{2026, 48}));
        QVERIFY(!parseIsoWeek(u"2026-W00"));
        QVERIFY(parseIsoWeek(u"2026-W53")); // 2026 has 53 weeks (Dec 28 is in week 53)
        QVERIFY(!parseIsoWeek(u"2025-W53"));
        QVERIFY(parseIsoWeek(u"2020-W53"));
        QVERIFY(!parseIsoWeek(u"2026-48"));
        QVERIFY(!parseIsoWeek(u" 2026-W48"));
        QCOMPARE(formatIsoWeek({2026, 5}), u"2026-W05"_qs);
        // 2026-W48 starts on Monday 2026-11-23: business day 20780.
        QCOMPARE(isoWeekMonday({2026, 48}), QDate(1970, 1, 1).daysTo(QDate(2026, 11, 23)));
        QCOMPARE(isoWeekMonday({2026, 48}), 20780);
        // 2027-W01 begins on 2027-01-04; 2025-W01 on 2024-12-30.
        QCOMPARE(isoWeekMonday({2025, 1}), QDate(1970, 1, 1).daysTo(QDate(2024, 12, 30)));
        QCOMPARE(isoWeekOfDay(QDate(1970, 1, 1).daysTo(QDate(2024, 12, 31))), (IsoWeek{2025, 1}));
        // Sunday 2026-11-29 23:59:59 Shanghai is still week 48; the minute after is week 49.
        const qint64 sundayLast = businessDayStart(20786) + 86399;
        QCOMPARE(isoWeekOfDay(businessDay(sundayLast)), (IsoWeek{2026, 48}));
        QCOMPARE(isoWeekOfDay(businessDay(sundayLast + 1)), (IsoWeek{2026, 49}));
        // The last complete week on Monday 2026-11-30 00:00:05 Shanghai is week 48; on Sunday it is 47.
        QCOMPARE(lastCompleteWeek(sundayLast + 6), (IsoWeek{2026, 48}));
        QCOMPARE(lastCompleteWeek(sundayLast), (IsoWeek{2026, 47}));
    }

    void rankingIsExact()
    {
        const QList<StepFigure> figures = {
            // 100 s → 130 s: +30/100 = 3000 bp; target 120: +10/120 = 833 bp → 3000
            defaultStepFigure(OrderStep::Delivery, 130, 100),
            // 98 % → 96 %: −20000 ppm of 980000 → 204 bp; above target 95 % → −105 → 204
            defaultStepFigure(OrderStep::Automation, 960'000, 980'000),
            // 600 s → 2400 s: +1800/600 = 30000 bp; target 1800: +600/1800 = 3333 → 30000
            defaultStepFigure(OrderStep::Review, 2400, 600),
            // 0 → 5 %: +50000 / max(0, floor 10000) = 50000 bp; target 1 %: +40000/10000 = 40000
            defaultStepFigure(OrderStep::Supplier, 50'000, 0),
            // 3 % → 1.5 %: −15000/30000 = −5000; target 2 %: −5000/20000 = −2500 → −2500
            defaultStepFigure(OrderStep::Refund, 15'000, 30'000),
            // 3 goods short, no history: 3 × 10000 / 20 = 1500
            defaultStepFigure(OrderStep::Stock, 3, std::nullopt),
        };
        const QList<RankedStep> ranked = rankSteps(figures);
        QCOMPARE(ranked.size(), 6);
        const QList<OrderStep> order = {OrderStep::Supplier, OrderStep::Review,     OrderStep::Delivery,
                                        OrderStep::Stock,    OrderStep::Automation, OrderStep::Refund};
        const QList<qint64> scores = {50000, 30000, 3000, 1500, 204, -2500};
        for (int i = 0; i < 6; ++i) {
            QCOMPARE(ranked[i].figure.step, order[i]);
            QCOMPARE(ranked[i].scoreBp, scores[i]);
        }
        QCOMPARE(ranked[0].vsPreviousBp, 50000);
        QCOMPARE(ranked[0].vsTargetBp, 40000);
        QCOMPARE(ranked[2].vsTargetBp, 833);
        QCOMPARE(ranked[3].vsPreviousBp, 0);

        const QList<RankedStep> worst = worstSteps(figures);
        QCOMPARE(worst.size(), 3);
        QCOMPARE(worst[0].figure.step, OrderStep::Supplier);
        QCOMPARE(worst[1].figure.step, OrderStep::Review);
        QCOMPARE(worst[2].figure.step, OrderStep::Delivery);
    }

    void tiesKeepTheGivenOrder()
    {
        const QList<StepFigure> figures = {defaultStepFigure(OrderStep::Refund, 20'000, 20'000),
                                           defaultStepFigure(OrderStep::Supplier, 10'000, 10'000),
                                           defaultStepFigure(OrderStep::Stock, 0, std::nullopt)};
        const QList<RankedStep> ranked = rankSteps(figures);
        QCOMPARE(ranked[0].figure.step, OrderStep::Refund);
        QCOMPARE(ranked[1].figure.step, OrderStep::Supplier);
        QCOMPARE(ranked[2].figure.step, OrderStep::Stock);
        for (const RankedStep& r : ranked)
            QCOMPARE(r.scoreBp, 0);
    }
};

QTEST_GUILESS_MAIN(TestWeeklySteps)
#include "tst_weeklysteps.moc"
