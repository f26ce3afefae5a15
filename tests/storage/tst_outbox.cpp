#include "cachefixture.h"
#include "storage/counters.h"
#include "storage/outbox.h"
#include "storage/platformcache.h"
#include "storage/writecontext.h"

#include <QJsonArray>

using namespace cardops;
using namespace cachefixture;
using namespace Qt::StringLiterals;
using core::ErrorCode;
using storage::ConflictOutcome;
using storage::LocalEdit;
using storage::OutboxItem;
using storage::Resolution;
using storage::WriteContext;
namespace outbox = storage::outbox;
namespace cache = storage::platformcache;

class TestOutbox : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<Cache> m_cache;

    core::Result<qint64> stage(const core::Actor& actor, const LocalEdit& edit)
    {
        return m_cache->run<qint64>([=](WriteContext& ctx) { return outbox::stage(ctx, actor, edit); });
    }
    core::Result<qint64> stagePrice(const char* price)
    {
        return stage(m_cache->admin_, LocalEdit{QStringLiteral("goods"), 1,
                                                QJsonObject{{u"price"_s, QString::fromLatin1(price)}}});
    }
    void putGoods(const core::Goods& g)
    {
        QVERIFY(
            m_cache->run<storage::IngestStats>([=](WriteContext& ctx) { return cache::applyGoods(ctx, {g}); })
                .ok());
    }
    qint64 price() const
    {
        return m_cache->scalar(QStringLiteral("SELECT price FROM goods WHERE id = 1")).toLongLong();
    }
    QList<OutboxItem> ready() const
    {
        storage::ReadSession read(*m_cache->db_);
        return outbox::ready(read, 100).value();
    }
    QString state(qint64 id) const
    {
        return m_cache->scalar(QStringLiteral("SELECT state FROM outbox WHERE id = ?"), {id}).toString();
    }

private Q_SLOTS:
    void init()
    {
        m_cache = std::make_unique<Cache>();
        QVERIFY(m_cache->open());
        putGoods(goods(1, 5));
    }
    void cleanup() { m_cache.reset(); }

    void stagingChangesCacheQueuesAndAudits()
    {
        auto id = stagePrice("97.5000");
        QVERIFY2(id.ok(), qPrintable(id.ok() ? QString() : id.error().detail));
        QCOMPARE(price(), 975'000);
        const auto items = ready();
        QCOMPARE(items.size(), 1);
        QCOMPARE(items.first().method, QByteArrayLiteral("PATCH"));
        QCOMPARE(items.first().path, QByteArrayLiteral("/v1/goods/1"));
        QCOMPARE(items.first().body, QByteArrayLiteral(R"({"price":"97.5000"})"));
        QCOMPARE(items.first().baseVersion, 5);
        QCOMPARE(items.first().idempotencyKey.size(), 32);
        QCOMPARE(m_cache
                     ->scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'edit' AND "
                                             "entity = 'goods' AND entity_id = '1'"))
                     .toInt(),
                 1);
    }

    void refusedEditsWriteNothing_data()
    {
        QTest::addColumn<QString>("entity");
        QTest::addColumn<QJsonObject>("fields");
        QTest::addColumn<int>("role");
        QTest::addColumn<ErrorCode>("code");
        QTest::newRow("finance edits goods")
            << QStringLiteral("goods") << QJsonObject{{u"price"_s, u"1.00"_s}} << int(core::Role::Finance)
            << ErrorCode::PermissionDenied;
        QTest::newRow("money with 5 places")
            << QStringLiteral("goods") << QJsonObject{{u"price"_s, u"1.00001"_s}}
            << int(core::Role::Administrator) << ErrorCode::InvalidArgument;
        QTest::newRow("money as a number") << QStringLiteral("goods") << QJsonObject{{u"price"_s, 1.5}}
                                           << int(core::Role::Administrator) << ErrorCode::InvalidArgument;
        QTest::newRow("stock is not editable")
            << QStringLiteral("goods") << QJsonObject{{u"stock_available"_s, 5}}
            << int(core::Role::Administrator) << ErrorCode::InvalidArgument;
        QTest::newRow("bad status") << QStringLiteral("goods") << QJsonObject{{u"status"_s, u"maybe"_s}}
                                    << int(core::Role::Administrator) << ErrorCode::InvalidArgument;
        QTest::newRow("orders are not edited here")
            << QStringLiteral("orders") << QJsonObject{{u"status"_s, u"paid"_s}}
            << int(core::Role::Administrator) << ErrorCode::InvalidArgument;
        QTest::newRow("no such goods") << QStringLiteral("goods") << QJsonObject{{u"sort"_s, 3}}
                                       << int(core::Role::Administrator) << ErrorCode::NotFound;
    }
    void refusedEditsWriteNothing()
    {
        QFETCH(QString, entity);
        QFETCH(QJsonObject, fields);
        QFETCH(int, role);
        QFETCH(ErrorCode, code);
        core::Actor actor = m_cache->admin_;
        actor.role = static_cast<core::Role>(role);
        const qint64 id = QTest::currentDataTag() == QByteArrayLiteral("no such goods") ? 99 : 1;
        auto r = stage(actor, LocalEdit{entity, id, fields});
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, code);
        QCOMPARE(price(), 985'000);
        QCOMPARE(m_cache->scalar(QStringLiteral("SELECT count(*) FROM outbox")).toInt(), 0);
        QCOMPARE(m_cache->scalar(QStringLiteral("SELECT count(*) FROM audit_log")).toInt(), 0);
    }

    void pendingEditSurvivesNewerPages()
    {
        QVERIFY(stagePrice("97.5000").ok());
        auto remote = goods(1, 6);
        remote.name = QStringLiteral("腾讯Q币 100元 (新)");
        remote.price = core::Money::fromYuan(99);
        putGoods(remote);
        QCOMPARE(price(), 975'000); // the local edit is kept…
        QCOMPARE(m_cache->scalar(QStringLiteral("SELECT name FROM goods WHERE id = 1")).toString(),
                 remote.name);
        QCOMPARE(m_cache->scalar(QStringLiteral("SELECT version FROM goods WHERE id = 1")).toInt(), 6);
        // …and the platform's value is remembered for when the edit is dropped.
        QCOMPARE(m_cache->scalar(QStringLiteral("SELECT remote_values FROM outbox")).toString(),
                 QStringLiteral(R"({"price":990000})"));
    }

    void completionTakesPlatformEntityAndRebasesNext()
    {
        const qint64 first = stagePrice("97.5000").value();
        const qint64 second =
            stage(m_cache->admin_, LocalEdit{QStringLiteral("goods"), 1, QJsonObject{{u"sort"_s, 7}}})
                .value();
        QCOMPARE(ready().size(), 1); // FIFO per entity: the second waits for the first
        auto remote = goods(1, 6);
        remote.price = core::Money::fromUnits(975'000);
        QVERIFY(
            m_cache->run<void>([=](WriteContext& ctx) { return outbox::complete(ctx, first, remote); }).ok());
        QCOMPARE(state(first), QStringLiteral("done"));
        QCOMPARE(price(), 975'000);
        QCOMPARE(m_cache->scalar(QStringLiteral("SELECT sort FROM goods WHERE id = 1")).toInt(), 7);
        const auto next = ready();
        QCOMPARE(next.size(), 1);
        QCOMPARE(next.first().id, second);
        QCOMPARE(next.first().baseVersion, 6);
    }

    void conflictOnOtherFieldsRebases()
    {
        const qint64 id = stagePrice("97.5000").value();
        const QByteArray oldKey = ready().first().idempotencyKey;
        auto remote = goods(1, 7); // someone changed the name, not the price
        remote.name = QStringLiteral("改名了");
        auto outcome = m_cache->run<ConflictOutcome>(
            [=](WriteContext& ctx) { return outbox::conflict(ctx, id, remote, QByteArrayLiteral("{}")); });
        QCOMPARE(outcome.value(), ConflictOutcome::Rebased);
        const auto items = ready();
        QCOMPARE(items.size(), 1);
        QCOMPARE(items.first().baseVersion, 7);
        QVERIFY(items.first().idempotencyKey != oldKey);
        QCOMPARE(price(), 975'000);
        QCOMPARE(m_cache->counter(storage::counters::SyncError), 0);
    }

    void conflictOnSameFieldIsRecordedAndResolved_data()
    {
        QTest::addColumn<bool>("keepMine");
        QTest::newRow("keep mine") << true;
        QTest::newRow("take theirs") << false;
    }
    void conflictOnSameFieldIsRecordedAndResolved()
    {
        QFETCH(bool, keepMine);
        const qint64 id = stagePrice("97.5000").value();
        auto remote = goods(1, 7);
        remote.price = core::Money::fromYuan(96);
        auto outcome = m_cache->run<ConflictOutcome>([=](WriteContext& ctx) {
            return outbox::conflict(ctx, id, remote, QByteArrayLiteral(R"({"id":1})"));
        });
        QCOMPARE(outcome.value(), ConflictOutcome::Recorded);
        QCOMPARE(state(id), QStringLiteral("conflict"));
        QCOMPARE(price(), 975'000);
        QCOMPARE(m_cache->counter(storage::counters::SyncError), 1);
        QVERIFY(ready().isEmpty());
        storage::ReadSession read(*m_cache->db_);
        const auto conflicts = outbox::openConflicts(read).value();
        QCOMPARE(conflicts.size(), 1);
        QCOMPARE(conflicts.first().remote, QByteArrayLiteral(R"({"id":1})"));

        const auto how = keepMine ? Resolution::KeepMine : Resolution::TakeTheirs;
        const qint64 conflictId = conflicts.first().id;
        QVERIFY(m_cache
                    ->run<void>([=, this](WriteContext& ctx) {
                        return outbox::resolve(ctx, m_cache->admin_, conflictId, how);
                    })
                    .ok());
        QCOMPARE(m_cache->counter(storage::counters::SyncError), 0);
        QVERIFY(outbox::openConflicts(read).value().isEmpty());
        if (keepMine) {
            QCOMPARE(ready().size(), 1);
            QCOMPARE(ready().first().baseVersion, 7);
            QCOMPARE(price(), 975'000);
        } else {
            QVERIFY(ready().isEmpty());
            QCOMPARE(state(id), QStringLiteral("dropped"));
            QCOMPARE(price(), 960'000);
        }
    }

    void failedItemWaitsForOperator()
    {
        const qint64 id = stagePrice("97.5000").value();
        QVERIFY(
            m_cache
                ->run<void>([=](WriteContext& ctx) { return outbox::fail(ctx, id, QStringLiteral("400")); })
                .ok());
        QCOMPARE(m_cache->counter(storage::counters::SyncError), 1);
        QVERIFY(ready().isEmpty());
        QVERIFY(
            m_cache
                ->run<void>([=, this](WriteContext& ctx) { return outbox::drop(ctx, m_cache->admin_, id); })
                .ok());
        QCOMPARE(price(), 985'000); // back to the platform's value
        QCOMPARE(m_cache->counter(storage::counters::SyncError), 0);
    }

    void oldItemsExpireInsteadOfBeingSent()
    {
        QVERIFY(stagePrice("97.5000").ok());
        m_cache->clock.advanceSeconds(outbox::RetentionSeconds + 1);
        QCOMPARE(m_cache->run<qint64>([](WriteContext& ctx) { return outbox::expire(ctx); }).value(), 1);
        QVERIFY(ready().isEmpty());
        QCOMPARE(m_cache->counter(storage::counters::SyncError), 1);
    }
};

QTEST_GUILESS_MAIN(TestOutbox)
#include "tst_outbox.moc"
