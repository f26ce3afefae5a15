#include "core/clock.h"
#include "storage/goodsqueries.h"
#include "storage/stockalertstore.h"
#include "syncfixture.h"

using namespace syncfixture;
using cardops::core::StockAlertEvent;

// Low-stock alerts across real sync rounds (issue #9: "an alert fires once and clears once across
// 10 sync rounds that cross the threshold back and forth"), and the restock reads.
class TestStockAlertSync : public QObject
{
    Q_OBJECT
private:
    // The first goods on sale the platform delivers from its own stock.
    static qint32 platformGoods(sim::PlatformState& st)
    {
        for (qint32 i = 0; i < st.goods().size(); ++i)
            if (st.goods().at(i).on && !st.goods().at(i).ownerCardops && !st.goods().at(i).direct)
                return i;
        return -1;
    }

    static QList<StockAlertEvent> eventsOf(const sync::RoundSummary& s, qint64 goodsId)
    {
        QList<StockAlertEvent> out;
        for (const auto& c : s.stockAlerts)
            if (c.goodsId == goodsId)
                out << c.event;
        return out;
    }

private Q_SLOTS:
    void tenRoundsCrossingTheThreshold()
    {
        Shop shop;
        QVERIFY(shop.start());
        auto& st = shop.server.state();
        const qint32 gi = platformGoods(st);
        QVERIFY(gi >= 0);
        const qint64 goodsId = st.goods().at(gi).id;
        st.goodsAt(gi).lowStockThreshold = 5;
        st.goodsAt(gi).stockAvailable = 100;
        st.commitChange(core::Feed::Goods, gi);
        QVERIFY(shop.round().ok());
        QVERIFY(eventsOf(shop.round(), goodsId).isEmpty()); // a second round with nothing new: nothing

        // docs/goods.md: 8, 4, 3, 6, 5, 2, 2, 9, 1, 7 → raised, cleared, raised, cleared, raised, cleared
        // in rounds 2, 4, 6, 8, 9, 10; nothing else in any round.
        const QList<qint64> stock{8, 4, 3, 6, 5, 2, 2, 9, 1, 7};
        const QList<QList<StockAlertEvent>> expected{{},
                                                     {StockAlertEvent::Raised},
                                                     {},
                                                     {StockAlertEvent::Cleared},
                                                     {},
                                                     {StockAlertEvent::Raised},
                                                     {},
                                                     {StockAlertEvent::Cleared},
                                                     {StockAlertEvent::Raised},
                                                     {StockAlertEvent::Cleared}};
        qsizetype raised = 0;
        qsizetype cleared = 0;
        for (qsizetype round = 0; round < stock.size(); ++round) {
            st.goodsAt(gi).stockAvailable = stock.at(round);
            st.commitChange(core::Feed::Goods, gi);
            const sync::RoundSummary s = shop.round();
            QVERIFY2(s.ok(), qPrintable(s.error));
            const auto events = eventsOf(s, goodsId);
            QVERIFY2(events == expected.at(round), qPrintable(QString::number(round + 1)));
            QCOMPARE(s.stockAlerts.size(), events.size()); // no other goods changed
            raised += events.count(StockAlertEvent::Raised);
            cleared += events.count(StockAlertEvent::Cleared);
            const bool low = shop.scalar(u"SELECT json_extract(state, '$.low') FROM stock_alerts "
                                         u"WHERE goods_id = ?"_s,
                                         {goodsId})
                                 .toInt() == 1;
            QCOMPARE(low, stock.at(round) < 5);
        }
        QCOMPARE(raised, 3);
        QCOMPARE(cleared, 3);

        // Low again, then taken off sale: the alert clears once and stays quiet while off.
        st.goodsAt(gi).stockAvailable = 1;
        st.commitChange(core::Feed::Goods, gi);
        QCOMPARE(eventsOf(shop.round(), goodsId), QList<StockAlertEvent>{StockAlertEvent::Raised});
        st.goodsAt(gi).on = false;
        st.commitChange(core::Feed::Goods, gi);
        QCOMPARE(eventsOf(shop.round(), goodsId), QList<StockAlertEvent>{StockAlertEvent::Cleared});
        st.goodsAt(gi).stockAvailable = 0;
        st.commitChange(core::Feed::Goods, gi);
        QVERIFY(eventsOf(shop.round(), goodsId).isEmpty());

        // The active list has exactly the goods whose stored state is low.
        storage::ReadSession read(*shop.db);
        auto active = storage::stockalerts::active(read);
        QVERIFY(active.ok());
        QCOMPARE(active->size(),
                 shop.scalar(u"SELECT count(*) FROM stock_alerts WHERE json_extract(state, '$.low')"_s)
                     .toLongLong());
        for (const auto& a : *active)
            QVERIFY(a.goodsId != goodsId);
    }

    void aRestartKeepsTheState()
    {
        Shop shop;
        QVERIFY(shop.start());
        auto& st = shop.server.state();
        const qint32 gi = platformGoods(st);
        st.goodsAt(gi).lowStockThreshold = 10;
        st.goodsAt(gi).stockAvailable = 3;
        st.commitChange(core::Feed::Goods, gi);
        const sync::RoundSummary first = shop.round();
        QCOMPARE(eventsOf(first, st.goods().at(gi).id), QList<StockAlertEvent>{StockAlertEvent::Raised});
        QVERIFY(shop.reopen());
        QVERIFY(shop.round().stockAlerts.isEmpty()); // not raised again after a restart
    }

    void dailySalesAndResellers()
    {
        Shop shop;
        QVERIFY(shop.start());
        QVERIFY(shop.round().ok());
        storage::ReadSession read(*shop.db);
        // The goods with most paid orders.
        const QString sold = u"'"_s + storage::goodsqueries::soldStatuses().join(u"','"_s) + u"'"_s;
        const qint64 goodsId =
            shop.scalar(u"SELECT goods_id FROM orders WHERE status IN (%1) GROUP BY goods_id "
                        u"ORDER BY count(*) DESC LIMIT 1"_s.arg(sold))
                .toLongLong();
        QVERIFY(goodsId > 0);
        auto rows = read.select(
            u"SELECT created_at, quantity, status, member_id FROM orders WHERE goods_id = ?"_s, {goodsId});
        QVERIFY(rows.ok());
        const QStringList soldList = storage::goodsqueries::soldStatuses();
        QMap<qint64, qint64> byDay;
        qint64 firstDay = std::numeric_limits<qint64>::max();
        qint64 lastDay = 0;
        for (const auto& r : *rows) {
            const qint64 day = core::businessDay(r.value(0).toLongLong());
            firstDay = std::min(firstDay, day);
            lastDay = std::max(lastDay, day);
            if (soldList.contains(r.value(2).toString()))
                byDay[day] += r.value(1).toLongLong();
        }
        // A window that cuts the history in two: only its days count.
        const qint64 from = firstDay + (lastDay - firstDay) / 2;
        auto sales = storage::stockalerts::dailySales(read, goodsId, from, lastDay);
        QVERIFY(sales.ok());
        QMap<qint64, qint64> got;
        for (const auto& d : *sales)
            got.insert(d.day, d.quantity);
        QMap<qint64, qint64> want;
        for (auto it = byDay.begin(); it != byDay.end(); ++it)
            if (it.key() >= from && it.value() > 0)
                want.insert(it.key(), it.value());
        QCOMPARE(got, want);

        auto sellers = storage::stockalerts::resellers(read, goodsId, 0, 1000);
        QVERIFY(sellers.ok());
        bool seenLow = false;
        for (const auto& s : *sellers) {
            QCOMPARE(shop.scalar(u"SELECT kind FROM members WHERE id = ?"_s, {s.memberId}).toString(),
                     u"agent"_s);
            QVERIFY2(!(seenLow && s.middleOrHigh), "middle and high tiers come first");
            seenLow = seenLow || !s.middleOrHigh;
            QCOMPARE(s.units,
                     shop.scalar(u"SELECT SUM(quantity) FROM orders WHERE goods_id = ? AND member_id = ? "
                                 u"AND status IN (%1)"_s.arg(sold),
                                 {goodsId, s.memberId})
                         .toLongLong());
        }
    }
};

QTEST_GUILESS_MAIN(TestStockAlertSync)
#include "tst_stockalertsync.moc"
