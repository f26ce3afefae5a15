#pragma once

#include "storage/orderqueries.h"
#include "ui/page.h"

class QLabel;
class QMenu;
class QPushButton;
class QTabBar;
class QTableView;
class QToolButton;

namespace cardops::models {
class DataSource;
class OrdersModel;
} // namespace cardops::models

namespace cardops::ui {

class OrderFilterBar;

// 订单: status tabs with live counts, combinable and savable filters, a table over a million
// orders that never shifts under the cursor (new orders wait behind a bar), sorting on indexed
// columns, a column chooser, keyboard navigation, copy of selected rows, and the order detail on
// Enter or a double click. UI thread.
class OrdersPage : public Page
{
    Q_OBJECT
public:
    explicit OrdersPage(models::DataSource& source, QWidget* parent = nullptr);

    models::OrdersModel& model() const { return *m_model; }
    QTableView& view() const { return *m_view; }
    OrderFilterBar& filterBar() const { return *m_filters; }
    QTabBar& tabs() const { return *m_tabs; }
    QPushButton& newOrdersBar() const { return *m_newOrders; }
    qint64 mainRows() const override;
    bool isReady() const override;
    void focusSearch() override;
    // Work-bench tiles: an order status opens its tab.
    void applyFilter(const QString& filter) override;
    // Shows the orders of `filter` (its tab and conditions), e.g. the orders behind a dashboard bar.
    void showFilter(const storage::OrderFilter& filter);
    void setColumnVisible(const QString& id, bool visible);

Q_SIGNALS:
    void openOrder(qint64 orderId);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void buildTable();
    void updateFooter();
    void updateTabs(const QList<qint64>& counts);
    void fillColumnMenu();
    void openCurrent();
    void copySelection();
    void saveColumns() const;
    void restoreColumns();

    models::OrdersModel* m_model = nullptr;
    QTabBar* m_tabs = nullptr;
    OrderFilterBar* m_filters = nullptr;
    QPushButton* m_newOrders = nullptr;
    QTableView* m_view = nullptr;
    QToolButton* m_columnsButton = nullptr;
    QMenu* m_columnMenu = nullptr;
    QLabel* m_footer = nullptr;
    QString m_note; // a passing message in the footer (what was copied, …)
    bool m_ready = false;
    bool m_sized = false;
};

} // namespace cardops::ui
