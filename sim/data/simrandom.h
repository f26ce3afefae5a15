#pragma once

#include <QList>
#include <QtGlobal>
#include <algorithm>
#include <cmath>
#include <random>

namespace cardops::sim {

// A seeded random source with portable helpers (std::*_distribution differ between standard
// libraries; these do not). Never the global RNG: same seed, same sequence, everywhere.
class Rng
{
public:
    explicit Rng(quint64 seed)
        : m_engine(seed)
    {}

    quint64 next() { return m_engine(); }
    // Uniform in [0, n) for n > 0.
    qint64 below(qint64 n)
    {
        return static_cast<qint64>(next() % static_cast<quint64>(n)); // bias < n / 2^64
    }
    qint64 range(qint64 lo, qint64 hi) { return lo + below(hi - lo + 1); } // inclusive
    double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    bool chance(double p) { return unit() < p; }
    template<typename T> const T& pick(const QList<T>& list) { return list[below(list.size())]; }

private:
    std::mt19937_64 m_engine;
};

// Sampling from fixed weights by binary search over the cumulative sum.
class WeightedPicker
{
public:
    void add(double weight)
    {
        m_total += weight;
        m_cumulative.append(m_total);
    }
    qsizetype pick(Rng& rng) const
    {
        const double x = rng.unit() * m_total;
        const auto it = std::upper_bound(m_cumulative.cbegin(), m_cumulative.cend(), x);
        return qMin<qsizetype>(it - m_cumulative.cbegin(), m_cumulative.size() - 1);
    }
    qsizetype size() const { return m_cumulative.size(); }

private:
    QList<double> m_cumulative;
    double m_total = 0;
};

} // namespace cardops::sim
