#include "app/gui/consoleapp.h"
#include "app/gui/consolesession.h"
#include "app/gui/fulfilmentdesk.h"
#include "models/fulfilmentcontrol.h"
#include "models/orderactionbackend.h"
#include "storage/database.h"
#include "storage/fulfilments.h"
#include "storage/readsession.h"

#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace cardops;
using namespace Qt::StringLiterals;

// Fulfilment in the console, end to end on the demo profile: the bundled simulator hands 40
// orders to CardOps; started from the 履约 page's control, the console's own worker takes the lease
// and delivers every one of them (from stock or bought from the demo's Fulu), the order actions of
// the review queue become available with the platform, stopping gives the lease back, and the
// choice is remembered for the profile's next start.
class TestConsoleFulfilment : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_root;

    static QMap<QString, qint64> steps(app::ConsoleApp& console)
    {
        storage::ReadSession read(console.session()->database());
        return storage::fulfilments::stepCounts(read).valueOr({});
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_root.isValid());
        QStandardPaths::setTestModeEnabled(true);
        QSettings().remove(u"fulfilment"_s);
    }

    void theDemoConsoleFulfilsItsBacklog()
    {
        app::ConsoleApp console(m_root.path(), u"en"_s);
        QSignalSpy actions(&console, &models::ConsoleBackend::orderActionsChanged);
        QSignalSpy synced(&console, &models::ConsoleBackend::syncFinished);
        QVERIFY(console.openProfile(u"demo"_s).ok());
        models::FulfilmentControl* control = console.fulfilment();
        QVERIFY(control);
        QVERIFY(!control->status().running);
        QTRY_VERIFY_WITH_TIMEOUT(actions.count() >= 1 && console.orderActions() != nullptr, 60'000);
        QVERIFY(synced.wait(120'000) || !synced.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(control->status().available && control->status().suppliers, 30'000);

        control->start();
        QTRY_VERIFY_WITH_TIMEOUT(control->status().running, 10'000);
        // The demo's backlog: 40 orders, every one delivered, none bought twice.
        QTRY_VERIFY_WITH_TIMEOUT(steps(console).value(u"done"_s) >= 40, 120'000);
        // The totals follow when the pass that did it ends.
        QTRY_VERIFY_WITH_TIMEOUT(
            control->status().deliveredFromStock + control->status().deliveredBought >= 40, 60'000);
        const models::FulfilmentStatus s = control->status();
        QCOMPARE(s.leaseHolder, QString::fromLatin1(console.fulfilmentDesk()->holderId()));
        QVERIFY(s.deliveredFromStock > 0);
        QVERIFY(s.deliveredBought > 0);
        QVERIFY(s.lastError.isEmpty());
        QVERIFY(QSettings().value(u"fulfilment/demo/run"_s).toBool());

        control->stop();
        QTRY_VERIFY_WITH_TIMEOUT(!control->status().running, 15'000);
        QVERIFY(!QSettings().value(u"fulfilment/demo/run"_s).toBool());
    }

    void aRememberedChoiceResumesAtTheNextStart()
    {
        QSettings().setValue(u"fulfilment/demo/run"_s, true);
        app::ConsoleApp console(m_root.path(), u"en"_s);
        QVERIFY(console.openProfile(u"demo"_s).ok());
        QTRY_VERIFY_WITH_TIMEOUT(console.fulfilment()->status().running, 60'000);
        console.fulfilment()->stop();
        QTRY_VERIFY_WITH_TIMEOUT(!console.fulfilment()->status().running, 15'000);
    }
};

QTEST_GUILESS_MAIN(TestConsoleFulfilment)
#include "tst_consolefulfilment.moc"
