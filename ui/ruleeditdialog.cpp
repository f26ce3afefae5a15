#include "ui/ruleeditdialog.h"

#include "ui/rulelistmodel.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTimeEdit>
#include <QVBoxLayout>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace cardops::ui {

namespace {

using core::ActionKind;
using core::ConditionKind;

// The parameter page of each condition kind.
enum ConditionPage { NoParameter, LimitPage, FactorPage, AmountPage, GoodsPage, HoursPage };

constexpr ConditionKind kConditionKinds[] = {
    ConditionKind::AmountMismatch,       ConditionKind::MissingChargeAccount,
    ConditionKind::QuantityAbove,        ConditionKind::QuantityAboveUsual,
    ConditionKind::Blacklisted,          ConditionKind::GoodsFlagged,
    ConditionKind::SupplierBalanceLow,   ConditionKind::NewMemberFirstOrderAbove,
    ConditionKind::OutsideBusinessHours, ConditionKind::Always,
};

constexpr ActionKind kActionKinds[] = {ActionKind::Review, ActionKind::Refund, ActionKind::Deliver,
                                       ActionKind::Notify, ActionKind::Tag};

ConditionPage pageOf(ConditionKind kind)
{
    switch (kind) {
    case ConditionKind::QuantityAbove:
        return LimitPage;
    case ConditionKind::QuantityAboveUsual:
        return FactorPage;
    case ConditionKind::SupplierBalanceLow:
    case ConditionKind::NewMemberFirstOrderAbove:
        return AmountPage;
    case ConditionKind::GoodsFlagged:
        return GoodsPage;
    case ConditionKind::OutsideBusinessHours:
        return HoursPage;
    default:
        return NoParameter;
    }
}

QTime timeOf(int minutes)
{
    return QTime(minutes / 60 % 24, minutes % 60);
}

int minutesOf(const QTime& t)
{
    return t.hour() * 60 + t.minute();
}

} // namespace

RuleEditDialog::RuleEditDialog(const core::Rule& rule, bool adding, QWidget* parent)
    : QDialog(parent)
    , m_rule(rule)
{
    setWindowTitle(adding ? tr("Add rule") : tr("Edit rule"));
    m_name = new QLineEdit(this);
    m_name->setPlaceholderText(tr("Optional, e.g. Large QQ coin orders"));
    m_name->setMaxLength(64);

    m_conditionKind = new QComboBox(this);
    for (ConditionKind kind : kConditionKinds)
        m_conditionKind->addItem(RuleWords::conditionKind(kind), int(kind));
    m_actionKind = new QComboBox(this);
    for (ActionKind kind : kActionKinds)
        m_actionKind->addItem(RuleWords::actionKind(kind), int(kind));

    auto* when = new QGroupBox(tr("When"), this);
    auto* whenForm = new QFormLayout(when);
    whenForm->addRow(tr("Kind"), m_conditionKind);
    whenForm->addRow(buildConditionPages());
    m_conditionHint = new QLabel(when);
    m_conditionHint->setObjectName(u"pageHint"_s);
    m_conditionHint->setWordWrap(true);
    whenForm->addRow(m_conditionHint);

    auto* then = new QGroupBox(tr("Then"), this);
    auto* thenForm = new QFormLayout(then);
    thenForm->addRow(tr("Kind"), m_actionKind);
    m_codeLabel = new QLabel(then);
    thenForm->addRow(m_codeLabel, buildActionParameter());
    m_actionHint = new QLabel(then);
    m_actionHint->setObjectName(u"pageHint"_s);
    m_actionHint->setWordWrap(true);
    thenForm->addRow(m_actionHint);

    m_error = new QLabel(this);
    m_error->setStyleSheet(u"color: #c62828;"_s);
    m_error->setWordWrap(true);
    m_error->hide();

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(adding ? tr("Add") : tr("Apply"));

    auto* nameForm = new QFormLayout;
    nameForm->addRow(tr("Name"), m_name);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(nameForm);
    layout->addWidget(when);
    layout->addWidget(then);
    layout->addWidget(m_error);
    layout->addStretch(1);
    layout->addWidget(m_buttons);
    setMinimumWidth(520);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &RuleEditDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &RuleEditDialog::reject);
    connect(m_conditionKind, &QComboBox::currentIndexChanged, this, [this] {
        const auto kind = ConditionKind(m_conditionKind->currentData().toInt());
        m_conditionPages->setCurrentIndex(pageOf(kind));
        m_conditionPages->setVisible(pageOf(kind) != NoParameter);
        switch (kind) {
        case ConditionKind::QuantityAboveUsual:
            m_conditionHint->setText(tr("The usual quantity is the median of the member's last 20 paid "
                                        "orders. A member without paid orders never matches."));
            break;
        case ConditionKind::SupplierBalanceLow:
            m_conditionHint->setText(tr("Matches when the linked supplier's balance minus this order's "
                                        "cost is below the amount. An unread balance never matches."));
            break;
        case ConditionKind::OutsideBusinessHours:
            m_conditionHint->setText(tr("Beijing time. Closing at 00:00 means midnight; a closing time "
                                        "before the opening time spans midnight."));
            break;
        case ConditionKind::Blacklisted:
            m_conditionHint->setText(tr("The lists are kept on the blacklist tab."));
            break;
        default:
            m_conditionHint->clear();
        }
        m_conditionHint->setVisible(!m_conditionHint->text().isEmpty());
        m_error->hide();
    });
    connect(m_actionKind, &QComboBox::currentIndexChanged, this, [this] {
        updateCodeChoices({});
        m_error->hide();
    });
    connect(m_code, &QComboBox::currentIndexChanged, this, [this] {
        m_customCode->setVisible(m_code->isVisible() && m_code->currentData().toString().isEmpty());
    });
    load(rule);
}

QWidget* RuleEditDialog::buildConditionPages()
{
    m_conditionPages = new QStackedWidget(this);
    auto page = [this](QWidget* field, const QString& label) {
        auto* w = new QWidget(m_conditionPages);
        auto* form = new QFormLayout(w);
        form->setContentsMargins(0, 0, 0, 0);
        if (field)
            form->addRow(label, field);
        m_conditionPages->addWidget(w);
        return w;
    };
    page(nullptr, {});
    m_limit = new QSpinBox;
    m_limit->setRange(0, 1'000'000);
    page(m_limit, tr("More than (pieces)"));
    m_factor = new QLineEdit;
    m_factor->setPlaceholderText(tr("e.g. 3 or 2.5"));
    page(m_factor, tr("Multiple"));
    m_amount = new QLineEdit;
    m_amount->setPlaceholderText(tr("yuan, e.g. 200"));
    page(m_amount, tr("Amount (yuan)"));
    m_goods = new QLineEdit;
    m_goods->setPlaceholderText(tr("Goods IDs separated by commas, e.g. 12, 15"));
    page(m_goods, tr("Goods IDs"));

    m_open = new QTimeEdit;
    m_open->setDisplayFormat(u"HH:mm"_s);
    m_close = new QTimeEdit;
    m_close->setDisplayFormat(u"HH:mm"_s);
    auto* hours = new QWidget(m_conditionPages);
    auto* form = new QFormLayout(hours);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("Opens at"), m_open);
    form->addRow(tr("Closes at"), m_close);
    m_conditionPages->addWidget(hours);
    return m_conditionPages;
}

QWidget* RuleEditDialog::buildActionParameter()
{
    auto* box = new QWidget(this);
    m_code = new QComboBox(box);
    m_customCode = new QLineEdit(box);
    m_customCode->setPlaceholderText(tr("code: a-z, 0-9, _"));
    m_tag = new QLineEdit(box);
    m_tag->setMaxLength(64);
    m_tag->setPlaceholderText(tr("e.g. large order"));
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_code);
    layout->addWidget(m_customCode);
    layout->addWidget(m_tag);
    return box;
}

void RuleEditDialog::updateCodeChoices(const QString& keep)
{
    const auto kind = ActionKind(m_actionKind->currentData().toInt());
    const bool coded = kind == ActionKind::Review || kind == ActionKind::Refund || kind == ActionKind::Notify;
    m_code->blockSignals(true);
    m_code->clear();
    if (kind == ActionKind::Notify) {
        for (const QString& c : RuleWords::knownChannels())
            m_code->addItem(RuleWords::channel(c), c);
    } else if (coded) {
        for (const QString& c : RuleWords::knownReasons())
            m_code->addItem(RuleWords::reason(c), c);
    }
    m_code->addItem(tr("Other code…"), QString());
    // A code of the list is chosen; another one the rule already had goes to "other code".
    const int known = keep.isEmpty() ? 0 : m_code->findData(keep);
    m_code->setCurrentIndex(known >= 0 ? known : m_code->count() - 1);
    m_customCode->setText(known >= 0 ? QString() : keep);
    m_code->blockSignals(false);

    m_code->setVisible(coded);
    m_customCode->setVisible(coded && m_code->currentData().toString().isEmpty());
    m_tag->setVisible(kind == ActionKind::Tag);
    m_codeLabel->setText(kind == ActionKind::Notify ? tr("Who")
                         : kind == ActionKind::Tag  ? tr("Label")
                         : coded                    ? tr("Reason")
                                                    : QString());
    m_codeLabel->setVisible(kind != ActionKind::Deliver);
    m_actionHint->setText(kind == ActionKind::Notify || kind == ActionKind::Tag
                              ? tr("Notify and tag do not decide: the rules below still run.")
                              : tr("The first matching rule that delivers, holds or refunds decides; the "
                                   "rules below it do not run."));
}

void RuleEditDialog::load(const core::Rule& rule)
{
    const core::Condition& c = rule.condition;
    m_name->setText(rule.name);
    m_limit->setValue(int(qBound<qint64>(0, c.limit, qint64(m_limit->maximum()))));
    m_factor->setText(c.kind == ConditionKind::QuantityAboveUsual ? c.factor.toString() : u"3"_s);
    m_amount->setText(pageOf(c.kind) == AmountPage ? c.amount.toString(2) : QString());
    QStringList ids;
    for (qint64 id : c.goodsIds)
        ids << QString::number(id);
    m_goods->setText(ids.join(u", "_s));
    const bool hours = c.kind == ConditionKind::OutsideBusinessHours;
    m_open->setTime(timeOf(hours ? c.openMinute : 9 * 60));
    m_close->setTime(timeOf(hours ? c.closeMinute : 23 * 60));
    m_tag->setText(rule.action.kind == ActionKind::Tag ? rule.action.code : QString());

    m_conditionKind->setCurrentIndex(-1);
    m_conditionKind->setCurrentIndex(m_conditionKind->findData(int(c.kind)));
    m_actionKind->blockSignals(true);
    m_actionKind->setCurrentIndex(m_actionKind->findData(int(rule.action.kind)));
    m_actionKind->blockSignals(false);
    updateCodeChoices(rule.action.kind == ActionKind::Tag ? QString() : rule.action.code);
    m_error->hide();
}

QString RuleEditDialog::codeText() const
{
    const QString chosen = m_code->currentData().toString();
    return chosen.isEmpty() ? m_customCode->text().trimmed() : chosen;
}

void RuleEditDialog::showError(const QString& text)
{
    m_error->setText(text);
    m_error->show();
}

bool RuleEditDialog::check()
{
    core::Rule r;
    r.id = m_rule.id;
    r.enabled = m_rule.enabled;
    r.name = m_name->text().trimmed();
    const auto kind = ConditionKind(m_conditionKind->currentData().toInt());
    switch (kind) {
    case ConditionKind::QuantityAbove:
        r.condition = core::Condition::quantityAbove(m_limit->value());
        break;
    case ConditionKind::QuantityAboveUsual: {
        auto factor = core::Rate::parse(m_factor->text().trimmed());
        if (!factor) {
            showError(tr("Write the multiple as a number, e.g. 3 or 2.5."));
            return false;
        }
        r.condition = core::Condition::quantityAboveUsual(factor.value());
        break;
    }
    case ConditionKind::SupplierBalanceLow:
    case ConditionKind::NewMemberFirstOrderAbove: {
        auto amount = core::Money::parse(m_amount->text().trimmed());
        if (!amount) {
            showError(tr("Write the amount in yuan with at most 4 decimals, e.g. 200 or 99.50."));
            return false;
        }
        r.condition = kind == ConditionKind::SupplierBalanceLow
                          ? core::Condition::supplierBalanceLow(amount.value())
                          : core::Condition::newMemberFirstOrderAbove(amount.value());
        break;
    }
    case ConditionKind::GoodsFlagged: {
        QList<qint64> ids;
        static const QRegularExpression separators(u"[,，、\\s]+"_s);
        for (const QString& part : m_goods->text().split(separators, Qt::SkipEmptyParts)) {
            bool ok = false;
            const qint64 id = part.toLongLong(&ok);
            if (!ok) {
                showError(tr("Goods IDs are whole numbers separated by commas; “%1” is not one.").arg(part));
                return false;
            }
            ids << id;
        }
        std::sort(ids.begin(), ids.end());
        ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
        r.condition = core::Condition::goodsFlagged(ids);
        break;
    }
    case ConditionKind::OutsideBusinessHours: {
        const int close = minutesOf(m_close->time());
        r.condition =
            core::Condition::outsideBusinessHours(minutesOf(m_open->time()), close == 0 ? 1440 : close);
        break;
    }
    default:
        r.condition.kind = kind;
    }
    const auto action = ActionKind(m_actionKind->currentData().toInt());
    r.action.kind = action;
    if (action == ActionKind::Tag)
        r.action.code = m_tag->text().trimmed();
    else if (action != ActionKind::Deliver)
        r.action.code = codeText();
    auto valid = core::RuleSet::make(1, {r});
    if (!valid) {
        showError(RuleWords::refusal(valid.error().detail));
        return false;
    }
    m_rule = r;
    m_error->hide();
    return true;
}

void RuleEditDialog::accept()
{
    if (check())
        QDialog::accept();
}

} // namespace cardops::ui
