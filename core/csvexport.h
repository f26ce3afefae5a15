#pragma once

#include "core/csvwriter.h"
#include "core/money.h"
#include "core/result.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <optional>

class QIODevice;

namespace cardops::core {

// The fixed per-column formats of domain.md "Finance" (CSV for Excel and WPS).
enum class CsvColumnKind {
    Text,       // free text; a leading = + - @ TAB CR (or ') gets a ' so no formula runs
    Identifier, // ids, order numbers, card data, passwords: a leading TAB keeps them text in Excel
    Money,      // fixed places, plain '-' for negatives ("-12.30"), never neutralized
    Integer,    // plain decimal
    Time,       // unix seconds shown as yyyy-MM-dd HH:mm:ss in Asia/Shanghai
};

struct CsvColumn
{
    QString header;
    CsvColumnKind kind = CsvColumnKind::Text;
    int places = 2; // Money only: 2, or 4 for unit prices
};

// Unix seconds as "yyyy-MM-dd HH:mm:ss" in Asia/Shanghai (fixed UTC+8: China has no daylight
// saving since 1991, and business days are defined that way); empty outside years 0001–9999.
QString formatShanghaiTime(qint64 unixSeconds);
// The exact inverse of formatShanghaiTime; ErrorCode::Parse for anything else.
Result<qint64> parseShanghaiTime(QStringView text);

// The inverse of the export formats, one field at a time.
QString decodeTextField(QStringView field);       // drops one leading '
QString decodeIdentifierField(QStringView field); // drops one leading TAB, then one leading '

// Writes rows of typed values in the column formats above through a CsvWriter (UTF-8 BOM, CRLF).
// A value of the wrong type is a programming error: it fails the whole export (sticky
// ErrorCode::InvalidArgument) so a half-written row is never committed. Not thread-safe, any thread.
class CsvExportWriter
{
public:
    CsvExportWriter(QIODevice* device, QList<CsvColumn> columns, CsvWriteOptions options = {});

    Result<void> writeHeader();
    // One value per column: QString for Text and Identifier (integers accepted for Identifier),
    // QVariant::fromValue(Money) for Money, an integer for Integer, unix seconds (integer) or a
    // QDateTime for Time. A null QVariant writes an empty field.
    Result<void> writeRow(const QVariantList& values);

    // The same output without QVariant: one call per column in order, then endRow().
    void addText(QStringView value);
    void addIdentifier(QStringView value);
    void addMoney(Money value);
    void addInteger(qint64 value);
    void addTime(qint64 unixSeconds);
    void addEmpty();
    Result<void> endRow();

    // Flushes; the caller then commits its QSaveFile only if this succeeded.
    Result<void> finish();

    const QList<CsvColumn>& columns() const { return m_columns; }

private:
    bool expect(CsvColumnKind kind);
    void misuse(const QString& what);
    void addVariant(const QVariant& value);
    Result<void> status() const;

    CsvWriter m_writer;
    QList<CsvColumn> m_columns;
    qsizetype m_cell = 0;
    qint64 m_row = 0; // data rows started, 1-based in messages
    std::optional<Error> m_error;
};

// Turns fields read back by CsvReader into the values a CsvExportWriter wrote: QString for Text
// and Identifier, Money, qint64 for Integer and Time; an empty Money/Integer/Time field is a null
// QVariant. Money written with fewer than 4 places comes back rounded as written. Any thread.
class CsvImportDecoder
{
public:
    explicit CsvImportDecoder(QList<CsvColumn> columns);

    // The header row must name the columns in order.
    Result<void> checkHeader(const QStringList& fields) const;
    // ErrorCode::Parse naming the column; the caller adds CsvReader::recordStartLine().
    Result<QVariantList> decodeRow(const QStringList& fields) const;

    static Result<QVariant> decodeField(const CsvColumn& column, QStringView field);

private:
    QList<CsvColumn> m_columns;
};

} // namespace cardops::core
