#pragma once

#include "core/pricing.h"

#include <QWidget>
#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QStackedWidget;
class QTableWidget;

namespace cardops::ui {

// Edits one pricing rule as a form (the rule's JSON stays out of sight): its name, the kind
// (fixed, percent, price template with cost bands and a cents ending), 同步等级价, what contract
// prices do, and a trial price for a cost typed in. UI thread.
class PricingRuleForm : public QWidget
{
    Q_OBJECT
public:
    explicit PricingRuleForm(QWidget* parent = nullptr);

    void setRule(const QString& name, const core::PricingRule& rule);
    QString name() const;
    // The rule the form holds, or why it cannot be one (translated).
    core::PricingRule rule(QString* problem) const;

    // The rule in the operator's words, e.g. "Cost + 3%" or "Template: below 10 +8% · …; ends in 8".
    static QString describe(const core::PricingRule& rule);
    // "3", "3%", "0.5 %" → 3 %, 0.5 %: a number typed into a percentage field is a percentage.
    static std::optional<core::Rate> parsePercent(const QString& text);
    // A band's markup as typed: "8%" a percentage, "1.50" a fixed amount in yuan.
    static std::optional<core::Markup> parseMarkup(const QString& text);

    QLineEdit& nameField() const { return *m_name; }
    QComboBox& kindField() const { return *m_kind; }
    QLineEdit& amountField() const { return *m_amount; }
    QLineEdit& percentField() const { return *m_percent; }
    QTableWidget& bandsTable() const { return *m_bands; }
    QComboBox& endingField() const { return *m_ending; }
    QLabel& trialResult() const { return *m_trialResult; }

Q_SIGNALS:
    void changed();

private:
    void addBand(const core::PriceBand& band);
    void update();

    QLineEdit* m_name = nullptr;
    QComboBox* m_kind = nullptr;
    QStackedWidget* m_pages = nullptr;
    QLineEdit* m_amount = nullptr;
    QLineEdit* m_percent = nullptr;
    QTableWidget* m_bands = nullptr;
    QComboBox* m_ending = nullptr;
    QCheckBox* m_syncTiers = nullptr;
    QComboBox* m_contracts = nullptr;
    QLineEdit* m_trialCost = nullptr;
    QLabel* m_trialResult = nullptr;
};

} // namespace cardops::ui
