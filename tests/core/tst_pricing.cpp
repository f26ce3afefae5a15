#include "core/pricing.h"

#include <QtTest>

using namespace cardops::core;
using namespace Qt::StringLiterals;

namespace {

Money m(const char* text)
{
    return Money::parse(QString::fromLatin1(text)).value();
}

Rate r(const char* text)
{
    return Rate::parse(QString::fromLatin1(text)).value();
}

// 普通 100 %, 白银 98.5 %, 黄金 97 % (the simulator's ladder shape), ranks out of id order.
QList<Tier> ladder()
{
    Tier normal{1, u"普通"_s, 1, r("1"), {}, {}, 1};
    Tier silver{2, u"白银"_s, 2, r("0.985"), {}, {}, 1};
    Tier gold{3, u"黄金"_s, 3, r("0.97"), {}, {}, 1};
    return {gold, normal, silver};
}

PricingRule parsed(const char* json)
{
    auto rule = parsePricingRule(QByteArray(json));
    if (!rule)
        qWarning() << rule.error().detail;
    return rule.valueOr(PricingRule());
}

// A price template a 卡盟 operator would use: cheap cards 8 %, mid 3 %, 100 yuan and up +1.50,
// every price ending in 8 cents.
const char* kTemplate = R"({"kind":"template","bands":[{"below":"10","percent":"8%"},)"
                        R"({"below":"100","percent":"3%"},{"fixed":"1.50"}],"ending":"x8"})";

PricingInput goods(const char* cost, const char* price)
{
    PricingInput g;
    g.goodsId = 12;
    g.cost = m(cost);
    g.price = m(price);
    return g;
}

} // namespace

class TestPricing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void markup_data()
    {
        QTest::addColumn<QByteArray>("rule");
        QTest::addColumn<QString>("cost");
        QTest::addColumn<QString>("price");
        const QByteArray fixed5 = R"({"kind":"fixed","amount":"0.05"})";
        const QByteArray fixed50 = R"({"kind":"fixed","amount":"0.50"})";
        const QByteArray pct3 = R"({"kind":"percent","percent":"3%"})";
        // cost + amount at 4 places, then half-up to 0.01.
        QTest::newRow("fixed 0.9850 + 0.05 = 1.0350 -> 1.04") << fixed5 << u"0.9850"_s << u"1.04"_s;
        QTest::newRow("fixed 9.52 + 0.50") << fixed50 << u"9.52"_s << u"10.02"_s;
        QTest::newRow("fixed 0.9849 + 0 -> 0.98")
            << QByteArray(R"({"kind":"fixed","amount":"0"})") << u"0.9849"_s << u"0.98"_s;
        // cost × (1 + p) at 4 places, then half-up to 0.01.
        QTest::newRow("percent 9.52 x 1.03 = 9.8056 -> 9.81") << pct3 << u"9.52"_s << u"9.81"_s;
        QTest::newRow("percent 0.9850 x 1.05 = 1.034250 -> 1.0343 -> 1.03")
            << QByteArray(R"({"kind":"percent","percent":"0.05"})") << u"0.9850"_s << u"1.03"_s;
        // 1.00 × 1.004995 = 1.004995: 1.0050 at 4 places, then 1.01 (straight to cents: 1.00).
        QTest::newRow("percent rounds at 4 places first")
            << QByteArray(R"({"kind":"percent","percent":"0.4995%"})") << u"1.00"_s << u"1.01"_s;
        QTest::newRow("percent 0 % keeps the cost")
            << QByteArray(R"({"kind":"percent","percent":"0%"})") << u"95.20"_s << u"95.20"_s;
        // Template: 5.00 × 1.08 = 5.40 -> ends in 8 -> 5.48.
        QTest::newRow("template band 1") << QByteArray(kTemplate) << u"5.00"_s << u"5.48"_s;
        QTest::newRow("template already ends in 8") << QByteArray(kTemplate) << u"5.074"_s << u"5.48"_s;
        // 9.99 × 1.08 = 10.7892 -> 10.79 -> the next price ending in 8 is 10.88.
        QTest::newRow("template raises past 9") << QByteArray(kTemplate) << u"9.99"_s << u"10.88"_s;
        QTest::newRow("template band 2 at its lower bound")
            << QByteArray(kTemplate) << u"10.00"_s << u"10.38"_s;
        QTest::newRow("template band 2, Q币 100") << QByteArray(kTemplate) << u"95.20"_s << u"98.08"_s;
        // 99.9999 × 1.03 = 102.999897 -> 102.9999 -> 103.00 -> 103.08.
        QTest::newRow("template just below 100") << QByteArray(kTemplate) << u"99.9999"_s << u"103.08"_s;
        QTest::newRow("template open band") << QByteArray(kTemplate) << u"100.00"_s << u"101.58"_s;
        QTest::newRow("template without ending")
            << QByteArray(R"({"kind":"template","bands":[{"below":"10","fixed":"0.30"},{"percent":"2%"}]})")
            << u"50.00"_s << u"51.00"_s;
        QTest::newRow("template ending x0")
            << QByteArray(R"({"kind":"template","bands":[{"percent":"3%"}],"ending":"x0"})") << u"10.00"_s
            << u"10.30"_s;
    }

    void markup()
    {
        QFETCH(QByteArray, rule);
        QFETCH(QString, cost);
        QFETCH(QString, price);
        auto parsedRule = parsePricingRule(rule);
        QVERIFY2(parsedRule.ok(), qPrintable(parsedRule ? QString() : parsedRule.error().detail));
        const auto got = markedUpPrice(*parsedRule, Money::parse(cost).value());
        QVERIFY(got);
        QCOMPARE(got->toString(2), price);
        QCOMPARE(got->units() % Money::UnitsPerCent, 0);
    }

    void markupRefusesCostsOutOfRange()
    {
        const PricingRule rule = PricingRule::fixed(m("1"));
        QVERIFY(!markedUpPrice(rule, m("-0.01")));
        QVERIFY(!markedUpPrice(rule, Money::fromUnits(kMaxPricingUnits + 1)));
        QVERIFY(markedUpPrice(rule, Money::fromUnits(kMaxPricingUnits)));
    }

    // domain.md "a tier price from a discount": price × discount at 4 places, half-up to 0.01.
    void ladderTierPrices_data()
    {
        QTest::addColumn<QString>("price");
        QTest::addColumn<QString>("discount");
        QTest::addColumn<QString>("tierPrice");
        QTest::newRow("10.18 x 98.5% = 10.0273") << u"10.18"_s << u"98.5%"_s << u"10.03"_s;
        QTest::newRow("10.18 x 97% = 9.8746") << u"10.18"_s << u"97%"_s << u"9.87"_s;
        QTest::newRow("9.85 x 0.985 = 9.702250") << u"9.85"_s << u"0.985"_s << u"9.70"_s;
        // 10.01 × 0.9995 = 10.004995 -> 10.0050 -> 10.01 (straight to cents: 10.00).
        QTest::newRow("4 places first") << u"10.01"_s << u"99.95%"_s << u"10.01"_s;
        QTest::newRow("half-up at the cent") << u"1.00"_s << u"0.985"_s << u"0.99"_s;
    }

    void ladderTierPrices()
    {
        QFETCH(QString, price);
        QFETCH(QString, discount);
        QFETCH(QString, tierPrice);
        const QList<Tier> tiers{{5, u"t"_s, 1, Rate::parse(discount).value(), {}, {}, 1}};
        const auto prices = cardops::core::ladderTierPrices(Money::parse(price).value(), tiers);
        QCOMPARE(prices.size(), 1);
        QCOMPARE(prices.first().tierId, 5);
        QCOMPARE(prices.first().price.toString(4), Money::parse(tierPrice).value().toString(4));
    }

    void ladderLeavesOutFullPriceTiers()
    {
        const auto prices = cardops::core::ladderTierPrices(m("10.18"), ladder());
        QCOMPARE(prices, (QList<TierPriceEntry>{{2, m("10.03")}, {3, m("9.87")}}));
    }

    void repriceWithTiersAndContracts()
    {
        PricingInput g = goods("9.52", "9.85");
        g.tierPrices = {{2, m("9.70")}, {3, m("9.55")}};
        g.contractPrices = {{7, m("9.60")}};
        PricingRule rule = PricingRule::fixed(m("0.66")); // 10.18

        const RepriceResult kept = reprice(g, rule, ladder());
        QVERIFY(kept.refused.isEmpty());
        QCOMPARE(kept.after.price, m("10.18"));
        QVERIFY(kept.priceChanged);
        QVERIFY(!kept.tierPricesChanged);
        QCOMPARE(kept.after.tierPrices, g.tierPrices);
        QCOMPARE(kept.after.contractPrices, g.contractPrices);
        QCOMPARE(kept.after.margin, m("0.66"));
        QCOMPARE(kept.after.marginBp, 648); // 0.66 / 10.18 = 6.483 %
        QVERIFY(kept.after.low.isEmpty());

        rule.syncTiers = true;
        rule.contracts = ContractMode::Follow;
        const RepriceResult synced = reprice(g, rule, ladder());
        QVERIFY(synced.tierPricesChanged);
        QCOMPARE(synced.after.tierPrices, (QList<TierPriceEntry>{{2, m("10.03")}, {3, m("9.87")}}));
        QVERIFY(synced.contractPricesChanged);
        QCOMPARE(synced.after.contractPrices, (QList<ContractPriceEntry>{{7, m("9.93")}})); // + 0.33
    }

    void marginBasisPoints_data()
    {
        QTest::addColumn<QString>("price");
        QTest::addColumn<QString>("cost");
        QTest::addColumn<qint64>("bp");
        QTest::newRow("3.35 %") << u"9.85"_s << u"9.52"_s << qint64(335);
        QTest::newRow("negative -1.2766 %") << u"9.40"_s << u"9.52"_s << qint64(-128);
        QTest::newRow("half away from zero") << u"8.00"_s << u"7.9996"_s << qint64(1); // 0.5 bp
        QTest::newRow("zero price") << u"0"_s << u"1"_s << qint64(0);
        QTest::newRow("cost zero") << u"5"_s << u"0"_s << qint64(10000);
    }

    void marginBasisPoints()
    {
        QFETCH(QString, price);
        QFETCH(QString, cost);
        QFETCH(qint64, bp);
        QCOMPARE(cardops::core::marginBasisPoints(Money::parse(price).value(), Money::parse(cost).value()),
                 bp);
    }

    void belowCostListsEveryPriceABuyerPays()
    {
        // cost 9.90, price 10.18: 白银 from the ladder 10.03 is fine, 黄金 9.87 is below. At 9.80 the
        // base price, 黄金 9.51, an explicit price of a tier gone from the ladder and a contract
        // price are below; 普通 (100 %) pays the base price, listed once.
        const QList<Tier> tiers = ladder();
        QCOMPARE(belowCost(m("9.90"), m("10.18"), {}, {}, tiers),
                 (QList<BelowCost>{{PriceKind::Tier, 3, m("9.87")}}));
        const auto low =
            belowCost(m("9.90"), m("9.80"), {{2, m("9.95")}, {9, m("9.00")}}, {{7, m("9.89")}}, tiers);
        QCOMPARE(low, (QList<BelowCost>{{PriceKind::Base, 0, m("9.80")},
                                        {PriceKind::Tier, 3, m("9.51")},
                                        {PriceKind::Tier, 9, m("9.00")},
                                        {PriceKind::Contract, 7, m("9.89")}}));
        QVERIFY(belowCost(m("9.90"), m("9.90"), {}, {}, {}).isEmpty()); // at cost is not below
    }

    void guardRefusesUnlessOverridden()
    {
        PricingInput g = goods("9.90", "10.50");
        const RepriceResult res = reprice(g, PricingRule::fixed(m("0.28")), ladder()); // 10.18
        QCOMPARE(res.after.low.size(), 1);
        auto refused = guardBelowCost(g.goodsId, g.cost, res.after.low, false);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::InvalidArgument);
        QCOMPARE(refused.error().detail, u"goods 12: tier 3 price 9.87 below cost 9.90"_s);
        QVERIFY(guardBelowCost(g.goodsId, g.cost, res.after.low, true));
        QVERIFY(guardBelowCost(g.goodsId, g.cost, {}, false));
    }

    void repriceRefusesWithoutCost()
    {
        const RepriceResult res = reprice(goods("0", "9.85"), PricingRule::percent(r("3%")), {});
        QCOMPARE(res.refused, u"no_cost"_s);
        QVERIFY(!res.changed());
        QCOMPARE(res.after.price, m("9.85"));
    }

    // Without a tier ladder (a 3 % markup is below the cost for a 97 % tier); the goods sells at
    // 9.85 (9.59 where the expected price says so), with a contract price where given.
    void followUpstream_data()
    {
        QTest::addColumn<QString>("policy");
        QTest::addColumn<QString>("seen"); // "cost/on|off", cost "?" = unknown
        QTest::addColumn<QString>("now");
        QTest::addColumn<bool>("goodsOn");
        QTest::addColumn<QByteArray>("rule"); // empty: none
        QTest::addColumn<QString>("contract");
        QTest::addColumn<QString>("action"); // none alert adjust off
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("price"); // the suggestion or the new price; empty: none
        const QByteArray pct3 = R"({"kind":"percent","percent":"3%"})";
        const QString none;
        // 9.80 × 1.03 = 10.094 -> 10.09
        QTest::newRow("alert: cost up") << u"alert"_s << u"9.52/on"_s << u"9.80/on"_s << true << pct3 << none
                                        << u"alert"_s << u"cost"_s << u"10.09"_s;
        QTest::newRow("alert: no rule, no suggestion")
            << u"alert"_s << u"9.52/on"_s << u"9.80/on"_s << true << QByteArray() << none << u"alert"_s
            << u"cost"_s << none;
        QTest::newRow("auto: cost up") << u"auto"_s << u"9.52/on"_s << u"9.80/on"_s << true << pct3 << none
                                       << u"adjust"_s << u"cost"_s << u"10.09"_s;
        QTest::newRow("auto: cost down") << u"auto"_s << u"9.52/on"_s << u"9.00/on"_s << true << pct3 << none
                                         << u"adjust"_s << u"cost"_s << u"9.27"_s;
        QTest::newRow("auto without a rule alerts")
            << u"auto"_s << u"9.52/on"_s << u"9.80/on"_s << true << QByteArray() << none << u"alert"_s
            << u"no_rule"_s << none;
        // 9.70 × 1.03 = 9.991 -> 9.99; the kept contract price 9.60 is below 9.70.
        QTest::newRow("auto: a contract price would be below cost")
            << u"auto"_s << u"9.52/on"_s << u"9.70/on"_s << true << pct3 << u"9.60"_s << u"alert"_s
            << u"below_cost"_s << u"9.99"_s;
        QTest::newRow("auto: new cost 0") << u"auto"_s << u"9.52/on"_s << u"0/on"_s << true << pct3 << none
                                          << u"alert"_s << u"no_cost"_s << u"9.85"_s;
        // 0 % ending x9: 9.50 and 9.51 both give 9.59, the current price.
        QTest::newRow("auto: same price, nothing to do")
            << u"auto"_s << u"9.50/on"_s << u"9.51/on"_s << true
            << QByteArray(R"({"kind":"template","bands":[{"percent":"0%"}],"ending":"x9"})") << none
            << u"none"_s << none << u"9.59"_s;
        QTest::newRow("cost unchanged")
            << u"auto"_s << u"9.52/on"_s << u"9.52/on"_s << true << pct3 << none << u"none"_s << none << none;
        QTest::newRow("cost first known")
            << u"alert"_s << u"?/on"_s << u"9.80/on"_s << true << pct3 << none << u"none"_s << none << none;
        QTest::newRow("cost no longer given")
            << u"alert"_s << u"9.52/on"_s << u"?/on"_s << true << pct3 << none << u"none"_s << none << none;
        QTest::newRow("auto: off shelf") << u"auto"_s << u"9.52/on"_s << u"9.80/off"_s << true << pct3 << none
                                         << u"off"_s << u"shelf_off"_s << none;
        QTest::newRow("alert: off shelf") << u"alert"_s << u"9.52/on"_s << u"9.52/off"_s << true << pct3
                                          << none << u"alert"_s << u"shelf_off"_s << none;
        QTest::newRow("off shelf, goods already off") << u"auto"_s << u"9.52/on"_s << u"9.52/off"_s << false
                                                      << pct3 << none << u"none"_s << none << none;
        QTest::newRow("back on shelf, goods off") << u"auto"_s << u"9.52/off"_s << u"9.52/on"_s << false
                                                  << pct3 << none << u"alert"_s << u"shelf_on"_s << none;
        QTest::newRow("back on shelf, goods on") << u"alert"_s << u"9.52/off"_s << u"9.52/on"_s << true
                                                 << pct3 << none << u"none"_s << none << none;
    }

    void followUpstream()
    {
        QFETCH(QString, policy);
        QFETCH(QString, seen);
        QFETCH(QString, now);
        QFETCH(bool, goodsOn);
        QFETCH(QByteArray, rule);
        QFETCH(QString, contract);
        QFETCH(QString, action);
        QFETCH(QString, reason);
        QFETCH(QString, price);
        const auto state = [](const QString& spec) {
            UpstreamState s;
            const QStringList f = spec.split(u'/');
            if (f.value(0) != u"?")
                s.cost = Money::parse(f.value(0)).value();
            s.onSale = f.value(1) == u"on";
            return s;
        };
        PricingInput g = goods("9.52", price == u"9.59" ? "9.59" : "9.85");
        if (!contract.isEmpty())
            g.contractPrices = {{7, Money::parse(contract).value()}};
        std::optional<PricingRule> pricingRule;
        if (!rule.isEmpty())
            pricingRule = parsePricingRule(rule).value();
        const FollowDecision d =
            cardops::core::followUpstream(*followPolicyFromCode(policy), state(seen), state(now), g, goodsOn,
                                          pricingRule ? &*pricingRule : nullptr, {});
        const QString got = d.action == FollowAction::None     ? u"none"_s
                            : d.action == FollowAction::Alert  ? u"alert"_s
                            : d.action == FollowAction::Adjust ? u"adjust"_s
                                                               : u"off"_s;
        QCOMPARE(got, action);
        QCOMPARE(d.reason, reason);
        QCOMPARE(d.reprice.has_value(), !price.isEmpty());
        if (d.reprice)
            QCOMPARE(d.reprice->after.price.toString(), price);
    }

    void ruleJsonRoundTrips()
    {
        const PricingRule t = parsed(kTemplate);
        QCOMPARE(t.kind, RuleKind::Template);
        QCOMPARE(t.bands.size(), 3);
        QCOMPARE(t.ending, 8);
        QCOMPARE(t.bands[2].markup, (Markup{Markup::Kind::Fixed, m("1.50"), {}}));
        QCOMPARE(
            pricingRuleJson(t),
            QByteArray(R"({"bands":[{"below":"10.0000","percent":"0.08"},{"below":"100.0000","percent":)"
                       R"("0.03"},{"fixed":"1.5000"}],"contracts":"keep","ending":"x8","kind":"template",)"
                       R"("sync_tiers":false})"));
        for (const PricingRule& rule :
             {t, PricingRule::fixed(m("0.5")), PricingRule::percent(r("2.5%")),
              parsed(R"({"kind":"percent","percent":"1%","sync_tiers":true,"contracts":"follow"})")}) {
            auto back = parsePricingRule(pricingRuleJson(rule));
            QVERIFY(back);
            QCOMPARE(*back, rule);
        }
    }

    void ruleJsonIsStrict_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("error");
        QTest::newRow("not json") << QByteArray("{") << u"not JSON"_s;
        QTest::newRow("array") << QByteArray("[]") << u"not an object"_s;
        QTest::newRow("unknown key") << QByteArray(R"({"kind":"percent","percnt":"3%"})")
                                     << u"unknown key \"percnt\""_s;
        QTest::newRow("repeated key")
            << QByteArray(R"({"kind":"percent","percent":"3%","percent":"30%"})") << u"a key is repeated"_s;
        QTest::newRow("money as a number")
            << QByteArray(R"({"kind":"fixed","amount":0.5})") << u"amount: not a string"_s;
        QTest::newRow("5 decimals") << QByteArray(R"({"kind":"fixed","amount":"0.12345"})")
                                    << u"amount: not an amount with up to 4 decimals"_s;
        QTest::newRow("negative markup")
            << QByteArray(R"({"kind":"fixed","amount":"-1"})") << u"amount: a fixed markup is 0"_s;
        QTest::newRow("percent too big") << QByteArray(R"({"kind":"percent","percent":"1001%"})")
                                         << u"percent: a percentage markup is 0"_s;
        QTest::newRow("bad kind") << QByteArray(R"({"kind":"magic"})")
                                  << u"kind: fixed, percent or template"_s;
        QTest::newRow("missing kind") << QByteArray(R"({"amount":"1"})") << u"kind: not a string"_s;
        QTest::newRow("percent in a fixed rule")
            << QByteArray(R"({"kind":"fixed","amount":"1","percent":"2%"})")
            << u"percent: not used by a fixed rule"_s;
        QTest::newRow("band with both")
            << QByteArray(R"({"kind":"template","bands":[{"fixed":"1","percent":"2%"}]})")
            << u"bands[0]: exactly one of"_s;
        QTest::newRow("bands unsorted")
            << QByteArray(
                   R"({"kind":"template","bands":[{"below":"10","percent":"8%"},{"below":"5","percent":"3%"},)"
                   R"({"fixed":"1"}]})")
            << u"bands[1].below: must be above the previous band's (10.0000)"_s;
        QTest::newRow("no open band")
            << QByteArray(R"({"kind":"template","bands":[{"below":"10","percent":"8%"}]})")
            << u"bands[0]: the last band has no upper bound"_s;
        QTest::newRow("open band in the middle")
            << QByteArray(R"({"kind":"template","bands":[{"percent":"8%"},{"percent":"3%"}]})")
            << u"bands[0].below: required except in the last band"_s;
        QTest::newRow("no bands") << QByteArray(R"({"kind":"template","bands":[]})")
                                  << u"bands: a template needs at least one band"_s;
        QTest::newRow("bad ending") << QByteArray(
                                           R"({"kind":"template","bands":[{"percent":"8%"}],"ending":"9"})")
                                    << u"ending: \"x0\""_s;
        QTest::newRow("bad contracts")
            << QByteArray(R"({"kind":"percent","percent":"1%","contracts":"scale"})")
            << u"contracts: keep or follow"_s;
        QTest::newRow("sync_tiers not bool")
            << QByteArray(R"({"kind":"percent","percent":"1%","sync_tiers":1})")
            << u"sync_tiers: not true or false"_s;
    }

    void ruleJsonIsStrict()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, error);
        auto rule = parsePricingRule(json);
        QVERIFY(!rule);
        QCOMPARE(rule.error().code, ErrorCode::Parse);
        QVERIFY2(rule.error().detail.startsWith(error), qPrintable(rule.error().detail));
    }

    void platformPriceShapes()
    {
        const auto tiers = parseTierPrices(R"({"3":"9.5500","2":9.7,"x":"1","4":"abc"})");
        QCOMPARE(tiers, (QList<TierPriceEntry>{{2, m("9.70")}, {3, m("9.55")}}));
        QCOMPARE(tierPricesJson(tiers), (QJsonObject{{u"2"_s, u"9.7000"_s}, {u"3"_s, u"9.5500"_s}}));
        const auto contracts =
            parseContractPrices(R"([{"member_id":7,"price":"9.60"},{"member_id":0,"price":"1"}])");
        QCOMPARE(contracts, (QList<ContractPriceEntry>{{7, m("9.60")}}));
        QCOMPARE(contractPricesJson(contracts),
                 (QJsonArray{QJsonObject{{u"member_id"_s, 7}, {u"price"_s, u"9.6000"_s}}}));
    }
};

QTEST_GUILESS_MAIN(TestPricing)
#include "tst_pricing.moc"
