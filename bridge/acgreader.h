#pragma once

#include "core/result.h"

#include <QHash>
#include <QJsonObject>
#include <QList>

namespace cardops::bridge {

class BridgeDb;

// The current state of acg rows as Platform API v1 entities (acg-faka-model.md §4). Scope: the main
// shop only (categories and goods with owner 0, orders with user_id 0); members are all users.
// Every reader takes ids and answers the entities it found in scope; an id that is missing from the
// answer but present in `gone` no longer exists (a tombstone), an id in neither is out of scope.
// `version` and `updated_at` are the caller's (the feed position and time). Money is read as text,
// times as Asia/Shanghai text.
class AcgReader
{
public:
    explicit AcgReader(BridgeDb& db);

    struct Found
    {
        QHash<qint64, QJsonObject> items;
        QList<qint64> gone; // ids with no row at all
    };

    core::Result<Found> categories(const QList<qint64>& ids);
    core::Result<Found> goods(const QList<qint64>& ids);
    core::Result<Found> members(const QList<qint64>& ids);
    core::Result<Found> orders(const QList<qint64>& ids);
    // acg_bill as ledger entries (§4.8) and acg_cash as withdrawals (§4.9): bridge/acgmoney.cpp.
    core::Result<Found> ledger(const QList<qint64>& ids);
    core::Result<Found> withdrawals(const QList<qint64>& ids);

    // GET /v1/shop's name (acg_config.shop_name).
    core::Result<QString> shopName();
    // GET /v1/tiers's items, ascending by threshold, and the ladder version.
    core::Result<QJsonObject> tiers();
    // GET /v1/reports/daily between two Asia/Shanghai days (inclusive, "YYYY-MM-DD").
    core::Result<QJsonObject> daily(const QString& from, const QString& to);

private:
    BridgeDb& m_db;
};

} // namespace cardops::bridge
