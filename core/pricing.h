#pragma once

#include "core/money.h"
#include "core/platformtypes.h"
#include "core/result.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

// Pricing (docs/goods.md "Pricing"): markup rules on the supply cost, tier prices from the ladder,
// contract prices, the below-cost guard and the follow-upstream decision. Pure integer money, no
// I/O: the bulk reprice preview, the staging job and the upstream pass all call these. Value types,
// any thread. Reason codes are stable English identifiers the UI translates.
namespace cardops::core {

// The largest cost or price pricing works with (1,000,000,000 yuan): every product below stays
// far inside int64.
inline constexpr qint64 kMaxPricingUnits = 1'000'000'000LL * Money::UnitsPerYuan;

struct Markup
{
    enum class Kind { Fixed, Percent };
    Kind kind = Kind::Percent;
    Money amount; // Fixed: cost + amount
    Rate percent; // Percent: cost × (1 + percent)
    bool operator==(const Markup&) const = default;
};

// A cost band of a price template: applies to costs below `below` (the last band has none).
struct PriceBand
{
    std::optional<Money> below;
    Markup markup;
    bool operator==(const PriceBand&) const = default;
};

enum class RuleKind { Fixed, Percent, Template };
// Contract prices on a reprice: kept as they are, or moved by the same amount as the price.
enum class ContractMode { Keep, Follow };

struct PricingRule
{
    RuleKind kind = RuleKind::Percent;
    Markup markup;          // Fixed, Percent
    QList<PriceBand> bands; // Template: ascending `below`, the last one without
    int ending = -1;        // Template: the cents digit every price ends in (0–9), -1 none
    bool syncTiers = false; // 同步等级价: write tier prices from the ladder
    ContractMode contracts = ContractMode::Keep;
    bool operator==(const PricingRule&) const = default;

    static PricingRule fixed(Money amount);
    static PricingRule percent(Rate percent);
};

// Checks a rule built in code or a form: amounts 0 … 1,000,000 yuan, percentages 0 … 1000 %,
// bands ascending with one open last band, an ending 0–9. InvalidArgument with the path.
Result<void> validatePricingRule(const PricingRule& rule);

// Strict JSON (docs/goods.md "Pricing"): unknown keys, wrong types, money as numbers, repeated
// keys are refused; Parse with the path of the first error, e.g. "bands[1].below: …".
Result<PricingRule> parsePricingRule(const QByteArray& json);
QByteArray pricingRuleJson(const PricingRule& rule);

// The marked-up price of a cost, rounded per domain.md: cost + amount, or cost × (1 + p) at 4
// places, then half-up to 0.01; a template picks the band of the cost and then raises the price
// to the next one ending in its digit. Costs outside 0 … kMaxPricingUnits give an unset price.
std::optional<Money> markedUpPrice(const PricingRule& rule, Money cost);

struct TierPriceEntry
{
    qint64 tierId = 0;
    Money price;
    bool operator==(const TierPriceEntry&) const = default;
};

struct ContractPriceEntry
{
    qint64 memberId = 0;
    Money price;
    bool operator==(const ContractPriceEntry&) const = default;
};

// The tier_prices object ({"2":"9.6500"}) and contract_prices array ([{"member_id":5,"price":…}])
// as the platform sends them; entries that do not read are left out. Tier prices by tier id.
QList<TierPriceEntry> parseTierPrices(const QByteArray& json);
QList<ContractPriceEntry> parseContractPrices(const QByteArray& json);
QJsonObject tierPricesJson(const QList<TierPriceEntry>& prices);
QJsonArray contractPricesJson(const QList<ContractPriceEntry>& prices);

// Tier prices derived from the ladder: price × discount at 4 places, half-up to 0.01, for every
// tier whose discount is not 100 % (the platform applies a 100 % tier as the price itself).
QList<TierPriceEntry> ladderTierPrices(Money price, const QList<Tier>& tiers);

// One goods as pricing sees it. `cost` is the supply cost (the first link's mirrored cost, else
// the platform's cost field).
struct PricingInput
{
    qint64 goodsId = 0;
    Money cost;
    Money price;
    QList<TierPriceEntry> tierPrices; // explicit ones, by tier id
    QList<ContractPriceEntry> contractPrices;
};

// What each tier pays: its explicit price, else price × discount rounded as a tier price, for every
// tier of the ladder (by rank) with an explicit price or a discount other than 100 %; then explicit
// prices of tiers the ladder no longer has.
QList<TierPriceEntry> effectiveTierPrices(Money price, const QList<TierPriceEntry>& explicitPrices,
                                          const QList<Tier>& tiers);

enum class PriceKind { Base, Tier, Contract };

// A price a buyer would pay below the cost: the base price, a tier's effective price (explicit, or
// from the ladder's discount) or a contract price.
struct BelowCost
{
    PriceKind kind = PriceKind::Base;
    qint64 id = 0; // tier id or member id
    Money price;
    bool operator==(const BelowCost&) const = default;
};

// Every price of the goods below `cost`, base first, then tiers by rank, then contracts.
QList<BelowCost> belowCost(Money cost, Money price, const QList<TierPriceEntry>& tierPrices,
                           const QList<ContractPriceEntry>& contractPrices, const QList<Tier>& tiers);

// (price − cost) / price in basis points (1/100 %), half away from zero; 0 when the price is 0.
qint64 marginBasisPoints(Money price, Money cost);

struct PriceSet
{
    Money price;
    QList<TierPriceEntry> tierPrices;
    QList<ContractPriceEntry> contractPrices;
    Money margin;         // price − cost
    qint64 marginBp = 0;  // margin / price
    QList<BelowCost> low; // prices below the cost
};

// The goods' current prices with their margin and below-cost list.
PriceSet currentPrices(const PricingInput& goods, const QList<Tier>& tiers);

struct RepriceResult
{
    PriceSet after;
    bool priceChanged = false;
    bool tierPricesChanged = false;
    bool contractPricesChanged = false;
    // Why nothing could be computed: "no_cost" (cost 0 or unknown), "out_of_range"; empty otherwise.
    QString refused;
    bool changed() const { return priceChanged || tierPricesChanged || contractPricesChanged; }
};

// The rule applied to the goods: the new price; tier prices from the ladder when the rule syncs
// them (else kept); contract prices kept or moved with the price; margin and below-cost list of the
// new prices. A refused reprice keeps every price as it was.
RepriceResult reprice(const PricingInput& goods, const PricingRule& rule, const QList<Tier>& tiers);

// The guard: Ok when no price is below the cost, or when the caller explicitly allows it.
// InvalidArgument naming the first price below the cost otherwise, e.g.
// "goods 12: tier 3 price 9.40 below cost 9.52".
Result<void> guardBelowCost(qint64 goodsId, Money cost, const QList<BelowCost>& low, bool allowBelowCost);

enum class FollowPolicy { Alert, Auto };
QString followPolicyCode(FollowPolicy policy); // "alert", "auto"
std::optional<FollowPolicy> followPolicyFromCode(QStringView code);

// The supplier's product as one refresh saw it.
struct UpstreamState
{
    std::optional<Money> cost; // unset: the supplier gave no price
    bool onSale = true;
    bool operator==(const UpstreamState&) const = default;
};

enum class FollowAction { None, Alert, Adjust, TakeOffSale };

struct FollowDecision
{
    FollowAction action = FollowAction::None;
    // What changed: "cost", "shelf_off", "shelf_on"; why an auto policy only alerts: "no_rule",
    // "below_cost", "no_cost". Empty for None.
    QString reason;
    bool costChanged = false;
    // Adjust: the prices to stage. Alert on a cost change with a rule: the suggestion.
    std::optional<RepriceResult> reprice;
};

// What the goods' follow-upstream policy does about the supplier's change from `seen` to `now`
// (docs/goods.md "Follow upstream"). The cost changed only when both are known and differ. The
// supplier taking the product off shelf takes an on-sale goods off sale (auto) or alerts; back on
// shelf alerts when the goods is off sale; a cost change reprices (auto, with a rule, when the new
// prices differ and none is below the cost) or alerts with the suggestion.
FollowDecision followUpstream(FollowPolicy policy, const UpstreamState& seen, const UpstreamState& now,
                              const PricingInput& goods, bool goodsOnSale, const PricingRule* rule,
                              const QList<Tier>& tiers);

} // namespace cardops::core
