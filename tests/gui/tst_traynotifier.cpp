#include "ui/traynotifier.h"

#include <QApplication>
#include <QSignalSpy>
#include <QSystemTrayIcon>
#include <QtTest>

using namespace cardops;
using namespace Qt::StringLiterals;
using Kind = core::Notification::Kind;

// The offscreen platform has no system tray, so this drives the fallback the console relies on
// there (and on desktops without a tray): no icon, every message as a status line, coalesced.
class TestTrayNotifier : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void offscreenHasNoTray()
    {
        QVERIFY(!QSystemTrayIcon::isSystemTrayAvailable());
        ui::TrayNotifier tray(QIcon{});
        QVERIFY(!tray.hasTray());
    }

    void statusLine()
    {
        const core::Notification n{Kind::ReviewItem, u"新的待审核订单"_s, u"订单 1024\n数量异常"_s, 1024, 0};
        QCOMPARE(ui::TrayNotifier::statusLine(n, 0), u"新的待审核订单: 订单 1024"_s);
        QCOMPARE(ui::TrayNotifier::statusLine(n, 2), u"新的待审核订单: 订单 1024 (and 2 more like this)"_s);
        const core::Notification bare{Kind::WorkerStopped, u"Stopped"_s, {}, 0, 0};
        QCOMPARE(ui::TrayNotifier::statusLine(bare, 0), u"Stopped"_s);
    }

    void fallbackSignalsAndCoalesces()
    {
        ui::TrayNotifier tray(QIcon{});
        tray.setCoalesceWindow(300);
        QSignalSpy status(&tray, &ui::TrayNotifier::statusMessage);
        for (int i = 1; i <= 3; ++i)
            tray.show(core::Notification{Kind::DeliveryFailed, u"发货失败"_s, u"订单 %1"_s.arg(i), i, 0});
        tray.show(core::Notification{Kind::LeaseLost, u"租约丢失"_s, {}, 0, 0});
        QCOMPARE(status.size(), 2); // the first of each kind, at once
        QCOMPARE(status[0][0].toString(), u"发货失败: 订单 1"_s);
        QCOMPARE(status[0][1].toLongLong(), 1);
        QCOMPARE(status[1][0].toString(), u"租约丢失"_s);
        QTest::qWait(100);
        QCOMPARE(status.size(), 2);
        QTRY_COMPARE(status.size(), 3); // the window ended: the latest, with the count of the rest
        QCOMPARE(status[2][0].toString(), u"发货失败: 订单 3 (and 1 more like this)"_s);
        QCOMPARE(status[2][1].toLongLong(), 3);
        QTest::qWait(400);
        QCOMPARE(status.size(), 3);
    }

    void changingTheWindowShowsWhatIsHeld()
    {
        ui::TrayNotifier tray(QIcon{});
        QSignalSpy status(&tray, &ui::TrayNotifier::statusMessage);
        tray.show(core::Notification{Kind::ReviewItem, u"a"_s, {}, 1, 0});
        tray.show(core::Notification{Kind::ReviewItem, u"b"_s, {}, 2, 0});
        QCOMPARE(status.size(), 1);
        tray.setCoalesceWindow(1000);
        QCOMPARE(status.size(), 2);
        QCOMPARE(status[1][0].toString(), u"b"_s);
    }
};

QTEST_MAIN(TestTrayNotifier)
#include "tst_traynotifier.moc"
