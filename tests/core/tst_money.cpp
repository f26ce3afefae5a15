#include "core/money.h"

#include <QtTest>

using cardops::core::Money;
using cardops::core::Rate;
namespace rounding = cardops::core::rounding;

namespace {
Money m(const char* text)
{
    auto r = Money::parse(QString::fromLatin1(text));
    if (!r)
        qFatal("bad money literal in test: %s", text);
    return *r;
}
Rate r8(const char* text)
{
    auto r = Rate::parse(QString::fromLatin1(text));
    if (!r)
        qFatal("bad rate literal in test: %s", text);
    return *r;
}
} // namespace

// The rounding table of domain.md, one data-driven test per row.
class TestMoney : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<qint64>("units");
        QTest::newRow("integer") << "50" << true << qint64(500000);
        QTest::newRow("four places") << "50.0000" << true << qint64(500000);
        QTest::newRow("supplier price") << "0.9850" << true << qint64(9850);
        QTest::newRow("one place") << "12.3" << true << qint64(123000);
        QTest::newRow("negative") << "-12.30" << true << qint64(-123000);
        QTest::newRow("plus sign") << "+1.5" << true << qint64(15000);
        QTest::newRow("spaces trimmed") << " 7.25 " << true << qint64(72500);
        QTest::newRow("zero") << "0" << true << qint64(0);
        QTest::newRow("large") << "922337203685477.5807" << true << qint64(9223372036854775807LL);
        QTest::newRow("overflow") << "922337203685477.5808" << false << qint64(0);
        QTest::newRow("five places") << "0.98505" << false << qint64(0);
        QTest::newRow("empty") << "" << false << qint64(0);
        QTest::newRow("dot only") << "." << false << qint64(0);
        QTest::newRow("leading dot") << ".5" << false << qint64(0);
        QTest::newRow("trailing dot") << "5." << false << qint64(0);
        QTest::newRow("exponent") << "1e3" << false << qint64(0);
        QTest::newRow("grouping") << "1,000.00" << false << qint64(0);
        QTest::newRow("double sign") << "--1" << false << qint64(0);
        QTest::newRow("fullwidth digit") << QStringLiteral("１2") << false << qint64(0);
        QTest::newRow("arabic-indic digit") << QString(QChar(0x0663)) << false << qint64(0);
        QTest::newRow("currency sign") << QStringLiteral("¥5") << false << qint64(0);
    }
    void parse()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        QFETCH(qint64, units);
        const auto r = Money::parse(text);
        QCOMPARE(r.ok(), ok);
        if (ok)
            QCOMPARE(r->units(), units);
        else
            QVERIFY(!r.error().detail.isEmpty());
    }

    void format_data()
    {
        QTest::addColumn<qint64>("units");
        QTest::addColumn<int>("places");
        QTest::addColumn<QString>("text");
        QTest::newRow("cents") << qint64(123000) << 2 << "12.30";
        QTest::newRow("four") << qint64(9850) << 4 << "0.9850";
        QTest::newRow("round half up") << qint64(29550) << 2 << "2.96";
        QTest::newRow("round down") << qint64(29549) << 2 << "2.95";
        QTest::newRow("negative half away") << qint64(-29550) << 2 << "-2.96";
        QTest::newRow("negative small") << qint64(-1) << 4 << "-0.0001";
        QTest::newRow("negative rounds to zero") << qint64(-49) << 2 << "0.00";
        QTest::newRow("whole yuan") << qint64(500000) << 0 << "50";
        QTest::newRow("min") << std::numeric_limits<qint64>::min() << 4 << "-922337203685477.5808";
    }
    void format()
    {
        QFETCH(qint64, units);
        QFETCH(int, places);
        QFETCH(QString, text);
        QCOMPARE(Money::fromUnits(units).toString(places), text);
    }

    void roundTripText()
    {
        for (qint64 u : {qint64(0), qint64(1), qint64(-1), qint64(9999), qint64(123456789), qint64(-98765)}) {
            const Money v = Money::fromUnits(u);
            QCOMPARE(Money::parse(v.toString(4))->units(), u);
        }
    }

    void rate_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<qint64>("ppm");
        QTest::newRow("ratio") << "0.02" << true << qint64(20000);
        QTest::newRow("percent") << "2%" << true << qint64(20000);
        QTest::newRow("percent decimals") << "9.5%" << true << qint64(95000);
        QTest::newRow("discount") << "0.98" << true << qint64(980000);
        QTest::newRow("one") << "1" << true << qint64(1000000);
        QTest::newRow("six places") << "0.123456" << true << qint64(123456);
        QTest::newRow("seven places") << "0.1234567" << false << qint64(0);
        QTest::newRow("garbage") << "two" << false << qint64(0);
    }
    void rate()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        QFETCH(qint64, ppm);
        const auto r = Rate::parse(text);
        QCOMPARE(r.ok(), ok);
        if (ok)
            QCOMPARE(r->ppm(), ppm);
    }
    void rateToString()
    {
        QCOMPARE(Rate::fromPpm(20000).toString(), QStringLiteral("0.02"));
        QCOMPARE(Rate::fromPpm(985000).toString(), QStringLiteral("0.985"));
        QCOMPARE(Rate::fromPpm(1000000).toString(), QStringLiteral("1"));
    }

    // Row "a line total": unit price × quantity at 4 places, then half-up to 0.01 yuan.
    void lineTotal_data()
    {
        QTest::addColumn<QString>("unit");
        QTest::addColumn<qint64>("quantity");
        QTest::addColumn<QString>("expected");
        QTest::newRow("domain example 0.9850 x 3") << "0.9850" << qint64(3) << "2.96";
        QTest::newRow("exact cents") << "9.80" << qint64(10) << "98.00";
        QTest::newRow("half rounds up") << "0.0050" << qint64(1) << "0.01";
        QTest::newRow("below half rounds down") << "0.0049" << qint64(1) << "0.00";
        QTest::newRow("agent price x 7") << "4.3333" << qint64(7) << "30.33";
        QTest::newRow("big quantity") << "0.0001" << qint64(1000000) << "100.00";
        QTest::newRow("zero quantity") << "5.00" << qint64(0) << "0.00";
    }
    void lineTotal()
    {
        QFETCH(QString, unit);
        QFETCH(qint64, quantity);
        QFETCH(QString, expected);
        QCOMPARE(rounding::lineTotal(*Money::parse(unit), quantity), *Money::parse(expected));
    }

    // Row "what a customer pays": the sum of rounded line totals (not the rounded sum).
    void customerPaysSumOfRoundedLines()
    {
        const Money a = rounding::lineTotal(m("0.9850"), 3); // 2.9550 → 2.96
        const Money b = rounding::lineTotal(m("0.0050"), 1); // 0.0050 → 0.01
        QCOMPARE(a + b, m("2.97"));
        const Money unroundedSum = Money::fromUnits(29550 + 50); // 2.9600 if rounded only once
        QVERIFY(a + b != unroundedSum.roundedToCents());
    }

    // Row "a commission entry": rate × paid amount at 4 places, half-up to 0.01 per entry.
    void commission_data()
    {
        QTest::addColumn<QString>("paid");
        QTest::addColumn<QString>("rate");
        QTest::addColumn<QString>("expected");
        QTest::newRow("domain example 2% of 2.96") << "2.96"
                                                   << "0.02"
                                                   << "0.06";
        QTest::newRow("exact") << "100.00"
                               << "0.05"
                               << "5.00";
        QTest::newRow("half at 4 places") << "0.25"
                                          << "0.02"
                                          << "0.01"; // 0.0050 → 0.01
        QTest::newRow("below half") << "0.24"
                                    << "0.02"
                                    << "0.00"; // 0.0048 → 0.00
        QTest::newRow("double rounding per rule") << "0.33"
                                                  << "0.015"
                                                  << "0.01"; // 0.00495 → 0.0050 → 0.01
        QTest::newRow("zero rate") << "88.88"
                                   << "0"
                                   << "0.00";
        QTest::newRow("refund reversal entry negative") << "-2.96"
                                                        << "0.02"
                                                        << "-0.06";
    }
    void commission()
    {
        QFETCH(QString, paid);
        QFETCH(QString, rate);
        QFETCH(QString, expected);
        QCOMPARE(rounding::commission(*Money::parse(paid), *Rate::parse(rate)), *Money::parse(expected));
    }

    // Row "a partial refund": commission reverses in proportion to the refunded share, half-up.
    void commissionReversal_data()
    {
        QTest::addColumn<QString>("commission");
        QTest::addColumn<QString>("refunded");
        QTest::addColumn<QString>("paid");
        QTest::addColumn<QString>("expected");
        QTest::newRow("half refund") << "0.06"
                                     << "1.48"
                                     << "2.96"
                                     << "0.03";
        QTest::newRow("third refund rounds half up") << "0.05"
                                                     << "1.00"
                                                     << "3.00"
                                                     << "0.02"; // 0.01666… → 0.0167 → 0.02
        QTest::newRow("small share rounds down") << "0.06"
                                                 << "0.10"
                                                 << "2.96"
                                                 << "0.00"; // 0.0020 → 0.00
        QTest::newRow("full refund") << "0.06"
                                     << "2.96"
                                     << "2.96"
                                     << "0.06";
        QTest::newRow("over refund clamps") << "0.06"
                                            << "5.00"
                                            << "2.96"
                                            << "0.06";
        QTest::newRow("no refund") << "0.06"
                                   << "0"
                                   << "2.96"
                                   << "0.00";
    }
    void commissionReversal()
    {
        QFETCH(QString, commission);
        QFETCH(QString, refunded);
        QFETCH(QString, paid);
        QFETCH(QString, expected);
        QCOMPARE(rounding::commissionReversal(*Money::parse(commission), *Money::parse(refunded),
                                              *Money::parse(paid)),
                 *Money::parse(expected));
    }

    // Row "a tier price from a discount": price × discount at 4 places, then half-up to 0.01.
    void tierPrice_data()
    {
        QTest::addColumn<QString>("price");
        QTest::addColumn<QString>("discount");
        QTest::addColumn<QString>("expected");
        QTest::newRow("9.8折 of 100") << "100.00"
                                      << "0.98"
                                      << "98.00";
        QTest::newRow("95% of 9.99") << "9.99"
                                     << "95%"
                                     << "9.49"; // 9.4905 → 9.49
        QTest::newRow("supplier price") << "0.9850"
                                        << "0.97"
                                        << "0.96"; // 0.95545 → 0.9555 → 0.96
        QTest::newRow("half cent") << "0.10"
                                   << "0.95"
                                   << "0.10"; // 0.0950 → 0.10
    }
    void tierPrice()
    {
        QFETCH(QString, price);
        QFETCH(QString, discount);
        QFETCH(QString, expected);
        QCOMPARE(rounding::tierPrice(*Money::parse(price), *Rate::parse(discount)), *Money::parse(expected));
    }

    void largeProductsDoNotOverflow()
    {
        // 10^8 yuan × 0.999999: the intermediate product exceeds int64, the result does not.
        QCOMPARE(rounding::commission(m("100000000.00"), r8("0.999999")), m("99999900.00"));
        QCOMPARE(rounding::commissionReversal(m("900000000.00"), m("600000000.00"), m("900000000.00")),
                 m("600000000.00"));
    }

    void arithmeticAndOrder()
    {
        QVERIFY(m("1.00") < m("1.0001"));
        QCOMPARE(m("1.10") - m("2.20"), m("-1.10"));
        Money total;
        total += m("0.10");
        total += m("0.20");
        QCOMPARE(total, m("0.30")); // the double classic 0.1 + 0.2 != 0.3 does not happen here
        QVERIFY(m("-0.01").isNegative());
        QVERIFY(Money().isZero());
    }
};

QTEST_GUILESS_MAIN(TestMoney)
#include "tst_money.moc"
