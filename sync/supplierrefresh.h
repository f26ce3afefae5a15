#pragma once

#include "suppliers/supplier.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <optional>

namespace cardops::core {
class Clock;
}
namespace cardops::storage {
class Database;
}

namespace cardops::sync {

// One supplier of the profile and the adapter that talks to it. The adapter is not owned: it must
// outlive every round it takes part in.
struct RefreshTarget
{
    QString id;       // the profile's supplier id
    QString protocol; // core::kProtocolAcgFaka or core::kProtocolFulu
    suppliers::Supplier* supplier = nullptr;
};

struct RefreshOutcome
{
    QString supplierId;
    bool ok = false; // balance and catalogue read and stored
    std::optional<qint64> balance;
    qsizetype products = 0; // mirrored
    qsizetype rejected = 0; // catalogue entries the adapter could not read
    QString error;          // English, as recorded in the supplier's status; empty when ok
};

// Reads each supplier's balance and catalogue through its adapter and mirrors them in the cache
// (storage/supply.h): the balance with the 上游余额不足 counter, the catalogue upserted. A failure
// is recorded as the supplier's last error (SupplierError::describe()) and leaves the previous
// balance and mirror as they were; when the balance cannot be read the catalogue is not asked
// for. Suppliers are refreshed one after another. Lives in the adapters' thread.
class SupplierRefresh final : public QObject
{
    Q_OBJECT
public:
    SupplierRefresh(storage::Database& database, const core::Clock& clock, QObject* parent = nullptr);
    ~SupplierRefresh() override;

    // Replaces the suppliers; takes effect for the next round.
    void setTargets(const QList<RefreshTarget>& targets);
    const QList<RefreshTarget>& targets() const { return m_targets; }

    // Starts a round over every supplier (or only `supplierId`); false when a round is running
    // or there is no such supplier. finished() follows, always later than this call.
    bool refreshAll();
    bool refresh(const QString& supplierId);
    bool isRunning() const { return m_running; }

    // The adapter's last exchange with the supplier in this object's rounds, for the diagnostics
    // view. It holds keys and card secrets: show redacted().
    std::optional<suppliers::Diagnostics> diagnostics(const QString& supplierId) const;

Q_SIGNALS:
    void supplierRefreshed(const cardops::sync::RefreshOutcome& outcome);
    void finished(const QList<cardops::sync::RefreshOutcome>& outcomes);

private:
    bool start(QList<RefreshTarget> round);
    void next();
    void readBalance(const RefreshTarget& target);
    void readCatalogue(const RefreshTarget& target, RefreshOutcome outcome);
    // Records the error for the target and ends it.
    void fail(const RefreshTarget& target, RefreshOutcome outcome, const QString& error);
    void done(RefreshOutcome outcome);
    void keepDiagnostics(const RefreshTarget& target);

    storage::Database& m_database;
    const core::Clock& m_clock;
    QList<RefreshTarget> m_targets;
    QList<RefreshTarget> m_round;
    QList<RefreshOutcome> m_outcomes;
    QHash<QString, suppliers::Diagnostics> m_diagnostics;
    bool m_running = false;
};

} // namespace cardops::sync

Q_DECLARE_METATYPE(cardops::sync::RefreshOutcome)
