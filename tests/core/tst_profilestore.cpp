#include "core/profilestore.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace cardops::core;
using namespace Qt::StringLiterals;

namespace {

Profile sampleShop(const QString& name)
{
    Profile p = Profile::shop(name, QUrl(u"https://platform.example.com/api"_s), u"app-42"_s, 1700000000);
    p.displayName = u"星河卡盟"_s;
    p.secretStorage = Profile::SecretStorage::Keychain;
    p.suppliers = {
        {u"fulu-main"_s, kProtocolFulu.toString(), QUrl(u"https://openapi.fulu.com/api/getway"_s),
         u"i4esv1l+76l/7N"_s},
        {u"acg"_s, kProtocolAcgFaka.toString(), QUrl(u"https://faka.example.net"_s), u"1000"_s},
    };
    return p;
}

SupplierEndpoint supplier(const QString& url)
{
    return {u"sim"_s, kProtocolAcgFaka.toString(), QUrl(url), u"1000"_s};
}

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

// JSON written with single quotes, so the test data needs no escaping.
QByteArray json(const char* singleQuoted)
{
    return QByteArray(singleQuoted).replace('\'', '"');
}

// A profile.json of a shop whose remaining members are given (single-quoted, unbraced at the start).
QByteArray shopJson(const char* rest)
{
    return json("{'format': 1, 'kind': 'shop', 'platform_url': 'https://p.example.com', ") + json(rest);
}

QByteArray readFile(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// The error text of a failed result, for QVERIFY2 (which builds its message even on success).
template<typename T> QString detail(const Result<T>& result)
{
    return result.ok() ? QString() : result.error().detail;
}

QStringList names(const QList<Profile>& profiles)
{
    QStringList out;
    for (const Profile& p : profiles)
        out << p.name;
    return out;
}

} // namespace

class TestProfileStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_root = m_dir->filePath(u"profiles"_s);
    }

    void paths()
    {
        const ProfileStore store(m_root);
        QCOMPARE(store.directory(u"shop"_s), m_root + u"/shop"_s);
        QCOMPARE(store.databasePath(u"shop"_s), m_root + u"/shop/cache.db"_s);
        QCOMPARE(store.profilePath(u"shop"_s), m_root + u"/shop/profile.json"_s);
    }

    void roundTrip()
    {
        ProfileStore store(m_root);
        const Profile shop = sampleShop(u"星河"_s);
        const Result<void> saved = store.save(shop);
        QVERIFY2(saved.ok(), qPrintable(detail(saved)));
        const Result<Profile> loaded = store.load(u"星河"_s);
        QVERIFY2(loaded.ok(), qPrintable(detail(loaded)));
        QCOMPARE(*loaded, shop);
        QCOMPARE(loaded->suppliers.size(), 2);

        const QJsonObject written = QJsonDocument::fromJson(readFile(store.profilePath(u"星河"_s))).object();
        QCOMPARE(written.value(u"platform_url"_s).toString(), u"https://platform.example.com/api"_s);
        QCOMPARE(written.value(u"app_id"_s).toString(), u"app-42"_s);
        QCOMPARE(written.value(u"secret_storage"_s).toString(), u"keychain"_s);
        QCOMPARE(written.value(u"created_at"_s).toInteger(), qint64(1700000000));
        QCOMPARE(written.value(u"display_name"_s).toString(), u"星河卡盟"_s);
        QCOMPARE(written.value(u"kind"_s).toString(), u"shop"_s);

        // Saving again replaces the file as a whole.
        Profile changed = shop;
        changed.secretStorage = Profile::SecretStorage::File;
        changed.suppliers.removeLast();
        QVERIFY(store.save(changed).ok());
        QCOMPARE(*store.load(u"星河"_s), changed);

        const Profile demo = Profile::demo(1600000000);
        QVERIFY(store.save(demo).ok());
        QCOMPARE(*store.load(u"demo"_s), demo);
        QCOMPARE(store.load(u"demo"_s)->kind, Profile::Kind::Demo);
        QVERIFY(store.load(u"demo"_s)->displayName.isEmpty());
    }

    void listSorted()
    {
        ProfileStore store(m_root);
        QVERIFY(store.list()->isEmpty()); // the root does not exist yet
        for (const QString& name : {u"zeta"_s, u"alpha"_s, u"中文店"_s, u"Beta"_s})
            QVERIFY(store.save(sampleShop(name)).ok());
        QVERIFY(QDir().mkpath(m_root + u"/stray"_s)); // neither file: not a profile, not a problem
        QList<ProfileStore::Problem> problems;
        const Result<QList<Profile>> listed = store.list(&problems);
        QVERIFY(listed.ok());
        QCOMPARE(names(*listed), (QStringList{u"alpha"_s, u"Beta"_s, u"zeta"_s, u"中文店"_s}));
        QVERIFY(problems.isEmpty());
    }

    // Windows and macOS folders ignore case, so "Shop" and "shop" would share one folder there.
    void namesDifferingInCaseConflict()
    {
        ProfileStore store(m_root);
        QVERIFY(store.save(sampleShop(u"Shop"_s)).ok());
        const Result<void> twin = store.save(sampleShop(u"shop"_s));
        QVERIFY(!twin.ok());
        QCOMPARE(twin.error().code, ErrorCode::Conflict);
        QVERIFY(store.save(sampleShop(u"Shop"_s)).ok()); // saving the profile itself again is fine
        QCOMPARE(names(*store.list()), QStringList{u"Shop"_s});
    }

    void nameValidation_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("valid");
        QTest::newRow("ascii") << u"shop1"_s << true;
        QTest::newRow("underscore and dash") << u"my_shop-2"_s << true;
        QTest::newRow("one char") << u"a"_s << true;
        QTest::newRow("cjk") << u"星河卡盟"_s << true;
        QTest::newRow("accented letter") << u"café"_s << true;
        QTest::newRow("32 ascii") << QString(32, u'x') << true;
        QTest::newRow("32 cjk") << QString(32, u'店') << true;
        QTest::newRow("32 supplementary letters")
            << QString::fromUcs4(QList<char32_t>(32, U'\U00020000').data(), 32) << true;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("33 ascii") << QString(33, u'x') << false;
        QTest::newRow("33 supplementary letters")
            << QString::fromUcs4(QList<char32_t>(33, U'\U00020000').data(), 33) << false;
        QTest::newRow("dot") << u"."_s << false;
        QTest::newRow("dot dot") << u".."_s << false;
        QTest::newRow("inner dot") << u"a.b"_s << false;
        QTest::newRow("slash") << u"a/b"_s << false;
        QTest::newRow("backslash") << u"a\\b"_s << false;
        QTest::newRow("space") << u"a b"_s << false;
        QTest::newRow("ideographic space") << u"星河\u3000卡盟"_s << false;
        QTest::newRow("colon") << u"a:b"_s << false;
        QTest::newRow("tab") << u"a\tb"_s << false;
        QTest::newRow("emoji") << u"shop😀"_s << false;
        QTest::newRow("combining mark") << u"e\u0301"_s << false;
        QTest::newRow("fullwidth digit") << u"店１"_s << false;
        QTest::newRow("lone surrogate") << QString(QChar(char16_t(0xD800))) << false;
        QTest::newRow("windows device") << u"CON"_s << false;
        QTest::newRow("windows device lowercase") << u"nul"_s << false;
        QTest::newRow("windows port") << u"com1"_s << false;
        QTest::newRow("not a device") << u"com10"_s << true;
    }
    void nameValidation()
    {
        QFETCH(QString, name);
        QFETCH(bool, valid);
        QCOMPARE(ProfileStore::isValidName(name), valid);
        if (!valid) {
            ProfileStore store(m_root);
            const Result<void> saved = store.save(sampleShop(name));
            QVERIFY(!saved.ok());
            QCOMPARE(saved.error().code, ErrorCode::InvalidArgument);
            QVERIFY(!QFileInfo::exists(m_root)); // nothing was created
            QCOMPARE(store.load(name).error().code, ErrorCode::InvalidArgument);
        }
    }

    void platformUrl_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("https") << u"https://shop.example.com"_s << true;
        QTest::newRow("https with port and prefix") << u"https://shop.example.com:8443/cardops"_s << true;
        QTest::newRow("http on 127.0.0.1") << u"http://127.0.0.1:8080"_s << true;
        QTest::newRow("http on 127/8") << u"http://127.5.6.7"_s << true;
        QTest::newRow("http on localhost") << u"http://LocalHost:1/"_s << true;
        QTest::newRow("http on ::1") << u"http://[::1]:9000"_s << true;
        QTest::newRow("http on a real host") << u"http://shop.example.com"_s << false;
        QTest::newRow("http on a private address") << u"http://192.168.1.10"_s << false;
        QTest::newRow("http on 128.0.0.1") << u"http://128.0.0.1"_s << false;
        QTest::newRow("http on localhost lookalike") << u"http://localhost.example.com"_s << false;
        QTest::newRow("http on 127 as a label") << u"http://127.0.0.1.example.com"_s << false;
        QTest::newRow("ftp") << u"ftp://127.0.0.1"_s << false;
        QTest::newRow("user info") << u"https://user:pw@shop.example.com"_s << false;
        QTest::newRow("query") << u"https://shop.example.com/?a=1"_s << false;
        QTest::newRow("relative") << u"shop.example.com"_s << false;
        QTest::newRow("empty") << QString() << false;
    }
    void platformUrl()
    {
        QFETCH(QString, url);
        QFETCH(bool, accepted);
        ProfileStore store(m_root);
        Profile p = Profile::shop(u"shop"_s, QUrl(url), u"app"_s, 1);
        QCOMPARE(ProfileStore::validate(p).ok(), accepted);
        const Result<void> saved = store.save(p);
        QCOMPARE(saved.ok(), accepted);
        QCOMPARE(QFileInfo::exists(store.profilePath(u"shop"_s)), accepted);
        if (!accepted)
            QCOMPARE(saved.error().code, ErrorCode::InvalidArgument);

        // The same rule holds for a supplier's address.
        p = Profile::shop(u"shop"_s, QUrl(u"https://p.example.com"_s), u"app"_s, 1);
        p.suppliers = {supplier(url)};
        QCOMPARE(ProfileStore::validate(p).ok(), accepted);
    }

    void shopNeedsAppId()
    {
        const QUrl url(u"https://p.example.com"_s);
        QCOMPARE(ProfileStore::validate(Profile::shop(u"s"_s, url, QString(), 1)).error().code,
                 ErrorCode::InvalidArgument);
        QVERIFY(!ProfileStore::validate(Profile::shop(u"s"_s, url, u"has space"_s, 1)).ok());
        QVERIFY(ProfileStore::validate(Profile::shop(u"s"_s, url, u"id"_s, 1)).ok());
        // "demo" names the demo; a shop under that name would be taken for it.
        QCOMPARE(ProfileStore::validate(Profile::shop(u"demo"_s, url, u"id"_s, 1)).error().code,
                 ErrorCode::InvalidArgument);
    }

    void supplierFields()
    {
        Profile p = sampleShop(u"s"_s);
        p.suppliers[1].protocol = u"kakayun"_s;
        QVERIFY(!ProfileStore::validate(p).ok());
        p = sampleShop(u"s"_s);
        p.suppliers[1].id = p.suppliers[0].id;
        QVERIFY(!ProfileStore::validate(p).ok());
        p = sampleShop(u"s"_s);
        p.suppliers[1].appId.clear();
        QVERIFY(!ProfileStore::validate(p).ok());
        p = sampleShop(u"s"_s);
        p.suppliers[1].id.clear();
        QVERIFY(!ProfileStore::validate(p).ok());
    }

    void demoRefusesRealSuppliers_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("simulator on 127.0.0.1") << u"http://127.0.0.1:18081"_s << true;
        QTest::newRow("simulator on localhost") << u"http://localhost:18081/api/getway"_s << true;
        QTest::newRow("simulator on ::1") << u"https://[::1]:18081"_s << true;
        QTest::newRow("real fulu gateway") << u"https://openapi.fulu.com/api/getway"_s << false;
        QTest::newRow("real shop over http") << u"http://faka.example.net"_s << false;
        QTest::newRow("lan address") << u"https://10.0.0.2"_s << false;
    }
    void demoRefusesRealSuppliers()
    {
        QFETCH(QString, url);
        QFETCH(bool, accepted);
        ProfileStore store(m_root);
        Profile demo = Profile::demo(1);
        demo.suppliers = {supplier(url)};
        const Result<void> saved = store.save(demo);
        QCOMPARE(saved.ok(), accepted);
        QCOMPARE(QFileInfo::exists(store.profilePath(u"demo"_s)), accepted);
        if (accepted) {
            QCOMPARE(*store.load(u"demo"_s), demo);
        } else {
            QCOMPARE(saved.error().code, ErrorCode::PermissionDenied);
            QVERIFY2(saved.error().detail.contains(u"simulator"_s), qPrintable(saved.error().detail));
            QCOMPARE(ProfileStore::validate(demo).error().code, ErrorCode::PermissionDenied);
        }
    }

    void demoRefusesRealPlatform()
    {
        Profile demo = Profile::demo(1);
        demo.platformUrl = QUrl(u"https://platform.example.com"_s);
        QCOMPARE(ProfileStore::validate(demo).error().code, ErrorCode::PermissionDenied);
        demo.platformUrl = QUrl(u"http://127.0.0.1:9000"_s);
        QVERIFY(ProfileStore::validate(demo).ok());
    }

    // A demo edited by hand to reach a real supplier does not load: the rule is not only save()'s.
    void handEditedDemoRefused()
    {
        ProfileStore store(m_root);
        Profile demo = Profile::demo(1);
        demo.suppliers = {supplier(u"http://127.0.0.1:1"_s)};
        QVERIFY(store.save(demo).ok());
        QByteArray edited = readFile(store.profilePath(u"demo"_s));
        edited.replace("http://127.0.0.1:1", "https://openapi.fulu.com/api/getway");
        QVERIFY(writeFile(store.profilePath(u"demo"_s), edited));
        const Result<Profile> loaded = store.load(u"demo"_s);
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().code, ErrorCode::PermissionDenied);
        QVERIFY(loaded.error().detail.contains(store.profilePath(u"demo"_s)));
    }

    void corruptProfile_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("truncated") << json("{'format': 1, 'kind': 'sh");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("binary") << QByteArray("\x00\xff\xfe garbage", 11);
        QTest::newRow("array") << QByteArray("[]");
        QTest::newRow("newer format") << json("{'format': 2, 'kind': 'shop', 'platform_url': "
                                              "'https://p.example.com', 'app_id': 'a', 'created_at': 1}");
        QTest::newRow("no format") << json("{'kind': 'shop', 'app_id': 'a', 'created_at': 1}");
        QTest::newRow("unknown kind") << json("{'format': 1, 'kind': 'bank', 'platform_url': "
                                              "'https://p.example.com', 'app_id': 'a', 'created_at': 1}");
        QTest::newRow("created_at text") << shopJson("'app_id': 'a', 'created_at': 'yesterday'}");
        QTest::newRow("created_at fraction") << shopJson("'app_id': 'a', 'created_at': 1.5}");
        QTest::newRow("app_id number") << shopJson("'app_id': 7, 'created_at': 1}");
        QTest::newRow("unknown secret storage")
            << shopJson("'app_id': 'a', 'created_at': 1, 'secret_storage': 'post-it'}");
        QTest::newRow("suppliers object") << shopJson("'app_id': 'a', 'created_at': 1, 'suppliers': {}}");
        QTest::newRow("supplier without id")
            << shopJson("'app_id': 'a', 'created_at': 1, 'suppliers': [{'protocol': 'fulu'}]}");
    }
    void corruptProfile()
    {
        QFETCH(QByteArray, content);
        ProfileStore store(m_root);
        QVERIFY(store.save(sampleShop(u"good"_s)).ok());
        const QString path = store.profilePath(u"bad"_s);
        QVERIFY(writeFile(path, content));
        QVERIFY(writeFile(store.databasePath(u"bad"_s), "SQLite format 3"));

        const Result<Profile> loaded = store.load(u"bad"_s);
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().code, ErrorCode::Parse);
        QVERIFY2(loaded.error().detail.contains(path), qPrintable(loaded.error().detail));

        QList<ProfileStore::Problem> problems;
        const Result<QList<Profile>> listed = store.list(&problems);
        QVERIFY(listed.ok());
        QCOMPARE(names(*listed), QStringList{u"good"_s});
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems.first().name, u"bad"_s);
        QCOMPARE(problems.first().error.code, ErrorCode::Parse);
        QVERIFY(store.list().ok()); // problems are optional to collect

        // Nothing was lost: reading never rewrites or removes.
        QCOMPARE(readFile(path), content);
        QCOMPARE(readFile(store.databasePath(u"bad"_s)), QByteArray("SQLite format 3"));
    }

    void unknownFieldsIgnored()
    {
        ProfileStore store(m_root);
        QVERIFY(writeFile(store.profilePath(u"s"_s),
                          shopJson("'app_id': 'a', 'created_at': 5, 'theme': 'dark'}")));
        const Result<Profile> loaded = store.load(u"s"_s);
        QVERIFY2(loaded.ok(), qPrintable(detail(loaded)));
        QCOMPARE(loaded->createdAt, qint64(5));
        QCOMPARE(loaded->secretStorage, Profile::SecretStorage::None);
        QVERIFY(loaded->suppliers.isEmpty());
    }

    void removeDeletesCacheFiles()
    {
        ProfileStore store(m_root);
        QVERIFY(store.save(sampleShop(u"shop"_s)).ok());
        QVERIFY(store.save(sampleShop(u"other"_s)).ok());
        const QString db = store.databasePath(u"shop"_s);
        for (const QString& path :
             QStringList{db, db + u"-wal"_s, db + u"-shm"_s, store.databasePath(u"other"_s)})
            QVERIFY(writeFile(path, "x"));

        QVERIFY(store.remove(u"shop"_s).ok());
        for (const QString& path :
             QStringList{db, db + u"-wal"_s, db + u"-shm"_s, store.profilePath(u"shop"_s)})
            QVERIFY2(!QFileInfo::exists(path), qPrintable(path));
        QVERIFY(!QFileInfo::exists(store.directory(u"shop"_s)));
        QCOMPARE(store.load(u"shop"_s).error().code, ErrorCode::NotFound);
        QCOMPARE(names(*store.list()), QStringList{u"other"_s});
        QVERIFY(QFileInfo::exists(store.databasePath(u"other"_s)));

        const Result<void> again = store.remove(u"shop"_s);
        QVERIFY(!again.ok());
        QCOMPARE(again.error().code, ErrorCode::NotFound);
        QCOMPARE(store.remove(u"never"_s).error().code, ErrorCode::NotFound);
        QCOMPARE(store.remove(u".."_s).error().code, ErrorCode::InvalidArgument);
        QVERIFY(QFileInfo::exists(m_root));
    }

    // A file the store does not own (the secret fallback) keeps the folder; the profile is gone.
    void removeKeepsForeignFiles()
    {
        ProfileStore store(m_root);
        QVERIFY(store.save(sampleShop(u"shop"_s)).ok());
        const QString foreign = store.directory(u"shop"_s) + u"/platform.secret"_s;
        QVERIFY(writeFile(foreign, "x"));
        QVERIFY(store.remove(u"shop"_s).ok());
        QVERIFY(QFileInfo::exists(foreign));
        QVERIFY(!QFileInfo::exists(store.profilePath(u"shop"_s)));
        QVERIFY(store.list()->isEmpty());
    }

    void legacyDemoCache()
    {
        ProfileStore store(m_root);
        QVERIFY(writeFile(store.databasePath(u"demo"_s), "SQLite format 3"));
        QVERIFY(writeFile(store.databasePath(u"cli-shop"_s), "SQLite format 3"));
        QList<ProfileStore::Problem> problems;
        const Result<QList<Profile>> listed = store.list(&problems);
        QVERIFY(listed.ok());
        QCOMPARE(names(*listed), QStringList{u"demo"_s});
        const Profile& demo = listed->first();
        QCOMPARE(demo.kind, Profile::Kind::Demo);
        QVERIFY(demo.suppliers.isEmpty());
        QVERIFY(demo.platformUrl.isEmpty());
        QVERIFY(demo.createdAt > 0);
        QCOMPARE(store.load(u"demo"_s)->kind, Profile::Kind::Demo);

        // Any other cache without profile.json is shown as a problem rather than guessed at.
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems.first().name, u"cli-shop"_s);
        QCOMPARE(problems.first().error.code, ErrorCode::NotFound);

        // Saving the legacy demo gives it a profile.json and keeps its cache.
        QVERIFY(store.save(demo).ok());
        QVERIFY(QFileInfo::exists(store.profilePath(u"demo"_s)));
        QCOMPARE(readFile(store.databasePath(u"demo"_s)), QByteArray("SQLite format 3"));
        QVERIFY(store.remove(u"demo"_s).ok());
        QVERIFY(!QFileInfo::exists(store.databasePath(u"demo"_s)));
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_root;
};

QTEST_GUILESS_MAIN(TestProfileStore)
#include "tst_profilestore.moc"
