#include "core/csvreader.h"
#include "core/textdecoder.h"

#include <QBuffer>
#include <QStringEncoder>
#include <QTemporaryFile>
#include <QtTest>
#include <cstring>

using namespace cardops::core;
using namespace Qt::StringLiterals;
using Records = QList<QStringList>;
using Lines = QList<qint64>;

Q_DECLARE_METATYPE(cardops::core::TextEncoding)

namespace {

QStringList L(std::initializer_list<QStringView> fields)
{
    QStringList out;
    for (const QStringView field : fields)
        out.append(field.toString());
    return out;
}

Records R(std::initializer_list<std::initializer_list<QStringView>> records)
{
    Records out;
    for (const auto& record : records)
        out.append(L(record));
    return out;
}

// Pipe-like device: sequential, no seek, no size; the reader must sniff. (A QBuffer subclass
// claiming isSequential() would replay its data: QBuffer reads at pos(), which a sequential
// QIODevice does not advance.)
class SequentialBuffer : public QIODevice
{
public:
    void setData(QByteArray data) { m_data = std::move(data); }
    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override { return m_data.size() - m_offset + QIODevice::bytesAvailable(); }

protected:
    qint64 readData(char* out, qint64 max) override
    {
        const qint64 n = qMin(max, qint64(m_data.size()) - m_offset);
        memcpy(out, m_data.constData() + m_offset, size_t(n));
        m_offset += n;
        return n;
    }
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_offset = 0;
};

// A device whose reads fail after `okBytes` bytes.
class FailingReadDevice : public QIODevice
{
public:
    FailingReadDevice(QByteArray data, qint64 okBytes)
        : m_data(std::move(data))
        , m_ok(okBytes)
    {}
    bool isSequential() const override { return true; }

protected:
    qint64 readData(char* out, qint64 max) override
    {
        if (m_pos >= m_ok) {
            setErrorString(QStringLiteral("simulated read error"));
            return -1;
        }
        const qint64 n = qMin(max, qMin(m_ok, qint64(m_data.size())) - m_pos);
        memcpy(out, m_data.constData() + m_pos, size_t(n));
        m_pos += n;
        return n;
    }
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_ok;
    qint64 m_pos = 0;
};

struct ReadOutcome
{
    Records records;
    Lines lines;
    bool failed = false;
    Error error;
    qint64 errorLine = 0;
    TextEncoding encoding = TextEncoding::Utf8;
};

ReadOutcome readAll(QIODevice& device, const CsvReadOptions& options)
{
    ReadOutcome out;
    CsvReader reader(&device, options);
    QStringList fields;
    while (reader.readRecord(fields)) {
        out.records.append(fields);
        out.lines.append(reader.recordStartLine());
    }
    QStringList again;
    if (reader.readRecord(again) || !again.isEmpty())
        qWarning("readRecord returned data after the end");
    out.failed = reader.hasError();
    out.error = reader.error();
    out.errorLine = reader.errorLine();
    out.encoding = reader.encoding();
    return out;
}

ReadOutcome readBytes(const QByteArray& bytes, bool sequential, CsvReadOptions options = {})
{
    if (sequential) {
        SequentialBuffer buffer;
        buffer.setData(bytes);
        buffer.open(QIODevice::ReadOnly);
        return readAll(buffer, options);
    }
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    return readAll(buffer, options);
}

// Chunk sizes that split every multi-byte character and CRLF somewhere, and the default.
const QList<qsizetype> kChunkSizes = {1, 2, 3, 7, 64 * 1024};

QByteArray gb18030(const QString& text)
{
    QStringEncoder encoder("GB18030");
    QByteArray bytes = encoder.encode(text);
    if (encoder.hasError())
        qFatal("GB18030 encoder failed");
    return bytes;
}

// Test-local RFC 4180 serializer so the reader is not only checked against the project's writer.
QByteArray toCsv(const Records& records, const char* lineEnd)
{
    QString text;
    for (const QStringList& record : records) {
        QStringList quoted;
        for (QString field : record)
            quoted.append(u'"' + field.replace(u'"', u"\"\""_s) + u'"');
        text += quoted.join(u',') + QString::fromLatin1(lineEnd);
    }
    return text.toUtf8();
}

const QString kChinese = QStringLiteral(u"腾讯Q币 100元,卡密----密码");

} // namespace

class TestCsvReader : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parse_data();
    void parse();
    void skipBlankLines();
    void tabDelimiter();
    void encodings_data();
    void encodings();
    void gbkFile();
    void sequentialGbkAfterLongAsciiPrefix();
    void invalidBytes_data();
    void invalidBytes();
    void sequentialLaterChunkBreaksEncoding();
    void unterminatedQuote();
    void garbageAfterQuote();
    void errorsAreSticky();
    void readFailure();
    void straddlingChunks();
    void scanUtf8Strict_data();
    void scanUtf8Strict();
    void decodeWholeBuffer();
};

void TestCsvReader::parse_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<Records>("records");
    QTest::addColumn<Lines>("lines");

    QTest::newRow("LF") << QByteArray("a,b\nc,d\n") << R({{u"a", u"b"}, {u"c", u"d"}}) << Lines{1, 2};
    QTest::newRow("CRLF") << QByteArray("a,b\r\nc,d\r\n") << R({{u"a", u"b"}, {u"c", u"d"}}) << Lines{1, 2};
    QTest::newRow("lone CR") << QByteArray("a,b\rc,d\r") << R({{u"a", u"b"}, {u"c", u"d"}}) << Lines{1, 2};
    QTest::newRow("mixed line ends") << QByteArray("a\r\nb\nc\rd") << R({{u"a"}, {u"b"}, {u"c"}, {u"d"}})
                                     << Lines{1, 2, 3, 4};
    QTest::newRow("last record without newline")
        << QByteArray("a,b\nc,d") << R({{u"a", u"b"}, {u"c", u"d"}}) << Lines{1, 2};
    QTest::newRow("empty fields") << QByteArray(",,\n,a,\n") << R({{u"", u"", u""}, {u"", u"a", u""}})
                                  << Lines{1, 2};
    QTest::newRow("trailing delimiter at EOF") << QByteArray("a,") << R({{u"a", u""}}) << Lines{1};
    QTest::newRow("quotes") << QByteArray("\"a,b\",\"say \"\"hi\"\"\",\"\"\"\"\n")
                            << R({{u"a,b", u"say \"hi\"", u"\""}}) << Lines{1};
    QTest::newRow("empty quoted") << QByteArray("\"\",a\n\"\"") << R({{u"", u"a"}, {u""}}) << Lines{1, 2};
    QTest::newRow("quoted at EOF") << QByteArray("x,\"a\"") << R({{u"x", u"a"}}) << Lines{1};
    QTest::newRow("embedded LF") << QByteArray("\"x\ny\",z\nnext\n") << R({{u"x\ny", u"z"}, {u"next"}})
                                 << Lines{1, 3};
    QTest::newRow("embedded CRLF") << QByteArray("\"x\r\ny\",z\r\nnext\r\n")
                                   << R({{u"x\r\ny", u"z"}, {u"next"}}) << Lines{1, 3};
    QTest::newRow("embedded CR") << QByteArray("\"x\ry\",z\rnext") << R({{u"x\ry", u"z"}, {u"next"}})
                                 << Lines{1, 3};
    QTest::newRow("embedded blank lines") << QByteArray("h\n\"1\n\n\r\n2\",x\nlast\n")
                                          << R({{u"h"}, {u"1\n\n\r\n2", u"x"}, {u"last"}}) << Lines{1, 2, 6};
    QTest::newRow("blank line is one empty field")
        << QByteArray("a\n\nb\r\n\r\nc") << R({{u"a"}, {u""}, {u"b"}, {u""}, {u"c"}}) << Lines{1, 2, 3, 4, 5};
    QTest::newRow("only a newline") << QByteArray("\n") << R({{u""}}) << Lines{1};
    QTest::newRow("empty input") << QByteArray() << R({}) << Lines{};
    QTest::newRow("stray quote in unquoted field")
        << QByteArray("ab\"c,d\n") << R({{u"ab\"c", u"d"}}) << Lines{1};
    QTest::newRow("spaces kept") << QByteArray(" a , b \n") << R({{u" a ", u" b "}}) << Lines{1};
    QTest::newRow("BOM") << QByteArray("\xEF\xBB\xBF"
                                       "a,b\r\nc\r\n")
                         << R({{u"a", u"b"}, {u"c"}}) << Lines{1, 2};
    QTest::newRow("BOM only") << QByteArray("\xEF\xBB\xBF") << R({}) << Lines{};
    QTest::newRow("UTF-8 text") << kChinese.toUtf8() << R({{u"腾讯Q币 100元"_s, u"卡密----密码"_s}})
                                << Lines{1};
}

void TestCsvReader::parse()
{
    QFETCH(QByteArray, input);
    QFETCH(Records, records);
    QFETCH(Lines, lines);
    for (const bool sequential : {false, true}) {
        for (const qsizetype chunk : kChunkSizes) {
            CsvReadOptions options;
            options.chunkSize = chunk;
            options.sniffSize = 5;
            const ReadOutcome got = readBytes(input, sequential, options);
            const QByteArray where =
                "chunk " + QByteArray::number(chunk) + (sequential ? " sequential" : " seekable");
            QVERIFY2(!got.failed, qPrintable(got.error.detail + u' ' + QString::fromLatin1(where)));
            QCOMPARE(got.records, records);
            QCOMPARE(got.lines, lines);
        }
    }
}

void TestCsvReader::skipBlankLines()
{
    const QByteArray input("a\n\n\r\n\"\"\nb\n\n\r");
    for (const bool sequential : {false, true}) {
        for (const qsizetype chunk : kChunkSizes) {
            CsvReadOptions options;
            options.chunkSize = chunk;
            options.skipBlankLines = true;
            const ReadOutcome got = readBytes(input, sequential, options);
            QVERIFY(!got.failed);
            // A quoted "" is data (one empty field), not a blank line.
            QCOMPARE(got.records, (R({{u"a"}, {u""}, {u"b"}})));
            QCOMPARE(got.lines, (Lines{1, 4, 5}));
        }
    }
}

void TestCsvReader::tabDelimiter()
{
    CsvReadOptions options;
    options.delimiter = u'\t';
    const ReadOutcome got = readBytes("a\tb,c\t\"d\te\"\t\n", false, options);
    QVERIFY(!got.failed);
    QCOMPARE(got.records, (R({{u"a", u"b,c", u"d\te", u""}})));
}

void TestCsvReader::encodings_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<TextEncoding>("encoding");
    const QString text = u"订单号,商品\r\n"_s + kChinese + u"\r\n\"多行\n备注 😀\",€\r\n"_s;
    QTest::newRow("UTF-8") << text.toUtf8() << TextEncoding::Utf8;
    QTest::newRow("UTF-8 BOM") << QByteArray("\xEF\xBB\xBF" + text.toUtf8()) << TextEncoding::Utf8Bom;
    QTest::newRow("GB18030") << gb18030(text) << TextEncoding::Gb18030;
    QTest::newRow("GB18030 BOM") << QByteArray("\x84\x31\x95\x33" + gb18030(text)) << TextEncoding::Gb18030;
}

void TestCsvReader::encodings()
{
    QFETCH(QByteArray, input);
    QFETCH(TextEncoding, encoding);
    const Records expected{
        {u"订单号"_s, u"商品"_s}, {u"腾讯Q币 100元"_s, u"卡密----密码"_s}, {u"多行\n备注 😀"_s, u"€"_s}};
    for (const bool sequential : {false, true}) {
        for (const qsizetype chunk : kChunkSizes) {
            CsvReadOptions options;
            options.chunkSize = chunk;
            options.sniffSize = 4;
            const ReadOutcome got = readBytes(input, sequential, options);
            QVERIFY2(!got.failed, qPrintable(got.error.detail));
            QCOMPARE(got.encoding, encoding);
            QCOMPARE(got.records, expected);
            QCOMPARE(got.lines, (Lines{1, 2, 3}));
        }
    }
}

void TestCsvReader::gbkFile()
{
    // A card import file as a Chinese Windows saves it: GBK, CRLF, no BOM, ASCII header first.
    Records expected{L({u"card_no", u"password", u"note"})};
    for (int i = 0; i < 3000; ++i) {
        expected.append({QString::number(8800000000000000000LL + i), u"00"_s + QString::number(i),
                         i % 7 == 0 ? kChinese : u"腾讯Q币 面值"_s + QString::number(i % 100) + u"元"_s});
    }
    QString text;
    for (const QStringList& record : std::as_const(expected)) {
        QStringList fields;
        for (const QString& field : record)
            fields.append(field.contains(u',') ? QString(u'"' + field + u'"') : field);
        text += fields.join(u',') + u"\r\n"_s;
    }
    QTemporaryFile file;
    QVERIFY(file.open());
    QVERIFY(file.write(gb18030(text)) > 0);
    QVERIFY(file.seek(0));
    const ReadOutcome got = readAll(file, {});
    QVERIFY2(!got.failed, qPrintable(got.error.detail));
    QCOMPARE(got.encoding, TextEncoding::Gb18030);
    QCOMPARE(got.records.size(), expected.size());
    QCOMPARE(got.records, expected);
    QCOMPARE(got.lines.last(), qint64(expected.size()));
}

void TestCsvReader::sequentialGbkAfterLongAsciiPrefix()
{
    // The first 5000 lines are ASCII; the choice is made at the first non-ASCII byte.
    QByteArray bytes;
    for (int i = 0; i < 5000; ++i)
        bytes += "id" + QByteArray::number(i) + ",ok\n";
    bytes += gb18030(kChinese) + "\n";
    CsvReadOptions options;
    options.chunkSize = 4096;
    const ReadOutcome got = readBytes(bytes, true, options);
    QVERIFY2(!got.failed, qPrintable(got.error.detail));
    QCOMPARE(got.encoding, TextEncoding::Gb18030);
    QCOMPARE(got.records.size(), qsizetype(5001));
    QCOMPARE(got.records.last(), (L({u"腾讯Q币 100元"_s, u"卡密----密码"_s})));
}

void TestCsvReader::invalidBytes_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("goodRecords");
    QTest::addColumn<qint64>("line");
    QTest::newRow("neither UTF-8 nor GB18030") << QByteArray("a,b\nc,\xFF\xFF\n") << 1 << qint64(2);
    QTest::newRow("BOM then bad UTF-8") << QByteArray("\xEF\xBB\xBF"
                                                      "a\n\"b\n\xC3\x28\"\n")
                                        << 1 << qint64(3);
    QTest::newRow("cut off at end") << QByteArray("a\n\xE8") << 1 << qint64(2);
    QTest::newRow("UTF-16 with BOM") << QByteArray("\xFF\xFE"
                                                   "a\0,\0b\0",
                                                   8)
                                     << 0 << qint64(1);
    QTest::newRow("GB18030 unmapped four-byte code")
        << QByteArray("x\ny\n\x84\x31\xA5\x30\n") << 2 << qint64(3);
}

void TestCsvReader::invalidBytes()
{
    QFETCH(QByteArray, input);
    QFETCH(int, goodRecords);
    QFETCH(qint64, line);
    for (const bool sequential : {false, true}) {
        for (const qsizetype chunk : kChunkSizes) {
            CsvReadOptions options;
            options.chunkSize = chunk;
            const ReadOutcome got = readBytes(input, sequential, options);
            QVERIFY(got.failed);
            QCOMPARE(got.error.code, ErrorCode::Encoding);
            QCOMPARE(got.errorLine, line);
            QVERIFY2(got.error.detail.startsWith(u"line " + QString::number(line) + u": "),
                     qPrintable(got.error.detail));
            QCOMPARE(got.records.size(), qsizetype(goodRecords));
        }
    }
}

void TestCsvReader::sequentialLaterChunkBreaksEncoding()
{
    // UTF-8 in the sampled window, GBK bytes further on: a pipe cannot be re-read, so the reader
    // stops at the bad line and says how the encoding was chosen.
    QByteArray bytes = kChinese.toUtf8() + "\n";
    for (int i = 0; i < 50; ++i)
        bytes += "ascii line\n";
    bytes += gb18030(kChinese) + "\n";
    CsvReadOptions options;
    options.chunkSize = 16;
    options.sniffSize = 64;
    const ReadOutcome got = readBytes(bytes, true, options);
    QVERIFY(got.failed);
    QCOMPARE(got.error.code, ErrorCode::Encoding);
    QCOMPARE(got.errorLine, qint64(52));
    QCOMPARE(got.records.size(), qsizetype(51));
    QVERIFY2(got.error.detail.contains(u"sequential"), qPrintable(got.error.detail));
    QCOMPARE(got.encoding, TextEncoding::Utf8);
}

void TestCsvReader::unterminatedQuote()
{
    for (const bool sequential : {false, true}) {
        for (const qsizetype chunk : kChunkSizes) {
            CsvReadOptions options;
            options.chunkSize = chunk;
            const ReadOutcome got = readBytes("a,b\r\nc,\"open\r\nmore\nstill\n", sequential, options);
            QVERIFY(got.failed);
            QCOMPARE(got.error.code, ErrorCode::Parse);
            QCOMPARE(got.errorLine, qint64(2));
            QVERIFY2(got.error.detail.startsWith(u"line 2: unterminated"), qPrintable(got.error.detail));
            QVERIFY2(got.error.detail.contains(u"line 5"), qPrintable(got.error.detail));
            QCOMPARE(got.records, (R({{u"a", u"b"}})));
        }
    }
}

void TestCsvReader::garbageAfterQuote()
{
    for (const qsizetype chunk : kChunkSizes) {
        CsvReadOptions options;
        options.chunkSize = chunk;
        const ReadOutcome got = readBytes("a\n\"multi\nline\"x,z\n", false, options);
        QVERIFY(got.failed);
        QCOMPARE(got.error.code, ErrorCode::Parse);
        QCOMPARE(got.errorLine, qint64(3));
        QVERIFY2(got.error.detail.startsWith(u"line 3: "), qPrintable(got.error.detail));
        QVERIFY2(got.error.detail.contains(u"line 2"), qPrintable(got.error.detail));
        QCOMPARE(got.records, (R({{u"a"}})));
    }
}

void TestCsvReader::errorsAreSticky()
{
    QBuffer buffer;
    buffer.setData("\"x\"y\nfine\n");
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(&buffer);
    QStringList fields;
    QVERIFY(!reader.readRecord(fields));
    QVERIFY(reader.hasError());
    QVERIFY(!reader.status().ok());
    QVERIFY(!reader.readRecord(fields));
    QVERIFY(fields.isEmpty());
    QCOMPARE(reader.error().code, ErrorCode::Parse);
}

void TestCsvReader::readFailure()
{
    FailingReadDevice device("a,b\nc,d\ne,f\n", 5);
    QVERIFY(device.open(QIODevice::ReadOnly | QIODevice::Unbuffered));
    CsvReadOptions options;
    options.chunkSize = 2;
    const ReadOutcome got = readAll(device, options);
    QVERIFY(got.failed);
    QCOMPARE(got.error.code, ErrorCode::Io);
    QVERIFY2(got.error.detail.contains(u"simulated read error"), qPrintable(got.error.detail));

    QBuffer closed;
    CsvReader reader(&closed);
    QStringList fields;
    QVERIFY(!reader.readRecord(fields));
    QCOMPARE(reader.error().code, ErrorCode::Io);
}

void TestCsvReader::straddlingChunks()
{
    // Every field kind at every offset: records, quotes, CRLFs and characters cut by every chunk size.
    Records records;
    const QStringList pool{u""_s,         u"plain"_s,    u"a,b"_s, u"q\"uote"_s, u"\"\""_s,
                           u"l1\r\nl2"_s, u"cr\rlf\n"_s, kChinese, u"😀€é"_s,     u" pad "_s};
    for (int i = 0; i < 60; ++i)
        records.append({pool[i % pool.size()], pool[(i * 7 + 3) % pool.size()], QString::number(i)});
    for (const char* lineEnd : {"\r\n", "\n", "\r"}) {
        const QByteArray utf8 = toCsv(records, lineEnd);
        const QByteArray gb = gb18030(QString::fromUtf8(utf8));
        for (qsizetype chunk = 1; chunk <= 13; ++chunk) {
            for (const bool sequential : {false, true}) {
                CsvReadOptions options;
                options.chunkSize = chunk;
                options.sniffSize = 3;
                ReadOutcome got = readBytes(utf8, sequential, options);
                QVERIFY2(!got.failed, qPrintable(got.error.detail));
                QCOMPARE(got.encoding, TextEncoding::Utf8);
                QCOMPARE(got.records, records);
                got = readBytes(gb, sequential, options);
                QVERIFY2(!got.failed, qPrintable(got.error.detail));
                QCOMPARE(got.encoding, TextEncoding::Gb18030);
                QCOMPARE(got.records, records);
            }
        }
    }
}

void TestCsvReader::scanUtf8Strict_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("invalid");
    QTest::addColumn<bool>("incomplete");
    QTest::newRow("ascii") << QByteArray("abc") << false << false;
    QTest::newRow("chinese") << u"腾讯"_s.toUtf8() << false << false;
    QTest::newRow("emoji") << u"😀"_s.toUtf8() << false << false;
    QTest::newRow("max code point") << QByteArray("\xF4\x8F\xBF\xBF") << false << false;
    QTest::newRow("overlong 2-byte") << QByteArray("\xC0\x80") << true << false;
    QTest::newRow("overlong 3-byte") << QByteArray("\xE0\x80\x80") << true << false;
    QTest::newRow("overlong 4-byte") << QByteArray("\xF0\x80\x80\x80") << true << false;
    QTest::newRow("surrogate") << QByteArray("\xED\xA0\x80") << true << false;
    QTest::newRow("above U+10FFFF") << QByteArray("\xF4\x90\x80\x80") << true << false;
    QTest::newRow("F5") << QByteArray("\xF5\x80\x80\x80") << true << false;
    QTest::newRow("lone continuation") << QByteArray("a\x80") << true << false;
    QTest::newRow("truncated") << QByteArray("a\xE8\x85") << false << true;
}

void TestCsvReader::scanUtf8Strict()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, invalid);
    QFETCH(bool, incomplete);
    const TextScan scan = scanUtf8(bytes);
    QCOMPARE(scan.invalid, invalid);
    QCOMPARE(scan.incomplete, incomplete);
    if (!invalid && !incomplete)
        QCOMPARE(scan.validBytes, bytes.size());
}

void TestCsvReader::decodeWholeBuffer()
{
    Result<DecodedText> r = TextDecoder::decode(kChinese.toUtf8());
    QVERIFY(r.ok());
    QCOMPARE(r->text, kChinese);
    QCOMPARE(r->encoding, TextEncoding::Utf8);

    r = TextDecoder::decode(QByteArray("\xEF\xBB\xBF" + kChinese.toUtf8()));
    QVERIFY(r.ok());
    QCOMPARE(r->text, kChinese);
    QCOMPARE(r->encoding, TextEncoding::Utf8Bom);

    r = TextDecoder::decode(gb18030(kChinese));
    QVERIFY(r.ok());
    QCOMPARE(r->text, kChinese);
    QCOMPARE(r->encoding, TextEncoding::Gb18030);

    r = TextDecoder::decode("ok\nok\n\xFF");
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, ErrorCode::Encoding);
    QVERIFY2(r.error().detail.contains(u"line 3"), qPrintable(r.error().detail));

    r = TextDecoder::decode(QByteArray("\xEF\xBB\xBF" + gb18030(kChinese)));
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, ErrorCode::Encoding);
}

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"
