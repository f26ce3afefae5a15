#include "core/clock.h"

#include <QDateTime>
#include <QTimeZone>
#include <QtTest>

using namespace cardops::core;

class TestClock : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void manualClockMovesOnlyWhenTold()
    {
        ManualClock clock(1'700'000'000'000);
        QCOMPARE(clock.nowSeconds(), 1'700'000'000);
        clock.advanceSeconds(90);
        QCOMPARE(clock.nowSeconds(), 1'700'000'090);
        clock.advanceMilliseconds(999);
        QCOMPARE(clock.nowMilliseconds(), 1'700'000'090'999);
        clock.setMilliseconds(5);
        QCOMPARE(clock.nowSeconds(), 0);
    }

    void systemClockAppliesOffset()
    {
        SystemClock clock;
        const qint64 before = QDateTime::currentMSecsSinceEpoch();
        clock.setOffsetMilliseconds(3'600'000);
        const qint64 shifted = clock.nowMilliseconds();
        QVERIFY(shifted >= before + 3'600'000);
        QVERIFY(shifted < QDateTime::currentMSecsSinceEpoch() + 3'600'000 + 60'000);
    }

    void businessDayIsShanghaiDay_data()
    {
        QTest::addColumn<QString>("shanghaiTime");
        QTest::newRow("midnight") << "2026-11-28T00:00:00";
        QTest::newRow("one second before midnight") << "2026-11-27T23:59:59";
        QTest::newRow("08:00 (UTC midnight)") << "2026-11-28T08:00:00";
        QTest::newRow("leap day") << "2024-02-29T12:34:56";
        QTest::newRow("before epoch") << "1969-12-31T23:00:00";
    }
    void businessDayIsShanghaiDay()
    {
        QFETCH(QString, shanghaiTime);
        const QDateTime local = QDateTime::fromString(shanghaiTime, Qt::ISODate);
        const QDateTime dt(local.date(), local.time(), QTimeZone("Asia/Shanghai"));
        QVERIFY(dt.isValid());
        const qint64 t = dt.toSecsSinceEpoch();
        const qint64 expectedDay = QDate(1970, 1, 1).daysTo(local.date());
        QCOMPARE(businessDay(t), expectedDay);
        QVERIFY(businessDayStart(expectedDay) <= t);
        QVERIFY(t < businessDayStart(expectedDay + 1));
    }

    void businessDayFormulaOfArchitecture()
    {
        // architecture.md: a business day is (t + 28800) / 86400.
        for (qint64 t = 1'600'000'000; t < 1'600'000'000 + 5 * 86400; t += 3607)
            QCOMPARE(businessDay(t), (t + 28800) / 86400);
    }
};

QTEST_GUILESS_MAIN(TestClock)
#include "tst_clock.moc"
