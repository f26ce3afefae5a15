#include "sync/transport/retrypolicy.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QTimeZone>
#include <algorithm>

namespace cardops::sync {

Backoff::Backoff(std::chrono::milliseconds base, std::chrono::milliseconds maxDelay, quint64 seed)
    : m_base(std::max(base, std::chrono::milliseconds{0}))
    , m_max(std::max(maxDelay, std::chrono::milliseconds{0}))
    , m_rng(seed)
{}

std::chrono::milliseconds Backoff::delayBeforeRetry(int retry)
{
    using Rep = std::chrono::milliseconds::rep;
    Rep d = m_base.count();
    for (int i = 1; i < retry && d < m_max.count(); ++i)
        d *= 2;
    d = std::min(d, m_max.count());
    if (d <= 1)
        return std::chrono::milliseconds{d};
    std::uniform_int_distribution<Rep> pick(d / 2, d);
    return std::chrono::milliseconds{pick(m_rng)};
}

std::optional<qint64> parseHttpDate(QByteArrayView value)
{
    const QString text = QString::fromLatin1(value).trimmed();
    QDateTime t = QDateTime::fromString(text, QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (!t.isValid())
        return std::nullopt;
    t.setTimeZone(QTimeZone::utc());
    return t.toSecsSinceEpoch();
}

std::optional<qint64> parseRetryAfterSeconds(QByteArrayView value, qint64 nowSeconds)
{
    const QByteArray text = value.toByteArray().trimmed();
    if (text.isEmpty())
        return std::nullopt;
    if (std::all_of(text.cbegin(), text.cend(), [](char c) { return c >= '0' && c <= '9'; })) {
        if (text.size() > 9) // more than 31 years: treat as "very long", still a number
            return qint64{999999999};
        return text.toLongLong();
    }
    const auto at = parseHttpDate(text);
    if (!at)
        return std::nullopt;
    return std::max<qint64>(0, *at - nowSeconds);
}

} // namespace cardops::sync
