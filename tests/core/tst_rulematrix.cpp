#include "core/rulematrix.h"
#include "tests/core/rulematrixfixtures.h"

#include <QtTest>

using namespace cardops::core;
using namespace cardops::core::fixtures;

Q_DECLARE_METATYPE(cardops::core::Condition)
Q_DECLARE_METATYPE(cardops::core::Order)
Q_DECLARE_METATYPE(cardops::core::OrderContext)
Q_DECLARE_METATYPE(cardops::core::RuleSet)

class TestRuleMatrix : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void conditions_data();
    void conditions();
    void evaluation_data();
    void evaluation();
    void defaults_data();
    void defaults();
    void blacklistRefusesEmptyEntries();
    void jsonRoundTrip();
    void jsonShape();
    void hostileJson_data();
    void hostileJson();
    void versions();
    void invalidRulesRefused();
    void dryRun();
};

void TestRuleMatrix::conditions_data()
{
    QTest::addColumn<Condition>("condition");
    QTest::addColumn<Order>("order");
    QTest::addColumn<OrderContext>("context");
    QTest::addColumn<bool>("matches");

    const Condition mismatch = Condition::amountMismatch();
    QTest::newRow("amount: paid = amount") << mismatch << order() << context() << false;
    QTest::newRow("amount: paid 0.01 short")
        << mismatch << order([](Order& o) { o.paidAmount = m("98.49"); }) << context() << true;
    QTest::newRow("amount: paid 0.01 over")
        << mismatch << order([](Order& o) { o.paidAmount = m("98.51"); }) << context() << true;
    QTest::newRow("amount: off by 0.0001")
        << mismatch << order([](Order& o) { o.paidAmount = m("98.5001"); }) << context() << true;

    const Condition account = Condition::missingChargeAccount();
    const OrderContext direct = context([](OrderContext& c) { c.goods.kind = QStringLiteral("direct"); });
    QTest::newRow("account: direct, empty") << account << order() << direct << true;
    QTest::newRow("account: direct, blanks only")
        << account << order([](Order& o) { o.chargeAccount = s(" \u3000 "); }) << direct << true;
    QTest::newRow("account: direct, given")
        << account << order([](Order& o) { o.chargeAccount = QStringLiteral("12345"); }) << direct << false;
    QTest::newRow("account: card goods, empty") << account << order() << context() << false;

    const Condition above5 = Condition::quantityAbove(5);
    QTest::newRow("quantity: at limit")
        << above5 << order([](Order& o) { o.quantity = 5; }) << context() << false;
    QTest::newRow("quantity: one above")
        << above5 << order([](Order& o) { o.quantity = 6; }) << context() << true;

    const Condition usual3 = Condition::quantityAboveUsual(rate("3"));
    const OrderContext usual2 = context([](OrderContext& c) { c.usualQuantity = 2; });
    QTest::newRow("usual: 3x2, quantity 6")
        << usual3 << order([](Order& o) { o.quantity = 6; }) << usual2 << false;
    QTest::newRow("usual: 3x2, quantity 7")
        << usual3 << order([](Order& o) { o.quantity = 7; }) << usual2 << true;
    const Condition usual25 = Condition::quantityAboveUsual(rate("2.5"));
    QTest::newRow("usual: 2.5x2, quantity 5")
        << usual25 << order([](Order& o) { o.quantity = 5; }) << usual2 << false;
    QTest::newRow("usual: 2.5x2, quantity 6")
        << usual25 << order([](Order& o) { o.quantity = 6; }) << usual2 << true;
    // No history means no norm to exceed: first orders are left to quantity_above and
    // new_member_first_order_above, otherwise every new member would land in review.
    QTest::newRow("usual: no history") << usual3 << order([](Order& o) { o.quantity = 10000; })
                                       << context([](OrderContext& c) { c.usualQuantity = 0; }) << false;

    const Condition listed = Condition::blacklisted();
    const OrderContext withList = context([](OrderContext& c) { c.blacklist = blacklist(); });
    QTest::newRow("blacklist: clean") << listed << order() << withList << false;
    QTest::newRow("blacklist: member id")
        << listed << order([](Order& o) { o.memberId = 99; }) << withList << true;
    QTest::newRow("blacklist: order contact, normalised")
        << listed << order([](Order& o) { o.contact = QStringLiteral("13900001111"); }) << withList << true;
    QTest::newRow("blacklist: member contact") << listed << order() << context([](OrderContext& c) {
        c.blacklist = blacklist();
        c.member.contact = QStringLiteral("139 0000 1111");
    }) << true;
    QTest::newRow("blacklist: charge account, case")
        << listed << order([](Order& o) { o.chargeAccount = QStringLiteral("qq12345"); }) << withList << true;
    QTest::newRow("blacklist: contact is not an account")
        << listed << order([](Order& o) { o.chargeAccount = QStringLiteral("13900001111"); }) << withList
        << false;

    const Condition flagged = Condition::goodsFlagged({23, 17});
    QTest::newRow("goods: flagged") << flagged << order() << context() << true;
    QTest::newRow("goods: not flagged")
        << flagged << order([](Order& o) { o.goodsId = 18; }) << context() << false;

    const Condition low = Condition::supplierBalanceLow(m("100"));
    const auto balance = [](const char* b) {
        return context([b](OrderContext& c) { c.supplierBalance = m(b); });
    };
    QTest::newRow("supplier: exactly the minimum left") << low << order() << balance("195.2") << false;
    QTest::newRow("supplier: 0.01 below the minimum") << low << order() << balance("195.19") << true;
    QTest::newRow("supplier: balance unknown") << low << order() << context() << false;

    const Condition first = Condition::newMemberFirstOrderAbove(m("500"));
    const OrderContext newcomer = context([](OrderContext& c) { c.previousPaidOrders = 0; });
    QTest::newRow("first order: at the amount")
        << first << order([](Order& o) { o.paidAmount = m("500"); }) << newcomer << false;
    QTest::newRow("first order: 0.01 above")
        << first << order([](Order& o) { o.paidAmount = m("500.01"); }) << newcomer << true;
    QTest::newRow("first order: not the first")
        << first << order([](Order& o) { o.paidAmount = m("900"); }) << context() << false;

    // Open 08:00 until 02:00 the next morning, Shanghai; the rows give UTC (Shanghai − 8 h).
    const Condition night = Condition::outsideBusinessHours(hm(8, 0), hm(2, 0));
    const auto paidAt = [](const char* t) {
        return order([t](Order& o) { o.paidAt = utc(t); });
    };
    QTest::newRow("hours: 23:59 inside") << night << paidAt("2026-11-28T15:59:00Z") << context() << false;
    QTest::newRow("hours: 00:00 inside") << night << paidAt("2026-11-28T16:00:00Z") << context() << false;
    QTest::newRow("hours: 01:59 inside") << night << paidAt("2026-11-28T17:59:59Z") << context() << false;
    QTest::newRow("hours: 02:00 outside") << night << paidAt("2026-11-28T18:00:00Z") << context() << true;
    QTest::newRow("hours: 07:59 outside") << night << paidAt("2026-11-28T23:59:00Z") << context() << true;
    QTest::newRow("hours: 08:00 inside") << night << paidAt("2026-11-29T00:00:00Z") << context() << false;
    // Open 09:00 until midnight: 23:59 is the last open minute, 00:00 already closed.
    const Condition day = Condition::outsideBusinessHours(hm(9, 0), hm(24, 0));
    QTest::newRow("hours to 24:00: 23:59 inside")
        << day << paidAt("2026-11-28T15:59:59Z") << context() << false;
    QTest::newRow("hours to 24:00: 00:00 outside")
        << day << paidAt("2026-11-28T16:00:00Z") << context() << true;
    QTest::newRow("hours: unpaid uses created_at") << day << order([](Order& o) {
        o.paidAt = 0;
        o.createdAt = utc("2026-11-28T17:00:00Z");
    }) << context() << true;

    QTest::newRow("always") << Condition::always() << order() << context() << true;
}

void TestRuleMatrix::conditions()
{
    QFETCH(Condition, condition);
    QFETCH(Order, order);
    QFETCH(OrderContext, context);
    QFETCH(bool, matches);
    QCOMPARE(conditionMatches(condition, order, context), matches);

    // The same condition as a rule: a match decides, a miss falls through to deliver.
    const RuleSet rules = set(3, {rule("probe", condition, Action::review(QStringLiteral("probe")))});
    const Decision d = decide(rules, order, context);
    QCOMPARE(d.action, matches ? DecisionAction::Review : DecisionAction::Deliver);
    QCOMPARE(d.firedRuleId, matches ? QStringLiteral("probe") : QString());
    QCOMPARE(d.ruleSetVersion, 3);
}

void TestRuleMatrix::evaluation_data()
{
    QTest::addColumn<RuleSet>("rules");
    QTest::addColumn<Order>("order");
    QTest::addColumn<int>("action");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("fired");
    QTest::addColumn<QStringList>("notifies");
    QTest::addColumn<QStringList>("tags");
    QTest::addColumn<QStringList>("trace");

    const int deliver = int(DecisionAction::Deliver);
    const int review = int(DecisionAction::Review);
    const int refund = int(DecisionAction::Refund);
    const Order big = order([](Order& o) { o.quantity = 6; });

    const RuleSet order1 =
        set(2, {rule("big", Condition::quantityAbove(5), Action::review(s("quantity_above_norm"))),
                rule("all", Condition::always(), Action::refund(s("out_of_stock")))});
    QTest::newRow("first terminal wins") << order1 << big << review << s("quantity_above_norm") << s("big")
                                         << QStringList{} << QStringList{} << QStringList{s("big")};
    QTest::newRow("later terminal when the first misses")
        << order1 << order() << refund << s("out_of_stock") << s("all") << QStringList{} << QStringList{}
        << QStringList{s("all")};

    const RuleSet deliverFirst =
        set(2, {rule("vip", Condition::goodsFlagged({17}), Action::deliver()),
                rule("big", Condition::quantityAbove(5), Action::review(s("quantity_above_norm")))});
    QTest::newRow("a deliver rule decides too") << deliverFirst << big << deliver << QString() << s("vip")
                                                << QStringList{} << QStringList{} << QStringList{s("vip")};

    const RuleSet accumulate =
        set(5, {rule("n-ops", Condition::quantityAbove(5), Action::notify(s("ops"))),
                rule("t-big", Condition::quantityAbove(5), Action::tag(s("大单"))),
                rule("n-miss", Condition::amountMismatch(), Action::notify(s("finance"))),
                rule("n-support", Condition::always(), Action::notify(s("support"))),
                rule("n-ops-again", Condition::always(), Action::notify(s("ops"))),
                rule("t-all", Condition::always(), Action::tag(s("checked"))),
                rule("hold", Condition::quantityAbove(5), Action::review(s("quantity_above_norm"))),
                rule("t-after", Condition::always(), Action::tag(s("never"))),
                rule("n-after", Condition::always(), Action::notify(s("never")))});
    QTest::newRow("notify and tag accumulate up to the decision")
        << accumulate << big << review << s("quantity_above_norm") << s("hold")
        << QStringList{s("ops"), s("support")} << QStringList{s("大单"), s("checked")}
        << QStringList{s("n-ops"), s("t-big"), s("n-support"), s("n-ops-again"), s("t-all"), s("hold")};
    QTest::newRow("nothing terminal: deliver, accumulations kept")
        << accumulate << order() << deliver << QString() << QString()
        << QStringList{s("support"), s("ops"), s("never")} << QStringList{s("checked"), s("never")}
        << QStringList{s("n-support"), s("n-ops-again"), s("t-all"), s("t-after"), s("n-after")};

    const RuleSet disabled = set(4, {rule("off", Condition::always(), Action::refund(s("fraud")), false),
                                     rule("off-tag", Condition::always(), Action::tag(s("off")), false),
                                     rule("on", Condition::always(), Action::review(s("manual")))});
    QTest::newRow("disabled rules are skipped") << disabled << order() << review << s("manual") << s("on")
                                                << QStringList{} << QStringList{} << QStringList{s("on")};

    const RuleSet tagOnly = set(6, {rule("t", Condition::always(), Action::tag(s("seen")))});
    const Order flagged = order([](Order& o) {
        o.status = s("review");
        o.reviewReason = s("blacklisted_account");
    });
    QTest::newRow("platform-flagged order stays in review")
        << tagOnly << flagged << review << s("blacklisted_account") << QString() << QStringList{}
        << QStringList{s("seen")} << QStringList{s("t")};
    const Order flaggedNoReason = order([](Order& o) { o.status = s("review"); });
    QTest::newRow("platform-flagged without a reason")
        << tagOnly << flaggedNoReason << review << QString::fromUtf16(kPlatformReviewReason) << QString()
        << QStringList{} << QStringList{s("seen")} << QStringList{s("t")};
    QTest::newRow("a rule may release a flagged order")
        << deliverFirst << flagged << deliver << QString() << s("vip") << QStringList{} << QStringList{}
        << QStringList{s("vip")};
    QTest::newRow("empty set delivers") << set(1, {}) << big << deliver << QString() << QString()
                                        << QStringList{} << QStringList{} << QStringList{};
}

void TestRuleMatrix::evaluation()
{
    QFETCH(RuleSet, rules);
    QFETCH(Order, order);
    QFETCH(int, action);
    QFETCH(QString, reason);
    QFETCH(QString, fired);
    QFETCH(QStringList, notifies);
    QFETCH(QStringList, tags);
    QFETCH(QStringList, trace);

    const Decision d = decide(rules, order, context());
    QCOMPARE(int(d.action), action);
    QCOMPARE(d.reasonCode, reason);
    QCOMPARE(d.firedRuleId, fired);
    QCOMPARE(d.ruleSetVersion, rules.version());
    QCOMPARE(d.notifies, notifies);
    QCOMPARE(d.tags, tags);
    QCOMPARE(d.trace, trace);
}

void TestRuleMatrix::defaults_data()
{
    QTest::addColumn<Order>("order");
    QTest::addColumn<OrderContext>("context");
    QTest::addColumn<int>("action");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("fired");
    QTest::addColumn<QStringList>("notifies");

    const OrderContext direct = context([](OrderContext& c) { c.goods.kind = s("direct"); });
    const Order mismatch = order([](Order& o) { o.paidAmount = m("98.49"); });
    QTest::newRow("normal order delivers")
        << order() << context() << int(DecisionAction::Deliver) << QString() << QString() << QStringList{};
    QTest::newRow("large order still delivers")
        << order([](Order& o) { o.quantity = 500; }) << context() << int(DecisionAction::Deliver) << QString()
        << QString() << QStringList{};
    QTest::newRow("amount mismatch") << mismatch << context() << int(DecisionAction::Review)
                                     << s("amount_mismatch") << s("amount_mismatch_review")
                                     << QStringList{s("support")};
    QTest::newRow("missing account") << order() << direct << int(DecisionAction::Review)
                                     << s("missing_charge_account") << s("missing_account_review")
                                     << QStringList{s("support")};
    QTest::newRow("both: the amount rule is higher")
        << mismatch << direct << int(DecisionAction::Review) << s("amount_mismatch")
        << s("amount_mismatch_review") << QStringList{s("support")};
}

void TestRuleMatrix::defaults()
{
    QFETCH(Order, order);
    QFETCH(OrderContext, context);
    QFETCH(int, action);
    QFETCH(QString, reason);
    QFETCH(QString, fired);
    QFETCH(QStringList, notifies);

    const RuleSet rules = RuleSet::defaults();
    QCOMPARE(rules.version(), 1);
    const Decision d = decide(rules, order, context);
    QCOMPARE(int(d.action), action);
    QCOMPARE(d.reasonCode, reason);
    QCOMPARE(d.firedRuleId, fired);
    QCOMPARE(d.notifies, notifies);
    QCOMPARE(d.ruleSetVersion, 1);
}

void TestRuleMatrix::blacklistRefusesEmptyEntries()
{
    Blacklist b;
    QVERIFY(!b.addContact(s(" \t\u3000")));
    QVERIFY(!b.addChargeAccount(QString()));
    QVERIFY(!b.addMember(0));
    QVERIFY(b.isEmpty());
    QVERIFY(!b.hasChargeAccount(QString()));
    QCOMPARE(Blacklist::normalise(s(" ＱＱ １２３ ")), s("qq123"));
}

void TestRuleMatrix::jsonRoundTrip()
{
    const RuleSet all = set(
        12, {
                rule("a", Condition::always(), Action::tag(s("全部 订单"))),
                rule("b", Condition::amountMismatch(), Action::notify(s("support"))),
                rule("c", Condition::missingChargeAccount(), Action::review(s("missing"))),
                rule("d", Condition::quantityAbove(5), Action::refund(s("limit")), false),
                rule("e", Condition::quantityAboveUsual(rate("2.5")), Action::deliver()),
                rule("f", Condition::blacklisted(), Action::refund(s("blacklisted_account"))),
                rule("g", Condition::goodsFlagged({3, 1, 2}), Action::review(s("flagged"))),
                rule("h", Condition::supplierBalanceLow(m("0.9850")), Action::review(s("low"))),
                rule("i", Condition::newMemberFirstOrderAbove(m("12.34")), Action::tag(s("new"))),
                rule("j", Condition::outsideBusinessHours(hm(22, 30), hm(6, 5)), Action::notify(s("night"))),
                rule("k", Condition::outsideBusinessHours(0, hm(24, 0)), Action::deliver()),
            });
    const QByteArray json = all.toJson();
    const auto back = RuleSet::fromJson(json);
    QVERIFY2(back.ok(), back.ok() ? "" : qPrintable(back.error().detail));
    QCOMPARE(back->version(), 12);
    QCOMPARE(back->rules().size(), all.rules().size());
    for (qsizetype i = 0; i < all.rules().size(); ++i)
        QVERIFY2(back->rules()[i] == all.rules()[i], qPrintable(all.rules()[i].id));
    QVERIFY(*back == all);
    QCOMPARE(back->toJson(), json);

    const auto defaults = RuleSet::fromJson(RuleSet::defaults().toJson());
    QVERIFY(defaults.ok());
    QVERIFY(*defaults == RuleSet::defaults());
}

void TestRuleMatrix::jsonShape()
{
    const RuleSet one = set(
        3, {rule("night", Condition::outsideBusinessHours(hm(8, 0), hm(2, 0)), Action::review(s("night"))),
            rule("rich", Condition::supplierBalanceLow(m("12.3")), Action::notify(s("support")))});
    QCOMPARE(
        one.toJson(),
        QByteArray(R"({"rules":[{"enabled":true,"id":"night","name":"",)"
                   R"("then":{"kind":"review","reason":"night"},)"
                   R"("when":{"close":"02:00","kind":"outside_business_hours","open":"08:00"}},)"
                   R"({"enabled":true,"id":"rich","name":"","then":{"channel":"support","kind":"notify"},)"
                   R"("when":{"amount":"12.3000","kind":"supplier_balance_low"}}],"version":3})"));
}

void TestRuleMatrix::hostileJson_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("complaint");

    // A valid rule, spliced into otherwise hostile documents.
    const auto doc = [](const char* rules, const char* version = "1") {
        QByteArray out(R"({"version":)");
        out.append(version).append(R"(,"rules":[)").append(rules).append("]}");
        return out;
    };
    const auto one = [&doc](const char* when, const char* then = R"({"kind":"deliver"})") {
        QByteArray rule(R"({"id":"r","name":"","enabled":true,"when":)");
        rule.append(when).append(R"(,"then":)").append(then).append("}");
        return doc(rule.constData());
    };

    QTest::newRow("not json") << QByteArray("{\"version\":") << s("rule set");
    QTest::newRow("array root") << QByteArray("[]") << s("$: not an object");
    QTest::newRow("missing version") << QByteArray(R"({"rules":[]})") << s("missing version");
    QTest::newRow("version as text") << doc("", R"("1")") << s("$.version: not an integer");
    QTest::newRow("fractional version") << doc("", "1.5") << s("$.version: not an integer");
    QTest::newRow("version 0") << doc("", "0") << s("version must be at least 1");
    QTest::newRow("unknown top key") << QByteArray(R"({"version":1,"rules":[],"extra":1})")
                                     << s("unknown key extra");
    QTest::newRow("rules not an array")
        << QByteArray(R"({"version":1,"rules":{}})") << s("$.rules: not an array");
    QTest::newRow("unknown condition kind")
        << one(R"({"kind":"moon_phase"})") << s("unknown condition kind moon_phase");
    QTest::newRow("unknown action kind")
        << one(R"({"kind":"always"})", R"({"kind":"ban"})") << s("unknown action kind ban");
    QTest::newRow("condition kind missing")
        << one(R"({"limit":5})") << s("$.rules[0].when.kind: not a string");
    QTest::newRow("missing limit") << one(R"({"kind":"quantity_above"})") << s("missing limit");
    QTest::newRow("misspelt limit") << one(R"({"kind":"quantity_above","limit":5,"limt":1})")
                                    << s("unknown key limt");
    QTest::newRow("parameter of another kind")
        << one(R"({"kind":"always","limit":5})") << s("unknown key limit");
    QTest::newRow("fractional limit")
        << one(R"({"kind":"quantity_above","limit":5.5})") << s("not an integer");
    QTest::newRow("negative limit") << one(R"({"kind":"quantity_above","limit":-1})")
                                    << s("negative quantity limit");
    QTest::newRow("money as a number")
        << one(R"({"kind":"new_member_first_order_above","amount":12.34})") << s("when.amount: not a string");
    QTest::newRow("money with 5 places")
        << one(R"({"kind":"supplier_balance_low","amount":"1.00001"})") << s("not money text");
    QTest::newRow("negative money") << one(R"({"kind":"supplier_balance_low","amount":"-1.0000"})")
                                    << s("negative amount");
    QTest::newRow("factor as a number")
        << one(R"({"kind":"quantity_above_usual","factor":3})") << s("when.factor: not a string");
    QTest::newRow("zero factor") << one(R"({"kind":"quantity_above_usual","factor":"0"})")
                                 << s("factor must be above 0");
    QTest::newRow("goods ids unsorted")
        << one(R"({"kind":"goods_flagged","goods_ids":[3,1]})") << s("sorted and unique");
    QTest::newRow("goods id fractional")
        << one(R"({"kind":"goods_flagged","goods_ids":[1.5]})") << s("goods_ids[0]: not an integer");
    QTest::newRow("no goods ids") << one(R"({"kind":"goods_flagged","goods_ids":[]})") << s("no goods ids");
    QTest::newRow("hours 25:00") << one(R"({"kind":"outside_business_hours","open":"25:00","close":"02:00"})")
                                 << s("open: not HH:MM");
    QTest::newRow("hours 8:00") << one(R"({"kind":"outside_business_hours","open":"8:00","close":"02:00"})")
                                << s("open: not HH:MM");
    QTest::newRow("hours open 24:00")
        << one(R"({"kind":"outside_business_hours","open":"24:00","close":"02:00"})")
        << s("business hours out of range");
    QTest::newRow("hours empty window")
        << one(R"({"kind":"outside_business_hours","open":"09:00","close":"09:00"})")
        << s("empty business hours window");
    QTest::newRow("review without reason")
        << one(R"({"kind":"always"})", R"({"kind":"review"})") << s("missing reason");
    QTest::newRow("reason not a code")
        << one(R"({"kind":"always"})", R"({"kind":"review","reason":"Bad Reason"})")
        << s("reason must be a code");
    QTest::newRow("deliver with a reason")
        << one(R"({"kind":"always"})", R"({"kind":"deliver","reason":"x"})") << s("unknown key reason");
    QTest::newRow("empty tag") << one(R"({"kind":"always"})", R"({"kind":"tag","label":""})")
                               << s("label must be");
    QTest::newRow("enabled as text")
        << doc(R"({"id":"r","name":"","enabled":"true","when":{"kind":"always"},)"
               R"("then":{"kind":"deliver"}})")
        << s("enabled: not a boolean");
    QTest::newRow("missing then") << doc(R"({"id":"r","name":"","enabled":true,"when":{"kind":"always"}})")
                                  << s("missing then");
    QTest::newRow("bad id") << doc(R"({"id":"Big Orders","name":"","enabled":true,"when":{"kind":"always"},)"
                                   R"("then":{"kind":"deliver"}})")
                            << s("id must be");
    QTest::newRow("duplicate ids") << doc(R"({"id":"r","name":"","enabled":true,"when":{"kind":"always"},)"
                                          R"("then":{"kind":"deliver"}},)"
                                          R"({"id":"r","name":"","enabled":true,"when":{"kind":"always"},)"
                                          R"("then":{"kind":"deliver"}})")
                                   << s("rules[1]: duplicate id r");
}

void TestRuleMatrix::hostileJson()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, complaint);
    const auto r = RuleSet::fromJson(json);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, ErrorCode::Parse);
    QVERIFY2(r.error().detail.contains(complaint), qPrintable(r.error().detail));
}

void TestRuleMatrix::versions()
{
    const RuleSet v1 = RuleSet::defaults();
    const auto v2 = v1.revised(v1.rules().mid(1));
    QVERIFY(v2.ok());
    QCOMPARE(v2->version(), 2);
    QVERIFY(RuleSet::checkSuccession(v1, *v2).ok());
    QCOMPARE(RuleSet::checkSuccession(*v2, v1).error().code, ErrorCode::Conflict);
    QCOMPARE(RuleSet::checkSuccession(*v2, *v2).error().code, ErrorCode::Conflict);

    // A decision made under version 1 keeps saying so after the edit.
    const Order mismatch = order([](Order& o) { o.paidAmount = m("1"); });
    const Decision before = decide(v1, mismatch, context());
    const Decision after = decide(*v2, mismatch, context());
    QCOMPARE(before.ruleSetVersion, 1);
    QCOMPARE(before.notifies, QStringList{s("support")});
    QCOMPARE(after.ruleSetVersion, 2);
    QCOMPARE(after.notifies, QStringList{});
}

void TestRuleMatrix::invalidRulesRefused()
{
    QVERIFY(!RuleSet::make(0, {}).ok());
    Condition stray = Condition::amountMismatch();
    stray.limit = 5; // a parameter of another kind
    QVERIFY(!RuleSet::make(1, {rule("r", stray, Action::deliver())}).ok());
    QVERIFY(!RuleSet::make(1, {rule("r", Condition::always(), Action::tag(s(" padded")))}).ok());
    QVERIFY(!RuleSet::make(1, {rule("", Condition::always(), Action::deliver())}).ok());
}

void TestRuleMatrix::dryRun()
{
    const RuleSet rules =
        set(9, {rule("tag-big", Condition::quantityAbove(5), Action::tag(s("big"))),
                rule("off", Condition::always(), Action::refund(s("fraud")), false),
                rule("black", Condition::blacklisted(), Action::refund(s("blacklisted_account"))),
                rule("huge", Condition::quantityAbove(50), Action::review(s("quantity_above_norm")))});
    QList<DryRunInput> inputs;
    const auto add = [&inputs](qint64 id, qint64 quantity, qint64 member) {
        inputs.append({order([=](Order& o) {
                           o.id = id;
                           o.quantity = quantity;
                           o.memberId = member;
                       }),
                       context([](OrderContext& c) { c.blacklist = blacklist(); })});
    };
    add(1, 1, 88);  // deliver by default
    add(2, 6, 88);  // tagged, delivered
    add(3, 60, 88); // tagged, review
    add(4, 70, 88); // tagged, review
    add(5, 80, 88); // tagged, review
    add(6, 60, 99); // tagged, refund (blacklist is above "huge")
    add(7, 1, 99);  // refund
    add(8, 2, 88);  // deliver

    const DryRunSummary summary = cardops::core::dryRun(rules, inputs, 2);
    QCOMPARE(summary.orders, 8);
    QCOMPARE(summary.delivered, 3);
    QCOMPARE(summary.reviewed, 3);
    QCOMPARE(summary.refunded, 2);
    QCOMPARE(summary.fallback, 3);
    QCOMPARE(summary.rules.size(), 4);
    QCOMPARE(summary.rules[0].ruleId, QStringLiteral("tag-big"));
    QCOMPARE(summary.rules[0].matched, 5);
    QCOMPARE(summary.rules[0].decided, 0);
    QCOMPARE(summary.rules[0].samples, (QList<qint64>{2, 3}));
    QCOMPARE(summary.rules[1].matched, 0);
    QCOMPARE(summary.rules[1].samples, QList<qint64>{});
    QCOMPARE(summary.rules[2].matched, 2);
    QCOMPARE(summary.rules[2].decided, 2);
    QCOMPARE(summary.rules[2].samples, (QList<qint64>{6, 7}));
    QCOMPARE(summary.rules[3].matched, 3);
    QCOMPARE(summary.rules[3].decided, 3);
    QCOMPARE(summary.rules[3].samples, (QList<qint64>{3, 4}));
}

QTEST_GUILESS_MAIN(TestRuleMatrix)
#include "tst_rulematrix.moc"
