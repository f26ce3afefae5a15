#pragma once

#include <QProcess>
#include <QString>
#include <QTemporaryDir>
#include <QtTest>

// A small cache built by `cardops-cli generate` (the simulator's data through the real ingest
// path): the models and pages are tested on the data an operator would see.
namespace generatedcache {

inline QString build(const QTemporaryDir& dir, int orders)
{
    const QString path = dir.filePath(QStringLiteral("cache.db"));
    QProcess cli;
    cli.start(QStringLiteral(CARDOPS_CLI),
              {QStringLiteral("generate"), QStringLiteral("--orders"), QString::number(orders),
               QStringLiteral("--days"), QStringLiteral("30"), QStringLiteral("--db"), path,
               QStringLiteral("--lang"), QStringLiteral("en")});
    if (!cli.waitForFinished(120'000) || cli.exitCode() != 0) {
        qWarning() << cli.readAllStandardError();
        return {};
    }
    return path;
}

} // namespace generatedcache
