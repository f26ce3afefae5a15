#pragma once

#include <QObject>
#include <QString>
#include <functional>

namespace cardops::storage {
class Database;
struct OutboxItem;
} // namespace cardops::storage

namespace cardops::sync {

class PlatformTransport;
struct Reply;

// Sends the outbox to the platform: each pass sends the head of every entity's queue (FIFO per
// entity, several entities at once within the transport's per-host limit) with the item's stored
// idempotency key and If-Match, and settles each answer in its own write job — accepted (the cache
// takes the platform's entity), conflict (rebased or recorded), refused (failed, waits for the
// operator) or not answered (stays pending, same key next time).
class OutboxPusher
{
public:
    struct Result
    {
        qint64 pushed = 0;
        qint64 conflicts = 0;
        qint64 failed = 0;
        bool cancelled = false;
        bool offline = false; // the platform could not be reached: items stay pending
        QString error;        // why the push stopped early (empty when it ran to the end)
    };

    OutboxPusher(storage::Database& database, PlatformTransport& transport, int maxPasses);

    // Runs passes until the outbox has nothing ready or maxPasses; `done` is called on `context`'s thread.
    void run(QObject* context, std::function<void(const Result&)> done);
    void cancel() { m_cancelled = true; }

private:
    void pass();
    void settle(const storage::OutboxItem& item, const Reply& reply);
    void itemDone();
    void end();

    storage::Database& m_db;
    PlatformTransport& m_transport;
    const int m_maxPasses;
    QObject* m_context = nullptr;
    std::function<void(const Result&)> m_done;
    Result m_result;
    int m_passes = 0;
    int m_inFlight = 0;
    bool m_progressed = false;
    bool m_stop = false;
    bool m_cancelled = false;
};

} // namespace cardops::sync
