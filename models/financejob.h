#pragma once

#include "storage/finance.h"

#include <QIODevice>
#include <QObject>
#include <QTimer>
#include <functional>
#include <memory>

namespace cardops::models {

class DataSource;

// 财务 (issue #11 item 3) on the loader thread (DataSource::reader()): the daily summary, the three
// reconciliations, the months with their adjustments, and CSV files written through QSaveFile there
// too; month close and reopen go through the writer. Progress a few times a second, cancel stops the
// running read. One read at a time: starting another while one runs is refused (returns false).
// UI thread only.
class FinanceJob : public QObject
{
    Q_OBJECT
public:
    explicit FinanceJob(DataSource& source, QObject* parent = nullptr);
    ~FinanceJob() override;

    bool summary(qint64 fromDay, qint64 toDay); // as booked: closed months from their snapshots
    bool reconcile(qint64 fromDay, qint64 toDay);
    bool months(qint64 nowSeconds);
    // Writes `path` with `write` on the loader thread through a QSaveFile (nothing left on failure).
    bool exportCsv(const QString& path, std::function<core::Result<void>(QIODevice*)> write);
    void cancel();
    bool isRunning() const { return m_progress != nullptr; }

    // Writes (need a writer): the answer comes as monthClosed / monthReopened or failed.
    void closeMonth(const core::Actor& actor, const QString& month);
    void reopenMonth(const core::Actor& actor, const QString& month, const QString& reason);

    // The operator's words for a difference kind and a measure code.
    static QString kindName(storage::finance::DiffKind kind);
    static QString measureName(const QString& code);

Q_SIGNALS:
    void progressed(qint64 done, qint64 total);
    void summaryReady(const cardops::storage::finance::Summary& summary);
    void reconciled(const cardops::storage::finance::Reconciliation& result);
    void monthsReady(const QList<cardops::storage::finance::MonthState>& months,
                     const QList<cardops::storage::finance::Adjustment>& adjustments);
    void exported(const QString& path);
    void monthClosed(const QString& month, const cardops::storage::finance::Summary& snapshot);
    void monthReopened(const QString& month);
    void failed(const QString& message); // in the operator's language
    void cancelled();

private:
    template<typename T>
    bool start(std::function<core::Result<T>(const storage::ReadSession&, storage::finance::Progress*)> work,
               std::function<void(const T&)> ready);
    void poll();

    DataSource& m_source;
    std::shared_ptr<storage::finance::Progress> m_progress;
    QTimer m_poll;
};

} // namespace cardops::models
