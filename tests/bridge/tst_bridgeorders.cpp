// The fulfilment side of cardops-bridge on a private MariaDB (acg-faka-model.md §2.2, §4.7, §4.11):
// the lease (take, renew, 409, release, expiry), manual delivery of a handed-over order (the acg
// row changes exactly as acg's 发货 changes it, nothing else), refusals, idempotent replays,
// two concurrent deliveries of one order, and the bridge's review hold in the orders feed.
#include "bridge/bridgeapi.h"
#include "bridge/bridgedb.h"
#include "bridge/installer.h"
#include "bridge/orderwrites.h"
#include "tests/bridge/bridgefixture.h"
#include "tests/bridge/bridgetestutil.h"
#include "tests/bridge/mariadbserver.h"

#include <QDateTime>
#include <QJsonArray>
#include <QSqlRecord>
#include <QtTest>
#include <latch>
#include <thread>

using namespace cardops;
using namespace Qt::StringLiterals;
using test::envelopeOf;
using test::scalar;
using test::signedRequest;

namespace {

constexpr qint64 kStart = test::BridgeFixture::kNow; // 2026-11-29

QByteArray json(const QJsonObject& o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace

class TestBridgeOrders : public QObject, public test::BridgeFixture
{
    Q_OBJECT
private:
    sim::SimResponse send(const QByteArray& method, const QByteArray& path, const QJsonObject& body = {},
                          const QByteArray& key = {})
    {
        return BridgeFixture::send(method, path, method == "GET" ? QByteArray() : json(body), key);
    }
    QJsonObject call(const QByteArray& method, const QByteArray& path, const QJsonObject& body, int status,
                     const QByteArray& key = {})
    {
        return BridgeFixture::call(method, path, method == "GET" ? QByteArray() : json(body), status, key);
    }
    QJsonObject shopLease() { return call("GET", "/v1/shop", {}, 200)[u"data"][u"fulfilment"].toObject(); }
    void takeLease(const QString& holder)
    {
        const QJsonObject e = call("POST", "/v1/fulfilment/lease", {{u"holder"_s, holder}}, 200);
        QCOMPARE(e[u"data"][u"holder"].toString(), holder);
    }
    // Every order the feed serves after *cursor, by id (the newest state of each).
    QHash<qint64, QJsonObject> orderFeed(QByteArray* cursor)
    {
        QHash<qint64, QJsonObject> out;
        for (int guard = 0; guard < 50; ++guard) {
            const QByteArray path = "/v1/orders" + (cursor->isEmpty() ? QByteArray() : "?cursor=" + *cursor);
            const QJsonObject data = call("GET", path, {}, 200).value(u"data").toObject();
            for (const QJsonValue& v : data.value(u"items").toArray())
                out.insert(v[u"id"].toInteger(), v.toObject());
            *cursor = data.value(u"next_cursor").toString().toLatin1();
            if (!data.value(u"has_more").toBool())
                break;
        }
        return out;
    }
    // Every column of one acg row, as text.
    QStringList row(const QString& table, qint64 id)
    {
        QSqlQuery q(QSqlDatabase::database(u"writer"_s, false));
        if (!q.exec(u"SELECT * FROM %1 WHERE id = %2"_s.arg(table).arg(id)) || !q.next())
            return {};
        QStringList out;
        for (int i = 0; i < q.record().count(); ++i)
            out << q.record().fieldName(i) + u'=' + (q.value(i).isNull() ? u"NULL"_s : q.value(i).toString());
        return out;
    }
    // CHECKSUM TABLE's checksum (its second column).
    QString checksum(const QString& table)
    {
        QSqlQuery q(QSqlDatabase::database(u"writer"_s, false));
        return q.exec(u"CHECKSUM TABLE "_s + table) && q.next() ? q.value(1).toString() : QString();
    }
    // acg's payment of a manual-goods order (§2.2 "At payment"): paid, not delivered, the placeholder.
    void paidManualOrder(qint64 id)
    {
        exec(
            u"INSERT INTO acg_order (id, owner, user_id, trade_no, amount, commodity_id, card_num, pay_id, "
            "create_time, create_ip, create_device, pay_time, status, secret, contact, delivery_status, "
            "widget, rent) VALUES (%1, 1000, 0, '%2', 19.99, 2, 1, 1, '2026-11-29 09:00:00', '127.0.0.1', 0, "
            "'2026-11-29 09:00:05', 1, '正在发货中，请耐心等待，如有疑问，请联系客服。', 'a1b2c3d4e5f60718', "
            "0, "
            "'[]', 18.00)"_s.arg(id)
                .arg(900261129090000000LL + id));
    }

private Q_SLOTS:
    void initTestCase()
    {
        CARDOPS_REQUIRE_MARIADB();
        m_keyPrefix = "k";
        QString error;
        QVERIFY2(startDatabase(&error), qPrintable(error));
        for (qint64 id : {20, 21, 22})
            paidManualOrder(id);
        // An unpaid manual order (status 0, no pay_time).
        exec(u"INSERT INTO acg_order (id, owner, user_id, trade_no, amount, commodity_id, card_num, pay_id, "
             "create_time, create_ip, create_device, status, widget) VALUES (23, 0, 0, '230261129100000000', "
             "19.99, 2, 1, 2, '2026-11-29 10:00:00', '127.0.0.1', 0, 0, '[]')"_s);
        QVERIFY2(installBridge(&error), qPrintable(error));
    }
    void cleanupTestCase() { stop(); }

    void lease()
    {
        const QJsonArray caps = call("GET", "/v1/shop", {}, 200)[u"data"][u"capabilities"].toArray();
        QVERIFY(caps.contains(u"lease"_s));
        QVERIFY(caps.contains(u"orders.deliver"_s));
        QVERIFY(!caps.contains(u"orders.refund"_s));
        QCOMPARE(shopLease(), (QJsonObject{{u"holder"_s, u""_s}, {u"expires_at"_s, 0}}));

        QJsonObject e = call("POST", "/v1/fulfilment/lease", {{u"holder"_s, u"console-a"_s}}, 200);
        QCOMPARE(e[u"data"].toObject(),
                 (QJsonObject{{u"holder"_s, u"console-a"_s}, {u"expires_at"_s, kStart + 60}}));
        QCOMPARE(shopLease()[u"holder"].toString(), u"console-a"_s);
        m_now += 20; // renewal by the holder
        e = call("POST", "/v1/fulfilment/lease", {{u"holder"_s, u"console-a"_s}}, 200);
        QCOMPARE(e[u"data"][u"expires_at"].toInteger(), kStart + 80);
        QCOMPARE(one(u"SELECT CONCAT(holder, ' ', expires_at) FROM cardops_lease WHERE id = 1"_s).toString(),
                 u"console-a %1"_s.arg(kStart + 80));
        // Someone else: 409 / 40901 with the lease as it stands, for taking and for releasing.
        for (const QByteArray method : {"POST", "DELETE"}) {
            e = call(method, "/v1/fulfilment/lease", {{u"holder"_s, u"console-b"_s}}, 409);
            QCOMPARE(e[u"code"].toInt(), 40901);
            QCOMPARE(e[u"data"].toObject(),
                     (QJsonObject{{u"holder"_s, u"console-a"_s}, {u"expires_at"_s, kStart + 80}}));
        }
        e = call("DELETE", "/v1/fulfilment/lease", {{u"holder"_s, u"console-a"_s}}, 200);
        QCOMPARE(e[u"data"].toObject(), (QJsonObject{{u"holder"_s, u""_s}, {u"expires_at"_s, 0}}));
        QCOMPARE(shopLease(), (QJsonObject{{u"holder"_s, u""_s}, {u"expires_at"_s, 0}}));
        // Expiry: past its 60 s another console takes it; the shop shows a lapsed lease as free.
        takeLease(u"console-a"_s);
        m_now += 60;
        QCOMPARE(shopLease(), (QJsonObject{{u"holder"_s, u""_s}, {u"expires_at"_s, 0}}));
        e = call("POST", "/v1/fulfilment/lease", {{u"holder"_s, u"console-b"_s}}, 200);
        QCOMPARE(e[u"data"][u"expires_at"].toInteger(), m_now + 60);
        QCOMPARE(one(u"SELECT COUNT(*) FROM cardops_audit WHERE action = 'lease.take'"_s).toInt(), 3);
        // Bad holders, a missing key.
        QCOMPARE(call("POST", "/v1/fulfilment/lease", {{u"holder"_s, u""_s}}, 400)[u"message"].toString(),
                 u"holder"_s);
        call("POST", "/v1/fulfilment/lease", {{u"holder"_s, QString(65, u'x')}}, 400);
        call("POST", "/v1/fulfilment/lease", {{u"holder"_s, 7}}, 400);
        sim::SimRequest unkeyed = signedRequest("POST", "/v1/fulfilment/lease", m_now, R"({"holder":"x"})");
        QCOMPARE(m_api->handle(unkeyed).status, 400);
        call("DELETE", "/v1/fulfilment/lease", {{u"holder"_s, u"console-b"_s}}, 200);
    }

    void deliver()
    {
        QByteArray cursor;
        const qint64 before = orderFeed(&cursor).value(2)[u"version"].toInteger();
        QVERIFY(before > 0);
        takeLease(u"console-a"_s);
        const QStringList orderBefore = row(u"acg_order"_s, 2);
        const QStringList goodsBefore = row(u"acg_commodity"_s, 2);
        const QString cards = checksum(u"acg_card"_s), bills = checksum(u"acg_bill"_s),
                      users = checksum(u"acg_user"_s);
        const qint64 audits = one(u"SELECT COUNT(*) FROM cardops_audit"_s).toLongLong();
        QCOMPARE(orderBefore.size(), 33); // every column of acg_order
        QVERIFY(!goodsBefore.isEmpty());
        QVERIFY(!cards.isEmpty() && cards != u"0" && !bills.isEmpty() && !users.isEmpty());

        const QJsonObject body{{u"cards"_s, QJsonArray{u"NE-A1 PW-1"_s, u"NE-A2 PW-2"_s}},
                               {u"holder"_s, u"console-a"_s},
                               {u"if_status"_s, u"handed_over"_s}};
        const sim::SimResponse first = send("POST", "/v1/orders/2/deliver", body, "deliver-2");
        QCOMPARE(first.status, 200);
        const QJsonObject o = envelopeOf(first)[u"data"].toObject();
        QCOMPARE(o[u"id"].toInteger(), 2);
        QCOMPARE(o[u"status"].toString(), u"delivered"_s);
        QCOMPARE(o[u"handed_over"].toBool(), true);
        QCOMPARE(o[u"delivered_at"].toInteger(), m_now);
        QCOMPARE(o[u"amount"].toString(), u"20.5000"_s);

        // §2.2 step 5: secret and delivery_status, nothing else.
        QStringList expected = orderBefore;
        for (QString& c : expected) {
            if (c.startsWith(u"secret="))
                c = u"secret=NE-A1 PW-1\nNE-A2 PW-2"_s;
            if (c.startsWith(u"delivery_status="))
                c = u"delivery_status=1"_s;
        }
        QCOMPARE(row(u"acg_order"_s, 2), expected);
        QCOMPARE(row(u"acg_commodity"_s, 2), goodsBefore); // stock untouched
        QCOMPARE(checksum(u"acg_card"_s), cards);
        QCOMPARE(checksum(u"acg_bill"_s), bills);
        QCOMPARE(checksum(u"acg_user"_s), users);
        QCOMPARE(one(u"SELECT COUNT(*) FROM cardops_audit"_s).toLongLong(), audits + 1);
        QCOMPARE(
            one(u"SELECT CONCAT(action, ' ', entity, ' ', entity_id) FROM cardops_audit ORDER BY id DESC "
                "LIMIT 1"_s)
                .toString(),
            u"order.deliver order 2"_s);
        QVERIFY(!one(u"SELECT detail FROM cardops_audit ORDER BY id DESC LIMIT 1"_s)
                     .toString()
                     .contains(u"NE-A1"));

        // The feed serves the delivery at a new version, dated by the trigger's change row.
        const QJsonObject fed = orderFeed(&cursor).value(2);
        QCOMPARE(fed[u"status"].toString(), u"delivered"_s);
        QVERIFY(fed[u"version"].toInteger() > before);
        QVERIFY(qAbs(fed[u"delivered_at"].toInteger() - QDateTime::currentSecsSinceEpoch()) < 120);

        // The same key replays the first answer byte for byte and writes nothing again.
        const QString changes = checksum(u"cardops_feed"_s);
        const sim::SimResponse again = send("POST", "/v1/orders/2/deliver", body, "deliver-2");
        QCOMPARE(again.status, 200);
        QCOMPARE(again.body, first.body);
        QCOMPARE(one(u"SELECT COUNT(*) FROM cardops_audit"_s).toLongLong(), audits + 1);
        QCOMPARE(one(u"SELECT COUNT(*) FROM cardops_change"_s).toInt(), 0);
        QVERIFY(orderFeed(&cursor).isEmpty());
        QCOMPARE(checksum(u"cardops_feed"_s), changes);
        // The same key on another path is refused.
        const QJsonObject other = call("POST", "/v1/orders/20/deliver", body, 400, "deliver-2");
        QCOMPARE(other[u"message"].toString(), u"Idempotency-Key"_s);
        QCOMPARE(one(u"SELECT delivery_status FROM acg_order WHERE id = 20"_s).toInt(), 0);
    }

    void refusals()
    {
        takeLease(u"console-a"_s);
        const QJsonObject cards{{u"cards"_s, QJsonArray{u"X-1"_s}}};
        auto with = [&cards](const QString& holder) {
            QJsonObject b = cards;
            if (!holder.isEmpty())
                b.insert(u"holder"_s, holder);
            return b;
        };
        // Not the lease holder: 403 / 40301 (no holder, another one); 40300 is a refused action.
        QCOMPARE(call("POST", "/v1/orders/20/deliver", with({}), 403)[u"code"].toInt(), 40301);
        QCOMPARE(call("POST", "/v1/orders/20/deliver", with(u"console-z"_s), 403)[u"code"].toInt(), 40301);
        // The header names the holder too (docs/platform-api.md).
        sim::SimRequest viaHeader =
            signedRequest("POST", "/v1/orders/20/deliver", m_now,
                          json({{u"cards"_s, QJsonArray{u"H-1"_s}}, {u"if_status"_s, u"paid"_s}}));
        viaHeader.headers.append({QByteArray("Idempotency-Key"), QByteArray("via-header")});
        viaHeader.headers.append({QByteArray("X-Lease-Holder"), QByteArray("console-a")});
        const sim::SimResponse h = m_api->handle(viaHeader);
        QCOMPARE(h.status, 409); // past the lease check; if_status differs
        QCOMPARE(envelopeOf(h)[u"data"][u"status"].toString(), u"handed_over"_s);
        // Already delivered, judged by delivery_status alone.
        QJsonObject e = call("POST", "/v1/orders/2/deliver", with(u"console-a"_s), 409);
        QCOMPARE(e[u"code"].toInt(), 40900);
        QCOMPARE(e[u"message"].toString(), u"order is already delivered"_s);
        QCOMPARE(e[u"data"][u"status"].toString(), u"delivered"_s);
        // Automatic goods (delivered at payment; unpaid) and an unpaid manual order.
        e = call("POST", "/v1/orders/1/deliver", with(u"console-a"_s), 409);
        QCOMPARE(e[u"message"].toString(), u"order is not deliverable: not a manual-delivery goods"_s);
        call("POST", "/v1/orders/4/deliver", with(u"console-a"_s), 409);
        QCOMPARE(call("POST", "/v1/orders/23/deliver", with(u"console-a"_s), 409)[u"message"].toString(),
                 u"order is not paid"_s);
        // Not in the main shop's scope, not there at all.
        call("POST", "/v1/orders/5/deliver", with(u"console-a"_s), 404);
        call("POST", "/v1/orders/999/deliver", with(u"console-a"_s), 404);
        // From stock: a manual goods keeps no cards, so the stock is always short (409 without an order,
        // as the simulator answers a short stock: CardOps's worker then buys the cards) — but only
        // after the order's own checks: a delivered order still answers with the order.
        e = call("POST", "/v1/orders/20/deliver", {{u"from_stock"_s, true}, {u"holder"_s, u"console-a"_s}},
                 409);
        QCOMPARE(e[u"code"].toInt(), 40900);
        QVERIFY(e[u"message"].toString().startsWith(u"stock short"));
        QVERIFY(!e[u"data"].toObject().contains(u"order_no"));
        e = call("POST", "/v1/orders/2/deliver", {{u"from_stock"_s, true}, {u"holder"_s, u"console-a"_s}}, 409);
        QCOMPARE(e[u"data"][u"status"].toString(), u"delivered"_s);
        // What acg-faka has no such thing for.
        e = call("POST", "/v1/orders/20/deliver",
                 {{u"recharge"_s, QJsonObject{{u"external_no"_s, u"X"_s}}}, {u"holder"_s, u"console-a"_s}},
                 403);
        QVERIFY(e[u"message"].toString().startsWith(u"not supported by acg-faka: deliver recharge"));
        for (const QByteArray& path :
             {QByteArray("/v1/orders/20/refund"), QByteArray("/v1/orders/20/reissue"),
              QByteArray("/v1/orders/20/replace"), QByteArray("/v1/orders")}) {
            e = call("POST", path, {{u"holder"_s, u"console-a"_s}}, 403);
            QCOMPARE(e[u"code"].toInt(), 40300);
            QVERIFY2(e[u"message"].toString().startsWith(u"not supported by acg-faka: "), path.constData());
        }
        // Blank text (§2.2 step 3) and malformed bodies.
        for (const QJsonValue& bad :
             {QJsonValue(QJsonArray{u"  "_s}), QJsonValue(QJsonArray{u"0"_s}), QJsonValue(QJsonArray()),
              QJsonValue(QJsonArray{1}), QJsonValue(u"X"_s)})
            QCOMPARE(call("POST", "/v1/orders/20/deliver", {{u"cards"_s, bad}, {u"holder"_s, u"console-a"_s}},
                          400)[u"message"]
                         .toString(),
                     u"cards"_s);
        QCOMPARE(one(u"SELECT CONCAT(delivery_status, secret) FROM acg_order WHERE id = 20"_s).toString(),
                 u"0正在发货中，请耐心等待，如有疑问，请联系客服。"_s);
    }

    void concurrentDeliveries()
    {
        takeLease(u"console-a"_s);
        // Two bridges, each with its own connection in its own thread, deliver order 21 at once.
        const bridge::BridgeConfig config = m_server.config();
        const QByteArray epoch = m_epoch.toLatin1();
        const qint64 now = m_now;
        std::latch ready(2);
        int statuses[2] = {0, 0};
        auto run = [&](int i) {
            bridge::BridgeDb db(config, u"racer%1"_s.arg(i));
            if (!db.open().ok())
                return;
            bridge::BridgeApi api(db, epoch, [now] { return now; });
            sim::SimRequest r = signedRequest(
                "POST", "/v1/orders/21/deliver", now,
                json({{u"cards"_s, QJsonArray{u"RACE-%1"_s.arg(i)}}, {u"holder"_s, u"console-a"_s}}));
            r.headers.append({"Idempotency-Key", "race-" + QByteArray::number(i)});
            ready.arrive_and_wait();
            statuses[i] = api.handle(r).status;
        };
        std::thread a(run, 0), b(run, 1);
        a.join();
        b.join();
        QList<int> got{statuses[0], statuses[1]};
        std::sort(got.begin(), got.end());
        QCOMPARE(got, (QList<int>{200, 409}));
        const int winner = statuses[0] == 200 ? 0 : 1;
        QCOMPARE(
            one(u"SELECT CONCAT(delivery_status, ' ', secret) FROM acg_order WHERE id = 21"_s).toString(),
            u"1 RACE-%1"_s.arg(winner));
        QCOMPARE(
            one(u"SELECT COUNT(*) FROM cardops_audit WHERE action = 'order.deliver' AND entity_id = 21"_s)
                .toInt(),
            1);
    }

    void holdShowsReview()
    {
        QByteArray cursor;
        const qint64 before = orderFeed(&cursor).value(22)[u"version"].toInteger();
        takeLease(u"console-a"_s);
        call("POST", "/v1/orders/22/review", {{u"reason"_s, u"买家要求核实"_s}}, 403); // no holder
        call("POST", "/v1/orders/22/review", {{u"holder"_s, u"console-a"_s}}, 400);    // no reason
        QJsonObject e = call("POST", "/v1/orders/22/review",
                             {{u"reason"_s, u"买家要求核实"_s},
                              {u"holder"_s, u"console-a"_s},
                              {u"if_status"_s, u"handed_over"_s}},
                             200);
        QCOMPARE(e[u"data"][u"status"].toString(), u"review"_s);
        QCOMPARE(e[u"data"][u"review_reason"].toString(), u"买家要求核实"_s);
        // The feed serves the hold at a new version; acg's row is untouched.
        const QJsonObject fed = orderFeed(&cursor).value(22);
        QCOMPARE(fed[u"status"].toString(), u"review"_s);
        QCOMPARE(fed[u"review_reason"].toString(), u"买家要求核实"_s);
        QCOMPARE(fed[u"handed_over"].toBool(), true);
        QVERIFY(fed[u"version"].toInteger() > before);
        QCOMPARE(one(u"SELECT delivery_status FROM acg_order WHERE id = 22"_s).toInt(), 0);
        // Only handed-over orders: a delivered one is not open.
        e = call("POST", "/v1/orders/2/review", {{u"reason"_s, u"x"_s}, {u"holder"_s, u"console-a"_s}}, 409);
        QCOMPARE(e[u"data"][u"status"].toString(), u"delivered"_s);
        // A conditional delivery that expects handed_over is refused while held; an unconditional
        // one delivers and lifts the hold.
        call("POST", "/v1/orders/22/deliver",
             {{u"cards"_s, QJsonArray{u"H-1"_s}},
              {u"holder"_s, u"console-a"_s},
              {u"if_status"_s, u"handed_over"_s}},
             409);
        call("POST", "/v1/orders/22/deliver",
             {{u"cards"_s, QJsonArray{u"H-1"_s}}, {u"holder"_s, u"console-a"_s}}, 200);
        QCOMPARE(one(u"SELECT COUNT(*) FROM cardops_holds"_s).toInt(), 0);
        QCOMPARE(orderFeed(&cursor).value(22)[u"status"].toString(), u"delivered"_s);
    }

    void pruneIdempotency()
    {
        const qint64 rows = one(u"SELECT COUNT(*) FROM cardops_idempotency"_s).toLongLong();
        QVERIFY(rows > 10);
        exec(
            u"INSERT INTO cardops_idempotency (`key`, method, path, status, code, message, data, created_at) "
            "VALUES ('old-1', 'POST', '/v1/x', 200, 0, '', '', %1), ('old-2', 'POST', '/v1/x', 200, 0, '', "
            "'', "
            "%2), ('recent', 'POST', '/v1/x', 200, 0, '', '', %3)"_s.arg(m_now - 9 * 86400)
                .arg(m_now - 8 * 86400 - 1)
                .arg(m_now - 7 * 86400));
        auto pruned = bridge::pruneIdempotency(*m_db, m_now, 1);
        QVERIFY(pruned.ok());
        QCOMPARE(pruned.value(), 1); // the batch limit
        pruned = bridge::pruneIdempotency(*m_db, m_now);
        QVERIFY(pruned.ok());
        QCOMPARE(pruned.value(), 1);
        QCOMPARE(one(u"SELECT COUNT(*) FROM cardops_idempotency"_s).toLongLong(), rows + 1);
        QCOMPARE(one(u"SELECT COUNT(*) FROM cardops_idempotency WHERE `key` LIKE 'old-%'"_s).toInt(), 0);
    }
};

QTEST_GUILESS_MAIN(TestBridgeOrders)
#include "tst_bridgeorders.moc"
