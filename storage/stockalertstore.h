#pragma once

#include "core/result.h"
#include "core/stockalerts.h"

#include <QList>
#include <QString>

namespace cardops::storage {

class ReadSession;
class WriteContext;

// Low-stock alerts kept between sync rounds (docs/goods.md "Low-stock alert") and the figures of a
// restock (the suggestion's daily sales, the agents who sell the goods).
namespace stockalerts {

// One goods whose alert was raised or cleared by an evaluation.
struct AlertChange
{
    qint64 goodsId = 0;
    QString name;
    core::StockAlertEvent event = core::StockAlertEvent::None;
    core::StockAlertState state;
};

// Steps every goods' alert with this round's readings (core::stepStockAlert) and stores the states
// that changed, in the caller's transaction; answers the raised and cleared alerts, by goods id.
// Readings: a goods the platform delivers from its own stock (owner platform) is read by its
// stock_available; a goods CardOps buys on demand (owner cardops) has no stock of its own, so only
// its first supplier link's mirrored stock level counts. A goods off sale counts with threshold 0
// (no alert: an alert up when it goes off sale clears).
core::Result<QList<AlertChange>> evaluate(WriteContext& ctx, qint64 at);

// A goods whose alert is up, with its state.
struct ActiveAlert
{
    qint64 goodsId = 0;
    QString name;
    core::StockAlertState state;
};
core::Result<QList<ActiveAlert>> active(const ReadSession& read);
// The stored state of one goods; the default (never seen, not low) without a row.
core::Result<core::StockAlertState> stateOf(const ReadSession& read, qint64 goodsId);

// What a restock of one goods starts from: the goods, and its first supplier link with the
// mirrored product (the supplier of that protocol listing it; nothing mirrored: no supplier id).
struct RestockGoods
{
    qint64 goodsId = 0;
    QString name;
    QString kind; // card / direct
    QString owner;
    QString status;
    qint64 price = 0;
    qint64 stock = 0;
    qint64 threshold = 0;
    QString protocol; // the first link's; empty when the goods has no link
    QString productRef;
    QString supplierId; // the docked supplier listing the product; empty when none does
    QString productName;
    std::optional<qint64> cost;
    QString stockLevel;  // plenty / low / out / unknown
    bool onSale = false; // listed and on sale at the supplier
};
// NotFound for a goods the cache does not hold.
core::Result<RestockGoods> restockGoods(const ReadSession& read, qint64 goodsId);

// Units of the goods sold per business day over days first … last (orders with a paid status
// created on those days, refunded and cancelled ones not counted), only the days with sales.
core::Result<QList<core::DaySales>> dailySales(const ReadSession& read, qint64 goodsId, qint64 firstDay,
                                               qint64 lastDay);

// An agent who bought the goods recently (and so resells it).
struct Reseller
{
    qint64 memberId = 0;
    QString name;
    QString tierName;
    qint64 tierRank = 0;
    bool middleOrHigh = false; // a tier above the ladder's lowest
    qint64 units = 0;
    qint64 orders = 0;
};
// Agents with a paid order of the goods created at or after `since`: middle and high tiers first,
// then by units bought, then by id; at most `limit`.
core::Result<QList<Reseller>> resellers(const ReadSession& read, qint64 goodsId, qint64 since, int limit);

} // namespace stockalerts
} // namespace cardops::storage
