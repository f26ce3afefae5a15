#pragma once

#include "core/access.h"
#include "core/profilestore.h"
#include "models/consolebackend.h"
#include "suppliers/supplier.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>
#include <functional>
#include <memory>

namespace cardops::core {
class Clock;
}
namespace cardops::storage {
class Database;
}
namespace cardops::suppliers {
class RequestNoGenerator;
}
namespace cardops::sync {
class Purchaser;
class SupplierRefresh;
} // namespace cardops::sync

namespace cardops::app {

// The console's side of 货源: one adapter a docked supplier, the refresh of their balances and
// catalogues into the cache, each one's last exchange for the diagnostics view, and the operator's
// settling of purchases whose outcome is unknown. UI thread.
class SupplierDesk : public QObject
{
    Q_OBJECT
public:
    // A docked supplier with its secret (acg-faka app_key, Fulu AppSecret).
    struct Account
    {
        core::SupplierEndpoint endpoint;
        QByteArray secret;
    };

    SupplierDesk(storage::Database& db, const core::Clock& clock, QObject* parent = nullptr);
    ~SupplierDesk() override;

    // The demo's two suppliers, played by the bundled simulator at `simulator` with the credentials
    // protocols.md publishes for testing: never a real key.
    static QList<Account> demoAccounts(const QUrl& simulator);

    // Replaces the adapters (pending calls of the old ones finish cancelled) and refreshes. Answers
    // why an account could not be docked ("" when all could).
    QString setAccounts(const QList<Account>& accounts);
    // The profile's key that seals bought card secrets (AES-256-GCM); empty until it is read.
    void setSealKey(const QByteArray& key);
    bool hasAccounts() const { return !m_adapters.isEmpty(); }
    QStringList accountIds() const;
    QString protocolOf(const QString& id) const { return m_protocols.value(id); }

    // The purchasing runner over the docked suppliers (null until they and the seal key are known).
    // The desk settles what a restart left open at once and then every few minutes: Fulu purchases
    // of unknown outcome are queried by our number (sync::Purchaser::resume()).
    sync::Purchaser* purchaser() const { return m_purchaser.get(); }
    const QByteArray& sealKey() const { return m_sealKey; }
    // The first docked supplier of each protocol ("fulu", "acg-faka"), as the goods' links name them.
    QHash<QString, QString> suppliersByProtocol() const;
    static constexpr int ResumeIntervalMs = 5 * 60'000;
    // Balances, prices and stock are read again this often while the console runs (and on F5).
    static constexpr int RefreshIntervalMs = 10 * 60'000;

    // Reads every supplier's balance and catalogue into the cache; refreshed() answers.
    void refresh();
    models::SupplierExchange exchange(const QString& supplierId) const;
    // Settles a purchase of 采购结果未知 (bought: the card text is sealed first); done("") or an
    // error for the operator, in `context`'s thread.
    void resolve(const core::Actor& actor, qint64 purchaseId, bool bought, const QString& cardText,
                 const QString& note, QObject* context, std::function<void(QString)> done);

Q_SIGNALS:
    void refreshed(const QString& error);
    // The purchaser is about to be replaced (whoever holds it lets go), then the new one is there.
    void purchaserAboutToChange();
    void purchaserChanged();

private:
    void rebuildPurchaser();
    void resume();

    storage::Database& m_db;
    const core::Clock& m_clock;
    QHash<QString, suppliers::Supplier*> m_adapters; // owned through m_owned
    QHash<QString, QString> m_protocols;
    std::vector<std::unique_ptr<suppliers::Supplier>> m_owned;
    std::unique_ptr<sync::SupplierRefresh> m_refresh;
    QByteArray m_sealKey;
    std::unique_ptr<suppliers::RequestNoGenerator> m_numbers;
    std::unique_ptr<sync::Purchaser> m_purchaser; // after the adapters: destroyed before them
    QTimer m_resumeTimer;
    QTimer m_refreshTimer;
};

} // namespace cardops::app
