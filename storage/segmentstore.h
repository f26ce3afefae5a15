#pragma once

#include "core/money.h"
#include "core/result.h"
#include "core/rfm.h"

#include <QList>
#include <QString>

namespace cardops::storage {

class ReadSession;
class WriteContext;

// The stored RFM segmentation (issue #10 item 7, docs/members.md): `member_rfm` holds every
// member's scores and segment as of the last recompute, `segment_sizes` the sizes of each
// recompute (the history behind the trend). Writes run as writer jobs; reads on the session's thread.
namespace segmentstore {

// Recomputes RFM as of `at` (storage::memberstats aggregates + core::computeRfm) and replaces every
// row of member_rfm, and records the sizes at `at` in segment_sizes, in the job's transaction.
core::Result<core::RfmResult> refresh(WriteContext& ctx, qint64 at);

// refresh() only when member_rfm is empty or was computed on an earlier business day (Asia/Shanghai)
// than the day of `at`. True when it ran.
core::Result<bool> refreshIfDue(WriteContext& ctx, qint64 at);

// The moment of the stored scores; 0 when RFM was never computed.
core::Result<qint64> computedAt(const ReadSession& read);

struct Sizes
{
    bool computed = false;    // false: RFM was never computed (everything else is empty)
    bool thenStored = false;  // the earlier sizes were stored (else computed from the aggregates)
    core::SegmentTrend trend; // now = the latest stored sizes, then = ~RfmTrendDays earlier
    qint64 total() const;
};

// The latest stored sizes and the sizes RfmTrendDays earlier: the newest stored at or before
// latest − RfmTrendDays × 86400, or when none is, computed from the aggregates as of that moment.
core::Result<Sizes> sizes(const ReadSession& read);

// One member of a segment, for an export: scores from member_rfm, figures from the aggregates as of
// the moment of the scores.
struct SegmentMember
{
    qint64 id = 0;
    QString name;
    QString kind;
    QString tierName;
    QString contact;
    core::RfmScore score;
    qint64 orders = 0;
    core::Money monetary;
    qint64 lastOrderAt = 0;
};

// The members of the segment `code` (core::segmentCode) by id; an unknown code is InvalidArgument.
core::Result<QList<SegmentMember>> segmentMembers(const ReadSession& read, const QString& code);

} // namespace segmentstore
} // namespace cardops::storage
