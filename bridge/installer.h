#pragma once

#include "core/result.h"

#include <QString>
#include <QStringList>

namespace cardops::bridge {

class BridgeDb;

// `cardops-bridge install` / `uninstall` (acg-faka-model.md §5.3, §5.4). install creates the bridge's
// own tables (meta, change inbox, sequencer, feed), then the AFTER INSERT/UPDATE/DELETE triggers on
// the acg tables, then seeds the inbox with every existing row once. It never alters an acg table's
// definition or rows. Idempotent: a second install keeps the tables, the epoch and the feed, and
// recreates the triggers with the current bodies. When only some of the own tables exist (one was
// dropped, or lost in a partial restore) events were lost: install starts over with a new epoch, so
// old cursors get 410 and clients resync. uninstall drops the triggers first, then the tables.
struct InstallReport
{
    bool createdTables = false; // false: the tables were there (a repeated install)
    int triggers = 0;           // triggers (re)created
    qint64 seeded = 0;          // change rows seeded from existing acg rows
    QString epoch;              // the install epoch carried in every cursor
};

core::Result<InstallReport> install(BridgeDb& db);
core::Result<int> uninstall(BridgeDb& db); // the number of triggers and tables dropped

// The names (unquoted) of every trigger and table install creates, for checks and uninstall.
QStringList ownTriggerNames(const BridgeDb& db);
QStringList ownTableNames(const BridgeDb& db);

// The install epoch ("" when the bridge is not installed).
core::Result<QString> installEpoch(BridgeDb& db);

} // namespace cardops::bridge
