#pragma once

#include "storage/commissioncheck.h"

#include <QWidget>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace cardops::models {
class CommissionCheckJob;
class CommissionModel;
class ConsoleBackend;
class DataSource;
} // namespace cardops::models

namespace cardops::ui {

// 佣金核对 (issue #10 item 5): for a period of order creation, CardOps recomputes every ancestor's
// commission and lists how the platform's commission entries differ (漏发, 多发, 金额不符, 发错人),
// with totals, a CSV export and per-agent statements. The check runs on the loader thread.
class CommissionPanel : public QWidget
{
    Q_OBJECT
public:
    enum class Period { ThisMonth, LastMonth, Custom };

    CommissionPanel(models::DataSource& source, models::ConsoleBackend& backend, QWidget* parent = nullptr);

    // A custom period [from, to) in unix seconds (tests, and a caller that knows the period).
    void setPeriod(qint64 from, qint64 to);
    std::pair<qint64, qint64> period() const;
    void runCheck();
    void cancelCheck();
    // Writes the differences shown to `path` off the UI thread; exported() tells the outcome.
    void exportDifferences(const QString& path);
    void openStatement(qint64 memberId = 0);

    models::CommissionModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }
    QString summaryText() const;
    bool isEmptyStateShown() const;

Q_SIGNALS:
    void openOrder(qint64 orderId);
    void openMember(qint64 memberId);
    void checkFinished();
    void exported(const QString& path, const QString& error);

protected:
    // The first time the tab is shown, the chosen period is checked at once: an operator opening
    // 佣金核对 wants the answer, not a button to press.
    void showEvent(QShowEvent* event) override;

private:
    void periodChanged();
    void showResult(const storage::commissioncheck::CheckResult& result);
    void showError(const QString& message);
    void setRunning(bool running);
    void applyFilters();
    void askExport();

    models::DataSource& m_source;
    models::ConsoleBackend& m_backend;
    models::CommissionCheckJob* m_job = nullptr;
    models::CommissionModel* m_model = nullptr;
    QComboBox* m_periodBox = nullptr;
    QDateEdit* m_fromDate = nullptr;
    QDateEdit* m_toDate = nullptr;
    QPushButton* m_run = nullptr;
    QPushButton* m_cancel = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_summary = nullptr;
    QComboBox* m_kindBox = nullptr;
    QLineEdit* m_agent = nullptr;
    QPushButton* m_export = nullptr;
    QStackedWidget* m_stack = nullptr;
    QTableView* m_table = nullptr;
    QLabel* m_empty = nullptr;
    bool m_hasResult = false;
    bool m_shownOnce = false;
};

// Month boundaries in Asia/Shanghai (UTC+8, business days): [start of the month of `at`, start of
// the next month), and the month before it.
std::pair<qint64, qint64> shanghaiMonth(qint64 at, int monthsBack = 0);

} // namespace cardops::ui
