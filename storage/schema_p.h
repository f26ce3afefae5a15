#pragma once

#include "core/result.h"

class QSqlDatabase;

namespace cardops::storage::detail {

// Applies the migrations after `fromVersion` up to `toVersion` on an open connection.
core::Result<void> migrate(QSqlDatabase& db, int fromVersion, int toVersion);

} // namespace cardops::storage::detail
