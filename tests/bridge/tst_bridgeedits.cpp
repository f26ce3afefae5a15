// The edit endpoints of cardops-bridge over the acg fixture on a private MariaDB: goods, categories
// and members edited as acg-faka's admin does (acg-faka-model.md §2.9, §4.2, §4.3, §4.5), checked in
// acg's own columns afterwards; If-Match (412 without, 409 with the current entity when stale), docked
// goods, tier prices, cycles, balance changes with their bill row, idempotent replays and hostile bodies.
#include "bridge/bridgeapi.h"
#include "bridge/bridgedb.h"
#include "bridge/installer.h"
#include "tests/bridge/bridgetestutil.h"
#include "tests/bridge/mariadbserver.h"

#include <QDateTime>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTimeZone>
#include <QtTest>
#include <future>
#include <thread>

using namespace cardops;
using namespace Qt::StringLiterals;
using test::envelopeOf;
using test::signedRequest;

namespace {

constexpr qint64 kNow = 1795900000; // 2026-11-28 21:06:40 UTC = 2026-11-29 05:06:40 Asia/Shanghai
const QString kNowText = u"2026-11-29 05:06:40"_s;
const QString kCheck = u"check"_s; // an acg-style connection reading the columns afterwards

struct Answer
{
    int status = 0;
    int code = 0;
    QString message;
    QJsonObject data;
    QByteArray raw;
};

} // namespace

class TestBridgeEdits : public QObject
{
    Q_OBJECT
private:
    test::MariaDbServer m_server;
    std::unique_ptr<bridge::BridgeDb> m_db;
    std::unique_ptr<bridge::BridgeApi> m_api;
    int m_keys = 0;

    Answer send(const QByteArray& method, const QByteArray& path, const QByteArray& body,
                const QByteArray& ifMatch = {}, QByteArray key = {})
    {
        sim::SimRequest r = signedRequest(method, path, kNow, body);
        if (key.isEmpty())
            key = "edit-" + QByteArray::number(++m_keys);
        if (method != "GET")
            r.headers.append({"Idempotency-Key", key});
        if (!ifMatch.isEmpty())
            r.headers.append({"If-Match", ifMatch});
        const sim::SimResponse response = m_api->handle(r);
        const QJsonObject e = envelopeOf(response);
        return {response.status, e.value(u"code").toInt(), e.value(u"message").toString(),
                e.value(u"data").toObject(), response.body};
    }
    static QByteArray json(const QJsonObject& o) { return QJsonDocument(o).toJson(QJsonDocument::Compact); }
    Answer patch(const QByteArray& path, const QJsonObject& body, qint64 version, const QByteArray& key = {})
    {
        return send("PATCH", path, json(body), QByteArray::number(version), key);
    }
    // The entity as the feed serves it now (version included).
    QJsonObject fromFeed(const QByteArray& feed, qint64 id)
    {
        QByteArray cursor;
        QJsonObject found;
        for (int guard = 0; guard < 50; ++guard) {
            const sim::SimResponse r = m_api->handle(signedRequest(
                "GET", "/v1/" + feed + (cursor.isEmpty() ? QByteArray() : "?cursor=" + cursor), kNow));
            const QJsonObject data = envelopeOf(r).value(u"data").toObject();
            for (const QJsonValue& v : data.value(u"items").toArray())
                if (v.toObject().value(u"id").toInteger() == id)
                    found = v.toObject();
            cursor = data.value(u"next_cursor").toString().toLatin1();
            if (!data.value(u"has_more").toBool())
                break;
        }
        return found;
    }
    qint64 versionOf(const QByteArray& feed, qint64 id)
    {
        return fromFeed(feed, id).value(u"version").toInteger();
    }
    static QVariant col(const QString& sql) { return test::scalar(kCheck, sql); }

private Q_SLOTS:
    void initTestCase()
    {
        CARDOPS_REQUIRE_MARIADB();
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
        QVERIFY2(m_server.loadFixture(u"acg-schema.sql"_s, u"acg_"_s, &error), qPrintable(error));
        QVERIFY2(m_server.loadFixture(u"acg-seed.sql"_s, u"acg_"_s, &error), qPrintable(error));
        // acg-faka 3.6.0 has shared_sync (the fixture leaves it out): goods 3 is docked and synced.
        QVERIFY2(m_server.rootExec(
                     {u"ALTER TABLE acg.acg_commodity ADD `shared_sync` tinyint(3) unsigned NOT NULL "
                      "DEFAULT 0"_s,
                      u"UPDATE acg.acg_commodity SET `shared_sync` = 1 WHERE `id` = 3"_s},
                     &error),
                 qPrintable(error));
        QVERIFY2(!m_server.openWriter(kCheck, &error).isEmpty(), qPrintable(error));
        m_db = std::make_unique<bridge::BridgeDb>(m_server.config(), u"bridge"_s);
        QVERIFY(m_db->open().ok());
        auto report = bridge::install(*m_db);
        QVERIFY2(report.ok(), report.ok() ? "" : qPrintable(report.error().detail));
        m_api =
            std::make_unique<bridge::BridgeApi>(*m_db, report.value().epoch.toLatin1(), [] { return kNow; });
    }
    void cleanupTestCase()
    {
        m_api.reset();
        m_db.reset();
        QSqlDatabase::removeDatabase(kCheck);
    }

    void capabilities()
    {
        const QJsonArray caps = envelopeOf(m_api->handle(signedRequest("GET", "/v1/shop", kNow)))
                                    .value(u"data")
                                    .toObject()
                                    .value(u"capabilities")
                                    .toArray();
        for (const QString& c : {u"goods.write"_s, u"members.write"_s, u"tiers"_s})
            QVERIFY2(caps.contains(c), qPrintable(c));
    }

    void goodsIfMatch()
    {
        // As the simulator: the precondition first (even for an unknown id), then 404, then 409.
        Answer a = send("PATCH", "/v1/goods/1", R"({"sort":1})");
        QCOMPARE(a.status, 412);
        QCOMPARE(a.code, 41200);
        QCOMPARE(send("PATCH", "/v1/goods/1", R"({"sort":1})", "v7").status, 412);
        QCOMPARE(patch("/v1/goods/999", {{u"sort"_s, 1}}, 1).status, 404);
        QCOMPARE(patch("/v1/goods/4", {{u"sort"_s, 1}}, 1).status, 404); // a merchant's goods
        const qint64 version = versionOf("goods", 1);
        QVERIFY(version > 0);
        a = patch("/v1/goods/1", {{u"price"_s, u"11.0000"_s}}, version - 1);
        QCOMPARE(a.status, 409);
        QCOMPARE(a.code, 40900);
        QCOMPARE(a.data.value(u"id").toInteger(), 1);
        QCOMPARE(a.data.value(u"version").toInteger(), version);
        QCOMPARE(a.data.value(u"price").toString(), u"10.0000"_s);
        QCOMPARE(col(u"SELECT CAST(price AS CHAR) FROM acg_commodity WHERE id = 1"_s).toString(), u"10.00"_s);
    }

    void goodsFields()
    {
        const qint64 version = versionOf("goods", 1);
        const QString title = u"Q币 '; DROP TABLE acg_user; -- \"x\""_s;
        const Answer a = patch("/v1/goods/1",
                               {{u"price"_s, u"12.5000"_s},
                                {u"cost"_s, u"8.10"_s},
                                {u"status"_s, u"off"_s},
                                {u"sort"_s, 9},
                                {u"category_id"_s, 2},
                                {u"listing"_s, QJsonObject{{u"title"_s, title},
                                                           {u"spec"_s, u""_s},
                                                           {u"description"_s, u"<b>新</b> 1' OR '1'='1"_s}}}},
                               version);
        QCOMPARE(a.status, 200);
        QCOMPARE(col(u"SELECT CAST(price AS CHAR) FROM acg_commodity WHERE id = 1"_s).toString(), u"12.50"_s);
        QCOMPARE(col(u"SELECT CAST(factory_price AS CHAR) FROM acg_commodity WHERE id = 1"_s).toString(),
                 u"8.10"_s);
        QCOMPARE(col(u"SELECT CAST(user_price AS CHAR) FROM acg_commodity WHERE id = 1"_s).toString(),
                 u"9.90"_s);
        QCOMPARE(col(u"SELECT status FROM acg_commodity WHERE id = 1"_s).toInt(), 0);
        QCOMPARE(col(u"SELECT sort FROM acg_commodity WHERE id = 1"_s).toInt(), 9);
        QCOMPARE(col(u"SELECT category_id FROM acg_commodity WHERE id = 1"_s).toInt(), 2);
        QCOMPARE(col(u"SELECT name FROM acg_commodity WHERE id = 1"_s).toString(), title);
        QCOMPARE(col(u"SELECT description FROM acg_commodity WHERE id = 1"_s).toString(),
                 u"<b>新</b> 1' OR '1'='1"_s);
        QCOMPARE(col(u"SELECT COUNT(*) FROM acg_user"_s).toInt(), 3);
        // The answer is the entity at the write's own new version, the one the feed serves.
        QVERIFY(a.data.value(u"version").toInteger() > version);
        QCOMPARE(a.data.value(u"price").toString(), u"12.5000"_s);
        QCOMPARE(a.data.value(u"cost").toString(), u"8.1000"_s);
        QCOMPARE(a.data.value(u"status").toString(), u"off"_s);
        QCOMPARE(a.data.value(u"name").toString(), title);
        const QJsonObject served = fromFeed("goods", 1);
        QCOMPARE(served.value(u"version").toInteger(), a.data.value(u"version").toInteger());
        QCOMPARE(served, a.data);
        QCOMPARE(col(u"SELECT COUNT(*) FROM cardops_audit WHERE action = 'goods.patch' AND entity_id = 1"_s)
                     .toInt(),
                 1);
        // Only the changed columns: user_price untouched; an unchanged PATCH keeps the version.
        const Answer same = patch("/v1/goods/1", {{u"sort"_s, 9}}, a.data.value(u"version").toInteger());
        QCOMPARE(same.status, 200);
        QCOMPARE(same.data.value(u"version").toInteger(), a.data.value(u"version").toInteger());
    }

    void goodsOwner()
    {
        Answer a = patch("/v1/goods/1", {{u"fulfilment_owner"_s, u"cardops"_s}}, versionOf("goods", 1));
        QCOMPARE(a.status, 200);
        QCOMPARE(a.data.value(u"fulfilment_owner").toString(), u"cardops"_s);
        QCOMPARE(col(u"SELECT delivery_way FROM acg_commodity WHERE id = 1"_s).toInt(), 1);
        a = patch("/v1/goods/1", {{u"fulfilment_owner"_s, u"platform"_s}},
                  a.data.value(u"version").toInteger());
        QCOMPARE(a.status, 200);
        QCOMPARE(col(u"SELECT delivery_way FROM acg_commodity WHERE id = 1"_s).toInt(), 0);
    }

    void dockedGoods()
    {
        const qint64 version = versionOf("goods", 3);
        for (const auto& [field, value] :
             QList<QPair<QString, QJsonValue>>{{u"price"_s, u"1.0000"_s},
                                               {u"cost"_s, u"0.10"_s},
                                               {u"member_price"_s, u"0.95"_s},
                                               {u"tier_prices"_s, QJsonObject{{u"2"_s, u"0.80"_s}}},
                                               {u"fulfilment_owner"_s, u"cardops"_s}}) {
            const Answer a = patch("/v1/goods/3", {{field, value}}, version);
            QCOMPARE(a.status, 412);
            QCOMPARE(a.code, 41200);
            QVERIFY2(a.message.startsWith(field), qPrintable(a.message));
        }
        QCOMPARE(col(u"SELECT CAST(price AS CHAR) FROM acg_commodity WHERE id = 3"_s).toString(), u"0.90"_s);
        QCOMPARE(col(u"SELECT level_price IS NULL FROM acg_commodity WHERE id = 3"_s).toInt(), 1);
        const Answer ok = patch("/v1/goods/3", {{u"sort"_s, 70}, {u"price"_s, u"0.9000"_s}}, version);
        QCOMPARE(ok.status, 200); // the unchanged price is no change
        QCOMPARE(col(u"SELECT sort FROM acg_commodity WHERE id = 3"_s).toInt(), 70);
    }

    void tierPrices()
    {
        // Goods 1: user_price 9.90, level_price {"2": 9.80}; tiers 5 (95 %) and 6 (50 %) discount its group.
        qint64 version = versionOf("goods", 1);
        Answer a =
            patch("/v1/goods/1",
                  {{u"tier_prices"_s, QJsonObject{{u"2"_s, u"9.7000"_s}, {u"3"_s, u"9.9000"_s}}}}, version);
        QCOMPARE(a.status, 200);
        QCOMPARE(a.data.value(u"tier_prices").toObject().value(u"2").toString(), u"9.7000"_s);
        QCOMPARE(col(u"SELECT level_price FROM acg_commodity WHERE id = 1"_s).toString(),
                 QString::fromUtf8(R"({"2":{"amount":"9.70","show":1}})"));
        version = a.data.value(u"version").toInteger();
        for (const QJsonObject& inexact :
             {QJsonObject{{u"6"_s, u"5.0000"_s}}, QJsonObject{{u"1"_s, u"10.5000"_s}}}) {
            a = patch("/v1/goods/1", {{u"tier_prices"_s, inexact}}, version);
            QCOMPARE(a.status, 412);
            QVERIFY(a.message.startsWith(u"tier_prices"_s));
        }
        a = patch("/v1/goods/1", {{u"tier_prices"_s, QJsonObject{{u"99"_s, u"1.0000"_s}}}}, version);
        QCOMPARE(a.status, 400);
        QCOMPARE(a.message, u"tier_prices"_s);
        // Back to the member price: the amount is cleared (acg ignores 0).
        a = patch("/v1/goods/1", {{u"tier_prices"_s, QJsonObject{{u"2"_s, u"9.9000"_s}}}}, version);
        QCOMPARE(a.status, 200);
        QCOMPARE(col(u"SELECT level_price FROM acg_commodity WHERE id = 1"_s).toString(),
                 QString::fromUtf8(R"({"2":{"amount":"0.00","show":1}})"));
    }

    void goodsRefusals_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("message");
        QTest::newRow("three places") << QByteArray(R"({"price":"9.999"})") << 400 << u"price"_s;
        QTest::newRow("third decimal") << QByteArray(R"({"price":"9.9910"})") << 400 << u"price"_s;
        QTest::newRow("negative") << QByteArray(R"({"cost":"-1.00"})") << 400 << u"cost"_s;
        QTest::newRow("number") << QByteArray(R"({"price":9.9})") << 400 << u"price"_s;
        QTest::newRow("zero price") << QByteArray(R"({"price":"0"})") << 400 << u"price"_s;
        QTest::newRow("too big") << QByteArray(R"({"price":"100000000.00"})") << 400 << u"price"_s;
        QTest::newRow("cost above price") << QByteArray(R"({"cost":"99.00"})") << 400 << u"cost"_s;
        QTest::newRow("unknown") << QByteArray(R"({"owner":1001})") << 400 << u"owner"_s;
        QTest::newRow("sql key") << QByteArray(R"({"price`=0;--":"1"})") << 400 << u"price`=0;--"_s;
        QTest::newRow("merchant category") << QByteArray(R"({"category_id":3})") << 400 << u"category_id"_s;
        QTest::newRow("sort range") << QByteArray(R"({"sort":70000})") << 400 << u"sort"_s;
        QTest::newRow("status") << QByteArray(R"({"status":1})") << 400 << u"status"_s;
        QTest::newRow("listing key") << QByteArray(R"({"listing":{"cover":"x"}})") << 400
                                     << u"listing.cover"_s;
        QTest::newRow("not an object") << QByteArray("[1,2]") << 400 << u"body"_s;
        QTest::newRow("spec") << QByteArray(R"({"listing":{"spec":"100元"}})") << 403 << QString();
        QTest::newRow("contract prices")
            << QByteArray(R"({"contract_prices":[{"member_id":1000,"price":"1.00"}]})") << 403 << QString();
    }
    void goodsRefusals()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, message);
        const QVariant before =
            col(u"SELECT CONCAT_WS('|', price, factory_price, category_id, sort, status) FROM "
                "acg_commodity WHERE id = 1"_s);
        const Answer a = send("PATCH", "/v1/goods/1", body, QByteArray::number(versionOf("goods", 1)));
        QCOMPARE(a.status, status);
        if (status == 403)
            QCOMPARE(a.code, 40300);
        else
            QCOMPARE(a.message, message);
        QCOMPARE(
            col(u"SELECT CONCAT_WS('|', price, factory_price, category_id, sort, status) FROM acg_commodity "
                "WHERE id = 1"_s),
            before);
    }

    void createGoods()
    {
        QCOMPARE(send("POST", "/v1/goods", R"({"name":"x","category_id":1})").message, u"price"_s);
        QCOMPARE(send("POST", "/v1/goods", R"({"name":"x","category_id":1,"price":"1.00","sku":"X"})").status,
                 403);
        const Answer a = send(
            "POST", "/v1/goods",
            json({{u"name"_s, u"新商品"_s},
                  {u"category_id"_s, 1},
                  {u"kind"_s, u"card"_s},
                  {u"face_value"_s, u"10.0000"_s},
                  {u"price"_s, u"10.0000"_s},
                  {u"cost"_s, u"9.00"_s},
                  {u"fulfilment_owner"_s, u"cardops"_s},
                  {u"sort"_s, 4},
                  {u"card_format"_s, u"single"_s},
                  {u"listing"_s,
                   QJsonObject{{u"title"_s, u"新商品"_s}, {u"spec"_s, u""_s}, {u"description"_s, u"d"_s}}}}));
        QCOMPARE(a.status, 200);
        const qint64 id = a.data.value(u"id").toInteger();
        QVERIFY(id > 4);
        QVERIFY(a.data.value(u"version").toInteger() > 0);
        QCOMPARE(a.data, fromFeed("goods", id));
        const QString where = u" FROM acg_commodity WHERE id = "_s + QString::number(id);
        QCOMPARE(
            col(u"SELECT CONCAT_WS('|', owner, name, description, price, user_price, factory_price, status, "
                "delivery_way, sort, category_id, CAST(create_time AS CHAR))"_s +
                where)
                .toString(),
            u"0|新商品|d|10.00|10.00|9.00|1|1|4|1|"_s + kNowText);
        QVERIFY(QRegularExpression(u"^[0-9A-F]{16}$"_s)
                    .match(col(u"SELECT code"_s + where).toString())
                    .hasMatch());
        QCOMPARE(a.data.value(u"sku").toString(), col(u"SELECT code"_s + where).toString());
    }

    void categories()
    {
        Answer a = send("POST", "/v1/categories",
                        json({{u"name"_s, u"子分类 '--"_s},
                              {u"parent_id"_s, 1},
                              {u"sort"_s, 3},
                              {u"status"_s, u"off"_s}}));
        QCOMPARE(a.status, 200);
        const qint64 child = a.data.value(u"id").toInteger();
        const QString where = u" FROM acg_category WHERE id = "_s + QString::number(child);
        QCOMPARE(
            col(u"SELECT CONCAT_WS('|', name, pid, sort, status, owner, CAST(create_time AS CHAR))"_s + where)
                .toString(),
            u"子分类 '--|1|3|0|0|"_s + kNowText);
        QCOMPARE(a.data.value(u"parent_id").toInteger(), 1);
        QCOMPARE(send("POST", "/v1/categories", R"({"sort":1})").message, u"name"_s);
        QCOMPARE(send("POST", "/v1/categories", R"({"name":"x","parent_id":3})").message, u"parent_id"_s);
        // Category 1 under its own child: a cycle; under itself: self.
        const qint64 v1 = versionOf("categories", 1);
        QCOMPARE(patch("/v1/categories/1", {{u"parent_id"_s, child}}, v1).message, u"parent_id"_s);
        QCOMPARE(patch("/v1/categories/1", {{u"parent_id"_s, 1}}, v1).message, u"parent_id"_s);
        QCOMPARE(col(u"SELECT pid IS NULL FROM acg_category WHERE id = 1"_s).toInt(), 1);
        QCOMPARE(send("PATCH", "/v1/categories/1", R"({"sort":1})").status, 412);
        QCOMPARE(patch("/v1/categories/1", {{u"sort"_s, 1}}, v1 - 1).status, 409);
        // Parent 0 is stored as NULL.
        a = patch("/v1/categories/" + QByteArray::number(child),
                  {{u"parent_id"_s, 0}, {u"name"_s, u"顶级"_s}, {u"status"_s, u"on"_s}},
                  a.data.value(u"version").toInteger());
        QCOMPARE(a.status, 200);
        QCOMPARE(col(u"SELECT CONCAT_WS('|', name, IFNULL(pid, 'NULL'), status)"_s + where).toString(),
                 u"顶级|NULL|1"_s);
        QCOMPARE(a.data, fromFeed("categories", child));
    }

    void members()
    {
        // alice 1000 (recharge 120 → tier 3), bob 1001 (parent alice), carol 1002.
        const qint64 version = versionOf("members", 1000);
        QCOMPARE(send("PATCH", "/v1/members/1000", R"({"tier_id":4})").status, 412);
        QCOMPARE(patch("/v1/members/1000", {{u"parent_id"_s, 1001}}, version).message,
                 u"parent_id"_s); // cycle
        QCOMPARE(patch("/v1/members/1000", {{u"parent_id"_s, 1000}}, version).message,
                 u"parent_id"_s); // self
        QCOMPARE(patch("/v1/members/1000", {{u"parent_id"_s, 5}}, version).message,
                 u"parent_id"_s); // unknown
        QCOMPARE(patch("/v1/members/1000", {{u"tier_id"_s, 99}}, version).message, u"tier_id"_s);
        QCOMPARE(patch("/v1/members/1000", {{u"tags"_s, QJsonArray{u" "_s}}}, version).message, u"tags"_s);
        QCOMPARE(patch("/v1/members/1000", {{u"banned"_s, true}}, version).message, u"banned"_s);
        QCOMPARE(col(u"SELECT CONCAT_WS('|', pid, recharge) FROM acg_user WHERE id = 1000"_s).toString(),
                 u"0|120.00"_s);
        const QJsonArray tags{u"老客户"_s, u"x'); DROP TABLE acg_user;--"_s};
        const Answer a = patch("/v1/members/1000", {{u"tier_id"_s, 4}, {u"tags"_s, tags}}, version);
        QCOMPARE(a.status, 200);
        QCOMPARE(col(u"SELECT CAST(recharge AS CHAR) FROM acg_user WHERE id = 1000"_s).toString(),
                 u"200.00"_s);
        QCOMPARE(a.data.value(u"tier_id").toInteger(), 4);
        QCOMPARE(a.data.value(u"tags").toArray(), tags);
        QCOMPARE(a.data, fromFeed("members", 1000));
        // A tags-only change moves the version too (the bridge's own change row).
        const Answer t = patch("/v1/members/1000", {{u"tags"_s, QJsonArray{u"VIP"_s}}},
                               a.data.value(u"version").toInteger());
        QCOMPARE(t.status, 200);
        QVERIFY(t.data.value(u"version").toInteger() > a.data.value(u"version").toInteger());
        QCOMPARE(t.data.value(u"tags").toArray(), QJsonArray{u"VIP"_s});
        QCOMPARE(col(u"SELECT tags FROM cardops_member_tags WHERE member_id = 1000"_s).toString(),
                 QString::fromUtf8(R"(["VIP"])"));
        // The same tier again does not overwrite the cumulative top-up.
        const Answer c = patch("/v1/members/1002", {{u"parent_id"_s, 1001}, {u"tier_id"_s, 1}},
                               versionOf("members", 1002));
        QCOMPARE(c.status, 200);
        QCOMPARE(col(u"SELECT CONCAT_WS('|', pid, recharge) FROM acg_user WHERE id = 1002"_s).toString(),
                 u"1001|49.99"_s);
        QCOMPARE(
            patch("/v1/members/1000", {{u"parent_id"_s, 1002}}, t.data.value(u"version").toInteger()).message,
            u"parent_id"_s); // 1002 → 1001 → 1000: a longer cycle
    }

    void balance()
    {
        const auto bills = [] {
            return col(u"SELECT COUNT(*) FROM acg_bill WHERE owner = 1000"_s).toInt();
        };
        const int before = bills();
        const QString recharge = col(u"SELECT recharge FROM acg_user WHERE id = 1000"_s).toString();
        Answer a = send("POST", "/v1/members/1000/balance",
                        json({{u"amount"_s, u"5.5000"_s}, {u"reason"_s, u"补偿 '; DELETE"_s}}), {},
                        "balance-credit");
        QCOMPARE(a.status, 200);
        QCOMPARE(a.data.value(u"balance").toString(), u"17.8000"_s);
        QCOMPARE(a.data, fromFeed("members", 1000));
        QCOMPARE(bills(), before + 1);
        QCOMPARE(col(u"SELECT CONCAT_WS('|', amount, balance, type, currency, log, CAST(create_time AS "
                     u"CHAR)) FROM "
                     "acg_bill WHERE owner = 1000 ORDER BY id DESC LIMIT 1"_s)
                     .toString(),
                 u"5.50|17.80|1|0|补偿 '; DELETE|"_s + kNowText);
        QCOMPARE(col(u"SELECT recharge FROM acg_user WHERE id = 1000"_s).toString(), recharge);
        // The same key again: the first answer, no second bill.
        const Answer again = send("POST", "/v1/members/1000/balance",
                                  json({{u"amount"_s, u"5.5000"_s}, {u"reason"_s, u"补偿 '; DELETE"_s}}), {},
                                  "balance-credit");
        QCOMPARE(again.raw, a.raw);
        QCOMPARE(bills(), before + 1);
        for (const QByteArray& body :
             {QByteArray(R"({"amount":"-17.8100","reason":"扣款"})"),
              QByteArray(R"({"amount":"1.001","reason":"扣款"})"),
              QByteArray(R"({"amount":"0","reason":"扣款"})"), QByteArray(R"({"amount":-1,"reason":"扣款"})"),
              QByteArray(R"({"amount":"100000000.00","reason":"扣款"})")})
            QCOMPARE(send("POST", "/v1/members/1000/balance", body).message, u"amount"_s);
        QCOMPARE(send("POST", "/v1/members/1000/balance", R"({"amount":"1.00","reason":"x"})").message,
                 u"reason"_s);
        QCOMPARE(
            send("POST", "/v1/members/1000/balance", R"({"amount":"1.00","reason":"扣款","wallet":"coin"})")
                .message,
            u"wallet"_s);
        QCOMPARE(send("POST", "/v1/members/4242/balance", R"({"amount":"1.00","reason":"扣款"})").status,
                 404);
        QCOMPARE(bills(), before + 1);
        a = send("POST", "/v1/members/1000/balance", R"({"amount":"-17.8000","reason":"清零"})");
        QCOMPARE(a.status, 200);
        QCOMPARE(col(u"SELECT CAST(balance AS CHAR) FROM acg_user WHERE id = 1000"_s).toString(), u"0.00"_s);
        QCOMPARE(col(u"SELECT CONCAT_WS('|', amount, balance, type, currency, log) FROM acg_bill WHERE owner "
                     u"= 1000 "
                     "ORDER BY id DESC LIMIT 1"_s)
                     .toString(),
                 u"17.80|0.00|0|0|清零"_s);
    }

    void idempotentPatch()
    {
        const qint64 version = versionOf("goods", 2);
        const Answer first = patch("/v1/goods/2", {{u"sort"_s, 11}}, version, "patch-once");
        QCOMPARE(first.status, 200);
        // The replay is the stored answer, which carries the write's new version.
        const Answer replay = patch("/v1/goods/2", {{u"sort"_s, 11}}, version, "patch-once");
        QCOMPARE(replay.raw, first.raw);
        QCOMPARE(replay.data.value(u"version").toInteger(), versionOf("goods", 2));
        QCOMPARE(
            send("PATCH", "/v1/goods/1", R"({"sort":11})", QByteArray::number(version), "patch-once").message,
            u"Idempotency-Key"_s);
    }

    void acgCommitBetween()
    {
        // acg's admin changes the goods after the client read it: the edit based on the old version
        // is refused with the new state, whether or not the sequencer already moved the change.
        const qint64 version = versionOf("goods", 2);
        QSqlQuery q(QSqlDatabase::database(kCheck));
        QVERIFY(q.exec(u"UPDATE acg_commodity SET price = 21.00 WHERE id = 2"_s));
        const Answer a = patch("/v1/goods/2", {{u"price"_s, u"25.00"_s}}, version);
        QCOMPARE(a.status, 409);
        QCOMPARE(a.data.value(u"price").toString(), u"21.0000"_s);
        QVERIFY(a.data.value(u"version").toInteger() > version);
        QCOMPARE(col(u"SELECT CAST(price AS CHAR) FROM acg_commodity WHERE id = 2"_s).toString(), u"21.00"_s);
    }

    void acgCommitsWhileTheEditWaits()
    {
        // acg's admin holds goods 2 (changed, not committed) when the edit starts: the sequencer
        // cannot see the change, the edit waits for the row lock, acg commits. The edit, still based
        // on the old version, must not win: its version check sees the committed change in the inbox.
        const qint64 version = versionOf("goods", 2);
        std::promise<bool> holding;
        std::thread acg([this, &holding] {
            QString error;
            const QString name = m_server.openWriter(u"acg-admin"_s, &error);
            {
                QSqlQuery q(QSqlDatabase::database(name, false));
                const bool held = !name.isEmpty() && q.exec(u"START TRANSACTION"_s) &&
                                  q.exec(u"UPDATE acg_commodity SET price = 22.00 WHERE id = 2"_s);
                holding.set_value(held);
                QThread::msleep(1500);
                q.exec(u"COMMIT"_s);
            }
            QSqlDatabase::database(u"acg-admin"_s, false).close();
            QSqlDatabase::removeDatabase(u"acg-admin"_s);
        });
        const bool held = holding.get_future().get();
        const Answer a = patch("/v1/goods/2", {{u"price"_s, u"25.00"_s}}, version);
        acg.join();
        QVERIFY(held);
        QCOMPARE(a.status, 409);
        QCOMPARE(a.data.value(u"price").toString(), u"22.0000"_s);
        QVERIFY(a.data.value(u"version").toInteger() > version);
        QCOMPARE(col(u"SELECT CAST(price AS CHAR) FROM acg_commodity WHERE id = 2"_s).toString(), u"22.00"_s);
    }

    void tiers()
    {
        const QJsonObject ladder =
            envelopeOf(m_api->handle(signedRequest("GET", "/v1/tiers", kNow))).value(u"data").toObject();
        const qint64 version = ladder.value(u"version").toInteger();
        const QJsonArray items = ladder.value(u"items").toArray();
        QCOMPARE(items.size(), 6);
        const auto with = [&items](qint64 id, const QJsonObject& fields) {
            QJsonArray out;
            for (const QJsonValue& v : items) {
                QJsonObject o = v.toObject();
                if (o.value(u"id").toInteger() == id)
                    for (auto it = fields.begin(); it != fields.end(); ++it)
                        o.insert(it.key(), it.value());
                out.append(o);
            }
            return json({{u"items"_s, out}});
        };
        const auto threshold = [](const QString& t) {
            return QJsonObject{{u"threshold"_s, t}, {u"upgrade"_s, QJsonObject{{u"recharge_total"_s, t}}}};
        };
        const QByteArray v = QByteArray::number(version);
        QCOMPARE(send("PUT", "/v1/tiers", json({{u"items"_s, items}})).status, 412);
        Answer a = send("PUT", "/v1/tiers", json({{u"items"_s, items}}), QByteArray::number(version + 1));
        QCOMPARE(a.status, 409);
        QCOMPARE(a.data, ladder);
        QCOMPARE(send("PUT", "/v1/tiers", with(5, {{u"discount"_s, u"95%"_s}}), v).code, 40300);
        QCOMPARE(send("PUT", "/v1/tiers", with(5, {{u"group_discounts"_s, QJsonObject()}}), v).code, 40300);
        QCOMPARE(send("PUT", "/v1/tiers", with(5, {{u"commission_rates"_s, QJsonArray{u"1%"_s}}}), v).code,
                 40300);
        QJsonArray fewer = items;
        fewer.removeLast();
        QCOMPARE(send("PUT", "/v1/tiers", json({{u"items"_s, fewer}}), v).code, 40300);
        QCOMPARE(send("PUT", "/v1/tiers", with(2, threshold(u"100.0000"_s)), v).message, u"threshold"_s);
        QCOMPARE(send("PUT", "/v1/tiers", with(2, {{u"threshold"_s, u"1.001"_s}}), v).message,
                 u"threshold"_s);
        QCOMPARE(send("PUT", "/v1/tiers", with(2, {{u"name"_s, u""_s}}), v).message, u"name"_s);
        QCOMPARE(col(u"SELECT GROUP_CONCAT(CONCAT_WS(':', name, recharge) ORDER BY id) FROM acg_user_group"_s)
                     .toString(),
                 u"一贫如洗:0.00,小康之家:50.00,白领:100.00,富豪:200.00,大亨:300.00,至尊:500.00"_s);
        // A rename and a swap of two thresholds (UNIQUE in acg) in one ladder.
        QJsonArray edited;
        for (const QJsonValue& item : items) {
            QJsonObject o = item.toObject();
            const qint64 id = o.value(u"id").toInteger();
            if (id == 2)
                o.insert(u"name"_s, u"银牌 '--"_s);
            if (id == 3 || id == 4) {
                const QJsonObject t = threshold(id == 3 ? u"200.0000"_s : u"100.0000"_s);
                for (auto it = t.begin(); it != t.end(); ++it)
                    o.insert(it.key(), it.value());
            }
            edited.append(o);
        }
        a = send("PUT", "/v1/tiers", json({{u"items"_s, edited}}), v);
        QCOMPARE(a.status, 200);
        QCOMPARE(col(u"SELECT GROUP_CONCAT(CONCAT_WS(':', name, recharge) ORDER BY id) FROM acg_user_group"_s)
                     .toString(),
                 u"一贫如洗:0.00,银牌 '--:50.00,白领:200.00,富豪:100.00,大亨:300.00,至尊:500.00"_s);
        QVERIFY(a.data.value(u"version").toInteger() > version);
        QCOMPARE(
            a.data,
            envelopeOf(m_api->handle(signedRequest("GET", "/v1/tiers", kNow))).value(u"data").toObject());
        // alice's cumulative 200.00 now reaches tier 3: the member feed re-tiers her.
        QCOMPARE(fromFeed("members", 1000).value(u"tier_id").toInteger(), 3);
    }
};

QTEST_GUILESS_MAIN(TestBridgeEdits)
#include "tst_bridgeedits.moc"
