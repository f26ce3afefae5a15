#include "app/cli/clicommands.h"

#include "app/cli/cardscommand.h"
#include "app/cli/errortext.h"
#include "app/cli/exportcommand.h"
#include "app/cli/generatecommand.h"
#include "app/cli/reportcommand.h"
#include "app/cli/servecommand.h"
#include "app/cli/suppliercommand.h"
#include "app/cli/synccommand.h"
#include "core/clock.h"
#include "core/csvexport.h"
#include "sim/data/generator.h"
#include "storage/counters.h"
#include "storage/database.h"
#include "storage/operatorrepository.h"
#include "storage/platformcache.h"
#include "storage/readsession.h"
#include "sync/secretstore.h"

#include <QCommandLineParser>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QStandardPaths>
#include <algorithm>
#include <limits>

namespace cardops::app {

QString CliCommands::profileDatabasePath(const QString& profile)
{
    // Shared by every CardOps program (the console and cardops-cli), whatever its application name.
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + u"/CardOps/profiles/" +
           profile + u"/cache.db";
}

QString CliCommands::profilesRoot()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + u"/CardOps/profiles";
}

QString CliCommands::demoDatabasePath()
{
    return profileDatabasePath(QStringLiteral("demo"));
}

int CliCommands::run(const QStringList& arguments)
{
    if (ExportCommand::handles(arguments))
        return ExportCommand(m_out, m_err).run(arguments);
    if (ReportCommand::handles(arguments))
        return ReportCommand(m_out, m_err).run(arguments);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("CardOps (卡盟运营台) command line: the headless side of the shop's back office."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption(
        {QStringLiteral("lang"), tr("Language of messages: zh_CN (default) or en."), tr("language")});
    parser.addOption(
        {QStringLiteral("profile"), tr("Profile whose cache to use (default: demo)."), tr("name")});
    parser.addOption({QStringLiteral("db"), tr("Cache database file (instead of a profile's)."), tr("file")});
    parser.addOption({QStringLiteral("seed"), tr("generate: random seed (default 1)."), tr("number"),
                      QStringLiteral("1")});
    parser.addOption({QStringLiteral("days"), tr("generate: days of history (default 120)."), tr("number"),
                      QStringLiteral("120")});
    parser.addOption({QStringLiteral("orders"), tr("generate: number of orders (default 30000)."),
                      tr("number"), QStringLiteral("30000")});
    parser.addOption(
        {QStringLiteral("members"), tr("generate: number of members (default: by orders)."), tr("number")});
    parser.addOption({QStringLiteral("goods"),
                      tr("generate: number of goods (default: by orders); cards import: the goods' id."),
                      tr("number")});
    parser.addOption({QStringLiteral("url"),
                      tr("sync: the platform's address, e.g. https://shop.example.com "
                         "(default for the demo profile: a built-in simulator)."),
                      tr("url")});
    parser.addOption({QStringLiteral("app-id"), tr("sync: the platform app id."), tr("id")});
    parser.addOption(
        {QStringLiteral("supplier"), tr("supplier: the supplier's id in the profile."), tr("id")});
    parser.addOption({QStringLiteral("json"), tr("supplier catalogue: print JSON instead of a table.")});
    parser.addOption({QStringLiteral("format"),
                      tr("cards import: the goods' card format: single, number_password or fields:N."),
                      tr("format")});
    parser.addOption({QStringLiteral("separator"),
                      tr("cards import: the goods' card separator (default: a space for number_password, "
                         "---- for fields:N); tab, ----, spaces and commas in the file are accepted too."),
                      tr("text")});
    parser.addOption({QStringLiteral("dry-run"), tr("cards import: preview only, upload nothing.")});
    parser.addOption({QStringLiteral("holder"),
                      tr("serve/fulfil: the lease holder id (default serve-<host>-<profile>)."), tr("id")});
    parser.addOption({QStringLiteral("lease-ttl"),
                      tr("serve/fulfil: the platform's lease time to live in seconds (default 60)."),
                      tr("seconds"), QStringLiteral("60")});
    parser.addOption({QStringLiteral("interval"),
                      tr("serve: seconds between cycles when there is nothing to do (default 5)."),
                      tr("seconds"), QStringLiteral("5")});
    parser.addOption({QStringLiteral("concurrency"),
                      tr("serve/fulfil: orders in progress at once, 1–500 (default 16)."), tr("number"),
                      QStringLiteral("16")});
    parser.addOption(
        {QStringLiteral("notify-config"),
         tr("serve/fulfil: an INI file with the [notify] channels (企业微信, 钉钉, 飞书, e-mail)."),
         tr("file")});
    parser.addOption(
        {QStringLiteral("sim-suppliers"),
         tr("serve/fulfil with --url: the suppliers are the simulator's own (training sandbox).")});
    parser.addPositionalArgument(
        QStringLiteral("command"),
        tr("status: open the cache (creating it if needed) and show its state\n"
           "check: verify a cache file without changing it\n"
           "generate: build a new cache from the simulator's data (--seed --days --orders)\n"
           "sync: one sync round with the platform, then a summary "
           "(the secret comes from CARDOPS_PLATFORM_SECRET)\n"
           "supplier balance [--supplier ID]: refresh the suppliers and show their balances\n"
           "supplier catalogue --supplier ID [--json]: refresh a supplier and list its products\n"
           "cards import --goods ID --format F [--separator S] FILE --dry-run: preview a .txt or .csv "
           "card file (UTF-8 or GBK; - reads standard input) as JSON; with --profile or --url the "
           "platform's stock counts as already in stock\n"
           "cards upload --goods ID --format F [--separator S] FILE (--profile or --url): preview, then "
           "upload the new cards and print the platform's result per line as JSON\n"
           "serve: sync and fulfil handed-over orders unattended until stopped (SIGTERM/SIGINT)\n"
           "fulfil: one sync round and one fulfilment pass, then a summary"));
    if (!parser.parse(arguments)) {
        m_err << parser.errorText() << Qt::endl;
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        m_out << parser.helpText() << Qt::flush;
        return 0;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        m_out << QCoreApplication::applicationName() << QLatin1Char(' ')
              << QCoreApplication::applicationVersion() << Qt::endl;
        return 0;
    }
    const QStringList positional = parser.positionalArguments();
    const QString command = positional.value(0, QStringLiteral("status"));
    if (parser.isSet(QStringLiteral("db")) && parser.isSet(QStringLiteral("profile"))) {
        m_err << tr("Give either --db or --profile, not both.") << Qt::endl;
        return 2;
    }
    const QString profile = parser.value(QStringLiteral("profile"));
    const QString path = parser.isSet(QStringLiteral("db"))
                             ? parser.value(QStringLiteral("db"))
                             : profileDatabasePath(profile.isEmpty() ? QStringLiteral("demo") : profile);
    if (command == u"status")
        return status(path);
    if (command == u"check")
        return check(path);
    if (command == u"generate")
        return generate(parser, path);
    if (command == u"sync")
        return sync(parser, path, profile.isEmpty() && !parser.isSet(QStringLiteral("db")));
    if (command == u"supplier")
        return supplier(parser, positional.value(1), profile, path);
    if (command == u"cards")
        return cards(parser, positional);
    if (command == u"serve" || command == u"fulfil")
        return serve(parser, command == u"fulfil", profile, path);
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
    const QString shop = storage::platformcache::state(read, storage::statekeys::ShopName).valueOr(QString());
    const qint64 lastRound =
        storage::platformcache::state(read, storage::statekeys::LastRoundAt).valueOr(QString()).toLongLong();
    const QString lastError =
        storage::platformcache::state(read, storage::statekeys::LastError).valueOr(QString());
    m_out << tr("Shop: %1").arg(shop.isEmpty() ? tr("(never synced)") : shop) << Qt::endl;
    if (lastRound > 0)
        m_out << tr("Last sync: %1").arg(core::formatShanghaiTime(lastRound)) << Qt::endl;
    if (!lastError.isEmpty())
        m_out << tr("Last sync error: %1").arg(lastError) << Qt::endl;
    m_out << tr("Goods: %1  Members: %2  Orders: %3")
                 .arg(counts->value(storage::counters::GoodsTotal))
                 .arg(counts->value(storage::counters::MembersTotal))
                 .arg(counts->value(storage::counters::OrdersTotal))
          << Qt::endl;
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
        m_out << tr("  %1: %2").arg(label).arg(counts->value(*name)) << Qt::endl;
    return 0;
}

int CliCommands::generate(const QCommandLineParser& parser, const QString& path)
{
    sim::GeneratorParams params;
    bool ok = true;
    const auto number = [&](const char* name, qint64 fallback, qint64 min, qint64 max) {
        const QString key = QString::fromLatin1(name);
        if (!parser.isSet(key) && fallback >= 0)
            return fallback;
        bool parsed = false;
        const qint64 v = parser.value(key).toLongLong(&parsed);
        if (!parsed || v < min || v > max) {
            m_err << tr("--%1 must be a whole number from %2 to %3.").arg(key).arg(min).arg(max) << Qt::endl;
            ok = false;
        }
        return v;
    };
    params.seed = static_cast<quint64>(number("seed", -1, 0, std::numeric_limits<qint64>::max()));
    params.days = static_cast<int>(number("days", -1, 1, 3650));
    params.orders = number("orders", -1, 0, 50'000'000);
    // Members and goods grow with the orders unless given: the reference set (1M orders) has 50,000
    // members and 10,000 goods, the demo (30,000) 3,000 and 600.
    params.members = static_cast<int>(
        number("members", std::clamp<qint64>(params.orders / 10, 100, 50'000), 1, 5'000'000));
    params.goods =
        static_cast<int>(number("goods", std::clamp<qint64>(params.orders / 50, 50, 10'000), 1, 1'000'000));
    if (!ok)
        return 2;
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        m_err << tr("Cannot create the folder for %1.").arg(path) << Qt::endl;
        return 1;
    }
    return GenerateCommand(m_out, m_err).run(path, params);
}

int CliCommands::sync(const QCommandLineParser& parser, const QString& path, bool demo)
{
    SyncCommand::Target target;
    if (parser.isSet(QStringLiteral("url"))) {
        target.url = QUrl(parser.value(QStringLiteral("url")), QUrl::StrictMode);
        target.appId = parser.value(QStringLiteral("app-id")).toUtf8();
        target.secret = qgetenv("CARDOPS_PLATFORM_SECRET");
        if (!target.url.isValid() || target.appId.isEmpty() || target.secret.isEmpty()) {
            m_err << tr("sync with --url needs a valid address, --app-id and the secret in "
                        "CARDOPS_PLATFORM_SECRET.")
                  << Qt::endl;
            return 2;
        }
    } else if (!demo) {
        m_err << tr("This cache has no platform address: give --url and --app-id (the demo profile needs "
                    "none).")
              << Qt::endl;
        return 2;
    }
    return SyncCommand(m_out, m_err).run(path, target);
}

int CliCommands::supplier(const QCommandLineParser& parser, const QString& action, const QString& profile,
                          const QString& path)
{
    SupplierCommand::Options options;
    options.action = action;
    options.supplierId = parser.value(QStringLiteral("supplier"));
    options.json = parser.isSet(QStringLiteral("json"));
    options.demo = !parser.isSet(QStringLiteral("db")) && (profile.isEmpty() || profile == u"demo");
    if (!options.demo) {
        if (profile.isEmpty()) {
            m_err << tr("supplier needs a profile (--profile NAME): the suppliers are the profile's.")
                  << Qt::endl;
            return 2;
        }
        auto loaded = core::ProfileStore(profilesRoot()).load(profile);
        if (!loaded) {
            m_err << tr("Cannot load profile %1: %2").arg(profile, ErrorText::describe(loaded.error()))
                  << Qt::endl;
            return loaded.error().code == core::ErrorCode::NotFound ? 2 : 1;
        }
        options.endpoints = loaded->suppliers;
        options.profile = loaded->name;
        options.profileDirectory = core::ProfileStore(profilesRoot()).directory(loaded->name);
    }
    return SupplierCommand(m_out, m_err).run(path, options);
}

int CliCommands::serve(const QCommandLineParser& parser, bool once, const QString& profile,
                       const QString& path)
{
    ServeCommand::Options options;
    options.once = once;
    bool ttlOk = false;
    bool intervalOk = false;
    options.leaseTtlSeconds = parser.value(QStringLiteral("lease-ttl")).toInt(&ttlOk);
    options.intervalSeconds = parser.value(QStringLiteral("interval")).toInt(&intervalOk);
    bool concurrencyOk = false;
    options.concurrency = parser.value(QStringLiteral("concurrency")).toInt(&concurrencyOk);
    if (!ttlOk || options.leaseTtlSeconds < 3 || !intervalOk || options.intervalSeconds < 1 ||
        !concurrencyOk || options.concurrency < 1 || options.concurrency > 500) {
        m_err << tr("--lease-ttl must be at least 3 and --interval at least 1 (seconds); --concurrency 1 to "
                    "500.")
              << Qt::endl;
        return 2;
    }
    options.simSuppliers = parser.isSet(QStringLiteral("sim-suppliers"));
    options.notifyConfig = parser.value(QStringLiteral("notify-config"));
    const bool explicitDb = parser.isSet(QStringLiteral("db"));
    if (parser.isSet(QStringLiteral("url"))) {
        options.url = QUrl(parser.value(QStringLiteral("url")), QUrl::StrictMode);
        options.appId = parser.value(QStringLiteral("app-id")).toUtf8();
        options.secret = qgetenv("CARDOPS_PLATFORM_SECRET");
        if (!options.url.isValid() || options.appId.isEmpty() || options.secret.isEmpty()) {
            m_err << tr("serve with --url needs a valid address, --app-id and the secret in "
                        "CARDOPS_PLATFORM_SECRET.")
                  << Qt::endl;
            return 2;
        }
    } else if (!explicitDb && (profile.isEmpty() || profile == u"demo")) {
        options.demo = true;
    } else if (!profile.isEmpty()) {
        core::ProfileStore store(profilesRoot());
        auto loaded = store.load(profile);
        if (!loaded) {
            m_err << tr("Cannot load profile %1: %2").arg(profile, ErrorText::describe(loaded.error()))
                  << Qt::endl;
            return loaded.error().code == core::ErrorCode::NotFound ? 2 : 1;
        }
        options.url = loaded->platformUrl;
        options.appId = loaded->appId.toUtf8();
        options.secret = qgetenv("CARDOPS_PLATFORM_SECRET");
        if (options.secret.isEmpty()) {
            sync::SecretStore secrets(store.directory(loaded->name));
            QEventLoop wait;
            secrets.read(loaded->name, loaded->secretStorage, &wait, [&](core::Result<QByteArray> r) {
                if (r.ok())
                    options.secret = r.value();
                wait.quit();
            });
            wait.exec();
        }
        if (options.secret.isEmpty()) {
            m_err
                << tr("The platform secret of profile %1 cannot be read: put it in CARDOPS_PLATFORM_SECRET.")
                       .arg(profile)
                << Qt::endl;
            return 2;
        }
        options.suppliers = loaded->suppliers;
        options.profile = loaded->name;
        options.profileDirectory = store.directory(loaded->name);
    } else {
        m_err << tr("This cache has no platform address: give --url and --app-id, or --profile.") << Qt::endl;
        return 2;
    }
    const QString holderProfile = options.demo
                                      ? QStringLiteral("demo")
                                      : (profile.isEmpty() ? QFileInfo(path).completeBaseName() : profile);
    options.holder = parser.isSet(QStringLiteral("holder")) ? parser.value(QStringLiteral("holder")).toUtf8()
                                                            : ServeCommand::defaultHolder(holderProfile);
    return ServeCommand(m_out, m_err).run(path, options);
}

int CliCommands::cards(const QCommandLineParser& parser, const QStringList& positional)
{
    // The platform to compare with (and upload to): --url and --app-id with the secret in the
    // environment, or a profile's platform and its secret; without either the preview is offline.
    CardsCommand::Options options;
    const QString profile = parser.value(QStringLiteral("profile"));
    if (parser.isSet(QStringLiteral("url"))) {
        options.url = QUrl(parser.value(QStringLiteral("url")), QUrl::StrictMode);
        options.appId = parser.value(QStringLiteral("app-id")).toUtf8();
        options.secret = qgetenv("CARDOPS_PLATFORM_SECRET");
        if (!options.url.isValid() || options.appId.isEmpty() || options.secret.isEmpty()) {
            m_err << tr("cards with --url needs a valid address, --app-id and the secret in "
                        "CARDOPS_PLATFORM_SECRET.")
                  << Qt::endl;
            return 2;
        }
    } else if (!profile.isEmpty() && profile != u"demo") {
        core::ProfileStore store(profilesRoot());
        auto loaded = store.load(profile);
        if (!loaded) {
            m_err << tr("Cannot load profile %1: %2").arg(profile, ErrorText::describe(loaded.error()))
                  << Qt::endl;
            return loaded.error().code == core::ErrorCode::NotFound ? 2 : 1;
        }
        options.url = loaded->platformUrl;
        options.appId = loaded->appId.toUtf8();
        options.secret = qgetenv("CARDOPS_PLATFORM_SECRET");
        if (options.secret.isEmpty()) {
            sync::SecretStore secrets(store.directory(loaded->name));
            QEventLoop wait;
            secrets.read(loaded->name, loaded->secretStorage, &wait, [&](core::Result<QByteArray> r) {
                if (r.ok())
                    options.secret = r.value();
                wait.quit();
            });
            wait.exec();
        }
        if (options.secret.isEmpty()) {
            m_err
                << tr("The platform secret of profile %1 cannot be read: put it in CARDOPS_PLATFORM_SECRET.")
                       .arg(profile)
                << Qt::endl;
            return 2;
        }
    } else if (!profile.isEmpty() || parser.isSet(QStringLiteral("db"))) {
        m_err << tr("The demo has no shop platform to compare with: preview offline (without --profile and "
                    "--db), or give --profile NAME of a shop, or --url and --app-id.")
              << Qt::endl;
        return 2;
    }
    options.action = positional.value(1);
    options.goods = parser.value(QStringLiteral("goods"));
    options.format = parser.value(QStringLiteral("format"));
    options.separator = parser.value(QStringLiteral("separator"));
    options.file = positional.value(2);
    options.dryRun = parser.isSet(QStringLiteral("dry-run"));
    if (positional.size() > 3) {
        m_err << tr("cards import takes one file, not %1.").arg(positional.size() - 2) << Qt::endl;
        return 2;
    }
    return CardsCommand(m_out, m_err).run(options);
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
