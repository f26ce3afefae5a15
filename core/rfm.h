#pragma once

#include "core/money.h"

#include <QList>
#include <QString>
#include <array>
#include <cstddef>
#include <optional>

// RFM scores and named segments (issue #10 item 7, domain.md "Member segmentation"). Pure functions
// over per-member aggregates that storage computes with one grouped query (storage/memberstats.h):
// no SQL, no network, any thread. docs/members.md states every rule and the reasons behind it.
namespace cardops::core {

// The aggregates cover the orders of this many business days, ending with the day of the moment.
constexpr qint64 RfmWindowDays = 365;
// The trend compares the segment sizes now with their sizes this many days earlier.
constexpr qint64 RfmTrendDays = 30;
// 新客: registered within this many business days (the day of the moment counts as day 0)…
constexpr qint64 NewMemberDays = 30;
// …with at most this many counted orders.
constexpr qint64 NewMemberMaxOrders = 2;
// 沉睡: no counted order for at least this many business days (or none in the window).
constexpr qint64 DormantDays = 180;

// One member's figures as of a moment. `orders` counts paid orders of the window that were not
// fully refunded; `monetary` is their paid amount minus their refunds; `lastOrderAt` is the
// creation time of the newest of them (0 when `orders` is 0).
struct MemberAggregate
{
    qint64 memberId = 0;
    qint64 registeredAt = 0;
    qint64 lastOrderAt = 0;
    qint64 orders = 0;
    Money monetary;

    bool operator==(const MemberAggregate&) const = default;
};

// Stable codes: the UI translates them (高价值, 潜力, 新客, 沉睡, 流失预警, 其他).
enum class Segment { HighValue, Potential, New, Dormant, ChurnRisk, Other };
constexpr int SegmentCount = 6;

QString segmentCode(Segment segment); // "high_value", "potential", "new", "dormant", "churn_risk", "other"
std::optional<Segment> segmentFromCode(const QString& code);

// Scores 1–5 (5 best); all 0 for a member without a counted order in the window (not ranked).
struct RfmScore
{
    int r = 0;
    int f = 0;
    int m = 0;

    bool operator==(const RfmScore&) const = default;
};

struct MemberRfm
{
    qint64 memberId = 0;
    RfmScore score;
    Segment segment = Segment::Other;
};

// Members per segment, indexed by sizeIndex(segment).
using SegmentSizes = std::array<qint64, SegmentCount>;
constexpr std::size_t sizeIndex(Segment segment)
{
    return static_cast<std::size_t>(segment);
}

struct RfmResult
{
    qint64 at = 0;
    QList<MemberRfm> members; // in the order of the aggregates given
    SegmentSizes sizes{};
};

// The quintile score of each value: values are ranked ascending, tied values share the lowest rank
// of their group (SQL RANK()), and the score is 1 + ⌊5 × (rank − 1) / n⌋. So equal values always
// score alike, whatever the member ids or input order.
QList<int> quintileScores(const QList<qint64>& values);

// The segment of one member from its aggregate and scores as of `at` (the first matching rule of
// docs/members.md wins).
Segment segmentOf(const MemberAggregate& aggregate, const RfmScore& score, qint64 at);

// Scores every member with a counted order (R on the business day of the last order, F on the
// count, M on the money), then names each member's segment and counts the sizes.
RfmResult computeRfm(const QList<MemberAggregate>& aggregates, qint64 at);

// The sizes as of two moments, each computed from the aggregates as of its own moment.
struct SegmentTrend
{
    qint64 then = 0;
    qint64 now = 0;
    SegmentSizes sizesThen{};
    SegmentSizes sizesNow{};

    qint64 change(Segment segment) const
    {
        return sizesNow[sizeIndex(segment)] - sizesThen[sizeIndex(segment)];
    }
};

SegmentTrend segmentTrend(const RfmResult& then, const RfmResult& now);

} // namespace cardops::core
