#include "app/cli/exportcommand.h"

#include "app/cli/clicommands.h"
#include "core/clock.h"
#include "models/exporttables.h"

#include <QCommandLineParser>
#include <QDate>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <atomic>
#include <csignal>

using namespace Qt::StringLiterals;

namespace cardops::app {
namespace {

constexpr qint64 ProgressIntervalMs = 1000;

// Ctrl+C or SIGTERM stop the export at the next row, so the QSaveFile's temporary goes too.
std::atomic<bool> g_interrupted{false};

extern "C" void interrupt(int)
{
    g_interrupted = true;
}

} // namespace

bool ExportCommand::handles(const QStringList& arguments)
{
    static const QStringList valued = {u"--lang"_s, u"--profile"_s, u"--db"_s,
                                       u"--from"_s, u"--to"_s,      u"--out"_s};
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString& a = arguments[i];
        if (a.startsWith(u'-')) {
            if (valued.contains(a))
                ++i;
            continue;
        }
        return a == u"export";
    }
    return false;
}

std::optional<qint64> ExportCommand::dayStart(const QString& text)
{
    const QDate date = QDate::fromString(text, u"yyyy-MM-dd"_s);
    if (!date.isValid() || text.size() != 10)
        return std::nullopt;
    return core::businessDayStart(date.toJulianDay() - QDate(1970, 1, 1).toJulianDay());
}

int ExportCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("cardops-cli export orders|commissions: write a CSV for Excel and WPS (UTF-8 with BOM)."));
    parser.addHelpOption();
    parser.addOption({u"lang"_s, tr("Language of messages: zh_CN (default) or en."), tr("language")});
    parser.addOption({u"profile"_s, tr("Profile whose cache to use (default: demo)."), tr("name")});
    parser.addOption({u"db"_s, tr("Cache database file (instead of a profile's)."), tr("file")});
    parser.addOption(
        {u"from"_s, tr("First day to export, yyyy-MM-dd (default: the first order)."), tr("date")});
    parser.addOption(
        {u"to"_s, tr("Last day to export, yyyy-MM-dd, inclusive (default: the last order)."), tr("date")});
    parser.addOption({u"out"_s, tr("The CSV file to write (replaced only when complete)."), tr("file")});
    parser.addPositionalArgument(u"export"_s, tr("export"));
    parser.addPositionalArgument(u"what"_s,
                                 tr("orders: every order of the days with its money, status and "
                                    "accounts\ncommissions: the commission ledger entries of the days"));
    if (!parser.parse(arguments)) {
        m_err << parser.errorText() << Qt::endl;
        return 2;
    }
    if (parser.isSet(u"help"_s)) {
        m_out << parser.helpText() << Qt::flush;
        return 0;
    }
    const QStringList positional = parser.positionalArguments();
    const QString what = positional.value(1);
    if (positional.size() != 2 || (what != u"orders" && what != u"commissions")) {
        m_err << tr("Usage: cardops-cli export orders|commissions [--from YYYY-MM-DD] [--to YYYY-MM-DD] "
                    "--out FILE [--db FILE | --profile NAME]")
              << Qt::endl;
        return 2;
    }
    if (parser.isSet(u"db"_s) && parser.isSet(u"profile"_s)) {
        m_err << tr("Give either --db or --profile, not both.") << Qt::endl;
        return 2;
    }
    const QString out = parser.value(u"out"_s);
    if (out.isEmpty()) {
        m_err << tr("--out FILE is required: where to write the CSV.") << Qt::endl;
        return 2;
    }
    qint64 from = 0;
    qint64 to = 0;
    for (const auto& [name, target, nextDay] :
         {std::tuple{u"from"_s, &from, false}, std::tuple{u"to"_s, &to, true}}) {
        if (!parser.isSet(name))
            continue;
        const auto start = dayStart(parser.value(name));
        if (!start) {
            m_err << tr("--%1 must be a date as YYYY-MM-DD, e.g. 2026-03-01.").arg(name) << Qt::endl;
            return 2;
        }
        *target = *start + (nextDay ? 86400 : 0);
    }
    if (from > 0 && to > 0 && from >= to) {
        m_err << tr("--from must not be after --to.") << Qt::endl;
        return 2;
    }
    const QString profile = parser.value(u"profile"_s);
    const QString path = parser.isSet(u"db"_s)
                             ? parser.value(u"db"_s)
                             : CliCommands::profileDatabasePath(profile.isEmpty() ? u"demo"_s : profile);
    if (!QFileInfo::exists(path)) {
        m_err << tr("There is no cache at %1. Sync first, or give --db or --profile.")
                     .arg(QDir::toNativeSeparators(path))
              << Qt::endl;
        return 1;
    }

    models::CsvExportSpec spec;
    if (what == u"orders") {
        storage::OrderFilter filter;
        filter.createdFrom = from;
        filter.createdTo = to;
        spec = models::CsvExports::orders(filter);
    } else {
        spec = models::CsvExports::commissions(from, to);
    }
    QElapsedTimer sincePrint;
    sincePrint.start();
    models::CsvExportControl control;
    g_interrupted = false;
    control.cancel = &g_interrupted;
    const auto previousInt = std::signal(SIGINT, interrupt);
    const auto previousTerm = std::signal(SIGTERM, interrupt);
    control.progress = [&](qint64 done, qint64 total) {
        if (sincePrint.elapsed() < ProgressIntervalMs)
            return;
        sincePrint.restart();
        if (total >= 0)
            m_err << tr("Exported %1 of %2 rows…").arg(done).arg(total) << Qt::endl;
        else
            m_err << tr("Exported %1 rows…").arg(done) << Qt::endl;
    };
    const auto result = models::exportCsv(path, spec, out, control);
    std::signal(SIGINT, previousInt);
    std::signal(SIGTERM, previousTerm);
    if (result && result->cancelled) {
        m_err << tr("Export interrupted; no file was written.") << Qt::endl;
        return 1;
    }
    if (!result) {
        m_err << models::CsvExportJob::describe(result.error(), out) << Qt::endl;
        return 1;
    }
    m_out << tr("Exported %1 rows to %2").arg(result->rows).arg(QDir::toNativeSeparators(out)) << Qt::endl;
    return 0;
}

} // namespace cardops::app
