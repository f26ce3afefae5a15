#include "tests/meta/connectscanner.h"

#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QtTest>

using cardops::test::findConnectCalls;
using cardops::test::findContextlessConnects;

namespace {

const QStringList kSourceDirs = {
    QStringLiteral("core"),   QStringLiteral("storage"), QStringLiteral("sync"), QStringLiteral("suppliers"),
    QStringLiteral("models"), QStringLiteral("ui"),      QStringLiteral("app"),  QStringLiteral("sim"),
    QStringLiteral("bridge"), QStringLiteral("tests"),   QStringLiteral("bench")};

struct SourceFile
{
    QString relative;
    QString text;
};

QList<SourceFile> sources(const QStringList& dirs)
{
    QList<SourceFile> out;
    const QString root = QStringLiteral(CARDOPS_SOURCE_DIR);
    for (const QString& dir : dirs) {
        QDirIterator it(root + u'/' + dir, {QStringLiteral("*.cpp"), QStringLiteral("*.h")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QFile f(path);
            if (f.open(QIODevice::ReadOnly))
                out.append({path.mid(root.size() + 1), QString::fromUtf8(f.readAll())});
        }
    }
    return out;
}

} // namespace

class TestSourceRules : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void scannerCountsArguments_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("calls");
        QTest::addColumn<int>("contextless");
        QTest::newRow("functor with context") << "connect(a, &A::done, this, [this] { go(); });" << 1 << 0;
        QTest::newRow("member slot") << "QObject::connect(a, &A::done, b, &B::go);" << 1 << 0;
        QTest::newRow("connection type")
            << "connect(a, &A::done, this, &X::go, Qt::QueuedConnection);" << 1 << 0;
        QTest::newRow("lambda without context") << "connect(a, &A::done, [] { go(); });" << 1 << 1;
        QTest::newRow("qualified without context")
            << "QObject::connect(m_timer, &QTimer::timeout, [&](){ f(1, 2); });" << 1 << 1;
        QTest::newRow("string based") << "connect(a, SIGNAL(done()), SLOT(go()));" << 1 << 1;
        QTest::newRow("multi-line")
            << "connect(reply,\n  &QNetworkReply::finished,\n  [=]() {\n  handle(reply, {1, 2});\n});" << 1
            << 1;
        QTest::newRow("overload template")
            << "connect(box, QOverload<int, bool>::of(&Box::changed), this, &X::f);" << 1 << 0;
        QTest::newRow("disconnect ignored") << "disconnect(a, &A::done, nullptr);" << 0 << 0;
        QTest::newRow("declaration ignored")
            << "bool connect(const QString& host, int port, int timeout);" << 0 << 0;
        QTest::newRow("in comment ignored")
            << "// connect(a, &A::done, [] {});\n/* connect(a, b, c) */" << 0 << 0;
        QTest::newRow("in string ignored") << "auto s = \"connect(a, b, c)\";" << 0 << 0;
        QTest::newRow("member call") << "m_socket->connect(a, &A::x, [] {});" << 1 << 1;
    }
    void scannerCountsArguments()
    {
        QFETCH(QString, code);
        QFETCH(int, calls);
        QFETCH(int, contextless);
        QCOMPARE(findConnectCalls(code).size(), calls);
        QCOMPARE(findContextlessConnects(code).size(), contextless);
    }

    void noContextlessConnectInTree()
    {
        const auto files = sources(kSourceDirs);
        QVERIFY2(files.size() > 10, "the source tree was not found");
        QStringList offenders;
        for (const auto& file : files)
            for (const auto& call : findContextlessConnects(file.text))
                offenders << file.relative + u':' + QString::number(call.line) + u": " +
                                 call.text.simplified();
        QVERIFY2(offenders.isEmpty(),
                 qPrintable(u"connect() without a context object:\n" + offenders.join(u'\n')));
    }

    // architecture.md's layer rules, for what target_link_libraries cannot see (headers).
    void layersHold_data()
    {
        QTest::addColumn<QStringList>("dirs");
        QTest::addColumn<QString>("forbidden");
        QTest::addColumn<bool>("publicHeadersOnly");
        const QString widgets = QStringLiteral(
            R"(#\s*include\s*<(QtWidgets|QtCharts|QWidget|QMainWindow|QDialog|QMessageBox|QChart|QApplication)\b)");
        QTest::newRow("no widgets below ui")
            << QStringList{QStringLiteral("core"),      QStringLiteral("storage"), QStringLiteral("sync"),
                           QStringLiteral("suppliers"), QStringLiteral("models"),  QStringLiteral("sim"),
                           QStringLiteral("bridge")}
            << widgets << false;
        QTest::newRow("core: no sql, network, gui")
            << QStringList{QStringLiteral("core")}
            << QStringLiteral(
                   R"(#\s*include\s*<(QtSql|QSql\w*|QtNetwork|QNetwork\w*|QtGui|QColor|QIcon|QPixmap|QImage)\b)")
            << false;
        QTest::newRow("storage: no network")
            << QStringList{QStringLiteral("storage")}
            << QStringLiteral(R"(#\s*include\s*<(QtNetwork|QNetwork\w*)\b)") << false;
        QTest::newRow("suppliers: no sql") << QStringList{QStringLiteral("suppliers")}
                                           << QStringLiteral(R"(#\s*include\s*<(QtSql|QSql\w*)\b)") << false;
        QTest::newRow("storage: no QSql in public headers")
            << QStringList{QStringLiteral("storage")} << QStringLiteral(R"(#\s*include\s*<(QtSql|QSql\w*)\b)")
            << true;
    }
    void layersHold()
    {
        QFETCH(QStringList, dirs);
        QFETCH(QString, forbidden);
        QFETCH(bool, publicHeadersOnly);
        const QRegularExpression re(forbidden);
        QVERIFY(re.isValid());
        QStringList offenders;
        for (const auto& file : sources(dirs)) {
            if (publicHeadersOnly && (!file.relative.endsWith(u".h") || file.relative.endsWith(u"_p.h")))
                continue;
            const auto m = re.match(file.text);
            if (m.hasMatch())
                offenders << file.relative + u": " + m.captured(0);
        }
        QVERIFY2(offenders.isEmpty(), qPrintable(offenders.join(u'\n')));
    }
};

QTEST_GUILESS_MAIN(TestSourceRules)
#include "tst_sourcerules.moc"
