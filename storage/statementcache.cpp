// The write connection's statement cache over SQLite's C API (see writecontext_p.h).
#include "storage/sqlsupport_p.h"
#include "storage/writecontext_p.h"

#include <QDateTime>
#include <QSqlDriver>
#include <QTime>
#include <QUuid>
#include <sqlite3.h>
#include <vector>

namespace cardops::storage::detail {

namespace {

// QSqlResultPrivate::isVariantNull of Qt 6.4: a null string, byte array or date binds NULL too.
bool bindsNull(const QVariant& v)
{
    if (v.isNull())
        return true;
    switch (v.typeId()) {
    case QMetaType::QString:
        return static_cast<const QString*>(v.constData())->isNull();
    case QMetaType::QByteArray:
        return static_cast<const QByteArray*>(v.constData())->isNull();
    case QMetaType::QDateTime:
        return !static_cast<const QDateTime*>(v.constData())->isValid();
    case QMetaType::QDate:
        return static_cast<const QDate*>(v.constData())->isNull();
    case QMetaType::QTime:
        return static_cast<const QTime*>(v.constData())->isNull();
    case QMetaType::QUuid:
        return static_cast<const QUuid*>(v.constData())->isNull();
    default:
        return false;
    }
}

// Text goes in as UTF-8, the database's encoding (UTF-16 would make SQLite translate every value);
// `keep` holds the bytes until the statement is reset, so SQLite need not copy them.
int bindText(sqlite3_stmt* st, int index, const QString& text, std::vector<QByteArray>& keep)
{
    keep.push_back(text.toUtf8());
    return sqlite3_bind_text(st, index, keep.back().constData(), static_cast<int>(keep.back().size()),
                             SQLITE_STATIC);
}

// As QSQLiteResult::exec binds (Qt 6.4): byte arrays as blobs, integers as integers, doubles as
// reals, date-times as ISO text with milliseconds, anything else as its string.
int bindValue(sqlite3_stmt* st, int index, const QVariant& v, std::vector<QByteArray>& keep)
{
    if (bindsNull(v))
        return sqlite3_bind_null(st, index);
    switch (v.typeId()) {
    case QMetaType::QByteArray: {
        const auto* bytes = static_cast<const QByteArray*>(v.constData());
        return sqlite3_bind_blob(st, index, bytes->constData(), static_cast<int>(bytes->size()),
                                 SQLITE_TRANSIENT);
    }
    case QMetaType::Int:
    case QMetaType::Bool:
        return sqlite3_bind_int(st, index, v.toInt());
    case QMetaType::Double:
        return sqlite3_bind_double(st, index, v.toDouble());
    case QMetaType::UInt:
    case QMetaType::LongLong:
        return sqlite3_bind_int64(st, index, v.toLongLong());
    case QMetaType::QDateTime:
        return bindText(st, index, v.toDateTime().toString(Qt::ISODateWithMs), keep);
    case QMetaType::QTime:
        return bindText(st, index, v.toTime().toString(u"hh:mm:ss.zzz"), keep);
    case QMetaType::QString:
        return bindText(st, index, *static_cast<const QString*>(v.constData()), keep);
    default:
        return bindText(st, index, v.toString(), keep);
    }
}

// As QSQLiteResultPrivate::fetchNext reads (Qt 6.4): NULL is a null QString variant.
QVariant columnValue(sqlite3_stmt* st, int column)
{
    switch (sqlite3_column_type(st, column)) {
    case SQLITE_INTEGER:
        return QVariant::fromValue<qint64>(sqlite3_column_int64(st, column));
    case SQLITE_FLOAT:
        return sqlite3_column_double(st, column);
    case SQLITE_NULL:
        return QVariant(QMetaType::fromType<QString>());
    case SQLITE_BLOB:
        return QByteArray(static_cast<const char*>(sqlite3_column_blob(st, column)),
                          sqlite3_column_bytes(st, column));
    default:
        return QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(st, column)),
                                 sqlite3_column_bytes(st, column));
    }
}

} // namespace

StatementCache::StatementCache(const QSqlDatabase& db)
{
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0)
        m_handle = *static_cast<sqlite3* const*>(handle.constData());
}

StatementCache::~StatementCache()
{
    clear();
}

void StatementCache::clear()
{
    for (sqlite3_stmt* st : std::as_const(m_statements))
        sqlite3_finalize(st);
    m_statements.clear();
}

core::Result<sqlite3_stmt*> StatementCache::prepared(const QString& sql)
{
    if (sqlite3_stmt* st = m_statements.value(sql))
        return st;
    if (!m_handle)
        return core::makeError(core::ErrorCode::Storage, QStringLiteral("the write connection has no SQLite handle"));
    sqlite3_stmt* st = nullptr;
    const int rc = sqlite3_prepare16_v3(m_handle, sql.utf16(), static_cast<int>(sql.size()) * 2,
                                        SQLITE_PREPARE_PERSISTENT, &st, nullptr);
    if (rc != SQLITE_OK || st == nullptr) {
        sqlite3_finalize(st);
        return sqliteError(rc, QString::fromUtf8(sqlite3_errmsg(m_handle)), u"prepare " + sql.left(80));
    }
    m_statements.insert(sql, st);
    return st;
}

core::Result<qint64> StatementCache::run(const QString& sql, const QVariantList& binds, QList<QVariantList>* rows)
{
    auto p = prepared(sql);
    if (!p)
        return p.error();
    sqlite3_stmt* st = p.value();
    const auto fail = [&](int rc) {
        const QString message = QString::fromUtf8(sqlite3_errmsg(m_handle));
        sqlite3_reset(st);
        sqlite3_clear_bindings(st);
        return sqliteError(rc, message, u"exec " + sql.left(80));
    };
    if (sqlite3_bind_parameter_count(st) != binds.size())
        return core::makeError(core::ErrorCode::Storage, QStringLiteral("exec %1: %2 values for %3 parameters")
                                                             .arg(sql.left(80))
                                                             .arg(binds.size())
                                                             .arg(sqlite3_bind_parameter_count(st)));
    std::vector<QByteArray> texts; // bound SQLITE_STATIC: alive until the reset below
    texts.reserve(static_cast<size_t>(binds.size()));
    for (qsizetype i = 0; i < binds.size(); ++i)
        if (const int rc = bindValue(st, static_cast<int>(i) + 1, binds.at(i), texts); rc != SQLITE_OK)
            return fail(rc);
    const int columns = sqlite3_column_count(st);
    int rc = SQLITE_OK;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (!rows)
            continue;
        QVariantList row;
        row.reserve(columns);
        for (int c = 0; c < columns; ++c)
            row.append(columnValue(st, c));
        rows->append(std::move(row));
    }
    if (rc != SQLITE_DONE)
        return fail(rc);
    const qint64 changed = sqlite3_changes(m_handle);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return changed;
}

} // namespace cardops::storage::detail
