#pragma once

#include "core/rulematrix.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QStackedWidget;
class QTimeEdit;

namespace cardops::ui {

// Adds or edits one rule: a name, the condition's kind and its parameters, the action's kind and its
// parameter. OK checks the rule with core::RuleSet::make and shows why it is refused instead of
// closing. The rule's id is kept (a new rule gets the one passed in). UI thread.
class RuleEditDialog : public QDialog
{
    Q_OBJECT
public:
    RuleEditDialog(const core::Rule& rule, bool adding, QWidget* parent = nullptr);

    // The rule as entered; valid once the dialog was accepted.
    const core::Rule& rule() const { return m_rule; }
    // Builds and checks the rule from the fields; false with the reason shown.
    bool check();

    QLineEdit& nameField() const { return *m_name; }
    QComboBox& conditionKind() const { return *m_conditionKind; }
    QComboBox& actionKind() const { return *m_actionKind; }
    QSpinBox& limitField() const { return *m_limit; }
    QLineEdit& factorField() const { return *m_factor; }
    QLineEdit& amountField() const { return *m_amount; }
    QLineEdit& goodsField() const { return *m_goods; }
    QTimeEdit& openField() const { return *m_open; }
    QTimeEdit& closeField() const { return *m_close; }
    QComboBox& codeField() const { return *m_code; }
    QLineEdit& customCodeField() const { return *m_customCode; }
    QLineEdit& tagField() const { return *m_tag; }
    QLabel& errorLabel() const { return *m_error; }

    void accept() override;

private:
    QWidget* buildConditionPages();
    QWidget* buildActionParameter();
    void load(const core::Rule& rule);
    void updateCodeChoices(const QString& keep);
    void showError(const QString& text);
    QString codeText() const;

    core::Rule m_rule;
    QLineEdit* m_name = nullptr;
    QComboBox* m_conditionKind = nullptr;
    QStackedWidget* m_conditionPages = nullptr;
    QLabel* m_conditionHint = nullptr;
    QSpinBox* m_limit = nullptr;
    QLineEdit* m_factor = nullptr;
    QLineEdit* m_amount = nullptr;
    QLineEdit* m_goods = nullptr;
    QTimeEdit* m_open = nullptr;
    QTimeEdit* m_close = nullptr;
    QComboBox* m_actionKind = nullptr;
    QLabel* m_codeLabel = nullptr;
    QComboBox* m_code = nullptr;
    QLineEdit* m_customCode = nullptr;
    QLineEdit* m_tag = nullptr;
    QLabel* m_actionHint = nullptr;
    QLabel* m_error = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace cardops::ui
