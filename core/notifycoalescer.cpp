#include "core/notifycoalescer.h"

#include <algorithm>

namespace cardops::core {

std::optional<NotifyCoalescer::Out> NotifyCoalescer::offer(const Notification& n, qint64 nowMs)
{
    State& s = m_states[static_cast<int>(n.kind)];
    const bool windowOpen = s.lastSentMs && nowMs - *s.lastSentMs < m_windowMs;
    if (!windowOpen && s.held == 0) {
        s.lastSentMs = nowMs;
        return Out{n, 0};
    }
    ++s.held;
    s.latest = n;
    return std::nullopt;
}

QList<NotifyCoalescer::Out> NotifyCoalescer::takeDue(qint64 nowMs)
{
    QList<int> kinds = m_states.keys();
    std::sort(kinds.begin(), kinds.end());
    QList<Out> out;
    for (const int kind : kinds) {
        State& s = m_states[kind];
        if (s.held == 0 || (s.lastSentMs && nowMs - *s.lastSentMs < m_windowMs))
            continue;
        out.append(Out{s.latest, s.held - 1});
        s.held = 0;
        s.lastSentMs = nowMs;
    }
    return out;
}

QList<NotifyCoalescer::Out> NotifyCoalescer::takeAll()
{
    QList<int> kinds = m_states.keys();
    std::sort(kinds.begin(), kinds.end());
    QList<Out> out;
    for (const int kind : kinds) {
        State& s = m_states[kind];
        if (s.held == 0)
            continue;
        out.append(Out{s.latest, s.held - 1});
        s.held = 0;
    }
    return out;
}

std::optional<qint64> NotifyCoalescer::nextDueMs() const
{
    std::optional<qint64> due;
    for (const State& s : m_states) {
        if (s.held == 0)
            continue;
        const qint64 at = s.lastSentMs ? *s.lastSentMs + m_windowMs : 0;
        if (!due || at < *due)
            due = at;
    }
    return due;
}

int NotifyCoalescer::heldCount() const
{
    int n = 0;
    for (const State& s : m_states)
        n += s.held;
    return n;
}

} // namespace cardops::core
