#include "bridge/bridgedb.h"

#include <QSqlError>

namespace cardops::bridge {

using core::ErrorCode;
using core::makeError;

BridgeDb::BridgeDb(const BridgeConfig& config, const QString& connectionName)
    : m_config(config)
    , m_name(connectionName)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QMYSQL"), m_name);
    db.setHostName(config.dbHost);
    db.setPort(config.dbPort);
    db.setDatabaseName(config.dbName);
    db.setUserName(config.dbUser);
    db.setPassword(config.dbPassword);
    db.setConnectOptions(QStringLiteral("MYSQL_OPT_CONNECT_TIMEOUT=10"));
}

BridgeDb::~BridgeDb()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_name);
}

core::Result<void> BridgeDb::open()
{
    QSqlDatabase db = QSqlDatabase::database(m_name, false);
    if (!db.isValid())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("the QMYSQL driver is missing (Debian: libqt6sql6-mysql)"));
    if (!db.open())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("cannot connect to %1:%2/%3 as %4: %5")
                             .arg(m_config.dbHost)
                             .arg(m_config.dbPort)
                             .arg(m_config.dbName, m_config.dbUser, db.lastError().text()));
    // Session time zone UTC for the bridge's own TIMESTAMP columns; acg's DATETIME columns are
    // zone-less Asia/Shanghai text and are read as text (acg-faka-model.md §3).
    for (const char* sql : {"SET NAMES utf8mb4", "SET time_zone = '+00:00'"})
        if (auto ok = exec(QString::fromLatin1(sql)); !ok)
            return ok.error();
    return {};
}

bool BridgeDb::isOpen() const
{
    return QSqlDatabase::database(m_name, false).isOpen();
}

void BridgeDb::close()
{
    QSqlDatabase db = QSqlDatabase::database(m_name, false);
    db.close();
}

QSqlDatabase BridgeDb::database() const
{
    return QSqlDatabase::database(m_name, false);
}

QString BridgeDb::acg(const char* table) const
{
    return u'`' + m_config.prefix + QLatin1StringView(table) + u'`';
}

QString BridgeDb::own(const char* table) const
{
    return u'`' + ownName(table) + u'`';
}

QString BridgeDb::ownName(const char* name) const
{
    return m_config.ownPrefix + QLatin1StringView(name);
}

core::Result<void> BridgeDb::exec(const QString& sql)
{
    QSqlQuery q(database());
    if (!q.exec(sql))
        return sqlError(q, sql.left(80));
    return {};
}

core::Result<QSqlQuery> BridgeDb::run(const QString& sql, const QVariantList& params)
{
    QSqlQuery q(database());
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        return sqlError(q, sql.left(80));
    for (const QVariant& p : params)
        q.addBindValue(p);
    if (!q.exec())
        return sqlError(q, sql.left(80));
    return q;
}

void BridgeDb::rollbackQuietly()
{
    QSqlQuery q(database());
    q.exec(QStringLiteral("ROLLBACK"));
}

core::Error sqlError(const QSqlQuery& query, const QString& what)
{
    const QSqlError e = query.lastError();
    return makeError(ErrorCode::Io, QStringLiteral("%1: [%2] %3").arg(what, e.nativeErrorCode(), e.text()));
}

int sqlErrorNumber(const QSqlQuery& query)
{
    return query.lastError().nativeErrorCode().toInt();
}

} // namespace cardops::bridge
