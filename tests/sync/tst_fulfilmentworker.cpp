#include "core/rulematrix.h"
#include "fulfilmentfixture.h"
#include "storage/fulfilmentrules.h"
#include "storage/operatorrepository.h"
#include "storage/purchases.h"
#include "storage/writecontext.h"

#include <QRandomGenerator>

// The fulfilment worker end to end: the simulator hands orders over, the worker decides them by
// the stored rules and delivers each exactly once — from platform stock or bought from Fulu — or
// puts it in review with a reason; crashes, a lost lease and another console taking over never
// make a second delivery or a second purchase.
using namespace fulfilmentfixture;

namespace {

qint64 firstHandedOver(Shop& shop, qint64 count)
{
    return sim::PlatformState::orderId(static_cast<qint32>(shop.state().orders().size() - count));
}

// Every handed-over order ended delivered or in review; nothing was delivered or bought twice.
void verifyExactlyOnce(Shop& shop, qint64 firstId, qint64 count)
{
    const QHash<QString, int> statuses = shop.statuses(firstId);
    QCOMPARE(statuses.value(u"delivered"_s) + statuses.value(u"review"_s) + statuses.value(u"refunded"_s),
             count);
    QCOMPARE(shop.state().ordersDeliveredTwice(), 0);
    // Every successful purchase was delivered: none was made for an order bought already.
    QCOMPARE(fuluSuccesses(shop.fulu()), shop.state().suppliedDeliveries());
    const QHash<qint64, int> bought = fuluSuccessesByOrder(shop.fulu());
    for (auto it = bought.cbegin(); it != bought.cend(); ++it)
        QVERIFY2(it.value() == 1, qPrintable(u"order %1 bought %2 times"_s.arg(it.key()).arg(it.value())));
}

} // namespace

class TestFulfilmentWorker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void deliversEveryOrderOnce();
    void rulesDecideAndTheDecisionKeepsItsVersion();
    void withoutSupplierShortStockGoesToReview();
    void lostLeaseStopsWorkAtOnce();
    void aRefusedActionHoldsTheOrderNotTheLease();
    void aPlatformThatCannotHoldSettlesTheOrder();
    void crashesAnywhereResumeWithoutRepeats();
    void anotherConsoleTakesOverHalfWay();
    void aStaleCacheNeverActsOnASettledOrder();
};

void TestFulfilmentWorker::deliversEveryOrderOnce()
{
    Shop shop(60);
    QVERIFY(shop.port != 0);
    QVERIFY(shop.goodsHanded > 0);
    const qint64 first = firstHandedOver(shop, 60);
    QCOMPARE(shop.statuses(first).value(u"handed_over"_s), 60);
    Console a(shop, "worker-a");
    QVERIFY(a.sync());
    QVERIFY(a.takeLease());
    const sync::FulfilmentPassSummary s = a.drain();
    QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
    QVERIFY(s.deliveredFromStock > 0);
    QVERIFY(s.deliveredBought > 0);
    verifyExactlyOnce(shop, first, 60);
    QCOMPARE(shop.statuses(first).value(u"delivered"_s), s.deliveredFromStock + s.deliveredBought);
    QCOMPARE(fuluSuccessesByOrder(shop.fulu()).size(), s.deliveredBought);
    const QMap<QString, qint64> steps = a.steps();
    QCOMPARE(steps.value(u"done"_s), s.deliveredFromStock + s.deliveredBought);
    // The cards bought were delivered and their sealed copies dropped.
    storage::ReadSession read(a.path);
    const auto held = storage::purchases::inState(read, core::PurchaseState::Succeeded, 1000).value();
    QVERIFY(held.isEmpty());
    const auto delivered = storage::purchases::inState(read, core::PurchaseState::Delivered, 1000).value();
    QCOMPARE(delivered.size(), s.deliveredBought);
    for (const storage::PurchaseRecord& p : delivered)
        QVERIFY(!p.holdsSecret);
    // A second pass finds nothing to do.
    QVERIFY(a.sync());
    QCOMPARE(a.pass().looked, 0);
}

void TestFulfilmentWorker::rulesDecideAndTheDecisionKeepsItsVersion()
{
    Shop shop(40);
    const qint64 first = firstHandedOver(shop, 40);
    Console a(shop, "worker-a");
    QVERIFY(a.sync());
    {
        storage::ReadSession read(a.path);
        const core::Actor admin = storage::OperatorRepository::actorFor(read, u"admin"_s).value();
        core::Rule big{u"big"_s, u"大单"_s, true, core::Condition::quantityAbove(1),
                       core::Action::review(u"big_order"_s)};
        core::Rule tag{u"tag-all"_s, {}, true, core::Condition::always(), core::Action::tag(u"自动"_s)};
        const core::RuleSet set = core::RuleSet::defaults().revised({tag, big}).value();
        auto saved = a.db->writer().submit(u"test.rules"_s, [admin, set](storage::WriteContext& ctx) {
            return storage::fulfilmentrules::save(ctx, admin, set);
        });
        saved.waitForFinished();
        QVERIFY(saved.result().ok());
    }
    QVERIFY(a.takeLease());
    const sync::FulfilmentPassSummary s = a.drain();
    QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
    verifyExactlyOnce(shop, first, 40);
    int big = 0;
    storage::ReadSession read(a.path);
    for (qint64 id = first; id < first + 40; ++id) {
        const sim::Order& o =
            shop.state().orders().at(static_cast<qsizetype>(id - sim::PlatformState::orderId(0)));
        const auto record = storage::fulfilments::find(read, id).value();
        QVERIFY(record.has_value());
        QCOMPARE(record->ruleSetVersion, 2);
        QCOMPARE(record->tags, QStringList{u"自动"_s});
        if (o.quantity > 1) {
            ++big;
            QCOMPARE(record->action, core::DecisionAction::Review);
            QCOMPARE(record->firedRule, u"big"_s);
            QCOMPARE(record->step, u"review"_s);
            QCOMPARE(o.status, sim::OrderStatus::Review);
        } else {
            QCOMPARE(record->action, core::DecisionAction::Deliver);
            QVERIFY(record->firedRule.isEmpty());
        }
    }
    QVERIFY(big > 0);
    QCOMPARE(s.heldForReview, big);
}

void TestFulfilmentWorker::withoutSupplierShortStockGoesToReview()
{
    Shop shop(40);
    const qint64 first = firstHandedOver(shop, 40);
    Console a(shop, "worker-a", false);
    QVERIFY(a.sync());
    QVERIFY(a.takeLease());
    const sync::FulfilmentPassSummary s = a.drain();
    QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
    QCOMPARE(s.deliveredBought, 0);
    QVERIFY(s.deliveredFromStock > 0);
    QVERIFY(s.heldForReview > 0);
    verifyExactlyOnce(shop, first, 40);
    QCOMPARE(shop.fulu().orderCount(), 0);
    storage::ReadSession read(a.path);
    for (qint64 id = first; id < first + 40; ++id) {
        const auto record = storage::fulfilments::find(read, id).value();
        QVERIFY(record.has_value());
        if (record->step == u"review")
            QVERIFY2(record->reason == u"out_of_stock" || record->reason == u"no_supplier",
                     qPrintable(record->reason));
    }
}

void TestFulfilmentWorker::lostLeaseStopsWorkAtOnce()
{
    Shop shop(80);
    const qint64 first = firstHandedOver(shop, 80);
    Console a(shop, "worker-a");
    QVERIFY(a.sync());
    // Never held: nothing is decided, nothing is called.
    sync::FulfilmentPassSummary s = a.pass();
    QVERIFY(s.leaseLost);
    QCOMPARE(s.looked, 0);
    QVERIFY(a.takeLease());
    QFuture<sync::FulfilmentPassSummary> running = a.worker->runPass();
    QTest::qWait(30);
    a.lease->release(); // work stops before the platform even answers
    QVERIFY(QTest::qWaitFor([&] { return running.isFinished(); }, 30000));
    s = running.result();
    QVERIFY(s.leaseLost);
    QVERIFY(s.looked < 80);
    const int delivered =
        shop.statuses(first).value(u"delivered"_s) + shop.statuses(first).value(u"review"_s);
    QVERIFY(delivered < 80);
    // Taken again, the rest is done — once.
    QVERIFY(a.takeLease());
    s = a.drain();
    QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
    verifyExactlyOnce(shop, first, 80);
}

// A platform without an action (the bridge delivers no recharge receipts and makes no refunds)
// answers 403/40300: each order goes to review with the platform's words, the lease stays held and
// the pass goes on. Only 403/40301 (not the holder) is a lost lease.
void TestFulfilmentWorker::aRefusedActionHoldsTheOrderNotTheLease()
{
    Shop shop(20);
    shop.state().refuseOrderActions({QByteArray("deliver")});
    const qint64 first = firstHandedOver(shop, 20);
    Console a(shop, "worker-a");
    QVERIFY(a.sync());
    QVERIFY(a.takeLease());
    const sync::FulfilmentPassSummary s = a.drain();
    QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
    QVERIFY(!s.leaseLost);
    QVERIFY(a.lease->isHeld());
    QCOMPARE(s.heldForReview, 20);
    QCOMPARE(shop.statuses(first).value(u"review"_s), 20);
    storage::ReadSession read(a.path);
    for (qint64 id = first; id < first + 20; ++id) {
        const auto record = storage::fulfilments::find(read, id).value();
        QVERIFY(record.has_value());
        QCOMPARE(record->step, u"review"_s);
        QVERIFY2(record->reason == u"platform_refused" || record->reason == u"supply_failed",
                 qPrintable(record->reason));
        QVERIFY2(record->error.contains(u"not supported by this platform: deliver"_s), qPrintable(record->error));
    }
}

// Neither delivery nor review: each order is settled with the platform's refusal (not retried on
// every pass), still handed over on the platform for a person to deal with there.
void TestFulfilmentWorker::aPlatformThatCannotHoldSettlesTheOrder()
{
    Shop shop(6);
    shop.state().refuseOrderActions({QByteArray("deliver"), QByteArray("review")});
    const qint64 first = firstHandedOver(shop, 6);
    Console a(shop, "worker-a", false);
    QVERIFY(a.sync());
    QVERIFY(a.takeLease());
    const sync::FulfilmentPassSummary s = a.drain();
    QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
    QVERIFY(!s.leaseLost);
    QCOMPARE(s.settledElsewhere, 6);
    QCOMPARE(shop.statuses(first).value(u"handed_over"_s), 6);
    storage::ReadSession read(a.path);
    for (qint64 id = first; id < first + 6; ++id) {
        const auto record = storage::fulfilments::find(read, id).value();
        QVERIFY(record.has_value());
        QCOMPARE(record->step, u"settled"_s);
        QVERIFY2(record->error.contains(u"not supported by this platform: review"_s), qPrintable(record->error));
    }
}

void TestFulfilmentWorker::crashesAnywhereResumeWithoutRepeats()
{
    Shop shop(120, 17);
    const qint64 first = firstHandedOver(shop, 120);
    Console a(shop, "worker-a");
    QVERIFY(a.sync());
    QRandomGenerator dice(99);
    for (int crash = 0; crash < 12; ++crash) {
        QVERIFY(a.takeLease());
        QFuture<sync::FulfilmentPassSummary> running = a.worker->runPass();
        QTest::qWait(dice.bounded(5, 60)); // the process dies wherever it is
        a.restart();
        QVERIFY(a.sync());
        // The platform still names us (the same holder id): the lease is taken again at once.
    }
    QVERIFY(a.takeLease());
    const sync::FulfilmentPassSummary s = a.drain(40);
    QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
    verifyExactlyOnce(shop, first, 120);
    QCOMPARE(shop.statuses(first).value(u"handed_over"_s), 0);
}

void TestFulfilmentWorker::anotherConsoleTakesOverHalfWay()
{
    Shop shop(120, 23);
    const qint64 first = firstHandedOver(shop, 120);
    Console a(shop, "worker-a");
    Console b(shop, "worker-b");
    QVERIFY(a.sync());
    QVERIFY(b.sync());
    for (int round = 0; round < 4; ++round) {
        Console& holder = round % 2 == 0 ? a : b;
        QVERIFY(holder.takeLease());
        QFuture<sync::FulfilmentPassSummary> running = holder.worker->runPass();
        QTest::qWait(40);
        holder.lease->release(); // a forced expiry: work stops with steps and purchases in flight
        QVERIFY(QTest::qWaitFor([&] { return running.isFinished(); }, 30000));
        QTest::qWait(50); // purchases already sent come back meanwhile
        QVERIFY(holder.sync());
    }
    QVERIFY(b.takeLease());
    sync::FulfilmentPassSummary s = b.drain(40);
    QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
    b.lease->release();
    QTest::qWait(50);
    QVERIFY(a.takeLease());
    s = a.drain(40);
    QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
    verifyExactlyOnce(shop, first, 120);
    QCOMPARE(shop.statuses(first).value(u"handed_over"_s), 0);
    // Whatever A had left open was settled: nothing it holds is still on its way.
    const QMap<QString, qint64> steps = a.steps();
    for (auto it = steps.cbegin(); it != steps.cend(); ++it)
        QVERIFY2(storage::fulfilmentstep::isFinal(it.key()), qPrintable(it.key()));
}

void TestFulfilmentWorker::aStaleCacheNeverActsOnASettledOrder()
{
    Shop shop(30, 31);
    const qint64 first = firstHandedOver(shop, 30);
    Console a(shop, "worker-a");
    Console b(shop, "worker-b");
    QVERIFY(a.sync());
    QVERIFY(b.sync()); // B's cache: every order still handed over
    QVERIFY(a.takeLease());
    QVERIFY(a.drain().error.isEmpty());
    verifyExactlyOnce(shop, first, 30);
    const QHash<QString, int> settled = shop.statuses(first);
    a.lease->release();
    QTest::qWait(50);
    // B's rules would refund everything, and B acts without syncing first.
    {
        storage::ReadSession read(b.path);
        const core::Actor admin = storage::OperatorRepository::actorFor(read, u"admin"_s).value();
        core::Rule all{u"refund-all"_s, {}, true, core::Condition::always(), core::Action::refund(u"test"_s)};
        const core::RuleSet set = core::RuleSet::defaults().revised({all}).value();
        auto saved = b.db->writer().submit(u"test.rules"_s, [admin, set](storage::WriteContext& ctx) {
            return storage::fulfilmentrules::save(ctx, admin, set);
        });
        saved.waitForFinished();
        QVERIFY(saved.result().ok());
    }
    QVERIFY(b.takeLease());
    const sync::FulfilmentPassSummary s = b.pass();
    QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
    QCOMPARE(s.refunded, 0);
    QCOMPARE(s.settledElsewhere, 30);
    QCOMPARE(shop.statuses(first), settled); // the platform refused every action: nothing changed
    QCOMPARE(b.steps().value(u"settled"_s), 30);
}

QTEST_GUILESS_MAIN(TestFulfilmentWorker)
#include "tst_fulfilmentworker.moc"
