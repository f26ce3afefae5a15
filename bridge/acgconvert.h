#pragma once

#include "core/money.h"

#include <QList>
#include <QString>
#include <optional>

// Pure conversions from acg-faka's stored values to Platform API v1 values (acg-faka-model.md §3,
// §2.4, §4.7). No SQL here: the readers fetch DECIMAL and DATETIME columns as text and hand them in.
namespace cardops::bridge::acg {

// acg's DECIMAL text ("12.30", "0.00", "500") → the API's 4-place text ("12.3000"). Exact: no double.
// Empty for anything that is not an unsigned decimal with at most 4 places.
QString moneyText(const QString& decimal);
// The same value as core::Money (1/10000 yuan); nullopt when not a valid decimal.
std::optional<core::Money> money(const QString& decimal);
// core::Money → the API's text ("-9.9000").
QString apiMoney(core::Money m);

// acg's DATETIME text ("2026-11-28 13:14:55", Asia/Shanghai wall-clock written by PHP) → unix
// seconds, with the fixed +08:00 offset (no DST in China since 1991). 0 for NULL, empty, the zero
// date or anything unparsable.
qint64 shanghaiToUnix(const QString& datetime);
// Unix seconds → the Asia/Shanghai business day "YYYY-MM-DD".
QString shanghaiDay(qint64 unixSeconds);

// One user group (tier): id, threshold of cumulative top-up, discounts per commodity group.
struct TierRow
{
    qint64 id = 0;
    core::Money threshold;
    QList<QPair<qint64, QString>> discounts; // commodity group id → percent text, in key order
};

// The computed tier of a member (§2.4): the group with the highest threshold ≤ recharge; 0 when none.
qint64 tierOf(core::Money recharge, const QList<TierRow>& tiers);

// §2.4 with quantity 1: the unit price a member of `tier` pays. userPrice is the goods' user_price,
// levelAmount the amount of level_price[tier] (nullopt when absent), groupsOfGoods the commodity
// groups whose list contains the goods, ascending. Every step truncates to the cent.
core::Money tierUnitPrice(core::Money userPrice, std::optional<core::Money> levelAmount, bool levelDisable,
                          const TierRow& tier, const QList<qint64>& groupsOfGoods);

// The order facts §4.7 maps to a Platform status.
struct OrderFacts
{
    int status = 0;           // acg order.status: 0 unpaid, 1 paid
    int deliveryStatus = 0;   // 0 / 1
    int deliveryWay = -1;     // the goods' delivery_way; -1 when the goods is gone
    bool docked = false;      // the goods has a shared_id
    qint64 quantity = 0;      // card_num
    qint64 cardsAttached = 0; // acg_card rows with order_id = the order
};

struct OrderState
{
    QString status;       // unpaid, paid, handed_over, delivered, review
    QString reviewReason; // out_of_stock_at_payment for review
    bool handedOver = false;
};

OrderState orderState(const OrderFacts& facts);

} // namespace cardops::bridge::acg
