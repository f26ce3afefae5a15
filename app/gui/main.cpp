#include "app/gui/consoleapp.h"
#include "app/gui/consolesession.h"
#include "app/gui/screenshotrun.h"
#include "models/datasource.h"
#include "storage/counters.h"
#include "storage/readsession.h"
#include "ui/firstrundialog.h"
#include "ui/mainwindow.h"
#include "ui/style.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>
#include <QTextStream>
#include <QTranslator>
#include <cstdio>

using namespace cardops;

namespace {

bool wantsScreenshot(int argc, char** argv)
{
    for (int i = 1; i < argc; ++i)
        if (qstrncmp(argv[i], "--screenshot", 12) == 0)
            return true;
    return false;
}

void installTranslators(QApplication& app, const QString& language)
{
    if (language == u"en")
        return;
    auto* qt = new QTranslator(&app);
    if (qt->load(QStringLiteral("qtbase_") + language, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    auto* own = new QTranslator(&app);
    if (own->load(QStringLiteral(":/i18n/cardops_") + language))
        QCoreApplication::installTranslator(own);
}

} // namespace

int main(int argc, char** argv)
{
    // A screenshot renders offscreen unless the caller chose a platform plugin.
    if (wantsScreenshot(argc, argv) && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("CardOps"));
    QCoreApplication::setApplicationName(QStringLiteral("CardOps"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CARDOPS_VERSION));

    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption profileOption(QStringLiteral("profile"), QStringLiteral("Profile to open."),
                                           QStringLiteral("name"));
    const QCommandLineOption dbOption(QStringLiteral("db"),
                                      QStringLiteral("Open a cache file, without a platform."),
                                      QStringLiteral("file"));
    const QCommandLineOption langOption(QStringLiteral("lang"), QStringLiteral("zh_CN (default) or en."),
                                        QStringLiteral("language"));
    const QCommandLineOption pageOption(
        QStringLiteral("page"),
        QStringLiteral("Page to show: workbench, orders, goods, members, suppliers, "
                       "finance, dashboard, audit, settings (or all); NAME:FILTER opens it with a "
                       "filter or tab, e.g. members:tree."),
        QStringLiteral("name"));
    const QCommandLineOption shotOption(
        QStringLiteral("screenshot"),
        QStringLiteral("Render the page offscreen to a PNG, print rows=<n>, exit."), QStringLiteral("file"));
    const QCommandLineOption shotDirOption(
        QStringLiteral("screenshot-dir"), QStringLiteral("With --page all: one PNG per page in this folder."),
        QStringLiteral("folder"));
    parser.addOptions({profileOption, dbOption, langOption, pageOption, shotOption, shotDirOption});
    parser.process(app);

    const QString language =
        parser.isSet(langOption)
            ? parser.value(langOption)
            : QSettings().value(QStringLiteral("console/language"), QStringLiteral("zh_CN")).toString();
    installTranslators(app, language);
    ui::applyStyle(app);
    QTextStream out(stdout);
    QTextStream err(stderr);

    const QString root = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
                         QStringLiteral("/CardOps/profiles");
    app::ConsoleApp console(root, language == u"en" ? QStringLiteral("en") : QStringLiteral("zh_CN"));
    const bool screenshot = parser.isSet(shotOption) || parser.isSet(shotDirOption);

    QList<ui::PageId> pages;
    QString pageFilter;
    if (parser.isSet(pageOption)) {
        ui::PageId page = ui::PageId::Workbench;
        const QString pageName = parser.value(pageOption).section(u':', 0, 0);
        pageFilter = parser.value(pageOption).section(u':', 1);
        if (pageName == u"all") {
            pages = ui::allPages();
        } else if (ui::pageFromName(pageName, &page)) {
            pages = {page};
        } else {
            err << QCoreApplication::translate("main", "Unknown page '%1'.").arg(parser.value(pageOption))
                << Qt::endl;
            return 2;
        }
    }
    if (screenshot && (pages.isEmpty() || (pages.size() > 1) != parser.isSet(shotDirOption))) {
        err << QCoreApplication::translate("main", "Use --page NAME --screenshot FILE.png, or --page all "
                                                   "--screenshot-dir FOLDER.")
            << Qt::endl;
        return 2;
    }

    core::Result<void> opened;
    if (parser.isSet(dbOption)) {
        opened = console.openFile(parser.value(dbOption));
    } else {
        QString profile = parser.value(profileOption);
        if (profile.isEmpty())
            profile = console.defaultProfile();
        if (profile.isEmpty() && screenshot)
            profile = QString::fromLatin1(app::ConsoleApp::DemoProfile);
        if (profile.isEmpty()) {
            ui::FirstRunDialog first(console);
            if (first.exec() != QDialog::Accepted)
                return 0;
            profile = first.choice() == ui::FirstRunDialog::Choice::Demo
                          ? QString::fromLatin1(app::ConsoleApp::DemoProfile)
                          : first.profileName();
        }
        opened = console.openProfile(profile);
    }
    if (!opened) {
        const QString text = app::ConsoleApp::describe(opened.error());
        if (screenshot)
            err << text << Qt::endl;
        else
            QMessageBox::critical(nullptr, QCoreApplication::translate("main", "CardOps"), text);
        return 1;
    }

    ui::MainWindow window(console.session()->source(), console);
    if (!pages.isEmpty())
        window.showPage(pages.first());
    window.show();
    if (!screenshot)
        return app.exec();

    // The demo's first start fills its cache from the simulator: wait for that round.
    const qint64 orders =
        storage::counters::read(storage::ReadSession(console.session()->source().databasePath()),
                                storage::counters::OrdersTotal)
            .valueOr(0);
    const bool waitForSync = console.isDemo() && orders == 0;
    app::ScreenshotRun run(window, console, pages,
                           parser.isSet(shotDirOption) ? parser.value(shotDirOption)
                                                       : parser.value(shotOption),
                           parser.isSet(shotDirOption), out, err);
    run.setFilter(pageFilter);
    int exitCode = 1;
    QObject::connect(&run, &app::ScreenshotRun::finished, &app, [&](int code) {
        exitCode = code;
        QCoreApplication::quit();
    });
    run.start(waitForSync);
    app.exec();
    return exitCode;
}
