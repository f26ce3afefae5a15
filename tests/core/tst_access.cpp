#include "core/access.h"

#include <QtTest>

using namespace cardops::core;

class TestAccess : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void matrix_data()
    {
        QTest::addColumn<Role>("role");
        QTest::addColumn<Permission>("permission");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("operator edits goods") << Role::Operator << Permission::EditGoods << true;
        QTest::newRow("operator reviews") << Role::Operator << Permission::ReviewOrders << true;
        QTest::newRow("operator no finance") << Role::Operator << Permission::ViewFinance << false;
        QTest::newRow("operator no reveal") << Role::Operator << Permission::RevealCardSecret << false;
        QTest::newRow("operator no operators") << Role::Operator << Permission::ManageOperators << false;
        QTest::newRow("finance sees settlement") << Role::Finance << Permission::ViewFinance << true;
        QTest::newRow("finance closes month") << Role::Finance << Permission::CloseMonth << true;
        QTest::newRow("finance no goods") << Role::Finance << Permission::EditGoods << false;
        QTest::newRow("finance no reveal") << Role::Finance << Permission::RevealCardSecret << false;
        QTest::newRow("admin reveals") << Role::Administrator << Permission::RevealCardSecret << true;
        QTest::newRow("admin manages operators")
            << Role::Administrator << Permission::ManageOperators << true;
    }
    void matrix()
    {
        QFETCH(Role, role);
        QFETCH(Permission, permission);
        QFETCH(bool, allowed);
        QCOMPARE(roleAllows(role, permission), allowed);
        const Actor actor{7, QStringLiteral("xiaowang"), role};
        const auto r = authorize(actor, permission);
        QCOMPARE(r.ok(), allowed);
        if (!allowed) {
            QCOMPARE(r.error().code, ErrorCode::PermissionDenied);
            QVERIFY(r.error().detail.contains(u"xiaowang"));
        }
    }

    void noActorIsDenied()
    {
        const auto r = authorize(Actor{0, {}, Role::Administrator}, Permission::ViewOrders);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::PermissionDenied);
    }

    void roleCodesRoundTrip()
    {
        for (Role role : {Role::Operator, Role::Finance, Role::Administrator})
            QCOMPARE(roleFromCode(roleCode(role)), std::optional<Role>(role));
        QCOMPARE(roleFromCode(u"root"), std::nullopt);
    }
};

QTEST_GUILESS_MAIN(TestAccess)
#include "tst_access.moc"
