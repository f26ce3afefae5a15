#include <QFile>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;

// The console program end to end, offscreen: the demo profile starts its simulator on a thread of
// its own, syncs over loopback HTTP and renders each page; `--screenshot` prints the rows of the
// page's table. Profiles and settings live in a temporary home.
class TestConsole : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_home;

    struct Run
    {
        int code = -1;
        QString out;
        QString err;
    };
    Run console(const QStringList& arguments)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"XDG_DATA_HOME"_s, m_home.filePath(u"data"_s));
        env.insert(u"XDG_CONFIG_HOME"_s, m_home.filePath(u"config"_s));
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(CARDOPS_GUI), arguments);
        if (!p.waitForFinished(300'000))
            return {};
        return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
                QString::fromUtf8(p.readAllStandardError())};
    }

    static qint64 rowsOf(const QString& out, const QString& page = {})
    {
        const QRegularExpression line(u"^"_s + (page.isEmpty() ? QString() : page + u" "_s) +
                                          u"rows=(\\d+)$"_s,
                                      QRegularExpression::MultilineOption);
        const auto m = line.match(out);
        return m.hasMatch() ? m.captured(1).toLongLong() : -1;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_home.isValid()); }

    void demoFirstStartSyncsAndShowsOrders()
    {
        const QString file = m_home.filePath(u"orders.png"_s);
        const Run r = console({u"--profile"_s, u"demo"_s, u"--page"_s, u"orders"_s, u"--screenshot"_s, file});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        // About 30,000 orders over 120 days, plus whatever the live generator added meanwhile.
        QVERIFY2(rowsOf(r.out) >= 25'000, qPrintable(r.out));
        const QImage shot(file);
        QVERIFY(!shot.isNull());
        QCOMPARE(shot.size(), QSize(1280, 800));
        QVERIFY(QFile::exists(m_home.filePath(u"data/CardOps/profiles/demo/profile.json"_s)));
    }

    void everyPageRendersFromTheCache()
    {
        const QString dir = m_home.filePath(u"pages"_s);
        QVERIFY(QDir().mkpath(dir));
        const Run r = console({u"--profile"_s, u"demo"_s, u"--page"_s, u"all"_s, u"--screenshot-dir"_s, dir});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        for (const QString& page :
             {u"orders"_s, u"goods"_s, u"members"_s, u"suppliers"_s, u"finance"_s, u"audit"_s, u"settings"_s})
            QVERIFY2(rowsOf(r.out, page) > 0, qPrintable(page + u": "_s + r.out));
        for (const QString& page : {u"workbench"_s, u"dashboard"_s})
            QVERIFY2(rowsOf(r.out, page) == 0, qPrintable(page + u": "_s + r.out));
        QCOMPARE(QDir(dir).entryList({u"*.png"_s}).size(), 10);
    }

    void wrongUseIsRefused()
    {
        QCOMPARE(console({u"--page"_s, u"nowhere"_s, u"--screenshot"_s, m_home.filePath(u"x.png"_s)}).code,
                 2);
        QCOMPARE(console({u"--page"_s, u"all"_s, u"--screenshot"_s, m_home.filePath(u"x.png"_s)}).code, 2);
    }

    void aDamagedCacheIsLeftAlone()
    {
        const QString path = m_home.filePath(u"damaged.db"_s);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray("SQLite format 3") + QByteArray(4096, '\x5a'));
        f.close();
        const QByteArray before = [&] {
            QFile in(path);
            return in.open(QIODevice::ReadOnly) ? in.readAll() : QByteArray();
        }();
        const Run r = console(
            {u"--db"_s, path, u"--page"_s, u"orders"_s, u"--screenshot"_s, m_home.filePath(u"y.png"_s)});
        QCOMPARE(r.code, 1);
        QVERIFY2(!r.err.trimmed().isEmpty(), qPrintable(r.out));
        QFile after(path);
        QVERIFY(after.open(QIODevice::ReadOnly));
        QCOMPARE(after.readAll(), before);
    }
};

QTEST_GUILESS_MAIN(TestConsole)
#include "tst_console.moc"
