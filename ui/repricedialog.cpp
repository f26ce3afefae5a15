#include "ui/repricedialog.h"

#include "models/datasource.h"
#include "models/pricingeditor.h"
#include "models/repricemodel.h"
#include "ui/pricingruleform.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QShortcut>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cardops::ui {

namespace {

// Above this many edits the staging job shows its progress (about a second of work).
constexpr qsizetype kProgressFrom = 200;

} // namespace

RepriceDialog::RepriceDialog(models::DataSource& source, core::Actor actor, QList<qint64> goodsIds,
                             QWidget* parent)
    : QDialog(parent)
    , m_source(source)
    , m_goodsIds(std::move(goodsIds))
    , m_editor(new models::PricingEditor(source, actor, this))
    , m_model(new models::RepriceModel(this))
{
    setWindowTitle(tr("Reprice %n goods", nullptr, int(m_goodsIds.size())));
    auto* layout = new QVBoxLayout(this);

    auto* ruleRow = new QHBoxLayout;
    auto* ruleLabel = new QLabel(tr("&Rule"), this);
    m_rule = new QComboBox(this);
    m_rule->setMinimumWidth(220);
    ruleLabel->setBuddy(m_rule);
    m_valueLabel = new QLabel(this);
    m_value = new QLineEdit(this);
    m_value->setMaximumWidth(110);
    m_valueLabel->setBuddy(m_value);
    m_syncTiers = new QCheckBox(tr("Sync &tier prices (同步等级价)"), this);
    m_syncTiers->setToolTip(tr("Write each tier's price as the new price × the tier's discount"));
    m_allowBelow = new QCheckBox(tr("Allow prices &below cost"), this);
    m_allowBelow->setToolTip(tr("Rows below the cost stay unchecked; with this on you may check them"));
    ruleRow->addWidget(ruleLabel);
    ruleRow->addWidget(m_rule);
    ruleRow->addWidget(m_valueLabel);
    ruleRow->addWidget(m_value);
    ruleRow->addSpacing(12);
    ruleRow->addWidget(m_syncTiers);
    ruleRow->addWidget(m_allowBelow);
    ruleRow->addStretch();
    layout->addLayout(ruleRow);

    m_ruleSummary = new QLabel(this);
    m_ruleSummary->setStyleSheet(u"color: #555"_s);
    layout->addWidget(m_ruleSummary);

    auto* bindRow = new QHBoxLayout;
    m_bind = new QCheckBox(tr("Make it these goods' rule; when the supplier's price changes:"), this);
    m_follow = new QComboBox(this);
    m_follow->addItem(tr("Alert only"), int(core::FollowPolicy::Alert));
    m_follow->addItem(tr("Adjust automatically"), int(core::FollowPolicy::Auto));
    m_follow->setEnabled(false);
    bindRow->addWidget(m_bind);
    bindRow->addWidget(m_follow);
    bindRow->addStretch();
    layout->addLayout(bindRow);

    m_table = new QTableView(this);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->setVisible(false);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(models::RepriceModel::Goods, 200);
    m_table->setColumnWidth(models::RepriceModel::Cost, 70);
    m_table->setColumnWidth(models::RepriceModel::Price, 130);
    m_table->setColumnWidth(models::RepriceModel::TierPrices, 320);
    m_table->setColumnWidth(models::RepriceModel::Margin, 110);
    m_table->setColumnWidth(models::RepriceModel::MarginRate, 125);
    layout->addWidget(m_table, 1);

    m_state = new QLabel(tr("Reading %n goods…", nullptr, int(m_goodsIds.size())), this);
    m_state->setAlignment(Qt::AlignCenter);
    layout->addWidget(m_state);
    m_totals = new QLabel(this);
    m_totals->setWordWrap(true);
    layout->addWidget(m_totals);
    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(u"color: #c62828"_s);
    m_error->hide();
    layout->addWidget(m_error);

    auto* buttons = new QHBoxLayout;
    auto* all = new QPushButton(tr("Check &all"), this);
    auto* none = new QPushButton(tr("Check &none"), this);
    auto* cancel = new QPushButton(tr("Cancel"), this);
    m_apply = new QPushButton(tr("&Apply prices"), this);
    m_apply->setDefault(true);
    m_apply->setToolTip(tr("Stage the checked prices for the platform (Ctrl+Enter)"));
    buttons->addWidget(all);
    buttons->addWidget(none);
    buttons->addStretch();
    buttons->addWidget(cancel);
    buttons->addWidget(m_apply);
    layout->addLayout(buttons);

    auto* shortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this);
    connect(shortcut, &QShortcut::activated, this, &RepriceDialog::apply);
    connect(all, &QPushButton::clicked, this, [this] { m_model->setAllChecked(true); });
    connect(none, &QPushButton::clicked, this, [this] { m_model->setAllChecked(false); });
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_apply, &QPushButton::clicked, this, &RepriceDialog::apply);
    connect(m_rule, &QComboBox::currentIndexChanged, this, &RepriceDialog::ruleChosen);
    connect(m_value, &QLineEdit::textChanged, this, &RepriceDialog::updatePreview);
    connect(m_syncTiers, &QCheckBox::toggled, this, &RepriceDialog::updatePreview);
    connect(m_allowBelow, &QCheckBox::toggled, m_model, &models::RepriceModel::setAllowBelowCost);
    connect(m_bind, &QCheckBox::toggled, m_follow, &QWidget::setEnabled);
    connect(m_model, &models::RepriceModel::totalsChanged, this, &RepriceDialog::updateTotals);

    resize(1240, 620);
    load();
}

RepriceDialog::~RepriceDialog() = default;

void RepriceDialog::load()
{
    m_ready = false;
    m_apply->setEnabled(false);
    m_editor->loadInputs(m_goodsIds, [this](core::Result<storage::pricingrules::RepriceInputs> in) {
        if (!in) {
            m_state->setText(tr("The goods could not be read: %1").arg(in.error().detail));
            return;
        }
        m_model->setInputs(std::move(in).value());
        m_ready = true;
        m_state->setVisible(m_model->rowCount() == 0);
        m_state->setText(tr("None of the chosen goods is in the cache any more."));
        fillRules();
    });
}

void RepriceDialog::fillRules()
{
    const QSignalBlocker block(m_rule);
    const qint64 current = m_rule->count() > 0 ? m_rule->currentData().toLongLong() : 0;
    m_rule->clear();
    // The rule every chosen goods already follows, if they share one, comes first.
    std::optional<qint64> shared;
    bool same = true;
    for (const auto& g : m_model->inputs().goods) {
        const qint64 id = g.ruleId.value_or(0);
        if (!shared)
            shared = id;
        else if (*shared != id)
            same = false;
    }
    for (const auto& r : m_model->inputs().rules)
        m_rule->addItem(r.name, r.id);
    m_rule->addItem(tr("One-off: fixed markup"), OneOffFixed);
    m_rule->addItem(tr("One-off: percentage markup"), OneOffPercent);
    qint64 wanted = current != 0 ? current : (same && shared && *shared > 0 ? *shared : 0);
    if (wanted == 0)
        wanted = m_model->inputs().rules.isEmpty() ? OneOffPercent : m_model->inputs().rules.first().id;
    m_rule->setCurrentIndex(qMax(0, m_rule->findData(wanted)));
    ruleChosen();
}

void RepriceDialog::ruleChosen()
{
    const qint64 choice = m_rule->currentData().toLongLong();
    const bool oneOff = choice < 0;
    m_valueLabel->setVisible(oneOff);
    m_value->setVisible(oneOff);
    {
        const QSignalBlocker block(m_value);
        if (choice == OneOffFixed) {
            m_valueLabel->setText(tr("&Yuan"));
            m_value->setPlaceholderText(u"0.50"_s);
        } else if (choice == OneOffPercent) {
            m_valueLabel->setText(tr("&Percent"));
            m_value->setPlaceholderText(u"3"_s);
        }
    }
    const QSignalBlocker block(m_syncTiers);
    m_syncTiers->setChecked(false);
    for (const auto& r : m_model->inputs().rules)
        if (r.id == choice)
            m_syncTiers->setChecked(r.rule.syncTiers);
    m_bind->setEnabled(!oneOff);
    if (oneOff)
        m_bind->setChecked(false);
    updatePreview();
}

core::PricingRule RepriceDialog::chosenRule(QString* problem) const
{
    const qint64 choice = m_rule->currentData().toLongLong();
    core::PricingRule rule;
    if (choice == OneOffFixed) {
        const auto amount = core::Money::parse(m_value->text());
        if (!amount || amount->isNegative())
            *problem = tr("Enter the yuan to add to the cost, e.g. 0.50.");
        rule = core::PricingRule::fixed(amount.valueOr({}));
    } else if (choice == OneOffPercent) {
        const auto p = PricingRuleForm::parsePercent(m_value->text());
        if (!p)
            *problem = tr("Enter the percentage to add to the cost, e.g. 3.");
        rule = core::PricingRule::percent(p.value_or(core::Rate()));
    } else {
        for (const auto& r : m_model->inputs().rules)
            if (r.id == choice)
                rule = r.rule;
    }
    rule.syncTiers = m_syncTiers->isChecked();
    if (problem->isEmpty())
        if (auto valid = core::validatePricingRule(rule); !valid)
            *problem = tr("The markup is not valid: %1").arg(valid.error().detail);
    return rule;
}

void RepriceDialog::updatePreview()
{
    if (!m_ready) {
        updateTotals();
        return;
    }
    m_problem.clear();
    const core::PricingRule rule = chosenRule(&m_problem);
    m_ruleSummary->setText(m_problem.isEmpty() ? PricingRuleForm::describe(rule) : m_problem);
    m_ruleSummary->setStyleSheet(m_problem.isEmpty() ? u"color: #555"_s : u"color: #c62828"_s);
    if (m_problem.isEmpty())
        m_model->setRule(rule);
    updateTotals();
}

void RepriceDialog::updateTotals()
{
    const models::RepriceModel::Totals t = m_model->totals();
    QStringList parts;
    parts << tr("%n goods will change", nullptr, int(t.changing));
    if (t.changing > 0)
        parts << tr("average margin %1 → %2 (%3 → %4)")
                     .arg(t.averageMarginBefore.toString(2), t.averageMarginAfter.toString(2),
                          models::RepriceModel::percentText(t.marginBpBefore),
                          models::RepriceModel::percentText(t.marginBpAfter));
    if (t.belowCost > 0)
        parts << tr("%n below cost", nullptr, int(t.belowCost));
    if (t.noCost > 0)
        parts << tr("%n without a cost", nullptr, int(t.noCost));
    if (!m_model->inputs().missing.isEmpty())
        parts << tr("%n no longer in the cache", nullptr, int(m_model->inputs().missing.size()));
    m_totals->setText(parts.join(u" · "_s));
    const bool canEdit = m_editor->canEdit();
    m_apply->setEnabled(m_ready && !m_busy && canEdit && m_problem.isEmpty() && t.changing > 0);
    if (!canEdit)
        m_apply->setToolTip(tr("Sign in as an operator who may edit goods to apply prices"));
}

void RepriceDialog::apply()
{
    if (!m_apply->isEnabled())
        return;
    const auto changes = m_model->changes();
    qint64 below = 0;
    for (const auto& c : changes)
        below += c.allowBelowCost ? 1 : 0;
    QString text = tr("Stage new prices for %n goods? They are sent to the platform by the next sync "
                      "and show as waiting to sync until then.",
                      nullptr, int(changes.size()));
    if (below > 0)
        text += u"\n\n"_s + tr("%n of them will sell below cost.", nullptr, int(below));
    if (QMessageBox::question(this, windowTitle(), text, QMessageBox::Yes | QMessageBox::No,
                              QMessageBox::No) != QMessageBox::Yes)
        return;
    stage();
}

void RepriceDialog::stage()
{
    const auto changes = m_model->changes();
    if (changes.isEmpty() || m_busy)
        return;
    m_busy = true;
    m_error->hide();
    updateTotals();
    std::optional<models::PricingEditor::Binding> binding;
    if (m_bind->isChecked() && m_bind->isEnabled())
        binding = models::PricingEditor::Binding{m_rule->currentData().toLongLong(),
                                                 core::FollowPolicy(m_follow->currentData().toInt())};
    auto progress = std::make_shared<models::PricingEditor::Progress>();
    QProgressDialog* dialog = nullptr;
    QTimer* poll = nullptr;
    if (changes.size() >= kProgressFrom) {
        dialog = new QProgressDialog(tr("Staging new prices…"), tr("Cancel"), 0, int(changes.size()), this);
        dialog->setWindowModality(Qt::WindowModal);
        dialog->setMinimumDuration(300);
        connect(dialog, &QProgressDialog::canceled, this, [progress] { progress->cancel = true; });
        poll = new QTimer(dialog);
        connect(poll, &QTimer::timeout, dialog,
                [dialog, progress] { dialog->setValue(int(progress->done.load())); });
        poll->start(100);
    }
    m_editor->stage(changes, binding, progress,
                    [this, dialog](core::Result<storage::pricingrules::StagedReprice> r) {
                        if (dialog)
                            dialog->deleteLater();
                        if (!r)
                            return finishStage(0, {}, r.error().detail);
                        finishStage(r->outboxIds.size(), r->stale, {});
                    });
}

void RepriceDialog::finishStage(qint64 edits, const QList<qint64>& stale, const QString& error)
{
    m_busy = false;
    if (!error.isEmpty()) {
        m_error->setText(tr("Nothing was staged: %1").arg(error));
        m_error->show();
        load(); // costs or prices may have moved: show them as they are now
        return;
    }
    Q_EMIT staged(edits);
    if (stale.isEmpty()) {
        accept();
        return;
    }
    m_error->setText(tr("%1 goods staged. The price of %n goods changed meanwhile: they were left alone and "
                        "are shown again as they are now.",
                        nullptr, int(stale.size()))
                         .arg(edits));
    m_error->show();
    m_goodsIds = stale;
    load();
}

} // namespace cardops::ui
