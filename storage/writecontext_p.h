#pragma once

#include "core/result.h"

#include <QHash>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <memory>

namespace cardops::core {
class Clock;
}

namespace cardops::storage::detail {

// Prepared statements of the write connection, kept across batches (preparing is the dominant
// cost of a small upsert). Each query is finish()ed after use, so none holds a read cursor open at
// COMMIT.
class StatementCache
{
public:
    explicit StatementCache(QSqlDatabase db)
        : m_db(std::move(db))
    {}
    core::Result<QSqlQuery*> prepared(const QString& sql);
    void clear() { m_queries.clear(); }

private:
    QSqlDatabase m_db;
    QHash<QString, std::shared_ptr<QSqlQuery>> m_queries;
};

struct WriteContextPrivate
{
    QSqlDatabase db;
    const core::Clock* clock = nullptr;
    QSet<QString> touched;
    StatementCache* statements = nullptr;
};

// Binds `binds` positionally to a cached statement and runs it; rows are read by the caller, which
// must call finish() (execCached does).
core::Result<QSqlQuery*> runCached(WriteContextPrivate& d, const QString& sql, const QVariantList& binds);

} // namespace cardops::storage::detail
