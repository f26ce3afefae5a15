#include "models/membermover.h"

#include "models/datasource.h"
#include "storage/databasewriter.h"
#include "storage/readsession.h"
#include "storage/writecontext.h"

#include <QFutureWatcher>

using namespace Qt::StringLiterals;
namespace agenttree = cardops::storage::agenttree;

namespace cardops::models {

MemberMover::MemberMover(DataSource& source, QObject* parent)
    : QObject(parent)
    , m_source(source)
{}

bool MemberMover::canMove() const
{
    return m_source.writer() && m_actor.operatorId > 0;
}

QString MemberMover::refusalText(agenttree::MoveCheck check)
{
    using agenttree::MoveCheck;
    switch (check) {
    case MoveCheck::Allowed:
        return {};
    case MoveCheck::UnknownMember:
        return tr("The member is not in the cache.");
    case MoveCheck::UnknownParent:
        return tr("The new parent is not in the cache.");
    case MoveCheck::Self:
        return tr("A member cannot be its own parent.");
    case MoveCheck::Cycle:
        return tr("The new parent is one of the member's downlines: the move would create a cycle.");
    case MoveCheck::Unchanged:
        return tr("The member is already under that parent.");
    }
    return {};
}

void MemberMover::check(qint64 memberId, qint64 newParentId)
{
    m_source.reader().post<Plan>(
        this,
        [memberId, newParentId](const storage::ReadSession& s) {
            Plan plan;
            plan.memberId = memberId;
            plan.newParentId = newParentId;
            auto c = agenttree::checkMove(s, memberId, newParentId);
            if (!c)
                return plan;
            plan.check = *c;
            QList<qint64> ids{memberId};
            if (newParentId > 0)
                ids.append(newParentId);
            // The figures' window does not matter here: only names and the branch size are used.
            auto nodes = agenttree::nodes(s, ids, 0);
            if (nodes)
                for (const agenttree::Node& n : *nodes) {
                    if (n.id == memberId)
                        plan.memberName = n.name, plan.branchSize = n.branchSize;
                    if (n.id == newParentId && newParentId > 0)
                        plan.parentName = n.name;
                }
            return plan;
        },
        [this](Plan plan) { Q_EMIT checked(plan); });
}

void MemberMover::move(qint64 memberId, qint64 newParentId)
{
    if (!canMove())
        return Q_EMIT finished(false, tr("Moving members needs a writable cache and a signed-in operator."));
    const core::Actor actor = m_actor;
    std::function<core::Result<agenttree::MoveCheck>(storage::WriteContext&)> job =
        [actor, memberId, newParentId](storage::WriteContext& ctx) -> core::Result<agenttree::MoveCheck> {
        auto c = agenttree::checkMove(ctx, memberId, newParentId);
        if (!c || *c != agenttree::MoveCheck::Allowed)
            return c;
        auto staged = agenttree::stageMove(ctx, actor, memberId, newParentId);
        if (!staged)
            return staged.error();
        return agenttree::MoveCheck::Allowed;
    };
    using Outcome = core::Result<agenttree::MoveCheck>;
    auto* watcher = new QFutureWatcher<Outcome>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        const Outcome r = watcher->result();
        watcher->deleteLater();
        if (!r)
            return Q_EMIT finished(false, r.error().code == core::ErrorCode::PermissionDenied
                                              ? tr("Your role may not edit members.")
                                              : tr("The move was not saved: %1").arg(r.error().detail));
        if (*r != agenttree::MoveCheck::Allowed)
            return Q_EMIT finished(false, refusalText(*r));
        Q_EMIT finished(true, QString());
    });
    watcher->setFuture(m_source.writer()->submit<agenttree::MoveCheck>(u"members.move"_s, std::move(job)));
}

} // namespace cardops::models
