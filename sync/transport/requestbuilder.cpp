#include "sync/transport/requestbuilder.h"

#include <QHostAddress>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace cardops::sync::wire {
namespace {

CallError refused(CallError::Kind kind, QString message)
{
    CallError e;
    e.kind = kind;
    e.message = std::move(message);
    return e;
}

bool isHex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

bool isAlnum(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// RFC 3986 pchar (unreserved, sub-delims, ':', '@', pct-encoded) plus '/'.
bool isCleanPath(QByteArrayView path)
{
    if (!path.startsWith('/'))
        return false;
    static constexpr QByteArrayView kAllowed = "-._~!$&'()*+,;=:@/";
    for (qsizetype i = 0; i < path.size(); ++i) {
        const char c = path.at(i);
        if (c == '%') {
            if (i + 2 >= path.size() || !isHex(path.at(i + 1)) || !isHex(path.at(i + 2)))
                return false;
            i += 2;
        } else if (!isAlnum(c) && !kAllowed.contains(c)) {
            return false;
        }
    }
    // Qt normalizes dot segments on the request line; empty segments are never meant.
    const QByteArray p = path.toByteArray() + '/';
    return !p.contains("//") && !p.contains("/./") && !p.contains("/../");
}

bool isLoopbackHost(const QString& host)
{
    if (host.compare(u"localhost"_s, Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

} // namespace

bool isWriteMethod(QByteArrayView method)
{
    return method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE";
}

bool isValidIdempotencyKey(QByteArrayView key)
{
    return !key.isEmpty() && key.size() <= 64 &&
           std::all_of(key.begin(), key.end(), [](char c) { return isAlnum(c) || c == '_' || c == '-'; });
}

std::optional<CallError> checkEndpoint(const PlatformEndpoint& endpoint)
{
    const QUrl& url = endpoint.baseUrl;
    if (!url.isValid() || url.host().isEmpty())
        return refused(CallError::InsecureUrl, u"the platform URL is not a valid absolute URL"_s);
    if (url.hasQuery() || url.hasFragment() || !url.userInfo().isEmpty())
        return refused(CallError::InsecureUrl,
                       u"the platform URL must not carry a query, fragment or user"_s);
    const QString scheme = url.scheme().toLower();
    if (scheme == u"http"_s) {
        if (!isLoopbackHost(url.host()))
            return refused(CallError::InsecureUrl,
                           u"plain http is accepted only on loopback, not for "_s + url.host());
    } else if (scheme != u"https"_s) {
        return refused(CallError::InsecureUrl, u"unsupported URL scheme \""_s + scheme + u'"');
    }
    const bool printable = std::all_of(endpoint.appId.cbegin(), endpoint.appId.cend(),
                                       [](char c) { return c > ' ' && c < 0x7f; });
    if (endpoint.appId.isEmpty() || !printable)
        return refused(CallError::InvalidRequest, u"the app id is empty or not printable ASCII"_s);
    if (endpoint.secret.isEmpty())
        return refused(CallError::InvalidRequest, u"the app secret is empty"_s);
    return std::nullopt;
}

std::optional<CallError> checkRequest(const Request& request)
{
    const QByteArray& m = request.method;
    const auto invalid = [](const QString& why) {
        return refused(CallError::InvalidRequest, why);
    };
    if (m != "GET" && !isWriteMethod(m))
        return invalid(u"unsupported method \""_s + QString::fromLatin1(m) + u'"');
    if (!isCleanPath(request.path))
        return invalid(u"the path \""_s + QString::fromLatin1(request.path) +
                       u"\" is not an absolute, percent-encoded path without dot or empty segments"_s);
    for (const auto& [name, value] : request.query) {
        if (name.isEmpty())
            return invalid(u"a query parameter has no name"_s);
    }
    if (m == "GET" && (!request.body.isEmpty() || !request.idempotencyKey.isEmpty()))
        return invalid(u"a GET carries neither a body nor an Idempotency-Key"_s);
    if (isWriteMethod(m) && !isValidIdempotencyKey(request.idempotencyKey))
        return invalid(QString::fromLatin1(m) + u" needs an Idempotency-Key of 1-64 chars [A-Za-z0-9_-]"_s);
    if (m == "PATCH" && !request.ifMatch)
        return invalid(u"PATCH needs If-Match (the version the edit is based on)"_s);
    if (request.ifMatch && *request.ifMatch < 0)
        return invalid(u"If-Match must not be negative"_s);
    if (request.maxAttempts < 0)
        return invalid(u"maxAttempts must not be negative"_s);
    return std::nullopt;
}

std::variant<Target, CallError> target(const PlatformEndpoint& endpoint, const Request& request)
{
    QByteArray basePath = endpoint.baseUrl.path(QUrl::FullyEncoded).toLatin1();
    while (basePath.endsWith('/'))
        basePath.chop(1);
    QByteArray query;
    for (const auto& [name, value] : request.query) {
        if (!query.isEmpty())
            query += '&';
        query += name.toPercentEncoding() + '=' + value.toPercentEncoding();
    }
    QByteArray encoded = endpoint.baseUrl.toEncoded(QUrl::RemovePath | QUrl::RemoveQuery |
                                                    QUrl::RemoveFragment | QUrl::RemoveUserInfo);
    encoded += basePath + request.path;
    if (!query.isEmpty())
        encoded += '?' + query;
    Target t;
    t.url = QUrl::fromEncoded(encoded, QUrl::StrictMode);
    if (!t.url.isValid())
        return refused(CallError::InvalidRequest, u"Qt refuses the URL "_s + QString::fromLatin1(encoded));
    t.signedPath = t.url.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority | QUrl::RemoveQuery |
                                   QUrl::RemoveFragment | QUrl::NormalizePathSegments);
    t.signedQuery = t.url.query(QUrl::FullyEncoded).toLatin1();
    const int defaultPort = t.url.scheme() == u"https"_s ? 443 : 80;
    t.hostKey =
        (t.url.scheme() + u"://"_s + t.url.host().toLower() + u':' + QString::number(t.url.port(defaultPort)))
            .toLatin1();
    return t;
}

} // namespace cardops::sync::wire
