#pragma once

#include "core/signing.h"
#include "sim/server/simrequest.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace cardops::test {

// A Platform API v1 request signed like the CardOps client signs it (core::signing).
inline sim::SimRequest signedRequest(const QByteArray& method, const QByteArray& pathAndQuery, qint64 now,
                                     const QByteArray& body = {}, const QByteArray& secret = "demo-secret",
                                     const QByteArray& appId = "demo")
{
    sim::SimRequest r;
    r.method = method;
    const qsizetype q = pathAndQuery.indexOf('?');
    r.path = q < 0 ? pathAndQuery : pathAndQuery.left(q);
    r.rawQuery = q < 0 ? QByteArray() : pathAndQuery.mid(q + 1);
    r.body = body;
    const QByteArray timestamp = QByteArray::number(now);
    const QByteArray nonce = core::signing::generateNonce(24).value();
    const QByteArray canonical =
        core::signing::platformCanonical(r.method, r.path, r.rawQuery, timestamp, nonce, body);
    r.headers = {{"X-App-Id", appId},
                 {"X-Timestamp", timestamp},
                 {"X-Nonce", nonce},
                 {"X-Signature", core::signing::platformSignature(secret, canonical)}};
    return r;
}

inline QJsonObject envelopeOf(const sim::SimResponse& response)
{
    return QJsonDocument::fromJson(response.body).object();
}

// One value of a query on a named connection (the first column of the first row).
inline QVariant scalar(const QString& connection, const QString& sql)
{
    QSqlQuery q(QSqlDatabase::database(connection, false));
    if (!q.exec(sql) || !q.next())
        return {};
    return q.value(0);
}

} // namespace cardops::test
