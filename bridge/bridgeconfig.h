#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QString>

namespace cardops::bridge {

// Everything cardops-bridge needs, read from one INI file (docs/bridge.md shows a complete one):
//
//   [database]  host, port, name, user, password, prefix (acg-faka's table prefix, default "acg_"),
//               own_prefix (the bridge's own tables and triggers, default "cardops_")
//   [listen]    address (default 127.0.0.1), port (default 8787), behind_proxy (default false)
//   [api]       app_id, app_secret
//
// The bridge speaks plain HTTP, which the protocol allows on loopback only (docs/platform-api.md §1):
// it listens on a non-loopback address only with behind_proxy = true, i.e. when the shop's HTTPS
// reverse proxy (nginx, Caddy) terminates TLS in front of it.
struct BridgeConfig
{
    QString dbHost = QStringLiteral("127.0.0.1");
    int dbPort = 3306;
    QString dbName;
    QString dbUser;
    QString dbPassword;
    QString prefix = QStringLiteral("acg_");
    QString ownPrefix = QStringLiteral("cardops_");
    QString listenAddress = QStringLiteral("127.0.0.1");
    int listenPort = 8787;
    bool behindProxy = false;
    QByteArray appId;
    QByteArray appSecret;

    // Reads and validates the file. InvalidArgument names the offending key.
    static core::Result<BridgeConfig> load(const QString& path);
    // Checks the values (prefixes, port ranges, app id and secret present).
    core::Result<void> validate() const;
};

// A table prefix the bridge accepts: 0-32 characters of [A-Za-z0-9_]. Prefixes are pasted into SQL
// identifiers (never request text), so this is the only gate.
bool isValidPrefix(const QString& prefix);

} // namespace cardops::bridge
