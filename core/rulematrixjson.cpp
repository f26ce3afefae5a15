// RuleSet ⇄ JSON (docs/fulfilment.md, "JSON shape"). Parsing is strict because a rule set decides
// where money goes: a key the parser does not know is more likely a typo ("limt") than a feature,
// and ignoring it would silently turn a limit into 0.

#include "core/rulematrix.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>
#include <initializer_list>

namespace cardops::core {

namespace {

QString hhmm(int minute)
{
    return QStringLiteral("%1:%2")
        .arg(minute / 60, 2, 10, QLatin1Char('0'))
        .arg(minute % 60, 2, 10, QLatin1Char('0'));
}

QJsonObject conditionJson(const Condition& c)
{
    QJsonObject o{{QStringLiteral("kind"), conditionKindCode(c.kind)}};
    switch (c.kind) {
    case ConditionKind::QuantityAbove:
        o.insert(QStringLiteral("limit"), c.limit);
        break;
    case ConditionKind::QuantityAboveUsual:
        o.insert(QStringLiteral("factor"), c.factor.toString());
        break;
    case ConditionKind::SupplierBalanceLow:
    case ConditionKind::NewMemberFirstOrderAbove:
        o.insert(QStringLiteral("amount"), c.amount.toString(4));
        break;
    case ConditionKind::GoodsFlagged: {
        QJsonArray ids;
        for (qint64 id : c.goodsIds)
            ids.append(id);
        o.insert(QStringLiteral("goods_ids"), ids);
        break;
    }
    case ConditionKind::OutsideBusinessHours:
        o.insert(QStringLiteral("open"), hhmm(c.openMinute));
        o.insert(QStringLiteral("close"), hhmm(c.closeMinute));
        break;
    default:
        break;
    }
    return o;
}

QString actionCodeKey(ActionKind kind)
{
    switch (kind) {
    case ActionKind::Review:
    case ActionKind::Refund:
        return QStringLiteral("reason");
    case ActionKind::Notify:
        return QStringLiteral("channel");
    case ActionKind::Tag:
        return QStringLiteral("label");
    case ActionKind::Deliver:
        break;
    }
    return {};
}

QJsonObject actionJson(const Action& a)
{
    QJsonObject o{{QStringLiteral("kind"), actionKindCode(a.kind)}};
    if (const QString key = actionCodeKey(a.kind); !key.isEmpty())
        o.insert(key, a.code);
    return o;
}

// Reads one JSON object, remembering the first error with its path; every getter is a no-op once
// an error is set, so a parse reads straight through and checks once at the end.
class Reader
{
public:
    bool failed() const { return !m_error.isEmpty(); }
    const QString& error() const { return m_error; }

    void fail(const QString& where, const QString& what)
    {
        if (m_error.isEmpty())
            m_error = where + QStringLiteral(": ") + what;
    }

    // The object at `v`, with exactly the keys `allowed` (all of them required).
    QJsonObject object(const QJsonValue& v, const QString& where, std::initializer_list<const char*> allowed)
    {
        if (failed())
            return {};
        if (!v.isObject()) {
            fail(where, QStringLiteral("not an object"));
            return {};
        }
        const QJsonObject o = v.toObject();
        for (const char* key : allowed) {
            if (!o.contains(QLatin1String(key)))
                fail(where, QStringLiteral("missing ") + QLatin1String(key));
        }
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (std::none_of(allowed.begin(), allowed.end(),
                             [&](const char* k) { return it.key() == QLatin1String(k); }))
                fail(where, QStringLiteral("unknown key ") + it.key());
        }
        return o;
    }

    // A JSON integer. Read without a double: QJsonValue keeps whole numbers as qint64 and refuses
    // toInteger() for fractions, so two different defaults tell a refusal from a real value.
    qint64 integer(const QJsonValue& v, const QString& where)
    {
        if (failed())
            return 0;
        const qint64 a = v.toInteger(0);
        const qint64 b = v.toInteger(1);
        if (!v.isDouble() || a != b)
            fail(where, QStringLiteral("not an integer"));
        return a;
    }

    QString text(const QJsonValue& v, const QString& where)
    {
        if (failed())
            return {};
        if (!v.isString())
            fail(where, QStringLiteral("not a string"));
        return v.toString();
    }

    bool boolean(const QJsonValue& v, const QString& where)
    {
        if (!failed() && !v.isBool())
            fail(where, QStringLiteral("not a boolean"));
        return v.toBool();
    }

    // Money as text ("12.3400"): a JSON number would have passed through a double somewhere.
    Money money(const QJsonValue& v, const QString& where)
    {
        const QString t = text(v, where);
        if (failed())
            return {};
        const auto m = Money::parse(t);
        if (!m) {
            fail(where, QStringLiteral("not money text"));
            return {};
        }
        return *m;
    }

    Rate rate(const QJsonValue& v, const QString& where)
    {
        const QString t = text(v, where);
        if (failed())
            return {};
        const auto r = Rate::parse(t);
        if (!r) {
            fail(where, QStringLiteral("not a rate"));
            return {};
        }
        return *r;
    }

    // "HH:MM", 00:00..24:00.
    int minute(const QJsonValue& v, const QString& where)
    {
        const QString t = text(v, where);
        if (failed())
            return 0;
        bool okH = false;
        bool okM = false;
        const int h = t.left(2).toInt(&okH);
        const int m = t.mid(3).toInt(&okM);
        const bool digits =
            std::all_of(t.cbegin(), t.cend(), [](QChar c) { return c.isDigit() || c == u':'; });
        if (t.size() != 5 || t[2] != u':' || !digits || !okH || !okM || m > 59 || h * 60 + m > 1440) {
            fail(where, QStringLiteral("not HH:MM"));
            return 0;
        }
        return h * 60 + m;
    }

    Condition condition(const QJsonValue& v, const QString& where)
    {
        if (!failed() && !v.isObject())
            fail(where, QStringLiteral("not an object"));
        if (failed())
            return {};
        const QString kindText =
            text(v.toObject().value(QStringLiteral("kind")), where + QStringLiteral(".kind"));
        const auto kind = conditionKindFromCode(kindText);
        if (!failed() && !kind)
            fail(where + QStringLiteral(".kind"), QStringLiteral("unknown condition kind ") + kindText);
        if (failed())
            return {};
        const auto key = [&](const char* k) -> QString {
            return where + QLatin1Char('.') + QLatin1String(k);
        };
        switch (*kind) {
        case ConditionKind::QuantityAbove: {
            const QJsonObject o = object(v, where, {"kind", "limit"});
            return Condition::quantityAbove(integer(o.value(QStringLiteral("limit")), key("limit")));
        }
        case ConditionKind::QuantityAboveUsual: {
            const QJsonObject o = object(v, where, {"kind", "factor"});
            return Condition::quantityAboveUsual(rate(o.value(QStringLiteral("factor")), key("factor")));
        }
        case ConditionKind::SupplierBalanceLow: {
            const QJsonObject o = object(v, where, {"kind", "amount"});
            return Condition::supplierBalanceLow(money(o.value(QStringLiteral("amount")), key("amount")));
        }
        case ConditionKind::NewMemberFirstOrderAbove: {
            const QJsonObject o = object(v, where, {"kind", "amount"});
            return Condition::newMemberFirstOrderAbove(
                money(o.value(QStringLiteral("amount")), key("amount")));
        }
        case ConditionKind::GoodsFlagged: {
            const QJsonObject o = object(v, where, {"kind", "goods_ids"});
            const QJsonValue ids = o.value(QStringLiteral("goods_ids"));
            if (!failed() && !ids.isArray())
                fail(key("goods_ids"), QStringLiteral("not an array"));
            Condition c;
            c.kind = ConditionKind::GoodsFlagged;
            const QJsonArray array = ids.toArray();
            for (qsizetype i = 0; i < array.size(); ++i)
                c.goodsIds.append(integer(array.at(i), key("goods_ids") + QStringLiteral("[%1]").arg(i)));
            return c; // kept as written: unsorted or repeated ids are refused by validation
        }
        case ConditionKind::OutsideBusinessHours: {
            const QJsonObject o = object(v, where, {"kind", "open", "close"});
            const int open = minute(o.value(QStringLiteral("open")), key("open"));
            return Condition::outsideBusinessHours(open,
                                                   minute(o.value(QStringLiteral("close")), key("close")));
        }
        default: {
            object(v, where, {"kind"});
            Condition c;
            c.kind = *kind;
            return c;
        }
        }
    }

    Action action(const QJsonValue& v, const QString& where)
    {
        if (!failed() && !v.isObject())
            fail(where, QStringLiteral("not an object"));
        if (failed())
            return {};
        const QString kindText =
            text(v.toObject().value(QStringLiteral("kind")), where + QStringLiteral(".kind"));
        const auto kind = actionKindFromCode(kindText);
        if (!failed() && !kind)
            fail(where + QStringLiteral(".kind"), QStringLiteral("unknown action kind ") + kindText);
        if (failed())
            return {};
        const QString codeKey = actionCodeKey(*kind);
        if (codeKey.isEmpty()) {
            object(v, where, {"kind"});
            return Action{*kind, {}};
        }
        const QByteArray codeKeyLatin = codeKey.toLatin1();
        const QJsonObject o = object(v, where, {"kind", codeKeyLatin.constData()});
        return Action{*kind, text(o.value(codeKey), where + QLatin1Char('.') + codeKey)};
    }

private:
    QString m_error;
};

} // namespace

QByteArray RuleSet::toJson() const
{
    QJsonArray rules;
    for (const Rule& r : m_rules) {
        rules.append(QJsonObject{
            {QStringLiteral("id"), r.id},
            {QStringLiteral("name"), r.name},
            {QStringLiteral("enabled"), r.enabled},
            {QStringLiteral("when"), conditionJson(r.condition)},
            {QStringLiteral("then"), actionJson(r.action)},
        });
    }
    const QJsonObject root{{QStringLiteral("version"), m_version}, {QStringLiteral("rules"), rules}};
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

Result<RuleSet> RuleSet::fromJson(QByteArrayView json)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return makeError(ErrorCode::Parse, QStringLiteral("rule set: ") + parseError.errorString());
    Reader r;
    const QJsonObject root = r.object(doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(),
                                      QStringLiteral("$"), {"version", "rules"});
    const qint64 version = r.integer(root.value(QStringLiteral("version")), QStringLiteral("$.version"));
    const QJsonValue rulesValue = root.value(QStringLiteral("rules"));
    if (!r.failed() && !rulesValue.isArray())
        r.fail(QStringLiteral("$.rules"), QStringLiteral("not an array"));
    QList<Rule> rules;
    const QJsonArray array = rulesValue.toArray();
    for (qsizetype i = 0; i < array.size() && !r.failed(); ++i) {
        const QString where = QStringLiteral("$.rules[%1]").arg(i);
        const QJsonObject o = r.object(array.at(i), where, {"id", "name", "enabled", "when", "then"});
        Rule rule;
        rule.id = r.text(o.value(QStringLiteral("id")), where + QStringLiteral(".id"));
        rule.name = r.text(o.value(QStringLiteral("name")), where + QStringLiteral(".name"));
        rule.enabled = r.boolean(o.value(QStringLiteral("enabled")), where + QStringLiteral(".enabled"));
        rule.condition = r.condition(o.value(QStringLiteral("when")), where + QStringLiteral(".when"));
        rule.action = r.action(o.value(QStringLiteral("then")), where + QStringLiteral(".then"));
        rules.append(std::move(rule));
    }
    if (r.failed())
        return makeError(ErrorCode::Parse, r.error());
    auto set = make(version, std::move(rules));
    if (!set)
        return makeError(ErrorCode::Parse, set.error().detail);
    return set;
}

} // namespace cardops::core
