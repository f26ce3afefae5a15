// 导出 CSV offscreen: the period and target, progress, the result with 打开所在文件夹, cancel and
// errors leaving no file, the orders page's filter, and the card list's export button.
#include "models/datasource.h"
#include "models/exporttables.h"
#include "tests/models/exportfixture.h"
#include "ui/cardlistdialog.h"
#include "ui/exportdialog.h"
#include "ui/style.h"

#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTimer>
#include <QtTest>

using namespace cardops;
using namespace Qt::StringLiterals;
using exportfixture::Nov25;

namespace {

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

models::CsvExportSpec endless(qint64, qint64)
{
    models::CsvExportSpec spec;
    spec.columns = {{u"n"_s, core::CsvColumnKind::Integer}};
    spec.rows = [](models::CsvExportContext& ctx) -> core::Result<void> {
        for (qint64 i = 0;; ++i) {
            ctx.writer().addInteger(i);
            if (auto r = ctx.writer().endRow(); !r)
                return r.error();
            if (!ctx.rowDone())
                return {};
            if (i % 1000 == 0)
                QThread::msleep(1);
        }
    };
    return spec;
}

ui::ExportDialog::SpecFactory ordersFactory()
{
    return [](qint64 from, qint64 to) {
        storage::OrderFilter f;
        f.createdFrom = from;
        f.createdTo = to;
        return models::CsvExports::orders(f);
    };
}

} // namespace

class TestExportDialog : public QObject
{
    Q_OBJECT
private:
    cachefixture::Cache m_cache;
    QTemporaryDir m_out;
    std::unique_ptr<models::DataSource> m_source;

    QString out(const QString& name) const { return m_out.filePath(name); }

private Q_SLOTS:
    void initTestCase()
    {
        ui::applyStyle(*qApp);
        QVERIFY(m_out.isValid());
        QVERIFY(m_cache.open());
        QVERIFY(exportfixture::seed(m_cache).ok());
        m_source = std::make_unique<models::DataSource>(m_cache.db_->path(), &m_cache.db_->writer());
    }

    void exportsAndShowsTheResult()
    {
        ui::ExportDialog dialog(*m_source, u"Export orders"_s, u"orders"_s, ordersFactory(), true, 0, 0);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(dialog.findChild<QCheckBox*>(u"allDates"_s)->isChecked()); // no dates given: all
        QCOMPARE(dialog.period(), (std::pair<qint64, qint64>(0, 0)));
        QVERIFY(dialog.targetPath().endsWith(u".csv"_s));
        dialog.setTargetPath(out(u"all.csv"_s));
        QSignalSpy finished(&dialog, &ui::ExportDialog::exportFinished);
        QTest::mouseClick(dialog.findChild<QPushButton*>(u"start"_s), Qt::LeftButton);
        QVERIFY(finished.wait(10'000));
        QCOMPARE(finished.first().at(1).toLongLong(), 3);
        QCOMPARE(dialog.resultText(),
                 u"Exported 3 rows to %1"_s.arg(QDir::toNativeSeparators(out(u"all.csv"_s))));
        QVERIFY(dialog.findChild<QPushButton*>(u"openFolder"_s)->isVisible());
        QCOMPARE(dialog.findChild<QProgressBar*>(u"progress"_s)->value(), 1);
        QCOMPARE(readAll(out(u"all.csv"_s)), readAll(QStringLiteral(EXPORT_DATA_DIR "/export_orders.csv")));
        if (qEnvironmentVariableIsSet("CARDOPS_SCREENSHOTS"))
            dialog.grab().save(u"/tmp/notes/export-dialog.png"_s);
    }

    void periodOfDays()
    {
        ui::ExportDialog dialog(*m_source, u"Export orders"_s, u"orders"_s, ordersFactory(), true,
                                Nov25 + 86400, Nov25 + 2 * 86400);
        QVERIFY(!dialog.findChild<QCheckBox*>(u"allDates"_s)->isChecked());
        QCOMPARE(dialog.period(), (std::pair<qint64, qint64>(Nov25 + 86400, Nov25 + 2 * 86400)));
        dialog.setTargetPath(out(u"day.csv"_s));
        QSignalSpy finished(&dialog, &ui::ExportDialog::exportFinished);
        QVERIFY(dialog.start());
        QVERIFY(finished.wait(10'000));
        QCOMPARE(finished.first().at(1).toLongLong(), 1);
    }

    void cancelLeavesNoFile()
    {
        ui::ExportDialog dialog(*m_source, u"Export"_s, u"n"_s, &endless, false);
        dialog.show();
        dialog.setTargetPath(out(u"endless.csv"_s));
        QSignalSpy cancelled(&dialog, &ui::ExportDialog::exportCancelled);
        QVERIFY(dialog.start());
        QVERIFY(dialog.isRunning());
        auto* cancel = dialog.findChild<QPushButton*>(u"cancel"_s);
        QCOMPARE(cancel->text(), u"Cancel"_s);
        QTRY_VERIFY(dialog.findChild<QProgressBar*>(u"progress"_s)->maximum() ==
                    0); // count unknown: busy bar
        QTest::qWait(200);
        QTest::mouseClick(cancel, Qt::LeftButton);
        QVERIFY(cancelled.wait(5000));
        QVERIFY(dialog.isVisible()); // cancel stops the export, not the dialog
        QCOMPARE(cancel->text(), u"Close"_s);
        QCOMPARE(dialog.resultText(), u"Export cancelled; no file was written."_s);
        QCOMPARE(QDir(m_out.path()).entryList({u"endless*"_s}, QDir::Files | QDir::Hidden), QStringList());

        // Esc while exporting cancels the export and keeps the dialog; Esc then closes it.
        QVERIFY(dialog.start());
        QTest::qWait(100);
        QTest::keyClick(&dialog, Qt::Key_Escape);
        QVERIFY(cancelled.wait(5000));
        QVERIFY(dialog.isVisible());
        QTest::keyClick(&dialog, Qt::Key_Escape);
        QVERIFY(!dialog.isVisible());
        QCOMPARE(QDir(m_out.path()).entryList({u"endless*"_s}, QDir::Files | QDir::Hidden), QStringList());
    }

    void errorsAreShown()
    {
        ui::ExportDialog dialog(*m_source, u"Export orders"_s, u"orders"_s, ordersFactory(), true, 0, 0);
        const QString missing = out(u"missing/x.csv"_s);
        dialog.setTargetPath(missing);
        QSignalSpy failed(&dialog, &ui::ExportDialog::exportFailed);
        QVERIFY(dialog.start());
        QVERIFY(failed.wait(5000));
        QVERIFY2(dialog.resultText().contains(QDir::toNativeSeparators(missing)),
                 qPrintable(dialog.resultText()));
        QVERIFY(!dialog.findChild<QProgressBar*>(u"progress"_s)->isVisible());
        QVERIFY(!QFile::exists(missing));

        dialog.setTargetPath(m_out.path()); // a folder
        QVERIFY(!dialog.start());
        dialog.setTargetPath(QString());
        QVERIFY(!dialog.start());
        QCOMPARE(dialog.resultText(), u"Choose a file to save the CSV to."_s);
    }

    void ordersPageFilterIsNamed()
    {
        storage::OrderFilter filter;
        filter.tab = storage::OrderTab::Review;
        filter.createdFrom = Nov25;
        filter.createdTo = Nov25 + 3 * 86400;
        bool seen = false;
        QTimer::singleShot(0, this, [&] {
            auto* dialog = qobject_cast<ui::ExportDialog*>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            seen = dialog->findChild<QLabel*>(u"filterNote"_s) != nullptr;
            QCOMPARE(dialog->period(), (std::pair<qint64, qint64>(Nov25, Nov25 + 3 * 86400)));
            dialog->setTargetPath(out(u"review.csv"_s));
            connect(dialog, &ui::ExportDialog::exportFinished, dialog, &QDialog::accept);
            dialog->start();
        });
        QCOMPARE(ui::ExportDialog::exportOrders(*m_source, filter, nullptr), int(QDialog::Accepted));
        QVERIFY(seen);
        QCOMPARE(readAll(out(u"review.csv"_s)).count('\n'), 2); // header + the one order under review
    }

    void cardListHasAnExportButton()
    {
        ui::CardListDialog cards(*m_source, nullptr, 3);
        auto* button = cards.findChild<QPushButton*>(u"exportCards"_s);
        QVERIFY(button);
        QVERIFY(button->isEnabled());
    }
};

QTEST_MAIN(TestExportDialog)
#include "tst_exportdialog.moc"
