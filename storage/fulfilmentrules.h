#pragma once

#include "core/access.h"
#include "core/platformtypes.h"
#include "core/result.h"
#include "core/rulematrix.h"
#include "storage/readsession.h"

#include <QList>
#include <QString>
#include <QVariantList>
#include <optional>

namespace cardops::storage {

class WriteContext;

// The operator's order rule matrix as stored (every version kept, the newest in force) and the
// blacklist, plus what the rules need to know about an order beyond the order itself, read from
// the cache (docs/fulfilment.md, "Rules and blacklist"). Write functions run inside a writer job;
// reads on any ReadSession. Tables: rule_sets, blacklist (and orders, goods, members,
// supplier_status, supplier_products for the order context).
namespace fulfilmentrules {

// The blacklist's three lists as the table spells them.
inline constexpr char16_t kListMember[] = u"member";
inline constexpr char16_t kListContact[] = u"contact";
inline constexpr char16_t kListAccount[] = u"account";

// How many of a member's latest paid orders the usual quantity is the median of.
inline constexpr int kUsualQuantityWindow = 20;

struct RuleSetVersion
{
    qint64 version = 0;
    qint64 createdAt = 0;
    QString operatorName; // display name, else login, of who saved it
};

struct BlacklistEntry
{
    QString list;  // member | contact | account
    QString value; // normalised (core::Blacklist::normalise); a member id in decimal
    QString note;
    qint64 createdAt = 0;
    QString operatorName;
};

// The rule set in force: the newest stored version, or core::RuleSet::defaults() when none is stored.
core::Result<core::RuleSet> current(const ReadSession& read);
core::Result<core::RuleSet> current(WriteContext& ctx);
// Stores `next` after core::RuleSet::checkSuccession(current, next) (Conflict when its version does
// not exceed the one in force); needs Permission::ManageSettings; audited ("rules.save").
core::Result<void> save(WriteContext& ctx, const core::Actor& actor, const core::RuleSet& next);
// Every stored version, newest first (the built-in defaults are not stored, so not listed).
core::Result<QList<RuleSetVersion>> history(const ReadSession& read);
core::Result<std::optional<core::RuleSet>> version(const ReadSession& read, qint64 version);

// The whole blacklist.
core::Result<core::Blacklist> blacklist(const ReadSession& read);
core::Result<core::Blacklist> blacklist(WriteContext& ctx);
// Every entry, by list then value.
core::Result<QList<BlacklistEntry>> blacklistEntries(const ReadSession& read);
// The stored form of `value` on `list` (a member id must be a positive integer, full-width digits
// allowed); InvalidArgument for an unknown list or a value that normalises to nothing.
core::Result<QString> normalisedEntry(const QString& list, const QString& value);
// Needs Permission::ReviewOrders; audited ("blacklist.add"). Refuses what core::Blacklist refuses
// (InvalidArgument); a value already listed after normalisation is Conflict.
core::Result<void> addToBlacklist(WriteContext& ctx, const core::Actor& actor, const QString& list,
                                  const QString& value, const QString& note);
// Needs Permission::ReviewOrders; audited ("blacklist.remove"); NotFound when not listed.
core::Result<void> removeFromBlacklist(WriteContext& ctx, const core::Actor& actor, const QString& list,
                                       const QString& value);

// The cached order `id`, or nullopt.
core::Result<std::optional<core::Order>> order(const ReadSession& read, qint64 id);

// What the rules need beyond `order`, from the cache: the goods and member (as core types; empty
// with their ids when not cached), the member's usual quantity (median quantity of the member's
// last 20 paid orders created before this one; 0 = none), the number of the member's earlier paid
// orders, the balance of the goods' first linked supplier from supplier_status (nullopt when
// unknown or no link), and the entries of the blacklist that concern this order. Four indexed
// statements at most.
core::Result<core::OrderContext> orderContext(const ReadSession& read, const core::Order& order);

// The statements behind orderContext and dryRunInputs (the supplier balance's for a sample link),
// with their binds for `order`: tests check their plans.
struct Statement
{
    QString sql;
    QVariantList binds;
};
QList<Statement> contextStatements(const core::Order& order);

// 试运行 inputs: paid orders (not unpaid/cancelled) created in [from, to), newest first, at most
// `limit`, each with its context (the blacklist read once, goods and members once each).
core::Result<QList<core::DryRunInput>> dryRunInputs(const ReadSession& read, qint64 from, qint64 to,
                                                    int limit);

} // namespace fulfilmentrules
} // namespace cardops::storage
