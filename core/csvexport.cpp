#include "core/csvexport.h"

#include "core/clock.h"

#include <QDateTime>
#include <QLatin1StringView>
#include <charconv>
#include <cstdint>

namespace cardops::core {
namespace {

using std::int64_t;

constexpr int64_t kSecondsPerDay = 86400;
// 0001-01-01 00:00:00 and 9999-12-31 23:59:59 in Asia/Shanghai, as unix seconds.
constexpr int64_t kMinTime = -62135596800LL - ShanghaiOffsetSeconds;
constexpr int64_t kMaxTime = 253402300799LL - ShanghaiOffsetSeconds;
constexpr qsizetype kTimeLength = 19;

// Howard Hinnant's days_from_civil / civil_from_days (proleptic Gregorian, day 0 = 1970-01-01):
// a few integer operations instead of a QDateTime per cell.
int64_t daysFromCivil(int64_t y, int m, int d)
{
    y -= m <= 2 ? 1 : 0;
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const int64_t yoe = y - era * 400;
    const int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void civilFromDays(int64_t z, int64_t& y, int& m, int& d)
{
    z += 719468;
    const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const int64_t doe = z - era * 146097;
    const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int64_t mp = (5 * doy + 2) / 153;
    d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    y = yoe + era * 400 + (m <= 2 ? 1 : 0);
}

bool isLeapYear(int64_t y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int daysInMonth(int64_t y, int m)
{
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && isLeapYear(y) ? 29 : days[m - 1];
}

void putDigits(char* out, int64_t value, int width)
{
    for (int i = width - 1; i >= 0; --i) {
        out[i] = static_cast<char>('0' + value % 10);
        value /= 10;
    }
}

bool formatTime(int64_t t, char (&out)[kTimeLength])
{
    if (t < kMinTime || t > kMaxTime)
        return false;
    const int64_t local = t + ShanghaiOffsetSeconds;
    int64_t days = local / kSecondsPerDay;
    int64_t secs = local % kSecondsPerDay;
    if (secs < 0) {
        secs += kSecondsPerDay;
        --days;
    }
    int64_t year = 0;
    int month = 0;
    int day = 0;
    civilFromDays(days, year, month, day);
    putDigits(out, year, 4);
    out[4] = '-';
    putDigits(out + 5, month, 2);
    out[7] = '-';
    putDigits(out + 8, day, 2);
    out[10] = ' ';
    putDigits(out + 11, secs / 3600, 2);
    out[13] = ':';
    putDigits(out + 14, secs / 60 % 60, 2);
    out[16] = ':';
    putDigits(out + 17, secs % 60, 2);
    return true;
}

// Formula triggers of Excel and WPS, plus the quote itself so that decoding stays unambiguous.
bool needsNeutralizing(QStringView value)
{
    if (value.isEmpty())
        return false;
    switch (value.front().unicode()) {
    case u'=':
    case u'+':
    case u'-':
    case u'@':
    case u'\t':
    case u'\r':
    case u'\'':
        return true;
    default:
        return false;
    }
}

QString describeColumn(qsizetype index, const CsvColumn& column)
{
    return u"column " % QString::number(index + 1) % u" (" % column.header % u')';
}

bool isIntegerType(int typeId)
{
    return typeId == QMetaType::LongLong || typeId == QMetaType::Int || typeId == QMetaType::UInt ||
           typeId == QMetaType::Long || typeId == QMetaType::Short || typeId == QMetaType::UShort;
}

} // namespace

QString formatShanghaiTime(qint64 unixSeconds)
{
    char text[kTimeLength];
    if (!formatTime(unixSeconds, text))
        return {};
    return QString::fromLatin1(text, kTimeLength);
}

Result<qint64> parseShanghaiTime(QStringView text)
{
    const auto bad = [&] {
        return makeError(ErrorCode::Parse,
                         u"invalid time '" % text.toString() % u"' (expected yyyy-MM-dd HH:mm:ss)");
    };
    if (text.size() != kTimeLength)
        return bad();
    static constexpr char pattern[] = "dddd-dd-dd dd:dd:dd";
    int64_t fields[6] = {};
    int field = 0;
    for (qsizetype i = 0; i < kTimeLength; ++i) {
        const char16_t c = text[i].unicode();
        if (pattern[i] == 'd') {
            if (c < u'0' || c > u'9')
                return bad();
            fields[field] = fields[field] * 10 + (c - u'0');
        } else if (c != static_cast<char16_t>(pattern[i])) {
            return bad();
        } else {
            ++field;
        }
    }
    const int64_t year = fields[0];
    const int month = static_cast<int>(fields[1]);
    const int day = static_cast<int>(fields[2]);
    if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || fields[3] > 23 ||
        fields[4] > 59 || fields[5] > 59) {
        return bad();
    }
    return daysFromCivil(year, month, day) * kSecondsPerDay + fields[3] * 3600 + fields[4] * 60 + fields[5] -
           ShanghaiOffsetSeconds;
}

QString decodeTextField(QStringView field)
{
    return (field.startsWith(u'\'') ? field.sliced(1) : field).toString();
}

QString decodeIdentifierField(QStringView field)
{
    return decodeTextField(field.startsWith(u'\t') ? field.sliced(1) : field);
}

CsvExportWriter::CsvExportWriter(QIODevice* device, QList<CsvColumn> columns, CsvWriteOptions options)
    : m_writer(device, options)
    , m_columns(std::move(columns))
{}

Result<void> CsvExportWriter::status() const
{
    if (m_error)
        return *m_error;
    return m_writer.status();
}

void CsvExportWriter::misuse(const QString& what)
{
    if (!m_error)
        m_error = makeError(ErrorCode::InvalidArgument, u"row " % QString::number(m_row) % u": " % what);
}

bool CsvExportWriter::expect(CsvColumnKind kind)
{
    if (m_error)
        return false;
    if (m_cell >= m_columns.size()) {
        misuse(u"more values than the " % QString::number(m_columns.size()) % u" columns");
        return false;
    }
    if (m_cell == 0)
        ++m_row;
    if (m_columns[m_cell].kind != kind) {
        misuse(describeColumn(m_cell, m_columns[m_cell]) % u": value of the wrong kind");
        return false;
    }
    ++m_cell;
    return true;
}

Result<void> CsvExportWriter::writeHeader()
{
    for (const CsvColumn& column : std::as_const(m_columns)) {
        if (needsNeutralizing(column.header))
            m_writer.addField(u"'", column.header);
        else
            m_writer.addField(column.header);
    }
    if (m_error)
        return *m_error;
    return m_writer.endRecord();
}

void CsvExportWriter::addText(QStringView value)
{
    if (!expect(CsvColumnKind::Text))
        return;
    if (needsNeutralizing(value))
        m_writer.addField(u"'", value);
    else
        m_writer.addField(value);
}

void CsvExportWriter::addIdentifier(QStringView value)
{
    if (!expect(CsvColumnKind::Identifier))
        return;
    // The TAB alone would not stop a formula in every reader: neutralize behind it as for text.
    m_writer.addField(needsNeutralizing(value) ? QStringView(u"\t'") : QStringView(u"\t"), value);
}

void CsvExportWriter::addMoney(Money value)
{
    if (expect(CsvColumnKind::Money))
        m_writer.addField(value.toString(m_columns[m_cell - 1].places));
}

void CsvExportWriter::addInteger(qint64 value)
{
    if (!expect(CsvColumnKind::Integer))
        return;
    char text[24];
    const auto end = std::to_chars(text, text + sizeof text, value).ptr;
    m_writer.addField(QLatin1StringView(text, end));
}

void CsvExportWriter::addTime(qint64 unixSeconds)
{
    if (!expect(CsvColumnKind::Time))
        return;
    char text[kTimeLength];
    if (!formatTime(unixSeconds, text)) {
        misuse(describeColumn(m_cell - 1, m_columns[m_cell - 1]) % u": time " % QString::number(unixSeconds) %
               u" is outside years 0001-9999");
        return;
    }
    m_writer.addField(QLatin1StringView(text, kTimeLength));
}

void CsvExportWriter::addEmpty()
{
    if (m_error)
        return;
    if (m_cell >= m_columns.size()) {
        misuse(u"more values than the " % QString::number(m_columns.size()) % u" columns");
        return;
    }
    if (m_cell == 0)
        ++m_row;
    ++m_cell;
    m_writer.addField(QStringView());
}

Result<void> CsvExportWriter::endRow()
{
    if (!m_error && m_cell != m_columns.size()) {
        misuse(QString::number(m_cell) % u" values for " % QString::number(m_columns.size()) % u" columns");
    }
    m_cell = 0;
    if (m_error)
        return *m_error;
    return m_writer.endRecord();
}

void CsvExportWriter::addVariant(const QVariant& value)
{
    if (value.isNull()) {
        addEmpty();
        return;
    }
    const CsvColumn& column = m_columns[m_cell];
    const int type = value.typeId();
    switch (column.kind) {
    case CsvColumnKind::Text:
        if (type == QMetaType::QString)
            return addText(*static_cast<const QString*>(value.constData()));
        break;
    case CsvColumnKind::Identifier:
        if (type == QMetaType::QString)
            return addIdentifier(*static_cast<const QString*>(value.constData()));
        if (isIntegerType(type) || type == QMetaType::ULongLong || type == QMetaType::ULong)
            return addIdentifier(value.toString());
        break;
    case CsvColumnKind::Money:
        if (value.metaType() == QMetaType::fromType<Money>())
            return addMoney(*static_cast<const Money*>(value.constData()));
        break;
    case CsvColumnKind::Integer:
        if (isIntegerType(type))
            return addInteger(value.toLongLong());
        break;
    case CsvColumnKind::Time:
        if (isIntegerType(type))
            return addTime(value.toLongLong());
        if (type == QMetaType::QDateTime)
            return addTime(value.toDateTime().toSecsSinceEpoch());
        break;
    }
    misuse(describeColumn(m_cell, column) % u": unexpected value of type " %
           QString::fromLatin1(value.metaType().name()));
}

Result<void> CsvExportWriter::writeRow(const QVariantList& values)
{
    if (m_error)
        return *m_error;
    if (values.size() != m_columns.size()) {
        ++m_row;
        misuse(QString::number(values.size()) % u" values for " % QString::number(m_columns.size()) %
               u" columns");
        return *m_error;
    }
    for (const QVariant& value : values)
        addVariant(value);
    return endRow();
}

Result<void> CsvExportWriter::finish()
{
    if (m_error)
        return *m_error;
    return m_writer.finish();
}

CsvImportDecoder::CsvImportDecoder(QList<CsvColumn> columns)
    : m_columns(std::move(columns))
{}

Result<void> CsvImportDecoder::checkHeader(const QStringList& fields) const
{
    if (fields.size() != m_columns.size()) {
        return makeError(ErrorCode::Parse, u"header has " % QString::number(fields.size()) %
                                               u" fields, expected " % QString::number(m_columns.size()));
    }
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (decodeTextField(fields[i]) != m_columns[i].header) {
            return makeError(ErrorCode::Parse,
                             describeColumn(i, m_columns[i]) % u": header is '" % fields[i] % u'\'');
        }
    }
    return {};
}

Result<QVariant> CsvImportDecoder::decodeField(const CsvColumn& column, QStringView field)
{
    switch (column.kind) {
    case CsvColumnKind::Text:
        return QVariant(decodeTextField(field));
    case CsvColumnKind::Identifier:
        return QVariant(decodeIdentifierField(field));
    case CsvColumnKind::Money: {
        if (field.isEmpty())
            return QVariant();
        const Result<Money> money = Money::parse(field);
        if (!money)
            return money.error();
        return QVariant::fromValue(*money);
    }
    case CsvColumnKind::Integer: {
        if (field.isEmpty())
            return QVariant();
        bool ok = false;
        const qint64 value = field.toLongLong(&ok);
        if (!ok)
            return makeError(ErrorCode::Parse, u"invalid integer '" % field.toString() % u'\'');
        return QVariant(value);
    }
    case CsvColumnKind::Time: {
        if (field.isEmpty())
            return QVariant();
        const Result<qint64> time = parseShanghaiTime(field);
        if (!time)
            return time.error();
        return QVariant(*time);
    }
    }
    return makeError(ErrorCode::InvalidArgument, QStringLiteral("unknown column kind"));
}

Result<QVariantList> CsvImportDecoder::decodeRow(const QStringList& fields) const
{
    if (fields.size() != m_columns.size()) {
        return makeError(ErrorCode::Parse, QString::number(fields.size()) % u" fields, expected " %
                                               QString::number(m_columns.size()));
    }
    QVariantList values;
    values.reserve(fields.size());
    for (qsizetype i = 0; i < fields.size(); ++i) {
        Result<QVariant> value = decodeField(m_columns[i], fields[i]);
        if (!value)
            return makeError(value.error().code,
                             describeColumn(i, m_columns[i]) % u": " % value.error().detail);
        values.append(std::move(value).value());
    }
    return values;
}

} // namespace cardops::core
