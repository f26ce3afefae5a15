#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

// cardops-cli as an operator runs it: exit codes and the words on the screen, in both languages.
class TestCli : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_db;

    struct Run
    {
        int code = -1;
        QString out;
        QString err;
    };
    Run cli(const QStringList& arguments)
    {
        QProcess p;
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
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
