#pragma once

#include "core/result.h"

#include <QHash>
#include <QSet>
#include <QSqlDatabase>
#include <QString>
#include <QVariant>

struct sqlite3;
struct sqlite3_stmt;

namespace cardops::core {
class Clock;
}

namespace cardops::storage::detail {

// Prepared statements of the write connection, kept across batches (preparing is the dominant
// cost of a small upsert). They run through SQLite's C API on the connection QtSql opened (same
// connection, same transaction): QtSql 6.4 builds a ":N" string and a hash entry for every bound
// value, a third of the ingest's instructions (docs/dashboard.md, "Figures"). Values are bound and
// read as QSQLITE does. Each statement is reset after use, so none holds a read cursor open at
// COMMIT. Must be destroyed before the connection closes.
class StatementCache
{
public:
    explicit StatementCache(const QSqlDatabase& db);
    ~StatementCache();
    StatementCache(const StatementCache&) = delete;
    StatementCache& operator=(const StatementCache&) = delete;

    bool isUsable() const { return m_handle != nullptr; }
    // Binds `binds` positionally and steps the statement to its end; the rows go to `rows` when
    // given. Returns the rows changed (sqlite3_changes, as QSqlQuery::numRowsAffected).
    core::Result<qint64> run(const QString& sql, const QVariantList& binds, QList<QVariantList>* rows);
    void clear();

private:
    core::Result<sqlite3_stmt*> prepared(const QString& sql);
    sqlite3* m_handle = nullptr;
    QHash<QString, sqlite3_stmt*> m_statements;
};

struct WriteContextPrivate
{
    QSqlDatabase db;
    const core::Clock* clock = nullptr;
    QSet<QString> touched;
    StatementCache* statements = nullptr;
};

} // namespace cardops::storage::detail
