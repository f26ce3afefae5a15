#pragma once

#include "core/access.h"
#include "core/pricing.h"

#include <QDialog>
#include <QList>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace cardops::models {
class DataSource;
class PricingEditor;
class RepriceModel;
} // namespace cardops::models

namespace cardops::ui {

// 批量改价: the chosen goods repriced by a stored rule or a one-off fixed/percent markup on their
// supply cost, previewed before → after (cost, price, tier prices, margin in yuan and %), rows below
// the cost red and left out unless the operator allows it; applying asks first and stages every
// edit in one writer job through the outbox (本地待同步 until the platform takes it), with progress
// for large selections. Optionally binds the rule and a follow-upstream policy to the goods.
// UI thread.
class RepriceDialog : public QDialog
{
    Q_OBJECT
public:
    // Rule choices that are not stored rules (the combo's data; stored rules carry their id).
    static constexpr qint64 OneOffFixed = -1;
    static constexpr qint64 OneOffPercent = -2;

    RepriceDialog(models::DataSource& source, core::Actor actor, QList<qint64> goodsIds,
                  QWidget* parent = nullptr);
    ~RepriceDialog() override;

    models::RepriceModel& model() const { return *m_model; }
    QTableView& table() const { return *m_table; }
    QComboBox& ruleChoice() const { return *m_rule; }
    QLineEdit& oneOffValue() const { return *m_value; }
    QCheckBox& syncTiers() const { return *m_syncTiers; }
    QCheckBox& allowBelowCost() const { return *m_allowBelow; }
    QCheckBox& bindRule() const { return *m_bind; }
    QComboBox& followChoice() const { return *m_follow; }
    QLabel& totalsLabel() const { return *m_totals; }
    QPushButton& applyButton() const { return *m_apply; }
    // The goods' inputs are read and the preview is shown.
    bool isReady() const { return m_ready; }
    bool isBusy() const { return m_busy; }
    // Why the chosen rule cannot be used; empty when it can.
    QString problem() const { return m_problem; }

    // Asks, then stages the checked edits.
    void apply();
    // Stages the checked edits without asking (apply() after its question; tests).
    void stage();

Q_SIGNALS:
    // After the edits are staged: how many goods got an edit.
    void staged(qint64 edits);

private:
    void load();
    void fillRules();
    void ruleChosen();
    void updatePreview();
    void updateTotals();
    void finishStage(qint64 edits, const QList<qint64>& stale, const QString& error);
    core::PricingRule chosenRule(QString* problem) const;

    models::DataSource& m_source;
    QList<qint64> m_goodsIds;
    models::PricingEditor* m_editor = nullptr;
    models::RepriceModel* m_model = nullptr;
    QComboBox* m_rule = nullptr;
    QLabel* m_valueLabel = nullptr;
    QLineEdit* m_value = nullptr;
    QCheckBox* m_syncTiers = nullptr;
    QCheckBox* m_allowBelow = nullptr;
    QCheckBox* m_bind = nullptr;
    QComboBox* m_follow = nullptr;
    QLabel* m_ruleSummary = nullptr;
    QTableView* m_table = nullptr;
    QLabel* m_state = nullptr;
    QLabel* m_totals = nullptr;
    QLabel* m_error = nullptr;
    QPushButton* m_apply = nullptr;
    QString m_problem;
    bool m_ready = false;
    bool m_busy = false;
};

} // namespace cardops::ui
