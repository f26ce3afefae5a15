#pragma once

#include "core/result.h"

#include <QString>
#include <memory>

class QThread;

namespace cardops::core {
class Clock;
}

namespace cardops::storage {

class DatabaseWriter;
class ReadSession;

// A CardOps cache file. open() refuses, and leaves untouched, anything that is not a healthy
// CardOps database of this or an earlier schema (a corrupt file, a non-CardOps SQLite file, a file
// from a newer CardOps); otherwise it applies the pending migrations (after a backup copy) and
// starts the writer thread. Create, use and destroy it on one thread (usually the main thread);
// the writer may be fed from any thread.
class Database
{
public:
    struct Options
    {
        bool create = true;         // create the file when it does not exist
        bool checkIntegrity = true; // PRAGMA quick_check before touching an existing file
        // With checkIntegrity: run the quick_check here only when a migration is about to write;
        // otherwise the caller runs quickCheck() (on a loader thread) before its first write. A
        // console on a large cache opens at once and checks while the first rows show.
        bool deferQuickCheck = false;
        bool backupBeforeMigrate = true;
    };

    static core::Result<std::unique_ptr<Database>> open(const QString& path, const core::Clock& clock,
                                                        const Options& options);
    static core::Result<std::unique_ptr<Database>> open(const QString& path, const core::Clock& clock)
    {
        return open(path, clock, Options{});
    }
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    const QString& path() const { return m_path; }
    int schemaVersion() const { return m_schemaVersion; }
    const core::Clock& clock() const { return m_clock; }
    DatabaseWriter& writer() const { return *m_writer; }

    // Full PRAGMA integrity_check on a connection of the calling thread.
    core::Result<void> checkIntegrity() const;
    // PRAGMA quick_check on the session's connection: CorruptDatabase with the first problems.
    static core::Result<void> quickCheck(const ReadSession& session);

private:
    struct ThreadStopper
    {
        void operator()(QThread* thread) const;
    };
    Database(QString path, const core::Clock& clock, int schemaVersion);

    QString m_path;
    const core::Clock& m_clock;
    int m_schemaVersion = 0;
    std::unique_ptr<QThread, ThreadStopper> m_thread;
    std::unique_ptr<DatabaseWriter> m_writer;
};

} // namespace cardops::storage
