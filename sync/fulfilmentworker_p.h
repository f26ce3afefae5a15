#pragma once

// Private to the fulfilment worker's two source files.

#include "core/rulematrix.h"
#include "storage/fulfilments.h"
#include "sync/fulfilmentworker.h"

#include <QFutureWatcher>
#include <QList>
#include <QPromise>
#include <QSet>
#include <type_traits>

namespace cardops::sync {

struct FulfilmentWorker::Pass
{
    enum class Phase { HandedOver, Unsettled };
    QPromise<FulfilmentPassSummary> promise;
    FulfilmentPassSummary summary;
    core::RuleSet rules;
    Phase phase = Phase::HandedOver;
    qint64 afterCreatedAt = -1;
    qint64 afterId = 0;
    QList<std::pair<storage::FulfilmentCandidate, bool>> queue; // bool: from the unsettled phase
    QSet<qint64> seen;
    int inFlight = 0;
    bool exhausted = false;
    bool stopping = false;
};

struct FulfilmentWorker::Job
{
    storage::FulfilmentCandidate candidate;
    bool unsettled = false; // taken up in the unsettled phase: the cache no longer shows it handed over
    const storage::FulfilmentRecord& record() const { return *candidate.record; }
    qint64 orderId() const { return candidate.order.id; }
};

template<typename T, typename F> void FulfilmentWorker::watch(QFuture<T> future, F handler)
{
    auto* watcher = new QFutureWatcher<T>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [watcher, handler = std::move(handler)]() mutable {
        watcher->deleteLater();
        const QFuture<T> done = watcher->future();
        if (done.resultCount() > 0) {
            handler(done.result());
        } else if constexpr (std::is_same_v<T, Reply>) {
            Reply abandoned;
            abandoned.error.kind = CallError::Cancelled;
            handler(abandoned);
        } else {
            handler(T(core::makeError(core::ErrorCode::Busy, QStringLiteral("the step was abandoned"))));
        }
    });
    watcher->setFuture(std::move(future));
}

} // namespace cardops::sync
