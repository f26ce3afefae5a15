#pragma once

#include "core/access.h"
#include "core/stocknotices.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>
#include <functional>
#include <optional>

namespace cardops::models {

// A profile as the settings page lists it.
struct ProfileSummary
{
    QString name;
    bool demo = false;
    QString address;           // the platform's address ("" for the demo's built-in simulator)
    bool secretInFile = false; // the secret sits in the labelled 0600 file (no keychain service)
};

// A shop to connect: what the connect dialog asks for.
struct ShopConnection
{
    QString name; // profile name
    QUrl url;
    QString appId;
    QByteArray secret;
};

// The answer of a connection test: the platform's own answer, or the exact error.
struct ConnectionCheck
{
    bool ok = false;
    QString shopName;
    QString answer; // the platform's reply (or the transport's error) as received
};

// A card secret delivered with an order, as the platform describes it: metadata and a masked
// form only; the plaintext comes from revealCard().
struct OrderCard
{
    qint64 id = 0;
    QString masked;       // e.g. "5201****8832 ****"
    QString status;       // available / locked / sold / void
    qint64 expiresAt = 0; // unix seconds, 0 = none
};

// The answer of orderCards(): the cards, or why there are none to show.
struct OrderCards
{
    bool ok = false;
    QList<OrderCard> cards;
    QString error; // for the operator, translated
};

// The answer of revealCard(): the plaintext, or why it was refused.
struct CardReveal
{
    bool ok = false;
    QString secret;
    QString error; // for the operator, translated (a role that may not, the platform's refusal…)
};

// A supplier to dock: what the supplier dialog asks for.
struct SupplierConnection
{
    QString id;        // unique within the profile: letters, digits, _ or -
    QString protocol;  // "acg-faka" or "fulu"
    QUrl url;          // acg-faka: the upstream shop; Fulu: the gateway
    QString appId;     // acg-faka app_id, Fulu AppKey
    QByteArray secret; // acg-faka app_key, Fulu AppSecret
};

// A docked supplier as the settings page lists it.
struct SupplierSummary
{
    QString id;
    QString protocol;
    QString address;
};

// The answer of a supplier test: its balance call, answered or refused, in its own words.
struct SupplierCheck
{
    bool ok = false;
    QString answer;
};

// A supplier's last exchange for its diagnostics view, already redacted (no key, no card text).
struct SupplierExchange
{
    bool any = false;          // false until a request went out this run
    QString request;           // method, URL, headers and body exactly as sent
    QString signedText;        // what the request signature covers
    QString response;          // status, headers and body as received
    QString signatureComputed; // Fulu: MD5 over the result received; empty when not applicable
    QString signatureReceived;
    std::optional<bool> signatureValid;
    QString outcome; // "ok" or the error
};

// What the console asks of the program that runs it (the composition root in app/: sync, the
// demo simulator, profiles, the keychain). The UI sees only this; tests give it a fake. UI thread.
class FulfilmentControl;
class OrderActionBackend;
class RestockBackend;

class ConsoleBackend : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    virtual QString profileName() const = 0;
    virtual bool isDemo() const = 0;
    virtual QString platformAddress() const = 0;
    virtual bool isSyncing() const = 0;
    virtual void syncNow() = 0;
    // The last request to the platform and its response, raw, for the diagnostics dialog.
    virtual QString lastExchange() const = 0;

    virtual QList<ProfileSummary> profiles() const = 0;
    virtual void testConnection(const ShopConnection& shop, QObject* context,
                                std::function<void(ConnectionCheck)> done) = 0;
    // Stores the secret (keychain, or the file fallback) and the profile; answers "" or an error.
    virtual void addProfile(const ShopConnection& shop, QObject* context,
                            std::function<void(QString error)> done) = 0;
    // Restarts the console on another profile.
    virtual void switchProfile(const QString& name) = 0;
    virtual bool removeProfile(const QString& name, QString* error) = 0;

    virtual QString language() const = 0;              // the chosen language: "zh_CN" or "en"
    virtual QString runningLanguage() const = 0;       // the language this run shows
    virtual void setLanguage(const QString& code) = 0; // kept for the next start
    virtual void restart() = 0;

    // Card secrets are never cached: an order's cards come from the platform, masked, and the
    // plaintext only through revealCard(), for a role that may (core::Permission::RevealCardSecret),
    // audited locally and on the platform.
    virtual bool mayRevealCards() const = 0;
    virtual void orderCards(qint64 orderId, QObject* context, std::function<void(OrderCards)> done) = 0;
    virtual void revealCard(qint64 orderId, qint64 cardId, QObject* context,
                            std::function<void(CardReveal)> done) = 0;

    // 货源: reads every docked supplier's balance and catalogue into the cache (suppliersRefreshed
    // answers); the last exchange with a supplier, for its diagnostics view.
    virtual void refreshSuppliers() = 0;
    // The open profile's suppliers; a test (the balance call) and docking (the secret to the
    // keychain, the endpoint to the profile) answer later; the demo docks only its simulator.
    virtual QList<SupplierSummary> dockedSuppliers() const = 0;
    virtual void testSupplier(const SupplierConnection& supplier, QObject* context,
                              std::function<void(SupplierCheck)> done) = 0;
    virtual void addSupplier(const SupplierConnection& supplier, QObject* context,
                             std::function<void(QString error)> done) = 0;
    virtual void removeSupplier(const QString& id, QObject* context,
                                std::function<void(QString error)> done) = 0;
    virtual SupplierExchange supplierExchange(const QString& supplierId) const = 0;
    // An operator settles a purchase in 采购结果未知 after checking on the supplier: bought (with the
    // card text copied from the supplier, sealed before it is stored) or not bought. Audited; answers
    // "" or an error for the operator.
    virtual bool mayResolvePurchases() const = 0;
    virtual void resolvePurchase(qint64 purchaseId, bool bought, const QString& cardText, const QString& note,
                                 QObject* context, std::function<void(QString error)> done) = 0;

    // Fulfilment (issue #8): the console's own worker and the order actions of the review queue;
    // null when this session cannot offer them (a file opened without a platform, a test).
    virtual FulfilmentControl* fulfilment() { return nullptr; }
    virtual OrderActionBackend* orderActions() { return nullptr; }
    // A new goods category under `parentId` (0: top level), last among its siblings: made by the
    // platform (a keyed call) and recorded in the cache at once, audited. done("") or an error for
    // the operator; without a platform it answers why not.
    virtual void createCategory(const QString& name, qint64 parentId, QObject* context,
                                std::function<void(QString error)> done)
    {
        Q_UNUSED(name);
        Q_UNUSED(parentId);
        Q_UNUSED(context);
        done(tr("Categories are created on the platform: connect a shop first."));
    }
    // 一键补货 (issue #9): null when this session cannot buy and upload (no platform, a test).
    virtual RestockBackend* restocker() { return nullptr; }
    // Card stock of goods on the platform (issue #9 item 4): import, list, lock/unlock/void, reveal;
    // null when this session cannot offer it.
    virtual class CardStockBackend* cardStock() { return nullptr; }
    // The tier ladder pushed to the platform (issue #10 item 3); null when this session cannot.
    virtual class TierBackend* tierBackend() { return nullptr; }
    // Withdrawal decisions and enterprise batch orders on the platform (issue #10 items 6 and 8);
    // null when this session cannot offer them.
    virtual class MemberDeskBackend* memberDesk() { return nullptr; }
    // Who is acting, for the edits the pages make in the cache (rules, blacklist).
    virtual core::Actor actor() const { return {}; }

Q_SIGNALS:
    void suppliersRefreshed(const QString& error);
    void syncStarted();
    void syncProgress(const QString& feed, qint64 items, double itemsPerSecond);
    void syncFinished(bool ok, bool offline, const QString& error);
    // The low-stock alerts the last round raised or cleared (not sent when there were none).
    void stockAlertsChanged(const QList<cardops::core::LowStockNotice>& alerts);
    // The open cache failed its integrity check: it is shown as it is and never written or synced.
    void cacheDamaged(const QString& reason);
    // orderActions() now answers another object (the platform connected); the old one is deleted
    // later, so whoever holds it lets go now.
    void orderActionsChanged();
};

} // namespace cardops::models
