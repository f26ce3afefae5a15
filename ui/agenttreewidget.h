#pragma once

#include "core/access.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTreeView;

namespace cardops::models {
class AgentTreeModel;
class DataSource;
class MemberMover;
} // namespace cardops::models

namespace cardops::ui {

// The agent hierarchy (issue #10 item 2): a lazy tree with each member's kind, tier, direct
// downlines, branch size and branch GMV of the last 30 business days; a search that jumps to a
// member (its ancestors expanded); 移动到… moves the selected member and its branch under a new
// parent after a confirmation naming both and the branch size (cycles refused, the move staged in
// the outbox and audited). Double click or Enter opens the member.
class AgentTreeWidget : public QWidget
{
    Q_OBJECT
public:
    AgentTreeWidget(models::DataSource& source, core::Actor actor, qint64 rootMemberId = 0,
                    QWidget* parent = nullptr);

    models::AgentTreeModel* model() const { return m_model; }
    QTreeView* view() const { return m_view; }
    // The selected member; 0 when none.
    qint64 currentMemberId() const;

    // Finds a member by id ("88", "#88", "张三 #88") or by part of the name or contact, expands
    // its ancestors and selects it.
    void jumpTo(const QString& text);
    // Checks the move and asks for confirmation (a QMessageBox "confirmMove"); a refusal is shown in
    // a QMessageBox "moveRefused". 0 = top level.
    void requestMove(qint64 memberId, qint64 newParentId);
    // Opens the picker of the new parent for the selected member.
    void pickNewParent();

Q_SIGNALS:
    void openMember(qint64 memberId);
    // After a move was staged (ok) or refused/failed, with the message shown.
    void moveFinished(bool ok, const QString& message);

private:
    void showMessage(const QString& text, bool error);
    void confirm(qint64 memberId, qint64 newParentId, const QString& memberName, const QString& parentName,
                 qint64 branchSize);
    void refuse(const QString& text);

    models::DataSource& m_source;
    models::AgentTreeModel* m_model = nullptr;
    models::MemberMover* m_mover = nullptr;
    QTreeView* m_view = nullptr;
    QLineEdit* m_search = nullptr;
    QPushButton* m_moveButton = nullptr;
    QLabel* m_status = nullptr;
    qint64 m_pendingJump = 0;
    quint64 m_findGeneration = 0;
};

} // namespace cardops::ui
