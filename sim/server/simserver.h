#pragma once

#include "core/clock.h"
#include "sim/data/liveorders.h"
#include "sim/data/platformstate.h"
#include "sim/server/apihandler.h"
#include "sim/server/faults.h"
#include "sim/server/httpfront.h"
#include "sim/server/supplierroles.h"

#include <QHostAddress>
#include <QObject>
#include <memory>

class QTimer;

namespace cardops::sim {

// The platform simulator as an object: owns a PlatformState, the live order generator, the web
// admin editor and the fault injector, and serves Platform API v1 over HTTP (app id "demo", secret
// "demo-secret"). Usable in-process by tests:
//   ManualClock clock(…); SimServer server(generatePlatform(params, clock), clock);
//   const quint16 port = server.listen(QHostAddress::LocalHost);
// Lives in (and must be used from) the thread that created it; answers come from its event loop.
class SimServer : public QObject
{
    Q_OBJECT
public:
    SimServer(std::unique_ptr<PlatformState> state, const core::Clock& clock, QObject* parent = nullptr);
    ~SimServer() override;

    // Listens for HTTP; returns the port (port 0 = any free port), 0 on failure.
    quint16 listen(const QHostAddress& address = QHostAddress::LocalHost, quint16 port = 0);

    PlatformState& state() { return *m_state; }
    LiveOrderGenerator& liveOrders() { return m_live; }
    WebEditor& editor() { return m_editor; }
    // The cards of the orders, derived from the seed; reveals are counted there.
    CardStore& cards() { return m_api.cards(); }
    // The supplier roles on the same port: Fulu (POST /api/getway) and acg-faka (POST /shared/…),
    // with their own faults (SupplierRoles::setFaults).
    SupplierRoles& suppliers() { return m_suppliers; }

    void setFaults(const FaultConfig& config) { m_faults.setConfig(config); }
    const FaultConfig& faults() const { return m_faults.config(); }
    // How often each fault actually happened, and how many requests came in.
    qint64 faultCount(FaultMode mode) const { return m_faults.count(mode); }
    qint64 requestCount() const { return m_requests; }

    // Ticks the live order generator every `intervalMs` of real time (the executable; tests drive
    // the clock and the generator themselves). 0 stops it.
    void setLiveTickInterval(int intervalMs);

    // One request through faults, verification and the API, without HTTP.
    ResponsePlan process(const SimRequest& request);

private:
    std::unique_ptr<PlatformState> m_state;
    const core::Clock& m_clock;
    LiveOrderGenerator m_live;
    WebEditor m_editor;
    ApiHandler m_api;
    FaultInjector m_faults;
    SupplierRoles m_suppliers;
    HttpFront m_front;
    QTimer* m_tick = nullptr;
    qint64 m_requests = 0;
};

} // namespace cardops::sim
