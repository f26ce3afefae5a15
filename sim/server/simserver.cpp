#include "sim/server/simserver.h"

#include <QTimer>

namespace cardops::sim {

SimServer::SimServer(std::unique_ptr<PlatformState> state, const core::Clock& clock, QObject* parent)
    : QObject(parent)
    , m_state(std::move(state))
    , m_clock(clock)
    , m_live(*m_state, 0x1a7e)
    , m_editor(*m_state, 0xad31)
    , m_api(*m_state)
    , m_suppliers(clock)
    , m_front([this](const SimRequest& r) { return process(r); }, this)
{
    // The demo's goods link to supplier products: the supplier roles must sell them.
    m_suppliers.stockLinkedGoods(m_state->goods());
}

SimServer::~SimServer() = default;

quint16 SimServer::listen(const QHostAddress& address, quint16 port)
{
    return m_front.listen(address, port);
}

void SimServer::setLiveTickInterval(int intervalMs)
{
    if (m_tick == nullptr) {
        m_tick = new QTimer(this);
        connect(m_tick, &QTimer::timeout, this, [this] { m_live.tick(); });
    }
    if (intervalMs > 0)
        m_tick->start(intervalMs);
    else
        m_tick->stop();
}

ResponsePlan SimServer::process(const SimRequest& request)
{
    ++m_requests;
    if (SupplierRoles::serves(request.path))
        return m_suppliers.process(request);
    m_live.advance(m_clock.nowMilliseconds());
    const FaultRoll roll = m_faults.roll();
    const FaultConfig& config = m_faults.config();
    Rng& rng = m_faults.rng();
    ResponsePlan plan;
    if (roll.has(FaultMode::Editor)) {
        m_faults.count(FaultMode::Editor);
        m_editor.editRandom(static_cast<int>(rng.range(1, 3)));
    }
    if (roll.has(FaultMode::LateCommit)) {
        m_faults.count(FaultMode::LateCommit);
        m_editor.lateCommit(rng.range(30, 240));
    }
    if (roll.has(FaultMode::Latency)) {
        m_faults.count(FaultMode::Latency);
        plan.delayMs =
            static_cast<int>(rng.range(config.latencyMinMs, qMax(config.latencyMinMs, config.latencyMaxMs)));
    }
    const ApiResult platformFault = ApiResult::error(500, 50000, "platform fault");
    if (roll.has(FaultMode::TooMany)) {
        m_faults.count(FaultMode::TooMany);
        plan.response = ApiHandler::respond(ApiResult::error(429, 42900, "too many requests"));
        plan.response.retryAfter = QByteArray::number(config.retryAfterSeconds);
        return plan;
    }
    if (roll.has(FaultMode::BadSignature)) {
        m_faults.count(FaultMode::BadSignature);
        plan.response = ApiHandler::respond(ApiResult::error(401, 40102, "bad signature"));
        return plan;
    }
    // 5xx and timeouts strike before the change (nothing applied) or after it (applied, answer lost).
    const bool lostAfterCommit = roll.applyBeforeLoss;
    auto timeOut = [&](SimResponse late) {
        m_faults.count(FaultMode::Timeout);
        plan.answer = config.timeoutAnswerMs > 0;
        plan.delayMs = config.timeoutAnswerMs;
        plan.response = std::move(late);
        return plan;
    };
    if (roll.has(FaultMode::ServerError) && !lostAfterCommit) {
        m_faults.count(FaultMode::ServerError);
        plan.response = ApiHandler::respond(platformFault);
        return plan;
    }
    if (roll.has(FaultMode::Timeout) && !lostAfterCommit)
        return timeOut(ApiHandler::respond(ApiResult::error(503, 50000, "platform fault")));

    ApiHandler::Options options;
    options.duplicatePage = roll.has(FaultMode::DuplicatePage);
    options.shuffledPage = roll.has(FaultMode::ShuffledPage);
    options.rng = &rng;
    ApiHandler::Outcome outcome = m_api.handle(request, options);
    if (outcome.duplicated)
        m_faults.count(FaultMode::DuplicatePage);
    if (outcome.shuffled)
        m_faults.count(FaultMode::ShuffledPage);
    if (roll.has(FaultMode::ServerError)) {
        m_faults.count(FaultMode::ServerError);
        plan.response = ApiHandler::respond(platformFault);
        return plan;
    }
    if (roll.has(FaultMode::Timeout))
        return timeOut(outcome.response);
    plan.response = outcome.response;
    m_faults.spoil(plan.response.body, roll);
    return plan;
}

} // namespace cardops::sim
