#include "core/clock.h"
#include "storage/database.h"
#include "storage/databasewriter.h"
#include "storage/operatorrepository.h"
#include "storage/readsession.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace cardops;
using core::ErrorCode;
using core::Role;
using storage::OperatorRepository;

class TestOperators : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    core::ManualClock m_clock{1'764'000'000'000};
    std::unique_ptr<storage::Database> m_db;
    core::Actor m_admin;

    qint64 auditCount(const QString& action)
    {
        storage::ReadSession read(*m_db);
        return read.select(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = ?"), {action})
            ->first()
            .value(0)
            .toLongLong();
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        auto db = storage::Database::open(
            m_dir.filePath(QStringLiteral("op%1.db").arg(QRandomGenerator::global()->generate())), m_clock);
        QVERIFY(db.ok());
        m_db = std::move(db).value();
        storage::ReadSession read(*m_db);
        auto admin = OperatorRepository::actorFor(read, QStringLiteral("admin"));
        QVERIFY(admin.ok());
        m_admin = *admin;
    }
    void cleanup() { m_db.reset(); }

    void defaultAdministrator()
    {
        QCOMPARE(m_admin.operatorId, OperatorRepository::DefaultAdministratorId);
        QCOMPARE(m_admin.role, Role::Administrator);
    }

    void adminCreatesOperatorWithAudit()
    {
        OperatorRepository repo(*m_db);
        auto id =
            repo.create(m_admin, QStringLiteral("xiaowang"), QStringLiteral("小王"), Role::Operator).result();
        QVERIFY2(id.ok(), qPrintable(id.ok() ? QString() : id.error().detail));
        storage::ReadSession read(*m_db);
        auto found = OperatorRepository::find(read, *id);
        QVERIFY(found.ok() && found->has_value());
        QCOMPARE((*found)->displayName, QStringLiteral("小王"));
        QCOMPARE((*found)->role, Role::Operator);
        QCOMPARE((*found)->createdAt, 1'764'000'000);
        auto audit =
            read.select(QStringLiteral("SELECT operator_id, operator_login, entity, entity_id, detail, at "
                                       "FROM audit_log WHERE action = 'operator.create'"));
        QVERIFY(audit.ok());
        QCOMPARE(audit->size(), 1);
        QCOMPARE(audit->first().value(0).toLongLong(), m_admin.operatorId);
        QCOMPARE(audit->first().value(1).toString(), QStringLiteral("admin"));
        QCOMPARE(audit->first().value(3).toString(), QString::number(*id));
        QVERIFY(audit->first().value(4).toString().contains(u"xiaowang"));
    }

    void operatorMayNotManageOperators()
    {
        OperatorRepository repo(*m_db);
        auto id =
            repo.create(m_admin, QStringLiteral("xiaowang"), QStringLiteral("小王"), Role::Operator).result();
        QVERIFY(id.ok());
        storage::ReadSession read(*m_db);
        const core::Actor wang = *OperatorRepository::actorFor(read, QStringLiteral("xiaowang"));
        auto denied =
            repo.create(wang, QStringLiteral("intruder"), QStringLiteral("x"), Role::Administrator).result();
        QVERIFY(!denied.ok());
        QCOMPARE(denied.error().code, ErrorCode::PermissionDenied);
        QCOMPARE(auditCount(QStringLiteral("operator.create")), 1);

        // A forged actor claiming the administrator role is checked against the stored role.
        core::Actor forged = wang;
        forged.role = Role::Administrator;
        auto stillDenied = repo.setRole(forged, wang.operatorId, Role::Administrator).result();
        QVERIFY(!stillDenied.ok());
        QCOMPARE(stillDenied.error().code, ErrorCode::PermissionDenied);
        QCOMPARE((*OperatorRepository::find(read, wang.operatorId))->role, Role::Operator);
        QCOMPARE(auditCount(QStringLiteral("operator.set_role")), 0);
    }

    void lastAdministratorStays()
    {
        OperatorRepository repo(*m_db);
        auto demote = repo.setRole(m_admin, m_admin.operatorId, Role::Finance).result();
        QVERIFY(!demote.ok());
        QCOMPARE(demote.error().code, ErrorCode::Conflict);
        auto deactivate = repo.setActive(m_admin, m_admin.operatorId, false).result();
        QVERIFY(!deactivate.ok());

        auto second =
            repo.create(m_admin, QStringLiteral("boss"), QStringLiteral("老板"), Role::Administrator)
                .result();
        QVERIFY(second.ok());
        QVERIFY(repo.setRole(m_admin, m_admin.operatorId, Role::Finance).result().ok());
        QCOMPARE(auditCount(QStringLiteral("operator.set_role")), 1);
    }

    void deactivatedOperatorCannotAct()
    {
        OperatorRepository repo(*m_db);
        auto id = repo.create(m_admin, QStringLiteral("boss2"), QStringLiteral("二老板"), Role::Administrator)
                      .result();
        QVERIFY(id.ok());
        storage::ReadSession read(*m_db);
        const core::Actor boss = *OperatorRepository::actorFor(read, QStringLiteral("boss2"));
        auto off = repo.setActive(m_admin, boss.operatorId, false).result();
        QVERIFY2(off.ok(), qPrintable(off.ok() ? QString() : off.error().detail));
        auto r =
            repo.create(boss, QStringLiteral("someone"), QStringLiteral("某人"), Role::Operator).result();
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::PermissionDenied);
        QVERIFY(!OperatorRepository::actorFor(read, QStringLiteral("boss2")).ok());
    }

    void badInputIsRefused_data()
    {
        QTest::addColumn<QString>("login");
        QTest::addColumn<QString>("name");
        QTest::newRow("empty login") << QString() << QStringLiteral("名");
        QTest::newRow("space in login") << QStringLiteral("a b") << QStringLiteral("名");
        QTest::newRow("sql in login")
            << QStringLiteral("x'; DROP TABLE operators;--") << QStringLiteral("名");
        QTest::newRow("blank name") << QStringLiteral("ok") << QStringLiteral("   ");
    }
    void badInputIsRefused()
    {
        QFETCH(QString, login);
        QFETCH(QString, name);
        OperatorRepository repo(*m_db);
        auto r = repo.create(m_admin, login, name, Role::Operator).result();
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::InvalidArgument);
    }

    void duplicateLoginIsConflict()
    {
        OperatorRepository repo(*m_db);
        QVERIFY(
            repo.create(m_admin, QStringLiteral("dup"), QStringLiteral("甲"), Role::Operator).result().ok());
        auto again =
            repo.create(m_admin, QStringLiteral("DUP"), QStringLiteral("乙"), Role::Operator).result();
        QVERIFY(!again.ok());
        QCOMPARE(again.error().code, ErrorCode::Conflict);
        QCOMPARE(auditCount(QStringLiteral("operator.create")), 1); // the audit row rolled back with it
    }
};

QTEST_GUILESS_MAIN(TestOperators)
#include "tst_operators.moc"
