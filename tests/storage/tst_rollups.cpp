// The rollups of schema v13 (storage/rollups.h) equal the raw GROUP BY over `orders` after every page:
// a seeded property test over random order and member pages (tombstones included), the fill at
// migration, a failing page.
#include "cachefixture.h"
#include "core/result.h"
#include "storage/platformcache.h"
#include "storage/schema.h"
#include "storage/writecontext.h"

#include <QMap>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <random>

using namespace cardops;
using namespace Qt::StringLiterals;
using namespace cachefixture;
using core::Feed;
using storage::IngestStats;
using storage::PageCursor;
using storage::WriteContext;
namespace cache = storage::platformcache;

namespace {

const QString kMeasures = QStringLiteral(
    "COUNT(*), SUM(quantity), SUM(paid_amount), SUM(CASE WHEN pay_channel <> 'balance' THEN paid_amount ELSE "
    "0 END), "
    "SUM(CASE WHEN delivered_at > 0 OR status = 'delivered' THEN (cost_at_order * quantity + 50) / 100 * 100 "
    "ELSE 0 END), SUM(refund_amount), SUM(refund_amount > 0), SUM(delivered_at > 0), "
    "SUM(delivered_at > 0 AND review_reason = ''), "
    "SUM(CASE WHEN delivered_at > 0 AND paid_at > 0 THEN max(delivered_at - paid_at, 0) ELSE 0 END)");
const QString kRollupMeasures = QStringLiteral("orders, quantity, gmv, fee_base, cost, refunds, "
                                               "refunded_orders, delivered, delivered_auto, deliver_seconds");
const QString kPaidFrom = QStringLiteral(" FROM orders o LEFT JOIN members m ON m.id = o.member_id "
                                         "WHERE o.status NOT IN ('unpaid', 'cancelled') ");

struct Table
{
    QString name;
    int keys;
    QString raw;    // key columns then measures, from the orders
    QString rollup; // the same columns from the rollup table
};

const QList<Table>& tables()
{
    static const QList<Table> t = {
        {QStringLiteral("rollup_goods_day"), 3,
         QStringLiteral("SELECT (created_at + 28800) / 86400, goods_id, COALESCE(m.kind, ''), ") + kMeasures +
             kPaidFrom + QStringLiteral("GROUP BY 1, 2, 3"),
         QStringLiteral("SELECT day, goods_id, member_kind, ") + kRollupMeasures +
             QStringLiteral(" FROM rollup_goods_day")},
        {QStringLiteral("rollup_hours"), 3,
         QStringLiteral("SELECT (created_at + 28800) / 86400, ((created_at + 28800) % 86400) / 3600, "
                        "COALESCE(m.kind, ''), ") +
             kMeasures + kPaidFrom + QStringLiteral("GROUP BY 1, 2, 3"),
         QStringLiteral("SELECT day, hour, member_kind, ") + kRollupMeasures +
             QStringLiteral(" FROM rollup_hours")},
        {QStringLiteral("rollup_member_day"), 2,
         QStringLiteral("SELECT (created_at + 28800) / 86400, member_id, COUNT(*), SUM(paid_amount)") +
             kPaidFrom + QStringLiteral("GROUP BY 1, 2"),
         QStringLiteral("SELECT day, member_id, orders, gmv FROM rollup_member_day")},
    };
    return t;
}

using Rows = QMap<QString, QList<qint64>>; // key "day|goods|kind" → measures

Rows load(const storage::ReadSession& read, const QString& sql, int keys)
{
    Rows rows;
    auto r = read.select(sql);
    if (!r)
        qFatal("%s: %s", qPrintable(sql), qPrintable(r.error().detail));
    for (const QVariantList& row : r.value()) {
        QStringList key;
        for (int i = 0; i < keys; ++i)
            key << row.value(i).toString();
        QList<qint64> measures;
        for (qsizetype i = keys; i < row.size(); ++i)
            measures << row.value(i).toLongLong();
        rows.insert(key.join(u'|'), measures);
    }
    return rows;
}

QString show(const QList<qint64>& m)
{
    QStringList s;
    for (qint64 v : m)
        s << QString::number(v);
    return u'[' + s.join(u", ") + u']';
}

// Empty when every rollup equals the raw GROUP BY; otherwise the first differing row. A rollup row
// left behind with orders = 0 is allowed only when all its measures are 0.
QString firstDifference(const storage::ReadSession& read)
{
    for (const Table& t : tables()) {
        const Rows raw = load(read, t.raw, t.keys);
        const Rows rolled = load(read, t.rollup, t.keys);
        for (auto it = raw.cbegin(); it != raw.cend(); ++it) {
            const QList<qint64> got = rolled.value(it.key());
            if (got != it.value())
                return QStringLiteral("%1 (%2): raw %3, rollup %4")
                    .arg(t.name, it.key(), show(it.value()), got.isEmpty() ? u"missing"_s : show(got));
        }
        for (auto it = rolled.cbegin(); it != rolled.cend(); ++it) {
            if (raw.contains(it.key()))
                continue;
            if (std::any_of(it.value().cbegin(), it.value().cend(), [](qint64 v) { return v != 0; }))
                return QStringLiteral("%1 (%2): no paid orders, rollup %3")
                    .arg(t.name, it.key(), show(it.value()));
        }
    }
    return {};
}

QString snapshot(const storage::ReadSession& read)
{
    QString all;
    for (const Table& t : tables()) {
        const Rows rolled = load(read, t.rollup + QStringLiteral(" WHERE orders <> 0"), t.keys);
        for (auto it = rolled.cbegin(); it != rolled.cend(); ++it)
            all += t.name + it.key() + show(it.value()) + u'\n';
    }
    return all;
}

const QStringList kStatuses = {u"unpaid"_s,    u"paid"_s,   u"handed_over"_s, u"delivering"_s,
                               u"delivered"_s, u"review"_s, u"refunded"_s,    u"cancelled"_s};
const QStringList kKinds = {u"consumer"_s, u"agent"_s, u"enterprise"_s};
const QStringList kChannels = {u"alipay"_s, u"wechat"_s, u"balance"_s};

// The platform as the random sequence changes it; pages send its current (or an older) state.
class Platform
{
public:
    explicit Platform(quint32 seed)
        : m_rng(seed)
    {}

    int pick(qsizetype n) { return std::uniform_int_distribution<int>(0, int(n) - 1)(m_rng); }
    bool chance(int percent) { return pick(100) < percent; }

    core::Order newOrder()
    {
        core::Order o = order(++m_lastOrder, 1 + pick(3), kStatuses.at(pick(kStatuses.size())));
        o.memberId = 1 + pick(12); // members 1–12; some arrive later, some never
        o.goodsId = 1 + pick(6);   // no goods are cached: every goods id is unknown to the cache
        o.quantity = 1 + pick(5);
        o.paidAmount = core::Money::fromUnits(10'000 * (1 + pick(500)));
        o.amount = o.paidAmount;
        o.costAtOrder = core::Money::fromUnits(9'000 * (1 + pick(500)));
        o.payChannel = kChannels.at(pick(kChannels.size()));
        // Four business days, every hour, including both sides of the Shanghai midnight.
        o.createdAt = 1'764'000'000 - 28'800 + pick(4) * 86'400 + pick(86'400);
        o.paidAt = o.status == u"unpaid" ? 0 : o.createdAt + pick(60);
        if (o.status == u"delivered" || o.status == u"refunded" || o.status == u"review")
            o.deliveredAt = chance(80) ? o.createdAt + pick(600) : 0;
        if (o.status == u"review")
            o.reviewReason = u"风控复核"_s;
        if (o.status == u"refunded")
            o.refundAmount = o.paidAmount;
        m_orders.insert(o.id, o);
        return o;
    }

    // The next version of a known order: a status step, a partial refund, a review, changed times.
    core::Order changedOrder()
    {
        core::Order& o = m_orders[1 + pick(static_cast<int>(m_lastOrder))];
        o.version += 1 + pick(2);
        switch (pick(7)) {
        case 0: // paid → delivered → refunded
            if (o.status == u"unpaid")
                o.status = u"paid"_s, o.paidAt = o.createdAt + pick(100);
            else if (o.status != u"delivered")
                o.status = u"delivered"_s, o.deliveredAt = o.createdAt + 100 + pick(900);
            else
                o.status = u"refunded"_s, o.refundAmount = o.paidAmount;
            break;
        case 1: // partial refund
            o.refundAmount = core::Money::fromUnits(o.paidAmount.units() / (2 + pick(3)));
            break;
        case 2:
            o.status = u"cancelled"_s;
            break;
        case 3:
            o.status = u"review"_s;
            o.reviewReason = chance(50) ? u"金额超限"_s : QString();
            break;
        case 4:
            o.deliveredAt = chance(30) ? 0 : o.createdAt + pick(5000);
            o.paidAt = chance(20) ? 0 : o.createdAt + pick(50);
            break;
        case 5:
            o.status = kStatuses.at(pick(kStatuses.size()));
            o.quantity = 1 + pick(9);
            o.payChannel = kChannels.at(pick(kChannels.size()));
            break;
        default:
            o.reviewReason.clear();
            o.deliveredAt = o.createdAt + pick(3000);
            break;
        }
        return o;
    }

    // The platform deletes an order (docs/sync.md "Tombstones"): a known one, or one the cache never
    // saw. Its later versions (an undelete) start from the cancelled state.
    core::Order deletedOrder()
    {
        const bool unseen = chance(25);
        if (unseen)
            newOrder();
        core::Order& o = unseen ? m_orders[m_lastOrder] : m_orders[1 + pick(static_cast<int>(m_lastOrder))];
        o.version += 1 + pick(2);
        o.status = u"cancelled"_s;
        core::Order t;
        t.id = o.id;
        t.deleted = true;
        t.status = o.status;
        t.version = o.version;
        t.updatedAt = o.updatedAt + 1;
        return t;
    }

    // An older or equal version with different values: the cache must ignore it.
    core::Order staleOrder()
    {
        core::Order o = m_orders.value(1 + pick(static_cast<int>(m_lastOrder)));
        o.version -= pick(2);
        o.status = kStatuses.at(pick(kStatuses.size()));
        o.paidAmount = core::Money::fromUnits(o.paidAmount.units() + 70'000);
        o.createdAt += 86'400;
        return o;
    }

    QList<core::Order> ordersPage()
    {
        QList<core::Order> page;
        const int n = 1 + pick(8);
        for (int i = 0; i < n; ++i) {
            const int what = m_lastOrder == 0 ? 0 : pick(11);
            if (what < 4)
                page << newOrder();
            else if (what < 8)
                page << changedOrder();
            else if (what < 10)
                page << staleOrder();
            else
                page << deletedOrder();
            if (chance(10)) { // a repeated item: an older state after the newer, or the newer after
                core::Order again = page.last();
                again.version -= 1;
                again.status = kStatuses.at(pick(kStatuses.size()));
                page.insert(chance(50) ? page.size() : page.size() - 1, again);
            }
        }
        return page;
    }

    QList<core::Member> membersPage()
    {
        QList<core::Member> page;
        const int n = 1 + pick(4);
        for (int i = 0; i < n; ++i) {
            const qint64 id = 1 + pick(10); // 11 and 12 never arrive
            core::Member& m = m_members[id];
            if (m.id == 0)
                m = member(id, 1);
            if (chance(25)) { // stale, with another kind
                core::Member stale = m;
                stale.version = m.version - pick(2);
                stale.kind = kKinds.at(pick(kKinds.size()));
                page << stale;
                continue;
            }
            m.version += 1;
            if (chance(10)) { // deleted: the row and its kind stay
                core::Member t;
                t.id = m.id;
                t.deleted = true;
                t.version = m.version;
                page << t;
                continue;
            }
            if (chance(60))
                m.kind = kKinds.at(pick(kKinds.size()));
            page << m;
        }
        return page;
    }

private:
    std::mt19937 m_rng;
    qint64 m_lastOrder = 0;
    QHash<qint64, core::Order> m_orders;
    QHash<qint64, core::Member> m_members;
};

} // namespace

class TestRollups : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<Cache> m_cache;
    int m_ordersPage = 0;
    int m_membersPage = 0;
    qint64 m_orderTombstones = 0;
    qint64 m_memberTombstones = 0;

    core::Result<IngestStats> ingestOrders(const QList<core::Order>& items)
    {
        const PageCursor at{Feed::Orders, QStringLiteral("o%1").arg(m_ordersPage + 1), true, false,
                            m_ordersPage == 0 ? QString() : QStringLiteral("o%1").arg(m_ordersPage)};
        auto r =
            m_cache->run<IngestStats>([=](WriteContext& ctx) { return cache::ingestOrders(ctx, items, at); });
        if (r)
            ++m_ordersPage;
        return r;
    }

    core::Result<IngestStats> ingestMembers(const QList<core::Member>& items, bool applied)
    {
        if (applied)
            return m_cache->run<IngestStats>(
                [=](WriteContext& ctx) { return cache::applyMembers(ctx, items); });
        const PageCursor at{Feed::Members, QStringLiteral("m%1").arg(m_membersPage + 1), true, false,
                            m_membersPage == 0 ? QString() : QStringLiteral("m%1").arg(m_membersPage)};
        auto r = m_cache->run<IngestStats>(
            [=](WriteContext& ctx) { return cache::ingestMembers(ctx, items, at); });
        if (r)
            ++m_membersPage;
        return r;
    }

private Q_SLOTS:
    void init()
    {
        m_cache = std::make_unique<Cache>();
        m_ordersPage = m_membersPage = 0;
        m_orderTombstones = m_memberTombstones = 0;
        QVERIFY(m_cache->open());
    }
    void cleanup() { m_cache.reset(); }

    void randomPagesKeepRollupsEqualToRaw_data()
    {
        QTest::addColumn<quint32>("seed");
        for (quint32 seed = 1; seed <= 20; ++seed)
            QTest::addRow("seed %u", seed) << seed * 7919u;
    }

    void randomPagesKeepRollupsEqualToRaw()
    {
        QFETCH(quint32, seed);
        Platform platform(seed);
        storage::ReadSession read(*m_cache->db_);
        QString previous = snapshot(read);
        for (int step = 0; step < 300; ++step) {
            const bool members = platform.chance(20);
            const auto r = members ? ingestMembers(platform.membersPage(), platform.chance(30))
                                   : ingestOrders(platform.ordersPage());
            (members ? m_memberTombstones : m_orderTombstones) += r.ok() ? r->deleted : 0;
            QVERIFY2(r.ok(), qPrintable(QStringLiteral("seed %1 step %2: %3")
                                            .arg(seed)
                                            .arg(step)
                                            .arg(r.ok() ? QString() : r.error().detail)));
            const QString diff = firstDifference(read);
            QVERIFY2(diff.isEmpty(),
                     qPrintable(QStringLiteral("seed %1 step %2: %3").arg(seed).arg(step).arg(diff)));
            const QString now = snapshot(read);
            if (r->inserted + r->updated + r->deleted == 0) // a page of stale versions changes nothing
                QVERIFY2(now == previous,
                         qPrintable(QStringLiteral("seed %1 step %2: a stale page changed the "
                                                   "rollups")
                                        .arg(seed)
                                        .arg(step)));
            previous = now;
        }
        // The sequence did exercise what it claims: paid, unpaid, refunded, reviewed, kinds.
        QVERIFY(m_cache->scalar(u"SELECT count(DISTINCT status) FROM orders"_s).toInt() >= 7);
        QVERIFY(
            m_cache->scalar(u"SELECT count(DISTINCT member_kind) FROM rollup_goods_day WHERE orders > 0"_s)
                .toInt() >= 3);
        QVERIFY(m_cache
                    ->scalar(u"SELECT count(*) FROM orders WHERE refund_amount > 0 AND "
                             "refund_amount < paid_amount"_s)
                    .toInt() > 0);
        QVERIFY(m_cache->scalar(u"SELECT SUM(orders) FROM rollup_goods_day"_s).toInt() > 50);
        // Tombstones came, of cached orders and of orders the cache never saw.
        QVERIFY(m_orderTombstones > 10);
        QVERIFY(m_memberTombstones > 0);
        QVERIFY(m_cache->scalar(u"SELECT count(*) FROM feed_tombstones WHERE entity = 'orders'"_s).toInt() >
                0);
    }

    // The comparison itself can fail: a rollup changed behind the ingest's back is reported.
    void comparisonSeesATamperedRollup()
    {
        QVERIFY(ingestOrders({order(1, 1), order(2, 1, u"paid"_s)}).ok());
        storage::ReadSession read(*m_cache->db_);
        QCOMPARE(firstDifference(read), QString());
        QCOMPARE(m_cache->scalar(u"SELECT orders FROM rollup_goods_day"_s).toInt(), 2);
        QVERIFY(m_cache
                    ->run<qint64>([](WriteContext& ctx) {
                        return ctx.exec(u"UPDATE rollup_hours SET delivered_auto = delivered_auto + 1"_s);
                    })
                    .ok());
        QVERIFY(firstDifference(read).startsWith(u"rollup_hours"_s));
        QVERIFY(m_cache
                    ->run<qint64>([](WriteContext& ctx) {
                        return ctx.exec(u"UPDATE rollup_hours SET delivered_auto = delivered_auto - 1"_s);
                    })
                    .ok());
        QVERIFY(m_cache
                    ->run<qint64>([](WriteContext& ctx) {
                        return ctx.exec(u"INSERT INTO rollup_member_day VALUES (1, 99, 0, 5)"_s);
                    })
                    .ok());
        QCOMPARE(firstDifference(read), u"rollup_member_day (1|99): no paid orders, rollup [0, 5]"_s);
    }

    // A page that fails half-way (a constraint refuses one order) leaves the rollups as they were.
    void failingPageLeavesRollupsUnchanged()
    {
        core::Order a = order(1, 1, u"paid"_s), b = order(2, 1), c = order(3, 1, u"review"_s);
        QVERIFY(ingestOrders({a, b, c}).ok());
        storage::ReadSession read(*m_cache->db_);
        const QString before = snapshot(read);
        QVERIFY(before.contains(u"rollup_goods_day"_s));
        QVERIFY(m_cache
                    ->run<qint64>([](WriteContext& ctx) {
                        return ctx.exec(u"CREATE TEMP TRIGGER refuse_order BEFORE INSERT ON main.orders "
                                        "WHEN NEW.id = 5 BEGIN SELECT RAISE(ABORT, 'refused'); END"_s);
                    })
                    .ok());
        a.version = 2, a.status = u"refunded"_s, a.refundAmount = a.paidAmount;
        b.version = 2, b.status = u"cancelled"_s;
        core::Order d = order(4, 1), e = order(5, 1);
        auto failed = ingestOrders({a, d, e, b});
        QVERIFY(!failed.ok());
        QCOMPARE(snapshot(read), before);
        QCOMPARE(firstDifference(read), QString());
        QCOMPARE(m_cache->scalar(u"SELECT count(*) FROM orders"_s).toInt(), 3);

        // A job that fails after a whole page was ingested rolls the rollups back too.
        const PageCursor at{Feed::Orders, u"o9"_s, true, false, u"o1"_s};
        auto r = m_cache->run<void>([=](WriteContext& ctx) -> core::Result<void> {
            auto s = cache::ingestOrders(ctx, {a, b, d}, at);
            if (!s)
                return s.error();
            return core::makeError(core::ErrorCode::Io, u"disk full"_s);
        });
        QVERIFY(!r.ok());
        QCOMPARE(snapshot(read), before);

        // Without the refusing order the same changes apply.
        QVERIFY(ingestOrders({a, d, b}).ok());
        QCOMPARE(firstDifference(read), QString());
        QCOMPARE(m_cache->scalar(u"SELECT SUM(orders) FROM rollup_goods_day"_s).toInt(), 3); // a, c, d
        QCOMPARE(m_cache->scalar(u"SELECT SUM(refunded_orders) FROM rollup_hours"_s).toInt(), 1);
    }

    // Migrating a v12 cache that holds orders and members fills the rollups from them.
    void migrationFillsRollupsFromExistingOrders()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(u"v12.db"_s);
        QVERIFY(storage::schema::migrateFileTo(file, 12).ok());
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"v12-writer"_s);
            db.setDatabaseName(file);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(
                u"INSERT INTO members (id, name, kind, parent_id, tier_id, registered_at, contact, "
                "balance, tags, version, updated_at) VALUES (1, 'a', 'agent', 0, 1, 0, '', 0, '[]', 1, 0), "
                "(2, 'b', 'enterprise', 0, 1, 0, '', 0, '[]', 1, 0)"_s));
            // 600 orders over members 1–3 (3 is not cached), every status, three days.
            QVERIFY2(
                q.exec(
                    u"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 600) "
                    "INSERT INTO orders SELECT i, 'N' || i, 1 + i % 3, 1 + i % 5, 1 + i % 4, 10000, 10000, "
                    "10000 * (1 + i % 7), 9000, CASE i % 3 WHEN 0 THEN 'balance' ELSE 'alipay' END, '', '', "
                    "CASE i % 8 WHEN 0 THEN 'unpaid' WHEN 1 THEN 'paid' WHEN 2 THEN 'handed_over' "
                    "WHEN 3 THEN 'delivering' WHEN 4 THEN 'delivered' WHEN 5 THEN 'review' "
                    "WHEN 6 THEN 'refunded' ELSE 'cancelled' END, 0, CASE i % 8 WHEN 5 THEN 'x' ELSE '' END, "
                    "CASE WHEN i % 8 IN (4, 5, 6) THEN 1764000000 + i * 700 + 30 ELSE 0 END, 0, "
                    "CASE i % 8 WHEN 6 THEN 10000 WHEN 1 THEN 3000 ELSE 0 END, 1764000000 + i * 700, "
                    "CASE WHEN i % 8 = 0 OR i % 11 = 0 THEN 0 ELSE 1764000000 + i * 700 + 5 END, 1, 0 FROM n"_s),
                qPrintable(q.lastError().text()));
            q.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(u"v12-writer"_s);
        QVERIFY(storage::schema::migrateFileTo(file, 13).ok());
        auto db = storage::Database::open(file, m_cache->clock);
        QVERIFY(db.ok());
        storage::ReadSession read(*db.value());
        QCOMPARE(firstDifference(read), QString());
        auto sum = read.select(u"SELECT SUM(orders), count(DISTINCT member_kind), SUM(delivered_auto), "
                               "SUM(deliver_seconds) FROM rollup_goods_day"_s);
        QVERIFY(sum.ok());
        QCOMPARE(sum->first().value(0).toInt(), 450);           // 600 less unpaid and cancelled
        QCOMPARE(sum->first().value(1).toInt(), 3);             // agent, enterprise and '' (member 3)
        QCOMPARE(sum->first().value(2).toInt(), 150);           // delivered and refunded, not review
        QCOMPARE(sum->first().value(3).toLongLong(), 205 * 25); // 25 s each where paid_at > 0
    }
};

QTEST_GUILESS_MAIN(TestRollups)
#include "tst_rollups.moc"
