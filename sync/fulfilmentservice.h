#pragma once

#include "sync/fulfilmentworker.h"

#include <QObject>
#include <QTimer>
#include <chrono>

namespace cardops::sync {

class FulfilmentLease;
class SyncEngine;
struct RoundSummary;

// Fulfilment, unattended (cardops-cli serve; the console's 开始履约): takes the lease and keeps
// cycling — a sync round (new handed-over orders come in through the cache), then, while the
// lease is held, a worker pass — going again at once while passes make progress and after
// `idleInterval` otherwise. A pass runs only after a successful round that started while the lease
// was held, so it never acts on a cache from before the lease. A lost lease is taken again every
// `retakeInterval`; work stops the moment it is lost (the worker asks the lease before every call). stop()
// lets the step in flight end, gives the lease back and emits stopped(). Lives in the transport's thread;
// every object passed in must outlive it.
class FulfilmentService : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        std::chrono::milliseconds idleInterval{5000};
        std::chrono::milliseconds retakeInterval{10000};
        int maxPasses = 0; // 0 = until stop(); else stop after this many passes that ran
    };

    // engine may be null (no sync: the cache is kept elsewhere).
    FulfilmentService(SyncEngine* engine, FulfilmentLease& lease, FulfilmentWorker& worker,
                      const Options& options, QObject* parent = nullptr);

    void start();
    void stop();
    bool isRunning() const { return m_running; }
    int passes() const { return m_passes; }

Q_SIGNALS:
    void syncFinished(const cardops::sync::RoundSummary& summary);
    void passFinished(const cardops::sync::FulfilmentPassSummary& summary);
    void leaseAcquired(qint64 expiresAt);
    void leaseLost(const QString& reason, const QByteArray& otherHolder);
    void stopped();

private:
    void cycle();
    void afterSync(bool synced);
    void afterPass(const FulfilmentPassSummary& summary);
    void schedule(std::chrono::milliseconds delay);
    void finishStop();

    SyncEngine* m_engine;
    FulfilmentLease& m_lease;
    FulfilmentWorker& m_worker;
    Options m_options;
    QTimer m_next;
    QTimer m_retake;
    QTimer m_releaseGuard;
    bool m_running = false;
    bool m_stopping = false;
    bool m_inCycle = false;
    int m_passes = 0;
    qint64 m_acquisitions = 0; // leases taken so far
    qint64 m_roundEpoch = -1;  // the lease the current round started under (-1: none)
    bool m_releaseGaveUp = false;
};

} // namespace cardops::sync
