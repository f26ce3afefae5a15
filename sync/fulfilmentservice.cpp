#include "sync/fulfilmentservice.h"

#include "sync/fulfilmentlease.h"
#include "sync/syncengine.h"

#include <QFutureWatcher>

namespace cardops::sync {

FulfilmentService::FulfilmentService(SyncEngine* engine, FulfilmentLease& lease, FulfilmentWorker& worker,
                                     const Options& options, QObject* parent)
    : QObject(parent)
    , m_engine(engine)
    , m_lease(lease)
    , m_worker(worker)
    , m_options(options)
{
    m_next.setSingleShot(true);
    m_retake.setSingleShot(true);
    m_releaseGuard.setSingleShot(true);
    connect(&m_next, &QTimer::timeout, this, &FulfilmentService::cycle);
    connect(&m_retake, &QTimer::timeout, this, [this] {
        if (m_running && !m_stopping)
            m_lease.take();
    });
    connect(&m_lease, &FulfilmentLease::acquired, this, [this](qint64 expiresAt) {
        ++m_acquisitions;
        Q_EMIT leaseAcquired(expiresAt);
    });
    connect(&m_lease, &FulfilmentLease::lost, this, [this](const QString& reason, const QByteArray& other) {
        Q_EMIT leaseLost(reason, other);
        if (m_running && !m_stopping)
            m_retake.start(m_options.retakeInterval);
    });
    connect(&m_lease, &FulfilmentLease::released, this, [this] {
        if (m_stopping)
            finishStop();
    });
    connect(&m_releaseGuard, &QTimer::timeout, this, [this] {
        m_releaseGaveUp = true; // the platform did not answer: the lease lapses by itself
        finishStop();
    });
    if (m_engine)
        connect(m_engine, &SyncEngine::roundFinished, this, [this](const RoundSummary& summary) {
            if (!m_inCycle)
                return;
            Q_EMIT syncFinished(summary);
            afterSync(summary.ok());
        });
}

void FulfilmentService::start()
{
    if (m_running)
        return;
    m_running = true;
    m_stopping = false;
    m_releaseGaveUp = false;
    m_lease.take();
    cycle();
}

void FulfilmentService::cycle()
{
    if (!m_running || m_stopping || m_inCycle)
        return;
    m_inCycle = true;
    // A pass acts only on a cache synced after the lease was taken: a round that began before
    // (or failed) could still show orders as handed over that another console settled.
    m_roundEpoch = m_lease.isHeld() ? m_acquisitions : -1;
    if (m_engine)
        m_engine->startRound();
    else
        afterSync(true);
}

void FulfilmentService::afterSync(bool synced)
{
    if (m_stopping)
        return finishStop();
    if (!m_lease.isHeld() || !synced || m_roundEpoch != m_acquisitions) {
        m_inCycle = false;
        return schedule(m_lease.isHeld() && synced ? std::chrono::milliseconds(0) : m_options.idleInterval);
    }
    auto* watcher = new QFutureWatcher<FulfilmentPassSummary>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        FulfilmentPassSummary summary;
        if (watcher->future().resultCount() > 0)
            summary = watcher->future().result();
        afterPass(summary);
    });
    watcher->setFuture(m_worker.runPass());
}

void FulfilmentService::afterPass(const FulfilmentPassSummary& summary)
{
    m_inCycle = false;
    ++m_passes;
    Q_EMIT passFinished(summary);
    if (m_stopping)
        return finishStop();
    if (m_options.maxPasses > 0 && m_passes >= m_options.maxPasses)
        return stop();
    const bool progressed = summary.looked > summary.waiting && summary.error.isEmpty() && !summary.leaseLost;
    schedule(progressed ? std::chrono::milliseconds(0) : m_options.idleInterval);
}

void FulfilmentService::schedule(std::chrono::milliseconds delay)
{
    if (m_running && !m_stopping)
        m_next.start(delay);
}

void FulfilmentService::stop()
{
    if (!m_running || m_stopping)
        return;
    m_stopping = true;
    m_next.stop();
    m_retake.stop();
    if (m_inCycle) {
        m_worker.stop(); // the steps in flight end, no further order is taken up; then finishStop()
        return;
    }
    finishStop();
}

void FulfilmentService::finishStop()
{
    if (!m_running)
        return;
    const bool released =
        m_lease.state() == FulfilmentLease::State::Idle || m_lease.state() == FulfilmentLease::State::Lost;
    if (!released && !m_releaseGaveUp) {
        if (!m_releaseGuard.isActive()) {
            m_releaseGuard.start(std::chrono::seconds(5));
            m_lease.release();
        }
        return;
    }
    m_releaseGuard.stop();
    m_running = false;
    m_inCycle = false;
    Q_EMIT stopped();
}

} // namespace cardops::sync
