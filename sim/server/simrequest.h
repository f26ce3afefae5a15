#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>

namespace cardops::sim {

// One HTTP request as received, independent of the HTTP library: bytes as sent.
struct SimRequest
{
    QByteArray method;   // "GET", "POST", …
    QByteArray path;     // percent-encoded, without the query
    QByteArray rawQuery; // without '?'
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    // Case-insensitive header lookup; empty when absent.
    QByteArray header(QByteArrayView name) const
    {
        for (const auto& h : headers)
            if (QByteArrayView(h.first).compare(name, Qt::CaseInsensitive) == 0)
                return h.second;
        return {};
    }
    bool hasHeader(QByteArrayView name) const
    {
        for (const auto& h : headers)
            if (QByteArrayView(h.first).compare(name, Qt::CaseInsensitive) == 0)
                return true;
        return false;
    }
};

// What to send back: the HTTP status, extra headers, the body bytes.
struct SimResponse
{
    int status = 200;
    QByteArray body;
    QByteArray retryAfter; // Retry-After header value when non-empty
};

} // namespace cardops::sim
