#include "../models/generatedcache.h"
#include "core/clock.h"
#include "fakebackend.h"
#include "models/datasource.h"
#include "storage/database.h"
#include "storage/databasewriter.h"
#include "storage/readsession.h"
#include "storage/writecontext.h"
#include "ui/orderdetaildialog.h"
#include "ui/style.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QLibraryInfo>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTranslator>
#include <QTreeWidget>
#include <QtTest>

using namespace cardops;
using namespace Qt::StringLiterals;

// The order detail dialog on a generated cache, driven as an operator would: the order and its
// timeline, the masked cards, a confirmed reveal that is wiped on close, the direct and unknown
// orders, and a look at it in Chinese.
class TstOrderDetail : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    core::SystemClock m_clock;
    std::unique_ptr<storage::Database> m_db;
    std::unique_ptr<models::DataSource> m_source;
    qint64 m_cardOrder = 0;
    qint64 m_directOrder = 0;

    QVariant scalar(const QString& sql, const QVariantList& binds = {})
    {
        storage::ReadSession read(m_path);
        auto rows = read.select(sql, binds);
        return rows && !rows->isEmpty() ? rows->first().value(0) : QVariant();
    }

    static models::OrderCards twoCards()
    {
        return {true,
                {{11, u"5201****8832 ****"_s, u"sold"_s, 0},
                 {12, u"5201****1207 ****"_s, u"sold"_s, 1'800'000'000}},
                {}};
    }

    // A dialog that has read its order.
    static std::unique_ptr<ui::OrderDetailDialog> open(models::DataSource& source, FakeBackend& backend,
                                                       qint64 id)
    {
        auto dialog = std::make_unique<ui::OrderDetailDialog>(source, backend, id);
        QSignalSpy loaded(dialog.get(), &ui::OrderDetailDialog::loaded);
        dialog->show();
        if (!loaded.wait(10'000))
            return nullptr;
        return dialog;
    }

    static QPushButton* revealButton(QWidget* dialog)
    {
        return dialog->findChild<QPushButton*>(u"revealCard"_s);
    }

    static QMessageBox* confirmation(QWidget* dialog)
    {
        QMessageBox* box = nullptr;
        const bool shown = QTest::qWaitFor(
            [&] { return (box = dialog->findChild<QMessageBox*>()) && box->isVisible(); }, 5000);
        return shown ? box : nullptr;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_path = generatedcache::build(m_dir, 2000);
        QVERIFY(!m_path.isEmpty());
        auto db = storage::Database::open(m_path, m_clock);
        QVERIFY(db.ok());
        m_db = std::move(db).value();
        m_source = std::make_unique<models::DataSource>(m_path, &m_db->writer());
        m_cardOrder =
            scalar(u"SELECT o.id FROM orders o JOIN goods g ON g.id = o.goods_id WHERE g.kind = 'card' "
                   u"AND o.status = 'delivered' AND o.paid_at > 0 ORDER BY o.id LIMIT 1"_s)
                .toLongLong();
        m_directOrder = scalar(u"SELECT o.id FROM orders o JOIN goods g ON g.id = o.goods_id WHERE g.kind = "
                               u"'direct' AND o.status = 'delivered' ORDER BY o.id LIMIT 1"_s)
                            .toLongLong();
        QVERIFY(m_cardOrder > 0 && m_directOrder > 0);
        const core::Actor admin{1, u"admin"_s, core::Role::Administrator};
        const QString id = QString::number(m_cardOrder);
        auto audited = m_db->writer().submit(u"test.audit"_s, [admin, id](storage::WriteContext& ctx) {
            return ctx.audit(admin, u"order.note"_s, u"order"_s, id, u"{\"note\":\"customer called\"}"_s);
        });
        audited.waitForFinished();
        QVERIFY(audited.result().ok());
    }

    void showsTheOrderAndItsTimeline()
    {
        FakeBackend backend;
        backend.nextCards = twoCards();
        auto dialog = open(*m_source, backend, m_cardOrder);
        QVERIFY(dialog);
        const QString orderNo =
            scalar(u"SELECT order_no FROM orders WHERE id = ?"_s, {m_cardOrder}).toString();
        QCOMPARE(dialog->findChild<QLabel*>(u"orderNo"_s)->text(), orderNo);
        QVERIFY(dialog->findChild<QLabel*>(u"orderNo"_s)->textInteractionFlags() & Qt::TextSelectableByMouse);
        QCOMPARE(dialog->findChild<QLabel*>(u"orderStatus"_s)->text(), u"Delivered"_s);
        auto* timeline = dialog->findChild<QTreeWidget*>(u"timeline"_s);
        QVERIFY(timeline->topLevelItemCount() >= 4); // placed, paid, delivered, the note
        QCOMPARE(timeline->topLevelItem(0)->text(2), u"Order placed"_s);
        QCOMPARE(timeline->topLevelItem(0)->text(1), u"Buyer"_s);
        QVERIFY(!timeline->findItems(u"admin"_s, Qt::MatchExactly, 1).isEmpty());
        const QString created = timeline->topLevelItem(0)->text(0);
        QVERIFY2(
            QRegularExpression(u"^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d$"_s).match(created).hasMatch(),
            qPrintable(created));
    }

    void ctrlCCopiesTheTimeline()
    {
        FakeBackend backend;
        auto dialog = open(*m_source, backend, m_cardOrder);
        QVERIFY(dialog);
        auto* timeline = dialog->findChild<QTreeWidget*>(u"timeline"_s);
        QGuiApplication::clipboard()->clear();
        QTest::keyClick(timeline, Qt::Key_C, Qt::ControlModifier);
        const QStringList lines = QGuiApplication::clipboard()->text().split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), timeline->topLevelItemCount() + 1);
        QCOMPARE(lines.first(), u"Time\tBy\tEvent\tDetail"_s);
    }

    void aCommitShowsAtOnce()
    {
        FakeBackend backend;
        auto dialog = open(*m_source, backend, m_cardOrder);
        QVERIFY(dialog);
        auto* timeline = dialog->findChild<QTreeWidget*>(u"timeline"_s);
        const int before = timeline->topLevelItemCount();
        const core::Actor admin{1, u"admin"_s, core::Role::Administrator};
        const QString id = QString::number(m_cardOrder);
        auto audited = m_db->writer().submit(u"test.audit"_s, [admin, id](storage::WriteContext& ctx) {
            return ctx.audit(admin, u"order.note"_s, u"order"_s, id, u"{\"note\":\"called back\"}"_s);
        });
        audited.waitForFinished();
        QVERIFY(audited.result().ok());
        m_source->notifyChanged({u"audit_log"_s});
        QTRY_COMPARE_WITH_TIMEOUT(timeline->topLevelItemCount(), before + 1, 10'000);
    }

    void aCardOrderListsMaskedCards()
    {
        FakeBackend backend;
        backend.nextCards = twoCards();
        auto dialog = open(*m_source, backend, m_cardOrder);
        QVERIFY(dialog);
        auto* cards = dialog->findChild<QTreeWidget*>(u"cards"_s);
        QVERIFY(cards->isVisible());
        QCOMPARE(cards->topLevelItemCount(), 2);
        QCOMPARE(cards->topLevelItem(0)->text(0), u"5201****8832 ****"_s);
        QCOMPARE(cards->topLevelItem(1)->text(2), u"2027-01-15"_s);
    }

    void cardsThatCannotLoadSayWhy()
    {
        FakeBackend backend;
        backend.nextCards = {false, {}, u"platform unreachable"_s};
        auto dialog = open(*m_source, backend, m_cardOrder);
        QVERIFY(dialog);
        QVERIFY(dialog->findChild<QLabel*>(u"cardsMessage"_s)->text().contains(u"platform unreachable"_s));
        QVERIFY(!dialog->findChild<QTreeWidget*>(u"cards"_s)->isVisible());
    }

    void revealNeedsTheRole()
    {
        FakeBackend backend;
        backend.nextCards = twoCards();
        backend.mayReveal = false;
        auto dialog = open(*m_source, backend, m_cardOrder);
        QVERIFY(dialog);
        QVERIFY(revealButton(dialog.get())->isVisible());
        QVERIFY(!revealButton(dialog.get())->isEnabled());
        QVERIFY(dialog->findChild<QLabel*>(u"cardsMessage"_s)->text().contains(u"may not"_s));
        QVERIFY(backend.revealed.isEmpty());
    }

    void revealAsksThenShowsAndForgets()
    {
        FakeBackend backend;
        backend.nextCards = twoCards();
        backend.nextReveal = {true, u"5201000088320000 913377"_s, {}};
        auto dialog = open(*m_source, backend, m_cardOrder);
        QVERIFY(dialog);
        auto* reveal = revealButton(dialog.get());
        auto* secret = dialog->findChild<QLineEdit*>(u"cardSecret"_s);
        QVERIFY(reveal->isEnabled());

        // Cancelling the confirmation asks nothing of the platform.
        reveal->click();
        QMessageBox* box = confirmation(dialog.get());
        QVERIFY(box);
        QVERIFY(box->text().contains(u"operation log"_s));
        box->button(QMessageBox::Cancel)->click();
        QTest::qWait(50);
        QVERIFY(backend.revealed.isEmpty());
        QVERIFY(!secret->isVisible());

        // Confirmed: the selected card's secret, read-only, copyable.
        auto* cards = dialog->findChild<QTreeWidget*>(u"cards"_s);
        cards->setCurrentItem(cards->topLevelItem(1));
        reveal->click();
        box = confirmation(dialog.get());
        QVERIFY(box);
        QAbstractButton* show = nullptr;
        for (QAbstractButton* b : box->buttons())
            if (box->buttonRole(b) == QMessageBox::AcceptRole)
                show = b;
        QVERIFY(show);
        show->click();
        QCOMPARE(backend.revealed, QList<qint64>{12});
        QTRY_VERIFY(secret->isVisible());
        QCOMPARE(secret->text(), u"5201000088320000 913377"_s);
        QVERIFY(secret->isReadOnly());
        dialog->findChild<QPushButton*>(u"copySecret"_s)->click();
        QCOMPARE(QGuiApplication::clipboard()->text(), u"5201000088320000 913377"_s);

        // Esc closes; the secret leaves the field and the clipboard.
        QTest::keyClick(dialog.get(), Qt::Key_Escape);
        QVERIFY(!dialog->isVisible());
        QVERIFY(secret->text().isEmpty());
        QVERIFY(QGuiApplication::clipboard()->text().isEmpty());
    }

    void aRefusedRevealSaysWhy()
    {
        FakeBackend backend;
        backend.nextCards = twoCards();
        backend.nextReveal = {false, {}, u"the platform refused: card void"_s};
        auto dialog = open(*m_source, backend, m_cardOrder);
        QVERIFY(dialog);
        revealButton(dialog.get())->click();
        QMessageBox* box = confirmation(dialog.get());
        QVERIFY(box);
        for (QAbstractButton* b : box->buttons())
            if (box->buttonRole(b) == QMessageBox::AcceptRole)
                b->click();
        QCOMPARE(backend.revealed.size(), 1);
        QVERIFY(dialog->findChild<QLabel*>(u"cardsMessage"_s)->text().contains(u"card void"_s));
        QVERIFY(!dialog->findChild<QLineEdit*>(u"cardSecret"_s)->isVisible());
    }

    void aDirectOrderHasNoCards()
    {
        FakeBackend backend;
        backend.nextCards = twoCards();
        auto dialog = open(*m_source, backend, m_directOrder);
        QVERIFY(dialog);
        QCOMPARE(dialog->findChild<QLabel*>(u"cardsMessage"_s)->text(),
                 u"Direct recharge orders have no cards."_s);
        QVERIFY(!dialog->findChild<QTreeWidget*>(u"cards"_s)->isVisible());
        QVERIFY(!revealButton(dialog.get())->isVisible());
    }

    void anUnknownIdIsNotFound()
    {
        FakeBackend backend;
        auto dialog = open(*m_source, backend, 987'654'321);
        QVERIFY(dialog);
        auto* message = dialog->findChild<QLabel*>(u"detailMessage"_s);
        QVERIFY(message->isVisible());
        QVERIFY2(message->text().contains(u"not in the cache"_s), qPrintable(message->text()));
        QVERIFY(message->text().contains(u"987654321"_s));
    }

    // A guest's order (member 0: acg-faka's owner 0, through the bridge) says so, not "member #0".
    void aGuestOrderSaysGuest()
    {
        const qint64 guest = scalar(u"SELECT id FROM orders WHERE id NOT IN (?, ?) AND status = 'delivered' "
                                    u"ORDER BY id DESC LIMIT 1"_s,
                                    {m_cardOrder, m_directOrder})
                                 .toLongLong();
        QVERIFY(guest > 0);
        auto made = m_db->writer().submit(u"test.guest"_s, [guest](storage::WriteContext& ctx) -> core::Result<void> {
            auto r = ctx.exec(u"UPDATE orders SET member_id = 0 WHERE id = ?"_s, {guest});
            if (!r)
                return r.error();
            return {};
        });
        made.waitForFinished();
        QVERIFY(made.result().ok());
        FakeBackend backend;
        auto dialog = open(*m_source, backend, guest);
        QVERIFY(dialog);
        QStringList texts;
        for (const QLabel* label : dialog->findChildren<QLabel*>())
            texts << label->text();
        QVERIFY2(texts.contains(u"Guest (bought without an account)"_s), qPrintable(texts.join(u" | "_s)));
        QVERIFY(!texts.join(u'|').contains(u"Member #0"_s));
    }

    // The dialog in Chinese as an operator sees it: nothing clipped; saved for a look (a card order
    // with a revealed secret, and a refunded direct order).
    void looksRightInChinese()
    {
        QTranslator translator;
        QTranslator qtTranslator;
        QVERIFY(translator.load(u":/i18n/cardops_zh_CN"_s));
        QVERIFY(qtTranslator.load(u"qtbase_zh_CN"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)));
        QCoreApplication::installTranslator(&translator);
        QCoreApplication::installTranslator(&qtTranslator);
        ui::applyStyle(*qApp);

        FakeBackend backend;
        backend.nextCards = twoCards();
        backend.nextReveal = {true, u"5201000088320000 913377"_s, {}};
        auto dialog = open(*m_source, backend, m_cardOrder);
        QVERIFY(dialog);
        revealButton(dialog.get())->click();
        QMessageBox* box = confirmation(dialog.get());
        QVERIFY(box);
        for (QAbstractButton* b : box->buttons())
            if (box->buttonRole(b) == QMessageBox::AcceptRole)
                b->click();
        QTRY_VERIFY(dialog->findChild<QLineEdit*>(u"cardSecret"_s)->isVisible());
        QTest::qWait(100);
        QCOMPARE(clipped(dialog.get()), QString());
        QVERIFY(dialog->grab().save(shotPath(u"order-detail.png"_s)));

        const qint64 refunded =
            scalar(u"SELECT o.id FROM orders o JOIN goods g ON g.id = o.goods_id WHERE g.kind = 'direct' "
                   u"AND o.status = 'refunded' ORDER BY o.handed_over DESC, o.id LIMIT 1"_s)
                .toLongLong();
        QVERIFY(refunded > 0);
        auto direct = open(*m_source, backend, refunded);
        QVERIFY(direct);
        QTest::qWait(100);
        QCOMPARE(clipped(direct.get()), QString());
        QVERIFY(direct->grab().save(shotPath(u"order-detail-direct.png"_s)));
    }

private:
    // Where the screenshots go: CARDOPS_SHOTS (docs/screenshots when refreshed), else the temp folder.
    static QString shotPath(const QString& name)
    {
        const QString dir = qEnvironmentVariable("CARDOPS_SHOTS");
        return (dir.isEmpty() ? QDir::tempPath() : dir) + u'/' + name;
    }

    // The first visible text that does not fit its place ("" when all fit).
    static QString clipped(QWidget* root)
    {
        for (QLabel* label : root->findChildren<QLabel*>())
            if (label->isVisible() && !label->wordWrap() && label->width() < label->sizeHint().width() - 1)
                return label->text();
        for (QTreeWidget* tree : root->findChildren<QTreeWidget*>()) {
            QHeaderView* header = tree->header();
            for (int c = 0; c + 1 < header->count(); ++c)
                if (header->sectionSize(c) < header->sectionSizeHint(c))
                    return tree->headerItem()->text(c);
        }
        return {};
    }
};

QTEST_MAIN(TstOrderDetail)
#include "tst_orderdetail.moc"
