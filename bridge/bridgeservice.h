#pragma once

#include "bridge/bridgeconfig.h"
#include "core/result.h"

#include <QObject>
#include <memory>

namespace cardops::bridge {

class BridgeDb;
class BridgeApi;

// `cardops-bridge serve`: one database connection, the API behind the simulator's HTTP front
// (sim/server/httpfront.h, the only QHttpServer adapter), and a sequencer step every second so the
// change inbox stays short between requests. Lives in the thread that created it.
class BridgeService : public QObject
{
    Q_OBJECT
public:
    explicit BridgeService(const BridgeConfig& config, QObject* parent = nullptr);
    ~BridgeService() override;

    // Connects, checks that `install` ran, listens. Answers the port (config port 0 = any free one).
    core::Result<quint16> start();

private:
    BridgeConfig m_config;
    std::unique_ptr<BridgeDb> m_db;
    std::unique_ptr<BridgeApi> m_api;
    QObject* m_front = nullptr;
};

} // namespace cardops::bridge
