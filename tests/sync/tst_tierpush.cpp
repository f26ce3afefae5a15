#include "storage/tierstore.h"
#include "sync/tierrequests.h"
#include "syncfixture.h"

using namespace syncfixture;

// The tier ladder pushed to the simulator over loopback (PUT /v1/tiers with If-Match), a version
// conflict in the operator's words, and a tier move made at the end of the round that ingested the
// order crossing the threshold, pushed on the next round.
class TestTierPush : public QObject
{
    Q_OBJECT
private:
    static core::TierLadder cachedLadder(Shop& shop)
    {
        storage::ReadSession read(*shop.db);
        return storage::tierstore::ladder(read).valueOr(core::TierLadder{});
    }

    // Pushes and waits; answers the error ("" when the platform took it).
    static QString push(Shop& shop, const core::TierLadder& ladder, qint64 baseVersion,
                        const core::Actor& actor)
    {
        QObject context;
        std::optional<QString> result;
        sync::tiers::pushLadder(*shop.transport, shop.db->writer(), actor, ladder, baseVersion, &context,
                                [&result](const QString& error) { result = error; });
        if (!QTest::qWaitFor([&result] { return result.has_value(); }, 10'000))
            return u"no answer"_s;
        return *result;
    }

    // Every tier needs both keys the simulator understands; tier 2 asks `own` of own GMV, the
    // higher tiers what nobody has.
    static core::TierLadder withThreshold(core::TierLadder ladder, const QString& own)
    {
        for (core::Tier& t : ladder.tiers) {
            if (t.rank == 2)
                t.upgrade = (u"{\"downline_gmv_30d\":\"0.0000\",\"own_gmv_30d\":\"%1\"}"_s.arg(own)).toUtf8();
            else if (t.rank > 2)
                t.upgrade = R"({"downline_gmv_30d":"99999999.0000","own_gmv_30d":"99999999.0000"})";
        }
        return ladder;
    }

private Q_SLOTS:
    void percentText()
    {
        QCOMPARE(sync::tiers::percentText(core::Rate::fromPpm(980'000)), u"98%"_s);
        QCOMPARE(sync::tiers::percentText(core::Rate::fromPpm(15'000)), u"1.5%"_s);
        QCOMPARE(sync::tiers::percentText(core::Rate::fromPpm(1)), u"0.0001%"_s);
        QCOMPARE(sync::tiers::percentText(core::Rate::fromPpm(0)), u"0%"_s);
        QCOMPARE(sync::tiers::percentText(core::Rate::fromPpm(1'000'000)), u"100%"_s);
    }

    void putsTheLadder()
    {
        Shop shop;
        QVERIFY(shop.start());
        QVERIFY(shop.round().ok());
        core::TierLadder ladder = cachedLadder(shop);
        QCOMPARE(ladder.tiers.size(), 5);
        QCOMPARE(ladder.version, 3);
        ladder.tiers[1].name = u"青铜代理·新"_s;
        ladder.tiers[1].discount = core::Rate::fromPpm(975'000);
        ladder.tiers[1].commissionRates = R"(["2.5%","1%"])";
        core::Tier top = ladder.tiers.last();
        top.id = 0; // new: the platform numbers it
        top.name = u"王者代理"_s;
        top.rank = 6;
        ladder.tiers.append(top);

        QCOMPARE(push(shop, ladder, 3, shop.admin), QString());
        QCOMPARE(shop.scalar(u"SELECT value FROM sync_state WHERE key = 'tiers.version'"_s).toLongLong(), 4);
        QCOMPARE(shop.scalar(u"SELECT count(*) FROM tiers"_s).toLongLong(), 6);
        QCOMPARE(
            shop.scalar(
                    u"SELECT name || ' ' || discount_ppm || ' ' || commission_rates FROM tiers WHERE rank = 2"_s)
                .toString(),
            u"青铜代理·新 975000 [\"2.5%\",\"1%\"]"_s);
        QCOMPARE(shop.scalar(u"SELECT id FROM tiers WHERE rank = 6"_s).toLongLong(), 6);
        QCOMPARE(shop.server.state().tiers().size(), 6);
        QCOMPARE(shop.server.state().tiers().at(1).discount.ppm(), 975'000);
        QCOMPARE(
            shop.scalar(
                    u"SELECT count(*) FROM audit_log WHERE action = 'tier_ladder_push' AND entity_id = '4'"_s)
                .toLongLong(),
            1);
    }

    void versionConflictIsExplained()
    {
        Shop shop;
        QVERIFY(shop.start());
        QVERIFY(shop.round().ok());
        const core::TierLadder ladder = cachedLadder(shop);
        // Someone else changes the ladder first (a web admin): the platform is at version 4.
        core::TierLadder theirs = ladder;
        theirs.tiers[0].name = u"会员"_s;
        QCOMPARE(shop.server.state()
                     .putTiers(3, QJsonDocument::fromJson(sync::tiers::ladderBody(theirs).value()).object())
                     .isOk(),
                 true);

        core::TierLadder mine = ladder;
        mine.tiers[1].name = u"铜牌"_s;
        const QString error = push(shop, mine, 3, shop.admin);
        QVERIFY2(error.contains(u"changed on the platform meanwhile (now version 4)"_s), qPrintable(error));
        // Nothing of mine went through; the cache now holds the platform's ladder.
        QCOMPARE(shop.server.state().tiers().at(1).name, QByteArray("青铜代理"));
        QCOMPARE(shop.scalar(u"SELECT value FROM sync_state WHERE key = 'tiers.version'"_s).toLongLong(), 4);
        QCOMPARE(shop.scalar(u"SELECT name FROM tiers WHERE rank = 1"_s).toString(), u"会员"_s);
        QCOMPARE(
            shop.scalar(u"SELECT count(*) FROM audit_log WHERE action = 'tier_ladder_push'"_s).toLongLong(),
            0);

        core::Actor operatorRole = shop.admin;
        operatorRole.role = core::Role::Operator;
        QVERIFY(push(shop, mine, 4, operatorRole).contains(u"may not change the tier ladder"_s));
        QCOMPARE(shop.server.state().tiers().at(1).name, QByteArray("青铜代理"));
    }

    void orderCrossingTheThresholdMovesAtTheEndOfItsRound()
    {
        Shop shop;
        QVERIFY(shop.start());
        QVERIFY(shop.round().ok()); // the first evaluation may move generated members up
        QVERIFY(shop.round().ok()); // …and pushes them
        // The tier-1 member with the highest own GMV; the new tier 2 asks 0.0001 more of it.
        const qint64 now = shop.clock.nowSeconds();
        qint64 memberId = 0;
        core::Money best = core::Money::fromUnits(-1);
        {
            storage::ReadSession read(*shop.db);
            const auto figures = storage::tierstore::figures(read, now);
            QVERIFY(figures.ok());
            for (const core::MemberFigures& f : figures.value())
                if (f.tierId == 1 && f.ownGmv30d > best)
                    best = f.ownGmv30d, memberId = f.memberId;
        }
        QVERIFY(memberId > 0);
        const QString threshold = (best + core::Money::fromUnits(1)).toString(4);
        QCOMPARE(push(shop, withThreshold(cachedLadder(shop), threshold), 3, shop.admin), QString());
        auto settled = shop.round();
        QVERIFY(settled.ok());
        QCOMPARE(settled.tierMoves, 0); // a full evaluation on the new ladder: nobody reaches it yet

        auto& st = shop.server.state();
        const qint32 goods = [&st] {
            for (qint32 i = 0; i < st.goods().size(); ++i)
                if (st.goods().at(i).on)
                    return i;
            return -1;
        }();
        QVERIFY(goods >= 0);
        const auto placed = st.createOrder(QJsonObject{{u"member_id"_s, memberId},
                                                       {u"goods_id"_s, st.goods().at(goods).id},
                                                       {u"quantity"_s, 1},
                                                       {u"pay_channel"_s, u"offline"_s}});
        QVERIFY(placed.isOk());
        auto crossing = shop.round();
        QVERIFY(crossing.ok());
        QCOMPARE(crossing.tierMoves, 1);
        QCOMPARE(shop.scalar(u"SELECT member_id || ':' || from_tier || '>' || to_tier FROM tier_moves "
                             u"ORDER BY id DESC LIMIT 1"_s)
                     .toString(),
                 u"%1:1>2"_s.arg(memberId));
        QVERIFY(shop.scalar(u"SELECT rule FROM tier_moves ORDER BY id DESC LIMIT 1"_s)
                    .toString()
                    .endsWith(u">=%1)"_s.arg(threshold)));
        QVERIFY(shop.round().ok()); // pushes the move
        QCOMPARE(st.members().at(memberId - 1).tierId, 2);
    }
};

QTEST_GUILESS_MAIN(TestTierPush)
#include "tst_tierpush.moc"
