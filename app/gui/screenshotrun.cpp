#include "app/gui/screenshotrun.h"

#include "app/gui/consoleapp.h"
#include "ui/mainwindow.h"
#include "ui/page.h"

#include <QDir>
#include <QPixmap>

namespace cardops::app {

namespace {
constexpr int kDeadlineMs = 240'000; // a first demo sync on a slow machine fits well inside
constexpr int kPollMs = 50;
} // namespace

ScreenshotRun::ScreenshotRun(ui::MainWindow& window, ConsoleApp& app, QList<ui::PageId> pages, QString target,
                             bool targetIsDirectory, QTextStream& out, QTextStream& err)
    : m_window(window)
    , m_app(app)
    , m_pages(std::move(pages))
    , m_target(std::move(target))
    , m_directory(targetIsDirectory)
    , m_out(out)
    , m_err(err)
{
    m_deadline.setSingleShot(true);
    m_deadline.setInterval(kDeadlineMs);
    connect(&m_deadline, &QTimer::timeout, this,
            [this] { fail(tr("Timed out waiting for the page's data.")); });
}

void ScreenshotRun::start(bool waitForSync)
{
    m_deadline.start();
    if (!waitForSync) {
        QTimer::singleShot(0, this, &ScreenshotRun::next);
        return;
    }
    m_waiting = connect(&m_app, &ConsoleApp::syncFinished, this, [this](bool ok, bool, const QString& error) {
        disconnect(m_waiting);
        if (!ok)
            m_err << tr("The sync failed; the screenshot shows the cache as it is: %1").arg(error)
                  << Qt::endl;
        next();
    });
}

void ScreenshotRun::next()
{
    if (m_pages.isEmpty()) {
        m_deadline.stop();
        return Q_EMIT finished(0);
    }
    const ui::PageId page = m_pages.takeFirst();
    m_window.showPage(page, m_filter);
    // Poll until the page says its first rows are there, twice in a row (a refresh may be queued
    // behind the first answer), then let one more paint happen.
    auto* poll = new QTimer(this);
    auto steady = std::make_shared<int>(0);
    connect(poll, &QTimer::timeout, this, [this, poll, page, steady] {
        ui::Page* p = m_window.page(page);
        *steady = p && p->isReady() ? *steady + 1 : 0;
        if (*steady < 3)
            return;
        poll->deleteLater();
        poll->stop();
        if (capture(page))
            next();
    });
    poll->start(kPollMs);
}

bool ScreenshotRun::capture(ui::PageId page)
{
    const QString file = m_directory ? QDir(m_target).filePath(ui::pageName(page) + u".png") : m_target;
    const QPixmap shot = m_window.grab();
    if (!shot.save(file, "PNG")) {
        fail(tr("Cannot write %1.").arg(file));
        return false;
    }
    const ui::Page* p = m_window.page(page);
    const qint64 rows = p ? p->mainRows() : -1;
    if (m_directory)
        m_out << ui::pageName(page) << u' ';
    m_out << "rows=" << (rows < 0 ? 0 : rows) << Qt::endl;
    return true;
}

void ScreenshotRun::fail(const QString& why)
{
    m_err << why << Qt::endl;
    m_pages.clear();
    m_deadline.stop();
    Q_EMIT finished(1);
}

} // namespace cardops::app
