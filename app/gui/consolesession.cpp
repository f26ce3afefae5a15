#include "app/gui/consolesession.h"

#include "app/cli/errortext.h"
#include "app/gui/demosimulator.h"
#include "models/datasource.h"
#include "storage/database.h"
#include "storage/databasewriter.h"
#include "storage/operatorrepository.h"
#include "storage/writecontext.h"
#include "sync/syncengine.h"
#include "sync/transport/platformtransport.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace cardops::app {

namespace {

QString headersText(const sync::HeaderList& headers)
{
    QString out;
    for (const auto& [name, value] : headers)
        out += QString::fromLatin1(name) + u": " + QString::fromUtf8(value) + u'\n';
    return out;
}

} // namespace

core::Result<std::unique_ptr<ConsoleSession>> ConsoleSession::open(const QString& databasePath,
                                                                   const QString& profile)
{
    if (!QDir().mkpath(QFileInfo(databasePath).absolutePath()))
        return core::makeError(core::ErrorCode::Io, u"cannot create the folder of " + databasePath);
    static core::SystemClock clock; // Database keeps a reference; one for the program's life
    // The integrity check of a large cache takes most of a second: the window opens at once and
    // the check runs on the loader thread; nothing is written until it has passed.
    storage::Database::Options options;
    options.deferQuickCheck = true;
    auto db = storage::Database::open(databasePath, clock, options);
    if (!db)
        return db.error();
    std::unique_ptr<ConsoleSession> session(new ConsoleSession(std::move(db).value()));
    ConsoleSession* s = session.get();
    session->afterCheck([s, profile] {
        const QString detail = QString::fromUtf8(
            QJsonDocument(QJsonObject{{u"version"_s, QCoreApplication::applicationVersion()}})
                .toJson(QJsonDocument::Compact));
        (void)s->audit(s->actor(), u"console.open"_s, u"profile"_s, profile, detail);
    });
    return session;
}

void ConsoleSession::afterCheck(std::function<void()> next)
{
    if (m_check == Check::Passed)
        return next();
    if (m_check == Check::Failed)
        return;
    m_afterCheck.append(std::move(next));
    if (m_check == Check::Running)
        return;
    m_check = Check::Running;
    // A thread of its own: the check must not queue the first rows behind it on the loader.
    m_checker = std::make_unique<models::ReadWorker>(m_db->path());
    m_checker->post<core::Result<void>>(
        this, [](const storage::ReadSession& s) { return storage::Database::quickCheck(s); },
        [this](const core::Result<void>& verdict) {
            QTimer::singleShot(0, this, [this] { m_checker.reset(); }); // not from inside its own call
            if (!verdict && verdict.error().code == core::ErrorCode::CorruptDatabase) {
                m_check = Check::Failed;
                m_afterCheck.clear();
                return Q_EMIT damaged(ErrorText::describe(verdict.error()));
            }
            if (!verdict) {
                // Not a verdict on the file (busy, unreadable for now): say so and check again;
                // nothing is written meanwhile.
                m_check = Check::NotStarted;
                Q_EMIT syncFinished(false, false,
                                    tr("The cache could not be checked yet (%1); trying again.")
                                        .arg(ErrorText::describe(verdict.error())));
                return QTimer::singleShot(RecheckMs, this, [this] { afterCheck([] {}); });
            }
            m_check = Check::Passed;
            const auto waiting = std::exchange(m_afterCheck, {});
            for (const auto& f : waiting)
                f();
        });
}

QFuture<core::Result<void>> ConsoleSession::audit(const core::Actor& actor, const QString& action,
                                                  const QString& entity, const QString& entityId,
                                                  const QString& detailJson)
{
    return m_db->writer().submit(action, [=](storage::WriteContext& ctx) {
        return ctx.audit(actor, action, entity, entityId, detailJson);
    });
}

ConsoleSession::ConsoleSession(std::unique_ptr<storage::Database> db)
    : m_actor{storage::OperatorRepository::DefaultAdministratorId, QStringLiteral("admin"),
              core::Role::Administrator}
    , m_db(std::move(db))
    , m_source(std::make_unique<models::DataSource>(m_db->path(), &m_db->writer()))
{
    m_timer.setInterval(SyncIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &ConsoleSession::syncNow);
}

ConsoleSession::~ConsoleSession()
{
    if (m_engine)
        m_engine->cancel();
}

void ConsoleSession::startDemo()
{
    afterCheck([this] { launchDemo(); });
}

void ConsoleSession::launchDemo()
{
    m_demo = std::make_unique<DemoSimulator>();
    connect(m_demo.get(), &DemoSimulator::ready, this, [this](const QUrl& url) {
        connectPlatform({url, QByteArrayLiteral("demo"), QByteArrayLiteral("demo-secret")});
        Q_EMIT demoListening(url);
    });
    connect(m_demo.get(), &DemoSimulator::failed, this,
            [this](const QString& detail) { Q_EMIT syncFinished(false, true, detail); });
    Q_EMIT syncStarted();
    m_demo->start(6.0);
}

void ConsoleSession::startPlatform(const sync::PlatformEndpoint& endpoint)
{
    afterCheck([this, endpoint] { connectPlatform(endpoint); });
}

void ConsoleSession::connectPlatform(const sync::PlatformEndpoint& endpoint)
{
    Q_EMIT platformAboutToChange();
    m_engine.reset();
    m_transport = std::make_unique<sync::PlatformTransport>(endpoint, m_clock);
    m_engine = std::make_unique<sync::SyncEngine>(*m_db, *m_transport);
    connect(m_engine.get(), &sync::SyncEngine::progress, this, &ConsoleSession::syncProgress);
    connect(m_engine.get(), &sync::SyncEngine::pageCommitted, this, [this](const QString& feed, qint64) {
        m_source->scheduleChanged({feed, QStringLiteral("counters")});
    });
    connect(m_engine.get(), &sync::SyncEngine::roundFinished, this, [this](const sync::RoundSummary& s) {
        Q_EMIT syncFinished(s.ok(), s.outcome == sync::RoundSummary::Outcome::Offline, s.error);
        if (s.stockAlerts.isEmpty())
            return;
        QList<core::LowStockNotice> notices;
        for (const auto& c : s.stockAlerts)
            notices.append({c.goodsId, c.name, c.event == core::StockAlertEvent::Raised,
                            c.state.available.value_or(-1), c.state.threshold});
        m_source->scheduleChanged({QStringLiteral("stock_alerts")});
        Q_EMIT stockAlertsChanged(notices);
    });
    Q_EMIT platformConnected();
    m_timer.start();
    syncNow();
}

bool ConsoleSession::isSyncing() const
{
    return m_engine && m_engine->isRunning();
}

void ConsoleSession::syncNow()
{
    if (!m_engine || m_engine->isRunning())
        return;
    Q_EMIT syncStarted();
    m_engine->startRound();
}

QString ConsoleSession::lastExchange() const
{
    if (!m_transport)
        return {};
    const sync::Exchange x = m_transport->lastExchange();
    if (x.method.isEmpty())
        return {};
    QString out = QString::fromLatin1(x.method) + u' ' + QString::fromUtf8(x.url) + u'\n' +
                  headersText(x.requestHeaders);
    if (!x.requestBody.isEmpty())
        out += u'\n' + QString::fromUtf8(x.requestBody) + u'\n';
    out += u"\n— HTTP " + QString::number(x.httpStatus) + u" (" + x.outcome + u")\n" +
           headersText(x.responseHeaders) + u'\n' + QString::fromUtf8(x.responseBody);
    if (x.responseBodyBytes > x.responseBody.size())
        out += u'\n' + tr("… (%1 bytes in all)").arg(x.responseBodyBytes);
    return out;
}

} // namespace cardops::app
