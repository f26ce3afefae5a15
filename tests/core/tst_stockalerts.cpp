#include "core/stockalerts.h"
#include "core/stocknotices.h"

#include <QtTest>

using namespace cardops::core;

namespace {

constexpr qint64 kLastDay = 20785;     // business day 2026-11-28 (Asia/Shanghai)
constexpr qint64 kRound0 = 1795838400; // 2026-11-28 12:00 Shanghai; rounds are a minute apart

// "8/5,?/5,9/5/l": one reading per round, available/threshold[/supplier]; `?` = not reported,
// supplier p = 充足 (plenty), l = 警报 (low), o = 断货 (out).
QList<StockReading> readings(const QString& spec)
{
    QList<StockReading> out;
    for (const QString& round : spec.split(u',')) {
        const QStringList f = round.split(u'/');
        StockReading r;
        if (f.value(0) != u"?")
            r.available = f.value(0).toLongLong();
        r.threshold = f.value(1).toLongLong();
        const QString s = f.value(2);
        r.supplier = s == u"p"   ? SupplierStock::Plenty
                     : s == u"l" ? SupplierStock::Low
                     : s == u"o" ? SupplierStock::Out
                                 : SupplierStock::Unknown;
        out.append(r);
    }
    return out;
}

QChar eventChar(StockAlertEvent e)
{
    return e == StockAlertEvent::Raised ? u'R' : e == StockAlertEvent::Cleared ? u'C' : u'.';
}

// "0:10,1:-3": age (days before kLastDay):quantity pairs.
QList<DaySales> sales(const QString& spec)
{
    QList<DaySales> out;
    for (const QString& part : spec.split(u',', Qt::SkipEmptyParts)) {
        const QStringList ageQty = part.split(u':');
        out.append({kLastDay - ageQty.value(0).toLongLong(), ageQty.value(1).toLongLong()});
    }
    return out;
}

QString flat(qint64 quantity, qint64 days)
{
    QStringList parts;
    for (qint64 age = 0; age < days; ++age)
        parts.append(QStringLiteral("%1:%2").arg(age).arg(quantity));
    return parts.join(u',');
}

} // namespace

class TestStockAlerts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rounds_data();
    void rounds();
    void sinceIsTheRaisingRound();
    void supplierStatusText();
    void stateJsonRefused_data();
    void stateJsonRefused();
    void suggestion_data();
    void suggestion();
    void suggestionWorkings();
    void suggestionRefused();
    void lowStockNotification();
};

void TestStockAlerts::rounds_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("events");

    // Issue #9 "Must show": 10 rounds crossing threshold 5 back and forth — one event per crossing.
    QTest::newRow("10 rounds back and forth") << "8/5,4/5,3/5,6/5,5/5,2/5,2/5,9/5,1/5,7/5"
                                              << ".R.C.R.CRC";
    QTest::newRow("10 rounds, one dip: fires once, clears once") << "8/5,6/5,4/5,3/5,2/5,1/5,3/5,4/5,6/5,9/5"
                                                                 << "..R.....C.";
    QTest::newRow("staying below raises once") << "4/5,3/5,2/5,1/5,0/5,0/5,1/5,2/5,3/5,4/5"
                                               << "R.........";
    QTest::newRow("equal to threshold is not low") << "5/5,5/5,4/5,5/5"
                                                   << "..RC";
    QTest::newRow("threshold 0: never") << "0/0,3/0,0/0,9/0"
                                        << "....";
    QTest::newRow("threshold set to 0 clears, set back raises") << "3/5,3/0,3/0,3/5"
                                                                << "RC.R";
    QTest::newRow("threshold raised above stock raises") << "6/5,6/10,6/10,6/5"
                                                         << ".R.C";
    QTest::newRow("unknown initial stock") << "?/5,?/5,3/5,?/5,7/5"
                                           << "..R.C";
    QTest::newRow("first known reading below raises") << "2/5,2/5"
                                                      << "R.";
    QTest::newRow("unknown keeps the last known stock") << "9/5,?/5,?/3,3/5"
                                                        << "...R";
    QTest::newRow("supplier low raises, unknown keeps, plenty clears") << "9/5/l,9/5,9/5/o,9/5/p,9/5"
                                                                       << "R..C.";
    QTest::newRow("supplier out with unknown platform stock") << "?/5/o,?/5/p"
                                                              << "RC";
    QTest::newRow("supplier out with threshold 0: never") << "9/0/o,0/0/l"
                                                          << "..";
    QTest::newRow("platform low keeps alert while supplier recovers") << "3/5/l,3/5/p,8/5/p"
                                                                      << "R.C";
}

void TestStockAlerts::rounds()
{
    QFETCH(QString, spec);
    QFETCH(QString, events);

    StockAlertState state;
    QString got;
    qint64 at = kRound0;
    for (const StockReading& r : readings(spec)) {
        const StockAlertStep step = stepStockAlert(state, r, at);
        got.append(eventChar(step.event));
        QCOMPARE(step.state.low, isLowStock(step.state.available, r.threshold, step.state.supplier));
        // Every round goes through storage's form, so the next round starts from what was stored.
        const auto stored = stockAlertStateFromJson(toJson(step.state));
        QVERIFY2(stored.ok(), qPrintable(stored.ok() ? QString() : stored.error().detail));
        QCOMPARE(*stored, step.state);
        state = *stored;
        at += 60;
    }
    QCOMPARE(got, events);
}

void TestStockAlerts::sinceIsTheRaisingRound()
{
    StockAlertState s;
    s = stepStockAlert(s, {8, 5, SupplierStock::Unknown}, 100).state;
    QCOMPARE(s.since, qint64(0));
    s = stepStockAlert(s, {4, 5, SupplierStock::Unknown}, 200).state;
    QCOMPARE(s.since, qint64(200));
    s = stepStockAlert(s, {2, 5, SupplierStock::Unknown}, 300).state;
    QCOMPARE(s.since, qint64(200));
    s = stepStockAlert(s, {6, 5, SupplierStock::Unknown}, 400).state;
    QCOMPARE(s.since, qint64(0));
    QCOMPARE(s.low, false);
}

void TestStockAlerts::supplierStatusText()
{
    QCOMPARE(supplierStockFrom(u"充足"), SupplierStock::Plenty);
    QCOMPARE(supplierStockFrom(u"警报"), SupplierStock::Low);
    QCOMPARE(supplierStockFrom(u"断货"), SupplierStock::Out);
    QCOMPARE(supplierStockFrom(u"维护中"), SupplierStock::Unknown);
    QCOMPARE(supplierStockFrom(u""), SupplierStock::Unknown);
}

void TestStockAlerts::stateJsonRefused_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("not json") << QByteArray("low");
    QTest::newRow("array") << QByteArray("[]");
    QTest::newRow("low as string") << QByteArray(R"({"low":"yes"})");
    QTest::newRow("fractional stock") << QByteArray(R"({"available":2.5})");
    QTest::newRow("since beyond 64 bits") << QByteArray(R"({"since":1e30})");
    QTest::newRow("threshold as string") << QByteArray(R"({"threshold":"5"})");
    QTest::newRow("unknown supplier") << QByteArray(R"({"supplier":"plenty-ish"})");
}

void TestStockAlerts::stateJsonRefused()
{
    QFETCH(QByteArray, json);
    const auto r = stockAlertStateFromJson(json);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, ErrorCode::Parse);
}

void TestStockAlerts::suggestion_data()
{
    QTest::addColumn<QString>("sales");
    QTest::addColumn<qint64>("stock");
    QTest::addColumn<qint64>("window");
    QTest::addColumn<qint64>("coverage");
    QTest::addColumn<qint64>("expected");
    QTest::addColumn<qint64>("suggested");
    QTest::addColumn<qint64>("lastSeven");
    QTest::addColumn<qint64>("naiveExpected");
    QTest::addColumn<qint64>("naiveSuggested");

    // N = 14 → W = 105. Each row's figures by hand.
    QTest::newRow("zero sales") << "" << qint64(0) << qint64(14) << qint64(7) << qint64(0) << qint64(0)
                                << qint64(0) << qint64(0) << qint64(0);
    // S = 10 × 105 = 1050; ceil(7 × 1050 / 105) = 70; both agree on a flat series.
    QTest::newRow("flat 10 a day") << flat(10, 14) << qint64(20) << qint64(14) << qint64(7) << qint64(70)
                                   << qint64(50) << qint64(70) << qint64(70) << qint64(50);
    // Only the last 7 days sold: S = 10 × (14 + … + 8) = 770; ceil(5390 / 105) = 52 < naive 70.
    QTest::newRow("new goods, last week only")
        << flat(10, 7) << qint64(0) << qint64(14) << qint64(7) << qint64(52) << qint64(52) << qint64(70)
        << qint64(70) << qint64(70);
    // Only the older week sold: S = 10 × (7 + … + 1) = 280; ceil(1960 / 105) = 19; naive sees nothing.
    QTest::newRow("sales fading out")
        << "7:10,8:10,9:10,10:10,11:10,12:10,13:10" << qint64(5) << qint64(14) << qint64(7) << qint64(19)
        << qint64(14) << qint64(0) << qint64(0) << qint64(0);
    // One spike yesterday: S = 14 × 70 = 980; ceil(6860 / 105) = 66; stock covers both: never negative.
    QTest::newRow("spike, stock covers") << "0:70" << qint64(100) << qint64(14) << qint64(7) << qint64(66)
                                         << qint64(0) << qint64(70) << qint64(70) << qint64(0);
    // Yesterday nets 8 − 3 = 5 (S = 70, ceil(490 / 105) = 5); the day before nets −5 → 0.
    QTest::newRow("refunds net per day, floor 0")
        << "0:8,0:-3,1:-5" << qint64(0) << qint64(14) << qint64(7) << qint64(5) << qint64(5) << qint64(5)
        << qint64(5) << qint64(5);
    QTest::newRow("outside the window ignored")
        << "14:1000,-1:1000" << qint64(0) << qint64(14) << qint64(7) << qint64(0) << qint64(0) << qint64(0)
        << qint64(0) << qint64(0);
    // N = 7 → W = 28, S = 7 × 28 = 196; C = 3: ceil(588 / 28) = 21; naive ceil(49 × 3 / 7) = 21;
    // a negative stock counts as 0.
    QTest::newRow("window 7, coverage 3, negative stock")
        << flat(7, 7) << qint64(-4) << qint64(7) << qint64(3) << qint64(21) << qint64(21) << qint64(49)
        << qint64(21) << qint64(21);
    // N = 1: only yesterday, W = 1: 3 × 7 = 21 against the naive ceil(3 × 7 / 7) = 3.
    QTest::newRow("window 1") << "0:3,1:50" << qint64(0) << qint64(1) << qint64(7) << qint64(21) << qint64(21)
                              << qint64(53) << qint64(53) << qint64(53);
    QTest::newRow("coverage 0") << flat(10, 14) << qint64(0) << qint64(14) << qint64(0) << qint64(0)
                                << qint64(0) << qint64(70) << qint64(0) << qint64(0);
}

void TestStockAlerts::suggestion()
{
    QFETCH(QString, sales);
    QFETCH(qint64, stock);
    QFETCH(qint64, window);
    QFETCH(qint64, coverage);

    const auto r = suggestRestock(::sales(sales), stock, {kLastDay, window, coverage});
    QVERIFY(r.ok());
    QTEST(r->expected, "expected");
    QTEST(r->suggested, "suggested");
    QTEST(r->lastSevenDays, "lastSeven");
    QTEST(r->naiveExpected, "naiveExpected");
    QTEST(r->naiveSuggested, "naiveSuggested");
}

void TestStockAlerts::suggestionWorkings()
{
    const auto r = suggestRestock(sales(flat(10, 14)), 20, {kLastDay, 14, 7});
    QVERIFY(r.ok());
    QCOMPARE(r->workings, QStringLiteral("ceil(7 x 1050 / 105) = 70; 70 - stock 20 = 50"));
}

void TestStockAlerts::suggestionRefused()
{
    QCOMPARE(suggestRestock({}, 0, {kLastDay, 0, 7}).error().code, ErrorCode::InvalidArgument);
    QCOMPARE(suggestRestock({}, 0, {kLastDay, 367, 7}).error().code, ErrorCode::InvalidArgument);
    QCOMPARE(suggestRestock({}, 0, {kLastDay, 14, -1}).error().code, ErrorCode::InvalidArgument);
    QCOMPARE(suggestRestock({{kLastDay, MaxDaySales + 1}}, 0, {kLastDay, 14, 7}).error().code,
             ErrorCode::InvalidArgument);
}

// The words of the low-stock notification (English, untranslated): raised alerts only, three named.
void TestStockAlerts::lowStockNotification()
{
    using cardops::core::LowStockNotice;
    using cardops::core::StockNotices;
    QVERIFY(!StockNotices::lowStock({}, 1).has_value());
    QVERIFY(!StockNotices::lowStock({{7, QStringLiteral("Q币"), false, 9, 5}}, 1).has_value());

    const auto one = StockNotices::lowStock({{7, QStringLiteral("Q币"), true, 3, 5}, {8, QStringLiteral("x"), false, 9, 5}}, 42);
    QVERIFY(one.has_value());
    QCOMPARE(one->kind, cardops::core::Notification::Kind::LowStock);
    QCOMPARE(one->at, 42);
    QCOMPARE(one->title, QStringLiteral("Low stock: Q币"));
    QCOMPARE(one->text, QStringLiteral("Q币 (goods 7): 3 left, alert below 5"));

    QList<LowStockNotice> five;
    for (int i = 1; i <= 5; ++i)
        five.append({i, QStringLiteral("g%1").arg(i), true, i == 2 ? -1 : i, 10});
    const auto many = StockNotices::lowStock(five, 1);
    QCOMPARE(many->title, QStringLiteral("5 goods low on stock"));
    QCOMPARE(many->text, QStringLiteral("g1 (goods 1): 1 left, alert below 10\ng2 (goods 2): the supplier is short\n"
                                        "g3 (goods 3): 3 left, alert below 10\n…and 2 more"));
}

QTEST_GUILESS_MAIN(TestStockAlerts)
#include "tst_stockalerts.moc"
