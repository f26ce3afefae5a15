#include "sim/server/supplierroles.h"

#include "sim/data/linkedsupply.h"

namespace cardops::sim {

namespace {

bool isFulu(QByteArrayView path)
{
    return path == FuluGateway::kPath;
}

} // namespace

SupplierRoles::SupplierRoles(const core::Clock& clock, const SupplierParams& params)
    : m_clock(clock)
{
    reset(params);
}

SupplierRoles::~SupplierRoles() = default;

bool SupplierRoles::serves(QByteArrayView path)
{
    return isFulu(path) || path.startsWith(AcgFakaHandler::kPrefix);
}

void SupplierRoles::reset(const SupplierParams& params)
{
    m_fulu = std::make_unique<FuluState>(m_clock, params.seed);
    m_fulu->setTiming(params.fulu);
    m_fulu->setBalance(params.fuluBalance);
    m_acg = std::make_unique<AcgFakaState>(m_clock, params.seed);
    m_acg->setBalance(params.acgBalance);
    m_seed = params.seed;
    stockLinkedProducts(m_linkedGoods, m_seed, *m_fulu, *m_acg);
    m_gateway = std::make_unique<FuluGateway>(*m_fulu);
    m_store = std::make_unique<AcgFakaHandler>(*m_acg);
}

void SupplierRoles::stockLinkedGoods(const QList<Goods>& goods)
{
    QList<Goods> linked;
    for (const Goods& g : goods)
        if (!g.supplierLinks.isEmpty())
            linked.append(g);
    stockLinkedProducts(linked, m_seed, *m_fulu, *m_acg);
    m_linkedGoods.append(linked);
}

void SupplierRoles::setFaults(const SupplierFaultConfig& config)
{
    m_config = config;
    FaultConfig shared = config.shared;
    shared.seed = config.shared.seed ^ 0x5u; // dice of their own, apart from the platform's
    m_faults.setConfig(shared);
}

SupplierRoles::Handled SupplierRoles::handle(const SimRequest& request, bool corruptResultSign)
{
    if (isFulu(request.path)) {
        const FuluGateway::Outcome o = m_gateway->handle(request, {corruptResultSign});
        return {o.response, false, o.executed, o.signedResult};
    }
    const AcgFakaHandler::Outcome o = m_store->handle(request);
    return {o.response, o.html, o.executed, false};
}

SimResponse SupplierRoles::refusal(const SimRequest& request) const
{
    return isFulu(request.path) ? m_gateway->signatureRefusal() : AcgFakaHandler::signatureRefusal(request);
}

ResponsePlan SupplierRoles::process(const SimRequest& request)
{
    ++m_requests;
    ResponsePlan plan;
    const bool struck = isFulu(request.path) ? m_config.fulu : m_config.acgFaka;
    auto html = [&plan](SimResponse page) {
        plan.response = std::move(page);
        plan.contentType = AcgFakaHandler::kHtmlType.toByteArray();
        return plan;
    };
    if (!struck) {
        const Handled handled = handle(request, false);
        if (handled.html)
            return html(handled.response);
        plan.response = handled.response;
        return plan;
    }
    // Every die is drawn on every request, so one mode's rate does not shift the others'.
    const FaultRoll roll = m_faults.roll();
    Rng& rng = m_faults.rng();
    const bool lose = rng.chance(m_config.lostResponse);
    const bool corrupt = rng.chance(m_config.badResultSign);
    const FaultConfig& config = m_faults.config();
    if (roll.has(FaultMode::Latency)) {
        m_faults.count(FaultMode::Latency);
        plan.delayMs =
            static_cast<int>(rng.range(config.latencyMinMs, qMax(config.latencyMinMs, config.latencyMaxMs)));
    }
    if (roll.has(FaultMode::TooMany)) {
        m_faults.count(FaultMode::TooMany);
        ResponsePlan tooMany =
            html(AcgFakaHandler::htmlPage(429, "429 Too Many Requests", "Too many requests."));
        tooMany.response.retryAfter = QByteArray::number(config.retryAfterSeconds);
        return tooMany;
    }
    if (roll.has(FaultMode::BadSignature)) {
        m_faults.count(FaultMode::BadSignature);
        plan.response = refusal(request);
        return plan;
    }
    // 5xx and timeouts strike before the request is handled (nothing applied) or after it
    // (applied, answer lost), half the time each.
    const bool lostAfterCommit = roll.applyBeforeLoss;
    const SimResponse serverError = AcgFakaHandler::htmlPage(500, "500 Internal Server Error",
                                                             "The server encountered an internal error.");
    auto timeOut = [&](SimResponse late) {
        m_faults.count(FaultMode::Timeout);
        plan.answer = config.timeoutAnswerMs > 0;
        plan.delayMs = config.timeoutAnswerMs;
        plan.response = std::move(late);
        return plan;
    };
    if (roll.has(FaultMode::ServerError) && !lostAfterCommit) {
        m_faults.count(FaultMode::ServerError);
        return html(serverError);
    }
    if (roll.has(FaultMode::Timeout) && !lostAfterCommit) {
        plan.contentType = AcgFakaHandler::kHtmlType.toByteArray();
        return timeOut(AcgFakaHandler::htmlPage(504, "504 Gateway Time-out", "The upstream timed out."));
    }

    const Handled handled = handle(request, corrupt);
    if (corrupt && handled.signedResult)
        ++m_badResultSigns;
    if (roll.has(FaultMode::ServerError)) {
        m_faults.count(FaultMode::ServerError);
        return html(serverError);
    }
    if (handled.html)
        plan.contentType = AcgFakaHandler::kHtmlType.toByteArray();
    if (roll.has(FaultMode::Timeout))
        return timeOut(handled.response);
    if (lose && handled.executed) {
        ++m_lostResponses;
        plan.answer = false;
        plan.drop = true;
        return plan;
    }
    plan.response = handled.response;
    m_faults.spoil(plan.response.body, roll);
    return plan;
}

} // namespace cardops::sim
