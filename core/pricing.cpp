#include "core/pricing.h"

#include <QJsonDocument>
#include <QJsonValue>
#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace cardops::core {
namespace {

constexpr qint64 kMaxMarkupUnits = 1'000'000LL * Money::UnitsPerYuan; // 1,000,000 yuan
constexpr qint64 kMaxPercentPpm = 10 * Rate::PartsPerUnit;            // 1000 %

bool inRange(Money m)
{
    return m.units() >= 0 && m.units() <= kMaxPricingUnits;
}

Money applyMarkup(const Markup& markup, Money cost)
{
    if (markup.kind == Markup::Kind::Fixed)
        return (cost + markup.amount).roundedToCents();
    // cost × (1 + p) at 4 places, then half-up to 0.01: the rounding of "a tier price from a
    // discount", with the factor 1 + p in place of the discount.
    return rounding::tierPrice(cost, Rate::fromPpm(Rate::PartsPerUnit + markup.percent.ppm()));
}

// The smallest price ≥ `price` (whole cents) whose cents digit is `digit`.
Money withEnding(Money price, int digit)
{
    const qint64 cents = price.units() / Money::UnitsPerCent;
    const qint64 raise = ((digit - cents % 10) + 10) % 10;
    return Money::fromUnits((cents + raise) * Money::UnitsPerCent);
}

QList<Tier> byRank(QList<Tier> tiers)
{
    std::stable_sort(tiers.begin(), tiers.end(), [](const Tier& a, const Tier& b) {
        return a.rank != b.rank ? a.rank < b.rank : a.id < b.id;
    });
    return tiers;
}

Result<void> validateMarkup(const Markup& m, const QString& where)
{
    if (m.kind == Markup::Kind::Fixed) {
        if (m.amount.isNegative() || m.amount.units() > kMaxMarkupUnits)
            return makeError(ErrorCode::InvalidArgument, where + u": a fixed markup is 0 … 1000000 yuan"_s);
    } else if (m.percent.ppm() < 0 || m.percent.ppm() > kMaxPercentPpm) {
        return makeError(ErrorCode::InvalidArgument, where + u": a percentage markup is 0 … 1000%"_s);
    }
    return {};
}

} // namespace

PricingRule PricingRule::fixed(Money amount)
{
    PricingRule r;
    r.kind = RuleKind::Fixed;
    r.markup = {Markup::Kind::Fixed, amount, {}};
    return r;
}

PricingRule PricingRule::percent(Rate percent)
{
    PricingRule r;
    r.kind = RuleKind::Percent;
    r.markup = {Markup::Kind::Percent, {}, percent};
    return r;
}

Result<void> validatePricingRule(const PricingRule& rule)
{
    if (rule.kind != RuleKind::Template) {
        const bool fixed = rule.kind == RuleKind::Fixed;
        if ((rule.markup.kind == Markup::Kind::Fixed) != fixed)
            return makeError(ErrorCode::InvalidArgument, u"markup: does not match the rule's kind"_s);
        if (!rule.bands.isEmpty() || rule.ending != -1)
            return makeError(ErrorCode::InvalidArgument, u"bands and ending belong to a template"_s);
        return validateMarkup(rule.markup, fixed ? u"amount"_s : u"percent"_s);
    }
    if (rule.bands.isEmpty())
        return makeError(ErrorCode::InvalidArgument, u"bands: a template needs at least one band"_s);
    if (rule.ending < -1 || rule.ending > 9)
        return makeError(ErrorCode::InvalidArgument, u"ending: a cents digit 0–9"_s);
    std::optional<Money> previous;
    for (qsizetype i = 0; i < rule.bands.size(); ++i) {
        const QString where = u"bands[%1]"_s.arg(i);
        const PriceBand& b = rule.bands.at(i);
        const bool last = i + 1 == rule.bands.size();
        if (last && b.below)
            return makeError(ErrorCode::InvalidArgument,
                             where + u": the last band has no upper bound (it takes every higher cost)"_s);
        if (!last && !b.below)
            return makeError(ErrorCode::InvalidArgument,
                             where + u".below: required except in the last band"_s);
        if (b.below && (!inRange(*b.below) || b.below->isZero()))
            return makeError(ErrorCode::InvalidArgument, where + u".below: above 0 and at most 1000000000"_s);
        if (b.below && previous && *b.below <= *previous)
            return makeError(ErrorCode::InvalidArgument,
                             where + u".below: must be above the previous band's ("_s +
                                 previous->toString(4) + u')');
        if (auto r = validateMarkup(b.markup, where); !r)
            return r;
        if (b.below)
            previous = b.below;
    }
    return {};
}

std::optional<Money> markedUpPrice(const PricingRule& rule, Money cost)
{
    if (!inRange(cost))
        return std::nullopt;
    if (rule.kind != RuleKind::Template)
        return applyMarkup(rule.markup, cost);
    for (const PriceBand& b : rule.bands) {
        if (b.below && cost >= *b.below)
            continue;
        const Money raw = applyMarkup(b.markup, cost);
        return rule.ending < 0 ? raw : withEnding(raw, rule.ending);
    }
    return std::nullopt; // a validated template always has an open last band
}

QList<TierPriceEntry> ladderTierPrices(Money price, const QList<Tier>& tiers)
{
    QList<TierPriceEntry> out;
    for (const Tier& t : tiers)
        if (t.discount.ppm() != Rate::PartsPerUnit)
            out.append({t.id, rounding::tierPrice(price, t.discount)});
    std::sort(out.begin(), out.end(),
              [](const TierPriceEntry& a, const TierPriceEntry& b) { return a.tierId < b.tierId; });
    return out;
}

QList<TierPriceEntry> effectiveTierPrices(Money price, const QList<TierPriceEntry>& explicitPrices,
                                          const QList<Tier>& tiers)
{
    QList<TierPriceEntry> out;
    QList<qint64> seen;
    for (const Tier& t : byRank(tiers)) {
        seen.append(t.id);
        const auto it = std::find_if(explicitPrices.cbegin(), explicitPrices.cend(),
                                     [&](const TierPriceEntry& e) { return e.tierId == t.id; });
        if (it != explicitPrices.cend())
            out.append(*it);
        else if (t.discount.ppm() != Rate::PartsPerUnit) // a full-price tier pays the price itself
            out.append({t.id, rounding::tierPrice(price, t.discount)});
    }
    for (const TierPriceEntry& e : explicitPrices) // explicit prices of tiers the ladder no longer has
        if (!seen.contains(e.tierId))
            out.append(e);
    return out;
}

QList<BelowCost> belowCost(Money cost, Money price, const QList<TierPriceEntry>& tierPrices,
                           const QList<ContractPriceEntry>& contractPrices, const QList<Tier>& tiers)
{
    QList<BelowCost> out;
    if (price < cost)
        out.append({PriceKind::Base, 0, price});
    for (const TierPriceEntry& e : effectiveTierPrices(price, tierPrices, tiers))
        if (e.price < cost)
            out.append({PriceKind::Tier, e.tierId, e.price});
    for (const ContractPriceEntry& c : contractPrices)
        if (c.price < cost)
            out.append({PriceKind::Contract, c.memberId, c.price});
    return out;
}

qint64 marginBasisPoints(Money price, Money cost)
{
    if (price.units() <= 0)
        return 0;
    const qint64 margin = price.units() - cost.units();
    // Far inside in practice (a margin of 900 million yuan); clamped so the product fits in int64.
    constexpr qint64 kLimit = std::numeric_limits<qint64>::max() / 10'000;
    const qint64 m = std::clamp(margin, -kLimit, kLimit);
    const qint64 scaled = m * 10'000;
    const qint64 q = scaled / price.units();
    const qint64 r = scaled % price.units();
    const qint64 twice = (r < 0 ? -r : r) * 2;
    if (twice >= price.units())
        return scaled < 0 ? q - 1 : q + 1;
    return q;
}

PriceSet currentPrices(const PricingInput& goods, const QList<Tier>& tiers)
{
    PriceSet s;
    s.price = goods.price;
    s.tierPrices = goods.tierPrices;
    s.contractPrices = goods.contractPrices;
    s.margin = goods.price - goods.cost;
    s.marginBp = marginBasisPoints(goods.price, goods.cost);
    s.low = belowCost(goods.cost, goods.price, goods.tierPrices, goods.contractPrices, tiers);
    return s;
}

RepriceResult reprice(const PricingInput& goods, const PricingRule& rule, const QList<Tier>& tiers)
{
    RepriceResult r;
    r.after = currentPrices(goods, tiers);
    if (goods.cost.units() <= 0) {
        r.refused = u"no_cost"_s;
        return r;
    }
    const std::optional<Money> price = markedUpPrice(rule, goods.cost);
    if (!price || !inRange(goods.price) || !inRange(*price)) {
        r.refused = u"out_of_range"_s;
        return r;
    }
    PriceSet& a = r.after;
    a.price = *price;
    if (rule.syncTiers)
        a.tierPrices = ladderTierPrices(a.price, tiers);
    if (rule.contracts == ContractMode::Follow) {
        const Money shift = a.price - goods.price;
        for (ContractPriceEntry& c : a.contractPrices)
            c.price = std::max(Money::fromUnits(Money::UnitsPerCent), (c.price + shift).roundedToCents());
    }
    a.margin = a.price - goods.cost;
    a.marginBp = marginBasisPoints(a.price, goods.cost);
    a.low = belowCost(goods.cost, a.price, a.tierPrices, a.contractPrices, tiers);
    r.priceChanged = a.price != goods.price;
    r.tierPricesChanged = a.tierPrices != goods.tierPrices;
    r.contractPricesChanged = a.contractPrices != goods.contractPrices;
    return r;
}

Result<void> guardBelowCost(qint64 goodsId, Money cost, const QList<BelowCost>& low, bool allowBelowCost)
{
    if (low.isEmpty() || allowBelowCost)
        return {};
    const BelowCost& b = low.first();
    const QString what = b.kind == PriceKind::Base   ? u"price"_s
                         : b.kind == PriceKind::Tier ? u"tier %1 price"_s.arg(b.id)
                                                     : u"contract price of member %1"_s.arg(b.id);
    return makeError(ErrorCode::InvalidArgument, u"goods %1: %2 %3 below cost %4"_s.arg(goodsId).arg(
                                                     what, b.price.toString(), cost.toString()));
}

QString followPolicyCode(FollowPolicy policy)
{
    return policy == FollowPolicy::Auto ? u"auto"_s : u"alert"_s;
}

std::optional<FollowPolicy> followPolicyFromCode(QStringView code)
{
    if (code == u"alert")
        return FollowPolicy::Alert;
    if (code == u"auto")
        return FollowPolicy::Auto;
    return std::nullopt;
}

FollowDecision followUpstream(FollowPolicy policy, const UpstreamState& seen, const UpstreamState& now,
                              const PricingInput& goods, bool goodsOnSale, const PricingRule* rule,
                              const QList<Tier>& tiers)
{
    FollowDecision d;
    d.costChanged = seen.cost && now.cost && *seen.cost != *now.cost;
    if (seen.onSale && !now.onSale) {
        if (goodsOnSale) {
            d.action = policy == FollowPolicy::Auto ? FollowAction::TakeOffSale : FollowAction::Alert;
            d.reason = u"shelf_off"_s;
        }
        return d;
    }
    if (!seen.onSale && now.onSale) {
        if (!goodsOnSale) {
            d.action = FollowAction::Alert;
            d.reason = u"shelf_on"_s;
        }
        return d;
    }
    if (!d.costChanged)
        return d;
    PricingInput atNewCost = goods;
    atNewCost.cost = *now.cost;
    if (rule)
        d.reprice = reprice(atNewCost, *rule, tiers);
    d.action = FollowAction::Alert;
    d.reason = u"cost"_s;
    if (policy == FollowPolicy::Alert)
        return d;
    if (!rule) {
        d.reason = u"no_rule"_s;
    } else if (!d.reprice->refused.isEmpty()) {
        d.reason = u"no_cost"_s;
    } else if (!d.reprice->after.low.isEmpty()) {
        d.reason = u"below_cost"_s;
    } else if (!d.reprice->changed()) {
        d = FollowDecision{FollowAction::None, {}, true, d.reprice};
    } else {
        d.action = FollowAction::Adjust;
    }
    return d;
}

} // namespace cardops::core
