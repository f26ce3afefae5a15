#pragma once

#include "core/access.h"
#include "core/rulematrix.h"
#include "storage/fulfilmentrules.h"

#include <QList>
#include <QWidget>
#include <functional>

class QLabel;
class QPushButton;
class QTableView;
class QTreeWidget;

namespace cardops::models {
class DataSource;
}

namespace cardops::ui {

class DryRunPanel;
class RuleListModel;

// The order rule matrix in force and its editor: the rules in order with their conditions and
// actions in words; add, edit, delete, reorder (Alt+Up/Down), enable; 保存 stores the edited list as
// the next version (after a confirmation naming it), 放弃修改 goes back to the version in force;
// the versions stored so far; 试运行 of the edited rules over past orders. Reads on the data
// source's loader, writes through its writer; an operator whose role may not change settings, or a
// read-only view, sees the rules without the editing buttons. UI thread.
class RuleSetWidget : public QWidget
{
    Q_OBJECT
public:
    RuleSetWidget(models::DataSource& source, core::Actor actor, QWidget* parent = nullptr);

    bool isLoaded() const { return m_loaded; }
    bool isDirty() const;
    bool canEdit() const { return m_canEdit; }
    const core::RuleSet& inForce() const { return m_inForce; }
    const QList<storage::fulfilmentrules::RuleSetVersion>& history() const { return m_history; }
    // The rules as edited, as a set one version above the one in force.
    core::RuleSet draft() const;

    RuleListModel& rules() const { return *m_model; }
    QTableView& ruleView() const { return *m_view; }
    QTreeWidget& historyView() const { return *m_historyView; }
    DryRunPanel& dryRun() const { return *m_dryRun; }
    QLabel& statusLabel() const { return *m_status; }
    QPushButton& saveButton() const { return *m_save; }

    // Opens the rule editor for a new rule (below the selected one) or the selected rule.
    void addRule();
    void editSelected();
    // Each asks first.
    void deleteSelected();
    void save();
    void discard();
    void moveSelected(int delta);
    void toggleSelected();
    // Reads the version in force and the history again.
    void reload();

Q_SIGNALS:
    void loaded();
    void saved(qint64 version);
    void saveFailed(const QString& reason);
    void openOrder(qint64 orderId);

private:
    struct Loaded
    {
        QString error;
        core::RuleSet inForce;
        QList<storage::fulfilmentrules::RuleSetVersion> history;
    };
    QWidget* buildRules();
    QWidget* buildHistory();
    void applyLoaded(const Loaded& result);
    void commit(const core::RuleSet& next);
    void adoptVersion(qint64 version);
    int selectedRow() const;
    void selectRow(int row);
    void updateState();
    void confirm(const QString& title, const QString& text, const QString& detail, const QString& accept,
                 std::function<void()> then);

    models::DataSource& m_source;
    core::Actor m_actor;
    bool m_canEdit = false;
    bool m_loaded = false;
    bool m_saving = false;
    quint64 m_generation = 0;
    core::RuleSet m_inForce;
    QList<storage::fulfilmentrules::RuleSetVersion> m_history;
    RuleListModel* m_model = nullptr;
    QTableView* m_view = nullptr;
    QTreeWidget* m_historyView = nullptr;
    DryRunPanel* m_dryRun = nullptr;
    QLabel* m_inForceLabel = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_add = nullptr;
    QPushButton* m_edit = nullptr;
    QPushButton* m_delete = nullptr;
    QPushButton* m_up = nullptr;
    QPushButton* m_down = nullptr;
    QPushButton* m_discard = nullptr;
    QPushButton* m_save = nullptr;
};

} // namespace cardops::ui
