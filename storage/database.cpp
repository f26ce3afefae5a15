#include "storage/database.h"

#include "storage/databasewriter.h"
#include "storage/readsession.h"
#include "storage/schema.h"
#include "storage/schema_p.h"
#include "storage/sqlsupport_p.h"

#include <QFile>
#include <QFileInfo>
#include <QThread>

namespace cardops::storage {

using core::ErrorCode;
using core::makeError;

namespace {

struct FileFacts
{
    int version = 0;
};

// The verdict of PRAGMA quick_check's rows: "ok", or the first problems.
core::Result<void> quickCheckRows(const core::Result<QList<QVariantList>>& check, const QString& path)
{
    if (!check) // the check itself stumbled on the damage: still name the file
        return makeError(check.error().code, path + u": " + check.error().detail);
    const QString first = check->isEmpty() ? QString() : check->first().value(0).toString();
    if (first == u"ok")
        return {};
    QStringList problems;
    for (const auto& r : *check)
        problems << r.value(0).toString();
    return makeError(ErrorCode::CorruptDatabase, path + u": " + problems.mid(0, 5).join(u"; "));
}

// Reads what the file is without writing to it.
core::Result<FileFacts> inspect(QSqlDatabase& db, const QString& path, bool checkIntegrity)
{
    auto facts =
        detail::select(db, QStringLiteral("SELECT (SELECT application_id FROM pragma_application_id), "
                                          "(SELECT user_version FROM pragma_user_version), "
                                          "(SELECT count(*) FROM sqlite_master)"));
    if (!facts)
        return makeError(facts.error().code, path + u": " + facts.error().detail);
    const QVariantList& row = facts->first();
    const qint64 appId = row.value(0).toLongLong();
    const int version = row.value(1).toInt();
    const qint64 objects = row.value(2).toLongLong();
    const bool ours = appId == schema::ApplicationId;
    if (!ours && (appId != 0 || objects > 0))
        return makeError(
            ErrorCode::NotCardOps,
            path + QStringLiteral(" is an SQLite database of another program (application id %1, %2 objects)")
                       .arg(appId)
                       .arg(objects));
    if (version > schema::latestVersion())
        return makeError(ErrorCode::NewerSchema,
                         path + QStringLiteral(" has schema version %1; this CardOps knows up to %2")
                                    .arg(version)
                                    .arg(schema::latestVersion()));
    if (checkIntegrity && objects > 0) {
        if (auto check = quickCheckRows(detail::select(db, QStringLiteral("PRAGMA quick_check")), path);
            !check)
            return check.error();
    }
    return FileFacts{version};
}

// Whether opening the file may write to it before a deferred check has run: a file not yet in WAL
// mode is switched to it (a write), and a non-empty -wal file is checkpointed into the database
// when the opening connection closes. Either way the check runs first, at once.
bool openingMayWrite(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return true;
    const QByteArray header = file.read(20);
    const bool wal = header.size() == 20 && header.at(18) == 2 && header.at(19) == 2;
    return !wal || QFileInfo(path + QStringLiteral("-wal")).size() > 0;
}

core::Result<void> checkHeader(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io, path + u": " + file.errorString());
    const QByteArray header = file.read(100);
    if (header.isEmpty())
        return {}; // an empty file becomes a new database
    if (header.size() < 100 || !header.startsWith(QByteArrayView("SQLite format 3\0", 16)))
        return makeError(ErrorCode::NotADatabase, path + QStringLiteral(" is not an SQLite database"));
    return {};
}

core::Result<void> backup(QSqlDatabase& db, const QString& path, int version)
{
    const QString target = path + QStringLiteral(".v%1.bak").arg(version);
    QFile::remove(target);
    auto r = detail::exec(db, QStringLiteral("VACUUM INTO ?"), {target});
    if (!r)
        return makeError(r.error().code, u"backup before migration: " + r.error().detail);
    return {};
}

} // namespace

void Database::ThreadStopper::operator()(QThread* thread) const
{
    thread->quit();
    thread->wait();
    delete thread;
}

Database::Database(QString path, const core::Clock& clock, int schemaVersion)
    : m_path(std::move(path))
    , m_clock(clock)
    , m_schemaVersion(schemaVersion)
{}

Database::~Database()
{
    if (m_thread && m_writer) {
        QMetaObject::invokeMethod(m_writer.get(), &DatabaseWriter::closeConnection,
                                  Qt::BlockingQueuedConnection);
    }
    m_thread.reset();
    m_writer.reset();
}

core::Result<std::unique_ptr<Database>> Database::open(const QString& path, const core::Clock& clock,
                                                       const Options& options)
{
    const QFileInfo info(path);
    const bool exists = info.exists();
    if (exists && !info.isFile())
        return makeError(ErrorCode::Io, path + QStringLiteral(" is not a regular file"));
    if (!exists && !options.create)
        return makeError(ErrorCode::NotFound, path + QStringLiteral(" does not exist"));
    if (exists) {
        auto header = checkHeader(path);
        if (!header)
            return header.error();
    }

    const QString name = detail::newConnectionName(QStringLiteral("cardops-open"));
    core::Result<void> prepared;
    {
        auto db = detail::openConnection(name, path, false);
        if (!db) {
            prepared = db.error();
        } else {
            const bool checkNow =
                options.checkIntegrity && exists && (!options.deferQuickCheck || openingMayWrite(path));
            auto facts = inspect(db.value(), path, checkNow);
            if (facts && !checkNow && options.checkIntegrity && exists && facts->version > 0 &&
                facts->version < schema::latestVersion())
                facts = inspect(db.value(), path, true); // a migration writes: check first after all
            if (!facts) {
                prepared = facts.error();
            } else {
                const int from = facts->version;
                if (from > 0 && from < schema::latestVersion() && options.backupBeforeMigrate)
                    prepared = backup(db.value(), path, from);
                if (prepared)
                    prepared = detail::applyConnectionPragmas(db.value());
                if (prepared)
                    prepared = detail::migrate(db.value(), from, schema::latestVersion());
            }
        }
    }
    detail::closeConnection(name);
    if (!prepared)
        return prepared.error();

    std::unique_ptr<Database> database(new Database(path, clock, schema::latestVersion()));
    database->m_writer = std::make_unique<DatabaseWriter>(path, clock);
    database->m_thread.reset(new QThread);
    database->m_thread->setObjectName(QStringLiteral("cardops-writer"));
    database->m_writer->moveToThread(database->m_thread.get());
    database->m_thread->start();
    QMetaObject::invokeMethod(database->m_writer.get(), &DatabaseWriter::openConnection,
                              Qt::BlockingQueuedConnection);
    if (!database->m_writer->isOpen())
        return makeError(ErrorCode::Storage,
                         path + QStringLiteral(": the writer could not open the database"));
    return database;
}

core::Result<void> Database::quickCheck(const ReadSession& session)
{
    return quickCheckRows(session.select(QStringLiteral("PRAGMA quick_check")), QStringLiteral("the cache"));
}

core::Result<void> Database::checkIntegrity() const
{
    const QString name = detail::newConnectionName(QStringLiteral("cardops-check"));
    core::Result<void> result;
    {
        auto db = detail::openConnection(name, m_path, true);
        if (!db) {
            result = db.error();
        } else {
            auto rows = detail::select(db.value(), QStringLiteral("PRAGMA integrity_check"));
            if (!rows)
                result = rows.error();
            else if (rows->isEmpty() || rows->first().value(0).toString() != u"ok")
                result = makeError(ErrorCode::CorruptDatabase,
                                   rows->isEmpty() ? QString() : rows->first().value(0).toString());
        }
    }
    detail::closeConnection(name);
    return result;
}

} // namespace cardops::storage
