#pragma once

#include "sync/transport/platformtransport.h"
#include "tests/sync/support/fakeplatformserver.h"

#include <QEventLoop>
#include <QFutureWatcher>
#include <QTimer>
#include <QtTest>

// Shared set-up of the transport tests: scaled-down times, a fixed local clock, waiting for futures.
namespace cardops::test {

using namespace std::chrono_literals;

inline constexpr qint64 kLocalStartMs = qint64{1764300000} * 1000; // the platform's demo time

inline sync::TransportOptions fastOptions()
{
    sync::TransportOptions o;
    o.timeout = 3000ms;
    o.maxAttempts = 3;
    o.baseBackoff = 5ms;
    o.maxBackoff = 20ms;
    o.jitterSeed = 7;
    o.retryAfterUnit = 10ms; // "Retry-After: 3" waits 30 ms
    o.maxRetryAfter = 200ms;
    return o;
}

inline sync::PlatformEndpoint endpointFor(const FakePlatformServer& server)
{
    return {server.baseUrl(), "demo", "demo-secret"};
}

inline sync::Request get(const QByteArray& path)
{
    sync::Request r;
    r.method = "GET";
    r.path = path;
    return r;
}

inline sync::Request keyed(const QByteArray& method, const QByteArray& path, const QByteArray& body,
                           const QByteArray& key)
{
    sync::Request r;
    r.method = method;
    r.path = path;
    r.body = body;
    r.idempotencyKey = key;
    return r;
}

// How many different X-Nonce values reached the server: one per attempt of the transport, whatever
// copies Qt re-sent on its own.
inline int distinctNonces(const FakePlatformServer& server)
{
    QSet<QByteArray> nonces;
    for (const RecordedRequest& r : server.requests())
        nonces.insert(r.header("X-Nonce"));
    return static_cast<int>(nonces.size());
}

// Runs the event loop until the future finishes (at most 15 s) and returns its reply. (Not
// QTest::qWaitFor: it sleeps 10 ms between event rounds, which throttles a 50 MB transfer.)
inline sync::Reply await(QFuture<sync::Reply> future)
{
    if (!future.isFinished()) {
        QEventLoop loop;
        QFutureWatcher<sync::Reply> watcher;
        QObject::connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(15000, &loop, &QEventLoop::quit);
        watcher.setFuture(future);
        loop.exec();
    }
    if (!future.isFinished())
        return sync::Reply{
            std::nullopt,
            sync::CallError{
                sync::CallError::Network, 0, 0, QStringLiteral("test: future never finished"), {}, 0ms, 0}};
    return future.result();
}

} // namespace cardops::test
