#include "core/tierrules.h"

#include <QtTest>

using namespace cardops::core;

namespace {

// Moments used by the rows, as UTC unix seconds, with their Asia/Shanghai wall time.
// Business day 20785 is 2026-11-28 in Shanghai; day 20756 (2026-10-30) is the first day of the
// 30-day window ending on it.
constexpr qint64 kDayStart = 1795795200;   // 2026-11-28 00:00:00 Shanghai = 2026-11-27 16:00:00 UTC
constexpr qint64 kNoon = 1795838400;       // 2026-11-28 12:00:00 Shanghai
constexpr qint64 kLastSecond = 1795881599; // 2026-11-28 23:59:59 Shanghai = 15:59:59 UTC
constexpr qint64 kNextDay = 1795881600;    // 2026-11-29 00:00:00 Shanghai = 2026-11-28 16:00:00 UTC

Money m(QStringView text)
{
    const auto r = Money::parse(text);
    if (!r)
        qFatal("bad money literal in test: %s", qPrintable(text.toString()));
    return *r;
}

// "20756:500.00,20785:-1.50": day:amount pairs.
QList<DayAmount> days(const QString& spec)
{
    QList<DayAmount> out;
    for (const QString& part : spec.split(u',', Qt::SkipEmptyParts)) {
        const QStringList dayAmount = part.split(u':');
        out.append({dayAmount[0].toLongLong(), m(dayAmount[1])});
    }
    return out;
}

// "spend=1000.00,own=500.00" → conditions; "-" or "" = none.
UpgradeConditions conditions(const QString& spec)
{
    UpgradeConditions c;
    for (const QString& part : spec.split(u',', Qt::SkipEmptyParts)) {
        if (part == u"-")
            continue;
        const QStringList kv = part.split(u'=');
        if (kv[0] == u"spend")
            c.cumulativeSpend = m(kv[1]);
        else if (kv[0] == u"recharge")
            c.cumulativeRecharge = m(kv[1]);
        else if (kv[0] == u"down")
            c.downlineGmv30d = m(kv[1]);
        else if (kv[0] == u"own")
            c.ownGmv30d = m(kv[1]);
        else if (kv[0] == u"active")
            c.activeDownlines = kv[1].toLongLong();
        else
            qFatal("bad condition in test: %s", qPrintable(part));
    }
    return c;
}

// "id/rank/conditions/policy; …", policy s = sliding window, n = none.
QList<TierRule> ladder(const QString& spec)
{
    QList<TierRule> out;
    for (const QString& tier : spec.split(u';', Qt::SkipEmptyParts)) {
        const QStringList f = tier.trimmed().split(u'/');
        out.append({f[0].toLongLong(), f[1].toLongLong(), conditions(f[2]),
                    f[3] == u"s" ? DowngradePolicy::SlidingWindow : DowngradePolicy::None});
    }
    return out;
}

// The ladder most rows use. 16 is assigned by hand only.
const QString kLadder = QStringLiteral("11/1/-/n; 12/2/own=100.00/n; 13/3/spend=1000.00,own=500.00/s;"
                                       "14/4/down=5000.00,active=3/s; 15/5/recharge=20000.00,down=20000.00/s;"
                                       "16/6/-/n");

// "tier=13 spend=1000.00 own=500.00 active=3": the member (id 7) and its figures.
MemberFigures figures(const QString& spec)
{
    MemberFigures f;
    f.memberId = 7;
    for (const QString& part : spec.split(u' ', Qt::SkipEmptyParts)) {
        const QStringList kv = part.split(u'=');
        if (kv[0] == u"tier")
            f.tierId = kv[1].toLongLong();
        else if (kv[0] == u"spend")
            f.cumulativeSpend = m(kv[1]);
        else if (kv[0] == u"recharge")
            f.cumulativeRecharge = m(kv[1]);
        else if (kv[0] == u"down")
            f.downlineGmv30d = m(kv[1]);
        else if (kv[0] == u"own")
            f.ownGmv30d = m(kv[1]);
        else if (kv[0] == u"active")
            f.activeDownlines = kv[1].toLongLong();
        else
            qFatal("bad figure in test: %s", qPrintable(part));
    }
    return f;
}

// "" when nothing moved, else "from>to rule".
QString describe(const TierEvaluation& e)
{
    QStringList out;
    for (const TierMove& move : e.moves)
        out << QStringLiteral("%1>%2 %3").arg(move.fromTier).arg(move.toTier).arg(move.rule);
    return out.join(u'|');
}

} // namespace

class TstTierRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void boundaryHelpers_data();
    void boundaryHelpers();
    void windowEdges_data();
    void windowEdges();
    void upgrades_data();
    void upgrades();
    void upgradeOnCrossingIngest_data();
    void upgradeOnCrossingIngest();
    void downgrades_data();
    void downgrades();
    void ladderChecked_data();
    void ladderChecked();
    void fromPlatform_data();
    void fromPlatform();
    void platformLadderSortedByRank();
    void unknownTierReported();
};

void TstTierRules::boundaryHelpers_data()
{
    QTest::addColumn<qint64>("from");
    QTest::addColumn<qint64>("to");
    QTest::addColumn<qint64>("crossed");

    QTest::newRow("same Shanghai day, first to last second") << kDayStart << kLastSecond << qint64(0);
    QTest::newRow("23:59:59 to 00:00:00 Shanghai") << kLastSecond << kNextDay << qint64(1);
    QTest::newRow("into the day at its first second") << kDayStart - 1 << kDayStart << qint64(1);
    QTest::newRow("UTC midnight is 08:00 in Shanghai")
        << qint64(1795939199) << qint64(1795939200) << qint64(0);
    QTest::newRow("backwards crosses nothing") << kNextDay << kLastSecond << qint64(0);
    QTest::newRow("three boundaries") << kNoon - 2 * 86400 << kNextDay << qint64(3);
    QTest::newRow("same moment") << kNextDay << kNextDay << qint64(0);
}

void TstTierRules::boundaryHelpers()
{
    QFETCH(qint64, from);
    QFETCH(qint64, to);
    QFETCH(qint64, crossed);
    QCOMPARE(businessDaysCrossed(from, to), crossed);
    QCOMPARE(isBusinessDayBoundary(from, to), crossed > 0);
}

void TstTierRules::windowEdges_data()
{
    QTest::addColumn<QString>("amounts");
    QTest::addColumn<qint64>("at");
    QTest::addColumn<qint64>("windowDays");
    QTest::addColumn<QString>("sum");

    // Day 20755 lies one day before the window of day 20785; 20786 is the next day.
    const QString edges = QStringLiteral("20755:1.00,20756:10.00,20785:100.00,20786:1000.00");
    QTest::newRow("first second of the day: days 20756–20785")
        << edges << kDayStart << qint64(30) << "110.00";
    QTest::newRow("last second of the day: same window") << edges << kLastSecond << qint64(30) << "110.00";
    QTest::newRow("next day: 20756 leaves, 20786 enters") << edges << kNextDay << qint64(30) << "1100.00";
    QTest::newRow("day before: 20755–20784") << edges << kDayStart - 1 << qint64(30) << "11.00";
    QTest::newRow("one-day window is the day itself") << edges << kNoon << qint64(1) << "100.00";
    QTest::newRow("refund reduces the figure to the cent")
        << QStringLiteral("20785:100.00,20785:-30.51,20760:0.0001") << kNoon << qint64(30) << "69.4901";
    QTest::newRow("nothing booked") << QString() << kNoon << qint64(30) << "0";
}

void TstTierRules::windowEdges()
{
    QFETCH(QString, amounts);
    QFETCH(qint64, at);
    QFETCH(qint64, windowDays);
    QFETCH(QString, sum);
    QCOMPARE(windowSum(days(amounts), at, windowDays), m(sum));
}

void TstTierRules::upgrades_data()
{
    QTest::addColumn<QString>("tiers");
    QTest::addColumn<QString>("member");
    QTest::addColumn<QString>("moves");

    const QString l = kLadder;
    // Thresholds: a figure equal to the threshold meets it; 0.01 below does not.
    QTest::newRow("own gmv exactly at threshold") << l << "tier=11 own=100.00"
                                                  << "11>12 upgrade all_of(own_gmv_30d 100.0000>=100.0000)";
    QTest::newRow("own gmv 0.01 below") << l << "tier=11 own=99.99"
                                        << "";
    QTest::newRow("spend exactly at threshold")
        << l << "tier=12 spend=1000.00 own=500.00"
        << "12>13 upgrade all_of(cumulative_spend 1000.0000>=1000.0000, own_gmv_30d 500.0000>=500.0000)";
    QTest::newRow("spend 0.01 below") << l << "tier=12 spend=999.99 own=500.00"
                                      << "";
    QTest::newRow("active downlines exactly at threshold")
        << l << "tier=13 down=5000.00 active=3"
        << "13>14 upgrade all_of(downline_gmv_30d 5000.0000>=5000.0000, active_downlines 3>=3)";
    QTest::newRow("active downlines one below") << l << "tier=13 down=5000.00 active=2"
                                                << "";
    QTest::newRow("recharge exactly at threshold")
        << l << "tier=14 recharge=20000.00 down=20000.00 active=3"
        << "14>15 upgrade all_of(cumulative_recharge 20000.0000>=20000.0000, "
           "downline_gmv_30d 20000.0000>=20000.0000)";
    QTest::newRow("recharge 0.01 below") << l << "tier=14 recharge=19999.99 down=20000.00 active=3"
                                         << "";

    // All-of: every set condition, not any.
    QTest::newRow("all-of: spend met, own gmv 0.01 short") << l << "tier=12 spend=5000.00 own=499.99"
                                                           << "";
    QTest::newRow("all-of: downline gmv met, no active downlines") << l << "tier=13 down=9000.00 active=0"
                                                                   << "";

    // Skipping: straight to the highest tier earned, never into a hand-assigned one.
    QTest::newRow("floor to 13 skipping 12")
        << l << "tier=11 spend=1000.00 own=500.00"
        << "11>13 upgrade all_of(cumulative_spend 1000.0000>=1000.0000, own_gmv_30d 500.0000>=500.0000)";
    QTest::newRow("floor to 15, not the hand-assigned 16")
        << l << "tier=11 spend=1000.00 own=500.00 recharge=20000.00 down=20000.00 active=3"
        << "11>15 upgrade all_of(cumulative_recharge 20000.0000>=20000.0000, "
           "downline_gmv_30d 20000.0000>=20000.0000)";
    QTest::newRow("14 earned while 12 and 13 are not")
        << l << "tier=11 down=5000.00 active=3"
        << "11>14 upgrade all_of(downline_gmv_30d 5000.0000>=5000.0000, active_downlines 3>=3)";
    QTest::newRow("figures of a lower tier never move up or down") << l << "tier=14 own=100.00"
                                                                   << "";
    QTest::newRow("hand-assigned top tier stays") << l << "tier=16"
                                                  << "";

    // Money is exact to the 1/10000 yuan, in the figures and in the rule text.
    const QString fine = QStringLiteral("1/1/-/n; 2/2/own=100.0001/n");
    QTest::newRow("1/10000 yuan below") << fine << "tier=1 own=100.00"
                                        << "";
    QTest::newRow("exactly 100.0001") << fine << "tier=1 own=100.0001"
                                      << "1>2 upgrade all_of(own_gmv_30d 100.0001>=100.0001)";
    QTest::newRow("zero threshold is met by everyone") << QStringLiteral("1/1/-/n; 2/2/own=0/n") << "tier=1"
                                                       << "1>2 upgrade all_of(own_gmv_30d 0.0000>=0.0000)";
    QTest::newRow("ranks from 0") << QStringLiteral("5/0/-/n; 6/1/spend=1/n") << "tier=5 spend=1"
                                  << "5>6 upgrade all_of(cumulative_spend 1.0000>=1.0000)";
}

void TstTierRules::upgrades()
{
    QFETCH(QString, tiers);
    QFETCH(QString, member);
    QFETCH(QString, moves);
    // Upgrades need no day boundary: the evaluation after an ingest passes the same moment twice.
    const Result<TierEvaluation> e = evaluateTiers(ladder(tiers), {figures(member)}, kNoon, kNoon);
    QVERIFY2(e.ok(), qPrintable(e.ok() ? QString() : e.error().detail));
    QCOMPARE(describe(*e), moves);
    for (const TierMove& move : e->moves) {
        QCOMPARE(move.memberId, qint64(7));
        QCOMPARE(move.direction, TierDirection::Up);
        QCOMPARE(move.at, kNoon);
    }
}

void TstTierRules::upgradeOnCrossingIngest_data()
{
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("ingested");
    QTest::addColumn<qint64>("toTier");

    // The member holds 12 and has 1000.00 spent; 13 needs 500.00 own GMV in 30 days.
    QTest::newRow("ingest reaches 500.00 exactly") << "20760:300.00"
                                                   << "200.00" << qint64(13);
    QTest::newRow("ingest stops 0.01 short") << "20760:300.00"
                                             << "199.99" << qint64(0);
    QTest::newRow("old GMV outside the window does not help") << "20755:300.00"
                                                              << "200.00" << qint64(0);
}

void TstTierRules::upgradeOnCrossingIngest()
{
    QFETCH(QString, before);
    QFETCH(QString, ingested);
    QFETCH(qint64, toTier);
    const QList<TierRule> rules = ladder(kLadder);
    QList<DayAmount> own = days(before);
    MemberFigures f = figures(QStringLiteral("tier=12 spend=1000.00"));

    f.ownGmv30d = windowSum(own, kNoon);
    const Result<TierEvaluation> first = evaluateTiers(rules, {f}, kNoon, kNoon);
    QVERIFY(first.ok());
    QVERIFY(first->moves.isEmpty());

    // An order paid a second later is ingested; the evaluation right after it sees the new figure.
    own.append({businessDay(kNoon + 1), m(ingested)});
    f.ownGmv30d = windowSum(own, kNoon + 1);
    const Result<TierEvaluation> next = evaluateTiers(rules, {f}, kNoon, kNoon + 1);
    QVERIFY(next.ok());
    if (toTier == 0) {
        QVERIFY(next->moves.isEmpty());
        return;
    }
    QCOMPARE(next->moves.size(), 1);
    const TierMove expected{7,
                            12,
                            toTier,
                            TierDirection::Up,
                            QStringLiteral("upgrade all_of(cumulative_spend 1000.0000>=1000.0000, "
                                           "own_gmv_30d 500.0000>=500.0000)"),
                            kNoon + 1};
    QCOMPARE(next->moves.first(), expected);
}

void TstTierRules::downgrades_data()
{
    QTest::addColumn<QString>("member");  // the figures other than own and downline GMV
    QTest::addColumn<QString>("ownDays"); // own GMV by business day
    QTest::addColumn<QString>("downDays");
    QTest::addColumn<qint64>("lastEvaluatedAt");
    QTest::addColumn<qint64>("at");
    QTest::addColumn<QString>("moves");

    // 13 needs own GMV ≥ 500.00 over 30 days; the 500.00 of day 20756 leaves the window when day
    // 20786 starts (2026-11-29 00:00:00 Shanghai).
    const QString at13 = QStringLiteral("tier=13 spend=1000.00");
    const QString leaving = QStringLiteral("20756:500.00");
    QTest::newRow("23:59:59 Shanghai: still in the window")
        << at13 << leaving << QString() << kDayStart - 1 << kLastSecond << "";
    QTest::newRow("00:00:00 next day: falls to the floor")
        << at13 << leaving << QString() << kLastSecond << kNextDay
        << "13>11 downgrade sliding_window(own_gmv_30d 0.0000<500.0000)";
    QTest::newRow("figures short mid-day: waits for the boundary")
        << at13 << "20755:500.00" << QString() << kDayStart << kNoon << "";
    QTest::newRow("no boundary since the last evaluation")
        << at13 << leaving << QString() << kNextDay << kNextDay + 5 << "";
    QTest::newRow("several boundaries since the last evaluation")
        << at13 << leaving << QString() << kNoon - 2 * 86400 << kNextDay
        << "13>11 downgrade sliding_window(own_gmv_30d 0.0000<500.0000)";
    QTest::newRow("20757 is the first day of the next window")
        << at13 << "20757:500.00" << QString() << kLastSecond << kNextDay << "";
    QTest::newRow("0.01 short at the boundary")
        << at13 << "20757:499.99" << QString() << kLastSecond << kNextDay
        << "13>12 downgrade sliding_window(own_gmv_30d 499.9900<500.0000)";
    QTest::newRow("to the tier the figures support, 12")
        << at13 << "20756:500.00,20770:100.00" << QString() << kLastSecond << kNextDay
        << "13>12 downgrade sliding_window(own_gmv_30d 100.0000<500.0000)";
    QTest::newRow("tier without downgrade policy keeps")
        << "tier=12"
        << "20756:100.00" << QString() << kLastSecond << kNextDay << "";
    QTest::newRow("cumulative shortfall alone does not downgrade")
        << "tier=13 spend=0"
        << "20770:500.00" << QString() << kLastSecond << kNextDay << "";
    QTest::newRow("14 straight to 12, skipping 13")
        << "tier=14 active=3 spend=0"
        << "20770:150.00"
        << "20756:5000.00" << kLastSecond << kNextDay
        << "14>12 downgrade sliding_window(downline_gmv_30d 0.0000<5000.0000)";
    QTest::newRow("14 to 13 when 13 still holds")
        << "tier=14 active=3 spend=1000.00"
        << "20770:500.00"
        << "20756:5000.00" << kLastSecond << kNextDay
        << "14>13 downgrade sliding_window(downline_gmv_30d 0.0000<5000.0000)";
    QTest::newRow("every failing sliding condition is named")
        << "tier=14 active=2" << QString() << "20756:5000.00" << kLastSecond << kNextDay
        << "14>11 downgrade sliding_window(downline_gmv_30d 0.0000<5000.0000, active_downlines 2<3)";
    QTest::newRow("hand-assigned tier without conditions keeps")
        << "tier=16" << QString() << QString() << kLastSecond << kNextDay << "";
    QTest::newRow("an upgrade at the boundary still goes up")
        << "tier=12 active=3" << QString() << "20786:5000.00" << kLastSecond << kNextDay
        << "12>14 upgrade all_of(downline_gmv_30d 5000.0000>=5000.0000, active_downlines 3>=3)";
}

void TstTierRules::downgrades()
{
    QFETCH(QString, member);
    QFETCH(QString, ownDays);
    QFETCH(QString, downDays);
    QFETCH(qint64, lastEvaluatedAt);
    QFETCH(qint64, at);
    QFETCH(QString, moves);
    MemberFigures f = figures(member);
    f.ownGmv30d = windowSum(days(ownDays), at);
    f.downlineGmv30d = windowSum(days(downDays), at);
    const Result<TierEvaluation> e = evaluateTiers(ladder(kLadder), {f}, lastEvaluatedAt, at);
    QVERIFY(e.ok());
    QCOMPARE(describe(*e), moves);
    for (const TierMove& move : e->moves) {
        QCOMPARE(move.at, at);
        QCOMPARE(move.direction, move.rule.startsWith(u"upgrade") ? TierDirection::Up : TierDirection::Down);
    }
}

void TstTierRules::ladderChecked_data()
{
    QTest::addColumn<QString>("tiers");
    QTest::addColumn<bool>("ok");

    QTest::newRow("the test ladder") << kLadder << true;
    QTest::newRow("a single tier") << "1/1/-/n" << true;
    QTest::newRow("gap: 1, 2, 4") << "1/1/-/n; 2/2/own=1/n; 3/4/own=2/n" << false;
    QTest::newRow("unsorted: 1, 3, 2") << "1/1/-/n; 3/3/own=2/n; 2/2/own=1/n" << false;
    QTest::newRow("descending") << "2/2/own=1/n; 1/1/-/n" << false;
    QTest::newRow("rank repeated") << "1/1/-/n; 2/2/own=1/n; 3/2/own=2/n" << false;
    QTest::newRow("tier id repeated") << "1/1/-/n; 1/2/own=1/n" << false;
    QTest::newRow("negative threshold") << "1/1/-/n; 2/2/own=-0.01/n" << false;
    QTest::newRow("negative count") << "1/1/-/n; 2/2/active=-1/n" << false;
    QTest::newRow("empty") << QString() << false;
}

void TstTierRules::ladderChecked()
{
    QFETCH(QString, tiers);
    QFETCH(bool, ok);
    QCOMPARE(checkTierRules(ladder(tiers)).ok(), ok);
    // The evaluator refuses the same ladders rather than evaluating against a wrong order.
    const Result<TierEvaluation> e =
        evaluateTiers(ladder(tiers), {figures(QStringLiteral("tier=1"))}, kNoon, kNextDay);
    QCOMPARE(e.ok(), ok);
    if (!ok)
        QCOMPARE(e.error().code, ErrorCode::InvalidArgument);
}

void TstTierRules::fromPlatform_data()
{
    QTest::addColumn<QByteArray>("upgrade");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("rule"); // the rule of a member meeting every condition exactly

    QTest::newRow("platform-api example")
        << QByteArray(R"({"downline_gmv_30d":"0.0000","own_gmv_30d":"0.0000"})") << true
        << "downline_gmv_30d 0.0000>=0.0000, own_gmv_30d 0.0000>=0.0000";
    QTest::newRow("every condition")
        << QByteArray(
               R"({"cumulative_spend":"1000","cumulative_recharge":"0.9850","downline_gmv_30d":"5000.00",)"
               R"("own_gmv_30d":"1","active_downlines":3})")
        << true
        << "cumulative_spend 1000.0000>=1000.0000, cumulative_recharge 0.9850>=0.9850, "
           "downline_gmv_30d 5000.0000>=5000.0000, own_gmv_30d 1.0000>=1.0000, active_downlines 3>=3";
    QTest::newRow("empty object: assigned by hand") << QByteArray("{}") << true << "";
    QTest::newRow("unknown condition") << QByteArray(R"({"orders_30d":"3"})") << false << "";
    QTest::newRow("amount as a number") << QByteArray(R"({"own_gmv_30d":500})") << false << "";
    QTest::newRow("negative amount") << QByteArray(R"({"own_gmv_30d":"-1.00"})") << false << "";
    QTest::newRow("five decimals") << QByteArray(R"({"own_gmv_30d":"1.00001"})") << false << "";
    QTest::newRow("fractional count") << QByteArray(R"({"active_downlines":2.5})") << false << "";
    QTest::newRow("count as text") << QByteArray(R"({"active_downlines":"3"})") << false << "";
    QTest::newRow("not an object") << QByteArray("[]") << false << "";
}

void TstTierRules::fromPlatform()
{
    QFETCH(QByteArray, upgrade);
    QFETCH(bool, ok);
    QFETCH(QString, rule);
    const Result<UpgradeConditions> c = upgradeConditionsFrom(upgrade);
    QCOMPARE(c.ok(), ok);
    if (!ok) {
        QCOMPARE(c.error().code, ErrorCode::Parse);
        return;
    }
    QCOMPARE(c->isEmpty(), rule.isEmpty());
    if (rule.isEmpty())
        return;
    MemberFigures f;
    f.memberId = 7;
    f.tierId = 1;
    f.cumulativeSpend = c->cumulativeSpend.value_or(Money());
    f.cumulativeRecharge = c->cumulativeRecharge.value_or(Money());
    f.downlineGmv30d = c->downlineGmv30d.value_or(Money());
    f.ownGmv30d = c->ownGmv30d.value_or(Money());
    f.activeDownlines = c->activeDownlines.value_or(0);
    const QList<TierRule> rules{{1, 1, {}, DowngradePolicy::None}, {2, 2, *c, DowngradePolicy::None}};
    const Result<TierEvaluation> e = evaluateTiers(rules, {f}, kNoon, kNoon);
    QVERIFY(e.ok());
    QCOMPARE(describe(*e), QStringLiteral("1>2 upgrade all_of(%1)").arg(rule));
}

void TstTierRules::platformLadderSortedByRank()
{
    TierLadder platform;
    platform.tiers = {
        Tier{3, QStringLiteral("gold"), 3, {}, "[]", R"({"own_gmv_30d":"500.00"})", 1},
        Tier{1, QStringLiteral("base"), 1, {}, "[]", R"({"own_gmv_30d":"0.0000"})", 1},
        Tier{2, QStringLiteral("silver"), 2, {}, "[]", R"({"own_gmv_30d":"100.00"})", 1},
    };
    const Result<QList<TierRule>> rules = tierRulesFrom(platform, {{3, DowngradePolicy::SlidingWindow}});
    QVERIFY(rules.ok());
    QCOMPARE(rules->size(), 3);
    QCOMPARE(rules->at(0).tierId, qint64(1));
    QCOMPARE(rules->at(1).tierId, qint64(2));
    QCOMPARE(rules->at(2).tierId, qint64(3));
    QCOMPARE(rules->at(1).downgrade, DowngradePolicy::None);
    QCOMPARE(rules->at(2).downgrade, DowngradePolicy::SlidingWindow);
    QCOMPARE(rules->at(2).conditions.ownGmv30d, std::optional<Money>(m(u"500.00")));

    platform.tiers[2].rank = 4; // ranks 1, 3, 4: a gap
    QCOMPARE(tierRulesFrom(platform).error().code, ErrorCode::InvalidArgument);
    platform.tiers[2].rank = 2;
    platform.tiers[2].upgrade = R"({"own_gmv_30d":"x"})";
    QCOMPARE(tierRulesFrom(platform).error().code, ErrorCode::Parse);
}

void TstTierRules::unknownTierReported()
{
    MemberFigures stranger = figures(QStringLiteral("tier=99 own=1000.00"));
    stranger.memberId = 8;
    const MemberFigures known = figures(QStringLiteral("tier=11 own=100.00"));
    const Result<TierEvaluation> e = evaluateTiers(ladder(kLadder), {stranger, known}, kNoon, kNoon);
    QVERIFY(e.ok());
    QCOMPARE(e->unknownTierMembers, QList<qint64>{8});
    QCOMPARE(e->moves.size(), 1);
    QCOMPARE(e->moves.first().memberId, qint64(7));
}

QTEST_GUILESS_MAIN(TstTierRules)
#include "tst_tierrules.moc"
