#pragma once

#include <QList>
#include <QtGlobal>

namespace cardops::sim {

// One feed's change log: commit sequence → entity index, where an entity changed twice keeps only
// its latest position (the older entry becomes a tombstone, compacted away in batches). Pages are
// found by binary search on the sequence, so a page costs O(log n + limit). Not thread-safe.
class FeedLog
{
public:
    struct Slice
    {
        QList<qint32> indices; // entity indices in page order
        QList<qint64> seqs;    // their commit sequences
        qint64 nextCursor = 0;
        bool hasMore = false;
    };

    // Records that entity `index` changed at `seq`; seq must exceed every earlier one.
    void commit(qint64 seq, qint32 index);

    // Entities with seq > after, oldest first.
    Slice forward(qint64 after, int limit) const;
    // Entities with seq < before (before <= 0: from the newest), newest first.
    Slice backward(qint64 before, int limit) const;

    qint64 head() const { return m_seq.isEmpty() ? 0 : m_seq.last(); }
    qint64 seqOf(qint32 index) const { return index < m_current.size() ? m_current[index] : 0; }
    qsizetype liveCount() const { return m_seq.size() - m_dead; }

private:
    void compact();

    QList<qint64> m_seq;     // ascending
    QList<qint32> m_index;   // parallel to m_seq; -1 = superseded
    QList<qint64> m_current; // per entity index: its live seq (0 = never committed)
    qsizetype m_dead = 0;
};

} // namespace cardops::sim
