#pragma once

#include "core/access.h"
#include "core/batchorderlines.h"
#include "models/memberdeskbackend.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

namespace cardops::storage {
class WriteContext;
}

namespace cardops::models {

class DataSource;

// Runs an enterprise batch (storage/enterprisebatches.h): writes the batch with its lines, then
// orders line after line through the MemberDeskBackend with the line's own key, marking each line
// sent before and created/failed after. A lost answer or an unreachable platform stops the run and
// leaves the line sent: resume() sends it again with the same key, so nothing is ordered twice.
// UI thread.
class BatchOrderRun : public QObject
{
    Q_OBJECT
public:
    BatchOrderRun(DataSource& source, MemberDeskBackend& backend, const core::Actor& actor,
                  QObject* parent = nullptr);

    // A new batch of the lines that are not blocked (warnings included: the operator accepted them).
    void start(qint64 memberId, qint64 goodsId, const QList<core::BatchOrderLine>& lines,
               const QString& payChannel = QStringLiteral("balance"), const QString& contact = {});
    // The unfinished lines of an existing batch, each with its key.
    void resume(qint64 batchId);
    // Stops after the line in flight.
    void cancel();

    bool isRunning() const { return m_running; }
    qint64 batchId() const { return m_batchId; }

Q_SIGNALS:
    void started(qint64 batchId, int lines);
    // One line answered: the order, or the error (retryable: stays unfinished).
    void lineFinished(qint64 lineNo, const cardops::models::OrderOutcome& outcome);
    void progress(int done, int total);
    // The run ended: created and failed lines of this run, lines still unfinished in the batch,
    // and the error that stopped it ("" when it ran through or was cancelled).
    void finished(qint64 batchId, int created, int failed, int unfinished, const QString& error);

private:
    struct Pending
    {
        qint64 lineNo = 0;
        QString chargeAccount;
        qint64 quantity = 0;
    };
    void sendNext();
    void stop(const QString& error);
    template<typename T>
    void write(const QString& name, std::function<core::Result<T>(storage::WriteContext&)> job,
               std::function<void(core::Result<T>)> then);

    DataSource& m_source;
    QPointer<MemberDeskBackend> m_backend;
    core::Actor m_actor;
    qint64 m_batchId = 0;
    OrderRequest m_template;
    QList<Pending> m_queue;
    int m_total = 0;
    int m_done = 0;
    int m_created = 0;
    int m_failed = 0;
    bool m_running = false;
    bool m_cancelled = false;
};

} // namespace cardops::models
