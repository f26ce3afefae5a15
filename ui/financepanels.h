#pragma once

#include "core/access.h"
#include "storage/finance.h"

#include <QWidget>
#include <functional>

class QComboBox;
class QDateEdit;
class QLabel;
class QProgressBar;
class QPushButton;
class QSortFilterProxyModel;
class QStackedWidget;
class QStandardItemModel;
class QTabWidget;
class QTableView;

namespace cardops::models {
class DataSource;
class FinanceJob;
} // namespace cardops::models

namespace cardops::ui {

// A business-day range (Asia/Shanghai) with presets: this month, last month, the last 7 days, custom.
class DayRangePicker : public QWidget
{
    Q_OBJECT
public:
    explicit DayRangePicker(QWidget* parent = nullptr);
    qint64 fromDay() const;
    qint64 toDay() const; // inclusive
    void setRange(qint64 fromDay, qint64 toDay);

Q_SIGNALS:
    void changed();

private:
    void applyPreset(int index);
    QComboBox* m_preset = nullptr;
    QDateEdit* m_from = nullptr;
    QDateEdit* m_to = nullptr;
};

// The run controls every finance tab shares: the action button, progress with 取消, CSV export.
class FinanceRunBar : public QWidget
{
    Q_OBJECT
public:
    FinanceRunBar(const QString& runText, QWidget* parent = nullptr);
    QPushButton* runButton() const { return m_run; }
    QPushButton* exportButton() const { return m_export; }
    void setRunning(bool running);
    void setProgress(qint64 done, qint64 total);

Q_SIGNALS:
    void cancelRequested();

private:
    QPushButton* m_run = nullptr;
    QPushButton* m_cancel = nullptr;
    QProgressBar* m_progress = nullptr;
    QPushButton* m_export = nullptr;
};

// Common to the tabs: F5 runs, Ctrl+E exports (the page routes them to the current tab).
class FinancePanel : public QWidget
{
    Q_OBJECT
public:
    using QWidget::QWidget;
    virtual void run() = 0;
    virtual void exportCsv(); // asks for a file, then exportTo()
    virtual bool exportTo(const QString& path) = 0;
    QString lastMessage() const { return m_message; }

Q_SIGNALS:
    void finished(); // a run, an export or a close answered (success or not)

protected:
    virtual QString exportName() const = 0;
    void report(const QString& message); // shown in the status line, kept for tests
    QLabel* m_status = nullptr;
    QString m_message;
};

// 日汇总: a range picker, the table of days with a 合计 row.
class FinanceSummaryPanel : public FinancePanel
{
    Q_OBJECT
public:
    FinanceSummaryPanel(models::DataSource& source, QWidget* parent = nullptr);
    DayRangePicker& range() const { return *m_range; }
    QStandardItemModel* model() const { return m_model; }
    void run() override;
    bool exportTo(const QString& path) override;

protected:
    QString exportName() const override;

private:
    void show(const storage::finance::Summary& summary);
    models::FinanceJob* m_job;
    DayRangePicker* m_range;
    FinanceRunBar* m_bar;
    QStandardItemModel* m_model;
    QTableView* m_table;
    storage::finance::Summary m_summary;
    bool m_have = false;
};

// One reconciliation's differences: a line of what was compared and the count of each kind, a
// kind filter, the table (or 无差异 naming what was compared).
class DifferenceView : public QWidget
{
    Q_OBJECT
public:
    explicit DifferenceView(const QStringList& headers, QWidget* parent = nullptr);
    QStandardItemModel* model() const { return m_model; }
    QSortFilterProxyModel* proxy() const { return m_proxy; }
    QComboBox* kindFilter() const { return m_kind; }
    bool isCleanShown() const;
    // Each row: the kind first, then the cells; `compared` describes the comparison.
    void setRows(const QList<std::pair<storage::finance::DiffKind, QStringList>>& rows,
                 const QString& compared);

private:
    QLabel* m_summary;
    QComboBox* m_kind;
    QStandardItemModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QTableView* m_table;
    QLabel* m_clean;
    QStackedWidget* m_stack;
};

// 对账: the platform's daily totals, supplier balances and commissions, one sub-tab each.
class FinanceReconcilePanel : public FinancePanel
{
    Q_OBJECT
public:
    FinanceReconcilePanel(models::DataSource& source, QWidget* parent = nullptr);
    DayRangePicker& range() const { return *m_range; }
    QTabWidget& views() const { return *m_views; }
    DifferenceView& platformView() const { return *m_platform; }
    DifferenceView& supplierView() const { return *m_supplier; }
    DifferenceView& commissionView() const { return *m_commission; }
    void run() override;
    bool exportTo(const QString& path) override; // the reconciliation of the current sub-tab

protected:
    QString exportName() const override;

private:
    void show(const storage::finance::Reconciliation& result);
    models::FinanceJob* m_job;
    DayRangePicker* m_range;
    FinanceRunBar* m_bar;
    QTabWidget* m_views;
    DifferenceView* m_platform;
    DifferenceView* m_supplier;
    DifferenceView* m_commission;
    storage::finance::Reconciliation m_result;
    bool m_have = false;
};

// 月结: the months with their state and totals, close (asks first, naming the month and its
// totals), reopen (administrators), and the adjustments booked into the open period.
class FinanceMonthPanel : public FinancePanel
{
    Q_OBJECT
public:
    FinanceMonthPanel(models::DataSource& source, const core::Actor& actor, QWidget* parent = nullptr);
    QStandardItemModel* monthsModel() const { return m_months; }
    QStandardItemModel* adjustmentsModel() const { return m_adjustments; }
    QTableView* monthsView() const { return m_monthView; }
    void run() override;
    bool exportTo(const QString& path) override; // the adjustments
    void closeSelected();
    void reopenSelected();
    // The clock the month list is relative to (tests); default: the system time.
    void setNow(std::function<qint64()> now) { m_now = std::move(now); }
    // Asked before a close or reopen; default: a QMessageBox. Returns true to go ahead.
    void setConfirm(std::function<bool(const QString& title, const QString& text)> confirm)
    {
        m_confirm = std::move(confirm);
    }

protected:
    QString exportName() const override;

private:
    void show(const QList<storage::finance::MonthState>& months,
              const QList<storage::finance::Adjustment>& adjustments);
    int selectedRow() const;
    void updateButtons();
    models::FinanceJob* m_job;
    core::Actor m_actor;
    FinanceRunBar* m_bar;
    QPushButton* m_close;
    QPushButton* m_reopen;
    QStandardItemModel* m_months;
    QTableView* m_monthView;
    QStandardItemModel* m_adjustments;
    QTableView* m_adjustmentView;
    QList<storage::finance::MonthState> m_state;
    QList<storage::finance::Adjustment> m_adjusted;
    std::function<qint64()> m_now;
    std::function<bool(const QString&, const QString&)> m_confirm;
};

} // namespace cardops::ui
