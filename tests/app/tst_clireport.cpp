#include "core/clock.h"
#include "core/weeklysteps.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;

// cardops-cli report weekly, run as an operator would, without a display.
class TestCliReport : public QObject
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
    Run cli(const QStringList& arguments, bool withPlatform = true)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"XDG_DATA_HOME"_s, m_data.path());
        if (!withPlatform) {
            env.remove(u"QT_QPA_PLATFORM"_s);
            env.remove(u"DISPLAY"_s);
            env.remove(u"WAYLAND_DISPLAY"_s);
        }
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(CARDOPS_CLI), arguments);
        if (!p.waitForFinished(120'000))
            return {};
        return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
                QString::fromUtf8(p.readAllStandardError())};
    }

    // Paid orders of the week, counted straight from the orders table.
    qint64 paidOrders(cardops::core::IsoWeek week)
    {
        const qint64 from = cardops::core::businessDayStart(cardops::core::isoWeekMonday(week));
        qint64 n = -1;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"check"_s);
            db.setDatabaseName(m_db);
            if (db.open()) {
                QSqlQuery q(db);
                q.prepare(u"SELECT COUNT(*) FROM orders WHERE status NOT IN ('unpaid', 'cancelled') "
                          u"AND created_at >= ? AND created_at < ?"_s);
                q.addBindValue(from);
                q.addBindValue(from + 7 * 86400);
                if (q.exec() && q.next())
                    n = q.value(0).toLongLong();
            }
        }
        QSqlDatabase::removeDatabase(u"check"_s);
        return n;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_db = m_dir.filePath(u"shop.db"_s);
        const Run r = cli({u"generate"_s, u"--orders"_s, u"3000"_s, u"--days"_s, u"21"_s, u"--db"_s, m_db});
        QVERIFY2(r.code == 0, qPrintable(r.err));
    }

    void writesTheLastCompleteWeekWithoutADisplay()
    {
        const cardops::core::IsoWeek week =
            cardops::core::lastCompleteWeek(QDateTime::currentSecsSinceEpoch());
        const QString out = m_dir.filePath(u"reports"_s);
        const Run r =
            cli({u"report"_s, u"weekly"_s, u"--db"_s, m_db, u"--out"_s, out, u"--lang"_s, u"en"_s}, false);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QString base = out + u"/周报-"_s + cardops::core::formatIsoWeek(week);
        QVERIFY2(r.out.contains(QDir::toNativeSeparators(base + u".pdf"_s)), qPrintable(r.out));
        QFile pdf(base + u".pdf"_s);
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        const QByteArray bytes = pdf.readAll();
        QVERIFY(bytes.startsWith("%PDF-"));
        static const QRegularExpression page(u"/Type\\s*/Page[^s]"_s);
        QCOMPARE(QString::fromLatin1(bytes).count(page), 3);

        QFile csv(base + u".csv"_s);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QByteArray raw = csv.readAll();
        QVERIFY(raw.startsWith("\xEF\xBB\xBF"));
        const QString text = QString::fromUtf8(raw);
        const QString expected =
            u"\r\n%1,Week,,Paid orders,%2,"_s.arg(cardops::core::formatIsoWeek(week)).arg(paidOrders(week));
        QVERIFY2(paidOrders(week) > 0, "the generated cache has orders in the last complete week");
        QVERIFY2(text.contains(expected), qPrintable(text.left(400)));
        QCOMPARE(QDir(out).entryList(QDir::Files).size(), 2); // no temporary file left behind
    }

    void aChosenWeek()
    {
        const QString out = m_dir.filePath(u"w"_s);
        const Run r =
            cli({u"--db"_s, m_db, u"report"_s, u"weekly"_s, u"--week"_s, u"2020-W53"_s, u"--out"_s, out,
                 u"--lang"_s, u"en"_s});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QFile csv(out + u"/周报-2020-W53.csv"_s);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QVERIFY(QString::fromUtf8(csv.readAll()).contains(u"\r\n2020-W53,Week,,Paid orders,0,,,0,,\r\n"_s));
    }

    void badUsage_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("says");
        const QString out = m_dir.filePath(u"bad"_s);
        QTest::newRow("no --out") << QStringList{u"report"_s, u"weekly"_s, u"--db"_s, m_db} << 2
                                  << u"--out"_s;
        QTest::newRow("bad week") << QStringList{u"report"_s, u"weekly"_s, u"--week"_s, u"2026-W60"_s,
                                                 u"--db"_s,   m_db,        u"--out"_s,  out}
                                  << 2 << u"--week"_s;
        QTest::newRow("not weekly") << QStringList{u"report"_s, u"monthly"_s, u"--out"_s, out} << 2
                                    << u"weekly"_s;
        QTest::newRow("no cache") << QStringList{u"report"_s, u"weekly"_s,
                                                 u"--db"_s,   m_dir.filePath(u"none.db"_s),
                                                 u"--out"_s,  out}
                                  << 1 << u"none.db"_s;
        QTest::newRow("db and profile")
            << QStringList{u"report"_s, u"weekly"_s, u"--db"_s, m_db, u"--profile"_s, u"x"_s, u"--out"_s, out}
            << 2 << u"--profile"_s;
    }
    void badUsage()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, code);
        QFETCH(QString, says);
        const Run r = cli(arguments + QStringList{u"--lang"_s, u"en"_s});
        QCOMPARE(r.code, code);
        QVERIFY2(r.err.contains(says), qPrintable(r.err));
        QVERIFY(!QFileInfo::exists(m_dir.filePath(u"bad"_s)));
        QVERIFY(!QFileInfo::exists(m_dir.filePath(u"none.db"_s)));
    }

    void anUnwritableFolderLeavesNothing()
    {
        const QString blocker = m_dir.filePath(u"file"_s);
        QFile f(blocker);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        const Run r = cli({u"report"_s, u"weekly"_s, u"--db"_s, m_db, u"--out"_s, blocker + u"/sub"_s,
                           u"--lang"_s, u"en"_s});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(u"was not written"_s), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestCliReport)
#include "tst_clireport.moc"
