#include "storage/databasewriter.h"

#include "core/clock.h"
#include "storage/sqlsupport_p.h"
#include "storage/writecontext_p.h"

#include <QMutexLocker>
#include <algorithm>

namespace cardops::storage {

using core::ErrorCode;
using core::makeError;

DatabaseWriter::DatabaseWriter(QString path, const core::Clock& clock, int maxBatch)
    : m_path(std::move(path))
    , m_clock(clock)
    , m_maxBatch(std::max(1, maxBatch))
{}

DatabaseWriter::~DatabaseWriter()
{
    QMutexLocker lock(&m_mutex);
    for (auto& job : m_queue)
        job->finish(
            makeError(ErrorCode::Storage, QStringLiteral("the database was closed before the job ran")));
    m_queue.clear();
}

void DatabaseWriter::enqueue(std::unique_ptr<WriteJob> job)
{
    QMutexLocker lock(&m_mutex);
    m_queue.push_back(std::move(job));
    if (m_drainScheduled)
        return;
    m_drainScheduled = true;
    lock.unlock();
    QMetaObject::invokeMethod(this, &DatabaseWriter::drain, Qt::QueuedConnection);
}

quint64 DatabaseWriter::generation() const
{
    QMutexLocker lock(&m_mutex);
    return m_generation;
}

bool DatabaseWriter::isOpen() const
{
    QMutexLocker lock(&m_mutex);
    return m_open;
}

void DatabaseWriter::openConnection()
{
    m_connectionName = detail::newConnectionName(QStringLiteral("cardops-writer"));
    auto db = detail::openConnection(m_connectionName, m_path, false);
    core::Result<void> pragmas =
        db ? detail::applyConnectionPragmas(db.value()) : core::Result<void>(db.error());
    // The writer maintains every index of a growing cache: SQLite's default 2 MB page cache makes
    // ingest re-read index pages from the OS on every page of a large shop (performance.md).
    if (pragmas) {
        auto sized = detail::exec(db.value(), QStringLiteral("PRAGMA cache_size=-65536"));
        if (!sized)
            pragmas = sized.error();
    }
    if (pragmas.ok()) {
        m_statements = std::make_unique<detail::StatementCache>(db.value());
        if (!m_statements->isUsable())
            pragmas = core::makeError(core::ErrorCode::Storage,
                                      QStringLiteral("the SQLite driver gives no connection handle"));
    }
    QMutexLocker lock(&m_mutex);
    m_open = pragmas.ok();
    if (!m_open) {
        lock.unlock();
        Q_EMIT failed(pragmas.error().detail);
    }
}

void DatabaseWriter::closeConnection()
{
    drain();
    {
        QMutexLocker lock(&m_mutex);
        m_open = false;
    }
    m_statements.reset();
    if (!m_connectionName.isEmpty())
        detail::closeConnection(m_connectionName);
    m_connectionName.clear();
}

void DatabaseWriter::drain()
{
    for (;;) {
        std::vector<std::unique_ptr<WriteJob>> batch;
        {
            QMutexLocker lock(&m_mutex);
            while (!m_queue.empty() && batch.size() < static_cast<size_t>(m_maxBatch)) {
                batch.push_back(std::move(m_queue.front()));
                m_queue.pop_front();
            }
            if (batch.empty()) {
                m_drainScheduled = false;
                return;
            }
        }
        runBatch(batch);
    }
}

void DatabaseWriter::runBatch(std::vector<std::unique_ptr<WriteJob>>& batch)
{
    auto failAll = [&](const core::Error& error) {
        for (auto& job : batch)
            job->finish(error);
        Q_EMIT failed(error.detail);
    };
    if (!isOpen()) {
        failAll(makeError(ErrorCode::Storage, QStringLiteral("the write connection is not open")));
        return;
    }
    detail::WriteContextPrivate priv{
        QSqlDatabase::database(m_connectionName, false), &m_clock, {}, m_statements.get()};
    auto begin = detail::exec(priv.db, QStringLiteral("BEGIN IMMEDIATE"));
    if (!begin) {
        failAll(begin.error());
        return;
    }

    std::vector<core::Result<void>> outcomes;
    outcomes.reserve(batch.size());
    QSet<QString> touched;
    bool anyCommitted = false;
    const QString savepoint = QStringLiteral("SAVEPOINT job");
    const QString release = QStringLiteral("RELEASE job");
    const QString rollbackTo = QStringLiteral("ROLLBACK TO job");
    for (auto& job : batch) {
        priv.touched.clear();
        auto sp = detail::exec(priv.db, savepoint);
        if (!sp) {
            outcomes.push_back(sp.error());
            continue;
        }
        WriteContext ctx(&priv);
        core::Result<void> outcome = job->run(ctx);
        if (outcome.ok()) {
            auto released = detail::exec(priv.db, release);
            if (released) {
                touched.unite(priv.touched);
                anyCommitted = true;
            } else {
                outcome = released.error();
            }
        }
        if (!outcome.ok()) {
            (void)detail::exec(priv.db, rollbackTo);
            (void)detail::exec(priv.db, release);
        }
        outcomes.push_back(std::move(outcome));
    }

    auto commit = detail::exec(priv.db, QStringLiteral("COMMIT"));
    if (!commit) {
        (void)detail::exec(priv.db, QStringLiteral("ROLLBACK"));
        failAll(commit.error());
        return;
    }
    quint64 generation = 0;
    {
        QMutexLocker lock(&m_mutex);
        generation = ++m_generation;
    }
    // Announce before resolving the futures: whoever waited for a job has the signal in its queue.
    if (anyCommitted) {
        QStringList tables(touched.cbegin(), touched.cend());
        tables.sort();
        Q_EMIT changed(tables, generation);
    }
    for (size_t i = 0; i < batch.size(); ++i)
        batch[i]->finish(outcomes[i]);
}

} // namespace cardops::storage
