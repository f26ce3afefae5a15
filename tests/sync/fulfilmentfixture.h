#pragma once

#include "core/cipher.h"
#include "core/clock.h"
#include "sim/data/generator.h"
#include "sim/data/handover.h"
#include "sim/server/simserver.h"
#include "storage/database.h"
#include "storage/databasewriter.h"
#include "storage/fulfilments.h"
#include "storage/readsession.h"
#include "suppliers/fuluadapter.h"
#include "suppliers/requestnumber.h"
#include "sync/fulfilmentlease.h"
#include "sync/fulfilmentworker.h"
#include "sync/purchaser.h"
#include "sync/syncengine.h"
#include "sync/transport/platformtransport.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>

// The fulfilment worker against the simulator over loopback: one shop, any number of consoles,
// each with its own cache, transport, lease, Fulu adapter, purchaser and worker — the real parts
// (no shared CardOps database: the shared state is the platform's and the supplier's).
namespace fulfilmentfixture {

using namespace cardops;
using namespace Qt::StringLiterals;

inline const QString kFulu = u"demo-fulu"_s;

struct Shop
{
    explicit Shop(qint64 handover, quint64 seed = 11)
    {
        sim::GeneratorParams p;
        p.seed = seed;
        p.days = 3;
        p.orders = 300;
        p.members = 60;
        p.goods = 120;
        server = std::make_unique<sim::SimServer>(sim::generatePlatform(p, clock), clock);
        server->suppliers().fulu().setTiming({5, 10, 0});
        goodsHanded = sim::placeHandover(server->state(), server->suppliers().fulu(), handover, seed);
        port = server->listen(QHostAddress::LocalHost, 0);
    }

    QUrl url() const { return QUrl(u"http://127.0.0.1:%1"_s.arg(port)); }
    sim::PlatformState& state() { return server->state(); }
    sim::FuluState& fulu() { return server->suppliers().fulu(); }

    static QString statusName(sim::OrderStatus status)
    {
        static const char* const names[] = {"unpaid",    "paid",   "handed_over", "delivering",
                                            "delivered", "review", "refunded",    "cancelled"};
        return QString::fromLatin1(names[static_cast<int>(status)]);
    }

    // Orders of the handover (the last `n` placed) by platform status.
    QHash<QString, int> statuses(qint64 firstOrderId) const
    {
        QHash<QString, int> out;
        const auto& orders = server->state().orders();
        for (qsizetype i = 0; i < orders.size(); ++i)
            if (sim::PlatformState::orderId(static_cast<qint32>(i)) >= firstOrderId)
                ++out[statusName(orders[i].status)];
        return out;
    }

    core::SystemClock clock;
    std::unique_ptr<sim::SimServer> server;
    int goodsHanded = 0;
    quint16 port = 0;
};

inline sync::TransportOptions fastTransport()
{
    sync::TransportOptions o;
    o.timeout = std::chrono::milliseconds(2000);
    o.baseBackoff = std::chrono::milliseconds(5);
    o.maxBackoff = std::chrono::milliseconds(20);
    o.jitterSeed = 3;
    return o;
}

inline suppliers::PollPolicy fastPoll()
{
    suppliers::PollPolicy p;
    p.initialDelays = {std::chrono::milliseconds(10), std::chrono::milliseconds(20)};
    p.maxDelay = std::chrono::milliseconds(50);
    p.bound = std::chrono::seconds(5);
    return p;
}

struct Console
{
    Console(Shop& theShop, QByteArray holderId, bool supplier = true)
        : shop(theShop)
        , holder(std::move(holderId))
        , withSupplier(supplier)
    {
        path = dir.filePath(u"cache.db"_s);
        db = storage::Database::open(path, shop.clock).value();
        key = core::generateSealKey().value();
        numbers = std::make_unique<suppliers::RequestNoGenerator>("TST", shop.clock);
        restart();
    }

    ~Console() { stopProcess(); }

    // A crash: every object of the process is gone with what it had in flight; the cache stays.
    void stopProcess()
    {
        worker.reset();
        lease.reset();
        purchaser.reset();
        fulu.reset();
        engine.reset();
        transport.reset();
        db->writer()
            .submit(u"test.barrier"_s, [](storage::WriteContext&) { return core::Result<void>(); })
            .waitForFinished();
    }

    void restart(const sync::FulfilmentWorker::Options& options = {})
    {
        stopProcess();
        transport = std::make_unique<sync::PlatformTransport>(
            sync::PlatformEndpoint{shop.url(), "demo", "demo-secret"}, shop.clock, fastTransport());
        engine = std::make_unique<sync::SyncEngine>(*db, *transport);
        lease = std::make_unique<sync::FulfilmentLease>(*transport, shop.clock, holder);
        QHash<QString, suppliers::Supplier*> adapters;
        QHash<QString, QString> byProtocol;
        if (withSupplier) {
            suppliers::FuluConfig f;
            f.gatewayUrl = QUrl(shop.url().toString() + u"/api/getway"_s);
            f.appKey = sim::FuluState::kAppKey.toByteArray();
            f.appSecret = sim::FuluState::kAppSecret.toByteArray();
            f.http.timeout = std::chrono::milliseconds(2000);
            f.poll = fastPoll();
            fulu = std::make_unique<suppliers::FuluAdapter>(f, &shop.clock);
            adapters.insert(kFulu, fulu.get());
            byProtocol.insert(u"fulu"_s, kFulu);
            purchaser = std::make_unique<sync::Purchaser>(db->writer(), path, key, adapters, *numbers);
        }
        worker = std::make_unique<sync::FulfilmentWorker>(
            db->writer(), path, *transport, *lease, purchaser.get(), byProtocol,
            sync::FulfilmentWorker::shopTagFor("demo"), key, options);
    }

    bool sync()
    {
        QSignalSpy done(engine.get(), &sync::SyncEngine::roundFinished);
        engine->startRound();
        return done.wait(60000) &&
               done.first().first().value<sync::RoundSummary>().outcome == sync::RoundSummary::Outcome::Ok;
    }

    bool takeLease()
    {
        QSignalSpy acquired(lease.get(), &sync::FulfilmentLease::acquired);
        QSignalSpy lost(lease.get(), &sync::FulfilmentLease::lost);
        lease->take();
        return QTest::qWaitFor([&] { return acquired.count() + lost.count() > 0; }, 5000) &&
               acquired.count() == 1;
    }

    sync::FulfilmentPassSummary pass()
    {
        QFuture<sync::FulfilmentPassSummary> f = worker->runPass();
        if (!QTest::qWaitFor([&f] { return f.isFinished(); }, 120000) || f.resultCount() == 0) {
            sync::FulfilmentPassSummary timedOut;
            timedOut.error = u"timed out"_s;
            return timedOut;
        }
        return f.result();
    }

    // Passes (each after a sync) until one makes no progress; the summaries added up.
    sync::FulfilmentPassSummary drain(int maxPasses = 20)
    {
        sync::FulfilmentPassSummary total;
        for (int i = 0; i < maxPasses; ++i) {
            if (!sync())
                total.error = u"sync failed"_s;
            const sync::FulfilmentPassSummary s = pass();
            total.looked += s.looked;
            total.deliveredFromStock += s.deliveredFromStock;
            total.deliveredBought += s.deliveredBought;
            total.heldForReview += s.heldForReview;
            total.refunded += s.refunded;
            total.settledElsewhere += s.settledElsewhere;
            total.waiting = s.waiting;
            total.errors += s.errors;
            total.leaseLost = total.leaseLost || s.leaseLost;
            if (!s.error.isEmpty())
                total.error = s.error;
            if (s.looked == 0 || !s.error.isEmpty() || s.leaseLost)
                break;
            if (s.waiting > 0)
                QTest::qWait(50);
        }
        return total;
    }

    QMap<QString, qint64> steps()
    {
        storage::ReadSession read(path);
        return storage::fulfilments::stepCounts(read).valueOr({});
    }

    Shop& shop;
    QByteArray holder;
    bool withSupplier = true;
    QTemporaryDir dir;
    QString path;
    std::unique_ptr<storage::Database> db;
    QByteArray key;
    std::unique_ptr<suppliers::RequestNoGenerator> numbers;
    std::unique_ptr<sync::PlatformTransport> transport;
    std::unique_ptr<sync::SyncEngine> engine;
    std::unique_ptr<sync::FulfilmentLease> lease;
    std::unique_ptr<suppliers::FuluAdapter> fulu;
    std::unique_ptr<sync::Purchaser> purchaser;
    std::unique_ptr<sync::FulfilmentWorker> worker;
};

inline qint64 fuluSuccesses(sim::FuluState& fulu)
{
    fulu.settle();
    qint64 n = 0;
    for (qsizetype i = 0; i < fulu.orderCount(); ++i)
        n += fulu.orderAt(i).state == sim::FuluState::OrderState::Success ? 1 : 0;
    return n;
}

// Fulu orders that succeeded, by the platform order their number names (RequestNoGenerator::
// forOrder: characters 6–17 are the order id in base 36).
inline QHash<qint64, int> fuluSuccessesByOrder(sim::FuluState& fulu)
{
    fulu.settle();
    QHash<qint64, int> out;
    for (qsizetype i = 0; i < fulu.orderCount(); ++i) {
        const sim::FuluState::Order& o = fulu.orderAt(i);
        if (o.state != sim::FuluState::OrderState::Success || o.customerOrderNo.size() != 19 ||
            o.customerOrderNo.at(5) != 'F')
            continue;
        bool ok = false;
        const qint64 id = o.customerOrderNo.mid(6, 12).toLongLong(&ok, 36);
        if (ok)
            ++out[id];
    }
    return out;
}

} // namespace fulfilmentfixture
