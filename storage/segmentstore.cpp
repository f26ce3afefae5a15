#include "storage/segmentstore.h"

#include "core/clock.h"
#include "storage/memberstats.h"
#include "storage/readsession.h"
#include "storage/writecontext.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace cardops::storage::segmentstore {
namespace {

core::MemberAggregate aggregateFrom(const QVariantList& r)
{
    core::MemberAggregate a;
    a.memberId = r.value(0).toLongLong();
    a.registeredAt = r.value(1).toLongLong();
    a.lastOrderAt = r.value(2).toLongLong();
    a.orders = r.value(3).toLongLong();
    a.monetary = core::Money::fromUnits(r.value(4).toLongLong());
    return a;
}

constexpr std::array<core::Segment, core::SegmentCount> AllSegments{
    core::Segment::HighValue, core::Segment::Potential, core::Segment::New,
    core::Segment::Dormant,   core::Segment::ChurnRisk, core::Segment::Other};

// The sizes stored at `at`; segments without a row count 0.
core::Result<core::SegmentSizes> storedSizes(const ReadSession& read, qint64 at)
{
    auto rows = read.select(u"SELECT segment, size FROM segment_sizes WHERE at = ?"_s, {at});
    if (!rows)
        return rows.error();
    core::SegmentSizes out{};
    for (const QVariantList& r : *rows)
        if (auto s = core::segmentFromCode(r.value(0).toString()))
            out[core::sizeIndex(*s)] = r.value(1).toLongLong();
    return out;
}

core::Result<std::optional<qint64>> maxAt(const ReadSession& read, const QString& sql,
                                          const QVariantList& binds)
{
    auto rows = read.select(sql, binds);
    if (!rows)
        return rows.error();
    if (rows->isEmpty() || rows->first().value(0).isNull())
        return std::optional<qint64>();
    return std::optional<qint64>(rows->first().value(0).toLongLong());
}

} // namespace

core::Result<core::RfmResult> refresh(WriteContext& ctx, qint64 at)
{
    const memberstats::Statement statement = memberstats::aggregatesStatement(at);
    auto rows = ctx.select(statement.sql, statement.binds);
    if (!rows)
        return rows.error();
    QList<core::MemberAggregate> aggregates;
    aggregates.reserve(rows->size());
    for (const QVariantList& r : *rows)
        aggregates.append(aggregateFrom(r));
    core::RfmResult result = core::computeRfm(aggregates, at);

    if (auto r = ctx.exec(u"DELETE FROM member_rfm"_s); !r)
        return r.error();
    for (const core::MemberRfm& m : result.members) {
        auto r = ctx.execCached(
            u"INSERT INTO member_rfm (member_id, r, f, m, segment, computed_at) VALUES (?, ?, ?, ?, ?, ?)"_s,
            {m.memberId, m.score.r, m.score.f, m.score.m, core::segmentCode(m.segment), at});
        if (!r)
            return r.error();
    }
    for (core::Segment s : AllSegments) {
        auto r =
            ctx.execCached(u"INSERT OR REPLACE INTO segment_sizes (at, segment, size) VALUES (?, ?, ?)"_s,
                           {at, core::segmentCode(s), result.sizes[core::sizeIndex(s)]});
        if (!r)
            return r.error();
    }
    ctx.touch(u"member_rfm"_s);
    ctx.touch(u"segment_sizes"_s);
    return result;
}

core::Result<bool> refreshIfDue(WriteContext& ctx, qint64 at)
{
    auto rows = ctx.select(u"SELECT MAX(computed_at) FROM member_rfm"_s);
    if (!rows)
        return rows.error();
    const QVariant last = rows->isEmpty() ? QVariant() : rows->first().value(0);
    if (!last.isNull() && core::businessDay(last.toLongLong()) >= core::businessDay(at))
        return false;
    auto done = refresh(ctx, at);
    if (!done)
        return done.error();
    return true;
}

core::Result<qint64> computedAt(const ReadSession& read)
{
    auto at = maxAt(read, u"SELECT MAX(computed_at) FROM member_rfm"_s, {});
    if (!at)
        return at.error();
    return at->value_or(0);
}

qint64 Sizes::total() const
{
    qint64 sum = 0;
    for (qint64 n : trend.sizesNow)
        sum += n;
    return sum;
}

core::Result<Sizes> sizes(const ReadSession& read)
{
    Sizes out;
    auto latest = maxAt(read, u"SELECT MAX(at) FROM segment_sizes"_s, {});
    if (!latest)
        return latest.error();
    if (!latest->has_value())
        return out;
    out.computed = true;
    out.trend.now = **latest;
    auto now = storedSizes(read, out.trend.now);
    if (!now)
        return now.error();
    out.trend.sizesNow = *now;
    const qint64 wanted = out.trend.now - core::RfmTrendDays * 86400;
    auto earlier = maxAt(read, u"SELECT MAX(at) FROM segment_sizes WHERE at <= ?"_s, {wanted});
    if (!earlier)
        return earlier.error();
    if (earlier->has_value()) {
        out.thenStored = true;
        out.trend.then = **earlier;
        auto then = storedSizes(read, out.trend.then);
        if (!then)
            return then.error();
        out.trend.sizesThen = *then;
        return out;
    }
    auto aggregates = memberstats::aggregatesAsOf(read, wanted);
    if (!aggregates)
        return aggregates.error();
    out.trend.then = wanted;
    out.trend.sizesThen = core::computeRfm(*aggregates, wanted).sizes;
    return out;
}

core::Result<QList<SegmentMember>> segmentMembers(const ReadSession& read, const QString& code)
{
    if (!core::segmentFromCode(code))
        return core::makeError(core::ErrorCode::InvalidArgument, u"unknown segment %1"_s.arg(code));
    auto at = computedAt(read);
    if (!at)
        return at.error();
    auto rows =
        read.select(u"SELECT m.id, m.name, m.kind, COALESCE(t.name, ''), m.contact, r.r, r.f, r.m "
                    u"FROM member_rfm r JOIN members m ON m.id = r.member_id "
                    u"LEFT JOIN tiers t ON t.id = m.tier_id WHERE r.segment = ? ORDER BY r.member_id"_s,
                    {code});
    if (!rows)
        return rows.error();
    QHash<qint64, core::MemberAggregate> figures;
    if (!rows->isEmpty()) {
        auto aggregates = memberstats::aggregatesAsOf(read, *at);
        if (!aggregates)
            return aggregates.error();
        for (const core::MemberAggregate& a : *aggregates)
            figures.insert(a.memberId, a);
    }
    QList<SegmentMember> out;
    out.reserve(rows->size());
    for (const QVariantList& r : *rows) {
        SegmentMember m;
        m.id = r.value(0).toLongLong();
        m.name = r.value(1).toString();
        m.kind = r.value(2).toString();
        m.tierName = r.value(3).toString();
        m.contact = r.value(4).toString();
        m.score = {r.value(5).toInt(), r.value(6).toInt(), r.value(7).toInt()};
        const core::MemberAggregate a = figures.value(m.id);
        m.orders = a.orders;
        m.monetary = a.monetary;
        m.lastOrderAt = a.lastOrderAt;
        out.append(m);
    }
    return out;
}

} // namespace cardops::storage::segmentstore
