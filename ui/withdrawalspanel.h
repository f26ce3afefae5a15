#pragma once

#include "storage/withdrawalstore.h"

#include <QHash>
#include <QList>
#include <QWidget>

class QComboBox;
class QFormLayout;
class QLabel;
class QPushButton;
class QTableWidget;

namespace cardops::models {
class ConsoleBackend;
class DataSource;
} // namespace cardops::models

namespace cardops::ui {

// 提现审核 (issue #10 item 6): agents' pending withdrawal requests, oldest first, with the agent's
// context beside the selected one (tier, balance, downlines, commissions and approved withdrawals of
// the last 30 days, the last request, member since). 批准 and 驳回 (with a reason) after a
// confirmation naming the agent and the amount; each request shows the platform's answer. The
// 已处理 filter lists decided requests. Off, with the reason, when the console has no member desk.
class WithdrawalsPanel : public QWidget
{
    Q_OBJECT
public:
    WithdrawalsPanel(models::DataSource& source, models::ConsoleBackend& backend, QWidget* parent = nullptr);

    QTableWidget& table() const { return *m_table; }
    QComboBox& filter() const { return *m_filter; }
    QPushButton& approveButton() const { return *m_approve; }
    QPushButton& rejectButton() const { return *m_reject; }
    QLabel& notice() const { return *m_notice; }
    QLabel& lastResult() const { return *m_result; }
    QLabel& contextName() const { return *m_name; }
    bool isLoaded() const { return m_loaded; }
    // The withdrawal id of the selected row, 0 when none.
    qint64 selectedId() const;

    // Decides the selected request without asking (the buttons ask first); a rejection needs a reason.
    void decideSelected(bool approve, const QString& reason);
    void reload();

Q_SIGNALS:
    void openMember(qint64 memberId);
    void loaded();
    void decided(qint64 withdrawalId, const QString& error);

private:
    void present(const QList<storage::withdrawalstore::WithdrawalRow>& rows);
    void showContext();
    void presentContext(const storage::withdrawalstore::AgentContext& c);
    void updateButtons();
    void askAndDecide(bool approve);
    const storage::withdrawalstore::WithdrawalRow* selectedRow() const;

    models::DataSource& m_source;
    models::ConsoleBackend& m_backend;
    QList<storage::withdrawalstore::WithdrawalRow> m_rows;
    QHash<qint64, QString> m_results; // per request: the platform's answer this session
    bool m_loaded = false;
    bool m_busy = false;
    QComboBox* m_filter = nullptr;
    QLabel* m_notice = nullptr;
    QLabel* m_result = nullptr;
    QTableWidget* m_table = nullptr;
    QLabel* m_name = nullptr;
    QFormLayout* m_form = nullptr;
    QList<QLabel*> m_values;
    QPushButton* m_approve = nullptr;
    QPushButton* m_reject = nullptr;
};

} // namespace cardops::ui
