#pragma once

#include "core/result.h"

#include <QByteArrayView>
#include <QString>
#include <QStringDecoder>

namespace cardops::core {

// The encodings CardOps accepts for imported text: what Excel/WPS save on a Chinese Windows is
// UTF-8 (often with a BOM) or GBK, and GB18030 is a superset of GBK.
enum class TextEncoding {
    Utf8,
    Utf8Bom,
    Gb18030,
};

QString textEncodingName(TextEncoding encoding);

struct DecodedText
{
    QString text; // without the BOM
    TextEncoding encoding = TextEncoding::Utf8;
};

// How far a byte sequence is well-formed in one encoding. validBytes ends on a character
// boundary; invalid says a malformed sequence starts at validBytes. When neither holds, the input
// ends inside a character that may continue in the next chunk (incomplete == true).
struct TextScan
{
    qsizetype validBytes = 0;
    bool invalid = false;
    bool incomplete = false;
};

// Strict UTF-8 (Unicode Table 3-7): no overlongs, no surrogates, nothing above U+10FFFF.
TextScan scanUtf8(QByteArrayView bytes);
// GB18030 structure: 1-, 2- and 4-byte forms, 4-byte codes only in the mapped BMP and
// supplementary ranges (an unmapped code would silently become U+FFFD).
TextScan scanGb18030(QByteArrayView bytes);

// 1-based physical line of byte offset `offset` (LF, CRLF and lone CR each end a line; in both
// encodings CR and LF bytes are never part of a multi-byte character).
qint64 lineOfOffset(QByteArrayView bytes, qsizetype offset);

// Up to four bytes from `offset` as "0xC3 0x28", for error details.
QString hexPreview(QByteArrayView bytes, qsizetype offset);

bool startsWithUtf8Bom(QByteArrayView bytes);

// Decodes text in a known encoding chunk by chunk: a character split between chunks is held back
// and completed by the next chunk. One stream per object; not thread-safe, any thread.
class TextDecoder
{
public:
    // Decodes a whole buffer: strict UTF-8 (a BOM is stripped; with a BOM the rest must be
    // UTF-8), otherwise GB18030; ErrorCode::Encoding with line numbers when neither decodes.
    static Result<DecodedText> decode(QByteArrayView bytes);

    explicit TextDecoder(TextEncoding encoding);

    struct Step
    {
        qsizetype consumed = 0; // bytes decoded; the rest is an incomplete or invalid character
        bool invalid = false;   // a malformed sequence starts at `consumed`
    };
    // Appends the decoded complete characters of `bytes` to `out`. A leading BOM is not special
    // here: callers strip U+FEFF at the start of a stream.
    Step decode(QByteArrayView bytes, QString& out);

    TextEncoding encoding() const { return m_encoding; }

private:
    TextEncoding m_encoding;
    QStringDecoder m_decoder;
};

} // namespace cardops::core
