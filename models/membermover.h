#pragma once

#include "core/access.h"
#include "storage/agenttree.h"

#include <QObject>
#include <QString>

namespace cardops::models {

class DataSource;

// Moves a member (and its whole branch) under a new parent, 0 = top level (issue #10 item 2).
// check() reads on the loader thread what the confirmation names; move() checks again on the
// writer and stages a members PATCH `parent_id` through the outbox with its audit entry (本地待同步
// until the platform accepts it). A cycle — the new parent is the member itself or one of its
// downlines — is refused here, as the platform would refuse it. UI thread.
class MemberMover : public QObject
{
    Q_OBJECT
public:
    struct Plan
    {
        qint64 memberId = 0;
        qint64 newParentId = 0;
        storage::agenttree::MoveCheck check = storage::agenttree::MoveCheck::UnknownMember;
        QString memberName;
        QString parentName;    // empty for the top level
        qint64 branchSize = 0; // members that move along
    };

    explicit MemberMover(DataSource& source, QObject* parent = nullptr);

    void setActor(const core::Actor& actor) { m_actor = actor; }
    // A writer and an operator are there.
    bool canMove() const;

    // Emits checked(plan).
    void check(qint64 memberId, qint64 newParentId);
    // Emits finished(ok, message): the message is translated, empty on success.
    void move(qint64 memberId, qint64 newParentId);

    // The operator's words for a refusal (translated); empty for Allowed.
    static QString refusalText(storage::agenttree::MoveCheck check);

Q_SIGNALS:
    void checked(const cardops::models::MemberMover::Plan& plan);
    void finished(bool ok, const QString& message);

private:
    DataSource& m_source;
    core::Actor m_actor;
};

} // namespace cardops::models
