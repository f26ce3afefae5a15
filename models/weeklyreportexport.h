#pragma once

#include "core/result.h"
#include "core/weeklysteps.h"
#include "models/weeklyreport.h"

#include <QCoreApplication>
#include <QString>
#include <functional>

class QIODevice;

namespace cardops::models {

// Writes the weekly report's files (docs/reports.md): <dir>/周报-YYYY-Www.pdf and .csv, each through
// a QSaveFile so a failed or cancelled export never leaves a half-written file. Reads the cache on a
// connection of its own: run it on a dedicated thread (ui/weeklyreportdialog.h) or in cardops-cli.
// The PDF needs a QGuiApplication.
class WeeklyReportExport
{
    Q_DECLARE_TR_FUNCTIONS(WeeklyReportExport)
public:
    struct Files
    {
        QString pdf;
        QString csv;
    };
    // Progress 0–100 with a short text; return false to cancel (ErrorCode::Conflict "cancelled").
    using Progress = std::function<bool(int percent, const QString& step)>;

    // The report's metrics as CSV (domain.md "Finance": UTF-8 with BOM, CRLF, typed columns): one row
    // per figure with this week's and the week before's value as a count, an amount or a percentage
    // (4 decimals, exact from ppm).
    static core::Result<void> writeCsv(QIODevice* device, const WeeklyReportContent& content);

    // Loads week `week` from the cache at `databasePath` as of `asOf` (unix seconds) and writes both
    // files into `directory` (created if missing).
    // An export failure in the operator's words, then the technical detail.
    static QString describe(const core::Error& error);

    static core::Result<Files> run(const QString& databasePath, core::IsoWeek week, const QString& directory,
                                   qint64 asOf, const Progress& progress = {});
};

} // namespace cardops::models
