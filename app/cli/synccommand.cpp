#include "app/cli/synccommand.h"

#include "app/cli/errortext.h"
#include "core/clock.h"
#include "sim/data/generator.h"
#include "sim/server/simserver.h"
#include "storage/database.h"
#include "sync/syncengine.h"
#include "sync/transport/platformtransport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <memory>

namespace cardops::app {

SyncCommand::SyncCommand(QTextStream& out, QTextStream& err)
    : m_out(out)
    , m_err(err)
{}

int SyncCommand::run(const QString& path, const Target& target)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        m_err << tr("Cannot create the folder for %1.").arg(path) << Qt::endl;
        return 1;
    }
    core::SystemClock clock;
    auto db = storage::Database::open(path, clock);
    if (!db) {
        m_err << tr("Cannot open %1: %2").arg(path, ErrorText::describe(db.error())) << Qt::endl;
        return 1;
    }

    sync::PlatformEndpoint endpoint{target.url, target.appId, target.secret};
    std::unique_ptr<sim::SimServer> simulator;
    if (target.url.isEmpty()) {
        simulator = std::make_unique<sim::SimServer>(
            sim::generatePlatform(sim::GeneratorParams::demo(), clock), clock);
        const quint16 port = simulator->listen(QHostAddress::LocalHost, 0);
        if (port == 0) {
            m_err << tr("Cannot start the built-in demo simulator.") << Qt::endl;
            return 1;
        }
        endpoint = {QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)), QByteArrayLiteral("demo"),
                    QByteArrayLiteral("demo-secret")};
        m_out << tr("Demo profile: syncing with the built-in simulator (演示数据).") << Qt::endl;
    }

    sync::PlatformTransport transport(endpoint, clock);
    sync::SyncEngine engine(**db, transport);
    QEventLoop loop;
    int exitCode = 1;
    QElapsedTimer lastPrint;
    lastPrint.start();
    QObject::connect(&engine, &sync::SyncEngine::progress, &loop,
                     [&](const QString& feed, qint64 items, double perSecond) {
                         if (lastPrint.elapsed() < 1000)
                             return;
                         lastPrint.restart();
                         m_out << tr("  %1: %2 received (%3/s)").arg(feed).arg(items).arg(qRound64(perSecond))
                               << Qt::endl;
                     });
    QObject::connect(&engine, &sync::SyncEngine::roundFinished, &loop, [&](const sync::RoundSummary& s) {
        QStringList feeds = s.pulled.keys();
        feeds.sort();
        for (const QString& feed : feeds)
            m_out << tr("  %1: %2").arg(feed).arg(s.pulled.value(feed)) << Qt::endl;
        m_out << tr("Pushed %1 local edits; %2 conflicts; %3 refused.")
                     .arg(s.pushed)
                     .arg(s.conflicts)
                     .arg(s.failed)
              << Qt::endl;
        switch (s.outcome) {
        case sync::RoundSummary::Outcome::Ok:
            m_out << tr("Sync finished in %1 s.").arg(static_cast<double>(s.elapsedMs) / 1000.0, 0, 'f', 1)
                  << Qt::endl;
            exitCode = 0;
            break;
        case sync::RoundSummary::Outcome::Offline:
            m_err << tr("The platform cannot be reached; the cache keeps what it has and the next sync "
                        "resumes: %1")
                         .arg(s.error)
                  << Qt::endl;
            break;
        case sync::RoundSummary::Outcome::Failed:
            m_err << tr("Sync stopped: %1").arg(s.error) << Qt::endl;
            break;
        case sync::RoundSummary::Outcome::Cancelled:
            m_err << tr("Sync cancelled.") << Qt::endl;
            break;
        }
        loop.quit();
    });
    engine.startRound();
    loop.exec();
    return exitCode;
}

} // namespace cardops::app
