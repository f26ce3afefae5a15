#include "app/cli/servecommand.h"

#include "app/cli/errortext.h"
#include "app/cli/suppliercommand.h"
#include "core/cipher.h"
#include "core/clock.h"
#include "core/notifyconfig.h"
#include "core/stocknotices.h"
#include "sim/data/generator.h"
#include "sim/server/simserver.h"
#include "storage/database.h"
#include "suppliers/requestnumber.h"
#include "sync/fulfilmentlease.h"
#include "sync/fulfilmentnotices.h"
#include "sync/fulfilmentservice.h"
#include "sync/fulfilmentworker.h"
#include "sync/notifier.h"
#include "sync/notifytext.h"
#include "sync/purchaser.h"
#include "sync/secretstore.h"
#include "sync/supplierfactory.h"
#include "sync/syncengine.h"
#include "sync/transport/platformtransport.h"

#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QSysInfo>
#include <QTimer>
#include <csignal>
#include <memory>
#include <vector>

using namespace Qt::StringLiterals;

namespace cardops::app {

namespace {

volatile std::sig_atomic_t g_stopRequested = 0;

extern "C" void requestStop(int signal)
{
    g_stopRequested = signal;
}

QByteArray readSecret(const QString& directory, const QString& profile, const QString& supplierId,
                      QTextStream& err)
{
    if (const QByteArray env = qgetenv(SupplierCommand::secretVariable(supplierId).constData());
        !env.isEmpty())
        return env;
    sync::SecretStore store(directory);
    QEventLoop loop;
    QByteArray secret;
    store.readSupplier(profile, supplierId, &loop, [&](const core::Result<QByteArray>& r) {
        if (r.ok())
            secret = r.value();
        else
            err << ServeCommand::tr("The secret of supplier %1 cannot be read: %2")
                       .arg(supplierId, ErrorText::describe(r.error()))
                << Qt::endl;
        loop.quit();
    });
    loop.exec();
    return secret;
}

core::Result<QByteArray> readSealKey(const QString& directory, const QString& profile)
{
    sync::SecretStore store(directory);
    QEventLoop loop;
    core::Result<QByteArray> key = core::makeError(core::ErrorCode::Busy, u"no answer"_s);
    store.sealKey(profile, &loop, [&](core::Result<QByteArray> r) {
        key = std::move(r);
        loop.quit();
    });
    loop.exec();
    return key;
}

sync::FulfilmentLease::Options leaseOptions(int ttlSeconds)
{
    const std::chrono::milliseconds ttl(qMax(3, ttlSeconds) * 1000LL);
    sync::FulfilmentLease::Options o;
    o.maxTtl = ttl;
    o.safetyMargin = ttl / 6;
    o.renewLead = ttl / 3;
    o.retryDelay = qMin(std::chrono::milliseconds(2000), ttl / 30);
    o.checkInterval = qMin(std::chrono::milliseconds(500), ttl / 60);
    return o;
}

} // namespace

ServeCommand::ServeCommand(QTextStream& out, QTextStream& err)
    : m_out(out)
    , m_err(err)
{}

QByteArray ServeCommand::defaultHolder(const QString& profile)
{
    QByteArray id = "serve-" + QSysInfo::machineHostName().toUtf8() + '-' + profile.toUtf8();
    for (char& c : id)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_'))
            c = '_';
    return id.left(128);
}

int ServeCommand::run(const QString& databasePath, Options o)
{
    if (!QDir().mkpath(QFileInfo(databasePath).absolutePath())) {
        m_err << tr("Cannot create the folder for %1.").arg(databasePath) << Qt::endl;
        return 1;
    }
    core::SystemClock clock;
    auto db = storage::Database::open(databasePath, clock);
    if (!db) {
        m_err << tr("Cannot open %1: %2").arg(databasePath, ErrorText::describe(db.error())) << Qt::endl;
        return 1;
    }

    std::unique_ptr<sync::Notifier> notifier;
    if (!o.notifyConfig.isEmpty()) {
        auto config = core::loadNotifyConfig(o.notifyConfig);
        auto secrets = config ? core::resolveEnvironment(config.value())
                              : core::Result<QHash<QString, QByteArray>>(config.error());
        if (!secrets) {
            m_err << tr("The notification settings cannot be used: %1")
                         .arg(ErrorText::describe(secrets.error()))
                  << Qt::endl;
            return 2;
        }
        notifier = std::make_unique<sync::Notifier>(config.value(), secrets.value());
        for (const QString& problem : notifier->configurationProblems())
            m_err << tr("Notifications: %1").arg(problem) << Qt::endl;
        QObject::connect(
            notifier.get(), &sync::Notifier::failed, notifier.get(), [this](const sync::NotifyFailure& f) {
                m_err << tr("Notification to %1 failed: %2").arg(f.channel, f.detail) << Qt::endl;
            });
    }

    std::unique_ptr<sim::SimServer> simulator;
    if (o.demo) {
        simulator = std::make_unique<sim::SimServer>(
            sim::generatePlatform(sim::GeneratorParams::demo(), clock), clock);
        const quint16 port = simulator->listen(QHostAddress::LocalHost, 0);
        if (port == 0) {
            m_err << tr("Cannot start the built-in demo simulator.") << Qt::endl;
            return 1;
        }
        o.url = QUrl(u"http://127.0.0.1:%1"_s.arg(port));
        o.appId = QByteArrayLiteral("demo");
        o.secret = QByteArrayLiteral("demo-secret");
        o.simSuppliers = true;
        m_out << tr("Demo profile: fulfilling for the built-in simulator (演示数据).") << Qt::endl;
    }
    if (o.simSuppliers)
        o.suppliers = sync::demoSupplierEndpoints(o.url);

    const QString keyDirectory =
        o.profileDirectory.isEmpty() ? QFileInfo(databasePath).absolutePath() : o.profileDirectory;
    const QString keyProfile = o.profile.isEmpty() ? QFileInfo(databasePath).completeBaseName() : o.profile;
    std::vector<std::unique_ptr<suppliers::Supplier>> adapters;
    QHash<QString, suppliers::Supplier*> byId;
    QHash<QString, QString> byProtocol;
    for (const core::SupplierEndpoint& e : std::as_const(o.suppliers)) {
        const QByteArray secret =
            o.simSuppliers ? sync::demoSupplierSecret(e) : readSecret(keyDirectory, keyProfile, e.id, m_err);
        auto adapter = sync::makeSupplier(e, secret, &clock);
        if (!adapter) {
            m_err << tr("Supplier %1 cannot be docked: %2").arg(e.id, ErrorText::describe(adapter.error()))
                  << Qt::endl;
            continue;
        }
        adapters.push_back(std::move(adapter).value());
        byId.insert(e.id, adapters.back().get());
        if (!byProtocol.contains(e.protocol))
            byProtocol.insert(e.protocol, e.id);
    }
    QByteArray sealKey;
    if (!adapters.empty()) {
        auto key = readSealKey(keyDirectory, keyProfile);
        if (!key || key->size() != core::kSealKeySize) {
            m_err << tr("The seal key cannot be read, so nothing will be bought from suppliers: %1")
                         .arg(key ? tr("wrong size") : ErrorText::describe(key.error()))
                  << Qt::endl;
            adapters.clear();
            byId.clear();
            byProtocol.clear();
        } else {
            sealKey = key.value();
        }
    }

    sync::PlatformTransport transport({o.url, o.appId, o.secret}, clock);
    sync::SyncEngine engine(**db, transport);
    suppliers::RequestNoGenerator numbers(QByteArrayLiteral("CDO"), clock);
    std::unique_ptr<sync::Purchaser> purchaser;
    if (!byId.isEmpty())
        purchaser = std::make_unique<sync::Purchaser>((*db)->writer(), databasePath, sealKey, byId, numbers);
    sync::FulfilmentLease lease(transport, clock, o.holder, leaseOptions(o.leaseTtlSeconds),
                                &(*db)->writer());
    sync::FulfilmentWorker::Options workerOptions;
    workerOptions.concurrency = o.concurrency;
    sync::FulfilmentWorker worker((*db)->writer(), databasePath, transport, lease, purchaser.get(),
                                  byProtocol, sync::FulfilmentWorker::shopTagFor(o.appId), sealKey,
                                  workerOptions);
    sync::FulfilmentService::Options serviceOptions;
    serviceOptions.idleInterval = std::chrono::seconds(qMax(1, o.intervalSeconds));
    serviceOptions.retakeInterval =
        std::chrono::seconds(qMax(1, qMin(o.intervalSeconds, o.leaseTtlSeconds / 4)));
    serviceOptions.maxPasses = o.once ? 1 : 0;
    sync::FulfilmentService service(&engine, lease, worker, serviceOptions);

    sync::FulfilmentNotices::connect(service, worker, clock, [&notifier](const core::Notification& n) {
        if (notifier)
            notifier->notify(n);
    });
    // Low-stock alerts of each round go to the channels too (docs/notifications.md, low_stock).
    QObject::connect(&engine, &sync::SyncEngine::roundFinished, &engine,
                     [&notifier, &clock](const sync::RoundSummary& s) {
                         if (!notifier || s.stockAlerts.isEmpty())
                             return;
                         QList<core::LowStockNotice> notices;
                         for (const auto& c : s.stockAlerts)
                             notices.append({c.goodsId, c.name, c.event == core::StockAlertEvent::Raised,
                                             c.state.available.value_or(-1), c.state.threshold});
                         if (const auto n = core::StockNotices::lowStock(notices, clock.nowSeconds()))
                             notifier->notify(*n);
                     });
    if (notifier) {
        core::Notification started;
        started.kind = core::Notification::Kind::WorkerStarted;
        started.title = sync::NotifyText::title(started.kind);
        started.text = tr("The fulfilment worker %1 started.").arg(QString::fromLatin1(o.holder));
        started.at = clock.nowSeconds();
        notifier->notify(started);
    }

    int exitCode = 0;
    QEventLoop loop;
    QObject::connect(&service, &sync::FulfilmentService::stopped, &loop, &QEventLoop::quit);
    QObject::connect(&service, &sync::FulfilmentService::leaseAcquired, &loop, [&](qint64) {
        m_out << tr("Holding the fulfilment lease as %1.").arg(QString::fromLatin1(o.holder)) << Qt::endl;
    });
    QObject::connect(
        &service, &sync::FulfilmentService::leaseLost, &loop,
        [&](const QString& reason, const QByteArray& other) {
            m_out << (other.isEmpty()
                          ? tr("The fulfilment lease is not ours: %1").arg(reason)
                          : tr("The fulfilment lease is held by %1.").arg(QString::fromUtf8(other)))
                  << Qt::endl;
            if (o.once) {
                exitCode = 1;
                service.stop();
            }
        });
    QObject::connect(&service, &sync::FulfilmentService::syncFinished, &loop,
                     [&](const sync::RoundSummary& s) {
                         if (!s.ok())
                             m_err << tr("Sync failed: %1").arg(s.error) << Qt::endl;
                     });
    QObject::connect(&service, &sync::FulfilmentService::passFinished, &loop,
                     [&](const sync::FulfilmentPassSummary& s) {
                         if (s.looked == 0 && s.error.isEmpty() && !o.once)
                             return;
                         m_out << tr("Pass: %1 orders · %2 delivered from stock · %3 bought and delivered · "
                                     "%4 held for review · %5 refunded · %6 settled elsewhere · %7 waiting · "
                                     "%8 errors")
                                      .arg(s.looked)
                                      .arg(s.deliveredFromStock)
                                      .arg(s.deliveredBought)
                                      .arg(s.heldForReview)
                                      .arg(s.refunded)
                                      .arg(s.settledElsewhere)
                                      .arg(s.waiting)
                                      .arg(s.errors)
                               << Qt::endl;
                         if (!s.error.isEmpty()) {
                             m_err << tr("Fulfilment stopped: %1").arg(s.error) << Qt::endl;
                             if (o.once)
                                 exitCode = 1; // serve goes on with the next pass
                         }
                         if (o.once && s.leaseLost)
                             exitCode = 1;
                     });

    g_stopRequested = 0;
    std::signal(SIGINT, requestStop);
    std::signal(SIGTERM, requestStop);
    QTimer stopPoll;
    QObject::connect(&stopPoll, &QTimer::timeout, &loop, [&] {
        if (g_stopRequested == 0 || !service.isRunning())
            return;
        m_out << tr("Signal %1: stopping, giving the fulfilment lease back.")
                     .arg(static_cast<int>(g_stopRequested))
              << Qt::endl;
        g_stopRequested = 0;
        service.stop();
    });
    stopPoll.start(200);
    m_out << tr("Fulfilling for %1 as %2.")
                 .arg(o.url.toString(QUrl::RemoveUserInfo), QString::fromLatin1(o.holder))
          << Qt::endl;
    service.start();
    loop.exec();
    if (notifier) {
        notifier->flush();
        QEventLoop drain;
        QObject::connect(notifier.get(), &sync::Notifier::idle, &drain, &QEventLoop::quit);
        QTimer::singleShot(10000, &drain, &QEventLoop::quit);
        if (!notifier->isIdle())
            drain.exec();
    }
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    return exitCode;
}

} // namespace cardops::app
