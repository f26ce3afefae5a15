#include "app/gui/fulfilmentdesk.h"

#include "app/gui/supplierdesk.h"
#include "storage/database.h"
#include "storage/platformcache.h"
#include "storage/readsession.h"
#include "suppliers/requestnumber.h"
#include "sync/fulfilmentlease.h"
#include "sync/fulfilmentnotices.h"
#include "sync/fulfilmentservice.h"
#include "sync/fulfilmentworker.h"
#include "sync/transport/platformtransport.h"

#include <QSettings>
#include <QSysInfo>

using namespace Qt::StringLiterals;

namespace cardops::app {

FulfilmentDesk::FulfilmentDesk(storage::Database& db, const core::Clock& clock, SupplierDesk& suppliers,
                               QString profile, QObject* parent)
    : models::FulfilmentControl(parent)
    , m_db(db)
    , m_clock(clock)
    , m_suppliers(suppliers)
    , m_profile(std::move(profile))
    , m_holderId(consoleHolderId(m_profile))
{
    m_totals.holderId = QString::fromLatin1(m_holderId);
    connect(&m_suppliers, &SupplierDesk::purchaserAboutToChange, this, &FulfilmentDesk::teardown);
    connect(&m_suppliers, &SupplierDesk::purchaserChanged, this, [this] {
        if (m_wanted)
            build();
        Q_EMIT changed();
    });
}

FulfilmentDesk::~FulfilmentDesk()
{
    teardown();
}

QByteArray FulfilmentDesk::consoleHolderId(const QString& profile)
{
    QByteArray id = "console-" + QSysInfo::machineHostName().toUtf8() + '-' + profile.toUtf8();
    for (char& c : id)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_'))
            c = '_';
    return id.left(128);
}

void FulfilmentDesk::setPlatform(sync::PlatformTransport* transport, sync::SyncEngine* engine)
{
    teardown();
    m_transport = transport;
    m_engine = engine;
    if (m_transport && remembered())
        m_wanted = true;
    if (m_wanted)
        build();
    Q_EMIT changed();
}

void FulfilmentDesk::start()
{
    if (m_service && !m_service->isRunning())
        teardown(); // a stop still winding down: start afresh
    m_wanted = true;
    m_totals.lastError.clear();
    remember(true);
    build();
    Q_EMIT changed();
}

void FulfilmentDesk::stop()
{
    m_wanted = false;
    remember(false);
    if (m_service)
        m_service->stop(); // stopped() tears down once the lease is given back
    else
        teardown();
    Q_EMIT changed();
}

void FulfilmentDesk::build()
{
    if (m_service || !m_transport)
        return;
    m_lease = std::make_unique<sync::FulfilmentLease>(*m_transport, m_clock, m_holderId, &m_db.writer());
    m_worker = std::make_unique<sync::FulfilmentWorker>(
        m_db.writer(), m_db.path(), *m_transport, *m_lease, m_suppliers.purchaser(),
        m_suppliers.purchaser() ? m_suppliers.suppliersByProtocol() : QHash<QString, QString>(),
        sync::FulfilmentWorker::shopTagFor(m_transport->endpoint().appId), m_suppliers.sealKey());
    sync::FulfilmentService::Options options;
    options.idleInterval = std::chrono::seconds(10); // each cycle is a sync round of the session's engine
    options.retakeInterval = std::chrono::seconds(15);
    m_service = std::make_unique<sync::FulfilmentService>(m_engine, *m_lease, *m_worker, options);
    connect(m_service.get(), &sync::FulfilmentService::passFinished, this, &FulfilmentDesk::onPass);
    connect(m_service.get(), &sync::FulfilmentService::leaseAcquired, this, [this] {
        m_totals.lastError.clear();
        Q_EMIT changed();
    });
    connect(m_service.get(), &sync::FulfilmentService::leaseLost, this,
            [this](const QString&, const QByteArray& other) {
                m_totals.lastError = other.isEmpty()
                                         ? tr("The fulfilment lease was lost; taking it again shortly.")
                                         : tr("%1 holds the fulfilment lease; this console waits for it.")
                                               .arg(QString::fromUtf8(other));
                Q_EMIT changed();
            });
    connect(m_service.get(), &sync::FulfilmentService::stopped, this, [this] {
        if (!m_wanted)
            QMetaObject::invokeMethod(this, &FulfilmentDesk::teardown, Qt::QueuedConnection);
        Q_EMIT changed();
    });
    sync::FulfilmentNotices::connect(*m_service, *m_worker, m_clock, [this](const core::Notification& n) {
        Q_EMIT notice(static_cast<int>(n.kind), n.title, n.text, n.orderId);
    });
    m_service->start();
}

void FulfilmentDesk::teardown()
{
    m_service.reset(); // a pass in flight finishes as stopped; the lease lapses if not given back
    m_worker.reset();
    if (m_lease && m_lease->isHeld())
        m_lease->release();
    m_lease.reset();
}

void FulfilmentDesk::onPass(const sync::FulfilmentPassSummary& s)
{
    ++m_totals.passes;
    m_totals.deliveredFromStock += s.deliveredFromStock;
    m_totals.deliveredBought += s.deliveredBought;
    m_totals.heldForReview += s.heldForReview;
    m_totals.refunded += s.refunded;
    m_totals.waiting = s.waiting;
    m_totals.lastPassAt = m_clock.nowSeconds();
    if (!s.error.isEmpty())
        m_totals.lastError = tr("The last pass stopped: %1").arg(s.error);
    Q_EMIT changed();
}

models::FulfilmentStatus FulfilmentDesk::status() const
{
    models::FulfilmentStatus s = m_totals;
    s.available = m_transport != nullptr;
    s.running = m_service && m_service->isRunning();
    s.suppliers = m_suppliers.purchaser() != nullptr;
    storage::ReadSession read(m_db);
    s.leaseHolder = storage::platformcache::state(read, storage::statekeys::LeaseHolder).valueOr(QString());
    s.leaseExpiresAt = storage::platformcache::state(read, storage::statekeys::LeaseExpiresAt)
                           .valueOr(QString())
                           .toLongLong();
    if (m_lease && m_lease->isHeld()) {
        s.leaseHolder = s.holderId;
        s.leaseExpiresAt = m_lease->expiresAt();
    }
    return s;
}

void FulfilmentDesk::remember(bool run)
{
    QSettings settings;
    settings.setValue(u"fulfilment/"_s + m_profile + u"/run"_s, run);
}

bool FulfilmentDesk::remembered() const
{
    return QSettings().value(u"fulfilment/"_s + m_profile + u"/run"_s, false).toBool();
}

} // namespace cardops::app
