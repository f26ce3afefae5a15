#include "core/clock.h"
#include "core/rfm.h"

#include <QtTest>
#include <type_traits>

using namespace cardops::core;
using namespace Qt::StringLiterals;

namespace {

// The moment most rows are evaluated at: 2026-11-28 12:00:00 Shanghai, business day 20785.
constexpr qint64 kNoon = 1795838400;
constexpr qint64 kToday = 20785;
static_assert(businessDay(kNoon) == kToday);

// Money stays an exact integer from the aggregates through the scores (domain.md "Money").
static_assert(std::is_same_v<decltype(MemberAggregate::monetary), Money>);

QList<qint64> numbers(const QString& spec)
{
    QList<qint64> out;
    for (const QString& part : spec.split(u',', Qt::SkipEmptyParts))
        out.append(part.trimmed().toLongLong());
    return out;
}

QString joined(const QList<int>& values)
{
    QStringList out;
    for (int v : values)
        out << QString::number(v);
    return out.join(u',');
}

// Noon of the business day `daysAgo` days before kToday.
qint64 daysAgo(qint64 days)
{
    return businessDayStart(kToday - days) + 12 * 3600;
}

MemberAggregate member(qint64 id, qint64 registeredAt, qint64 lastOrderAt, qint64 orders, qint64 yuan)
{
    return {id, registeredAt, lastOrderAt, orders, Money::fromYuan(yuan)};
}

QString sizes(const SegmentSizes& s)
{
    QStringList out;
    for (int i = 0; i < SegmentCount; ++i)
        out << segmentCode(static_cast<Segment>(i)) + u'=' +
                   QString::number(s[sizeIndex(static_cast<Segment>(i))]);
    return out.join(u' ');
}

} // namespace

class TstRfm : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void codes();
    void quintiles_data();
    void quintiles();
    void segments_data();
    void segments();
    void scoring();
    void trend();
    void noFloatingPoint_data();
    void noFloatingPoint();
};

void TstRfm::codes()
{
    const QStringList expected{u"high_value"_s, u"potential"_s,  u"new"_s,
                               u"dormant"_s,    u"churn_risk"_s, u"other"_s};
    for (int i = 0; i < SegmentCount; ++i) {
        QCOMPARE(segmentCode(static_cast<Segment>(i)), expected[i]);
        QCOMPARE(segmentFromCode(expected[i]), std::optional(static_cast<Segment>(i)));
    }
    QCOMPARE(segmentFromCode(u"高价值"_s), std::nullopt);
}

void TstRfm::quintiles_data()
{
    QTest::addColumn<QString>("values");
    QTest::addColumn<QString>("scores");
    // score = 1 + ⌊5 × (rank − 1) / n⌋ with the lowest rank of a tie group.
    QTest::newRow("empty") << ""
                           << "";
    QTest::newRow("one value") << "42"
                               << "1";
    QTest::newRow("five distinct") << "10,20,30,40,50"
                                   << "1,2,3,4,5";
    QTest::newRow("input order is irrelevant") << "50,10,40,20,30"
                                               << "5,1,4,2,3";
    QTest::newRow("seven: edges fall by floor") << "1,2,3,4,5,6,7"
                                                << "1,1,2,3,3,4,5";
    QTest::newRow("ten: two per quintile") << "1,2,3,4,5,6,7,8,9,10"
                                           << "1,1,2,2,3,3,4,4,5,5";
    QTest::newRow("tie at the bottom takes the lowest rank") << "1,1,1,2,2"
                                                             << "1,1,1,4,4";
    QTest::newRow("tie across an edge stays below it") << "1,2,2,3,4"
                                                       << "1,2,2,4,5";
    QTest::newRow("tie at the top") << "1,2,3,9,9"
                                    << "1,2,3,4,4";
    QTest::newRow("all equal") << "7,7,7,7"
                               << "1,1,1,1";
    QTest::newRow("negative values sort as numbers") << "-3,0,-3"
                                                     << "1,4,1";
    QTest::newRow("large money units") << "90000000000,10000,90000000001"
                                       << "2,1,4";
}

void TstRfm::quintiles()
{
    QFETCH(QString, values);
    QFETCH(QString, scores);
    QCOMPARE(joined(quintileScores(numbers(values))), scores);
}

void TstRfm::segments_data()
{
    QTest::addColumn<qint64>("registeredAt");
    QTest::addColumn<qint64>("lastOrderAt");
    QTest::addColumn<qint64>("orders");
    QTest::addColumn<QString>("rfm"); // "r,f,m"
    QTest::addColumn<QString>("segment");

    const qint64 old = daysAgo(400);
    // 新客: registered fewer than 30 business days ago with at most 2 orders; first rule.
    QTest::newRow("new: no order yet") << daysAgo(0) << qint64(0) << qint64(0) << "0,0,0"
                                       << "new";
    QTest::newRow("new: 29 days, 2 orders") << daysAgo(29) << daysAgo(1) << qint64(2) << "3,3,3"
                                            << "new";
    QTest::newRow("new: 30 days is no longer new") << daysAgo(30) << daysAgo(1) << qint64(2) << "3,3,3"
                                                   << "other";
    QTest::newRow("new: 3 orders is no longer new") << daysAgo(29) << daysAgo(1) << qint64(3) << "3,3,3"
                                                    << "other";
    QTest::newRow("new: day edge, 00:00:00 of day -29")
        << businessDayStart(kToday - 29) << daysAgo(1) << qint64(1) << "3,3,3"
        << "new";
    QTest::newRow("new: day edge, 23:59:59 of day -30")
        << businessDayStart(kToday - 29) - 1 << daysAgo(1) << qint64(1) << "3,3,3"
        << "other";
    QTest::newRow("new wins over high value") << daysAgo(10) << daysAgo(0) << qint64(2) << "5,5,5"
                                              << "new";
    // 沉睡: no counted order in the window, or the last one 180 business days ago or more.
    QTest::newRow("dormant: no order in the window") << old << qint64(0) << qint64(0) << "0,0,0"
                                                     << "dormant";
    QTest::newRow("dormant: last order 180 days ago") << old << daysAgo(180) << qint64(9) << "1,5,5"
                                                      << "dormant";
    QTest::newRow("dormant: 179 days is not dormant") << old << daysAgo(179) << qint64(9) << "1,5,5"
                                                      << "churn_risk";
    QTest::newRow("dormant: day edge, 23:59:59 of day -180")
        << old << businessDayStart(kToday - 179) - 1 << qint64(1) << "1,1,1"
        << "dormant";
    QTest::newRow("dormant: day edge, 00:00:00 of day -179")
        << old << businessDayStart(kToday - 179) << qint64(1) << "1,1,1"
        << "other";
    // 高价值: R, F and M all at least 4.
    QTest::newRow("high value: 4,4,4") << old << daysAgo(1) << qint64(20) << "4,4,4"
                                       << "high_value";
    QTest::newRow("high value: M 3 is potential") << old << daysAgo(1) << qint64(20) << "4,4,3"
                                                  << "potential";
    QTest::newRow("high value: F 3 is potential") << old << daysAgo(1) << qint64(20) << "4,3,4"
                                                  << "potential";
    QTest::newRow("high value: R 3 is other") << old << daysAgo(1) << qint64(20) << "3,4,4"
                                              << "other";
    // 流失预警: R at most 2 with F or M at least 4.
    QTest::newRow("churn risk: R 2, F 4") << old << daysAgo(90) << qint64(20) << "2,4,1"
                                          << "churn_risk";
    QTest::newRow("churn risk: R 2, M 4") << old << daysAgo(90) << qint64(20) << "2,1,4"
                                          << "churn_risk";
    QTest::newRow("churn risk: F and M 3 is other") << old << daysAgo(90) << qint64(20) << "2,3,3"
                                                    << "other";
    QTest::newRow("churn risk: R 3 is other") << old << daysAgo(90) << qint64(20) << "3,5,5"
                                              << "other";
    // 潜力: R at least 4 with F or M at least 3 (and not high value).
    QTest::newRow("potential: R 4, F 3") << old << daysAgo(1) << qint64(5) << "4,3,1"
                                         << "potential";
    QTest::newRow("potential: R 4, M 3") << old << daysAgo(1) << qint64(5) << "4,1,3"
                                         << "potential";
    QTest::newRow("potential: F and M 2 is other") << old << daysAgo(1) << qint64(5) << "4,2,2"
                                                   << "other";
    QTest::newRow("potential: R 3 is other") << old << daysAgo(1) << qint64(5) << "3,3,3"
                                             << "other";
}

void TstRfm::segments()
{
    QFETCH(qint64, registeredAt);
    QFETCH(qint64, lastOrderAt);
    QFETCH(qint64, orders);
    QFETCH(QString, rfm);
    QFETCH(QString, segment);
    const QList<qint64> s = numbers(rfm);
    const RfmScore score{int(s[0]), int(s[1]), int(s[2])};
    const MemberAggregate a{7, registeredAt, lastOrderAt, orders, Money::fromYuan(orders * 10)};
    QCOMPARE(segmentCode(segmentOf(a, score, kNoon)), segment);
}

void TstRfm::scoring()
{
    // Five buyers with distinct figures, one tie on money, and two members without an order.
    const qint64 old = daysAgo(400);
    const QList<MemberAggregate> aggregates{
        member(1, old, daysAgo(1), 30, 3000),   // best everywhere
        member(2, old, daysAgo(20), 12, 900),   //
        member(3, old, daysAgo(60), 8, 900),    // ties member 2 on M
        member(4, old, daysAgo(100), 4, 100),   //
        member(5, old, daysAgo(150), 20, 2000), // was big, gone quiet
        member(6, old, 0, 0, 0),                // no order: not ranked
        member(7, daysAgo(3), 0, 0, 0),         // just registered
    };
    const RfmResult result = computeRfm(aggregates, kNoon);
    QCOMPARE(result.at, kNoon);
    QCOMPARE(result.members.size(), aggregates.size());
    // n = 5 ranked: R by day (1 newest), F by count, M ties 2 and 3 at rank 2 → score 2.
    const QList<RfmScore> expected{{5, 5, 5}, {4, 3, 2}, {3, 2, 2}, {2, 1, 1},
                                   {1, 4, 4}, {0, 0, 0}, {0, 0, 0}};
    const QStringList segments{u"high_value"_s, u"potential"_s, u"other"_s, u"other"_s,
                               u"churn_risk"_s, u"dormant"_s,   u"new"_s};
    for (qsizetype i = 0; i < aggregates.size(); ++i) {
        QCOMPARE(result.members[i].memberId, aggregates[i].memberId);
        QCOMPARE(result.members[i].score, expected[i]);
        QCOMPARE(segmentCode(result.members[i].segment), segments[i]);
    }
    QCOMPARE(sizes(result.sizes), u"high_value=1 potential=1 new=1 dormant=1 churn_risk=1 other=2"_s);
}

void TstRfm::trend()
{
    // The same members as of now and as of 30 days earlier, each from aggregates as of its moment.
    const qint64 then = kNoon - RfmTrendDays * 86400;
    const qint64 old = daysAgo(400);
    const QList<MemberAggregate> asOfThen{
        member(1, old, daysAgo(31), 10, 1000), // then: a recent big buyer
        member(2, old, daysAgo(215), 3, 50),   // then: 185 days without an order, dormant
        member(3, old, daysAgo(40), 1, 10),    // then: a small recent buyer
    };
    const QList<MemberAggregate> asOfNow{
        member(1, old, daysAgo(31), 10, 1000), // no order since
        member(2, old, daysAgo(2), 4, 80),     // came back
        member(3, old, daysAgo(40), 1, 10),
        member(4, daysAgo(5), 0, 0, 0), // registered after `then`: absent from its aggregates
    };
    const SegmentTrend t = segmentTrend(computeRfm(asOfThen, then), computeRfm(asOfNow, kNoon));
    QCOMPARE(t.then, then);
    QCOMPARE(t.now, kNoon);
    // Then: n = 3, so the scores are 1, 2, 4 by rank: 1 = 4,4,4 high value; 2 dormant; 3 = 2,1,1 other.
    QCOMPARE(sizes(t.sizesThen), u"high_value=1 potential=0 new=0 dormant=1 churn_risk=0 other=1"_s);
    // Now: R 2 > 1 > 3, so 1 = 2,4,4 churn risk (the big buyer went quiet); 2 = 4,2,2 other;
    // 3 = 1,1,1 other; 4 new.
    QCOMPARE(sizes(t.sizesNow), u"high_value=0 potential=0 new=1 dormant=0 churn_risk=1 other=2"_s);
    QCOMPARE(t.change(Segment::HighValue), -1);
    QCOMPARE(t.change(Segment::Dormant), -1);
    QCOMPARE(t.change(Segment::ChurnRisk), 1);
    QCOMPARE(t.change(Segment::Potential), 0);
    QCOMPARE(t.change(Segment::New), 1);
    QCOMPARE(t.change(Segment::Other), 1);
}

void TstRfm::noFloatingPoint_data()
{
    QTest::addColumn<QString>("file");
    for (const char* file :
         {"core/rfm.h", "core/rfm.cpp", "storage/memberstats.h", "storage/memberstats.cpp"})
        QTest::newRow(file) << QString::fromLatin1(file);
}

// Money and scores are integers end to end: a floating-point type in these files is a bug.
void TstRfm::noFloatingPoint()
{
    QFETCH(QString, file);
    QFile source(QFileInfo(QStringLiteral(__FILE__)).absolutePath() + u"/../../"_s + file);
    QVERIFY2(source.open(QIODevice::ReadOnly), qPrintable(source.fileName()));
    const QString text = QString::fromUtf8(source.readAll());
    static const QRegularExpression floating(u"\\b(double|float|qreal)\\b"_s);
    QVERIFY2(!floating.match(text).hasMatch(), qPrintable(file));
}

QTEST_GUILESS_MAIN(TstRfm)
#include "tst_rfm.moc"
