#pragma once

#include "core/access.h"
#include "storage/pricingrules.h"

#include <QDialog>
#include <QList>

class QCheckBox;
class QLabel;
class QListWidget;
class QPushButton;
class QTabWidget;
class QTableWidget;

namespace cardops::models {
class DataSource;
class PricingEditor;
} // namespace cardops::models

namespace cardops::ui {

class PricingRuleForm;

// 定价规则: the operator's markup rules (create, edit as a form with a trial price, delete) and the
// upstream changes (上游变价): open alerts with their goods, what changed and the rule's suggested
// price; marked handled, or the goods opened in 批量改价. With "show handled" the history, automatic
// adjustments included. Re-reads when the cache's pricing tables change. UI thread.
class PricingRulesDialog : public QDialog
{
    Q_OBJECT
public:
    PricingRulesDialog(models::DataSource& source, core::Actor actor, QWidget* parent = nullptr);

    // Shows the 上游变价 tab first.
    void showAlerts();

    QListWidget& ruleList() const { return *m_rules; }
    PricingRuleForm& form() const { return *m_form; }
    QTableWidget& alertTable() const { return *m_alerts; }
    QCheckBox& showHandled() const { return *m_showHandled; }
    bool isLoaded() const { return m_rulesLoaded && m_alertsLoaded; }
    QString lastError() const { return m_lastError; }

    void newRule();
    void saveRule();
    // Asks, then deletes the selected rule.
    void deleteRule();
    void acknowledgeSelected();
    // The selected alerts' goods in 批量改价.
    void repriceSelected();
    void reload();

    // The words of an alert's reason and action codes.
    static QString reasonText(const QString& reason);
    static QString actionText(const QString& action);

private:
    void showRules(const QList<storage::pricingrules::StoredRule>& rules);
    void showAlertRows(const QList<storage::pricingrules::UpstreamAlert>& alerts);
    void ruleSelected();
    void report(const QString& error);
    QList<qint64> selectedAlertRows() const;

    models::DataSource& m_source;
    core::Actor m_actor;
    models::PricingEditor* m_editor = nullptr;
    QTabWidget* m_tabs = nullptr;
    QListWidget* m_rules = nullptr;
    PricingRuleForm* m_form = nullptr;
    QPushButton* m_save = nullptr;
    QPushButton* m_delete = nullptr;
    QTableWidget* m_alerts = nullptr;
    QCheckBox* m_showHandled = nullptr;
    QLabel* m_alertsEmpty = nullptr;
    QLabel* m_status = nullptr;
    QList<storage::pricingrules::StoredRule> m_ruleData;
    QList<storage::pricingrules::UpstreamAlert> m_alertData;
    qint64 m_editing = 0; // the rule in the form; 0 = a new one
    bool m_rulesLoaded = false;
    bool m_alertsLoaded = false;
    QString m_lastError;
};

} // namespace cardops::ui
