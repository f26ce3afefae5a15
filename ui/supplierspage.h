#pragma once

#include "ui/page.h"

#include <QSet>

class QLabel;
class QLineEdit;
class QPushButton;
class QTabWidget;
class QTableView;
class QTimer;

namespace cardops::models {
class ConsoleBackend;
class DataSource;
class LinkedGoodsModel;
class SupplierStatusModel;
class UnknownPurchasesModel;
} // namespace cardops::models

namespace cardops::ui {

// 货源: the docked suppliers with balance and state (and each one's diagnostics), the goods
// linked to supplier products with their margins, and 采购结果未知 — purchases whose answer was
// lost, settled here by an operator who checked on the supplier. UI thread.
class SuppliersPage : public Page
{
    Q_OBJECT
public:
    enum Tab { LinkedTab, UnknownTab };

    SuppliersPage(models::DataSource& source, models::ConsoleBackend& backend, QWidget* parent = nullptr);

    qint64 mainRows() const override;
    bool isReady() const override;
    void focusSearch() override;
    // "unknown" opens the unknown-outcome queue; "suppliers" the linked goods.
    void applyFilter(const QString& filter) override;

    models::SupplierStatusModel& suppliers() const { return *m_suppliers; }
    models::LinkedGoodsModel& linked() const { return *m_linked; }
    models::UnknownPurchasesModel& unknown() const { return *m_unknown; }
    QTabWidget& tabs() const { return *m_tabs; }
    QTableView& unknownView() const { return *m_unknownView; }
    QTableView& supplierView() const { return *m_supplierView; }

    // Settles the selected unknown purchase (asks for the card text and a note first).
    void resolveSelected(bool bought);
    // Opens the diagnostics of the selected supplier (or the first one).
    void showDiagnostics();

private:
    QTableView* makeTable();
    void buildSuppliers(QWidget* box);
    QWidget* buildLinkedTab();
    QWidget* buildUnknownTab();
    void updateLabels();
    void checkReady();

    models::ConsoleBackend& m_backend;
    models::SupplierStatusModel* m_suppliers = nullptr;
    models::LinkedGoodsModel* m_linked = nullptr;
    models::UnknownPurchasesModel* m_unknown = nullptr;
    QTableView* m_supplierView = nullptr;
    QTableView* m_linkedView = nullptr;
    QTableView* m_unknownView = nullptr;
    QLabel* m_noSuppliers = nullptr;
    QLabel* m_refreshState = nullptr;
    QLabel* m_linkedFooter = nullptr;
    QLabel* m_unknownEmpty = nullptr;
    QLineEdit* m_search = nullptr;
    QPushButton* m_refresh = nullptr;
    QPushButton* m_bought = nullptr;
    QPushButton* m_notBought = nullptr;
    QTabWidget* m_tabs = nullptr;
    QTimer* m_searchDelay = nullptr;
    bool m_ready = false;
    QSet<const QTableView*> m_sized;
    qint64 m_selectedPurchase = 0;
};

} // namespace cardops::ui
