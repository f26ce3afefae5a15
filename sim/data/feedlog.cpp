#include "sim/data/feedlog.h"

#include <algorithm>

namespace cardops::sim {

void FeedLog::commit(qint64 seq, qint32 index)
{
    Q_ASSERT(m_seq.isEmpty() || seq > m_seq.last());
    if (index >= m_current.size())
        m_current.resize(qMax<qsizetype>(index + 1, m_current.size() * 3 / 2), 0);
    const qint64 old = m_current[index];
    if (old != 0) {
        const auto it = std::lower_bound(m_seq.cbegin(), m_seq.cend(), old);
        if (it != m_seq.cend() && *it == old) {
            m_index[it - m_seq.cbegin()] = -1;
            ++m_dead;
        }
    }
    m_seq.append(seq);
    m_index.append(index);
    m_current[index] = seq;
    if (m_dead > 4096 && m_dead * 4 > m_seq.size())
        compact();
}

void FeedLog::compact()
{
    qsizetype w = 0;
    for (qsizetype r = 0; r < m_seq.size(); ++r) {
        if (m_index[r] < 0)
            continue;
        m_seq[w] = m_seq[r];
        m_index[w] = m_index[r];
        ++w;
    }
    m_seq.resize(w);
    m_index.resize(w);
    m_dead = 0;
}

FeedLog::Slice FeedLog::forward(qint64 after, int limit) const
{
    Slice s;
    s.nextCursor = after;
    qsizetype i = std::upper_bound(m_seq.cbegin(), m_seq.cend(), after) - m_seq.cbegin();
    s.indices.reserve(limit);
    s.seqs.reserve(limit);
    for (; i < m_seq.size(); ++i) {
        if (m_index[i] < 0)
            continue;
        if (s.indices.size() == limit) {
            s.hasMore = true;
            break;
        }
        s.indices.append(m_index[i]);
        s.seqs.append(m_seq[i]);
        s.nextCursor = m_seq[i];
    }
    return s;
}

FeedLog::Slice FeedLog::backward(qint64 before, int limit) const
{
    Slice s;
    qsizetype i =
        before <= 0 ? m_seq.size() : std::lower_bound(m_seq.cbegin(), m_seq.cend(), before) - m_seq.cbegin();
    s.nextCursor = before <= 0 ? head() + 1 : before;
    s.indices.reserve(limit);
    s.seqs.reserve(limit);
    while (i > 0) {
        --i;
        if (m_index[i] < 0)
            continue;
        if (s.indices.size() == limit) {
            s.hasMore = true;
            break;
        }
        s.indices.append(m_index[i]);
        s.seqs.append(m_seq[i]);
        s.nextCursor = m_seq[i];
    }
    return s;
}

} // namespace cardops::sim
