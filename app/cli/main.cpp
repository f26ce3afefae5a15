#include "app/cli/clicommands.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTextStream>
#include <QTranslator>
#include <cstdio>

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
    QCoreApplication app(argc, argv);
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
