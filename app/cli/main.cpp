#include "app/cli/clicommands.h"
#include "app/cli/reportcommand.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QLibraryInfo>
#include <QTextStream>
#include <QTranslator>
#include <cstdio>
#include <memory>

namespace {

// Chinese is the default; "--lang en" (or --lang=en) switches to English before any text is made.
QString requestedLanguage(const QStringList& args)
{
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args[i] == u"--lang" && i + 1 < args.size())
            return args[i + 1];
        if (args[i].startsWith(u"--lang="))
            return args[i].mid(7);
    }
    return QStringLiteral("zh_CN");
}

} // namespace

int main(int argc, char** argv)
{
    // `report` paints a PDF, and fonts need a QGuiApplication: offscreen unless a platform is chosen.
    QStringList rawArguments;
    for (int i = 0; i < argc; ++i)
        rawArguments.append(QString::fromLocal8Bit(argv[i]));
    const bool painting = cardops::app::ReportCommand::handles(rawArguments);
    if (painting && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    std::unique_ptr<QCoreApplication> app = painting ? std::make_unique<QGuiApplication>(argc, argv)
                                                     : std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("CardOps"));
    QCoreApplication::setApplicationName(QStringLiteral("cardops-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CARDOPS_VERSION));

    const QString language = requestedLanguage(QCoreApplication::arguments());
    QTranslator qtTranslator;
    QTranslator appTranslator;
    if (language != u"en") {
        if (qtTranslator.load(QStringLiteral("qtbase_") + language,
                              QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QCoreApplication::installTranslator(&qtTranslator);
        if (appTranslator.load(QStringLiteral(":/i18n/cardops_") + language))
            QCoreApplication::installTranslator(&appTranslator);
    }

    QTextStream out(stdout);
    QTextStream err(stderr);
    cardops::app::CliCommands commands(out, err);
    return commands.run(QCoreApplication::arguments());
}
