#pragma once

#include "core/rulematrix.h"

#include <QAbstractTableModel>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace cardops::ui {

// The rule matrix in the operator's words: the kinds, the codes core stores (reason codes,
// notify channels) and whole conditions and actions. Any thread (only tr()).
class RuleWords
{
    Q_DECLARE_TR_FUNCTIONS(RuleWords)
public:
    static QString conditionKind(core::ConditionKind kind);
    static QString actionKind(core::ActionKind kind);
    static QString condition(const core::Condition& condition);
    static QString action(const core::Action& action);
    // A known reason code or channel by name; an unknown one as it is.
    static QString reason(const QString& code);
    static QString channel(const QString& code);
    // The codes offered in the rule editor.
    static QStringList knownReasons();
    static QStringList knownChannels();
    // The rule's own name, else its condition and action kinds ("金额不符 → 转人工审核").
    static QString title(const core::Rule& rule);
    // "HH:MM" of minutes after midnight (1440 = "24:00").
    static QString clock(int minutes);
    // A core refusal of a rule (RuleSet::make's detail) in words; the detail itself when unknown.
    static QString refusal(const QString& detail);
};

// The rules being edited: a working copy of a rule set's list, in order (the vertical header numbers
// them), with the enabled flag as a check box. Every change emits edited(). UI thread.
class RuleListModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Enabled, Name, Condition, Action, ColumnCount };
    explicit RuleListModel(QObject* parent = nullptr);

    const QList<core::Rule>& rules() const { return m_rules; }
    const core::Rule& rule(int row) const { return m_rules.at(row); }
    void setRules(const QList<core::Rule>& rules);
    void setRule(int row, const core::Rule& rule);
    void insertRule(int row, const core::Rule& rule);
    void removeRule(int row);
    // Moves the rule at `row` by `delta` places; false when it would leave the list.
    bool moveRule(int row, int delta);
    void setEnabled(int row, bool enabled);
    // A read-only list offers no check box (an operator who may not change the rules).
    void setReadOnly(bool readOnly) { m_readOnly = readOnly; }
    // An id that no rule of the list has, derived from `condition`'s code.
    QString freeId(core::ConditionKind condition) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void edited();

private:
    QList<core::Rule> m_rules;
    bool m_readOnly = false;
};

} // namespace cardops::ui
