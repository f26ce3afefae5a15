#include "tests/support/platformconformance.h"

#include "core/signing.h"
#include "tests/support/platformconformanceutil.h"

#include <QJsonArray>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTest>

namespace cardops::test {

using namespace Qt::StringLiterals;

QString PlatformClient::Reply::describe() const
{
    return QString::fromUtf8(request) + u" -> "_s + QString::number(status) + u' ' +
           QString::fromUtf8(body.left(300));
}

PlatformClient::PlatformClient(const PlatformUnderTest& platform)
    : m_platform(platform)
    , m_run(core::signing::generateNonce(16).value().left(10))
{}

PlatformClient::Signing PlatformClient::signing() const
{
    Signing s;
    s.appId = m_platform.appId;
    s.secret = m_platform.secret;
    return s;
}

PlatformClient::Reply PlatformClient::send(const QByteArray& method, const QByteArray& target,
                                           const QByteArray& body, const Headers& headers,
                                           const std::optional<Signing>& signing)
{
    const Signing s = signing.value_or(this->signing());
    const qsizetype q = target.indexOf('?');
    const QByteArray path = q < 0 ? target : target.left(q);
    const QByteArray query = q < 0 ? QByteArray() : target.mid(q + 1);
    const QByteArray ts = QByteArray::number(m_platform.clock->nowSeconds() + s.timestampShift);
    m_lastNonce = s.nonce.isEmpty() ? core::signing::generateNonce(24).value() : s.nonce;
    QByteArray sig = core::signing::platformSignature(
        s.secret, core::signing::platformCanonical(method, path, query, ts, m_lastNonce, body));
    if (s.corruptSignature)
        sig[0] = sig[0] == '0' ? '1' : '0';
    QNetworkRequest request(QUrl(m_platform.baseUrl.toString() + QString::fromLatin1(target)));
    request.setRawHeader("X-App-Id", s.appId);
    request.setRawHeader("X-Timestamp", ts);
    request.setRawHeader("X-Nonce", m_lastNonce);
    request.setRawHeader("X-Signature", sig);
    request.setRawHeader("Accept-Language", "zh-CN");
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json; charset=utf-8"));
    for (const auto& h : headers)
        request.setRawHeader(h.first, h.second);
    request.setTransferTimeout(30000);
    QNetworkReply* reply = m_nam.sendCustomRequest(request, method, body);
    Reply r;
    r.request = method + ' ' + target;
    if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 30000))
        reply->abort();
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.body = reply->readAll();
    reply->deleteLater();
    return r;
}

PlatformClient::Reply PlatformClient::write(const QByteArray& method, const QByteArray& target,
                                            const QByteArray& body, const QByteArray& key,
                                            const Headers& extra)
{
    Headers headers = extra;
    if (!key.isEmpty())
        headers.append({"Idempotency-Key", key});
    return send(method, target, body, headers);
}

QByteArray PlatformClient::newKey()
{
    return "conf-" + m_run + '-' + QByteArray::number(++m_keys);
}

PlatformConformance::PlatformConformance(const PlatformUnderTest& platform)
    : m_client(platform)
{}

namespace {

using Check = void (PlatformConformance::*)();

const QList<QPair<QString, Check>>& checkTable()
{
    using P = PlatformConformance;
    static const QList<QPair<QString, Check>> table = {
        {u"shop describes the platform"_s, &P::shopDescribesThePlatform},
        {u"capability names are the protocol's"_s, &P::capabilityNamesAreTheProtocols},
        {u"envelope shape"_s, &P::envelopeShape},
        {u"auth: unknown app"_s, &P::unknownApp},
        {u"auth: bad signature"_s, &P::badSignature},
        {u"auth: clock window"_s, &P::clockWindow},
        {u"auth: nonce format"_s, &P::nonceFormat},
        {u"auth: nonce replay"_s, &P::nonceReplay},
        {u"unknown paths are 404"_s, &P::unknownPathsAre404},
        {u"unknown write path is 404"_s, &P::unknownWritePathIs404},
        {u"capabilities honoured"_s, &P::capabilitiesHonoured},
        {u"feed: limit bounds"_s, &P::feedLimitBounds},
        {u"feed: parameters checked"_s, &P::feedParametersChecked},
        {u"feed: paging consistent"_s, &P::feedPagingIsConsistent},
        {u"feed: end is stable"_s, &P::feedEndIsStable},
        {u"feed: newest first matches forward"_s, &P::newestFirstMatchesForward},
        {u"feed: a change comes again with a higher version"_s, &P::changedEntityComesAgainWithHigherVersion},
        {u"feed: each entity once, at its latest change"_s, &P::feedServesEachEntityOnce},
        {u"feed: a deleted order is a tombstone"_s, &P::deletedOrderIsATombstone},
        {u"write: Idempotency-Key required"_s, &P::idempotencyKeyRequired},
        {u"write: replay is byte-equal"_s, &P::idempotentReplayIsByteEqual},
        {u"write: key on another request refused"_s, &P::keyOnAnotherRequestRefused},
        {u"write: PATCH needs If-Match"_s, &P::patchNeedsIfMatch},
        {u"lease is exclusive"_s, &P::leaseIsExclusive},
    };
    return table;
}

} // namespace

QStringList PlatformConformance::checks()
{
    QStringList names;
    for (const auto& c : checkTable())
        names << c.first;
    return names;
}

void PlatformConformance::addRows()
{
    QTest::addColumn<QString>("check");
    for (const QString& name : checks())
        QTest::newRow(qPrintable(name)) << name;
}

void PlatformConformance::run(const QString& check)
{
    for (const auto& c : checkTable())
        if (c.first == check) {
            (this->*c.second)();
            return;
        }
    QFAIL(qPrintable(u"no such check: "_s + check));
}

QStringList PlatformConformance::capabilities()
{
    QStringList out;
    for (const QJsonValue& v : m_client.get("/v1/shop").data().value(u"capabilities").toArray())
        out << v.toString();
    return out;
}

QStringList PlatformConformance::readFeeds()
{
    const QStringList caps = capabilities();
    QStringList out;
    for (const QString& f : conformance::kAllFeeds)
        if (caps.contains(f))
            out << f;
    return out;
}

} // namespace cardops::test
