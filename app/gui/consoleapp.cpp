#include "app/gui/consoleapp.h"

#include "app/cli/errortext.h"
#include "app/gui/consolesession.h"
#include "core/clock.h"
#include "sync/platformjson.h"
#include "sync/secretstore.h"
#include "sync/transport/platformtransport.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QProcess>

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

bool ConsoleApp::mayRevealCards() const
{
    return false;
}

void ConsoleApp::orderCards(qint64, QObject*, std::function<void(models::OrderCards)> done)
{
    done({false, {}, tr("Cards are not available yet.")});
}

void ConsoleApp::revealCard(qint64, qint64, QObject*, std::function<void(models::CardReveal)> done)
{
    done({false, {}, tr("Cards are not available yet.")});
}

} // namespace cardops::app
