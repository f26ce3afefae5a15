#include "core/listingtemplate.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;

namespace cardops::core::listing {
namespace {

struct Token
{
    bool placeholder = false;
    QString text; // the literal text, or the placeholder's name
};

// A pattern split into literal text and {placeholders}; an error for a brace that opens no known
// placeholder.
Result<QList<Token>> tokenize(const QString& pattern)
{
    QList<Token> out;
    QString literal;
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QChar c = pattern.at(i);
        if (c == u'}')
            return makeError(ErrorCode::Parse, u"a '}' without its '{'"_s);
        if (c != u'{') {
            literal += c;
            continue;
        }
        const qsizetype close = pattern.indexOf(u'}', i + 1);
        if (close < 0)
            return makeError(ErrorCode::Parse, u"a '{' without its '}'"_s);
        const QString name = pattern.mid(i + 1, close - i - 1);
        if (!placeholders().contains(name))
            return makeError(ErrorCode::Parse, u"unknown placeholder {"_s + name + u"} (known: "_s +
                                                   placeholders().join(u", "_s) + u')');
        if (!literal.isEmpty())
            out.append({false, std::exchange(literal, {})});
        out.append({true, name});
        i = close;
    }
    if (!literal.isEmpty())
        out.append({false, literal});
    return out;
}

QList<Token> tokensOf(const QString& pattern)
{
    return tokenize(pattern).valueOr({});
}

bool hasLiteral(const QList<Token>& tokens)
{
    return std::any_of(tokens.cbegin(), tokens.cend(),
                       [](const Token& t) { return !t.placeholder && !t.text.trimmed().isEmpty(); });
}

// The pattern as a regular expression. With values, a placeholder stands for the goods' value (and
// one without a value matches nothing); without, for any text.
QRegularExpression regexOf(const QList<Token>& tokens, const QHash<QString, QString>* values)
{
    QString re;
    for (const Token& t : tokens) {
        if (!t.placeholder)
            re += QRegularExpression::escape(t.text);
        else if (!values)
            re += u".+?"_s;
        else if (values->contains(t.text))
            re += QRegularExpression::escape(values->value(t.text));
        else
            re += u"(?!)"_s;
    }
    return QRegularExpression(re);
}

qsizetype characters(const QString& s)
{
    return s.toUcs4().size();
}

// "100.0000" → "100", "0.5000" → "0.5".
QString trimmed(Money m)
{
    QString s = m.toString(4);
    while (s.endsWith(u'0'))
        s.chop(1);
    if (s.endsWith(u'.'))
        s.chop(1);
    return s;
}

QStringList titleSegments(const QString& title)
{
    static const QRegularExpression separator(u"\\s*[|｜]\\s*"_s);
    QStringList out;
    for (const QString& s : title.split(separator))
        if (!s.trimmed().isEmpty())
            out << s.trimmed();
    return out;
}

// The sections of a description: a heading of the template as 【…】 anywhere (a bracket naming more,
// 【商品亮点】, counts for 亮点; one naming no heading, 【温馨提示】, still ends the section before it), or
// at the start of a line as [亮点], 亮点：, 亮点:, # 亮点 or 亮点 alone. A section's text runs to the next
// heading. Answers heading → whether its section has text.
QHash<QString, bool> sectionsOf(const QString& text, const QStringList& headings)
{
    struct Marker
    {
        qsizetype from = 0;
        qsizetype to = 0;
        QString heading; // empty: a bracket that names no heading
    };
    QList<Marker> markers;
    static const QRegularExpression bracket(u"【([^】\\n]{1,30})】"_s);
    for (auto it = bracket.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const QString named = m.captured(1).trimmed();
        QString heading = headings.contains(named) ? named : QString();
        for (qsizetype k = 0; k < headings.size() && heading.isEmpty(); ++k)
            if (named.contains(headings.at(k)))
                heading = headings.at(k);
        markers.append({m.capturedStart(), m.capturedEnd(), heading});
    }
    static const QRegularExpression lineStart(
        u"^[ \\t#]*(?:\\[([^\\]\\n]+)\\]|([^\\n：:【]+?)[ \\t]*[：:]|([^\\n【]+?)[ \\t]*$)"_s,
        QRegularExpression::MultilineOption);
    for (auto it = lineStart.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const QString named = QString(m.captured(1) + m.captured(2) + m.captured(3)).trimmed();
        if (headings.contains(named))
            markers.append({m.capturedStart(), m.capturedEnd(), named});
    }
    std::sort(markers.begin(), markers.end(),
              [](const Marker& a, const Marker& b) { return a.from < b.from; });
    QHash<QString, bool> out;
    for (qsizetype i = 0; i < markers.size(); ++i) {
        const Marker& m = markers.at(i);
        if (m.heading.isEmpty())
            continue;
        const qsizetype end = i + 1 < markers.size() ? markers.at(i + 1).from : text.size();
        const bool hasText = end > m.to && !text.mid(m.to, end - m.to).trimmed().isEmpty();
        out[m.heading] = out.value(m.heading) || hasText;
    }
    return out;
}

// Reads a JSON object strictly: each member once, of its type; the first failure is kept.
class Strict
{
public:
    QString error;

    bool fail(const QString& path, const QString& why)
    {
        if (error.isEmpty())
            error = path + u": "_s + why;
        return false;
    }
    QJsonObject object(const QJsonValue& v, const QString& path, const QStringList& members)
    {
        if (!v.isObject()) {
            fail(path, u"expected an object"_s);
            return {};
        }
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            if (!members.contains(it.key()))
                fail(path + u'.' + it.key(),
                     u"unknown member (expected one of: "_s + members.join(u", "_s) + u')');
        return o;
    }
    QJsonArray array(const QJsonObject& o, const QString& key, const QString& path)
    {
        if (!o.value(key).isArray()) {
            fail(path + u'.' + key, u"expected an array"_s);
            return {};
        }
        return o.value(key).toArray();
    }
    QString text(const QJsonObject& o, const QString& key, const QString& path)
    {
        if (!o.value(key).isString()) {
            fail(path + u'.' + key, u"expected a text"_s);
            return {};
        }
        return o.value(key).toString();
    }
    bool flag(const QJsonObject& o, const QString& key, const QString& path)
    {
        if (!o.value(key).isBool())
            return fail(path + u'.' + key, u"expected true or false"_s);
        return o.value(key).toBool();
    }
    qint64 integer(const QJsonObject& o, const QString& key, const QString& path, qint64 min, qint64 max)
    {
        const QJsonValue v = o.value(key);
        const double d = v.toDouble();
        if (!v.isDouble() || d < double(min) || d > double(max) || d != double(qint64(d))) {
            fail(path + u'.' + key, u"expected a whole number from %1 to %2"_s.arg(min).arg(max));
            return 0;
        }
        return qint64(d);
    }
};

Result<void> checkPattern(const QString& pattern, const QString& path, bool allowEmpty)
{
    if (!allowEmpty && pattern.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidArgument, path + u": must not be empty"_s);
    auto t = tokenize(pattern);
    if (!t)
        return makeError(ErrorCode::InvalidArgument, path + u": "_s + t.error().detail);
    return {};
}

Result<void> validateBody(const ListingTemplate& tpl)
{
    const auto bad = [](const QString& path, const QString& why) {
        return makeError(ErrorCode::InvalidArgument, path + u": "_s + why);
    };
    if (!tpl.kind.isEmpty() && tpl.kind != u"card" && tpl.kind != u"direct")
        return bad(u"kind"_s, u"expected card, direct or empty"_s);
    if (tpl.titleParts.isEmpty())
        return bad(u"title.parts"_s, u"a title needs at least one part"_s);
    if (tpl.titleParts.size() > 10)
        return bad(u"title.parts"_s, u"at most 10 parts"_s);
    if (tpl.maxTitleLength < 1 || tpl.maxTitleLength > MaxTitleLengthLimit)
        return bad(u"title.max_length"_s, u"expected 1 to %1"_s.arg(MaxTitleLengthLimit));
    QSet<QString> labels;
    for (qsizetype i = 0; i < tpl.titleParts.size(); ++i) {
        const TitlePart& p = tpl.titleParts.at(i);
        const QString path = u"title.parts[%1]"_s.arg(i);
        if (p.label.trimmed().isEmpty())
            return bad(path + u".label"_s, u"must not be empty"_s);
        if (labels.contains(p.label.trimmed()))
            return bad(path + u".label"_s, u"the label \""_s + p.label + u"\" is used twice"_s);
        labels.insert(p.label.trimmed());
        if (auto r = checkPattern(p.pattern, path + u".pattern"_s, false); !r)
            return r;
    }
    if (auto r = checkPattern(tpl.spec.pattern, u"spec.pattern"_s, true); !r)
        return r;
    if (tpl.spec.stockCap < 0)
        return bad(u"spec.stock_cap"_s, u"must not be negative"_s);
    if (tpl.spec.unit.contains(u'{') || tpl.spec.unit.contains(u'}'))
        return bad(u"spec.unit"_s, u"must not hold braces"_s);
    if (tpl.sections.size() > 20)
        return bad(u"description.sections"_s, u"at most 20 sections"_s);
    QSet<QString> headings;
    for (qsizetype i = 0; i < tpl.sections.size(); ++i) {
        const DescriptionSection& s = tpl.sections.at(i);
        const QString path = u"description.sections[%1]"_s.arg(i);
        static const QRegularExpression forbidden(u"[【】\\[\\]:：\\n#]"_s);
        if (s.heading.trimmed().isEmpty())
            return bad(path + u".heading"_s, u"must not be empty"_s);
        if (s.heading.contains(forbidden))
            return bad(path + u".heading"_s, u"must not hold 【】[]:：# or a line break"_s);
        if (headings.contains(s.heading.trimmed()))
            return bad(path + u".heading"_s, u"the heading \""_s + s.heading + u"\" is used twice"_s);
        headings.insert(s.heading.trimmed());
        if (auto r = checkPattern(s.text, path + u".text"_s, true); !r)
            return r;
    }
    return {};
}

} // namespace

QStringList placeholders()
{
    return {u"name"_s, u"sku"_s, u"face_value"_s, u"price"_s, u"discount"_s, u"unit"_s, u"kind"_s};
}

QHash<QString, QString> values(const Goods& goods, const ListingTemplate& tpl)
{
    QHash<QString, QString> out;
    if (!goods.name.trimmed().isEmpty())
        out.insert(u"name"_s, goods.name.trimmed());
    if (!goods.sku.isEmpty())
        out.insert(u"sku"_s, goods.sku);
    if (goods.faceValue.units() > 0)
        out.insert(u"face_value"_s, trimmed(goods.faceValue));
    if (!goods.price.isNegative())
        out.insert(u"price"_s, goods.price.toString(2));
    if (goods.faceValue.units() > 0 && goods.price.units() > 0 && goods.price < goods.faceValue) {
        // Hundredths of 折 (price ÷ face value × 10), half up: 98.50 of 100 → 9.85.
        const qint64 hundredths = (goods.price.units() * 2000 / goods.faceValue.units() + 1) / 2;
        if (hundredths > 0 && hundredths < 1000) {
            QString d = QString::number(hundredths / 100) + u'.' +
                        QString::number(hundredths % 100).rightJustified(2, u'0');
            while (d.endsWith(u'0'))
                d.chop(1);
            if (d.endsWith(u'.'))
                d.chop(1);
            out.insert(u"discount"_s, d);
        }
    }
    if (!tpl.spec.unit.isEmpty())
        out.insert(u"unit"_s, tpl.spec.unit);
    if (goods.kind == u"card")
        out.insert(u"kind"_s, u"卡密"_s);
    else if (goods.kind == u"direct")
        out.insert(u"kind"_s, u"直充"_s);
    return out;
}

QString fill(const QString& pattern, const QHash<QString, QString>& values)
{
    QString out;
    for (const Token& t : tokensOf(pattern)) {
        if (!t.placeholder)
            out += t.text;
        else if (values.contains(t.text))
            out += values.value(t.text);
        else
            return {};
    }
    return out;
}

QByteArray toJson(const ListingTemplate& tpl)
{
    QJsonArray parts;
    for (const TitlePart& p : tpl.titleParts)
        parts.append(
            QJsonObject{{u"label"_s, p.label}, {u"pattern"_s, p.pattern}, {u"required"_s, p.required}});
    QJsonArray sections;
    for (const DescriptionSection& s : tpl.sections)
        sections.append(
            QJsonObject{{u"heading"_s, s.heading}, {u"text"_s, s.text}, {u"required"_s, s.required}});
    const QJsonObject o{
        {u"format"_s, 1},
        {u"kind"_s, tpl.kind},
        {u"title"_s, QJsonObject{{u"parts"_s, parts}, {u"max_length"_s, tpl.maxTitleLength}}},
        {u"spec"_s, QJsonObject{{u"name"_s, tpl.spec.name},
                                {u"pattern"_s, tpl.spec.pattern},
                                {u"unit"_s, tpl.spec.unit},
                                {u"stock_cap"_s, double(tpl.spec.stockCap)}}},
        {u"description"_s, QJsonObject{{u"sections"_s, sections}}},
    };
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

Result<ListingTemplate> fromJson(const QByteArray& json)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return makeError(ErrorCode::Parse,
                         u"not JSON at offset %1: %2"_s.arg(parseError.offset).arg(parseError.errorString()));
    Strict s;
    const QJsonObject root = s.object(doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(), u"template"_s,
                                      {u"format"_s, u"kind"_s, u"title"_s, u"spec"_s, u"description"_s});
    ListingTemplate tpl;
    s.integer(root, u"format"_s, u"template"_s, 1, 1); // the only format so far
    tpl.kind = s.text(root, u"kind"_s, u"template"_s);
    const QJsonObject title = s.object(root.value(u"title"_s), u"title"_s, {u"parts"_s, u"max_length"_s});
    tpl.maxTitleLength = int(s.integer(title, u"max_length"_s, u"title"_s, 1, MaxTitleLengthLimit));
    const QJsonArray parts = s.array(title, u"parts"_s, u"title"_s);
    for (qsizetype i = 0; i < parts.size() && s.error.isEmpty(); ++i) {
        const QString path = u"title.parts[%1]"_s.arg(i);
        const QJsonObject p = s.object(parts.at(i), path, {u"label"_s, u"pattern"_s, u"required"_s});
        tpl.titleParts.append(
            {s.text(p, u"label"_s, path), s.text(p, u"pattern"_s, path), s.flag(p, u"required"_s, path)});
    }
    const QJsonObject spec =
        s.object(root.value(u"spec"_s), u"spec"_s, {u"name"_s, u"pattern"_s, u"unit"_s, u"stock_cap"_s});
    tpl.spec = {s.text(spec, u"name"_s, u"spec"_s), s.text(spec, u"pattern"_s, u"spec"_s),
                s.text(spec, u"unit"_s, u"spec"_s),
                s.integer(spec, u"stock_cap"_s, u"spec"_s, 0, 1'000'000'000)};
    const QJsonObject description = s.object(root.value(u"description"_s), u"description"_s, {u"sections"_s});
    const QJsonArray sections = s.array(description, u"sections"_s, u"description"_s);
    for (qsizetype i = 0; i < sections.size() && s.error.isEmpty(); ++i) {
        const QString path = u"description.sections[%1]"_s.arg(i);
        const QJsonObject o = s.object(sections.at(i), path, {u"heading"_s, u"text"_s, u"required"_s});
        tpl.sections.append(
            {s.text(o, u"heading"_s, path), s.text(o, u"text"_s, path), s.flag(o, u"required"_s, path)});
    }
    if (!s.error.isEmpty())
        return makeError(ErrorCode::Parse, s.error);
    if (auto valid = validateBody(tpl); !valid)
        return makeError(ErrorCode::Parse, valid.error().detail);
    return tpl;
}

Result<void> validate(const ListingTemplate& tpl)
{
    if (tpl.name.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidArgument, u"name: must not be empty"_s);
    if (characters(tpl.name.trimmed()) > 40)
        return makeError(ErrorCode::InvalidArgument, u"name: at most 40 characters"_s);
    return validateBody(tpl);
}

QList<ListingProblem> check(const Listing& listing, const ListingTemplate& tpl, const Goods& goods)
{
    QList<ListingProblem> out;
    const QHash<QString, QString> vals = values(goods, tpl);

    // Title: first each part that is there exactly (in order); then, between those, a part whose
    // literal text is there with other values is stale; a required part found neither way is missing.
    const QStringList segments = titleSegments(listing.title);
    const qsizetype n = tpl.titleParts.size();
    QList<qsizetype> at(n, -1);
    qsizetype from = 0;
    for (qsizetype i = 0; i < n; ++i) {
        const QRegularExpression exact = regexOf(tokensOf(tpl.titleParts.at(i).pattern), &vals);
        for (qsizetype j = from; j < segments.size(); ++j)
            if (exact.match(segments.at(j)).hasMatch()) {
                at[i] = j;
                from = j + 1;
                break;
            }
    }
    QSet<qsizetype> used(at.cbegin(), at.cend());
    for (qsizetype i = 0; i < n; ++i) {
        if (at[i] >= 0)
            continue;
        const TitlePart& part = tpl.titleParts.at(i);
        const QList<Token> tokens = tokensOf(part.pattern);
        qsizetype lo = 0, hi = segments.size();
        for (qsizetype k = i - 1; k >= 0 && lo == 0; --k)
            if (at[k] >= 0)
                lo = at[k] + 1;
        for (qsizetype k = i + 1; k < n && hi == segments.size(); ++k)
            if (at[k] >= 0)
                hi = at[k];
        bool stale = false;
        if (hasLiteral(tokens)) {
            const QRegularExpression loose = regexOf(tokens, nullptr);
            for (qsizetype j = lo; j < hi && !stale; ++j)
                if (!used.contains(j) && loose.match(segments.at(j)).hasMatch()) {
                    stale = true;
                    used.insert(j);
                }
        }
        if (stale)
            out.append({ListingProblemCode::TitlePartStale, part.label, fill(part.pattern, vals)});
        else if (part.required)
            out.append({ListingProblemCode::TitlePartMissing, part.label, fill(part.pattern, vals)});
    }
    const qsizetype length = characters(listing.title.trimmed());
    if (length > tpl.maxTitleLength)
        out.append({ListingProblemCode::TitleTooLong, {}, {}, length, tpl.maxTitleLength});

    // Spec.
    const QString spec = listing.spec.trimmed();
    const bool specWanted = !tpl.spec.pattern.trimmed().isEmpty() || !tpl.spec.unit.isEmpty();
    if (spec.isEmpty() && specWanted) {
        out.append({ListingProblemCode::SpecMissing, tpl.spec.name, fill(tpl.spec.pattern, vals)});
    } else if (!spec.isEmpty()) {
        if (!tpl.spec.unit.isEmpty() && !spec.contains(tpl.spec.unit)) {
            out.append({ListingProblemCode::SpecUnitMissing, tpl.spec.unit, fill(tpl.spec.pattern, vals)});
        } else if (!tpl.spec.pattern.trimmed().isEmpty()) {
            const QRegularExpression exact(u"^(?:"_s + regexOf(tokensOf(tpl.spec.pattern), &vals).pattern() +
                                           u")$"_s);
            if (!exact.match(spec).hasMatch())
                out.append({ListingProblemCode::SpecMismatch, tpl.spec.name, fill(tpl.spec.pattern, vals)});
        }
    }
    if (tpl.spec.stockCap > 0 && goods.stockAvailable > tpl.spec.stockCap)
        out.append({ListingProblemCode::StockCapExceeded, {}, {}, goods.stockAvailable, tpl.spec.stockCap});

    // Description: each section under its heading, with some text.
    QStringList headings;
    for (const DescriptionSection& s : tpl.sections)
        headings << s.heading.trimmed();
    const QHash<QString, bool> filled = sectionsOf(listing.description, headings);
    for (const DescriptionSection& s : tpl.sections) {
        const QString h = s.heading.trimmed();
        if (!filled.contains(h)) {
            if (s.required)
                out.append({ListingProblemCode::SectionMissing, h, {}});
        } else if (!filled.value(h) && s.required) {
            out.append({ListingProblemCode::SectionEmpty, h, {}});
        }
    }
    return out;
}

Listing render(const ListingTemplate& tpl, const Goods& goods)
{
    const QHash<QString, QString> vals = values(goods, tpl);
    QStringList parts;
    QList<bool> optional;
    for (const TitlePart& p : tpl.titleParts) {
        const QString text = fill(p.pattern, vals).trimmed();
        if (text.isEmpty())
            continue;
        parts << text;
        optional << !p.required;
    }
    const auto length = [&] {
        return characters(parts.join(TitleSeparator));
    };
    for (qsizetype i = parts.size() - 1; i >= 0 && length() > tpl.maxTitleLength; --i)
        if (optional.at(i)) {
            parts.removeAt(i);
            optional.removeAt(i);
        }
    Listing out;
    out.title = parts.join(TitleSeparator);
    out.spec = fill(tpl.spec.pattern, vals);
    QStringList sections;
    for (const DescriptionSection& s : tpl.sections)
        sections << u'【' + s.heading.trimmed() + u"】\n"_s + fill(s.text, vals);
    out.description = sections.join(u"\n\n"_s);
    return out;
}

QList<ListingTemplate> defaultTemplates()
{
    ListingTemplate card;
    card.name = u"卡密标准"_s;
    card.kind = u"card"_s;
    card.titleParts = {{u"核心词"_s, u"{name}"_s, true},
                       {u"场景"_s, u"秒到账"_s, true},
                       {u"促销"_s, u"限时{discount}折"_s, false}};
    card.maxTitleLength = 60;
    card.spec = {u"面值"_s, u"{face_value}{unit}"_s, u"元/张"_s, 0};
    card.sections = {
        {u"亮点"_s, u"官方正品{kind}，付款后自动发货，24小时秒到账。"_s, true},
        {u"使用方法"_s, u"付款后在订单详情查看卡号和密码，到官方充值页面兑换即可。"_s, true},
        {u"售后保障"_s, u"卡密无效可联系客服核实后补发；未查看卡密的订单可申请退款。"_s, true},
    };
    ListingTemplate direct;
    direct.name = u"直充标准"_s;
    direct.kind = u"direct"_s;
    direct.titleParts = {{u"核心词"_s, u"{name}"_s, true},
                         {u"场景"_s, u"官方直充 自动到账"_s, true},
                         {u"促销"_s, u"限时{discount}折"_s, false}};
    direct.maxTitleLength = 60;
    direct.spec = {u"面值"_s, u"{face_value}{unit}"_s, u"元"_s, 0};
    direct.sections = {
        {u"亮点"_s, u"官方{kind}，下单后自动充值到账，无需兑换。"_s, true},
        {u"使用方法"_s, u"下单时准确填写充值账号，付款后系统自动充值，到账后即可使用。"_s, true},
        {u"售后保障"_s, u"充值失败自动退款；账号填写错误造成的损失无法追回，请仔细核对。"_s, true},
    };
    return {card, direct};
}

QString codeName(ListingProblemCode code)
{
    switch (code) {
    case ListingProblemCode::TitlePartMissing:
        return u"title_part_missing"_s;
    case ListingProblemCode::TitlePartStale:
        return u"title_part_stale"_s;
    case ListingProblemCode::TitleTooLong:
        return u"title_too_long"_s;
    case ListingProblemCode::SpecMissing:
        return u"spec_missing"_s;
    case ListingProblemCode::SpecUnitMissing:
        return u"spec_unit_missing"_s;
    case ListingProblemCode::SpecMismatch:
        return u"spec_mismatch"_s;
    case ListingProblemCode::StockCapExceeded:
        return u"stock_cap_exceeded"_s;
    case ListingProblemCode::SectionMissing:
        return u"section_missing"_s;
    case ListingProblemCode::SectionEmpty:
        return u"section_empty"_s;
    }
    return {};
}

} // namespace cardops::core::listing
