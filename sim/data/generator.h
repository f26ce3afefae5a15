#pragma once

#include "core/clock.h"
#include "sim/data/platformstate.h"

#include <memory>

namespace cardops::sim {

// What to generate. The same parameters (seed included) give the same platform, byte for byte.
struct GeneratorParams
{
    quint64 seed = 1;
    int days = 120;         // history length, ending at endTime
    qint64 orders = 30'000; // orders over the history
    int members = 3'000;
    int goods = 600;
    qint64 endTime = 0; // unix seconds; 0 = the clock's now
    // Commission entries booked wrong on purpose, per 10,000 (a demo of the commission check): a
    // deterministic choice by seed, order and depth — missing, one cent too much, or credited to
    // another ancestor — listed in PlatformState::commissionFaults(). 0 = none.
    int commissionFaultsPer10k = 0;

    static GeneratorParams demo() { return {}; }
    // performance.md's reference data set.
    static GeneratorParams reference() { return {1, 365, 1'000'000, 50'000, 10'000, 0}; }
};

// Builds a platform with history: categories, goods, the tier ladder, members (consumers, agent
// trees up to 5 levels, enterprise buyers with contract prices), orders with daily and weekly
// seasonality and a long tail, the ledger (recharges, purchases, commissions, refunds, withdrawals)
// and withdrawals. Every entity is committed in change order. The clock is kept by the state for
// later changes; with endTime = 0 it also fixes the end of the history.
std::unique_ptr<PlatformState> generatePlatform(const GeneratorParams& params, const core::Clock& clock);

} // namespace cardops::sim
