#pragma once

#include "models/consolebackend.h"

// A console backend with no platform: the pages are tested on a cache alone. Records what the UI
// asked of it.
class FakeBackend : public cardops::models::ConsoleBackend
{
    Q_OBJECT
public:
    using ConsoleBackend::ConsoleBackend;

    bool demo = true;
    int syncRequests = 0;
    QString languageChoice = QStringLiteral("zh_CN");
    QString running = QStringLiteral("zh_CN");
    cardops::models::ConnectionCheck nextCheck;
    QString addError;
    QList<cardops::models::ShopConnection> tested;
    QList<cardops::models::ShopConnection> added;
    QStringList switchedTo;
    int restarts = 0;

    QString profileName() const override { return QStringLiteral("demo"); }
    bool isDemo() const override { return demo; }
    QString platformAddress() const override { return {}; }
    bool isSyncing() const override { return false; }
    void syncNow() override { ++syncRequests; }
    QString lastExchange() const override
    {
        return QStringLiteral("GET http://127.0.0.1/v1/shop\n\n— HTTP 200");
    }
    QList<cardops::models::ProfileSummary> profiles() const override
    {
        cardops::models::ProfileSummary demoProfile;
        demoProfile.name = QStringLiteral("demo");
        demoProfile.demo = true;
        cardops::models::ProfileSummary shop;
        shop.name = QStringLiteral("myshop");
        shop.address = QStringLiteral("https://shop.example.com");
        shop.secretInFile = true;
        return {demoProfile, shop};
    }
    void testConnection(const cardops::models::ShopConnection& shop, QObject*,
                        std::function<void(cardops::models::ConnectionCheck)> done) override
    {
        tested << shop;
        done(nextCheck);
    }
    void addProfile(const cardops::models::ShopConnection& shop, QObject*,
                    std::function<void(QString)> done) override
    {
        if (addError.isEmpty())
            added << shop;
        done(addError);
    }
    void switchProfile(const QString& name) override { switchedTo << name; }
    bool removeProfile(const QString&, QString*) override { return true; }
    QString language() const override { return languageChoice; }
    QString runningLanguage() const override { return running; }
    void setLanguage(const QString& code) override { languageChoice = code; }
    void restart() override { ++restarts; }

    bool mayReveal = true;
    cardops::models::OrderCards nextCards;
    cardops::models::CardReveal nextReveal;
    QList<qint64> revealed;
    bool mayRevealCards() const override { return mayReveal; }
    void orderCards(qint64, QObject*, std::function<void(cardops::models::OrderCards)> done) override
    {
        done(nextCards);
    }
    void revealCard(qint64, qint64 cardId, QObject*,
                    std::function<void(cardops::models::CardReveal)> done) override
    {
        revealed << cardId;
        done(nextReveal);
    }

    int supplierRefreshes = 0;
    cardops::models::SupplierExchange exchange;
    bool mayResolve = true;
    QString resolveError;
    struct Resolution
    {
        qint64 id;
        bool bought;
        QString cardText;
        QString note;
    };
    QList<Resolution> resolutions;
    void refreshSuppliers() override { ++supplierRefreshes; }
    cardops::models::SupplierExchange supplierExchange(const QString&) const override { return exchange; }
    bool mayResolvePurchases() const override { return mayResolve; }
    void resolvePurchase(qint64 id, bool bought, const QString& cardText, const QString& note, QObject*,
                         std::function<void(QString)> done) override
    {
        if (resolveError.isEmpty())
            resolutions.append({id, bought, cardText, note});
        done(resolveError);
    }

    QList<cardops::models::SupplierSummary> docked;
    cardops::models::SupplierCheck nextSupplierCheck;
    QList<cardops::models::SupplierConnection> supplierTests;
    QList<cardops::models::SupplierConnection> supplierAdds;
    QStringList supplierRemovals;
    QList<cardops::models::SupplierSummary> dockedSuppliers() const override { return docked; }
    void testSupplier(const cardops::models::SupplierConnection& s, QObject*,
                      std::function<void(cardops::models::SupplierCheck)> done) override
    {
        supplierTests << s;
        done(nextSupplierCheck);
    }
    void addSupplier(const cardops::models::SupplierConnection& s, QObject*,
                     std::function<void(QString)> done) override
    {
        supplierAdds << s;
        docked.append({s.id, s.protocol, s.url.toString()});
        done({});
    }
    void removeSupplier(const QString& id, QObject*, std::function<void(QString)> done) override
    {
        supplierRemovals << id;
        docked.removeIf([&](const cardops::models::SupplierSummary& x) { return x.id == id; });
        done({});
    }
};
