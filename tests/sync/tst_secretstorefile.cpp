#include "sync/secretstore.h"
#include "tests/sync/awaitresult.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

// The file fallback of SecretStore, in a process whose D-Bus session bus cannot be reached: the
// situation where architecture.md allows the labelled 0600 file. (tst_secretstore covers the
// keychain.)
using namespace cardops;
using namespace Qt::StringLiterals;
using core::ErrorCode;
using core::Result;
using sync::SecretStore;
using Storage = core::Profile::SecretStorage;

namespace {

constexpr QFileDevice::Permissions kOthers = QFileDevice::ReadGroup | QFileDevice::WriteGroup |
                                             QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                             QFileDevice::WriteOther | QFileDevice::ExeOther;

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

QList<QByteArray> fileLines(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll().split('\n');
}

#ifdef Q_OS_UNIX
// Makes files world-readable by default while alive, so a 0600 result cannot come from the umask.
class OpenUmask
{
public:
    OpenUmask()
        : m_old(::umask(0))
    {}
    ~OpenUmask() { ::umask(m_old); }
    OpenUmask(const OpenUmask&) = delete;
    OpenUmask& operator=(const OpenUmask&) = delete;

private:
    mode_t m_old;
};
#endif

// The mode bits as the OS reports them: 0600 is the promise.
int modeBits(const QString& path)
{
#ifdef Q_OS_UNIX
    struct stat st = {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return static_cast<int>(st.st_mode & 0777);
#else
    Q_UNUSED(path);
    return 0600;
#endif
}

} // namespace

class TestSecretStoreFile : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_busDir.isValid());
        // Before anything touches D-Bus: the session bus address points at nothing.
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=" + QFile::encodeName(m_busDir.filePath(u"no-bus"_s)));
        QVERIFY(!SecretStore::keychainServiceAvailable());
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_store = std::make_unique<SecretStore>(m_dir->filePath(u"profiles/星河"_s));
    }

    // Supplier secrets and the seal key follow the platform secret's rule: one labelled 0600 file
    // each, next to it, read back without being told where.
    void supplierSecretsAndSealKeyInFiles()
    {
        {
#ifdef Q_OS_UNIX
            const OpenUmask openUmask;
#endif
            const auto fulu = test::awaitResult<Storage>([&](QObject* c, auto done) {
                m_store->writeSupplier(u"星河"_s, u"fulu-main"_s, "0a091b3a", c, done);
            });
            QVERIFY2(fulu.ok(), qPrintable(detail(fulu)));
            QCOMPARE(*fulu, Storage::File);
            QVERIFY(test::awaitResult<Storage>([&](QObject* c, auto done) {
                        m_store->writeSupplier(u"星河"_s, u"货源 2"_s, "TESTKEY123", c, done);
                    }).ok());
        }
        const QString path = m_store->supplierFallbackFilePath(u"fulu-main"_s);
        QCOMPARE(path, m_dir->filePath(u"profiles/星河/supplier-fulu-main.secret"_s));
        QCOMPARE(modeBits(path), 0600);
        QVERIFY(
            fileLines(path).value(0).startsWith("# CardOps supplier fulu-main secret for profile 星河: "));
        // An id a file name cannot hold is written in hex.
        QVERIFY(
            m_store->supplierFallbackFilePath(u"货源 2"_s).endsWith(u"/supplier-xe8b4a7e6ba902032.secret"_s));
        const auto read = test::awaitResult<QByteArray>(
            [&](QObject* c, auto done) { m_store->readSupplier(u"星河"_s, u"fulu-main"_s, c, done); });
        QCOMPARE(read.value(), QByteArray("0a091b3a"));
        const auto other = test::awaitResult<QByteArray>(
            [&](QObject* c, auto done) { m_store->readSupplier(u"星河"_s, u"货源 2"_s, c, done); });
        QCOMPARE(other.value(), QByteArray("TESTKEY123"));
        QVERIFY(!QFileInfo::exists(m_store->fallbackFilePath())); // the platform secret is apart

        // The seal key: created once, 32 bytes, 0600, the same on every read and for a new store.
        QByteArray first;
        QByteArray second;
        bool firstDone = false;
        m_store->sealKey(u"星河"_s, nullptr, [&](Result<QByteArray> r) {
            first = r.valueOr({});
            firstDone = true;
        });
        const auto concurrent = test::awaitResult<QByteArray>(
            [&](QObject* c, auto done) { m_store->sealKey(u"星河"_s, c, done); });
        QVERIFY(QTest::qWaitFor([&] { return firstDone; }));
        QCOMPARE(first.size(), SecretStore::kSealKeySize);
        QCOMPARE(concurrent.value(), first);
        QCOMPARE(modeBits(m_store->sealFallbackFilePath()), 0600);
        SecretStore again(m_store->fallbackDirectory());
        second = test::awaitResult<QByteArray>([&](QObject* c, auto done) {
                     again.sealKey(u"星河"_s, c, done);
                 }).valueOr({});
        QCOMPARE(second, first);

        QVERIFY(test::awaitResult<void>([&](QObject* c, auto done) {
                    m_store->removeSupplier(u"星河"_s, u"fulu-main"_s, c, done);
                }).ok());
        QVERIFY(!QFileInfo::exists(path));
        const auto gone = test::awaitResult<QByteArray>(
            [&](QObject* c, auto done) { m_store->readSupplier(u"星河"_s, u"fulu-main"_s, c, done); });
        QCOMPARE(gone.error().code, ErrorCode::NotFound);
        QCOMPARE(test::awaitResult<QByteArray>(
                     [&](QObject* c, auto done) { m_store->readSupplier(u"星河"_s, QString(), c, done); })
                     .error()
                     .code,
                 ErrorCode::InvalidArgument);
    }

    void badSealKeyIsRefused()
    {
        QVERIFY(QDir().mkpath(m_store->fallbackDirectory()));
        QFile f(m_store->sealFallbackFilePath());
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("# CardOps seal key for profile 星河: short\nc2hvcnQ=\n");
        f.close();
        const auto key = test::awaitResult<QByteArray>(
            [&](QObject* c, auto done) { m_store->sealKey(u"星河"_s, c, done); });
        QCOMPARE(key.error().code, ErrorCode::Parse);
    }

    void writeFallsBackToFile()
    {
        static const char raw[] = "s3cr3t\0+/\xe5\x8d\xa1"; // binary: a NUL and UTF-8 bytes
        const QByteArray secret(raw, static_cast<qsizetype>(sizeof raw) - 1);
        const QString path = m_store->fallbackFilePath();
        QCOMPARE(path, m_dir->filePath(u"profiles/星河/platform.secret"_s));
        {
#ifdef Q_OS_UNIX
            const OpenUmask openUmask;
#endif
            const Result<Storage> written = writeSecret(*m_store, u"星河"_s, secret);
            QVERIFY2(written.ok(), qPrintable(detail(written)));
            QCOMPARE(*written, Storage::File);
        }
        QVERIFY(QFileInfo::exists(path));
        QCOMPARE(modeBits(path), 0600);
        QCOMPARE(QFileInfo(path).permissions() & kOthers, QFileDevice::Permissions());
        QVERIFY(QFileInfo(path).permissions().testFlag(QFileDevice::ReadOwner));
        QCOMPARE(QDir(m_store->fallbackDirectory()).entryList(QDir::Files),
                 QStringList{u"platform.secret"_s});

        const QList<QByteArray> lines = fileLines(path);
        QCOMPARE(lines.size(), 3); // label, secret, and the empty piece after the final newline
        QVERIFY2(lines.at(0).startsWith("# CardOps platform secret for profile 星河: "),
                 lines.at(0).constData());
        QVERIFY(lines.at(0).contains("no keychain service"));
        QCOMPARE(lines.at(1), secret.toBase64());
        QVERIFY(lines.at(2).isEmpty());

        const Result<QByteArray> read = readSecret(*m_store, u"星河"_s, Storage::File);
        QVERIFY2(read.ok(), qPrintable(detail(read)));
        QCOMPARE(*read, secret);

        const Result<void> removed = removeSecret(*m_store, u"星河"_s, Storage::File);
        QVERIFY2(removed.ok(), qPrintable(detail(removed)));
        QVERIFY(!QFileInfo::exists(path));
        QCOMPARE(readSecret(*m_store, u"星河"_s, Storage::File).error().code, ErrorCode::NotFound);
        QVERIFY(removeSecret(*m_store, u"星河"_s, Storage::File).ok()); // already gone
    }

    // An existing file that someone opened up is written owner-only again.
    void overwriteIsOwnerOnly()
    {
        const QString path = m_store->fallbackFilePath();
        QVERIFY(QDir().mkpath(m_store->fallbackDirectory()));
        {
            QFile old(path);
            QVERIFY(old.open(QIODevice::WriteOnly));
            old.write("old");
        }
        QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                QFileDevice::ReadGroup | QFileDevice::ReadOther));
        QVERIFY(writeSecret(*m_store, u"shop"_s, "first").ok());
        QVERIFY(writeSecret(*m_store, u"shop"_s, "second").ok());
        QCOMPARE(modeBits(path), 0600);
        QCOMPARE(*readSecret(*m_store, u"shop"_s, Storage::File), QByteArray("second"));
    }

    void corruptFile_data()
    {
        QTest::addColumn<QByteArray>("content");
        const QByteArray label = "# CardOps platform secret for profile shop: stored in this file\n";
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("no label") << QByteArray("c2VjcmV0\n");
        QTest::newRow("label only") << label;
        QTest::newRow("not base64") << QByteArray(label + "not base64!\n");
        QTest::newRow("empty secret") << QByteArray(label + "\n");
        QTest::newRow("extra line") << QByteArray(label + "c2VjcmV0\nc2VjcmV0\n");
        QTest::newRow("other program's label") << QByteArray("# secret\nc2VjcmV0\n");
        QTest::newRow("binary") << QByteArray("\x00\x01\x02\xff", 4);
    }
    void corruptFile()
    {
        QFETCH(QByteArray, content);
        QVERIFY(QDir().mkpath(m_store->fallbackDirectory()));
        QFile f(m_store->fallbackFilePath());
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
        f.close();
        const Result<QByteArray> read = readSecret(*m_store, u"shop"_s, Storage::File);
        QVERIFY(!read.ok());
        QCOMPARE(read.error().code, ErrorCode::Parse);
        QVERIFY2(read.error().detail.contains(m_store->fallbackFilePath()), qPrintable(read.error().detail));
    }

    void wellFormedFileReads()
    {
        QVERIFY(QDir().mkpath(m_store->fallbackDirectory()));
        QFile f(m_store->fallbackFilePath());
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("# CardOps platform secret for profile shop: edited on Windows\r\nc2VjcmV0\r\n");
        f.close();
        QCOMPARE(*readSecret(*m_store, u"shop"_s, Storage::File), QByteArray("secret"));
    }

    void refusedInput()
    {
        const Result<Storage> empty = writeSecret(*m_store, u"shop"_s, QByteArray());
        QCOMPARE(empty.error().code, ErrorCode::InvalidArgument);
        const Result<Storage> badName = writeSecret(*m_store, u"../shop"_s, "secret");
        QCOMPARE(badName.error().code, ErrorCode::InvalidArgument);
        QVERIFY(!QFileInfo::exists(m_store->fallbackFilePath()));
        QCOMPARE(readSecret(*m_store, u"a b"_s, Storage::File).error().code, ErrorCode::InvalidArgument);
    }

    void noSecretStored()
    {
        QCOMPARE(readSecret(*m_store, u"shop"_s, Storage::None).error().code, ErrorCode::NotFound);
        QCOMPARE(readSecret(*m_store, u"shop"_s, Storage::File).error().code, ErrorCode::NotFound);
        QVERIFY(removeSecret(*m_store, u"shop"_s, Storage::None).ok());
    }

    // A profile whose secret is in the keychain cannot be served from the file when the keychain
    // is gone: the caller hears that the keychain is unreachable.
    void keychainUnreachable()
    {
        QVERIFY(writeSecret(*m_store, u"shop"_s, "secret").ok());
        const Result<QByteArray> read = readSecret(*m_store, u"shop"_s, Storage::Keychain);
        QVERIFY(!read.ok());
        QCOMPARE(read.error().code, ErrorCode::Io);
        QVERIFY2(read.error().detail.contains(u"no keychain service"_s), qPrintable(read.error().detail));
        const Result<void> removed = removeSecret(*m_store, u"shop"_s, Storage::Keychain);
        QCOMPARE(removed.error().code, ErrorCode::Io);
        QVERIFY(!QFileInfo::exists(m_store->fallbackFilePath())); // the file went all the same
    }

    void callbackIsLaterAndNeedsItsContext()
    {
        bool answered = false;
        auto context = std::make_unique<QObject>();
        m_store->write(u"shop"_s, "secret", context.get(), [&answered](Result<Storage>) { answered = true; });
        QVERIFY(!answered); // never inside the call
        context.reset();
        QTest::qWait(50);
        QVERIFY(!answered);
        // The work itself is not undone by a departed listener.
        QCOMPARE(*readSecret(*m_store, u"shop"_s, Storage::File), QByteArray("secret"));

        // A null context means the store.
        m_store->read(u"shop"_s, Storage::File, nullptr,
                      [&answered](Result<QByteArray> r) { answered = r.ok(); });
        QVERIFY(!answered);
        QTRY_VERIFY(answered);
    }

private:
    QTemporaryDir m_busDir;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SecretStore> m_store;
};

QTEST_GUILESS_MAIN(TestSecretStoreFile)
#include "tst_secretstorefile.moc"
