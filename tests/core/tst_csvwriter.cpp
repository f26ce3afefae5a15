#include "core/csvreader.h"
#include "core/csvwriter.h"

#include <QBuffer>
#include <QSaveFile>
#include <QTemporaryDir>
#include <QtTest>
#include <cstring>

using namespace cardops::core;
using namespace Qt::StringLiterals;

namespace {

// Accepts `capacity` bytes, then fails every write like a full disk.
class FailingWriteDevice : public QIODevice
{
public:
    explicit FailingWriteDevice(qint64 capacity)
        : m_capacity(capacity)
    {}
    QByteArray written;
    int writeCalls = 0;

protected:
    qint64 readData(char*, qint64) override { return -1; }
    qint64 writeData(const char* data, qint64 len) override
    {
        ++writeCalls;
        const qint64 room = m_capacity - qint64(written.size());
        if (room <= 0) {
            setErrorString(QStringLiteral("No space left on device"));
            return -1;
        }
        const qint64 n = qMin(room, len); // a short write first, then the failure
        written.append(data, qsizetype(n));
        return n;
    }

private:
    qint64 m_capacity;
};

QByteArray writeOne(const QStringList& record, CsvWriteOptions options = {})
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    CsvWriter writer(&buffer, options);
    if (!writer.writeRecord(record).ok() || !writer.finish().ok())
        qFatal("write to QBuffer failed");
    return buffer.data();
}

} // namespace

class TestCsvWriter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void quoting_data();
    void quoting();
    void recordFormat();
    void withoutBom();
    void emptyOutput();
    void loneEmptyField();
    void tabDelimiter();
    void prefixAndLatin1Fields();
    void buffersInBlocks();
    void writeFailure();
    void writeFailureAtFinish();
    void saveFile();
    void roundTripThroughReader();
};

void TestCsvWriter::quoting_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("plain") << u"abc"_s << QByteArray("abc");
    QTest::newRow("empty among others") << u""_s << QByteArray("");
    QTest::newRow("delimiter") << u"a,b"_s << QByteArray("\"a,b\"");
    QTest::newRow("quote") << u"say \"hi\""_s << QByteArray("\"say \"\"hi\"\"\"");
    QTest::newRow("CR") << u"a\rb"_s << QByteArray("\"a\rb\"");
    QTest::newRow("LF") << u"a\nb"_s << QByteArray("\"a\nb\"");
    QTest::newRow("CRLF") << u"a\r\nb"_s << QByteArray("\"a\r\nb\"");
    QTest::newRow("leading space") << u" a"_s << QByteArray("\" a\"");
    QTest::newRow("trailing space") << u"a "_s << QByteArray("\"a \"");
    QTest::newRow("inner space") << u"a b"_s << QByteArray("a b");
    QTest::newRow("tab not quoted") << u"\t007"_s << QByteArray("\t007");
    QTest::newRow("chinese") << u"腾讯Q币"_s << QByteArray("\xE8\x85\xBE\xE8\xAE\xAFQ\xE5\xB8\x81");
    QTest::newRow("two-byte") << u"é"_s << QByteArray("\xC3\xA9");
    QTest::newRow("surrogate pair") << u"😀"_s << QByteArray("\xF0\x9F\x98\x80");
    QTest::newRow("lone surrogate") << QString(QChar(0xD800)) << QByteArray("\xEF\xBF\xBD");
}

void TestCsvWriter::quoting()
{
    QFETCH(QString, field);
    QFETCH(QByteArray, bytes);
    // Second field so an empty one is not the lone-empty-field case.
    QCOMPARE(writeOne({field, u"x"_s}), QByteArray("\xEF\xBB\xBF" + bytes + ",x\r\n"));
}

void TestCsvWriter::recordFormat()
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    CsvWriter writer(&buffer);
    QVERIFY(writer.writeRecord({u"a"_s, u"b"_s}).ok());
    QVERIFY(writer.writeRecord({u""_s, u"c"_s, u""_s}).ok());
    QVERIFY(writer.finish().ok());
    QCOMPARE(buffer.data(), QByteArray("\xEF\xBB\xBF"
                                       "a,b\r\n,c,\r\n"));
    QCOMPARE(writer.recordsWritten(), qint64(2));
}

void TestCsvWriter::withoutBom()
{
    CsvWriteOptions options;
    options.writeBom = false;
    QCOMPARE(writeOne({u"a"_s, u"b"_s}, options), QByteArray("a,b\r\n"));
}

void TestCsvWriter::emptyOutput()
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    CsvWriter writer(&buffer);
    QVERIFY(writer.finish().ok());
    QCOMPARE(buffer.data(), QByteArray("\xEF\xBB\xBF"));
}

void TestCsvWriter::loneEmptyField()
{
    // A one-column record with an empty value must not become a blank line.
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    CsvWriter writer(&buffer);
    QVERIFY(writer.writeRecord({u""_s}).ok());
    QVERIFY(writer.writeRecord({u"x"_s}).ok());
    QVERIFY(writer.finish().ok());
    QCOMPARE(buffer.data(), QByteArray("\xEF\xBB\xBF\"\"\r\nx\r\n"));

    buffer.close();
    buffer.open(QIODevice::ReadOnly);
    CsvReadOptions options;
    options.skipBlankLines = true;
    CsvReader reader(&buffer, options);
    QStringList fields;
    QVERIFY(reader.readRecord(fields));
    QCOMPARE(fields, QStringList{QString()});
    QVERIFY(reader.readRecord(fields));
    QCOMPARE(fields, QStringList{u"x"_s});
}

void TestCsvWriter::tabDelimiter()
{
    CsvWriteOptions options;
    options.delimiter = u'\t';
    options.writeBom = false;
    QCOMPARE(writeOne({u"a,b"_s, u"c\td"_s, u"\t1"_s}, options), QByteArray("a,b\t\"c\td\"\t\"\t1\"\r\n"));
}

void TestCsvWriter::prefixAndLatin1Fields()
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    CsvWriteOptions options;
    options.writeBom = false;
    CsvWriter writer(&buffer, options);
    writer.addField(u"\t", u"007310");
    writer.addField(u"'", u"=1+1");
    writer.addField(u"'", u"a,\"b\"");
    writer.addField(QLatin1StringView("2024-02-29 08:00:00"));
    writer.addField(QLatin1StringView("1,5"));
    writer.addField(QLatin1StringView("caf\xE9"));
    QVERIFY(writer.endRecord().ok());
    QVERIFY(writer.finish().ok());
    QCOMPARE(buffer.data(),
             QByteArray("\t007310,'=1+1,\"'a,\"\"b\"\"\",2024-02-29 08:00:00,\"1,5\",caf\xC3\xA9\r\n"));
}

void TestCsvWriter::buffersInBlocks()
{
    FailingWriteDevice device(std::numeric_limits<qint64>::max());
    QVERIFY(device.open(QIODevice::WriteOnly | QIODevice::Unbuffered));
    CsvWriteOptions options;
    options.bufferSize = 4096;
    CsvWriter writer(&device, options);
    for (int i = 0; i < 10000; ++i) {
        writer.addField(QString::number(i));
        writer.addField(u"腾讯Q币 100元"_s);
        QVERIFY(writer.endRecord().ok());
    }
    QVERIFY(writer.finish().ok());
    const qsizetype total = device.written.size();
    // One device write per ~4 KiB block, not one per field or record.
    QVERIFY2(device.writeCalls <= total / 4096 + 1, qPrintable(QString::number(device.writeCalls)));
    QVERIFY(device.writeCalls >= total / (4096 + 64));
}

void TestCsvWriter::writeFailure()
{
    FailingWriteDevice device(10000);
    QVERIFY(device.open(QIODevice::WriteOnly | QIODevice::Unbuffered));
    CsvWriteOptions options;
    options.bufferSize = 1024;
    CsvWriter writer(&device, options);
    Result<void> result;
    int records = 0;
    for (; records < 100000 && result.ok(); ++records) {
        writer.addField(QString(u"order-"_s + QString::number(records)));
        writer.addField(u"12.30"_s);
        result = writer.endRecord();
    }
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, ErrorCode::Io);
    QVERIFY2(result.error().detail.contains(u"No space left on device"), qPrintable(result.error().detail));
    QVERIFY(records < 2000);
    QVERIFY(writer.hasError());
    // Sticky: nothing more reaches the device, every later call reports the failure.
    const int calls = device.writeCalls;
    writer.addField(u"more"_s);
    QCOMPARE(writer.endRecord().error().code, ErrorCode::Io);
    QCOMPARE(writer.finish().error().code, ErrorCode::Io);
    QCOMPARE(device.writeCalls, calls);
}

void TestCsvWriter::writeFailureAtFinish()
{
    // Everything fits in the buffer: the failure only shows when finish() writes it.
    FailingWriteDevice device(5);
    QVERIFY(device.open(QIODevice::WriteOnly | QIODevice::Unbuffered));
    CsvWriter writer(&device);
    QVERIFY(writer.writeRecord({u"abc"_s, u"def"_s}).ok());
    const Result<void> result = writer.finish();
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, ErrorCode::Io);
}

void TestCsvWriter::saveFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"export.csv"_s);
    QSaveFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    CsvWriter writer(&file);
    for (int i = 0; i < 50000; ++i)
        QVERIFY(writer.writeRecord({QString::number(i), u"腾讯"_s}).ok());
    QVERIFY(writer.finish().ok());
    QVERIFY(file.commit());

    QFile in(path);
    QVERIFY(in.open(QIODevice::ReadOnly));
    CsvReader reader(&in);
    QStringList fields;
    int n = 0;
    while (reader.readRecord(fields)) {
        QCOMPARE(fields, (QStringList{QString::number(n), u"腾讯"_s}));
        ++n;
    }
    QVERIFY(!reader.hasError());
    QCOMPARE(n, 50000);
    QCOMPARE(reader.encoding(), TextEncoding::Utf8Bom);
}

void TestCsvWriter::roundTripThroughReader()
{
    const QStringList pool{u""_s,     u"plain"_s,    u"a,b"_s,      u"q\"uote"_s,
                           u"\"\""_s, u"l1\r\nl2"_s, u"cr\rlf\n"_s, u"腾讯Q币 100元,卡密----密码"_s,
                           u"😀€é"_s,  u" pad "_s,    u"\t007310"_s};
    QList<QStringList> records;
    for (int i = 0; i < 200; ++i)
        records.append({pool[i % pool.size()], pool[(i * 7 + 3) % pool.size()], pool[(i * 5) % pool.size()]});
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    CsvWriteOptions writeOptions;
    writeOptions.bufferSize = 100; // many flushes, fields cut between blocks
    CsvWriter writer(&buffer, writeOptions);
    for (const QStringList& record : std::as_const(records))
        QVERIFY(writer.writeRecord(record).ok());
    QVERIFY(writer.finish().ok());
    buffer.close();

    for (const qsizetype chunk : {qsizetype(1), qsizetype(7), qsizetype(64 * 1024)}) {
        QVERIFY(buffer.open(QIODevice::ReadOnly));
        CsvReadOptions options;
        options.chunkSize = chunk;
        CsvReader reader(&buffer, options);
        QList<QStringList> read;
        QStringList fields;
        while (reader.readRecord(fields))
            read.append(fields);
        QVERIFY2(!reader.hasError(), qPrintable(reader.error().detail));
        QCOMPARE(read, records);
        buffer.close();
    }
}

QTEST_GUILESS_MAIN(TestCsvWriter)
#include "tst_csvwriter.moc"
