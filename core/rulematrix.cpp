#include "core/rulematrix.h"

#include "core/clock.h"

#include <QHash>
#include <algorithm>
#include <array>
#include <limits>
#include <utility>

namespace cardops::core {

namespace {

struct ConditionCode
{
    ConditionKind kind;
    const char16_t* code;
};

constexpr std::array<ConditionCode, 10> kConditionCodes{{
    {ConditionKind::Always, u"always"},
    {ConditionKind::AmountMismatch, u"amount_mismatch"},
    {ConditionKind::MissingChargeAccount, u"missing_charge_account"},
    {ConditionKind::QuantityAbove, u"quantity_above"},
    {ConditionKind::QuantityAboveUsual, u"quantity_above_usual"},
    {ConditionKind::Blacklisted, u"blacklisted"},
    {ConditionKind::GoodsFlagged, u"goods_flagged"},
    {ConditionKind::SupplierBalanceLow, u"supplier_balance_low"},
    {ConditionKind::NewMemberFirstOrderAbove, u"new_member_first_order_above"},
    {ConditionKind::OutsideBusinessHours, u"outside_business_hours"},
}};

struct ActionCode
{
    ActionKind kind;
    const char16_t* code;
};

constexpr std::array<ActionCode, 5> kActionCodes{{
    {ActionKind::Deliver, u"deliver"},
    {ActionKind::Review, u"review"},
    {ActionKind::Refund, u"refund"},
    {ActionKind::Notify, u"notify"},
    {ActionKind::Tag, u"tag"},
}};

constexpr qsizetype kMaxCodeLength = 64;

// Rule ids, reason codes and channels are identifiers stored in decisions and translated by the
// UI, so they are restricted to what survives every storage, log and CSV unchanged.
bool isCode(const QString& text, bool allowDash)
{
    if (text.isEmpty() || text.size() > kMaxCodeLength)
        return false;
    return std::all_of(text.cbegin(), text.cend(), [allowDash](QChar c) {
        return (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'_' || (allowDash && c == u'-');
    });
}

bool isLabel(const QString& text)
{
    if (text.isEmpty() || text.size() > kMaxCodeLength || text.trimmed() != text)
        return false;
    return std::none_of(text.cbegin(), text.cend(),
                        [](QChar c) { return c.category() == QChar::Other_Control; });
}

QString validateCondition(const Condition& c)
{
    const Condition clean = [&c] {
        // Parameters of other kinds must stay at their defaults: equality and JSON round trips
        // depend on it, and a stray value would suggest a meaning it does not have.
        Condition k;
        k.kind = c.kind;
        switch (c.kind) {
        case ConditionKind::QuantityAbove:
            k.limit = c.limit;
            break;
        case ConditionKind::QuantityAboveUsual:
            k.factor = c.factor;
            break;
        case ConditionKind::SupplierBalanceLow:
        case ConditionKind::NewMemberFirstOrderAbove:
            k.amount = c.amount;
            break;
        case ConditionKind::GoodsFlagged:
            k.goodsIds = c.goodsIds;
            break;
        case ConditionKind::OutsideBusinessHours:
            k.openMinute = c.openMinute;
            k.closeMinute = c.closeMinute;
            break;
        default:
            break;
        }
        return k;
    }();
    if (!(clean == c))
        return QStringLiteral("parameters that do not belong to the condition's kind");
    switch (c.kind) {
    case ConditionKind::QuantityAbove:
        return c.limit >= 0 ? QString() : QStringLiteral("negative quantity limit");
    case ConditionKind::QuantityAboveUsual:
        return c.factor.ppm() > 0 ? QString() : QStringLiteral("factor must be above 0");
    case ConditionKind::SupplierBalanceLow:
    case ConditionKind::NewMemberFirstOrderAbove:
        return c.amount.isNegative() ? QStringLiteral("negative amount") : QString();
    case ConditionKind::GoodsFlagged: {
        if (c.goodsIds.isEmpty())
            return QStringLiteral("no goods ids");
        for (qsizetype i = 0; i < c.goodsIds.size(); ++i) {
            if (c.goodsIds[i] <= 0 || (i > 0 && c.goodsIds[i] <= c.goodsIds[i - 1]))
                return QStringLiteral("goods ids must be positive, sorted and unique");
        }
        return {};
    }
    case ConditionKind::OutsideBusinessHours:
        if (c.openMinute < 0 || c.openMinute >= 1440 || c.closeMinute < 1 || c.closeMinute > 1440)
            return QStringLiteral("business hours out of range");
        // open == close could mean "always open" or "never open"; neither reading is safe to guess.
        return c.openMinute == c.closeMinute ? QStringLiteral("empty business hours window") : QString();
    default:
        return {};
    }
}

QString validateAction(const Action& a)
{
    switch (a.kind) {
    case ActionKind::Deliver:
        return a.code.isEmpty() ? QString() : QStringLiteral("deliver takes no code");
    case ActionKind::Review:
    case ActionKind::Refund:
        return isCode(a.code, false) ? QString() : QStringLiteral("reason must be a code [a-z0-9_]");
    case ActionKind::Notify:
        return isCode(a.code, false) ? QString() : QStringLiteral("channel must be a code [a-z0-9_]");
    case ActionKind::Tag:
        return isLabel(a.code) ? QString() : QStringLiteral("label must be 1..64 trimmed characters");
    }
    return QStringLiteral("unknown action kind");
}

// Minutes after Shanghai midnight of a unix time (business days, clock.h).
int shanghaiMinuteOfDay(qint64 unixSeconds)
{
    return int((unixSeconds - businessDayStart(businessDay(unixSeconds))) / 60);
}

// quantity > factor × usual, exactly: both sides in parts per million. A product that overflows
// saturates, which keeps the comparison right for every quantity a platform can carry.
bool exceedsMultiple(qint64 quantity, Rate factor, qint64 usual)
{
    qint64 left = 0;
    qint64 right = 0;
    if (qMulOverflow(quantity, Rate::PartsPerUnit, &left))
        left = std::numeric_limits<qint64>::max();
    if (qMulOverflow(factor.ppm(), usual, &right))
        right = std::numeric_limits<qint64>::max();
    return left > right;
}

void appendOnce(QStringList& list, const QString& value)
{
    if (!list.contains(value))
        list.append(value);
}

} // namespace

QString conditionKindCode(ConditionKind kind)
{
    for (const auto& entry : kConditionCodes) {
        if (entry.kind == kind)
            return QString::fromUtf16(entry.code);
    }
    return {};
}

QString actionKindCode(ActionKind kind)
{
    for (const auto& entry : kActionCodes) {
        if (entry.kind == kind)
            return QString::fromUtf16(entry.code);
    }
    return {};
}

std::optional<ConditionKind> conditionKindFromCode(QStringView code)
{
    for (const auto& entry : kConditionCodes) {
        if (code == QStringView(entry.code))
            return entry.kind;
    }
    return std::nullopt;
}

std::optional<ActionKind> actionKindFromCode(QStringView code)
{
    for (const auto& entry : kActionCodes) {
        if (code == QStringView(entry.code))
            return entry.kind;
    }
    return std::nullopt;
}

QString Blacklist::normalise(const QString& text)
{
    QString out = text.normalized(QString::NormalizationForm_KC).toCaseFolded();
    out.removeIf([](QChar c) { return c.isSpace(); });
    return out;
}

bool Blacklist::addMember(qint64 memberId)
{
    if (memberId <= 0)
        return false;
    m_members.insert(memberId);
    return true;
}

bool Blacklist::addContact(const QString& contact)
{
    const QString n = normalise(contact);
    if (n.isEmpty())
        return false;
    m_contacts.insert(n);
    return true;
}

bool Blacklist::addChargeAccount(const QString& account)
{
    const QString n = normalise(account);
    if (n.isEmpty())
        return false;
    m_accounts.insert(n);
    return true;
}

bool Blacklist::hasContact(const QString& contact) const
{
    const QString n = normalise(contact);
    return !n.isEmpty() && m_contacts.contains(n);
}

bool Blacklist::hasChargeAccount(const QString& account) const
{
    const QString n = normalise(account);
    return !n.isEmpty() && m_accounts.contains(n);
}

Condition Condition::withKind(ConditionKind kind)
{
    Condition c;
    c.kind = kind;
    return c;
}

Condition Condition::quantityAbove(qint64 limit)
{
    Condition c = withKind(ConditionKind::QuantityAbove);
    c.limit = limit;
    return c;
}

Condition Condition::quantityAboveUsual(Rate factor)
{
    Condition c = withKind(ConditionKind::QuantityAboveUsual);
    c.factor = factor;
    return c;
}

Condition Condition::goodsFlagged(QList<qint64> goodsIds)
{
    std::sort(goodsIds.begin(), goodsIds.end());
    goodsIds.erase(std::unique(goodsIds.begin(), goodsIds.end()), goodsIds.end());
    Condition c = withKind(ConditionKind::GoodsFlagged);
    c.goodsIds = std::move(goodsIds);
    return c;
}

Condition Condition::supplierBalanceLow(Money minimumLeft)
{
    Condition c = withKind(ConditionKind::SupplierBalanceLow);
    c.amount = minimumLeft;
    return c;
}

Condition Condition::newMemberFirstOrderAbove(Money amount)
{
    Condition c = withKind(ConditionKind::NewMemberFirstOrderAbove);
    c.amount = amount;
    return c;
}

Condition Condition::outsideBusinessHours(int openMinute, int closeMinute)
{
    Condition c = withKind(ConditionKind::OutsideBusinessHours);
    c.openMinute = openMinute;
    c.closeMinute = closeMinute;
    return c;
}

Result<RuleSet> RuleSet::make(qint64 version, QList<Rule> rules)
{
    if (version < 1)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("version must be at least 1"));
    QSet<QString> ids;
    for (qsizetype i = 0; i < rules.size(); ++i) {
        const Rule& rule = rules[i];
        const QString where = QStringLiteral("rules[%1]: ").arg(i);
        if (!isCode(rule.id, true))
            return makeError(ErrorCode::InvalidArgument,
                             where + QStringLiteral("id must be [a-z0-9_-], 1..64"));
        if (ids.contains(rule.id))
            return makeError(ErrorCode::InvalidArgument, where + QStringLiteral("duplicate id ") + rule.id);
        ids.insert(rule.id);
        if (QString e = validateCondition(rule.condition); !e.isEmpty())
            return makeError(ErrorCode::InvalidArgument, where + e);
        if (QString e = validateAction(rule.action); !e.isEmpty())
            return makeError(ErrorCode::InvalidArgument, where + e);
    }
    RuleSet set;
    set.m_version = version;
    set.m_rules = std::move(rules);
    return set;
}

RuleSet RuleSet::defaults()
{
    // The notify rules come first: evaluation stops at the first terminal rule, so a notify placed
    // after its review rule would never run.
    const QString support = QStringLiteral("support");
    QList<Rule> rules{
        {QStringLiteral("amount_mismatch_notify"),
         {},
         true,
         Condition::amountMismatch(),
         Action::notify(support)},
        {QStringLiteral("amount_mismatch_review"),
         {},
         true,
         Condition::amountMismatch(),
         Action::review(QStringLiteral("amount_mismatch"))},
        {QStringLiteral("missing_account_notify"),
         {},
         true,
         Condition::missingChargeAccount(),
         Action::notify(support)},
        {QStringLiteral("missing_account_review"),
         {},
         true,
         Condition::missingChargeAccount(),
         Action::review(QStringLiteral("missing_charge_account"))},
    };
    return make(1, std::move(rules)).value();
}

Result<void> RuleSet::checkSuccession(const RuleSet& current, const RuleSet& next)
{
    if (next.m_version <= current.m_version) {
        return makeError(ErrorCode::Conflict, QStringLiteral("rule set version %1 does not follow %2")
                                                  .arg(next.m_version)
                                                  .arg(current.m_version));
    }
    return {};
}

bool conditionMatches(const Condition& c, const Order& order, const OrderContext& context)
{
    switch (c.kind) {
    case ConditionKind::Always:
        return true;
    case ConditionKind::AmountMismatch:
        return order.paidAmount != order.amount;
    case ConditionKind::MissingChargeAccount:
        return context.goods.kind == u"direct" && Blacklist::normalise(order.chargeAccount).isEmpty();
    case ConditionKind::QuantityAbove:
        return order.quantity > c.limit;
    case ConditionKind::QuantityAboveUsual:
        // No history, no norm: a first order is judged by QuantityAbove and
        // NewMemberFirstOrderAbove instead of sending every new member to review.
        return context.usualQuantity > 0 && exceedsMultiple(order.quantity, c.factor, context.usualQuantity);
    case ConditionKind::Blacklisted: {
        const Blacklist& b = context.blacklist;
        return b.hasMember(order.memberId) || b.hasContact(order.contact) ||
               b.hasContact(context.member.contact) || b.hasChargeAccount(order.chargeAccount);
    }
    case ConditionKind::GoodsFlagged:
        return std::binary_search(c.goodsIds.cbegin(), c.goodsIds.cend(), order.goodsId);
    case ConditionKind::SupplierBalanceLow:
        // Unknown balance (goods delivered from platform stock, balance not read yet) is not "low":
        // the purchase itself reports a short balance.
        return context.supplierBalance && *context.supplierBalance - order.costAtOrder < c.amount;
    case ConditionKind::NewMemberFirstOrderAbove:
        return context.previousPaidOrders == 0 && order.paidAmount > c.amount;
    case ConditionKind::OutsideBusinessHours: {
        const int minute = shanghaiMinuteOfDay(order.paidAt != 0 ? order.paidAt : order.createdAt);
        const bool open = c.openMinute < c.closeMinute ? minute >= c.openMinute && minute < c.closeMinute
                                                       : minute >= c.openMinute || minute < c.closeMinute;
        return !open;
    }
    }
    return false;
}

Decision decide(const RuleSet& rules, const Order& order, const OrderContext& context)
{
    Decision d;
    d.ruleSetVersion = rules.version();
    for (const Rule& rule : rules.rules()) {
        if (!rule.enabled || !conditionMatches(rule.condition, order, context))
            continue;
        d.trace.append(rule.id);
        switch (rule.action.kind) {
        case ActionKind::Notify:
            appendOnce(d.notifies, rule.action.code);
            continue;
        case ActionKind::Tag:
            appendOnce(d.tags, rule.action.code);
            continue;
        case ActionKind::Deliver:
            d.action = DecisionAction::Deliver;
            break;
        case ActionKind::Review:
            d.action = DecisionAction::Review;
            break;
        case ActionKind::Refund:
            d.action = DecisionAction::Refund;
            break;
        }
        d.reasonCode = rule.action.code;
        d.firedRuleId = rule.id;
        return d;
    }
    // Nothing terminal: a normal order is delivered; an order the platform already holds for review
    // is not released by the absence of a rule — only a rule or a person may release it.
    if (order.status == u"review") {
        d.action = DecisionAction::Review;
        d.reasonCode =
            order.reviewReason.isEmpty() ? QString::fromUtf16(kPlatformReviewReason) : order.reviewReason;
    }
    return d;
}

DryRunSummary dryRun(const RuleSet& rules, const QList<DryRunInput>& inputs, int samplesPerRule)
{
    DryRunSummary s;
    QHash<QString, qsizetype> index;
    for (const Rule& rule : rules.rules()) {
        index.insert(rule.id, s.rules.size());
        s.rules.append(DryRunRuleTally{rule.id, 0, 0, {}});
    }
    for (const DryRunInput& input : inputs) {
        const Decision d = decide(rules, input.order, input.context);
        ++s.orders;
        switch (d.action) {
        case DecisionAction::Deliver:
            ++s.delivered;
            break;
        case DecisionAction::Review:
            ++s.reviewed;
            break;
        case DecisionAction::Refund:
            ++s.refunded;
            break;
        }
        if (d.firedRuleId.isEmpty())
            ++s.fallback;
        else
            ++s.rules[index.value(d.firedRuleId)].decided;
        for (const QString& id : d.trace) {
            DryRunRuleTally& tally = s.rules[index.value(id)];
            ++tally.matched;
            if (tally.samples.size() < samplesPerRule)
                tally.samples.append(input.order.id);
        }
    }
    return s;
}

} // namespace cardops::core
