#pragma once

#include "core/notification.h"
#include "ui/pageid.h"

#include <QHash>
#include <QMainWindow>

class QLabel;
class QListWidget;
class QProgressBar;
class QStackedWidget;

namespace cardops::models {
class ConsoleBackend;
class ConsoleState;
class DataSource;
} // namespace cardops::models

namespace cardops::ui {

class Page;

// The console: navigation on the left, one page at a time, and a status bar with the profile, the
// connection, the last sync, the lease holder and the pending local edits. Ctrl+1…9 switch pages,
// F5 syncs (or re-runs a page's own check: Page::refreshPage), Ctrl+F searches, Ctrl+Shift+D opens the diagnostics. UI thread.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    static constexpr int StatusRefreshMs = 5000;

    MainWindow(models::DataSource& source, models::ConsoleBackend& backend, QWidget* parent = nullptr);
    ~MainWindow() override;

    void showPage(PageId page, const QString& filter = {});
    PageId currentPage() const;
    Page* page(PageId id) const;
    models::ConsoleState& consoleState() const { return *m_state; }
    void openDiagnostics();
    // The order's detail window (订单详情), not modal.
    void openOrder(qint64 orderId);

private:
    void buildNavigation();
    void buildStatusBar();
    void buildActions();
    void buildReportActions();
    void buildNotifications();
    void updateStatus();
    void addPage(PageId id, Page* page, const QString& label);

    models::DataSource& m_source;
    models::ConsoleBackend& m_backend;
    models::ConsoleState* m_state = nullptr;
    core::Notification::Kind m_lastTrayKind = core::Notification::Kind::Test;
    QListWidget* m_nav = nullptr;
    QStackedWidget* m_stack = nullptr;
    QHash<PageId, Page*> m_pages;
    QList<PageId> m_order;
    QLabel* m_profile = nullptr;
    QLabel* m_connection = nullptr;
    QLabel* m_lastSync = nullptr;
    QLabel* m_lease = nullptr;
    QLabel* m_outbox = nullptr;
    QProgressBar* m_progress = nullptr;
    QString m_syncText; // the running sync's latest progress, or its failure
    enum class Link { Unknown, Syncing, Online, Offline, Failed } m_link = Link::Unknown;
};

} // namespace cardops::ui
