#pragma once

#include "core/money.h"
#include "core/platformtypes.h"
#include "core/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>
#include <optional>
#include <utility>

// The order rule matrix (domain.md "The order rule matrix", issue #8 item 1): an ordered, versioned
// list of `condition → action` rules that decides what happens to an order the platform hands to
// CardOps or flags for review. Pure values and functions: no storage, no network, any thread.
// Codes (reason codes, notify channels) are stable English identifiers; ui/ turns them into words.
namespace cardops::core {

// Who must not buy: member ids, contacts and charge accounts. Texts are kept normalised so that
// "  QQ 12345 " on the list matches "qq12345" on an order: NFKC (full-width digits and letters
// become ASCII, as buyers type them from Chinese input methods), whitespace removed, case folded.
// An entry that normalises to nothing is refused, so an empty charge_account never matches.
// Copies are cheap (implicitly shared sets), so every OrderContext may carry one.
class Blacklist
{
public:
    static QString normalise(const QString& text);

    bool addMember(qint64 memberId);
    bool addContact(const QString& contact);
    bool addChargeAccount(const QString& account);

    bool hasMember(qint64 memberId) const { return memberId > 0 && m_members.contains(memberId); }
    bool hasContact(const QString& contact) const;
    bool hasChargeAccount(const QString& account) const;
    bool isEmpty() const { return m_members.isEmpty() && m_contacts.isEmpty() && m_accounts.isEmpty(); }

private:
    QSet<qint64> m_members;
    QSet<QString> m_contacts; // normalised
    QSet<QString> m_accounts; // normalised
};

enum class ConditionKind {
    Always,                   // matches every order: a catch-all rule at the bottom
    AmountMismatch,           // paid_amount differs from amount, in either direction
    MissingChargeAccount,     // a direct (直充) goods without a charge_account
    QuantityAbove,            // quantity > limit
    QuantityAboveUsual,       // quantity > factor × the member's usual quantity (usual known)
    Blacklisted,              // member id, order or member contact, or charge account listed
    GoodsFlagged,             // the order's goods is one of goodsIds
    SupplierBalanceLow,       // supplier balance − the order's cost_at_order < amount (balance known)
    NewMemberFirstOrderAbove, // no earlier paid order and paid_amount > amount
    OutsideBusinessHours,     // paid (else created) outside [open, close) Asia/Shanghai
};

// One condition and its parameters; only the fields of its kind are meaningful (the others stay at
// their defaults so that equality and JSON round trips are exact).
struct Condition
{
    ConditionKind kind = ConditionKind::Always;
    qint64 limit = 0;       // QuantityAbove
    Rate factor;            // QuantityAboveUsual: k, exact (3 = "3", 2.5× = "2.5")
    Money amount;           // SupplierBalanceLow: minimum left; NewMemberFirstOrderAbove
    QList<qint64> goodsIds; // GoodsFlagged, sorted and unique
    int openMinute = 0;     // OutsideBusinessHours: minutes after Shanghai midnight, 0..1439
    int closeMinute = 0;    // 1..1440; close < open is a window across midnight
    bool operator==(const Condition&) const = default;

    static Condition always() { return {}; }
    static Condition amountMismatch() { return withKind(ConditionKind::AmountMismatch); }
    static Condition missingChargeAccount() { return withKind(ConditionKind::MissingChargeAccount); }
    static Condition quantityAbove(qint64 limit);
    static Condition quantityAboveUsual(Rate factor);
    static Condition blacklisted() { return withKind(ConditionKind::Blacklisted); }
    static Condition goodsFlagged(QList<qint64> goodsIds);
    static Condition supplierBalanceLow(Money minimumLeft);
    static Condition newMemberFirstOrderAbove(Money amount);
    static Condition outsideBusinessHours(int openMinute, int closeMinute);

private:
    static Condition withKind(ConditionKind kind);
};

enum class ActionKind {
    Deliver, // terminal: from platform stock or bought from the supplier, as the goods is set up
    Review,  // terminal: hold for 人工审核 with a reason code
    Refund,  // terminal: full refund with a reason code
    Notify,  // non-terminal: tell people on a channel (e.g. "support" = 客服)
    Tag,     // non-terminal: label the order
};

struct Action
{
    ActionKind kind = ActionKind::Deliver;
    QString code; // Review/Refund: reason code; Notify: channel; Tag: label; Deliver: empty
    bool operator==(const Action&) const = default;

    bool isTerminal() const
    {
        return kind == ActionKind::Deliver || kind == ActionKind::Review || kind == ActionKind::Refund;
    }
    static Action deliver() { return {}; }
    static Action review(QString reason) { return {ActionKind::Review, std::move(reason)}; }
    static Action refund(QString reason) { return {ActionKind::Refund, std::move(reason)}; }
    static Action notify(QString channel) { return {ActionKind::Notify, std::move(channel)}; }
    static Action tag(QString label) { return {ActionKind::Tag, std::move(label)}; }
};

struct Rule
{
    QString id;   // stable, [a-z0-9_-], unique in its set; decisions refer to it
    QString name; // the operator's own label; may be empty (the UI then describes the rule)
    bool enabled = true;
    Condition condition;
    Action action;
    bool operator==(const Rule&) const = default;
};

// The stable codes of the kinds, as JSON and storage spell them ("amount_mismatch", "review", …).
QString conditionKindCode(ConditionKind kind);
QString actionKindCode(ActionKind kind);
std::optional<ConditionKind> conditionKindFromCode(QStringView code);
std::optional<ActionKind> actionKindFromCode(QStringView code);

// A rule set is immutable once made; an edit makes the next version. Decisions store the version
// and the rule that fired, so a later edit never rewrites history (domain.md).
class RuleSet
{
public:
    // Validates every rule (ids, codes, parameters) and the version (≥ 1).
    static Result<RuleSet> make(qint64 version, QList<Rule> rules);
    // domain.md's defaults, version 1: amount mismatch and missing account → notify "support" and
    // review; everything else falls through to deliver.
    static RuleSet defaults();

    // The same set edited: `rules` validated, version + 1.
    Result<RuleSet> revised(QList<Rule> rules) const { return make(m_version + 1, std::move(rules)); }
    // A stored set may only be replaced by a later version (Conflict otherwise).
    static Result<void> checkSuccession(const RuleSet& current, const RuleSet& next);

    qint64 version() const { return m_version; }
    const QList<Rule>& rules() const { return m_rules; }
    bool operator==(const RuleSet&) const = default;

    // Strict JSON (docs/fulfilment.md): unknown kinds or keys, missing fields, numbers where money
    // or rates are text, fractional integers and duplicate ids are Parse errors naming the path.
    QByteArray toJson() const;
    static Result<RuleSet> fromJson(QByteArrayView json);

    RuleSet() = default; // empty, version 0: only as a placeholder before a real set is loaded

private:
    qint64 m_version = 0;
    QList<Rule> m_rules;
};

// What the rules need to know beyond the order. Figures CardOps computes elsewhere (the usual
// quantity, earlier orders, the supplier balance) arrive here as plain numbers so the rules stay pure.
struct OrderContext
{
    Goods goods;   // the order's goods (kind card/direct)
    Member member; // the buyer (contact)
    // The member's usual quantity per order, e.g. the median of recent orders; 0 = no history.
    qint64 usualQuantity = 0;
    qint64 previousPaidOrders = 0;        // the member's paid orders before this one
    std::optional<Money> supplierBalance; // of the supplier this order would be bought from
    Blacklist blacklist;
};

enum class DecisionAction { Deliver, Review, Refund };

struct Decision
{
    DecisionAction action = DecisionAction::Deliver;
    QString reasonCode;  // Review/Refund; empty for Deliver
    QString firedRuleId; // the rule that decided; empty when no terminal rule matched
    qint64 ruleSetVersion = 0;
    QStringList notifies; // channels, first mention first, each once
    QStringList tags;     // labels, first mention first, each once
    QStringList trace;    // ids of every enabled rule that matched, in evaluation order
};

// An order the platform flagged (status "review") that no terminal rule decides stays in review
// with the platform's own reason, or this code when it gave none.
inline constexpr char16_t kPlatformReviewReason[] = u"platform_review";

// domain.md's semantics: enabled rules run top to bottom; notify and tag accumulate from every
// matching rule up to and including the first terminal one, which decides; no terminal match →
// deliver for a normal order, review for an order the platform flagged.
bool conditionMatches(const Condition& condition, const Order& order, const OrderContext& context);
Decision decide(const RuleSet& rules, const Order& order, const OrderContext& context);

// 试运行: a rule set over past orders, nothing executed.
struct DryRunInput
{
    Order order;
    OrderContext context;
};

struct DryRunRuleTally
{
    QString ruleId;
    qint64 matched = 0;    // orders on which the rule was evaluated and matched
    qint64 decided = 0;    // orders it decided (terminal rules only)
    QList<qint64> samples; // the first order ids that matched, at most samplesPerRule
};

struct DryRunSummary
{
    qint64 orders = 0;
    qint64 delivered = 0;
    qint64 reviewed = 0;
    qint64 refunded = 0;
    qint64 fallback = 0;          // decided by no rule (the default)
    QList<DryRunRuleTally> rules; // one per rule, in rule set order (disabled rules stay at 0)
};

DryRunSummary dryRun(const RuleSet& rules, const QList<DryRunInput>& inputs, int samplesPerRule);

} // namespace cardops::core
