#pragma once

#include "core/result.h"
#include "storage/writecontext.h"

#include <QFuture>
#include <QMutex>
#include <QObject>
#include <QPromise>
#include <QStringList>
#include <deque>
#include <functional>
#include <memory>

namespace cardops::core {
class Clock;
}

namespace cardops::storage {
namespace detail {
class StatementCache;
}

// One unit of work for the writer. run() happens on the writer thread inside the job's SAVEPOINT;
// finish() is called once the batch is committed (with run's result) or failed (with the error).
class WriteJob
{
public:
    explicit WriteJob(QString name)
        : m_name(std::move(name))
    {}
    virtual ~WriteJob() = default;
    const QString& name() const { return m_name; }
    virtual core::Result<void> run(WriteContext& ctx) = 0;
    virtual void finish(const core::Result<void>& outcome) = 0;

private:
    QString m_name;
};

// The only write connection (qBittorrent's DB worker): a thread of its own that takes queued jobs,
// runs up to maxBatch of them in one transaction started with BEGIN IMMEDIATE, one SAVEPOINT per
// job so a failing job rolls back alone, and emits changed() after each commit. submit() may be
// called from any thread; the object lives on the writer thread (Database owns both).
class DatabaseWriter : public QObject
{
    Q_OBJECT
public:
    DatabaseWriter(QString path, const core::Clock& clock, int maxBatch = 256);
    // The clock that stamps every write.
    const core::Clock& clock() const { return m_clock; }
    ~DatabaseWriter() override;

    // Queues a job; the future resolves after its batch commits (or fails).
    template<typename T>
    QFuture<core::Result<T>> submit(QString name, std::function<core::Result<T>(WriteContext&)> body);
    QFuture<core::Result<void>> submit(QString name, std::function<core::Result<void>(WriteContext&)> body)
    {
        return submit<void>(std::move(name), std::move(body));
    }
    void enqueue(std::unique_ptr<WriteJob> job);

    quint64 generation() const;
    bool isOpen() const;

    // Called on the writer thread when it starts and before it stops.
    void openConnection();
    void closeConnection();

Q_SIGNALS:
    // After each commit: the tables the committed jobs touched and the new generation.
    void changed(const QStringList& tables, quint64 generation);
    void failed(const QString& detail);

private:
    void drain();
    void runBatch(std::vector<std::unique_ptr<WriteJob>>& batch);

    const QString m_path;
    const core::Clock& m_clock;
    const int m_maxBatch;
    QString m_connectionName;
    std::unique_ptr<detail::StatementCache> m_statements; // writer thread only
    mutable QMutex m_mutex;
    std::deque<std::unique_ptr<WriteJob>> m_queue; // guarded by m_mutex
    bool m_drainScheduled = false;                 // guarded by m_mutex
    quint64 m_generation = 0;                      // guarded by m_mutex
    bool m_open = false;                           // guarded by m_mutex
};

namespace detail {

template<typename T> class FunctionJob final : public WriteJob
{
public:
    FunctionJob(QString name, std::function<core::Result<T>(WriteContext&)> body)
        : WriteJob(std::move(name))
        , m_body(std::move(body))
    {
        m_promise.start();
    }
    QFuture<core::Result<T>> future() { return m_promise.future(); }

    core::Result<void> run(WriteContext& ctx) override
    {
        auto r = m_body(ctx);
        if (!r.ok())
            return r.error();
        if constexpr (!std::is_void_v<T>)
            m_value = std::make_unique<T>(std::move(r).value());
        return {};
    }

    void finish(const core::Result<void>& outcome) override
    {
        if (!outcome.ok()) {
            m_promise.addResult(core::Result<T>(outcome.error()));
        } else if constexpr (std::is_void_v<T>) {
            m_promise.addResult(core::Result<void>());
        } else {
            m_promise.addResult(core::Result<T>(std::move(*m_value)));
        }
        m_promise.finish();
    }

private:
    std::function<core::Result<T>(WriteContext&)> m_body;
    QPromise<core::Result<T>> m_promise;
    std::unique_ptr<std::conditional_t<std::is_void_v<T>, int, T>> m_value;
};

} // namespace detail

template<typename T>
QFuture<core::Result<T>> DatabaseWriter::submit(QString name,
                                                std::function<core::Result<T>(WriteContext&)> body)
{
    auto job = std::make_unique<detail::FunctionJob<T>>(std::move(name), std::move(body));
    QFuture<core::Result<T>> future = job->future();
    enqueue(std::move(job));
    return future;
}

} // namespace cardops::storage
