#pragma once

#include "core/result.h"
#include "core/textdecoder.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <optional>

class QIODevice;

namespace cardops::core {

struct CsvReadOptions
{
    char16_t delimiter = u',';
    // An empty physical line is, by RFC 4180, a record with one empty field. Card import skips
    // such lines instead (a quoted "" line is not blank and is still returned).
    bool skipBlankLines = false;
    // Bytes per QIODevice::read(); tests use a few bytes so records and characters straddle reads.
    qsizetype chunkSize = 64 * 1024;
    // Sequential devices only: bytes after the first non-ASCII byte examined to choose between
    // UTF-8 and GB18030 (a seekable device is validated as UTF-8 in full first).
    qsizetype sniffSize = 64 * 1024;
    // Skip detection and decode as this encoding.
    std::optional<TextEncoding> encoding;
};

// Streaming RFC 4180 reader: quoted fields with doubled quotes and embedded CR/LF/CRLF, records
// ended by CRLF, LF or CR, a last record without a line end. Reads the device in chunks, never
// whole. An unquoted field keeps a stray '"' literally (as Excel does); nothing is trimmed.
// Encoding: a UTF-8 BOM means UTF-8; otherwise strict UTF-8 if the whole (seekable) device is
// UTF-8 or, on a sequential device, if the sniffed window is; else GB18030. Bytes that break the
// chosen encoding later stop the reader with ErrorCode::Encoding and the line.
// Errors are sticky: readRecord() returns false from then on. One device per reader; the device
// must deliver data by blocking reads (read() == 0 means end of input). Not thread-safe, any thread.
class CsvReader
{
public:
    explicit CsvReader(QIODevice* device, CsvReadOptions options = {});

    // The next record into `fields` (cleared first). False at the end of the input or on error:
    // check hasError() to tell them apart.
    bool readRecord(QStringList& fields);

    bool hasError() const { return m_error.has_value(); }
    // Parse (unterminated quote, text after a closing quote), Encoding or Io; detail starts with
    // "line N: ".
    Error error() const { return m_error.value_or(Error{}); }
    Result<void> status() const;
    // 1-based physical line of the error, 0 without error.
    qint64 errorLine() const { return m_errorLine; }

    // 1-based physical line where the record last returned began (embedded line breaks count).
    qint64 recordStartLine() const { return m_recordStartLine; }
    // Known once the first record is read (UTF-8 for input that is plain ASCII).
    TextEncoding encoding() const { return m_encoding; }

private:
    enum class State { FieldStart, Unquoted, Quoted, AfterQuote };

    bool initialize();
    bool detectSeekable();
    bool fill();
    bool more();
    bool endOfInput();
    bool readChunk();
    void decideSequential();
    void decodeRaw();
    bool parseRecord(QStringList& fields, bool& blank);
    void pushField(QStringList& fields, qsizetype segmentStart);
    void fail(ErrorCode code, qint64 line, const QString& what);
    void failDecoding();

    QIODevice* m_device;
    CsvReadOptions m_options;
    QByteArray m_raw; // read but not yet decoded bytes
    QString m_text;   // decoded, not yet parsed text from m_pos on
    qsizetype m_pos = 0;
    QString m_field; // the part of the current field from earlier buffers
    std::optional<TextDecoder> m_decoder;
    TextEncoding m_encoding = TextEncoding::Utf8;
    bool m_initialized = false;
    bool m_eof = false;
    bool m_atStreamStart = true;
    bool m_decodeFailed = false;
    bool m_sniffed = false;   // the encoding was chosen from a sample, not the whole input
    QString m_badBytes;       // hex of the bytes that stopped the decoder
    bool m_skipLf = false;    // the last record ended with CR: a following LF belongs to it
    bool m_lastWasCr = false; // inside a quoted field: the previous character was CR
    qint64 m_line = 1;
    qint64 m_recordStartLine = 0;
    qint64 m_errorLine = 0;
    std::optional<Error> m_error;
};

} // namespace cardops::core
