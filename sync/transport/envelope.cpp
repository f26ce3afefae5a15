#include "sync/transport/envelope.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace cardops::sync::envelope {
namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// A scanner over a body QJsonDocument already accepted: it only has to find where top-level
// members start and end, never to validate. Iterative, so depth costs nothing.
class Scanner
{
public:
    explicit Scanner(const QByteArray& text)
        : m_t(text)
    {}

    qsizetype pos() const { return m_pos; }
    bool atEnd() const { return m_pos >= m_t.size(); }
    char peek() const { return atEnd() ? '\0' : m_t.at(m_pos); }
    void skipSpace()
    {
        while (!atEnd() && isSpace(m_t.at(m_pos)))
            ++m_pos;
    }
    bool take(char c)
    {
        skipSpace();
        if (peek() != c)
            return false;
        ++m_pos;
        return true;
    }
    // At a '"': returns the raw text between the quotes and moves past the closing quote.
    QByteArray string()
    {
        const qsizetype start = ++m_pos;
        while (!atEnd() && m_t.at(m_pos) != '"')
            m_pos += m_t.at(m_pos) == '\\' ? 2 : 1;
        const QByteArray raw = m_t.mid(start, m_pos - start);
        ++m_pos;
        return raw;
    }
    void value()
    {
        skipSpace();
        const char c = peek();
        if (c == '"') {
            string();
            return;
        }
        if (c != '{' && c != '[') {
            while (!atEnd() && !isSpace(peek()) && peek() != ',' && peek() != '}' && peek() != ']')
                ++m_pos;
            return;
        }
        qsizetype depth = 0;
        while (!atEnd()) {
            const char d = peek();
            if (d == '"') {
                string();
                continue;
            }
            ++m_pos;
            if (d == '{' || d == '[')
                ++depth;
            else if ((d == '}' || d == ']') && --depth == 0)
                return;
        }
    }

private:
    const QByteArray& m_t;
    qsizetype m_pos = 0;
};

QString decodeKey(const QByteArray& raw)
{
    if (!raw.contains('\\'))
        return QString::fromUtf8(raw);
    const QJsonDocument doc = QJsonDocument::fromJson("[\"" + raw + "\"]");
    return doc.array().at(0).toString();
}

struct Member
{
    qsizetype offset = 0;
    qsizetype length = 0;
};

// Top-level member spans by key; fails on a duplicate key.
std::optional<QHash<QString, Member>> topLevelMembers(const QByteArray& body, QString* whyNot)
{
    QHash<QString, Member> out;
    Scanner s(body);
    s.take('{');
    s.skipSpace();
    if (s.peek() == '}')
        return out;
    do {
        s.skipSpace();
        const QString key = decodeKey(s.string());
        s.take(':');
        s.skipSpace();
        const qsizetype start = s.pos();
        s.value();
        if (out.contains(key)) {
            *whyNot = u"duplicate member \""_s + key + u'"';
            return std::nullopt;
        }
        out.insert(key, Member{start, s.pos() - start});
    } while (s.take(','));
    return out;
}

} // namespace

std::optional<Envelope> parse(const QByteArray& body, QString* whyNot)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError) {
        *whyNot = u"not JSON ("_s + error.errorString() + u" at offset "_s + QString::number(error.offset) +
                  u", "_s + QString::number(body.size()) + u" bytes)"_s;
        return std::nullopt;
    }
    if (!doc.isObject()) {
        *whyNot = u"the body is not a JSON object"_s;
        return std::nullopt;
    }
    const auto members = topLevelMembers(body, whyNot);
    if (!members)
        return std::nullopt;
    const QJsonObject o = doc.object();
    const QJsonValue code = o.value(u"code"_s);
    const double c = code.toDouble(0.5);
    if (!code.isDouble() || std::floor(c) != c || c < std::numeric_limits<int>::min() ||
        c > std::numeric_limits<int>::max()) {
        *whyNot = u"envelope \"code\" is missing or not an integer"_s;
        return std::nullopt;
    }
    const QJsonValue message = o.value(u"message"_s);
    if (!message.isString()) {
        *whyNot = u"envelope \"message\" is missing or not a string"_s;
        return std::nullopt;
    }
    Envelope out;
    out.code = static_cast<int>(c);
    out.message = message.toString();
    out.data = o.value(u"data"_s);
    if (out.code == 0 && out.data.isUndefined()) {
        *whyNot = u"envelope \"data\" is missing"_s;
        return std::nullopt;
    }
    const auto data = members->constFind(u"data"_s);
    if (data != members->cend()) {
        out.dataOffset = data->offset;
        out.dataLength = data->length;
    }
    return out;
}

bool isJsonContentType(QByteArrayView contentType)
{
    const QList<QByteArray> parts = contentType.toByteArray().split(';');
    if (parts.first().trimmed().toLower() != "application/json")
        return false;
    for (qsizetype i = 1; i < parts.size(); ++i) {
        const QByteArray p = parts.at(i).trimmed().toLower();
        if (p.startsWith("charset=")) {
            QByteArray charset = p.mid(8);
            if (charset.size() >= 2 && charset.startsWith('"') && charset.endsWith('"'))
                charset = charset.mid(1, charset.size() - 2);
            if (charset != "utf-8" && charset != "utf8")
                return false;
        }
    }
    return true;
}

namespace {

CallError::Kind kindForStatus(int status, int code)
{
    switch (status) {
    case 400:
        return CallError::BadRequest;
    case 401:
        if (code == 40103)
            return CallError::Clock;
        // 40104, nonce repeated, on a nonce made for this attempt: the same bytes reached the
        // platform twice — Qt re-sends a request by itself when a connection drops before the
        // answer. The cause is the link, not the credentials.
        return code == 40104 ? CallError::Network : CallError::Auth;
    case 403:
        return CallError::Forbidden;
    case 404:
        return CallError::NotFound;
    case 409:
        return code == 40901 ? CallError::LeaseHeld : CallError::Conflict;
    case 412:
        return CallError::Precondition;
    case 429:
        return CallError::RateLimited;
    default:
        return status >= 500 ? CallError::Server : CallError::BadRequest;
    }
}

Reply failure(CallError::Kind kind, int status, QString message)
{
    Reply r;
    r.error.kind = kind;
    r.error.httpStatus = status;
    r.error.message = std::move(message);
    return r;
}

} // namespace

Reply interpret(int httpStatus, QByteArrayView contentType, const QByteArray& body,
                std::chrono::milliseconds retryAfter, QByteArrayView location)
{
    if (httpStatus >= 300 && httpStatus <= 399) {
        return failure(CallError::Redirect, httpStatus,
                       u"redirect to \""_s + QString::fromLatin1(location) + u"\" not followed"_s);
    }
    const bool json = isJsonContentType(contentType);
    QString whyNot;
    const auto env = json ? parse(body, &whyNot) : std::nullopt;
    if (httpStatus >= 200 && httpStatus <= 299) {
        if (!json) {
            return failure(CallError::Malformed, httpStatus,
                           u"Content-Type \""_s + QString::fromLatin1(contentType) + u"\" is not JSON"_s);
        }
        if (!env)
            return failure(CallError::Malformed, httpStatus, whyNot);
        if (env->code != 0) {
            Reply r = failure(CallError::Business, httpStatus, env->message);
            r.error.code = env->code;
            r.error.data = body.mid(env->dataOffset, env->dataLength);
            return r;
        }
        Response ok;
        ok.httpStatus = httpStatus;
        ok.rawBody = body;
        ok.message = env->message;
        ok.data = env->data;
        ok.dataOffset = env->dataOffset;
        ok.dataLength = env->dataLength;
        Reply r;
        r.response = std::move(ok);
        return r;
    }
    if (httpStatus < 400 || httpStatus > 599)
        return failure(CallError::Malformed, httpStatus, u"unexpected HTTP status"_s);
    Reply r = failure(kindForStatus(httpStatus, env ? env->code : 0), httpStatus, {});
    if (env) {
        r.error.code = env->code;
        r.error.message = env->message;
        r.error.data = body.mid(env->dataOffset, env->dataLength);
    } else {
        r.error.message = u"HTTP "_s + QString::number(httpStatus) + u" without the JSON envelope"_s;
    }
    if (r.error.kind == CallError::RateLimited)
        r.error.retryAfter = retryAfter;
    return r;
}

} // namespace cardops::sync::envelope
