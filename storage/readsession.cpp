#include "storage/readsession.h"

#include "storage/database.h"
#include "storage/sqlsupport_p.h"

namespace cardops::storage {

ReadSession::ReadSession(const Database& database)
    : ReadSession(database.path())
{}

ReadSession::ReadSession(const QString& path)
    : m_name(detail::newConnectionName(QStringLiteral("cardops-read")))
{
    auto db = detail::openConnection(m_name, path, true);
    if (!db)
        m_error = db.error();
}

ReadSession::~ReadSession()
{
    detail::closeConnection(m_name);
}

core::Result<ReadSession::Rows> ReadSession::select(const QString& sql, const QVariantList& binds) const
{
    if (!isOpen())
        return m_error;
    QSqlDatabase db = QSqlDatabase::database(m_name, false);
    return detail::select(db, sql, binds);
}

} // namespace cardops::storage
