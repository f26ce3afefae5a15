#pragma once

#include <QCoreApplication>
#include <QTextStream>
#include <QUrl>

namespace cardops::app {

// cardops-cli sync: one sync round with the platform, progress on the way and a summary at the
// end. The demo profile syncs with a built-in simulator when no --url is given.
class SyncCommand
{
    Q_DECLARE_TR_FUNCTIONS(SyncCommand)
public:
    struct Target
    {
        QUrl url; // empty: the built-in demo simulator
        QByteArray appId;
        QByteArray secret;
    };

    SyncCommand(QTextStream& out, QTextStream& err);
    int run(const QString& path, const Target& target);

private:
    QTextStream& m_out;
    QTextStream& m_err;
};

} // namespace cardops::app
