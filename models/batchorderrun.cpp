#include "models/batchorderrun.h"

#include "models/datasource.h"
#include "storage/databasewriter.h"
#include "storage/enterprisebatches.h"

#include <QFutureWatcher>

using namespace Qt::StringLiterals;

namespace cardops::models {

namespace eb = storage::enterprisebatches;

BatchOrderRun::BatchOrderRun(DataSource& source, MemberDeskBackend& backend, const core::Actor& actor,
                             QObject* parent)
    : QObject(parent)
    , m_source(source)
    , m_backend(&backend)
    , m_actor(actor)
{}

template<typename T>
void BatchOrderRun::write(const QString& name, std::function<core::Result<T>(storage::WriteContext&)> job,
                          std::function<void(core::Result<T>)> then)
{
    if (!m_source.writer())
        return then(core::makeError(core::ErrorCode::Storage, u"no writer"_s));
    auto* watcher = new QFutureWatcher<core::Result<T>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [watcher, then] {
        auto r = watcher->result();
        watcher->deleteLater();
        then(std::move(r));
    });
    watcher->setFuture(m_source.writer()->template submit<T>(name, std::move(job)));
}

void BatchOrderRun::start(qint64 memberId, qint64 goodsId, const QList<core::BatchOrderLine>& lines,
                          const QString& payChannel, const QString& contact)
{
    if (m_running)
        return;
    QList<eb::NewLine> rows;
    for (const core::BatchOrderLine& l : lines)
        if (!l.blocked() && l.quantity > 0)
            rows << eb::NewLine{l.lineNo, l.chargeAccount, l.quantity};
    if (rows.isEmpty())
        return Q_EMIT finished(0, 0, 0, 0, tr("No line can be ordered: every line has a problem."));
    m_running = true;
    const core::Actor actor = m_actor;
    write<qint64>(
        u"enterprise.batch"_s,
        [=](storage::WriteContext& ctx) {
            return eb::create(ctx, actor, memberId, goodsId, payChannel, contact, rows);
        },
        [this](core::Result<qint64> id) {
            m_running = false;
            if (!id)
                return stop(tr("The batch could not be saved: %1").arg(id.error().detail));
            m_source.notifyChanged({u"enterprise_batches"_s, u"enterprise_batch_lines"_s});
            resume(id.value());
        });
}

void BatchOrderRun::resume(qint64 batchId)
{
    if (m_running)
        return;
    m_running = true;
    m_cancelled = false;
    m_batchId = batchId;
    m_done = m_created = m_failed = 0;
    m_source.reader().post<core::Result<eb::Batch>>(
        this, [batchId](const storage::ReadSession& read) { return eb::batch(read, batchId); },
        [this](core::Result<eb::Batch> batch) {
            if (!batch)
                return stop(tr("The batch could not be read: %1").arg(batch.error().detail));
            m_template = OrderRequest{};
            m_template.memberId = batch->memberId;
            m_template.goodsId = batch->goodsId;
            m_template.payChannel = batch->payChannel;
            m_template.contact = batch->contact;
            m_queue.clear();
            for (const eb::BatchLine& l : batch->lines)
                if (!l.finished())
                    m_queue << Pending{l.lineNo, l.chargeAccount, l.quantity};
            m_total = int(m_queue.size());
            Q_EMIT started(m_batchId, m_total);
            Q_EMIT progress(0, m_total);
            sendNext();
        });
}

void BatchOrderRun::cancel()
{
    m_cancelled = true;
}

void BatchOrderRun::stop(const QString& error)
{
    m_running = false;
    const int left = int(m_queue.size());
    m_queue.clear();
    Q_EMIT finished(m_batchId, m_created, m_failed, left, error);
}

void BatchOrderRun::sendNext()
{
    if (m_queue.isEmpty() || m_cancelled)
        return stop(QString());
    if (!m_backend)
        return stop(tr("The platform connection is gone."));
    QString why;
    if (!m_backend->canAct(&why))
        return stop(why);
    const Pending line = m_queue.first();
    const qint64 batchId = m_batchId;
    write<void>(
        u"enterprise.line_sent"_s,
        [batchId, line](storage::WriteContext& ctx) { return eb::markSent(ctx, batchId, line.lineNo); },
        [this, line, batchId](core::Result<void> sent) {
            if (!sent) {
                // Finished meanwhile (another run): never sent twice.
                m_queue.removeFirst();
                ++m_done;
                Q_EMIT progress(m_done, m_total);
                return sendNext();
            }
            MemberDeskBackend* backend = m_backend.data();
            if (!backend)
                return stop(tr("The platform connection is gone."));
            OrderRequest request = m_template;
            request.chargeAccount = line.chargeAccount;
            request.quantity = line.quantity;
            backend->createOrder(
                request, eb::lineKey(batchId, line.lineNo), this,
                [this, line, batchId](OrderOutcome outcome) {
                    const bool created = outcome.orderId > 0 && outcome.error.isEmpty();
                    write<void>(
                        u"enterprise.line_answered"_s,
                        [batchId, line, outcome, created](storage::WriteContext& ctx) {
                            return created ? eb::markCreated(ctx, batchId, line.lineNo, outcome.orderId)
                                           : eb::markFailed(ctx, batchId, line.lineNo, outcome.error,
                                                            !outcome.retryable);
                        },
                        [this, line, outcome, created](core::Result<void> marked) {
                            m_source.scheduleChanged({u"enterprise_batch_lines"_s, u"enterprise_batches"_s});
                            Q_EMIT lineFinished(line.lineNo, outcome);
                            if (!marked)
                                return stop(
                                    tr("The answer could not be saved: %1").arg(marked.error().detail));
                            if (outcome.retryable)
                                return stop(outcome.error);
                            m_queue.removeFirst();
                            ++m_done;
                            ++(created ? m_created : m_failed);
                            Q_EMIT progress(m_done, m_total);
                            sendNext();
                        });
                });
        });
}

} // namespace cardops::models
