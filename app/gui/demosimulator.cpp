#include "app/gui/demosimulator.h"

#include "core/clock.h"
#include "sim/data/generator.h"
#include "sim/data/handover.h"
#include "sim/server/simserver.h"

#include <memory>

namespace cardops::app {

namespace {
constexpr qint64 kDemoHandover = 40;
}

// Owns the simulator on the simulator's thread (its sockets belong there).
class DemoSimulator::Host : public QObject
{
public:
    quint16 start(double perMinute)
    {
        sim::GeneratorParams params = sim::GeneratorParams::demo();
        params.commissionFaultsPer10k = 20; // a few wrong commissions for 佣金核对 to find
        m_server = std::make_unique<sim::SimServer>(sim::generatePlatform(params, m_clock), m_clock);
        // A few goods fulfilled by CardOps with a backlog waiting, so 履约 has work to show.
        sim::placeHandover(m_server->state(), m_server->suppliers().fulu(), kDemoHandover, 1, 12);
        const quint16 port = m_server->listen(QHostAddress::LocalHost, 0);
        if (port != 0 && perMinute > 0) {
            m_server->liveOrders().setOrdersPerMinute(perMinute);
            m_server->setLiveTickInterval(1000);
        }
        return port;
    }
    ~Host() override = default;

private:
    core::SystemClock m_clock;
    std::unique_ptr<sim::SimServer> m_server;
};

DemoSimulator::DemoSimulator(QObject* parent)
    : QObject(parent)
    , m_host(new Host)
{
    m_thread.setObjectName(QStringLiteral("cardops-demo-simulator"));
    m_host->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_host, &QObject::deleteLater);
    m_thread.start();
}

DemoSimulator::~DemoSimulator()
{
    m_thread.quit();
    m_thread.wait();
}

void DemoSimulator::start(double liveOrdersPerMinute)
{
    Host* host = m_host;
    QMetaObject::invokeMethod(
        host,
        [this, host, liveOrdersPerMinute] {
            const quint16 port = host->start(liveOrdersPerMinute);
            QMetaObject::invokeMethod(
                this,
                [this, port] {
                    if (port == 0)
                        return Q_EMIT failed(tr("The demo simulator could not listen on 127.0.0.1."));
                    m_url = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
                    Q_EMIT ready(m_url);
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

} // namespace cardops::app
