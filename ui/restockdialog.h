#pragma once

#include "models/restockinfo.h"

#include <QDialog>

class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace cardops::models {
class DataSource;
class RestockBackend;
} // namespace cardops::models

namespace cardops::ui {

// 补货 for one goods (issue #9 item 5): its stock against the threshold and the alert, the restock
// suggestion with its formula beside the naive "last 7 days" figure, the agents who resell it (middle
// and high tiers first), and 一键补货: buy the chosen quantity from the goods' first supplier link
// and upload the cards to the platform's stock. Not modal; one per goods.
class RestockDialog : public QDialog
{
    Q_OBJECT
public:
    // `backend` may be null (no platform or supplier): the figures show, buying is off with the reason.
    RestockDialog(models::DataSource& source, models::RestockBackend* backend, qint64 goodsId,
                  QWidget* parent = nullptr);

    const models::RestockInfo& info() const { return m_info; }
    bool isLoaded() const { return m_loaded; }
    QSpinBox& quantity() const { return *m_quantity; }
    QPushButton& restockButton() const { return *m_restock; }
    QTableWidget& resellers() const { return *m_resellers; }
    QLabel& result() const { return *m_result; }
    QLabel& suggestionText() const { return *m_suggestion; }

    // Runs 一键补货 with the chosen quantity (the button's action), without asking.
    void restockNow();

Q_SIGNALS:
    void loaded();
    void restocked(bool ok);

private:
    void present(const models::RestockInfo& info);
    void updateTotal();
    void reload();

    models::DataSource& m_source;
    models::RestockBackend* m_backend = nullptr;
    qint64 m_goodsId = 0;
    models::RestockInfo m_info;
    bool m_loaded = false;
    QLabel* m_heading = nullptr;
    QLabel* m_stock = nullptr;
    QLabel* m_supplier = nullptr;
    QLabel* m_suggestion = nullptr;
    QLabel* m_baseline = nullptr;
    QTableWidget* m_resellers = nullptr;
    QSpinBox* m_quantity = nullptr;
    QLabel* m_total = nullptr;
    QPushButton* m_restock = nullptr;
    QProgressBar* m_busy = nullptr;
    QLabel* m_result = nullptr;
};

} // namespace cardops::ui
