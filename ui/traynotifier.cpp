#include "ui/traynotifier.h"

#include <QAction>
#include <QMenu>
#include <QSystemTrayIcon>
#include <QTimer>

namespace cardops::ui {

TrayNotifier::TrayNotifier(const QIcon& icon, QObject* parent)
    : QObject(parent)
    , m_summaryTimer(new QTimer(this))
{
    m_clock.start();
    m_summaryTimer->setSingleShot(true);
    connect(m_summaryTimer, &QTimer::timeout, this, &TrayNotifier::onSummaryTimer);
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return;

    m_menu = std::make_unique<QMenu>();
    QAction* showWindow = m_menu->addAction(tr("Show window"));
    m_menu->addSeparator();
    QAction* quit = m_menu->addAction(tr("Quit"));
    connect(showWindow, &QAction::triggered, this, &TrayNotifier::showWindowRequested);
    connect(quit, &QAction::triggered, this, &TrayNotifier::quitRequested);

    m_tray = new QSystemTrayIcon(icon, this);
    m_tray->setToolTip(tr("CardOps console"));
    m_tray->setContextMenu(m_menu.get());
    connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
            Q_EMIT showWindowRequested();
    });
    connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] { Q_EMIT activated(m_lastOrderId); });
    m_tray->show();
}

TrayNotifier::~TrayNotifier()
{
    delete m_tray; // before the menu it shows
}

void TrayNotifier::setCoalesceWindow(qint64 ms)
{
    for (const auto& out : m_coalescer.takeAll())
        present(out);
    m_coalescer = core::NotifyCoalescer(ms);
    scheduleSummary();
}

void TrayNotifier::show(const core::Notification& n)
{
    if (auto out = m_coalescer.offer(n, m_clock.elapsed()))
        present(*out);
    scheduleSummary();
}

QString TrayNotifier::statusLine(const core::Notification& n, int more)
{
    QString line = n.title;
    const QString first = n.text.section(u'\n', 0, 0).trimmed();
    if (!first.isEmpty())
        line += QStringLiteral(": ") + first;
    if (more > 0)
        line += u' ' + tr("(and %1 more like this)").arg(more);
    return line;
}

void TrayNotifier::present(const core::NotifyCoalescer::Out& out)
{
    const core::Notification& n = out.notification;
    if (!m_tray) {
        Q_EMIT statusMessage(statusLine(n, out.more), n.orderId);
        return;
    }
    QString text = n.text;
    if (out.more > 0)
        text += u'\n' + tr("(and %1 more like this)").arg(out.more);
    const bool warning = n.kind == core::Notification::Kind::DeliveryFailed ||
                         n.kind == core::Notification::Kind::LeaseLost ||
                         n.kind == core::Notification::Kind::LowStock;
    m_lastOrderId = n.orderId;
    m_tray->showMessage(n.title, text, warning ? QSystemTrayIcon::Warning : QSystemTrayIcon::Information,
                        10000);
}

void TrayNotifier::scheduleSummary()
{
    const auto due = m_coalescer.nextDueMs();
    if (!due) {
        m_summaryTimer->stop();
        return;
    }
    m_summaryTimer->start(static_cast<int>(std::max<qint64>(0, *due - m_clock.elapsed())));
}

void TrayNotifier::onSummaryTimer()
{
    for (const auto& out : m_coalescer.takeDue(m_clock.elapsed()))
        present(out);
    scheduleSummary();
}

} // namespace cardops::ui
