#include "sim/data/cardstore.h"
#include "sim/data/handover.h"
#include "storage/orderactions.h"
#include "sync/orderactions.h"
#include "syncfixture.h"
#include "tests/sync/support/fakeplatformserver.h"

#include <QJsonObject>

// sync::OrderActions against the simulator over loopback: every action, the intent before the
// call and the result after it, the replay of pending intents with their own keys after a crash
// (the platform answers the first response and acts once), and refusals and hostile answers.
using namespace cardops;
using namespace Qt::StringLiterals;
using Outcome = sync::OrderActionOutcome;
namespace oa = storage::orderactions;

namespace {

const QByteArray kHolder = "console-test-01";

template<typename T> T await(QFuture<T> future)
{
    if (!QTest::qWaitFor([&] { return future.isFinished(); }, 15000) || future.resultCount() == 0)
        return T();
    return future.result();
}

} // namespace

class TstOrderActions : public QObject
{
    Q_OBJECT

    std::unique_ptr<syncfixture::Shop> m_shop;
    std::unique_ptr<sync::OrderActions> m_actions;

    sim::PlatformState& state() { return m_shop->server.state(); }

    // The first simulated order that matches, as an id (0 = none).
    qint64 findOrder(const std::function<bool(const sim::Order&, const sim::Goods&)>& match)
    {
        const auto& orders = state().orders();
        for (qsizetype i = 0; i < orders.size(); ++i)
            if (match(orders[i], state().goods()[orders[i].goodsId - 1]))
                return sim::PlatformState::orderId(static_cast<qint32>(i));
        return 0;
    }
    const sim::Order& simOrder(qint64 id) { return state().orders()[id - sim::kOrderIdBase - 1]; }
    // A new paid order of a card goods with stock through the platform's own flow: held for review
    // (the platform's quantity check), or handed over to CardOps.
    qint64 placeOrder(bool handedOver) { return sim::placeOneOrder(state(), handedOver); }
    qint64 reviewOrderWithStock() { return placeOrder(false); }
    std::optional<storage::OrderActionRecord> action(qint64 id)
    {
        storage::ReadSession read(*m_shop->db);
        return oa::find(read, id).valueOr({});
    }
    void newConsole()
    {
        m_actions = std::make_unique<sync::OrderActions>(m_shop->db->writer(), m_shop->path,
                                                         *m_shop->transport, kHolder);
    }

private Q_SLOTS:
    void init()
    {
        m_shop = std::make_unique<syncfixture::Shop>();
        QVERIFY(m_shop->start());
        newConsole();
    }
    void cleanup()
    {
        m_actions.reset();
        m_shop.reset();
    }

    void deliverFromStock()
    {
        const qint64 id = reviewOrderWithStock();
        QVERIFY2(id != 0, "the generated shop has no review order with stock");
        const qint64 deliveries = state().deliveries();
        const Outcome o = await(m_actions->deliver(m_shop->admin, id));
        QVERIFY2(o.ok(), qPrintable(o.error.describe() + o.localError.detail));
        QCOMPARE(o.order->id, id);
        QCOMPARE(o.order->status, u"delivered"_s);
        QCOMPARE(simOrder(id).status, sim::OrderStatus::Delivered);
        QCOMPARE(state().deliveries(), deliveries + 1);
        const auto row = action(o.actionId);
        QVERIFY(row);
        QCOMPARE(row->state, u"done"_s);
        QCOMPARE(row->kind, oa::Deliver);
        QCOMPARE(row->resultStatus, u"delivered"_s);
        QCOMPARE(row->resultVersion, o.order->version);
        QCOMPARE(row->body, "{\"from_stock\":true,\"holder\":\"" + kHolder + "\"}");
        QCOMPARE(m_shop->scalar(u"SELECT COUNT(*) FROM audit_log WHERE action = 'order.deliver'"_s).toInt(),
                 1);
    }

    void refundPartialRejectAndReview()
    {
        const qint64 id = findOrder([](const sim::Order& o, const sim::Goods&) {
            return o.status == sim::OrderStatus::Delivered && !o.handedOver &&
                   o.paidAmount > core::Money::fromYuan(2);
        });
        QVERIFY(id != 0);
        const core::Money paid = simOrder(id).paidAmount;
        Outcome o = await(m_actions->refund(m_shop->admin, id, core::Money::fromYuan(1),
                                            u"customer_request"_s, u"买家只要一半"_s));
        QVERIFY2(o.ok(), qPrintable(o.error.describe()));
        QCOMPARE(o.order->refundAmount, core::Money::fromYuan(1));
        QCOMPARE(action(o.actionId)->body,
                 "{\"amount\":\"1.0000\",\"holder\":\"" + kHolder + "\",\"reason\":\"customer_request\"}");
        // Reject = a full refund of what is left, audited as a rejection with the note.
        o = await(
            m_actions->reject(m_shop->admin, id, paid - core::Money::fromYuan(1), u"fraud"_s, u"盗刷"_s));
        QVERIFY2(o.ok(), qPrintable(o.error.describe()));
        QCOMPARE(o.order->refundAmount, paid);
        QCOMPARE(simOrder(id).refundAmount, paid);
        const QString detail =
            m_shop->scalar(u"SELECT detail FROM audit_log WHERE action = 'order.reject'"_s).toString();
        QCOMPARE(QJsonDocument::fromJson(detail.toUtf8()).object().value(u"note"_s).toString(), u"盗刷"_s);
        // More than is left: the platform refuses (400) and the intent fails with its word.
        o = await(m_actions->refund(m_shop->admin, id, core::Money::fromYuan(1), u"other"_s));
        QCOMPARE(o.status, Outcome::Status::Refused);
        QCOMPARE(o.error.kind, sync::CallError::BadRequest);
        QCOMPARE(action(o.actionId)->state, u"failed"_s);
        // Bad input is refused before anything is recorded.
        const qint64 before = m_shop->scalar(u"SELECT COUNT(*) FROM order_actions"_s).toLongLong();
        o = await(m_actions->refund(m_shop->admin, id, core::Money::fromYuan(1), u"because"_s));
        QCOMPARE(o.status, Outcome::Status::NotRecorded);
        core::Actor finance = m_shop->admin;
        finance.role = core::Role::Finance;
        o = await(m_actions->deliver(finance, id));
        QCOMPARE(o.status, Outcome::Status::NotRecorded);
        QCOMPARE(o.localError.code, core::ErrorCode::PermissionDenied);
        QCOMPARE(m_shop->scalar(u"SELECT COUNT(*) FROM order_actions"_s).toLongLong(), before);

        const qint64 open = reviewOrderWithStock();
        o = await(m_actions->review(m_shop->admin, open, u"核实买家身份"_s));
        QVERIFY2(o.ok(), qPrintable(o.error.describe()));
        QCOMPARE(o.order->status, u"review"_s);
        QCOMPARE(o.order->reviewReason, u"核实买家身份"_s);
    }

    void reissueAndOfflineOrder()
    {
        const qint64 id = findOrder([](const sim::Order& o, const sim::Goods& g) {
            return o.status == sim::OrderStatus::Delivered && !o.handedOver && !g.direct &&
                   g.stockAvailable > 0;
        });
        QVERIFY(id != 0);
        Outcome o =
            await(m_actions->reissue(m_shop->admin, id, sim::CardStore::cardId(id, 0), u"买家说卡密无效"_s));
        QVERIFY2(o.ok(), qPrintable(o.error.describe()));
        QCOMPARE(state().reissuedCards(static_cast<qint32>(id - sim::kOrderIdBase - 1)), QList<qint32>{0});
        o = await(m_actions->reissue(m_shop->admin, id, sim::CardStore::cardId(id + 1, 0), u"x"_s));
        QCOMPARE(o.status, Outcome::Status::Refused);
        QCOMPARE(o.error.kind, sync::CallError::NotFound);

        const sim::Goods* goods = nullptr;
        for (const sim::Goods& g : state().goods())
            if (g.on && !g.direct && !g.ownerCardops && g.stockAvailable > 1)
                goods = &g;
        QVERIFY(goods);
        o = await(m_actions->createOffline(m_shop->admin, {3, goods->id, 1, {}, u"线下转账"_s}));
        QVERIFY2(o.ok(), qPrintable(o.error.describe()));
        QCOMPARE(o.order->payChannel, u"offline"_s);
        QVERIFY(o.orderId > 0);
        QCOMPARE(action(o.actionId)->orderId, o.orderId); // the intent learnt the new order's id
    }

    void handedOverOrderNeedsTheLeaseHolder()
    {
        const qint64 id = placeOrder(true);
        QCOMPARE(simOrder(id).status, sim::OrderStatus::HandedOver);
        QVERIFY(state().takeLease(QJsonObject{{u"holder"_s, u"worker-7f3a"_s}}).isOk());
        Outcome o = await(m_actions->deliver(m_shop->admin, id));
        QCOMPARE(o.status, Outcome::Status::Refused);
        QCOMPARE(o.error.kind, sync::CallError::Forbidden);
        QVERIFY(o.error.notLeaseHolder());
        QCOMPARE(o.leaseHolder, u"worker-7f3a"_s);
        QCOMPARE(action(o.actionId)->state, u"failed"_s);
        QCOMPARE(simOrder(id).status, sim::OrderStatus::HandedOver);
        // Holding the lease, the console may.
        QVERIFY(state().releaseLease(QJsonObject{{u"holder"_s, u"worker-7f3a"_s}}).isOk());
        QVERIFY(state().takeLease(QJsonObject{{u"holder"_s, QString::fromUtf8(kHolder)}}).isOk());
        o = await(m_actions->review(m_shop->admin, id, u"manual"_s));
        QVERIFY2(o.ok(), qPrintable(o.error.describe()));

        // An action the platform lacks is refused as such (403/40300), not as a lease matter, even on
        // a handed-over order of the holder.
        state().refuseOrderActions({QByteArray("deliver")});
        const qint64 other = placeOrder(true);
        o = await(m_actions->deliver(m_shop->admin, other));
        QCOMPARE(o.status, Outcome::Status::Refused);
        QCOMPARE(o.error.kind, sync::CallError::Forbidden);
        QCOMPARE(o.error.code, 40300);
        QVERIFY(!o.error.notLeaseHolder());
        QCOMPARE(o.leaseHolder, QString());
        QCOMPARE(simOrder(other).status, sim::OrderStatus::HandedOver);
    }

    void replayAfterACrashActsOnce()
    {
        // Crash after the platform acted, before the result was stored: the intent is pending.
        const qint64 id = reviewOrderWithStock();
        QVERIFY(id != 0);
        const Outcome first = await(m_actions->deliver(m_shop->admin, id));
        QVERIFY(first.ok());
        QVERIFY(m_shop
                    ->write<bool>([&](storage::WriteContext& ctx) -> core::Result<bool> {
                        auto r = ctx.exec(u"UPDATE order_actions SET state = 'pending' WHERE id = ?"_s,
                                          {first.actionId});
                        if (!r)
                            return r.error();
                        return true;
                    })
                    .ok());
        // Crash after the intent, before the call: never sent.
        const qint64 second = reviewOrderWithStock();
        QVERIFY(second != 0 && second != id);
        const core::Actor admin = m_shop->admin;
        auto unsent = m_shop->write<storage::OrderActionRecord>([&](storage::WriteContext& ctx) {
            return oa::recordIntent(ctx, admin, second, oa::Deliver,
                                    "{\"from_stock\":true,\"holder\":\"" + kHolder + "\"}");
        });
        QVERIFY(unsent.ok());
        const qint64 deliveries = state().deliveries();

        newConsole(); // the restart
        const QList<Outcome> replayed = await(m_actions->replayPending());
        QCOMPARE(replayed.size(), 2);
        for (const Outcome& o : replayed)
            QVERIFY2(o.ok(), qPrintable(o.error.describe()));
        QCOMPARE(state().deliveries(), deliveries + 1); // only the never-sent one acted
        QCOMPARE(state().ordersDeliveredTwice(), 0);
        QCOMPARE(action(first.actionId)->state, u"done"_s);
        QCOMPARE(action(first.actionId)->resultVersion, first.order->version); // the first answer again
        QCOMPARE(action(unsent->id)->state, u"done"_s);
        QVERIFY(await(m_actions->replayPending()).isEmpty());
    }

    void noFinalAnswerStaysPendingUntilReplayed()
    {
        const qint64 id = reviewOrderWithStock();
        QVERIFY(id != 0);
        sim::FaultConfig faults;
        faults.setRate(sim::FaultMode::ServerError, 1.0);
        m_shop->server.setFaults(faults);
        Outcome o = await(m_actions->deliver(m_shop->admin, id));
        QCOMPARE(o.status, Outcome::Status::NotConfirmed);
        QCOMPARE(o.error.kind, sync::CallError::Server);
        auto row = action(o.actionId);
        QCOMPARE(row->state, u"pending"_s);
        QCOMPARE(row->attempts, 1);

        faults.setRate(sim::FaultMode::ServerError, 0.0);
        faults.setRate(sim::FaultMode::Malformed, 1.0);
        m_shop->server.setFaults(faults);
        QCOMPARE(await(m_actions->replayPending()).first().status, Outcome::Status::NotConfirmed);

        m_shop->server.setFaults(sim::FaultConfig());
        const QList<Outcome> replayed = await(m_actions->replayPending());
        QCOMPARE(replayed.size(), 1);
        QVERIFY2(replayed.first().ok(), qPrintable(replayed.first().error.describe()));
        QCOMPARE(simOrder(id).status, sim::OrderStatus::Delivered);
        QCOMPARE(state().ordersDeliveredTwice(), 0);
        QCOMPARE(action(o.actionId)->state, u"done"_s);
    }

    void hostileAnswersAreNotTakenForDone()
    {
        // A platform that answers 2xx with something else than the order asked for: what it did is
        // unknown, so the intent stays pending for a replay with the same key.
        test::FakePlatformServer fake;
        QVERIFY(fake.listen());
        sync::PlatformTransport transport({fake.baseUrl(), "demo", "demo-secret"}, m_shop->clock,
                                          syncfixture::fastTransport());
        sync::OrderActions actions(m_shop->db->writer(), m_shop->path, transport, kHolder);
        const QByteArray order = state().entityJson(core::Feed::Orders, 0);
        const qint64 id = sim::PlatformState::orderId(0);
        QByteArray other = order;
        other.replace(QByteArray("\"id\":" + QByteArray::number(id)),
                      QByteArray("\"id\":" + QByteArray::number(id + 1)));
        fake.enqueue(test::FakeResponse::ok(other));
        Outcome o = await(actions.deliver(m_shop->admin, id));
        QCOMPARE(o.status, Outcome::Status::NotConfirmed);
        QCOMPARE(o.error.kind, sync::CallError::Malformed);
        QCOMPARE(action(o.actionId)->state, u"pending"_s);
        const QByteArray key = fake.requests().last().header("Idempotency-Key");
        fake.enqueue(test::FakeResponse::ok("{\"id\":\"not a number\"}"));
        QCOMPARE(await(actions.replayPending()).first().status, Outcome::Status::NotConfirmed);
        QCOMPARE(fake.requests().last().header("Idempotency-Key"), key);
        fake.enqueue(test::FakeResponse::ok(order));
        const QList<Outcome> replayed = await(actions.replayPending());
        QVERIFY(replayed.first().ok());
        QCOMPARE(fake.requests().last().header("Idempotency-Key"), key);
        QCOMPARE(action(o.actionId)->state, u"done"_s);
        QCOMPARE(action(o.actionId)->attempts, 2);
    }

    void oldIntentsAreNotReplayed()
    {
        const qint64 id = reviewOrderWithStock();
        const core::Actor admin = m_shop->admin;
        auto old = m_shop->write<storage::OrderActionRecord>([&](storage::WriteContext& ctx) {
            return oa::recordIntent(ctx, admin, id, oa::Deliver, "{\"from_stock\":true}");
        });
        QVERIFY(old.ok());
        QVERIFY(m_shop
                    ->write<bool>([&](storage::WriteContext& ctx) -> core::Result<bool> {
                        auto r = ctx.exec(u"UPDATE order_actions SET created_at = created_at - 8 * 86400"_s);
                        if (!r)
                            return r.error();
                        return true;
                    })
                    .ok());
        const qint64 requests = m_shop->server.requestCount();
        const QList<Outcome> replayed = await(m_actions->replayPending());
        QCOMPARE(replayed.size(), 1);
        QCOMPARE(replayed.first().status, Outcome::Status::Refused);
        QCOMPARE(m_shop->server.requestCount(), requests);
        QCOMPARE(action(old->id)->state, u"failed"_s);
        QCOMPARE(simOrder(id).status, sim::OrderStatus::Review);
    }
};

QTEST_GUILESS_MAIN(TstOrderActions)
#include "tst_orderactions.moc"
