#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QLatin1StringView>
#include <QStringList>
#include <QStringView>
#include <optional>

class QIODevice;

namespace cardops::core {

struct CsvWriteOptions
{
    char16_t delimiter = u',';
    // Excel only detects UTF-8 with a BOM; other consumers may not want it.
    bool writeBom = true;
    // Output is collected here and handed to the device in blocks of about this size.
    qsizetype bufferSize = 64 * 1024;
};

// RFC 4180 writer: UTF-8, CRLF after every record, a field quoted when it holds the delimiter, a
// quote, CR or LF or starts or ends with a space; quotes doubled. Errors are sticky: after a failed
// device write nothing more is written and every later call reports the same ErrorCode::Io.
// Call finish() at the end (the destructor does not flush, so no failure goes unseen); with a
// QSaveFile, commit() only after finish() succeeded. One device per writer; not thread-safe, any
// thread.
class CsvWriter
{
public:
    explicit CsvWriter(QIODevice* device, CsvWriteOptions options = {});

    // Fields of the current record; the delimiter is inserted between them.
    void addField(QStringView value);
    // `prefix` + `value` as one field without building the concatenation (export prefixes).
    void addField(QStringView prefix, QStringView value);
    // Latin-1 text such as numbers and times.
    void addField(QLatin1StringView value);
    // Ends the record with CRLF and writes a full buffer to the device. A record of one empty
    // field is written as "" so that it is not a blank line.
    Result<void> endRecord();
    Result<void> writeRecord(const QStringList& fields);

    // Writes what is buffered (the BOM too, for an empty file) and flushes a QFileDevice. It does
    // not end a record left open: call endRecord() first.
    Result<void> finish();

    bool hasError() const { return m_error.has_value(); }
    Result<void> status() const;
    qint64 recordsWritten() const { return m_records; }

private:
    bool needsQuotes(QStringView prefix, QStringView value) const;
    char* beginField(qsizetype maxBytes, bool empty);
    void endField(const char* end);
    bool flushBuffer();

    QIODevice* m_device;
    CsvWriteOptions m_options;
    QByteArray m_buffer;
    bool m_bomPending;
    int m_fieldsInRecord = 0;
    bool m_firstFieldEmpty = false;
    qint64 m_records = 0;
    qint64 m_written = 0; // bytes accepted by the device
    std::optional<Error> m_error;
};

} // namespace cardops::core
