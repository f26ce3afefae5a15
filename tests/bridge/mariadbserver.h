#pragma once

#include "bridge/bridgeconfig.h"

#include <QProcess>
#include <QString>
#include <QTemporaryDir>
#include <memory>

namespace cardops::test {

// A private MariaDB server for one test program: mariadb-install-db into a temporary data
// directory, mariadbd on a free 127.0.0.1 port with its socket in that directory, a database `acg`
// and an account `bridge`@`127.0.0.1` with ALL (incl. TRIGGER) on it — the bridge's own credentials.
// The fixture (tests/bridge/data/acg-schema.sql + acg-seed.sql) is loaded with a chosen prefix. The
// server is stopped and its directory removed when the object goes away.
class MariaDbServer
{
public:
    MariaDbServer();
    ~MariaDbServer();

    // Empty when mariadbd and mariadb-install-db are installed, else what is missing.
    static QString missing();

    bool start(QString* error);
    void stop();

    quint16 port() const { return m_port; }
    QString socketPath() const;

    // Loads a .sql file of tests/bridge/data with __PREFIX__ replaced, as root over the socket.
    bool loadFixture(const QString& fileName, const QString& prefix, QString* error);
    // Runs statements as root (each a separate exec); false with the error text.
    bool rootExec(const QStringList& statements, QString* error);

    // A bridge configuration for this server (app demo / demo-secret, listen port 0).
    bridge::BridgeConfig config(const QString& prefix = QStringLiteral("acg_")) const;

    // A fresh connection (own name) as the bridge account, for concurrent acg-style writers.
    QString openWriter(const QString& connectionName, QString* error) const;

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QProcess m_server;
    quint16 m_port = 0;
    QString m_rootConnection;
};

} // namespace cardops::test

// QSKIP when MariaDB is not installed; QFAIL on CI (CI=true), where it must be.
#define CARDOPS_REQUIRE_MARIADB()                                                                            \
    do {                                                                                                     \
        const QString missingMariaDb = cardops::test::MariaDbServer::missing();                              \
        if (!missingMariaDb.isEmpty()) {                                                                     \
            if (qEnvironmentVariable("CI") == QLatin1StringView("true"))                                     \
                QFAIL(qPrintable(missingMariaDb + QStringLiteral(" (required on CI: scripts/setup)")));      \
            QSKIP(qPrintable(missingMariaDb));                                                               \
        }                                                                                                    \
    } while (false)
