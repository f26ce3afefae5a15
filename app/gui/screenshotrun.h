#pragma once

#include "ui/pageid.h"

#include <QObject>
#include <QTextStream>
#include <QTimer>

namespace cardops::ui {
class MainWindow;
}

namespace cardops::app {

class ConsoleApp;

// `cardops --page <name> --screenshot FILE.png` (or `--page all --screenshot-dir DIR`): waits for
// the data (the demo's first sync when its cache is empty), shows each page, waits until it has
// its first rows, saves the window as PNG, prints `rows=<n>` for the page's main table and ends
// with the program's exit code. UI thread.
class ScreenshotRun : public QObject
{
    Q_OBJECT
public:
    ScreenshotRun(ui::MainWindow& window, ConsoleApp& app, QList<ui::PageId> pages, QString target,
                  bool targetIsDirectory, QTextStream& out, QTextStream& err);
    void start(bool waitForSync);
    // The filter (or tab) each page opens with, as a work-bench tile would pass it.
    void setFilter(const QString& filter) { m_filter = filter; }

Q_SIGNALS:
    void finished(int exitCode);

private:
    void next();
    bool capture(ui::PageId page);
    void fail(const QString& why);

    ui::MainWindow& m_window;
    ConsoleApp& m_app;
    QList<ui::PageId> m_pages;
    QString m_target;
    QString m_filter;
    bool m_directory;
    QTextStream& m_out;
    QTextStream& m_err;
    QTimer m_deadline;
    QMetaObject::Connection m_waiting;
};

} // namespace cardops::app
