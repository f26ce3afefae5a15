#include "core/clock.h"
#include "core/csvexport.h"
#include "models/datasource.h"
#include "models/financecsv.h"
#include "models/financejob.h"
#include "ui/financepanels.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

// 月结 (domain.md "Finance"): a closed month shows its snapshot; later changes are adjustments booked
// into the open period with the original period shown.
namespace cardops::ui {

namespace fin = storage::finance;

namespace {

QStandardItem* cell(const QString& text, bool number = false)
{
    auto* item = new QStandardItem(text);
    item->setEditable(false);
    if (number)
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

void setupTable(QTableView* table, QStandardItemModel* model)
{
    table->setModel(model);
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
}

} // namespace

FinanceMonthPanel::FinanceMonthPanel(models::DataSource& source, const core::Actor& actor, QWidget* parent)
    : FinancePanel(parent)
    , m_job(new models::FinanceJob(source, this))
    , m_actor(actor)
    , m_bar(new FinanceRunBar(tr("Refresh"), this))
    , m_close(new QPushButton(tr("Close month…"), this))
    , m_reopen(new QPushButton(tr("Reopen…"), this))
    , m_months(new QStandardItemModel(this))
    , m_monthView(new QTableView(this))
    , m_adjustments(new QStandardItemModel(this))
    , m_adjustmentView(new QTableView(this))
    , m_now([] { return QDateTime::currentSecsSinceEpoch(); })
    , m_confirm([this](const QString& title, const QString& text) {
        return QMessageBox::question(this, title, text, QMessageBox::Yes | QMessageBox::No,
                                     QMessageBox::No) == QMessageBox::Yes;
    })
{
    m_months->setHorizontalHeaderLabels({tr("Month"), tr("State"), tr("Orders"), tr("GMV"), tr("Refunds"),
                                         tr("Gross profit"), tr("Commissions"), tr("Closed at"),
                                         tr("Closed by"), tr("Adjustments")});
    m_adjustments->setHorizontalHeaderLabels({tr("Original period"), tr("Booked in"), tr("Day"),
                                              tr("Measure"), tr("At close"), tr("Now"), tr("Adjustment")});
    setupTable(m_monthView, m_months);
    setupTable(m_adjustmentView, m_adjustments);
    m_close->setToolTip(tr("Freeze a past month's daily summary; manual edits of it are refused afterwards"));
    m_reopen->setToolTip(tr("Administrators only: reopen a closed month (audited)"));
    m_bar->exportButton()->setText(tr("Export adjustments CSV…"));
    m_status = new QLabel(tr("A closed month keeps the figures it was closed with; a refund or a late order "
                             "afterwards is booked into the open period as an adjustment."),
                          this);
    m_status->setWordWrap(true);
    auto* top = new QHBoxLayout;
    top->addWidget(m_close);
    top->addWidget(m_reopen);
    top->addWidget(m_bar, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_status);
    layout->addWidget(m_monthView, 3);
    layout->addWidget(new QLabel(tr("Adjustments booked into the open period"), this));
    layout->addWidget(m_adjustmentView, 2);

    connect(m_bar->runButton(), &QPushButton::clicked, this, &FinanceMonthPanel::run);
    connect(m_bar->exportButton(), &QPushButton::clicked, this, &FinancePanel::exportCsv);
    connect(m_bar, &FinanceRunBar::cancelRequested, m_job, &models::FinanceJob::cancel);
    connect(m_close, &QPushButton::clicked, this, &FinanceMonthPanel::closeSelected);
    connect(m_reopen, &QPushButton::clicked, this, &FinanceMonthPanel::reopenSelected);
    connect(m_monthView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &FinanceMonthPanel::updateButtons);
    connect(m_job, &models::FinanceJob::monthsReady, this, &FinanceMonthPanel::show);
    connect(m_job, &models::FinanceJob::monthClosed, this, [this](const QString& month, const fin::Summary&) {
        report(tr("%1 is closed.").arg(month));
        run();
    });
    connect(m_job, &models::FinanceJob::monthReopened, this, [this](const QString& month) {
        report(tr("%1 is open again.").arg(month));
        run();
    });
    connect(m_job, &models::FinanceJob::exported, this, [this](const QString& path) {
        m_bar->setRunning(false);
        report(tr("Saved %1").arg(path));
        Q_EMIT finished();
    });
    connect(m_job, &models::FinanceJob::failed, this, [this](const QString& message) {
        m_bar->setRunning(false);
        report(message);
        Q_EMIT finished();
    });
    connect(m_job, &models::FinanceJob::cancelled, this, [this] {
        m_bar->setRunning(false);
        Q_EMIT finished();
    });
    updateButtons();
}

void FinanceMonthPanel::run()
{
    if (m_job->months(m_now()))
        m_bar->setRunning(true);
}

void FinanceMonthPanel::show(const QList<fin::MonthState>& months, const QList<fin::Adjustment>& adjustments)
{
    m_bar->setRunning(false);
    const int keep = selectedRow();
    const QString keepMonth = keep >= 0 ? m_state.value(keep).month : QString();
    m_state = months;
    m_adjusted = adjustments;
    m_months->removeRows(0, m_months->rowCount());
    for (const fin::MonthState& s : months) {
        auto* state = cell(s.closed ? tr("Closed") : tr("Open"));
        if (s.closed)
            state->setToolTip(tr("Figures from the snapshot taken at the close"));
        m_months->appendRow(
            {cell(s.month), state, cell(QString::number(s.total.orders), true),
             cell(s.total.gmv.toString(2), true), cell(s.total.refunds.toString(2), true),
             cell(s.total.grossProfit().toString(2), true), cell(s.total.commissions.toString(2), true),
             cell(s.closed ? core::formatShanghaiTime(s.closedAt) : QString()), cell(s.closedByLogin),
             cell(s.closed ? QString::number(s.adjustments) : QString(), true)});
    }
    m_adjustments->removeRows(0, m_adjustments->rowCount());
    for (const fin::Adjustment& a : adjustments) {
        const bool count = a.measure == u"orders";
        auto value = [count](qint64 v) {
            return count ? QString::number(v) : core::Money::fromUnits(v).toString(2);
        };
        m_adjustments->appendRow({cell(tr("Original period %1").arg(a.originalMonth)), cell(a.bookedMonth),
                                  cell(fin::dayText(a.day)), cell(models::FinanceJob::measureName(a.measure)),
                                  cell(value(a.snapshot), true), cell(value(a.live), true),
                                  cell(value(a.delta()), true)});
    }
    for (int i = 0; i < m_state.size(); ++i)
        if (m_state[i].month == keepMonth)
            m_monthView->selectRow(i);
    m_bar->exportButton()->setEnabled(!adjustments.isEmpty());
    updateButtons();
    Q_EMIT finished();
}

int FinanceMonthPanel::selectedRow() const
{
    const QModelIndexList rows = m_monthView->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : rows.first().row();
}

void FinanceMonthPanel::updateButtons()
{
    const int row = selectedRow();
    const QString current = fin::monthOfDay(core::businessDay(m_now()));
    const bool have = row >= 0 && row < m_state.size();
    m_close->setEnabled(have && !m_state[row].closed && m_state[row].month < current &&
                        core::roleAllows(m_actor.role, core::Permission::CloseMonth));
    m_reopen->setEnabled(have && m_state[row].closed &&
                         core::roleAllows(m_actor.role, core::Permission::ManageSettings));
}

void FinanceMonthPanel::closeSelected()
{
    const int row = selectedRow();
    if (row < 0 || row >= m_state.size())
        return;
    const fin::MonthState& s = m_state[row];
    if (s.closed) {
        report(tr("%1 is already closed. An administrator must reopen it before it can be closed again.")
                   .arg(s.month));
        return;
    }
    const fin::DaySummary& t = s.total;
    const QString text =
        tr("Close %1?\n\nIts daily summary is kept as it stands now: %2 orders, GMV %3, cost %4, refunds %5, "
           "gross profit %6, commissions %7, supplier spend %8.\n\nLater changes are booked into the open "
           "period "
           "as adjustments, and manual edits of %1 are refused until an administrator reopens it.")
            .arg(s.month)
            .arg(t.orders)
            .arg(t.gmv.toString(2), t.cost.toString(2), t.refunds.toString(2), t.grossProfit().toString(2),
                 t.commissions.toString(2), t.supplierSpend.toString(2));
    if (!m_confirm(tr("Close %1").arg(s.month), text)) {
        report(tr("%1 was not closed.").arg(s.month));
        return;
    }
    report(tr("Closing %1…").arg(s.month));
    m_job->closeMonth(m_actor, s.month);
}

void FinanceMonthPanel::reopenSelected()
{
    const int row = selectedRow();
    if (row < 0 || row >= m_state.size() || !m_state[row].closed)
        return;
    const QString month = m_state[row].month;
    bool ok = false;
    const QString reason = QInputDialog::getText(
        this, tr("Reopen %1").arg(month),
        tr("Reopening %1 allows edits of it again and drops its snapshot (the audit log keeps its totals). "
           "Why?")
            .arg(month),
        QLineEdit::Normal, QString(), &ok);
    if (!ok || reason.trimmed().isEmpty())
        return;
    m_job->reopenMonth(m_actor, month, reason.trimmed());
}

bool FinanceMonthPanel::exportTo(const QString& path)
{
    if (m_adjusted.isEmpty())
        return false;
    const auto rows = m_adjusted;
    if (!m_job->exportCsv(path,
                          [rows](QIODevice* d) { return models::financecsv::writeAdjustments(d, rows); }))
        return false;
    m_bar->setRunning(true);
    return true;
}

QString FinanceMonthPanel::exportName() const
{
    return u"month-close-adjustments.csv"_s;
}

} // namespace cardops::ui
