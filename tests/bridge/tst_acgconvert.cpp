// The pure conversions of cardops-bridge (acg-faka-model.md §2.4, §3, §4.7): no database needed.
#include "bridge/acgconvert.h"

#include <QtTest>

using namespace cardops;
using namespace cardops::bridge;

namespace {

core::Money yuan(const char* text)
{
    return core::Money::parse(QString::fromLatin1(text)).value();
}

} // namespace

class TestAcgConvert : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void money_data()
    {
        QTest::addColumn<QString>("acg");
        QTest::addColumn<QString>("api");
        QTest::newRow("cents") << "12.30"
                               << "12.3000";
        QTest::newRow("zero") << "0.00"
                              << "0.0000";
        QTest::newRow("whole") << "500"
                               << "500.0000";
        QTest::newRow("big") << "99999999.99"
                             << "99999999.9900";
        QTest::newRow("leading zeros") << "007.50"
                                       << "7.5000";
        QTest::newRow("three places") << "0.125"
                                      << "0.1250";
        QTest::newRow("negative") << "-1.00"
                                  << "";
        QTest::newRow("exponent") << "1e3"
                                  << "";
        QTest::newRow("five places") << "1.00001"
                                     << "";
        QTest::newRow("empty") << ""
                               << "";
    }
    void money()
    {
        QFETCH(QString, acg);
        QFETCH(QString, api);
        QCOMPARE(acg::moneyText(acg), api);
        QCOMPARE(acg::money(acg).has_value(), !api.isEmpty());
    }

    void times()
    {
        // Asia/Shanghai wall-clock text, whatever the machine's zone.
        QCOMPARE(acg::shanghaiToUnix(QStringLiteral("2026-11-28 13:14:55")), qint64(1795842895));
        QCOMPARE(acg::shanghaiToUnix(QStringLiteral("1970-01-01 08:00:00")), qint64(0));
        QCOMPARE(acg::shanghaiToUnix(QStringLiteral("2026-11-28 13:14:55.000000")), qint64(1795842895));
        QCOMPARE(acg::shanghaiToUnix(QStringLiteral("0000-00-00 00:00:00")), qint64(0));
        QCOMPARE(acg::shanghaiToUnix(QString()), qint64(0));
        QCOMPARE(acg::shanghaiToUnix(QStringLiteral("yesterday")), qint64(0));
        QCOMPARE(acg::shanghaiDay(1795795199), QStringLiteral("2026-11-27"));
        QCOMPARE(acg::shanghaiDay(1795795200), QStringLiteral("2026-11-28"));
    }

    void tiers()
    {
        QList<acg::TierRow> ladder;
        for (const auto& [id, threshold] : {std::pair{1, "0"}, {2, "50"}, {3, "100"}, {6, "500"}})
            ladder.append({id, yuan(threshold), {}});
        QCOMPARE(acg::tierOf(yuan("49.99"), ladder), qint64(1));
        QCOMPARE(acg::tierOf(yuan("50"), ladder), qint64(2));
        QCOMPARE(acg::tierOf(yuan("499.99"), ladder), qint64(3));
        QCOMPARE(acg::tierOf(yuan("10000"), ladder), qint64(6));
        ladder.removeFirst(); // a shop without the 0.00 tier: members below 50 have none
        QCOMPARE(acg::tierOf(yuan("10"), ladder), qint64(0));
    }

    void tierPrices()
    {
        acg::TierRow plain{1, yuan("0"), {}};
        acg::TierRow ninetyFive{5, yuan("300"), {{1, QStringLiteral("95")}}};
        acg::TierRow odd{7, yuan("900"), {{2, QStringLiteral("33.9")}}};
        // §2.4 example: 0.90 × 95 % = 0.855 → 0.85 (truncated, never rounded).
        QCOMPARE(acg::tierUnitPrice(yuan("0.90"), std::nullopt, false, ninetyFive, {1}), yuan("0.85"));
        QCOMPARE(acg::tierUnitPrice(yuan("0.90"), std::nullopt, false, ninetyFive, {2}), yuan("0.90"));
        QCOMPARE(acg::tierUnitPrice(yuan("9.90"), yuan("9.80"), false, plain, {1}), yuan("9.80"));
        // A level price above the member price does not apply.
        QCOMPARE(acg::tierUnitPrice(yuan("9.90"), yuan("10.50"), false, plain, {}), yuan("9.90"));
        // level_disable: no group discount.
        QCOMPARE(acg::tierUnitPrice(yuan("9.90"), std::nullopt, true, ninetyFive, {1}), yuan("9.90"));
        // The factor is truncated to 2 decimals first: 33.9 % → 0.33; 10.00 × 0.33 = 3.30.
        QCOMPARE(acg::tierUnitPrice(yuan("10.00"), std::nullopt, false, odd, {1, 2}), yuan("3.30"));
        // The lowest matching goods group wins.
        acg::TierRow two{8, yuan("1000"), {{1, QStringLiteral("50")}, {2, QStringLiteral("90")}}};
        QCOMPARE(acg::tierUnitPrice(yuan("1.99"), std::nullopt, false, two, {1, 2}), yuan("0.99"));
    }

    void orderStates_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("delivery");
        QTest::addColumn<int>("way");
        QTest::addColumn<bool>("docked");
        QTest::addColumn<int>("quantity");
        QTest::addColumn<int>("cards");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<bool>("handedOver");
        QTest::newRow("unpaid") << 0 << 0 << 0 << false << 1 << 0 << "unpaid"
                                << "" << false;
        QTest::newRow("unpaid manual") << 0 << 0 << 1 << false << 1 << 0 << "unpaid"
                                       << "" << false;
        QTest::newRow("auto delivered") << 1 << 1 << 0 << false << 2 << 2 << "delivered"
                                        << "" << false;
        QTest::newRow("auto without cards") << 1 << 1 << 0 << false << 2 << 1 << "review"
                                            << "out_of_stock_at_payment" << false;
        QTest::newRow("docked") << 1 << 1 << 0 << true << 1 << 0 << "delivered"
                                << "" << false;
        QTest::newRow("manual waiting") << 1 << 0 << 1 << false << 1 << 0 << "handed_over"
                                        << "" << true;
        QTest::newRow("manual delivered") << 1 << 1 << 1 << false << 3 << 0 << "delivered"
                                          << "" << true;
        QTest::newRow("goods deleted") << 1 << 1 << -1 << false << 1 << 0 << "delivered"
                                       << "" << false;
    }
    void orderStates()
    {
        QFETCH(int, status);
        QFETCH(int, delivery);
        QFETCH(int, way);
        QFETCH(bool, docked);
        QFETCH(int, quantity);
        QFETCH(int, cards);
        QFETCH(QString, expected);
        QFETCH(QString, reason);
        QFETCH(bool, handedOver);
        const acg::OrderState s = acg::orderState({status, delivery, way, docked, quantity, cards});
        QCOMPARE(s.status, expected);
        QCOMPARE(s.reviewReason, reason);
        QCOMPARE(s.handedOver, handedOver);
    }
};

QTEST_GUILESS_MAIN(TestAcgConvert)
#include "tst_acgconvert.moc"
