#include "cachefixture.h"
#include "core/rulematrix.h"
#include "storage/fulfilmentrules.h"
#include "storage/platformcache.h"
#include "storage/supply.h"
#include "storage/writecontext.h"

#include <QRegularExpression>
#include <QtTest>

using namespace cardops;
using namespace Qt::StringLiterals;
using storage::WriteContext;
namespace rules = storage::fulfilmentrules;

namespace {

constexpr qint64 kBase = 1'764'000'000;

core::Order paidOrder(qint64 id, qint64 memberId, qint64 quantity, qint64 createdAt,
                      const QString& status = u"delivered"_s)
{
    core::Order o = cachefixture::order(id, 1, status);
    o.memberId = memberId;
    o.quantity = quantity;
    o.createdAt = createdAt;
    o.paidAt = status == u"unpaid" ? 0 : createdAt;
    return o;
}

core::Rule rule(const QString& id, core::Condition condition, core::Action action)
{
    core::Rule r;
    r.id = id;
    r.condition = std::move(condition);
    r.action = std::move(action);
    return r;
}

} // namespace

// The stored rule set and blacklist, and what the rules need about an order from the cache: the
// defaults when nothing is stored, succession and audit, normalised blacklist entries, the usual
// quantity, earlier orders, the linked supplier's balance, the 试运行 window; every statement's plan.
class TstFulfilmentRules : public QObject
{
    Q_OBJECT

    std::unique_ptr<cachefixture::Cache> m_cache;

    template<typename F> core::Result<void> write(F body)
    {
        return m_cache->run<void>(std::function<core::Result<void>(WriteContext&)>(body));
    }

    void ingest(const QList<core::Goods>& goods, const QList<core::Member>& members,
                const QList<core::Order>& orders)
    {
        auto done = write([=](WriteContext& ctx) -> core::Result<void> {
            if (auto r = storage::platformcache::ingestGoods(ctx, goods,
                                                             {core::Feed::Goods, u"g1"_s, false, false, {}});
                !r)
                return r.error();
            if (auto r = storage::platformcache::ingestMembers(
                    ctx, members, {core::Feed::Members, u"m1"_s, false, false, {}});
                !r)
                return r.error();
            if (auto r = storage::platformcache::ingestOrders(
                    ctx, orders, {core::Feed::Orders, u"o1"_s, false, false, {}});
                !r)
                return r.error();
            return {};
        });
        QVERIFY2(done.ok(), qPrintable(done.ok() ? QString() : done.error().detail));
    }

    core::OrderContext contextOf(const core::Order& order)
    {
        storage::ReadSession read(*m_cache->db_);
        auto c = rules::orderContext(read, order);
        if (!c)
            qWarning() << c.error().detail;
        return c ? c.value() : core::OrderContext{};
    }

    core::Result<void> add(const QString& list, const QString& value, const QString& note = {})
    {
        const core::Actor admin = m_cache->admin_;
        return write([=](WriteContext& ctx) { return rules::addToBlacklist(ctx, admin, list, value, note); });
    }

private Q_SLOTS:
    void init()
    {
        m_cache = std::make_unique<cachefixture::Cache>();
        QVERIFY(m_cache->open());
    }

    void defaultsWhenNothingIsStored()
    {
        storage::ReadSession read(*m_cache->db_);
        QCOMPARE(rules::current(read).value(), core::RuleSet::defaults());
        QVERIFY(rules::history(read)->isEmpty());
        QVERIFY(!rules::version(read, 1)->has_value());
        QVERIFY(rules::blacklist(read)->isEmpty());
        QVERIFY(rules::blacklistEntries(read)->isEmpty());
        auto inJob = m_cache->run<qint64>([](WriteContext& ctx) -> core::Result<qint64> {
            auto set = rules::current(ctx);
            return set ? core::Result<qint64>(set->version()) : core::Result<qint64>(set.error());
        });
        QCOMPARE(inJob.value(), 1);
    }

    void saveMakesTheNextVersionAndIsAudited()
    {
        const core::Actor admin = m_cache->admin_;
        QList<core::Rule> list = core::RuleSet::defaults().rules();
        list << rule(u"big"_s, core::Condition::quantityAbove(10), core::Action::review(u"big_order"_s));
        const core::RuleSet v2 = core::RuleSet::defaults().revised(list).value();
        QVERIFY(write([=](WriteContext& ctx) { return rules::save(ctx, admin, v2); }).ok());

        // The same version again, or the defaults' own, is not a successor.
        auto again = write([=](WriteContext& ctx) { return rules::save(ctx, admin, v2); });
        QCOMPARE(again.error().code, core::ErrorCode::Conflict);
        auto stale =
            write([=](WriteContext& ctx) { return rules::save(ctx, admin, core::RuleSet::defaults()); });
        QCOMPARE(stale.error().code, core::ErrorCode::Conflict);

        // A role that may not change settings changes nothing.
        const core::Actor finance{admin.operatorId, u"cashier"_s, core::Role::Finance};
        const core::RuleSet v3 = v2.revised(v2.rules().mid(1)).value();
        auto denied = write([=](WriteContext& ctx) { return rules::save(ctx, finance, v3); });
        QCOMPARE(denied.error().code, core::ErrorCode::PermissionDenied);

        m_cache->clock.advanceSeconds(60);
        QVERIFY(write([=](WriteContext& ctx) { return rules::save(ctx, admin, v3); }).ok());

        storage::ReadSession read(*m_cache->db_);
        QCOMPARE(rules::current(read).value(), v3);
        QCOMPARE(rules::version(read, 2)->value(), v2);
        QVERIFY(!rules::version(read, 4)->has_value());
        const auto history = rules::history(read).value();
        QCOMPARE(history.size(), 2);
        QCOMPARE(history[0].version, 3);
        QCOMPARE(history[1].version, 2);
        QCOMPARE(history[0].createdAt - history[1].createdAt, 60);
        QCOMPARE(history[0].operatorName, u"管理员"_s);
        QCOMPARE(m_cache->scalar(u"SELECT count(*) FROM audit_log WHERE action = 'rules.save'"_s).toInt(), 2);
        QCOMPARE(
            m_cache->scalar(u"SELECT detail FROM audit_log WHERE action = 'rules.save' AND entity_id = '3'"_s)
                .toString(),
            uR"({"previous":2,"rules":4,"version":3})"_s);
    }

    void blacklistNormalisesAndRefusesDuplicates()
    {
        QVERIFY(add(u"member"_s, u" １２３ "_s, u"chargeback"_s).ok());
        QVERIFY(add(u"contact"_s, u" QQ 12345 "_s).ok());
        QVERIFY(add(u"account"_s, u"１３９ 0000 1111"_s, u"  stolen card  "_s).ok());

        QCOMPARE(add(u"contact"_s, u"qq12345"_s).error().code, core::ErrorCode::Conflict);
        QCOMPARE(add(u"member"_s, u"123"_s).error().code, core::ErrorCode::Conflict);
        QCOMPARE(add(u"contact"_s, u"  "_s).error().code, core::ErrorCode::InvalidArgument);
        QCOMPARE(add(u"member"_s, u"abc"_s).error().code, core::ErrorCode::InvalidArgument);
        QCOMPARE(add(u"member"_s, u"0"_s).error().code, core::ErrorCode::InvalidArgument);
        QCOMPARE(add(u"phone"_s, u"1"_s).error().code, core::ErrorCode::InvalidArgument);
        // The same text on another list is another entry: the lists are kept apart.
        QVERIFY(add(u"account"_s, u"qq12345"_s).ok());

        storage::ReadSession read(*m_cache->db_);
        const core::Blacklist b = rules::blacklist(read).value();
        QVERIFY(b.hasMember(123));
        QVERIFY(b.hasContact(u"Qq12345"_s));
        QVERIFY(b.hasChargeAccount(u"13900001111"_s));
        QVERIFY(b.hasChargeAccount(u"QQ12345"_s));
        const auto entries = rules::blacklistEntries(read).value();
        QCOMPARE(entries.size(), 4);
        QCOMPARE(entries[0].list, u"account"_s);
        QCOMPARE(entries[0].value, u"13900001111"_s);
        QCOMPARE(entries[0].note, u"stolen card"_s);
        QCOMPARE(entries[0].operatorName, u"管理员"_s);
        QCOMPARE(entries[0].createdAt, m_cache->clock.nowSeconds());
        QCOMPARE(entries[3].list, u"member"_s);
        QCOMPARE(entries[3].value, u"123"_s);

        const core::Actor admin = m_cache->admin_;
        QVERIFY(write([=](WriteContext& ctx) {
                    return rules::removeFromBlacklist(ctx, admin, u"contact"_s, u"ＱＱ１２３４５"_s);
                }).ok());
        auto gone = write([=](WriteContext& ctx) {
            return rules::removeFromBlacklist(ctx, admin, u"contact"_s, u"qq12345"_s);
        });
        QCOMPARE(gone.error().code, core::ErrorCode::NotFound);
        const core::Actor finance{admin.operatorId, u"cashier"_s, core::Role::Finance};
        auto denied = write(
            [=](WriteContext& ctx) { return rules::addToBlacklist(ctx, finance, u"contact"_s, u"x"_s, {}); });
        QCOMPARE(denied.error().code, core::ErrorCode::PermissionDenied);

        QVERIFY(!rules::blacklist(read)->hasContact(u"qq12345"_s));
        QCOMPARE(m_cache->scalar(u"SELECT count(*) FROM audit_log WHERE action = 'blacklist.add'"_s).toInt(),
                 4);
        QCOMPARE(m_cache->scalar(u"SELECT entity_id FROM audit_log WHERE action = 'blacklist.remove'"_s)
                     .toString(),
                 u"contact:qq12345"_s);
    }

    void usualQuantityAndEarlierOrders()
    {
        QList<core::Order> orders;
        // 25 paid orders of member 7, quantities 1..25 cycling 1, 2, 3; the last 20 before order 100
        // are 6..25. Unpaid and cancelled ones, another member's, and later ones do not count.
        for (qint64 i = 1; i <= 25; ++i)
            orders << paidOrder(i, 7, (i % 3) + 1, kBase + i * 60);
        orders << paidOrder(30, 7, 99, kBase + 30 * 60, u"unpaid"_s)
               << paidOrder(31, 7, 99, kBase + 31 * 60, u"cancelled"_s)
               << paidOrder(32, 8, 99, kBase + 32 * 60) << paidOrder(33, 7, 99, kBase + 5000 * 60)
               << paidOrder(34, 7, 5, kBase + 40 * 60, u"refunded"_s);
        // Same second as order 100: a lower id came first, a higher one after.
        const qint64 at = kBase + 100 * 60;
        orders << paidOrder(99, 7, 3, at) << paidOrder(101, 7, 99, at);
        const core::Order current = paidOrder(100, 7, 4, at, u"paid"_s);
        orders << current;
        ingest({cachefixture::goods(3, 1)}, {cachefixture::member(7, 1), cachefixture::member(8, 1)}, orders);

        // Earlier paid orders: 25 + the refunded 34 + the same-second 99.
        const core::OrderContext c = contextOf(current);
        QCOMPARE(c.previousPaidOrders, 27);
        // The last 20: 99 (3), 34 (5), then orders 25 down to 8.
        QList<qint64> window = {3, 5};
        for (qint64 i = 25; i >= 8; --i)
            window << (i % 3) + 1;
        std::sort(window.begin(), window.end());
        const qint64 expected = window[9] + (window[10] - window[9] + 1) / 2;
        QCOMPARE(c.usualQuantity, expected);
        QCOMPARE(c.goods.id, 3);
        QCOMPARE(c.goods.name, u"腾讯Q币 100元"_s);
        QCOMPARE(c.member.name, u"会员7"_s);

        // The first order has no history; an odd count takes the middle one.
        QCOMPARE(contextOf(orders[0]).usualQuantity, 0);
        QCOMPARE(contextOf(orders[0]).previousPaidOrders, 0);
        QCOMPARE(contextOf(orders[3]).usualQuantity, 2); // quantities 2, 3, 1
    }

    void supplierBalanceOfTheFirstLink()
    {
        core::Goods linked = cachefixture::goods(3, 1);
        linked.supplierLinks = R"([{"protocol":"fulu","product_ref":"F1","priority":2},)"
                               R"({"protocol":"acgfaka","product_ref":"A1","priority":1}])";
        core::Goods fuluOnly = cachefixture::goods(4, 1);
        fuluOnly.supplierLinks = R"([{"protocol":"fulu","product_ref":10000587,"priority":1}])";
        core::Goods orphan = cachefixture::goods(5, 1);
        orphan.supplierLinks = R"([{"protocol":"other","product_ref":"X","priority":1}])";
        ingest({linked, fuluOnly, orphan, cachefixture::goods(6, 1)}, {cachefixture::member(7, 1)}, {});
        auto orderOf = [](qint64 goods) {
            core::Order o = paidOrder(goods * 10, 7, 1, kBase);
            o.goodsId = goods;
            return o;
        };
        // Nothing read yet: unknown.
        QVERIFY(!contextOf(orderOf(3)).supplierBalance);

        QVERIFY(
            write([](WriteContext& ctx) -> core::Result<void> {
                if (auto r = storage::supply::recordBalance(ctx, u"acg-a"_s, u"acg-faka"_s, 500, {}, 1); !r)
                    return r;
                if (auto r = storage::supply::recordBalance(ctx, u"acg-b"_s, u"acg-faka"_s, 700, {}, 1); !r)
                    return r;
                return storage::supply::recordError(ctx, u"fulu-main"_s, u"fulu"_s, u"timeout"_s, 1);
            }).ok());
        // The first supplier of the protocol when none mirrors the product; unknown balance stays unknown.
        QCOMPARE(contextOf(orderOf(3)).supplierBalance, std::optional(core::Money::fromUnits(500)));
        QVERIFY(!contextOf(orderOf(4)).supplierBalance);
        QVERIFY(!contextOf(orderOf(5)).supplierBalance);
        QVERIFY(!contextOf(orderOf(6)).supplierBalance);

        // The supplier that mirrors the product wins.
        storage::supply::MirroredProduct a1;
        a1.productId = u"A1"_s;
        a1.name = u"A1"_s;
        QVERIFY(write([=](WriteContext& ctx) {
                    return storage::supply::mirrorCatalogue(ctx, u"acg-b"_s, {a1}, 2);
                }).ok());
        QCOMPARE(contextOf(orderOf(3)).supplierBalance, std::optional(core::Money::fromUnits(700)));
        QVERIFY(write([](WriteContext& ctx) {
                    return storage::supply::recordBalance(ctx, u"fulu-main"_s, u"fulu"_s, 9, {}, 3);
                }).ok());
        QCOMPARE(contextOf(orderOf(4)).supplierBalance, std::optional(core::Money::fromUnits(9)));

        // A goods the cache does not hold: its id, nothing else.
        const core::OrderContext missing = contextOf(orderOf(77));
        QCOMPARE(missing.goods.id, 77);
        QVERIFY(missing.goods.name.isEmpty());
    }

    void blacklistInTheContext()
    {
        core::Member listedContact = cachefixture::member(8, 1);
        listedContact.contact = u"ＱＱ 555"_s;
        ingest({cachefixture::goods(3, 1)}, {cachefixture::member(7, 1), listedContact}, {});
        QVERIFY(add(u"member"_s, u"7"_s).ok());
        QVERIFY(add(u"contact"_s, u"qq555"_s).ok());
        QVERIFY(add(u"account"_s, u"acct-1"_s).ok());

        const core::RuleSet set = core::RuleSet::make(2, {rule(u"bl"_s, core::Condition::blacklisted(),
                                                               core::Action::refund(u"bl"_s))})
                                      .value();
        auto decided = [&](const core::Order& o) {
            return core::decide(set, o, contextOf(o)).action;
        };
        core::Order byMember = paidOrder(1, 7, 1, kBase);
        core::Order byMemberContact = paidOrder(2, 8, 1, kBase);
        core::Order byAccount = paidOrder(3, 9, 1, kBase);
        byAccount.chargeAccount = u"ACCT-1 "_s;
        core::Order byOrderContact = paidOrder(4, 9, 1, kBase);
        byOrderContact.contact = u"qq 555"_s;
        core::Order clean = paidOrder(5, 9, 1, kBase);
        clean.contact = u"qq556"_s;
        QCOMPARE(decided(byMember), core::DecisionAction::Refund);
        QCOMPARE(decided(byMemberContact), core::DecisionAction::Refund);
        QCOMPARE(decided(byAccount), core::DecisionAction::Refund);
        QCOMPARE(decided(byOrderContact), core::DecisionAction::Refund);
        QCOMPARE(decided(clean), core::DecisionAction::Deliver);
    }

    void dryRunWindowAndLimit()
    {
        QList<core::Order> orders;
        for (qint64 i = 1; i <= 12; ++i)
            orders << paidOrder(i, 7 + i % 2, i, kBase + i * 100);
        orders << paidOrder(20, 7, 1, kBase + 550, u"unpaid"_s)
               << paidOrder(21, 7, 1, kBase + 650, u"cancelled"_s);
        core::Member m8 = cachefixture::member(8, 1);
        m8.contact = u"bad@example.com"_s;
        ingest({cachefixture::goods(3, 1)}, {cachefixture::member(7, 1), m8}, orders);
        QVERIFY(add(u"contact"_s, u"BAD@example.com"_s).ok());

        storage::ReadSession read(*m_cache->db_);
        // [kBase + 300, kBase + 1000): orders 3..9, newest first.
        auto inputs = rules::dryRunInputs(read, kBase + 300, kBase + 1000, 100).value();
        QCOMPARE(inputs.size(), 7);
        QCOMPARE(inputs.first().order.id, 9);
        QCOMPARE(inputs.last().order.id, 3);
        auto limited = rules::dryRunInputs(read, kBase + 300, kBase + 1000, 2).value();
        QCOMPARE(limited.size(), 2);
        QCOMPARE(limited[1].order.id, 8);
        QVERIFY(rules::dryRunInputs(read, kBase + 300, kBase + 300, 10)->isEmpty());

        // Each context says what orderContext says.
        const core::RuleSet set =
            core::RuleSet::make(
                2, {rule(u"bl"_s, core::Condition::blacklisted(), core::Action::refund(u"bl"_s)),
                    rule(u"usual"_s, core::Condition::quantityAboveUsual(core::Rate::fromPpm(1'000'000)),
                         core::Action::review(u"usual"_s))})
                .value();
        for (const core::DryRunInput& in : inputs) {
            const core::OrderContext single = contextOf(in.order);
            QCOMPARE(in.context.usualQuantity, single.usualQuantity);
            QCOMPARE(in.context.previousPaidOrders, single.previousPaidOrders);
            QCOMPARE(in.context.member.id, in.order.memberId);
            QCOMPARE(core::decide(set, in.order, in.context).action,
                     core::decide(set, in.order, single).action);
        }
        const core::DryRunSummary summary = core::dryRun(set, inputs, 3);
        QCOMPARE(summary.orders, 7);
        // Member 8's orders (3, 5, 7, 9) by the contact on its member; member 7's (4, 6, 8) each
        // above the median of the member's earlier ones (2; 2 and 4 → 3; 2, 4, 6 → 4).
        QCOMPARE(summary.refunded, 4);
        QCOMPARE(summary.reviewed, 3);
    }

    void everyStatementUsesAnIndex()
    {
        const core::Order o = paidOrder(100, 7, 1, kBase);
        storage::ReadSession read(*m_cache->db_);
        const QStringList expected = {u"SEARCH m USING INTEGER PRIMARY KEY"_s, u"supplier_products_product"_s,
                                      u"USING INDEX orders_member (member_id=? AND created_at<?)"_s,
                                      u"USING PRIMARY KEY (list=? AND value=?)"_s,
                                      u"USING INDEX orders_created (created_at>? AND created_at<?)"_s};
        const QList<rules::Statement> statements = rules::contextStatements(o);
        QCOMPARE(statements.size(), expected.size());
        for (qsizetype i = 0; i < statements.size(); ++i) {
            const rules::Statement& s = statements[i];
            auto plan = read.select(u"EXPLAIN QUERY PLAN "_s + s.sql, s.binds);
            QVERIFY2(plan.ok(), qPrintable(plan.ok() ? QString() : plan.error().detail));
            QStringList details;
            for (const QVariantList& row : *plan)
                details << row.value(3).toString();
            const QString text = details.join(u'\n');
            QVERIFY2(text.contains(expected[i]), qPrintable(s.sql + u'\n' + text));
            // supplier_status is scanned: a profile has a handful of suppliers.
            static const QRegularExpression bigScan(
                u"SCAN (orders|goods|members|blacklist|supplier_products)\\b"_s);
            QVERIFY2(!text.contains(bigScan), qPrintable(s.sql + u'\n' + text));
            // Orders come in index order; only the few suppliers mirroring one product are sorted.
            if (s.sql.contains(u"FROM orders"_s))
                QVERIFY2(!text.contains(u"TEMP B-TREE"_s), qPrintable(s.sql + u'\n' + text));
        }
    }
};

QTEST_GUILESS_MAIN(TstFulfilmentRules)
#include "tst_fulfilmentrules.moc"
