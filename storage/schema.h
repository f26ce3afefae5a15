#pragma once

#include "core/result.h"

#include <QString>

namespace cardops::storage {

// The CardOps schema: `PRAGMA application_id` marks a file as ours and `PRAGMA user_version` holds
// the schema version. Migrations are applied step by step from the stored version, each version in
// its own transaction, each statement its own exec().
namespace schema {

constexpr int ApplicationId = 0x43415244; // "CARD"

int latestVersion();

// Brings the file at `path` to exactly `version` (≤ latestVersion()), creating it when missing.
// No checks: for tests that need a database of an earlier version. Database::open() is the way
// the application opens a file.
core::Result<void> migrateFileTo(const QString& path, int version);

} // namespace schema
} // namespace cardops::storage
