#include "cachefixture.h"
#include "storage/orderactions.h"
#include "storage/platformcache.h"
#include "storage/writecontext.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

// Order actions (intent → result, pending for the replay), assignments, and the review queue with
// the member's context, on a fresh cache.
using namespace cardops;
using namespace Qt::StringLiterals;
using cachefixture::Cache;
using storage::WriteContext;
namespace oa = storage::orderactions;

class TstOrderActions : public QObject
{
    Q_OBJECT

    std::unique_ptr<Cache> m_cache;

    core::Result<storage::OrderActionRecord> intent(const core::Actor& actor, qint64 orderId,
                                                    const QString& kind,
                                                    const QByteArray& body = "{\"from_stock\":true}")
    {
        return m_cache->run<storage::OrderActionRecord>(
            [=](WriteContext& ctx) { return oa::recordIntent(ctx, actor, orderId, kind, body); });
    }

    core::Result<void> step(std::function<core::Result<void>(WriteContext&)> body)
    {
        return m_cache->run<bool>([body](WriteContext& ctx) -> core::Result<bool> {
                          auto r = body(ctx);
                          if (!r)
                              return r.error();
                          return true;
                      })
                       .ok()
                   ? core::Result<void>()
                   : core::makeError(core::ErrorCode::Conflict, u"step failed"_s);
    }

    void ingest(const QList<core::Member>& members, const QList<core::Goods>& goods,
                const QList<core::Order>& orders)
    {
        auto done = m_cache->run<bool>([=](WriteContext& ctx) -> core::Result<bool> {
            if (auto r = storage::platformcache::ingestMembers(
                    ctx, members, {core::Feed::Members, u"m1"_s, false, false, {}});
                !r)
                return r.error();
            if (auto r = storage::platformcache::ingestGoods(ctx, goods,
                                                             {core::Feed::Goods, u"g1"_s, false, false, {}});
                !r)
                return r.error();
            if (auto r = storage::platformcache::ingestOrders(
                    ctx, orders, {core::Feed::Orders, u"o1"_s, false, false, {}});
                !r)
                return r.error();
            return true;
        });
        QVERIFY2(done.ok(), qPrintable(done.ok() ? QString() : done.error().detail));
    }

    static core::Order order(qint64 id, qint64 member, const QString& status, qint64 quantity,
                             qint64 createdAt)
    {
        core::Order o = cachefixture::order(id, 1, status);
        o.memberId = member;
        o.quantity = quantity;
        o.createdAt = createdAt;
        o.paidAt = status == u"unpaid" ? 0 : createdAt + 30;
        return o;
    }

private Q_SLOTS:
    void init()
    {
        m_cache = std::make_unique<Cache>();
        QVERIFY(m_cache->open());
    }
    void cleanup() { m_cache.reset(); }

    void intentIsPendingWithAFreshKeyAndAudited()
    {
        auto a = intent(m_cache->admin_, 1000001, oa::Deliver);
        QVERIFY(a.ok());
        auto b = intent(m_cache->admin_, 1000001, oa::Deliver);
        QVERIFY(b.ok());
        QCOMPARE(a->state, u"pending"_s);
        QVERIFY(a->idempotencyKey.startsWith("act-"));
        QCOMPARE(a->idempotencyKey.size(), 36);
        QVERIFY(a->idempotencyKey != b->idempotencyKey);
        QCOMPARE(
            m_cache
                ->scalar(u"SELECT COUNT(*) FROM audit_log WHERE action = 'order.deliver' AND entity_id = "
                         u"'1000001'"_s)
                .toInt(),
            2);
        storage::ReadSession read(*m_cache->db_);
        auto pending = oa::pending(read);
        QVERIFY(pending.ok());
        QCOMPARE(pending->size(), 2);
        QCOMPARE(pending->first().id, a->id);
        QCOMPARE(pending->first().body, QByteArray("{\"from_stock\":true}"));
        QCOMPARE(pending->first().idempotencyKey, a->idempotencyKey);
    }

    void refusedIntents()
    {
        core::Actor finance{m_cache->admin_.operatorId, u"fin"_s, core::Role::Finance};
        auto refused = intent(finance, 1000001, oa::Refund, "{\"amount\":\"1.0000\",\"reason\":\"other\"}");
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, core::ErrorCode::PermissionDenied);
        QCOMPARE(intent(m_cache->admin_, 1000001, u"explode"_s).error().code,
                 core::ErrorCode::InvalidArgument);
        QCOMPARE(intent(m_cache->admin_, 0, oa::Deliver).error().code, core::ErrorCode::InvalidArgument);
        QCOMPARE(intent(m_cache->admin_, 1, oa::Deliver, "not json").error().code,
                 core::ErrorCode::InvalidArgument);
        QVERIFY(intent(m_cache->admin_, 0, oa::Create, "{}").ok()); // a create names its order later
        QCOMPARE(m_cache->scalar(u"SELECT COUNT(*) FROM order_actions"_s).toInt(), 1);
    }

    void resultsMoveOnlyPendingIntents()
    {
        auto a = intent(m_cache->admin_, 1000001, oa::Deliver);
        auto b = intent(m_cache->admin_, 1000002, oa::Deliver);
        auto c = intent(m_cache->admin_, 0, oa::Create, "{}");
        QVERIFY(a.ok() && b.ok() && c.ok());
        QVERIFY(
            step([id = a->id](WriteContext& ctx) { return oa::noteAttempt(ctx, id, u"Timeout"_s); }).ok());
        QVERIFY(step([id = a->id](WriteContext& ctx) {
                    return oa::complete(ctx, id, 1000001, u"delivered"_s, 4);
                }).ok());
        QVERIFY(step([id = b->id](WriteContext& ctx) { return oa::fail(ctx, id, u"Forbidden"_s); }).ok());
        QVERIFY(step([id = c->id](WriteContext& ctx) {
                    return oa::complete(ctx, id, 1000777, u"paid"_s, 1);
                }).ok());
        // Settled intents never move again.
        QVERIFY(!step([id = a->id](WriteContext& ctx) { return oa::fail(ctx, id, u"late"_s); }).ok());
        storage::ReadSession read(*m_cache->db_);
        const auto doneA = oa::find(read, a->id).value().value();
        QCOMPARE(doneA.state, u"done"_s);
        QCOMPARE(doneA.attempts, 1);
        QCOMPARE(doneA.resultStatus, u"delivered"_s);
        QCOMPARE(doneA.resultVersion, 4);
        const auto failedB = oa::find(read, b->id).value().value();
        QCOMPARE(failedB.state, u"failed"_s);
        QCOMPARE(failedB.lastError, u"Forbidden"_s);
        QCOMPARE(oa::find(read, c->id).value()->orderId, 1000777);
        QVERIFY(oa::pending(read)->isEmpty());
        QCOMPARE(oa::forOrder(read, 1000001)->size(), 1);
    }

    void assignmentsAreAudited()
    {
        QVERIFY(step([a = m_cache->admin_](WriteContext& ctx) {
                    return oa::assignToSelf(ctx, a, 1000001);
                }).ok());
        QVERIFY(step([a = m_cache->admin_](WriteContext& ctx) {
                    return oa::assignToSelf(ctx, a, 1000001);
                }).ok());
        QCOMPARE(m_cache->scalar(u"SELECT operator_id FROM review_assignments WHERE order_id = 1000001"_s)
                     .toLongLong(),
                 m_cache->admin_.operatorId);
        QCOMPARE(m_cache->scalar(u"SELECT COUNT(*) FROM audit_log WHERE action = 'review.assign'"_s).toInt(),
                 1);
        QVERIFY(
            step([a = m_cache->admin_](WriteContext& ctx) { return oa::unassign(ctx, a, 1000001); }).ok());
        QCOMPARE(m_cache->scalar(u"SELECT COUNT(*) FROM review_assignments"_s).toInt(), 0);
        QCOMPARE(
            m_cache->scalar(u"SELECT COUNT(*) FROM audit_log WHERE action = 'review.unassign'"_s).toInt(), 1);
        core::Actor finance{m_cache->admin_.operatorId, u"fin"_s, core::Role::Finance};
        QVERIFY(!step([finance](WriteContext& ctx) { return oa::assignToSelf(ctx, finance, 1000001); }).ok());
    }

    void medianIsTheLowerMiddle()
    {
        QCOMPARE(oa::medianQuantity({}), 0);
        QCOMPARE(oa::medianQuantity({5}), 5);
        QCOMPARE(oa::medianQuantity({9, 1, 2}), 2);
        QCOMPARE(oa::medianQuantity({4, 1, 3, 2}), 2);
    }

    void queueWithMemberContext()
    {
        const qint64 t0 = 1'764'000'000;
        QList<core::Order> orders;
        // Member 7: 22 paid orders of quantity 1…22 (the last 20 are 3…22: median 12), one unpaid.
        for (qint64 i = 1; i <= 22; ++i)
            orders << order(i, 7, u"delivered"_s, i, t0 + i * 100);
        orders << order(23, 7, u"unpaid"_s, 99, t0 + 2300);
        orders << order(24, 7, u"review"_s, 40, t0 + 5000); // newer: waiting less long
        orders << order(25, 8, u"review"_s, 1, t0 + 4000);  // a first order
        core::Order handed = order(26, 8, u"handed_over"_s, 2, t0 + 3000);
        handed.handedOver = true;
        orders << handed;
        orders << order(27, 8, u"handed_over"_s, 1, t0 + 3500); // handed over, not held
        orders[23].amount = core::Money::fromYuan(12);
        orders[23].reviewReason = u"amount_mismatch"_s;
        ingest({cachefixture::member(7, 1), cachefixture::member(8, 1)}, {cachefixture::goods(3, 1)}, orders);
        auto held = m_cache->run<bool>([](WriteContext& ctx) -> core::Result<bool> {
            auto r =
                ctx.exec(u"INSERT INTO fulfilments (order_id, action, reason, rule_set_version, fired_rule, "
                         u"step, holder, decided_at, updated_at) VALUES (26, 'review', 'night', 3, "
                         u"'night_rule', 'holding', 'w1', 1, 1), (27, 'deliver', '', 3, '', 'delivering', "
                         u"'w1', 1, 1)"_s);
            if (!r)
                return r.error();
            return true;
        });
        QVERIFY(held.ok());
        QVERIFY(step([a = m_cache->admin_](WriteContext& ctx) { return oa::assignToSelf(ctx, a, 25); }).ok());

        storage::ReadSession read(*m_cache->db_);
        auto queue = oa::reviewQueue(read);
        QVERIFY2(queue.ok(), qPrintable(queue.ok() ? QString() : queue.error().detail));
        QCOMPARE(queue->size(), 3);
        // Oldest first: 26 (worker), 25, 24.
        QCOMPARE(queue->at(0).orderId, 26);
        QVERIFY(queue->at(0).heldByWorker);
        QCOMPARE(queue->at(0).reason, u"night"_s);
        QCOMPARE(queue->at(0).firedRule, u"night_rule"_s);
        QVERIFY(queue->at(0).handedOver);
        QCOMPARE(queue->at(1).orderId, 25);
        QCOMPARE(queue->at(1).memberPaidOrders, 2); // 26 and 27 are paid too (handed over)
        QCOMPARE(queue->at(1).assigneeId, m_cache->admin_.operatorId);
        QCOMPARE(queue->at(1).assigneeName, u"管理员"_s);
        const storage::ReviewItem& big = queue->at(2);
        QCOMPARE(big.orderId, 24);
        QCOMPARE(big.reason, u"amount_mismatch"_s);
        QCOMPARE(big.memberPaidOrders, 22);
        QCOMPARE(big.usualQuantity, 12);
        QCOMPARE(big.memberSpend, 22 * core::Money::fromYuan(10).units());
        QCOMPARE(big.since, t0 + 5030);
        QCOMPARE(big.goodsName, u"腾讯Q币 100元"_s);

        // A done action that moved an order out of review hides it until the sync catches up; a
        // failed one keeps it listed with its word.
        auto moved = intent(m_cache->admin_, 24, oa::Deliver);
        auto refused = intent(m_cache->admin_, 25, oa::Deliver);
        QVERIFY(moved.ok() && refused.ok());
        QVERIFY(step([id = moved->id](WriteContext& ctx) {
                    return oa::complete(ctx, id, 24, u"delivered"_s, 2);
                }).ok());
        QVERIFY(
            step([id = refused->id](WriteContext& ctx) { return oa::fail(ctx, id, u"stock short"_s); }).ok());
        queue = oa::reviewQueue(read);
        QCOMPARE(queue->size(), 2);
        QCOMPARE(queue->at(1).orderId, 25);
        QCOMPARE(queue->at(1).lastActionState, u"failed"_s);
        QCOMPARE(queue->at(1).lastActionError, u"stock short"_s);
    }

    void queueQueriesUseIndexes()
    {
        storage::ReadSession read(*m_cache->db_);
        for (const QString& sql : {oa::queueOrdersSql(), oa::memberHistorySql(), oa::memberQuantitiesSql()}) {
            QVariantList binds;
            for (qsizetype k = 0; k < sql.count(u'?'); ++k)
                binds << 1;
            auto plan = read.select(u"EXPLAIN QUERY PLAN "_s + sql, binds);
            QVERIFY2(plan.ok(), qPrintable(plan.ok() ? QString() : plan.error().detail));
            QStringList details;
            for (const QVariantList& row : *plan)
                details << row.value(3).toString();
            const QString text = details.join(u'\n');
            QVERIFY2(
                !text.contains(QRegularExpression(u"\\bSCAN (orders|fulfilments|order_actions|o|f|x)\\b"_s)),
                qPrintable(text));
            if (sql == oa::queueOrdersSql()) {
                QVERIFY2(text.contains(u"orders_status"_s), qPrintable(text));
                QVERIFY2(text.contains(u"fulfilments_step"_s), qPrintable(text));
                QVERIFY2(text.contains(u"order_actions_order"_s), qPrintable(text));
            } else {
                QVERIFY2(text.contains(u"orders_member"_s), qPrintable(text));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TstOrderActions)
#include "tst_orderactions.moc"
