#include "core/clock.h"
#include "sim/data/generator.h"
#include "sim/server/simserver.h"
#include "storage/consolestatus.h"
#include "storage/database.h"
#include "storage/readsession.h"
#include "sync/fulfilmentlease.h"
#include "sync/transport/platformtransport.h"

#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>

// The lease client against the simulator over loopback. The simulator and both clients read one
// ManualClock, so the 60 s TTL passes in milliseconds: the test moves the clock, the lease's timer
// (checkInterval 5 ms of real time) notices.
using namespace cardops;
using namespace Qt::StringLiterals;

namespace {

const QByteArray kHolderA = "console-a-7f3a";
const QByteArray kHolderB = "console-b-91c2";
constexpr qint64 kStartMs = 1'764'300'000'000;
constexpr qint64 kMarginMs = 10'000;

sync::TransportOptions fastTransport(std::chrono::milliseconds timeout = std::chrono::milliseconds(400))
{
    sync::TransportOptions o;
    o.timeout = timeout;
    o.baseBackoff = std::chrono::milliseconds(5);
    o.maxBackoff = std::chrono::milliseconds(20);
    o.jitterSeed = 5;
    return o;
}

sync::FulfilmentLease::Options leaseOptions()
{
    sync::FulfilmentLease::Options o;
    o.safetyMargin = std::chrono::milliseconds(kMarginMs);
    o.retryDelay = std::chrono::milliseconds(1000); // of the ManualClock
    o.checkInterval = std::chrono::milliseconds(5);
    return o;
}

// One simulated shop, a cache, and two consoles (A with the cache, B without).
struct Rig
{
    Rig(std::chrono::milliseconds timeout = std::chrono::milliseconds(400))
    {
        sim::GeneratorParams p;
        p.seed = 5;
        p.days = 1;
        p.orders = 20;
        p.members = 10;
        p.goods = 5;
        p.endTime = clock.nowSeconds();
        server = std::make_unique<sim::SimServer>(sim::generatePlatform(p, clock), clock);
        port = server->listen(QHostAddress::LocalHost, 0);
        db = storage::Database::open(dir.filePath(u"cache.db"_s), clock).value();
        const sync::PlatformEndpoint endpoint{QUrl(u"http://127.0.0.1:%1"_s.arg(port)), "demo",
                                              "demo-secret"};
        transportA = std::make_unique<sync::PlatformTransport>(endpoint, clock, fastTransport(timeout));
        transportB = std::make_unique<sync::PlatformTransport>(endpoint, clock, fastTransport(timeout));
        a = std::make_unique<sync::FulfilmentLease>(*transportA, clock, kHolderA, leaseOptions(),
                                                    &db->writer());
        b = std::make_unique<sync::FulfilmentLease>(*transportB, clock, kHolderB, leaseOptions());
    }

    ~Rig()
    {
        a.reset();
        b.reset();
    }

    bool idle() const { return transportA->pendingCount() == 0 && transportB->pendingCount() == 0; }

    // Moves the shared clock and lets both consoles act on it (timers, answers, continuations).
    // False when an awaited answer did not come.
    [[nodiscard]] bool advance(qint64 ms, bool waitForAnswers = true)
    {
        clock.advanceMilliseconds(ms);
        QTest::qWait(15);
        const bool answered = !waitForAnswers || QTest::qWaitFor([this] { return idle(); }, 3000);
        QTest::qWait(10);
        return answered;
    }

    qint64 nowMs() const { return clock.nowMilliseconds(); }

    // What the platform says about the lease (GET /v1/shop's "fulfilment").
    QJsonObject platformLease() const
    {
        const QJsonObject shop = QJsonDocument::fromJson(server->state().shopJson()).object();
        return shop.value(u"fulfilment").toObject();
    }

    core::ManualClock clock{kStartMs};
    QTemporaryDir dir;
    std::unique_ptr<sim::SimServer> server;
    quint16 port = 0;
    std::unique_ptr<storage::Database> db;
    std::unique_ptr<sync::PlatformTransport> transportA;
    std::unique_ptr<sync::PlatformTransport> transportB;
    std::unique_ptr<sync::FulfilmentLease> a;
    std::unique_ptr<sync::FulfilmentLease> b;
};

bool takeAndWait(sync::FulfilmentLease& lease)
{
    QSignalSpy acquired(&lease, &sync::FulfilmentLease::acquired);
    QSignalSpy lost(&lease, &sync::FulfilmentLease::lost);
    lease.take();
    return QTest::qWaitFor([&] { return acquired.count() + lost.count() > 0; }, 5000) &&
           acquired.count() == 1;
}

} // namespace

class TestFulfilmentLease : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void takeRenewRelease();
    void secondConsoleIsRefusedUntilRelease();
    void lostAtMarginBeforeAnyAnswer();
    void renewalFaultsRetriedThenLostAtMargin_data();
    void renewalFaultsRetriedThenLostAtMargin();
    void renewalRefusedNamesTheHolder();
    void releaseOverridesRenewalInFlight();
};

void TestFulfilmentLease::takeRenewRelease()
{
    Rig rig;
    QVERIFY(rig.port != 0);
    QVERIFY(!rig.a->isHeld());
    QSignalSpy renewed(rig.a.get(), &sync::FulfilmentLease::renewed);
    QSignalSpy lost(rig.a.get(), &sync::FulfilmentLease::lost);

    QVERIFY(takeAndWait(*rig.a));
    QVERIFY(rig.a->isHeld());
    QCOMPARE(rig.a->state(), sync::FulfilmentLease::State::Held);
    QCOMPARE(rig.a->expiresAt(), rig.nowMs() / 1000 + 60);
    QCOMPARE(rig.platformLease().value(u"holder").toString().toUtf8(), kHolderA);

    // The console shows the holder from the cache.
    const QString path = rig.dir.filePath(u"cache.db"_s);
    auto cachedHolder = [&] {
        storage::ReadSession read(path);
        return storage::consolestatus::read(read).value().leaseHolder;
    };
    QTRY_COMPARE(cachedHolder(), QString::fromUtf8(kHolderA));

    // 200 s of clock in 5 s steps: renewed on its own, never lapsing, on the platform too.
    const qint64 firstExpiry = rig.a->expiresAt();
    for (int i = 0; i < 40; ++i) {
        QVERIFY(rig.advance(5000));
        QVERIFY2(rig.a->isHeld(), qPrintable(u"step %1"_s.arg(i)));
        QVERIFY(rig.server->state().leaseHeldBy(kHolderA));
    }
    QCOMPARE(lost.count(), 0);
    QVERIFY(renewed.count() >= 8);
    QVERIFY(rig.a->expiresAt() >= firstExpiry + 190);
    // Renewed about every 20 s: the platform's expiry stays 40–60 s ahead.
    QVERIFY(rig.a->expiresAt() * 1000 - rig.nowMs() >= 40'000);

    QSignalSpy released(rig.a.get(), &sync::FulfilmentLease::released);
    rig.a->release();
    QVERIFY(!rig.a->isHeld()); // at once, before the platform answers
    QTRY_COMPARE(released.count(), 1);
    QCOMPARE(rig.a->state(), sync::FulfilmentLease::State::Idle);
    QCOMPARE(rig.platformLease().value(u"holder").toString(), QString());
    QTRY_COMPARE(cachedHolder(), QString());
}

void TestFulfilmentLease::secondConsoleIsRefusedUntilRelease()
{
    Rig rig;
    QVERIFY(takeAndWait(*rig.a));

    QSignalSpy lostB(rig.b.get(), &sync::FulfilmentLease::lost);
    QVERIFY(!takeAndWait(*rig.b));
    QCOMPARE(lostB.count(), 1);
    QCOMPARE(lostB.first().at(0).toString(), u"held by another"_s);
    QCOMPARE(lostB.first().at(1).toByteArray(), kHolderA);
    QCOMPARE(rig.b->otherHolder(), kHolderA);
    QCOMPARE(rig.b->state(), sync::FulfilmentLease::State::Lost);
    QVERIFY(!rig.b->isHeld());
    QVERIFY(rig.a->isHeld()); // the refusal does not touch the holder

    // Another 30 s: A keeps renewing, B stays refused.
    for (int i = 0; i < 6; ++i)
        QVERIFY(rig.advance(5000));
    QVERIFY(rig.a->isHeld());
    QVERIFY(!takeAndWait(*rig.b));
    QCOMPARE(rig.b->otherHolder(), kHolderA);

    QSignalSpy released(rig.a.get(), &sync::FulfilmentLease::released);
    rig.a->release();
    QTRY_COMPARE(released.count(), 1);
    QVERIFY(takeAndWait(*rig.b));
    QVERIFY(rig.b->isHeld());
    QVERIFY(rig.server->state().leaseHeldBy(kHolderB));

    // And now A is the one refused, told who has it.
    QVERIFY(!takeAndWait(*rig.a));
    QCOMPARE(rig.a->otherHolder(), kHolderB);
}

void TestFulfilmentLease::lostAtMarginBeforeAnyAnswer()
{
    Rig rig;
    QVERIFY(takeAndWait(*rig.a));
    const qint64 expiresMs = rig.a->expiresAt() * 1000;
    QSignalSpy lost(rig.a.get(), &sync::FulfilmentLease::lost);
    const qint64 requestsBefore = rig.server->requestCount();

    // Nobody renewed (the clock jumped past the renewal): at expires_at − margin the lease is not
    // ours any more, with no event processed and no answer needed.
    rig.clock.setMilliseconds(expiresMs - kMarginMs - 1);
    QVERIFY(rig.a->isHeld());
    rig.clock.setMilliseconds(expiresMs - kMarginMs);
    QVERIFY(!rig.a->isHeld());
    QTRY_COMPARE(lost.count(), 1);
    QCOMPARE(rig.a->state(), sync::FulfilmentLease::State::Lost);
    QVERIFY(lost.first().at(0).toString().contains(u"safety margin"_s));
    QCOMPARE(lost.first().at(1).toByteArray(), QByteArray());
    // The margin was checked before the overdue renewal: nothing was sent.
    QCOMPARE(rig.server->requestCount(), requestsBefore);

    // The platform still counts A as holder until expires_at …
    QVERIFY(!takeAndWait(*rig.b));
    QCOMPARE(rig.b->otherHolder(), kHolderA);
    // … and after it, B takes it.
    rig.clock.setMilliseconds(expiresMs);
    QVERIFY(takeAndWait(*rig.b));
    QVERIFY(rig.b->isHeld());
    QVERIFY(!rig.a->isHeld());
}

void TestFulfilmentLease::renewalFaultsRetriedThenLostAtMargin_data()
{
    QTest::addColumn<int>("mode");
    QTest::newRow("5xx") << int(sim::FaultMode::ServerError);
    QTest::newRow("timeout") << int(sim::FaultMode::Timeout);
}

void TestFulfilmentLease::renewalFaultsRetriedThenLostAtMargin()
{
    QFETCH(int, mode);
    const auto fault = static_cast<sim::FaultMode>(mode);
    Rig rig(std::chrono::milliseconds(60));
    QVERIFY(takeAndWait(*rig.a));
    const qint64 expiresMs = rig.a->expiresAt() * 1000;
    QSignalSpy lost(rig.a.get(), &sync::FulfilmentLease::lost);

    sim::FaultConfig faults;
    faults.setRate(fault, 1.0);
    rig.server->setFaults(faults);

    // Every renewal fails; until the margin the lease stays held and is retried, at the margin it
    // is lost on the spot. One clock second per step, answers not awaited (a timeout has none).
    while (rig.nowMs() + 1000 < expiresMs - kMarginMs) {
        QVERIFY(rig.advance(1000, false));
        QVERIFY2(rig.a->isHeld(),
                 qPrintable(u"%1 ms before the margin"_s.arg(expiresMs - kMarginMs - rig.nowMs())));
        QCOMPARE(lost.count(), 0);
        // A timed-out attempt needs real time to be given up; give it before the next clock step.
        if (fault == sim::FaultMode::Timeout)
            QTest::qWait(40);
    }
    QVERIFY2(rig.server->faultCount(fault) >= 3,
             qPrintable(u"attempts: %1"_s.arg(rig.server->faultCount(fault))));

    rig.clock.setMilliseconds(expiresMs - kMarginMs);
    QVERIFY(!rig.a->isHeld());
    QTRY_COMPARE(lost.count(), 1);
    QVERIFY(lost.first().at(0).toString().contains(u"safety margin"_s));

    // Once the platform's lease has lapsed (a renewal may have committed before its answer was
    // lost: at most 60 s after the margin), another console takes it.
    rig.server->setFaults({});
    rig.clock.setMilliseconds(expiresMs - kMarginMs + 60'000);
    QVERIFY(takeAndWait(*rig.b));
    QVERIFY(!rig.a->isHeld());
}

void TestFulfilmentLease::renewalRefusedNamesTheHolder()
{
    Rig rig;
    QVERIFY(takeAndWait(*rig.a));
    QSignalSpy lost(rig.a.get(), &sync::FulfilmentLease::lost);

    // The platform's admin hands the lease to someone else behind A's back.
    QVERIFY(rig.server->state()
                .releaseLease(QJsonObject{{u"holder"_s, QString::fromUtf8(kHolderA)}})
                .httpStatus == 200);
    QVERIFY(rig.server->state().takeLease(QJsonObject{{u"holder"_s, u"intruder"_s}}).httpStatus == 200);

    QVERIFY(rig.advance(21'000));
    QTRY_COMPARE(lost.count(), 1);
    QCOMPARE(lost.first().at(0).toString(), u"held by another"_s);
    QCOMPARE(lost.first().at(1).toByteArray(), QByteArray("intruder"));
    QVERIFY(!rig.a->isHeld());
    QCOMPARE(rig.a->state(), sync::FulfilmentLease::State::Lost);

    // The cache names the holder the platform named.
    auto cachedHolder = [&] {
        storage::ReadSession read(rig.dir.filePath(u"cache.db"_s));
        return storage::consolestatus::read(read).value().leaseHolder;
    };
    QTRY_COMPARE(cachedHolder(), u"intruder"_s);
}

void TestFulfilmentLease::releaseOverridesRenewalInFlight()
{
    Rig rig;
    QVERIFY(takeAndWait(*rig.a));
    QSignalSpy renewed(rig.a.get(), &sync::FulfilmentLease::renewed);
    QSignalSpy lost(rig.a.get(), &sync::FulfilmentLease::lost);
    QSignalSpy released(rig.a.get(), &sync::FulfilmentLease::released);
    QSignalSpy acquired(rig.a.get(), &sync::FulfilmentLease::acquired);

    // The renewal goes out and is never answered …
    sim::FaultConfig faults;
    faults.setRate(sim::FaultMode::Timeout, 1.0);
    rig.server->setFaults(faults);
    QVERIFY(rig.advance(21'000, false));
    QCOMPARE(rig.a->state(), sync::FulfilmentLease::State::Renewing);
    QVERIFY(rig.transportA->pendingCount() > 0);

    // … while the operator releases; a take() meanwhile waits for the release to finish.
    rig.server->setFaults({});
    rig.a->release();
    QVERIFY(!rig.a->isHeld());
    rig.a->take();
    QTRY_COMPARE(released.count(), 1);
    QTRY_COMPARE(acquired.count(), 1);
    QVERIFY(rig.a->isHeld());
    // The abandoned renewal's timeout changed nothing.
    QTRY_COMPARE(rig.transportA->pendingCount(), 0);
    QCOMPARE(renewed.count(), 0);
    QCOMPARE(lost.count(), 0);
    QVERIFY(rig.server->state().leaseHeldBy(kHolderA));
}

QTEST_GUILESS_MAIN(TestFulfilmentLease)
#include "tst_fulfilmentlease.moc"
