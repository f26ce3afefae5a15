#include "models/csvexportjob.h"

#include "storage/orderexport.h"

#include <QDir>
#include <QSaveFile>
#include <QThread>

using namespace Qt::StringLiterals;

namespace cardops::models {
namespace {

constexpr qint64 ProgressEveryRows = 4096;

} // namespace

CsvExportContext::CsvExportContext(QString databasePath, core::CsvExportWriter& writer,
                                   const std::atomic<bool>* cancel, std::function<void(qint64)> progress)
    : m_path(std::move(databasePath))
    , m_writer(writer)
    , m_cancel(cancel)
    , m_progress(std::move(progress))
{}

CsvExportContext::~CsvExportContext() = default;

storage::ExportReader& CsvExportContext::reader()
{
    if (!m_reader)
        m_reader = std::make_unique<storage::ExportReader>(m_path);
    return *m_reader;
}

bool CsvExportContext::isCancelled() const
{
    return m_cancel && m_cancel->load(std::memory_order_relaxed);
}

bool CsvExportContext::rowDone()
{
    ++m_rows;
    if (m_rows % ProgressEveryRows == 0 && m_progress)
        m_progress(m_rows);
    return !isCancelled();
}

CsvExportSpec CsvExportSpec::fromRows(QList<core::CsvColumn> columns, QList<QVariantList> rows)
{
    CsvExportSpec spec;
    spec.columns = std::move(columns);
    const qint64 total = rows.size();
    spec.count = [total](storage::ExportReader&) -> core::Result<qint64> {
        return total;
    };
    spec.rows = [rows = std::move(rows)](CsvExportContext& ctx) -> core::Result<void> {
        for (const QVariantList& row : rows) {
            if (auto written = ctx.writer().writeRow(row); !written)
                return written.error();
            if (!ctx.rowDone())
                return {};
        }
        return {};
    };
    return spec;
}

core::Result<CsvExportOutcome> exportCsv(const QString& databasePath, const CsvExportSpec& spec,
                                         QIODevice* device, const CsvExportControl& control)
{
    qint64 total = -1;
    core::CsvExportWriter writer(device, spec.columns);
    CsvExportContext ctx(databasePath, writer, control.cancel, [&](qint64 done) {
        if (control.progress)
            control.progress(done, total);
    });
    if (spec.count) {
        auto counted = spec.count(ctx.reader());
        if (!counted)
            return counted.error();
        total = *counted;
    }
    if (control.progress)
        control.progress(0, total);
    if (auto header = writer.writeHeader(); !header)
        return header.error();
    if (spec.rows) {
        if (auto rows = spec.rows(ctx); !rows)
            return rows.error();
    }
    CsvExportOutcome outcome;
    outcome.rows = ctx.rowsDone();
    if (ctx.isCancelled()) {
        outcome.cancelled = true;
        return outcome;
    }
    if (auto finished = writer.finish(); !finished)
        return finished.error();
    if (control.progress)
        control.progress(outcome.rows, total);
    return outcome;
}

core::Result<CsvExportOutcome> exportCsv(const QString& databasePath, const CsvExportSpec& spec,
                                         const QString& targetPath, const CsvExportControl& control)
{
    QSaveFile file(targetPath);
    if (!file.open(QIODevice::WriteOnly))
        return core::makeError(core::ErrorCode::Io,
                               u"cannot create "_s + targetPath + u": "_s + file.errorString());
    auto outcome = exportCsv(databasePath, spec, static_cast<QIODevice*>(&file), control);
    if (!outcome || outcome->cancelled) {
        file.cancelWriting(); // the temporary file goes with `file`; the target is untouched
        return outcome;
    }
    if (!file.commit())
        return core::makeError(core::ErrorCode::Io,
                               u"cannot save "_s + targetPath + u": "_s + file.errorString());
    outcome.value().path = targetPath;
    return outcome;
}

struct CsvExportJob::Shared
{
    std::atomic<bool> cancel{false};
    std::atomic<qint64> done{0};
    std::atomic<qint64> total{-1};
    // Written by the thread before it finishes, read after.
    std::optional<core::Result<CsvExportOutcome>> result;
};

CsvExportJob::CsvExportJob(QString databasePath, QObject* parent)
    : QObject(parent)
    , m_path(std::move(databasePath))
{
    m_poll.setInterval(150);
    connect(&m_poll, &QTimer::timeout, this, &CsvExportJob::poll);
}

CsvExportJob::~CsvExportJob()
{
    if (m_thread) {
        m_shared->cancel = true;
        m_thread->wait();
        delete m_thread;
    }
}

bool CsvExportJob::start(CsvExportSpec spec, const QString& targetPath)
{
    if (m_thread)
        return false;
    auto shared = std::make_shared<Shared>();
    m_shared = shared;
    m_target = targetPath;
    m_thread = QThread::create([shared, spec = std::move(spec), path = m_path, targetPath] {
        CsvExportControl control;
        control.cancel = &shared->cancel;
        control.progress = [&](qint64 done, qint64 total) {
            shared->total = total;
            shared->done = done;
        };
        shared->result = exportCsv(path, spec, targetPath, control);
    });
    m_thread->setObjectName(u"cardops-export"_s);
    connect(m_thread, &QThread::finished, this, &CsvExportJob::done);
    m_poll.start();
    m_thread->start(QThread::LowPriority);
    return true;
}

void CsvExportJob::cancel()
{
    if (m_shared)
        m_shared->cancel = true;
}

void CsvExportJob::poll()
{
    if (m_shared)
        Q_EMIT progressed(m_shared->done.load(), m_shared->total.load());
}

void CsvExportJob::done()
{
    m_poll.stop();
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
    const std::shared_ptr<Shared> shared = std::move(m_shared);
    const auto& result = *shared->result;
    if (!result) {
        Q_EMIT failed(describe(result.error(), m_target));
        return;
    }
    if (result->cancelled) {
        Q_EMIT cancelled();
        return;
    }
    Q_EMIT progressed(result->rows, shared->total.load());
    Q_EMIT finished(result->path, result->rows);
}

QString CsvExportJob::describe(const core::Error& error, const QString& targetPath)
{
    const QString file = QDir::toNativeSeparators(targetPath);
    switch (error.code) {
    case core::ErrorCode::Io:
        return tr("Could not write %1 (disk full, no permission or the folder is missing?); no file was "
                  "saved. Details: %2")
            .arg(file, error.detail);
    case core::ErrorCode::Busy:
        return tr("The cache is busy; try the export again in a moment. Details: %1").arg(error.detail);
    case core::ErrorCode::NotFound:
    case core::ErrorCode::NotADatabase:
    case core::ErrorCode::CorruptDatabase:
    case core::ErrorCode::Storage:
        return tr("Could not read the cache for the export; no file was saved. Details: %1")
            .arg(error.detail);
    default:
        return tr("The export failed; no file was saved. Details: %1").arg(error.detail);
    }
}

} // namespace cardops::models
