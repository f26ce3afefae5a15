#pragma once

#include <QCoreApplication>
#include <QStringList>
#include <QTextStream>
#include <optional>

namespace cardops::app {

// cardops-cli export orders|commissions [--from YYYY-MM-DD] [--to YYYY-MM-DD] --out FILE
// [--db FILE | --profile NAME]: writes the CSV of models::CsvExports (domain.md "Finance") for the
// Asia/Shanghai days from --from to --to inclusive (either may be left open). Progress goes to
// stderr about once a second, the summary to stdout. The file appears only complete (QSaveFile).
// Ctrl+C / SIGTERM cancel it (no file, no temporary left). Exit codes: 0 written, 1 the cache
// could not be read, the file not written or the export interrupted, 2 wrong usage.
class ExportCommand
{
    Q_DECLARE_TR_FUNCTIONS(ExportCommand)
public:
    ExportCommand(QTextStream& out, QTextStream& err)
        : m_out(out)
        , m_err(err)
    {}

    // Whether the command line's first positional argument is "export" (the other commands'
    // parser does not know this command's options, so it is dispatched before that parser).
    static bool handles(const QStringList& arguments);
    int run(const QStringList& arguments);

    // A yyyy-MM-dd day's first second in Asia/Shanghai; nullopt for anything else.
    static std::optional<qint64> dayStart(const QString& text);

private:
    QTextStream& m_out;
    QTextStream& m_err;
};

} // namespace cardops::app
