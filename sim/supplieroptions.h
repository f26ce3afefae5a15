#pragma once

#include "sim/server/supplierroles.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QString>

namespace cardops::sim {

// cardops-sim's options for the supplier roles (docs/platform-api.md §4, "Supplier roles"):
// --fulu-accept-ms, --fulu-finish-ms, --fulu-fail-rate, --fulu-balance, --acg-balance,
// --fault-lost-response, --fault-bad-result-sign and --fault-roles.
class SupplierOptions
{
public:
    SupplierOptions();
    void addTo(QCommandLineParser& parser) const;

    struct Values
    {
        SupplierParams params;
        SupplierFaultConfig faults;
        bool platformFaults = true; // whether the --fault-* modes strike the platform role
    };
    // `shared` holds the --fault-* modes and knobs as read for the platform. False with `error` set
    // on a bad value.
    bool read(const QCommandLineParser& parser, quint64 seed, const FaultConfig& shared, Values* values,
              QString* error) const;

    // One line per role for the start-up banner.
    static QString endpoints(const QString& hostPort);

private:
    QCommandLineOption m_acceptMs;
    QCommandLineOption m_finishMs;
    QCommandLineOption m_failRate;
    QCommandLineOption m_fuluBalance;
    QCommandLineOption m_acgBalance;
    QCommandLineOption m_lostResponse;
    QCommandLineOption m_badResultSign;
    QCommandLineOption m_roles;
};

} // namespace cardops::sim
