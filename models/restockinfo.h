#pragma once

#include "core/stockalerts.h"
#include "storage/stockalertstore.h"

#include <QObject>
#include <QString>
#include <functional>
#include <optional>

namespace cardops::models {

class ReadWorker;

// Everything the restock dialog shows for one goods (docs/goods.md "Restock"): the goods and its
// supplier, the alert, the suggestion beside its naive baseline, and the agents who resell it.
struct RestockInfo
{
    bool ok = false;
    QString error; // technical detail when !ok
    storage::stockalerts::RestockGoods goods;
    core::StockAlertState alert;
    core::RestockParameters parameters;
    std::optional<core::RestockSuggestion> suggestion;
    QList<storage::stockalerts::Reseller> resellers;
};

// Agents counted as resellers: a paid order of the goods in this many days.
inline constexpr qint64 ResellerWindowDays = 30;

// Reads the goods' restock figures on the loader thread; `now` (unix seconds) fixes "yesterday",
// the last full business day counted. `done` runs in `context`'s thread unless it is gone.
void loadRestockInfo(ReadWorker& reader, QObject* context, qint64 goodsId, qint64 now,
                     std::function<void(RestockInfo)> done);

// The same read, synchronous, for tests and the CLI.
RestockInfo readRestockInfo(const storage::ReadSession& read, qint64 goodsId, qint64 now);

} // namespace cardops::models
