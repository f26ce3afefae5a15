#pragma once

#include "core/result.h"

#include <QHash>
#include <QString>
#include <cstdint>

namespace cardops::storage {

class ReadSession;

// Live counts kept in the counter table by the same transactions that change what they count.
// The names are stable keys; the work bench shows one tile per name.
namespace counters {

inline const QString ReviewPending = QStringLiteral("review_pending");            // 待审核
inline const QString PurchaseUnknown = QStringLiteral("purchase_unknown");        // 采购结果未知
inline const QString DeliveryFailed = QStringLiteral("delivery_failed");          // 发货失败
inline const QString LowStock = QStringLiteral("low_stock");                      // 低库存
inline const QString SupplierBalanceLow = QStringLiteral("supplier_balance_low"); // 上游余额不足
inline const QString SyncError = QStringLiteral("sync_error");                    // 同步异常
inline const QString WithdrawalPending = QStringLiteral("withdrawal_pending");    // 提现待审
inline const QString PricingAlerts = QStringLiteral("pricing_alerts");            // 上游变价 (storage/pricingrules.h)
// Not kept in the counter table (a goods' price and its supplier's cost change apart): counted when
// the console status is read (consolestatus::read).
inline const QString NegativeMargin = QStringLiteral("negative_margin"); // 毛利为负

// Totals and per-status counts of the cache, kept by ingest (status tabs, the status line).
inline const QString GoodsTotal = QStringLiteral("goods_total");
inline const QString MembersTotal = QStringLiteral("members_total");
inline const QString OrdersTotal = QStringLiteral("orders_total");
// "orders_status_<status>" for each order status of docs/platform-api.md.
QString orderStatus(const QString& status);

core::Result<QHash<QString, qint64>> readAll(const ReadSession& session);
core::Result<qint64> read(const ReadSession& session, const QString& name);

} // namespace counters
} // namespace cardops::storage
