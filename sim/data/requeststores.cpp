#include "sim/data/requeststores.h"

namespace cardops::sim {

bool NonceStore::accept(QByteArrayView nonce, qint64 now)
{
    if (now - m_lastPrune > 60)
        prune(now);
    const QByteArray key = nonce.toByteArray();
    const auto it = m_seen.constFind(key);
    if (it != m_seen.cend() && now - *it < m_window)
        return false;
    m_seen.insert(key, now);
    return true;
}

void NonceStore::prune(qint64 now)
{
    m_lastPrune = now;
    m_seen.removeIf([&](const auto& entry) { return now - entry.value() >= m_window; });
}

std::optional<IdempotencyStore::Response> IdempotencyStore::find(QByteArrayView appId, QByteArrayView key,
                                                                 qint64 now)
{
    const QByteArray k = appId.toByteArray() + '\n' + key.toByteArray();
    const auto it = m_stored.constFind(k);
    if (it == m_stored.cend())
        return std::nullopt;
    if (now - it->storedAt > m_retention) {
        m_stored.remove(k);
        return std::nullopt;
    }
    return *it;
}

void IdempotencyStore::remember(QByteArrayView appId, QByteArrayView key, Response response)
{
    m_stored.insert(appId.toByteArray() + '\n' + key.toByteArray(), std::move(response));
}

} // namespace cardops::sim
