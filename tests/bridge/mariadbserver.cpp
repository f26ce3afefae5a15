#include "tests/bridge/mariadbserver.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTcpServer>
#include <QThread>
#include <unistd.h>

namespace cardops::test {

namespace {

QString findTool(const QString& name)
{
    QString path = QStandardPaths::findExecutable(name);
    if (path.isEmpty())
        path = QStandardPaths::findExecutable(
            name,
            {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/local/sbin"), QStringLiteral("/usr/bin")});
    return path;
}

quint16 freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

bool runOrFail(QSqlDatabase db, const QString& sql, QString* error)
{
    QSqlQuery q(db);
    if (q.exec(sql))
        return true;
    *error = sql.left(120) + QStringLiteral(": ") + q.lastError().text();
    return false;
}

} // namespace

MariaDbServer::MariaDbServer()
    : m_rootConnection(QStringLiteral("mariadb-root-%1").arg(quintptr(this)))
{}

MariaDbServer::~MariaDbServer()
{
    stop();
}

QString MariaDbServer::missing()
{
    QStringList gone;
    if (findTool(QStringLiteral("mariadbd")).isEmpty())
        gone << QStringLiteral("mariadbd");
    if (findTool(QStringLiteral("mariadb-install-db")).isEmpty())
        gone << QStringLiteral("mariadb-install-db");
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QMYSQL")))
        gone << QStringLiteral("the QMYSQL driver (libqt6sql6-mysql)");
    return gone.isEmpty() ? QString() : QStringLiteral("missing: ") + gone.join(QStringLiteral(", "));
}

QString MariaDbServer::socketPath() const
{
    return m_dir ? m_dir->filePath(QStringLiteral("mysqld.sock")) : QString();
}

bool MariaDbServer::start(QString* error)
{
    // A short base path: a UNIX socket path is limited to 107 bytes.
    m_dir = std::make_unique<QTemporaryDir>(QStringLiteral("/tmp/cardops-mdb-XXXXXX"));
    if (!m_dir->isValid()) {
        *error = QStringLiteral("no temporary directory");
        return false;
    }
    const QString data = m_dir->filePath(QStringLiteral("data"));
    // A private tmpdir: a starting mariadbd deletes every "#sql*" file in its tmpdir as left over
    // from an earlier run, so with a shared /tmp one test's server start removed another test's
    // bootstrap tables ("Could not remove temporary table", CI with ctest -j).
    const QString tmp = m_dir->filePath(QStringLiteral("tmp"));
    if (!QDir().mkpath(tmp)) {
        *error = QStringLiteral("cannot create ") + tmp;
        return false;
    }
    const bool root = ::geteuid() == 0;
    QStringList installArgs = {QStringLiteral("--no-defaults"),
                               QStringLiteral("--datadir=") + data,
                               QStringLiteral("--auth-root-authentication-method=normal"),
                               QStringLiteral("--skip-test-db"),
                               QStringLiteral("--skip-name-resolve"),
                               QStringLiteral("--tmpdir=") + tmp};
    if (root)
        installArgs << QStringLiteral("--user=root");
    QProcess install;
    install.start(findTool(QStringLiteral("mariadb-install-db")), installArgs);
    if (!install.waitForFinished(120000) || install.exitCode() != 0) {
        *error = QStringLiteral("mariadb-install-db failed: ") +
                 QString::fromLocal8Bit(install.readAllStandardError());
        return false;
    }
    m_port = freePort();
    QStringList args = {
        QStringLiteral("--no-defaults"),
        QStringLiteral("--datadir=") + data,
        QStringLiteral("--tmpdir=") + tmp,
        QStringLiteral("--port=%1").arg(m_port),
        QStringLiteral("--bind-address=127.0.0.1"),
        QStringLiteral("--socket=") + socketPath(),
        QStringLiteral("--pid-file=") + m_dir->filePath(QStringLiteral("mysqld.pid")),
        QStringLiteral("--log-error=") + m_dir->filePath(QStringLiteral("error.log")),
        QStringLiteral("--skip-name-resolve"),
        QStringLiteral("--skip-log-bin"),
        QStringLiteral("--innodb-buffer-pool-size=32M"),
        QStringLiteral("--innodb-flush-log-at-trx-commit=2"),
        QStringLiteral("--sql-mode=STRICT_TRANS_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION")};
    if (root)
        args << QStringLiteral("--user=root");
    m_server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_server.start(findTool(QStringLiteral("mariadbd")), args);
    if (!m_server.waitForStarted(10000)) {
        *error = QStringLiteral("mariadbd did not start");
        return false;
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QMYSQL"), m_rootConnection);
    db.setUserName(QStringLiteral("root"));
    db.setConnectOptions(QStringLiteral("UNIX_SOCKET=") + socketPath());
    QDeadlineTimer deadline(60000);
    while (!db.open()) {
        if (deadline.hasExpired() || m_server.state() != QProcess::Running) {
            QFile log(m_dir->filePath(QStringLiteral("error.log")));
            log.open(QIODevice::ReadOnly);
            *error =
                QStringLiteral("mariadbd is not answering: ") + QString::fromUtf8(log.readAll().right(2000));
            return false;
        }
        QThread::msleep(100);
    }
    return rootExec({QStringLiteral("CREATE DATABASE `acg` CHARACTER SET utf8mb4"),
                     QStringLiteral("CREATE USER 'bridge'@'127.0.0.1' IDENTIFIED BY 'bridge-pw'"),
                     QStringLiteral("GRANT ALL PRIVILEGES ON `acg`.* TO 'bridge'@'127.0.0.1'")},
                    error);
}

void MariaDbServer::stop()
{
    if (QSqlDatabase::contains(m_rootConnection)) {
        {
            QSqlDatabase db = QSqlDatabase::database(m_rootConnection, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_rootConnection);
    }
    if (m_server.state() != QProcess::NotRunning) {
        m_server.terminate(); // SIGTERM: a clean shutdown
        if (!m_server.waitForFinished(30000)) {
            m_server.kill();
            m_server.waitForFinished(5000);
        }
    }
    m_dir.reset();
}

bool MariaDbServer::rootExec(const QStringList& statements, QString* error)
{
    QSqlDatabase db = QSqlDatabase::database(m_rootConnection, false);
    for (const QString& sql : statements)
        if (!runOrFail(db, sql, error))
            return false;
    return true;
}

bool MariaDbServer::loadFixture(const QString& fileName, const QString& prefix, QString* error)
{
    QFile f(QStringLiteral(CARDOPS_BRIDGE_TEST_DATA) + u'/' + fileName);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read ") + f.fileName();
        return false;
    }
    QString text = QString::fromUtf8(f.readAll());
    text.replace(QStringLiteral("__PREFIX__"), prefix);
    QStringList statements;
    QString current;
    for (const QString& line : text.split(u'\n')) {
        if (line.trimmed().startsWith(QStringLiteral("--")) || line.trimmed().isEmpty())
            continue;
        current += line + u'\n';
        if (line.trimmed().endsWith(u';')) {
            statements << QStringLiteral("USE `acg`");
            statements << current.trimmed().chopped(1);
            current.clear();
        }
    }
    return rootExec(statements, error);
}

bridge::BridgeConfig MariaDbServer::config(const QString& prefix) const
{
    bridge::BridgeConfig c;
    c.dbHost = QStringLiteral("127.0.0.1");
    c.dbPort = m_port;
    c.dbName = QStringLiteral("acg");
    c.dbUser = QStringLiteral("bridge");
    c.dbPassword = QStringLiteral("bridge-pw");
    c.prefix = prefix;
    c.listenPort = 0;
    c.appId = "demo";
    c.appSecret = "demo-secret";
    return c;
}

QString MariaDbServer::openWriter(const QString& connectionName, QString* error) const
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QMYSQL"), connectionName);
    db.setHostName(QStringLiteral("127.0.0.1"));
    db.setPort(m_port);
    db.setDatabaseName(QStringLiteral("acg"));
    db.setUserName(QStringLiteral("bridge"));
    db.setPassword(QStringLiteral("bridge-pw"));
    if (!db.open()) {
        *error = db.lastError().text();
        return {};
    }
    QSqlQuery(db).exec(QStringLiteral("SET NAMES utf8mb4"));
    // A test that blocks on a lock fails in seconds, not after InnoDB's 50 s.
    QSqlQuery(db).exec(QStringLiteral("SET SESSION innodb_lock_wait_timeout = 5"));
    return connectionName;
}

} // namespace cardops::test
