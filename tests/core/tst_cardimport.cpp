#include "core/cardimport.h"

#include <QSet>
#include <QStringEncoder>
#include <QtTest>

using namespace cardops::core;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(cardops::core::CardImport::Source)

namespace {

QByteArray utf8(const QString& s)
{
    return s.toUtf8();
}

QByteArray utf8Bom(const QString& s)
{
    return QByteArray("\xEF\xBB\xBF") + s.toUtf8();
}

// What Notepad and Excel save as "ANSI" on a Chinese Windows.
QByteArray gb18030(const QString& s)
{
    QStringEncoder encoder("GB18030");
    const QByteArray out = encoder.encode(s);
    Q_ASSERT(!encoder.hasError());
    return out;
}

QString crlf(QString s)
{
    return s.replace(u"\n"_s, u"\r\n"_s);
}

// "line:code" for each invalid line, so a row states every problem exactly.
QStringList invalidOf(const CardImportPreview& p)
{
    QStringList out;
    for (const CardLineIssue& i : p.invalid)
        out << u"%1:%2"_s.arg(i.line).arg(cardLineProblemCode(i.problem));
    return out;
}

// "line<first" for each later occurrence.
QStringList duplicatesOf(const CardImportPreview& p)
{
    QStringList out;
    for (const CardDuplicate& d : p.duplicateInFile)
        out << u"%1<%2"_s.arg(d.line).arg(d.firstLine);
    return out;
}

CardImport importer(const QString& format, const QString& separator = {}, CardStockLookup inStock = {})
{
    auto f = CardFormat::parse(format, separator);
    if (!f)
        qFatal("bad format %s", qPrintable(format));
    return CardImport(*f, std::move(inStock));
}

} // namespace

// Card import preview (issue #9 item 4): every format, separator, encoding, BOM, line ending, blank
// and garbage line gives exact counts, and a re-import adds nothing.
class TestCardImport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void formats_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("separator");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<int>("fields");
        QTest::addColumn<QString>("joined");
        QTest::newRow("single") << u"single"_s << QString() << true << 1 << QString();
        QTest::newRow("number_password default") << u"number_password"_s << QString() << true << 2 << u" "_s;
        QTest::newRow("number_password ----") << u"number_password"_s << u"----"_s << true << 2 << u"----"_s;
        QTest::newRow("fields:3 default") << u"fields:3"_s << QString() << true << 3 << u"----"_s;
        QTest::newRow("fields:4 tab") << u"fields:4"_s << u"\t"_s << true << 4 << u"\t"_s;
        QTest::newRow("fields:1") << u"fields:1"_s << QString() << false << 0 << QString();
        QTest::newRow("fields:17") << u"fields:17"_s << QString() << false << 0 << QString();
        QTest::newRow("fields:x") << u"fields:x"_s << QString() << false << 0 << QString();
        QTest::newRow("unknown") << u"pin"_s << QString() << false << 0 << QString();
    }
    void formats()
    {
        QFETCH(QString, format);
        QFETCH(QString, separator);
        QFETCH(bool, valid);
        const auto f = CardFormat::parse(format, separator);
        QCOMPARE(f.ok(), valid);
        if (!valid) {
            QCOMPARE(f.error().code, ErrorCode::InvalidArgument);
            return;
        }
        QTEST(f->fieldCount, "fields");
        QTEST(f->separator, "joined");
        QCOMPARE(f->name(), format);
    }

    void preview_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("separator");
        QTest::addColumn<CardImport::Source>("source");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QStringList>("secrets"); // the new ones, normalised, in order
        QTest::addColumn<QStringList>("duplicates");
        QTest::addColumn<QStringList>("invalid");
        QTest::addColumn<int>("blank");
        QTest::addColumn<int>("lines");
        QTest::addColumn<TextEncoding>("encoding");

        const auto text = CardImport::Source::Text;
        const auto csv = CardImport::Source::Csv;
        const QString single = u"AAAA-1111\nBBBB-2222\n\nAAAA-1111\nbad code\n  CCCC-3333  \n"_s;
        QTest::newRow("single LF") << u"single"_s << QString() << text << utf8(single)
                                   << QStringList{u"AAAA-1111"_s, u"BBBB-2222"_s, u"CCCC-3333"_s}
                                   << QStringList{u"4<1"_s} << QStringList{u"5:field_count"_s} << 1 << 6
                                   << TextEncoding::Utf8;
        QTest::newRow("single CRLF BOM")
            << u"single"_s << QString() << text << utf8Bom(crlf(single))
            << QStringList{u"AAAA-1111"_s, u"BBBB-2222"_s, u"CCCC-3333"_s} << QStringList{u"4<1"_s}
            << QStringList{u"5:field_count"_s} << 1 << 6 << TextEncoding::Utf8Bom;
        QTest::newRow("single lone CR, no final line end")
            << u"single"_s << QString() << text << QByteArray("K1\rK2\r\rK1") << QStringList{u"K1"_s, u"K2"_s}
            << QStringList{u"4<1"_s} << QStringList{} << 1 << 4 << TextEncoding::Utf8;

        // number_password with the platform's default " ": tabs, runs of spaces, full-width spaces,
        // zero-width spaces all come down to one space; "----" and commas when no space is there.
        const QString space =
            u"1001 aaaa\n1002\tbbbb\n1001   aaaa\n\u30001003\u3000cccc\u200B\n1004----dddd\n"
            u"1005,eeee\n1006，ffff\n1007\n1008 gggg hhhh\n \t \n"_s;
        QTest::newRow("number_password space")
            << u"number_password"_s << QString() << text << utf8(space)
            << QStringList{u"1001 aaaa"_s, u"1002 bbbb"_s, u"1003 cccc"_s,
                           u"1004 dddd"_s, u"1005 eeee"_s, u"1006 ffff"_s}
            << QStringList{u"3<1"_s} << QStringList{u"8:field_count"_s, u"9:field_count"_s} << 1 << 10
            << TextEncoding::Utf8;
        const QString dashes = u"2001----p a s s\n2002 pw2\n2003--------x\n2004----\n2001 ---- p a s s\n"_s;
        QTest::newRow("number_password ----")
            << u"number_password"_s << u"----"_s << text << utf8(crlf(dashes))
            << QStringList{u"2001----p a s s"_s, u"2002----pw2"_s} << QStringList{u"5<1"_s}
            << QStringList{u"3:field_count"_s, u"4:empty_field"_s} << 0 << 5 << TextEncoding::Utf8;
        QTest::newRow("number_password |")
            << u"number_password"_s << u"|"_s << text << utf8(u"3001|x1\n3002 | x2\n3003\tx3\n3004|x|4\n"_s)
            << QStringList{u"3001|x1"_s, u"3002|x2"_s, u"3003|x3"_s} << QStringList{}
            << QStringList{u"4:field_count"_s} << 0 << 4 << TextEncoding::Utf8;
        QTest::newRow("number_password ,")
            << u"number_password"_s << u","_s << text << utf8(u"4001,y1\n4001 , y1\n4002 y2\n"_s)
            << QStringList{u"4001,y1"_s, u"4002,y2"_s} << QStringList{u"2<1"_s} << QStringList{} << 0 << 3
            << TextEncoding::Utf8;
        QTest::newRow("number_password tab")
            << u"number_password"_s << u"\t"_s << text << utf8(u"5001\tz1\n5002 z2\n5001  z1\n"_s)
            << QStringList{u"5001\tz1"_s, u"5002\tz2"_s} << QStringList{u"3<1"_s} << QStringList{} << 0 << 3
            << TextEncoding::Utf8;

        const QString fields3 = u"u1@qq.com----pw1----mail1\nu2@qq.com----pw2\nu3@qq.com\tpw3\tmail3\n"
                                u"u1@qq.com ---- pw1 ---- mail1\n\n\nu4@qq.com--------mail4\n"_s;
        QTest::newRow("fields:3 ----")
            << u"fields:3"_s << QString() << text << utf8(fields3)
            << QStringList{u"u1@qq.com----pw1----mail1"_s, u"u3@qq.com----pw3----mail3"_s}
            << QStringList{u"4<1"_s} << QStringList{u"2:field_count"_s, u"7:empty_field"_s} << 2 << 7
            << TextEncoding::Utf8;
        QTest::newRow("fields:4 #") << u"fields:4"_s << u"#"_s << text << utf8(u"a#b#c#d\na b c d\na#b#c\n"_s)
                                    << QStringList{u"a#b#c#d"_s} << QStringList{u"2<1"_s}
                                    << QStringList{u"3:field_count"_s} << 0 << 3 << TextEncoding::Utf8;

        // Chinese fields in every encoding a Chinese Windows saves.
        const QString chinese = u"账号一----密码一\n账号二----密码二\n\n账号一----密码一\n乱码行\n"_s;
        const QStringList chineseNew = {u"账号一----密码一"_s, u"账号二----密码二"_s};
        QTest::newRow("GB18030 LF") << u"number_password"_s << u"----"_s << text << gb18030(chinese)
                                    << chineseNew << QStringList{u"4<1"_s} << QStringList{u"5:field_count"_s}
                                    << 1 << 5 << TextEncoding::Gb18030;
        QTest::newRow("GB18030 CRLF")
            << u"number_password"_s << u"----"_s << text << gb18030(crlf(chinese)) << chineseNew
            << QStringList{u"4<1"_s} << QStringList{u"5:field_count"_s} << 1 << 5 << TextEncoding::Gb18030;
        QTest::newRow("UTF-8 Chinese")
            << u"number_password"_s << u"----"_s << text << utf8(chinese) << chineseNew
            << QStringList{u"4<1"_s} << QStringList{u"5:field_count"_s} << 1 << 5 << TextEncoding::Utf8;
        QTest::newRow("UTF-8 BOM CRLF Chinese")
            << u"number_password"_s << u"----"_s << text << utf8Bom(crlf(chinese)) << chineseNew
            << QStringList{u"4<1"_s} << QStringList{u"5:field_count"_s} << 1 << 5 << TextEncoding::Utf8Bom;

        // Garbage: control characters (a binary file pasted), an over-long field.
        QTest::newRow("garbage") << u"single"_s << QString() << text
                                 << (QByteArray("OK-1\nbin\x01ary\nDEL\x7F\n") + QByteArray(300, 'x') +
                                     QByteArray("\nOK-2"))
                                 << QStringList{u"OK-1"_s, u"OK-2"_s} << QStringList{}
                                 << QStringList{u"2:control_character"_s, u"3:control_character"_s,
                                                u"4:too_long"_s}
                                 << 0 << 5 << TextEncoding::Utf8;
        QTest::newRow("blank only") << u"single"_s << QString() << text << QByteArray("\r\n \r\n\t\n")
                                    << QStringList{} << QStringList{} << QStringList{} << 3 << 3
                                    << TextEncoding::Utf8;
        QTest::newRow("empty") << u"fields:3"_s << QString() << text << QByteArray() << QStringList{}
                               << QStringList{} << QStringList{} << 0 << 0 << TextEncoding::Utf8;

        // CSV: a header row of column titles, cells as fields, quoted cells, Excel's trailing empty
        // cells, one-cell rows split like text, a blank row of commas.
        const QString sheet =
            u"卡号,密码\n6001,pw1\n,\n6002,pw2,,\n\"6003\",\"p,w3\"\n6004 pw4\n6005\n6001,pw1\n"
            u"6006,pw6,extra\n"_s;
        const QStringList sheetNew = {u"6001 pw1"_s, u"6002 pw2"_s, u"6003 p,w3"_s, u"6004 pw4"_s};
        const QStringList sheetInvalid = {u"7:field_count"_s, u"9:field_count"_s};
        QTest::newRow("csv UTF-8 BOM CRLF")
            << u"number_password"_s << QString() << csv << utf8Bom(crlf(sheet)) << sheetNew
            << QStringList{u"8<2"_s} << sheetInvalid << 1 << 9 << TextEncoding::Utf8Bom;
        QTest::newRow("csv GB18030 LF")
            << u"number_password"_s << QString() << csv << gb18030(sheet) << sheetNew << QStringList{u"8<2"_s}
            << sheetInvalid << 1 << 9 << TextEncoding::Gb18030;
        QTest::newRow("csv single column")
            << u"single"_s << QString() << csv << utf8(u"激活码\r\nCDK-1\r\n\r\nCDK-2,\r\nCDK-1\r\n"_s)
            << QStringList{u"CDK-1"_s, u"CDK-2"_s} << QStringList{u"5<2"_s} << QStringList{} << 1 << 5
            << TextEncoding::Utf8;
        QTest::newRow("csv fields:3")
            << u"fields:3"_s << QString() << csv << utf8(u"a1,p1,m1\na2----p2----m2\na3,,m3\n"_s)
            << QStringList{u"a1----p1----m1"_s, u"a2----p2----m2"_s} << QStringList{}
            << QStringList{u"3:empty_field"_s} << 0 << 3 << TextEncoding::Utf8;
        QTest::newRow("csv unterminated quote")
            << u"number_password"_s << QString() << csv << utf8(u"7001,a\n\"7002,b\n7003,c\n"_s)
            << QStringList{u"7001 a"_s} << QStringList{} << QStringList{u"2:csv_syntax"_s} << 0 << 2
            << TextEncoding::Utf8;
    }
    void preview()
    {
        QFETCH(QString, format);
        QFETCH(QString, separator);
        QFETCH(CardImport::Source, source);
        QFETCH(QByteArray, bytes);
        const auto p = importer(format, separator).previewBytes(bytes, source);
        QVERIFY2(p.ok(), qPrintable(p.ok() ? QString() : p.error().detail));
        QTEST(p->newSecrets, "secrets");
        QTEST(duplicatesOf(*p), "duplicates");
        QTEST(invalidOf(*p), "invalid");
        QCOMPARE(p->alreadyInStock.size(), 0); // offline
        QTEST(int(p->blankLines), "blank");
        QTEST(int(p->lines), "lines");
        QTEST(p->encoding, "encoding");
        QCOMPARE(p->newLines.size(), p->newSecrets.size());
        // Nothing but counts and positions in the details: never a secret or a part of one.
        for (const CardLineIssue& issue : p->invalid) {
            for (const QString& word : {u"bad"_s, u"1007"_s, u"gggg"_s, u"乱码"_s, u"xxxx"_s, u"7002"_s})
                QVERIFY2(!issue.detail.contains(word), qPrintable(issue.detail));
        }
    }

    void headerOnlyOnFirstLine()
    {
        const auto p = importer(u"number_password"_s).previewText(u"\n卡号 密码\nnumber password\n"_s);
        QVERIFY(p.headerSkipped);
        QCOMPARE(p.newSecrets, QStringList{u"number password"_s});
        const auto late = importer(u"number_password"_s).previewText(u"garbage\n卡号 密码\n"_s);
        QVERIFY(!late.headerSkipped);
        QCOMPARE(late.newSecrets, QStringList{u"卡号 密码"_s});
    }

    void pastedTextWithBom()
    {
        const auto p = importer(u"single"_s).previewText(u"\uFEFFCDK-9\r\nCDK-9"_s);
        QCOMPARE(p.newSecrets, QStringList{u"CDK-9"_s});
        QCOMPARE(p.duplicateInFile.size(), 1);
    }

    void notTextIsAnEncodingError()
    {
        const auto p =
            importer(u"single"_s).previewBytes(QByteArray("ok\n\xFF\xFE\xFF\n"), CardImport::Source::Text);
        QVERIFY(!p.ok());
        QCOMPARE(p.error().code, ErrorCode::Encoding);
        const auto c =
            importer(u"single"_s).previewBytes(QByteArray("ok\n\xFF\xFE\xFF\n"), CardImport::Source::Csv);
        QVERIFY(!c.ok());
        QCOMPARE(c.error().code, ErrorCode::Encoding);
    }

    void sourceFromFileName()
    {
        QCOMPARE(CardImport::sourceForFileName(u"cards.CSV"), CardImport::Source::Csv);
        QCOMPARE(CardImport::sourceForFileName(u"cards.txt"), CardImport::Source::Text);
        QCOMPARE(CardImport::sourceForFileName(u"-"), CardImport::Source::Text);
    }

    // Re-importing a file against a stock made of its own secrets adds nothing; in-file duplicates
    // and invalid lines stay what they were.
    void reimportAddsNothing_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("separator");
        QTest::addColumn<CardImport::Source>("source");
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("number_password GB18030")
            << u"number_password"_s << u"----"_s << CardImport::Source::Text
            << gb18030(u"账号一----密码一\r\n账号二 密码二\r\n账号一----密码一\r\n坏\r\n"_s);
        QTest::newRow("fields:3 csv") << u"fields:3"_s << QString() << CardImport::Source::Csv
                                      << utf8Bom(u"a,b,c\r\nd,e,f\r\nd,e,f\r\ng,h\r\n"_s);
    }
    void reimportAddsNothing()
    {
        QFETCH(QString, format);
        QFETCH(QString, separator);
        QFETCH(CardImport::Source, source);
        QFETCH(QByteArray, bytes);
        const auto first = importer(format, separator).previewBytes(bytes, source);
        QVERIFY(first.ok());
        QVERIFY(!first->newSecrets.isEmpty());
        QSet<QByteArray> stock;
        for (const QString& s : first->newSecrets)
            stock.insert(cardFingerprint(s));
        const auto again = importer(format, separator, [&stock](const QByteArray& fp) {
                               return stock.contains(fp);
                           }).previewBytes(bytes, source);
        QVERIFY(again.ok());
        QCOMPARE(again->newSecrets.size(), 0);
        QCOMPARE(again->alreadyInStock, first->newLines);
        QCOMPARE(duplicatesOf(*again), duplicatesOf(*first));
        QCOMPARE(invalidOf(*again), invalidOf(*first));
    }
};

QTEST_GUILESS_MAIN(TestCardImport)
#include "tst_cardimport.moc"
