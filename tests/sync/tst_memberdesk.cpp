#include "app/gui/memberdesk.h"
#include "core/batchorderlines.h"
#include "models/batchorderrun.h"
#include "models/datasource.h"
#include "storage/counters.h"
#include "storage/enterprisebatches.h"
#include "syncfixture.h"

#include <optional>

using namespace cardops;
using namespace Qt::StringLiterals;
namespace eb = storage::enterprisebatches;

// 提现审核 and enterprise batch orders end to end: the simulator on loopback, a synced cache, the
// console's MemberDesk and the batch run between them.
class TstMemberDesk : public QObject
{
    Q_OBJECT

    std::unique_ptr<syncfixture::Shop> shop;
    std::unique_ptr<models::DataSource> source;
    std::unique_ptr<app::MemberDesk> desk;

    QString decide(qint64 id, bool approve, const QString& reason)
    {
        std::optional<QString> error;
        QObject context;
        desk->decideWithdrawal(id, approve, reason, &context, [&error](const QString& e) { error = e; });
        if (!QTest::qWaitFor([&error] { return error.has_value(); }, 20000))
            return u"timed out"_s;
        return *error;
    }

    models::OrderOutcome order(const models::OrderRequest& request, const QByteArray& key)
    {
        std::optional<models::OrderOutcome> outcome;
        QObject context;
        desk->createOrder(request, key, &context, [&outcome](const models::OrderOutcome& o) { outcome = o; });
        if (!QTest::qWaitFor([&outcome] { return outcome.has_value(); }, 20000)) {
            models::OrderOutcome timedOut;
            timedOut.error = u"timed out"_s;
            return timedOut;
        }
        return *outcome;
    }

    struct RunEnd
    {
        qint64 batchId = 0;
        int created = -1;
        int failed = -1;
        int unfinished = -1;
        QString error;
        QMap<qint64, models::OrderOutcome> lines;
    };

    template<typename Start> RunEnd run(Start start)
    {
        RunEnd end;
        bool done = false;
        models::BatchOrderRun runner(*source, *desk, shop->admin);
        connect(&runner, &models::BatchOrderRun::lineFinished, this,
                [&end](qint64 line, const models::OrderOutcome& o) { end.lines.insert(line, o); });
        connect(&runner, &models::BatchOrderRun::finished, this,
                [&](qint64 batchId, int created, int failed, int unfinished, const QString& error) {
                    end = RunEnd{batchId, created, failed, unfinished, error, end.lines};
                    done = true;
                });
        start(runner);
        if (!QTest::qWaitFor([&done] { return done; }, 30000))
            end.error = u"timed out"_s;
        return end;
    }

    qint64 simOrders() const { return shop->server.state().orders().size(); }

private Q_SLOTS:
    void initTestCase()
    {
        sim::GeneratorParams params = syncfixture::smallShop();
        params.members = 1'500; // enough agents with a request of the last two days still pending
        params.orders = 12'000;
        params.seed = 23;
        shop = std::make_unique<syncfixture::Shop>(params);
        QVERIFY(shop->start());
        const auto first = shop->round();
        QVERIFY2(first.ok(), qPrintable(first.error));
        source = std::make_unique<models::DataSource>(shop->path, &shop->db->writer());
        app::MemberDesk::Hooks hooks;
        hooks.transport = [this] {
            return shop->transport.get();
        };
        hooks.writer = [this]() -> storage::DatabaseWriter* {
            return &shop->db->writer();
        };
        hooks.source = [this] {
            return source.get();
        };
        hooks.actor = [this] {
            return shop->admin;
        };
        desk = std::make_unique<app::MemberDesk>(hooks);
        QString why;
        QVERIFY2(desk->canAct(&why), qPrintable(why));
        QVERIFY2(desk->mayDecideWithdrawals(&why), qPrintable(why));
    }

    void approveAndReject()
    {
        const qint64 pendingBefore = shop->scalar(u"SELECT value FROM counters WHERE name = ?"_s,
                                                  {storage::counters::WithdrawalPending})
                                         .toLongLong();
        QVERIFY2(pendingBefore >= 2, qPrintable(u"pending withdrawals: %1"_s.arg(pendingBefore)));
        storage::ReadSession read(*shop->db);
        const auto rows =
            read.select(
                    u"SELECT id FROM withdrawals WHERE status = 'pending' ORDER BY created_at, id LIMIT 2"_s)
                .value();
        const qint64 first = rows.at(0).value(0).toLongLong();
        const qint64 second = rows.at(1).value(0).toLongLong();
        const auto counter = [this] {
            return shop
                ->scalar(u"SELECT value FROM counters WHERE name = ?"_s,
                         {storage::counters::WithdrawalPending})
                .toLongLong();
        };

        QCOMPARE(decide(first, true, QString()), QString());
        QCOMPARE(shop->scalar(u"SELECT status FROM withdrawals WHERE id = ?"_s, {first}).toString(),
                 u"approved"_s);
        QVERIFY(shop->scalar(u"SELECT decided_at FROM withdrawals WHERE id = ?"_s, {first}).toLongLong() > 0);
        QCOMPARE(counter(), pendingBefore - 1);
        QCOMPARE(shop->server.state().withdrawals().at(first - 1).status, sim::WithdrawalStatus::Approved);

        QVERIFY(!decide(second, false, u"  "_s).isEmpty()); // a rejection needs a reason
        QCOMPARE(counter(), pendingBefore - 1);
        QCOMPARE(decide(second, false, u"银行卡信息不符"_s), QString());
        QCOMPARE(shop->scalar(u"SELECT status FROM withdrawals WHERE id = ?"_s, {second}).toString(),
                 u"rejected"_s);
        QCOMPARE(counter(), pendingBefore - 2);
        QCOMPARE(shop->server.state().withdrawals().at(second - 1).status, sim::WithdrawalStatus::Rejected);

        // A second decision is refused with the platform's state named; nothing moves.
        const QString again = decide(first, false, u"重复"_s);
        QVERIFY2(again.contains(u"already"_s) && again.contains(u"approved"_s), qPrintable(again));
        QCOMPARE(shop->server.state().withdrawals().at(first - 1).status, sim::WithdrawalStatus::Approved);
        QCOMPARE(counter(), pendingBefore - 2);

        QCOMPARE(
            shop->scalar(
                    u"SELECT COUNT(*) FROM audit_log WHERE entity = 'withdrawal' AND entity_id IN (?, ?)"_s,
                    {QString::number(first), QString::number(second)})
                .toInt(),
            2);
        QVERIFY(shop->scalar(u"SELECT detail FROM audit_log WHERE action = 'withdrawal.reject'"_s)
                    .toString()
                    .contains(u"银行卡信息不符"_s));
        // The next sync agrees with what the decisions wrote.
        const auto next = shop->round();
        QVERIFY2(next.ok(), qPrintable(next.error));
        QCOMPARE(counter(), pendingBefore - 2);
    }

    void batchOfThreeCreatesThreeOrders()
    {
        const qint64 goodsId =
            shop->scalar(
                    u"SELECT id FROM goods WHERE kind = 'direct' AND status = 'on' ORDER BY id LIMIT 1"_s)
                .toLongLong();
        const qint64 memberId =
            shop->scalar(u"SELECT id FROM members WHERE kind = 'enterprise' ORDER BY id LIMIT 1"_s)
                .toLongLong();
        QVERIFY(goodsId > 0 && memberId > 0);
        storage::ReadSession read(*shop->db);
        const auto info = eb::buyerGoods(read, memberId, goodsId).value();
        const core::MemberPrice price =
            core::memberPrice(*info.goods, memberId, info.member->tierId, info.tiers);

        core::BatchParse parsed = core::parseBatchText(u"13800000001\n13800000002,2\n13800000003,3\n"_s);
        core::validateBatch(parsed.lines, u"direct"_s, price.price);
        QCOMPARE(core::batchTotals(parsed.lines).lines, 3);
        const qint64 ordersBefore = simOrders();
        const RunEnd end = run([&](models::BatchOrderRun& r) { r.start(memberId, goodsId, parsed.lines); });
        QCOMPARE(end.error, QString());
        QCOMPARE(end.created, 3);
        QCOMPARE(end.failed, 0);
        QCOMPARE(end.unfinished, 0);
        QCOMPARE(simOrders(), ordersBefore + 3);
        QCOMPARE(end.lines.size(), 3);
        for (qint64 line : {1, 2, 3}) {
            const models::OrderOutcome& o = end.lines.value(line);
            QVERIFY2(o.orderId > 0, qPrintable(o.error));
            const auto& simOrder = shop->server.state().orders().at(o.orderId - sim::kOrderIdBase - 1);
            QCOMPARE(qint64(simOrder.quantity), line);
            QCOMPARE(simOrder.unitPrice.units(), price.price.units()); // the member's price, as previewed
        }
        const eb::Batch saved = eb::batch(read, end.batchId).value();
        QCOMPARE(saved.state, u"done"_s);
        QCOMPARE(saved.lines.at(2).orderId, end.lines.value(3).orderId);

        // The same key again creates nothing: the platform answers the first order.
        models::OrderRequest request{memberId, goodsId, 2, u"13800000002"_s, QString(), u"balance"_s};
        const models::OrderOutcome repeat = order(request, eb::lineKey(end.batchId, 2));
        QCOMPARE(repeat.error, QString());
        QCOMPARE(repeat.orderId, end.lines.value(2).orderId);
        QCOMPARE(simOrders(), ordersBefore + 3);
        // Resuming a finished batch sends nothing.
        const RunEnd resumed = run([&](models::BatchOrderRun& r) { r.resume(end.batchId); });
        QCOMPARE(resumed.created, 0);
        QCOMPARE(simOrders(), ordersBefore + 3);
    }

    void lostAnswerIsResumedWithTheSameKey()
    {
        const qint64 goodsId =
            shop->scalar(
                    u"SELECT id FROM goods WHERE kind = 'direct' AND status = 'on' ORDER BY id LIMIT 1"_s)
                .toLongLong();
        const qint64 memberId =
            shop->scalar(u"SELECT id FROM members WHERE kind = 'enterprise' ORDER BY id LIMIT 1"_s)
                .toLongLong();
        const core::Actor admin = shop->admin;
        const qint64 batchId = shop->write<qint64>([=](storage::WriteContext& ctx) {
                                       return eb::create(ctx, admin, memberId, goodsId, u"balance"_s,
                                                         QString(), {{1, u"13900000001"_s, 1}});
                                   })
                                   .value();
        // The line went out and the order was made, but the answer never reached the cache (a crash).
        QVERIFY(shop->write<bool>([=](storage::WriteContext& ctx) -> core::Result<bool> {
            auto r = eb::markSent(ctx, batchId, 1);
            if (!r)
                return r.error();
            return true;
        }));
        const qint64 ordersBefore = simOrders();
        const models::OrderOutcome lost =
            order({memberId, goodsId, 1, u"13900000001"_s, QString(), u"balance"_s}, eb::lineKey(batchId, 1));
        QVERIFY(lost.orderId > 0);
        QCOMPARE(simOrders(), ordersBefore + 1);
        const RunEnd end = run([&](models::BatchOrderRun& r) { r.resume(batchId); });
        QCOMPARE(end.created, 1);
        QCOMPARE(end.lines.value(1).orderId, lost.orderId);
        QCOMPARE(simOrders(), ordersBefore + 1);
    }

    void refusedLineFails()
    {
        const qint64 goodsId =
            shop->scalar(
                    u"SELECT id FROM goods WHERE kind = 'direct' AND status = 'on' ORDER BY id LIMIT 1"_s)
                .toLongLong();
        // The simulator takes digits only: a refusal (400) is a failed line, not a retry.
        core::BatchParse parsed = core::parseBatchText(u"not-digits\n13700000001\n"_s);
        core::validateBatch(parsed.lines, u"direct"_s, core::Money::fromYuan(1));
        const RunEnd end = run([&](models::BatchOrderRun& r) { r.start(1, goodsId, parsed.lines); });
        QCOMPARE(end.created, 1);
        QCOMPARE(end.failed, 1);
        QCOMPARE(end.unfinished, 0);
        QVERIFY(end.lines.value(1).error.contains(u"charge_account"_s));
        QVERIFY(!end.lines.value(1).retryable);
    }
};

QTEST_GUILESS_MAIN(TstMemberDesk)
#include "tst_memberdesk.moc"
