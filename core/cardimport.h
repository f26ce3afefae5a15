#pragma once

#include "core/result.h"
#include "core/textdecoder.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringView>
#include <functional>

namespace cardops::core {

// A goods' card format as the platform describes it (platform-api.md: card_format, card_separator).
struct CardFormat
{
    enum class Kind { Single, NumberPassword, Fields };
    Kind kind = Kind::Single;
    int fieldCount = 1; // 1 for single, 2 for number_password, N for fields:N
    QString separator;  // what joins the fields of a normalised secret; empty for single

    // "single", "number_password" or "fields:N" (2 ≤ N ≤ 16) with the goods' card_separator; an empty
    // separator means the platform's default (" " for number_password, "----" for fields:N).
    static Result<CardFormat> parse(QStringView format, QStringView separator = {});
    QString name() const;
};

// Why a line is not a card. The code is what the CLI prints and the UI translates.
enum class CardLineProblem {
    FieldCount,       // not the format's number of fields
    EmptyField,       // a field is empty after trimming
    ControlCharacter, // control characters or U+FFFD: binary or mangled text, not a card
    TooLong,          // a field longer than kMaxCardFieldLength characters
    CsvSyntax,        // a quoted CSV field never closes (the rest of the file is unreadable)
};
QString cardLineProblemCode(CardLineProblem problem); // "field_count", …

inline constexpr qsizetype kMaxCardFieldLength = 256;

struct CardLineIssue
{
    qint64 line = 0; // 1-based physical line
    CardLineProblem problem = CardLineProblem::FieldCount;
    QString detail; // English, for logs: counts and positions, never card text
};

struct CardDuplicate
{
    qint64 line = 0;      // the later occurrence
    qint64 firstLine = 0; // where the card first appeared in the input
};

struct CardImportPreview
{
    QStringList newSecrets; // normalised, in input order: what an upload would send
    QList<qint64> newLines; // the line of each new secret
    QList<CardDuplicate> duplicateInFile;
    QList<qint64> alreadyInStock; // lines
    QList<CardLineIssue> invalid;
    qint64 blankLines = 0;
    qint64 lines = 0;           // physical lines read
    bool headerSkipped = false; // a CSV's first record named its columns (卡号,密码…)
    TextEncoding encoding = TextEncoding::Utf8;
};

// Whether the platform already holds a card, asked by fingerprint (cardFingerprint) so that the
// stock side never needs the plaintext. An empty function means offline: nothing is in stock.
using CardStockLookup = std::function<bool(const QByteArray& fingerprint)>;

// SHA-256 of the normalised secret's UTF-8.
QByteArray cardFingerprint(QStringView normalisedSecret);

// Parses pasted text, .txt and .csv into card secrets of one format and classifies every line.
// Normalisation: each field is trimmed (Unicode spaces, zero-width space, BOM); a line is split on
// the goods' separator when it contains it, else on the first of tab, "----", a run of spaces, a
// comma (ASCII or full-width) that gives exactly the format's field count; the secret is rebuilt
// with the goods' separator. Letters are never case-folded: a secret is opaque. CR, LF and CRLF
// each end a line; blank lines are counted and skipped. A first line made of column titles (卡号,
// 密码…) is skipped. Immutable after construction; any thread (the lookup must allow it).
class CardImport
{
public:
    enum class Source { Text, Csv };

    explicit CardImport(CardFormat format, CardStockLookup inStock = {});

    // Pasted text (already a QString).
    CardImportPreview previewText(QStringView text) const;
    // File bytes in any encoding TextDecoder accepts (UTF-8 with or without BOM, GB18030/GBK).
    // ErrorCode::Encoding when the bytes are neither.
    Result<CardImportPreview> previewBytes(QByteArrayView bytes, Source source) const;

    // Source::Csv for a ".csv" name (any case), else Source::Text.
    static Source sourceForFileName(QStringView fileName);

private:
    class Classifier;
    Result<CardImportPreview> previewCsv(QByteArrayView bytes) const;

    CardFormat m_format;
    CardStockLookup m_inStock;
};

} // namespace cardops::core
