#include "core/clock.h"
#include "models/ordertimeline.h"
#include "storage/database.h"
#include "storage/databasewriter.h"
#include "storage/orderdetail.h"
#include "storage/readsession.h"
#include "storage/writecontext.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace cardops;
using namespace Qt::StringLiterals;
using Kind = models::TimelineEvent::Kind;

namespace {

QString kindName(Kind kind)
{
    switch (kind) {
    case Kind::Created:
        return u"created"_s;
    case Kind::Paid:
        return u"paid"_s;
    case Kind::HandedOver:
        return u"handed"_s;
    case Kind::Review:
        return u"review"_s;
    case Kind::Delivered:
        return u"delivered"_s;
    case Kind::Revealed:
        return u"revealed"_s;
    case Kind::Refunded:
        return u"refunded"_s;
    case Kind::Cancelled:
        return u"cancelled"_s;
    case Kind::Audit:
        return u"audit"_s;
    case Kind::PendingEdit:
        return u"pending"_s;
    }
    return {};
}

// "kind time actor" per event, the shape the expectations are written in.
QStringList shape(const QList<models::TimelineEvent>& events)
{
    QStringList out;
    for (const auto& e : events)
        out << u"%1 %2 %3"_s.arg(kindName(e.kind)).arg(e.time).arg(e.actor);
    return out;
}

// A small cache: a card goods the platform delivers, a direct goods CardOps fulfils, two members,
// and one order of each shape the detail dialog must explain, with audit and outbox entries.
const QStringList kSeed = {
    u"INSERT INTO operators (id, login, display_name, role, active, created_at, updated_at) "
    u"VALUES (2, 'zhangwei', '张伟', 'operator', 1, 0, 0)"_s,
    u"INSERT INTO tiers (id, name, rank, discount_ppm, commission_rates, upgrade, version) "
    u"VALUES (3, '金牌代理', 3, 970000, '[]', '{}', 1)"_s,
    u"INSERT INTO goods VALUES (17, 'QB-100', '腾讯Q币 100元', 1, 0, 'card', 'number_password', ' ', "
    u"1000000, 985000, 952000, '{}', '[]', '[]', 'platform', 120, 0, 20, 'on', '', '', '', 1, 0, 0)"_s,
    u"INSERT INTO goods VALUES (21, 'CM-50', '移动话费 50元', 1, 0, 'direct', 'single', '', "
    u"500000, 495000, 490000, '{}', '[]', '[]', 'cardops', 0, 0, 0, 'on', '', '', '', 1, 0, 0)"_s,
    u"INSERT INTO members VALUES (88, '张三', 'agent', 0, 3, 0, '138****0000', 0, '[]', 1, 0, 0)"_s,
    u"INSERT INTO members VALUES (89, '李四', 'consumer', 0, 9, 0, '', 0, '[]', 1, 0, 0)"_s,
    // delivered from the platform's stock and viewed by the buyer
    u"INSERT INTO orders VALUES (101, '20261128123456000101', 88, 17, 2, 985000, 1970000, 1970000, 952000, "
    u"'alipay', '', '', 'delivered', 0, '', 1100, 1500, 0, 1000, 1030, 4, 1500)"_s,
    // delivered, then refunded in part
    u"INSERT INTO orders VALUES (102, '20261128123456000102', 88, 17, 1, 985000, 985000, 985000, 952000, "
    u"'wechat', '', '', 'refunded', 0, '', 1020, 0, 500000, 1000, 1010, 5, 3000)"_s,
    // held by the platform's amount check
    u"INSERT INTO orders VALUES (103, '20261128123456000103', 89, 21, 1, 495000, 495000, 490000, 490000, "
    u"'balance', '13800000000', 'qq 10001', 'review', 0, 'amount_mismatch', 0, 0, 0, 1000, 1005, 2, 1006)"_s,
    // handed to CardOps, recharged
    u"INSERT INTO orders VALUES (104, '20261128123456000104', 89, 21, 1, 495000, 495000, 495000, 490000, "
    u"'alipay', '13900000000', '', 'delivered', 1, '', 1400, 0, 0, 1000, 1001, 3, 1400)"_s,
    // never paid, cancelled
    u"INSERT INTO orders VALUES (105, '20261128123456000105', 404, 17, 1, 985000, 985000, 0, 952000, "
    u"'alipay', '', '', 'cancelled', 0, '', 0, 0, 0, 1000, 0, 2, 1200)"_s,
    // The audit log's login copy is stale: the operators table names the operator.
    u"INSERT INTO audit_log (at, operator_id, operator_login, action, entity, entity_id, detail) VALUES "
    u"(2000, 2, 'old-login', 'order.note', 'order', '101', '{\"note\":\"客户来电\"}'), "
    u"(2500, 1, 'admin', 'order.refund', 'order', '102', '{\"amount\":\"50.0000\"}'), "
    u"(1003, 2, 'zhangwei', 'order.note', 'order', '103', ''), "
    u"(1200, 1, 'admin', 'edit', 'orders', '103', ''), "
    u"(1500, 1, 'admin', 'edit', 'goods', '101', ''), "
    u"(1500, 1, 'admin', 'edit', 'order', '1010', '')"_s,
    u"INSERT INTO outbox (id, entity, entity_id, method, path, body, fields, base_values, remote_values, "
    u"base_version, idempotency_key, state, attempts, last_error, operator_id, created_at, keyed_at, "
    u"updated_at) VALUES "
    u"(1, 'orders', 101, 'POST', '/v1/orders/101/review', '{}', '[]', '{}', '{}', 4, 'k1', 'pending', 0, '', "
    u"2, 2100, 2100, 2100), "
    u"(2, 'orders', 101, 'POST', '/v1/orders/101/review', '{}', '[]', '{}', '{}', 3, 'k2', 'done', 1, '', "
    u"2, 1900, 1900, 1950), "
    u"(3, 'orders', 103, 'POST', '/v1/orders/103/refund', '{}', '[]', '{}', '{}', 2, 'k3', 'failed', 3, "
    u"'HTTP 500', 1, 1100, 1100, 1150), "
    u"(4, 'goods', 103, 'PATCH', '/v1/goods/103', '{}', '[]', '{}', '{}', 2, 'k4', 'pending', 0, '', "
    u"1, 1100, 1100, 1100)"_s,
    u"INSERT INTO conflicts (outbox_id, entity, entity_id, local_body, remote, created_at) "
    u"VALUES (3, 'orders', 103, '{}', '{}', 1150)"_s,
};

} // namespace

// The order detail's read and its timeline on a hand-made cache: every shape of order the dialog
// explains, with the console's own audit entries and edits waiting for the platform.
class TstOrderTimeline : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    core::ManualClock m_clock{1'764'300'000'000};
    std::unique_ptr<storage::Database> m_db;

    core::Result<storage::OrderDetail> read(qint64 id)
    {
        storage::ReadSession session(m_path);
        return storage::orderdetail::read(session, id);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(u"cache.db"_s);
        auto db = storage::Database::open(m_path, m_clock);
        QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().detail));
        m_db = std::move(db).value();
        auto seeded =
            m_db->writer().submit(u"test.seed"_s, [](storage::WriteContext& ctx) -> core::Result<void> {
                for (const QString& sql : kSeed)
                    if (auto r = ctx.exec(sql); !r)
                        return r.error();
                return {};
            });
        seeded.waitForFinished();
        QVERIFY2(seeded.result().ok(), qPrintable(seeded.result().error().detail));
    }

    void readsTheOrderWithItsGoodsAndMember()
    {
        auto d = read(101);
        QVERIFY2(d.ok(), qPrintable(d.ok() ? QString() : d.error().detail));
        QCOMPARE(d->orderNo, u"20261128123456000101"_s);
        QCOMPARE(d->quantity, 2);
        QCOMPARE(d->amount.units(), 1970000);
        QCOMPARE(d->costTotal().units(), 1904000);
        QVERIFY(d->costIncurred());
        QCOMPARE(d->margin().units(), 66000);
        QCOMPARE(d->goods.name, u"腾讯Q币 100元"_s);
        QCOMPARE(d->goods.sku, u"QB-100"_s);
        QCOMPARE(d->goods.kind, u"card"_s);
        QCOMPARE(d->goods.fulfilmentOwner, u"platform"_s);
        QCOMPARE(d->member.name, u"张三"_s);
        QCOMPARE(d->member.kind, u"agent"_s);
        QCOMPARE(d->member.tierName, u"金牌代理"_s);
        QCOMPARE(d->member.contact, u"138****0000"_s);
        QCOMPARE(d->audit.size(), 1);
        QCOMPARE(d->audit.first().operatorLogin, u"zhangwei"_s);
        QCOMPARE(d->audit.first().action, u"order.note"_s);
        QCOMPARE(d->outbox.size(), 2);
        QCOMPARE(d->outbox.first().state, u"pending"_s);
        QCOMPARE(d->outbox.first().operatorLogin, u"zhangwei"_s);
    }

    void readsOnlyThisOrdersEntries()
    {
        auto d = read(103);
        QVERIFY(d.ok());
        QCOMPARE(d->audit.size(), 2); // "order" and "orders" both name it; goods 103 does not
        QCOMPARE(d->outbox.size(), 1);
        QCOMPARE(d->outbox.first().lastError, u"HTTP 500"_s);
        QVERIFY(d->outbox.first().openConflict);
        QCOMPARE(d->member.tierName, QString()); // tier 9 is not cached
    }

    void anUnknownMemberOrIdIsSaid()
    {
        auto cancelled = read(105);
        QVERIFY(cancelled.ok());
        QVERIFY(!cancelled->member.cached);
        QVERIFY(!cancelled->costIncurred()); // nothing went out: no cost, no margin
        QCOMPARE(cancelled->margin().units(), 0);
        QCOMPARE(cancelled->member.id, 404);
        auto missing = read(555);
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().code, core::ErrorCode::NotFound);
    }

    void timeline_data()
    {
        QTest::addColumn<qint64>("orderId");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("delivered") << qint64(101)
                                   << QStringList{u"created 1000 Buyer"_s,      u"paid 1030 Buyer"_s,
                                                  u"delivered 1100 Platform"_s, u"revealed 1500 Buyer"_s,
                                                  u"audit 2000 zhangwei"_s,     u"pending 2100 zhangwei"_s};
        QTest::newRow("refunded") << qint64(102)
                                  << QStringList{u"created 1000 Buyer"_s, u"paid 1010 Buyer"_s,
                                                 u"delivered 1020 Platform"_s, u"audit 2500 admin"_s,
                                                 u"refunded 3000 Platform"_s};
        // The review step has no time: it follows the payment; the audit entry at 1003 precedes it.
        QTest::newRow("review") << qint64(103)
                                << QStringList{u"created 1000 Buyer"_s, u"audit 1003 zhangwei"_s,
                                               u"paid 1005 Buyer"_s,    u"review 0 Platform"_s,
                                               u"pending 1100 admin"_s, u"audit 1200 admin"_s};
        QTest::newRow("handed over") << qint64(104)
                                     << QStringList{u"created 1000 Buyer"_s, u"paid 1001 Buyer"_s,
                                                    u"handed 0 Platform"_s, u"delivered 1400 CardOps"_s};
        QTest::newRow("cancelled") << qint64(105)
                                   << QStringList{u"created 1000 Buyer"_s, u"cancelled 1200 Platform"_s};
    }

    void timeline()
    {
        QFETCH(qint64, orderId);
        QFETCH(QStringList, expected);
        auto d = read(orderId);
        QVERIFY(d.ok());
        QCOMPARE(shape(models::OrderTimeline::build(*d)), expected);
    }

    void detailsSayWhatHappened_data()
    {
        QTest::addColumn<qint64>("orderId");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("what");
        QTest::addColumn<QString>("detail");
        QTest::newRow("pay channel") << qint64(101) << int(Kind::Paid) << u"Payment received"_s
                                     << u"197.00 yuan via Alipay"_s;
        QTest::newRow("cards") << qint64(101) << int(Kind::Delivered) << u"Goods delivered"_s
                               << u"Cards delivered: 2"_s;
        QTest::newRow("refund") << qint64(102) << int(Kind::Refunded) << u"Refund"_s
                                << u"Already refunded when synced: 50.00 yuan"_s;
        QTest::newRow("reason") << qint64(103) << int(Kind::Review) << u"Held for review"_s
                                << u"Paid amount does not match the order"_s;
        QTest::newRow("failed edit") << qint64(103) << int(Kind::PendingEdit) << u"Waiting to be pushed"_s
                                     << u"failed, waiting for an operator; POST /v1/orders/103/refund; "
                                        u"attempts: 3; last error: HTTP 500"_s;
        QTest::newRow("audit") << qint64(101) << int(Kind::Audit) << u"order.note"_s
                               << u"{\"note\":\"客户来电\"}"_s;
        QTest::newRow("recharge") << qint64(104) << int(Kind::Delivered) << u"Goods delivered"_s
                                  << u"Recharged to 13900000000"_s;
        QTest::newRow("created") << qint64(104) << int(Kind::Created) << u"Order placed"_s
                                 << u"移动话费 50元, quantity 1, amount 49.50 yuan"_s;
        QTest::newRow("unknown goods")
            << qint64(105) << int(Kind::Cancelled) << u"Cancelled"_s << u"Already cancelled when synced"_s;
    }

    void detailsSayWhatHappened()
    {
        QFETCH(qint64, orderId);
        QFETCH(int, kind);
        QFETCH(QString, what);
        QFETCH(QString, detail);
        auto d = read(orderId);
        QVERIFY(d.ok());
        const auto events = models::OrderTimeline::build(*d);
        const auto it = std::find_if(events.begin(), events.end(),
                                     [kind](const models::TimelineEvent& e) { return int(e.kind) == kind; });
        QVERIFY(it != events.end());
        QCOMPARE(it->what, what);
        QCOMPARE(it->detail, detail);
    }

    void copiesAsTabSeparatedText()
    {
        auto d = read(104);
        QVERIFY(d.ok());
        const QStringList lines =
            models::OrderTimeline::toText(models::OrderTimeline::build(*d)).split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 5);
        QCOMPARE(lines.first(), u"Time\tBy\tEvent\tDetail"_s);
        QCOMPARE(lines[1].section(u'\t', 0, 1), u"1970-01-01 08:16:40\tBuyer"_s);
        QCOMPARE(lines[3].section(u'\t', 0, 0), u"time not known"_s);
    }
};

QTEST_GUILESS_MAIN(TstOrderTimeline)
#include "tst_ordertimeline.moc"
