#pragma once

#include "sim/data/generator.h"
#include "sim/data/simrandom.h"

namespace cardops::sim {

// The generator's working state; a friend of PlatformState so it fills the lists in bulk.
class Generator
{
public:
    Generator(const GeneratorParams& params, PlatformState& state);
    void run();

private:
    struct LedgerEvent
    {
        qint64 at = 0;
        Money amount;
        qint32 memberIndex = 0;
        qint32 orderIndex = -1;
        LedgerKind kind = LedgerKind::Adjustment;
    };

    void makeTiers();
    void makeMembers();
    void makeContractPrices();
    void makeOrders();
    void makeOrder(qint32 index, qint64 createdAt);
    void commissionEvents(qint32 orderIndex, qint64 at);
    void makeLedger();
    void commitAll();
    QList<qint64> orderTimes();

    GeneratorParams m_params;
    PlatformState& m_state;
    Rng m_rng;
    qint64 m_end = 0;
    qint64 m_start = 0;
    QList<qint64> m_phone;           // per member: a phone number (charge account, contact)
    QList<QList<qint32>> m_contract; // per member: goods indices with a contract price
    WeightedPicker m_memberPicker;
    WeightedPicker m_goodsPicker;
    QList<LedgerEvent> m_events;
};

} // namespace cardops::sim
