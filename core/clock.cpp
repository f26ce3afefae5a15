#include "core/clock.h"

#include <QDateTime>

namespace cardops::core {

qint64 SystemClock::nowMilliseconds() const
{
    return QDateTime::currentMSecsSinceEpoch() + m_offsetMs.load();
}

qint64 SystemClock::nowSeconds() const
{
    const qint64 ms = nowMilliseconds();
    return ms >= 0 ? ms / 1000 : (ms - 999) / 1000;
}

} // namespace cardops::core
