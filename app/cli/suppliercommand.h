#pragma once

#include "core/profilestore.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QTextStream>

namespace cardops::app {

// cardops-cli supplier balance|catalogue: refreshes the profile's suppliers through their adapters
// into the cache (sync::SupplierRefresh), then prints what the cache holds. The demo's suppliers
// are the built-in simulator's, started in-process.
class SupplierCommand
{
    Q_DECLARE_TR_FUNCTIONS(SupplierCommand)
public:
    struct Options
    {
        QString action;     // "balance" or "catalogue"
        QString supplierId; // empty: every supplier (balance only)
        bool json = false;  // catalogue: JSON instead of a table
        bool demo = false;  // the demo profile: suppliers played by the built-in simulator
        // A shop profile's suppliers. Each secret comes from the environment when set there
        // (CARDOPS_SUPPLIER_SECRET_<ID>, the id upper-cased, other characters as '_'), else from
        // the profile's keychain entry or fallback file (sync::SecretStore).
        QList<core::SupplierEndpoint> endpoints;
        QString profile;
        QString profileDirectory;
    };

    SupplierCommand(QTextStream& out, QTextStream& err);

    // 0 when every refreshed supplier answered, 1 when one failed (what the cache holds is still
    // printed), 2 for wrong usage.
    int run(const QString& databasePath, const Options& options);

    // The environment variable that holds a shop supplier's secret.
    static QByteArray secretVariable(const QString& supplierId);

private:
    QByteArray storedSecret(const Options& options, const QString& supplierId);
    int printBalances(const QString& path, const QStringList& ids);
    int printCatalogue(const QString& path, const QString& supplierId, bool json);

    QTextStream& m_out;
    QTextStream& m_err;
};

} // namespace cardops::app
