// The raw-number JSON reader the adapters parse every answer with: strictness, offsets, and money
// read from the digits as sent, never through a double.
#include "suppliers/rawjson.h"

#include <QtTest>

using namespace Qt::StringLiterals;
using namespace cardops::suppliers;

class TestRawJson : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parsesValuesAndKeepsNumberTokens();
    void stringEscapes();
    void spansPointIntoTheInput();
    void rejects_data();
    void rejects();
    void moneyNeverThroughDouble_data();
    void moneyNeverThroughDouble();
    void moneyRejects_data();
    void moneyRejects();
    void lenientIntegers();
    void quoteRoundTrips();
};

void TestRawJson::parsesValuesAndKeepsNumberTokens()
{
    const auto p = rawjson::parse(R"( {"a":[1,-0.50,2e3,true,false,null],"b":{"c":"d"}} )");
    QVERIFY(p.ok());
    const rawjson::Node* a = p.root->member(u"a");
    QVERIFY(a && a->isArray());
    QCOMPARE(a->children.size(), std::size_t{6});
    QCOMPARE(a->children[1].number, QByteArray("-0.50"));
    QCOMPARE(a->children[2].number, QByteArray("2e3"));
    QCOMPARE(a->children[3].type, rawjson::Node::Bool);
    QVERIFY(a->children[3].boolean);
    QVERIFY(a->children[5].isNull());
    QCOMPARE(p.root->member(u"b")->member(u"c")->text, u"d"_s);
    QVERIFY(!p.root->member(u"z"));
}

void TestRawJson::stringEscapes()
{
    const auto p = rawjson::parse(R"(["\u5145\u503c\/\"\\\n", "充值", "\ud83d\ude00"])");
    QVERIFY(p.ok());
    QCOMPARE(p.root->children[0].text, u"充值/\"\\\n"_s);
    QCOMPARE(p.root->children[1].text, u"充值"_s);
    QCOMPARE(p.root->children[2].text, u"😀"_s);
}

void TestRawJson::spansPointIntoTheInput()
{
    const QByteArray text = R"({"k":"秘密","n":12.5})";
    const auto p = rawjson::parse(text);
    QVERIFY(p.ok());
    const rawjson::Node* k = p.root->member(u"k");
    QCOMPARE(text.mid(k->begin, k->end - k->begin), QByteArray(R"("秘密")"));
    const rawjson::Node* n = p.root->member(u"n");
    QCOMPARE(text.mid(n->begin, n->end - n->begin), QByteArray("12.5"));
}

void TestRawJson::rejects_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("empty") << QByteArray("");
    QTest::newRow("html") << QByteArray("<html><body>系统错误</body></html>");
    QTest::newRow("trailing") << QByteArray(R"({"a":1} x)");
    QTest::newRow("two values") << QByteArray("{} {}");
    QTest::newRow("truncated") << QByteArray(R"({"code":200,"data":{"secret":"AB)");
    QTest::newRow("repeated key") << QByteArray(R"({"code":0,"code":200})");
    QTest::newRow("leading zero") << QByteArray("[01]");
    QTest::newRow("bare dot") << QByteArray("[1.]");
    QTest::newRow("plus") << QByteArray("[+1]");
    QTest::newRow("control char") << QByteArray("[\"a\tb\"]");
    QTest::newRow("bad escape") << QByteArray(R"(["\x"])");
    QTest::newRow("invalid utf-8") << QByteArray("[\"\xC3\x28\"]");
    QTest::newRow("single quotes") << QByteArray("{'a':1}");
    QTest::newRow("trailing comma") << QByteArray("[1,]");
    QTest::newRow("too deep") << QByteArray(100, '[') + QByteArray(100, ']');
}

void TestRawJson::rejects()
{
    QFETCH(QByteArray, text);
    const auto p = rawjson::parse(text);
    QVERIFY(!p.ok());
    QVERIFY(!p.error.message.isEmpty());
}

void TestRawJson::moneyNeverThroughDouble_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<qint64>("units");
    QTest::newRow("decimal string") << QByteArray(R"("50.0000")") << qint64{500000};
    QTest::newRow("number") << QByteArray("9.9") << qint64{99000};
    QTest::newRow("integer") << QByteArray("12") << qint64{120000};
    QTest::newRow("negative") << QByteArray("-0.01") << qint64{-100};
    // 16 significant digits: a double cannot hold this exactly.
    QTest::newRow("beyond double") << QByteArray("900719925474.0993") << qint64{9007199254740993};
    QTest::newRow("string beyond double") << QByteArray(R"("900719925474.0995")") << qint64{9007199254740995};
}

void TestRawJson::moneyNeverThroughDouble()
{
    QFETCH(QByteArray, json);
    QFETCH(qint64, units);
    const auto p = rawjson::parse(json);
    QVERIFY(p.ok());
    const auto money = rawjson::toMoney(&*p.root);
    QVERIFY(money.has_value());
    QCOMPARE(money->units(), units);
}

void TestRawJson::moneyRejects_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("exponent") << QByteArray("1e3");
    QTest::newRow("five places") << QByteArray("0.30000000000000004");
    QTest::newRow("empty string") << QByteArray(R"("")");
    QTest::newRow("words") << QByteArray(R"("fifty")");
    QTest::newRow("object") << QByteArray("{}");
    QTest::newRow("bool") << QByteArray("true");
    QTest::newRow("null") << QByteArray("null");
}

void TestRawJson::moneyRejects()
{
    QFETCH(QByteArray, json);
    const auto p = rawjson::parse(json);
    QVERIFY(p.ok());
    QVERIFY(!rawjson::toMoney(&*p.root).has_value());
}

void TestRawJson::lenientIntegers()
{
    const auto p = rawjson::parse(R"([7,"42","-3",1.5,"4a","",99999999999999999999,null])");
    QVERIFY(p.ok());
    const auto& c = p.root->children;
    QCOMPARE(rawjson::toInteger(&c[0]), std::optional<qint64>(7));
    QCOMPARE(rawjson::toInteger(&c[1]), std::optional<qint64>(42));
    QCOMPARE(rawjson::toInteger(&c[2]), std::optional<qint64>(-3));
    for (std::size_t i = 3; i < c.size(); ++i)
        QVERIFY2(!rawjson::toInteger(&c[i]).has_value(), qPrintable(QString::number(i)));
    QCOMPARE(rawjson::toText(&c[0]), std::optional<QString>(u"7"_s));
    QVERIFY(!rawjson::toText(&c[7]).has_value());
    QVERIFY(!rawjson::toInteger(nullptr).has_value());
}

void TestRawJson::quoteRoundTrips()
{
    const QString text = u"a\"b\\c\n\u0001充值/"_s;
    const QByteArray quoted = rawjson::quote(text);
    QCOMPARE(quoted, QByteArray("\"a\\\"b\\\\c\\n\\u0001充值/\"").replace("\\n", "\\u000a"));
    const auto p = rawjson::parse(quoted);
    QVERIFY(p.ok());
    QCOMPARE(p.root->text, text);
}

QTEST_GUILESS_MAIN(TestRawJson)
#include "tst_rawjson.moc"
