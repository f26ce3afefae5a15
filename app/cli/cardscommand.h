#pragma once

#include <QCoreApplication>
#include <QString>
#include <QTextStream>

namespace cardops::app {

// cardops-cli cards import --dry-run: previews a card file for a goods (core::CardImport) and
// prints the preview as JSON on stdout, a one-line summary on stderr. Offline: nothing counts as
// already in stock. Uploading comes with the goods page and is refused here.
class CardsCommand
{
    Q_DECLARE_TR_FUNCTIONS(CardsCommand)
public:
    struct Options
    {
        QString action;    // "import"
        QString goods;     // the goods' id, as given
        QString format;    // single | number_password | fields:N
        QString separator; // the goods' card_separator; empty: the format's default
        QString file;      // a .txt or .csv path, or "-" for standard input (pasted text)
        bool dryRun = false;
    };

    CardsCommand(QTextStream& out, QTextStream& err)
        : m_out(out)
        , m_err(err)
    {}

    // 0 previewed, 1 the file could not be read or is not text, 2 wrong usage.
    int run(const Options& options);

private:
    QTextStream& m_out;
    QTextStream& m_err;
};

} // namespace cardops::app
