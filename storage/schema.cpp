#include "storage/schema.h"

#include "storage/schema_p.h"
#include "storage/sqlsupport_p.h"

#include <QStringList>

#include <span>

namespace cardops::storage {
namespace {

using core::ErrorCode;
using core::makeError;

// One entry per schema version; each string is exactly one statement. Never edit a published
// step: add a new version instead.
struct Migration
{
    int version;
    std::span<const char* const> statements;
};

// v1: who acts and what they did (operators, the append-only audit log).
constexpr const char* kV1[] = {
    "PRAGMA application_id = 1128354372",
    R"(CREATE TABLE operators (
        id INTEGER PRIMARY KEY,
        login TEXT NOT NULL UNIQUE COLLATE NOCASE,
        display_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('operator', 'finance', 'admin')),
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL))",
    // The default local administrator: a one-person shop may run without a login.
    R"(INSERT INTO operators (id, login, display_name, role, active, created_at, updated_at)
        VALUES (1, 'admin', '管理员', 'admin', 1, CAST(strftime('%s', 'now') AS INTEGER),
                CAST(strftime('%s', 'now') AS INTEGER)))",
    R"(CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        operator_id INTEGER NOT NULL REFERENCES operators (id),
        operator_login TEXT NOT NULL,
        action TEXT NOT NULL,
        entity TEXT NOT NULL,
        entity_id TEXT NOT NULL DEFAULT '',
        detail TEXT NOT NULL DEFAULT ''))",
    "CREATE INDEX audit_log_entity ON audit_log (entity, entity_id, id)",
    "CREATE INDEX audit_log_at ON audit_log (at)",
    R"(CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END)",
    R"(CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END)",
};

// v2: live counts for the work bench and status tabs, kept in the same transactions as the rows
// they count (never COUNT(*) on every change).
constexpr const char* kV2[] = {
    R"(CREATE TABLE counters (
        name TEXT PRIMARY KEY,
        value INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID)",
    R"(INSERT INTO counters (name, value) VALUES
        ('review_pending', 0), ('purchase_unknown', 0), ('delivery_failed', 0), ('low_stock', 0),
        ('supplier_balance_low', 0), ('sync_error', 0), ('withdrawal_pending', 0))",
};

constexpr Migration kMigrations[] = {
    {1, kV1},
    {2, kV2},
};

static_assert(schema::ApplicationId == 1128354372, "v1 writes the application id literally");

} // namespace

int schema::latestVersion()
{
    return static_cast<int>(std::size(kMigrations));
}

core::Result<void> detail::migrate(QSqlDatabase& db, int fromVersion, int toVersion)
{
    for (const Migration& m : kMigrations) {
        if (m.version <= fromVersion || m.version > toVersion)
            continue;
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
