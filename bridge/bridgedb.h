#pragma once

#include "bridge/bridgeconfig.h"
#include "core/result.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>

namespace cardops::bridge {

// One QMYSQL connection to the shop's database, with the table names of both prefixes. Every query
// with a value from outside goes through prepare() with bound parameters; only identifiers built from
// the validated prefixes are pasted into SQL. Belongs to the thread that created it.
class BridgeDb
{
public:
    BridgeDb(const BridgeConfig& config, const QString& connectionName);
    ~BridgeDb();
    BridgeDb(const BridgeDb&) = delete;
    BridgeDb& operator=(const BridgeDb&) = delete;

    core::Result<void> open();
    bool isOpen() const;
    // Closes the connection (after it broke); open() connects again.
    void close();
    QSqlDatabase database() const;
    const BridgeConfig& config() const { return m_config; }

    // `acg_order` for "order": an acg-faka table, quoted.
    QString acg(const char* table) const;
    // `cardops_feed` for "feed": one of the bridge's own tables, quoted.
    QString own(const char* table) const;
    // cardops_feed, unquoted (trigger names, information_schema lookups).
    QString ownName(const char* name) const;

    // Runs a statement without parameters (DDL, SET, START TRANSACTION) over the text protocol.
    core::Result<void> exec(const QString& sql);
    // Prepares and runs a statement with positional parameters; the query is positioned before the
    // first row. Forward-only.
    core::Result<QSqlQuery> run(const QString& sql, const QVariantList& params = {});
    // Rolls back an open transaction, ignoring errors (cleanup after a failure).
    void rollbackQuietly();

private:
    BridgeConfig m_config;
    QString m_name;
};

// A core::Error from a failed query: the server's error number and text.
core::Error sqlError(const QSqlQuery& query, const QString& what);
// The MySQL error number of the last failure of a query (0 when none).
int sqlErrorNumber(const QSqlQuery& query);

} // namespace cardops::bridge
