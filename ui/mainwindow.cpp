#include "ui/mainwindow.h"

#include "core/csvexport.h"
#include "core/stocknotices.h"
#include "models/consolebackend.h"
#include "models/consolestate.h"
#include "models/datasource.h"
#include "models/fulfilmentcontrol.h"
#include "models/ordersmodel.h"
#include "ui/diagnosticsdialog.h"
#include "ui/dashboard/dashboardpage.h"
#include "ui/exportdialog.h"
#include "ui/financepage.h"
#include "ui/fulfilmentpage.h"
#include "ui/goodseditordialog.h"
#include "ui/goodspage.h"
#include "ui/listpage.h"
#include "ui/memberspage.h"
#include "ui/orderdetaildialog.h"
#include "ui/orderspage.h"
#include "ui/settingspage.h"
#include "ui/supplierspage.h"
#include "ui/traynotifier.h"
#include "ui/weeklyreportdialog.h"
#include "ui/watermark.h"
#include "ui/workbenchpage.h"

#include <QAction>
#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>

namespace cardops::ui {

MainWindow::MainWindow(models::DataSource& source, models::ConsoleBackend& backend, QWidget* parent)
    : QMainWindow(parent)
    , m_source(source)
    , m_backend(backend)
    , m_state(new models::ConsoleState(source, this))
{
    setWindowTitle(backend.isDemo() ? tr("CardOps · Demo data")
                                    : tr("CardOps · %1").arg(backend.profileName()));
    auto* central = new QWidget(this);
    auto* layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_nav = new QListWidget(central);
    m_nav->setObjectName(QStringLiteral("navigation"));
    m_stack = new QStackedWidget(central);
    m_stack->setObjectName(QStringLiteral("pages"));
    layout->addWidget(m_nav);
    layout->addWidget(m_stack, 1);
    setCentralWidget(central);

    buildNavigation();
    buildStatusBar();
    buildActions();
    buildNotifications();
    if (backend.isDemo())
        new Watermark(tr("Demo data"), m_stack);

    connect(m_state, &models::ConsoleState::changed, this, &MainWindow::updateStatus);
    connect(&backend, &models::ConsoleBackend::syncStarted, this, [this] {
        m_link = Link::Syncing;
        m_syncText = tr("Syncing…");
        m_progress->setRange(0, 0);
        m_progress->show();
        updateStatus();
    });
    connect(&backend, &models::ConsoleBackend::syncProgress, this,
            [this](const QString& feed, qint64 items, double perSecond) {
                m_syncText =
                    tr("Syncing %1: %2 received (%3/s)")
                        .arg(feed, QLocale().toString(items), QLocale().toString(qRound64(perSecond)));
                updateStatus();
            });
    connect(&backend, &models::ConsoleBackend::syncFinished, this,
            [this](bool ok, bool offline, const QString& error) {
                m_link = ok ? Link::Online : offline ? Link::Offline : Link::Failed;
                m_syncText = ok ? QString() : error;
                m_progress->hide();
                // The sync committed through the writer; show its result without waiting.
                m_source.notifyChanged({QStringLiteral("sync_state"), QStringLiteral("counters")});
                updateStatus();
            });
    connect(&backend, &models::ConsoleBackend::cacheDamaged, this, [this](const QString& reason) {
        m_link = Link::Failed;
        m_syncText = tr("The cache is damaged: %1").arg(reason);
        updateStatus();
        auto* box =
            new QMessageBox(QMessageBox::Critical, tr("The local cache is damaged"),
                            tr("%1\n\nCardOps shows what it can read and will not write to this file. "
                               "Restore a backup, or remove the profile in Settings and connect again: the "
                               "platform keeps all of the shop's data.")
                                .arg(reason),
                            QMessageBox::Ok, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
    updateStatus();
    resize(1280, 800);
}

MainWindow::~MainWindow() = default;

void MainWindow::addPage(PageId id, Page* page, const QString& label)
{
    m_pages.insert(id, page);
    m_order.append(id);
    m_stack->addWidget(page);
    auto* item = new QListWidgetItem(label, m_nav);
    item->setSizeHint(QSize(0, 40));
    connect(page, &Page::openPage, this,
            [this](PageId target, const QString& filter) { showPage(target, filter); });
}

void MainWindow::openOrder(qint64 orderId)
{
    // One window an order, several side by side; each closes on its own.
    auto* dialog = new OrderDetailDialog(m_source, m_backend, orderId, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setModal(false);
    dialog->show();
}

void MainWindow::buildNavigation()
{
    addPage(PageId::Workbench, new WorkbenchPage(*m_state, m_stack), tr("Work bench"));
    auto* orders = new OrdersPage(m_source, m_stack);
    addPage(PageId::Orders, orders, tr("Orders"));
    connect(orders, &OrdersPage::openOrder, this, &MainWindow::openOrder);
    auto* fulfilment = new FulfilmentPage(m_source, m_backend, m_stack);
    addPage(PageId::Fulfilment, fulfilment, tr("Fulfilment"));
    connect(fulfilment, &FulfilmentPage::openOrder, this, &MainWindow::openOrder);
    auto* goods = new GoodsPage(m_source, m_stack);
    goods->setActor(m_backend.actor());
    goods->setBackend(&m_backend);
    connect(goods, &GoodsPage::openGoods, this,
            [this](qint64 id) { GoodsEditorDialog::open(m_source, m_backend.actor(), id, this); });
    addPage(PageId::Goods, goods, tr("Goods"));
    auto* members = new MembersPage(m_source, m_backend, m_stack);
    connect(members, &MembersPage::openOrder, this, &MainWindow::openOrder);
    addPage(PageId::Members, members, tr("Members and tiers"));
    addPage(PageId::Suppliers, new SuppliersPage(m_source, m_backend, m_stack), tr("Suppliers"));
    addPage(PageId::Finance, new FinancePage(m_source, m_backend, m_stack), tr("Finance"));
    auto* dashboard = new DashboardPage(m_source, m_stack);
    connect(dashboard, &DashboardPage::openOrders, this, [this, orders](const storage::OrderFilter& filter) {
        showPage(PageId::Orders);
        orders->showFilter(filter);
    });
    addPage(PageId::Dashboard, dashboard, tr("Dashboard"));
    addPage(PageId::AuditLog,
            new ListPage(m_source, storage::ListKind::AuditLog, tr("Audit log"),
                         tr("Who changed what and when; the log cannot be edited or deleted."), m_stack),
            tr("Audit log"));
    auto* settings = new SettingsPage(m_backend, m_stack);
    addPage(PageId::Settings, settings, tr("Settings"));

    connect(static_cast<WorkbenchPage*>(m_pages.value(PageId::Workbench)),
            &WorkbenchPage::diagnosticsRequested, this, &MainWindow::openDiagnostics);
    connect(m_nav, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);
    m_nav->setCurrentRow(0);
}

void MainWindow::buildNotifications()
{
    auto* tray = new TrayNotifier(windowIcon(), this);
    connect(tray, &TrayNotifier::showWindowRequested, this, [this] {
        showNormal();
        raise();
        activateWindow();
    });
    connect(tray, &TrayNotifier::quitRequested, this, &QWidget::close);
    connect(tray, &TrayNotifier::activated, this, [this](qint64 orderId) {
        showNormal();
        raise();
        if (orderId > 0)
            openOrder(orderId);
        else if (m_lastTrayKind == core::Notification::Kind::LowStock)
            showPage(PageId::Goods, QStringLiteral("low_stock"));
    });
    connect(&m_backend, &models::ConsoleBackend::stockAlertsChanged, tray,
            [this, tray](const QList<core::LowStockNotice>& alerts) {
                const std::optional<core::Notification> n =
                    core::StockNotices::lowStock(alerts, QDateTime::currentSecsSinceEpoch());
                if (!n)
                    return;
                m_lastTrayKind = n->kind;
                tray->show(*n);
            });
    connect(tray, &TrayNotifier::statusMessage, this,
            [this](const QString& text, qint64) { statusBar()->showMessage(text, 15000); });
    if (models::FulfilmentControl* control = m_backend.fulfilment())
        connect(control, &models::FulfilmentControl::notice, tray,
                [this, tray](int kind, const QString& title, const QString& text, qint64 orderId) {
                    core::Notification n;
                    n.kind = static_cast<core::Notification::Kind>(kind);
                    n.title = title;
                    n.text = text;
                    n.orderId = orderId;
                    n.at = QDateTime::currentSecsSinceEpoch();
                    m_lastTrayKind = n.kind;
                    tray->show(n);
                });
}

void MainWindow::buildStatusBar()
{
    m_profile = new QLabel(this);
    m_connection = new QLabel(this);
    m_lastSync = new QLabel(this);
    m_lease = new QLabel(this);
    auto* clock = new QTimer(this);
    clock->setInterval(StatusRefreshMs);
    connect(clock, &QTimer::timeout, this, &MainWindow::updateStatus);
    clock->start();
    m_outbox = new QLabel(this);
    m_progress = new QProgressBar(this);
    m_progress->setMaximumWidth(140);
    m_progress->setTextVisible(false);
    m_progress->hide();
    for (QLabel* l : {m_profile, m_connection, m_lastSync, m_lease, m_outbox})
        statusBar()->addWidget(l);
    statusBar()->addPermanentWidget(m_progress);
}

void MainWindow::buildActions()
{
    auto* view = menuBar()->addMenu(tr("&View"));
    for (int i = 0; i < m_order.size(); ++i) {
        auto* go = view->addAction(m_nav->item(i)->text());
        if (i < 10) // Ctrl+1 … Ctrl+9, then Ctrl+0 for the tenth
            go->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(i == 9 ? Qt::Key_0 : Qt::Key_1 + i)));
        connect(go, &QAction::triggered, this, [this, i] { m_nav->setCurrentRow(i); });
    }
    auto* search = view->addAction(tr("Search in this page"));
    search->setShortcut(QKeySequence::Find);
    connect(search, &QAction::triggered, this, [this] {
        if (Page* p = page(currentPage()))
            p->focusSearch();
    });
    auto* syncMenu = menuBar()->addMenu(tr("&Sync"));
    auto* syncNow = syncMenu->addAction(tr("Sync now"));
    syncNow->setShortcut(QKeySequence::Refresh);
    connect(syncNow, &QAction::triggered, this, [this] {
        if (Page* p = page(currentPage()); p && p->refreshPage())
            return;
        m_backend.syncNow();
    });
    auto* diagnostics = syncMenu->addAction(tr("Diagnostics…"));
    diagnostics->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    connect(diagnostics, &QAction::triggered, this, &MainWindow::openDiagnostics);
    buildReportActions();
}

void MainWindow::buildReportActions()
{
    auto* reports = menuBar()->addMenu(tr("&Reports"));
    auto* orders = reports->addAction(tr("Export orders as CSV…"));
    orders->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    connect(orders, &QAction::triggered, this, [this] {
        auto* page = static_cast<OrdersPage*>(m_pages.value(PageId::Orders));
        ExportDialog::exportOrders(m_source, page ? page->model().query().filter : storage::OrderFilter{}, this);
    });
    auto* commissions = reports->addAction(tr("Export commissions as CSV…"));
    connect(commissions, &QAction::triggered, this, [this] { ExportDialog::exportCommissions(m_source, this); });
    reports->addSeparator();
    auto* weekly = reports->addAction(tr("Weekly operations report…"));
    weekly->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    connect(weekly, &QAction::triggered, this, [this] {
        auto* dialog = new WeeklyReportDialog(m_source.databasePath(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
}

void MainWindow::showPage(PageId id, const QString& filter)
{
    const qsizetype row = m_order.indexOf(id);
    if (row < 0)
        return;
    m_nav->setCurrentRow(int(row));
    if (Page* target = m_pages.value(id); target && !filter.isEmpty())
        target->applyFilter(filter);
}

PageId MainWindow::currentPage() const
{
    return m_order.value(m_nav->currentRow(), PageId::Workbench);
}

Page* MainWindow::page(PageId id) const
{
    return m_pages.value(id);
}

void MainWindow::openDiagnostics()
{
    auto* dialog = new DiagnosticsDialog(m_source, m_backend, m_state->status(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void MainWindow::updateStatus()
{
    const auto& s = m_state->status();
    m_profile->setText(m_backend.isDemo() ? tr("Profile: demo (simulator)")
                                          : tr("Profile: %1").arg(m_backend.profileName()));
    QString link;
    switch (m_link) {
    case Link::Unknown:
        link = s.lastError.isEmpty() ? tr("Connection: not checked yet") : tr("Connection: last sync failed");
        break;
    case Link::Syncing:
        link = m_syncText;
        break;
    case Link::Online:
        link = tr("Connection: online");
        break;
    case Link::Offline:
        link = tr("Connection: offline, showing the cache");
        break;
    case Link::Failed:
        link = tr("Connection: sync failed");
        break;
    }
    m_connection->setText(link);
    m_connection->setToolTip(m_link == Link::Syncing ? QString()
                                                     : (m_syncText.isEmpty() ? s.lastError : m_syncText));
    m_lastSync->setText(s.lastRoundAt > 0 ? tr("Last sync: %1").arg(core::formatShanghaiTime(s.lastRoundAt))
                                          : tr("Last sync: never"));
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const bool held = !s.leaseHolder.isEmpty() && s.leaseExpiresAt > now;
    m_lease->setText(held ? tr("Fulfilment lease: %1").arg(s.leaseHolder) : tr("Fulfilment lease: nobody"));
    // What the platform said at the last sync; the label is re-read every few seconds so an expiry
    // shows without a sync.
    m_lease->setToolTip(held ? tr("Until %1, as the platform said at the last sync")
                                   .arg(core::formatShanghaiTime(s.leaseExpiresAt))
                             : QString());
    m_outbox->setText(s.openConflicts > 0
                          ? tr("Pending edits: %1 (%2 conflicts)").arg(s.pendingEdits).arg(s.openConflicts)
                          : tr("Pending edits: %1").arg(s.pendingEdits));
}

} // namespace cardops::ui
