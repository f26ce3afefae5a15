#pragma once

#include "core/platformtypes.h"
#include "core/result.h"
#include "storage/stockalertstore.h"

#include <QElapsedTimer>
#include <QFuture>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>
#include <functional>
#include <memory>

namespace cardops::core {
class Clock;
}
namespace cardops::storage {
class Database;
}

namespace cardops::sync {

class PlatformTransport;
struct Reply;
struct Request;
struct PreparedPage;
class OutboxPusher;

// How one sync round ended.
struct RoundSummary
{
    enum class Outcome { Ok, Offline, Failed, Cancelled };
    Outcome outcome = Outcome::Ok;
    QString error;                 // technical detail for the log and the status line
    QHash<QString, qint64> pulled; // entities received per feed (incl. "tiers", "daily")
    qint64 pushed = 0;             // outbox items the platform accepted
    qint64 conflicts = 0;          // outbox items that met a change made elsewhere
    qint64 failed = 0;             // outbox items the platform refused
    qint64 elapsedMs = 0;
    // Low-stock alerts raised or cleared by this round's readings (docs/goods.md), by goods id.
    QList<storage::stockalerts::AlertChange> stockAlerts;
    qint64 tierMoves = 0; // members moved up or down a tier at the end of the round (storage/tierstore.h)
    bool ok() const { return outcome == Outcome::Ok; }
};

// Keeps the cache equal to the platform (docs/platform-api.md §2): a round pushes the outbox
// (FIFO per entity, idempotency keys, If-Match), then pulls every feed from its committed cursor
// (pages are fetched while the previous one is written; a page and its cursor commit together),
// the tier ladder and the recent daily totals. The first sync reads orders newest first so the
// latest orders are there at once, with the history behind. Everything resumes from the cache
// after a restart. Lives on the thread of the transport; one round at a time.
class SyncEngine : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        int pageSize = 1000;
        int dailyTotalsDays = 7;            // re-read every round (late refunds change recent days)
        int firstSyncDailyTotalsDays = 400; // the first round reads this much history
        int maxPushRounds = 20;             // outbox passes per round (each pass sends every entity's head)
        QList<core::Feed> feeds;            // the feeds to pull; empty = every feed
    };

    SyncEngine(storage::Database& database, PlatformTransport& transport, QObject* parent = nullptr);
    SyncEngine(storage::Database& database, PlatformTransport& transport, const Options& options,
               QObject* parent = nullptr);
    ~SyncEngine() override;

    bool isRunning() const { return m_running; }
    void startRound();
    void cancel();

Q_SIGNALS:
    // Entities received so far on a feed in this round, and the rate over the round.
    void progress(const QString& feed, qint64 items, double itemsPerSecond);
    void roundFinished(const cardops::sync::RoundSummary& summary);
    // A page of `feed` and its cursor are committed: views showing that feed may refresh.
    void pageCommitted(const QString& feed, qint64 items);

private:
    using Step = std::function<void()>;

    void runSteps();
    void finish(RoundSummary::Outcome outcome, const QString& error);
    void settle();
    bool alive(quint64 round) const;
    auto nextStep();
    void failWith(const Reply& reply);
    void call(const Request& request, std::function<void(const Reply&)> done, bool retriedAuth = false);

    void stepShop();
    void stepPush();
    void stepTiers();
    void stepFeed(core::Feed feed);
    bool pulls(core::Feed feed) const;
    void stepOrdersNewestFirst();
    void stepOrdersBackfill();
    void stepDailyTotals();

    // Pulls pages of `feed` until has_more is false (or one page for newest-first), then next().
    void pullPages(core::Feed feed, QString position, bool backfill, bool onlyOnePage);
    void commitPage(core::Feed feed, PreparedPage page, std::function<void()> then);
    void noteItems(core::Feed feed, qint64 items);

    // Runs `next` with the answer of a write job on this engine's thread, always through the event
    // queue, so writes are answered in the order they were submitted (Qt 6.4 runs a
    // then(context) continuation at once when the job is already done, ahead of earlier answers).
    template<typename T, typename F> void whenWritten(QFuture<core::Result<T>> written, F next);

    // Runs `next` on this engine's thread after a write job settles, always queued, so writes are
    // answered in the order they were submitted (a job that is already done when the continuation
    // is attached would otherwise run it at once, ahead of earlier answers still in the queue).
    template<typename T, typename F> void afterWrite(QFuture<core::Result<T>> future, F next);

    storage::Database& m_db;
    PlatformTransport& m_transport;
    const Options m_options;
    std::unique_ptr<OutboxPusher> m_pusher;
    QList<Step> m_steps;
    RoundSummary m_summary;
    QElapsedTimer m_timer;
    bool m_running = false;
    bool m_finishing = false; // an outcome is known; waiting for queued pages to commit
    bool m_settleWhenWritten = false;
    quint64 m_round = 0;
    bool m_cancelled = false;
    bool m_firstSync = false;
    bool m_dailyHistoryDone = false;
    int m_writesInFlight = 0;
};

} // namespace cardops::sync

Q_DECLARE_METATYPE(cardops::sync::RoundSummary)
