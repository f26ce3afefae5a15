#include "cachefixture.h"
#include "core/pricing.h"
#include "storage/counters.h"
#include "storage/enterprisebatches.h"
#include "storage/platformcache.h"
#include "storage/withdrawalstore.h"

using namespace cardops;
using namespace Qt::StringLiterals;
namespace eb = storage::enterprisebatches;
namespace ws = storage::withdrawalstore;

class TstEnterpriseBatches : public QObject
{
    Q_OBJECT

    std::unique_ptr<cachefixture::Cache> cache;

    qint64 newBatch(int lines)
    {
        QList<eb::NewLine> rows;
        for (int i = 1; i <= lines; ++i)
            rows << eb::NewLine{i * 2, u"acc%1"_s.arg(i), i};
        const core::Actor admin = cache->admin_;
        auto id = cache->run<qint64>([=](storage::WriteContext& ctx) {
            return eb::create(ctx, admin, 7, 3, u"balance"_s, QString(), rows);
        });
        return id ? id.value() : -1;
    }

    QList<eb::BatchLine> unfinished(qint64 batchId)
    {
        storage::ReadSession read(*cache->db_);
        return eb::unfinished(read, batchId).value();
    }

    // What a sender does: every unfinished line, marked sent, with its key.
    QList<QByteArray> sendRound(qint64 batchId, int answerFirst)
    {
        QList<QByteArray> keys;
        int answered = 0;
        for (const eb::BatchLine& l : unfinished(batchId)) {
            const qint64 line = l.lineNo;
            if (!cache->run<bool>([=](storage::WriteContext& ctx) -> core::Result<bool> {
                    auto r = eb::markSent(ctx, batchId, line);
                    if (!r)
                        return r.error();
                    return true;
                }))
                continue;
            keys << eb::lineKey(batchId, line);
            if (answered++ < answerFirst) // the others: the answer was lost (a crash)
                (void)cache->run<bool>([=](storage::WriteContext& ctx) -> core::Result<bool> {
                    auto r = eb::markCreated(ctx, batchId, line, 1000 + line);
                    if (!r)
                        return r.error();
                    return true;
                });
        }
        return keys;
    }

private Q_SLOTS:
    void init()
    {
        cache = std::make_unique<cachefixture::Cache>();
        QVERIFY(cache->open());
    }

    void createAndRead()
    {
        const qint64 id = newBatch(3);
        QVERIFY(id > 0);
        storage::ReadSession read(*cache->db_);
        auto b = eb::batch(read, id);
        QVERIFY(b);
        QCOMPARE(b->memberId, 7);
        QCOMPARE(b->goodsId, 3);
        QCOMPARE(b->state, u"open"_s);
        QCOMPARE(b->payChannel, u"balance"_s);
        QCOMPARE(b->lines.size(), 3);
        QCOMPARE(b->lines.at(1).lineNo, 4);
        QCOMPARE(b->lines.at(1).chargeAccount, u"acc2"_s);
        QCOMPARE(b->lines.at(1).quantity, 2);
        QCOMPARE(b->lines.at(1).state, u"pending"_s);
        QCOMPARE(eb::lineKey(id, 4), "batch-" + QByteArray::number(id) + "-4");
        QCOMPARE(cache->scalar(u"SELECT COUNT(*) FROM audit_log WHERE action = 'enterprise.batch'"_s).toInt(),
                 1);
        auto open = eb::openBatches(read, 7);
        QVERIFY(open);
        QCOMPARE(open->size(), 1);
    }

    void refusesBadLines()
    {
        const core::Actor admin = cache->admin_;
        auto r = cache->run<qint64>([=](storage::WriteContext& ctx) {
            return eb::create(ctx, admin, 7, 3, u"balance"_s, QString(), {{1, u"a"_s, 1}, {1, u"b"_s, 1}});
        });
        QVERIFY(!r);
        r = cache->run<qint64>([=](storage::WriteContext& ctx) {
            return eb::create(ctx, admin, 7, 3, u"balance"_s, QString(), {});
        });
        QVERIFY(!r);
        QCOMPARE(cache->scalar(u"SELECT COUNT(*) FROM enterprise_batches"_s).toInt(), 0);
    }

    void resumeUsesTheSameKeys()
    {
        const qint64 id = newBatch(4);
        // First run: all four go out, only the first answer arrives before the "crash".
        const QList<QByteArray> first = sendRound(id, 1);
        QCOMPARE(first.size(), 4);
        const QList<eb::BatchLine> left = unfinished(id);
        QCOMPARE(left.size(), 3);
        QCOMPARE(left.first().state, u"sent"_s);
        // The resume sends exactly the unanswered lines, with the keys they had.
        const QList<QByteArray> second = sendRound(id, 3);
        QCOMPARE(second, first.mid(1));
        QVERIFY(unfinished(id).isEmpty());
        QCOMPARE(cache->scalar(u"SELECT state FROM enterprise_batches WHERE id = ?"_s, {id}).toString(),
                 u"done"_s);
        // Nothing is sent a third time.
        QVERIFY(sendRound(id, 3).isEmpty());
    }

    void finishedLinesAreNeverSentAgain()
    {
        const qint64 id = newBatch(2);
        auto created = cache->run<bool>([=](storage::WriteContext& ctx) -> core::Result<bool> {
            if (auto r = eb::markSent(ctx, id, 2); !r)
                return r.error();
            if (auto r = eb::markCreated(ctx, id, 2, 5001); !r)
                return r.error();
            if (auto r = eb::markSent(ctx, id, 4); !r)
                return r.error();
            if (auto r = eb::markFailed(ctx, id, 4, u"refused"_s); !r)
                return r.error();
            return true;
        });
        QVERIFY(created);
        for (qint64 line : {2, 4}) {
            auto again = cache->run<bool>([=](storage::WriteContext& ctx) -> core::Result<bool> {
                auto r = eb::markSent(ctx, id, line);
                if (!r)
                    return r.error();
                return true;
            });
            QVERIFY(!again);
            QCOMPARE(again.error().code, core::ErrorCode::Conflict);
        }
        storage::ReadSession read(*cache->db_);
        auto b = eb::batch(read, id).value();
        QCOMPARE(b.lines.at(0).orderId, 5001);
        QCOMPARE(b.lines.at(1).state, u"failed"_s);
        QCOMPARE(b.lines.at(1).error, u"refused"_s);
        QCOMPARE(b.state, u"done"_s);
    }

    void transientFailureStaysUnfinished()
    {
        const qint64 id = newBatch(1);
        auto r = cache->run<bool>([=](storage::WriteContext& ctx) -> core::Result<bool> {
            if (auto s = eb::markSent(ctx, id, 2); !s)
                return s.error();
            if (auto f = eb::markFailed(ctx, id, 2, u"timeout"_s, false); !f)
                return f.error();
            return true;
        });
        QVERIFY(r);
        const auto left = unfinished(id);
        QCOMPARE(left.size(), 1);
        QCOMPARE(left.first().state, u"sent"_s);
        QCOMPARE(left.first().error, u"timeout"_s);
    }

    void contractPriceStaging()
    {
        core::Goods g = cachefixture::goods(3, 1);
        g.contractPrices = R"([{"member_id":8,"price":"90.0000"}])";
        storage::PageCursor at{core::Feed::Goods, u"1"_s, false, false, QString()};
        QVERIFY(cache->run<storage::IngestStats>(
            [=](storage::WriteContext& ctx) { return storage::platformcache::ingestGoods(ctx, {g}, at); }));
        const core::Actor admin = cache->admin_;
        auto staged = cache->run<bool>([=](storage::WriteContext& ctx) {
            return eb::stageContractPrice(ctx, admin, 3, 7, core::Money::fromUnits(961'234));
        });
        QVERIFY(staged && staged.value());
        const QString body = cache->scalar(u"SELECT body FROM outbox WHERE entity = 'goods'"_s).toString();
        QVERIFY2(body.contains(u"{\"member_id\":8,\"price\":\"90.0000\"}"_s), qPrintable(body));
        QVERIFY2(body.contains(u"{\"member_id\":7,\"price\":\"96.1234\"}"_s), qPrintable(body));
        storage::ReadSession read(*cache->db_);
        auto goods = eb::contractGoods(read, 7);
        QVERIFY(goods);
        QCOMPARE(goods->size(), 1);
        QCOMPARE(eb::contractGoods(read, 9)->size(), 0);
        // The same price again changes nothing; a removal keeps member 8.
        auto same = cache->run<bool>([=](storage::WriteContext& ctx) {
            return eb::stageContractPrice(ctx, admin, 3, 7, core::Money::fromUnits(961'234));
        });
        QVERIFY(same && !same.value());
        auto removed = cache->run<bool>([=](storage::WriteContext& ctx) {
            return eb::stageContractPrice(ctx, admin, 3, 7, std::nullopt);
        });
        QVERIFY(removed && removed.value());
        QCOMPARE(cache->scalar(u"SELECT contract_prices FROM goods WHERE id = 3"_s).toString(),
                 u"[{\"member_id\":8,\"price\":\"90.0000\"}]"_s);
    }

    void withdrawalDecisionKeepsTheCounter()
    {
        core::Withdrawal w;
        w.id = 5;
        w.memberId = 7;
        w.amount = core::Money::fromYuan(200);
        w.status = u"pending"_s;
        w.createdAt = 1'764'000'000;
        w.version = 1;
        storage::PageCursor at{core::Feed::Withdrawals, u"1"_s, false, false, QString()};
        QVERIFY(cache->run<storage::IngestStats>([=](storage::WriteContext& ctx) {
            return storage::platformcache::ingestWithdrawals(ctx, {w}, at);
        }));
        QCOMPARE(cache->counter(storage::counters::WithdrawalPending), 1);
        core::Withdrawal decided = w;
        decided.status = u"approved"_s;
        decided.decidedAt = 1'764'100'000;
        decided.version = 2;
        const core::Actor admin = cache->admin_;
        auto r = cache->run<bool>([=](storage::WriteContext& ctx) {
            return ws::recordDecision(ctx, admin, decided, true, QString());
        });
        QVERIFY(r && r.value());
        QCOMPARE(cache->counter(storage::counters::WithdrawalPending), 0);
        // The same answer again (a replay, or the feed) moves nothing.
        r = cache->run<bool>([=](storage::WriteContext& ctx) { return ws::applyRemote(ctx, decided); });
        QVERIFY(r && !r.value());
        QCOMPARE(cache->counter(storage::counters::WithdrawalPending), 0);
        QCOMPARE(cache
                     ->scalar(u"SELECT COUNT(*) FROM audit_log WHERE action = 'withdrawal.approve' AND "
                              u"entity_id = '5'"_s)
                     .toInt(),
                 1);
        storage::ReadSession read(*cache->db_);
        QCOMPARE(ws::pending(read)->size(), 0);
        QCOMPARE(ws::decided(read)->size(), 1);
        auto ctxInfo = ws::agentContext(read, 7, 0, 1'764'200'000);
        QVERIFY(ctxInfo);
        QCOMPARE(ctxInfo->approved30d.units(), core::Money::fromYuan(200).units());
        QCOMPARE(ctxInfo->approvedCount30d, 1);
    }
};

QTEST_GUILESS_MAIN(TstEnterpriseBatches)
#include "tst_enterprisebatches.moc"
