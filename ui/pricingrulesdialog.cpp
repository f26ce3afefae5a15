#include "ui/pricingrulesdialog.h"

#include "models/datasource.h"
#include "models/pricingeditor.h"
#include "storage/pricingrules.h"
#include "ui/pricingruleform.h"
#include "ui/repricedialog.h"

#include <QCheckBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSet>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimeZone>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cardops::ui {
namespace {

namespace pr = storage::pricingrules;

enum AlertColumn {
    AtColumn,
    GoodsColumn,
    ProductColumn,
    ChangeColumn,
    PriceColumn,
    SuggestedColumn,
    StateColumn
};

QString when(qint64 seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds, QTimeZone("Asia/Shanghai")).toString(u"MM-dd HH:mm"_s);
}

QString cost(const std::optional<core::Money>& m)
{
    return m ? m->toString(2) : u"—"_s;
}

} // namespace

QString PricingRulesDialog::reasonText(const QString& reason)
{
    if (reason == u"cost")
        return tr("Supplier's cost changed");
    if (reason == u"shelf_off")
        return tr("Supplier took it off shelf");
    if (reason == u"shelf_on")
        return tr("Supplier put it back on shelf");
    if (reason == u"no_rule")
        return tr("Cost changed; no rule to follow");
    if (reason == u"below_cost")
        return tr("Cost changed; the new prices would be below cost");
    if (reason == u"no_cost")
        return tr("Cost changed; no cost to mark up");
    if (reason == u"no_operator")
        return tr("Cost changed; whoever set the automatic policy may no longer edit goods");
    return reason;
}

QString PricingRulesDialog::actionText(const QString& action)
{
    if (action == u"adjusted")
        return tr("Repriced automatically");
    if (action == u"off_sale")
        return tr("Taken off sale automatically");
    return tr("To check");
}

PricingRulesDialog::PricingRulesDialog(models::DataSource& source, core::Actor actor, QWidget* parent)
    : QDialog(parent)
    , m_source(source)
    , m_actor(actor)
    , m_editor(new models::PricingEditor(source, actor, this))
{
    setWindowTitle(tr("Pricing rules"));
    auto* layout = new QVBoxLayout(this);
    m_tabs = new QTabWidget(this);
    layout->addWidget(m_tabs, 1);

    // Rules: the list on the left, the form on the right.
    auto* rulesPage = new QSplitter(m_tabs);
    auto* left = new QWidget(rulesPage);
    auto* leftLayout = new QVBoxLayout(left);
    m_rules = new QListWidget(left);
    leftLayout->addWidget(m_rules, 1);
    auto* leftButtons = new QHBoxLayout;
    auto* add = new QPushButton(tr("&New rule"), left);
    m_delete = new QPushButton(tr("&Delete"), left);
    leftButtons->addWidget(add);
    leftButtons->addWidget(m_delete);
    leftLayout->addLayout(leftButtons);
    auto* right = new QWidget(rulesPage);
    auto* rightLayout = new QVBoxLayout(right);
    m_form = new PricingRuleForm(right);
    rightLayout->addWidget(m_form, 1);
    m_save = new QPushButton(tr("&Save rule"), right);
    m_save->setShortcut(QKeySequence::Save);
    auto* saveRow = new QHBoxLayout;
    saveRow->addStretch();
    saveRow->addWidget(m_save);
    rightLayout->addLayout(saveRow);
    rulesPage->addWidget(left);
    rulesPage->addWidget(right);
    rulesPage->setStretchFactor(1, 2);
    m_tabs->addTab(rulesPage, tr("Rules"));

    // Upstream changes.
    auto* alertsPage = new QWidget(m_tabs);
    auto* alertsLayout = new QVBoxLayout(alertsPage);
    m_showHandled = new QCheckBox(tr("Show &handled and automatic changes"), alertsPage);
    alertsLayout->addWidget(m_showHandled);
    m_alerts = new QTableWidget(0, 7, alertsPage);
    m_alerts->setHorizontalHeaderLabels({tr("When"), tr("Goods"), tr("Supplier product"), tr("Change"),
                                         tr("Price"), tr("Suggested"), tr("State")});
    m_alerts->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_alerts->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_alerts->verticalHeader()->setVisible(false);
    m_alerts->horizontalHeader()->setStretchLastSection(true);
    for (const auto& [column, width] : {std::pair{AtColumn, 95},
                                        {GoodsColumn, 190},
                                        {ProductColumn, 150},
                                        {ChangeColumn, 230},
                                        {PriceColumn, 75},
                                        {SuggestedColumn, 80}})
        m_alerts->setColumnWidth(column, width);
    alertsLayout->addWidget(m_alerts, 1);
    m_alertsEmpty = new QLabel(tr("No upstream changes to check."), alertsPage);
    m_alertsEmpty->setAlignment(Qt::AlignCenter);
    alertsLayout->addWidget(m_alertsEmpty);
    auto* alertButtons = new QHBoxLayout;
    auto* ack = new QPushButton(tr("&Mark handled"), alertsPage);
    auto* reprice = new QPushButton(tr("&Reprice these goods…"), alertsPage);
    alertButtons->addStretch();
    alertButtons->addWidget(ack);
    alertButtons->addWidget(reprice);
    alertsLayout->addLayout(alertButtons);
    m_tabs->addTab(alertsPage, tr("Upstream changes"));

    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    auto* close = new QPushButton(tr("Close"), this);
    auto* closeRow = new QHBoxLayout;
    closeRow->addStretch();
    closeRow->addWidget(close);
    layout->addLayout(closeRow);

    const bool canEdit = m_editor->canEdit();
    for (QPushButton* b : {add, m_delete, m_save, ack, reprice})
        b->setEnabled(canEdit);
    connect(add, &QPushButton::clicked, this, &PricingRulesDialog::newRule);
    connect(m_delete, &QPushButton::clicked, this, &PricingRulesDialog::deleteRule);
    connect(m_save, &QPushButton::clicked, this, &PricingRulesDialog::saveRule);
    connect(ack, &QPushButton::clicked, this, &PricingRulesDialog::acknowledgeSelected);
    connect(reprice, &QPushButton::clicked, this, &PricingRulesDialog::repriceSelected);
    connect(close, &QPushButton::clicked, this, &QDialog::accept);
    connect(m_rules, &QListWidget::currentRowChanged, this, &PricingRulesDialog::ruleSelected);
    connect(m_showHandled, &QCheckBox::toggled, this, &PricingRulesDialog::reload);
    connect(&m_source, &models::DataSource::tablesChanged, this, [this](const QSet<QString>& tables) {
        if (tables.contains(u"pricing_rules"_s) || tables.contains(u"pricing_alerts"_s) ||
            tables.contains(u"goods"_s))
            reload();
    });
    resize(1000, 560);
    reload();
}

void PricingRulesDialog::showAlerts()
{
    m_tabs->setCurrentIndex(1);
}

void PricingRulesDialog::reload()
{
    m_editor->loadRules([this](core::Result<QList<pr::StoredRule>> r) {
        if (!r)
            return report(r.error().detail);
        showRules(*r);
    });
    m_editor->loadAlerts(!m_showHandled->isChecked(), 1000, [this](core::Result<QList<pr::UpstreamAlert>> r) {
        if (!r)
            return report(r.error().detail);
        showAlertRows(*r);
    });
}

void PricingRulesDialog::showRules(const QList<pr::StoredRule>& rules)
{
    const QSignalBlocker block(m_rules);
    m_ruleData = rules;
    m_rules->clear();
    int current = -1;
    for (qsizetype i = 0; i < rules.size(); ++i) {
        const pr::StoredRule& r = rules.at(i);
        auto* item = new QListWidgetItem(tr("%1 (%n goods)", nullptr, int(r.goods)).arg(r.name), m_rules);
        item->setToolTip(PricingRuleForm::describe(r.rule));
        if (r.id == m_editing)
            current = int(i);
    }
    m_rules->setCurrentRow(current);
    m_delete->setEnabled(m_editor->canEdit() && current >= 0);
    if (!m_rulesLoaded && !rules.isEmpty()) {
        m_rules->setCurrentRow(0);
        ruleSelected();
    }
    m_rulesLoaded = true;
}

void PricingRulesDialog::ruleSelected()
{
    const int row = m_rules->currentRow();
    m_delete->setEnabled(m_editor->canEdit() && row >= 0);
    if (row < 0 || row >= m_ruleData.size())
        return;
    m_editing = m_ruleData.at(row).id;
    m_form->setRule(m_ruleData.at(row).name, m_ruleData.at(row).rule);
}

void PricingRulesDialog::newRule()
{
    m_editing = 0;
    m_rules->setCurrentRow(-1);
    m_form->setRule({}, core::PricingRule::percent(core::Rate::fromPpm(30'000)));
    m_form->nameField().setFocus();
}

void PricingRulesDialog::saveRule()
{
    QString problem;
    const core::PricingRule rule = m_form->rule(&problem);
    if (m_form->name().isEmpty())
        problem = tr("Give the rule a name.");
    if (!problem.isEmpty())
        return report(problem);
    m_editor->saveRule(m_editing, m_form->name(), rule, [this](core::Result<qint64> r) {
        if (!r)
            return report(r.error().code == core::ErrorCode::Conflict ? tr("Another rule has this name.")
                                                                      : r.error().detail);
        m_editing = *r;
        report({});
        m_status->setText(tr("Rule saved."));
        reload();
    });
}

void PricingRulesDialog::deleteRule()
{
    const int row = m_rules->currentRow();
    if (row < 0 || row >= m_ruleData.size())
        return;
    const pr::StoredRule rule = m_ruleData.at(row);
    const QString text =
        tr("Delete the rule \"%1\"? %n goods follow it; they keep their follow policy without a rule.",
           nullptr, int(rule.goods))
            .arg(rule.name);
    if (QMessageBox::question(this, windowTitle(), text, QMessageBox::Yes | QMessageBox::No,
                              QMessageBox::No) != QMessageBox::Yes)
        return;
    m_editor->deleteRule(rule.id, [this](core::Result<void> r) {
        if (!r)
            return report(r.error().detail);
        newRule();
        reload();
    });
}

QList<qint64> PricingRulesDialog::selectedAlertRows() const
{
    QList<qint64> rows;
    for (const QModelIndex& i : m_alerts->selectionModel()->selectedRows())
        rows.append(i.row());
    return rows;
}

void PricingRulesDialog::acknowledgeSelected()
{
    QList<qint64> ids;
    for (qint64 row : selectedAlertRows())
        if (m_alertData.at(row).resolvedAt == 0)
            ids.append(m_alertData.at(row).id);
    if (ids.isEmpty())
        return report(tr("Select the open changes to mark handled."));
    m_editor->acknowledge(ids, [this](core::Result<qint64> r) {
        if (!r)
            return report(r.error().detail);
        report({});
        reload();
    });
}

void PricingRulesDialog::repriceSelected()
{
    QList<qint64> goods;
    for (qint64 row : selectedAlertRows())
        if (!goods.contains(m_alertData.at(row).goodsId))
            goods.append(m_alertData.at(row).goodsId);
    if (goods.isEmpty())
        return report(tr("Select the changes whose goods to reprice."));
    auto* dialog = new RepriceDialog(m_source, m_actor, goods, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void PricingRulesDialog::showAlertRows(const QList<pr::UpstreamAlert>& alerts)
{
    m_alertData = alerts;
    m_alerts->setRowCount(int(alerts.size()));
    qint64 open = 0;
    for (int row = 0; row < alerts.size(); ++row) {
        const pr::UpstreamAlert& a = alerts.at(row);
        open += a.resolvedAt == 0 && a.action == u"alert" ? 1 : 0;
        QString change;
        if (a.reason == u"shelf_off" || a.reason == u"shelf_on")
            change = reasonText(a.reason);
        else
            change = tr("%1: %2 → %3").arg(reasonText(a.reason), cost(a.oldCost), cost(a.newCost));
        const QString goods =
            a.goodsName.isEmpty() ? tr("goods %1 (no longer in the cache)").arg(a.goodsId) : a.goodsName;
        const QStringList cells{when(a.updatedAt),
                                goods,
                                a.supplierId + u" · "_s + a.productId,
                                change,
                                a.price.toString(2),
                                a.suggested ? a.suggested->toString(2) : u"—"_s,
                                a.action == u"alert" && a.resolvedAt != 0 ? tr("Handled")
                                                                          : actionText(a.action)};
        for (int c = 0; c < cells.size(); ++c) {
            auto* item = new QTableWidgetItem(cells.at(c));
            if (c == GoodsColumn)
                item->setToolTip(tr("SKU %1 · goods %2").arg(a.sku).arg(a.goodsId));
            if (c == ChangeColumn)
                item->setToolTip(cells.at(c));
            if (c == PriceColumn || c == SuggestedColumn)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_alerts->setItem(row, c, item);
        }
    }
    m_alertsEmpty->setVisible(alerts.isEmpty());
    m_alerts->setVisible(!alerts.isEmpty());
    m_tabs->setTabText(1, open > 0 ? tr("Upstream changes (%1)").arg(open) : tr("Upstream changes"));
    m_alertsLoaded = true;
}

void PricingRulesDialog::report(const QString& error)
{
    m_lastError = error;
    m_status->setStyleSheet(error.isEmpty() ? QString() : u"color: #c62828"_s);
    m_status->setText(error);
}

} // namespace cardops::ui
