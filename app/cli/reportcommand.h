#pragma once

#include <QCoreApplication>
#include <QStringList>
#include <QTextStream>

namespace cardops::app {

// cardops-cli report weekly --out DIR [--week YYYY-Www] [--db FILE | --profile NAME]: writes the
// weekly operations report (docs/reports.md) as DIR/周报-YYYY-Www.pdf and DIR/周报-YYYY-Www.csv,
// each complete or not at all (QSaveFile). The default week is the last complete one (Monday to
// Sunday, Asia/Shanghai). Exit codes: 0 written, 1 the cache could not be read or a file not
// written, 2 wrong usage. Painting the PDF needs a QGuiApplication: main() makes one (offscreen
// when QT_QPA_PLATFORM is unset) when handles() says so.
class ReportCommand
{
    Q_DECLARE_TR_FUNCTIONS(ReportCommand)
public:
    ReportCommand(QTextStream& out, QTextStream& err)
        : m_out(out)
        , m_err(err)
    {}

    // Whether the command line's first positional argument is "report".
    static bool handles(const QStringList& arguments);
    int run(const QStringList& arguments);

private:
    QTextStream& m_out;
    QTextStream& m_err;
};

} // namespace cardops::app
