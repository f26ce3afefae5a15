#include "app/gui/consoleapp.h"
#include "app/gui/consolesession.h"
#include "core/clock.h"
#include "models/datasource.h"
#include "sim/data/generator.h"
#include "sim/server/simserver.h"
#include "storage/counters.h"
#include "storage/readsession.h"

#include <QCryptographicHash>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace cardops;
using namespace Qt::StringLiterals;

// The console's composition root against a real simulator over loopback HTTP: a connection test
// shows the platform's own answer or its exact error, a saved profile keeps its secret in the
// secret store (here the labelled file: this test runs without a keychain service), and opening the
// profile reads the secret back and syncs.
class TestConsoleApp : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_root;
    core::SystemClock m_clock;
    std::unique_ptr<sim::SimServer> m_sim;
    QUrl m_url;

    models::ShopConnection shop(const QString& name, const QByteArray& secret) const
    {
        return {name, m_url, u"demo"_s, secret};
    }

    models::ConnectionCheck check(app::ConsoleApp& console, const models::ShopConnection& connection)
    {
        std::optional<models::ConnectionCheck> answer;
        console.testConnection(connection, this, [&](const models::ConnectionCheck& c) { answer = c; });
        if (!QTest::qWaitFor([&] { return answer.has_value(); }, 30'000))
            return {false, {}, u"no answer"_s};
        return *answer;
    }

    QString add(app::ConsoleApp& console, const models::ShopConnection& connection)
    {
        std::optional<QString> error;
        console.addProfile(connection, this, [&](const QString& e) { error = e; });
        if (!QTest::qWaitFor([&] { return error.has_value(); }, 30'000))
            return u"no answer"_s;
        return *error;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_root.isValid());
        QStandardPaths::setTestModeEnabled(true); // QSettings in a test location
        sim::GeneratorParams params;
        params.orders = 600;
        params.days = 10;
        params.members = 100;
        params.goods = 40;
        m_sim = std::make_unique<sim::SimServer>(sim::generatePlatform(params, m_clock), m_clock);
        const quint16 port = m_sim->listen(QHostAddress::LocalHost, 0);
        QVERIFY(port != 0);
        m_url = QUrl(u"http://127.0.0.1:%1"_s.arg(port));
    }

    void aGoodConnectionShowsThePlatformsAnswer()
    {
        app::ConsoleApp console(m_root.path(), u"en"_s);
        const auto c = check(console, shop(u"s1"_s, "demo-secret"));
        QVERIFY2(c.ok, qPrintable(c.answer));
        QCOMPARE(c.shopName, u"演示卡盟"_s);
        QVERIFY(c.answer.contains(u"platform_time"_s));
    }

    void aWrongSecretShowsTheExactError()
    {
        app::ConsoleApp console(m_root.path(), u"en"_s);
        const auto c = check(console, shop(u"s1"_s, "not-the-secret"));
        QVERIFY(!c.ok);
        QVERIFY2(c.answer.contains(u"401"_s) && c.answer.contains(u"4010"_s), qPrintable(c.answer));
        const auto closed =
            check(console, {u"s1"_s, QUrl(u"http://127.0.0.1:1"_s), u"demo"_s, "demo-secret"});
        QVERIFY(!closed.ok);
        QVERIFY2(closed.answer.contains(u"Network"_s), qPrintable(closed.answer));
    }

    void aSavedProfileOpensAndSyncs()
    {
        app::ConsoleApp console(m_root.path(), u"en"_s);
        QCOMPARE(add(console, shop(u"s1"_s, "demo-secret")), QString());
        QVERIFY(!add(console, shop(u"s1"_s, "demo-secret")).isEmpty()); // the name is taken
        QVERIFY(!add(console, {u"s2"_s, QUrl(u"http://shop.example.com"_s), u"a"_s, "b"})
                     .isEmpty()); // plain http
        const auto profiles = console.profiles();
        QCOMPARE(profiles.size(), 1);
        QVERIFY(profiles.first().secretInFile); // no keychain service in this test's environment
        QVERIFY(QFile::exists(m_root.filePath(u"s1/platform.secret"_s)));
        QFile profileFile(m_root.filePath(u"s1/profile.json"_s));
        QVERIFY(profileFile.open(QIODevice::ReadOnly));
        const QByteArray profileJson = profileFile.readAll();
        QVERIFY(profileJson.contains("\"app_id\""));
        QVERIFY(!profileJson.contains("demo-secret")); // the secret never sits in the profile

        QSignalSpy finished(&console, &models::ConsoleBackend::syncFinished);
        QVERIFY(console.openProfile(u"s1"_s).ok());
        QVERIFY(!console.isDemo());
        QVERIFY(finished.wait(60'000));
        QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(2).toString()));
        storage::ReadSession read(console.session()->source().databasePath());
        QCOMPARE(storage::counters::read(read, storage::counters::OrdersTotal).valueOr(-1), 600);
        QVERIFY(console.lastExchange().contains(u"X-Signature"_s));
        QString error;
        QVERIFY(!console.removeProfile(u"s1"_s, &error)); // the open profile stays
        QVERIFY(!error.isEmpty());
        QCOMPARE(console.defaultProfile(), u"s1"_s);
    }

    void aDamagedCacheIsNeverWritten()
    {
        // A shop profile whose cache has a page overwritten after a clean close.
        app::ConsoleApp console(m_root.path(), u"en"_s);
        QCOMPARE(add(console, shop(u"s4"_s, "demo-secret")), QString());
        const QString cache = m_root.filePath(u"s4/cache.db"_s);
        {
            QSignalSpy finished(&console, &models::ConsoleBackend::syncFinished);
            QVERIFY(console.openProfile(u"s4"_s).ok());
            QVERIFY(finished.wait(60'000));
            QVERIFY(finished.first().at(0).toBool());
        }
        QVERIFY(console.openFile(m_root.filePath(u"elsewhere.db"_s)).ok()); // closes s4's cache
        QFile f(cache);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.size() > 16 * 4096);
        QVERIFY(f.seek((f.size() / 2) / 4096 * 4096));
        f.write(QByteArray(4096, '\x5a'));
        f.close();
        const auto hash = [&] {
            QFile in(cache);
            return in.open(QIODevice::ReadOnly)
                       ? QCryptographicHash::hash(in.readAll(), QCryptographicHash::Sha256)
                       : QByteArray();
        };
        const QByteArray before = hash();

        app::ConsoleApp reopened(m_root.path(), u"en"_s);
        QSignalSpy damaged(&reopened, &models::ConsoleBackend::cacheDamaged);
        QSignalSpy synced(&reopened, &models::ConsoleBackend::syncFinished);
        QVERIFY(reopened.openProfile(u"s4"_s).ok()); // opens at once; the check runs behind
        QVERIFY(damaged.wait(30'000));
        QVERIFY(!damaged.first().at(0).toString().isEmpty());
        QTest::qWait(300);
        QCOMPARE(synced.count(), 0); // never synced
        QCOMPARE(hash(), before);    // never written
    }

    void aWrongStoredSecretFailsTheSyncClearly()
    {
        app::ConsoleApp console(m_root.path(), u"en"_s);
        QCOMPARE(add(console, shop(u"s3"_s, "stale-secret")), QString());
        QSignalSpy finished(&console, &models::ConsoleBackend::syncFinished);
        QVERIFY(console.openProfile(u"s3"_s).ok());
        QVERIFY(finished.wait(60'000));
        QVERIFY(!finished.first().at(0).toBool());
        QVERIFY2(finished.first().at(2).toString().contains(u"401"_s),
                 qPrintable(finished.first().at(2).toString()));
    }
};

int main(int argc, char** argv)
{
    // No keychain service: the secret store must use its labelled file (the keychain path has its
    // own test under dbus-run-session).
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/cardops-test-bus");
    QCoreApplication app(argc, argv);
    TestConsoleApp test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_consoleapp.moc"
