#include "core/textdecoder.h"

#include <QStringConverter>

namespace cardops::core {
namespace {

constexpr qsizetype kBomSize = 3;

bool inRange(unsigned char b, unsigned lo, unsigned hi)
{
    return b >= lo && b <= hi;
}

} // namespace

bool startsWithUtf8Bom(QByteArrayView bytes)
{
    return bytes.size() >= kBomSize && static_cast<unsigned char>(bytes[0]) == 0xEF &&
           static_cast<unsigned char>(bytes[1]) == 0xBB && static_cast<unsigned char>(bytes[2]) == 0xBF;
}

QString hexPreview(QByteArrayView bytes, qsizetype offset)
{
    if (offset >= bytes.size())
        return QStringLiteral("end of input");
    const QByteArrayView shown = bytes.sliced(offset, qMin<qsizetype>(4, bytes.size() - offset));
    QString out;
    for (const char c : shown) {
        if (!out.isEmpty())
            out += u' ';
        out += u"0x" % QString::number(static_cast<unsigned char>(c), 16).toUpper().rightJustified(2, u'0');
    }
    return out;
}

QString textEncodingName(TextEncoding encoding)
{
    switch (encoding) {
    case TextEncoding::Utf8:
        return QStringLiteral("UTF-8");
    case TextEncoding::Utf8Bom:
        return QStringLiteral("UTF-8 with BOM");
    case TextEncoding::Gb18030:
        return QStringLiteral("GB18030");
    }
    return {};
}

TextScan scanUtf8(QByteArrayView bytes)
{
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    const qsizetype n = bytes.size();
    qsizetype i = 0;
    while (i < n) {
        // ASCII runs dominate CSV: skip them eight bytes at a time.
        while (i + 8 <= n) {
            bool ascii = true;
            for (qsizetype k = 0; k < 8; ++k)
                ascii = ascii && p[i + k] < 0x80;
            if (!ascii)
                break;
            i += 8;
        }
        if (i >= n)
            break;
        const unsigned char b = p[i];
        if (b < 0x80) {
            ++i;
            continue;
        }
        qsizetype len = 0;
        unsigned lo = 0x80, hi = 0xBF; // allowed range of the second byte
        if (inRange(b, 0xC2, 0xDF)) {
            len = 2;
        } else if (b == 0xE0) {
            len = 3;
            lo = 0xA0;
        } else if (inRange(b, 0xE1, 0xEC) || inRange(b, 0xEE, 0xEF)) {
            len = 3;
        } else if (b == 0xED) {
            len = 3;
            hi = 0x9F;
        } else if (b == 0xF0) {
            len = 4;
            lo = 0x90;
        } else if (inRange(b, 0xF1, 0xF3)) {
            len = 4;
        } else if (b == 0xF4) {
            len = 4;
            hi = 0x8F;
        } else {
            return {i, true, false};
        }
        for (qsizetype k = 1; k < len; ++k) {
            if (i + k >= n)
                return {i, false, true};
            const bool ok = k == 1 ? inRange(p[i + k], lo, hi) : inRange(p[i + k], 0x80, 0xBF);
            if (!ok)
                return {i, true, false};
        }
        i += len;
    }
    return {n, false, false};
}

TextScan scanGb18030(QByteArrayView bytes)
{
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    const qsizetype n = bytes.size();
    qsizetype i = 0;
    while (i < n) {
        const unsigned char b = p[i];
        if (b < 0x80) {
            ++i;
            continue;
        }
        if (!inRange(b, 0x81, 0xFE))
            return {i, true, false};
        if (i + 1 >= n)
            return {i, false, true};
        const unsigned char b2 = p[i + 1];
        if (inRange(b2, 0x40, 0x7E) || inRange(b2, 0x80, 0xFE)) {
            i += 2;
            continue;
        }
        if (!inRange(b2, 0x30, 0x39))
            return {i, true, false};
        if (i + 2 >= n)
            return {i, false, true};
        if (!inRange(p[i + 2], 0x81, 0xFE))
            return {i, true, false};
        if (i + 3 >= n)
            return {i, false, true};
        if (!inRange(p[i + 3], 0x30, 0x39))
            return {i, true, false};
        // Linear index of the four-byte code: 0..39419 maps the BMP, 189000..1237575 the
        // supplementary planes; everything else is unassigned.
        const long index =
            (b - 0x81L) * 12600L + (b2 - 0x30L) * 1260L + (p[i + 2] - 0x81L) * 10L + (p[i + 3] - 0x30L);
        if (!(index <= 39419L || (index >= 189000L && index <= 1237575L)))
            return {i, true, false};
        i += 4;
    }
    return {n, false, false};
}

qint64 lineOfOffset(QByteArrayView bytes, qsizetype offset)
{
    qint64 line = 1;
    const qsizetype end = qMin(offset, bytes.size());
    for (qsizetype i = 0; i < end; ++i) {
        if (bytes[i] == '\n')
            ++line;
        else if (bytes[i] == '\r' && !(i + 1 < bytes.size() && bytes[i + 1] == '\n'))
            ++line;
    }
    return line;
}

Result<DecodedText> TextDecoder::decode(QByteArrayView bytes)
{
    const bool bom = startsWithUtf8Bom(bytes);
    const QByteArrayView body = bom ? bytes.sliced(kBomSize) : bytes;
    const TextScan utf8 = scanUtf8(body);
    if (!utf8.invalid && !utf8.incomplete) {
        DecodedText out{QString::fromUtf8(body), bom ? TextEncoding::Utf8Bom : TextEncoding::Utf8};
        return out;
    }
    const qsizetype utf8At = utf8.validBytes + (bom ? kBomSize : 0);
    if (bom) {
        return makeError(ErrorCode::Encoding, u"line " % QString::number(lineOfOffset(bytes, utf8At)) %
                                                  u": invalid UTF-8 after a UTF-8 BOM (" %
                                                  hexPreview(bytes, utf8At) % u')');
    }
    const TextScan gb = scanGb18030(bytes);
    if (!gb.invalid && !gb.incomplete) {
        QStringDecoder decoder("GB18030");
        DecodedText out{decoder.decode(bytes), TextEncoding::Gb18030};
        if (out.text.startsWith(QChar(u'\uFEFF'))) // the GB18030 BOM, 84 31 95 33
            out.text.remove(0, 1);
        if (!decoder.hasError())
            return out;
    }
    return makeError(ErrorCode::Encoding, u"neither UTF-8 (line " %
                                              QString::number(lineOfOffset(bytes, utf8At)) % u": " %
                                              hexPreview(bytes, utf8At) % u") nor GB18030 (line " %
                                              QString::number(lineOfOffset(bytes, gb.validBytes)) % u": " %
                                              hexPreview(bytes, gb.validBytes) % u')');
}

TextDecoder::TextDecoder(TextEncoding encoding)
    : m_encoding(encoding)
    , m_decoder(encoding == TextEncoding::Gb18030 ? QStringDecoder("GB18030")
                                                  : QStringDecoder(QStringConverter::Utf8))
{}

TextDecoder::Step TextDecoder::decode(QByteArrayView bytes, QString& out)
{
    // Validate first so only complete, well-formed characters reach QStringDecoder: its own
    // error handling substitutes U+FFFD and cannot report a character truncated at the end.
    const TextScan scan = m_encoding == TextEncoding::Gb18030 ? scanGb18030(bytes) : scanUtf8(bytes);
    const QByteArrayView valid = bytes.first(scan.validBytes);
    if (!valid.isEmpty()) {
        const qsizetype before = out.size();
        out.resize(before + m_decoder.requiredSpace(valid.size()));
        const QChar* end = m_decoder.appendToBuffer(out.data() + before, valid);
        out.truncate(end - out.constData());
        if (m_decoder.hasError()) {
            // Cannot happen after the scan above; if ICU disagrees, refuse rather than guess.
            m_decoder.resetState();
            out.truncate(before);
            return {0, true};
        }
    }
    return {scan.validBytes, scan.invalid};
}

} // namespace cardops::core
