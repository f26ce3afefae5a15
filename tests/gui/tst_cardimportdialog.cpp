// 导入卡密 and 卡密库存 (issue #9 item 4) offscreen, end to end: a synced cache and the simulator on
// loopback, the console's CardStockDesk between them. Pasted mixed text is previewed with exact
// counts and problem lines, uploaded with the platform's answer per line; a GBK file with CRLF;
// the offline preview; the card list's lock, unlock, void (confirmed), reveal (confirmed, audited,
// shown once) and its expiry alert.
#include "app/gui/cardstockdesk.h"
#include "models/datasource.h"
#include "sim/data/goodscards.h"
#include "sync/goodscards.h"
#include "tests/sync/syncfixture.h"
#include "ui/cardimportdialog.h"
#include "ui/cardlistdialog.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStringEncoder>
#include <QTableView>
#include <QTranslator>

using namespace cardops;
using namespace Qt::StringLiterals;
namespace gc = sync::goodscards;

namespace {

struct AuditEntry
{
    QString action;
    QString entity;
    QString entityId;
    QString detail;
};

QMessageBox* confirmation(QWidget* dialog, const QString& name)
{
    QMessageBox* box = nullptr;
    const bool shown = QTest::qWaitFor(
        [&] { return (box = dialog->findChild<QMessageBox*>(name)) != nullptr && box->isVisible(); }, 5000);
    return shown ? box : nullptr;
}

void accept(QMessageBox* box)
{
    for (QAbstractButton* b : box->buttons())
        if (box->buttonRole(b) == QMessageBox::AcceptRole)
            return b->click();
}

} // namespace

class TstCardImportDialog : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<syncfixture::Shop> m_shop;
    std::unique_ptr<models::DataSource> m_source;
    std::unique_ptr<app::CardStockDesk> m_desk;
    core::Actor m_actor{1, u"admin"_s, core::Role::Administrator};
    QList<AuditEntry> m_audit;
    qint64 m_goodsId = 0;

    const sim::Goods& goods() const { return m_shop->server.state().goods()[m_goodsId - 1]; }
    sim::GoodsCards& stock() { return m_shop->server.state().goodsCards(); }
    QList<qint64> upload(const QList<gc::UploadLine>& lines)
    {
        QFuture<gc::UploadOutcome> f = gc::upload(*m_shop->transport, m_goodsId, lines, gc::newKeyPrefix());
        if (!QTest::qWaitFor([&f] { return f.isFinished(); }, 10000))
            return {};
        QList<qint64> ids;
        for (const gc::LineResult& l : f.result().lines)
            ids << l.cardId;
        return ids;
    }
    std::unique_ptr<ui::CardImportDialog> openImport(models::CardStockBackend* backend)
    {
        auto dialog = std::make_unique<ui::CardImportDialog>(*m_source, backend, m_goodsId);
        QSignalSpy goodsLoaded(dialog.get(), &ui::CardImportDialog::goodsLoaded);
        QSignalSpy stockLoaded(dialog.get(), &ui::CardImportDialog::stockLoaded);
        dialog->show();
        if (!goodsLoaded.wait(10000) || (stockLoaded.isEmpty() && !stockLoaded.wait(10000)))
            return nullptr;
        return dialog;
    }
    static bool preview(ui::CardImportDialog& dialog)
    {
        QSignalSpy done(&dialog, &ui::CardImportDialog::previewFinished);
        dialog.findChild<QPushButton*>(u"preview"_s)->click();
        return done.wait(20000) && dialog.outcome().has_value();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_shop = std::make_unique<syncfixture::Shop>();
        QVERIFY(m_shop->start());
        QCOMPARE(m_shop->round().outcome, sync::RoundSummary::Outcome::Ok);
        m_source = std::make_unique<models::DataSource>(m_shop->path, &m_shop->db->writer());
        for (const sim::Goods& g : m_shop->server.state().goods())
            if (!g.direct && g.cardFormat == "number_password" &&
                (g.cardSeparator.isEmpty() || g.cardSeparator == " ") && m_goodsId == 0)
                m_goodsId = g.id;
        QVERIFY(m_goodsId != 0);
        app::CardStockDesk::Hooks hooks;
        hooks.transport = [this] {
            return m_shop->transport.get();
        };
        hooks.actor = [this] {
            return m_actor;
        };
        hooks.audit = [this](const core::Actor&, const QString& action, const QString& entity,
                             const QString& id, const QString& detail) {
            m_audit.append({action, entity, id, detail});
            return QtFuture::makeReadyFuture(core::Result<void>());
        };
        m_desk = std::make_unique<app::CardStockDesk>(std::move(hooks), m_shop->clock);
        // Two cards the goods already holds.
        QCOMPARE(upload({{u"6200000000000001 STOCKSTOCK01"_s, 0, false},
                         {u"6200000000000002 STOCKSTOCK02"_s, 0, false}})
                     .size(),
                 2);
    }
    void init()
    {
        m_audit.clear();
        m_actor = {1, u"admin"_s, core::Role::Administrator};
    }

    void previewCountsThenUploads()
    {
        auto dialog = openImport(m_desk.get());
        QVERIFY(dialog);
        QCOMPARE(dialog->findChild<QComboBox*>(u"format"_s)->currentData().toString(), u"number_password"_s);
        auto* upload = dialog->findChild<QPushButton*>(u"upload"_s);
        QVERIFY(!upload->isEnabled()); // nothing is uploaded without a preview
        dialog->findChild<QPlainTextEdit*>(u"pasteArea"_s)
            ->setPlainText(u"6211111111110001 NEWCARDNEW01\r\n"  // 1 new
                           u"6211111111110002\tNEWCARDNEW02\r\n" // 2 new (tab)
                           u"6200000000000001 STOCKSTOCK01\r\n"  // 3 in stock
                           u"6211111111110001 NEWCARDNEW01\n"    // 4 duplicate of 1
                           u"\n"                                 // 5 blank
                           u"onlyonefield\n"                     // 6 invalid
                           u"6200000000000002----STOCKSTOCK02\n" // 7 in stock (other separator)
                           u"6211111111110003 NEW\u0001CARD03\n" // 8 invalid (control character)
                           u"6211111111110004  NEWCARDNEW04"_s); // 9 new
        QVERIFY(preview(*dialog));
        const core::CardImportPreview& p = dialog->outcome()->preview;
        QCOMPARE(p.newSecrets.size(), 3);
        QCOMPARE(p.newLines, (QList<qint64>{1, 2, 9}));
        QCOMPARE(p.duplicateInFile.size(), 1);
        QCOMPARE(p.alreadyInStock, (QList<qint64>{3, 7}));
        QCOMPARE(p.invalid.size(), 2);
        QCOMPARE(dialog->findChild<QLabel*>(u"summary"_s)->text(),
                 u"New 3 · duplicate in the input 1 · already in stock 2 · invalid 2"_s);
        auto* table = dialog->findChild<QTableView*>(u"problems"_s);
        QAbstractItemModelTester tester(table->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(table->model()->rowCount(), 5);
        QList<qint64> lines;
        for (int r = 0; r < 5; ++r)
            lines << table->model()->index(r, 0).data().toLongLong();
        QCOMPARE(lines, (QList<qint64>{3, 4, 6, 7, 8}));
        QCOMPARE(table->model()->index(1, 2).data().toString(), u"Same card as line 1"_s);
        QCOMPARE(table->model()->index(0, 3).data().toString(), u"6200********0001 STOC****CK01"_s);
        QVERIFY(table->model()->index(4, 3).data().toString().contains(QChar(0xFFFD)) ||
                table->model()->index(4, 3).data().toString().contains(u'*'));
        QVERIFY(upload->isEnabled());
        QCOMPARE(upload->text(), u"Upload 3 new cards"_s);

        const qint64 before = goods().stockAvailable;
        QSignalSpy uploaded(dialog.get(), &ui::CardImportDialog::cardsUploaded);
        QSignalSpy finished(dialog.get(), &ui::CardImportDialog::uploadFinished);
        upload->click();
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.first().first().toBool(), true);
        QCOMPARE(uploaded.size(), 1);
        QCOMPARE(uploaded.first().at(1).toLongLong(), 3);
        QCOMPARE(goods().stockAvailable, before + 3);
        QCOMPARE(stock().cardIdsOf(m_goodsId).size(), 5);
        QVERIFY(dialog->findChild<QLabel*>(u"summary"_s)
                    ->text()
                    .endsWith(u"Platform: added 3 · duplicate 0 · invalid 0"_s));
        QVERIFY(!upload->isEnabled()); // done: the same preview cannot go twice
        QCOMPARE(m_audit.size(), 1);
        QCOMPARE(m_audit.first().action, u"card.import"_s);
        QCOMPARE(m_audit.first().entityId, QString::number(m_goodsId));
        QVERIFY(m_audit.first().detail.contains(u"\"added\":3"_s));
        QVERIFY(!m_audit.first().detail.contains(u"NEWCARD"_s));

        // Editing the input drops the preview.
        dialog->findChild<QPlainTextEdit*>(u"pasteArea"_s)->appendPlainText(u"x"_s);
        QVERIFY(!dialog->outcome().has_value());
        QVERIFY(!upload->isEnabled());
    }

    void platformAnswersPerLine()
    {
        auto dialog = openImport(m_desk.get());
        QVERIFY(dialog);
        dialog->findChild<QPlainTextEdit*>(u"pasteArea"_s)
            ->setPlainText(u"6233333333330001 LATECARD0001\n6233333333330002 LATECARD0002\n"
                           u"6233333333330003 LATECARD0003\n"_s);
        QVERIFY(preview(*dialog));
        QCOMPARE(dialog->outcome()->preview.newSecrets.size(), 3);
        // Someone else uploads two of them between the preview and the upload.
        QCOMPARE(upload({{u"6233333333330001 LATECARD0001"_s, 0, false},
                         {u"6233333333330003 LATECARD0003"_s, 0, false}})
                     .size(),
                 2);
        auto* table = dialog->findChild<QTableView*>(u"problems"_s);
        QCOMPARE(table->model()->rowCount(), 0);
        QSignalSpy finished(dialog.get(), &ui::CardImportDialog::uploadFinished);
        dialog->findChild<QPushButton*>(u"upload"_s)->click();
        QVERIFY(finished.wait(20000));
        QVERIFY(dialog->findChild<QLabel*>(u"summary"_s)
                    ->text()
                    .endsWith(u"Platform: added 1 · duplicate 2 · invalid 0"_s));
        QCOMPARE(table->model()->rowCount(), 2);
        QCOMPARE(table->model()->index(0, 0).data().toLongLong(), 1);
        QCOMPARE(table->model()->index(1, 0).data().toLongLong(), 3);
        QCOMPARE(table->model()->index(1, 2).data().toString(),
                 u"Platform: the goods already holds this card"_s);
    }

    void gbkFileWithCrlf()
    {
        auto dialog = openImport(m_desk.get());
        QVERIFY(dialog);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"卡密.txt"_s);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QStringEncoder gbk("GB18030");
        f.write(gbk.encode(u"6244444444440001 密码一\r\n6244444444440002 密码二\r\n坏行\r\n"_s));
        f.close();
        QVERIFY(dialog->openFile(path));
        QVERIFY(dialog->findChild<QComboBox*>(u"encoding"_s)->isEnabled());
        QVERIFY(preview(*dialog));
        const core::CardImportPreview& p = dialog->outcome()->preview;
        QCOMPARE(p.encoding, core::TextEncoding::Gb18030);
        QCOMPARE(p.newSecrets, (QStringList{u"6244444444440001 密码一"_s, u"6244444444440002 密码二"_s}));
        QCOMPARE(p.invalid.size(), 1);
        QCOMPARE(p.invalid.first().line, 3);
        // Forced to UTF-8, the same bytes are refused with the line.
        dialog->findChild<QComboBox*>(u"encoding"_s)->setCurrentIndex(1);
        QSignalSpy done(dialog.get(), &ui::CardImportDialog::previewFinished);
        dialog->startPreview();
        QVERIFY(done.wait(10000));
        QVERIFY(!dialog->outcome().has_value());
        QVERIFY(dialog->findChild<QLabel*>(u"status"_s)->text().contains(u"line 1"_s));
    }

    void offlinePreviewUploadsNothing()
    {
        auto dialog = openImport(nullptr);
        QVERIFY(dialog);
        dialog->findChild<QPlainTextEdit*>(u"pasteArea"_s)
            ->setPlainText(u"6200000000000001 STOCKSTOCK01\n6255555555550001 OFFLINE00001\n"_s);
        QVERIFY(preview(*dialog));
        QCOMPARE(dialog->outcome()->preview.newSecrets.size(), 2); // stock unknown: nothing in stock
        QCOMPARE(dialog->outcome()->preview.alreadyInStock.size(), 0);
        QVERIFY(!dialog->findChild<QPushButton*>(u"upload"_s)->isEnabled());
    }

    void cardListActions()
    {
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        const QList<qint64> fresh = upload({{u"6266666666660001 EXPIRESOON01"_s, now + 3 * 86400, false},
                                            {u"6266666666660002 EXPIRESLATE2"_s, now + 30 * 86400, false}});
        QCOMPARE(fresh.size(), 2);
        const QList<qint64> ids = stock().cardIdsOf(m_goodsId);
        ui::CardListDialog dialog(*m_source, m_desk.get(), m_goodsId);
        QSignalSpy loaded(&dialog, &ui::CardListDialog::listLoaded);
        dialog.show();
        QVERIFY(loaded.wait(10000));
        auto* table = dialog.findChild<QTableView*>(u"cards"_s);
        QAbstractItemModelTester tester(table->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(table->model()->rowCount(), ids.size());
        QCOMPARE(dialog.expiringSoon(), 1);
        QCOMPARE(dialog.findChild<QLabel*>(u"expiryAlert"_s)->text(), u"1 card(s) expire within 7 days"_s);
        const int soonRow = static_cast<int>(ids.indexOf(fresh[0]));
        QVERIFY(table->model()->index(soonRow, 0).data(Qt::BackgroundRole).isValid());
        QVERIFY(!table->model()->index(soonRow + 1, 0).data(Qt::BackgroundRole).isValid());

        // Lock the first two, unlock one of them.
        const qint64 locked = goods().stockLocked;
        table->selectRow(0);
        table->selectionModel()->select(table->model()->index(1, 0),
                                        QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QCOMPARE(dialog.selectedIds(), ids.first(2));
        QSignalSpy changed(&dialog, &ui::CardListDialog::changeFinished);
        dialog.findChild<QPushButton*>(u"lock"_s)->click();
        QVERIFY(changed.wait(10000));
        QVERIFY(loaded.wait(10000));
        QCOMPARE(goods().stockLocked, locked + 2);
        QCOMPARE(m_audit.last().action, u"card.lock"_s);
        table->selectRow(0);
        dialog.unlockSelected();
        QVERIFY(changed.wait(10000));
        QVERIFY(loaded.wait(10000));
        QCOMPARE(goods().stockLocked, locked + 1);
        QVERIFY(dialog.findChild<QLabel*>(u"status"_s)->text().startsWith(u"Unlocked 1 card(s)"_s));

        // Void asks first; cancelling changes nothing, accepting voids.
        table->selectRow(2);
        dialog.voidSelected();
        QMessageBox* box = confirmation(&dialog, u"confirmVoid"_s);
        QVERIFY(box);
        box->reject();
        QTest::qWait(50);
        QCOMPARE(stock().card(ids[2])->status, sim::GoodsCards::Status::Available);
        table->selectRow(2);
        dialog.voidSelected();
        box = confirmation(&dialog, u"confirmVoid"_s);
        QVERIFY(box);
        accept(box);
        QVERIFY(changed.wait(10000));
        QVERIFY(loaded.wait(10000));
        QCOMPARE(stock().card(ids[2])->status, sim::GoodsCards::Status::Void);
        auto* filter = dialog.findChild<QComboBox*>(u"statusFilter"_s);
        filter->setCurrentIndex(filter->findData(u"void"_s));
        QCOMPARE(table->model()->rowCount(), 1);
        filter->setCurrentIndex(filter->findData(u"locked"_s));
        QCOMPARE(table->model()->rowCount(), 1);
        filter->setCurrentIndex(0);

        // Reveal one card: confirmed, audited, counted, shown once.
        const int row = static_cast<int>(ids.indexOf(fresh[1]));
        table->selectRow(row);
        QSignalSpy revealed(&dialog, &ui::CardListDialog::revealFinished);
        dialog.revealSelected();
        box = confirmation(&dialog, u"confirmReveal"_s);
        QVERIFY(box);
        accept(box);
        QVERIFY(revealed.wait(10000));
        auto* secret = dialog.findChild<QLineEdit*>(u"secret"_s);
        QCOMPARE(secret->text(), u"6266666666660002 EXPIRESLATE2"_s);
        QCOMPARE(stock().revealCountOf(fresh[1]), 1);
        QCOMPARE(m_audit.last().action, u"card.reveal"_s);
        QCOMPARE(m_audit.last().entityId, QString::number(fresh[1]));
        QVERIFY(!m_audit.last().detail.contains(u"EXPIRESLATE2"_s));
        dialog.findChild<QPushButton*>(u"copySecret"_s)->click();
        QCOMPARE(QGuiApplication::clipboard()->text(), u"6266666666660002 EXPIRESLATE2"_s);
        table->selectRow(0); // another card: the secret goes, and leaves the clipboard
        QVERIFY(secret->text().isEmpty());
        QVERIFY(QGuiApplication::clipboard()->text().isEmpty());

        // An operator may change stock but not reveal.
        m_actor = {2, u"op"_s, core::Role::Operator};
        Q_EMIT m_desk->permissionsChanged();
        table->selectRow(row);
        QVERIFY(!dialog.findChild<QPushButton*>(u"reveal"_s)->isEnabled());
        QVERIFY(dialog.findChild<QPushButton*>(u"lock"_s)->isEnabled());
        m_actor = {3, u"fin"_s, core::Role::Finance};
        Q_EMIT m_desk->permissionsChanged();
        QVERIFY(!dialog.findChild<QPushButton*>(u"lock"_s)->isEnabled());
        QCOMPARE(stock().revealCount(), 1);
    }

    void screenshot()
    {
        const QString out = qEnvironmentVariable("CARDOPS_SHOT_DIR");
        if (out.isEmpty())
            QSKIP("set CARDOPS_SHOT_DIR to write the screenshot");
        // Translations to look at (CARDOPS_SHOT_QM: .qm files separated by ':'), e.g. zh_CN.
        std::vector<std::unique_ptr<QTranslator>> translators;
        for (const QString& qm : qEnvironmentVariable("CARDOPS_SHOT_QM").split(u':', Qt::SkipEmptyParts)) {
            auto translator = std::make_unique<QTranslator>();
            QVERIFY2(translator->load(qm), qPrintable(qm));
            QCoreApplication::installTranslator(translator.get());
            translators.push_back(std::move(translator));
        }
        auto dialog = openImport(m_desk.get());
        QVERIFY(dialog);
        dialog->findChild<QPlainTextEdit*>(u"pasteArea"_s)
            ->setPlainText(u"6277777777770001 K7PQRSTUVWXYM2XA\r\n6277777777770002 K7PQRSTUVWXYM2XB\r\n"
                           u"6200000000000001 STOCKSTOCK01\r\n6277777777770001 K7PQRSTUVWXYM2XA\r\n"
                           u"6277777777770003\r\n6277777777770004 K7PQ RSTU VWXY\r\n"
                           u"6277777777770005----K7PQRSTUVWXYM2XE\r\n"_s);
        QVERIFY(preview(*dialog));
        QVERIFY(dialog->grab().save(out + u"/shot-cardimport.png"_s));
        ui::CardListDialog list(*m_source, m_desk.get(), m_goodsId);
        QSignalSpy loaded(&list, &ui::CardListDialog::listLoaded);
        list.show();
        QVERIFY(loaded.wait(10000));
        list.findChild<QTableView*>(u"cards"_s)->selectRow(1);
        QVERIFY(list.grab().save(out + u"/shot-cardlist.png"_s));
    }
};

QTEST_MAIN(TstCardImportDialog)
#include "tst_cardimportdialog.moc"
