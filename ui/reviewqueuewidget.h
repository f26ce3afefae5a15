#pragma once

#include "models/orderactionbackend.h"

#include <QList>
#include <QPointer>
#include <QWidget>
#include <functional>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QTableView;

namespace cardops::models {
class DataSource;
class ReviewQueueModel;
} // namespace cardops::models

namespace cardops::ui {

// 待审核: the orders held for review, with reason, waiting time and the member's history; the
// operator delivers, refunds, rejects or takes several at once. Actions this console may not take
// (the role, or a handed-over order while another console holds the fulfilment lease) are
// disabled with the reason as tooltip. Refunds and rejections are confirmed with the count and
// the total first; each order's result stays shown, and refused orders stay listed. UI thread.
class ReviewQueueWidget : public QWidget
{
    Q_OBJECT
public:
    ReviewQueueWidget(models::DataSource& source, models::OrderActionBackend& backend,
                      QWidget* parent = nullptr);

    models::ReviewQueueModel& model() const { return *m_model; }
    QTableView& view() const { return *m_view; }
    QPushButton& deliverButton() const { return *m_deliver; }
    QPushButton& refundButton() const { return *m_refund; }
    QPushButton& rejectButton() const { return *m_reject; }
    QPushButton& assignButton() const { return *m_assign; }
    QPushButton& reissueButton() const { return *m_reissue; }
    QComboBox& reasonFilter() const { return *m_reasonFilter; }
    QCheckBox& mineFilter() const { return *m_mine; }
    QLabel& summary() const { return *m_summary; }
    QLabel& emptyState() const { return *m_empty; }
    int running() const { return m_running; }

    // Asks the operator to confirm (title, text); a QMessageBox by default. Tests answer it.
    void setConfirm(std::function<bool(const QString&, const QString&)> confirm)
    {
        m_confirm = std::move(confirm);
    }

    // The actions on the selected orders (each asks what it needs first).
    void deliverSelected();
    void refundSelected();
    void rejectSelected();
    void assignSelected();
    void reissueSelected();
    void createOfflineOrder();

Q_SIGNALS:
    void openOrder(qint64 orderId);

private:
    struct Selected
    {
        qint64 orderId = 0;
        QString orderNo;
        bool handedOver = false;
        qint64 leftUnits = 0;
    };
    QList<Selected> selection() const;
    void updateActions();
    void updateState();
    void refillReasons();
    // Runs `call` on every order; each answer is shown on its row, the summary when all are in.
    void runBatch(
        const QString& verb, const QList<Selected>& orders,
        const std::function<void(const Selected&, std::function<void(models::OrderActionResult)>)>& call);
    void refundOrReject(bool reject);

    models::DataSource& m_source;
    models::OrderActionBackend& m_backend;
    models::ReviewQueueModel* m_model = nullptr;
    QTableView* m_view = nullptr;
    QComboBox* m_reasonFilter = nullptr;
    QCheckBox* m_mine = nullptr;
    QLabel* m_lease = nullptr;
    QLabel* m_count = nullptr;
    QLabel* m_summary = nullptr;
    QLabel* m_empty = nullptr;
    QPushButton* m_deliver = nullptr;
    QPushButton* m_refund = nullptr;
    QPushButton* m_reject = nullptr;
    QPushButton* m_assign = nullptr;
    QPushButton* m_reissue = nullptr;
    QPushButton* m_offline = nullptr;
    std::function<bool(const QString&, const QString&)> m_confirm;
    int m_running = 0;
    bool m_sized = false;
};

} // namespace cardops::ui
