#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QTextStream>
#include <QUrl>

namespace cardops::app {

// cardops-cli cards import --dry-run: previews a card file for a goods (core::CardImport) and
// prints the preview as JSON on stdout, a one-line summary on stderr. With a platform (a profile,
// or --url and --app-id) the goods' stock is read first (fingerprints only) and counted as
// already in stock; without one nothing is. cards upload: the same preview against the platform,
// then the new cards are uploaded in keyed batches and the platform's result per line is printed.
class CardsCommand
{
    Q_DECLARE_TR_FUNCTIONS(CardsCommand)
public:
    struct Options
    {
        QString action;    // "import" or "upload"
        QString goods;     // the goods' id, as given
        QString format;    // single | number_password | fields:N
        QString separator; // the goods' card_separator; empty: the format's default
        QString file;      // a .txt or .csv path, or "-" for standard input (pasted text)
        bool dryRun = false;
        // The platform; an empty url: none (offline preview only).
        QUrl url;
        QByteArray appId;
        QByteArray secret;
    };

    CardsCommand(QTextStream& out, QTextStream& err)
        : m_out(out)
        , m_err(err)
    {}

    // 0 previewed (and uploaded), 1 the file could not be read or the platform failed, 2 wrong usage.
    int run(const Options& options);

private:
    QTextStream& m_out;
    QTextStream& m_err;
};

} // namespace cardops::app
