#pragma once

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QString>
#include <QStringList>
#include <algorithm>
#include <functional>
#include <optional>
#include <vector>

namespace cardops::bench {

// One BENCH line (performance.md): value next to its same-run baseline, ratio = value / baseline.
void report(const QString& id, double value, const QString& unit, std::optional<double> baseline);

// Median wall time in milliseconds of `runs` calls.
double medianMs(int runs, const std::function<void()>& body);

// Runs the sqlite3 CLI (the baseline tool) with `arguments` and returns its wall time in ms
// (process start included, as a user would feel it), or nullopt if it is missing or failed.
std::optional<double> sqliteCliMs(const QStringList& arguments, const QString& outputFile = {});

struct Arguments
{
    QString work;    // scratch directory (created), --work or the temp folder
    QStringList ids; // the benchmarks asked for; empty = all
};
// The command line every bench program takes: [--work DIR] [ID…].
Arguments parseArguments(const QCoreApplication& app);

// True when `id` was asked for (no ids given means all).
bool wanted(const QStringList& requested, const QString& id);

} // namespace cardops::bench
