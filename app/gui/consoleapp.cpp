#include "app/gui/consoleapp.h"

#include "app/cli/errortext.h"
#include "app/gui/cardstockdesk.h"
#include "app/gui/consolesession.h"
#include "app/gui/fulfilmentdesk.h"
#include "app/gui/orderactiondesk.h"
#include "app/gui/supplierdesk.h"
#include "core/clock.h"
#include "suppliers/suppliererrortext.h"
#include "sync/cardrequests.h"
#include "sync/platformjson.h"
#include "sync/secretstore.h"
#include "sync/supplierfactory.h"
#include "sync/transport/platformtransport.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFutureWatcher>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QProcess>

using namespace Qt::StringLiterals;

namespace cardops::app {

namespace {

const QString kLanguageKey = QStringLiteral("console/language");
const QString kLastProfileKey = QStringLiteral("console/last_profile");

// The platform's answer as the operator should read it: indented JSON, or the bytes as they came.
QString readable(const QByteArray& body)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    return error.error == QJsonParseError::NoError ? QString::fromUtf8(doc.toJson(QJsonDocument::Indented))
                                                   : QString::fromUtf8(body);
}

} // namespace

ConsoleApp::ConsoleApp(const QString& profilesRoot, const QString& runningLanguage, QObject* parent)
    : models::ConsoleBackend(parent)
    , m_store(profilesRoot)
    , m_runningLanguage(runningLanguage)
{}

ConsoleApp::~ConsoleApp()
{
    detachFulfilment();
}

QString ConsoleApp::describe(const core::Error& error)
{
    return ErrorText::describe(error);
}

QString ConsoleApp::defaultProfile() const
{
    const QString last = m_settings.value(kLastProfileKey).toString();
    if (!last.isEmpty() && m_store.load(last).ok())
        return last;
    return {};
}

core::Result<void> ConsoleApp::openProfile(const QString& name)
{
    auto loaded = m_store.load(name);
    if (!loaded && name == QLatin1String(DemoProfile)) {
        // The demo profile is made on first use.
        const core::Profile demo = core::Profile::demo(QDateTime::currentSecsSinceEpoch());
        if (auto saved = m_store.save(demo); !saved)
            return saved.error();
        loaded = demo;
    }
    if (!loaded)
        return loaded.error();
    auto session = ConsoleSession::open(m_store.databasePath(name), name);
    if (!session)
        return session.error();
    m_profile = loaded.value();
    m_settings.setValue(kLastProfileKey, name);
    attach(std::move(session).value());
    if (isDemo()) {
        // The demo buys from the simulator's own suppliers, with their published test keys.
        connect(
            m_session.get(), &ConsoleSession::demoListening, m_desk.get(),
            [desk = m_desk.get()](const QUrl& url) { desk->setAccounts(SupplierDesk::demoAccounts(url)); });
        m_session->startDemo();
        loadSealKey(name);
        return {};
    }
    dockSuppliers(name);
    const QUrl url = m_profile.platformUrl;
    const QByteArray appId = m_profile.appId.toUtf8();
    auto* store = secretsFor(name);
    store->read(name, m_profile.secretStorage, this,
                [this, store, url, appId](core::Result<QByteArray> secret) {
                    store->deleteLater();
                    if (!secret)
                        return Q_EMIT syncFinished(
                            false, false,
                            tr("The platform secret could not be read: %1").arg(describe(secret.error())));
                    m_session->startPlatform({url, appId, secret.value()});
                });
    return {};
}

core::Result<void> ConsoleApp::openFile(const QString& path)
{
    auto session = ConsoleSession::open(path, path);
    if (!session)
        return session.error();
    m_profile = core::Profile();
    m_profile.name = path;
    m_openedFile = path;
    attach(std::move(session).value());
    return {};
}

void ConsoleApp::attach(std::unique_ptr<ConsoleSession> session)
{
    detachFulfilment();
    m_desk.reset();
    m_session = std::move(session);
    m_desk = std::make_unique<SupplierDesk>(m_session->database(), m_session->clock());
    connect(m_desk.get(), &SupplierDesk::refreshed, this, &ConsoleApp::suppliersRefreshed);
    connect(m_session.get(), &ConsoleSession::syncStarted, this, &ConsoleApp::syncStarted);
    connect(m_session.get(), &ConsoleSession::syncProgress, this, &ConsoleApp::syncProgress);
    connect(m_session.get(), &ConsoleSession::syncFinished, this, &ConsoleApp::syncFinished);
    connect(m_session.get(), &ConsoleSession::stockAlertsChanged, this, &ConsoleApp::stockAlertsChanged);
    connect(m_session.get(), &ConsoleSession::damaged, this, &ConsoleApp::cacheDamaged);
    attachFulfilment();
}

sync::SecretStore* ConsoleApp::secretsFor(const QString& profile)
{
    return new sync::SecretStore(m_store.directory(profile), this);
}

QString ConsoleApp::platformAddress() const
{
    return m_profile.platformUrl.toString();
}

bool ConsoleApp::isSyncing() const
{
    return m_session && m_session->isSyncing();
}

void ConsoleApp::syncNow()
{
    if (m_session)
        m_session->syncNow();
}

QString ConsoleApp::lastExchange() const
{
    return m_session ? m_session->lastExchange() : QString();
}

QList<models::ProfileSummary> ConsoleApp::profiles() const
{
    QList<models::ProfileSummary> out;
    const auto listed = m_store.list();
    if (!listed)
        return out;
    for (const core::Profile& p : listed.value()) {
        models::ProfileSummary s;
        s.name = p.name;
        s.demo = p.kind == core::Profile::Kind::Demo;
        s.address = p.platformUrl.toString();
        s.secretInFile = p.secretStorage == core::Profile::SecretStorage::File;
        out.append(s);
    }
    return out;
}

void ConsoleApp::testConnection(const models::ShopConnection& shop, QObject* context,
                                std::function<void(models::ConnectionCheck)> done)
{
    static core::SystemClock clock;
    auto transport = std::make_shared<sync::PlatformTransport>(
        sync::PlatformEndpoint{shop.url, shop.appId.toUtf8(), shop.secret}, clock);
    sync::Request request;
    request.method = QByteArrayLiteral("GET");
    request.path = QByteArrayLiteral("/v1/shop");
    request.maxAttempts = 1; // the operator is waiting: one honest answer
    transport->send(request).then(context, [transport, done = std::move(done)](const sync::Reply& reply) {
        models::ConnectionCheck check;
        const sync::Exchange exchange = transport->lastExchange();
        if (reply.ok()) {
            auto shopInfo = sync::platformjson::shop(reply.response->data);
            check.ok = shopInfo.ok();
            check.shopName = shopInfo ? shopInfo->name : QString();
            check.answer = readable(reply.response->rawBody);
            if (!shopInfo)
                check.answer = shopInfo.error().detail + u"\n\n" + check.answer;
        } else {
            check.answer = reply.error.describe();
            if (exchange.httpStatus != 0)
                check.answer += u"\n\nHTTP " + QString::number(exchange.httpStatus) + u'\n' +
                                readable(exchange.responseBody);
        }
        done(check);
    });
}

void ConsoleApp::addProfile(const models::ShopConnection& shop, QObject* context,
                            std::function<void(QString error)> done)
{
    core::Profile profile;
    profile.name = shop.name;
    profile.kind = core::Profile::Kind::Shop;
    profile.platformUrl = shop.url;
    profile.appId = shop.appId;
    profile.createdAt = QDateTime::currentSecsSinceEpoch();
    if (m_store.load(shop.name).ok())
        return done(tr("A profile named %1 exists already.").arg(shop.name));
    if (auto valid = core::ProfileStore::validate(profile); !valid)
        return done(describe(valid.error()));
    auto* store = secretsFor(shop.name);
    store->write(shop.name, shop.secret, context,
                 [this, store, profile, done](core::Result<core::Profile::SecretStorage> where) mutable {
                     store->deleteLater();
                     if (!where)
                         return done(tr("The secret could not be stored: %1").arg(describe(where.error())));
                     profile.secretStorage = where.value();
                     auto saved = m_store.save(profile);
                     done(saved ? QString() : describe(saved.error()));
                 });
}

void ConsoleApp::switchProfile(const QString& name)
{
    m_settings.setValue(kLastProfileKey, name);
    m_settings.sync();
    m_profile.name = name; // the restart opens it
    restart();
}

bool ConsoleApp::removeProfile(const QString& name, QString* error)
{
    if (name == m_profile.name) {
        *error = tr("The open profile cannot be removed; switch to another one first.");
        return false;
    }
    auto loaded = m_store.load(name);
    if (loaded && loaded->secretStorage != core::Profile::SecretStorage::None) {
        auto* store = secretsFor(name);
        store->remove(name, loaded->secretStorage, store,
                      [store](core::Result<void>) { store->deleteLater(); });
    }
    if (auto removed = m_store.remove(name); !removed) {
        *error = describe(removed.error());
        return false;
    }
    return true;
}

QString ConsoleApp::language() const
{
    return m_settings.value(kLanguageKey, m_runningLanguage).toString();
}

void ConsoleApp::setLanguage(const QString& code)
{
    m_settings.setValue(kLanguageKey, code);
    m_settings.sync();
}

void ConsoleApp::restart()
{
    // A fresh process on the profile now chosen, in the language now chosen (no --lang).
    QStringList arguments;
    if (!m_openedFile.isEmpty() && m_profile.name == m_openedFile)
        arguments << QStringLiteral("--db") << m_openedFile;
    else if (!m_profile.name.isEmpty())
        arguments << QStringLiteral("--profile") << m_profile.name;
    QProcess::startDetached(QCoreApplication::applicationFilePath(), arguments);
    QCoreApplication::quit();
}

QString ConsoleApp::noPlatformForCards()
{
    return tr("Cards come from the platform, and this console has no platform connection right now.");
}

QString ConsoleApp::cardCallError(const sync::CallError& error, bool aboutACard)
{
    return CardStockDesk::describe(
        error,
        tr("The platform could not be reached (%1). Cards are shown only while the console is online."),
        aboutACard ? tr("The platform does not know this card.")
                   : tr("The platform does not know this order."),
        false);
}

bool ConsoleApp::mayRevealCards() const
{
    return m_session && core::roleAllows(m_session->actor().role, core::Permission::RevealCardSecret);
}

void ConsoleApp::orderCards(qint64 orderId, QObject* context, std::function<void(models::OrderCards)> done)
{
    sync::PlatformTransport* transport = m_session ? m_session->transport() : nullptr;
    if (transport == nullptr)
        return done({false, {}, noPlatformForCards()});
    sync::cards::fetchOrderCards(*transport, orderId)
        .then(context, [done = std::move(done)](const sync::cards::CardsAnswer& answer) {
            if (!answer.ok())
                return done({false, {}, cardCallError(answer.error, false)});
            models::OrderCards out;
            out.ok = true;
            for (const sync::platformjson::Card& c : *answer.value)
                out.cards.append({c.id, c.masked, c.status, c.expiresAt});
            done(out);
        });
}

void ConsoleApp::revealCard(qint64 orderId, qint64 cardId, QObject* context,
                            std::function<void(models::CardReveal)> done)
{
    if (!m_session)
        return done({false, {}, noPlatformForCards()});
    const core::Actor actor = m_session->actor();
    if (!core::authorize(actor, core::Permission::RevealCardSecret))
        return done({false, {}, tr("Your role may not reveal card secrets; an administrator can.")});
    sync::PlatformTransport* transport = m_session->transport();
    if (transport == nullptr)
        return done({false, {}, noPlatformForCards()});
    // Through a transport of its own: the plaintext stays out of the diagnostics view. It is shown
    // only once the local audit log has recorded the reveal, and is never written anywhere.
    static core::SystemClock clock;
    QPointer<ConsoleSession> session(m_session.get());
    sync::cards::revealPrivately(*transport, clock, orderId, cardId)
        .then(context, [session, actor, orderId, cardId, context,
                        done = std::move(done)](const sync::cards::RevealAnswer& answer) {
            if (!answer.ok())
                return done({false, {}, cardCallError(answer.error, true)});
            if (!session) {
                sync::CallError closed;
                closed.kind = sync::CallError::Cancelled;
                return done({false, {}, cardCallError(closed, true)});
            }
            const QString detail = QString::fromUtf8(
                QJsonDocument(QJsonObject{{u"order_id"_s, orderId}}).toJson(QJsonDocument::Compact));
            session->audit(actor, u"card.reveal"_s, u"card"_s, QString::number(cardId), detail)
                .then(context, [secret = answer.value->secret, done](const core::Result<void>& written) {
                    if (!written)
                        return done(
                            {false,
                             {},
                             tr("The card was revealed on the platform, but the local audit log could "
                                "not record it (%1), so the secret is not shown.")
                                 .arg(describe(written.error()))});
                    done({true, secret, {}});
                });
        });
}

void ConsoleApp::refreshSuppliers()
{
    if (m_desk)
        m_desk->refresh();
    else
        Q_EMIT suppliersRefreshed(tr("No shop is open."));
}

models::SupplierExchange ConsoleApp::supplierExchange(const QString& supplierId) const
{
    return m_desk ? m_desk->exchange(supplierId) : models::SupplierExchange();
}

bool ConsoleApp::mayResolvePurchases() const
{
    return m_session && core::roleAllows(m_session->actor().role, core::Permission::ReviewOrders);
}

void ConsoleApp::resolvePurchase(qint64 purchaseId, bool bought, const QString& cardText, const QString& note,
                                 QObject* context, std::function<void(QString)> done)
{
    if (!m_desk || !m_session)
        return done(tr("No shop is open."));
    m_desk->resolve(m_session->actor(), purchaseId, bought, cardText, note, context, std::move(done));
}

QList<models::SupplierSummary> ConsoleApp::dockedSuppliers() const
{
    QList<models::SupplierSummary> out;
    for (const core::SupplierEndpoint& e : m_profile.suppliers)
        out.append({e.id, e.protocol, e.url.toString()});
    if (isDemo() && m_desk)
        for (const QString& id : m_desk->accountIds())
            out.append({id, m_desk->protocolOf(id), tr("the bundled simulator")});
    return out;
}

void ConsoleApp::testSupplier(const models::SupplierConnection& supplier, QObject* context,
                              std::function<void(models::SupplierCheck)> done)
{
    static core::SystemClock clock;
    const core::SupplierEndpoint endpoint{supplier.id, supplier.protocol, supplier.url, supplier.appId};
    auto made = sync::makeSupplier(endpoint, supplier.secret, &clock);
    if (!made)
        return done({false, describe(made.error())});
    std::shared_ptr<suppliers::Supplier> adapter = std::move(made).value();
    // A watcher owned by this object, not then(context): in Qt 6.4 a continuation whose context
    // dies first (the dialog closed) asserts in debug builds.
    using BalanceResult = suppliers::SupplierResult<suppliers::Balance>;
    auto* watcher = new QFutureWatcher<BalanceResult>(this);
    QPointer<QObject> guard(context);
    connect(watcher, &QFutureWatcherBase::finished, this, [watcher, adapter, guard, done = std::move(done)] {
        watcher->deleteLater();
        if (!guard)
            return;
        const BalanceResult balance = watcher->result();
        models::SupplierCheck check;
        check.ok = balance.ok();
        const suppliers::Diagnostics d = adapter->diagnostics().redacted();
        check.answer =
            balance.ok()
                ? tr("Balance %1 yuan, account %2").arg(balance->amount.toString(2), balance->accountName)
                : suppliers::SupplierErrorText::describe(balance.error());
        if (!d.responseBody.isEmpty())
            check.answer += u"\n\nHTTP "_s + QString::number(d.httpStatus) + u'\n' + readable(d.responseBody);
        done(check);
    });
    watcher->setFuture(adapter->balance());
}

void ConsoleApp::addSupplier(const models::SupplierConnection& supplier, QObject* context,
                             std::function<void(QString error)> done)
{
    if (isDemo() || !m_openedFile.isEmpty())
        return done(tr("Suppliers are docked to a shop's profile; the demo buys from its simulator only."));
    core::Profile profile = m_profile;
    profile.suppliers.append({supplier.id, supplier.protocol, supplier.url, supplier.appId});
    if (auto valid = core::ProfileStore::validate(profile); !valid)
        return done(describe(valid.error()));
    auto* store = secretsFor(profile.name);
    store->writeSupplier(profile.name, supplier.id, supplier.secret, context,
                         [this, store, profile, done](core::Result<core::Profile::SecretStorage> where) {
                             store->deleteLater();
                             if (!where)
                                 return done(
                                     tr("The secret could not be stored: %1").arg(describe(where.error())));
                             if (auto saved = m_store.save(profile); !saved)
                                 return done(describe(saved.error()));
                             m_profile = profile;
                             dockSuppliers(profile.name);
                             done({});
                         });
}

void ConsoleApp::removeSupplier(const QString& id, QObject* context, std::function<void(QString error)> done)
{
    core::Profile profile = m_profile;
    const auto removed =
        profile.suppliers.removeIf([&](const core::SupplierEndpoint& e) { return e.id == id; });
    if (removed == 0)
        return done(tr("No supplier named %1 is docked.").arg(id));
    if (auto saved = m_store.save(profile); !saved)
        return done(describe(saved.error()));
    m_profile = profile;
    dockSuppliers(profile.name);
    auto* store = secretsFor(profile.name);
    store->removeSupplier(profile.name, id, context, [store, done](core::Result<void> r) {
        store->deleteLater();
        done(r ? QString()
               : tr("The supplier is gone from the profile, but its secret could not be deleted: %1")
                     .arg(describe(r.error())));
    });
}

void ConsoleApp::dockSuppliers(const QString& profile)
{
    loadSealKey(profile);
    const QList<core::SupplierEndpoint> endpoints = m_profile.suppliers;
    if (endpoints.isEmpty()) {
        m_desk->setAccounts({});
        return;
    }
    // Every secret first, then the adapters in one go.
    auto accounts = std::make_shared<QList<SupplierDesk::Account>>();
    auto problems = std::make_shared<QStringList>();
    auto pending = std::make_shared<int>(int(endpoints.size()));
    QPointer<SupplierDesk> desk = m_desk.get();
    for (const core::SupplierEndpoint& e : endpoints) {
        auto* store = secretsFor(profile);
        store->readSupplier(
            profile, e.id, this,
            [this, store, e, accounts, problems, pending, desk](core::Result<QByteArray> secret) {
                store->deleteLater();
                if (secret)
                    accounts->append({e, secret.value()});
                else
                    problems->append(
                        tr("%1: its secret could not be read (%2)").arg(e.id, describe(secret.error())));
                if (--*pending > 0 || !desk)
                    return;
                const QString notDocked = desk->setAccounts(*accounts);
                if (!notDocked.isEmpty())
                    problems->append(notDocked);
                if (!problems->isEmpty())
                    Q_EMIT suppliersRefreshed(problems->join(u"; "_s));
            });
    }
}

void ConsoleApp::loadSealKey(const QString& profile)
{
    QPointer<SupplierDesk> desk = m_desk.get();
    auto* store = secretsFor(profile);
    store->sealKey(profile, this, [store, desk](core::Result<QByteArray> key) {
        store->deleteLater();
        if (desk && key)
            desk->setSealKey(key.value());
    });
}

} // namespace cardops::app
