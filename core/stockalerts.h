#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringView>
#include <optional>

// Low-stock alerts and the restock suggestion (issue #9 item 5, domain.md "Alerts and
// notifications"): an alert fires once per crossing below a goods' threshold and clears once when
// restocked; the suggestion turns recent daily sales into a quantity to buy. Pure functions over
// value types: no storage, no network, any thread. docs/goods.md states the rules and the formula.
namespace cardops::core {

// A supplier's stock status (protocols.md: fulu `stock_status` ∈ 充足 | 警报 | 断货). Unknown when
// the goods has no linked supplier or the round did not ask.
enum class SupplierStock { Unknown, Plenty, Low, Out };

// 充足 → Plenty, 警报 → Low, 断货 → Out, anything else → Unknown (never a guessed level).
SupplierStock supplierStockFrom(QStringView status);

// What one sync round learnt about one goods. `available` is the platform's stock_available, absent
// when the round did not report it; `threshold` is the goods' low_stock_threshold.
struct StockReading
{
    std::optional<qint64> available;
    qint64 threshold = 0;
    SupplierStock supplier = SupplierStock::Unknown;
};

// The alert state of one goods, kept between rounds (storage keeps it as toJson()). The last known
// readings are kept so that a round which does not report one of them re-evaluates with the last
// known value instead of forgetting it. A default state is "never seen": not low.
struct StockAlertState
{
    bool low = false;
    qint64 since = 0; // the `at` of the round that raised the alert; 0 when not low
    std::optional<qint64> available;
    qint64 threshold = 0;
    SupplierStock supplier = SupplierStock::Unknown;

    bool operator==(const StockAlertState&) const = default;
};

// {"low":true,"since":1795838400,"available":3,"threshold":5,"supplier":"low"}; `available` is
// left out when unknown, `supplier` is unknown|plenty|low|out.
QByteArray toJson(const StockAlertState& state);
// The inverse of toJson; a missing key takes the default, a wrong type or unknown supplier value
// is refused (Parse) so a corrupt row is noticed instead of silently re-raising.
Result<StockAlertState> stockAlertStateFromJson(const QByteArray& json);

enum class StockAlertEvent { None, Raised, Cleared };

struct StockAlertStep
{
    StockAlertState state;
    StockAlertEvent event = StockAlertEvent::None;
};

// Is a goods low with these figures? Only when threshold > 0 (0 switches the alert off, supplier
// status included) and either the known available stock is below the threshold (a stock equal to
// the threshold is not low) or the supplier reports Low or Out.
bool isLowStock(std::optional<qint64> available, qint64 threshold, SupplierStock supplier);

// One sync round at unix second `at`. Missing readings (available absent, supplier Unknown) keep the
// previous state's values; the threshold always comes from the reading, so a threshold change is
// re-evaluated in the same round as the stock: it raises or clears exactly as a stock change across
// the new threshold would. Raised on not-low → low, Cleared on low → not-low, None otherwise. No
// hysteresis: each real crossing is one event (docs/goods.md says why).
StockAlertStep stepStockAlert(const StockAlertState& previous, const StockReading& reading, qint64 at);

// Units sold on one business day (businessDay() of clock.h); refunds may be given as negatives.
struct DaySales
{
    qint64 day = 0;
    qint64 quantity = 0;
};

constexpr qint64 MaxDaySales = 1000000000;

struct RestockParameters
{
    qint64 lastDay = 0;      // the newest business day counted, usually yesterday (a full day)
    qint64 windowDays = 14;  // N: days lastDay − N + 1 … lastDay are counted; 1 … 366
    qint64 coverageDays = 7; // C: supplier lead time plus the days the purchase should last; 0 … 366
};

struct RestockSuggestion
{
    qint64 expected = 0;      // expected sales over the coverage days, weighted average
    qint64 suggested = 0;     // max(0, expected − stock)
    qint64 lastSevenDays = 0; // units sold on lastDay − 6 … lastDay
    qint64 naiveExpected = 0; // ceil(lastSevenDays × C / 7)
    qint64 naiveSuggested = 0;
    // The workings with the figures, stable English for logs and a tooltip, e.g.
    // "ceil(7 x 147 / 105) = 10; 10 - stock 4 = 6"; the UI builds its translated text from the fields.
    QString workings;

    bool operator==(const RestockSuggestion&) const = default;
};

// Linearly weighted average: the day lastDay − a (age a = 0 … N − 1) weighs N − a, so yesterday
// counts N times as much as the oldest day; a day absent from `sales` sold 0, several entries of one
// day add up, and a day's net total below 0 counts as 0. With S = Σ weight × quantity and
// W = N(N + 1) / 2: expected = ceil(C × S / W), suggested = max(0, expected − max(0, stock)).
// Sales outside the window are ignored (the baseline's 7 days are read even when N < 7). InvalidArgument when
// N or C is out of range or a day's total exceeds MaxDaySales, which bounds every product below 2^63.
Result<RestockSuggestion> suggestRestock(const QList<DaySales>& sales, qint64 stock,
                                         const RestockParameters& parameters = {});

} // namespace cardops::core
