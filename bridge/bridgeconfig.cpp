#include "bridge/bridgeconfig.h"

#include <QFileInfo>
#include <QHostAddress>
#include <QRegularExpression>
#include <QSettings>

namespace cardops::bridge {

using core::ErrorCode;
using core::makeError;

bool isValidPrefix(const QString& prefix)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9_]{0,32}$"));
    return re.match(prefix).hasMatch();
}

core::Result<void> BridgeConfig::validate() const
{
    if (!isValidPrefix(prefix))
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("database/prefix: only [A-Za-z0-9_]"));
    if (ownPrefix.isEmpty() || !isValidPrefix(ownPrefix))
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("database/own_prefix: 1-32 characters of [A-Za-z0-9_]"));
    if (ownPrefix == prefix)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("database/own_prefix: must differ from the shop's prefix"));
    if (dbName.isEmpty() || dbUser.isEmpty())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("database/name and database/user are required"));
    if (dbPort <= 0 || dbPort > 65535 || listenPort < 0 || listenPort > 65535)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("port out of range"));
    if (appId.isEmpty() || appSecret.size() < 8)
        return makeError(
            ErrorCode::InvalidArgument,
            QStringLiteral("api/app_id is required and api/app_secret needs 8 characters or more"));
    const QHostAddress listen(listenAddress);
    if (listen.isNull())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("listen/address: not an IP address"));
    if (!listen.isLoopback() && !behindProxy)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("listen/address: plain HTTP only on loopback; put the bridge behind "
                                        "the shop's HTTPS reverse proxy and set listen/behind_proxy = true"));
    return {};
}

core::Result<BridgeConfig> BridgeConfig::load(const QString& path)
{
    if (!QFileInfo(path).isReadable())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("cannot read %1").arg(path));
    QSettings s(path, QSettings::IniFormat);
    if (s.status() != QSettings::NoError)
        return makeError(ErrorCode::Parse, QStringLiteral("%1 is not a readable INI file").arg(path));
    BridgeConfig c;
    c.dbHost = s.value(QStringLiteral("database/host"), c.dbHost).toString();
    c.dbPort = s.value(QStringLiteral("database/port"), c.dbPort).toInt();
    c.dbName = s.value(QStringLiteral("database/name")).toString();
    c.dbUser = s.value(QStringLiteral("database/user")).toString();
    c.dbPassword = s.value(QStringLiteral("database/password")).toString();
    c.prefix = s.value(QStringLiteral("database/prefix"), c.prefix).toString();
    c.ownPrefix = s.value(QStringLiteral("database/own_prefix"), c.ownPrefix).toString();
    c.listenAddress = s.value(QStringLiteral("listen/address"), c.listenAddress).toString();
    c.listenPort = s.value(QStringLiteral("listen/port"), c.listenPort).toInt();
    c.behindProxy = s.value(QStringLiteral("listen/behind_proxy"), false).toBool();
    c.appId = s.value(QStringLiteral("api/app_id")).toString().toUtf8();
    c.appSecret = s.value(QStringLiteral("api/app_secret")).toString().toUtf8();
    if (auto ok = c.validate(); !ok)
        return ok.error();
    return c;
}

} // namespace cardops::bridge
