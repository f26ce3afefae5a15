#pragma once

#include "core/money.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringView>
#include <optional>
#include <vector>

// A strict JSON reader (RFC 8259) that keeps every number as its raw token text, so money parses
// straight from the digits the supplier sent and never passes through a double (protocols.md,
// general rules). Also records where each value sits in the input, for redaction. Pure functions and
// values: any thread.
namespace cardops::suppliers::rawjson {

struct Node
{
    enum Type : quint8 { Null, Bool, Number, String, Array, Object };

    Type type = Null;
    bool boolean = false;
    QByteArray number;          // Number: the token exactly as it appeared ("50.0000", "-3", "1e2")
    QString text;               // String: the decoded value
    std::vector<Node> children; // Array elements, or Object member values
    std::vector<QString> keys;  // Object member names, parallel to children
    qsizetype begin = 0;        // byte span of the value in the input (strings: with quotes)
    qsizetype end = 0;

    bool isNull() const { return type == Null; }
    bool isString() const { return type == String; }
    bool isNumber() const { return type == Number; }
    bool isArray() const { return type == Array; }
    bool isObject() const { return type == Object; }

    // The member's value, nullptr when absent or when this is not an object.
    const Node* member(QStringView key) const;
};

struct ParseError
{
    qsizetype offset = 0;
    QString message; // English
};

struct Parsed
{
    std::optional<Node> root;
    ParseError error; // meaningful when !root

    bool ok() const { return root.has_value(); }
};

inline constexpr int kMaxDepth = 64;

// The whole input must be one JSON value (surrounding whitespace and one leading UTF-8 BOM allowed).
// Rejected: invalid UTF-8, control characters in strings, bad escapes, trailing bytes, nesting past
// maxDepth, and objects with a repeated member name (a hostile answer could hide a second "code").
Parsed parse(QByteArrayView text, int maxDepth = kMaxDepth);

// Lenient readers for the loosely typed fields of PHP and .NET services. nullopt when the value has
// another type or does not fit.
// An integer sent as a JSON integer token or as a string of ASCII digits with an optional '-'.
std::optional<qint64> toInteger(const Node* node);
// Money from a JSON number token or a decimal string ("50.0000"); at most 4 decimals, no exponent.
std::optional<core::Money> toMoney(const Node* node);
// A string as is, or a number's token as text ("10000587"); nullopt for anything else.
std::optional<QString> toText(const Node* node);

// Compact JSON string literal (quotes included) of UTF-8 text: escapes '"', '\\' and controls only.
QByteArray quote(QStringView text);

} // namespace cardops::suppliers::rawjson
