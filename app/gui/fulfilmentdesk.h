#pragma once

#include "models/fulfilmentcontrol.h"

#include <QByteArray>
#include <QString>
#include <memory>

namespace cardops::core {
class Clock;
}
namespace cardops::storage {
class Database;
}
namespace cardops::sync {
class FulfilmentLease;
class FulfilmentService;
class FulfilmentWorker;
class PlatformTransport;
class SyncEngine;
struct FulfilmentPassSummary;
} // namespace cardops::sync

namespace cardops::app {

class SupplierDesk;

// Fulfilment in the console (models::FulfilmentControl): this console's lease, worker and service
// over the session's transport and the supplier desk's purchaser, rebuilt when either is replaced
// (a running worker is stopped first, so it never holds a dead object). Whether the console
// fulfils is remembered per profile and resumed at the next start. UI thread.
class FulfilmentDesk final : public models::FulfilmentControl
{
    Q_OBJECT
public:
    FulfilmentDesk(storage::Database& db, const core::Clock& clock, SupplierDesk& suppliers, QString profile,
                   QObject* parent = nullptr);
    ~FulfilmentDesk() override;

    // The platform (null: none yet or no longer) and the session's sync engine (a pass runs only
    // after a round of it that started under the lease). Resumes fulfilling when the profile says so.
    void setPlatform(sync::PlatformTransport* transport, sync::SyncEngine* engine);
    QByteArray holderId() const { return m_holderId; }
    // console-<host>-<profile>: stable for one installation and profile.
    static QByteArray consoleHolderId(const QString& profile);

    models::FulfilmentStatus status() const override;
    void start() override;
    void stop() override;

private:
    void build();
    void teardown();
    void onPass(const sync::FulfilmentPassSummary& summary);
    void remember(bool run);
    bool remembered() const;

    storage::Database& m_db;
    const core::Clock& m_clock;
    SupplierDesk& m_suppliers;
    QString m_profile;
    QByteArray m_holderId;
    sync::PlatformTransport* m_transport = nullptr;
    sync::SyncEngine* m_engine = nullptr;
    std::unique_ptr<sync::FulfilmentLease> m_lease;
    std::unique_ptr<sync::FulfilmentWorker> m_worker;
    std::unique_ptr<sync::FulfilmentService> m_service;
    models::FulfilmentStatus m_totals;
    bool m_wanted = false; // the operator asked to fulfil
};

} // namespace cardops::app
