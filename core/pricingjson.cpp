// PricingRule ⇄ JSON and the platform's tier/contract price shapes (docs/goods.md "Pricing"). The
// rule parser is strict for the reason the rule matrix's is: a rule decides prices, and a key it
// does not know ("percnt") is a typo that would otherwise price every goods at cost.

#include "core/pricing.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QJsonValue>
#include <QSet>
#include <algorithm>
#include <initializer_list>

using namespace Qt::StringLiterals;

namespace cardops::core {
namespace {

// Reads a rule, keeping the first error with its path; getters are no-ops once failed.
class Reader
{
public:
    bool failed() const { return !m_error.isEmpty(); }
    const QString& error() const { return m_error; }

    void fail(const QString& where, const QString& what)
    {
        if (m_error.isEmpty())
            m_error = where.isEmpty() ? what : where + u": "_s + what;
    }

    // The object at `v` whose keys are all in `allowed`.
    QJsonObject object(const QJsonValue& v, const QString& where, std::initializer_list<QStringView> allowed)
    {
        if (failed())
            return {};
        if (!v.isObject()) {
            fail(where, u"not an object"_s);
            return {};
        }
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            if (std::find(allowed.begin(), allowed.end(), it.key()) == allowed.end())
                fail(where, u"unknown key \""_s + it.key() + u'"');
        return o;
    }

    QString text(const QJsonValue& v, const QString& where)
    {
        if (!failed() && !v.isString())
            fail(where, u"not a string"_s);
        return failed() ? QString() : v.toString();
    }

    // Money as text ("0.50"): a JSON number would have passed through a double.
    Money money(const QJsonValue& v, const QString& where)
    {
        const QString t = text(v, where);
        if (failed())
            return {};
        const auto m = Money::parse(t);
        if (!m)
            fail(where, u"not an amount with up to 4 decimals (\""_s + t + u"\")"_s);
        return m ? *m : Money();
    }

    Rate rate(const QJsonValue& v, const QString& where)
    {
        const QString t = text(v, where);
        if (failed())
            return {};
        const auto r = Rate::parse(t);
        if (!r)
            fail(where, u"not a percentage such as \"3%\" or \"0.03\" (\""_s + t + u"\")"_s);
        return r ? *r : Rate();
    }

    bool boolean(const QJsonValue& v, const QString& where)
    {
        if (!failed() && !v.isBool())
            fail(where, u"not true or false"_s);
        return v.toBool();
    }

    Markup markup(const QJsonObject& o, const QString& where)
    {
        const bool fixed = o.contains(u"fixed"_s);
        const bool percent = o.contains(u"percent"_s);
        if (fixed == percent) {
            fail(where, u"exactly one of \"fixed\" and \"percent\""_s);
            return {};
        }
        if (fixed)
            return {Markup::Kind::Fixed, money(o.value(u"fixed"_s), where + u".fixed"_s), {}};
        return {Markup::Kind::Percent, {}, rate(o.value(u"percent"_s), where + u".percent"_s)};
    }

private:
    QString m_error;
};

QString kindCode(RuleKind k)
{
    switch (k) {
    case RuleKind::Fixed:
        return u"fixed"_s;
    case RuleKind::Percent:
        return u"percent"_s;
    case RuleKind::Template:
        break;
    }
    return u"template"_s;
}

QJsonObject markupJson(const Markup& m)
{
    if (m.kind == Markup::Kind::Fixed)
        return {{u"fixed"_s, m.amount.toString(4)}};
    return {{u"percent"_s, m.percent.toString()}};
}

// Rejects a member name repeated in any object of the document: QJsonDocument keeps only one of
// them, so "percent" twice would silently price with the last.
bool hasRepeatedKey(const QByteArray& json)
{
    // Walk the text: strings are skipped whole; in an object, a string followed by ':' is a key.
    QList<QSet<QString>> stack;
    QList<bool> isObject;
    for (qsizetype i = 0; i < json.size(); ++i) {
        const char c = json.at(i);
        if (c == '{' || c == '[') {
            isObject.append(c == '{');
            stack.append(QSet<QString>());
        } else if (c == '}' || c == ']') {
            if (!stack.isEmpty())
                stack.removeLast(), isObject.removeLast();
        } else if (c == '"') {
            const qsizetype start = i + 1;
            for (++i; i < json.size() && json.at(i) != '"'; ++i)
                if (json.at(i) == '\\')
                    ++i;
            const QByteArray raw = json.mid(start, i - start);
            qsizetype j = i + 1;
            while (j < json.size() && QByteArrayView(" \t\r\n").contains(json.at(j)))
                ++j;
            if (j < json.size() && json.at(j) == ':' && !isObject.isEmpty() && isObject.last()) {
                const QString key = QJsonDocument::fromJson("[\"" + raw + "\"]").array().at(0).toString();
                if (stack.last().contains(key))
                    return true;
                stack.last().insert(key);
            }
        }
    }
    return false;
}

} // namespace

Result<PricingRule> parsePricingRule(const QByteArray& json)
{
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &err);
    if (err.error != QJsonParseError::NoError)
        return makeError(ErrorCode::Parse,
                         u"not JSON: "_s + err.errorString() + u" at offset %1"_s.arg(err.offset));
    if (hasRepeatedKey(json))
        return makeError(ErrorCode::Parse, u"a key is repeated"_s);
    Reader rd;
    const QJsonObject o = rd.object(
        doc.object(), {}, {u"kind", u"amount", u"percent", u"bands", u"ending", u"sync_tiers", u"contracts"});
    if (!doc.isObject())
        rd.fail({}, u"not an object"_s);
    PricingRule rule;
    const QString kind = rd.text(o.value(u"kind"_s), u"kind"_s);
    const auto allowOnly = [&](std::initializer_list<QStringView> keys) {
        for (const QString& k : {u"amount"_s, u"percent"_s, u"bands"_s, u"ending"_s})
            if (o.contains(k) && std::find(keys.begin(), keys.end(), k) == keys.end())
                rd.fail(k, u"not used by a "_s + kind + u" rule"_s);
    };
    if (rd.failed()) {
    } else if (kind == u"fixed") {
        allowOnly({u"amount"});
        rule = PricingRule::fixed(rd.money(o.value(u"amount"_s), u"amount"_s));
    } else if (kind == u"percent") {
        allowOnly({u"percent"});
        rule = PricingRule::percent(rd.rate(o.value(u"percent"_s), u"percent"_s));
    } else if (kind == u"template") {
        allowOnly({u"bands", u"ending"});
        rule.kind = RuleKind::Template;
        const QJsonValue bands = o.value(u"bands"_s);
        if (!bands.isArray())
            rd.fail(u"bands"_s, u"not an array"_s);
        const QJsonArray list = bands.toArray();
        for (qsizetype i = 0; i < list.size() && !rd.failed(); ++i) {
            const QString where = u"bands[%1]"_s.arg(i);
            const QJsonObject b = rd.object(list.at(i), where, {u"below", u"fixed", u"percent"});
            PriceBand band;
            if (b.contains(u"below"_s))
                band.below = rd.money(b.value(u"below"_s), where + u".below"_s);
            band.markup = rd.markup(b, where);
            rule.bands.append(band);
        }
        if (o.contains(u"ending"_s)) {
            const QString e = rd.text(o.value(u"ending"_s), u"ending"_s);
            if (!rd.failed() &&
                (e.size() != 2 || e.at(0) != u'x' || !e.at(1).isDigit() || e.at(1).unicode() > 127))
                rd.fail(u"ending"_s, u"\"x0\" … \"x9\" (the cents digit), not \""_s + e + u'"');
            else if (!rd.failed())
                rule.ending = e.at(1).unicode() - u'0';
        }
    } else {
        rd.fail(u"kind"_s, u"fixed, percent or template, not \""_s + kind + u'"');
    }
    if (o.contains(u"sync_tiers"_s))
        rule.syncTiers = rd.boolean(o.value(u"sync_tiers"_s), u"sync_tiers"_s);
    if (o.contains(u"contracts"_s)) {
        const QString c = rd.text(o.value(u"contracts"_s), u"contracts"_s);
        if (c == u"follow")
            rule.contracts = ContractMode::Follow;
        else if (!rd.failed() && c != u"keep")
            rd.fail(u"contracts"_s, u"keep or follow, not \""_s + c + u'"');
    }
    if (rd.failed())
        return makeError(ErrorCode::Parse, rd.error());
    if (auto valid = validatePricingRule(rule); !valid)
        return makeError(ErrorCode::Parse, valid.error().detail);
    return rule;
}

QByteArray pricingRuleJson(const PricingRule& rule)
{
    QJsonObject o{{u"kind"_s, kindCode(rule.kind)}};
    switch (rule.kind) {
    case RuleKind::Fixed:
        o.insert(u"amount"_s, rule.markup.amount.toString(4));
        break;
    case RuleKind::Percent:
        o.insert(u"percent"_s, rule.markup.percent.toString());
        break;
    case RuleKind::Template: {
        QJsonArray bands;
        for (const PriceBand& b : rule.bands) {
            QJsonObject band = markupJson(b.markup);
            if (b.below)
                band.insert(u"below"_s, b.below->toString(4));
            bands.append(band);
        }
        o.insert(u"bands"_s, bands);
        if (rule.ending >= 0)
            o.insert(u"ending"_s, QString(u"x"_s + QString::number(rule.ending)));
        break;
    }
    }
    o.insert(u"sync_tiers"_s, rule.syncTiers);
    o.insert(u"contracts"_s, rule.contracts == ContractMode::Follow ? u"follow"_s : u"keep"_s);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QList<TierPriceEntry> parseTierPrices(const QByteArray& json)
{
    QList<TierPriceEntry> out;
    const QJsonObject o = QJsonDocument::fromJson(json).object();
    for (auto it = o.begin(); it != o.end(); ++it) {
        bool ok = false;
        const qint64 tier = it.key().toLongLong(&ok);
        // The platform sends money as text; a number is read from its shortest decimal form.
        const QJsonValue v = it.value();
        const auto price = Money::parse(v.isString() ? v.toString() : v.toVariant().toString());
        if (ok && price && (v.isString() || v.isDouble()))
            out.append({tier, *price});
    }
    std::sort(out.begin(), out.end(),
              [](const TierPriceEntry& a, const TierPriceEntry& b) { return a.tierId < b.tierId; });
    return out;
}

QList<ContractPriceEntry> parseContractPrices(const QByteArray& json)
{
    QList<ContractPriceEntry> out;
    for (const QJsonValue& e : QJsonDocument::fromJson(json).array()) {
        const QJsonValue member = e.toObject().value(u"member_id"_s);
        const QJsonValue p = e.toObject().value(u"price"_s);
        const auto price = Money::parse(p.isString() ? p.toString() : p.toVariant().toString());
        const qint64 id = member.isString() ? member.toString().toLongLong() : member.toInteger();
        if (id > 0 && price && (p.isString() || p.isDouble()))
            out.append({id, *price});
    }
    return out;
}

QJsonObject tierPricesJson(const QList<TierPriceEntry>& prices)
{
    QJsonObject o;
    for (const TierPriceEntry& e : prices)
        o.insert(QString::number(e.tierId), e.price.toString(4));
    return o;
}

QJsonArray contractPricesJson(const QList<ContractPriceEntry>& prices)
{
    QJsonArray a;
    for (const ContractPriceEntry& c : prices)
        a.append(QJsonObject{{u"member_id"_s, c.memberId}, {u"price"_s, c.price.toString(4)}});
    return a;
}

} // namespace cardops::core
