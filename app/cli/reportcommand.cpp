#include "app/cli/reportcommand.h"

#include "app/cli/clicommands.h"
#include "app/cli/errortext.h"
#include "core/clock.h"
#include "core/weeklysteps.h"
#include "models/weeklyreportexport.h"
#include "storage/database.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>

using namespace Qt::StringLiterals;

namespace cardops::app {

bool ReportCommand::handles(const QStringList& arguments)
{
    static const QStringList valued = {u"--lang"_s, u"--profile"_s, u"--db"_s, u"--out"_s, u"--week"_s};
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString& a = arguments[i];
        if (a.startsWith(u'-')) {
            if (valued.contains(a))
                ++i;
            continue;
        }
        return a == u"report";
    }
    return false;
}

int ReportCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("cardops-cli report weekly: write the weekly operations report as PDF and CSV."));
    parser.addHelpOption();
    parser.addOption({u"lang"_s, tr("Language of messages: zh_CN (default) or en."), tr("language")});
    parser.addOption({u"profile"_s, tr("Profile whose cache to use (default: demo)."), tr("name")});
    parser.addOption({u"db"_s, tr("Cache database file (instead of a profile's)."), tr("file")});
    parser.addOption({u"out"_s, tr("The folder to write 周报-YYYY-Www.pdf and .csv into."), tr("folder")});
    parser.addOption(
        {u"week"_s, tr("The ISO week, e.g. 2026-W48 (default: the last complete week)."), tr("week")});
    parser.addPositionalArgument(u"report"_s, tr("report"));
    parser.addPositionalArgument(u"weekly"_s, tr("weekly: the weekly operations report"));
    if (!parser.parse(arguments)) {
        m_err << parser.errorText() << Qt::endl;
        return 2;
    }
    if (parser.isSet(u"help"_s)) {
        m_out << parser.helpText() << Qt::flush;
        return 0;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 2 || positional[1] != u"weekly") {
        m_err
            << tr("Usage: cardops-cli report weekly --out DIR [--week YYYY-Www] [--db FILE | --profile NAME]")
            << Qt::endl;
        return 2;
    }
    if (parser.isSet(u"db"_s) && parser.isSet(u"profile"_s)) {
        m_err << tr("Give either --db or --profile, not both.") << Qt::endl;
        return 2;
    }
    const QString out = parser.value(u"out"_s);
    if (out.isEmpty()) {
        m_err << tr("--out DIR is required: the folder for the report's files.") << Qt::endl;
        return 2;
    }
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    core::IsoWeek week = core::lastCompleteWeek(now);
    if (parser.isSet(u"week"_s)) {
        const auto parsed = core::parseIsoWeek(parser.value(u"week"_s));
        if (!parsed) {
            m_err << tr("--week must be an ISO week as YYYY-Www, e.g. 2026-W48.") << Qt::endl;
            return 2;
        }
        week = *parsed;
    }
    if (qobject_cast<QGuiApplication*>(QCoreApplication::instance()) == nullptr) {
        m_err << tr("The report needs the graphical libraries (QGuiApplication); run cardops-cli directly.")
              << Qt::endl;
        return 1;
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
    {
        // Opening migrates an older cache, so the rollups the report reads exist.
        core::SystemClock clock;
        auto db = storage::Database::open(path, clock);
        if (!db) {
            m_err << tr("Cannot open %1: %2").arg(path, ErrorText::describe(db.error())) << Qt::endl;
            return 1;
        }
    }
    const auto files = models::WeeklyReportExport::run(path, week, out, now);
    if (!files) {
        m_err << tr("The weekly report %1 was not written: %2")
                     .arg(core::formatIsoWeek(week), ErrorText::describe(files.error()))
              << Qt::endl;
        return 1;
    }
    m_out << tr("Weekly report %1 (%2) written:")
                 .arg(core::formatIsoWeek(week), models::WeeklyReportText::weekRange(week))
          << Qt::endl
          << u"  "_s << QDir::toNativeSeparators(files->pdf) << Qt::endl
          << u"  "_s << QDir::toNativeSeparators(files->csv) << Qt::endl;
    return 0;
}

} // namespace cardops::app
