#include "ui/rulelistmodel.h"

#include <QBrush>
#include <QColor>
#include <QFont>

using namespace Qt::StringLiterals;

namespace cardops::ui {

using core::ActionKind;
using core::ConditionKind;

QString RuleWords::conditionKind(ConditionKind kind)
{
    switch (kind) {
    case ConditionKind::Always:
        return tr("Every order");
    case ConditionKind::AmountMismatch:
        return tr("Amount mismatch");
    case ConditionKind::MissingChargeAccount:
        return tr("Missing charge account");
    case ConditionKind::QuantityAbove:
        return tr("Quantity above a limit");
    case ConditionKind::QuantityAboveUsual:
        return tr("Quantity above the member's usual");
    case ConditionKind::Blacklisted:
        return tr("On the blacklist");
    case ConditionKind::GoodsFlagged:
        return tr("Flagged goods");
    case ConditionKind::SupplierBalanceLow:
        return tr("Supplier balance low");
    case ConditionKind::NewMemberFirstOrderAbove:
        return tr("Large first order of a new member");
    case ConditionKind::OutsideBusinessHours:
        return tr("Outside business hours");
    }
    return {};
}

QString RuleWords::actionKind(ActionKind kind)
{
    switch (kind) {
    case ActionKind::Deliver:
        return tr("Deliver");
    case ActionKind::Review:
        return tr("Hold for review");
    case ActionKind::Refund:
        return tr("Refund");
    case ActionKind::Notify:
        return tr("Notify");
    case ActionKind::Tag:
        return tr("Tag");
    }
    return {};
}

QString RuleWords::clock(int minutes)
{
    return u"%1:%2"_s.arg(minutes / 60, 2, 10, QLatin1Char('0')).arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

QString RuleWords::condition(const core::Condition& c)
{
    switch (c.kind) {
    case ConditionKind::Always:
        return tr("Every order");
    case ConditionKind::AmountMismatch:
        return tr("The paid amount differs from the order amount");
    case ConditionKind::MissingChargeAccount:
        return tr("A direct recharge without a charge account");
    case ConditionKind::QuantityAbove:
        return tr("Quantity above %1").arg(c.limit);
    case ConditionKind::QuantityAboveUsual:
        return tr("Quantity above %1 × the member's usual quantity").arg(c.factor.toString());
    case ConditionKind::Blacklisted:
        return tr("The member, a contact or the charge account is on the blacklist");
    case ConditionKind::GoodsFlagged: {
        QStringList ids;
        for (qint64 id : c.goodsIds)
            ids << QString::number(id);
        return tr("The goods is one of ID %1").arg(ids.join(u", "_s));
    }
    case ConditionKind::SupplierBalanceLow:
        return tr("The supplier balance left after the purchase is below ¥%1").arg(c.amount.toString(2));
    case ConditionKind::NewMemberFirstOrderAbove:
        return tr("A new member's first order paying more than ¥%1").arg(c.amount.toString(2));
    case ConditionKind::OutsideBusinessHours:
        return tr("Paid outside business hours %1–%2").arg(clock(c.openMinute), clock(c.closeMinute));
    }
    return {};
}

QString RuleWords::action(const core::Action& a)
{
    switch (a.kind) {
    case ActionKind::Deliver:
        return tr("Deliver");
    case ActionKind::Review:
        return tr("Hold for review: %1").arg(reason(a.code));
    case ActionKind::Refund:
        return tr("Refund in full: %1").arg(reason(a.code));
    case ActionKind::Notify:
        return tr("Notify %1 (and go on)").arg(channel(a.code));
    case ActionKind::Tag:
        return tr("Tag “%1” (and go on)").arg(a.code);
    }
    return {};
}

QStringList RuleWords::knownReasons()
{
    return {u"amount_mismatch"_s,     u"missing_charge_account"_s, u"quantity_above_norm"_s,
            u"blacklisted_account"_s, u"goods_flagged"_s,          u"supplier_balance_low"_s,
            u"new_member_large"_s,    u"outside_business_hours"_s, u"manual_check"_s};
}

QStringList RuleWords::knownChannels()
{
    return {u"support"_s, u"operations"_s, u"finance"_s};
}

QString RuleWords::reason(const QString& code)
{
    if (code == u"amount_mismatch")
        return tr("amount mismatch");
    if (code == u"missing_charge_account")
        return tr("missing charge account");
    if (code == u"quantity_above_norm")
        return tr("unusual quantity");
    if (code == u"blacklisted_account")
        return tr("blacklisted");
    if (code == u"goods_flagged")
        return tr("goods needs a person");
    if (code == u"supplier_balance_low")
        return tr("supplier balance low");
    if (code == u"new_member_large")
        return tr("large first order");
    if (code == u"outside_business_hours")
        return tr("outside business hours");
    if (code == u"manual_check")
        return tr("manual check");
    return code;
}

QString RuleWords::channel(const QString& code)
{
    if (code == u"support")
        return tr("customer service");
    if (code == u"operations")
        return tr("operations");
    if (code == u"finance")
        return tr("finance");
    return code;
}

QString RuleWords::title(const core::Rule& rule)
{
    if (!rule.name.isEmpty())
        return rule.name;
    return u"%1 → %2"_s.arg(conditionKind(rule.condition.kind), actionKind(rule.action.kind));
}

QString RuleWords::refusal(const QString& detail)
{
    const QString d = detail.section(u": "_s, -1);
    if (d == u"negative quantity limit")
        return tr("The quantity limit cannot be negative.");
    if (d == u"factor must be above 0")
        return tr("The multiple must be above 0.");
    if (d == u"negative amount")
        return tr("The amount cannot be negative.");
    if (d == u"no goods ids" || d == u"goods ids must be positive, sorted and unique")
        return tr("List at least one goods ID; IDs are positive whole numbers.");
    if (d == u"business hours out of range")
        return tr("Business hours run from 00:00 to 24:00.");
    if (d == u"empty business hours window")
        return tr("Opening and closing times must differ.");
    if (d.startsWith(u"reason must be a code"))
        return tr("A reason code uses lower-case letters, digits and _ only (at most 64).");
    if (d.startsWith(u"channel must be a code"))
        return tr("A channel code uses lower-case letters, digits and _ only (at most 64).");
    if (d.startsWith(u"label must be"))
        return tr("A tag is 1 to 64 characters without leading or trailing blanks.");
    return detail;
}

RuleListModel::RuleListModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

void RuleListModel::setRules(const QList<core::Rule>& rules)
{
    beginResetModel();
    m_rules = rules;
    endResetModel();
    Q_EMIT edited();
}

void RuleListModel::setRule(int row, const core::Rule& rule)
{
    if (row < 0 || row >= m_rules.size())
        return;
    m_rules[row] = rule;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    Q_EMIT edited();
}

void RuleListModel::insertRule(int row, const core::Rule& rule)
{
    row = qBound(0, row, int(m_rules.size()));
    beginInsertRows({}, row, row);
    m_rules.insert(row, rule);
    endInsertRows();
    Q_EMIT headerDataChanged(Qt::Vertical, row, int(m_rules.size()) - 1);
    Q_EMIT edited();
}

void RuleListModel::removeRule(int row)
{
    if (row < 0 || row >= m_rules.size())
        return;
    beginRemoveRows({}, row, row);
    m_rules.removeAt(row);
    endRemoveRows();
    if (row < m_rules.size())
        Q_EMIT headerDataChanged(Qt::Vertical, row, int(m_rules.size()) - 1);
    Q_EMIT edited();
}

bool RuleListModel::moveRule(int row, int delta)
{
    const int to = row + delta;
    if (delta == 0 || row < 0 || row >= m_rules.size() || to < 0 || to >= m_rules.size())
        return false;
    // beginMoveRows names the row the moved one lands before.
    if (!beginMoveRows({}, row, row, {}, delta > 0 ? to + 1 : to))
        return false;
    m_rules.move(row, to);
    endMoveRows();
    Q_EMIT headerDataChanged(Qt::Vertical, qMin(row, to), qMax(row, to));
    Q_EMIT edited();
    return true;
}

void RuleListModel::setEnabled(int row, bool enabled)
{
    if (row < 0 || row >= m_rules.size() || m_rules[row].enabled == enabled)
        return;
    m_rules[row].enabled = enabled;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    Q_EMIT edited();
}

QString RuleListModel::freeId(ConditionKind condition) const
{
    const QString base = core::conditionKindCode(condition);
    for (int n = 1;; ++n) {
        const QString id = u"%1_%2"_s.arg(base).arg(n);
        if (std::none_of(m_rules.cbegin(), m_rules.cend(), [&id](const core::Rule& r) { return r.id == id; }))
            return id;
    }
}

int RuleListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rules.size());
}

int RuleListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RuleListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rules.size())
        return {};
    const core::Rule& r = m_rules.at(index.row());
    if (role == Qt::CheckStateRole && index.column() == Enabled)
        return r.enabled ? Qt::Checked : Qt::Unchecked;
    if (role == Qt::ForegroundRole) {
        if (!r.enabled || (index.column() == Name && r.name.isEmpty()))
            return QBrush(QColor(0x8a, 0x8f, 0x98));
        if (index.column() == Action && r.action.isTerminal())
            return QBrush(QColor(0x1f, 0x2a, 0x37));
        return {};
    }
    if (role == Qt::FontRole && index.column() == Action && r.action.isTerminal()) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    if (role == Qt::ToolTipRole) {
        if (index.column() == Condition)
            return RuleWords::condition(r.condition);
        if (index.column() == Action)
            return RuleWords::action(r.action);
        return tr("Rule %1 (id %2)").arg(index.row() + 1).arg(r.id);
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Enabled:
        return r.enabled ? tr("On") : tr("Off");
    case Name:
        return RuleWords::title(r);
    case Condition:
        return RuleWords::condition(r.condition);
    case Action:
        return RuleWords::action(r.action);
    default:
        return {};
    }
}

bool RuleListModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (m_readOnly || !index.isValid() || index.column() != Enabled || role != Qt::CheckStateRole ||
        index.row() >= m_rules.size())
        return false;
    setEnabled(index.row(), value.toInt() == Qt::Checked);
    return true;
}

Qt::ItemFlags RuleListModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    if (index.column() == Enabled && !m_readOnly)
        f |= Qt::ItemIsUserCheckable;
    return f;
}

QVariant RuleListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role == Qt::TextAlignmentRole && orientation == Qt::Vertical)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    switch (section) {
    case Enabled:
        return tr("Enabled");
    case Name:
        return tr("Rule");
    case Condition:
        return tr("When");
    case Action:
        return tr("Then");
    default:
        return {};
    }
}

} // namespace cardops::ui
