#pragma once

#include "core/platformtypes.h"
#include "core/result.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

// docs/platform-api.md JSON → the cache's records. Strict: a missing or mistyped field, a money
// text that is not a decimal with up to 4 places, an id or version that is not a positive integer
// makes the whole page a Parse error, so a hostile or broken platform never half-writes the cache.
namespace cardops::sync::platformjson {

template<typename R> struct Page
{
    QList<R> items;
    QString nextCursor;
    bool hasMore = false;
    QString headCursor; // newest-first reads: where a forward read continues after the snapshot
};

core::Result<core::Category> category(const QJsonObject& o);
core::Result<core::Goods> goods(const QJsonObject& o);
core::Result<core::Member> member(const QJsonObject& o);
core::Result<core::Order> order(const QJsonObject& o);
core::Result<core::LedgerEntry> ledgerEntry(const QJsonObject& o);
core::Result<core::Withdrawal> withdrawal(const QJsonObject& o);

core::Result<Page<core::Category>> categoriesPage(const QJsonValue& data);
core::Result<Page<core::Goods>> goodsPage(const QJsonValue& data);
core::Result<Page<core::Member>> membersPage(const QJsonValue& data);
core::Result<Page<core::Order>> ordersPage(const QJsonValue& data);
core::Result<Page<core::LedgerEntry>> ledgerPage(const QJsonValue& data);
core::Result<Page<core::Withdrawal>> withdrawalsPage(const QJsonValue& data);

core::Result<core::TierLadder> tierLadder(const QJsonValue& data);
core::Result<QList<core::DailyTotal>> dailyTotals(const QJsonValue& data);
core::Result<core::ShopInfo> shop(const QJsonValue& data);

} // namespace cardops::sync::platformjson
