#include "sync/fulfilmentlease.h"

#include "core/clock.h"
#include "storage/databasewriter.h"
#include "storage/platformcache.h"
#include "storage/writecontext.h"
#include "sync/transport/platformtransport.h"

#include <QFutureWatcher>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>
#include <QUuid>
#include <utility>

using namespace Qt::StringLiterals;

namespace cardops::sync {

namespace {

const QByteArray kLeasePath = QByteArrayLiteral("/v1/fulfilment/lease");

// One key per take, renewal cycle or release. A renewal retried after a lost answer reuses its key:
// a replayed answer carries the earlier (shorter) expires_at, which only errs towards "not held".
QByteArray newKey()
{
    return "lease-" + QUuid::createUuid().toByteArray(QUuid::Id128);
}

struct LeaseData
{
    QByteArray holder;
    qint64 expiresAt = 0;
    bool valid = false;
};

LeaseData leaseFrom(const QJsonValue& value)
{
    LeaseData d;
    const QJsonObject o = value.toObject();
    const QJsonValue holder = o.value(u"holder");
    const QJsonValue expires = o.value(u"expires_at");
    if (!holder.isString() || !expires.isDouble())
        return d;
    d.holder = holder.toString().toUtf8();
    d.expiresAt = expires.toInteger(-1);
    d.valid = d.expiresAt >= 0;
    return d;
}

LeaseData leaseFrom(const QByteArray& json)
{
    return leaseFrom(QJsonDocument::fromJson(json).object());
}

} // namespace

FulfilmentLease::FulfilmentLease(PlatformTransport& transport, const core::Clock& clock, QByteArray holderId,
                                 storage::DatabaseWriter* cache, QObject* parent)
    : FulfilmentLease(transport, clock, std::move(holderId), Options{}, cache, parent)
{}

FulfilmentLease::FulfilmentLease(PlatformTransport& transport, const core::Clock& clock, QByteArray holderId,
                                 const Options& options, storage::DatabaseWriter* cache, QObject* parent)
    : QObject(parent)
    , m_transport(transport)
    , m_clock(clock)
    , m_holder(std::move(holderId))
    , m_options(options)
    , m_cache(cache)
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    m_timer->setTimerType(Qt::PreciseTimer);
    connect(m_timer, &QTimer::timeout, this, &FulfilmentLease::evaluate);
}

FulfilmentLease::~FulfilmentLease() = default;

qint64 FulfilmentLease::now() const
{
    // expires_at is the platform's time; the transport keeps the offset of our clock to it.
    return m_transport.platformNowMilliseconds();
}

qint64 FulfilmentLease::deadline() const
{
    return m_expiresAtMs - m_options.safetyMargin.count();
}

bool FulfilmentLease::isHeld() const
{
    // Compared with the clock on every call rather than trusting the state: a renewal still
    // waiting for its answer must not keep the worker going past the margin.
    return (m_state == State::Held || m_state == State::Renewing) && now() < deadline();
}

void FulfilmentLease::take()
{
    if (m_state == State::Taking || m_state == State::Held || m_state == State::Renewing)
        return;
    if (m_state == State::Releasing) {
        // A take racing the release could land first and then be undone by it on the platform.
        m_takeAfterRelease = true;
        return;
    }
    ++m_generation;
    m_state = State::Taking;
    m_otherHolder.clear();
    m_expiresAtMs = 0;
    m_key = newKey();
    send("POST", 0);
}

void FulfilmentLease::release()
{
    m_takeAfterRelease = false;
    if (m_state == State::Idle || m_state == State::Releasing)
        return;
    // Work stops now, not when the platform answers: isHeld() is false from here on.
    ++m_generation;
    m_state = State::Releasing;
    m_expiresAtMs = 0;
    m_timer->stop();
    m_key = newKey();
    send("DELETE", 0);
}

void FulfilmentLease::send(const QByteArray& method, int maxAttempts)
{
    Request request;
    request.method = method;
    request.path = kLeasePath;
    request.body =
        QJsonDocument(QJsonObject{{u"holder"_s, QString::fromUtf8(m_holder)}}).toJson(QJsonDocument::Compact);
    request.idempotencyKey = m_key;
    request.maxAttempts = maxAttempts;

    const quint64 generation = m_generation;
    const qint64 sentAt = now();
    m_inFlight = true;
    // A child watcher rather than then(this, …): the transport may finish the future after this
    // object is gone, which Qt 6.4's context continuation does not survive.
    auto* watcher = new QFutureWatcher<Reply>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation, sentAt, method] {
        watcher->deleteLater();
        const QFuture<Reply> done = watcher->future();
        Reply reply;
        if (done.resultCount() > 0)
            reply = done.result();
        else
            reply.error.kind = CallError::Cancelled;
        if (method == "DELETE")
            onReleased(generation, reply);
        else
            onTakeOrRenew(generation, sentAt, reply);
    });
    watcher->setFuture(m_transport.send(std::move(request)));
}

void FulfilmentLease::onTakeOrRenew(quint64 generation, qint64 sentPlatformMs, const Reply& reply)
{
    if (generation != m_generation)
        return; // released or lost meanwhile: that answer no longer decides anything
    m_inFlight = false;
    const bool taking = m_state == State::Taking;

    if (reply.ok()) {
        const LeaseData lease = leaseFrom(reply.response->data);
        if (lease.valid && lease.holder == m_holder)
            return confirm(lease.expiresAt, sentPlatformMs);
        if (lease.valid)
            return loseLease(u"the platform answered with another holder"_s, lease.holder, lease.expiresAt);
        if (taking)
            return loseLease(u"the platform's answer is not a lease"_s, {}, 0);
        m_renewAtMs = now() + m_options.retryDelay.count();
        return evaluate();
    }

    const CallError& error = reply.error;
    if (error.kind == CallError::LeaseHeld) {
        const LeaseData other = leaseFrom(error.data);
        return loseLease(u"held by another"_s, other.holder, other.expiresAt);
    }
    if (!taking && error.retriable()) {
        // Still ours until the margin: try again soon with the same key, evaluate() gives up then.
        m_renewAtMs = now() + m_options.retryDelay.count();
        return evaluate();
    }
    loseLease((taking ? u"take failed: "_s : u"renewal failed: "_s) + error.describe(), {}, 0);
}

void FulfilmentLease::confirm(qint64 expiresAtSeconds, qint64 sentPlatformMs)
{
    // The platform counts its TTL from when it handled the call, which is after we sent it; an
    // expires_at beyond sent + TTL means the clocks disagree, and the earlier instant is the safe one.
    const qint64 expires = qMin(expiresAtSeconds * 1000, sentPlatformMs + m_options.maxTtl.count());
    const qint64 t = now();
    if (expires - m_options.safetyMargin.count() <= t)
        return loseLease(u"confirmed expiry already within the safety margin"_s, {}, 0);

    const bool first = m_state == State::Taking;
    m_state = State::Held;
    m_expiresAtMs = expires;
    m_key = newKey(); // the next renewal is a new cycle
    const qint64 remaining = expires - t;
    // A third of the remaining time (20 s of 60), never later than expires_at − renewLead; a
    // platform with a short TTL is renewed often but never in a tight loop.
    m_renewAtMs = qMax(qMin(t + remaining / 3, expires - m_options.renewLead.count()), t + remaining / 6);
    remember(m_holder, expiresAtSeconds);
    schedule();
    if (first)
        Q_EMIT acquired(expiresAtSeconds);
    else
        Q_EMIT renewed(expiresAtSeconds);
}

void FulfilmentLease::onReleased(quint64 generation, const Reply& reply)
{
    if (generation != m_generation || m_state != State::Releasing)
        return;
    m_inFlight = false;
    m_state = State::Idle;
    // 409/40901: someone else holds it, so it is not ours either. A failure otherwise: the lease
    // lapses by itself within the TTL; the cache keeps what the next GET /v1/shop says.
    if (reply.ok())
        remember({}, 0);
    Q_EMIT released();
    if (std::exchange(m_takeAfterRelease, false))
        take();
}

void FulfilmentLease::loseLease(const QString& reason, const QByteArray& otherHolder, qint64 otherExpiresAt)
{
    ++m_generation;
    m_state = State::Lost;
    m_inFlight = false;
    m_expiresAtMs = 0;
    m_renewAtMs = 0;
    m_otherHolder = otherHolder;
    m_timer->stop();
    if (!otherHolder.isEmpty())
        remember(otherHolder, otherExpiresAt);
    Q_EMIT lost(reason, otherHolder);
}

void FulfilmentLease::evaluate()
{
    if (m_state != State::Held && m_state != State::Renewing)
        return;
    const qint64 t = now();
    // The margin first: a renewal that is due but too late must not keep the lease alive.
    if (t >= deadline())
        return loseLease(u"renewal not confirmed before expires_at minus the safety margin"_s, {}, 0);
    if (!m_inFlight && t >= m_renewAtMs) {
        m_state = State::Renewing;
        send("POST", 1); // retried here, not by the transport, so the margin stays in charge
    }
    schedule();
}

void FulfilmentLease::schedule()
{
    if (m_state != State::Held && m_state != State::Renewing) {
        m_timer->stop();
        return;
    }
    const qint64 next = m_inFlight ? deadline() : qMin(deadline(), m_renewAtMs);
    // Capped so a clock that jumps (a corrected offset, a test's ManualClock) is noticed soon.
    const qint64 delay = qBound(qint64{0}, next - now(), qint64{m_options.checkInterval.count()});
    m_timer->start(std::chrono::milliseconds(delay));
}

void FulfilmentLease::remember(const QByteArray& holder, qint64 expiresAtSeconds)
{
    if (!m_cache)
        return;
    const QString h = QString::fromUtf8(holder);
    const QString e = QString::number(expiresAtSeconds);
    // Fire and forget: the writer is FIFO, so the last state written is the last one learnt.
    (void)m_cache->submit(u"lease.state"_s, [h, e](storage::WriteContext& ctx) -> core::Result<void> {
        auto r = storage::platformcache::setState(ctx, storage::statekeys::LeaseHolder, h);
        if (r)
            r = storage::platformcache::setState(ctx, storage::statekeys::LeaseExpiresAt, e);
        return r;
    });
}

} // namespace cardops::sync
