#include "cachefixture.h"
#include "storage/counters.h"
#include "storage/outbox.h"
#include "storage/platformcache.h"
#include "storage/writecontext.h"

using namespace cardops;
using namespace cachefixture;
using namespace Qt::StringLiterals;
using storage::ConflictOutcome;
using storage::LocalEdit;
using storage::WriteContext;
namespace outbox = storage::outbox;
namespace cache = storage::platformcache;

// The outbox's edge cases found in review: each failed before its fix.
class TestOutboxEdges : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<Cache> c;

    qint64 stage(const QJsonObject& fields)
    {
        auto id = c->run<qint64>([=, this](WriteContext& ctx) {
            return outbox::stage(ctx, c->admin_, LocalEdit{u"goods"_s, 1, fields});
        });
        return id.ok() ? id.value() : -1;
    }
    void put(const core::Goods& g)
    {
        QVERIFY(c->run<storage::IngestStats>([=](WriteContext& ctx) {
                     return cache::applyGoods(ctx, {g});
                 }).ok());
    }
    QString state(qint64 id) const
    {
        return c->scalar(u"SELECT state FROM outbox WHERE id = ?"_s, {id}).toString();
    }
    qint64 price() const { return c->scalar(u"SELECT price FROM goods WHERE id = 1"_s).toLongLong(); }
    qint64 trueLowStock() const
    {
        return c
            ->scalar(
                u"SELECT count(*) FROM goods WHERE status = 'on' AND stock_available < low_stock_threshold"_s)
            .toLongLong();
    }

private Q_SLOTS:
    void init()
    {
        c = std::make_unique<Cache>();
        QVERIFY(c->open());
    }
    void cleanup() { c.reset(); }

    void lowStockFollowsLocalEditsAndNewerPages()
    {
        put(goods(1, 1, 5, 20)); // low
        QCOMPARE(c->counter(storage::counters::LowStock), 1);
        const qint64 id = stage({{u"low_stock_threshold"_s, 3}});
        QCOMPARE(c->counter(storage::counters::LowStock), trueLowStock()); // 0 at once
        auto renamed = goods(1, 2, 5, 20);
        renamed.name = u"改名"_s;
        put(renamed); // the threshold stays local
        QCOMPARE(c->counter(storage::counters::LowStock), trueLowStock());
        auto accepted = goods(1, 3, 5, 3);
        accepted.name = u"改名"_s;
        QVERIFY(c->run<void>([=](WriteContext& ctx) { return outbox::complete(ctx, id, accepted); }).ok());
        QCOMPARE(trueLowStock(), 0);
        QCOMPARE(c->counter(storage::counters::LowStock), 0);
    }

    void droppedEditStaysDroppedAfterALate409()
    {
        put(goods(1, 5));
        const qint64 id = stage({{u"price"_s, u"97.5000"_s}});
        QVERIFY(c->run<void>([=, this](WriteContext& ctx) { return outbox::drop(ctx, c->admin_, id); }).ok());
        auto remote = goods(1, 6);
        remote.name = u"x"_s;
        auto r = c->run<ConflictOutcome>(
            [=](WriteContext& ctx) { return outbox::conflict(ctx, id, remote, QByteArrayLiteral("{}")); });
        QCOMPARE(r.value(), ConflictOutcome::Settled);
        QCOMPARE(state(id), u"dropped"_s);
        QCOMPARE(c->scalar(u"SELECT name FROM goods WHERE id = 1"_s).toString(), u"x"_s);
    }

    void retriedItemIsNotExpiredAgain()
    {
        put(goods(1, 5));
        const qint64 id = stage({{u"price"_s, u"97.5000"_s}});
        c->clock.advanceSeconds(outbox::RetentionSeconds + 1);
        QCOMPARE(c->run<qint64>([](WriteContext& ctx) { return outbox::expire(ctx); }).value(), 1);
        QVERIFY(
            c->run<void>([=, this](WriteContext& ctx) { return outbox::retry(ctx, c->admin_, id); }).ok());
        QCOMPARE(c->run<qint64>([](WriteContext& ctx) { return outbox::expire(ctx); }).value(), 0);
        QCOMPARE(state(id), u"pending"_s);
        QCOMPARE(c->counter(storage::counters::SyncError), 0);
    }

    void droppingStackedEditsRestoresThePlatformValue()
    {
        put(goods(1, 5)); // 98.5 on the platform
        const qint64 a = stage({{u"price"_s, u"90.0000"_s}});
        const qint64 b = stage({{u"price"_s, u"91.0000"_s}});
        QVERIFY(c->run<void>([=, this](WriteContext& ctx) { return outbox::drop(ctx, c->admin_, a); }).ok());
        QCOMPARE(price(), 910'000); // b still holds the price
        QVERIFY(c->run<void>([=, this](WriteContext& ctx) { return outbox::drop(ctx, c->admin_, b); }).ok());
        QCOMPARE(price(), 985'000);
    }

    void replayedOlderAnswerKeepsNewerPlatformValues()
    {
        put(goods(1, 5));
        const qint64 a = stage({{u"price"_s, u"90.0000"_s}});
        auto v7 = goods(1, 7); // someone set 120 after our edit committed as v6
        v7.price = core::Money::fromYuan(120);
        put(v7);
        auto v6 = goods(1, 6);
        v6.price = core::Money::fromYuan(90);
        QVERIFY(c->run<void>([=](WriteContext& ctx) { return outbox::complete(ctx, a, v6); }).ok());
        QCOMPARE(price(), 1'200'000);
        QCOMPARE(c->scalar(u"SELECT version FROM goods WHERE id = 1"_s).toInt(), 7);
    }

    void answerForAnotherEntityFailsTheItem()
    {
        put(goods(1, 5));
        const qint64 id = stage({{u"sort"_s, 3}});
        QVERIFY(c->run<void>([=](WriteContext& ctx) { return outbox::complete(ctx, id, goods(2, 9)); }).ok());
        QCOMPARE(state(id), u"failed"_s);
        QCOMPARE(c->scalar(u"SELECT count(*) FROM goods"_s).toInt(), 1);
        QCOMPARE(c->counter(storage::counters::SyncError), 1);
    }

    void acceptedWithoutEntityIsDone()
    {
        put(goods(1, 5));
        const qint64 id = stage({{u"sort"_s, 3}});
        QVERIFY(c->run<void>([=](WriteContext& ctx) { return outbox::complete(ctx, id); }).ok());
        QCOMPARE(state(id), u"done"_s);
        QCOMPARE(c->scalar(u"SELECT sort FROM goods WHERE id = 1"_s).toInt(), 3);
    }
};

QTEST_GUILESS_MAIN(TestOutboxEdges)
#include "tst_outboxedges.moc"
