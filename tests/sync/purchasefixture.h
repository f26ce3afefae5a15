#pragma once

#include "core/cipher.h"
#include "core/clock.h"
#include "sim/data/generator.h"
#include "sim/server/simserver.h"
#include "storage/counters.h"
#include "storage/database.h"
#include "storage/databasewriter.h"
#include "storage/purchases.h"
#include "storage/readsession.h"
#include "storage/writecontext.h"
#include "suppliers/acgfakaadapter.h"
#include "suppliers/fuluadapter.h"
#include "suppliers/requestnumber.h"
#include "sync/purchaser.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>

// The purchasing runner against the simulator's supplier roles over real loopback HTTP, through the
// real adapters, with a real cache: one rig per test, fast timings so faults cost milliseconds.
namespace purchasefixture {

using namespace cardops;
using namespace Qt::StringLiterals;

inline const QString kAcg = u"acg"_s;
inline const QString kFulu = u"fulu"_s;
inline const QString kAcgItem = u"8AE80574F3CA"_s; // 40 cards at user_price 49.50
inline const QString kFuluCard = u"10000489"_s;    // 腾讯Q币50元卡密, 50.0000
inline const QString kFuluDirect = u"10000586"_s;  // 话费50元直充, 49.7500

inline sync::PurchaseSpec spec(qint64 orderId, QList<sync::PurchaseCandidate> candidates, qint64 quantity = 1)
{
    sync::PurchaseSpec s;
    s.orderId = orderId;
    s.quantity = quantity;
    s.contact = u"buyer@example.com"_s;
    s.candidates = std::move(candidates);
    return s;
}

inline suppliers::PollPolicy fastPoll()
{
    suppliers::PollPolicy p;
    p.initialDelays = {std::chrono::milliseconds(10), std::chrono::milliseconds(10),
                       std::chrono::milliseconds(20)};
    p.maxDelay = std::chrono::milliseconds(80);
    p.bound = std::chrono::seconds(5);
    return p;
}

struct RigOptions
{
    std::chrono::milliseconds httpTimeout{400};
    sim::FuluState::Timing fulu{5, 10, 0};
    suppliers::PollPolicy poll = fastPoll();
};

class Rig
{
public:
    using Options = RigOptions;

    bool start(const Options& options = Options{})
    {
        m_options = options;
        sim::GeneratorParams p;
        p.seed = 3;
        p.days = 2;
        p.orders = 100;
        p.members = 40;
        p.goods = 30;
        p.endTime = clock.nowSeconds();
        server = std::make_unique<sim::SimServer>(sim::generatePlatform(p, clock), clock);
        port = server->listen(QHostAddress::LocalHost, 0);
        if (port == 0 || !dir.isValid())
            return false;
        fuluSim().setTiming(options.fulu);
        path = dir.filePath(u"cache.db"_s);
        auto opened = storage::Database::open(path, clock);
        if (!opened)
            return false;
        db = std::move(opened).value();
        key = core::generateSealKey().value();
        numbers = std::make_unique<suppliers::RequestNoGenerator>("TST", clock);
        restart();
        return true;
    }

    // A crash and a restart of the purchasing side: the runner and its adapters are gone with
    // whatever they had in flight; the cache and the suppliers stay.
    void restart()
    {
        purchaser.reset();
        acg.reset();
        fulu.reset();
        // What the dead process had handed to the writer is committed or lost before anything
        // restarts: wait for the queue to drain (the writer is FIFO).
        db->writer()
            .submit(u"test.barrier"_s, [](storage::WriteContext&) { return core::Result<void>(); })
            .waitForFinished();
        const QUrl base(u"http://127.0.0.1:%1"_s.arg(port));
        suppliers::HttpOptions http;
        http.timeout = m_options.httpTimeout;
        acg = std::make_unique<suppliers::AcgFakaAdapter>(
            suppliers::AcgFakaConfig{base, "1000", sim::AcgFakaState::kAppKey.toByteArray(), http});
        suppliers::FuluConfig f;
        f.gatewayUrl = QUrl(base.toString() + u"/api/getway"_s);
        f.appKey = sim::FuluState::kAppKey.toByteArray();
        f.appSecret = sim::FuluState::kAppSecret.toByteArray();
        f.http = http;
        f.poll = m_options.poll;
        fulu = std::make_unique<suppliers::FuluAdapter>(f, &clock);
        purchaser = std::make_unique<sync::Purchaser>(
            db->writer(), path, key,
            QHash<QString, suppliers::Supplier*>{{kAcg, acg.get()}, {kFulu, fulu.get()}}, *numbers);
    }

    sim::FuluState& fuluSim() { return server->suppliers().fulu(); }
    sim::AcgFakaState& acgSim() { return server->suppliers().acgFaka(); }

    // Faults on one role (or both), nothing else.
    void setFaults(const sim::SupplierFaultConfig& faults) { server->suppliers().setFaults(faults); }
    void clearFaults() { server->suppliers().setFaults({}); }

    template<typename T> static core::Result<T> wait(QFuture<core::Result<T>> future, int timeoutMs = 30000)
    {
        if (!QTest::qWaitFor([&future] { return future.isFinished(); }, timeoutMs))
            return core::makeError(core::ErrorCode::Busy, u"timed out"_s);
        if (future.isCanceled() || future.resultCount() == 0)
            return core::makeError(core::ErrorCode::Busy, u"cancelled"_s);
        return future.result();
    }

    core::Result<sync::PurchaseOutcome> buy(const sync::PurchaseSpec& s)
    {
        return wait(purchaser->purchase(s));
    }
    core::Result<sync::ResumeSummary> resume() { return wait(purchaser->resume()); }

    // The card text held for a succeeded purchase, opened with the key.
    QByteArray openedSecret(const storage::PurchaseRecord& row)
    {
        auto sealed = db->writer()
                          .submit<QByteArray>(u"test.secret"_s,
                                              [id = row.id](storage::WriteContext& ctx) {
                                                  return storage::purchases::sealedSecret(ctx, id);
                                              })
                          .result();
        if (!sealed)
            return {};
        auto opened = core::open(key, sealed.value(), row.externalNo.toUtf8());
        return opened ? opened.value() : QByteArray();
    }

    qint64 unknownCounter() const
    {
        storage::ReadSession read(path);
        return storage::counters::read(read, storage::counters::PurchaseUnknown).valueOr(-1);
    }

    QList<storage::PurchaseRecord> rows(core::PurchaseState state) const
    {
        storage::ReadSession read(path);
        return storage::purchases::inState(read, state, 1'000'000).valueOr({});
    }

    QList<storage::PurchaseRecord> forOrder(qint64 orderId) const
    {
        storage::ReadSession read(path);
        return storage::purchases::forOrder(read, orderId).valueOr({});
    }

    // Every byte of the cache on disk: the main file and the write-ahead log.
    QByteArray fileBytes() const
    {
        QByteArray all;
        for (const QString& name : QStringList{path, path + u"-wal"_s}) {
            QFile f(name);
            if (f.open(QIODevice::ReadOnly))
                all += f.readAll();
        }
        return all;
    }

    core::SystemClock clock;
    std::unique_ptr<sim::SimServer> server;
    quint16 port = 0;
    QTemporaryDir dir;
    QString path;
    std::unique_ptr<storage::Database> db;
    QByteArray key;
    std::unique_ptr<suppliers::RequestNoGenerator> numbers;
    std::unique_ptr<suppliers::AcgFakaAdapter> acg;
    std::unique_ptr<suppliers::FuluAdapter> fulu;
    std::unique_ptr<sync::Purchaser> purchaser;

private:
    Options m_options;
};

} // namespace purchasefixture
