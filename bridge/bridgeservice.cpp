#include "bridge/bridgeservice.h"

#include "bridge/bridgeapi.h"
#include "bridge/bridgedb.h"
#include "bridge/compaction.h"
#include "bridge/installer.h"
#include "bridge/orderwrites.h"
#include "bridge/sequencer.h"
#include "sim/server/httpfront.h"

#include <QDateTime>
#include <QHostAddress>
#include <QTimer>

namespace cardops::bridge {

using core::ErrorCode;
using core::makeError;

BridgeService::BridgeService(const BridgeConfig& config, QObject* parent)
    : QObject(parent)
    , m_config(config)
{}

BridgeService::~BridgeService() = default;

core::Result<quint16> BridgeService::start()
{
    if (auto ok = m_config.validate(); !ok)
        return ok.error();
    m_db =
        std::make_unique<BridgeDb>(m_config, QStringLiteral("cardops-bridge-serve-%1").arg(quintptr(this)));
    if (auto ok = m_db->open(); !ok)
        return ok.error();
    auto epoch = installEpoch(*m_db);
    if (!epoch)
        return epoch.error();
    if (epoch.value().isEmpty())
        return makeError(
            ErrorCode::InvalidArgument,
            QStringLiteral("the bridge is not installed in %1: run `cardops-bridge install` first")
                .arg(m_config.dbName));
    m_api = std::make_unique<BridgeApi>(*m_db, epoch.value().toLatin1());
    auto* front = new sim::HttpFront(
        [this](const sim::SimRequest& request) {
            sim::ResponsePlan plan;
            plan.response = m_api->handle(request);
            return plan;
        },
        this);
    m_front = front;
    const quint16 port = front->listen(QHostAddress(m_config.listenAddress), quint16(m_config.listenPort));
    if (port == 0)
        return makeError(
            ErrorCode::Io,
            QStringLiteral("cannot listen on %1:%2").arg(m_config.listenAddress).arg(m_config.listenPort));
    auto* timer = new QTimer(this);
    timer->setInterval(1000);
    connect(timer, &QTimer::timeout, this, [this, compactor = std::make_shared<FeedCompactor>()] {
        if (!m_db->isOpen())
            return;
        if (auto moved = runSequencer(*m_db); !moved)
            qWarning("cardops-bridge: sequencer: %s", qPrintable(moved.error().detail));
        // Superseded feed rows older than 7 days, a window of the feed per tick (compaction.h).
        if (auto compacted = compactor->step(*m_db, QDateTime::currentSecsSinceEpoch()); !compacted)
            qWarning("cardops-bridge: feed compaction: %s", qPrintable(compacted.error().detail));
        // Idempotency keys past 8 days (acg-faka-model.md §4.11), a bounded batch per tick.
        if (auto pruned = pruneIdempotency(*m_db, QDateTime::currentSecsSinceEpoch()); !pruned)
            qWarning("cardops-bridge: idempotency prune: %s", qPrintable(pruned.error().detail));
    });
    timer->start();
    return port;
}

} // namespace cardops::bridge
