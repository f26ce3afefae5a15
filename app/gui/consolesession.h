#pragma once

#include "core/access.h"
#include "core/clock.h"
#include "core/result.h"
#include "models/consolebackend.h"

#include <QFuture>
#include <QList>
#include <QObject>
#include <QTimer>
#include <QUrl>
#include <functional>
#include <memory>

namespace cardops::storage {
class Database;
}
namespace cardops::models {
class DataSource;
class ReadWorker;
} // namespace cardops::models
namespace cardops::sync {
class PlatformTransport;
class SyncEngine;
struct PlatformEndpoint;
} // namespace cardops::sync

namespace cardops::app {

class DemoSimulator;

// One open cache and, when it has one, its platform: the database, the models' data source, the
// transport and the sync engine (a round at start, then every minute and on demand), and for the
// demo the bundled simulator on its own thread. UI thread.
class ConsoleSession : public QObject
{
    Q_OBJECT
public:
    static constexpr int SyncIntervalMs = 60'000;

    // Opens (creating if needed) the cache file; nothing talks to a platform yet.
    // Opens (creating if needed) the cache file and records who opened the console on which
    // profile in the audit log; nothing talks to a platform yet.
    static core::Result<std::unique_ptr<ConsoleSession>> open(const QString& databasePath,
                                                              const QString& profile);
    ~ConsoleSession() override;

    models::DataSource& source() const { return *m_source; }
    const core::Clock& clock() const { return m_clock; }
    storage::Database& database() const { return *m_db; }

    // Both wait for the cache's integrity check; a damaged cache never syncs (damaged()).
    void startDemo();
    void startPlatform(const sync::PlatformEndpoint& endpoint);
    bool hasPlatform() const { return m_engine != nullptr; }
    // The platform's transport once connected (the demo's once its simulator listens), else null.
    sync::PlatformTransport* transport() const { return m_transport.get(); }
    sync::SyncEngine* engine() const { return m_engine.get(); }
    bool isSyncing() const;
    void syncNow();
    // The last request and its response as sent and received, for the diagnostics dialog.
    QString lastExchange() const;

    // Who acts in this console: the local administrator until operators sign in (the default of a
    // one-person shop); the sign-in sets the operator.
    const core::Actor& actor() const { return m_actor; }
    void setActor(const core::Actor& actor) { m_actor = actor; }
    // Appends an entry to the local audit log through the writer (detail: JSON text).
    QFuture<core::Result<void>> audit(const core::Actor& actor, const QString& action, const QString& entity,
                                      const QString& entityId, const QString& detailJson);

Q_SIGNALS:
    void syncStarted();
    void syncProgress(const QString& feed, qint64 items, double itemsPerSecond);
    void syncFinished(bool ok, bool offline, const QString& error);
    void stockAlertsChanged(const QList<cardops::core::LowStockNotice>& alerts);
    // The cache failed its integrity check: it is shown as it is and never written.
    void damaged(const QString& reason);
    // The demo's simulator listens (it plays the platform and both suppliers there).
    void demoListening(const QUrl& url);
    // The transport is about to be replaced (objects holding it let go), then the new one is there.
    void platformAboutToChange();
    void platformConnected();

private:
    enum class Check { NotStarted, Running, Passed, Failed };
    static constexpr int RecheckMs = 5000;
    explicit ConsoleSession(std::unique_ptr<storage::Database> db);
    // Runs `next` once the integrity check has passed (never when it failed).
    void afterCheck(std::function<void()> next);
    void launchDemo();
    void connectPlatform(const sync::PlatformEndpoint& endpoint);

    core::SystemClock m_clock;
    core::Actor m_actor;
    std::unique_ptr<storage::Database> m_db;
    std::unique_ptr<models::DataSource> m_source;
    std::unique_ptr<models::ReadWorker> m_checker; // the integrity check, while it runs
    std::unique_ptr<DemoSimulator> m_demo;
    std::unique_ptr<sync::PlatformTransport> m_transport;
    std::unique_ptr<sync::SyncEngine> m_engine;
    QTimer m_timer;
    Check m_check = Check::NotStarted;
    QList<std::function<void()>> m_afterCheck;
};

} // namespace cardops::app
