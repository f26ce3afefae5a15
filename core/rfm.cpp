#include "core/rfm.h"

#include "core/clock.h"

#include <algorithm>
#include <numeric>
#include <vector>

using namespace Qt::StringLiterals;

namespace cardops::core {

QString segmentCode(Segment segment)
{
    switch (segment) {
    case Segment::HighValue:
        return u"high_value"_s;
    case Segment::Potential:
        return u"potential"_s;
    case Segment::New:
        return u"new"_s;
    case Segment::Dormant:
        return u"dormant"_s;
    case Segment::ChurnRisk:
        return u"churn_risk"_s;
    case Segment::Other:
        break;
    }
    return u"other"_s;
}

std::optional<Segment> segmentFromCode(const QString& code)
{
    for (int i = 0; i < SegmentCount; ++i) {
        const auto segment = static_cast<Segment>(i);
        if (segmentCode(segment) == code)
            return segment;
    }
    return std::nullopt;
}

QList<int> quintileScores(const QList<qint64>& values)
{
    const qsizetype n = values.size();
    QList<int> scores(n, 0);
    std::vector<qsizetype> order(static_cast<std::size_t>(n));
    std::iota(order.begin(), order.end(), qsizetype(0));
    std::sort(order.begin(), order.end(), [&](qsizetype a, qsizetype b) { return values[a] < values[b]; });
    qsizetype groupStart = 0;
    for (qsizetype pos = 0; pos < n; ++pos) {
        // A tie keeps the position of its group's first member, so every tied value scores alike.
        const qsizetype at = order[static_cast<std::size_t>(pos)];
        if (pos > 0 && values[at] != values[order[static_cast<std::size_t>(pos - 1)]])
            groupStart = pos;
        scores[at] = static_cast<int>(1 + (5 * groupStart) / n);
    }
    return scores;
}

Segment segmentOf(const MemberAggregate& a, const RfmScore& s, qint64 at)
{
    const qint64 today = businessDay(at);
    if (today - businessDay(a.registeredAt) < NewMemberDays && a.orders <= NewMemberMaxOrders)
        return Segment::New;
    if (a.orders == 0 || today - businessDay(a.lastOrderAt) >= DormantDays)
        return Segment::Dormant;
    if (s.r >= 4 && s.f >= 4 && s.m >= 4)
        return Segment::HighValue;
    if (s.r <= 2 && (s.f >= 4 || s.m >= 4))
        return Segment::ChurnRisk;
    if (s.r >= 4 && (s.f >= 3 || s.m >= 3))
        return Segment::Potential;
    return Segment::Other;
}

RfmResult computeRfm(const QList<MemberAggregate>& aggregates, qint64 at)
{
    // Only members with a counted order are ranked: a member without one would otherwise push
    // every buyer's scores up and hide the difference between buyers.
    QList<qsizetype> ranked;
    QList<qint64> recency, frequency, monetary;
    ranked.reserve(aggregates.size());
    recency.reserve(aggregates.size());
    frequency.reserve(aggregates.size());
    monetary.reserve(aggregates.size());
    for (qsizetype i = 0; i < aggregates.size(); ++i) {
        const MemberAggregate& a = aggregates[i];
        if (a.orders <= 0)
            continue;
        ranked.append(i);
        // Recency by business day: two orders on the same day are equally recent to an operator.
        recency.append(businessDay(a.lastOrderAt));
        frequency.append(a.orders);
        monetary.append(a.monetary.units());
    }
    const QList<int> r = quintileScores(recency);
    const QList<int> f = quintileScores(frequency);
    const QList<int> m = quintileScores(monetary);

    RfmResult result;
    result.at = at;
    result.members.resize(aggregates.size());
    for (qsizetype k = 0; k < ranked.size(); ++k)
        result.members[ranked[k]].score = {r[k], f[k], m[k]};
    for (qsizetype i = 0; i < aggregates.size(); ++i) {
        MemberRfm& member = result.members[i];
        member.memberId = aggregates[i].memberId;
        member.segment = segmentOf(aggregates[i], member.score, at);
        ++result.sizes[sizeIndex(member.segment)];
    }
    return result;
}

SegmentTrend segmentTrend(const RfmResult& then, const RfmResult& now)
{
    return {then.at, now.at, then.sizes, now.sizes};
}

} // namespace cardops::core
