#pragma once

// Private to storage/: the only place besides storage .cpp files that sees QtSql.

#include "core/result.h"

#include <QList>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QString>
#include <QVariant>

namespace cardops::storage::detail {

using Rows = QList<QVariantList>;

// Maps an SQLite error (QSqlError::nativeErrorCode holds the primary or extended result code) to
// an ErrorCode, keeping the SQLite text in the detail.
core::Error toError(const QSqlError& error, const QString& context);
// The same from SQLite's own result code and message (the C API path of the statement cache).
core::Error sqliteError(int resultCode, const QString& message, const QString& context);

// Prepares, binds and runs one statement (one statement per exec, architecture.md) and finishes
// it, so no statement stays active across COMMIT.
core::Result<qint64> exec(QSqlDatabase& db, const QString& sql, const QVariantList& binds = {});
core::Result<qint64> insert(QSqlDatabase& db, const QString& sql, const QVariantList& binds = {});
core::Result<Rows> select(QSqlDatabase& db, const QString& sql, const QVariantList& binds = {});

// A unique connection name for this process ("<prefix>-<n>").
QString newConnectionName(const QString& prefix);

// Opens an SQLite connection under `name`; QSQLITE_BUSY_TIMEOUT and optional read-only.
core::Result<QSqlDatabase> openConnection(const QString& name, const QString& path, bool readOnly);

// Sets the pragmas of every CardOps connection: WAL, synchronous=NORMAL, foreign keys, busy timeout.
core::Result<void> applyConnectionPragmas(QSqlDatabase& db);

// Closes and removes the connection `name` (the handle must be out of scope in the caller).
void closeConnection(const QString& name);

} // namespace cardops::storage::detail
