#pragma once

#include "ui/page.h"

class QTabWidget;

namespace cardops::models {
class ConsoleBackend;
class DataSource;
} // namespace cardops::models

namespace cardops::ui {

class FinanceMonthPanel;
class FinanceReconcilePanel;
class FinanceSummaryPanel;

// 财务 (issue #11 item 3): 日汇总, 对账 and 月结 as tabs. F5 runs the current tab, Ctrl+E exports its CSV.
// The acting operator (month close, reopen) comes from the backend.
class FinancePage : public Page
{
    Q_OBJECT
public:
    enum Tab { SummaryTab, ReconcileTab, MonthTab };

    FinancePage(models::DataSource& source, models::ConsoleBackend& backend, QWidget* parent = nullptr);

    QTabWidget& tabs() const { return *m_tabs; }
    FinanceSummaryPanel& summary() const { return *m_summary; }
    FinanceReconcilePanel& reconcile() const { return *m_reconcile; }
    FinanceMonthPanel& months() const { return *m_months; }

    qint64 mainRows() const override;
    bool isReady() const override { return m_ready; }
    // "summary", "reconcile" or "months" selects the tab.
    void applyFilter(const QString& filter) override;
    bool refreshPage() override; // F5 runs the current tab

    void runCurrent();    // F5
    void exportCurrent(); // Ctrl+E

protected:
    void showEvent(QShowEvent* event) override;

private:
    QTabWidget* m_tabs;
    FinanceSummaryPanel* m_summary;
    FinanceReconcilePanel* m_reconcile;
    FinanceMonthPanel* m_months;
    bool m_ready = false;
    bool m_started = false;
};

} // namespace cardops::ui
