// The console's whole-process figures on the reference database (performance.md):
//   startup_ms   process start → main window shown with its default page's data painted
//   peak_rss_mb  peak RSS of a console that visits every page
#include "benchsupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <sys/resource.h>

using namespace cardops;

namespace {

QString tool(const QString& relative)
{
    return QCoreApplication::applicationDirPath() + QStringLiteral("/../") + relative;
}

// Runs the console offscreen on `arguments` until it prints its rows= line(s) and exits; returns
// the wall time from the process start to the first rows= line.
double consoleRunMs(const QStringList& arguments)
{
    QProcess console;
    console.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QElapsedTimer timer;
    timer.start();
    console.start(tool(QStringLiteral("app/cardops")), arguments);
    double firstRowsMs = -1;
    while (console.state() != QProcess::NotRunning || console.bytesAvailable() > 0) {
        if (!console.canReadLine() && !console.waitForReadyRead(120'000) &&
            console.state() == QProcess::NotRunning && !console.canReadLine())
            break;
        while (console.canReadLine()) {
            const QByteArray line = console.readLine();
            if (firstRowsMs < 0 && line.contains("rows="))
                firstRowsMs = static_cast<double>(timer.elapsed());
        }
    }
    console.waitForFinished(120'000);
    if (console.exitCode() != 0 || firstRowsMs < 0)
        qFatal("cardops %s failed (exit %d)", qPrintable(arguments.join(u' ')), console.exitCode());
    return firstRowsMs;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const auto [work, ids] = bench::parseArguments(app);
    const bool startup = bench::wanted(ids, QStringLiteral("startup_ms"));
    const bool rss = bench::wanted(ids, QStringLiteral("peak_rss_mb"));
    if (!startup && !rss)
        return 0;
    const QString reference = bench::referenceDatabase(work);
    const QString shot = work + QStringLiteral("/startup.png");
    const QStringList firstPage = {QStringLiteral("--db"),         reference,
                                   QStringLiteral("--page"),       QStringLiteral("workbench"),
                                   QStringLiteral("--screenshot"), shot};
    // A first run migrates a cache written by an older CardOps and warms the page cache.
    consoleRunMs(firstPage);
    if (startup) {
        std::vector<double> runs;
        for (int i = 0; i < 5; ++i)
            runs.push_back(consoleRunMs(firstPage));
        std::sort(runs.begin(), runs.end());
        bench::report(QStringLiteral("startup_ms"), runs[runs.size() / 2], QStringLiteral("ms"),
                      std::nullopt);
    }
    if (rss) {
        const QString pages = work + QStringLiteral("/pages");
        QDir().mkpath(pages);
        consoleRunMs({QStringLiteral("--db"), reference, QStringLiteral("--page"), QStringLiteral("all"),
                      QStringLiteral("--screenshot-dir"), pages});
        // The largest child so far: the run that visited every page holds the most.
        rusage usage{};
        getrusage(RUSAGE_CHILDREN, &usage);
        bench::report(QStringLiteral("peak_rss_mb"), static_cast<double>(usage.ru_maxrss) / 1024.0,
                      QStringLiteral("MB"), std::nullopt);
    }
    return 0;
}
