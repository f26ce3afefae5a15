#include "app/gui/consoleapp.h"

#include "app/cli/errortext.h"
#include "app/gui/consolesession.h"
#include "core/clock.h"
#include "sync/cardrequests.h"
#include "sync/platformjson.h"
#include "sync/secretstore.h"
#include "sync/transport/platformtransport.h"

#include <QCoreApplication>
#include <QDateTime>
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

ConsoleApp::~ConsoleApp() = default;

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
        m_session->startDemo();
        return {};
    }
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
    m_session = std::move(session);
    connect(m_session.get(), &ConsoleSession::syncStarted, this, &ConsoleApp::syncStarted);
    connect(m_session.get(), &ConsoleSession::syncProgress, this, &ConsoleApp::syncProgress);
    connect(m_session.get(), &ConsoleSession::syncFinished, this, &ConsoleApp::syncFinished);
    connect(m_session.get(), &ConsoleSession::damaged, this, &ConsoleApp::cacheDamaged);
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
    const QString detail = error.describe();
    switch (error.kind) {
    case sync::CallError::Cancelled:
        return tr("The request was cancelled: the shop was closed or reconnected.");
    case sync::CallError::Network:
    case sync::CallError::Timeout:
    case sync::CallError::Tls:
    case sync::CallError::Server:
    case sync::CallError::RateLimited:
        return tr("The platform could not be reached (%1). Cards are shown only while the console is "
                  "online.")
            .arg(detail);
    case sync::CallError::NotFound:
        return aboutACard ? tr("The platform does not know this card.")
                          : tr("The platform does not know this order.");
    case sync::CallError::Auth:
    case sync::CallError::Clock:
        return tr("The platform did not accept this console's credentials (%1).").arg(detail);
    case sync::CallError::Malformed:
    case sync::CallError::TooLarge:
    case sync::CallError::Business:
        return tr("The platform's answer could not be read (%1).").arg(detail);
    default:
        return tr("The platform refused the request (%1).").arg(detail);
    }
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

} // namespace cardops::app
