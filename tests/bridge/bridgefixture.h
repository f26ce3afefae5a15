#pragma once

#include "bridge/bridgeapi.h"
#include "bridge/bridgedb.h"
#include "bridge/installer.h"
#include "tests/bridge/bridgetestutil.h"
#include "tests/bridge/mariadbserver.h"

#include <QJsonArray>
#include <QtTest>
#include <memory>

namespace cardops::test {

// The private MariaDB with acg-faka's fixture schema and seed, the bridge installed on it, and its
// API called in process at a fixed platform time. A test class derives from QObject and this; its
// initTestCase calls CARDOPS_REQUIRE_MARIADB(), startDatabase(), adds its own acg rows through
// exec(), then installBridge(); cleanupTestCase calls stop(). A class that sends JSON objects wraps
// send() and call() under the same names and reaches these as BridgeFixture::call.
class BridgeFixture
{
public:
    static constexpr qint64 kNow = 1795900000; // 2026-11-29 05:06:40 Asia/Shanghai

protected:
    MariaDbServer m_server;
    std::unique_ptr<bridge::BridgeDb> m_db;
    std::unique_ptr<bridge::BridgeApi> m_api;
    QString m_epoch;
    qint64 m_now = kNow; // the platform clock of the bridge and of the signatures; a test may move it
    QByteArray m_keyPrefix; // non-empty: writes without a key get "<prefix><n>"
    int m_keys = 0;

    bool startDatabase(QString* error)
    {
        return m_server.start(error) && m_server.loadFixture(QStringLiteral("acg-schema.sql"), QStringLiteral("acg_"), error) &&
               m_server.loadFixture(QStringLiteral("acg-seed.sql"), QStringLiteral("acg_"), error) &&
               !m_server.openWriter(QStringLiteral("writer"), error).isEmpty();
    }
    bool installBridge(QString* error)
    {
        m_db = std::make_unique<bridge::BridgeDb>(m_server.config(), QStringLiteral("bridge"));
        if (auto opened = m_db->open(); !opened) {
            *error = opened.error().detail;
            return false;
        }
        auto report = bridge::install(*m_db);
        if (!report) {
            *error = report.error().detail;
            return false;
        }
        m_epoch = report.value().epoch;
        m_api = std::make_unique<bridge::BridgeApi>(*m_db, m_epoch.toLatin1(), [this] { return m_now; });
        return true;
    }
    void stop()
    {
        m_api.reset();
        m_db.reset();
        QSqlDatabase::removeDatabase(QStringLiteral("writer"));
    }

    sim::SimResponse send(const QByteArray& method, const QByteArray& path, const QByteArray& body = {},
                          QByteArray key = {})
    {
        sim::SimRequest r = signedRequest(method, path, m_now, body);
        if (key.isEmpty() && method != "GET" && !m_keyPrefix.isEmpty())
            key = m_keyPrefix + QByteArray::number(++m_keys);
        if (!key.isEmpty())
            r.headers.append({"Idempotency-Key", key});
        return m_api->handle(r);
    }
    // The envelope of a call that must answer `status` (a mismatch fails the test and is logged).
    QJsonObject call(const QByteArray& method, const QByteArray& path, const QByteArray& body, int status,
                     const QByteArray& key = {})
    {
        const sim::SimResponse r = send(method, path, body, key);
        if (r.status != status)
            qWarning("%s %s -> %d %s", method.constData(), path.constData(), r.status, r.body.constData());
        [&] {
            QCOMPARE(r.status, status);
        }();
        return envelopeOf(r);
    }
    QJsonObject data(const QByteArray& method, const QByteArray& path, const QByteArray& body = {})
    {
        return call(method, path, body, 200).value(QStringLiteral("data")).toObject();
    }
    QJsonObject get(const QByteArray& pathAndQuery) { return data("GET", pathAndQuery); }
    QString message(const QByteArray& method, const QByteArray& path, const QByteArray& body, int status)
    {
        return call(method, path, body, status).value(QStringLiteral("message")).toString();
    }
    // Every page of a feed from *cursor on, in order; the final cursor comes back in *cursor.
    QList<QJsonArray> pages(const QByteArray& feed, QByteArray* cursor, int limit = 500)
    {
        QList<QJsonArray> out;
        for (int guard = 0; guard < 200; ++guard) {
            QByteArray path = "/v1/" + feed + "?limit=" + QByteArray::number(limit);
            if (!cursor->isEmpty())
                path += "&cursor=" + *cursor;
            const QJsonObject page = get(path);
            out << page.value(QStringLiteral("items")).toArray();
            *cursor = page.value(QStringLiteral("next_cursor")).toString().toLatin1();
            if (!page.value(QStringLiteral("has_more")).toBool())
                break;
        }
        return out;
    }
    QJsonArray drain(const QByteArray& feed, int limit = 500)
    {
        QByteArray cursor;
        QJsonArray all;
        for (const QJsonArray& page : pages(feed, &cursor, limit))
            for (const QJsonValue& v : page)
                all.append(v);
        return all;
    }
    // acg's side, as acg-faka (or its admin) writes it: plain SQL on the writer connection.
    QVariant one(const QString& sql) { return scalar(QStringLiteral("writer"), sql); }
    void exec(const QString& sql)
    {
        QSqlQuery q(QSqlDatabase::database(QStringLiteral("writer"), false));
        QVERIFY2(q.exec(sql), qPrintable(sql + QStringLiteral(": ") + q.lastError().text()));
    }
};

} // namespace cardops::test
