#include "core/clock.h"
#include "storage/database.h"
#include "storage/schema.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace cardops;
using storage::Database;

namespace {

// The schema as SQLite itself reports it: every object with its SQL, in name order.
QStringList schemaOf(const QString& path)
{
    QStringList out;
    const QString name = QStringLiteral("schema-reader");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (!db.open())
            return {QStringLiteral("cannot open")};
        QSqlQuery q(db);
        q.exec(QStringLiteral("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"));
        while (q.next())
            out << q.value(0).toString() + u'|' + q.value(1).toString() + u'|' + q.value(2).toString() +
                       u'|' + q.value(3).toString();
        q.exec(QStringLiteral("PRAGMA user_version"));
        q.next();
        out << u"user_version=" + q.value(0).toString();
        q.exec(QStringLiteral("PRAGMA application_id"));
        q.next();
        out << u"application_id=" + q.value(0).toString();
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return out;
}

QVariant scalar(const QString& path, const QString& sql)
{
    QVariant v;
    const QString name = QStringLiteral("scalar-reader");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(sql) && q.next())
                v = q.value(0);
            q.finish();
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return v;
}

} // namespace

class TestMigrations : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    core::ManualClock m_clock{1'764'000'000'000};

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void fromEveryEarlierVersion_data()
    {
        QTest::addColumn<int>("from");
        for (int v = 0; v < storage::schema::latestVersion(); ++v)
            QTest::addRow("from v%d", v) << v;
    }
    void fromEveryEarlierVersion()
    {
        QFETCH(int, from);
        const QString fresh = m_dir.filePath(QStringLiteral("fresh-%1.db").arg(from));
        {
            auto db = Database::open(fresh, m_clock);
            QVERIFY(db.ok());
        }

        const QString old = m_dir.filePath(QStringLiteral("old-%1.db").arg(from));
        QVERIFY(storage::schema::migrateFileTo(old, from).ok());
        QCOMPARE(scalar(old, QStringLiteral("PRAGMA user_version")).toInt(), from);
        if (from >= 1) {
            // Data written under the old version must survive the upgrade.
            QVERIFY(storage::schema::migrateFileTo(old, from).ok()); // idempotent
            const QString name = QStringLiteral("writer-%1").arg(from);
            {
                QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
                db.setDatabaseName(old);
                QVERIFY(db.open());
                QSqlQuery q(db);
                QVERIFY(q.exec(QStringLiteral(
                    "INSERT INTO operators (login, display_name, role, created_at, updated_at) "
                    "VALUES ('xiaoli', '小李', 'operator', 1, 1)")));
                q.finish();
                db.close();
            }
            QSqlDatabase::removeDatabase(name);
        }

        auto db = Database::open(old, m_clock);
        QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().detail));
        db.value().reset();
        QCOMPARE(schemaOf(old), schemaOf(fresh));
        if (from >= 1) {
            QCOMPARE(scalar(old, QStringLiteral("SELECT display_name FROM operators WHERE login = 'xiaoli'"))
                         .toString(),
                     QStringLiteral("小李"));
            const QString backup = old + QStringLiteral(".v%1.bak").arg(from);
            QVERIFY2(QFile::exists(backup), qPrintable(backup));
            QCOMPARE(scalar(backup, QStringLiteral("PRAGMA user_version")).toInt(), from);
        }
    }

    void emptyFileGetsLatestSchema()
    {
        const QString file = m_dir.filePath(QStringLiteral("empty.db"));
        {
            auto db = Database::open(file, m_clock);
            QVERIFY(db.ok());
        }
        const QStringList schema = schemaOf(file);
        QVERIFY(schema.contains(QStringLiteral("user_version=%1").arg(storage::schema::latestVersion())));
        QVERIFY(schema.contains(QStringLiteral("application_id=%1").arg(storage::schema::ApplicationId)));
        for (const char* table : {"operators", "audit_log", "counters"})
            QVERIFY2(scalar(file, QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = '%1'")
                                      .arg(QString::fromLatin1(table)))
                             .toInt() == 1,
                     table);
    }

    // v7 adds the supplier mirror over a v6 cache that already holds linked goods.
    void v7AddsSupplierMirror()
    {
        const QString file = m_dir.filePath(QStringLiteral("v6-goods.db"));
        QVERIFY(storage::schema::migrateFileTo(file, 6).ok());
        const QString name = QStringLiteral("v6-goods-writer");
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(file);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral(
                "INSERT INTO goods VALUES (17, 'QB-100', 'Q币', 3, 0, 'card', 'single', '', 1000000, 985000, "
                "952000, '{}', '[]', "
                "'[{\"protocol\":\"fulu\",\"product_ref\":\"10000587\",\"priority\":1}]', "
                "'platform', 1, 0, 0, 'on', '', '', '', 1, 1)")));
            q.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
        QVERIFY(storage::schema::migrateFileTo(file, 7).ok());
        QCOMPARE(scalar(file, QStringLiteral("SELECT count(*) FROM goods INDEXED BY goods_linked "
                                             "WHERE supplier_links <> '[]'"))
                     .toInt(),
                 1);
        QVERIFY(scalar(file, QStringLiteral("SELECT count(*) FROM supplier_status")).isValid());
        QCOMPARE(scalar(file, QStringLiteral("SELECT count(*) FROM supplier_products")).toInt(), 0);
    }

    void refusesUnknownTargetVersion()
    {
        auto r = storage::schema::migrateFileTo(m_dir.filePath(QStringLiteral("x.db")),
                                                storage::schema::latestVersion() + 1);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, core::ErrorCode::InvalidArgument);
    }
};

QTEST_GUILESS_MAIN(TestMigrations)
#include "tst_migrations.moc"
