// FulfilmentWorker: the pass — reading candidates from the cache, deciding, keeping a few orders in
// progress at once. The steps of one order are in fulfilmentsteps.cpp.
#include "sync/fulfilmentworker.h"

#include "storage/databasewriter.h"
#include "storage/fulfilmentrules.h"
#include "storage/readsession.h"
#include "suppliers/requestnumber.h"
#include "sync/fulfilmentlease.h"
#include "sync/fulfilmentworker_p.h"
#include "sync/purchaser.h"

using namespace Qt::StringLiterals;

namespace cardops::sync {

FulfilmentWorker::FulfilmentWorker(storage::DatabaseWriter& writer, QString databasePath,
                                   PlatformTransport& transport, FulfilmentLease& lease, Purchaser* purchaser,
                                   QHash<QString, QString> suppliersByProtocol, QByteArray shopTag,
                                   QByteArray sealKey, QObject* parent)
    : FulfilmentWorker(writer, std::move(databasePath), transport, lease, purchaser,
                       std::move(suppliersByProtocol), std::move(shopTag), std::move(sealKey), Options{},
                       parent)
{}

FulfilmentWorker::FulfilmentWorker(storage::DatabaseWriter& writer, QString databasePath,
                                   PlatformTransport& transport, FulfilmentLease& lease, Purchaser* purchaser,
                                   QHash<QString, QString> suppliersByProtocol, QByteArray shopTag,
                                   QByteArray sealKey, const Options& options, QObject* parent)
    : QObject(parent)
    , m_writer(writer)
    , m_databasePath(std::move(databasePath))
    , m_transport(transport)
    , m_lease(lease)
    , m_purchaser(purchaser)
    , m_suppliersByProtocol(std::move(suppliersByProtocol))
    , m_shopTag(std::move(shopTag))
    , m_sealKey(std::move(sealKey))
    , m_options(options)
{
    m_options.batch = qMax(1, m_options.batch);
    m_options.concurrency = qMax(1, m_options.concurrency);
}

FulfilmentWorker::~FulfilmentWorker()
{
    if (m_pass) {
        m_pass->summary.error = u"the worker was stopped"_s;
        m_pass->promise.addResult(m_pass->summary);
        m_pass->promise.finish();
    }
}

QByteArray FulfilmentWorker::shopTagFor(const QByteArray& appId)
{
    return suppliers::RequestNoGenerator::shopTag(QByteArray("app:" + appId));
}

storage::ReadSession& FulfilmentWorker::read()
{
    if (!m_read)
        m_read = std::make_unique<storage::ReadSession>(m_databasePath);
    return *m_read;
}

QFuture<FulfilmentPassSummary> FulfilmentWorker::runPass()
{
    if (m_pass)
        return m_pass->promise.future();
    m_pass = std::make_unique<Pass>();
    m_pass->promise.start();
    QFuture<FulfilmentPassSummary> future = m_pass->promise.future();
    if (!m_lease.isHeld()) {
        m_pass->summary.leaseLost = true;
        finishPass();
        return future;
    }
    if (m_purchaser == nullptr) {
        startPass();
        return future;
    }
    // Settle what a crash (or a lost answer) left open before anything is bought again.
    watch(m_purchaser->resume(), [this](const core::Result<ResumeSummary>&) {
        if (m_pass)
            startPass();
    });
    return future;
}

void FulfilmentWorker::stop()
{
    if (!m_pass)
        return;
    m_pass->stopping = true;
    if (m_pass->inFlight == 0)
        finishPass();
}

void FulfilmentWorker::startPass()
{
    auto rules = storage::fulfilmentrules::current(read());
    if (!rules) {
        m_pass->summary.error = rules.error().detail;
        return finishPass();
    }
    m_pass->rules = std::move(rules).value();
    fillSlots();
}

void FulfilmentWorker::fillSlots()
{
    Pass& pass = *m_pass;
    while (!pass.stopping && pass.inFlight < m_options.concurrency) {
        if (pass.queue.isEmpty()) {
            if (pass.exhausted)
                break;
            const bool handedOver = pass.phase == Pass::Phase::HandedOver;
            auto batch = handedOver ? storage::fulfilments::handedOver(read(), pass.afterCreatedAt,
                                                                       pass.afterId, m_options.batch)
                                    : storage::fulfilments::unsettled(read(), m_options.batch);
            if (!batch) {
                pass.summary.error = batch.error().detail;
                pass.stopping = true;
                break;
            }
            if (handedOver) {
                if (!batch->isEmpty()) {
                    pass.afterCreatedAt = batch->constLast().order.createdAt;
                    pass.afterId = batch->constLast().order.id;
                }
                if (batch->size() < m_options.batch)
                    pass.phase = Pass::Phase::Unsettled;
            } else {
                pass.exhausted = true; // one batch of them a pass; the rest the next time
            }
            for (const storage::FulfilmentCandidate& c : std::as_const(batch.value()))
                if (!pass.seen.contains(c.order.id))
                    pass.queue.append({c, !handedOver});
            continue;
        }
        auto job = std::make_shared<Job>();
        const auto [candidate, unsettled] = pass.queue.takeFirst();
        job->candidate = candidate;
        job->unsettled = unsettled;
        pass.seen.insert(job->candidate.order.id);
        ++pass.inFlight;
        ++pass.summary.looked;
        if (job->candidate.record)
            step(job);
        else
            decide(job);
        if (!m_pass)
            return;
    }
    if (m_pass && m_pass->inFlight == 0 &&
        (m_pass->stopping || (m_pass->queue.isEmpty() && m_pass->exhausted)))
        finishPass();
}

void FulfilmentWorker::decide(const JobPtr& job)
{
    if (!leaseOk(job))
        return finish(job);
    auto context = storage::fulfilmentrules::orderContext(read(), job->candidate.order);
    if (!context) {
        m_pass->summary.error = context.error().detail;
        m_pass->stopping = true;
        return finish(job);
    }
    const core::Decision decision = core::decide(m_pass->rules, job->candidate.order, context.value());
    const qint64 orderId = job->candidate.order.id;
    const QString holder = QString::fromLatin1(m_lease.holderId());
    auto recorded = m_writer.submit<std::optional<storage::FulfilmentRecord>>(
        u"fulfilment.decide"_s,
        [orderId, decision,
         holder](storage::WriteContext& ctx) -> core::Result<std::optional<storage::FulfilmentRecord>> {
            if (auto r = storage::fulfilments::recordDecision(ctx, orderId, decision, holder); !r)
                return r.error();
            return storage::fulfilments::find(ctx, orderId);
        });
    watch(recorded, [this, job](const core::Result<std::optional<storage::FulfilmentRecord>>& record) {
        if (!record || !record.value()) {
            m_pass->summary.error = record ? u"the decision was not recorded"_s : record.error().detail;
            m_pass->stopping = true;
            return finish(job);
        }
        job->candidate.record = record.value();
        step(job);
    });
}

void FulfilmentWorker::jobDone(const JobPtr& job)
{
    Q_UNUSED(job)
    if (!m_pass)
        return;
    --m_pass->inFlight;
    // Queued: a step that ends at once must not start the next order inside its own call.
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (m_pass)
                fillSlots();
        },
        Qt::QueuedConnection);
}

void FulfilmentWorker::finishPass()
{
    std::unique_ptr<Pass> pass = std::move(m_pass);
    pass->promise.addResult(pass->summary);
    pass->promise.finish();
}

} // namespace cardops::sync
