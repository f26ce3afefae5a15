#include "sync/secretstore.h"
#include "tests/support/testsupport.h"
#include "tests/sync/awaitresult.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>

#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN) && !defined(Q_OS_ANDROID)
#define CARDOPS_TEST_SECRET_SERVICE 1
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#endif

// SecretStore against a real keychain. ctest runs this under dbus-run-session with a throw-away,
// unlocked gnome-keyring (tests/support/with-keyring.sh); without a Secret Service on the bus it
// skips, and under CI=true it fails. (tst_secretstorefile covers the file fallback.)
using namespace cardops;
using namespace Qt::StringLiterals;
using core::ErrorCode;
using core::Result;
using sync::SecretStore;
using Storage = core::Profile::SecretStorage;

namespace {

Result<Storage> writeSecret(SecretStore& store, const QString& profile, const QByteArray& secret)
{
    return test::awaitResult<Storage>(
        [&](QObject* context, auto done) { store.write(profile, secret, context, done); });
}

Result<QByteArray> readSecret(SecretStore& store, const QString& profile, Storage where)
{
    return test::awaitResult<QByteArray>(
        [&](QObject* context, auto done) { store.read(profile, where, context, done); });
}

Result<void> removeSecret(SecretStore& store, const QString& profile, Storage where)
{
    return test::awaitResult<void>(
        [&](QObject* context, auto done) { store.remove(profile, where, context, done); });
}

template<typename T> QString detail(const Result<T>& result)
{
    return result.ok() ? QString() : result.error().detail;
}

// Waits for the Secret Service to own its bus name (gnome-keyring may still be claiming it).
bool secretServiceRunning()
{
#ifdef CARDOPS_TEST_SECRET_SERVICE
    const QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected() || !bus.interface())
        return false;
    return QTest::qWaitFor(
        [&bus] { return bus.interface()->isServiceRegistered(u"org.freedesktop.secrets"_s).value(); }, 5000);
#else
    return true; // Keychain and Credential Manager are always there
#endif
}

} // namespace

class TestSecretStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        if (!secretServiceRunning()) {
            const char* why = "no Secret Service on the D-Bus session bus (ctest starts one through "
                              "tests/support/with-keyring.sh; scripts/setup installs gnome-keyring)";
            if (test::underCi())
                QFAIL(why);
            QSKIP(why);
        }
        QVERIFY(SecretStore::keychainServiceAvailable());
#ifdef CARDOPS_TEST_SECRET_SERVICE
        m_secretTool = QStandardPaths::findExecutable(u"secret-tool"_s);
        if (m_secretTool.isEmpty()) {
            if (test::underCi())
                QFAIL("secret-tool is missing (libsecret-tools, installed by scripts/setup)");
            qWarning("secret-tool is missing: the keyring's own view of the entries is not checked");
        }
#endif
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_store = std::make_unique<SecretStore>(m_dir->filePath(u"profiles/shop"_s));
        // Unique per run and test, should the keyring be a developer's own.
        m_profile = u"tst-%1-%2"_s.arg(QCoreApplication::applicationPid()).arg(++m_serial);
    }

    void cleanup()
    {
        if (m_store)
            QVERIFY(removeSecret(*m_store, m_profile, Storage::Keychain).ok());
    }

    void writeReadRemove()
    {
        const QByteArray secret = "k3y-for-the-platform+/=";
        const Result<Storage> written = writeSecret(*m_store, m_profile, secret);
        QVERIFY2(written.ok(), qPrintable(detail(written)));
        QCOMPARE(*written, Storage::Keychain);
        QVERIFY(!QFileInfo::exists(m_store->fallbackFilePath()));
        QVERIFY(!QFileInfo::exists(m_store->fallbackDirectory())); // nothing on disk at all
        if (!m_secretTool.isEmpty())
            QCOMPARE(keyringHolds(m_profile), secret.toBase64()); // QtKeychain stores bytes as base64

        const Result<QByteArray> read = readSecret(*m_store, m_profile, Storage::Keychain);
        QVERIFY2(read.ok(), qPrintable(detail(read)));
        QCOMPARE(*read, secret);

        const Result<void> removed = removeSecret(*m_store, m_profile, Storage::Keychain);
        QVERIFY2(removed.ok(), qPrintable(detail(removed)));
        const Result<QByteArray> gone = readSecret(*m_store, m_profile, Storage::Keychain);
        QVERIFY(!gone.ok());
        QCOMPARE(gone.error().code, ErrorCode::NotFound);
        if (!m_secretTool.isEmpty())
            QCOMPARE(keyringHolds(m_profile), QByteArray());
        QVERIFY(removeSecret(*m_store, m_profile, Storage::Keychain).ok()); // already gone
    }

    void overwriteWithBinary()
    {
        static const char raw[] = "\0\x01\xff secret \xe5\x8d\xa1\n";
        const QByteArray binary(raw, static_cast<qsizetype>(sizeof raw) - 1);
        QCOMPARE(*writeSecret(*m_store, m_profile, "first"), Storage::Keychain);
        QCOMPARE(*writeSecret(*m_store, m_profile, binary), Storage::Keychain);
        QCOMPARE(*readSecret(*m_store, m_profile, Storage::Keychain), binary);
    }

    // Profiles are kept apart by their key.
    void profilesApart()
    {
        const QString other = m_profile + u"-other"_s;
        QVERIFY(writeSecret(*m_store, m_profile, "mine").ok());
        QVERIFY(writeSecret(*m_store, other, "theirs").ok());
        QCOMPARE(*readSecret(*m_store, m_profile, Storage::Keychain), QByteArray("mine"));
        QCOMPARE(*readSecret(*m_store, other, Storage::Keychain), QByteArray("theirs"));
        QVERIFY(removeSecret(*m_store, other, Storage::Keychain).ok());
        QCOMPARE(*readSecret(*m_store, m_profile, Storage::Keychain), QByteArray("mine"));
    }

    // A plaintext copy from a time without keychain does not outlive the move to the keychain.
    void keychainWriteRemovesFallbackFile()
    {
        QVERIFY(QDir().mkpath(m_store->fallbackDirectory()));
        QFile stale(m_store->fallbackFilePath());
        QVERIFY(stale.open(QIODevice::WriteOnly));
        stale.write("# CardOps platform secret for profile shop: old\nb2xk\n");
        stale.close();
        QCOMPARE(*writeSecret(*m_store, m_profile, "new"), Storage::Keychain);
        QVERIFY(!QFileInfo::exists(m_store->fallbackFilePath()));
        QCOMPARE(*readSecret(*m_store, m_profile, Storage::Keychain), QByteArray("new"));
    }

    void callbackNeedsItsContext()
    {
        bool answered = false;
        auto context = std::make_unique<QObject>();
        m_store->write(m_profile, "secret", context.get(), [&answered](Result<Storage>) { answered = true; });
        QVERIFY(!answered); // never inside the call
        context.reset();
        // QtKeychain runs one job at a time, so once this read answers the write has finished.
        QCOMPARE(*readSecret(*m_store, m_profile, Storage::Keychain), QByteArray("secret"));
        QTest::qWait(20);
        QVERIFY(!answered);
    }

    // Supplier secrets: one keyring entry each under profile/<name>/supplier/<id>, apart from the
    // platform secret; a file from a time without keychain is read until a write moves it over.
    void supplierSecrets()
    {
        const auto write = [&](const QString& id, const QByteArray& secret) {
            return test::awaitResult<Storage>(
                [&](QObject* c, auto done) { m_store->writeSupplier(m_profile, id, secret, c, done); });
        };
        const auto read = [&](const QString& id) {
            return test::awaitResult<QByteArray>(
                [&](QObject* c, auto done) { m_store->readSupplier(m_profile, id, c, done); });
        };
        QCOMPARE(*write(u"demo-fulu"_s, "0a091b3aa4324435aab703142518a8f7"), Storage::Keychain);
        QCOMPARE(*write(u"demo-acg"_s, "TESTKEY123"), Storage::Keychain);
        QVERIFY(!QFileInfo::exists(m_store->fallbackDirectory()));
        if (!m_secretTool.isEmpty())
            QCOMPARE(keyringEntry(SecretStore::supplierKeychainKey(m_profile, u"demo-acg"_s)),
                     QByteArray("TESTKEY123").toBase64());
        QCOMPARE(SecretStore::supplierKeychainKey(m_profile, u"demo-acg"_s),
                 u"profile/"_s + m_profile + u"/supplier/demo-acg"_s);
        QCOMPARE(read(u"demo-fulu"_s).value(), QByteArray("0a091b3aa4324435aab703142518a8f7"));
        QCOMPARE(read(u"demo-acg"_s).value(), QByteArray("TESTKEY123"));
        QCOMPARE(readSecret(*m_store, m_profile, Storage::Keychain).error().code, ErrorCode::NotFound);

        QVERIFY(QDir().mkpath(m_store->fallbackDirectory()));
        QFile stale(m_store->supplierFallbackFilePath(u"old"_s));
        QVERIFY(stale.open(QIODevice::WriteOnly));
        stale.write("# CardOps supplier old secret for profile shop: old\nb2xk\n");
        stale.close();
        QCOMPARE(read(u"old"_s).value(), QByteArray("old"));
        QCOMPARE(*write(u"old"_s, "new"), Storage::Keychain);
        QVERIFY(!stale.exists());
        QCOMPARE(read(u"old"_s).value(), QByteArray("new"));

        for (const QString& id : {u"demo-fulu"_s, u"demo-acg"_s, u"old"_s})
            QVERIFY(test::awaitResult<void>([&](QObject* c, auto done) {
                        m_store->removeSupplier(m_profile, id, c, done);
                    }).ok());
        QCOMPARE(read(u"demo-acg"_s).error().code, ErrorCode::NotFound);
    }

    // The seal key: 32 random bytes made on the first read and kept in the keyring; concurrent
    // first reads get the same key; removing it makes the next read a new key.
    void sealKeyCreatedOnFirstRead()
    {
        const auto seal = [&](SecretStore& store) {
            return test::awaitResult<QByteArray>(
                [&](QObject* c, auto done) { store.sealKey(m_profile, c, done); });
        };
        QByteArray early;
        m_store->sealKey(m_profile, nullptr, [&early](Result<QByteArray> r) { early = r.valueOr({}); });
        const QByteArray key = seal(*m_store).value();
        QCOMPARE(key.size(), SecretStore::kSealKeySize);
        QVERIFY(QTest::qWaitFor([&] { return !early.isEmpty(); }));
        QCOMPARE(early, key);
        QVERIFY(!QFileInfo::exists(m_store->sealFallbackFilePath()));
        if (!m_secretTool.isEmpty())
            QCOMPARE(keyringEntry(SecretStore::sealKeychainKey(m_profile)), key.toBase64());
        SecretStore other(m_dir->filePath(u"elsewhere"_s));
        QCOMPARE(seal(other).value(), key);

        QVERIFY(test::awaitResult<void>([&](QObject* c, auto done) {
                    m_store->removeSealKey(m_profile, c, done);
                }).ok());
        const QByteArray renewed = seal(*m_store).value();
        QCOMPARE(renewed.size(), SecretStore::kSealKeySize);
        QVERIFY(renewed != key);
        QVERIFY(test::awaitResult<void>([&](QObject* c, auto done) {
                    m_store->removeSealKey(m_profile, c, done);
                }).ok());
    }

    void missingEntry()
    {
        QCOMPARE(readSecret(*m_store, m_profile, Storage::Keychain).error().code, ErrorCode::NotFound);
        QCOMPARE(readSecret(*m_store, m_profile, Storage::None).error().code, ErrorCode::NotFound);
        QVERIFY(removeSecret(*m_store, m_profile, Storage::Keychain).ok());
    }

private:
    // What the Secret Service itself holds for the profile, asked through libsecret's own tool:
    // proof that the secret went to the keyring. Empty when there is no such entry.
    QByteArray keyringHolds(const QString& profile) const
    {
        return keyringEntry(SecretStore::keychainKey(profile));
    }
    // The same for any key of the store.
    QByteArray keyringEntry(const QString& key) const
    {
        QProcess tool;
        tool.start(m_secretTool,
                   {u"lookup"_s, u"user"_s, key, u"server"_s, SecretStore::kService.toString()});
        if (!tool.waitForFinished(10000))
            return "<secret-tool did not finish>";
        return tool.exitCode() == 0 ? tool.readAllStandardOutput() : QByteArray();
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SecretStore> m_store;
    QString m_profile;
    QString m_secretTool;
    int m_serial = 0;
};

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secretstore.moc"
