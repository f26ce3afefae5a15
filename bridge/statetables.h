#pragma once

#include <QStringList>

namespace cardops::bridge {

class BridgeDb;

// The bridge's state tables (acg-faka-model.md §4.11): what the bridge must remember for the writes,
// beside the change log's four tables. Created by every install (CREATE IF NOT EXISTS, so a bridge
// upgrade adds them without a new epoch) and dropped by uninstall.
//   idempotency — one row per Idempotency-Key: the first answer, replayed to a repeat (kept ≥ 7 days);
//   audit       — one row per write the bridge made in acg's tables and per card reveal;
//   lease       — the fulfilment lease (one row, id 1);
//   member_tags — CardOps's member tags (acg has none);
//   holds       — review holds CardOps put on handed-over orders (acg ignores them).
QStringList stateTableDdl(const BridgeDb& db);
QStringList stateTableNames(const BridgeDb& db);

} // namespace cardops::bridge
