#pragma once

#include <QDialog>
#include <QHash>

class QGridLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QTabWidget;
class QTableWidget;
class QVBoxLayout;

namespace cardops::models {
class ConsoleBackend;
class DataSource;
class MemberDetailLoader;
} // namespace cardops::models

namespace cardops::ui {

// One member (issue #10 item 1), non-modal: the header (name, id, kind, tier, parent — a link that
// emits openMember —, contact, balance, registration, editable tags staged through the outbox), the
// figures (orders, spend, refunds, average order, first and last order, RFM and segment), and tabs:
// 订单 (newest orders; double click emits openOrder), 余额流水 (the ledger a page at a time, with the
// balance after each entry), 合同价 (enterprise members), 下级 (a placeholder the lead fills with
// setDownlineWidget). Enterprise members get 批量下单 and 合同价 buttons. Read on the loader thread.
class MemberDetailDialog : public QDialog
{
    Q_OBJECT
public:
    MemberDetailDialog(models::DataSource& source, models::ConsoleBackend& backend, qint64 memberId,
                       QWidget* parent = nullptr);

    qint64 memberId() const { return m_memberId; }
    // Puts `w` on the 下级 tab (the dialog takes it), replacing the placeholder.
    void setDownlineWidget(QWidget* w);

    // For tests and the lead: the loader, a figure's text by key (orders, spend, refunds, average,
    // first_order, last_order, rfm, segment, name, id, kind, tier, parent, contact, balance,
    // registered), and the parts an operator uses.
    models::MemberDetailLoader& loader() const { return *m_loader; }
    QString figureText(const QString& key) const;
    QLabel* figureLabel(const QString& key) const { return m_figures.value(key); }
    QPushButton& batchOrderButton() const { return *m_batch; }
    QPushButton& contractPricesButton() const { return *m_contractButton; }
    QLineEdit& tagsField() const { return *m_tags; }
    QPushButton& saveTagsButton() const { return *m_saveTags; }
    QTableWidget& ordersTable() const { return *m_orders; }
    QTableWidget& ledgerTable() const { return *m_ledger; }
    QTableWidget& contractTable() const { return *m_contract; }
    QTabWidget& tabs() const { return *m_tabs; }
    QLabel& statusLabel() const { return *m_status; }
    bool isLoaded() const;

Q_SIGNALS:
    void loaded();
    void openOrder(qint64 orderId);
    void openMember(qint64 memberId);
    void batchOrderRequested(qint64 memberId);
    void contractPricesRequested(qint64 memberId);

private:
    QLabel* addFigure(QGridLayout* grid, int row, int column, const QString& key, const QString& title);
    void showDetail();
    void showLedger();
    void saveTags();
    QTableWidget* makeTable(const QStringList& headers);

    models::DataSource& m_source;
    models::ConsoleBackend& m_backend;
    qint64 m_memberId = 0;
    models::MemberDetailLoader* m_loader = nullptr;
    QHash<QString, QLabel*> m_figures;
    QLineEdit* m_tags = nullptr;
    QPushButton* m_saveTags = nullptr;
    QPushButton* m_batch = nullptr;
    QPushButton* m_contractButton = nullptr;
    QTabWidget* m_tabs = nullptr;
    QTableWidget* m_orders = nullptr;
    QTableWidget* m_ledger = nullptr;
    QTableWidget* m_contract = nullptr;
    QWidget* m_contractPage = nullptr;
    QWidget* m_downlinePage = nullptr;
    QVBoxLayout* m_downlineLayout = nullptr;
    QWidget* m_downlinePlaceholder = nullptr;
    QPushButton* m_ledgerNewer = nullptr;
    QPushButton* m_ledgerOlder = nullptr;
    QLabel* m_ledgerPosition = nullptr;
    QLabel* m_status = nullptr;
    bool m_tagsDirty = false;
};

} // namespace cardops::ui
