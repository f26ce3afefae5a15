#pragma once

#include "sim/data/simrandom.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <array>

namespace cardops::sim {

// The fault modes of docs/platform-api.md §4, each with a rate 0..1.
enum class FaultMode {
    Latency,       // answer after a delay (latencyMinMs..latencyMaxMs), never blocking other requests
    ServerError,   // 500 / 50000; on a write, half the time AFTER the change committed (response lost)
    TooMany,       // 429 / 42900 with Retry-After: retryAfterSeconds; nothing applied
    Timeout,       // no answer at all (or after timeoutAnswerMs); half the time after committing
    Truncated,     // 200 with the JSON body cut short (Content-Length matches the cut body)
    Malformed,     // a complete body that is not valid JSON
    BadSignature,  // a correctly signed request refused with 401 / 40102
    DuplicatePage, // a feed page served twice: next_cursor not advanced the first time
    ShuffledPage,  // a feed page's items out of order, with already served items repeated
    Editor,        // a concurrent web admin edits goods and members before the request
    LateCommit,    // a change stamped in the past commits before the request
};
inline constexpr int kFaultModeCount = 11;

// Fault settings: rates plus the knobs tests scale. Value type.
struct FaultConfig
{
    std::array<double, kFaultModeCount> rates{};
    int latencyMinMs = 50;
    int latencyMaxMs = 300;
    int retryAfterSeconds = 1; // 0 allowed
    int timeoutAnswerMs = 0;   // 0 = never answer
    quint64 seed = 7;

    double rate(FaultMode mode) const { return rates[static_cast<size_t>(mode)]; }
    void setRate(FaultMode mode, double rate) { rates[static_cast<size_t>(mode)] = qBound(0.0, rate, 1.0); }
    // Command-line names: "latency", "5xx", "429", "timeout", "truncated", "malformed",
    // "bad-signature", "duplicate-page", "shuffled-page", "editor", "late-commit".
    static QString modeName(FaultMode mode);
    static bool modeFromName(QStringView name, FaultMode* mode);
    static QStringList modeNames();
};

// The per-request dice: one seeded generator, independent of the data's.
struct FaultRoll
{
    std::array<bool, kFaultModeCount> on{};
    bool applyBeforeLoss = false; // 5xx/timeout: commit first, then lose the response
    bool has(FaultMode mode) const { return on[static_cast<size_t>(mode)]; }
};

class FaultInjector
{
public:
    explicit FaultInjector(const FaultConfig& config = {});
    void setConfig(const FaultConfig& config);
    const FaultConfig& config() const { return m_config; }
    FaultRoll roll();
    void count(FaultMode mode) { ++m_counts[static_cast<size_t>(mode)]; }
    qint64 count(FaultMode mode) const { return m_counts[static_cast<size_t>(mode)]; }
    Rng& rng() { return m_rng; }
    // The body faults of `roll`: cut short (Truncated) or made invalid JSON (Malformed), counted.
    void spoil(QByteArray& body, const FaultRoll& roll);

private:
    FaultConfig m_config;
    Rng m_rng;
    std::array<qint64, kFaultModeCount> m_counts{};
};

} // namespace cardops::sim
