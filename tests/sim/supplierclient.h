#pragma once

#include "core/clock.h"
#include "core/signing.h"
#include "sim/data/fulustate.h"
#include "sim/data/generator.h"
#include "sim/server/simserver.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTcpSocket>
#include <QTest>
#include <QTimeZone>
#include <QUrl>

// Minimal clients of cardops-sim's supplier roles for the tests: a Fulu client that signs with
// core::signing::buildFuluRequest and an acg-faka client that signs with core::signing::acgFakaSign,
// both over real loopback HTTP, and a raw socket exchange that sees exactly what the server sends.
namespace cardops::test {

using namespace Qt::StringLiterals;

inline constexpr qint64 kSupplierTestStartMs = 1764300000LL * 1000;

inline std::unique_ptr<sim::SimServer> startSupplierServer(const core::Clock& clock)
{
    sim::GeneratorParams p;
    p.seed = 3;
    p.days = 2;
    p.orders = 100;
    p.members = 40;
    p.goods = 30;
    p.endTime = clock.nowSeconds();
    return std::make_unique<sim::SimServer>(sim::generatePlatform(p, clock), clock);
}

struct HttpReply
{
    int status = 0;
    QByteArray body;
    QByteArray contentType;
    QByteArray retryAfter;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    bool finished = false;

    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    bool parses() const
    {
        QJsonParseError e{};
        QJsonDocument::fromJson(body, &e);
        return e.error == QJsonParseError::NoError;
    }
    int code() const { return json().value(u"code").toInt(-1); }
    // Fulu: the result string, parsed once more; acg-faka: the data member.
    QJsonValue result() const
    {
        const QJsonDocument d = QJsonDocument::fromJson(json().value(u"result").toString().toUtf8());
        return d.isArray() ? QJsonValue(d.array()) : QJsonValue(d.object());
    }
    QJsonObject resultObject() const { return result().toObject(); }
    bool fuluSignOk() const
    {
        return core::signing::verifyFuluResult(json().value(u"result").toString(),
                                               json().value(u"sign").toString().toLatin1(),
                                               sim::FuluState::kAppSecret);
    }
    QString msg() const { return json().value(u"msg").toString(); }
    QJsonObject data() const { return json().value(u"data").toObject(); }
};

class SupplierHttp
{
public:
    explicit SupplierHttp(quint16 port)
        : m_port(port)
    {}

    QNetworkReply* start(const QByteArray& path, const QByteArray& body, const QByteArray& contentType,
                         const QByteArray& language = "zh-CN")
    {
        QNetworkRequest request(
            QUrl(u"http://127.0.0.1:"_s + QString::number(m_port) + QString::fromUtf8(path)));
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
        request.setRawHeader("Accept-Language", language);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        request.setTransferTimeout(m_timeoutMs);
        return m_nam.post(request, body);
    }
    static HttpReply collect(QNetworkReply* reply, int waitMs = 10000)
    {
        HttpReply r;
        r.finished = QTest::qWaitFor([reply] { return reply->isFinished(); }, waitMs);
        r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        r.body = reply->readAll();
        r.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
        r.retryAfter = reply->rawHeader("Retry-After");
        r.error = reply->error();
        reply->deleteLater();
        return r;
    }
    HttpReply post(const QByteArray& path, const QByteArray& body, const QByteArray& contentType,
                   const QByteArray& language = "zh-CN")
    {
        return collect(start(path, body, contentType, language));
    }
    void setTransferTimeout(int ms) { m_timeoutMs = ms; }
    quint16 port() const { return m_port; }

private:
    quint16 m_port;
    QNetworkAccessManager m_nam;
    int m_timeoutMs = 15000;
};

// Fulu: one signed request per call; `lastBody` keeps the exact bytes sent.
class FuluClient : public SupplierHttp
{
public:
    using SupplierHttp::SupplierHttp;

    QByteArray body(const QByteArray& method, const QByteArray& biz, const QDateTime& at = {},
                    const QByteArray& appKey = sim::FuluState::kAppKey.toByteArray(),
                    const QByteArray& secret = sim::FuluState::kAppSecret.toByteArray())
    {
        const QDateTime when =
            at.isValid() ? at : QDateTime(QDate(2025, 11, 28), QTime(11, 20), QTimeZone(28800));
        const auto built = core::signing::buildFuluRequest({appKey, method, when, biz}, secret);
        return built.ok() ? built->body : QByteArray();
    }
    HttpReply call(const QByteArray& method, const QByteArray& biz = "{}")
    {
        lastBody = body(method, biz);
        return post("/api/getway", lastBody, "application/json");
    }
    QByteArray lastBody;
};

// acg-faka: fields in the given order, app_id and app_key first, signed with the key unless a sign
// is given.
class AcgClient : public SupplierHttp
{
public:
    using SupplierHttp::SupplierHttp;
    using Fields = core::signing::FormFields;

    static Fields withCredentials(const Fields& extra)
    {
        Fields fields = {{"app_id", "1000"}, {"app_key", "TESTKEY123"}};
        fields.append(extra);
        return fields;
    }
    HttpReply call(const QByteArray& path, const Fields& extra, const QByteArray& language = "zh-CN",
                   const QByteArray& key = "TESTKEY123")
    {
        lastBody = core::signing::acgFakaFormBody(withCredentials(extra), key);
        return post("/shared/" + path, lastBody, "application/x-www-form-urlencoded", language);
    }
    // The body with an explicit sign (vectors and broken signs).
    HttpReply callSigned(const QByteArray& path, const Fields& extra, const QByteArray& sign,
                         const QByteArray& language = "zh-CN")
    {
        QByteArray body = core::signing::acgFakaFormBody(withCredentials(extra), "unused");
        body.truncate(body.lastIndexOf("sign=") + 5);
        body += sign;
        lastBody = body;
        return post("/shared/" + path, body, "application/x-www-form-urlencoded", language);
    }
    QByteArray lastBody;
};

// One HTTP request over a raw socket: every byte the server sends until it closes or `waitMs`.
struct RawExchange
{
    QByteArray received;
    bool closed = false;
};

inline RawExchange rawPost(quint16 port, const QByteArray& path, const QByteArray& contentType,
                           const QByteArray& body, int waitMs = 3000)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    RawExchange out;
    if (!socket.waitForConnected(3000))
        return out;
    const QByteArray request = "POST " + path +
                               " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + contentType +
                               "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    socket.write(request);
    out.closed = QTest::qWaitFor(
        [&] {
            out.received += socket.readAll();
            return socket.state() == QAbstractSocket::UnconnectedState;
        },
        waitMs);
    out.received += socket.readAll();
    return out;
}

} // namespace cardops::test
