#pragma once

#include "core/clock.h"
#include "core/signing.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTest>
#include <QUrl>

namespace cardops::test {

// How to sign one request (tests break it on purpose).
struct SimSigning
{
    QByteArray appId = "demo";
    QByteArray secret = "demo-secret";
    qint64 timestampShift = 0;
    QByteArray nonce; // empty = fresh
    bool corruptSignature = false;
};

// A minimal signing client for the simulator tests: signs every request with core::signing exactly
// as docs/platform-api.md §1 says, and waits for the answer.
class SimClient
{
public:
    struct Reply
    {
        int status = 0;
        QByteArray body;
        QByteArray retryAfter;
        QNetworkReply::NetworkError error = QNetworkReply::NoError;
        bool finished = false;

        QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
        int code() const { return json().value(u"code").toInt(-1); }
        QJsonObject data() const { return json().value(u"data").toObject(); }
        bool parses() const
        {
            QJsonParseError e{};
            QJsonDocument::fromJson(body, &e);
            return e.error == QJsonParseError::NoError;
        }
    };

    using Signing = SimSigning;

    SimClient(quint16 port, const core::Clock& clock)
        : m_port(port)
        , m_clock(clock)
    {}

    QNetworkReply* start(const QByteArray& method, const QByteArray& target, const QByteArray& body = {},
                         const QList<QPair<QByteArray, QByteArray>>& headers = {},
                         const Signing& s = Signing())
    {
        const qsizetype q = target.indexOf('?');
        const QByteArray path = q < 0 ? target : target.left(q);
        const QByteArray query = q < 0 ? QByteArray() : target.mid(q + 1);
        const QByteArray ts = QByteArray::number(m_clock.nowSeconds() + s.timestampShift);
        m_lastNonce = s.nonce.isEmpty() ? core::signing::generateNonce(24).value() : s.nonce;
        QByteArray sig = core::signing::platformSignature(
            s.secret, core::signing::platformCanonical(method, path, query, ts, m_lastNonce, body));
        if (s.corruptSignature)
            sig[0] = sig[0] == '0' ? '1' : '0';
        QNetworkRequest request(
            QUrl(u"http://127.0.0.1:"_qs + QString::number(m_port) + QString::fromUtf8(target)));
        request.setRawHeader("X-App-Id", s.appId);
        request.setRawHeader("X-Timestamp", ts);
        request.setRawHeader("X-Nonce", m_lastNonce);
        request.setRawHeader("X-Signature", sig);
        request.setRawHeader("Accept-Language", "zh-CN");
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json; charset=utf-8"));
        for (const auto& h : headers)
            request.setRawHeader(h.first, h.second);
        request.setTransferTimeout(m_transferTimeoutMs);
        return m_nam.sendCustomRequest(request, method, body);
    }

    static Reply collect(QNetworkReply* reply, int waitMs = 10000)
    {
        Reply r;
        r.finished = QTest::qWaitFor([reply] { return reply->isFinished(); }, waitMs);
        r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        r.body = reply->readAll();
        r.retryAfter = reply->rawHeader("Retry-After");
        r.error = reply->error();
        reply->deleteLater();
        return r;
    }

    Reply send(const QByteArray& method, const QByteArray& target, const QByteArray& body = {},
               const QList<QPair<QByteArray, QByteArray>>& headers = {}, const Signing& s = Signing())
    {
        return collect(start(method, target, body, headers, s));
    }

    QByteArray lastNonce() const { return m_lastNonce; }
    void setTransferTimeout(int ms) { m_transferTimeoutMs = ms; }

private:
    quint16 m_port;
    const core::Clock& m_clock;
    QNetworkAccessManager m_nam;
    QByteArray m_lastNonce;
    int m_transferTimeoutMs = 15000;
};

} // namespace cardops::test
