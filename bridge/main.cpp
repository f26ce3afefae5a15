// cardops-bridge: CardOps Platform API v1 beside an acg-faka shop (docs/bridge.md).
#include "bridge/bridgeconfig.h"
#include "bridge/bridgedb.h"
#include "bridge/bridgeservice.h"
#include "bridge/installer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <cstdio>

using namespace cardops::bridge;

namespace {

int failWith(const QString& message)
{
    std::fprintf(stderr, "cardops-bridge: %s\n", qPrintable(message));
    return 1;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("cardops-bridge"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Serves CardOps Platform API v1 over an acg-faka shop's database.\n"
        "Commands: install (create the bridge's tables and triggers), uninstall (remove them), "
        "serve (answer the API)."));
    parser.addHelpOption();
    const QCommandLineOption config(QStringList{QStringLiteral("c"), QStringLiteral("config")},
                                    QStringLiteral("The configuration file (INI)."), QStringLiteral("file"),
                                    QStringLiteral("/etc/cardops-bridge.ini"));
    parser.addOption(config);
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("install | uninstall | serve"));
    parser.process(app);
    const QStringList args = parser.positionalArguments();
    if (args.size() != 1)
        return failWith(QStringLiteral("give one command: install, uninstall or serve"));
    auto cfg = BridgeConfig::load(parser.value(config));
    if (!cfg)
        return failWith(cfg.error().detail);
    const QString command = args.first();
    if (command == QLatin1StringView("serve")) {
        BridgeService service(cfg.value());
        auto port = service.start();
        if (!port)
            return failWith(port.error().detail);
        std::printf("cardops-bridge: serving %s:%u\n", qPrintable(cfg.value().listenAddress),
                    unsigned(port.value()));
        std::fflush(stdout);
        return QCoreApplication::exec();
    }
    if (command != QLatin1StringView("install") && command != QLatin1StringView("uninstall"))
        return failWith(QStringLiteral("unknown command %1").arg(command));
    BridgeDb db(cfg.value(), QStringLiteral("cardops-bridge-admin"));
    if (auto ok = db.open(); !ok)
        return failWith(ok.error().detail);
    if (command == QLatin1StringView("install")) {
        auto report = install(db);
        if (!report)
            return failWith(report.error().detail);
        std::printf("cardops-bridge: %s; %d triggers; %lld existing rows queued; epoch %s\n",
                    report.value().createdTables ? "installed" : "already installed, triggers refreshed",
                    report.value().triggers, static_cast<long long>(report.value().seeded),
                    qPrintable(report.value().epoch));
        return 0;
    }
    auto dropped = uninstall(db);
    if (!dropped)
        return failWith(dropped.error().detail);
    std::printf("cardops-bridge: uninstalled (%d triggers and tables dropped)\n", dropped.value());
    return 0;
}
