#include "sync/transport/callerror.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace cardops::sync {

bool CallError::retriable() const
{
    switch (kind) {
    case Network:
    case Timeout:
    case Malformed:
    case RateLimited:
    case Server:
        return true;
    case Auth:
        // 40104, nonce repeated: an earlier copy of this very request reached the platform (Qt
        // re-sends a request by itself when a connection drops before the answer). Signing it
        // again with a new nonce is safe: reads are idempotent and writes carry their key.
        return code == 40104;
    case Tls:
    case Redirect:
    case TooLarge:
    case Clock:
    case Forbidden:
    case NotFound:
    case Conflict:
    case LeaseHeld:
    case Precondition:
    case BadRequest:
    case Business:
    case Cancelled:
    case InsecureUrl:
    case InvalidRequest:
        return false;
    }
    return false;
}

QString CallError::kindName(Kind kind)
{
    switch (kind) {
    case Network:
        return QStringLiteral("Network");
    case Timeout:
        return QStringLiteral("Timeout");
    case Tls:
        return QStringLiteral("Tls");
    case Redirect:
        return QStringLiteral("Redirect");
    case TooLarge:
        return QStringLiteral("TooLarge");
    case Malformed:
        return QStringLiteral("Malformed");
    case Auth:
        return QStringLiteral("Auth");
    case Clock:
        return QStringLiteral("Clock");
    case Forbidden:
        return QStringLiteral("Forbidden");
    case NotFound:
        return QStringLiteral("NotFound");
    case Conflict:
        return QStringLiteral("Conflict");
    case LeaseHeld:
        return QStringLiteral("LeaseHeld");
    case Precondition:
        return QStringLiteral("Precondition");
    case BadRequest:
        return QStringLiteral("BadRequest");
    case RateLimited:
        return QStringLiteral("RateLimited");
    case Server:
        return QStringLiteral("Server");
    case Business:
        return QStringLiteral("Business");
    case Cancelled:
        return QStringLiteral("Cancelled");
    case InsecureUrl:
        return QStringLiteral("InsecureUrl");
    case InvalidRequest:
        return QStringLiteral("InvalidRequest");
    }
    return QStringLiteral("Unknown");
}

QString CallError::describe() const
{
    QString out = kindName(kind);
    QStringList facts;
    if (httpStatus != 0)
        facts << u"HTTP "_s + QString::number(httpStatus);
    if (code != 0)
        facts << u"code "_s + QString::number(code);
    if (retryAfter.count() > 0)
        facts << u"retry after "_s + QString::number(retryAfter.count()) + u" ms"_s;
    if (attempts > 1)
        facts << QString::number(attempts) + u" attempts"_s;
    if (!facts.isEmpty())
        out += u" ("_s + facts.join(u", "_s) + u')';
    if (!message.isEmpty())
        out += u": "_s + message;
    return out;
}

} // namespace cardops::sync
