#include "core/batchorderlines.h"

#include <QStringEncoder>
#include <QtTest>

using namespace cardops::core;
using namespace Qt::StringLiterals;

// One expected line: "lineNo:account:quantity:problem" with the problem as its enum number.
struct Expected
{
    qint64 lineNo;
    QString account;
    qint64 quantity;
    BatchProblem problem;
    qint64 duplicateOf = 0;
};
Q_DECLARE_METATYPE(QList<Expected>)

class TstBatchOrderLines : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void validation_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("input");
        QTest::addColumn<QList<Expected>>("expected");
        using P = BatchProblem;
        QTest::newRow("direct: account and default quantity")
            << u"direct"_s << u"13800000001\n13800000002,3\n"_s
            << QList<Expected>{{1, u"13800000001"_s, 1, P::None}, {2, u"13800000002"_s, 3, P::None}};
        QTest::newRow("direct: empty account, line numbers skip blanks")
            << u"direct"_s << u"13800000001\n\n  ,2\n13800000003"_s
            << QList<Expected>{{1, u"13800000001"_s, 1, P::None},
                               {3, u""_s, 2, P::EmptyAccount},
                               {4, u"13800000003"_s, 1, P::None}};
        QTest::newRow("quantity not a positive integer")
            << u"direct"_s << u"a1,0\na2,-1\na3,2.5\na4,x\na5, 7 "_s
            << QList<Expected>{{1, u"a1"_s, 0, P::BadQuantity},
                               {2, u"a2"_s, 0, P::BadQuantity},
                               {3, u"a3"_s, 0, P::BadQuantity},
                               {4, u"a4"_s, 0, P::BadQuantity},
                               {5, u"a5"_s, 7, P::None}};
        QTest::newRow("quantity above the cap")
            << u"direct"_s << u"a1,1000\na2,1001"_s
            << QList<Expected>{{1, u"a1"_s, 1000, P::None}, {2, u"a2"_s, 1001, P::QuantityAboveCap}};
        QTest::newRow("duplicate account is a warning naming the first line")
            << u"direct"_s << u"a1\na2\na1,2\na1"_s
            << QList<Expected>{{1, u"a1"_s, 1, P::None},
                               {2, u"a2"_s, 1, P::None},
                               {3, u"a1"_s, 2, P::DuplicateAccount, 1},
                               {4, u"a1"_s, 1, P::DuplicateAccount, 1}};
        QTest::newRow("card goods takes no account")
            << u"card"_s << u",5\nabc,1\n,"_s
            << QList<Expected>{{1, u""_s, 5, P::None}, {2, u"abc"_s, 1, P::AccountOnCard}};
        QTest::newRow("too many columns")
            << u"direct"_s << u"a1,1,extra\na2,1,,"_s
            << QList<Expected>{{1, u"a1"_s, 1, P::TooManyFields}, {2, u"a2"_s, 1, P::None}};
        QTest::newRow("header skipped, quoted fields, CRLF")
            << u"direct"_s << u"充值账号,数量\r\n\"a,1\",2\r\na2,1\r\n"_s
            << QList<Expected>{{2, u"a,1"_s, 2, P::None}, {3, u"a2"_s, 1, P::None}};
        QTest::newRow("malformed CSV stops with the line")
            << u"direct"_s << u"a1,1\na2,2\n\"a3,3\na4"_s
            << QList<Expected>{
                   {1, u"a1"_s, 1, P::None}, {2, u"a2"_s, 2, P::None}, {3, u""_s, 0, P::Malformed}};
    }

    void validation()
    {
        QFETCH(QString, kind);
        QFETCH(QString, input);
        QFETCH(QList<Expected>, expected);
        BatchParse parsed = parseBatchText(input);
        validateBatch(parsed.lines, kind, Money::fromUnits(9'8500));
        QCOMPARE(parsed.lines.size(), expected.size());
        for (qsizetype i = 0; i < expected.size(); ++i) {
            const BatchOrderLine& got = parsed.lines.at(i);
            const Expected& want = expected.at(i);
            QCOMPARE(got.lineNo, want.lineNo);
            QCOMPARE(got.problem, want.problem);
            if (want.problem == BatchProblem::Malformed) {
                QVERIFY(!BatchOrderText::problem(got).isEmpty());
                continue;
            }
            QCOMPARE(got.chargeAccount, want.account);
            QCOMPARE(got.quantity, want.quantity);
            QCOMPARE(got.duplicateOf, want.duplicateOf);
            QCOMPARE(BatchOrderText::problem(got).isEmpty(), want.problem == BatchProblem::None);
            QCOMPARE(got.blocked(),
                     want.problem != BatchProblem::None && want.problem != BatchProblem::DuplicateAccount);
        }
    }

    void encodings_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("encoding");
        const QString text = u"张三账号,2\n李四账号\n"_s;
        QStringEncoder gb("GB18030");
        QTest::newRow("utf-8") << text.toUtf8() << int(TextEncoding::Utf8);
        QTest::newRow("utf-8 bom") << QByteArray("\xEF\xBB\xBF") + text.toUtf8()
                                   << int(TextEncoding::Utf8Bom);
        QTest::newRow("gb18030") << QByteArray(gb.encode(text)) << int(TextEncoding::Gb18030);
    }

    void encodings()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, encoding);
        BatchParse parsed = parseBatchBytes(bytes);
        validateBatch(parsed.lines, u"direct"_s, Money::fromYuan(1));
        QCOMPARE(int(parsed.encoding), encoding);
        QCOMPARE(parsed.lines.size(), 2);
        QCOMPARE(parsed.lines.at(0).chargeAccount, u"张三账号"_s);
        QCOMPARE(parsed.lines.at(0).quantity, 2);
        QCOMPARE(parsed.lines.at(0).problem, BatchProblem::None);
        QCOMPARE(parsed.lines.at(1).chargeAccount, u"李四账号"_s);
        QCOMPARE(parsed.lines.at(1).lineNo, 2);
    }

    void priceChoice_data()
    {
        QTest::addColumn<QByteArray>("tierPrices");
        QTest::addColumn<QByteArray>("contractPrices");
        QTest::addColumn<qint64>("tierId");
        QTest::addColumn<qint64>("expectedUnits");
        QTest::addColumn<int>("source");
        // List price 98.5000; tier 2 explicit 97.0000; tier 3 from the ladder: 98.5 × 0.95 = 93.575 → 93.58.
        QTest::newRow("contract price wins")
            << QByteArray(R"({"2":"97.0000"})") << QByteArray(R"([{"member_id":7,"price":"95.1234"}])")
            << qint64(2) << qint64(951'234) << int(PriceSource::Contract);
        QTest::newRow("another member's contract: tier price")
            << QByteArray(R"({"2":"97.0000"})") << QByteArray(R"([{"member_id":77,"price":"90.0000"}])")
            << qint64(2) << qint64(970'000) << int(PriceSource::Tier);
        QTest::newRow("tier from the ladder's discount")
            << QByteArray("{}") << QByteArray("[]") << qint64(3) << qint64(935'800) << int(PriceSource::Tier);
        QTest::newRow("tier at 100%: list price")
            << QByteArray("{}") << QByteArray("[]") << qint64(1) << qint64(985'000) << int(PriceSource::List);
    }

    void priceChoice()
    {
        QFETCH(QByteArray, tierPrices);
        QFETCH(QByteArray, contractPrices);
        QFETCH(qint64, tierId);
        QFETCH(qint64, expectedUnits);
        QFETCH(int, source);
        Goods g;
        g.id = 17;
        g.kind = u"direct"_s;
        g.price = Money::fromUnits(985'000);
        g.tierPrices = tierPrices;
        g.contractPrices = contractPrices;
        Tier t1;
        t1.id = 1;
        t1.rank = 1;
        t1.discount = Rate::fromPpm(1'000'000);
        Tier t2 = t1;
        t2.id = 2;
        t2.rank = 2;
        Tier t3 = t1;
        t3.id = 3;
        t3.rank = 3;
        t3.discount = Rate::fromPpm(950'000);
        const MemberPrice p = memberPrice(g, 7, tierId, {t1, t2, t3});
        QCOMPARE(p.price.units(), expectedUnits);
        QCOMPARE(int(p.source), source);
    }

    void totalsExact()
    {
        // 0.9850 × 3 = 2.9550 → 2.96 per line (domain.md); two lines and a blocked one.
        BatchParse parsed = parseBatchText(u"a1,3\na2,3\n,4"_s);
        validateBatch(parsed.lines, u"direct"_s, Money::fromUnits(9'850));
        QCOMPARE(parsed.lines.at(0).total.units(), 29'600);
        const BatchTotals t = batchTotals(parsed.lines);
        QCOMPARE(t.lines, 2);
        QCOMPARE(t.blocked, 1);
        QCOMPARE(t.units, 6);
        QCOMPARE(t.amount.units(), 59'200);
        // A warning counts as a line once accepted.
        parsed = parseBatchText(u"a1,3\na1,1"_s);
        validateBatch(parsed.lines, u"direct"_s, Money::fromUnits(9'850));
        const BatchTotals w = batchTotals(parsed.lines);
        QCOMPARE(w.lines, 2);
        QCOMPARE(w.warnings, 1);
        QCOMPARE(w.amount.units(), 29'600 + 9'900);
    }

    void tooManyLines()
    {
        QString text;
        for (int i = 0; i < kBatchMaxLines + 3; ++i)
            text += u"acc%1\n"_s.arg(i);
        BatchParse parsed = parseBatchText(text);
        QCOMPARE(parsed.lines.size(), kBatchMaxLines + 1);
        QCOMPARE(parsed.lines.last().problem, BatchProblem::TooManyLines);
        QCOMPARE(parsed.lines.last().lineNo, kBatchMaxLines + 1);
    }
};

QTEST_GUILESS_MAIN(TstBatchOrderLines)
#include "tst_batchorderlines.moc"
