#pragma once

#include "bridge/bridgewrite.h"
#include "core/money.h"

#include <QJsonObject>
#include <QString>
#include <optional>

// Edits of goods and categories as acg-faka's admin performs them (acg-faka-model.md §2.9, §4.2,
// §4.3), with the simulator's request and answer shapes (sim/data/platformactions.cpp), plus the
// versioned-write frame the member edits share (bridge/memberedits.h).
namespace cardops::bridge {

namespace edits {

// The entity's version: its newest feed position and that row's time, and whether the change inbox
// holds a committed change for it that the sequencer has not moved yet (the version is then about
// to grow: the edit is based on an older state).
struct FeedVersion
{
    qint64 pos = 0;
    qint64 at = 0;
    bool pending = false;
};
core::Result<FeedVersion> feedVersion(BridgeDb& db, const char* entity, qint64 id);

// The served entity ("category", "goods", "member") with version and updated_at as the feeds set
// them; nullopt when it does not exist or is out of scope. Reads in the caller's transaction.
core::Result<std::optional<QJsonObject>> entityNow(BridgeDb& db, const char* entity, qint64 id);

// One step of a write inside the transaction: an Error rolls back (500), a non-ok answer rolls back
// and is the answer, an ok answer goes on.
using Step = std::function<core::Result<sim::ApiResult>()>;

// PATCH with If-Match: 412 without it; runs the sequencer, then in one transaction `lock` (locks the
// acg row FOR UPDATE, answers 404 when it is gone) and the version check on the locked state (a
// committed change still in the inbox means the version is stale: the sequencer runs again and the
// check is repeated), then `apply`. The answer is the entity after the sequencer gave the write's
// change its position (the stored idempotent answer is updated to it).
sim::ApiResult versionedEdit(ApiCall& call, const char* entity, qint64 id, const Step& lock,
                             const Step& apply);
// POST without a version: `write` creates or changes a row and sets *id to the entity it answers;
// the answer as for versionedEdit.
sim::ApiResult postWrite(ApiCall& call, const char* entity,
                         const std::function<core::Result<sim::ApiResult>(qint64*)>& write);

// After COMMIT: runs the sequencer (the write's change rows get their positions), reads the answer
// with `read` in one snapshot and makes it the stored idempotent answer too; `provisional` (the
// answer stored with the write) when any of it fails.
sim::ApiResult answerAfterCommit(ApiCall& call, const sim::ApiResult& provisional,
                                 const std::function<core::Result<std::optional<QJsonObject>>()>& read);

// A money field of a request as acg's 2-place text ("12.30"): a JSON string with at most 2 non-zero
// decimals (the API's 4 places are accepted only as "…00": never truncated), ≥ 0 (> 0 unless
// allowZero), ≤ max. nullopt when the value is anything else.
std::optional<core::Money> requestMoney(const QJsonValue& v, bool allowZero, core::Money max);
// acg's DECIMAL text of an amount ("12.30").
QString acgText(core::Money m);
// A JSON integer (no fraction, no text).
bool requestInt(const QJsonValue& v, qint64* out);
// Asia/Shanghai wall-clock text of unix seconds, as acg's PHP writes DATETIME columns.
QString shanghaiText(qint64 unixSeconds);
// The largest DECIMAL(10,2) value: prices, bill amounts.
constexpr core::Money kMaxPrice = core::Money::fromUnits(999'999'999'900LL);

} // namespace edits

// POST /v1/goods, PATCH /v1/goods/{id} (capability goods.write).
sim::ApiResult createGoods(ApiCall& call);
sim::ApiResult patchGoods(ApiCall& call);
// POST /v1/categories, PATCH /v1/categories/{id} (capability goods.write, as the simulator).
sim::ApiResult createCategory(ApiCall& call);
sim::ApiResult patchCategory(ApiCall& call);

} // namespace cardops::bridge
