// The read side of Platform API v1 served by cardops-bridge over the acg fixture on a private MariaDB:
// every endpoint's JSON against the fixture rows (exact money and times), feeds under concurrent
// writers with a late commit, tombstones, and hostile requests (acg-faka-model.md §4, §5).
#include "bridge/bridgeapi.h"
#include "bridge/bridgedb.h"
#include "bridge/bridgeservice.h"
#include "bridge/installer.h"
#include "tests/bridge/bridgetestutil.h"
#include "tests/bridge/mariadbserver.h"

#include <QDateTime>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QtTest>

using namespace cardops;
using namespace Qt::StringLiterals;
using test::envelopeOf;
using test::signedRequest;

namespace {

constexpr qint64 kNow = 1795900000; // 2026-11-29 (the tests' platform clock)

QJsonObject byId(const QJsonArray& items, qint64 id)
{
    for (const QJsonValue& v : items)
        if (v.toObject().value(u"id").toInteger() == id)
            return v.toObject();
    return {};
}

QList<qint64> ids(const QJsonArray& items)
{
    QList<qint64> out;
    for (const QJsonValue& v : items)
        out << v.toObject().value(u"id").toInteger();
    return out;
}

} // namespace

class TestBridgeApi : public QObject
{
    Q_OBJECT
private:
    test::MariaDbServer m_server;
    std::unique_ptr<bridge::BridgeDb> m_db;
    std::unique_ptr<bridge::BridgeApi> m_api;
    QString m_epoch;

    QJsonObject get(const QByteArray& pathAndQuery, int expectedStatus = 200)
    {
        const sim::SimResponse r = m_api->handle(signedRequest("GET", pathAndQuery, kNow));
        if (r.status != expectedStatus)
            qWarning("%s -> %d %s", pathAndQuery.constData(), r.status, r.body.constData());
        [&] {
            QCOMPARE(r.status, expectedStatus);
        }();
        return envelopeOf(r);
    }
    // Reads a feed to its end from a cursor; returns the items and the final cursor.
    QJsonArray drain(const QByteArray& feed, QByteArray* cursor)
    {
        QJsonArray all;
        for (int guard = 0; guard < 100; ++guard) {
            const QByteArray path = "/v1/" + feed + (cursor->isEmpty() ? QByteArray() : "?cursor=" + *cursor);
            const QJsonObject data = get(path).value(u"data").toObject();
            for (const QJsonValue& v : data.value(u"items").toArray())
                all.append(v);
            *cursor = data.value(u"next_cursor").toString().toLatin1();
            if (!data.value(u"has_more").toBool())
                break;
        }
        return all;
    }
    void sql(const QString& connection, const QString& statement)
    {
        QSqlQuery q(QSqlDatabase::database(connection, false));
        QVERIFY2(q.exec(statement), qPrintable(statement + u": " + q.lastError().text()));
    }
    QString insertOrderSql(const QString& tradeNo)
    {
        return QStringLiteral(
                   "INSERT INTO acg_order (owner, user_id, trade_no, amount, commodity_id, card_num, pay_id, "
                   "create_time, create_ip, create_device, status, widget) VALUES (1000, 0, '%1', 9.90, 1, "
                   "1, "
                   "1, '2026-11-29 10:00:00', '127.0.0.1', 0, 0, '[]')")
            .arg(tradeNo);
    }

private Q_SLOTS:
    void initTestCase()
    {
        CARDOPS_REQUIRE_MARIADB();
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
        QVERIFY2(m_server.loadFixture(QStringLiteral("acg-schema.sql"), QStringLiteral("acg_"), &error),
                 qPrintable(error));
        QVERIFY2(m_server.loadFixture(QStringLiteral("acg-seed.sql"), QStringLiteral("acg_"), &error),
                 qPrintable(error));
        for (const char* name : {"early", "late"})
            QVERIFY2(!m_server.openWriter(QLatin1StringView(name), &error).isEmpty(), qPrintable(error));
        m_db = std::make_unique<bridge::BridgeDb>(m_server.config(), QStringLiteral("bridge"));
        QVERIFY(m_db->open().ok());
        auto report = bridge::install(*m_db);
        QVERIFY2(report.ok(), report.ok() ? "" : qPrintable(report.error().detail));
        m_epoch = report.value().epoch;
        m_api = std::make_unique<bridge::BridgeApi>(*m_db, m_epoch.toLatin1(), [] { return kNow; });
    }
    void cleanupTestCase()
    {
        m_api.reset();
        m_db.reset();
        for (const char* name : {"early", "late"})
            QSqlDatabase::removeDatabase(QLatin1StringView(name));
    }

    void shop()
    {
        const QJsonObject e = get("/v1/shop");
        QCOMPARE(e.value(u"code").toInt(), 0);
        const QJsonObject d = e.value(u"data").toObject();
        QCOMPARE(d.value(u"name").toString(), QStringLiteral("测试卡盟"));
        QCOMPARE(d.value(u"platform_time").toInteger(), kNow);
        QCOMPARE(d.value(u"api_version").toInt(), 1);
        QCOMPARE(d.value(u"capabilities").toArray(),
                 QJsonArray({u"categories"_s, u"goods"_s, u"members"_s, u"tiers"_s, u"orders"_s,
                             u"reports.daily"_s, u"ledger"_s, u"withdrawals"_s, u"lease"_s, u"orders.deliver"_s,
                             u"cards"_s, u"goods.write"_s, u"members.write"_s}));
        QCOMPARE(d.value(u"limits").toObject().value(u"max_page").toInt(), 1000);
    }

    void categories()
    {
        QByteArray cursor;
        const QJsonArray items = drain("categories", &cursor);
        QCOMPARE(ids(items), (QList<qint64>{1, 2})); // 3 belongs to a merchant
        QCOMPARE(byId(items, 1), (QJsonObject{{u"id"_s, 1},
                                              {u"parent_id"_s, 0},
                                              {u"name"_s, u"游戏点卡"_s},
                                              {u"sort"_s, 10},
                                              {u"status"_s, u"on"_s},
                                              {u"hidden"_s, false},
                                              {u"version"_s, 1},
                                              {u"updated_at"_s, byId(items, 1).value(u"updated_at")}}));
        const QJsonObject two = byId(items, 2);
        QCOMPARE(two.value(u"parent_id").toInteger(), 1);
        QCOMPARE(two.value(u"status").toString(), QStringLiteral("off"));
        QCOMPARE(two.value(u"hidden").toBool(), true);
        QCOMPARE(two.value(u"version").toInteger(), 2);
        QVERIFY(qAbs(two.value(u"updated_at").toInteger() - QDateTime::currentSecsSinceEpoch()) < 120);
        QVERIFY(cursor.startsWith(QByteArray(m_epoch.toLatin1() + '-')));
    }

    void goods()
    {
        QByteArray cursor;
        const QJsonArray items = drain("goods", &cursor);
        QCOMPARE(ids(items), (QList<qint64>{1, 2, 3}));
        const QJsonObject auto1 = byId(items, 1);
        QCOMPARE(auto1.value(u"sku").toString(), QStringLiteral("A1B2C3D4E5F60718"));
        QCOMPARE(auto1.value(u"name").toString(), QStringLiteral("腾讯Q币 10元"));
        QCOMPARE(auto1.value(u"price").toString(), QStringLiteral("10.0000"));
        QCOMPARE(auto1.value(u"cost").toString(), QStringLiteral("9.5000"));
        QCOMPARE(auto1.value(u"tier_prices").toObject(), (QJsonObject{{u"1"_s, u"9.9000"_s},
                                                                      {u"2"_s, u"9.8000"_s},
                                                                      {u"3"_s, u"9.9000"_s},
                                                                      {u"4"_s, u"9.9000"_s},
                                                                      {u"5"_s, u"9.4000"_s},
                                                                      {u"6"_s, u"4.9500"_s}}));
        QCOMPARE(auto1.value(u"stock_available").toInt(), 3);
        QCOMPARE(auto1.value(u"stock_locked").toInt(), 1);
        QCOMPARE(auto1.value(u"fulfilment_owner").toString(), QStringLiteral("platform"));
        QCOMPARE(auto1.value(u"status").toString(), QStringLiteral("on"));
        QCOMPARE(auto1.value(u"sort").toInt(), 5);
        QCOMPARE(auto1.value(u"listing").toObject().value(u"description").toString(),
                 QStringLiteral("<p>秒发</p>"));
        const QJsonObject manual = byId(items, 2);
        QCOMPARE(manual.value(u"fulfilment_owner").toString(), QStringLiteral("cardops"));
        QCOMPARE(manual.value(u"stock_available").toInt(), 7);
        QCOMPARE(manual.value(u"tier_prices").toObject().value(u"6").toString(), QStringLiteral("19.9900"));
        const QJsonObject docked = byId(items, 3);
        QCOMPARE(docked.value(u"status").toString(), QStringLiteral("off"));
        QCOMPARE(docked.value(u"supplier_links").toArray(),
                 QJsonArray({QJsonObject{
                     {u"protocol"_s, u"acg-faka"_s}, {u"product_ref"_s, u"D0C0AA"_s}, {u"priority"_s, 0}}}));
        // 0.90 × 95 % = 0.855 and 0.90 × 50 %: acg truncates to the cent.
        QCOMPARE(docked.value(u"tier_prices").toObject().value(u"5").toString(), QStringLiteral("0.8500"));
        QCOMPARE(docked.value(u"tier_prices").toObject().value(u"6").toString(), QStringLiteral("0.4500"));
    }

    void members()
    {
        QByteArray cursor;
        const QJsonArray items = drain("members", &cursor);
        QCOMPARE(ids(items), (QList<qint64>{1000, 1001, 1002}));
        const QJsonObject alice = byId(items, 1000);
        QCOMPARE(alice.value(u"name").toString(), QStringLiteral("alice"));
        QCOMPARE(alice.value(u"kind").toString(), QStringLiteral("consumer"));
        QCOMPARE(alice.value(u"tier_id").toInt(), 3);
        QCOMPARE(alice.value(u"balance").toString(), QStringLiteral("12.3000"));
        QCOMPARE(alice.value(u"commission_balance").toString(), QStringLiteral("0.3500"));
        QCOMPARE(alice.value(u"registered_at").toInteger(), 1793577600);
        QCOMPARE(alice.value(u"contact").toString(), QStringLiteral("alice@example.com"));
        QCOMPARE(alice.value(u"parent_id").toInt(), 0);
        const QJsonObject bob = byId(items, 1001);
        QCOMPARE(bob.value(u"kind").toString(), QStringLiteral("agent"));
        QCOMPARE(bob.value(u"parent_id").toInt(), 1000);
        QCOMPARE(bob.value(u"tier_id").toInt(), 6);
        QCOMPARE(bob.value(u"contact").toString(), QStringLiteral("13800000000"));
        const QJsonObject carol = byId(items, 1002);
        QCOMPARE(carol.value(u"tier_id").toInt(), 1); // 49.99 is below the 50.00 threshold
        QCOMPARE(carol.value(u"banned").toBool(), true);
        QCOMPARE(carol.value(u"balance").toString(), QStringLiteral("5.0500"));
        QCOMPARE(carol.value(u"registered_at").toInteger(), 1793721601);
    }

    void orders()
    {
        QByteArray cursor;
        const QJsonArray items = drain("orders", &cursor);
        QCOMPARE(ids(items), (QList<qint64>{1, 2, 3, 4, 6, 7})); // 5 is a merchant's sale
        const QJsonObject one = byId(items, 1);
        QCOMPARE(one.value(u"order_no").toString(), QStringLiteral("128261128131455842"));
        QCOMPARE(one.value(u"status").toString(), QStringLiteral("delivered"));
        QCOMPARE(one.value(u"member_id").toInt(), 1000);
        QCOMPARE(one.value(u"amount").toString(), QStringLiteral("9.9000"));
        QCOMPARE(one.value(u"paid_amount").toString(), QStringLiteral("9.9000"));
        QCOMPARE(one.value(u"unit_price").toString(), QStringLiteral("9.9000"));
        QCOMPARE(one.value(u"cost_at_order").toString(), QStringLiteral("9.5000"));
        QCOMPARE(one.value(u"pay_channel").toString(), QStringLiteral("balance"));
        QCOMPARE(one.value(u"contact").toString(), QString()); // a member's contact is random noise
        QCOMPARE(one.value(u"created_at").toInteger(), 1795842895);
        QCOMPARE(one.value(u"paid_at").toInteger(), 1795842895);
        QCOMPARE(one.value(u"delivered_at").toInteger(), 1795842895);
        const QJsonObject manual = byId(items, 2);
        QCOMPARE(manual.value(u"status").toString(), QStringLiteral("handed_over"));
        QCOMPARE(manual.value(u"handed_over").toBool(), true);
        QCOMPARE(manual.value(u"member_id").toInt(), 0);
        QCOMPARE(manual.value(u"contact").toString(), QStringLiteral("buyer@example.com"));
        QCOMPARE(manual.value(u"amount").toString(), QStringLiteral("20.5000"));
        QCOMPARE(manual.value(u"unit_price").toString(),
                 QStringLiteral("19.9900")); // without the gateway fee
        QCOMPARE(manual.value(u"pay_channel").toString(), QStringLiteral("alipay"));
        QCOMPARE(manual.value(u"paid_at").toInteger(), 1795845630);
        QCOMPARE(manual.value(u"delivered_at").toInteger(), 0);
        const QJsonObject shortOfCards = byId(items, 3);
        QCOMPARE(shortOfCards.value(u"status").toString(), QStringLiteral("review"));
        QCOMPARE(shortOfCards.value(u"review_reason").toString(), QStringLiteral("out_of_stock_at_payment"));
        QCOMPARE(shortOfCards.value(u"unit_price").toString(), QStringLiteral("9.9000"));
        const QJsonObject unpaid = byId(items, 4);
        QCOMPARE(unpaid.value(u"status").toString(), QStringLiteral("unpaid"));
        QCOMPARE(unpaid.value(u"paid_amount").toString(), QStringLiteral("0.0000"));
        QCOMPARE(unpaid.value(u"paid_at").toInteger(), 0);
        const QJsonObject manualDone = byId(items, 6);
        QCOMPARE(manualDone.value(u"status").toString(), QStringLiteral("delivered"));
        QCOMPARE(manualDone.value(u"handed_over").toBool(), true);
        QCOMPARE(manualDone.value(u"amount").toString(), QStringLiteral("59.9700"));
        QCOMPARE(manualDone.value(u"unit_price").toString(), QStringLiteral("19.9900"));
        QCOMPARE(manualDone.value(u"created_at").toInteger(), 1795795199);
        QCOMPARE(manualDone.value(u"delivered_at").toInteger(), 1795795205); // before install: pay time
        const QJsonObject docked = byId(items, 7);
        QCOMPARE(docked.value(u"status").toString(), QStringLiteral("delivered"));
        QCOMPARE(docked.value(u"delivered_at").toInteger(), 1795860010);
    }

    void feedPages()
    {
        QList<qint64> seen;
        QByteArray cursor;
        int pages = 0;
        for (bool more = true; more && pages < 20; ++pages) {
            const QByteArray path =
                "/v1/orders?limit=2" + (cursor.isEmpty() ? QByteArray() : "&cursor=" + cursor);
            const QJsonObject data = get(path).value(u"data").toObject();
            QVERIFY(data.value(u"items").toArray().size() <= 2);
            seen << ids(data.value(u"items").toArray());
            cursor = data.value(u"next_cursor").toString().toLatin1();
            more = data.value(u"has_more").toBool();
        }
        QCOMPARE(pages, 4);
        QCOMPARE(seen, (QList<qint64>{1, 2, 3, 4, 6, 7}));
    }

    // The order of the client's first sync: newest first with head_cursor, then backwards.
    void newestFirst()
    {
        QByteArray forward;
        drain("orders", &forward);
        QList<qint64> seen;
        QByteArray before;
        QString head;
        for (int pages = 0; pages < 10; ++pages) {
            const QJsonObject data =
                get("/v1/orders?order=desc&limit=2" + (before.isEmpty() ? QByteArray() : "&before=" + before))
                    .value(u"data")
                    .toObject();
            if (head.isEmpty())
                head = data.value(u"head_cursor").toString();
            seen << ids(data.value(u"items").toArray());
            before = data.value(u"next_cursor").toString().toLatin1();
            if (!data.value(u"has_more").toBool())
                break;
        }
        QCOMPARE(seen, (QList<qint64>{7, 6, 4, 3, 2, 1}));
        QCOMPARE(head, QString::fromLatin1(forward));
        get("/v1/orders?order=desc&cursor=" + forward, 400);
        get("/v1/orders?before=" + forward, 400);
        get("/v1/orders?order=sideways", 400);
    }

    void tiersAndDaily()
    {
        const QJsonObject tiers = get("/v1/tiers").value(u"data").toObject();
        const QJsonArray items = tiers.value(u"items").toArray();
        QCOMPARE(items.size(), 6);
        QCOMPARE(items.at(0).toObject().value(u"name").toString(), QStringLiteral("一贫如洗"));
        QCOMPARE(items.at(1).toObject().value(u"threshold").toString(), QStringLiteral("50.0000"));
        QCOMPARE(items.at(4).toObject().value(u"group_discounts").toObject(),
                 (QJsonObject{{u"1"_s, u"95.00"_s}}));
        QCOMPARE(items.at(5).toObject().value(u"rank").toInt(), 6);
        QVERIFY(tiers.value(u"version").toInteger() >= 1);

        const QJsonArray days = get("/v1/reports/daily?from=2026-11-27&to=2026-11-28")
                                    .value(u"data")
                                    .toObject()
                                    .value(u"items")
                                    .toArray();
        QCOMPARE(days, QJsonArray({QJsonObject{{u"day"_s, u"2026-11-27"_s},
                                               {u"orders"_s, 1},
                                               {u"gmv"_s, u"59.9700"_s},
                                               {u"refunds"_s, u"0.0000"_s},
                                               {u"commissions"_s, u"0.0000"_s}},
                                   QJsonObject{{u"day"_s, u"2026-11-28"_s},
                                               {u"orders"_s, 4},
                                               {u"gmv"_s, u"51.1000"_s},
                                               {u"refunds"_s, u"0.0000"_s},
                                               {u"commissions"_s, u"0.1000"_s}}}));
    }

    // §5.2: a transaction that commits after a newer one must still reach the feed.
    void lateCommitIsNeverSkipped()
    {
        QByteArray cursor;
        drain("orders", &cursor);
        sql(QStringLiteral("late"), QStringLiteral("START TRANSACTION"));
        sql(QStringLiteral("late"), insertOrderSql(QStringLiteral("910261129100000001")));
        const qint64 lateId =
            test::scalar(QStringLiteral("late"), QStringLiteral("SELECT LAST_INSERT_ID()")).toLongLong();
        sql(QStringLiteral("early"), insertOrderSql(QStringLiteral("920261129100000002")));
        const qint64 earlyId =
            test::scalar(QStringLiteral("early"), QStringLiteral("SELECT LAST_INSERT_ID()")).toLongLong();
        QVERIFY(lateId < earlyId); // an id cursor would skip lateId
        const QJsonArray first = drain("orders", &cursor);
        QCOMPARE(ids(first), QList<qint64>{earlyId});
        sql(QStringLiteral("late"), QStringLiteral("COMMIT"));
        const QJsonArray second = drain("orders", &cursor);
        QCOMPARE(ids(second), QList<qint64>{lateId});
        QCOMPARE(byId(second, lateId).value(u"status").toString(), QStringLiteral("unpaid"));
        QVERIFY(byId(second, lateId).value(u"version").toInteger() >
                byId(first, earlyId).value(u"version").toInteger());
    }

    void changesDeletesAndTombstones()
    {
        QByteArray orders, goods, categories, members;
        drain("orders", &orders);
        const QJsonArray goodsBefore = drain("goods", &goods);
        drain("categories", &categories);
        drain("members", &members);
        const QString w = QStringLiteral("early");
        const qint64 before = QDateTime::currentSecsSinceEpoch();
        sql(w, QStringLiteral("UPDATE acg_order SET secret = 'NE-7', delivery_status = 1 WHERE id = 2"));
        sql(w, QStringLiteral("DELETE FROM acg_order WHERE id = 4"));
        sql(w, QStringLiteral("UPDATE acg_card SET status = 2 WHERE id = 1"));
        sql(w, QStringLiteral("DELETE FROM acg_category WHERE id = 2"));
        const QJsonArray o = drain("orders", &orders);
        QCOMPARE(ids(o), (QList<qint64>{2, 4}));
        QCOMPARE(byId(o, 2).value(u"status").toString(), QStringLiteral("delivered"));
        const qint64 deliveredAt = byId(o, 2).value(u"delivered_at").toInteger();
        QVERIFY2(deliveredAt >= before - 2 && deliveredAt <= QDateTime::currentSecsSinceEpoch() + 2,
                 qPrintable(QString::number(deliveredAt)));
        const QJsonObject tomb = byId(o, 4);
        QCOMPARE(tomb.value(u"deleted").toBool(), true);
        QCOMPARE(tomb.value(u"status").toString(), QStringLiteral("cancelled"));
        QVERIFY(tomb.value(u"version").toInteger() > 0);
        const QJsonArray g = drain("goods", &goods);
        QCOMPARE(ids(g), QList<qint64>{1});
        QCOMPARE(byId(g, 1).value(u"stock_available").toInt(), 2);
        QCOMPARE(byId(g, 1).value(u"stock_locked").toInt(), 2);
        QVERIFY(byId(g, 1).value(u"version").toInteger() >
                byId(goodsBefore, 1).value(u"version").toInteger());
        const QJsonArray c = drain("categories", &categories);
        QCOMPARE(c, QJsonArray({QJsonObject{{u"id"_s, 2},
                                            {u"deleted"_s, true},
                                            {u"version"_s, byId(c, 2).value(u"version")},
                                            {u"updated_at"_s, byId(c, 2).value(u"updated_at")}}}));
        // A tier change re-prices every goods and re-tiers every member.
        sql(w, QStringLiteral("UPDATE acg_user_group SET discount_config = '{\"1\":90}' WHERE id = 5"));
        const QJsonArray repriced = drain("goods", &goods);
        QCOMPARE(ids(repriced), (QList<qint64>{1, 2, 3}));
        QCOMPARE(byId(repriced, 1).value(u"tier_prices").toObject().value(u"5").toString(),
                 QStringLiteral("8.9100"));
        QCOMPARE(ids(drain("members", &members)), (QList<qint64>{1000, 1001, 1002}));
        // Login noise changes nothing.
        sql(w, QStringLiteral("UPDATE acg_user SET login_time = '2026-11-29 11:00:00' WHERE id = 1001"));
        QCOMPARE(drain("members", &members).size(), 0);
    }

    void hostileRequests_data()
    {
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("code");
        QTest::newRow("sql in cursor")
            << QByteArray("/v1/orders?cursor=1%27%3BDROP%20TABLE%20acg_order") << 400 << 40000;
        QTest::newRow("cursor without epoch") << QByteArray("/v1/orders?cursor=12") << 400 << 40000;
        QTest::newRow("cursor of another install")
            << QByteArray("/v1/orders?cursor=zzzzzzzz-3") << 410 << 41000;
        QTest::newRow("huge limit") << QByteArray("/v1/goods?limit=100000") << 400 << 40000;
        QTest::newRow("zero limit") << QByteArray("/v1/goods?limit=0") << 400 << 40000;
        QTest::newRow("negative limit") << QByteArray("/v1/goods?limit=-5") << 400 << 40000;
        QTest::newRow("unknown parameter") << QByteArray("/v1/members?order_by=id") << 400 << 40000;
        QTest::newRow("repeated parameter") << QByteArray("/v1/members?limit=1&limit=2") << 400 << 40000;
        QTest::newRow("unknown path") << QByteArray("/v1/nope") << 404 << 40400;
        QTest::newRow("other version") << QByteArray("/v2/shop") << 404 << 40400;
        QTest::newRow("deep path") << QByteArray("/v1/goods/1/2/3") << 404 << 40400;
        QTest::newRow("cards of no goods") << QByteArray("/v1/goods/abc/cards") << 404 << 40400;
        QTest::newRow("bad day") << QByteArray("/v1/reports/daily?from=2026-13-01&to=2026-11-28") << 400
                                 << 40000;
        QTest::newRow("too many days")
            << QByteArray("/v1/reports/daily?from=2020-01-01&to=2026-11-28") << 400 << 40000;
    }
    void hostileRequests()
    {
        QFETCH(QByteArray, path);
        QFETCH(int, status);
        QFETCH(int, code);
        const QJsonObject e = get(path, status);
        QCOMPARE(e.value(u"code").toInt(), code);
        QVERIFY(!e.value(u"message").toString().isEmpty());
    }

    void authentication()
    {
        auto status = [this](const sim::SimRequest& r) {
            const sim::SimResponse resp = m_api->handle(r);
            return qMakePair(resp.status, envelopeOf(resp).value(u"code").toInt());
        };
        QCOMPARE(status(signedRequest("GET", "/v1/shop", kNow, {}, "wrong-secret")), qMakePair(401, 40102));
        QCOMPARE(status(signedRequest("GET", "/v1/shop", kNow, {}, "demo-secret", "other")),
                 qMakePair(401, 40101));
        QCOMPARE(status(signedRequest("GET", "/v1/shop", kNow - 301)), qMakePair(401, 40103));
        sim::SimRequest tampered = signedRequest("GET", "/v1/orders?limit=1", kNow);
        tampered.rawQuery = "limit=1000";
        QCOMPARE(status(tampered), qMakePair(401, 40102));
        const sim::SimRequest once = signedRequest("GET", "/v1/shop", kNow);
        QCOMPARE(status(once), qMakePair(200, 0));
        QCOMPARE(status(once), qMakePair(401, 40104)); // replayed nonce
        // A write needs its Idempotency-Key; an action acg-faka lacks is refused, an unknown one is not there.
        QCOMPARE(status(signedRequest("POST", "/v1/goods", kNow, "{}")), qMakePair(400, 40000));
        auto keyed = [](sim::SimRequest r, const QByteArray& key) {
            r.headers.append({QByteArray("Idempotency-Key"), key});
            return r;
        };
        QCOMPARE(status(keyed(signedRequest("POST", "/v1/orders/1/refund", kNow, "{}"), "auth-1")),
                 qMakePair(403, 40300));
        QCOMPARE(status(keyed(signedRequest("DELETE", "/v1/goods/1", kNow), "auth-2")), qMakePair(403, 40300));
        QCOMPARE(status(keyed(signedRequest("POST", "/v1/nope", kNow, "{}"), "auth-3")), qMakePair(404, 40400));
    }

    // A broken connection answers 500 once, then the bridge reconnects.
    void reconnectsAfterLosingTheDatabase()
    {
        const qint64 connection =
            test::scalar(QStringLiteral("bridge"), QStringLiteral("SELECT CONNECTION_ID()")).toLongLong();
        QVERIFY(connection > 0);
        QString error;
        QVERIFY2(m_server.rootExec({QStringLiteral("KILL CONNECTION %1").arg(connection)}, &error),
                 qPrintable(error));
        const sim::SimResponse broken = m_api->handle(signedRequest("GET", "/v1/goods?limit=1", kNow));
        QCOMPARE(broken.status, 500);
        QCOMPARE(envelopeOf(broken).value(u"code").toInt(), 50000);
        QVERIFY(!broken.body.contains("QMYSQL")); // no driver detail leaks to the client
        QCOMPARE(get("/v1/goods?limit=1").value(u"code").toInt(), 0);
    }

    // The real thing: cardops-bridge's service over HTTP on loopback.
    void overHttp()
    {
        bridge::BridgeService service(m_server.config());
        auto port = service.start();
        QVERIFY2(port.ok(), port.ok() ? "" : qPrintable(port.error().detail));
        QNetworkAccessManager nam;
        const sim::SimRequest signedShop =
            signedRequest("GET", "/v1/shop", QDateTime::currentSecsSinceEpoch());
        QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1/v1/shop").arg(port.value())));
        for (const auto& h : signedShop.headers)
            request.setRawHeader(h.first, h.second);
        QNetworkReply* reply = nam.get(request);
        QSignalSpy done(reply, &QNetworkReply::finished);
        QVERIFY(done.wait(10000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        const QJsonObject e = QJsonDocument::fromJson(reply->readAll()).object();
        QCOMPARE(e.value(u"data").toObject().value(u"name").toString(), QStringLiteral("测试卡盟"));
        reply->deleteLater();
        QNetworkReply* unsigned_ =
            nam.get(QNetworkRequest(QUrl(QStringLiteral("http://127.0.0.1:%1/v1/orders").arg(port.value()))));
        QSignalSpy done2(unsigned_, &QNetworkReply::finished);
        QVERIFY(done2.wait(10000));
        QCOMPARE(unsigned_->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 401);
        QCOMPARE(QJsonDocument::fromJson(unsigned_->readAll()).object().value(u"code").toInt(), 40101);
        unsigned_->deleteLater();
    }
};

QTEST_GUILESS_MAIN(TestBridgeApi)
#include "tst_bridgeapi.moc"
