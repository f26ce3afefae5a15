#include "bench/benchsupport.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTextStream>

namespace cardops::bench {

void report(const QString& id, double value, const QString& unit, std::optional<double> baseline)
{
    QTextStream out(stdout);
    out << "BENCH id=" << id << " value=" << QString::number(value, 'f', 1) << " unit=" << unit
        << " baseline=" << (baseline ? QString::number(*baseline, 'f', 1) : QStringLiteral("-")) << " ratio="
        << (baseline && *baseline > 0 ? QString::number(value / *baseline, 'f', 2) : QStringLiteral("-"))
        << Qt::endl;
}

double median(std::vector<double> values)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

void waitUntil(const std::function<bool()>& done)
{
    QElapsedTimer t;
    t.start();
    while (!done() && t.elapsed() < 120'000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 2);
}

double medianMs(int runs, const std::function<void()>& body)
{
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        body();
        times.push_back(static_cast<double>(t.nsecsElapsed()) / 1e6);
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

std::optional<double> sqliteCliMs(const QStringList& arguments, const QString& outputFile)
{
    QProcess p;
    if (!outputFile.isEmpty())
        p.setStandardOutputFile(outputFile);
    QElapsedTimer t;
    t.start();
    p.start(QStringLiteral("sqlite3"), arguments);
    if (!p.waitForFinished(600000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return std::nullopt;
    return static_cast<double>(t.nsecsElapsed()) / 1e6;
}

bool wanted(const QStringList& requested, const QString& id)
{
    return requested.isEmpty() || requested.contains(id);
}

Arguments parseArguments(const QCoreApplication& app)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("work"), QStringLiteral("scratch directory"), QStringLiteral("dir")});
    parser.addPositionalArgument(QStringLiteral("ids"),
                                 QStringLiteral("benchmark ids to run (default: all)"));
    parser.process(app);
    Arguments a;
    a.work = parser.value(QStringLiteral("work")).isEmpty() ? QDir::tempPath()
                                                            : parser.value(QStringLiteral("work"));
    QDir().mkpath(a.work);
    a.ids = parser.positionalArguments();
    return a;
}

QString referenceDatabase(const QString& work)
{
    const QString path = work + QStringLiteral("/reference.db");
    if (QFile::exists(path))
        return path;
    const QString scratch = work + QStringLiteral("/reference-new.db");
    QFile::remove(scratch);
    const int rc = QProcess::execute(
        QCoreApplication::applicationDirPath() + QStringLiteral("/../app/cardops-cli"),
        {QStringLiteral("generate"), QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("--seed"),
         QStringLiteral("1"), QStringLiteral("--days"), QStringLiteral("365"), QStringLiteral("--orders"),
         QStringLiteral("1000000"), QStringLiteral("--db"), scratch});
    if (rc != 0 || !QFile::rename(scratch, path))
        qFatal("cardops-cli generate failed");
    return path;
}

} // namespace cardops::bench
