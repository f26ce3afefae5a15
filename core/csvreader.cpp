#include "core/csvreader.h"

#include <QIODevice>
#include <QLatin1StringView>

namespace cardops::core {
namespace {

constexpr qsizetype kBomSize = 3;

} // namespace

CsvReader::CsvReader(QIODevice* device, CsvReadOptions options)
    : m_device(device)
    , m_options(options)
{
    m_options.chunkSize = qMax<qsizetype>(1, m_options.chunkSize);
    m_options.sniffSize = qMax<qsizetype>(1, m_options.sniffSize);
}

Result<void> CsvReader::status() const
{
    if (m_error)
        return *m_error;
    return {};
}

void CsvReader::fail(ErrorCode code, qint64 line, const QString& what)
{
    if (m_error)
        return;
    m_error = Error{code, u"line " % QString::number(line) % u": " % what};
    m_errorLine = line;
}

void CsvReader::failDecoding()
{
    QString what;
    if (m_badBytes.isEmpty())
        what = u"a " % textEncodingName(m_encoding) % u" character is cut off at the end of the input";
    else
        what = u"invalid " % textEncodingName(m_encoding) % u" byte sequence (" % m_badBytes % u')';
    if (m_sniffed) {
        what += u"; the encoding was chosen from a " % QString::number(m_options.sniffSize) %
                u"-byte sample of a sequential device";
    }
    fail(ErrorCode::Encoding, m_line, what);
}

bool CsvReader::initialize()
{
    m_initialized = true;
    if (!m_device || !m_device->isReadable()) {
        fail(ErrorCode::Io, 1, QStringLiteral("the device is not open for reading"));
        return false;
    }
    if (m_options.encoding) {
        m_encoding = *m_options.encoding;
        m_decoder.emplace(m_encoding);
        return true;
    }
    if (!m_device->isSequential())
        return detectSeekable();
    return true; // decided by decideSequential() once non-ASCII bytes arrive
}

// A seekable device is checked as UTF-8 from end to end first: a GBK file can look like UTF-8
// for many lines, and the check is a fast byte scan.
bool CsvReader::detectSeekable()
{
    const qint64 start = m_device->pos();
    if (startsWithUtf8Bom(m_device->peek(kBomSize))) {
        m_encoding = TextEncoding::Utf8Bom;
        m_decoder.emplace(m_encoding);
        return true;
    }
    QByteArray buffer;
    bool utf8 = true;
    for (;;) {
        const qsizetype carried = buffer.size();
        buffer.resize(carried + m_options.chunkSize);
        const qint64 n = m_device->read(buffer.data() + carried, m_options.chunkSize);
        if (n < 0) {
            fail(ErrorCode::Io, 1, u"read failed: " % m_device->errorString());
            return false;
        }
        buffer.truncate(carried + static_cast<qsizetype>(n));
        const TextScan scan = scanUtf8(buffer);
        if (scan.invalid || (n == 0 && scan.incomplete)) {
            utf8 = false;
            break;
        }
        if (n == 0)
            break;
        buffer.remove(0, scan.validBytes);
    }
    if (!m_device->seek(start)) {
        fail(ErrorCode::Io, 1, u"cannot seek back after detecting the encoding: " % m_device->errorString());
        return false;
    }
    m_encoding = utf8 ? TextEncoding::Utf8 : TextEncoding::Gb18030;
    m_decoder.emplace(m_encoding);
    return true;
}

// A sequential device cannot be read twice: ASCII (the same in both encodings) is decoded as it
// comes, and the encoding is chosen from a window starting at the first non-ASCII byte.
void CsvReader::decideSequential()
{
    if (m_atStreamStart) {
        if (m_raw.size() < kBomSize && !m_eof)
            return;
        if (startsWithUtf8Bom(m_raw)) {
            m_encoding = TextEncoding::Utf8Bom;
            m_decoder.emplace(m_encoding);
            return;
        }
    }
    qsizetype ascii = 0;
    while (ascii < m_raw.size() && static_cast<unsigned char>(m_raw[ascii]) < 0x80)
        ++ascii;
    if (ascii > 0) {
        m_text.append(QLatin1StringView(m_raw.constData(), ascii));
        m_raw.remove(0, ascii);
    }
    if (m_raw.isEmpty() || (m_raw.size() < m_options.sniffSize && !m_eof))
        return;
    const auto acceptable = [this](const TextScan& scan) {
        return !scan.invalid && !(m_eof && scan.incomplete);
    };
    const TextScan utf8 = scanUtf8(m_raw);
    if (acceptable(utf8)) {
        m_encoding = TextEncoding::Utf8;
    } else {
        const TextScan gb = scanGb18030(m_raw);
        // When neither fits, take the one that gets further so the error names the right line.
        m_encoding =
            acceptable(gb) || gb.validBytes > utf8.validBytes ? TextEncoding::Gb18030 : TextEncoding::Utf8;
    }
    m_sniffed = true;
    m_decoder.emplace(m_encoding);
}

void CsvReader::decodeRaw()
{
    const TextDecoder::Step step = m_decoder->decode(m_raw, m_text);
    if (step.invalid) {
        m_decodeFailed = true;
        m_badBytes = hexPreview(m_raw, step.consumed);
    }
    m_raw.remove(0, step.consumed);
}

bool CsvReader::readChunk()
{
    const qsizetype old = m_raw.size();
    m_raw.resize(old + m_options.chunkSize);
    const qint64 n = m_device->read(m_raw.data() + old, m_options.chunkSize);
    if (n < 0) {
        m_raw.truncate(old);
        fail(ErrorCode::Io, m_line, u"read failed: " % m_device->errorString());
        return false;
    }
    m_raw.truncate(old + static_cast<qsizetype>(n));
    if (n == 0)
        m_eof = true;
    return true;
}

// Replaces the parsed text with the next decoded text. False at the end of the input, on a read
// error, and once the decoder has stopped at bad bytes (reported by the parser when it gets
// there, so the error carries the line of the bad bytes).
bool CsvReader::fill()
{
    m_text.clear();
    m_pos = 0;
    for (;;) {
        if (m_error || m_decodeFailed)
            return false;
        if (!m_decoder && (!m_raw.isEmpty() || m_eof))
            decideSequential();
        if (m_decoder && !m_raw.isEmpty())
            decodeRaw();
        if (m_atStreamStart && !m_text.isEmpty()) {
            if (m_text.front() == QChar(u'\uFEFF'))
                m_text.remove(0, 1);
            m_atStreamStart = m_text.isEmpty();
        }
        if (!m_text.isEmpty())
            return true;
        if (m_decodeFailed)
            return false;
        if (m_eof) {
            if (!m_raw.isEmpty())
                m_decodeFailed = true; // a character cut off by the end of the input
            return false;
        }
        if (!readChunk())
            return false;
    }
}

bool CsvReader::more()
{
    return m_pos < m_text.size() || fill();
}

bool CsvReader::endOfInput()
{
    if (m_decodeFailed)
        failDecoding();
    return false;
}

void CsvReader::pushField(QStringList& fields, qsizetype segmentStart)
{
    const QStringView segment = QStringView(m_text).sliced(segmentStart, m_pos - segmentStart);
    if (m_field.isEmpty()) {
        fields.append(segment.toString());
    } else {
        m_field.append(segment);
        fields.append(m_field);
        m_field.clear();
    }
}

bool CsvReader::readRecord(QStringList& fields)
{
    fields.clear();
    if (m_error)
        return false;
    if (!m_initialized && !initialize())
        return false;
    for (;;) {
        bool blank = false;
        if (!parseRecord(fields, blank))
            return false;
        if (!blank || !m_options.skipBlankLines)
            return true;
        fields.clear();
    }
}

bool CsvReader::parseRecord(QStringList& fields, bool& blank)
{
    m_field.clear();
    if (m_skipLf) {
        if (!more())
            return endOfInput();
        if (m_text.at(m_pos) == u'\n')
            ++m_pos;
        m_skipLf = false;
    }
    if (!more())
        return endOfInput();

    m_recordStartLine = m_line;
    const char16_t delimiter = m_options.delimiter;
    State state = State::FieldStart;
    bool sawQuote = false;
    qint64 quoteLine = 0;
    qsizetype segment = m_pos; // start of the current field's text not yet copied to m_field

    const auto endRecord = [&](char16_t terminator) {
        ++m_pos;
        ++m_line;
        m_skipLf = terminator == u'\r';
        blank = !sawQuote && fields.size() == 1 && fields.front().isEmpty();
        return true;
    };

    for (;;) {
        if (m_pos == m_text.size()) {
            if (state == State::Unquoted || state == State::Quoted)
                m_field.append(QStringView(m_text).sliced(segment, m_pos - segment));
            if (!fill()) {
                if (m_decodeFailed || m_error)
                    return endOfInput();
                if (state == State::Quoted) {
                    fail(ErrorCode::Parse, quoteLine,
                         u"unterminated quoted field (the input ends on line " % QString::number(m_line) %
                             u')');
                    return false;
                }
                pushField(fields, m_pos); // the last record has no line end
                blank = !sawQuote && fields.size() == 1 && fields.front().isEmpty();
                return true;
            }
            segment = m_pos;
        }
        const char16_t* text = reinterpret_cast<const char16_t*>(m_text.constData());
        const qsizetype size = m_text.size();
        switch (state) {
        case State::FieldStart:
            if (text[m_pos] == u'"') {
                state = State::Quoted;
                sawQuote = true;
                quoteLine = m_line;
                m_lastWasCr = false;
                segment = ++m_pos;
                break;
            }
            state = State::Unquoted;
            segment = m_pos;
            [[fallthrough]];
        case State::Unquoted: {
            qsizetype i = m_pos;
            while (i < size && text[i] != delimiter && text[i] != u'\r' && text[i] != u'\n')
                ++i;
            m_pos = i;
            if (i == size)
                break;
            pushField(fields, segment);
            if (text[i] != delimiter)
                return endRecord(text[i]);
            ++m_pos;
            state = State::FieldStart;
            break;
        }
        case State::Quoted: {
            qsizetype i = m_pos;
            for (; i < size && text[i] != u'"'; ++i) {
                // Embedded line breaks count as physical lines: CRLF once, lone CR or LF once.
                if (text[i] == u'\r')
                    ++m_line;
                else if (text[i] == u'\n' && !m_lastWasCr)
                    ++m_line;
                m_lastWasCr = text[i] == u'\r';
            }
            m_pos = i;
            if (i == size)
                break;
            m_field.append(QStringView(m_text).sliced(segment, i - segment));
            ++m_pos;
            m_lastWasCr = false;
            state = State::AfterQuote;
            break;
        }
        case State::AfterQuote: {
            const char16_t c = text[m_pos];
            if (c == u'"') { // a doubled quote stands for one
                m_field.append(QChar(u'"'));
                segment = ++m_pos;
                state = State::Quoted;
                break;
            }
            if (c == delimiter || c == u'\r' || c == u'\n') {
                pushField(fields, m_pos);
                if (c != delimiter)
                    return endRecord(c);
                ++m_pos;
                state = State::FieldStart;
                break;
            }
            fail(ErrorCode::Parse, m_line,
                 u"unexpected '" % QString(QChar(c)) %
                     u"' after the closing quote of a field opened on line " % QString::number(quoteLine));
            return false;
        }
        }
    }
}

} // namespace cardops::core
