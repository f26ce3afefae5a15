#pragma once

#include <QByteArrayView>
#include <QtGlobal>
#include <chrono>
#include <optional>
#include <random>

// When and how long to wait before sending a request again (docs/platform-api.md §1: 429 carries
// Retry-After; 5xx is retried with back-off for idempotent requests and keyed writes).
namespace cardops::sync {

// Exponential back-off with "equal jitter": retry n (1-based) waits a uniformly drawn delay in
// [d/2, d] where d = min(maxDelay, base × 2^(n−1)). Deterministic for a given seed.
class Backoff
{
public:
    Backoff(std::chrono::milliseconds base, std::chrono::milliseconds maxDelay, quint64 seed);

    std::chrono::milliseconds delayBeforeRetry(int retry);

private:
    std::chrono::milliseconds m_base;
    std::chrono::milliseconds m_max;
    std::mt19937_64 m_rng;
};

// Retry-After as delta-seconds ("120") or an HTTP-date ("Wed, 21 Oct 2015 07:28:00 GMT", relative to
// nowSeconds, never negative). Nothing for an empty or unreadable value.
std::optional<qint64> parseRetryAfterSeconds(QByteArrayView value, qint64 nowSeconds);

// An HTTP Date header as unix seconds; nothing when unreadable.
std::optional<qint64> parseHttpDate(QByteArrayView value);

} // namespace cardops::sync
