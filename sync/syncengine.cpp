#include "sync/syncengine.h"

#include "core/clock.h"
#include "storage/database.h"
#include "storage/databasewriter.h"
#include "storage/outbox.h"
#include "storage/platformcache.h"
#include "storage/readsession.h"
#include "storage/segmentstore.h"
#include "storage/tierstore.h"
#include "storage/writecontext.h"
#include "sync/feedingest.h"
#include "sync/outboxpusher.h"
#include "sync/platformjson.h"
#include "sync/transport/platformtransport.h"

#include <QDate>
#include <QFutureWatcher>
#include <QJsonArray>
#include <QSet>

namespace cardops::sync {
namespace {

using Outcome = RoundSummary::Outcome;

QString dayText(qint64 businessDay)
{
    return QDate(1970, 1, 1).addDays(businessDay).toString(Qt::ISODate);
}

Request get(const QByteArray& path)
{
    Request r;
    r.method = QByteArrayLiteral("GET");
    r.path = path;
    return r;
}

// A platform that answers has_more forever without moving is refused after this many repeats.
constexpr int kMaxSamePosition = 5;

} // namespace

template<typename T, typename F> void SyncEngine::whenWritten(QFuture<core::Result<T>> written, F next)
{
    // A watcher owned by the engine: its answer is always posted (also for a job already done), so
    // answers arrive in the order the jobs were submitted, and it dies with the engine.
    auto* watcher = new QFutureWatcher<core::Result<T>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [watcher, next = std::move(next)]() mutable {
        watcher->deleteLater();
        next(watcher->result());
    });
    watcher->setFuture(written);
}

SyncEngine::SyncEngine(storage::Database& database, PlatformTransport& transport, QObject* parent)
    : SyncEngine(database, transport, Options{}, parent)
{}

SyncEngine::SyncEngine(storage::Database& database, PlatformTransport& transport, const Options& options,
                       QObject* parent)
    : QObject(parent)
    , m_db(database)
    , m_transport(transport)
    , m_options(options)
    , m_pusher(std::make_unique<OutboxPusher>(database, transport, options.maxPushRounds))
{
    qRegisterMetaType<RoundSummary>();
}

SyncEngine::~SyncEngine() = default;

void SyncEngine::startRound()
{
    if (m_running)
        return;
    m_running = true;
    m_finishing = false;
    m_cancelled = false;
    ++m_round;
    m_summary = RoundSummary{};
    m_timer.start();
    {
        storage::ReadSession read(m_db);
        auto orders = storage::platformcache::cursor(read, core::Feed::Orders);
        m_firstSync = orders.ok() && !orders->backfillStarted && orders->cursor.isEmpty();
        m_dailyHistoryDone =
            storage::platformcache::state(read, storage::statekeys::DailyHistoryDone).valueOr(QString()) ==
            u"1";
    }
    m_steps = {[this] { stepShop(); },
               [this] { stepPush(); },
               [this] { stepTiers(); },
               [this] { stepFeed(core::Feed::Categories); },
               [this] { stepFeed(core::Feed::Goods); },
               [this] { stepOrdersNewestFirst(); },
               [this] { stepFeed(core::Feed::Members); },
               [this] { stepFeed(core::Feed::Withdrawals); },
               [this] { stepOrdersBackfill(); },
               [this] { stepFeed(core::Feed::Orders); },
               [this] { stepFeed(core::Feed::Ledger); },
               [this] {
                   stepDailyTotals();
               }};
    runSteps();
}

void SyncEngine::cancel()
{
    if (!m_running)
        return;
    m_cancelled = true;
    m_pusher->cancel();
    m_transport.cancelAll();
}

void SyncEngine::runSteps()
{
    if (m_cancelled)
        return finish(Outcome::Cancelled, QStringLiteral("cancelled"));
    if (m_steps.isEmpty()) {
        const QString at = QString::number(m_db.clock().nowSeconds());
        using Alerts = QList<storage::stockalerts::AlertChange>;
        auto tierMoves = std::make_shared<qint64>(0); // written by the job, read after it
        whenWritten(m_db.writer().submit<Alerts>(
                        QStringLiteral("sync.roundDone"),
                        [at, tierMoves](storage::WriteContext& ctx) -> core::Result<Alerts> {
                            auto r = storage::platformcache::setState(ctx, storage::statekeys::LastRoundAt, at);
                            if (r)
                                r = storage::platformcache::setState(ctx, storage::statekeys::LastError, QString());
                            if (!r)
                                return r.error();
                            // Tier upgrades after this round's ingest, downgrades at a day boundary.
                            auto tiers = storage::tierstore::evaluate(ctx, at.toLongLong());
                            if (!tiers)
                                return tiers.error();
                            *tierMoves = tiers->moves.size();
                            // RFM segments once per business day (docs/members.md).
                            if (auto rfm = storage::segmentstore::refreshIfDue(ctx, at.toLongLong()); !rfm)
                                return rfm.error();
                            return storage::stockalerts::evaluate(ctx, at.toLongLong());
                        }),
                    [this, round = m_round, tierMoves](const core::Result<Alerts>& r) {
                        if (!alive(round))
                            return;
                        if (r)
                            m_summary.stockAlerts = r.value();
                        m_summary.tierMoves = r ? *tierMoves : 0;
                        finish(r ? Outcome::Ok : Outcome::Failed, r ? QString() : r.error().detail);
                    });
        return;
    }
    Step step = m_steps.takeFirst();
    step();
}

void SyncEngine::finish(Outcome outcome, const QString& error)
{
    if (!m_running || m_finishing)
        return; // the first outcome of a round stands; later ones are its echoes
    m_finishing = true;
    m_summary.outcome = outcome;
    m_summary.error = error;
    settle();
}

void SyncEngine::settle()
{
    if (m_writesInFlight > 0) {
        // Let the queued pages commit (or fail) before reporting: nothing is left half-known.
        m_settleWhenWritten = true;
        return;
    }
    m_settleWhenWritten = false;
    m_steps.clear();
    m_summary.elapsedMs = m_timer.elapsed();
    const Outcome outcome = m_summary.outcome;
    const auto report = [this] {
        m_running = false; // only now may the next round start: its report cannot overtake this one
        m_finishing = false;
        Q_EMIT roundFinished(m_summary);
    };
    if (outcome == Outcome::Ok || outcome == Outcome::Cancelled)
        return report();
    // The status line reads the last error from the cache: it is there before anyone hears of it.
    whenWritten(m_db.writer().submit(QStringLiteral("sync.error"),
                                     [error = m_summary.error](storage::WriteContext& ctx) {
                                         return storage::platformcache::setState(
                                             ctx, storage::statekeys::LastError, error);
                                     }),
                [report](const core::Result<void>&) { report(); });
}

// What most steps do once their write is answered: go on, or end the round with the write's error.
auto SyncEngine::nextStep()
{
    return [this, round = m_round](const auto& written) {
        if (!alive(round))
            return;
        if (!written)
            return finish(Outcome::Failed, written.error().detail);
        runSteps();
    };
}

bool SyncEngine::alive(quint64 round) const
{
    return m_running && !m_finishing && round == m_round;
}

void SyncEngine::failWith(const Reply& reply)
{
    if (m_cancelled || reply.error.kind == CallError::Cancelled)
        return finish(Outcome::Cancelled, QStringLiteral("cancelled"));
    finish(reply.error.retriable() ? Outcome::Offline : Outcome::Failed, reply.error.describe());
}

void SyncEngine::call(const Request& request, std::function<void(const Reply&)> done, bool retriedAuth)
{
    m_transport.send(request).then(this, [this, round = m_round, request, retriedAuth,
                                          done = std::move(done)](const Reply& reply) {
        if (!alive(round))
            return;
        if (m_cancelled)
            return finish(Outcome::Cancelled, QStringLiteral("cancelled"));
        // A refused signature is sent once more, freshly signed: a proxy or a clock step can spoil
        // one request; a second refusal means the credentials are wrong and ends the round.
        if (!reply.ok() && reply.error.kind == CallError::Auth && reply.error.code == 40102 && !retriedAuth)
            return call(request, done, true);
        done(reply);
    });
}

void SyncEngine::stepShop()
{
    call(get(QByteArrayLiteral("/v1/shop")), [this](const Reply& reply) {
        if (!reply.ok())
            return failWith(reply);
        auto shop = platformjson::shop(reply.response->data);
        if (!shop)
            return finish(Outcome::Failed, u"GET /v1/shop: " + shop.error().detail);
        const core::ShopInfo info = shop.value();
        whenWritten(
            m_db.writer().submit(
                QStringLiteral("sync.shop"),
                [info](storage::WriteContext& ctx) -> core::Result<void> {
                    auto r = storage::platformcache::setState(ctx, storage::statekeys::ShopName, info.name);
                    if (r)
                        r = storage::platformcache::setState(ctx, storage::statekeys::ShopCapabilities,
                                                             QStringList(info.capabilities).join(u','));
                    if (r)
                        r = storage::platformcache::setState(ctx, storage::statekeys::LeaseHolder,
                                                             info.leaseHolder);
                    if (r)
                        r = storage::platformcache::setState(ctx, storage::statekeys::LeaseExpiresAt,
                                                             QString::number(info.leaseExpiresAt));
                    return r;
                }),
            nextStep());
    });
}

void SyncEngine::stepPush()
{
    m_pusher->run(this, [this](const OutboxPusher::Result& r) {
        m_summary.pushed += r.pushed;
        m_summary.conflicts += r.conflicts;
        m_summary.failed += r.failed;
        if (r.cancelled)
            return finish(Outcome::Cancelled, QStringLiteral("cancelled"));
        if (!r.error.isEmpty())
            return finish(r.offline ? Outcome::Offline : Outcome::Failed, r.error);
        runSteps();
    });
}

void SyncEngine::stepTiers()
{
    call(get(QByteArrayLiteral("/v1/tiers")), [this](const Reply& reply) {
        if (!reply.ok())
            return failWith(reply);
        auto ladder = platformjson::tierLadder(reply.response->data);
        if (!ladder)
            return finish(Outcome::Failed, u"GET /v1/tiers: " + ladder.error().detail);
        const core::TierLadder l = ladder.value();
        m_summary.pulled[QStringLiteral("tiers")] += l.tiers.size();
        whenWritten(m_db.writer().submit<bool>(QStringLiteral("sync.tiers"),
                                               [l](storage::WriteContext& ctx) {
                                                   return storage::platformcache::replaceTiers(ctx, l);
                                               }),
                    nextStep());
    });
}

bool SyncEngine::pulls(core::Feed feed) const
{
    return m_options.feeds.isEmpty() || m_options.feeds.contains(feed);
}

void SyncEngine::stepFeed(core::Feed feed)
{
    if (!pulls(feed))
        return runSteps();
    storage::ReadSession read(m_db);
    auto state = storage::platformcache::cursor(read, feed);
    if (!state)
        return finish(Outcome::Failed, state.error().detail);
    pullPages(feed, state->cursor, false, false);
}

void SyncEngine::stepOrdersNewestFirst()
{
    if (!m_firstSync || !pulls(core::Feed::Orders))
        return runSteps();
    pullPages(core::Feed::Orders, QString(), true, true);
}

void SyncEngine::stepOrdersBackfill()
{
    storage::ReadSession read(m_db);
    auto state = storage::platformcache::cursor(read, core::Feed::Orders);
    if (!state)
        return finish(Outcome::Failed, state.error().detail);
    if (!state->backfillStarted || state->backfillDone || !pulls(core::Feed::Orders))
        return runSteps();
    pullPages(core::Feed::Orders, state->backfillBefore, true, false);
}

void SyncEngine::pullPages(core::Feed feed, QString position, bool backfill, bool onlyOnePage)
{
    auto samePosition = std::make_shared<int>(0);
    auto seen = std::make_shared<QSet<QString>>(); // positions already read in this pull
    auto fetch = std::make_shared<std::function<void(QString)>>();
    const bool newestFirstStart = backfill && position.isEmpty();
    *fetch = [this, feed, backfill, onlyOnePage, newestFirstStart, samePosition, seen,
              weakFetch = std::weak_ptr(fetch)](QString at) {
        Request request = get("/v1/" + core::feedName(feed));
        request.query.append({QByteArrayLiteral("limit"), QByteArray::number(m_options.pageSize)});
        if (backfill) {
            request.query.append({QByteArrayLiteral("order"), "desc"});
            if (!at.isEmpty())
                request.query.append({QByteArrayLiteral("before"), at.toLatin1()});
        } else if (!at.isEmpty()) {
            request.query.append({QByteArrayLiteral("cursor"), at.toLatin1()});
        }
        auto self = weakFetch.lock();
        call(request, [this, feed, backfill, onlyOnePage, newestFirstStart, samePosition, seen, at,
                       self](const Reply& reply) {
            if (!reply.ok())
                return failWith(reply);
            auto prepared = preparePage(feed, reply.response->data, backfill, at);
            if (!prepared)
                return finish(Outcome::Failed, u"GET /v1/" + QString::fromLatin1(core::feedName(feed)) +
                                                   u": " + prepared.error().detail);
            PreparedPage page = std::move(prepared).value();
            const PageInfo info = page.info;
            if (newestFirstStart && at.isEmpty()) {
                if (info.headCursor.isEmpty() && info.count > 0) // an empty shop may have no position yet
                    return finish(Outcome::Failed, QStringLiteral("a newest-first page without head_cursor"));
                page.job = [job = std::move(page.job), head = info.headCursor,
                            feed](storage::WriteContext& ctx) -> core::Result<storage::IngestStats> {
                    auto started = storage::platformcache::startBackfill(ctx, feed, head);
                    if (!started)
                        return started.error();
                    return job(ctx);
                };
            }
            // A page that does not move (the same cursor again, or nothing with has_more) is allowed
            // a few times (a duplicated page); a cursor that goes back to an earlier position is not.
            const bool moved = info.nextCursor != at && (info.count > 0 || !info.hasMore);
            *samePosition = moved ? 0 : *samePosition + 1;
            if (*samePosition >= kMaxSamePosition)
                return finish(Outcome::Failed, QStringLiteral("the platform does not advance the cursor"));
            if (info.nextCursor != at && seen->contains(info.nextCursor))
                return finish(Outcome::Failed,
                              QStringLiteral("the platform's cursor went back to %1").arg(info.nextCursor));
            seen->insert(at);
            const bool more = info.hasMore && !onlyOnePage;
            // One page is fetched ahead while the previous one is written, never more.
            const bool fetchNow = more && m_writesInFlight == 0;
            noteItems(feed, info.count);
            commitPage(feed, std::move(page), [this, more, fetchNow, next = info.nextCursor, self]() {
                if (more && !fetchNow)
                    (*self)(next);
                else if (!more && m_writesInFlight == 0)
                    runSteps();
            });
            if (fetchNow)
                (*self)(info.nextCursor); // counted after the write above, so a quick failure waits for it
        });
    };
    (*fetch)(std::move(position));
}

void SyncEngine::commitPage(core::Feed feed, PreparedPage page, std::function<void()> then)
{
    ++m_writesInFlight;
    whenWritten(
        m_db.writer().submit<storage::IngestStats>(
            u"sync.ingest." + QString::fromLatin1(core::feedName(feed)), std::move(page.job)),
        [this, round = m_round, feed, then = std::move(then)](const core::Result<storage::IngestStats>& r) {
            --m_writesInFlight;
            if (r)
                Q_EMIT pageCommitted(QString::fromLatin1(core::feedName(feed)),
                                     r->inserted + r->updated + r->deleted);
            if (m_settleWhenWritten)
                return settle(); // waits for the last queued page, whichever round queued it
            if (!alive(round))
                return;
            if (!r)
                return finish(Outcome::Failed, r.error().detail);
            if (m_cancelled)
                return finish(Outcome::Cancelled, QStringLiteral("cancelled"));
            then();
        });
}

void SyncEngine::noteItems(core::Feed feed, qint64 items)
{
    const QString name = QString::fromLatin1(core::feedName(feed));
    const qint64 total = (m_summary.pulled[name] += items);
    const double seconds = static_cast<double>(std::max<qint64>(1, m_timer.elapsed())) / 1000.0;
    Q_EMIT progress(name, total, static_cast<double>(total) / seconds);
}

void SyncEngine::stepDailyTotals()
{
    const qint64 today = core::businessDay(m_db.clock().nowSeconds());
    // The long history once (until it has been stored), then the recent days every round.
    const bool history = !m_dailyHistoryDone;
    const int days = history ? m_options.firstSyncDailyTotalsDays : m_options.dailyTotalsDays;
    Request request = get(QByteArrayLiteral("/v1/reports/daily"));
    request.query.append({QByteArrayLiteral("from"), dayText(today - days + 1).toLatin1()});
    request.query.append({QByteArrayLiteral("to"), dayText(today).toLatin1()});
    call(request, [this, history](const Reply& reply) {
        if (!reply.ok())
            return failWith(reply);
        auto totals = platformjson::dailyTotals(reply.response->data);
        if (!totals)
            return finish(Outcome::Failed, u"GET /v1/reports/daily: " + totals.error().detail);
        const QList<core::DailyTotal> t = totals.value();
        m_summary.pulled[QStringLiteral("daily")] += t.size();
        whenWritten(m_db.writer().submit(QStringLiteral("sync.daily"),
                                         [t, history](storage::WriteContext& ctx) -> core::Result<void> {
                                             auto r = storage::platformcache::storeDailyTotals(ctx, t);
                                             if (r && history)
                                                 r = storage::platformcache::setState(
                                                     ctx, storage::statekeys::DailyHistoryDone,
                                                     QStringLiteral("1"));
                                             return r;
                                         }),
                    nextStep());
    });
}

} // namespace cardops::sync
