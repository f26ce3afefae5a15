#pragma once

#include "core/clock.h"
#include "sync/transport/retrypolicy.h"
#include "sync/transport/transporttypes.h"

#include <QFuture>
#include <QHash>
#include <QObject>
#include <deque>
#include <map>
#include <memory>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

// The HTTP transport of CardOps Platform API v1 (docs/platform-api.md §1): signs, sends, times out,
// retries where safe, limits concurrency, caps bodies and turns every answer into a Reply.
//
// Threading: a PlatformTransport lives in one thread (it owns one QNetworkAccessManager); call it
// only from that thread. Its futures finish in that thread.
//
// Chaining (the engine's pattern):
//
//     transport->send(request).then(this, [this](const Reply& reply) {
//         if (!reply.ok()) { handle(reply.error); return; }
//         ingest(reply.response->rawData());
//         ...
//     });
//
// Every future returned by send() finishes exactly once, always with a result (never cancelled as
// a QFuture): a Response or a CallError — Cancelled after cancelAll() or when the transport is
// destroyed. Qt 6.4 runs a `then(context, …)` continuation with Qt::AutoConnection, so in the
// transport's thread it runs synchronously when the transport finishes the call (or inside then()
// when the future is already finished, e.g. a refused request). Continuations may call send() and
// cancelAll() again. The context object must still be alive when the future finishes; the
// transport's destructor finishes every pending future, so destroy the transport before the
// contexts of its continuations (e.g. make it a member of the engine, not a sibling).
namespace cardops::sync {

class PlatformTransport final : public QObject
{
    Q_OBJECT
public:
    // clock: the local source of "now"; the transport adds its own offset to it (see
    // clockOffsetMilliseconds()). It must outlive the transport.
    PlatformTransport(PlatformEndpoint endpoint, const core::Clock& clock, TransportOptions options = {},
                      QObject* parent = nullptr);
    ~PlatformTransport() override;

    // Signs and sends the request (retrying where safe) and finishes the future with the outcome.
    // Refused at once (future already finished): InsecureUrl for an endpoint that is neither https
    // nor loopback http; InvalidRequest for a write without a valid Idempotency-Key, a PATCH
    // without ifMatch, a GET with a body or key, a path that is not an absolute, clean,
    // percent-encoded path.
    // Retries (CallError::retriable()): Network, Timeout, Malformed, Server, RateLimited and
    // Auth/40104, up to maxAttempts, after an exponential jittered back-off (429: after
    // Retry-After, unless it exceeds maxRetryAfter: then the RateLimited error with retryAfter set
    // goes to the caller). Every attempt is signed again with a new nonce and timestamp; body and
    // Idempotency-Key stay. (Qt itself may re-send an attempt byte for byte when a connection
    // drops before the answer; the platform refuses that copy as a repeated nonce, 40104, which
    // the transport answers by signing anew.)
    // 401/40103 (clock): corrects the clock offset once per call (from the error's
    // data.platform_time, else GET /v1/shop, else the answer's Date header) and sends again.
    // Never followed: redirects (Redirect). Never ignored: TLS errors (Tls).
    QFuture<Reply> send(Request request);

    // GET /v1/shop and take the clock offset from its platform_time. Any successful GET /v1/shop
    // sent through send() updates the offset the same way.
    QFuture<Reply> syncClock();

    // Finishes every queued, waiting and in-flight call with Cancelled (in-flight replies aborted).
    void cancelAll();

    // Platform time = clock + offset; X-Timestamp is platformNowSeconds().
    qint64 clockOffsetMilliseconds() const { return m_offsetMs; }
    void setClockOffsetMilliseconds(qint64 offsetMs);
    qint64 platformNowMilliseconds() const;
    qint64 platformNowSeconds() const;

    // The last attempt that finished on the wire (request as signed, response, outcome).
    Exchange lastExchange() const { return m_lastExchange; }

    const PlatformEndpoint& endpoint() const { return m_endpoint; }
    const TransportOptions& options() const { return m_options; }
    int inFlightCount() const; // attempts on the wire now, all hosts
    int pendingCount() const;  // calls not yet finished (queued, waiting, in flight)

    // The checks send() applies; nothing when acceptable.
    static std::optional<CallError> checkEndpoint(const PlatformEndpoint& endpoint);
    static std::optional<CallError> checkRequest(const Request& request);

Q_SIGNALS:
    // A failed attempt will be sent again after delayMs (attempt: the number of the next attempt).
    void retryScheduled(const QByteArray& method, const QByteArray& path, int attempt, qint64 delayMs,
                        const cardops::sync::CallError& reason);
    void clockOffsetChanged(qint64 offsetMs);
    // lastExchange() changed.
    void exchangeRecorded();

private:
    struct Call;
    struct Host
    {
        int inFlight = 0;
        std::deque<quint64> waiting;
    };

    QFuture<Reply> start(Request request, bool clockProbe);
    void enqueue(quint64 id);
    void releaseSlot(const QByteArray& hostKey);
    void startAttempt(quint64 id);
    void onReadyRead(quint64 id, int attempt);
    void onMetaData(quint64 id, int attempt);
    void onTimeout(quint64 id, int attempt);
    void onFinished(quint64 id, int attempt);
    Reply outcomeOf(Call& call, QNetworkReply& reply);
    void recordExchange(const Call& call, const QNetworkReply* reply, const Reply& outcome);
    void afterFailure(quint64 id, Reply outcome, std::optional<qint64> dateHeader);
    void correctClockAndResend(quint64 id, Reply outcome, std::optional<qint64> dateHeader);
    void learnOffset(qint64 platformSeconds, qint64 sentLocalMs);
    void finish(quint64 id, Reply outcome);
    void abortAttempt(Call& call);
    Call* find(quint64 id, int attempt);

    PlatformEndpoint m_endpoint;
    const core::Clock& m_clock;
    TransportOptions m_options;
    QNetworkAccessManager* m_nam = nullptr;
    Backoff m_backoff;
    std::map<quint64, std::unique_ptr<Call>> m_calls;
    QHash<QByteArray, Host> m_hosts;
    quint64 m_nextId = 1;
    qint64 m_offsetMs = 0;
    bool m_shuttingDown = false;
    Exchange m_lastExchange;
};

} // namespace cardops::sync
