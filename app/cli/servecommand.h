#pragma once

#include "core/profilestore.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QTextStream>
#include <QUrl>

namespace cardops::app {

// cardops-cli serve | fulfil (issue #8): sync and fulfilment, unattended. `serve` runs until
// SIGTERM/SIGINT (then gives the lease back); `fulfil` runs one sync round and one pass, prints its
// summary and exits. See docs/fulfilment.md "Running unattended".
class ServeCommand
{
    Q_DECLARE_TR_FUNCTIONS(ServeCommand)
public:
    struct Options
    {
        bool once = false; // fulfil: one pass
        bool demo = false; // the demo profile: everything played by the built-in simulator
        QUrl url;          // the platform
        QByteArray appId;
        QByteArray secret;
        // The training sandbox: the suppliers are the simulator's own (cardops-sim at `url`).
        bool simSuppliers = false;
        QList<core::SupplierEndpoint> suppliers; // a shop profile's
        QString profile;                         // for the keychain (secrets, the seal key)
        QString profileDirectory;
        QByteArray holder;        // the lease holder id
        int leaseTtlSeconds = 60; // the platform's lease TTL
        int intervalSeconds = 5;  // between cycles when there is nothing to do
        int concurrency = 16;     // orders in progress at once
        QString notifyConfig;     // an INI file with [notify] (docs/notifications.md); empty: none
    };

    ServeCommand(QTextStream& out, QTextStream& err);

    // 0: stopped cleanly (serve) or a pass that met no error (fulfil); 1: failure; 2: usage.
    int run(const QString& databasePath, Options options);

    // serve-<host>-<profile>: stable for one installation and profile, [A-Za-z0-9_-].
    static QByteArray defaultHolder(const QString& profile);

private:
    QTextStream& m_out;
    QTextStream& m_err;
};

} // namespace cardops::app
