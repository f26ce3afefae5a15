#pragma once

#include "core/clock.h"
#include "sim/data/acgfakastate.h"
#include "sim/data/fulustate.h"
#include "sim/data/simtypes.h"
#include "sim/server/acgfakahandler.h"
#include "sim/server/faults.h"
#include "sim/server/fulugateway.h"
#include "sim/server/httpfront.h"

#include <memory>

namespace cardops::sim {

// What the supplier roles start from (cardops-sim --seed, --fulu-*, --acg-balance).
struct SupplierParams
{
    quint64 seed = 1;
    FuluState::Timing fulu;
    Money fuluBalance = Money::fromYuan(10000);
    Money acgBalance = Money::fromYuan(5000);
};

// Faults of the supplier roles: the platform's modes (latency, 5xx, 429, timeout, truncated,
// malformed, bad-signature; the feed and editor modes do not apply) plus two of their own.
struct SupplierFaultConfig
{
    FaultConfig shared;
    double lostResponse = 0;  // a purchase is executed, then the connection closes without a byte
    double badResultSign = 0; // Fulu: a correct answer whose `sign` does not match its result
    bool fulu = true;         // which roles the faults strike
    bool acgFaka = true;
};

// The simulator's supplier roles on the platform's port: the Fulu gateway (POST /api/getway) and
// the acg-faka shared store (POST /shared/…), with their own fault dice. SimServer hands every
// request whose path serves() accepts to process(). Not thread-safe: the server's thread owns it.
class SupplierRoles
{
public:
    explicit SupplierRoles(const core::Clock& clock, const SupplierParams& params = {});
    ~SupplierRoles();

    static bool serves(QByteArrayView path);
    ResponsePlan process(const SimRequest& request);

    // Starts both roles afresh: catalogues from the seed (with the linked products), balances, no
    // orders.
    void reset(const SupplierParams& params);
    // Adds every product these goods link to (sim/data/linkedsupply.h), now and after each reset.
    void stockLinkedGoods(const QList<Goods>& goods);
    FuluState& fulu() { return *m_fulu; }
    AcgFakaState& acgFaka() { return *m_acg; }

    void setFaults(const SupplierFaultConfig& config);
    const SupplierFaultConfig& faults() const { return m_config; }
    qint64 faultCount(FaultMode mode) const { return m_faults.count(mode); }
    qint64 lostResponses() const { return m_lostResponses; }
    qint64 badResultSigns() const { return m_badResultSigns; }
    qint64 requestCount() const { return m_requests; }

private:
    struct Handled
    {
        SimResponse response;
        bool html = false;
        bool executed = false; // a purchase was executed upstream
        bool signedResult = false;
    };
    Handled handle(const SimRequest& request, bool corruptResultSign);
    SimResponse refusal(const SimRequest& request) const;

    const core::Clock& m_clock;
    std::unique_ptr<FuluState> m_fulu;
    std::unique_ptr<AcgFakaState> m_acg;
    std::unique_ptr<FuluGateway> m_gateway;
    std::unique_ptr<AcgFakaHandler> m_store;
    QList<Goods> m_linkedGoods; // only goods with supplier links
    quint64 m_seed = 1;
    SupplierFaultConfig m_config;
    FaultInjector m_faults;
    qint64 m_lostResponses = 0;
    qint64 m_badResultSigns = 0;
    qint64 m_requests = 0;
};

} // namespace cardops::sim
