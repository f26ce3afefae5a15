#pragma once

#include "core/notification.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <optional>

namespace cardops::core {

// A low-stock alert a sync round raised or cleared (docs/goods.md "Low-stock alert").
struct LowStockNotice
{
    qint64 goodsId = 0;
    QString name;
    bool raised = false;   // false: cleared (restocked, threshold lowered, off sale)
    qint64 available = -1; // the platform stock that counted; -1 when only the supplier's level did
    qint64 threshold = 0;
};

// The words of the low-stock notification, the same for the console's tray and `serve`'s channels.
class StockNotices
{
    Q_DECLARE_TR_FUNCTIONS(StockNotices)
public:
    // One notification for the alerts a round raised, naming the first three; nothing when it raised
    // none (a cleared alert shows on the goods page, it does not call anyone).
    static std::optional<Notification> lowStock(const QList<LowStockNotice>& alerts, qint64 at);
};

} // namespace cardops::core
