// Sync and ingest figures of performance.md: generate_ref_s, ingest_client_per_s, ingest_e2e_per_s,
// sync_noop_ms, first_view_s. The platform runs as its own process (cardops-sim), as a real one would.
#include "benchsupport.h"
#include "core/clock.h"
#include "sim/data/generator.h"
#include "storage/database.h"
#include "storage/databasewriter.h"
#include "sync/feedingest.h"
#include "sync/syncengine.h"
#include "sync/transport/platformtransport.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTimer>
#include <deque>
#include <optional>

using namespace cardops;

namespace {

QString tool(const char* name)
{
    return QCoreApplication::applicationDirPath() + QStringLiteral("/../") + QString::fromLatin1(name);
}

// cardops-sim as a separate process; stops it on destruction.
class Simulator
{
public:
    explicit Simulator(const QStringList& arguments)
    {
        m_process.setProgram(tool("sim/cardops-sim"));
        m_process.setArguments(QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")} +
                               arguments);
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start();
        while (m_port == 0 && m_process.waitForReadyRead(120'000)) {
            while (m_process.canReadLine()) {
                const QByteArray line = m_process.readLine().trimmed();
                if (line.startsWith("listening on 127.0.0.1:"))
                    m_port = line.mid(line.lastIndexOf(':') + 1).toUShort();
            }
        }
        if (m_port == 0)
            qFatal("cardops-sim did not start");
    }
    ~Simulator()
    {
        m_process.kill();
        m_process.waitForFinished();
    }
    sync::PlatformEndpoint endpoint() const
    {
        return {QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port)), "demo", "demo-secret"};
    }

private:
    QProcess m_process;
    quint16 m_port = 0;
};

std::unique_ptr<storage::Database> freshDatabase(const QString& path, const core::Clock& clock)
{
    for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(path + suffix);
    auto db = storage::Database::open(path, clock);
    if (!db)
        qFatal("open %s: %s", qPrintable(path), qPrintable(db.error().detail));
    return std::move(db).value();
}

// One round; returns its summary. `watch` may connect to the engine before it starts.
sync::RoundSummary runRound(sync::SyncEngine& engine, const std::function<void(QEventLoop&)>& watch = {})
{
    QEventLoop loop;
    sync::RoundSummary summary;
    QObject::connect(&engine, &sync::SyncEngine::roundFinished, &loop, [&](const sync::RoundSummary& s) {
        summary = s;
        loop.quit();
    });
    if (watch)
        watch(loop);
    engine.startRound();
    loop.exec();
    return summary;
}

double generateReferenceSeconds(const QString& work)
{
    const QString path = work + QStringLiteral("/reference.db");
    const QString scratch = work + QStringLiteral("/reference-new.db");
    QFile::remove(scratch);
    QElapsedTimer timer;
    timer.start();
    const int rc = QProcess::execute(
        tool("app/cardops-cli"),
        {QStringLiteral("generate"), QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("--seed"),
         QStringLiteral("1"), QStringLiteral("--days"), QStringLiteral("365"), QStringLiteral("--orders"),
         QStringLiteral("1000000"), QStringLiteral("--db"), scratch});
    const double seconds = static_cast<double>(timer.elapsed()) / 1000.0;
    if (rc != 0)
        qFatal("cardops-cli generate failed");
    // Later benchmarks (orders page, dashboard, export) reuse the reference database.
    for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(path + suffix);
    QFile::rename(scratch, path);
    return seconds;
}

// 100 recorded pages of 1000 orders: parsed by the sync layer and committed with their cursors.
double ingestClientPerSecond(const QString& work)
{
    core::SystemClock clock;
    sim::GeneratorParams params;
    params.orders = 100'000;
    params.days = 60;
    const auto platform = sim::generatePlatform(params, clock);
    QList<QByteArray> pages;
    qint64 after = 0;
    for (int i = 0; i < 100; ++i) {
        const sim::FeedPage page = platform->feedPage(core::Feed::Orders, after, 1000);
        pages << page.data;
        after = page.nextCursor;
    }
    auto db = freshDatabase(work + QStringLiteral("/ingest-client.db"), clock);
    QElapsedTimer timer;
    timer.start();
    // Pages are parsed while earlier ones are written; a few may wait in the writer's queue (it
    // commits queued jobs together), as they do behind a fast link.
    constexpr int kInFlight = 4;
    std::deque<QFuture<core::Result<storage::IngestStats>>> inFlight;
    const auto settleOne = [&] {
        if (!inFlight.front().result())
            qFatal("ingest: %s", qPrintable(inFlight.front().result().error().detail));
        inFlight.pop_front();
    };
    QString from;
    qint64 orders = 0;
    for (const QByteArray& json : pages) {
        auto prepared =
            sync::preparePage(core::Feed::Orders, QJsonDocument::fromJson(json).object(), false, from);
        if (!prepared)
            qFatal("parse: %s", qPrintable(prepared.error().detail));
        if (inFlight.size() >= kInFlight)
            settleOne();
        from = prepared->info.nextCursor;
        orders += prepared->info.count;
        inFlight.push_back(
            db->writer().submit<storage::IngestStats>(QStringLiteral("bench"), std::move(prepared->job)));
    }
    while (!inFlight.empty())
        settleOne();
    return static_cast<double>(orders) / (static_cast<double>(timer.elapsed()) / 1000.0);
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const auto [work, ids] = bench::parseArguments(app);
    core::SystemClock clock;

    if (bench::wanted(ids, QStringLiteral("generate_ref_s")))
        bench::report(QStringLiteral("generate_ref_s"), generateReferenceSeconds(work), QStringLiteral("s"),
                      std::nullopt);

    if (bench::wanted(ids, QStringLiteral("ingest_client_per_s")))
        bench::report(QStringLiteral("ingest_client_per_s"), ingestClientPerSecond(work),
                      QStringLiteral("per_s"), std::nullopt);

    if (bench::wanted(ids, QStringLiteral("ingest_e2e_per_s")) ||
        bench::wanted(ids, QStringLiteral("sync_noop_ms"))) {
        Simulator sim({QStringLiteral("--orders"), QStringLiteral("100000"), QStringLiteral("--days"),
                       QStringLiteral("90")});
        auto db = freshDatabase(work + QStringLiteral("/e2e.db"), clock);
        sync::PlatformTransport transport(sim.endpoint(), clock);
        sync::SyncEngine::Options options;
        options.feeds = {core::Feed::Orders};
        sync::SyncEngine orders(*db, transport, options);
        QElapsedTimer timer;
        timer.start();
        const auto first = runRound(orders);
        const double seconds = static_cast<double>(timer.elapsed()) / 1000.0;
        if (!first.ok())
            qFatal("e2e sync: %s", qPrintable(first.error));
        if (bench::wanted(ids, QStringLiteral("ingest_e2e_per_s")))
            bench::report(QStringLiteral("ingest_e2e_per_s"),
                          static_cast<double>(first.pulled.value(QStringLiteral("orders"))) / seconds,
                          QStringLiteral("per_s"), std::nullopt);
        if (bench::wanted(ids, QStringLiteral("sync_noop_ms"))) {
            sync::SyncEngine all(*db, transport);
            if (!runRound(all).ok()) // the other feeds, once
                qFatal("sync");
            const double ms = bench::medianMs(5, [&] {
                if (!runRound(all).ok())
                    qFatal("no-op round failed");
            });
            bench::report(QStringLiteral("sync_noop_ms"), ms, QStringLiteral("ms"), std::nullopt);
        }
    }

    if (bench::wanted(ids, QStringLiteral("first_view_s"))) {
        // The reference shop (1M orders): the newest orders page committed, the history still to come.
        Simulator sim({QStringLiteral("--orders"), QStringLiteral("1000000"), QStringLiteral("--days"),
                       QStringLiteral("365"), QStringLiteral("--members"), QStringLiteral("50000"),
                       QStringLiteral("--goods"), QStringLiteral("10000")});
        auto db = freshDatabase(work + QStringLiteral("/first-view.db"), clock);
        sync::PlatformTransport transport(sim.endpoint(), clock);
        sync::SyncEngine engine(*db, transport);
        QElapsedTimer timer;
        double seconds = -1;
        timer.start();
        runRound(engine, [&](QEventLoop&) {
            QObject::connect(&engine, &sync::SyncEngine::pageCommitted, &engine,
                             [&](const QString& feed, qint64) {
                                 if (feed == u"orders" && seconds < 0) {
                                     seconds = static_cast<double>(timer.elapsed()) / 1000.0;
                                     engine.cancel();
                                 }
                             });
        });
        if (seconds < 0)
            qFatal("no orders page arrived");
        bench::report(QStringLiteral("first_view_s"), seconds, QStringLiteral("s"), std::nullopt);
    }
    return 0;
}
