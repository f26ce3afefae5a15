#include "ui/dryrunpanel.h"

#include "core/csvexport.h"
#include "models/datasource.h"
#include "models/readworker.h"
#include "storage/fulfilmentrules.h"
#include "ui/rulelistmodel.h"

#include <QColor>
#include <QDateTime>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSet>
#include <QSpinBox>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cardops::ui {

namespace {

enum TreeColumn { RuleColumn, MatchedColumn, DecidedColumn, ActionColumn, TreeColumnCount };

QString number(qint64 n)
{
    return QLocale().toString(n);
}

} // namespace

DryRunPanel::DryRunPanel(models::DataSource& source, std::function<core::RuleSet()> rules, QWidget* parent)
    : QGroupBox(tr("Dry run"), parent)
    , m_source(source)
    , m_rules(std::move(rules))
{
    auto* daysLabel = new QLabel(tr("Orders paid in the last"), this);
    m_days = new QSpinBox(this);
    m_days->setRange(1, 365);
    m_days->setValue(30);
    m_days->setSuffix(tr(" days"));
    m_run = new QPushButton(tr("Dry run"), this);
    m_run->setToolTip(tr("Decide those orders with the rules as edited now; nothing is delivered, held or "
                         "refunded"));
    m_status = new QLabel(tr("Try the rules on past orders before saving them."), this);
    m_status->setObjectName(u"pageHint"_s);
    m_status->setWordWrap(true);
    auto* bar = new QHBoxLayout;
    bar->addWidget(daysLabel);
    bar->addWidget(m_days);
    bar->addWidget(m_run);
    bar->addWidget(m_status, 1);

    auto* totals = new QHBoxLayout;
    const QStringList captions = {tr("Orders tried"), tr("Would deliver"), tr("Would hold for review"),
                                  tr("Would refund"), tr("Left to the default")};
    for (const QString& caption : captions) {
        auto* box = new QFrame(this);
        box->setObjectName(u"dryRunTotal"_s);
        box->setStyleSheet(u"QFrame#dryRunTotal { background: white; border: 1px solid #dde1e6; "
                           u"border-radius: 6px; }"_s);
        auto* count = new QLabel(u"–"_s, box);
        count->setStyleSheet(u"font-size: 16pt; font-weight: 600; color: #1f2a37;"_s);
        auto* label = new QLabel(caption, box);
        label->setObjectName(u"pageHint"_s);
        auto* column = new QVBoxLayout(box);
        column->setContentsMargins(12, 6, 12, 6);
        column->addWidget(count);
        column->addWidget(label);
        totals->addWidget(box, 1);
        m_totals << count;
    }

    m_tree = new QTreeWidget(this);
    m_tree->setColumnCount(TreeColumnCount);
    m_tree->setHeaderLabels({tr("Rule"), tr("Matched"), tr("Decided"), tr("Then")});
    m_tree->setRootIsDecorated(true);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setStretchLastSection(true);
    m_tree->setToolTip(tr("Double-click a sample order to open it"));

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addLayout(totals);
    layout->addWidget(m_tree, 1);

    connect(m_run, &QPushButton::clicked, this, &DryRunPanel::run);
    connect(m_tree, &QTreeWidget::itemDoubleClicked, this, [this](QTreeWidgetItem* item) {
        const qint64 id = item->data(RuleColumn, Qt::UserRole).toLongLong();
        if (id > 0)
            Q_EMIT openOrder(id);
    });
}

DryRunPanel::~DryRunPanel() = default;

void DryRunPanel::run()
{
    if (m_running)
        return;
    const core::RuleSet set = m_rules();
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    m_window = {now - qint64(m_days->value()) * 86400, now + 1};
    if (!m_reader)
        m_reader = new models::ReadWorker(m_source.databasePath(), this);
    const quint64 generation = ++m_generation;
    m_running = true;
    m_run->setEnabled(false);
    m_status->setText(tr("Deciding the orders of the last %1 days…").arg(m_days->value()));
    const auto window = m_window;
    m_reader->post<Outcome>(
        this,
        [set, window](const storage::ReadSession& read) {
            Outcome out;
            auto inputs =
                storage::fulfilmentrules::dryRunInputs(read, window.first, window.second, MaxOrders);
            if (!inputs) {
                out.error = inputs.error().detail;
                return out;
            }
            out.summary = core::dryRun(set, inputs.value(), SamplesPerRule);
            QSet<qint64> samples;
            for (const core::DryRunRuleTally& t : out.summary.rules)
                for (qint64 id : t.samples)
                    samples.insert(id);
            for (const core::DryRunInput& in : inputs.value())
                if (samples.contains(in.order.id))
                    out.orderNos.insert(in.order.id, in.order.orderNo);
            return out;
        },
        [this, set, generation](Outcome out) {
            if (generation != m_generation)
                return;
            m_running = false;
            m_run->setEnabled(true);
            show(set, out);
            Q_EMIT finished();
        });
}

void DryRunPanel::setStale(bool stale)
{
    if (!m_hasResult || m_running)
        return;
    m_tree->setEnabled(!stale);
    if (stale)
        m_status->setText(tr("The rules were changed after this dry run: run it again to see their effect."));
}

void DryRunPanel::show(const core::RuleSet& set, const Outcome& outcome)
{
    if (!outcome.error.isEmpty()) {
        m_status->setText(tr("The dry run could not read the orders: %1").arg(outcome.error));
        return;
    }
    const core::DryRunSummary& s = outcome.summary;
    m_summary = s;
    m_hasResult = true;
    m_tree->setEnabled(true);
    const qint64 counts[] = {s.orders, s.delivered, s.reviewed, s.refunded, s.fallback};
    for (int i = 0; i < m_totals.size(); ++i)
        m_totals[i]->setText(number(counts[i]));

    const QString from = core::formatShanghaiTime(m_window.first).left(10);
    const QString to = core::formatShanghaiTime(m_window.second - 1).left(10);
    if (s.orders == 0)
        m_status->setText(tr("No paid order from %1 to %2.").arg(from, to));
    else if (s.orders >= MaxOrders)
        m_status->setText(tr("The newest %1 paid orders from %2 to %3 (at most %1 per run); nothing was "
                             "executed.")
                              .arg(number(s.orders), from, to));
    else
        m_status->setText(
            tr("%1 paid orders from %2 to %3; nothing was executed.").arg(number(s.orders), from, to));

    m_tree->clear();
    for (qsizetype i = 0; i < s.rules.size() && i < set.rules().size(); ++i) {
        const core::Rule& rule = set.rules().at(i);
        const core::DryRunRuleTally& t = s.rules.at(i);
        auto* item = new QTreeWidgetItem(m_tree);
        item->setText(RuleColumn, u"%1. %2"_s.arg(i + 1).arg(RuleWords::title(rule)));
        item->setToolTip(RuleColumn, RuleWords::condition(rule.condition));
        item->setText(MatchedColumn, number(t.matched));
        item->setText(DecidedColumn, rule.action.isTerminal() ? number(t.decided) : u"–"_s);
        item->setText(ActionColumn, rule.enabled ? RuleWords::action(rule.action) : tr("Disabled"));
        item->setTextAlignment(MatchedColumn, Qt::AlignRight | Qt::AlignVCenter);
        item->setTextAlignment(DecidedColumn, Qt::AlignRight | Qt::AlignVCenter);
        if (!rule.enabled)
            for (int c = 0; c < TreeColumnCount; ++c)
                item->setForeground(c, QColor(0x8a, 0x8f, 0x98));
        for (qint64 id : t.samples) {
            auto* sample = new QTreeWidgetItem(item);
            const QString no = outcome.orderNos.value(id);
            sample->setText(RuleColumn, no.isEmpty() ? tr("Order #%1").arg(id) : tr("Order %1").arg(no));
            sample->setData(RuleColumn, Qt::UserRole, id);
            sample->setToolTip(RuleColumn, tr("Double-click to open the order"));
        }
        item->setExpanded(t.matched > 0);
    }
    m_tree->resizeColumnToContents(RuleColumn);
    m_tree->setColumnWidth(RuleColumn, qMin(m_tree->columnWidth(RuleColumn) + 24, 420));
    m_tree->resizeColumnToContents(MatchedColumn);
    m_tree->resizeColumnToContents(DecidedColumn);
}

} // namespace cardops::ui
