// The bridge's money side on a private MariaDB (acg-faka-model.md §1.8, §1.9, §2.7, §4.8, §4.9): the
// ledger and withdrawals feeds over acg_bill and acg_cash, withdrawal approve and reject exactly as
// acg's admin writes them (cash row, 兑现被拒绝 bill, coin and total_coin), idempotent repeats, the
// compaction of the feed, and CardOps's own sync and decision calls against the bridge.
#include "bridge/bridgeapi.h"
#include "bridge/bridgedb.h"
#include "bridge/bridgeservice.h"
#include "bridge/compaction.h"
#include "bridge/installer.h"
#include "bridge/sequencer.h"
#include "core/clock.h"
#include "storage/database.h"
#include "storage/databasewriter.h"
#include "storage/readsession.h"
#include "storage/withdrawalstore.h"
#include "sync/memberrequests.h"
#include "sync/syncengine.h"
#include "sync/transport/platformtransport.h"
#include "tests/bridge/bridgefixture.h"
#include "tests/bridge/bridgetestutil.h"
#include "tests/bridge/mariadbserver.h"

#include <QDateTime>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace cardops;
using namespace Qt::StringLiterals;
using test::envelopeOf;
using test::signedRequest;

namespace {

constexpr qint64 kNow = test::BridgeFixture::kNow;
constexpr const char* kNowText = "2026-11-29 05:06:40"; // the same, as acg writes it

QJsonObject byId(const QJsonArray& items, qint64 id)
{
    for (const QJsonValue& v : items)
        if (v.toObject().value(u"id").toInteger() == id)
            return v.toObject();
    return {};
}

} // namespace

class TestBridgeMoney : public QObject, public test::BridgeFixture
{
    Q_OBJECT
private:
    // The newest feed position of each entity: "entity/id" → pos.
    QMap<QString, qint64> newestPositions()
    {
        QMap<QString, qint64> out;
        QSqlQuery q(QSqlDatabase::database(u"writer"_s, false));
        if (!q.exec(u"SELECT entity, entity_id, MAX(pos) FROM cardops_feed GROUP BY entity, entity_id"_s))
            return out;
        while (q.next())
            out.insert(q.value(0).toString() + u'/' + q.value(1).toString(), q.value(2).toLongLong());
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        CARDOPS_REQUIRE_MARIADB();
        QString error;
        QVERIFY2(startDatabase(&error), qPrintable(error));
        // acg-faka 3.6.0's payout columns of acg_user (§1.5), which the shared fixture leaves out.
        exec(u"ALTER TABLE acg_user ADD COLUMN alipay VARCHAR(64) NULL, ADD COLUMN wechat VARCHAR(64) NULL, "
            "ADD COLUMN wallet_address VARCHAR(128) NULL"_s);
        exec(u"UPDATE acg_user SET alipay = 'alice@alipay', wechat = 'alice-wx' WHERE id = 1000"_s);
        exec(u"UPDATE acg_user SET wechat = 'bob-wx' WHERE id = 1001"_s);
        // One bill of every kind acg-faka 3.6.0 writes (§1.8), as acg inserts them.
        exec(u"INSERT INTO acg_bill (id, owner, amount, balance, type, currency, log, create_time) VALUES "
            "(3, 1000, 100.00, 112.30, 1, 0, '充值', '2026-11-28 09:00:00'),"
            "(4, 1000, 5.00, 117.30, 1, 0, '充值赠送', '2026-11-28 09:00:00'),"
            "(5, 1001, 0.10, 0.10, 1, 1, '自营商品出售[300261128150000002]', '2026-11-28 15:00:00'),"
            "(6, 1001, 0.20, 0.30, 1, 1, '分站商品出售[500261128170000004]', '2026-11-28 17:00:00'),"
            "(7, 1000, 10.50, 0.00, 0, 1, '兑现', '2026-11-20 10:00:00'),"
            "(8, 1001, 0.30, 0.00, 0, 1, '自动结算', '2026-11-28 18:00:00'),"
            "(9, 1000, 3.15, 3.15, 1, 1, '兑现被拒绝', '2026-11-28 19:00:00'),"
            "(10, 1000, 2.00, 14.30, 1, 0, '硬币兑现到钱包', '2026-11-28 19:30:00'),"
            "(11, 1001, 50.00, 0.00, 0, 0, '购买商户等级', '2026-11-28 20:00:00'),"
            "(12, 1000, 1.00, 13.30, 0, 0, '转账给ID:1002', '2026-11-28 21:00:00'),"
            "(13, 1002, 1.00, 6.05, 1, 0, '来自ID:1000的转账', '2026-11-28 21:00:00'),"
            "(14, 1002, 0.01, 6.04, 0, 0, '手动扣款', '2026-11-28 22:00:00'),"
            "(15, 1000, 0.50, 0.50, 1, 1, '推广分成[999261128230000009]', '2026-11-28 23:00:00')"_s);
        // Two more withdrawals: a pending WeChat request and a settled one into the balance.
        exec(u"INSERT INTO acg_cash (id, user_id, amount, type, card, create_time, arrive_time, cost, status, "
            "message) VALUES (4, 1000, 3.00, 1, 1, '2026-11-23 10:00:00', NULL, 0.15, 0, NULL),"
            "(5, 1001, 2.00, 0, 2, '2026-11-24 10:00:00', '2026-11-24 10:00:00', 0.00, 1, NULL)"_s);
        QVERIFY2(installBridge(&error), qPrintable(error));
    }
    void cleanupTestCase() { stop(); }

    void capabilities()
    {
        const QJsonArray caps = get("/v1/shop").value(u"capabilities").toArray();
        QVERIFY(caps.contains(u"ledger"_s));
        QVERIFY(caps.contains(u"withdrawals"_s));
        QCOMPARE(std::count(caps.begin(), caps.end(), QJsonValue(u"withdrawals"_s)), 1);
    }

    void ledgerItemsOfEveryKind()
    {
        const QJsonArray items = drain("ledger");
        QCOMPARE(items.size(), 15);
        QCOMPARE(byId(items, 1), (QJsonObject{{u"id"_s, 1},
                                              {u"member_id"_s, 1000},
                                              {u"kind"_s, u"purchase"_s},
                                              {u"amount"_s, u"-9.9000"_s},
                                              {u"order_id"_s, 1},
                                              {u"created_at"_s, 1795842895},
                                              {u"wallet"_s, u"balance"_s},
                                              {u"balance_after"_s, u"12.3000"_s},
                                              {u"note"_s, u"商品下单[128261128131455842]"_s},
                                              {u"order_no"_s, u"128261128131455842"_s},
                                              {u"version"_s, byId(items, 1).value(u"version")},
                                              {u"updated_at"_s, byId(items, 1).value(u"updated_at")}}));
        QVERIFY(byId(items, 1).value(u"version").toInteger() > 0);
        struct Want
        {
            qint64 id;
            const char* kind;
            const char* amount;
            qint64 order;
            const char* wallet;
            const char* after;
        };
        const Want wants[] = {
            {2, "commission", "0.1000", 3, "coin", "0.3500"},
            {3, "recharge", "100.0000", 0, "balance", "112.3000"},
            {4, "recharge", "5.0000", 0, "balance", "117.3000"},
            {5, "commission", "0.1000", 3, "coin", "0.1000"},
            {6, "commission", "0.2000", 0, "coin", "0.3000"}, // a sub-site order: not served
            {7, "withdrawal", "-10.5000", 0, "coin", "0.0000"},
            {8, "withdrawal", "-0.3000", 0, "coin", "0.0000"},
            {9, "withdrawal", "3.1500", 0, "coin", "3.1500"},
            {10, "withdrawal", "2.0000", 0, "balance", "14.3000"},
            {11, "purchase", "-50.0000", 0, "balance", "0.0000"},
            {12, "adjustment", "-1.0000", 0, "balance", "13.3000"},
            {13, "adjustment", "1.0000", 0, "balance", "6.0500"},
            {14, "adjustment", "-0.0100", 0, "balance", "6.0400"},
            {15, "commission", "0.5000", 0, "coin", "0.5000"}, // no such order
        };
        for (const Want& w : wants) {
            const QJsonObject o = byId(items, w.id);
            QCOMPARE(o.value(u"kind").toString(), QLatin1StringView(w.kind));
            QCOMPARE(o.value(u"amount").toString(), QLatin1StringView(w.amount));
            QCOMPARE(o.value(u"order_id").toInteger(), w.order);
            QCOMPARE(o.value(u"wallet").toString(), QLatin1StringView(w.wallet));
            QCOMPARE(o.value(u"balance_after").toString(), QLatin1StringView(w.after));
        }
        QCOMPARE(byId(items, 6).value(u"order_no").toString(), u"500261128170000004"_s);
        QCOMPARE(byId(items, 7).value(u"created_at").toInteger(), 1795140000); // 2026-11-20 10:00 +08
        QCOMPARE(byId(items, 13).value(u"member_id").toInteger(), 1002);
        QCOMPARE(byId(items, 12).value(u"order_no").toString(), QString());
    }

    void ledgerPaging()
    {
        QByteArray cursor;
        const QList<QJsonArray> paged = pages("ledger", &cursor, 4);
        QCOMPARE(paged.size(), 4); // 4 + 4 + 4 + 3
        QList<qint64> seen;
        qint64 lastVersion = 0;
        for (const QJsonArray& page : paged)
            for (const QJsonValue& v : page) {
                seen << v.toObject().value(u"id").toInteger();
                QVERIFY(v.toObject().value(u"version").toInteger() > lastVersion);
                lastVersion = v.toObject().value(u"version").toInteger();
            }
        QCOMPARE(seen.size(), 15);
        std::sort(seen.begin(), seen.end());
        QCOMPARE(seen.first(), 1);
        QCOMPARE(seen.last(), 15);
        QVERIFY(std::adjacent_find(seen.begin(), seen.end()) == seen.end());
        // At the end: an empty page keeps the cursor.
        const QJsonObject tail = get("/v1/ledger?cursor=" + cursor);
        QCOMPARE(tail.value(u"items").toArray().size(), 0);
        QCOMPARE(tail.value(u"next_cursor").toString().toLatin1(), cursor);
        // The simulator's feed parameters only.
        QCOMPARE(send("GET", "/v1/ledger?member_id=1000").status, 400);
        QCOMPARE(send("GET", "/v1/withdrawals?limit=0").status, 400);
    }

    void withdrawalsFeed()
    {
        const QJsonArray items = drain("withdrawals");
        QCOMPARE(items.size(), 5);
        const QJsonObject one = byId(items, 1);
        QCOMPARE(one, (QJsonObject{{u"id"_s, 1},
                                   {u"member_id"_s, 1000},
                                   {u"amount"_s, u"10.0000"_s},
                                   {u"status"_s, u"pending"_s},
                                   {u"created_at"_s, 1795140000},
                                   {u"decided_at"_s, 0},
                                   {u"fee"_s, u"0.5000"_s},
                                   {u"method"_s, u"alipay"_s},
                                   {u"payout_account"_s, u"alice@alipay"_s},
                                   {u"reason"_s, u""_s},
                                   {u"source"_s, u"request"_s},
                                   {u"version"_s, one.value(u"version")},
                                   {u"updated_at"_s, one.value(u"updated_at")}}));
        QCOMPARE(byId(items, 2).value(u"status").toString(), u"approved"_s);
        QCOMPARE(byId(items, 2).value(u"decided_at").toInteger(), 1795233600); // 2026-11-21 12:00 +08
        const QJsonObject three = byId(items, 3);
        QCOMPARE(three.value(u"status").toString(), u"rejected"_s);
        QCOMPARE(three.value(u"reason").toString(), u"账号错误"_s);
        QCOMPARE(three.value(u"method").toString(), u"wechat"_s);
        QCOMPARE(three.value(u"payout_account").toString(), u"bob-wx"_s);
        QCOMPARE(three.value(u"fee"_s).toString(), u"0.1500"_s);
        QCOMPARE(byId(items, 4).value(u"payout_account").toString(), u"alice-wx"_s);
        const QJsonObject five = byId(items, 5);
        QCOMPARE(five.value(u"method").toString(), u"balance"_s);
        QCOMPARE(five.value(u"payout_account").toString(), QString());
        QCOMPARE(five.value(u"source").toString(), u"settlement"_s);
    }

    void approveWritesExactlyAcgsRow()
    {
        const qint64 before = byId(drain("withdrawals"), 1).value(u"version").toInteger();
        const int bills = one(u"SELECT COUNT(*) FROM acg_bill"_s).toInt();
        const sim::SimResponse r = send("POST", "/v1/withdrawals/1/approve", "{}", "approve-1");
        QCOMPARE(r.status, 200);
        const QJsonObject w = envelopeOf(r).value(u"data").toObject();
        QCOMPARE(w.value(u"id").toInteger(), 1);
        QCOMPARE(w.value(u"status").toString(), u"approved"_s);
        QCOMPARE(w.value(u"decided_at").toInteger(), kNow);
        QCOMPARE(w.value(u"updated_at").toInteger(), kNow);
        QVERIFY(w.value(u"version").toInteger() > before);
        QCOMPARE(one(u"SELECT CONCAT(status, '|', CAST(arrive_time AS CHAR), '|', IFNULL(message, 'NULL')) "
                       "FROM acg_cash WHERE id = 1"_s)
                     .toString(),
                 u"1|%1|NULL"_s.arg(QLatin1StringView(kNowText)));
        QCOMPARE(one(u"SELECT COUNT(*) FROM acg_bill"_s).toInt(), bills); // no money moves
        QCOMPARE(one(u"SELECT CAST(coin AS CHAR) FROM acg_user WHERE id = 1000"_s).toString(), u"0.35"_s);
        QCOMPARE(one(u"SELECT COUNT(*) FROM cardops_audit WHERE action = 'withdrawal.approve' AND "
                       "entity_id = 1"_s)
                     .toInt(),
                 1);
        // A repeat of the key replays the answer byte for byte; nothing is written again.
        const sim::SimResponse again = send("POST", "/v1/withdrawals/1/approve", "{}", "approve-1");
        QCOMPARE(again.status, 200);
        QCOMPARE(again.body, r.body);
        QCOMPARE(one(u"SELECT COUNT(*) FROM cardops_audit WHERE entity_id = 1 AND entity = 'withdrawal'"_s)
                     .toInt(),
                 1);
        // The feed serves the decision at a version no older than the answer's.
        const QJsonObject fed = byId(drain("withdrawals"), 1);
        QCOMPARE(fed.value(u"status").toString(), u"approved"_s);
        QCOMPARE(fed.value(u"decided_at").toInteger(), kNow);
        QVERIFY(fed.value(u"version").toInteger() >= w.value(u"version").toInteger());
    }

    void decidedTwiceConflicts()
    {
        for (const QByteArray& action : {QByteArray("approve"), QByteArray("reject")}) {
            const sim::SimResponse r =
                send("POST", "/v1/withdrawals/1/" + action, R"({"reason":"晚了"})", "late-" + action);
            QCOMPARE(r.status, 409);
            const QJsonObject e = envelopeOf(r);
            QCOMPARE(e.value(u"code").toInt(), 40900);
            const QJsonObject current = e.value(u"data").toObject();
            QCOMPARE(current.value(u"id").toInteger(), 1);
            QCOMPARE(current.value(u"status").toString(), u"approved"_s);
            QCOMPARE(current.value(u"version").toInteger(),
                     byId(drain("withdrawals"), 1).value(u"version").toInteger());
        }
        QCOMPARE(one(u"SELECT status FROM acg_cash WHERE id = 1"_s).toInt(), 1);
        QCOMPARE(one(u"SELECT COUNT(*) FROM acg_bill WHERE log = '兑现被拒绝'"_s).toInt(),
                 1); // bill 9 only
        QCOMPARE(send("POST", "/v1/withdrawals/99/approve", "{}", "nobody").status, 404);
    }

    void rejectNeedsAReason()
    {
        const QByteArray tooLong = "{\"reason\":\"" + QString(65, u'错').toUtf8() + "\"}";
        for (const QByteArray& body :
             {QByteArray(), QByteArray("{}"), QByteArray(R"({"reason":""})"),
              QByteArray(R"({"reason":"   "})"), QByteArray(R"({"reason":7})"), tooLong}) {
            const sim::SimResponse r = send("POST", "/v1/withdrawals/4/reject", body,
                                            "no-reason-" + QByteArray::number(qHash(body)));
            QCOMPARE(r.status, 400);
            QCOMPARE(envelopeOf(r).value(u"message").toString(), u"reason"_s);
        }
        QCOMPARE(one(u"SELECT status FROM acg_cash WHERE id = 4"_s).toInt(), 0);
    }

    void rejectRefundsTheCoin()
    {
        const int bills = one(u"SELECT COUNT(*) FROM acg_bill"_s).toInt();
        const QByteArray body = "{\"reason\":\"" + QString(64, u'误').toUtf8() + "\"}"; // 64: the limit
        const sim::SimResponse r = send("POST", "/v1/withdrawals/4/reject", body, "reject-4");
        QCOMPARE(r.status, 200);
        const QJsonObject w = envelopeOf(r).value(u"data").toObject();
        QCOMPARE(w.value(u"status").toString(), u"rejected"_s);
        QCOMPARE(w.value(u"reason").toString(), QString(64, u'误'));
        QCOMPARE(w.value(u"decided_at").toInteger(), kNow);
        QCOMPARE(w.value(u"amount").toString(), u"3.0000"_s);
        QCOMPARE(
            one(u"SELECT CONCAT(status, '|', CAST(arrive_time AS CHAR), '|', CHAR_LENGTH(message)) FROM "
                  "acg_cash WHERE id = 4"_s)
                .toString(),
            u"2|%1|64"_s.arg(QLatin1StringView(kNowText)));
        // The bill acg writes: 兑现被拒绝, credit (type 1) to the coin wallet (currency 1) of amount + fee,
        // balance = the coin after it.
        QCOMPARE(one(u"SELECT COUNT(*) FROM acg_bill"_s).toInt(), bills + 1);
        QCOMPARE(
            one(u"SELECT CONCAT(owner, '|', CAST(amount AS CHAR), '|', CAST(balance AS CHAR), '|', type, "
                  "'|', currency, '|', log, '|', CAST(create_time AS CHAR)) FROM acg_bill ORDER BY id DESC "
                  "LIMIT 1"_s)
                .toString(),
            u"1000|3.15|3.50|1|1|兑现被拒绝|%1"_s.arg(QLatin1StringView(kNowText)));
        // coin 0.35 + 3.15; total_coin grows too (acg's quirk); nothing else of the member changes.
        QCOMPARE(one(u"SELECT CONCAT(CAST(coin AS CHAR), '|', CAST(total_coin AS CHAR), '|', "
                       "CAST(balance AS CHAR), '|', CAST(recharge AS CHAR)) FROM acg_user WHERE id = 1000"_s)
                     .toString(),
                 u"3.50|3.50|12.30|120.00"_s);
        QCOMPARE(
            one(
                u"SELECT COUNT(*) FROM cardops_audit WHERE action = 'withdrawal.reject' AND entity_id = 4"_s)
                .toInt(),
            1);
        // The idempotent repeat: the same answer, no second bill, no second credit.
        const sim::SimResponse again = send("POST", "/v1/withdrawals/4/reject", body, "reject-4");
        QCOMPARE(again.status, 200);
        QCOMPARE(again.body, r.body);
        QCOMPARE(one(u"SELECT COUNT(*) FROM acg_bill"_s).toInt(), bills + 1);
        QCOMPARE(one(u"SELECT CAST(coin AS CHAR) FROM acg_user WHERE id = 1000"_s).toString(), u"3.50"_s);
        // The key under another path is refused.
        QCOMPARE(send("POST", "/v1/withdrawals/3/reject", body, "reject-4").status, 400);
        // The feeds: the refund bill and the member's coin.
        const QJsonArray ledger = drain("ledger");
        const qint64 billId = one(u"SELECT MAX(id) FROM acg_bill"_s).toLongLong();
        const QJsonObject bill = byId(ledger, billId);
        QCOMPARE(bill.value(u"kind").toString(), u"withdrawal"_s);
        QCOMPARE(bill.value(u"amount").toString(), u"3.1500"_s);
        QCOMPARE(bill.value(u"wallet").toString(), u"coin"_s);
        QCOMPARE(bill.value(u"balance_after").toString(), u"3.5000"_s);
        QCOMPARE(bill.value(u"created_at").toInteger(), kNow);
        QCOMPARE(byId(drain("members"), 1000).value(u"commission_balance").toString(), u"3.5000"_s);
        const QJsonObject fed = byId(drain("withdrawals"), 4);
        QCOMPARE(fed.value(u"status").toString(), u"rejected"_s);
        QVERIFY(fed.value(u"version").toInteger() >= w.value(u"version").toInteger());
    }

    void compactionKeepsTheNewestOfEveryEntity()
    {
        QVERIFY(bridge::runSequencer(*m_db).ok());
        QByteArray oldCursor;
        pages("members", &oldCursor); // a client that synced the members before the changes below
        QVERIFY(!QTest::currentTestFailed());
        // Changes: a member three times, a goods twice, a manual order delivered and then edited.
        for (const char* qq : {"20001", "20002", "20003"})
            exec(u"UPDATE acg_user SET qq = '%1' WHERE id = 1002"_s.arg(QLatin1StringView(qq)));
        exec(u"UPDATE acg_commodity SET price = 10.10 WHERE id = 1"_s);
        exec(u"UPDATE acg_commodity SET price = 10.20 WHERE id = 1"_s);
        exec(u"UPDATE acg_card SET status = 2 WHERE id = 2"_s);       // locked under goods 1,
        exec(u"UPDATE acg_card SET commodity_id = 2 WHERE id = 2"_s); // then moved to goods 2
        exec(u"UPDATE acg_order SET delivery_status = 1, secret = 'NE-9' WHERE id = 2"_s);
        QVERIFY(bridge::runSequencer(*m_db).ok());
        const qint64 deliveredAt = byId(drain("orders"), 2).value(u"delivered_at").toInteger();
        exec(u"UPDATE acg_order SET secret = 'NE-10' WHERE id = 2"_s);
        QVERIFY(bridge::runSequencer(*m_db).ok());
        QVERIFY(deliveredAt > 0);

        const QByteArrayList feeds = {"categories", "goods", "members", "orders", "ledger", "withdrawals"};
        // What a client paging from the start ends with, per feed: id → item (the last page wins).
        auto finalState = [&](int limit) {
            QMap<QByteArray, QMap<qint64, QJsonObject>> out;
            for (const QByteArray& feed : feeds)
                for (const QJsonValue& v : drain(feed, limit))
                    out[feed].insert(v.toObject().value(u"id").toInteger(), v.toObject());
            return out;
        };
        const auto before = finalState(3);
        const QMap<QString, qint64> newest = newestPositions();
        const int rows = one(u"SELECT COUNT(*) FROM cardops_feed"_s).toInt();
        QVERIFY(rows > newest.size() + 5);

        // Young rows are kept whatever supersedes them.
        const qint64 realNow = QDateTime::currentSecsSinceEpoch();
        bridge::FeedCompactor compactor({bridge::FeedCompactor::kDefaultRetention, 4, 2, 600});
        auto none = compactor.sweep(*m_db, realNow);
        QVERIFY(none.ok());
        QCOMPARE(none.value(), 0);
        QCOMPARE(one(u"SELECT COUNT(*) FROM cardops_feed"_s).toInt(), rows);

        // Eight days on, in steps of a window of 4 rows: every superseded row goes.
        const qint64 later = realNow + 8 * 24 * 3600;
        qint64 removed = 0;
        for (int i = 0; i < 1000; ++i) {
            auto step = compactor.step(*m_db, later);
            QVERIFY2(step.ok(), step.ok() ? "" : qPrintable(step.error().detail));
            removed += step.value();
            if (compactor.watermark() == 0)
                break; // one pass done
        }
        QCOMPARE(compactor.watermark(), 0);
        // The newest row of every entity stays, plus the order's `delivered` row (its delivered_at)
        // and the card's newest row under its former goods (a per-goods read still sees it leave).
        QCOMPARE(newestPositions(), newest);
        QCOMPARE(one(u"SELECT COUNT(*) FROM cardops_feed"_s).toInt(), newest.size() + 2);
        QCOMPARE(removed, rows - newest.size() - 2);
        QCOMPARE(one(u"SELECT GROUP_CONCAT(parent_id ORDER BY pos) FROM cardops_feed WHERE entity = 'card' "
                       "AND entity_id = 2"_s)
                     .toString(),
                 u"1,2"_s);
        QCOMPARE(
            one(u"SELECT COUNT(*) FROM cardops_feed WHERE entity = 'order' AND entity_id = 2"_s).toInt(),
            2);
        // Resting after the pass: a new superseded row waits for the next pass.
        exec(u"UPDATE acg_user SET qq = '20004' WHERE id = 1002"_s);
        QVERIFY(bridge::runSequencer(*m_db).ok());
        QCOMPARE(compactor.step(*m_db, later).value(), 0);

        // A client paging from position 0 sees every entity once, at its newest version and state.
        const QMap<QString, qint64> now = newestPositions();
        const auto after = finalState(3);
        for (const QByteArray& feed : feeds) {
            const QJsonArray items = drain(feed, 3);
            QCOMPARE(items.size(), after[feed].size()); // each once
            QCOMPARE(after[feed].keys(), before[feed].keys());
            for (const QJsonValue& v : items) {
                const QJsonObject o = v.toObject();
                const qint64 id = o.value(u"id").toInteger();
                const QString entity = feed == "categories" ? u"category"_s
                                       : feed == "goods"    ? u"goods"_s
                                       : feed == "members"  ? u"member"_s
                                       : feed == "orders"   ? u"order"_s
                                       : feed == "ledger"   ? u"ledger"_s
                                                            : u"withdrawal"_s;
                QCOMPARE(o.value(u"version").toInteger(), now.value(entity + u'/' + QString::number(id)));
                if (!(feed == "members" && id == 1002))
                    QCOMPARE(o, before[feed].value(id));
            }
        }
        QCOMPARE(byId(drain("members"), 1002).value(u"contact").toString(), u"20004"_s);
        QCOMPARE(byId(drain("goods"), 1).value(u"price").toString(), u"10.2000"_s);
        QCOMPARE(byId(drain("orders"), 2).value(u"delivered_at").toInteger(), deliveredAt);
        // The client with a cursor from before the changes: no 410, exactly the changed member once.
        const QJsonObject page = get("/v1/members?cursor=" + oldCursor);
        QCOMPARE(page.value(u"items").toArray().size(), 1);
        QCOMPARE(page.value(u"items").toArray().first().toObject().value(u"id").toInteger(), 1002);
        QCOMPARE(page.value(u"items").toArray().first().toObject().value(u"version").toInteger(),
                 now.value(u"member/1002"_s));
    }

    // CardOps's withdrawals panel path (app/gui/memberdesk.cpp): sync the feeds into the cache, decide
    // through sync::members, record the decision through the writer, and a decided request's 409.
    void cardopsDecidesAgainstTheBridge()
    {
        exec(u"INSERT INTO acg_cash (id, user_id, amount, type, card, create_time, arrive_time, cost, status, "
            "message) VALUES (6, 1001, 1.00, 1, 1, '2026-11-25 10:00:00', NULL, 0.05, 0, NULL)"_s);
        bridge::BridgeService service(m_server.config());
        auto port = service.start();
        QVERIFY2(port.ok(), port.ok() ? "" : qPrintable(port.error().detail));
        core::SystemClock clock;
        QTemporaryDir dir;
        auto opened = storage::Database::open(dir.filePath(u"cache.db"_s), clock);
        QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.error().detail));
        std::unique_ptr<storage::Database> cache = std::move(opened).value();
        sync::PlatformTransport transport(
            sync::PlatformEndpoint{QUrl(u"http://127.0.0.1:%1"_s.arg(port.value())), "demo", "demo-secret"},
            clock, sync::TransportOptions{});
        sync::SyncEngine::Options options;
        options.pageSize = 3;
        options.feeds = {core::Feed::Members, core::Feed::Withdrawals, core::Feed::Ledger};
        sync::SyncEngine engine(*cache, transport, options);
        auto round = [&engine] {
            QSignalSpy spy(&engine, &sync::SyncEngine::roundFinished);
            engine.startRound();
            if (!spy.wait(30000))
                return QStringLiteral("the round did not finish");
            const auto s = spy.first().first().value<sync::RoundSummary>();
            return s.outcome == sync::RoundSummary::Outcome::Ok ? QString() : s.error + u" (failed)"_s;
        };
        auto cached = [&cache](const QString& query) {
            storage::ReadSession read(*cache);
            auto rows = read.select(query, {});
            return rows && !rows->isEmpty() ? rows->first().value(0) : QVariant();
        };
        QString failed = round();
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        QCOMPARE(cached(u"SELECT COUNT(*) FROM withdrawals"_s).toInt(), 6);
        QCOMPARE(cached(u"SELECT status FROM withdrawals WHERE id = 6"_s).toString(), u"pending"_s);
        QCOMPARE(cached(u"SELECT COUNT(*) FROM ledger"_s).toInt(),
                 one(u"SELECT COUNT(*) FROM acg_bill"_s).toInt());

        auto decide = [&transport](qint64 id, bool approve, const QString& reason) {
            auto future = sync::members::decideWithdrawal(transport, id, approve, reason,
                                                          sync::members::newDecisionKey());
            (void)QTest::qWaitFor([&future] { return future.isFinished(); }, 20000);
            return future.isFinished() ? future.result() : sync::members::WithdrawalAnswer{};
        };
        const auto answer = decide(6, false, u"收款账号有误"_s);
        QVERIFY(answer.ok());
        QVERIFY(answer.value.has_value());
        QCOMPARE(answer.value->status, u"rejected"_s);
        QCOMPARE(answer.value->amount.toString(4), u"1.0000"_s);
        const core::Withdrawal decided = *answer.value;
        auto recorded =
            cache->writer().submit<bool>(u"withdrawals.decide"_s, [decided](storage::WriteContext& ctx) {
                return storage::withdrawalstore::recordDecision(
                    ctx, core::Actor{1, u"finance"_s, core::Role::Finance}, decided, false,
                    u"收款账号有误"_s);
            });
        QVERIFY(QTest::qWaitFor([&recorded] { return recorded.isFinished(); }, 20000));
        QVERIFY(recorded.isFinished() && recorded.result().ok());
        QCOMPARE(recorded.result().value(), true); // the answer's version is newer than the cached one
        QCOMPARE(cached(u"SELECT status FROM withdrawals WHERE id = 6"_s).toString(), u"rejected"_s);
        QCOMPARE(one(u"SELECT CAST(coin AS CHAR) FROM acg_user WHERE id = 1001"_s).toString(), u"1.05"_s);

        // Deciding it again: the platform's 409 carries the decided request, which the panel shows.
        const auto again = decide(6, true, {});
        QVERIFY(!again.ok());
        const auto remote = sync::members::conflictWithdrawal(again.error, 6);
        QVERIFY(remote.has_value());
        QCOMPARE(remote->status, u"rejected"_s);

        failed = round();
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        QCOMPARE(cached(u"SELECT status FROM withdrawals WHERE id = 6"_s).toString(), u"rejected"_s);
        QCOMPARE(cached(u"SELECT decided_at FROM withdrawals WHERE id = 6"_s).toLongLong() > 0, true);
        QCOMPARE(cached(u"SELECT COUNT(*) FROM ledger"_s).toInt(),
                 one(u"SELECT COUNT(*) FROM acg_bill"_s).toInt());
        QCOMPARE(cached(u"SELECT amount FROM ledger WHERE id = (SELECT MAX(id) FROM ledger)"_s).toLongLong(),
                 10500);
    }

    // A member delete cascades to acg_bill and acg_cash without firing their triggers: the sequencer
    // still tombstones every ledger and withdrawal row of the member.
    void deletedMemberTombstonesItsMoney()
    {
        QByteArray ledgerCursor;
        QByteArray withdrawalsCursor;
        pages("ledger", &ledgerCursor);
        pages("withdrawals", &withdrawalsCursor);
        auto idsOf = [this](const QString& query) {
            QList<qint64> out;
            QSqlQuery q(QSqlDatabase::database(u"writer"_s, false));
            if (q.exec(query))
                while (q.next())
                    out << q.value(0).toLongLong();
            return out;
        };
        const QList<qint64> bills = idsOf(u"SELECT id FROM acg_bill WHERE owner = 1001 ORDER BY id"_s);
        const QList<qint64> cash = idsOf(u"SELECT id FROM acg_cash WHERE user_id = 1001 ORDER BY id"_s);
        QCOMPARE(bills.size(), 5); // 5, 6, 8, 11 and the refund of withdrawal 6
        QCOMPARE(cash, (QList<qint64>{3, 5, 6}));
        exec(u"DELETE FROM acg_user WHERE id = 1001"_s);
        QCOMPARE(one(u"SELECT COUNT(*) FROM acg_bill WHERE owner = 1001"_s).toInt(), 0);
        for (const auto& [feed, cursor, want] :
             {std::tuple{QByteArray("ledger"), ledgerCursor, bills},
              std::tuple{QByteArray("withdrawals"), withdrawalsCursor, cash}}) {
            const QJsonArray items = get("/v1/" + feed + "?cursor=" + cursor).value(u"items").toArray();
            QList<qint64> got;
            for (const QJsonValue& v : items) {
                const QJsonObject o = v.toObject();
                QCOMPARE(o.value(u"deleted").toBool(), true);
                QCOMPARE(o.keys(), (QStringList{u"deleted"_s, u"id"_s, u"updated_at"_s, u"version"_s}));
                got << o.value(u"id").toInteger();
            }
            std::sort(got.begin(), got.end());
            QCOMPARE(got, want);
        }
    }
};

QTEST_GUILESS_MAIN(TestBridgeMoney)
#include "tst_bridgemoney.moc"
