#include "storage/sqlsupport_p.h"

#include <atomic>

namespace cardops::storage::detail {

using core::ErrorCode;
using core::makeError;

namespace {
ErrorCode kindOf(int resultCode)
{
    switch (resultCode & 0xff) { // the primary result code
    case 5: // SQLITE_BUSY
    case 6: // SQLITE_LOCKED
        return ErrorCode::Busy;
    case 11: // SQLITE_CORRUPT
        return ErrorCode::CorruptDatabase;
    case 26: // SQLITE_NOTADB
        return ErrorCode::NotADatabase;
    case 13: // SQLITE_FULL
    case 10: // SQLITE_IOERR
    case 14: // SQLITE_CANTOPEN
    case 8:  // SQLITE_READONLY
        return ErrorCode::Io;
    case 19: // SQLITE_CONSTRAINT
        return ErrorCode::Conflict;
    default:
        return ErrorCode::Storage;
    }
}
} // namespace

core::Error toError(const QSqlError& error, const QString& context)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    ErrorCode kind = ok ? kindOf(code) : ErrorCode::Storage;
    if (!ok) {
        // A failed prepare carries no native code in QtSql 6.4: recognise SQLite's own words.
        const QString words = error.databaseText() + u' ' + error.driverText();
        if (words.contains(u"malformed"))
            kind = ErrorCode::CorruptDatabase;
        else if (words.contains(u"not a database"))
            kind = ErrorCode::NotADatabase;
    }
    QString text = error.databaseText();
    if (text.isEmpty())
        text = error.driverText();
    return makeError(kind, context + u": " + text + u" (sqlite " + error.nativeErrorCode() + u')');
}

core::Error sqliteError(int resultCode, const QString& message, const QString& context)
{
    return makeError(kindOf(resultCode),
                     context + u": " + message + u" (sqlite " + QString::number(resultCode) + u')');
}

namespace {
core::Result<QSqlQuery> run(QSqlDatabase& db, const QString& sql, const QVariantList& binds)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        return toError(q.lastError(), u"prepare " + sql.left(80));
    for (const QVariant& v : binds)
        q.addBindValue(v);
    if (!q.exec())
        return toError(q.lastError(), u"exec " + sql.left(80));
    return q;
}
} // namespace

core::Result<qint64> exec(QSqlDatabase& db, const QString& sql, const QVariantList& binds)
{
    auto q = run(db, sql, binds);
    if (!q)
        return q.error();
    const qint64 affected = q.value().numRowsAffected();
    q.value().finish();
    return affected;
}

core::Result<qint64> insert(QSqlDatabase& db, const QString& sql, const QVariantList& binds)
{
    auto q = run(db, sql, binds);
    if (!q)
        return q.error();
    const qint64 id = q.value().lastInsertId().toLongLong();
    q.value().finish();
    return id;
}

core::Result<Rows> select(QSqlDatabase& db, const QString& sql, const QVariantList& binds)
{
    auto q = run(db, sql, binds);
    if (!q)
        return q.error();
    QSqlQuery& query = q.value();
    Rows rows;
    const int columns = query.record().count();
    while (query.next()) {
        QVariantList row;
        row.reserve(columns);
        for (int c = 0; c < columns; ++c)
            row.append(query.value(c));
        rows.append(std::move(row));
    }
    if (query.lastError().isValid())
        return toError(query.lastError(), u"step " + sql.left(80));
    query.finish();
    return rows;
}

QString newConnectionName(const QString& prefix)
{
    static std::atomic<quint64> counter{0};
    return prefix + u'-' + QString::number(++counter);
}

core::Result<QSqlDatabase> openConnection(const QString& name, const QString& path, bool readOnly)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    if (!db.isValid())
        return makeError(ErrorCode::Storage,
                         QStringLiteral("the Qt SQLite driver (QSQLITE) is not available"));
    db.setDatabaseName(path);
    QString options = QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000");
    if (readOnly)
        options += QStringLiteral(";QSQLITE_OPEN_READONLY");
    db.setConnectOptions(options);
    if (!db.open())
        return toError(db.lastError(), u"open " + path);
    return db;
}

core::Result<void> applyConnectionPragmas(QSqlDatabase& db)
{
    // journal_mode answers with a row, so it goes through select().
    auto mode = select(db, QStringLiteral("PRAGMA journal_mode=WAL"));
    if (!mode)
        return mode.error();
    if (mode->isEmpty() || mode->first().value(0).toString().compare(u"wal", Qt::CaseInsensitive) != 0)
        return makeError(ErrorCode::Storage, QStringLiteral("could not switch the database to WAL mode"));
    for (const char* pragma :
         {"PRAGMA synchronous=NORMAL", "PRAGMA foreign_keys=ON", "PRAGMA busy_timeout=5000"}) {
        auto r = exec(db, QString::fromLatin1(pragma));
        if (!r)
            return r.error();
    }
    return {};
}

void closeConnection(const QString& name)
{
    {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        if (db.isValid())
            db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

} // namespace cardops::storage::detail
