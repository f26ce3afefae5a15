#include "storage/schema.h"

#include "storage/schema_p.h"
#include "storage/schemasteps_p.h"
#include "storage/sqlsupport_p.h"

#include <QStringList>

namespace cardops::storage {
namespace {

using core::ErrorCode;
using core::makeError;

static_assert(schema::ApplicationId == 1128354372, "v1 writes the application id literally");

// One version's statements and its user_version in one transaction.
core::Result<void> applyStep(QSqlDatabase& db, const detail::Migration& m)
{
    auto begin = detail::exec(db, QStringLiteral("BEGIN IMMEDIATE"));
    if (!begin)
        return begin.error();
    for (const char* statement : m.statements) {
        auto r = detail::exec(db, QString::fromUtf8(statement));
        if (!r) {
            (void)detail::exec(db, QStringLiteral("ROLLBACK"));
            return makeError(r.error().code, QStringLiteral("migration to v%1: ").arg(m.version) + r.error().detail);
        }
    }
    auto version = detail::exec(db, QStringLiteral("PRAGMA user_version = %1").arg(m.version));
    auto commit = version ? detail::exec(db, QStringLiteral("COMMIT")) : version;
    if (!commit) {
        (void)detail::exec(db, QStringLiteral("ROLLBACK"));
        return commit.error();
    }
    return {};
}

} // namespace

int schema::latestVersion()
{
    return static_cast<int>(detail::firstMigrations().size() + detail::laterMigrations().size());
}

core::Result<void> detail::migrate(QSqlDatabase& db, int fromVersion, int toVersion)
{
    for (const std::span<const Migration> part : {firstMigrations(), laterMigrations()}) {
        for (const Migration& m : part) {
            if (m.version <= fromVersion || m.version > toVersion)
                continue;
            if (auto r = applyStep(db, m); !r)
                return r;
        }
    }
    return {};
}

core::Result<void> schema::migrateFileTo(const QString& path, int version)
{
    if (version < 0 || version > latestVersion())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("no schema version %1").arg(version));
    const QString name = detail::newConnectionName(QStringLiteral("cardops-migrate"));
    core::Result<void> result;
    {
        auto db = detail::openConnection(name, path, false);
        if (!db) {
            result = db.error();
        } else {
            auto current = detail::select(db.value(), QStringLiteral("PRAGMA user_version"));
            if (!current)
                result = current.error();
            else
                result = detail::migrate(db.value(), current->value(0).value(0).toInt(), version);
        }
    }
    detail::closeConnection(name);
    return result;
}

} // namespace cardops::storage
