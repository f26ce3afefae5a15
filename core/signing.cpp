#include "core/signing.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QMessageAuthenticationCode>
#include <QStringDecoder>
#include <QTimeZone>
#include <algorithm>
#include <openssl/crypto.h>
#include <openssl/rand.h>
#include <optional>

namespace cardops::core::signing {

namespace {

// Appends one code point as UTF-8. toUcs4() already replaced invalid UTF-16 with U+FFFD, so every
// value here is a scalar value.
void appendUtf8(QByteArray& out, uint cp)
{
    if (cp < 0x80) {
        out.append(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.append(static_cast<char>(0xC0 | (cp >> 6)));
        out.append(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.append(static_cast<char>(0xE0 | (cp >> 12)));
        out.append(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.append(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.append(static_cast<char>(0xF0 | (cp >> 18)));
        out.append(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.append(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.append(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

constexpr char kHexLower[] = "0123456789abcdef";

void appendUnicodeEscape(QByteArray& out, char16_t unit)
{
    out.append("\\u");
    for (int shift = 12; shift >= 0; shift -= 4)
        out.append(kHexLower[(unit >> shift) & 0xF]);
}

// The outer scalar fields go into the body verbatim, so they must already be safe JSON string
// content; '<', '>' and '&' are kept out because some JSON stacks escape them when re-serializing,
// which would change the sorted characters on the server's side.
bool isSafeOuterField(QByteArrayView field)
{
    return std::all_of(field.begin(), field.end(), [](char c) {
        return c >= 0x20 && c <= 0x7E && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&';
    });
}

// biz_content as JSON string content, ASCII only. Lowercase \u hex as Python's json.dumps and
// Newtonsoft emit it; '/' stays raw like in the outer object.
QByteArray escapeBizContent(QStringView text)
{
    QByteArray out;
    out.reserve(text.size() + text.size() / 4 + 8);
    for (const QChar ch : text) {
        const char16_t u = ch.unicode();
        switch (u) {
        case u'"':
            out.append("\\\"");
            break;
        case u'\\':
            out.append("\\\\");
            break;
        case u'\b':
            out.append("\\b");
            break;
        case u'\f':
            out.append("\\f");
            break;
        case u'\n':
            out.append("\\n");
            break;
        case u'\r':
            out.append("\\r");
            break;
        case u'\t':
            out.append("\\t");
            break;
        case u'<':
        case u'>':
        case u'&':
            appendUnicodeEscape(out, u);
            break;
        default:
            if (u < 0x20 || u >= 0x80)
                appendUnicodeEscape(out, u);
            else
                out.append(static_cast<char>(u));
        }
    }
    return out;
}

// --- a minimal scanner over a JSON text already validated by QJsonDocument ----------------------

bool isJsonSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

qsizetype skipSpace(QByteArrayView s, qsizetype i)
{
    while (i < s.size() && isJsonSpace(s[i]))
        ++i;
    return i;
}

// i at the opening quote; returns the index just past the closing quote.
qsizetype skipString(QByteArrayView s, qsizetype i)
{
    for (++i; i < s.size(); ++i) {
        if (s[i] == '\\')
            ++i;
        else if (s[i] == '"')
            return i + 1;
    }
    return s.size();
}

// i at the first byte of a value; returns the index just past it.
qsizetype skipValue(QByteArrayView s, qsizetype i)
{
    if (i >= s.size())
        return i;
    if (s[i] == '"')
        return skipString(s, i);
    if (s[i] == '{' || s[i] == '[') {
        int depth = 0;
        while (i < s.size()) {
            const char c = s[i];
            if (c == '"') {
                i = skipString(s, i);
                continue;
            }
            if (c == '{' || c == '[')
                ++depth;
            else if ((c == '}' || c == ']') && --depth == 0)
                return i + 1;
            ++i;
        }
        return i;
    }
    while (i < s.size() && s[i] != ',' && s[i] != '}' && s[i] != ']' && !isJsonSpace(s[i]))
        ++i;
    return i;
}

struct MemberSpan
{
    qsizetype keyBegin = 0;
    qsizetype valueBegin = 0;
    qsizetype valueEnd = 0;
};

std::optional<QList<MemberSpan>> topLevelMembers(QByteArrayView s)
{
    qsizetype i = skipSpace(s, 0);
    if (i >= s.size() || s[i] != '{')
        return std::nullopt;
    QList<MemberSpan> members;
    i = skipSpace(s, i + 1);
    if (i < s.size() && s[i] == '}')
        return members;
    while (i < s.size()) {
        MemberSpan m;
        m.keyBegin = i;
        if (s[i] != '"')
            return std::nullopt;
        i = skipSpace(s, skipString(s, i));
        if (i >= s.size() || s[i] != ':')
            return std::nullopt;
        m.valueBegin = skipSpace(s, i + 1);
        m.valueEnd = skipValue(s, m.valueBegin);
        members.append(m);
        i = skipSpace(s, m.valueEnd);
        if (i >= s.size())
            return std::nullopt;
        if (s[i] == '}')
            return members;
        if (s[i] != ',')
            return std::nullopt;
        i = skipSpace(s, i + 1);
    }
    return std::nullopt;
}

// --- acg-faka -----------------------------------------------------------------------------------

QByteArrayView baseKey(QByteArrayView key)
{
    const qsizetype bracket = key.indexOf('[');
    return bracket > 0 ? key.first(bracket) : key;
}

bool isBracketed(QByteArrayView key)
{
    return key.indexOf('[') > 0;
}

void appendPercentEncoded(QByteArray& out, QByteArrayView bytes)
{
    static constexpr char kHexUpper[] = "0123456789ABCDEF";
    for (const char c : bytes) {
        const auto b = static_cast<unsigned char>(c);
        const bool unreserved = (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') ||
                                b == '-' || b == '.' || b == '_' || b == '~';
        if (unreserved) {
            out.append(c);
        } else {
            out.append('%');
            out.append(kHexUpper[b >> 4]);
            out.append(kHexUpper[b & 0xF]);
        }
    }
}

bool isSignField(const FormField& field)
{
    return baseKey(field.key) == QByteArrayView("sign");
}

} // namespace

// --- primitives --------------------------------------------------------------------------------

QByteArray md5Hex(QByteArrayView data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Md5).toHex();
}

QByteArray sha256Hex(QByteArrayView data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

QByteArray hmacSha256Hex(QByteArrayView key, QByteArrayView message)
{
    return QMessageAuthenticationCode::hash(message.toByteArray(), key.toByteArray(),
                                            QCryptographicHash::Sha256)
        .toHex();
}

bool digestEquals(QByteArrayView computedHex, QByteArrayView receivedHex)
{
    if (computedHex.isEmpty() || computedHex.size() != receivedHex.size())
        return false;
    QByteArray received(receivedHex.size(), Qt::Uninitialized);
    for (qsizetype i = 0; i < receivedHex.size(); ++i) {
        const char c = receivedHex[i];
        received[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return CRYPTO_memcmp(computedHex.data(), received.constData(), static_cast<size_t>(received.size())) == 0;
}

// --- Fulu ---------------------------------------------------------------------------------------

QByteArray fuluCharSortMd5(QStringView text, QByteArrayView appSecret)
{
    // Code points, not UTF-16 units: a surrogate pair must sort as one character above U+FFFF.
    QList<uint> codePoints = text.toUcs4();
    std::sort(codePoints.begin(), codePoints.end());
    QByteArray material;
    material.reserve(codePoints.size() * 3 + appSecret.size());
    for (const uint cp : std::as_const(codePoints))
        appendUtf8(material, cp);
    material.append(appSecret);
    return md5Hex(material);
}

QByteArray fuluBodySign(QByteArrayView bodyWithoutSign, QByteArrayView appSecret)
{
    return fuluCharSortMd5(QString::fromUtf8(bodyWithoutSign), appSecret);
}

QByteArray fuluResultSign(QStringView result, QByteArrayView appSecret)
{
    return fuluCharSortMd5(result, appSecret);
}

bool verifyFuluResult(QStringView result, QByteArrayView receivedSign, QByteArrayView appSecret)
{
    return digestEquals(fuluResultSign(result, appSecret), receivedSign);
}

QString fuluTimestamp(const QDateTime& time)
{
    if (!time.isValid())
        return {};
    // A fixed UTC+8 instead of the IANA zone: China has had no DST since 1991, and this does not
    // depend on the platform's time-zone database (absent on some Windows builds of Qt).
    return time.toTimeZone(QTimeZone(8 * 3600)).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

Result<FuluSignedRequest> buildFuluRequest(const FuluRequest& request, QByteArrayView appSecret)
{
    if (request.appKey.isEmpty() || !isSafeOuterField(request.appKey))
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("Fulu app_key must be printable ASCII without \" \\ < > &"));
    if (request.method.isEmpty() || !isSafeOuterField(request.method))
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("Fulu method must be printable ASCII without \" \\ < > &"));
    const QString timestamp = fuluTimestamp(request.timestamp);
    if (timestamp.size() != 19)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("Fulu timestamp is invalid"));

    const QByteArray bizJson = request.bizContent.isEmpty() ? QByteArray("{}") : request.bizContent;
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString bizText = decoder(bizJson);
    if (decoder.hasError())
        return makeError(ErrorCode::Encoding, QStringLiteral("Fulu biz_content is not UTF-8"));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(bizJson, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return makeError(ErrorCode::Parse, QStringLiteral("Fulu biz_content is not a JSON object: ") %
                                               parseError.errorString());

    QByteArray body;
    body.reserve(256 + bizJson.size() * 2);
    body.append("{\"app_key\":\"").append(request.appKey);
    body.append("\",\"method\":\"").append(request.method);
    body.append("\",\"timestamp\":\"").append(timestamp.toLatin1());
    body.append("\",\"version\":\"2.0\",\"format\":\"json\",\"charset\":\"utf-8\","
                "\"sign_type\":\"md5\",\"app_auth_token\":\"\",\"biz_content\":\"");
    body.append(escapeBizContent(bizText));
    body.append("\"}");

    FuluSignedRequest out;
    out.sign = fuluBodySign(body, appSecret);
    body.chop(1);
    body.append(",\"sign\":\"").append(out.sign).append("\"}");
    out.body = std::move(body);
    return out;
}

Result<FuluSignSplit> splitFuluSign(QByteArrayView body)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return makeError(ErrorCode::Parse, QStringLiteral("Fulu body is not a JSON object"));
    const auto members = topLevelMembers(body);
    if (!members)
        return makeError(ErrorCode::Parse, QStringLiteral("Fulu body could not be scanned"));

    qsizetype found = -1;
    for (qsizetype i = 0; i < members->size(); ++i) {
        const MemberSpan& m = members->at(i);
        const QByteArrayView key = body.sliced(m.keyBegin, m.valueBegin - m.keyBegin);
        if (!key.startsWith("\"sign\""))
            continue;
        if (found >= 0)
            return makeError(ErrorCode::Parse, QStringLiteral("Fulu body has two sign members"));
        found = i;
    }
    if (found < 0)
        return makeError(ErrorCode::Parse, QStringLiteral("Fulu body has no sign member"));

    const MemberSpan& m = members->at(found);
    const QByteArrayView value = body.sliced(m.valueBegin, m.valueEnd - m.valueBegin);
    if (value.size() < 2 || value.front() != '"' || value.back() != '"')
        return makeError(ErrorCode::Parse, QStringLiteral("Fulu sign is not a string"));

    // Cut the member with the comma that joins it to a neighbour, so the rest stays valid JSON.
    qsizetype cutBegin = m.keyBegin;
    qsizetype cutEnd = m.valueEnd;
    if (found + 1 < members->size())
        cutEnd = members->at(found + 1).keyBegin;
    else if (found > 0)
        cutBegin = members->at(found - 1).valueEnd;

    FuluSignSplit out;
    out.sign = value.sliced(1, value.size() - 2).toByteArray();
    out.bodyWithoutSign = body.first(cutBegin).toByteArray();
    out.bodyWithoutSign.append(body.sliced(cutEnd));
    return out;
}

bool verifyFuluBody(QByteArrayView body, QByteArrayView appSecret)
{
    const auto split = splitFuluSign(body);
    return split.ok() && digestEquals(fuluBodySign(split->bodyWithoutSign, appSecret), split->sign);
}

// --- acg-faka -----------------------------------------------------------------------------------

QByteArray acgFakaSignText(const FormFields& fields)
{
    QList<const FormField*> kept;
    kept.reserve(fields.size());
    for (const FormField& field : fields) {
        if (isSignField(field))
            continue;
        if (field.value.isEmpty() && !isBracketed(field.key))
            continue;
        kept.append(&field);
    }
    std::stable_sort(kept.begin(), kept.end(), [](const FormField* a, const FormField* b) {
        return baseKey(a->key) < baseKey(b->key);
    });
    QByteArray text;
    for (const FormField* field : std::as_const(kept)) {
        if (!text.isEmpty())
            text.append('&');
        text.append(field->key).append('=').append(field->value);
    }
    return text;
}

QByteArray acgFakaSign(const FormFields& fields, QByteArrayView appKey)
{
    QByteArray material = acgFakaSignText(fields);
    material.append("&key=").append(appKey);
    return md5Hex(material);
}

QByteArray acgFakaFormBody(const FormFields& fields, QByteArrayView appKey)
{
    QByteArray body;
    for (const FormField& field : fields) {
        if (isSignField(field))
            continue;
        appendPercentEncoded(body, field.key);
        body.append('=');
        appendPercentEncoded(body, field.value);
        body.append('&');
    }
    body.append("sign=").append(acgFakaSign(fields, appKey));
    return body;
}

bool verifyAcgFaka(const FormFields& fields, QByteArrayView receivedSign, QByteArrayView appKey)
{
    return digestEquals(acgFakaSign(fields, appKey), receivedSign);
}

// --- CardOps Platform API v1 -------------------------------------------------------------------

QByteArray platformCanonicalQuery(QByteArrayView rawQuery)
{
    struct Param
    {
        QByteArrayView whole;
        QByteArrayView name;
        QByteArrayView value;
    };
    QList<Param> params;
    qsizetype start = 0;
    while (start <= rawQuery.size()) {
        qsizetype end = rawQuery.indexOf('&', start);
        if (end < 0)
            end = rawQuery.size();
        const QByteArrayView piece = rawQuery.sliced(start, end - start);
        if (!piece.isEmpty()) {
            const qsizetype eq = piece.indexOf('=');
            params.append(eq < 0 ? Param{piece, piece, {}}
                                 : Param{piece, piece.first(eq), piece.sliced(eq + 1)});
        }
        start = end + 1;
    }
    std::sort(params.begin(), params.end(), [](const Param& a, const Param& b) {
        if (a.name != b.name)
            return a.name < b.name;
        return a.value < b.value;
    });
    QByteArray out;
    for (const Param& p : std::as_const(params)) {
        if (!out.isEmpty())
            out.append('&');
        out.append(p.whole);
    }
    return out;
}

QByteArray platformCanonical(QByteArrayView method, QByteArrayView path, QByteArrayView rawQuery,
                             QByteArrayView timestamp, QByteArrayView nonce, QByteArrayView body)
{
    QByteArray out;
    out.append(method).append('\n');
    out.append(path).append('\n');
    out.append(platformCanonicalQuery(rawQuery)).append('\n');
    out.append(timestamp).append('\n');
    out.append(nonce).append('\n');
    out.append(sha256Hex(body));
    return out;
}

QByteArray platformSignature(QByteArrayView secret, QByteArrayView canonical)
{
    return hmacSha256Hex(secret, canonical);
}

bool verifyPlatformSignature(QByteArrayView secret, QByteArrayView canonical,
                             QByteArrayView receivedSignature)
{
    return digestEquals(platformSignature(secret, canonical), receivedSignature);
}

Result<QByteArray> generateNonce(int length)
{
    if (length < kNonceMinLength || length > kNonceMaxLength)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("nonce length must be 16..64, got %1").arg(length));
    // 64 symbols, so taking 6 bits of each random byte keeps every symbol equally likely.
    static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    unsigned char random[kNonceMaxLength];
    if (RAND_bytes(random, length) != 1)
        return makeError(ErrorCode::Crypto, QStringLiteral("RAND_bytes failed"));
    QByteArray nonce(length, Qt::Uninitialized);
    for (int i = 0; i < length; ++i)
        nonce[i] = kAlphabet[random[i] & 0x3F];
    OPENSSL_cleanse(random, sizeof random);
    return nonce;
}

bool isValidNonce(QByteArrayView nonce)
{
    if (nonce.size() < kNonceMinLength || nonce.size() > kNonceMaxLength)
        return false;
    return std::all_of(nonce.begin(), nonce.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
               c == '_';
    });
}

} // namespace cardops::core::signing
