#pragma once

#include <QtGlobal>
#include <atomic>
#include <cstdint>

namespace cardops::core {

// The source of "now" for every time-based rule, so tests control time (KeePassXC's replaceable
// clock). Times are unix seconds; implementations are thread-safe.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual qint64 nowSeconds() const = 0;
    virtual qint64 nowMilliseconds() const = 0;
};

// The operating system's clock, optionally corrected by an offset learned from the platform
// (protocols.md §3.2: GET /v1/shop returns platform time).
class SystemClock final : public Clock
{
public:
    qint64 nowSeconds() const override;
    qint64 nowMilliseconds() const override;
    void setOffsetMilliseconds(qint64 offset) { m_offsetMs.store(offset); }
    qint64 offsetMilliseconds() const { return m_offsetMs.load(); }

private:
    std::atomic<qint64> m_offsetMs{0};
};

// A clock that only moves when told to: for tests and the simulator's replays.
class ManualClock final : public Clock
{
public:
    explicit ManualClock(qint64 startMs = 0)
        : m_ms(startMs)
    {}
    qint64 nowSeconds() const override { return m_ms.load() / 1000; }
    qint64 nowMilliseconds() const override { return m_ms.load(); }
    void setMilliseconds(qint64 ms) { m_ms.store(ms); }
    void advanceMilliseconds(qint64 delta) { m_ms.fetch_add(delta); }
    void advanceSeconds(qint64 delta) { m_ms.fetch_add(delta * 1000); }

private:
    std::atomic<qint64> m_ms;
};

// Business days are Asia/Shanghai days (UTC+8, no daylight saving): day n covers the unix seconds
// [n × 86400 − 28800, (n + 1) × 86400 − 28800).
constexpr qint64 ShanghaiOffsetSeconds = 28800;
constexpr qint64 businessDay(qint64 unixSeconds)
{
    const qint64 shifted = unixSeconds + ShanghaiOffsetSeconds;
    return shifted >= 0 ? shifted / 86400 : (shifted - 86399) / 86400; // floor, also before 1970
}
constexpr qint64 businessDayStart(qint64 day)
{
    return day * 86400 - ShanghaiOffsetSeconds;
}

} // namespace cardops::core
