#pragma once

#include "core/platformtypes.h"
#include "core/result.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

// Listing templates (domain.md "Goods listing standards", docs/goods.md "Listing templates"): the
// title formula, the spec template and the description frame as data, a check of a listing against
// them and a suggested listing. Pure functions, any thread. Texts inside a template are the shop's
// data (Chinese, shown to buyers), never translated; problems are codes plus details, translated by
// the layers above.
namespace cardops::core {

// What the platform's goods carries as `listing` (docs/platform-api.md).
struct Listing
{
    QString title;
    QString spec;
    QString description;

    bool operator==(const Listing&) const = default;
};

// One part of the title formula, e.g. 核心词 "{name}", 场景 "秒到账", 促销 "限时{discount}折".
struct TitlePart
{
    QString label;   // names the part in the editor and in problems; unique in a template
    QString pattern; // text with placeholders
    bool required = true;

    bool operator==(const TitlePart&) const = default;
};

struct SpecTemplate
{
    QString name;        // the spec's name shown to buyers, e.g. 面值
    QString pattern;     // e.g. "{face_value}{unit}"; empty = any spec
    QString unit;        // e.g. 元/张; the spec must hold it; empty = no unit
    qint64 stockCap = 0; // a goods listing more stock than this is a problem; 0 = no cap

    bool operator==(const SpecTemplate&) const = default;
};

// A section of the description, written as a heading line 【亮点】 followed by its text.
struct DescriptionSection
{
    QString heading; // 亮点 / 使用方法 / 售后保障 …; unique in a template
    QString text;    // the suggested body, with placeholders
    bool required = true;

    bool operator==(const DescriptionSection&) const = default;
};

struct ListingTemplate
{
    qint64 id = 0; // storage's id; 0 = not stored (not part of the JSON)
    QString name;  // unique among templates (not part of the JSON)
    QString kind;  // "card" / "direct": the template for goods of that kind without one; "" = none
    QList<TitlePart> titleParts;
    int maxTitleLength = 60; // characters (code points)
    SpecTemplate spec;
    QList<DescriptionSection> sections;

    bool operator==(const ListingTemplate&) const = default;
};

// What check() finds. Stable names (codeName) for logs, audit details and tests.
enum class ListingProblemCode {
    TitlePartMissing, // subject = the part's label
    TitlePartStale,   // the part is there but its values are not the goods' (a price changed):
                      // subject = label, expected = the text it should be ("" = remove it)
    TitleTooLong,     // value = length, limit = maximum
    SpecMissing,
    SpecUnitMissing,  // subject = the unit
    SpecMismatch,     // expected = the spec the template gives
    StockCapExceeded, // value = stock available, limit = the cap
    SectionMissing,   // subject = the heading
    SectionEmpty,     // subject = the heading: the heading is there, its text is blank
};

struct ListingProblem
{
    ListingProblemCode code = ListingProblemCode::TitlePartMissing;
    QString subject;
    QString expected;
    qint64 value = 0;
    qint64 limit = 0;

    bool operator==(const ListingProblem&) const = default;
};

namespace listing {

// The separator between title parts: `腾讯Q币 100元 | 秒到账 | 限时9.8折`.
inline constexpr QStringView TitleSeparator = u" | ";
inline constexpr int MaxTitleLengthLimit = 500;

// The placeholders a pattern may use, without braces: name, sku, face_value ("100"), price
// ("98.50"), discount (price ÷ face value in 折, "9.85"; none unless 0 < price < face value),
// unit (the spec template's unit), kind (卡密 / 直充).
QStringList placeholders();
// The value of each placeholder for a goods; a placeholder without a value is left out.
QHash<QString, QString> values(const Goods& goods, const ListingTemplate& tpl);
// A pattern with its placeholders replaced; empty when a placeholder has no value.
QString fill(const QString& pattern, const QHash<QString, QString>& values);

// The template as JSON (without id and name), and back. fromJson is strict: anything but the
// documented members, wrong types, unknown placeholders, empty labels, duplicates or values out of
// range are refused with a Parse error naming the member.
QByteArray toJson(const ListingTemplate& tpl);
Result<ListingTemplate> fromJson(const QByteArray& json);
// The same rules for a template built in code or in the editor (InvalidArgument), name included.
Result<void> validate(const ListingTemplate& tpl);

// The problems of a listing under a template for a goods (its price, face value, stock), in the
// order: title, spec, stock, description. Empty = the listing follows the template.
QList<ListingProblem> check(const Listing& listing, const ListingTemplate& tpl, const Goods& goods);
// The listing the template suggests for the goods (the preview): every part that has its values,
// optional parts dropped from the end while the title is too long; the spec; each section under
// its heading.
Listing render(const ListingTemplate& tpl, const Goods& goods);

// The defaults seeded when a shop has no template: 卡密标准 (kind card) and 直充标准 (kind direct).
QList<ListingTemplate> defaultTemplates();

QString codeName(ListingProblemCode code);

} // namespace listing
} // namespace cardops::core
