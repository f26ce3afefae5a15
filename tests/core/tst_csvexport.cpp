#include "core/csvexport.h"
#include "core/csvreader.h"

#include <QBuffer>
#include <QDateTime>
#include <QStringEncoder>
#include <QtTest>

using namespace cardops::core;
using namespace Qt::StringLiterals;

namespace {

Money money(const char* text)
{
    const Result<Money> m = Money::parse(QString::fromLatin1(text));
    if (!m)
        qFatal("bad money literal in test: %s", text);
    return *m;
}

QString reference(qint64 t)
{
    return QDateTime::fromSecsSinceEpoch(t, Qt::OffsetFromUTC, 8 * 3600).toString(u"yyyy-MM-dd HH:mm:ss"_s);
}

// Accepts `capacity` bytes, then fails like a full disk.
class FullDisk : public QIODevice
{
public:
    explicit FullDisk(qint64 capacity)
        : m_capacity(capacity)
    {}

protected:
    qint64 readData(char*, qint64) override { return -1; }
    qint64 writeData(const char*, qint64 len) override
    {
        if (m_written >= m_capacity) {
            setErrorString(QStringLiteral("No space left on device"));
            return -1;
        }
        const qint64 n = qMin(len, m_capacity - m_written);
        m_written += n;
        return n;
    }

private:
    qint64 m_capacity;
    qint64 m_written = 0;
};

const QList<CsvColumn> kColumns{
    {u"订单号"_s, CsvColumnKind::Identifier}, {u"商品"_s, CsvColumnKind::Text},
    {u"金额"_s, CsvColumnKind::Money},        {u"单价"_s, CsvColumnKind::Money, 4},
    {u"数量"_s, CsvColumnKind::Integer},      {u"时间"_s, CsvColumnKind::Time},
    {u"卡密"_s, CsvColumnKind::Identifier},
};

struct ReadBack
{
    QList<QStringList> raw;
    QList<QVariantList> values;
    QString error;
};

ReadBack readBack(QByteArray bytes, const QList<CsvColumn>& columns, qsizetype chunk)
{
    ReadBack out;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    CsvReadOptions options;
    options.chunkSize = chunk;
    CsvReader reader(&buffer, options);
    const CsvImportDecoder decoder(columns);
    QStringList fields;
    bool header = true;
    while (reader.readRecord(fields)) {
        if (header) {
            header = false;
            if (const Result<void> ok = decoder.checkHeader(fields); !ok)
                out.error = ok.error().detail;
            continue;
        }
        out.raw.append(fields);
        Result<QVariantList> row = decoder.decodeRow(fields);
        if (!row) {
            out.error = u"line "_s + QString::number(reader.recordStartLine()) + u": "_s + row.error().detail;
            return out;
        }
        out.values.append(std::move(row).value());
    }
    if (reader.hasError())
        out.error = reader.error().detail;
    return out;
}

} // namespace

class TestCsvExport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void timeFormat_data();
    void timeFormat();
    void timeAgainstQDateTime();
    void timeParseRejects_data();
    void timeParseRejects();
    void exactBytes();
    void hostileRoundTrip();
    void gbkInputDecodes();
    void typedCellsMatchVariants();
    void wrongValuesFailTheExport();
    void decoderErrors();
    void writeFailure();
};

void TestCsvExport::timeFormat_data()
{
    QTest::addColumn<qint64>("t");
    QTest::addColumn<QString>("text");
    QTest::newRow("epoch") << qint64(0) << u"1970-01-01 08:00:00"_s;
    QTest::newRow("local midnight 1970") << qint64(-28800) << u"1970-01-01 00:00:00"_s;
    QTest::newRow("before 1970") << qint64(-28801) << u"1969-12-31 23:59:59"_s;
    QTest::newRow("leap day 2024") << qint64(1709136000) << u"2024-02-29 00:00:00"_s;
    QTest::newRow("leap day 2000") << qint64(951753600) << u"2000-02-29 00:00:00"_s;
    QTest::newRow("year end local") << qint64(1704038399) << u"2023-12-31 23:59:59"_s;
    QTest::newRow("new year local") << qint64(1704038400) << u"2024-01-01 00:00:00"_s;
    QTest::newRow("UTC new year is 08:00") << qint64(1704067200) << u"2024-01-01 08:00:00"_s;
    QTest::newRow("first") << qint64(-62135596800LL - 28800) << u"0001-01-01 00:00:00"_s;
    QTest::newRow("last") << qint64(253402300799LL - 28800) << u"9999-12-31 23:59:59"_s;
}

void TestCsvExport::timeFormat()
{
    QFETCH(qint64, t);
    QFETCH(QString, text);
    QCOMPARE(formatShanghaiTime(t), text);
    const Result<qint64> back = parseShanghaiTime(text);
    QVERIFY(back.ok());
    QCOMPARE(*back, t);
}

void TestCsvExport::timeAgainstQDateTime()
{
    // 1900..2100 in steps that drift through every time of day, plus every leap day and the
    // seconds around every new year in the range.
    QList<qint64> samples;
    for (qint64 t = -2208988800LL; t < 4102444800LL; t += 86400LL * 3 + 3607)
        samples.append(t);
    for (int year = 1900; year <= 2100; ++year) {
        const qint64 newYear =
            QDateTime(QDate(year, 1, 1), QTime(0, 0), Qt::OffsetFromUTC, 28800).toSecsSinceEpoch();
        for (qint64 d = -2; d <= 2; ++d)
            samples.append(newYear + d);
        if (QDate::isLeapYear(year)) {
            const qint64 leap =
                QDateTime(QDate(year, 2, 29), QTime(12, 0), Qt::OffsetFromUTC, 28800).toSecsSinceEpoch();
            samples << leap - 43201 << leap << leap + 43199 << leap + 43200;
        }
    }
    QVERIFY(samples.size() > 20000);
    for (const qint64 t : std::as_const(samples)) {
        const QString mine = formatShanghaiTime(t);
        if (mine != reference(t))
            QFAIL(qPrintable(u"t="_s + QString::number(t) + u": "_s + mine + u" vs "_s + reference(t)));
        const Result<qint64> back = parseShanghaiTime(mine);
        if (!back.ok() || *back != t)
            QFAIL(qPrintable(u"parse back failed for "_s + mine));
    }
    QVERIFY(formatShanghaiTime(-62135596800LL - 28801).isEmpty());
    QVERIFY(formatShanghaiTime(253402300800LL - 28800).isEmpty());
}

void TestCsvExport::timeParseRejects_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("date only") << u"2024-02-29"_s;
    QTest::newRow("no leap day 2023") << u"2023-02-29 00:00:00"_s;
    QTest::newRow("no leap day 1900") << u"1900-02-29 00:00:00"_s;
    QTest::newRow("month 13") << u"2024-13-01 00:00:00"_s;
    QTest::newRow("day 0") << u"2024-01-00 00:00:00"_s;
    QTest::newRow("hour 24") << u"2024-01-01 24:00:00"_s;
    QTest::newRow("second 60") << u"2024-01-01 00:00:60"_s;
    QTest::newRow("T separator") << u"2024-01-01T00:00:00"_s;
    QTest::newRow("slashes") << u"2024/01/01 00:00:00"_s;
    QTest::newRow("fullwidth digit") << u"２024-01-01 00:00:00"_s;
    QTest::newRow("year 0") << u"0000-01-01 00:00:00"_s;
}

void TestCsvExport::timeParseRejects()
{
    QFETCH(QString, text);
    const Result<qint64> r = parseShanghaiTime(text);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, ErrorCode::Parse);
}

void TestCsvExport::exactBytes()
{
    // Pins the format itself: BOM, CRLF, TAB before identifiers, ' before formula-like text,
    // plain negative money with fixed places, Shanghai time, quoting.
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    CsvExportWriter writer(&buffer, kColumns);
    QVERIFY(writer.writeHeader().ok());
    QVERIFY(writer
                .writeRow({u"12345678901234567890"_s, u"=SUM(A1)"_s, QVariant::fromValue(money("-12.3")),
                           QVariant::fromValue(money("0.985")), qint64(-2), qint64(1709136000), u"007310"_s})
                .ok());
    QVERIFY(
        writer.writeRow({u"A1"_s, u"说明,含逗号"_s, QVariant(), QVariant(), QVariant(), QVariant(), u"-1"_s})
            .ok());
    QVERIFY(writer.finish().ok());
    const QByteArray expected =
        QByteArray("\xEF\xBB\xBF") +
        QString(u"订单号,商品,金额,单价,数量,时间,卡密\r\n"
                u"\t12345678901234567890,'=SUM(A1),-12.30,0.9850,-2,2024-02-29 00:00:00,\t007310\r\n"
                u"\tA1,\"说明,含逗号\",,,,,\t'-1\r\n"_s)
            .toUtf8();
    QCOMPARE(buffer.data(), expected);
}

void TestCsvExport::hostileRoundTrip()
{
    const QStringList texts{u"say \"hi\", ok"_s,
                            u"line1\nline2"_s,
                            u"line1\r\nline2\rline3"_s,
                            u"=cmd|' /C calc'!A0"_s,
                            u"+1"_s,
                            u"-2"_s,
                            u"@SUM(A1)"_s,
                            u"'already quoted"_s,
                            u"''"_s,
                            u"\ttab first"_s,
                            u"\rcr first"_s,
                            u"腾讯Q币 100元,卡密----密码"_s,
                            u" padded "_s,
                            u""_s,
                            u"😀 emoji"_s};
    const QStringList ids{u"12345678901234567890"_s, u"007310"_s, u"=1+1"_s, u"-5"_s, u"'x"_s, u"\t"_s,
                          u"卡号----密码"_s,         u"a\"b"_s,   u""_s};
    const QList<Money> amounts{money("-12.30"), money("0"), money("123456.78"), money("-0.01")};
    const QList<qint64> times{0, 1709136000, -28800, 1704038399, 4102444799LL};
    const QList<qint64> counts{0, -2, 9223372036854775807LL, -9223372036854775807LL - 1};

    QList<QVariantList> rows;
    for (qsizetype i = 0; i < texts.size() * ids.size(); ++i) {
        rows.append({ids[i % ids.size()], texts[i % texts.size()],
                     QVariant::fromValue(amounts[i % amounts.size()]), QVariant::fromValue(money("0.9850")),
                     counts[i % counts.size()], times[i % times.size()],
                     ids[(i / texts.size()) % ids.size()]});
    }
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    CsvExportWriter writer(&buffer, kColumns);
    QVERIFY(writer.writeHeader().ok());
    for (const QVariantList& row : std::as_const(rows))
        QVERIFY(writer.writeRow(row).ok());
    QVERIFY(writer.finish().ok());

    for (const qsizetype chunk : {qsizetype(7), qsizetype(64 * 1024)}) {
        const ReadBack back = readBack(buffer.data(), kColumns, chunk);
        QVERIFY2(back.error.isEmpty(), qPrintable(back.error));
        QCOMPARE(back.values.size(), rows.size());
        for (qsizetype r = 0; r < rows.size(); ++r) {
            for (qsizetype c = 0; c < kColumns.size(); ++c) {
                const QVariant& in = rows[r][c];
                const QVariant& out = back.values[r][c];
                if (kColumns[c].kind == CsvColumnKind::Money)
                    QCOMPARE(out.value<Money>(), in.value<Money>());
                else if (kColumns[c].kind == CsvColumnKind::Text ||
                         kColumns[c].kind == CsvColumnKind::Identifier)
                    QCOMPARE(out.toString(), in.toString());
                else
                    QCOMPARE(out.toLongLong(), in.toLongLong());
                QCOMPARE(out.typeId(), kColumns[c].kind == CsvColumnKind::Money ? qMetaTypeId<Money>()
                                       : kColumns[c].kind == CsvColumnKind::Text ||
                                               kColumns[c].kind == CsvColumnKind::Identifier
                                           ? int(QMetaType::QString)
                                           : int(QMetaType::LongLong));
            }
            // What Excel sees: no text or identifier cell starts a formula; money and counts stay numbers.
            const QStringList& raw = back.raw[r];
            for (qsizetype c = 0; c < kColumns.size(); ++c) {
                const QString& cell = raw[c];
                switch (kColumns[c].kind) {
                case CsvColumnKind::Text:
                    QVERIFY2(cell.isEmpty() || !QStringView(u"=+-@\t\r").contains(cell.front()),
                             qPrintable(cell));
                    break;
                case CsvColumnKind::Identifier:
                    QVERIFY(cell.startsWith(u'\t'));
                    QVERIFY2(cell.size() == 1 || !QStringView(u"=+-@\t\r").contains(cell.at(1)),
                             qPrintable(cell));
                    break;
                case CsvColumnKind::Money:
                case CsvColumnKind::Integer:
                    QVERIFY(!cell.startsWith(u'\''));
                    break;
                case CsvColumnKind::Time:
                    QCOMPARE(cell.size(), qsizetype(19));
                    break;
                }
            }
        }
    }
    // The negative amount is written as a plain number.
    QVERIFY(buffer.data().contains(",-12.30,"));
}

void TestCsvExport::gbkInputDecodes()
{
    // An operator's file saved as GBK by Excel: identifiers with the TAB, text with the quote.
    const QList<CsvColumn> columns{{u"卡号"_s, CsvColumnKind::Identifier}, {u"说明"_s, CsvColumnKind::Text}};
    const QString text =
        u"卡号,说明\r\n\t007310,腾讯Q币 100元\r\n\t12345678901234567890,\"'=卡密----密码\"\r\n"_s;
    QStringEncoder encoder("GB18030");
    const QByteArray gbk = encoder.encode(text);
    QVERIFY(!encoder.hasError());
    const ReadBack back = readBack(gbk, columns, 5);
    QVERIFY2(back.error.isEmpty(), qPrintable(back.error));
    QCOMPARE(back.values.size(), qsizetype(2));
    QCOMPARE(back.values[0][0].toString(), u"007310"_s);
    QCOMPARE(back.values[0][1].toString(), u"腾讯Q币 100元"_s);
    QCOMPARE(back.values[1][0].toString(), u"12345678901234567890"_s);
    QCOMPARE(back.values[1][1].toString(), u"=卡密----密码"_s);
}

void TestCsvExport::typedCellsMatchVariants()
{
    QBuffer a;
    a.open(QIODevice::WriteOnly);
    CsvExportWriter viaVariants(&a, kColumns);
    QVERIFY(viaVariants
                .writeRow({u"1"_s, u"-x"_s, QVariant::fromValue(money("5")),
                           QVariant::fromValue(money("1.5")), qint64(3), qint64(0), 42})
                .ok());
    QVERIFY(viaVariants.finish().ok());

    QBuffer b;
    b.open(QIODevice::WriteOnly);
    CsvExportWriter typed(&b, kColumns);
    typed.addIdentifier(u"1");
    typed.addText(u"-x");
    typed.addMoney(money("5"));
    typed.addMoney(money("1.5"));
    typed.addInteger(3);
    typed.addTime(0);
    typed.addIdentifier(u"42");
    QVERIFY(typed.endRow().ok());
    QVERIFY(typed.finish().ok());
    QCOMPARE(b.data(), a.data());
    QVERIFY(a.data().endsWith("\t1,'-x,5.00,1.5000,3,1970-01-01 08:00:00,\t42\r\n"));
}

void TestCsvExport::wrongValuesFailTheExport()
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    CsvExportWriter writer(&buffer, kColumns);
    // A money value as text is a programming error, not something to write.
    Result<void> r =
        writer.writeRow({u"1"_s, u"x"_s, u"12.30"_s, QVariant(), QVariant(), QVariant(), QVariant()});
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, ErrorCode::InvalidArgument);
    QVERIFY2(r.error().detail.contains(u"金额"), qPrintable(r.error().detail));
    // Sticky: later rows and finish() fail too, so the caller never commits the file.
    r = writer.writeRow({u"1"_s, u"x"_s, QVariant(), QVariant(), QVariant(), QVariant(), QVariant()});
    QCOMPARE(r.error().code, ErrorCode::InvalidArgument);
    QCOMPARE(writer.finish().error().code, ErrorCode::InvalidArgument);

    QBuffer other;
    other.open(QIODevice::WriteOnly);
    CsvExportWriter short_(&other, kColumns);
    QCOMPARE(short_.writeRow({u"1"_s}).error().code, ErrorCode::InvalidArgument);

    QBuffer typedBuffer;
    typedBuffer.open(QIODevice::WriteOnly);
    CsvExportWriter typed(&typedBuffer, kColumns);
    typed.addText(u"not an identifier column");
    QCOMPARE(typed.endRow().error().code, ErrorCode::InvalidArgument);
}

void TestCsvExport::decoderErrors()
{
    const CsvImportDecoder decoder(kColumns);
    QStringList fields{u"\t1"_s, u"x"_s, u"12,30"_s, u""_s, u""_s, u""_s, u""_s};
    Result<QVariantList> r = decoder.decodeRow(fields);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, ErrorCode::Parse);
    QVERIFY2(r.error().detail.startsWith(u"column 3 (金额)"), qPrintable(r.error().detail));

    fields[2] = u""_s;
    fields[5] = u"2024-02-30 00:00:00"_s;
    r = decoder.decodeRow(fields);
    QVERIFY(!r.ok());
    QVERIFY2(r.error().detail.startsWith(u"column 6 (时间)"), qPrintable(r.error().detail));

    fields[5] = u""_s;
    fields[4] = u"1.5"_s;
    QVERIFY(!decoder.decodeRow(fields).ok());

    fields[4] = u""_s;
    r = decoder.decodeRow(fields);
    QVERIFY(r.ok());
    QVERIFY(r->at(2).isNull());
    QVERIFY(r->at(5).isNull());

    QVERIFY(!decoder.decodeRow({u"\t1"_s}).ok());
    QVERIFY(!decoder.checkHeader({u"订单号"_s}).ok());
    QVERIFY(
        decoder.checkHeader({u"订单号"_s, u"商品"_s, u"金额"_s, u"单价"_s, u"数量"_s, u"时间"_s, u"卡密"_s})
            .ok());
}

void TestCsvExport::writeFailure()
{
    FullDisk device(100000);
    QVERIFY(device.open(QIODevice::WriteOnly | QIODevice::Unbuffered));
    CsvExportWriter writer(&device, kColumns);
    QVERIFY(writer.writeHeader().ok());
    Result<void> r;
    for (int i = 0; i < 1000000 && r.ok(); ++i) {
        r = writer.writeRow({QString::number(i), u"商品"_s, QVariant::fromValue(money("1")),
                             QVariant::fromValue(money("1")), qint64(1), qint64(0), u"x"_s});
    }
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, ErrorCode::Io);
    QCOMPARE(writer.finish().error().code, ErrorCode::Io);
}

QTEST_GUILESS_MAIN(TestCsvExport)
#include "tst_csvexport.moc"
