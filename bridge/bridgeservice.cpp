#include "bridge/bridgeservice.h"

#include "bridge/bridgeapi.h"
#include "bridge/bridgedb.h"
#include "bridge/installer.h"
#include "bridge/sequencer.h"
#include "sim/server/httpfront.h"

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
    connect(timer, &QTimer::timeout, this, [this] {
        if (m_db->isOpen())
            if (auto moved = runSequencer(*m_db); !moved)
                qWarning("cardops-bridge: sequencer: %s", qPrintable(moved.error().detail));
    });
    timer->start();
    return port;
}

} // namespace cardops::bridge
