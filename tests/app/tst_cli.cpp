#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStringEncoder>
#include <QTemporaryDir>
#include <QtTest>

// cardops-cli as an operator runs it: exit codes and the words on the screen, in both languages.
class TestCli : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QTemporaryDir m_data;
    QString m_db;

    struct Run
    {
        int code = -1;
        QString out;
        QString err;
    };
    Run cli(const QStringList& arguments, const QList<std::pair<QString, QString>>& extraEnvironment = {})
    {
        QProcess p;
        // Profiles go to a throw-away data folder, never the user's own.
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_data.path());
        for (const auto& [name, value] : extraEnvironment)
            env.insert(name, value);
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(CARDOPS_CLI), arguments);
        if (!p.waitForFinished(120'000))
            return {};
        return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
                QString::fromUtf8(p.readAllStandardError())};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_db = m_dir.filePath(QStringLiteral("shop.db"));
        const Run r = cli({QStringLiteral("generate"), QStringLiteral("--orders"), QStringLiteral("800"),
                           QStringLiteral("--days"), QStringLiteral("20"), QStringLiteral("--db"), m_db,
                           QStringLiteral("--lang"), QStringLiteral("en")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("orders: 800")));
    }

    void statusInEnglish()
    {
        const Run r = cli({QStringLiteral("status"), QStringLiteral("--db"), m_db, QStringLiteral("--lang"),
                           QStringLiteral("en")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QStringLiteral("Orders: 800")), qPrintable(r.out));
        static const QRegularExpression tile(QStringLiteral("^  Awaiting review: \\d+$"),
                                             QRegularExpression::MultilineOption);
        QVERIFY2(tile.match(r.out).hasMatch(), qPrintable(r.out));
        QVERIFY(!r.out.contains(QStringLiteral("0x")));
    }

    void statusInChinese()
    {
        const Run r = cli({QStringLiteral("status"), QStringLiteral("--db"), m_db});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QStringLiteral("订单：800")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("  待审核：")), qPrintable(r.out));
    }

    void generateNeverOverwrites()
    {
        QFile f(m_db);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray before = f.readAll();
        f.close();
        const Run r = cli({QStringLiteral("generate"), QStringLiteral("--db"), m_db, QStringLiteral("--lang"),
                           QStringLiteral("en")});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains(QStringLiteral("already exists")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), before);
    }

    void badUsageIsExplained_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("says");
        QTest::newRow("sync without address")
            << QStringList{QStringLiteral("sync"), QStringLiteral("--db"), m_db} << QStringLiteral("--url");
        QTest::newRow("db and profile") << QStringList{QStringLiteral("status"), QStringLiteral("--db"), m_db,
                                                       QStringLiteral("--profile"), QStringLiteral("x")}
                                        << QStringLiteral("--profile");
        QTest::newRow("orders not a number")
            << QStringList{QStringLiteral("generate"), QStringLiteral("--orders"), QStringLiteral("many"),
                           QStringLiteral("--db"), m_dir.filePath(QStringLiteral("new.db"))}
            << QStringLiteral("--orders");
        QTest::newRow("unknown command") << QStringList{QStringLiteral("fly")} << QStringLiteral("fly");
        QTest::newRow("supplier catalogue without supplier")
            << QStringList{QStringLiteral("supplier"), QStringLiteral("catalogue")}
            << QStringLiteral("--supplier");
        QTest::newRow("supplier unknown action")
            << QStringList{QStringLiteral("supplier"), QStringLiteral("buy")} << QStringLiteral("buy");
        QTest::newRow("supplier on a bare cache")
            << QStringList{QStringLiteral("supplier"), QStringLiteral("balance"), QStringLiteral("--db"),
                           m_db}
            << QStringLiteral("--profile");
        QTest::newRow("supplier of another profile")
            << QStringList{QStringLiteral("supplier"), QStringLiteral("balance"), QStringLiteral("--profile"),
                           QStringLiteral("nosuchshop")}
            << QStringLiteral("nosuchshop");
    }
    // The demo's suppliers, played by the built-in simulator: balances of both, a catalogue as a
    // table and as JSON with money as decimal text. The profile lives in a throw-away data folder.
    void supplierBalanceOfTheDemo()
    {
        const Run r = cli({QStringLiteral("supplier"), QStringLiteral("balance"), QStringLiteral("--lang"),
                           QStringLiteral("en")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("Demo profile")), qPrintable(r.out));
        static const QRegularExpression fulu(QStringLiteral("^demo-fulu +fulu +10000\\.00 .* OK$"),
                                             QRegularExpression::MultilineOption);
        QVERIFY2(fulu.match(r.out).hasMatch(), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("异次元模拟货源站")), qPrintable(r.out));
        QVERIFY(QFile::exists(m_data.filePath(QStringLiteral("CardOps/profiles/demo/cache.db"))));

        const Run one =
            cli({QStringLiteral("supplier"), QStringLiteral("balance"), QStringLiteral("--profile"),
                 QStringLiteral("demo"), QStringLiteral("--supplier"), QStringLiteral("demo-acg"),
                 QStringLiteral("--lang"), QStringLiteral("en")});
        QVERIFY2(one.code == 0, qPrintable(one.err));
        QVERIFY(one.out.contains(QStringLiteral("demo-acg")));
        QVERIFY(!one.out.contains(QStringLiteral("demo-fulu")));
    }

    void supplierCatalogueOfTheDemo()
    {
        const Run table =
            cli({QStringLiteral("supplier"), QStringLiteral("catalogue"), QStringLiteral("--supplier"),
                 QStringLiteral("demo-acg"), QStringLiteral("--lang"), QStringLiteral("en")});
        QVERIFY2(table.code == 0, qPrintable(table.err));
        static const QRegularExpression steam(
            QStringLiteral("^8AE80574F3CA +Steam钱包50元 +49\\.50 +plenty \\(40\\) +yes$"),
            QRegularExpression::MultilineOption);
        QVERIFY2(steam.match(table.out).hasMatch(), qPrintable(table.out));

        const Run json = cli({QStringLiteral("supplier"), QStringLiteral("catalogue"),
                              QStringLiteral("--supplier"), QStringLiteral("demo-fulu"),
                              QStringLiteral("--json"), QStringLiteral("--profile"), QStringLiteral("demo")});
        QVERIFY2(json.code == 0, qPrintable(json.err));
        QJsonParseError error{};
        const QJsonObject root = QJsonDocument::fromJson(json.out.toUtf8(), &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(root.value(QStringLiteral("supplier")).toString(), QStringLiteral("demo-fulu"));
        const QJsonArray products = root.value(QStringLiteral("products")).toArray();
        QVERIFY(products.size() > 100);
        bool found = false;
        for (const QJsonValue& v : products) {
            const QJsonObject p = v.toObject();
            if (p.value(QStringLiteral("product_id")).toString() != u"10000587")
                continue;
            found = true;
            QCOMPARE(p.value(QStringLiteral("cost")).toString(), QStringLiteral("99.0000"));
            QVERIFY(p.value(QStringLiteral("on_sale")).toBool());
        }
        QVERIFY(found);
    }

    // A shop profile's supplier: its secret from the environment (no keychain reachable here),
    // an address nobody answers at. The failure is said, and the table still shows the supplier.
    void supplierOfAShopProfile()
    {
        const QString folder = m_data.filePath(QStringLiteral("CardOps/profiles/myshop"));
        QVERIFY(QDir().mkpath(folder));
        QFile profile(folder + QStringLiteral("/profile.json"));
        QVERIFY(profile.open(QIODevice::WriteOnly));
        const QJsonObject supplier{{QStringLiteral("id"), QStringLiteral("shop-acg")},
                                   {QStringLiteral("protocol"), QStringLiteral("acg-faka")},
                                   {QStringLiteral("url"), QStringLiteral("http://127.0.0.1:9")},
                                   {QStringLiteral("app_id"), QStringLiteral("1000")}};
        profile.write(QJsonDocument(QJsonObject{{QStringLiteral("format"), 1},
                                                {QStringLiteral("kind"), QStringLiteral("shop")},
                                                {QStringLiteral("platform_url"),
                                                 QStringLiteral("https://shop.example.com")},
                                                {QStringLiteral("app_id"), QStringLiteral("a1")},
                                                {QStringLiteral("secret_storage"), QStringLiteral("none")},
                                                {QStringLiteral("created_at"), 0},
                                                {QStringLiteral("suppliers"), QJsonArray{supplier}}})
                          .toJson());
        profile.close();
        const QList<std::pair<QString, QString>> noKeychain = {
            {QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
             QStringLiteral("unix:path=") + m_dir.filePath(QStringLiteral("no-bus"))}};
        const QStringList args = {QStringLiteral("supplier"),  QStringLiteral("balance"),
                                  QStringLiteral("--profile"), QStringLiteral("myshop"),
                                  QStringLiteral("--lang"),    QStringLiteral("en")};

        const Run missing = cli(args, noKeychain);
        QCOMPARE(missing.code, 1);
        QVERIFY2(missing.err.contains(QStringLiteral("CARDOPS_SUPPLIER_SECRET_SHOP_ACG")),
                 qPrintable(missing.err));
        QVERIFY2(missing.out.contains(QStringLiteral("shop-acg")), qPrintable(missing.out));

        const Run refused = cli(args, noKeychain + QList<std::pair<QString, QString>>{
                                                       {QStringLiteral("CARDOPS_SUPPLIER_SECRET_SHOP_ACG"),
                                                        QStringLiteral("TESTKEY123")}});
        QCOMPARE(refused.code, 1);
        QVERIFY2(refused.err.contains(QStringLiteral("shop-acg could not be refreshed: Balance: Transport")),
                 qPrintable(refused.err));
        QVERIFY2(refused.out.contains(QStringLiteral("Error: Balance: Transport")), qPrintable(refused.out));
    }

    void badUsageIsExplained()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, says);
        const Run r = cli(arguments + QStringList{QStringLiteral("--lang"), QStringLiteral("en")});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(says), qPrintable(r.err));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("new.db"))));
    }

    // cards import --dry-run: the issue's JSON, byte for byte, for a GBK text file and a UTF-8 CSV
    // with a BOM; offline, so nothing is already in stock.
    void cardsImportDryRun_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QStringList>("format");
        QTest::addColumn<QString>("json");
        QStringEncoder gbk("GB18030");
        QTest::newRow("txt GBK CRLF")
            << QStringLiteral("cards.txt")
            << QByteArray(gbk.encode(
                   QStringLiteral("账号一----密码一\r\n账号二 密码二\r\n\r\n账号一----密码一\r\n坏行\r\n")))
            << QStringList{QStringLiteral("--format"), QStringLiteral("number_password"),
                           QStringLiteral("--separator"), QStringLiteral("----")}
            << QStringLiteral(R"({"new":2,"duplicate_in_file":1,"already_in_stock":0,)"
                              R"("invalid":[{"line":5,"reason":"field_count"}]})");
        QTest::newRow("csv UTF-8 BOM")
            << QStringLiteral("cards.csv")
            << QByteArray("\xEF\xBB\xBF"
                          "a,b,c\r\nd,e\r\n,,\r\na,b,c\r\ng,,i\r\n")
            << QStringList{QStringLiteral("--format"), QStringLiteral("fields:3")}
            << QStringLiteral(
                   R"({"new":1,"duplicate_in_file":1,"already_in_stock":0,)"
                   R"("invalid":[{"line":2,"reason":"field_count"},{"line":5,"reason":"empty_field"}]})");
    }
    void cardsImportDryRun()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, bytes);
        QFETCH(QStringList, format);
        const QString path = m_dir.filePath(name);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
        f.close();
        const Run r = cli(
            QStringList{QStringLiteral("cards"), QStringLiteral("import"), QStringLiteral("--goods"),
                        QStringLiteral("17")} +
            format +
            QStringList{path, QStringLiteral("--dry-run"), QStringLiteral("--lang"), QStringLiteral("en")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QTEST(r.out.trimmed(), "json");
        QVERIFY2(r.err.contains(QStringLiteral("Offline preview")), qPrintable(r.err));
    }

    void cardsImportRefusals_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("says");
        const QString file = m_dir.filePath(QStringLiteral("refusal.txt"));
        QFile f(file);
        if (f.open(QIODevice::WriteOnly))
            f.write("CDK-1\n");
        const QStringList goods = {QStringLiteral("cards"), QStringLiteral("import"),
                                   QStringLiteral("--goods"), QStringLiteral("17")};
        const QStringList single = {QStringLiteral("--format"), QStringLiteral("single")};
        QTest::newRow("missing file")
            << goods + single +
                   QStringList{m_dir.filePath(QStringLiteral("none.txt")), QStringLiteral("--dry-run")}
            << 1 << QStringLiteral("none.txt");
        QTest::newRow("bad format") << goods + QStringList{QStringLiteral("--format"),
                                                           QStringLiteral("fields:1"), file,
                                                           QStringLiteral("--dry-run")}
                                    << 2 << QStringLiteral("fields:1");
        QTest::newRow("no format") << goods + QStringList{file, QStringLiteral("--dry-run")} << 2
                                   << QStringLiteral("--format");
        QTest::newRow("upload") << goods + single + QStringList{file} << 2 << QStringLiteral("use --dry-run");
        QTest::newRow("no goods") << QStringList{QStringLiteral("cards"), QStringLiteral("import"), file,
                                                 QStringLiteral("--dry-run")} +
                                         single
                                  << 2 << QStringLiteral("--goods");
        QTest::newRow("no file") << goods + single + QStringList{QStringLiteral("--dry-run")} << 2
                                 << QStringLiteral("card file");
        QTest::newRow("with a profile")
            << goods + single +
                   QStringList{file, QStringLiteral("--dry-run"), QStringLiteral("--profile"),
                               QStringLiteral("demo")}
            << 2 << QStringLiteral("offline");
        QTest::newRow("unknown action")
            << QStringList{QStringLiteral("cards"), QStringLiteral("lock")} << 2 << QStringLiteral("lock");
    }
    void cardsImportRefusals()
    {
        QFETCH(QStringList, arguments);
        const Run r = cli(arguments + QStringList{QStringLiteral("--lang"), QStringLiteral("en")});
        QTEST(r.code, "code");
        QFETCH(QString, says);
        QVERIFY2(r.err.contains(says), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
