#pragma once

#include "core/access.h"
#include "core/money.h"
#include "core/result.h"

#include <QList>
#include <QString>

namespace cardops::storage {

class ReadSession;
class WriteContext;

// The agent hierarchy (issue #10 item 2): members linked by `parent_id` (0 = top level), read with
// recursive CTEs over the `members_parent` index. Pure functions over a session: call them on the
// thread that owns it. A cycle already in the data (the platform refuses them, but a cache may hold
// a half-applied move) never makes a query loop: every walk stops at the first member seen twice.
namespace agenttree {

// Sliding window of the branch GMV: the 30 business days ending with the day of `now`, whole days
// (core/tierrules.h windowSum semantics).
constexpr qint64 BranchGmvDays = 30;

struct Node
{
    qint64 id = 0;
    QString name;
    QString kind;          // consumer / agent / enterprise
    QString tierName;      // empty when the tier is not in the cache
    qint64 downlines = 0;  // direct children
    qint64 branchSize = 0; // every member below, direct or not (the member itself not counted)
    // Σ (paid_amount − refund_amount) of the member's own and its branch's orders with a paid status
    // (memberstats::paidStatuses) created in the window.
    core::Money branchGmv30d;
    bool hasChildren() const { return downlines > 0; }
};

// [from, to) of the window as of `now`.
struct Window
{
    qint64 from = 0;
    qint64 to = 0;
};
Window gmvWindow(qint64 now);

// Rows [offset, offset + limit) of the children of `parentId` (0: the top-level members), members
// with downlines first, then by id. A member whose parent_id is itself is not its own child.
core::Result<QList<Node>> children(const ReadSession& read, qint64 parentId, qint64 now, qint64 offset = 0,
                                   int limit = 1000);
// How many children `parentId` has (0: top-level members).
core::Result<qint64> childCount(const ReadSession& read, qint64 parentId);
// Where `childId` stands in children(parentId)'s order (0-based); −1 when it is not a child.
core::Result<qint64> childPosition(const ReadSession& read, qint64 parentId, qint64 childId);
// The figures of the given members (unknown ids are left out), in the order given.
core::Result<QList<Node>> nodes(const ReadSession& read, const QList<qint64>& ids, qint64 now);

// The chain above `id`, top-level member first, its parent last; empty for a top-level or unknown
// member. Stops before a member seen twice (a cycle in the data) and at a parent not in the cache.
core::Result<QList<qint64>> ancestors(const ReadSession& read, qint64 id);

// Whether making `newParentId` the parent of `memberId` would close a cycle: the new parent is the
// member itself or one of its descendants. 0 (top level) never does. The walk goes up from the new
// parent and stops at a cycle already in the data.
core::Result<bool> wouldCreateCycle(const ReadSession& read, qint64 memberId, qint64 newParentId);
core::Result<bool> wouldCreateCycle(WriteContext& ctx, qint64 memberId, qint64 newParentId);

// Whether `memberId` may be moved under `newParentId` (0: top level). Any kind may be a parent;
// only a cycle is refused (the platform answers 400 to one, docs/platform-api.md).
enum class MoveCheck {
    Allowed,
    UnknownMember, // the member is not in the cache
    UnknownParent, // the new parent is not in the cache
    Self,          // the new parent is the member itself
    Cycle,         // the new parent is one of the member's descendants
    Unchanged,     // the member is already there
};
core::Result<MoveCheck> checkMove(const ReadSession& read, qint64 memberId, qint64 newParentId);
core::Result<MoveCheck> checkMove(WriteContext& ctx, qint64 memberId, qint64 newParentId);
// Stable English for logs and Error::detail ("cycle", "unknown member", …).
QString moveCheckText(MoveCheck check);

// Checks the move again on the writer and stages it as a members PATCH `parent_id` through the
// outbox (cache row, outbox row, audit entry in the job's transaction). A refused move is an error
// (Conflict for Self/Cycle/Unchanged, NotFound for an unknown member or parent) whose detail is
// moveCheckText(); nothing is written then. Returns the outbox item's id.
core::Result<qint64> stageMove(WriteContext& ctx, const core::Actor& actor, qint64 memberId,
                               qint64 newParentId);

// The first member an operator may mean by `text`: an exact id, else the lowest id whose name or
// contact contains it; 0 when none.
core::Result<qint64> find(const ReadSession& read, const QString& text);

} // namespace agenttree
} // namespace cardops::storage
