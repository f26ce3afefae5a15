#pragma once

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QStringList>
#include <QTextStream>

namespace cardops::app {

// The headless commands of cardops-cli. Each returns a process exit code: 0 success, 1 failure,
// 2 wrong usage. Output goes to `out`, errors (in the operator's language) to `err`.
class CliCommands
{
    Q_DECLARE_TR_FUNCTIONS(CliCommands)
public:
    CliCommands(QTextStream& out, QTextStream& err)
        : m_out(out)
        , m_err(err)
    {}

    int run(const QStringList& arguments);

    static QString demoDatabasePath();
    static QString profileDatabasePath(const QString& profile);
    // Where core::ProfileStore keeps the profiles (profileDatabasePath's folders).
    static QString profilesRoot();

private:
    int status(const QString& path);
    int check(const QString& path);
    int generate(const QCommandLineParser& parser, const QString& path);
    int sync(const QCommandLineParser& parser, const QString& path, bool demo);
    int supplier(const QCommandLineParser& parser, const QString& action, const QString& profile,
                 const QString& path);
    int serve(const QCommandLineParser& parser, bool once, const QString& profile, const QString& path);
    int cards(const QCommandLineParser& parser, const QStringList& positional);

    QTextStream& m_out;
    QTextStream& m_err;
};

} // namespace cardops::app
