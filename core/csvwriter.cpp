#include "core/csvwriter.h"

#include <QFileDevice>
#include <QIODevice>

namespace cardops::core {
namespace {

constexpr char kBom[] = "\xEF\xBB\xBF";

// UTF-16 to UTF-8 straight into the output buffer (no temporary QByteArray per field), doubling
// quotes inside a quoted field. An unpaired surrogate becomes U+FFFD. At most 3 bytes per unit.
char* appendUtf8(char* out, QStringView in, bool doubleQuotes)
{
    const char16_t* p = in.utf16();
    const char16_t* const end = p + in.size();
    while (p < end) {
        const char16_t c = *p++;
        if (c < 0x80) {
            if (c == u'"' && doubleQuotes)
                *out++ = '"';
            *out++ = static_cast<char>(c);
        } else if (c < 0x800) {
            *out++ = static_cast<char>(0xC0 | (c >> 6));
            *out++ = static_cast<char>(0x80 | (c & 0x3F));
        } else if (QChar::isHighSurrogate(c) && p < end && QChar::isLowSurrogate(*p)) {
            const char32_t cp = QChar::surrogateToUcs4(c, *p++);
            *out++ = static_cast<char>(0xF0 | (cp >> 18));
            *out++ = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
            *out++ = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            *out++ = static_cast<char>(0x80 | (cp & 0x3F));
        } else if (QChar::isSurrogate(c)) {
            *out++ = static_cast<char>(0xEF);
            *out++ = static_cast<char>(0xBF);
            *out++ = static_cast<char>(0xBD);
        } else {
            *out++ = static_cast<char>(0xE0 | (c >> 12));
            *out++ = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
            *out++ = static_cast<char>(0x80 | (c & 0x3F));
        }
    }
    return out;
}

char* appendUtf8(char* out, QLatin1StringView in)
{
    for (const char ch : in) {
        const auto c = static_cast<unsigned char>(ch);
        if (c < 0x80) {
            *out++ = ch;
        } else {
            *out++ = static_cast<char>(0xC0 | (c >> 6));
            *out++ = static_cast<char>(0x80 | (c & 0x3F));
        }
    }
    return out;
}

} // namespace

CsvWriter::CsvWriter(QIODevice* device, CsvWriteOptions options)
    : m_device(device)
    , m_options(options)
    , m_bomPending(options.writeBom)
{
    Q_ASSERT(m_options.delimiter < 0x80 && m_options.delimiter != u'"');
    m_options.bufferSize = qMax<qsizetype>(1, m_options.bufferSize);
    m_buffer.reserve(m_options.bufferSize + 1024);
}

Result<void> CsvWriter::status() const
{
    if (m_error)
        return *m_error;
    return {};
}

bool CsvWriter::needsQuotes(QStringView prefix, QStringView value) const
{
    const QStringView first = prefix.isEmpty() ? value : prefix;
    const QStringView last = value.isEmpty() ? prefix : value;
    if (first.isEmpty())
        return false;
    if (first.front() == u' ' || last.back() == u' ')
        return true;
    const char16_t delimiter = m_options.delimiter;
    for (const QStringView part : {prefix, value}) {
        for (const QChar ch : part) {
            const char16_t c = ch.unicode();
            if (c == delimiter || c == u'"' || c == u'\r' || c == u'\n')
                return true;
        }
    }
    return false;
}

// Makes room for `maxBytes` more (plus BOM and delimiter) and writes what precedes the field.
char* CsvWriter::beginField(qsizetype maxBytes, bool empty)
{
    const qsizetype needed = m_buffer.size() + maxBytes + 8;
    if (needed > m_buffer.capacity())
        m_buffer.reserve(qMax(needed, 2 * m_buffer.capacity()));
    if (m_bomPending) {
        m_buffer.append(kBom, 3);
        m_bomPending = false;
    }
    if (m_fieldsInRecord > 0)
        m_buffer.append(static_cast<char>(m_options.delimiter));
    else
        m_firstFieldEmpty = empty;
    ++m_fieldsInRecord;
    const qsizetype start = m_buffer.size();
    m_buffer.resize(start + maxBytes);
    return m_buffer.data() + start;
}

void CsvWriter::endField(const char* end)
{
    m_buffer.truncate(end - m_buffer.constData());
    if (m_buffer.size() >= m_options.bufferSize)
        flushBuffer();
}

void CsvWriter::addField(QStringView value)
{
    addField(QStringView(), value);
}

void CsvWriter::addField(QStringView prefix, QStringView value)
{
    if (m_error)
        return;
    const bool quote = needsQuotes(prefix, value);
    char* out = beginField(3 * (prefix.size() + value.size()) + 2, prefix.isEmpty() && value.isEmpty());
    if (quote)
        *out++ = '"';
    out = appendUtf8(out, prefix, quote);
    out = appendUtf8(out, value, quote);
    if (quote)
        *out++ = '"';
    endField(out);
}

void CsvWriter::addField(QLatin1StringView value)
{
    if (m_error)
        return;
    bool quote = !value.isEmpty() && (value.front() == ' ' || value.back() == ' ');
    for (const char c : value)
        quote = quote || c == m_options.delimiter || c == '"' || c == '\r' || c == '\n';
    if (quote) {
        addField(QStringView(), QString(value));
        return;
    }
    char* out = beginField(2 * value.size(), value.isEmpty());
    endField(appendUtf8(out, value));
}

Result<void> CsvWriter::endRecord()
{
    if (m_error)
        return *m_error;
    if (m_fieldsInRecord == 1 && m_firstFieldEmpty) {
        // A lone empty field would be a blank line, which readers may skip: quote it.
        m_buffer.append("\"\"", 2);
    } else if (m_bomPending) {
        m_buffer.append(kBom, 3);
        m_bomPending = false;
    }
    m_buffer.append("\r\n", 2);
    m_fieldsInRecord = 0;
    ++m_records;
    if (m_buffer.size() >= m_options.bufferSize)
        flushBuffer();
    return status();
}

Result<void> CsvWriter::writeRecord(const QStringList& fields)
{
    for (const QString& field : fields)
        addField(field);
    return endRecord();
}

bool CsvWriter::flushBuffer()
{
    if (m_error)
        return false;
    const char* data = m_buffer.constData();
    qsizetype left = m_buffer.size();
    while (left > 0) {
        const qint64 n = m_device->write(data, left);
        if (n <= 0) {
            m_error = makeError(ErrorCode::Io, u"write failed after " % QString::number(m_written) %
                                                   u" bytes: " % m_device->errorString());
            m_buffer.clear();
            return false;
        }
        data += n;
        left -= static_cast<qsizetype>(n);
        m_written += n;
    }
    m_buffer.truncate(0);
    return true;
}

Result<void> CsvWriter::finish()
{
    if (m_error)
        return *m_error;
    if (m_bomPending) {
        m_buffer.append(kBom, 3);
        m_bomPending = false;
    }
    if (!flushBuffer())
        return *m_error;
    // QFile buffers too: surface a full disk here rather than at close().
    if (auto* file = qobject_cast<QFileDevice*>(m_device); file && !file->flush()) {
        m_error = makeError(ErrorCode::Io, u"flush failed after " % QString::number(m_written) % u" bytes: " %
                                               file->errorString());
        return *m_error;
    }
    return {};
}

} // namespace cardops::core
