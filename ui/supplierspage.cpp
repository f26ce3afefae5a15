#include "ui/supplierspage.h"

#include "core/csvexport.h"
#include "models/consolebackend.h"
#include "models/supplymodels.h"
#include "ui/resolvepurchasedialog.h"
#include "ui/supplierdiagnosticsdialog.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QShortcut>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>

namespace cardops::ui {

SuppliersPage::SuppliersPage(models::DataSource& source, models::ConsoleBackend& backend, QWidget* parent)
    : Page(parent)
    , m_backend(backend)
    , m_suppliers(new models::SupplierStatusModel(source, this))
    , m_linked(new models::LinkedGoodsModel(source, this))
    , m_unknown(new models::UnknownPurchasesModel(source, this))
    , m_searchDelay(new QTimer(this))
{
    auto* heading = new QLabel(tr("Suppliers"), this);
    heading->setObjectName(QStringLiteral("pageTitle"));
    auto* hint =
        new QLabel(tr("The upstream platforms the shop buys from when its own stock runs out: balance, "
                      "supply prices and stock are read from each supplier and kept here."),
                   this);
    hint->setObjectName(QStringLiteral("pageHint"));
    hint->setWordWrap(true);

    m_refresh = new QPushButton(tr("Refresh balances and catalogues"), this);
    m_refresh->setToolTip(tr("Read every supplier's balance and catalogue now (F5)"));
    auto* refreshKey =
        new QShortcut(QKeySequence::Refresh, this, nullptr, nullptr, Qt::WidgetWithChildrenShortcut);
    connect(refreshKey, &QShortcut::activated, m_refresh, &QPushButton::click);
    m_refreshState = new QLabel(this);
    m_refreshState->setObjectName(QStringLiteral("pageHint"));
    auto* diagnostics = new QPushButton(tr("Diagnostics…"), this);
    diagnostics->setToolTip(tr("The last signed request to the selected supplier and its raw answer"));

    auto* bar = new QHBoxLayout;
    bar->addWidget(m_refresh);
    bar->addWidget(diagnostics);
    bar->addWidget(m_refreshState, 1);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(hint);
    layout->addLayout(bar);
    auto* supplierBox = new QWidget(this);
    buildSuppliers(supplierBox);
    layout->addWidget(supplierBox);
    m_tabs = new QTabWidget(this);
    m_tabs->addTab(buildLinkedTab(), QString());
    m_tabs->addTab(buildUnknownTab(), QString());
    layout->addWidget(m_tabs, 1);

    connect(m_refresh, &QPushButton::clicked, this, [this] {
        m_refresh->setEnabled(false);
        m_refreshState->setText(tr("Asking the suppliers…"));
        m_backend.refreshSuppliers();
    });
    connect(&m_backend, &models::ConsoleBackend::suppliersRefreshed, this, [this](const QString& error) {
        m_refresh->setEnabled(true);
        m_refreshState->setText(
            error.isEmpty()
                ? tr("Refreshed at %1").arg(core::formatShanghaiTime(QDateTime::currentSecsSinceEpoch()))
                : tr("Refresh failed: %1").arg(error));
    });
    connect(diagnostics, &QPushButton::clicked, this, &SuppliersPage::showDiagnostics);
    connect(m_supplierView, &QTableView::doubleClicked, this, &SuppliersPage::showDiagnostics);
    for (models::SnapshotTableModel* m :
         std::initializer_list<models::SnapshotTableModel*>{m_suppliers, m_linked, m_unknown}) {
        connect(m, &models::SnapshotTableModel::loaded, this, [this] {
            updateLabels();
            checkReady();
        });
        connect(m, &models::SnapshotTableModel::loadFailed, this, [this](const QString& detail) {
            m_refreshState->setText(tr("Cannot read the supplier lists: %1").arg(detail));
        });
    }
    updateLabels();
}

QTableView* SuppliersPage::makeTable()
{
    auto* view = new QTableView(this);
    view->horizontalHeader()->setHighlightSections(false);
    view->horizontalHeader()->setStretchLastSection(true);
    view->verticalHeader()->setVisible(false);
    view->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    return view;
}

void SuppliersPage::buildSuppliers(QWidget* box)
{
    m_supplierView = makeTable();
    m_supplierView->setParent(box);
    m_supplierView->setModel(m_suppliers);
    m_noSuppliers =
        new QLabel(tr("No supplier is docked yet. Add the acg-faka or Fulu credentials of the shop in "
                      "Settings; until then the platform delivers from its own stock."),
                   box);
    m_noSuppliers->setObjectName(QStringLiteral("emptyText"));
    m_noSuppliers->setWordWrap(true);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_supplierView);
    layout->addWidget(m_noSuppliers);
}

QWidget* SuppliersPage::buildLinkedTab()
{
    auto* tab = new QWidget(this);
    m_search = new QLineEdit(tab);
    m_search->setPlaceholderText(tr("Search goods name, SKU or supplier product"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(300);
    m_linkedFooter = new QLabel(tab);
    auto* bar = new QHBoxLayout;
    bar->addWidget(m_search);
    bar->addStretch(1);
    bar->addWidget(m_linkedFooter);
    m_linkedView = makeTable();
    m_linkedView->setParent(tab);
    m_linkedView->setModel(m_linked);
    auto* layout = new QVBoxLayout(tab);
    layout->addLayout(bar);
    layout->addWidget(m_linkedView, 1);

    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(250);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_searchDelay, &QTimer::timeout, this, [this] { m_linked->setSearch(m_search->text()); });
    return tab;
}

QWidget* SuppliersPage::buildUnknownTab()
{
    auto* tab = new QWidget(this);
    auto* explanation = new QLabel(
        tr("The answer to these purchases was lost, so nobody knows whether the supplier charged for "
           "them. They are never bought again by themselves. Look each one up by our number in the "
           "supplier's back office, then record what you found."),
        tab);
    explanation->setWordWrap(true);
    explanation->setObjectName(QStringLiteral("pageHint"));
    m_bought = new QPushButton(tr("Bought upstream…"), tab);
    m_bought->setToolTip(tr("The supplier shows the order as paid: enter the cards it delivered"));
    m_notBought = new QPushButton(tr("Not bought…"), tab);
    m_notBought->setToolTip(tr("The supplier has no such order, or it failed and was refunded"));
    auto* bar = new QHBoxLayout;
    bar->addWidget(explanation, 1);
    bar->addWidget(m_bought);
    bar->addWidget(m_notBought);
    m_unknownView = makeTable();
    m_unknownView->setParent(tab);
    m_unknownView->setModel(m_unknown);
    m_unknownEmpty = new QLabel(tr("Nothing waits here: every purchase has a known outcome."), tab);
    m_unknownEmpty->setObjectName(QStringLiteral("emptyText"));
    m_unknownEmpty->setAlignment(Qt::AlignCenter);
    auto* layout = new QVBoxLayout(tab);
    layout->addLayout(bar);
    layout->addWidget(m_unknownView, 1);
    layout->addWidget(m_unknownEmpty, 1);

    const bool may = m_backend.mayResolvePurchases();
    for (QPushButton* b : {m_bought, m_notBought}) {
        b->setEnabled(false);
        if (!may)
            b->setToolTip(tr("Your role may not settle purchases"));
    }
    connect(m_unknownView->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this, may] {
        const bool one = m_unknownView->selectionModel()->selectedRows().size() == 1;
        m_bought->setEnabled(may && one);
        m_notBought->setEnabled(may && one);
    });
    // A commit reads the queue again: the operator's selection stays on the same purchase.
    connect(m_unknown, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        const QModelIndexList rows = m_unknownView->selectionModel()->selectedRows();
        m_selectedPurchase = rows.size() == 1 ? m_unknown->purchase(rows.first().row()).id : 0;
    });
    connect(m_unknown, &QAbstractItemModel::modelReset, this, [this, may] {
        bool kept = false;
        for (int r = 0; r < m_unknown->rowCount() && m_selectedPurchase > 0; ++r)
            if (m_unknown->purchase(r).id == m_selectedPurchase) {
                m_unknownView->selectRow(r);
                kept = true;
                break;
            }
        m_bought->setEnabled(may && kept);
        m_notBought->setEnabled(may && kept);
    });
    connect(m_bought, &QPushButton::clicked, this, [this] { resolveSelected(true); });
    connect(m_notBought, &QPushButton::clicked, this, [this] { resolveSelected(false); });
    return tab;
}

void SuppliersPage::updateLabels()
{
    const bool none = m_suppliers->isLoaded() && m_suppliers->rowCount() == 0;
    m_supplierView->setVisible(!none);
    // As tall as its rows (up to five): the linked goods below get the rest of the page.
    const int shown = std::clamp(m_suppliers->rowCount(), 1, 5);
    m_supplierView->setFixedHeight(m_supplierView->horizontalHeader()->sizeHint().height() +
                                   shown * m_supplierView->verticalHeader()->defaultSectionSize() +
                                   2 * m_supplierView->frameWidth());
    m_noSuppliers->setVisible(none);
    m_tabs->setTabText(LinkedTab, tr("Linked goods (%1)").arg(QLocale().toString(m_linked->rowCount())));
    m_tabs->setTabText(UnknownTab,
                       tr("Purchase outcome unknown (%1)").arg(QLocale().toString(m_unknown->rowCount())));
    const int negative = m_linked->negativeMargins();
    QString footer =
        m_linked->rowCount() >= models::LinkedGoodsModel::Limit
            ? tr("First %1 goods; search to narrow").arg(QLocale().toString(m_linked->rowCount()))
            : tr("%1 goods").arg(QLocale().toString(m_linked->rowCount()));
    if (negative > 0)
        footer += tr(" · %1 sell below the supply price").arg(QLocale().toString(negative));
    m_linkedFooter->setText(footer);
    const bool emptyQueue = m_unknown->isLoaded() && m_unknown->rowCount() == 0;
    m_unknownView->setVisible(!emptyQueue);
    m_unknownEmpty->setVisible(emptyQueue);
    // Each table fits its columns to the first rows it shows.
    for (QTableView* v : {m_supplierView, m_linkedView, m_unknownView}) {
        if (m_sized.contains(v) || v->model()->rowCount() == 0)
            continue;
        m_sized.insert(v);
        v->resizeColumnsToContents();
        for (int c = 0; c < v->model()->columnCount(); ++c)
            v->setColumnWidth(c, std::clamp(v->columnWidth(c) + 16, 72, 230));
    }
}

void SuppliersPage::checkReady()
{
    if (!m_ready && m_suppliers->isLoaded() && m_linked->isLoaded() && m_unknown->isLoaded()) {
        m_ready = true;
        Q_EMIT ready();
    }
}

qint64 SuppliersPage::mainRows() const
{
    return m_linked->rowCount();
}

bool SuppliersPage::isReady() const
{
    return m_ready;
}

void SuppliersPage::focusSearch()
{
    m_tabs->setCurrentIndex(LinkedTab);
    m_search->setFocus();
    m_search->selectAll();
}

void SuppliersPage::applyFilter(const QString& filter)
{
    m_tabs->setCurrentIndex(filter == u"unknown" ? UnknownTab : LinkedTab);
}

void SuppliersPage::showDiagnostics()
{
    if (m_suppliers->rowCount() == 0)
        return;
    const QModelIndexList rows = m_supplierView->selectionModel()->selectedRows();
    const int row = rows.isEmpty() ? 0 : rows.first().row();
    const auto& status = m_suppliers->status(row);
    auto* dialog =
        new SupplierDiagnosticsDialog(status, m_backend.supplierExchange(status.supplierId),
                                      models::SupplierStatusModel::protocolName(status.protocol), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void SuppliersPage::resolveSelected(bool bought)
{
    const QModelIndexList rows = m_unknownView->selectionModel()->selectedRows();
    if (rows.size() != 1 || !m_backend.mayResolvePurchases())
        return;
    const storage::PurchaseRecord purchase = m_unknown->purchase(rows.first().row());
    auto* dialog = new ResolvePurchaseDialog(purchase, bought, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, purchase, bought] {
        m_backend.resolvePurchase(purchase.id, bought, dialog->cardText(), dialog->note(), this,
                                  [this](const QString& error) {
                                      if (!error.isEmpty())
                                          QMessageBox::warning(this, tr("Not recorded"), error);
                                  });
    });
    dialog->open();
}

} // namespace cardops::ui
