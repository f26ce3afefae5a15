#include "core/cardimport.h"

#include "core/csvreader.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QHash>
#include <QVarLengthArray>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace cardops::core {

namespace {

constexpr int kMaxFields = 16;
using Fields = QVarLengthArray<QStringView, 8>;

// Pasted text from web pages and chat tools carries zero-width spaces and stray BOMs that the eye
// cannot see; left in, they would make a secret that looks right fail at delivery.
bool isTrimmable(QChar c)
{
    return c.isSpace() || c == u'\u200B' || c == u'\uFEFF';
}

QStringView trimmedView(QStringView s)
{
    qsizetype b = 0;
    qsizetype e = s.size();
    while (b < e && isTrimmable(s[b]))
        ++b;
    while (e > b && isTrimmable(s[e - 1]))
        --e;
    return s.sliced(b, e - b);
}

bool isWhitespaceSeparator(QStringView sep)
{
    if (sep.isEmpty())
        return false;
    for (const QChar c : sep) {
        if (!c.isSpace())
            return false;
    }
    return true;
}

// Splits on runs of whitespace (space, tab, U+3000): operators align columns with several spaces.
Fields splitOnWhitespace(QStringView line)
{
    Fields out;
    qsizetype i = 0;
    const qsizetype n = line.size();
    while (i < n) {
        while (i < n && isTrimmable(line[i]))
            ++i;
        if (i >= n)
            break;
        const qsizetype start = i;
        while (i < n && !isTrimmable(line[i]))
            ++i;
        out.append(line.sliced(start, i - start));
    }
    return out;
}

Fields splitOn(QStringView line, QStringView sep)
{
    if (isWhitespaceSeparator(sep))
        return splitOnWhitespace(line);
    Fields out;
    qsizetype from = 0;
    for (;;) {
        const qsizetype at = line.indexOf(sep, from);
        if (at < 0) {
            out.append(trimmedView(line.sliced(from)));
            return out;
        }
        out.append(trimmedView(line.sliced(from, at - from)));
        from = at + sep.size();
    }
}

bool containsSeparator(QStringView line, QStringView sep)
{
    if (isWhitespaceSeparator(sep)) {
        for (const QChar c : line) {
            if (isTrimmable(c))
                return true;
        }
        return false;
    }
    return line.contains(sep);
}

// Column titles a spreadsheet puts in its first row; such a row is skipped, not reported invalid.
bool isHeaderWord(QStringView field)
{
    static const QStringList words = {
        u"卡号"_s,   u"卡密"_s,    u"密码"_s,  u"账号"_s,        u"帐号"_s,    u"邮箱"_s,   u"激活码"_s,
        u"兑换码"_s, u"cdk"_s,     u"card"_s,  u"card number"_s, u"card_no"_s, u"number"_s, u"password"_s,
        u"pwd"_s,    u"account"_s, u"email"_s, u"code"_s,        u"secret"_s,  u"key"_s,
    };
    for (const QString& w : words) {
        if (field.compare(w, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QString quoted(QStringView sep)
{
    QString shown = sep.toString();
    shown.replace(u'\t', u"\\t"_s);
    return u'"' + shown + u'"';
}

} // namespace

QString cardLineProblemCode(CardLineProblem problem)
{
    switch (problem) {
    case CardLineProblem::FieldCount:
        return u"field_count"_s;
    case CardLineProblem::EmptyField:
        return u"empty_field"_s;
    case CardLineProblem::ControlCharacter:
        return u"control_character"_s;
    case CardLineProblem::TooLong:
        return u"too_long"_s;
    case CardLineProblem::CsvSyntax:
        return u"csv_syntax"_s;
    }
    return {};
}

Result<CardFormat> CardFormat::parse(QStringView format, QStringView separator)
{
    CardFormat f;
    if (format == u"single") {
        return f;
    }
    if (format == u"number_password") {
        f.kind = Kind::NumberPassword;
        f.fieldCount = 2;
        f.separator = separator.isEmpty() ? u" "_s : separator.toString();
        return f;
    }
    if (format.startsWith(u"fields:")) {
        bool ok = false;
        const int n = format.sliced(7).toInt(&ok);
        if (ok && n >= 2 && n <= kMaxFields) {
            f.kind = Kind::Fields;
            f.fieldCount = n;
            f.separator = separator.isEmpty() ? u"----"_s : separator.toString();
            return f;
        }
    }
    return makeError(ErrorCode::InvalidArgument,
                     u"card format must be single, number_password or fields:N (N from 2 to %1), not '%2'"_s
                         .arg(kMaxFields)
                         .arg(format));
}

QString CardFormat::name() const
{
    switch (kind) {
    case Kind::Single:
        return u"single"_s;
    case Kind::NumberPassword:
        return u"number_password"_s;
    case Kind::Fields:
        return u"fields:%1"_s.arg(fieldCount);
    }
    return {};
}

QByteArray cardFingerprint(QStringView normalisedSecret)
{
    return QCryptographicHash::hash(normalisedSecret.toUtf8(), QCryptographicHash::Sha256);
}

// Classifies one line or CSV record after another; owns the preview being built.
class CardImport::Classifier
{
public:
    Classifier(const CardFormat& format, const CardStockLookup& inStock)
        : m_format(format)
        , m_inStock(inStock)
    {}

    void addLine(qint64 line, QStringView raw)
    {
        const QStringView text = trimmedView(raw);
        if (text.isEmpty()) {
            ++m_preview.blankLines;
            return;
        }
        noteRecord(line);
        if (!checkCharacters(line, text))
            return;
        Fields fields;
        if (!split(line, text, fields))
            return;
        addFields(line, fields);
    }

    // A CSV record of several cells: the cells are the card's fields.
    void addCells(qint64 line, const QStringList& cells)
    {
        noteRecord(line);
        Fields fields;
        for (const QString& cell : cells) {
            const QStringView f = trimmedView(cell);
            if (!checkCharacters(line, f))
                return;
            fields.append(f);
        }
        if (fields.size() != m_format.fieldCount) {
            fail(line, CardLineProblem::FieldCount,
                 u"expected %1 columns, found %2"_s.arg(m_format.fieldCount).arg(fields.size()));
            return;
        }
        addFields(line, fields);
    }

    void blank() { ++m_preview.blankLines; }
    void fail(qint64 line, CardLineProblem problem, QString detail)
    {
        m_preview.invalid.append({line, problem, std::move(detail)});
    }
    CardImportPreview& preview() { return m_preview; }

private:
    // Only the first non-blank record may be a header: a "卡号 密码" further down is a card.
    void noteRecord(qint64 line)
    {
        if (m_firstRecordLine == 0)
            m_firstRecordLine = line;
    }

    bool checkCharacters(qint64 line, QStringView text)
    {
        for (qsizetype i = 0; i < text.size(); ++i) {
            const char16_t c = text[i].unicode();
            if ((c < 0x20 && c != u'\t') || c == 0x7F || c == 0xFFFD) {
                fail(line, CardLineProblem::ControlCharacter,
                     u"character U+%1 at column %2"_s.arg(uint(c), 4, 16, QChar(u'0')).arg(i + 1));
                return false;
            }
        }
        return true;
    }

    bool split(qint64 line, QStringView text, Fields& fields)
    {
        const int want = m_format.fieldCount;
        if (m_format.kind == CardFormat::Kind::Single) {
            // Two codes pasted on one line would otherwise upload as one card nobody can redeem.
            fields = splitOnWhitespace(text);
            if (fields.size() == 1)
                return true;
            fail(line, CardLineProblem::FieldCount, u"expected 1 field, found %1"_s.arg(fields.size()));
            return false;
        }
        if (containsSeparator(text, m_format.separator)) {
            fields = splitOn(text, m_format.separator);
            if (fields.size() == want)
                return true;
            fail(line, CardLineProblem::FieldCount,
                 u"expected %1 fields separated by %2, found %3"_s.arg(want)
                     .arg(quoted(m_format.separator))
                     .arg(fields.size()));
            return false;
        }
        static const QString alternatives[] = {u"\t"_s, u"----"_s, u" "_s, u","_s, u"，"_s};
        for (const QString& sep : alternatives) {
            if (!containsSeparator(text, sep))
                continue;
            fields = splitOn(text, sep);
            if (fields.size() == want)
                return true;
        }
        fail(line, CardLineProblem::FieldCount,
             u"expected %1 fields separated by %2, found no such separator"_s.arg(want).arg(
                 quoted(m_format.separator)));
        return false;
    }

    void addFields(qint64 line, const Fields& fields)
    {
        if (line == m_firstRecordLine && std::all_of(fields.begin(), fields.end(), isHeaderWord)) {
            m_preview.headerSkipped = true;
            return;
        }
        QString secret;
        for (qsizetype i = 0; i < fields.size(); ++i) {
            if (fields[i].isEmpty()) {
                fail(line, CardLineProblem::EmptyField,
                     u"field %1 of %2 is empty"_s.arg(i + 1).arg(fields.size()));
                return;
            }
            if (fields[i].size() > kMaxCardFieldLength) {
                fail(line, CardLineProblem::TooLong,
                     u"field %1 has %2 characters, at most %3 allowed"_s.arg(i + 1)
                         .arg(fields[i].size())
                         .arg(kMaxCardFieldLength));
                return;
            }
            if (i > 0)
                secret += m_format.separator;
            secret += fields[i];
        }
        qint64& firstLine = m_seen[secret]; // 0: not seen (lines start at 1)
        if (firstLine != 0) {
            m_preview.duplicateInFile.append({line, firstLine});
            return;
        }
        firstLine = line;
        if (m_inStock && m_inStock(cardFingerprint(secret))) {
            m_preview.alreadyInStock.append(line);
            return;
        }
        m_preview.newSecrets.append(std::move(secret));
        m_preview.newLines.append(line);
    }

    const CardFormat& m_format;
    const CardStockLookup& m_inStock;
    CardImportPreview m_preview;
    QHash<QString, qint64> m_seen; // normalised secret → its first line
    qint64 m_firstRecordLine = 0;
};

CardImport::CardImport(CardFormat format, CardStockLookup inStock)
    : m_format(std::move(format))
    , m_inStock(std::move(inStock))
{}

CardImport::Source CardImport::sourceForFileName(QStringView fileName)
{
    return fileName.endsWith(u".csv", Qt::CaseInsensitive) ? Source::Csv : Source::Text;
}

CardImportPreview CardImport::previewText(QStringView text) const
{
    Classifier c(m_format, m_inStock);
    if (text.startsWith(u'\uFEFF'))
        text = text.sliced(1);
    qint64 line = 0;
    qsizetype start = 0;
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar ch = text[i];
        if (ch != u'\n' && ch != u'\r')
            continue;
        c.addLine(++line, text.sliced(start, i - start));
        if (ch == u'\r' && i + 1 < n && text[i + 1] == u'\n')
            ++i;
        start = i + 1;
    }
    // Text after the last line end is a line; a final line end does not open an empty one.
    if (start < n)
        c.addLine(++line, text.sliced(start));
    c.preview().lines = line;
    return std::move(c.preview());
}

Result<CardImportPreview> CardImport::previewBytes(QByteArrayView bytes, Source source) const
{
    if (source == Source::Csv)
        return previewCsv(bytes);
    auto decoded = TextDecoder::decode(bytes);
    if (!decoded)
        return decoded.error();
    CardImportPreview preview = previewText(decoded->text);
    preview.encoding = decoded->encoding;
    return preview;
}

Result<CardImportPreview> CardImport::previewCsv(QByteArrayView bytes) const
{
    QByteArray data = bytes.toByteArray();
    QBuffer buffer(&data);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(&buffer);
    Classifier c(m_format, m_inStock);
    QStringList cells;
    qint64 lastLine = 0;
    while (reader.readRecord(cells)) {
        const qint64 line = reader.recordStartLine();
        lastLine = line;
        // Excel leaves empty cells after the data when a column was once used: they are not fields.
        while (!cells.isEmpty() && trimmedView(cells.constLast()).isEmpty())
            cells.removeLast();
        if (cells.isEmpty())
            c.blank();
        else if (cells.size() == 1)
            c.addLine(line, cells.constFirst());
        else
            c.addCells(line, cells);
    }
    if (reader.hasError()) {
        if (reader.error().code != ErrorCode::Parse)
            return reader.error();
        lastLine = reader.errorLine();
        c.fail(lastLine, CardLineProblem::CsvSyntax,
               u"unterminated quoted field or text after a closing quote; reading stopped here"_s);
    }
    c.preview().lines = lastLine;
    c.preview().encoding = reader.encoding();
    return std::move(c.preview());
}

} // namespace cardops::core
