#include "ui/orderspage.h"

#include "models/listpresentation.h"
#include "models/ordersmodel.h"
#include "ui/orderfilterbar.h"
#include "ui/tablecopy.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QShortcut>
#include <QTabBar>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace cardops::ui {

namespace {

const QString kHiddenColumnsKey = u"orders/hidden_columns"_s;
constexpr storage::OrderTab kTabs[] = {storage::OrderTab::All,       storage::OrderTab::Pending,
                                       storage::OrderTab::Review,    storage::OrderTab::Delivering,
                                       storage::OrderTab::Delivered, storage::OrderTab::Refunded};

QString tabTitle(storage::OrderTab tab)
{
    switch (tab) {
    case storage::OrderTab::All:
        return OrdersPage::tr("All");
    case storage::OrderTab::Pending:
        return OrdersPage::tr("To process");
    case storage::OrderTab::Review:
        return OrdersPage::tr("In review");
    case storage::OrderTab::Delivering:
        return OrdersPage::tr("Delivering");
    case storage::OrderTab::Delivered:
        return OrdersPage::tr("Delivered");
    case storage::OrderTab::Refunded:
        return OrdersPage::tr("Refunded");
    }
    return {};
}

} // namespace

OrdersPage::OrdersPage(models::DataSource& source, QWidget* parent)
    : Page(parent)
    , m_model(new models::OrdersModel(source, this))
    , m_tabs(new QTabBar(this))
    , m_filters(new OrderFilterBar(&source, this))
    , m_newOrders(new QPushButton(this))
    , m_view(new QTableView(this))
    , m_columnsButton(new QToolButton(this))
    , m_columnMenu(new QMenu(this))
    , m_footer(new QLabel(this))
{
    auto* heading = new QLabel(tr("Orders"), this);
    heading->setObjectName(u"pageTitle"_s);

    for (storage::OrderTab tab : kTabs)
        m_tabs->addTab(tabTitle(tab));
    m_tabs->setDrawBase(false);
    m_tabs->setExpanding(false);
    for (int i = 0; i < m_tabs->count(); ++i) {
        auto* shortcut = new QShortcut(QKeySequence(Qt::ALT | Qt::Key(Qt::Key_1 + i)), this);
        connect(shortcut, &QShortcut::activated, m_tabs, [this, i] { m_tabs->setCurrentIndex(i); });
        m_tabs->setTabToolTip(i, tr("Alt+%1").arg(i + 1));
    }

    m_newOrders->setObjectName(u"newOrdersBar"_s);
    m_newOrders->setCursor(Qt::PointingHandCursor);
    m_newOrders->setToolTip(tr("Show them (Ctrl+R); the list starts again at the top"));
    m_newOrders->hide();
    auto* showNew = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_R), this);
    connect(showNew, &QShortcut::activated, m_newOrders, &QPushButton::click);

    m_columnsButton->setText(tr("Columns"));
    m_columnsButton->setToolTip(tr("Choose the columns shown (also from the header's menu)"));
    m_columnsButton->setPopupMode(QToolButton::InstantPopup);
    m_columnsButton->setMinimumWidth(84);
    m_columnsButton->setMenu(m_columnMenu);

    auto* top = new QHBoxLayout;
    top->addWidget(heading);
    top->addSpacing(16);
    top->addWidget(m_tabs);
    top->addStretch(1);
    auto* status = new QHBoxLayout;
    status->addWidget(m_footer);
    status->addStretch(1);
    status->addWidget(m_columnsButton);

    buildTable();

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_filters);
    layout->addWidget(m_newOrders);
    layout->addLayout(status);
    layout->addWidget(m_view, 1);

    connect(m_tabs, &QTabBar::currentChanged, this,
            [this](int i) { m_model->setTab(kTabs[std::clamp(i, 0, int(std::size(kTabs)) - 1)]); });
    connect(m_filters, &OrderFilterBar::filterChanged, this, [this](const storage::OrderFilter& f) {
        storage::OrderFilter withTab = f;
        withTab.tab = m_model->query().filter.tab;
        m_model->setFilter(withTab);
    });
    connect(m_newOrders, &QPushButton::clicked, this, [this] {
        m_model->showNewOrders();
        m_view->scrollToTop();
    });
    connect(m_model, &models::OrdersModel::newOrdersChanged, this, [this](qint64 n) {
        m_newOrders->setText(tr("%1 new orders, click to show them").arg(QLocale().toString(n)));
        m_newOrders->setVisible(n > 0);
    });
    connect(m_model, &models::OrdersModel::tabCountsChanged, this, &OrdersPage::updateTabs);
    connect(m_model, &models::OrdersModel::countChanged, this, [this] {
        updateFooter();
        if (m_model->totalCount() == 0 && !m_ready) {
            m_ready = true;
            Q_EMIT ready();
        }
    });
    connect(m_model, &models::OrdersModel::modelReset, this, [this] {
        m_note.clear();
        updateFooter();
        // The sort a filter imposes (a prefix sorts by its column) shows in the header.
        QSignalBlocker block(m_view->horizontalHeader());
        m_view->horizontalHeader()->setSortIndicator(m_model->sortColumn(), m_model->sortOrder());
    });
    connect(m_model, &models::OrdersModel::rowsLoaded, this, [this](int first, int) {
        if (first == 0 && !m_sized) {
            m_sized = true;
            m_view->resizeColumnsToContents();
            for (int c = 0; c < m_model->columnCount(); ++c)
                m_view->setColumnWidth(c, std::clamp(m_view->columnWidth(c) + 16, 64, 320));
        }
        if (!m_ready) {
            m_ready = true;
            Q_EMIT ready();
        }
    });
    connect(m_model, &models::OrdersModel::loadFailed, this, [this](const QString& detail) {
        m_footer->setText(tr("Cannot read the orders: %1").arg(detail));
    });
    updateFooter();
}

void OrdersPage::buildTable()
{
    m_view->setModel(m_model);
    QHeaderView* header = m_view->horizontalHeader();
    header->setSortIndicator(m_model->sortColumn(), m_model->sortOrder());
    m_view->setSortingEnabled(true);
    header->setHighlightSections(false);
    header->setSectionsMovable(true);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->verticalHeader()->setVisible(false);
    m_view->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setTabKeyNavigation(false);
    m_view->installEventFilter(this);
    restoreColumns();
    fillColumnMenu();

    connect(header, &QHeaderView::customContextMenuRequested, this,
            [this](const QPoint& at) { m_columnMenu->popup(m_view->horizontalHeader()->mapToGlobal(at)); });
    connect(header, &QHeaderView::sortIndicatorChanged, this, [this](int column, Qt::SortOrder) {
        if (!m_model->isSortable(column)) {
            QSignalBlocker block(m_view->horizontalHeader());
            m_view->horizontalHeader()->setSortIndicator(m_model->sortColumn(), m_model->sortOrder());
        }
    });
    connect(m_view, &QTableView::doubleClicked, this, [this] { openCurrent(); });
}

void OrdersPage::fillColumnMenu()
{
    m_columnMenu->clear();
    for (int c = 1; c < m_model->columnCount(); ++c) { // the id (column 0) is the order's key
        const QString id = m_model->columnId(c);
        QAction* action =
            m_columnMenu->addAction(models::ListPresentation::columnTitle(storage::ListKind::Orders, id));
        action->setCheckable(true);
        action->setChecked(!m_view->isColumnHidden(c));
        connect(action, &QAction::toggled, this, [this, id](bool on) { setColumnVisible(id, on); });
    }
    m_columnMenu->addSeparator();
    connect(m_columnMenu->addAction(tr("Default columns")), &QAction::triggered, this, [this] {
        QSettings().remove(kHiddenColumnsKey);
        restoreColumns();
        fillColumnMenu();
    });
}

void OrdersPage::setColumnVisible(const QString& id, bool visible)
{
    const int c = m_model->columnOf(id);
    if (c <= 0)
        return;
    // The last visible column stays: a table with no column is no use.
    int shown = 0;
    for (int i = 0; i < m_model->columnCount(); ++i)
        shown += m_view->isColumnHidden(i) ? 0 : 1;
    if (!visible && shown <= 1)
        return;
    m_view->setColumnHidden(c, !visible);
    saveColumns();
}

void OrdersPage::saveColumns() const
{
    QStringList hidden;
    for (int c = 1; c < m_model->columnCount(); ++c)
        if (m_view->isColumnHidden(c))
            hidden << m_model->columnId(c);
    QSettings().setValue(kHiddenColumnsKey, hidden);
}

void OrdersPage::restoreColumns()
{
    const QVariant saved = QSettings().value(kHiddenColumnsKey);
    const QStringList defaults = storage::orderqueries::defaultVisibleColumns();
    const QStringList hidden = saved.isValid() ? saved.toStringList() : QStringList();
    for (int c = 0; c < m_model->columnCount(); ++c) {
        const QString id = m_model->columnId(c);
        const bool visible = saved.isValid() ? c > 0 && !hidden.contains(id) : defaults.contains(id);
        m_view->setColumnHidden(c, !visible);
    }
}

void OrdersPage::updateTabs(const QList<qint64>& counts)
{
    for (int i = 0; i < m_tabs->count() && i < counts.size(); ++i)
        m_tabs->setTabText(i, tr("%1 (%2)").arg(tabTitle(kTabs[i]), QLocale().toString(counts[i])));
}

qint64 OrdersPage::mainRows() const
{
    return std::max<qint64>(m_model->totalCount(), 0);
}

bool OrdersPage::isReady() const
{
    return m_model->showsFirstRows();
}

void OrdersPage::focusSearch()
{
    m_filters->focusFirst();
}

void OrdersPage::applyFilter(const QString& filter)
{
    if (filter == u"review")
        m_tabs->setCurrentIndex(2);
    else if (filter == u"handed_over" || filter == u"paid")
        m_tabs->setCurrentIndex(1);
    else if (filter == u"delivering")
        m_tabs->setCurrentIndex(3);
    else if (filter == u"delivered")
        m_tabs->setCurrentIndex(4);
    else if (filter == u"refunded")
        m_tabs->setCurrentIndex(5);
    else
        m_tabs->setCurrentIndex(0);
}

void OrdersPage::showFilter(const storage::OrderFilter& filter)
{
    const auto* tab = std::find(std::begin(kTabs), std::end(kTabs), filter.tab);
    m_tabs->setCurrentIndex(tab != std::end(kTabs) ? int(tab - std::begin(kTabs)) : 0);
    m_filters->setFilter(filter);
}

void OrdersPage::updateFooter()
{
    const qint64 count = m_model->totalCount();
    if (!m_note.isEmpty())
        m_footer->setText(m_note);
    else if (count < 0)
        m_footer->setText(tr("Counting…"));
    else if (count == 0)
        m_footer->setText(m_model->query().filter.hasConditions() ? tr("No order matches the filters.")
                                                                  : tr("No orders here yet."));
    else
        m_footer->setText(tr("%1 orders").arg(QLocale().toString(count)));
}

void OrdersPage::openCurrent()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        return;
    const QVariant key = m_model->rowKey(current.row());
    if (key.isValid())
        Q_EMIT openOrder(key.toLongLong());
}

void OrdersPage::copySelection()
{
    const CopiedRows copied = copySelectedRows(*m_view, *m_model);
    m_note = copied.notLoaded > 0
                 ? tr("Copied %1 rows; %2 rows not loaded yet were left out.")
                       .arg(QLocale().toString(copied.copied), QLocale().toString(copied.notLoaded))
                 : tr("Copied %1 rows.").arg(QLocale().toString(copied.copied));
    updateFooter();
}

bool OrdersPage::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_view && event->type() == QEvent::KeyPress) {
        auto* key = static_cast<QKeyEvent*>(event);
        if (key->matches(QKeySequence::Copy)) {
            copySelection();
            return true;
        }
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            openCurrent();
            return true;
        }
    }
    return Page::eventFilter(watched, event);
}

} // namespace cardops::ui
