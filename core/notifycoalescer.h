#pragma once

#include "core/notification.h"

#include <QHash>
#include <QList>
#include <optional>

// At most one message per kind per window: the first of a kind goes out at once, later ones within
// the window are held, and when the window ends the latest held one goes out carrying the count of
// the others ("and N more"). Nothing is dropped without being counted. Pure and time-injected (the
// caller passes a monotonic "now" in milliseconds); not thread-safe, one owner.
namespace cardops::core {

class NotifyCoalescer
{
public:
    struct Out
    {
        Notification notification;
        int more = 0; // other notifications of the same kind folded into this one
    };

    explicit NotifyCoalescer(qint64 windowMs = 60000)
        : m_windowMs(windowMs)
    {}

    qint64 windowMs() const { return m_windowMs; }

    // The notification to send now, or nothing when it is held for the next summary.
    std::optional<Out> offer(const Notification& n, qint64 nowMs);

    // The summaries whose window has ended by nowMs, in kind order; their windows restart at nowMs.
    QList<Out> takeDue(qint64 nowMs);

    // Everything held, at once (shutdown): windows are not restarted.
    QList<Out> takeAll();

    // When the earliest held summary becomes due; nothing when none is held.
    std::optional<qint64> nextDueMs() const;

    int heldCount() const;

private:
    struct State
    {
        std::optional<qint64> lastSentMs;
        int held = 0;
        Notification latest;
    };

    qint64 m_windowMs;
    QHash<int, State> m_states; // by Notification::Kind
};

} // namespace cardops::core
