#include "sync/transport/platformtransport.h"

#include "core/signing.h"
#include "sync/transport/envelope.h"
#include "sync/transport/requestbuilder.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPromise>
#include <QTimer>
#include <random>

using namespace Qt::StringLiterals;

namespace cardops::sync {

struct PlatformTransport::Call
{
    enum class State { Queued, Running, Waiting };

    Request request;
    wire::Target target;
    bool clockProbe = false;     // the GET /v1/shop of a clock correction: never corrects itself
    bool clockCorrected = false; // a 40103 was answered by a correction already
    int maxAttempts = 1;
    int attempts = 0;
    State state = State::Queued;
    bool holdsSlot = false;
    QPromise<Reply> promise;
    // the attempt on the wire
    QNetworkReply* reply = nullptr;
    QByteArray body;
    qint64 received = 0;
    bool timedOut = false;
    bool tooLarge = false;
    qint64 sentLocalMs = 0;
    Exchange exchange;
};

namespace {

quint64 seedFrom(quint64 configured)
{
    if (configured != 0)
        return configured;
    std::random_device device;
    return (quint64{device()} << 32) ^ quint64 { device() };
}

Reply failed(CallError::Kind kind, QString message)
{
    Reply r;
    r.error.kind = kind;
    r.error.message = std::move(message);
    return r;
}

QFuture<Reply> ready(Reply reply)
{
    return QtFuture::makeReadyFuture(std::move(reply));
}

bool isShopRequest(const Request& r)
{
    return r.method == "GET" && r.path == "/v1/shop";
}

std::optional<qint64> platformTimeIn(QByteArrayView json)
{
    const QJsonValue t = QJsonDocument::fromJson(json.toByteArray()).object().value(u"platform_time"_s);
    const double d = t.toDouble(-1);
    if (!t.isDouble() || d <= 0 || d > 1e12 || d != static_cast<double>(static_cast<qint64>(d)))
        return std::nullopt;
    return static_cast<qint64>(d);
}

// Errors below 200 happen at or under the HTTP framing (connection, proxy, TLS); ProtocolFailure is
// a framing error too. After a status line arrived they mean a truncated or broken body.
bool isTransportLevel(QNetworkReply::NetworkError e)
{
    return (e > QNetworkReply::NoError && e < QNetworkReply::ContentAccessDenied) ||
           e == QNetworkReply::ProtocolFailure;
}

} // namespace

PlatformTransport::PlatformTransport(PlatformEndpoint endpoint, const core::Clock& clock,
                                     TransportOptions options, QObject* parent)
    : QObject(parent)
    , m_endpoint(std::move(endpoint))
    , m_clock(clock)
    , m_options(options)
    , m_nam(new QNetworkAccessManager(this))
    , m_backoff(options.baseBackoff, options.maxBackoff, seedFrom(options.jitterSeed))
{
    m_options.maxAttempts = std::max(1, m_options.maxAttempts);
    m_options.perHostConcurrency = std::max(1, m_options.perHostConcurrency);
    m_nam->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

PlatformTransport::~PlatformTransport()
{
    m_shuttingDown = true;
    cancelAll();
}

std::optional<CallError> PlatformTransport::checkEndpoint(const PlatformEndpoint& endpoint)
{
    return wire::checkEndpoint(endpoint);
}

std::optional<CallError> PlatformTransport::checkRequest(const Request& request)
{
    return wire::checkRequest(request);
}

void PlatformTransport::setClockOffsetMilliseconds(qint64 offsetMs)
{
    if (offsetMs == m_offsetMs)
        return;
    m_offsetMs = offsetMs;
    Q_EMIT clockOffsetChanged(offsetMs);
}

qint64 PlatformTransport::platformNowMilliseconds() const
{
    return m_clock.nowMilliseconds() + m_offsetMs;
}

qint64 PlatformTransport::platformNowSeconds() const
{
    const qint64 ms = platformNowMilliseconds();
    return ms >= 0 ? ms / 1000 : (ms - 999) / 1000;
}

int PlatformTransport::inFlightCount() const
{
    int n = 0;
    for (const Host& h : m_hosts)
        n += h.inFlight;
    return n;
}

int PlatformTransport::pendingCount() const
{
    return static_cast<int>(m_calls.size());
}

QFuture<Reply> PlatformTransport::send(Request request)
{
    return start(std::move(request), false);
}

QFuture<Reply> PlatformTransport::syncClock()
{
    Request shop;
    shop.method = "GET";
    shop.path = "/v1/shop";
    return start(std::move(shop), true);
}

QFuture<Reply> PlatformTransport::start(Request request, bool clockProbe)
{
    if (m_shuttingDown)
        return ready(failed(CallError::Cancelled, u"the transport is shutting down"_s));
    if (auto e = wire::checkEndpoint(m_endpoint))
        return ready(Reply{std::nullopt, *e});
    if (auto e = wire::checkRequest(request))
        return ready(Reply{std::nullopt, *e});
    auto target = wire::target(m_endpoint, request);
    if (auto* e = std::get_if<CallError>(&target))
        return ready(Reply{std::nullopt, *e});

    auto call = std::make_unique<Call>();
    call->target = std::get<wire::Target>(std::move(target));
    call->maxAttempts = request.maxAttempts > 0 ? request.maxAttempts : m_options.maxAttempts;
    call->request = std::move(request);
    call->clockProbe = clockProbe;
    call->promise.start();
    QFuture<Reply> future = call->promise.future();
    const quint64 id = m_nextId++;
    m_calls.emplace(id, std::move(call));
    enqueue(id);
    return future;
}

PlatformTransport::Call* PlatformTransport::find(quint64 id, int attempt)
{
    const auto it = m_calls.find(id);
    if (it == m_calls.end() || it->second->state != Call::State::Running || it->second->attempts != attempt)
        return nullptr;
    return it->second.get();
}

void PlatformTransport::enqueue(quint64 id)
{
    Call& c = *m_calls.at(id);
    Host& host = m_hosts[c.target.hostKey];
    c.state = Call::State::Queued;
    if (host.inFlight < m_options.perHostConcurrency && host.waiting.empty()) {
        ++host.inFlight;
        c.holdsSlot = true;
        startAttempt(id);
    } else {
        host.waiting.push_back(id);
    }
}

void PlatformTransport::releaseSlot(const QByteArray& hostKey)
{
    const auto it = m_hosts.find(hostKey);
    if (it == m_hosts.end())
        return;
    Host& host = *it;
    --host.inFlight;
    while (host.inFlight < m_options.perHostConcurrency && !host.waiting.empty()) {
        const quint64 next = host.waiting.front();
        host.waiting.pop_front();
        const auto c = m_calls.find(next);
        if (c == m_calls.end() || c->second->state != Call::State::Queued)
            continue;
        ++host.inFlight;
        c->second->holdsSlot = true;
        startAttempt(next);
    }
}

void PlatformTransport::startAttempt(quint64 id)
{
    Call& c = *m_calls.at(id);
    c.state = Call::State::Running;
    ++c.attempts;
    c.body.clear();
    c.received = 0;
    c.timedOut = false;
    c.tooLarge = false;

    const auto nonce = core::signing::generateNonce(m_options.nonceLength);
    if (!nonce) {
        const int attempt = c.attempts;
        const QString why = u"no nonce: "_s + nonce.error().detail;
        QTimer::singleShot(0, this, [this, id, attempt, why] {
            if (Call* call = find(id, attempt)) {
                call->holdsSlot = false;
                releaseSlot(call->target.hostKey);
                finish(id, failed(CallError::InvalidRequest, why));
            }
        });
        return;
    }
    c.sentLocalMs = m_clock.nowMilliseconds();
    const QByteArray timestamp = QByteArray::number(platformNowSeconds());
    const Request& r = c.request;
    const QByteArray canonical = core::signing::platformCanonical(
        r.method, c.target.signedPath, c.target.signedQuery, timestamp, *nonce, r.body);
    HeaderList headers = {
        {"X-App-Id", m_endpoint.appId},
        {"X-Timestamp", timestamp},
        {"X-Nonce", *nonce},
        {"X-Signature", core::signing::platformSignature(m_endpoint.secret, canonical)},
        {"Accept", "application/json"},
        {"Accept-Language", "zh-CN"},
        {"User-Agent", "CardOps"},
    };
    if (wire::isWriteMethod(r.method))
        headers.append(std::pair<QByteArray, QByteArray>("Idempotency-Key", r.idempotencyKey));
    if (r.ifMatch)
        headers.append(std::pair<QByteArray, QByteArray>("If-Match", QByteArray::number(*r.ifMatch)));
    if (!r.body.isEmpty())
        headers.append(std::pair<QByteArray, QByteArray>("Content-Type", "application/json; charset=utf-8"));

    QNetworkRequest q(c.target.url);
    q.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    q.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    q.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    q.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    q.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    q.setAttribute(QNetworkRequest::AuthenticationReuseAttribute, QNetworkRequest::Manual);
    for (const auto& [name, value] : headers)
        q.setRawHeader(name, value);

    c.exchange = Exchange{};
    c.exchange.method = r.method;
    c.exchange.url = c.target.url.toEncoded();
    c.exchange.requestHeaders = headers;
    c.exchange.requestBody = r.body;
    c.exchange.canonical = canonical;
    c.exchange.attempt = c.attempts;

    QNetworkReply* reply = r.method == "GET" ? m_nam->get(q) : m_nam->sendCustomRequest(q, r.method, r.body);
    c.reply = reply;
    const int attempt = c.attempts;
    connect(reply, &QNetworkReply::metaDataChanged, this, [this, id, attempt] { onMetaData(id, attempt); });
    connect(reply, &QNetworkReply::readyRead, this, [this, id, attempt] { onReadyRead(id, attempt); });
    connect(reply, &QNetworkReply::finished, this, [this, id, attempt, reply] {
        reply->deleteLater();
        onFinished(id, attempt);
    });
    QTimer::singleShot(m_options.timeout, Qt::PreciseTimer, this,
                       [this, id, attempt] { onTimeout(id, attempt); });
}

void PlatformTransport::abortAttempt(Call& c)
{
    // abort() may emit finished() at once; onFinished reads the flags set before this call.
    if (c.reply)
        c.reply->abort();
}

void PlatformTransport::onMetaData(quint64 id, int attempt)
{
    Call* c = find(id, attempt);
    if (!c || !c->reply)
        return;
    bool known = false;
    const qint64 length = c->reply->header(QNetworkRequest::ContentLengthHeader).toLongLong(&known);
    if (known && length > m_options.maxBodyBytes) {
        c->tooLarge = true;
        abortAttempt(*c);
    }
}

void PlatformTransport::onReadyRead(quint64 id, int attempt)
{
    Call* c = find(id, attempt);
    if (!c || !c->reply || c->tooLarge)
        return;
    const QByteArray chunk = c->reply->readAll();
    c->received += chunk.size();
    if (c->received > m_options.maxBodyBytes) {
        c->tooLarge = true;
        abortAttempt(*c);
        return;
    }
    c->body += chunk;
}

void PlatformTransport::onTimeout(quint64 id, int attempt)
{
    Call* c = find(id, attempt);
    if (!c || !c->reply)
        return;
    c->timedOut = true;
    abortAttempt(*c);
}

Reply PlatformTransport::outcomeOf(Call& c, QNetworkReply& reply)
{
    if (c.tooLarge) {
        return failed(CallError::TooLarge, u"response body larger than "_s +
                                               QString::number(m_options.maxBodyBytes) + u" bytes"_s);
    }
    if (c.timedOut) {
        return failed(CallError::Timeout, u"no complete answer within "_s +
                                              QString::number(m_options.timeout.count()) + u" ms"_s);
    }
    const auto error = reply.error();
    const int status = reply.attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (error == QNetworkReply::SslHandshakeFailedError)
        return failed(CallError::Tls, reply.errorString());
    if (status == 0) {
        Reply r = failed(CallError::Network, reply.errorString());
        return r;
    }
    const QByteArray contentType = reply.rawHeader("Content-Type");
    if (isTransportLevel(error)) {
        if (status >= 200 && status <= 299) {
            Reply r = failed(CallError::Malformed, u"truncated: the connection failed after "_s +
                                                       QString::number(c.received) + u" body bytes ("_s +
                                                       reply.errorString() + u')');
            r.error.httpStatus = status;
            return r;
        }
        return envelope::interpret(status, contentType, {}, {}, reply.rawHeader("Location"));
    }
    std::chrono::milliseconds retryAfter{0};
    if (const auto s = parseRetryAfterSeconds(reply.rawHeader("Retry-After"), platformNowSeconds())) {
        const qint64 unit = m_options.retryAfterUnit.count();
        retryAfter =
            std::chrono::milliseconds{*s > std::numeric_limits<qint64>::max() / std::max<qint64>(unit, 1)
                                          ? std::numeric_limits<qint64>::max()
                                          : *s * unit};
    }
    return envelope::interpret(status, contentType, c.body, retryAfter, reply.rawHeader("Location"));
}

void PlatformTransport::recordExchange(const Call& c, const QNetworkReply* reply, const Reply& outcome)
{
    Exchange e = c.exchange;
    if (reply) {
        e.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        for (const auto& pair : reply->rawHeaderPairs())
            e.responseHeaders.append({pair.first, pair.second});
    }
    e.responseBody = c.body.left(m_options.diagnosticsBodyBytes);
    e.responseBodyBytes = c.received;
    e.outcome = outcome.ok() ? u"ok"_s : outcome.error.describe();
    m_lastExchange = std::move(e);
    Q_EMIT exchangeRecorded();
}

void PlatformTransport::onFinished(quint64 id, int attempt)
{
    Call* c = find(id, attempt);
    if (!c || !c->reply)
        return;
    QNetworkReply* reply = c->reply;
    c->reply = nullptr;
    if (!c->tooLarge && !c->timedOut) {
        const QByteArray rest = reply->readAll();
        c->received += rest.size();
        if (c->received > m_options.maxBodyBytes)
            c->tooLarge = true;
        else
            c->body += rest;
    }
    Reply outcome = outcomeOf(*c, *reply);
    outcome.error.attempts = c->attempts;
    recordExchange(*c, reply, outcome);
    c->state = Call::State::Waiting;
    const std::optional<qint64> date = parseHttpDate(reply->rawHeader("Date"));
    const bool shopAnswer = outcome.ok() && isShopRequest(c->request);
    const qint64 sentLocalMs = c->sentLocalMs;
    if (c->holdsSlot) {
        c->holdsSlot = false;
        releaseSlot(c->target.hostKey);
    }
    if (shopAnswer) {
        if (const auto t = platformTimeIn(outcome.response->rawData()))
            learnOffset(*t, sentLocalMs);
    }
    if (outcome.ok())
        finish(id, std::move(outcome));
    else
        afterFailure(id, std::move(outcome), date);
}

void PlatformTransport::afterFailure(quint64 id, Reply outcome, std::optional<qint64> dateHeader)
{
    const auto it = m_calls.find(id);
    if (it == m_calls.end())
        return;
    Call& c = *it->second;
    const CallError& e = outcome.error;
    if (e.kind == CallError::Clock && !c.clockCorrected && !c.clockProbe) {
        c.clockCorrected = true;
        correctClockAndResend(id, std::move(outcome), dateHeader);
        return;
    }
    const bool tooLongToWait = e.kind == CallError::RateLimited && e.retryAfter > m_options.maxRetryAfter;
    if (!e.retriable() || tooLongToWait || c.attempts >= c.maxAttempts) {
        finish(id, std::move(outcome));
        return;
    }
    const std::chrono::milliseconds delay = e.kind == CallError::RateLimited && e.retryAfter.count() > 0
                                                ? e.retryAfter
                                                : m_backoff.delayBeforeRetry(c.attempts);
    const int attempt = c.attempts;
    QTimer::singleShot(delay, Qt::PreciseTimer, this, [this, id, attempt] {
        const auto call = m_calls.find(id);
        if (call != m_calls.end() && call->second->state == Call::State::Waiting &&
            call->second->attempts == attempt)
            enqueue(id);
    });
    Q_EMIT retryScheduled(c.request.method, c.request.path, attempt + 1, delay.count(), e);
}

void PlatformTransport::correctClockAndResend(quint64 id, Reply outcome, std::optional<qint64> dateHeader)
{
    Call& c = *m_calls.at(id);
    if (const auto t = platformTimeIn(outcome.error.data)) {
        learnOffset(*t, c.sentLocalMs);
        enqueue(id);
        return;
    }
    const qint64 sentLocalMs = c.sentLocalMs;
    const int attempt = c.attempts;
    syncClock().then(this, [this, id, attempt, outcome, dateHeader, sentLocalMs](const Reply& shop) {
        const auto it = m_calls.find(id);
        if (it == m_calls.end() || it->second->state != Call::State::Waiting ||
            it->second->attempts != attempt)
            return;
        if (!shop.ok() && !dateHeader) {
            finish(id, outcome);
            return;
        }
        if (!shop.ok())
            learnOffset(*dateHeader, sentLocalMs);
        enqueue(id);
    });
}

void PlatformTransport::learnOffset(qint64 platformSeconds, qint64 sentLocalMs)
{
    // The platform's second started somewhere in the last 1000 ms: aim at its middle, and at the
    // middle of the round trip on our side.
    const qint64 localMid = sentLocalMs + (m_clock.nowMilliseconds() - sentLocalMs) / 2;
    setClockOffsetMilliseconds(platformSeconds * 1000 + 500 - localMid);
}

void PlatformTransport::finish(quint64 id, Reply outcome)
{
    auto node = m_calls.extract(id);
    if (node.empty())
        return;
    Call& c = *node.mapped();
    if (outcome.ok())
        outcome.response->attempts = c.attempts;
    else
        outcome.error.attempts = c.attempts;
    c.promise.addResult(std::move(outcome));
    c.promise.finish();
}

void PlatformTransport::cancelAll()
{
    auto calls = std::move(m_calls);
    m_calls.clear();
    m_hosts.clear();
    for (auto& [id, c] : calls) {
        if (QNetworkReply* reply = c->reply) {
            c->reply = nullptr;
            disconnect(reply, nullptr, this, nullptr);
            reply->abort();
            reply->deleteLater();
        }
    }
    for (auto& [id, c] : calls) {
        Reply r = failed(CallError::Cancelled, u"cancelled"_s);
        r.error.attempts = c->attempts;
        c->promise.addResult(std::move(r));
        c->promise.finish();
    }
}

} // namespace cardops::sync
