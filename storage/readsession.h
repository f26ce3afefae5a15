#pragma once

#include "core/result.h"

#include <QList>
#include <QString>
#include <QVariant>

namespace cardops::storage {

class Database;

// A read-only connection for the thread that creates it (loaders are dedicated QThreads with named
// connections, never pool threads). Create, use and destroy it on that one thread. WAL lets it read
// while the writer writes.
class ReadSession
{
public:
    using Rows = QList<QVariantList>;

    explicit ReadSession(const Database& database);
    explicit ReadSession(const QString& path);
    ~ReadSession();
    ReadSession(const ReadSession&) = delete;
    ReadSession& operator=(const ReadSession&) = delete;

    bool isOpen() const { return m_error.detail.isEmpty(); }
    const core::Error& openError() const { return m_error; }

    core::Result<Rows> select(const QString& sql, const QVariantList& binds = {}) const;

private:
    QString m_name;
    core::Error m_error;
};

} // namespace cardops::storage
