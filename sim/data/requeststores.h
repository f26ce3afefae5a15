#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QtGlobal>
#include <optional>

namespace cardops::sim {

// Nonces seen in the last `window` seconds (docs/platform-api.md §1: a repeat within 600 s is
// refused). Not thread-safe.
class NonceStore
{
public:
    explicit NonceStore(qint64 windowSeconds = 600)
        : m_window(windowSeconds)
    {}
    // True and remembered when the nonce is fresh; false when it repeats within the window.
    bool accept(QByteArrayView nonce, qint64 now);
    qsizetype size() const { return m_seen.size(); }

private:
    void prune(qint64 now);
    qint64 m_window;
    QHash<QByteArray, qint64> m_seen;
    qint64 m_lastPrune = 0;
};

// First responses of keyed writes, replayed byte for byte (per app id + key) for at least 7 days.
// Not thread-safe.
class IdempotencyStore
{
public:
    struct Response
    {
        QByteArray method;
        QByteArray path;
        int status = 200;
        QByteArray body;
        qint64 storedAt = 0;
    };
    explicit IdempotencyStore(qint64 retentionSeconds = 8 * 86400)
        : m_retention(retentionSeconds)
    {}

    std::optional<Response> find(QByteArrayView appId, QByteArrayView key, qint64 now);
    void remember(QByteArrayView appId, QByteArrayView key, Response response);
    qsizetype size() const { return m_stored.size(); }

private:
    qint64 m_retention;
    QHash<QByteArray, Response> m_stored;
};

} // namespace cardops::sim
