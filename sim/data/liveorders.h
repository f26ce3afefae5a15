#pragma once

#include "sim/data/platformstate.h"
#include "sim/data/simrandom.h"

namespace cardops::sim {

// New orders arriving while the simulator runs, driven by the injected clock: advance(to) creates
// the orders due up to `to` (Poisson arrivals shaped by the Shanghai hour of day), each through
// the platform's own flow (PlatformState::placeOrder). A share of them is abnormal: paid amount ≠
// price × quantity, missing charge account for 直充, quantity far above the norm, or a blacklisted
// account — those land in status `review` with a review_reason. Not thread-safe.
class LiveOrderGenerator
{
public:
    LiveOrderGenerator(PlatformState& state, quint64 seed);

    void setOrdersPerMinute(double perMinute) { m_perMinute = qMax(0.0, perMinute); }
    void setAbnormalShare(double share) { m_abnormalShare = qBound(0.0, share, 1.0); }
    double ordersPerMinute() const { return m_perMinute; }

    // Creates the orders due in (last call, toMs]; the first call only starts the schedule.
    int advance(qint64 toMs);
    int tick() { return advance(m_state.clock().nowMilliseconds()); }
    // One order now (abnormal = force one of the abnormal kinds). Returns its index.
    qint32 placeOne(qint64 atSeconds, bool abnormal);
    qint64 created() const { return m_created; }

private:
    qint64 nextGapMs(qint64 fromMs);

    PlatformState& m_state;
    Rng m_rng;
    double m_perMinute = 0;
    double m_abnormalShare = 0;
    qint64 m_lastMs = -1;
    qint64 m_nextMs = 0;
    qint64 m_created = 0;
    WeightedPicker m_members;
    WeightedPicker m_goods;
    QList<qint32> m_directGoods;
};

// A concurrent human in the shop's web admin: edits goods (price, status, sort, restock) and
// members (tags, tier) between requests, bumping versions like any change. Also makes late commits.
class WebEditor
{
public:
    WebEditor(PlatformState& state, quint64 seed);

    // n random edits; returns how many entities changed.
    int editRandom(int n);

    struct LateChange
    {
        core::Feed feed = core::Feed::Goods;
        qint32 index = 0;
        qint64 updatedAt = 0;
    };
    // A change prepared `ageSeconds` ago commits now: its updated_at is older than changes already
    // served, but its sequence is new, so it appears after every cursor handed out (alternately a
    // goods edit and an order whose payment callback came late).
    LateChange lateCommit(qint64 ageSeconds);

private:
    PlatformState& m_state;
    Rng m_rng;
    qint64 m_lateCount = 0;
};

} // namespace cardops::sim
