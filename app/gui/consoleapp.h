#pragma once

#include "core/profilestore.h"
#include "models/consolebackend.h"

#include <QSettings>
#include <memory>

namespace cardops::sync {
class SecretStore;
struct CallError;
} // namespace cardops::sync

namespace cardops::app {

class ConsoleSession;
class FulfilmentDesk;
class OrderActionDesk;
class SupplierDesk;

// The console's composition root: the profiles and their secrets, the open session (cache,
// sync, demo simulator) and the operator's settings (language, last profile). Implements what
// the UI may ask of the program. UI thread.
class ConsoleApp : public models::ConsoleBackend
{
    Q_OBJECT
public:
    static constexpr auto DemoProfile = "demo";

    ConsoleApp(const QString& profilesRoot, const QString& runningLanguage, QObject* parent = nullptr);
    ~ConsoleApp() override;

    // The profile to open when none is named: the last one used, else none (first run).
    QString defaultProfile() const;
    // Opens a profile's cache and starts its sync (the demo starts its simulator first).
    core::Result<void> openProfile(const QString& name);
    // Opens a bare cache file with no platform (benchmarks, a copy of a cache).
    core::Result<void> openFile(const QString& path);
    ConsoleSession* session() const { return m_session.get(); }
    // Turns a core error into the operator's words.
    static QString describe(const core::Error& error);

    QString profileName() const override { return m_profile.name; }
    bool isDemo() const override { return m_profile.kind == core::Profile::Kind::Demo; }
    QString platformAddress() const override;
    bool isSyncing() const override;
    void syncNow() override;
    QString lastExchange() const override;
    QList<models::ProfileSummary> profiles() const override;
    void testConnection(const models::ShopConnection& shop, QObject* context,
                        std::function<void(models::ConnectionCheck)> done) override;
    void addProfile(const models::ShopConnection& shop, QObject* context,
                    std::function<void(QString error)> done) override;
    void switchProfile(const QString& name) override;
    bool removeProfile(const QString& name, QString* error) override;
    QString language() const override;
    QString runningLanguage() const override { return m_runningLanguage; }
    void setLanguage(const QString& code) override;
    void restart() override;
    bool mayRevealCards() const override;
    void orderCards(qint64 orderId, QObject* context, std::function<void(models::OrderCards)> done) override;
    void revealCard(qint64 orderId, qint64 cardId, QObject* context,
                    std::function<void(models::CardReveal)> done) override;
    void refreshSuppliers() override;
    models::SupplierExchange supplierExchange(const QString& supplierId) const override;
    bool mayResolvePurchases() const override;
    void resolvePurchase(qint64 purchaseId, bool bought, const QString& cardText, const QString& note,
                         QObject* context, std::function<void(QString error)> done) override;
    QList<models::SupplierSummary> dockedSuppliers() const override;
    void testSupplier(const models::SupplierConnection& supplier, QObject* context,
                      std::function<void(models::SupplierCheck)> done) override;
    void addSupplier(const models::SupplierConnection& supplier, QObject* context,
                     std::function<void(QString error)> done) override;
    void removeSupplier(const QString& id, QObject* context,
                        std::function<void(QString error)> done) override;
    SupplierDesk* supplierDesk() const { return m_desk.get(); }

    // consolefulfilment.cpp
    models::FulfilmentControl* fulfilment() override;
    models::OrderActionBackend* orderActions() override;
    models::CardStockBackend* cardStock() override; // cardstockdesk.cpp: the CardStockDesk child
    models::RestockBackend* restocker() override;   // restockdesk.cpp: the RestockDesk child
    models::MemberDeskBackend* memberDesk() override; // memberdesk.cpp: the MemberDesk child
    models::TierBackend* tierBackend() override;      // tierdesk.cpp: the TierDesk child
    void createCategory(const QString& name, qint64 parentId, QObject* context,
                        std::function<void(QString error)> done) override; // consolecategories.cpp
    core::Actor actor() const override;
    FulfilmentDesk* fulfilmentDesk() const { return m_fulfilment.get(); }

private:
    // consolefulfilment.cpp: the fulfilment desk and the order actions follow the session's platform.
    void attachFulfilment();
    void detachFulfilment();
    void attach(std::unique_ptr<ConsoleSession> session);
    // The profile's suppliers with their secrets, and its seal key, into the desk.
    void dockSuppliers(const QString& profile);
    void loadSealKey(const QString& profile);
    // A store for one call on the profile's folder: a child of this object, deleted once it has
    // answered, so overlapping calls (a test, an add, a removal) never cancel each other.
    sync::SecretStore* secretsFor(const QString& profile);
    // A failed card call in the operator's words (aboutACard: a reveal, else an order's cards).
    static QString cardCallError(const sync::CallError& error, bool aboutACard);
    static QString noPlatformForCards();

    core::ProfileStore m_store;
    QString m_runningLanguage;
    QSettings m_settings;
    core::Profile m_profile;
    std::unique_ptr<ConsoleSession> m_session;
    std::unique_ptr<SupplierDesk> m_desk;         // after m_session: it writes through the session's cache
    std::unique_ptr<FulfilmentDesk> m_fulfilment; // after m_desk: it uses the desk's purchaser
    std::unique_ptr<OrderActionDesk> m_orderActions;
    QString m_openedFile; // the cache opened with --db, not through a profile
};

} // namespace cardops::app
