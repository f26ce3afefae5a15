#pragma once

#include "core/csvexport.h"
#include "core/result.h"

#include <QCoreApplication>
#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>
#include <QVariantList>
#include <atomic>
#include <functional>
#include <memory>
#include <optional>

class QIODevice;
class QThread;

namespace cardops::storage {
class ExportReader;
}

namespace cardops::models {

// The CSV export engine (issue #11 item 4; domain.md "Finance"): an export is a CsvExportSpec —
// columns plus a function that writes the rows through core::CsvExportWriter — run by exportCsv()
// into a QSaveFile that is committed only when every row was written. Orders, commissions and card
// metadata are in models/exporttables.h; the finance and dashboard exports build their own specs
// (CsvExportSpec::fromRows for tables already in memory, or a rows function over a storage stream).

// What a spec's rows function works with, on the export thread.
class CsvExportContext
{
public:
    CsvExportContext(QString databasePath, core::CsvExportWriter& writer, const std::atomic<bool>* cancel,
                     std::function<void(qint64)> progress);
    ~CsvExportContext();

    // The read connection of the export (opened on first use, on this thread).
    storage::ExportReader& reader();
    core::CsvExportWriter& writer() { return m_writer; }
    // Call after each row's endRow(): counts it, reports progress now and then, and returns false
    // once the export is cancelled (then stop and return).
    bool rowDone();
    qint64 rowsDone() const { return m_rows; }
    bool isCancelled() const;

private:
    QString m_path;
    core::CsvExportWriter& m_writer;
    const std::atomic<bool>* m_cancel;
    std::function<void(qint64)> m_progress;
    std::unique_ptr<storage::ExportReader> m_reader;
    qint64 m_rows = 0;
};

struct CsvExportSpec
{
    QList<core::CsvColumn> columns;
    // Rows the export will write, for progress (run before the rows); null = unknown.
    std::function<core::Result<qint64>(storage::ExportReader&)> count;
    // Writes the rows: per row the writer's add…() calls, endRow(), then ctx.rowDone(). An error
    // (the writer's included) fails the export; returning early after rowDone() == false cancels it.
    std::function<core::Result<void>(CsvExportContext& ctx)> rows;

    // A spec over rows already in memory (daily summaries, reconciliations, card lists): values as
    // core::CsvExportWriter::writeRow takes them.
    static CsvExportSpec fromRows(QList<core::CsvColumn> columns, QList<QVariantList> rows);
};

// How a run reports and stops: `progress(done, total)` on the export thread (total -1 = unknown),
// at most every few thousand rows and once at the end; `cancel` is read on every row.
struct CsvExportControl
{
    std::function<void(qint64 done, qint64 total)> progress;
    const std::atomic<bool>* cancel = nullptr;
};

struct CsvExportOutcome
{
    bool cancelled = false; // then no file was written (an existing target is left as it was)
    qint64 rows = 0;        // data rows written (the header not counted)
    QString path;
};

// Runs `spec` into `targetPath` (QSaveFile: the file appears only complete; cancel or failure
// leaves no file and no temporary). Errors: ErrorCode::Io with the device's own text (disk full,
// permission), the reader's storage errors, the writer's InvalidArgument. Any thread; blocking.
core::Result<CsvExportOutcome> exportCsv(const QString& databasePath, const CsvExportSpec& spec,
                                         const QString& targetPath, const CsvExportControl& control = {});
// The same into an open device (no commit step): rows written, or the first error.
core::Result<CsvExportOutcome> exportCsv(const QString& databasePath, const CsvExportSpec& spec,
                                         QIODevice* device, const CsvExportControl& control = {});

// Runs one export at a time on a thread of its own, so a million-row export neither freezes the UI
// nor queues the pages' loads behind it on the shared loader thread (DataSource::reader()): the
// export has its own read connection, reading keyset chunks beside the loaders under WAL.
// UI thread only.
class CsvExportJob : public QObject
{
    Q_OBJECT
public:
    explicit CsvExportJob(QString databasePath, QObject* parent = nullptr);
    ~CsvExportJob() override; // cancels and waits: a running export never outlives its job

    // False (and nothing starts) while another export runs.
    bool start(CsvExportSpec spec, const QString& targetPath);
    void cancel();
    bool isRunning() const { return m_thread != nullptr; }

    // An error as the operator reads it (translated), naming the target file.
    static QString describe(const core::Error& error, const QString& targetPath);

Q_SIGNALS:
    void progressed(qint64 done, qint64 total); // total -1 = unknown; a few times a second
    void finished(const QString& path, qint64 rows);
    void failed(const QString& message); // translated; no file was written
    void cancelled();                    // no file was written

private:
    struct Shared;
    void poll();
    void done();

    QString m_path;
    QThread* m_thread = nullptr;
    std::shared_ptr<Shared> m_shared;
    QString m_target;
    QTimer m_poll;
};

} // namespace cardops::models
