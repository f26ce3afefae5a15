#include "app/cli/clicommands.h"

#include "app/cli/errortext.h"
#include "core/clock.h"
#include "storage/counters.h"
#include "storage/database.h"
#include "storage/operatorrepository.h"
#include "storage/readsession.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace cardops::app {

QString CliCommands::demoDatabasePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/profiles/demo/cache.db");
}

int CliCommands::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("CardOps (卡盟运营台) command line: the headless side of the shop's back office."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({QStringLiteral("lang"), tr("Language of messages: zh_CN (default) or en."), tr("language")});
    parser.addOption({QStringLiteral("db"), tr("Cache database file (default: the demo profile's)."), tr("file")});
    parser.addPositionalArgument(QStringLiteral("command"),
                                 tr("status: open the cache (creating it if needed) and show its state\n"
                                    "check: verify a cache file without changing it"));
    if (!parser.parse(arguments)) {
        m_err << parser.errorText() << Qt::endl;
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        m_out << parser.helpText() << Qt::flush;
        return 0;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        m_out << QCoreApplication::applicationName() << u' ' << QCoreApplication::applicationVersion() << Qt::endl;
        return 0;
    }
    const QStringList positional = parser.positionalArguments();
    const QString command = positional.value(0, QStringLiteral("status"));
    const QString path = parser.isSet(QStringLiteral("db")) ? parser.value(QStringLiteral("db")) : demoDatabasePath();
    if (command == u"status")
        return status(path);
    if (command == u"check")
        return check(path);
    m_err << tr("Unknown command '%1'. Run cardops-cli --help for the list.").arg(command) << Qt::endl;
    return 2;
}

int CliCommands::status(const QString& path)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        m_err << tr("Cannot create the folder for %1.").arg(path) << Qt::endl;
        return 1;
    }
    core::SystemClock clock;
    auto db = storage::Database::open(path, clock);
    if (!db) {
        m_err << tr("Cannot open %1: %2").arg(path, ErrorText::describe(db.error())) << Qt::endl;
        return 1;
    }
    storage::ReadSession read(**db);
    auto operators = storage::OperatorRepository::list(read);
    auto counts = storage::counters::readAll(read);
    if (!operators || !counts) {
        m_err << ErrorText::describe(!operators ? operators.error() : counts.error()) << Qt::endl;
        return 1;
    }
    m_out << tr("Database: %1").arg(QDir::toNativeSeparators(path)) << Qt::endl;
    m_out << tr("Schema version: %1").arg((*db)->schemaVersion()) << Qt::endl;
    m_out << tr("Operators: %1").arg(operators->size()) << Qt::endl;
    const std::pair<const QString*, QString> tiles[] = {
        {&storage::counters::ReviewPending, tr("Awaiting review")},
        {&storage::counters::PurchaseUnknown, tr("Purchase outcome unknown")},
        {&storage::counters::DeliveryFailed, tr("Delivery failed")},
        {&storage::counters::LowStock, tr("Low stock")},
        {&storage::counters::SupplierBalanceLow, tr("Supplier balance low")},
        {&storage::counters::SyncError, tr("Sync errors")},
        {&storage::counters::WithdrawalPending, tr("Withdrawals awaiting review")},
    };
    for (const auto& [name, label] : tiles)
        m_out << u"  " << label << u": " << counts->value(*name) << Qt::endl;
    return 0;
}

int CliCommands::check(const QString& path)
{
    core::SystemClock clock;
    storage::Database::Options options;
    options.create = false;
    options.backupBeforeMigrate = true;
    auto db = storage::Database::open(path, clock, options);
    if (!db) {
        m_err << tr("%1: %2").arg(path, ErrorText::describe(db.error())) << Qt::endl;
        return 1;
    }
    if (auto integrity = (*db)->checkIntegrity(); !integrity) {
        m_err << tr("%1: %2").arg(path, ErrorText::describe(integrity.error())) << Qt::endl;
        return 1;
    }
    m_out << tr("%1: healthy, schema version %2.").arg(path).arg((*db)->schemaVersion()) << Qt::endl;
    return 0;
}

} // namespace cardops::app
