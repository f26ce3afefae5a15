#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringView>

// Request and response signatures of the three wire protocols (docs: protocols.md §1.2, §1.3,
// §1.6, §2.1, §3.2). Pure, stateless functions: safe to call from any thread.
// Digests come back as lowercase hex; verify* compare in constant time and accept either hex case
// for the received value (case carries no secret, and some peers may send uppercase).
namespace cardops::core::signing {

// --- primitives --------------------------------------------------------------------------------

QByteArray md5Hex(QByteArrayView data);
QByteArray sha256Hex(QByteArrayView data);
QByteArray hmacSha256Hex(QByteArrayView key, QByteArrayView message);

// Constant-time equality of a computed hex digest and a received one (ASCII case-insensitive).
// Different lengths compare unequal at once: the length of a digest is public.
bool digestEquals(QByteArrayView computedHex, QByteArrayView receivedHex);

// --- Fulu OpenAPI 2.0 ---------------------------------------------------------------------------

// lowercase hex MD5( UTF-8( code points of text sorted ascending ) + secret ).
QByteArray fuluCharSortMd5(QStringView text, QByteArrayView appSecret);

// Signature of a request or callback body given as the UTF-8 bytes of the compact JSON *without*
// the sign member (invalid UTF-8 is decoded with replacement characters and so never verifies).
QByteArray fuluBodySign(QByteArrayView bodyWithoutSign, QByteArrayView appSecret);

// Signature of a response: `result` is the decoded JSON string value of the response's "result".
QByteArray fuluResultSign(QStringView result, QByteArrayView appSecret);
bool verifyFuluResult(QStringView result, QByteArrayView receivedSign, QByteArrayView appSecret);

// "yyyy-MM-dd HH:mm:ss" in China Standard Time (UTC+8). An invalid time gives an empty string.
QString fuluTimestamp(const QDateTime& time);

struct FuluRequest
{
    QByteArray appKey;     // printable ASCII, may contain '+' and '/'
    QByteArray method;     // e.g. "fulu.order.card.add"
    QDateTime timestamp;   // any time zone; sent in UTC+8
    QByteArray bizContent; // compact JSON object text, UTF-8; empty means "{}"
};

struct FuluSignedRequest
{
    QByteArray body; // the exact bytes to POST, sign included
    QByteArray sign;
};

// Builds the ASCII body once (non-ASCII and <, >, & inside biz_content escaped as \uXXXX, '/' left
// raw), signs those bytes and appends the sign member without re-serializing.
// InvalidArgument for outer fields outside printable ASCII or holding " \ < > &, or an invalid time;
// Parse when bizContent is not a JSON object.
Result<FuluSignedRequest> buildFuluRequest(const FuluRequest& request, QByteArrayView appSecret);

struct FuluSignSplit
{
    QByteArray bodyWithoutSign; // the received bytes with the sign member (and one comma) cut out
    QByteArray sign;            // the received sign value, as sent
};

// Cuts the top-level "sign" member out of a received JSON object body (request or callback), keeping
// every other byte as received so the signature is checked over what the peer signed.
// Parse when the body is not a JSON object or has no string "sign" member at the top level.
Result<FuluSignSplit> splitFuluSign(QByteArrayView body);

// Verifies a whole received request or callback body (sign included).
bool verifyFuluBody(QByteArrayView body, QByteArrayView appSecret);

// --- acg-faka shared store -----------------------------------------------------------------------

// One form field as posted; nested values use PHP array keys ("sku[颜色]"). Bytes are UTF-8.
struct FormField
{
    QByteArray key;
    QByteArray value;
};
using FormFields = QList<FormField>;

// The text acg-faka signs: "k=v&…" raw, without sign, as the server rebuilds it from $_POST
// (Str::generateSignature: ksort, drop '' values, urldecode(http_build_query)).
// Plain keys: empty values dropped ("0" kept), sorted in byte order. A bracketed key sorts by its base
// name ("sku" for "sku[颜色]") and keeps its posted order among its siblings, and an empty bracketed
// value is kept, because PHP sorts and filters only the top level of the array it parsed.
// Keys must be unique and use explicit indices ("a[0]", not "a[]").
QByteArray acgFakaSignText(const FormFields& fields);

// lowercase hex MD5( signText + "&key=" + appKey ).
QByteArray acgFakaSign(const FormFields& fields, QByteArrayView appKey);

// application/x-www-form-urlencoded body: the fields in the given order, percent-encoded (only
// A-Z a-z 0-9 - . _ ~ left raw), then "sign". A "sign" field in the input is neither signed nor sent.
QByteArray acgFakaFormBody(const FormFields& fields, QByteArrayView appKey);

bool verifyAcgFaka(const FormFields& fields, QByteArrayView receivedSign, QByteArrayView appKey);

// --- CardOps Platform API v1 -------------------------------------------------------------------

// Query parameters sorted by name then value (bytes as sent), each "name=value" as sent, joined by
// '&'; empty pieces ("a=1&&b=2") are not parameters and are dropped. rawQuery excludes the '?'.
QByteArray platformCanonicalQuery(QByteArrayView rawQuery);

// METHOD \n PATH \n CANONICAL_QUERY \n timestamp \n nonce \n hex(SHA-256(body)), every part as sent
// (method as sent, e.g. "GET"; path percent-encoded, without the query; timestamp the header text).
QByteArray platformCanonical(QByteArrayView method, QByteArrayView path, QByteArrayView rawQuery,
                             QByteArrayView timestamp, QByteArrayView nonce, QByteArrayView body);

// lowercase hex HMAC-SHA256(secret, canonical).
QByteArray platformSignature(QByteArrayView secret, QByteArrayView canonical);
bool verifyPlatformSignature(QByteArrayView secret, QByteArrayView canonical,
                             QByteArrayView receivedSignature);

inline constexpr int kNonceMinLength = 16;
inline constexpr int kNonceMaxLength = 64;

// length characters of [A-Za-z0-9_-] from OpenSSL's CSPRNG (6 bits of entropy each).
// InvalidArgument outside [16, 64]; Crypto when the CSPRNG fails.
Result<QByteArray> generateNonce(int length = 32);
bool isValidNonce(QByteArrayView nonce);

} // namespace cardops::core::signing
