#include "ui/financepage.h"

#include "models/consolebackend.h"
#include "ui/financepanels.h"

#include <QShortcut>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cardops::ui {

FinancePage::FinancePage(models::DataSource& source, models::ConsoleBackend& backend, QWidget* parent)
    : Page(parent)
    , m_tabs(new QTabWidget(this))
    , m_summary(new FinanceSummaryPanel(source, m_tabs))
    , m_reconcile(new FinanceReconcilePanel(source, m_tabs))
    , m_months(new FinanceMonthPanel(source, backend.actor(), m_tabs))
{
    m_tabs->addTab(m_summary, tr("Daily summary"));
    m_tabs->addTab(m_reconcile, tr("Reconciliation"));
    m_tabs->addTab(m_months, tr("Month close"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);
    auto* exporting = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_E), this);
    exporting->setContext(Qt::WidgetWithChildrenShortcut);
    connect(exporting, &QShortcut::activated, this, &FinancePage::exportCurrent);
    connect(m_summary, &FinancePanel::finished, this, [this] {
        if (!m_ready) {
            m_ready = true;
            Q_EMIT ready();
        }
    });
    // A tab shown for the first time loads itself.
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (index == MonthTab && m_months->monthsModel()->rowCount() == 0)
            m_months->run();
    });
}

void FinancePage::showEvent(QShowEvent* event)
{
    Page::showEvent(event);
    if (m_started)
        return;
    m_started = true;
    m_summary->run();
}

qint64 FinancePage::mainRows() const
{
    return m_summary->model()->rowCount();
}

void FinancePage::applyFilter(const QString& filter)
{
    if (filter == u"summary")
        m_tabs->setCurrentIndex(SummaryTab);
    else if (filter == u"reconcile") {
        m_tabs->setCurrentIndex(ReconcileTab);
        runCurrent(); // opened on purpose (a link, --page finance:reconcile): compare at once
    }
    else if (filter == u"months")
        m_tabs->setCurrentIndex(MonthTab);
}

bool FinancePage::refreshPage()
{
    runCurrent();
    return true;
}

void FinancePage::runCurrent()
{
    if (auto* panel = qobject_cast<FinancePanel*>(m_tabs->currentWidget()))
        panel->run();
}

void FinancePage::exportCurrent()
{
    if (auto* panel = qobject_cast<FinancePanel*>(m_tabs->currentWidget()))
        panel->exportCsv();
}

} // namespace cardops::ui
