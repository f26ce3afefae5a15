#pragma once

#include "sync/transport/callerror.h"

#include <QByteArray>
#include <QObject>
#include <QString>
#include <chrono>

class QTimer;

namespace cardops::core {
class Clock;
}
namespace cardops::storage {
class DatabaseWriter;
}

namespace cardops::sync {

class PlatformTransport;
struct Reply;

// The client side of the platform's fulfilment lease (docs/platform-api.md, "Fulfilment lease";
// docs/fulfilment.md, "Fulfilment lease"): only the holder decides or delivers handed-over orders,
// so this object answers one question for the worker — isHeld() — and errs on the side of "no".
//
// take() asks for the lease; while held it is renewed on its own (a third of the remaining time
// after each confirmation, never later than expires_at − renewLead); release() gives it back.
// Every deadline is measured in platform time (the injected clock plus the transport's offset), so
// a test that moves a ManualClock moves the lease with it; the timer only decides how soon that
// clock is looked at again.
//
//   Idle ──take()──▶ Taking ──ok──▶ Held ──renew due──▶ Renewing ──ok──▶ Held
//                      │                                   │ 409/40901, refused, no answer by
//                      └── refused ──▶ Lost ◀──────────────┘ expires_at − safetyMargin
//   Held/Renewing ──release()──▶ Releasing ──▶ Idle (released())
//
// A renewal that is not confirmed by expires_at − safetyMargin is lost at that instant, even with
// the answer still on its way: isHeld() compares with the clock itself and turns false then, and
// the timer emits lost() at once. Lost is final for that lease; take() starts again.
//
// Lives in the transport's thread. The transport (and the optional cache writer) must outlive it.
class FulfilmentLease : public QObject
{
    Q_OBJECT
public:
    enum class State { Idle, Taking, Held, Renewing, Releasing, Lost };
    Q_ENUM(State)

    struct Options
    {
        std::chrono::milliseconds safetyMargin{10000}; // stop work this long before expires_at
        std::chrono::milliseconds renewLead{20000};    // renew no later than expires_at − this
        std::chrono::milliseconds retryDelay{2000};    // between renewal attempts that got no answer
        std::chrono::milliseconds maxTtl{60000};       // the platform's TTL (caps a far-off expires_at)
        std::chrono::milliseconds checkInterval{500};  // how often the clock is looked at, at most
    };

    // holderId: stable per installation and profile ([A-Za-z0-9_-], 1–128 chars); the platform
    // names it to other consoles. cache: when given, the lease as this client last learnt it is
    // written to the cache's sync state (statekeys::LeaseHolder / LeaseExpiresAt) so the console
    // shows it.
    FulfilmentLease(PlatformTransport& transport, const core::Clock& clock, QByteArray holderId,
                    storage::DatabaseWriter* cache = nullptr, QObject* parent = nullptr);
    FulfilmentLease(PlatformTransport& transport, const core::Clock& clock, QByteArray holderId,
                    const Options& options, storage::DatabaseWriter* cache = nullptr,
                    QObject* parent = nullptr);
    ~FulfilmentLease() override;

    const QByteArray& holderId() const { return m_holder; }
    State state() const { return m_state; }

    // True only while the lease is certainly ours: confirmed by the platform and the clock still
    // before expires_at − safetyMargin. Read it before every decision or delivery.
    bool isHeld() const;
    // The platform's expires_at (unix seconds) of the lease as last confirmed; 0 when not held.
    qint64 expiresAt() const { return m_expiresAtMs / 1000; }
    // After lost(): who holds it instead ("" when unknown).
    const QByteArray& otherHolder() const { return m_otherHolder; }

    // Takes the lease (also from Lost). Ignored while taking or held.
    void take();
    // Stops work at once and gives the lease back; released() follows the platform's answer (or
    // its failure: a lease not given back lapses by itself within the TTL).
    void release();

Q_SIGNALS:
    void acquired(qint64 expiresAt);
    void renewed(qint64 expiresAt);
    // reason: an English detail ("held by another", "renewal not confirmed in time", …);
    // otherHolder: the holder the platform named on 409/40901, else "".
    void lost(const QString& reason, const QByteArray& otherHolder);
    void released();

private:
    void send(const QByteArray& method, int maxAttempts);
    void onTakeOrRenew(quint64 generation, qint64 sentPlatformMs, const Reply& reply);
    void onReleased(quint64 generation, const Reply& reply);
    void confirm(qint64 expiresAtSeconds, qint64 sentPlatformMs);
    void loseLease(const QString& reason, const QByteArray& otherHolder, qint64 otherExpiresAt);
    void evaluate();
    void schedule();
    void remember(const QByteArray& holder, qint64 expiresAtSeconds);
    qint64 now() const;
    qint64 deadline() const;

    PlatformTransport& m_transport;
    const core::Clock& m_clock;
    const QByteArray m_holder;
    const Options m_options;
    storage::DatabaseWriter* m_cache = nullptr;
    QTimer* m_timer = nullptr;

    State m_state = State::Idle;
    quint64 m_generation = 0; // bumped on take/release/lost: answers to older calls are ignored
    QByteArray m_key;         // idempotency key of the current take or renewal cycle
    qint64 m_expiresAtMs = 0; // platform ms: expires_at as confirmed, capped by sent + maxTtl
    qint64 m_renewAtMs = 0;   // platform ms: next renewal attempt
    bool m_inFlight = false;
    bool m_takeAfterRelease = false; // take() arrived while a release was on its way
    QByteArray m_otherHolder;
};

} // namespace cardops::sync
