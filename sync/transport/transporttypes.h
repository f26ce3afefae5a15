#pragma once

#include "sync/transport/callerror.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonValue>
#include <QList>
#include <QUrl>
#include <chrono>
#include <optional>
#include <utility>

// Value types of the Platform API transport (docs/platform-api.md §1). No behaviour beyond
// accessors; PlatformTransport (platformtransport.h) does the work.
namespace cardops::sync {

using HeaderList = QList<std::pair<QByteArray, QByteArray>>;

// Where the platform lives and how to sign for it. baseUrl: "https://host[:port][/prefix]" (a path
// prefix is prepended to every Request::path and is part of the signed PATH). Plain "http" is
// accepted only when the host is loopback (localhost, 127.0.0.0/8, ::1); anything else is refused
// with CallError::InsecureUrl before a byte is sent.
struct PlatformEndpoint
{
    QUrl baseUrl;
    QByteArray appId;
    QByteArray secret;
};

// One API call. Built once by the caller; every attempt sends exactly these bytes.
struct Request
{
    QByteArray method; // "GET", "POST", "PUT", "PATCH", "DELETE"
    // Path under the endpoint, percent-encoded as it goes on the wire: "/v1/goods/17". No query.
    QByteArray path;
    // Query parameters, raw (unencoded) bytes; the transport percent-encodes them (RFC 3986
    // unreserved characters stay as they are) and signs the encoded text it sends.
    QList<std::pair<QByteArray, QByteArray>> query;
    QByteArray body; // exact JSON bytes (UTF-8); sent and signed as they are
    // Required on POST, PUT, PATCH and DELETE: 1–64 chars of [A-Za-z0-9_-]. Persist it with the
    // intent before sending; a retry (by the transport or later by the engine) reuses it.
    QByteArray idempotencyKey;
    std::optional<qint64> ifMatch; // required on PATCH: the entity version the edit is based on
    int maxAttempts = 0;           // 0: TransportOptions::maxAttempts; 1: never retry this call
};

// A successful call: HTTP 2xx with the envelope {"code":0,"message":…,"data":…}.
struct Response
{
    int httpStatus = 0;
    QByteArray rawBody;       // the whole response body as received
    QString message;          // the envelope's message ("ok")
    QJsonValue data;          // the envelope's `data`, already parsed (Undefined when absent)
    qsizetype dataOffset = 0; // where the JSON text of `data` starts in rawBody
    qsizetype dataLength = 0; // its length (0 when `data` is absent)
    int attempts = 1;         // how many times the request was sent

    // The JSON text of `data` inside rawBody, byte for byte (for ingest that parses items itself).
    QByteArrayView rawData() const { return QByteArrayView(rawBody).sliced(dataOffset, dataLength); }
};

// What PlatformTransport::send() delivers: exactly one of a Response or a CallError.
struct Reply
{
    std::optional<Response> response;
    CallError error; // meaningful only when !ok()

    bool ok() const { return response.has_value(); }
};

// Injectable knobs. Tests scale the times down to tens of milliseconds.
struct TransportOptions
{
    std::chrono::milliseconds timeout{30000};       // per attempt: request sent → body complete
    int maxAttempts = 4;                            // per call, first attempt included
    std::chrono::milliseconds baseBackoff{500};     // delay before retry n: base × 2^(n−1) …
    std::chrono::milliseconds maxBackoff{30000};    // … capped here, then jittered into [d/2, d]
    quint64 jitterSeed = 0;                         // 0: seeded from std::random_device
    std::chrono::milliseconds maxRetryAfter{60000}; // a longer 429 delay is handed to the caller
    std::chrono::milliseconds retryAfterUnit{1000}; // the length of one Retry-After second
    int perHostConcurrency = 4;                     // requests in flight per host; more wait in FIFO
    qint64 maxBodyBytes = qint64{32} * 1024 * 1024; // response bodies above abort with TooLarge
    qsizetype diagnosticsBodyBytes = 64 * 1024;     // bodies kept in Exchange are cut here
    int nonceLength = 32;                           // X-Nonce length, 16–64
};

// The last attempt on the wire, for the diagnostics view (protocols.md, general rules).
struct Exchange
{
    // request, as signed and sent
    QByteArray method;
    QByteArray url; // fully encoded
    HeaderList requestHeaders;
    QByteArray requestBody;
    QByteArray canonical; // the exact text that was HMAC-signed
    int attempt = 0;      // 1 for the first attempt of a call
    // response (httpStatus 0: none arrived)
    int httpStatus = 0;
    HeaderList responseHeaders;
    QByteArray responseBody;      // at most TransportOptions::diagnosticsBodyBytes
    qint64 responseBodyBytes = 0; // how many body bytes arrived in total
    QString outcome;              // "ok", or CallError::describe() of this attempt
};

} // namespace cardops::sync
