#pragma once

#include <QByteArray>
#include <QString>
#include <chrono>

// The typed failure of one Platform API call (docs/platform-api.md §1, "Envelope and errors").
namespace cardops::sync {

struct CallError
{
    enum Kind {
        Network,        // connection refused/reset, DNS, proxy: nothing usable came back
        Timeout,        // no complete answer within TransportOptions::timeout
        Tls,            // TLS handshake or certificate failure (never ignored)
        Redirect,       // a 3xx answer: redirects are never followed on signed requests
        TooLarge,       // the response body passed TransportOptions::maxBodyBytes
        Malformed,      // 2xx that is not JSON / not the envelope / truncated / wrong Content-Type
        Auth,           // 401 (40101 unknown app, 40102 bad signature, 40104 nonce repeated)
        Clock,          // 401 / 40103: clock outside 300 s even after one correction
        Forbidden,      // 403 (40300 not allowed; 40301 not the lease holder: notLeaseHolder())
        NotFound,       // 404
        Conflict,       // 409 / 40900: `data` is the current entity
        LeaseHeld,      // 409 / 40901: `data` is {"holder":…,"expires_at":…}
        Precondition,   // 412
        BadRequest,     // 400 (and any other 4xx)
        RateLimited,    // 429: retryAfter carries the platform's delay
        Server,         // 5xx
        Business,       // a 2xx envelope with a non-zero code
        Cancelled,      // PlatformTransport::cancelAll() or the transport was destroyed
        InsecureUrl,    // the endpoint is not https and not loopback http, or not a usable URL
        InvalidRequest, // refused before sending: a write without Idempotency-Key, bad path, …
    };

    Kind kind = Network;
    int httpStatus = 0;                      // 0 when no HTTP answer was received
    int code = 0;                            // the envelope's code when one was parsed, else 0
    QString message;                         // the envelope's message, or the transport's English detail
    QByteArray data;                         // raw JSON of the error envelope's `data` (empty when absent)
    std::chrono::milliseconds retryAfter{0}; // RateLimited: the platform's Retry-After, scaled
    int attempts = 0;                        // how many times the request was sent (0: never sent)

    // True when the same request may succeed later without any change (Network, Timeout,
    // Malformed, RateLimited, Server, and Auth 40104 "nonce repeated", which only happens when Qt
    // itself re-sent a request after a dropped connection). The transport itself retries these
    // (within maxAttempts, each attempt signed anew);
    // when one still reaches the caller, the engine may try again later with the SAME
    // idempotency key — never under a new one (protocols.md, general rules).
    bool retriable() const;

    // One English line for logs and the diagnostics view, e.g.
    // "Conflict (HTTP 409, code 40900): version conflict". The UI translates kinds itself.
    QString describe() const;

    // 403 / 40301: the order is handed over and the caller does not hold the fulfilment lease. Any
    // other 403 (40300) refuses the action itself: a capability this platform lacks.
    static constexpr int kNotLeaseHolder = 40301;
    bool notLeaseHolder() const { return kind == Forbidden && code == kNotLeaseHolder; }

    // "Network", "Timeout", …: the enumerator's name.
    static QString kindName(Kind kind);
};

} // namespace cardops::sync
