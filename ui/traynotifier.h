#pragma once

#include "core/notification.h"
#include "core/notifycoalescer.h"

#include <QElapsedTimer>
#include <QIcon>
#include <QObject>
#include <QString>
#include <memory>

class QAction;
class QMenu;
class QSystemTrayIcon;
class QTimer;

// The console's desktop notifications: a tray icon (显示窗口, 退出) and show() as a tray balloon,
// coalesced like the worker's (at most one per kind per window, the rest summed up as "and N more").
// Clicking a balloon emits activated() with its order. Where the desktop has no system tray (and on
// the offscreen platform) nothing is drawn: statusMessage() carries the text for the status bar.
// UI thread only.
namespace cardops::ui {

class TrayNotifier final : public QObject
{
    Q_OBJECT
public:
    explicit TrayNotifier(const QIcon& icon, QObject* parent = nullptr);
    ~TrayNotifier() override;

    bool hasTray() const { return m_tray != nullptr; }
    void setCoalesceWindow(qint64 ms); // default 60 s; what is held is shown first
    qint64 coalesceWindow() const { return m_coalescer.windowMs(); }

    void show(const core::Notification& n);

    // One line for a status bar: "title: first line of the text", then "(and N more like this)".
    static QString statusLine(const core::Notification& n, int more);

Q_SIGNALS:
    void activated(qint64 orderId); // a balloon was clicked; 0 when it is not about one order
    void showWindowRequested();
    void quitRequested();
    void statusMessage(const QString& text, qint64 orderId); // only when there is no tray

private:
    void present(const core::NotifyCoalescer::Out& out);
    void scheduleSummary();
    void onSummaryTimer();

    core::NotifyCoalescer m_coalescer;
    QElapsedTimer m_clock;
    QTimer* m_summaryTimer = nullptr;
    QSystemTrayIcon* m_tray = nullptr;
    std::unique_ptr<QMenu> m_menu;
    qint64 m_lastOrderId = 0;
};

} // namespace cardops::ui
