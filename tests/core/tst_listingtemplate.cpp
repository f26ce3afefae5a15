#include "core/listingtemplate.h"

#include <QtTest>

using namespace cardops;
using namespace Qt::StringLiterals;
namespace listing = core::listing;

// Listing templates (docs/goods.md "Listing templates"): every problem check() reports, render(),
// the placeholders' values, and the strict JSON.
class TstListingTemplate : public QObject
{
    Q_OBJECT

    static core::Goods qb(const QString& price = u"98.50"_s)
    {
        core::Goods g;
        g.id = 17;
        g.sku = u"QB-100"_s;
        g.name = u"腾讯Q币 100元"_s;
        g.kind = u"card"_s;
        g.faceValue = core::Money::fromYuan(100);
        g.price = core::Money::parse(price).value();
        g.stockAvailable = 120;
        return g;
    }

    static core::ListingTemplate cardTemplate() { return listing::defaultTemplates().at(0); }

    static QString describe(const core::ListingProblem& p)
    {
        QString s = listing::codeName(p.code) + u':' + p.subject;
        if (!p.expected.isEmpty())
            s += u'=' + p.expected;
        if (p.value || p.limit)
            s += u"(%1/%2)"_s.arg(p.value).arg(p.limit);
        return s;
    }

    static const QString kDescription;

private Q_SLOTS:
    void renderGivesTheExampleTitle()
    {
        const core::Listing l = listing::render(cardTemplate(), qb());
        QCOMPARE(l.title, u"腾讯Q币 100元 | 秒到账 | 限时9.85折"_s);
        QCOMPARE(l.spec, u"100元/张"_s);
        QCOMPARE(l.description, kDescription);
        QVERIFY(listing::check(l, cardTemplate(), qb()).isEmpty());

        // At 98.00 the promotion reads 9.8折, the domain's example.
        QCOMPARE(listing::render(cardTemplate(), qb(u"98"_s)).title, u"腾讯Q币 100元 | 秒到账 | 限时9.8折"_s);
        // No discount at face value: the optional promotion is left out.
        QCOMPARE(listing::render(cardTemplate(), qb(u"100"_s)).title, u"腾讯Q币 100元 | 秒到账"_s);
        // Too long: optional parts go from the end; required ones stay.
        core::ListingTemplate shortTitle = cardTemplate();
        shortTitle.maxTitleLength = 20;
        QCOMPARE(listing::render(shortTitle, qb()).title, u"腾讯Q币 100元 | 秒到账"_s);
        shortTitle.maxTitleLength = 5;
        QCOMPARE(listing::render(shortTitle, qb()).title, u"腾讯Q币 100元 | 秒到账"_s);

        const core::ListingTemplate direct = listing::defaultTemplates().at(1);
        core::Goods phone = qb(u"49.5"_s);
        phone.name = u"中国移动话费 50元"_s;
        phone.kind = u"direct"_s;
        phone.faceValue = core::Money::fromYuan(50);
        const core::Listing d = listing::render(direct, phone);
        QCOMPARE(d.title, u"中国移动话费 50元 | 官方直充 自动到账 | 限时9.9折"_s);
        QCOMPARE(d.spec, u"50元"_s);
        QVERIFY(d.description.startsWith(u"【亮点】\n官方直充，下单后自动充值到账，无需兑换。"_s));
        QVERIFY(listing::check(d, direct, phone).isEmpty());
    }

    void placeholderValues_data()
    {
        QTest::addColumn<QString>("price");
        QTest::addColumn<QString>("face");
        QTest::addColumn<QString>("discount"); // "-" = no value
        QTest::addColumn<QString>("faceText");
        QTest::newRow("9.85") << u"98.5"_s << u"100"_s << u"9.85"_s << u"100"_s;
        QTest::newRow("9.8") << u"98"_s << u"100"_s << u"9.8"_s << u"100"_s;
        QTest::newRow("9") << u"90"_s << u"100"_s << u"9"_s << u"100"_s;
        QTest::newRow("half up") << u"0.9875"_s << u"1"_s << u"9.88"_s << u"1"_s;
        QTest::newRow("small face") << u"0.45"_s << u"0.5"_s << u"9"_s << u"0.5"_s;
        QTest::newRow("face value") << u"100"_s << u"100"_s << u"-"_s << u"100"_s;
        QTest::newRow("rounds to 10") << u"99.996"_s << u"100"_s << u"-"_s << u"100"_s;
        QTest::newRow("above face") << u"101"_s << u"100"_s << u"-"_s << u"100"_s;
        QTest::newRow("no face value") << u"5"_s << u"0"_s << u"-"_s << u"-"_s;
    }
    void placeholderValues()
    {
        QFETCH(QString, price);
        QFETCH(QString, face);
        QFETCH(QString, discount);
        QFETCH(QString, faceText);
        core::Goods g = qb(price);
        g.faceValue = core::Money::parse(face).value();
        const auto values = listing::values(g, cardTemplate());
        QCOMPARE(values.value(u"discount"_s, u"-"_s), discount);
        QCOMPARE(values.value(u"face_value"_s, u"-"_s), faceText);
        QCOMPARE(values.value(u"price"_s), g.price.toString(2));
        QCOMPARE(values.value(u"unit"_s), u"元/张"_s);
        QCOMPARE(values.value(u"kind"_s), u"卡密"_s);
        QCOMPARE(listing::fill(u"{face_value}{unit}"_s, values),
                 faceText == u"-" ? QString() : faceText + u"元/张");
    }

    void check_data()
    {
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("description");
        QTest::addColumn<QString>("price");
        QTest::addColumn<int>("maxLength");
        QTest::addColumn<int>("stockCap");
        QTest::addColumn<QStringList>("expected");
        const QString title = u"腾讯Q币 100元 | 秒到账 | 限时9.85折"_s;
        const QString spec = u"100元/张"_s;
        const QString d = kDescription;
        const auto row = [&](const char* name, const QString& t, const QString& s, const QString& desc,
                             const QStringList& expected, const QString& price = u"98.5"_s, int max = 60,
                             int cap = 0) {
            QTest::newRow(name) << t << s << desc << price << max << cap << expected;
        };
        row("follows the template", title, spec, d, {});
        row("keyword missing", u"秒到账 | 限时9.85折"_s, spec, d,
            {u"title_part_missing:核心词=腾讯Q币 100元"_s});
        row("scenario missing", u"腾讯Q币 100元 | 限时9.85折"_s, spec, d,
            {u"title_part_missing:场景=秒到账"_s});
        row("optional promotion left out", u"腾讯Q币 100元 | 秒到账"_s, spec, d, {});
        row("promotion stale after a price change", u"腾讯Q币 100元 | 秒到账 | 限时9.8折"_s, spec, d,
            {u"title_part_stale:促销=限时9.85折"_s});
        row("promotion without a discount", title, spec, d, {u"title_part_stale:促销"_s}, u"100"_s);
        row("keyword of another goods", u"腾讯Q币 50元 | 秒到账"_s, spec, d,
            {u"title_part_missing:核心词=腾讯Q币 100元"_s});
        row("empty title", QString(), spec, d,
            {u"title_part_missing:核心词=腾讯Q币 100元"_s, u"title_part_missing:场景=秒到账"_s});
        row("separators as typed", u"腾讯Q币 100元｜秒到账|限时9.85折"_s, spec, d, {});
        row("title too long", title, spec, d, {u"title_too_long:(25/24)"_s}, u"98.5"_s, 24);
        row("title at the limit", title, spec, d, {}, u"98.5"_s, 25);
        row("spec missing", title, u"  "_s, d, {u"spec_missing:面值=100元/张"_s});
        row("spec unit missing", title, u"100元"_s, d, {u"spec_unit_missing:元/张=100元/张"_s});
        row("spec of another face value", title, u"50元/张"_s, d, {u"spec_mismatch:面值=100元/张"_s});
        row("stock above the cap", title, spec, d, {u"stock_cap_exceeded:(120/100)"_s}, u"98.5"_s, 60, 100);
        row("stock at the cap", title, spec, d, {}, u"98.5"_s, 60, 120);
        QString noAfterSale = d.left(d.indexOf(u"【售后保障】"_s)).trimmed();
        row("section missing", title, spec, noAfterSale, {u"section_missing:售后保障"_s});
        row("section empty", title, spec, noAfterSale + u"\n\n【售后保障】\n   \n"_s,
            {u"section_empty:售后保障"_s});
        row("description empty", title, spec, QString(),
            {u"section_missing:亮点"_s, u"section_missing:使用方法"_s, u"section_missing:售后保障"_s});
        row("headings as operators type them", title, spec,
            u"亮点：官方正品\n使用方法:\n查看卡密后兑换\n## 售后保障\n无效补发"_s, {});
        row("one paragraph, as the simulator writes it", title, spec,
            u"【商品亮点】官方正品，卡密自动发货。【使用方法】登录官网兑换卡密。【售后保障】无效包换。"_s,
            {});
        row("another bracket ends a section", title, spec,
            u"【亮点】正品【使用方法】兑换【售后保障】【温馨提示】理性消费"_s, {u"section_empty:售后保障"_s});
        row("a colon inside the text is no heading", title, spec,
            u"【亮点】正品\n【使用方法】\n注意：售后保障期内兑换\n"_s, {u"section_missing:售后保障"_s});
        row("everything at once", u"限时9.8折"_s, u"100元"_s, u"【亮点】\n正品"_s,
            {u"title_part_missing:核心词=腾讯Q币 100元"_s, u"title_part_missing:场景=秒到账"_s,
             u"title_part_stale:促销=限时9.85折"_s, u"spec_unit_missing:元/张=100元/张"_s,
             u"stock_cap_exceeded:(120/10)"_s, u"section_missing:使用方法"_s, u"section_missing:售后保障"_s},
            u"98.5"_s, 60, 10);
    }
    void check()
    {
        QFETCH(QString, title);
        QFETCH(QString, spec);
        QFETCH(QString, description);
        QFETCH(QString, price);
        QFETCH(int, maxLength);
        QFETCH(int, stockCap);
        QFETCH(QStringList, expected);
        core::ListingTemplate tpl = cardTemplate();
        tpl.maxTitleLength = maxLength;
        tpl.spec.stockCap = stockCap;
        QStringList got;
        for (const core::ListingProblem& p : listing::check({title, spec, description}, tpl, qb(price)))
            got << describe(p);
        QCOMPARE(got, expected);
    }

    void optionalSectionsAndFreeSpecs()
    {
        core::ListingTemplate tpl = cardTemplate();
        tpl.sections[2].required = false;
        tpl.spec = {u"规格"_s, QString(), QString(), 0};
        const core::Listing l{u"腾讯Q币 100元 | 秒到账"_s, QString(),
                              kDescription.left(kDescription.indexOf(u"【售后"_s))};
        QVERIFY(listing::check(l, tpl, qb()).isEmpty());
    }

    void jsonRoundTrip()
    {
        for (core::ListingTemplate tpl : listing::defaultTemplates()) {
            QVERIFY(listing::validate(tpl).ok());
            tpl.name.clear();
            auto back = listing::fromJson(listing::toJson(tpl));
            QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().detail));
            QCOMPARE(back.value(), tpl);
        }
        core::ListingTemplate odd = cardTemplate();
        odd.name.clear();
        odd.kind.clear();
        odd.spec.stockCap = 5000;
        odd.titleParts.append({u"型号"_s, u"{sku} {kind}"_s, false});
        odd.sections.clear();
        QCOMPARE(listing::fromJson(listing::toJson(odd)).value(), odd);
    }

    void jsonRefused_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("error");
        const QString t = QString::fromUtf8(listing::toJson(cardTemplate()));
        const auto swap = [&](const QString& from, const QString& to) {
            QString s = t;
            Q_ASSERT(s.contains(from));
            return s.replace(from, to);
        };
        QTest::newRow("not JSON") << u"{\"format\":1,"_s << u"not JSON"_s;
        QTest::newRow("an array") << u"[]"_s << u"template: expected an object"_s;
        QTest::newRow("unknown member") << swap(u"\"format\":1"_s, u"\"format\":1,\"colour\":\"red\""_s)
                                        << u"template.colour: unknown member"_s;
        QTest::newRow("newer format") << swap(u"\"format\":1"_s, u"\"format\":2"_s)
                                      << u"template.format: expected a whole number from 1 to 1"_s;
        QTest::newRow("missing member")
            << swap(u"\"kind\":\"card\","_s, QString()) << u"template.kind: expected a text"_s;
        QTest::newRow("number as text") << swap(u"\"max_length\":60"_s, u"\"max_length\":\"60\""_s)
                                        << u"title.max_length: expected a whole number"_s;
        QTest::newRow("fraction") << swap(u"\"max_length\":60"_s, u"\"max_length\":60.5"_s)
                                  << u"title.max_length: expected a whole number"_s;
        QTest::newRow("too long a limit") << swap(u"\"max_length\":60"_s, u"\"max_length\":501"_s)
                                          << u"title.max_length: expected a whole number from 1 to 500"_s;
        QTest::newRow("required as text") << swap(u"\"required\":false"_s, u"\"required\":\"no\""_s)
                                          << u"title.parts[2].required: expected true or false"_s;
        QTest::newRow("unknown placeholder") << swap(u"{discount}"_s, u"{rebate}"_s)
                                             << u"title.parts[2].pattern: unknown placeholder {rebate}"_s;
        QTest::newRow("open brace") << swap(u"{discount}折"_s, u"{discount折"_s)
                                    << u"title.parts[2].pattern: a '{' without its '}'"_s;
        QTest::newRow("close brace") << swap(u"秒到账"_s, u"秒到账}"_s)
                                     << u"title.parts[1].pattern: a '}' without its '{'"_s;
        QTest::newRow("duplicate label") << swap(u"\"label\":\"场景\""_s, u"\"label\":\"核心词\""_s)
                                         << u"title.parts[1].label: the label \"核心词\" is used twice"_s;
        QTest::newRow("empty pattern") << swap(u"\"pattern\":\"秒到账\""_s, u"\"pattern\":\" \""_s)
                                       << u"title.parts[1].pattern: must not be empty"_s;
        const qsizetype parts = t.indexOf(u"\"parts\":["_s);
        QTest::newRow("no parts") << swap(t.mid(parts, t.indexOf(u']', parts) - parts + 1), u"\"parts\":[]"_s)
                                  << u"title.parts: a title needs at least one part"_s;
        QTest::newRow("negative cap") << swap(u"\"stock_cap\":0"_s, u"\"stock_cap\":-1"_s)
                                      << u"spec.stock_cap: expected a whole number from 0"_s;
        QTest::newRow("bracket in heading") << swap(u"\"heading\":\"亮点\""_s, u"\"heading\":\"【亮点】\""_s)
                                            << u"description.sections[0].heading: must not hold"_s;
        QTest::newRow("duplicate heading")
            << swap(u"\"heading\":\"亮点\""_s, u"\"heading\":\"使用方法\""_s)
            << u"description.sections[1].heading: the heading \"使用方法\" is used twice"_s;
        QTest::newRow("unknown kind") << swap(u"\"kind\":\"card\""_s, u"\"kind\":\"cards\""_s)
                                      << u"kind: expected card, direct or empty"_s;
    }
    void jsonRefused()
    {
        QFETCH(QString, json);
        QFETCH(QString, error);
        auto r = listing::fromJson(json.toUtf8());
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, core::ErrorCode::Parse);
        QVERIFY2(r.error().detail.contains(error), qPrintable(r.error().detail));
    }

    void validateNamesTheTemplate()
    {
        core::ListingTemplate tpl = cardTemplate();
        tpl.name = u"  "_s;
        QCOMPARE(listing::validate(tpl).error().detail, u"name: must not be empty"_s);
        tpl.name = QString(41, u'名');
        QCOMPARE(listing::validate(tpl).error().detail, u"name: at most 40 characters"_s);
        tpl.name = QString(40, u'名');
        QVERIFY(listing::validate(tpl).ok());
        QCOMPARE(listing::defaultTemplates().at(0).name, u"卡密标准"_s);
        QCOMPARE(listing::defaultTemplates().at(1).name, u"直充标准"_s);
        QCOMPARE(listing::defaultTemplates().at(1).kind, u"direct"_s);
    }
};

const QString TstListingTemplate::kDescription =
    u"【亮点】\n官方正品卡密，付款后自动发货，24小时秒到账。\n\n"
    u"【使用方法】\n付款后在订单详情查看卡号和密码，到官方充值页面兑换即可。\n\n"
    u"【售后保障】\n卡密无效可联系客服核实后补发；未查看卡密的订单可申请退款。"_s;

QTEST_GUILESS_MAIN(TstListingTemplate)
#include "tst_listingtemplate.moc"
