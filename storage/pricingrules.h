#pragma once

#include "core/access.h"
#include "core/pricing.h"
#include "core/result.h"

#include <QList>
#include <QString>
#include <functional>
#include <optional>

namespace cardops::storage {

class ReadSession;
class WriteContext;

// Pricing in the cache (docs/goods.md "Pricing"): the operator's markup rules, each goods' rule and
// follow-upstream policy, the inputs of a bulk reprice, the staging of new prices through the
// outbox (本地待同步 until the platform accepts them), and the upstream-change pass that runs after a
// supplier refresh. Write functions run inside a writer job (one job = one transaction); reads on
// any ReadSession. Money in core::Money. Tables: pricing_rules, goods_pricing, upstream_seen,
// pricing_alerts (schema v10).
namespace pricingrules {

// Open upstream-change alerts (上游变价), kept in the counter table with the alerts.
inline const QString AlertsCounter = QStringLiteral("pricing_alerts");

struct StoredRule
{
    qint64 id = 0;
    QString name;
    core::PricingRule rule;
    qint64 operatorId = 0;
    qint64 updatedAt = 0;
    qint64 goods = 0; // goods that follow this rule
};

// Every rule by name. A stored body that no longer parses is an error (never priced as zero).
core::Result<QList<StoredRule>> rules(const ReadSession& read);
// Creates (id 0) or replaces a rule: the name trimmed, 1–40 characters, unique (Conflict); the
// rule validated. Audited (pricing_rule.save). Answers the rule's id.
core::Result<qint64> saveRule(WriteContext& ctx, const core::Actor& actor, qint64 id, const QString& name,
                              const core::PricingRule& rule);
// Deletes a rule; goods that followed it keep their follow policy without a rule. Audited.
core::Result<void> deleteRule(WriteContext& ctx, const core::Actor& actor, qint64 id);

struct GoodsPricing
{
    qint64 goodsId = 0;
    std::optional<qint64> ruleId;
    core::FollowPolicy follow = core::FollowPolicy::Alert;
    qint64 operatorId = 0; // who set it: an auto policy acts as this operator
    qint64 updatedAt = 0;
};

// Sets the rule (none: unset) and follow policy of every goods of the list (ids not in the cache
// are skipped). NotFound for a missing rule. One audit entry (pricing.policy). Answers how many.
core::Result<qint64> setGoodsPricing(WriteContext& ctx, const core::Actor& actor,
                                     const QList<qint64>& goodsIds, std::optional<qint64> ruleId,
                                     core::FollowPolicy follow);
// The goods of the list that have a policy row, in list order.
core::Result<QList<GoodsPricing>> goodsPricing(const ReadSession& read, const QList<qint64>& goodsIds);

// One goods as a reprice sees it. The cost is the first supplier link's mirrored cost when the
// mirror has one (docs/goods.md "Goods page"), else the platform's cost field.
struct RepriceInput
{
    core::PricingInput pricing;
    QString sku;
    QString name;
    QString status; // on / off
    bool costFromSupplier = false;
    QString supplierId; // the first link's supplier (empty: no link, or no supplier mirrors it)
    QString productRef;
    std::optional<core::UpstreamState> upstream; // the mirrored product, when there is one
    std::optional<qint64> ruleId;
    core::FollowPolicy follow = core::FollowPolicy::Alert;
    bool pendingEdit = false; // an edit of this goods waits for the platform (本地待同步)
};

struct RepriceInputs
{
    QList<RepriceInput> goods; // in the order asked, each id once
    QList<qint64> missing;     // ids not in the cache
    QList<core::Tier> tiers;   // the ladder, by rank
    QList<StoredRule> rules;
};

// The inputs of a bulk reprice in four reads, whatever the number of goods (ids are bound as one
// JSON array).
core::Result<RepriceInputs> repriceInputs(const ReadSession& read, const QList<qint64>& goodsIds);

// One goods' new prices. `beforePrice` is the price the operator saw: a goods whose price moved
// since is left alone (stale). Unset tier/contract prices stay as they are.
struct PriceChange
{
    qint64 goodsId = 0;
    core::Money beforePrice;
    core::Money price;
    std::optional<QList<core::TierPriceEntry>> tierPrices;
    std::optional<QList<core::ContractPriceEntry>> contractPrices;
    bool allowBelowCost = false; // the operator's explicit override of the guard
};

struct StagedReprice
{
    QList<qint64> outboxIds; // one edit per goods that changed, in list order
    qint64 unchanged = 0;    // the new prices are the current ones
    QList<qint64> stale;     // the price moved since the preview
    QList<qint64> missing;   // not in the cache any more
    QList<qint64> belowCost; // staged below the cost under the override
};

// Called every few goods with (done, total); answering false cancels: the job fails and nothing
// is staged. Runs on the writer thread.
using Progress = std::function<bool(qint64 done, qint64 total)>;

// Stages every change in the caller's job: each goods one outbox PATCH with exactly the fields that
// change (price, tier_prices, contract_prices) through outbox::stage (cache, outbox row with its
// idempotency key, audit entry), plus one summary audit entry (pricing.reprice). The guard is
// checked again against the cost in the cache now: a price below it without the override fails
// the whole job (InvalidArgument naming the goods and price), as does a price of zero.
core::Result<StagedReprice> stageReprice(WriteContext& ctx, const core::Actor& actor,
                                         const QList<PriceChange>& changes, const Progress& progress = {});

struct UpstreamPass
{
    qint64 goods = 0;     // linked goods whose product the mirror holds
    qint64 baselined = 0; // first seen, or linked to another product: nothing to compare with
    qint64 alerts = 0;    // alerts raised or updated
    qint64 adjusted = 0;  // repriced by an auto policy
    qint64 takenOff = 0;  // taken off sale by an auto policy
};

// The upstream-change pass (run in the job that mirrors a supplier's catalogue, after it): every
// linked goods' first-link product is compared with what the goods last saw; each change is acted
// on once by the goods' follow policy (core::followUpstream): auto stages the reprice or status
// off as the operator who set the policy (an alert when that operator may no longer edit goods),
// alert keeps one open alert per goods (the counter counts them). Then the goods has seen it.
core::Result<UpstreamPass> followUpstream(WriteContext& ctx, qint64 at);

struct UpstreamAlert
{
    qint64 id = 0;
    qint64 goodsId = 0;
    QString goodsName; // empty when the goods left the cache
    QString sku;
    QString reason; // cost shelf_off shelf_on no_rule below_cost no_cost no_operator
    QString action; // alert adjusted off_sale
    QString supplierId;
    QString productId;
    std::optional<core::Money> oldCost;
    std::optional<core::Money> newCost;
    bool oldOnSale = true;
    bool newOnSale = true;
    core::Money price;                    // the goods' price when seen
    std::optional<core::Money> suggested; // the rule's price (alert) or the price staged (adjusted)
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
    qint64 resolvedAt = 0; // 0 = open
};

// Open alerts only, or every record (auto actions included), newest first, at most `limit`.
core::Result<QList<UpstreamAlert>> alerts(const ReadSession& read, bool openOnly, int limit);
// Marks open alerts handled; answers how many were open. Audited (pricing.alert_ack).
core::Result<qint64> acknowledge(WriteContext& ctx, const core::Actor& actor, const QList<qint64>& alertIds);

} // namespace pricingrules
} // namespace cardops::storage
