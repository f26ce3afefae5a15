// cardops-cli cards import / upload against the simulator on loopback (--url, --app-id and the secret
// in CARDOPS_PLATFORM_SECRET): the online preview counts the platform's stock as already in stock,
// the upload prints the platform's answer per line with the file's line numbers.
#include "core/cardimport.h"
#include "sim/data/generator.h"
#include "sim/data/goodscards.h"
#include "sim/server/simserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace cardops;
using namespace Qt::StringLiterals;

namespace {

// JSON written with ' for " (readable in C++ strings).
QString quoted(const char* text)
{
    return QString::fromLatin1(text).replace(u'\'', u'"');
}

} // namespace

class TestCliCards : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    core::SystemClock m_clock;
    std::unique_ptr<sim::SimServer> m_server;
    QString m_url;
    qint64 m_goodsId = 0;

    struct Run
    {
        int code = -1;
        QString out;
        QString err;
    };
    // Runs the CLI while this process's event loop keeps serving the simulator.
    Run cli(const QStringList& arguments, const QString& secret = u"demo-secret"_s)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"XDG_DATA_HOME"_s, m_dir.filePath(u"data"_s));
        env.insert(u"CARDOPS_PLATFORM_SECRET"_s, secret);
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(CARDOPS_CLI), arguments + QStringList{u"--lang"_s, u"en"_s});
        if (!QTest::qWaitFor([&p] { return p.state() == QProcess::NotRunning; }, 60'000))
            return {};
        return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
                QString::fromUtf8(p.readAllStandardError())};
    }
    QString writeFile(const QString& name, const QByteArray& bytes)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (f.open(QIODevice::WriteOnly))
            f.write(bytes);
        return path;
    }
    QStringList args(const QString& action, const QString& file, bool dryRun)
    {
        QStringList a{u"cards"_s,    action,      u"--goods"_s, QString::number(m_goodsId),
                      u"--format"_s, u"single"_s, u"--url"_s,   m_url,
                      u"--app-id"_s, u"demo"_s,   file};
        if (dryRun)
            a << u"--dry-run"_s;
        return a;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        sim::GeneratorParams p;
        p.seed = 9;
        p.days = 3;
        p.orders = 200;
        p.members = 40;
        p.goods = 30;
        m_server = std::make_unique<sim::SimServer>(sim::generatePlatform(p, m_clock), m_clock);
        const quint16 port = m_server->listen(QHostAddress::LocalHost, 0);
        QVERIFY(port != 0);
        m_url = u"http://127.0.0.1:%1"_s.arg(port);
        const sim::ApiResult created =
            m_server->state().createGoods(QJsonObject{{u"name"_s, u"CDK 测试"_s},
                                                      {u"category_id"_s, 1},
                                                      {u"kind"_s, u"card"_s},
                                                      {u"face_value"_s, u"10.0000"_s},
                                                      {u"price"_s, u"9.0000"_s},
                                                      {u"card_format"_s, u"single"_s}});
        QVERIFY2(created.isOk(), created.message.constData());
        m_goodsId = QJsonDocument::fromJson(created.data).object().value(u"id").toInteger();
        QVERIFY(m_goodsId != 0);
    }

    void uploadThenPreviewAgain()
    {
        // 6 lines: 3 new, a repeat, a blank line, a line of two codes (invalid for single).
        const QString file =
            writeFile(u"cards.txt"_s, "CDK-AAAA-0001\r\nCDK-AAAA-0002\r\nCDK-AAAA-0001\r\n\r\n"
                                      "CDK-AAAA-0003\r\nTWO CODES\r\n");
        const Run before = cli(args(u"import"_s, file, true));
        QVERIFY2(before.code == 0, qPrintable(before.err));
        QCOMPARE(before.out.trimmed(), quoted("{'new':3,'duplicate_in_file':1,'already_in_stock':0,"
                                              "'invalid':[{'line':6,'reason':'field_count'}]}"));
        QVERIFY2(before.err.contains(u"Compared with the 0 cards the platform holds"_s),
                 qPrintable(before.err));

        const qint64 stock = m_server->state().goods()[m_goodsId - 1].stockAvailable;
        const Run up = cli(args(u"upload"_s, file, false));
        QVERIFY2(up.code == 0, qPrintable(up.err));
        const QJsonObject answer = QJsonDocument::fromJson(up.out.toUtf8()).object();
        QCOMPARE(answer.value(u"added").toInt(), 3);
        QCOMPARE(answer.value(u"duplicate").toInt(), 0);
        QCOMPARE(answer.value(u"stock_available").toInteger(), stock + 3);
        const QJsonArray lines = answer.value(u"lines").toArray();
        QCOMPARE(lines.size(), 3);
        const QList<int> fileLines = {1, 2, 5};
        for (qsizetype i = 0; i < lines.size(); ++i) {
            QCOMPARE(lines[i].toObject().value(u"line").toInt(), fileLines[i]);
            QCOMPARE(lines[i].toObject().value(u"result").toString(), u"added"_s);
            QVERIFY(lines[i].toObject().value(u"id").toInteger() > sim::GoodsCards::kIdBase);
        }
        QCOMPARE(m_server->state().goodsCards().cardIdsOf(m_goodsId).size(), 3);

        // The same file again: everything is already in stock; an upload sends nothing.
        const Run after = cli(args(u"import"_s, file, true));
        QCOMPARE(after.out.trimmed(), quoted("{'new':0,'duplicate_in_file':1,'already_in_stock':3,"
                                             "'invalid':[{'line':6,'reason':'field_count'}]}"));
        const Run again = cli(args(u"upload"_s, file, false));
        QCOMPARE(again.code, 0);
        QCOMPARE(again.out.trimmed(), quoted("{'added':0,'duplicate':0,'invalid':0,'lines':[]}"));
        QCOMPARE(m_server->state().goodsCards().size(), 3);
    }

    void refusals()
    {
        const qsizetype cards = m_server->state().goodsCards().size();
        const QString file = writeFile(u"one.txt"_s, "CDK-ONE\n");
        const Run wrongSecret = cli(args(u"import"_s, file, true), u"not-the-secret"_s);
        QCOMPARE(wrongSecret.code, 1);
        QVERIFY(wrongSecret.out.isEmpty());
        QVERIFY2(wrongSecret.err.contains(u"stock could not be read"_s), qPrintable(wrongSecret.err));
        const Run offlineUpload =
            cli({u"cards"_s, u"upload"_s, u"--goods"_s, u"1"_s, u"--format"_s, u"single"_s, file});
        QCOMPARE(offlineUpload.code, 2);
        QVERIFY2(offlineUpload.err.contains(u"needs the platform"_s), qPrintable(offlineUpload.err));
        const Run uploadDryRun = cli(args(u"upload"_s, file, true));
        QCOMPARE(uploadDryRun.code, 2);
        const Run noAppId = cli({u"cards"_s, u"import"_s, u"--goods"_s, u"1"_s, u"--format"_s, u"single"_s,
                                 u"--url"_s, m_url, file, u"--dry-run"_s});
        QCOMPARE(noAppId.code, 2);
        QVERIFY2(noAppId.err.contains(u"--app-id"_s), qPrintable(noAppId.err));
        const Run unknownGoods =
            cli({u"cards"_s, u"import"_s, u"--goods"_s, u"99999"_s, u"--format"_s, u"single"_s, u"--url"_s,
                 m_url, u"--app-id"_s, u"demo"_s, file, u"--dry-run"_s});
        QCOMPARE(unknownGoods.code, 1);
        QCOMPARE(m_server->state().goodsCards().size(), cards); // nothing uploaded by any of these
    }
};

QTEST_GUILESS_MAIN(TestCliCards)
#include "tst_clicards.moc"
