#include "suppliers/supplierhttp.h"

#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPromise>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace cardops::suppliers {

struct SupplierHttp::Call
{
    QPromise<HttpResult> promise;
    QNetworkReply* reply = nullptr;
    QByteArray body;
    qint64 received = 0;
    bool timedOut = false;
    bool tooLarge = false;
    Diagnostics exchange;
};

namespace {

bool isLoopbackHost(const QString& host)
{
    if (host.compare(u"localhost"_s, Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

// Errors that happen before a single request byte can reach the server.
bool certainlyNotSent(QNetworkReply::NetworkError e)
{
    switch (e) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::SslHandshakeFailedError:
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyAuthenticationRequiredError:
    case QNetworkReply::UnknownProxyError:
    case QNetworkReply::ProtocolUnknownError:
        return true;
    default:
        return false;
    }
}

HttpResult failure(HttpResult::Failure kind, QString detail, bool mayHaveArrived)
{
    HttpResult r;
    r.failure = kind;
    r.detail = std::move(detail);
    r.mayHaveArrived = mayHaveArrived;
    return r;
}

} // namespace

SupplierHttp::SupplierHttp(HttpOptions options, QObject* parent)
    : QObject(parent)
    , m_options(options)
    , m_nam(new QNetworkAccessManager(this))
{
    m_nam->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

SupplierHttp::~SupplierHttp()
{
    cancelAll();
}

std::optional<QString> SupplierHttp::checkUrl(const QUrl& url, bool allowInsecureHttp)
{
    if (!url.isValid() || url.host().isEmpty())
        return u"not a usable URL: "_s + url.toDisplayString();
    const QString scheme = url.scheme().toLower();
    if (scheme == u"https")
        return std::nullopt;
    if (scheme != u"http")
        return u"only http(s) URLs are supported: "_s + url.toDisplayString();
    if (!allowInsecureHttp && !isLoopbackHost(url.host()))
        return u"plain http to a host that is not loopback is refused (keys travel in the body): "_s +
               url.toDisplayString();
    return std::nullopt;
}

QFuture<HttpResult> SupplierHttp::post(const QUrl& url, const QByteArray& contentType, const QByteArray& body)
{
    if (auto why = checkUrl(url, m_options.allowInsecureHttp))
        return QtFuture::makeReadyFuture(failure(HttpResult::Refused, *why, false));

    auto call = std::make_unique<Call>();
    QNetworkRequest q(url);
    q.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    q.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    q.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    const HeaderList headers = {
        {"Content-Type", contentType},
        {"Accept", "application/json"},
        {"Accept-Language", "zh-CN"},
        {"User-Agent", "CardOps"},
    };
    for (const auto& [name, value] : headers)
        q.setRawHeader(name, value);
    call->exchange.method = "POST";
    call->exchange.url = url.toEncoded();
    call->exchange.requestHeaders = headers;
    call->exchange.requestBody = body;
    call->promise.start();
    QFuture<HttpResult> future = call->promise.future();

    const quint64 id = m_nextId++;
    QNetworkReply* reply = m_nam->post(q, body);
    call->reply = reply;
    m_calls.emplace(id, std::move(call));
    connect(reply, &QNetworkReply::metaDataChanged, this, [this, id] { onMetaData(id); });
    connect(reply, &QNetworkReply::readyRead, this, [this, id] { onReadyRead(id); });
    connect(reply, &QNetworkReply::downloadProgress, this, [this, id](qint64 received, qint64 total) {
        const auto it = m_calls.find(id);
        if (it != m_calls.end() && it->second->reply &&
            (received > m_options.maxBodyBytes || total > m_options.maxBodyBytes) && !it->second->tooLarge) {
            it->second->tooLarge = true;
            it->second->reply->abort();
        }
    });
    connect(reply, &QNetworkReply::finished, this, [this, id] { onFinished(id); });
    QTimer::singleShot(m_options.timeout, Qt::PreciseTimer, reply, [this, id] { onTimeout(id); });
    return future;
}

void SupplierHttp::onMetaData(quint64 id)
{
    const auto it = m_calls.find(id);
    if (it == m_calls.end() || !it->second->reply)
        return;
    Call& c = *it->second;
    bool known = false;
    const qint64 length = c.reply->header(QNetworkRequest::ContentLengthHeader).toLongLong(&known);
    if (known && length > m_options.maxBodyBytes && !c.tooLarge) {
        c.tooLarge = true;
        c.reply->abort();
    }
}

void SupplierHttp::onReadyRead(quint64 id)
{
    const auto it = m_calls.find(id);
    if (it == m_calls.end() || !it->second->reply || it->second->tooLarge)
        return;
    Call& c = *it->second;
    const QByteArray chunk = c.reply->readAll();
    c.received += chunk.size();
    if (c.received > m_options.maxBodyBytes) {
        c.tooLarge = true;
        c.reply->abort();
        return;
    }
    c.body += chunk;
}

void SupplierHttp::onTimeout(quint64 id)
{
    const auto it = m_calls.find(id);
    if (it == m_calls.end() || !it->second->reply)
        return;
    it->second->timedOut = true;
    it->second->reply->abort();
}

void SupplierHttp::onFinished(quint64 id)
{
    const auto it = m_calls.find(id);
    if (it == m_calls.end() || !it->second->reply)
        return;
    Call& c = *it->second;
    QNetworkReply* reply = c.reply;
    c.reply = nullptr;
    reply->deleteLater();
    if (!c.tooLarge && !c.timedOut) {
        const QByteArray rest = reply->readAll();
        c.received += rest.size();
        if (c.received > m_options.maxBodyBytes)
            c.tooLarge = true;
        else
            c.body += rest;
    }

    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QNetworkReply::NetworkError error = reply->error();
    HttpResult r;
    if (c.tooLarge) {
        r = failure(HttpResult::TooLarge, u"response body larger than %1 bytes"_s.arg(m_options.maxBodyBytes),
                    true);
    } else if (c.timedOut) {
        r = failure(HttpResult::Timeout, u"no complete answer within %1 ms"_s.arg(m_options.timeout.count()),
                    true);
    } else if (status >= 300 && status <= 399) {
        r = failure(HttpResult::Redirect,
                    u"HTTP %1 to %2 (not followed)"_s.arg(status).arg(
                        QString::fromLatin1(reply->rawHeader("Location").left(512))),
                    true);
    } else if (status == 0) {
        r = failure(HttpResult::Transport, reply->errorString(), !certainlyNotSent(error));
    } else if (error != QNetworkReply::NoError &&
               (error < QNetworkReply::ContentAccessDenied || error == QNetworkReply::ProtocolFailure)) {
        r = failure(
            HttpResult::Truncated,
            u"the connection failed after %1 body bytes (%2)"_s.arg(c.received).arg(reply->errorString()),
            true);
    } else {
        r.failure = HttpResult::None;
        r.body = c.body;
    }
    r.httpStatus = status;

    c.exchange.httpStatus = status;
    for (const auto& pair : reply->rawHeaderPairs())
        c.exchange.responseHeaders.append({pair.first, pair.second});
    c.exchange.responseBody = c.body.left(m_options.diagnosticsBodyBytes);
    c.exchange.responseBodyBytes = c.received;
    r.exchange = c.exchange;
    finish(id, std::move(r));
}

void SupplierHttp::finish(quint64 id, HttpResult result)
{
    auto node = m_calls.extract(id);
    if (node.empty())
        return;
    Call& c = *node.mapped();
    c.promise.addResult(std::move(result));
    c.promise.finish();
}

void SupplierHttp::cancelAll()
{
    auto calls = std::move(m_calls);
    m_calls.clear();
    for (auto& [id, c] : calls) {
        if (QNetworkReply* reply = c->reply) {
            c->reply = nullptr;
            disconnect(reply, nullptr, this, nullptr);
            reply->abort();
            reply->deleteLater();
        }
    }
    for (auto& [id, c] : calls) {
        HttpResult r = failure(HttpResult::Cancelled, u"cancelled"_s, true);
        r.exchange = c->exchange;
        c->promise.addResult(std::move(r));
        c->promise.finish();
    }
}

std::optional<SupplierError> httpError(const HttpResult& result)
{
    SupplierError e;
    e.httpStatus = result.httpStatus;
    e.detail = result.detail;
    e.outcomeUnknown = result.mayHaveArrived;
    switch (result.failure) {
    case HttpResult::None:
        if (result.httpStatus >= 200 && result.httpStatus <= 299)
            return std::nullopt;
        e.kind = result.httpStatus == 401 || result.httpStatus == 403 ? SupplierError::Auth
                                                                      : SupplierError::Transport;
        e.detail = u"HTTP status %1"_s.arg(result.httpStatus);
        return e;
    case HttpResult::Refused:
        e.kind = SupplierError::InvalidRequest;
        return e;
    case HttpResult::Transport:
        e.kind = SupplierError::Transport;
        return e;
    case HttpResult::Timeout:
        e.kind = SupplierError::Timeout;
        return e;
    case HttpResult::Redirect:
        e.kind = SupplierError::Redirect;
        return e;
    case HttpResult::TooLarge:
        e.kind = SupplierError::TooLarge;
        return e;
    case HttpResult::Truncated:
        e.kind = SupplierError::Malformed;
        e.detail = u"truncated: "_s + result.detail;
        return e;
    case HttpResult::Cancelled:
        e.kind = SupplierError::Cancelled;
        return e;
    }
    return e;
}

} // namespace cardops::suppliers
