#include "cachefixture.h"
#include "core/pricing.h"
#include "storage/operatorrepository.h"
#include "storage/outbox.h"
#include "storage/platformcache.h"
#include "storage/pricingrules.h"
#include "storage/supply.h"
#include "storage/writecontext.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace cardops;
using namespace Qt::StringLiterals;
using storage::WriteContext;
namespace pricing = storage::pricingrules;
namespace supply = storage::supply;

namespace {

core::Money m(const char* text)
{
    return core::Money::parse(QString::fromLatin1(text)).value();
}

supply::MirroredProduct product(const QString& id, const char* cost, bool onSale = true)
{
    supply::MirroredProduct p;
    p.productId = id;
    p.name = u"商品 "_s + id;
    p.cost = m(cost).units();
    p.stockLevel = u"plenty"_s;
    p.onSale = onSale;
    return p;
}

// Goods 1 (linked to fulu P1, platform cost 9.00), 2 (not linked), 3 (linked to P3, a contract
// price for member 7); the ladder 普通 100 %, 白银 98.5 %, 黄金 97 %; fulu P1 at 9.52, P3 at 9.52.
core::Goods goods(qint64 id, const char* price, const char* cost, const QByteArray& links,
                  const QByteArray& contracts = "[]")
{
    core::Goods g = cachefixture::goods(id, 1);
    g.name = u"货品%1"_s.arg(id);
    g.price = m(price);
    g.cost = m(cost);
    g.supplierLinks = links;
    g.contractPrices = contracts;
    return g;
}

} // namespace

// Pricing in the cache: rules CRUD, per-goods policies, the inputs of a bulk reprice, staging
// through the outbox with the guard, and the upstream-change pass after a supplier refresh.
class TstPricingRules : public QObject
{
    Q_OBJECT

    std::unique_ptr<cachefixture::Cache> m_cache;

    template<typename F> bool ok(F body)
    {
        auto r = m_cache->run<void>(body);
        if (!r)
            qWarning() << r.error().detail;
        return r.ok();
    }

    bool mirror(const QList<supply::MirroredProduct>& products, pricing::UpstreamPass* pass = nullptr)
    {
        return ok([&](WriteContext& ctx) -> core::Result<void> {
            if (auto r = supply::mirrorCatalogue(ctx, u"fulu-main"_s, products, ctx.nowSeconds()); !r)
                return r;
            auto followed = pricing::followUpstream(ctx, ctx.nowSeconds());
            if (followed && pass)
                *pass = *followed;
            return followed ? core::Result<void>() : followed.error();
        });
    }

    qint64 count(const QString& sql, const QVariantList& binds = {})
    {
        return m_cache->scalar(sql, binds).toLongLong();
    }

    pricing::RepriceInputs inputs(const QList<qint64>& ids)
    {
        storage::ReadSession read(*m_cache->db_);
        auto in = pricing::repriceInputs(read, ids);
        if (!in)
            qWarning() << in.error().detail;
        return in.valueOr({});
    }

    qint64 saveRule(const QString& name, const char* json)
    {
        auto id = m_cache->run<qint64>([&](WriteContext& ctx) {
            return pricing::saveRule(ctx, m_cache->admin_, 0, name, core::parsePricingRule(json).value());
        });
        return id.valueOr(-1);
    }

private Q_SLOTS:
    void init()
    {
        m_cache = std::make_unique<cachefixture::Cache>();
        QVERIFY(m_cache->open());
        const QByteArray p1 = R"([{"protocol":"fulu","product_ref":"P1","priority":1}])";
        const QByteArray p3 = R"([{"protocol":"fulu","product_ref":"P3","priority":1}])";
        QVERIFY(ok([&](WriteContext& ctx) -> core::Result<void> {
            auto g = storage::platformcache::applyGoods(
                ctx, {goods(1, "10.50", "9.00", p1), goods(2, "20.00", "18.00", "[]"),
                      goods(3, "9.85", "9.00", p3, R"([{"member_id":7,"price":"9.60"}])")});
            if (!g)
                return g.error();
            core::TierLadder ladder;
            ladder.version = 1;
            for (const auto& [id, name, ppm] :
                 {std::tuple{1, "普通", 1'000'000}, std::tuple{2, "白银", 985'000},
                  std::tuple{3, "黄金", 970'000}})
                ladder.tiers.append(
                    {id, QString::fromUtf8(name), id, core::Rate::fromPpm(ppm), "[]", "{}", 1});
            if (auto t = storage::platformcache::replaceTiers(ctx, ladder); !t)
                return t.error();
            return supply::recordBalance(ctx, u"fulu-main"_s, u"fulu"_s, 50'000'000, u"shop"_s,
                                         ctx.nowSeconds());
        }));
        QVERIFY(mirror({product(u"P1"_s, "9.52"), product(u"P3"_s, "9.52")}));
    }

    void rulesCrud()
    {
        const qint64 id = saveRule(u" 常规 3% "_s, R"({"kind":"percent","percent":"3%"})");
        QVERIFY(id > 0);
        QCOMPARE(m_cache->scalar(u"SELECT name FROM pricing_rules WHERE id = ?"_s, {id}).toString(),
                 u"常规 3%"_s);
        QCOMPARE(saveRule(u"常规 3%"_s, R"({"kind":"fixed","amount":"1"})"), -1); // the name is taken
        auto updated = m_cache->run<qint64>([&](WriteContext& ctx) {
            return pricing::saveRule(ctx, m_cache->admin_, id, u"常规 5%"_s,
                                     core::PricingRule::percent(core::Rate::fromPpm(50'000)));
        });
        QCOMPARE(updated.valueOr(-1), id);
        auto set = m_cache->run<qint64>([&](WriteContext& ctx) {
            return pricing::setGoodsPricing(ctx, m_cache->admin_, {1, 3, 99}, id, core::FollowPolicy::Auto);
        });
        QCOMPARE(set.valueOr(-1), 2); // goods 99 is not in the cache

        storage::ReadSession read(*m_cache->db_);
        auto list = pricing::rules(read);
        QVERIFY(list);
        QCOMPARE(list->size(), 1);
        QCOMPARE(list->first().name, u"常规 5%"_s);
        QCOMPARE(list->first().rule, core::PricingRule::percent(core::Rate::fromPpm(50'000)));
        QCOMPARE(list->first().goods, 2);
        auto policies = pricing::goodsPricing(read, {3, 2, 1});
        QVERIFY(policies);
        QCOMPARE(policies->size(), 2);
        QCOMPARE(policies->at(0).goodsId, 3);
        QCOMPARE(policies->at(0).ruleId, std::optional<qint64>(id));
        QCOMPARE(policies->at(0).follow, core::FollowPolicy::Auto);

        QVERIFY(ok([&](WriteContext& ctx) { return pricing::deleteRule(ctx, m_cache->admin_, id); }));
        QCOMPARE(count(u"SELECT count(*) FROM pricing_rules"_s), 0);
        QCOMPARE(count(u"SELECT count(*) FROM goods_pricing WHERE rule_id IS NULL AND follow = 'auto'"_s), 2);
        QCOMPARE(count(u"SELECT count(*) FROM audit_log WHERE action = 'pricing_rule.save'"_s), 2);
        QCOMPARE(count(u"SELECT count(*) FROM audit_log WHERE action = 'pricing_rule.delete'"_s), 1);
        QCOMPARE(count(u"SELECT count(*) FROM audit_log WHERE action = 'pricing.policy'"_s), 1);

        const core::Actor finance{m_cache->admin_.operatorId, u"fin"_s, core::Role::Finance};
        auto refused = m_cache->run<qint64>([&](WriteContext& ctx) {
            return pricing::saveRule(ctx, finance, 0, u"x"_s, core::PricingRule::fixed(m("1")));
        });
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, core::ErrorCode::PermissionDenied);
    }

    void inputsInFewReads()
    {
        const pricing::RepriceInputs in = inputs({3, 1, 2, 1, 404});
        QCOMPARE(in.goods.size(), 3);
        QCOMPARE(in.missing, (QList<qint64>{404}));
        QCOMPARE(in.goods[0].pricing.goodsId, 3);
        QCOMPARE(in.goods[1].pricing.goodsId, 1);
        QCOMPARE(in.goods[1].pricing.cost, m("9.52")); // the mirror's, not the platform's 9.00
        QVERIFY(in.goods[1].costFromSupplier);
        QCOMPARE(in.goods[1].supplierId, u"fulu-main"_s);
        QCOMPARE(in.goods[1].upstream, (std::optional<core::UpstreamState>({m("9.52"), true})));
        QCOMPARE(in.goods[2].pricing.cost, m("18.00"));
        QVERIFY(!in.goods[2].costFromSupplier);
        QCOMPARE(in.goods[0].pricing.contractPrices, (QList<core::ContractPriceEntry>{{7, m("9.60")}}));
        QCOMPARE(in.tiers.size(), 3);
        QCOMPARE(in.tiers[2].discount.ppm(), 970'000);
    }

    void stageRepriceStagesExactlyThePriceFields()
    {
        const pricing::RepriceInputs in = inputs({1, 2});
        const auto tiers = core::ladderTierPrices(m("10.18"), in.tiers); // 10.03, 9.87
        const QList<pricing::PriceChange> changes{{1, m("10.50"), m("10.18"), tiers, {}, false},
                                                  {2, m("20.00"), m("21.00"), {}, {}, false}};
        auto staged = m_cache->run<pricing::StagedReprice>(
            [&](WriteContext& ctx) { return pricing::stageReprice(ctx, m_cache->admin_, changes); });
        QVERIFY(staged);
        QCOMPARE(staged->outboxIds.size(), 2);
        storage::ReadSession read(*m_cache->db_);
        auto items = storage::outbox::items(read, u"pending"_s);
        QVERIFY(items);
        QCOMPARE(items->size(), 2);
        QCOMPARE(items->at(0).path, QByteArray("/v1/goods/1"));
        QCOMPARE(
            QJsonDocument::fromJson(items->at(0).body).object(),
            (QJsonObject{{u"price"_s, u"10.1800"_s},
                         {u"tier_prices"_s, QJsonObject{{u"2"_s, u"10.0300"_s}, {u"3"_s, u"9.8700"_s}}}}));
        QCOMPARE(QJsonDocument::fromJson(items->at(1).body).object(),
                 (QJsonObject{{u"price"_s, u"21.0000"_s}}));
        QCOMPARE(count(u"SELECT price FROM goods WHERE id = 1"_s), 101'800); // 本地待同步
        QCOMPARE(count(u"SELECT count(*) FROM audit_log WHERE action = 'pricing.reprice'"_s), 1);
        QCOMPARE(count(u"SELECT count(*) FROM audit_log WHERE action = 'edit' AND entity = 'goods'"_s), 2);

        // Again with what was seen before: both are stale now; the same price is no edit.
        auto again = m_cache->run<pricing::StagedReprice>([&](WriteContext& ctx) {
            return pricing::stageReprice(ctx, m_cache->admin_,
                                         {changes[0], {2, m("21.00"), m("21.00"), {}, {}, false}});
        });
        QVERIFY(again);
        QCOMPARE(again->stale, (QList<qint64>{1}));
        QCOMPARE(again->unchanged, 1);
        QVERIFY(again->outboxIds.isEmpty());
        QVERIFY(inputs({1}).goods.first().pendingEdit);
    }

    void guardRefusesTheWholeJobUnlessOverridden()
    {
        // Goods 3 at 9.70: 黄金 pays 9.70 × 97 % = 9.41 below the cost 9.52.
        QList<pricing::PriceChange> changes{{1, m("10.50"), m("10.18"), {}, {}, false},
                                            {3, m("9.85"), m("9.70"), {}, {}, false}};
        auto refused = m_cache->run<pricing::StagedReprice>(
            [&](WriteContext& ctx) { return pricing::stageReprice(ctx, m_cache->admin_, changes); });
        QVERIFY(!refused);
        QCOMPARE(refused.error().detail, u"goods 3: tier 3 price 9.41 below cost 9.52"_s);
        QCOMPARE(count(u"SELECT count(*) FROM outbox"_s), 0);
        QCOMPARE(count(u"SELECT price FROM goods WHERE id = 1"_s), 105'000);

        changes[1].allowBelowCost = true;
        auto staged = m_cache->run<pricing::StagedReprice>(
            [&](WriteContext& ctx) { return pricing::stageReprice(ctx, m_cache->admin_, changes); });
        QVERIFY(staged);
        QCOMPARE(staged->outboxIds.size(), 2);
        QCOMPARE(staged->belowCost, (QList<qint64>{3}));
        QVERIFY(m_cache->scalar(u"SELECT detail FROM audit_log WHERE action = 'pricing.reprice'"_s)
                    .toString()
                    .contains(u"\"below_cost_override\":[3]"_s));

        auto zero = m_cache->run<pricing::StagedReprice>([&](WriteContext& ctx) {
            return pricing::stageReprice(ctx, m_cache->admin_, {{2, m("20.00"), m("0"), {}, {}, true}});
        });
        QVERIFY(!zero);
    }

    void cancelStagesNothing()
    {
        QList<pricing::PriceChange> changes;
        for (int i = 0; i < 60; ++i)
            changes.append({2, m("20.00"), m("21.00"), {}, {}, false});
        auto cancelled = m_cache->run<pricing::StagedReprice>([&](WriteContext& ctx) {
            return pricing::stageReprice(ctx, m_cache->admin_, changes, [](qint64, qint64) { return false; });
        });
        QVERIFY(!cancelled);
        QCOMPARE(count(u"SELECT count(*) FROM outbox"_s), 0);
    }

    void upstreamChangeIsActedOnOnce()
    {
        // Goods 1 follows a rule automatically (+0.66, tier prices from the ladder); goods 3 only alerts.
        const qint64 rule = saveRule(u"加 0.66"_s, R"({"kind":"fixed","amount":"0.66","sync_tiers":true})");
        QVERIFY(ok([&](WriteContext& ctx) -> core::Result<void> {
            auto r = pricing::setGoodsPricing(ctx, m_cache->admin_, {1}, rule, core::FollowPolicy::Auto);
            return r ? core::Result<void>() : r.error();
        }));
        QCOMPARE(count(u"SELECT count(*) FROM upstream_seen"_s), 2); // init's pass: the baseline
        QCOMPARE(count(u"SELECT count(*) FROM pricing_alerts"_s), 0);

        pricing::UpstreamPass pass;
        QVERIFY(mirror({product(u"P1"_s, "9.80"), product(u"P3"_s, "9.70")}, &pass));
        QCOMPARE(pass.goods, 2);
        QCOMPARE(pass.adjusted, 1);
        QCOMPARE(pass.alerts, 1);
        storage::ReadSession read(*m_cache->db_);
        auto items = storage::outbox::items(read, u"pending"_s);
        QVERIFY(items);
        QCOMPARE(items->size(), 1);
        // 9.80 + 0.66 = 10.46; 白银 10.46 × 98.5 % = 10.3031 -> 10.30; 黄金 × 97 % = 10.1462 -> 10.15.
        QCOMPARE(
            QJsonDocument::fromJson(items->first().body).object(),
            (QJsonObject{{u"price"_s, u"10.4600"_s},
                         {u"tier_prices"_s, QJsonObject{{u"2"_s, u"10.3000"_s}, {u"3"_s, u"10.1500"_s}}}}));
        QCOMPARE(m_cache->counter(pricing::AlertsCounter), 1);
        auto open = pricing::alerts(read, true, 100);
        QVERIFY(open);
        QCOMPARE(open->size(), 1);
        QCOMPARE(open->first().goodsId, 3);
        QCOMPARE(open->first().reason, u"cost"_s);
        QCOMPARE(open->first().oldCost, std::optional(m("9.52")));
        QCOMPARE(open->first().newCost, std::optional(m("9.70")));
        QCOMPARE(open->first().goodsName, u"货品3"_s);
        auto all = pricing::alerts(read, false, 100);
        QCOMPARE(all->size(), 2);
        QCOMPARE(all->last().action, u"adjusted"_s); // newest first: goods 1 came first
        QCOMPARE(all->last().suggested, std::optional(m("10.46")));
        QCOMPARE(count(u"SELECT count(*) FROM audit_log WHERE action = 'pricing.follow'"_s), 1);

        // The same catalogue again: nothing new.
        QVERIFY(mirror({product(u"P1"_s, "9.80"), product(u"P3"_s, "9.70")}, &pass));
        QCOMPARE(pass.adjusted + pass.alerts + pass.takenOff, 0);
        QCOMPARE(count(u"SELECT count(*) FROM outbox"_s), 1);
        QCOMPARE(count(u"SELECT count(*) FROM pricing_alerts"_s), 2);

        // Another move of P3 updates the open alert; P1 off shelf takes goods 1 off sale.
        QVERIFY(mirror({product(u"P1"_s, "9.80", false), product(u"P3"_s, "9.75")}, &pass));
        QCOMPARE(pass.takenOff, 1);
        QCOMPARE(m_cache->counter(pricing::AlertsCounter), 1);
        open = pricing::alerts(read, true, 100);
        QCOMPARE(open->size(), 1);
        QCOMPARE(open->first().oldCost, std::optional(m("9.52")));
        QCOMPARE(open->first().newCost, std::optional(m("9.75")));
        items = storage::outbox::items(read, u"pending"_s);
        QCOMPARE(items->size(), 2);
        QCOMPARE(QJsonDocument::fromJson(items->at(1).body).object(), (QJsonObject{{u"status"_s, u"off"_s}}));
        QCOMPARE(m_cache->scalar(u"SELECT status FROM goods WHERE id = 1"_s).toString(), u"off"_s);

        auto acked = m_cache->run<qint64>([&](WriteContext& ctx) {
            return pricing::acknowledge(ctx, m_cache->admin_, {open->first().id});
        });
        QCOMPARE(acked.valueOr(-1), 1);
        QCOMPARE(m_cache->counter(pricing::AlertsCounter), 0);
        QCOMPARE(pricing::alerts(read, true, 100)->size(), 0);
    }

    void autoPolicyOfAnOperatorWhoLeftOnlyAlerts()
    {
        storage::OperatorRepository operators(*m_cache->db_);
        auto id = operators.create(m_cache->admin_, u"xiaowang"_s, u"小王"_s, core::Role::Operator).result();
        QVERIFY(id);
        const core::Actor wang{*id, u"xiaowang"_s, core::Role::Operator};
        const qint64 rule = saveRule(u"百分之五"_s, R"({"kind":"percent","percent":"5%"})");
        QVERIFY(ok([&](WriteContext& ctx) -> core::Result<void> {
            auto r = pricing::setGoodsPricing(ctx, wang, {1}, rule, core::FollowPolicy::Auto);
            return r ? core::Result<void>() : r.error();
        }));
        QVERIFY(operators.setActive(m_cache->admin_, *id, false).result());
        pricing::UpstreamPass pass;
        QVERIFY(mirror({product(u"P1"_s, "9.00"), product(u"P3"_s, "9.52")}, &pass));
        QCOMPARE(pass.adjusted, 0);
        QCOMPARE(pass.alerts, 1);
        QCOMPARE(count(u"SELECT count(*) FROM outbox"_s), 0);
        QCOMPARE(m_cache->scalar(u"SELECT reason FROM pricing_alerts"_s).toString(), u"no_operator"_s);
        // 9.00 × 1.05 = 9.45
        QCOMPARE(count(u"SELECT suggested FROM pricing_alerts"_s), 94'500);
    }

    void relinkedGoodsStartsAgain()
    {
        QVERIFY(ok([&](WriteContext& ctx) -> core::Result<void> {
            core::Goods g =
                goods(3, "9.85", "9.00", R"([{"protocol":"fulu","product_ref":"P4","priority":1}])");
            g.version = 2;
            auto r = storage::platformcache::applyGoods(ctx, {g});
            return r ? core::Result<void>() : r.error();
        }));
        pricing::UpstreamPass pass;
        QVERIFY(
            mirror({product(u"P1"_s, "9.52"), product(u"P3"_s, "9.52"), product(u"P4"_s, "5.00")}, &pass));
        QCOMPARE(pass.baselined, 1);
        QCOMPARE(pass.alerts, 0);
        QCOMPARE(m_cache->scalar(u"SELECT product_id FROM upstream_seen WHERE goods_id = 3"_s).toString(),
                 u"P4"_s);
    }
};

QTEST_GUILESS_MAIN(TstPricingRules)
#include "tst_pricingrules.moc"
