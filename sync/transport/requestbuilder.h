#pragma once

#include "sync/transport/transporttypes.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QUrl>
#include <optional>
#include <variant>

// Checks and URL construction for Platform API requests, kept free of I/O so they are testable
// on their own. PlatformTransport uses them before a byte is sent.
namespace cardops::sync::wire {

// POST, PUT, PATCH, DELETE: they need an Idempotency-Key.
bool isWriteMethod(QByteArrayView method);

// 1–64 chars of [A-Za-z0-9_-] (docs/platform-api.md §1).
bool isValidIdempotencyKey(QByteArrayView key);

// https anywhere; http only to localhost, 127.0.0.0/8 or ::1 (InsecureUrl otherwise). The URL must
// carry no user info, query or fragment; app id and secret must be non-empty, the app id
// printable ASCII without spaces (InvalidRequest otherwise).
std::optional<CallError> checkEndpoint(const PlatformEndpoint& endpoint);

// The request rules listed at PlatformTransport::send (InvalidRequest).
std::optional<CallError> checkRequest(const Request& request);

// Where a request goes and what is signed, derived from the QUrl exactly as Qt will put it on the
// request line: path (base prefix included, percent-encoded) and query, both without the '?'.
struct Target
{
    QUrl url;
    QByteArray signedPath;
    QByteArray signedQuery;
    QByteArray hostKey; // "scheme://host:port", the unit of the concurrency limit
};

// Assumes checkEndpoint and checkRequest passed; InvalidRequest when Qt rejects the URL.
std::variant<Target, CallError> target(const PlatformEndpoint& endpoint, const Request& request);

} // namespace cardops::sync::wire
