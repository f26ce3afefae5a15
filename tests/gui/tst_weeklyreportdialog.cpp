#include "core/clock.h"
#include "ui/weeklyreportdialog.h"

#include <QComboBox>
#include <QFile>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;

// 导出周报…: the week list, an export on its thread, a failure shown in words.
class TestWeeklyReportDialog : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_db;
    // Monday 2026-11-30 10:00 Shanghai: the last complete week is 2026-W48.
    const qint64 m_now = cardops::core::businessDayStart(20787) + 10 * 3600;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_db = m_dir.filePath(u"shop.db"_s);
        QProcess p;
        p.start(QStringLiteral(CARDOPS_CLI), {u"generate"_s, u"--orders"_s, u"1500"_s, u"--days"_s, u"14"_s,
                                              u"--db"_s, m_db, u"--lang"_s, u"en"_s});
        QVERIFY(p.waitForFinished(120'000));
        QCOMPARE(p.exitCode(), 0);
    }

    void offersTheLastTwelveWeeks()
    {
        cardops::ui::WeeklyReportDialog dialog(m_db, nullptr, m_now);
        auto* weeks = dialog.findChild<QComboBox*>();
        QVERIFY(weeks);
        QCOMPARE(weeks->count(), 12);
        QCOMPARE(dialog.selectedWeek(), (cardops::core::IsoWeek{2026, 48}));
        QCOMPARE(weeks->itemText(0), u"2026-W48 (2026-11-23 – 2026-11-29)"_s);
        QCOMPARE(weeks->itemData(11).toString(), u"2026-W37"_s);
    }

    void exportsOnItsThread()
    {
        cardops::ui::WeeklyReportDialog dialog(m_db, nullptr, m_now);
        dialog.selectWeek({2026, 47});
        const QString out = m_dir.filePath(u"out"_s);
        dialog.setOutputDirectory(out);
        dialog.show();
        QSignalSpy done(&dialog, &cardops::ui::WeeklyReportDialog::exported);
        dialog.startExport();
        QVERIFY(dialog.isRunning());
        QVERIFY(done.wait(60'000));
        QVERIFY(!dialog.isRunning());
        const QString pdf = done.first().at(0).toString();
        QCOMPARE(pdf, out + u"/周报-2026-W47.pdf"_s);
        QFile file(pdf);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.read(5) == "%PDF-");
        QVERIFY(QFile::exists(out + u"/周报-2026-W47.csv"_s));
        QVERIFY(dialog.resultText().contains(u"周报-2026-W47.csv"_s));
        const QString shots = qEnvironmentVariable("CARDOPS_REPORT_SHOTS");
        if (!shots.isEmpty())
            QVERIFY(dialog.grab().save(shots + u"/shot-weeklyreportdialog.png"_s));
    }

    void aFailureIsShown()
    {
        cardops::ui::WeeklyReportDialog dialog(m_db, nullptr, m_now);
        const QString blocker = m_dir.filePath(u"blocker"_s);
        QFile f(blocker);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        dialog.setOutputDirectory(blocker + u"/sub"_s);
        QSignalSpy done(&dialog, &cardops::ui::WeeklyReportDialog::exported);
        dialog.startExport();
        QVERIFY(done.wait(60'000));
        QVERIFY(done.first().at(0).toString().isEmpty());
        QVERIFY2(dialog.resultText().startsWith(u"Not exported: "_s), qPrintable(dialog.resultText()));
    }
};

QTEST_MAIN(TestWeeklyReportDialog)
#include "tst_weeklyreportdialog.moc"
