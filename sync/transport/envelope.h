#pragma once

#include "sync/transport/transporttypes.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonValue>
#include <QString>
#include <optional>

// Pure interpretation of Platform API answers (docs/platform-api.md §1 "Envelope and errors").
// No I/O: PlatformTransport feeds it what arrived; tests feed it hostile bytes directly.
namespace cardops::sync::envelope {

struct Envelope
{
    int code = 0;
    QString message;
    QJsonValue data;          // Undefined when the member is absent
    qsizetype dataOffset = 0; // the JSON text of `data` in the body
    qsizetype dataLength = 0;
};

// Strict shape check: a JSON object (UTF-8, Qt's nesting limit applies: a deeply nested body is
// an error, not a crash) with unique top-level members, an integral "code" in int range, a string
// "message", and "data" (any JSON value) — required when code is 0. Unknown members are allowed.
// On failure returns nothing and says why in *whyNot.
std::optional<Envelope> parse(const QByteArray& body, QString* whyNot);

// "application/json", optionally with parameters; a charset, when given, must be utf-8.
bool isJsonContentType(QByteArrayView contentType);

// One received answer → a Reply. 2xx: the envelope with code 0 is the Response, a non-zero code is
// Business, anything else Malformed. 3xx: Redirect. 4xx/5xx: the kind follows the HTTP status
// (refined by code for 401 and 409) with code/message/data from the envelope when it parses — so
// an HTML 502 page of a proxy is still Server. Other statuses: Malformed.
// retryAfter is the parsed Retry-After (already scaled); location the 3xx target, for the message.
Reply interpret(int httpStatus, QByteArrayView contentType, const QByteArray& body,
                std::chrono::milliseconds retryAfter = {}, QByteArrayView location = {});

} // namespace cardops::sync::envelope
