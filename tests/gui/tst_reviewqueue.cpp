#include "../models/generatedcache.h"
#include "core/clock.h"
#include "core/money.h"
#include "models/datasource.h"
#include "models/orderactionbackend.h"
#include "models/reviewqueuemodel.h"
#include "storage/database.h"
#include "storage/databasewriter.h"
#include "storage/orderactions.h"
#include "storage/readsession.h"
#include "storage/writecontext.h"
#include "ui/offlineorderdialog.h"
#include "ui/refunddialog.h"
#include "ui/reissuedialog.h"
#include "ui/reviewqueuewidget.h"
#include "ui/style.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QSet>
#include <QSpinBox>
#include <QTableView>
#include <QTimer>
#include <QTranslator>
#include <QtTest>

using namespace cardops;
using namespace Qt::StringLiterals;
using models::OrderAction;
using models::OrderActionResult;

// A backend with no platform: it answers after a turn of the event loop, refuses the orders it is
// told to, and on success records a done action in the cache (as the real desk does), so the
// order leaves the queue.
class FakeOrderBackend : public models::OrderActionBackend
{
    Q_OBJECT
public:
    storage::Database* db = nullptr;
    QSet<qint64> refuse;         // the platform refuses these
    QSet<qint64> leaseElsewhere; // handed over while another console holds the lease
    bool mayRefund = true;
    QList<std::pair<qint64, qint64>> refunds; // order, amount units
    QStringList log;
    core::Actor actor;

    QString whyNot(OrderAction action, qint64 orderId, bool) const override
    {
        if (!mayRefund && (action == OrderAction::Refund || action == OrderAction::Reject))
            return u"Your role may not refund orders."_s;
        if (leaseElsewhere.contains(orderId) && action != OrderAction::Assign)
            return u"This order is fulfilled by the lease holder worker-7f3a"_s;
        return {};
    }
    QString leaseHolderText() const override { return u"worker-7f3a"_s; }
    qint64 operatorId() const override { return actor.operatorId; }

    void answer(qint64 orderId, const QString& kind, QObject* context,
                std::function<void(OrderActionResult)> done)
    {
        log << kind + u':' + QString::number(orderId);
        const bool ok = !refuse.contains(orderId);
        if (ok) {
            const core::Actor a = actor;
            db->writer()
                .submit(u"test.action"_s,
                        [=](storage::WriteContext& ctx) -> core::Result<void> {
                            auto r = storage::orderactions::recordIntent(
                                ctx, a, orderId, storage::orderactions::Deliver, "{}");
                            if (!r)
                                return r.error();
                            return storage::orderactions::complete(ctx, r->id, orderId, u"delivered"_s,
                                                                   1'000'000);
                        })
                .waitForFinished();
        }
        QTimer::singleShot(0, context, [orderId, ok, done] {
            done({orderId, ok, false, ok ? u"Done"_s : u"Stock is short on the platform (0 left)."_s});
        });
    }

    void deliver(qint64 id, QObject* c, std::function<void(OrderActionResult)> d) override
    {
        answer(id, u"deliver"_s, c, d);
    }
    void refund(qint64 id, qint64 units, const QString&, const QString&, QObject* c,
                std::function<void(OrderActionResult)> d) override
    {
        refunds.append({id, units});
        answer(id, u"refund"_s, c, d);
    }
    void review(qint64 id, const QString&, QObject* c, std::function<void(OrderActionResult)> d) override
    {
        answer(id, u"review"_s, c, d);
    }
    void reject(qint64 id, const QString&, const QString&, QObject* c,
                std::function<void(OrderActionResult)> d) override
    {
        answer(id, u"reject"_s, c, d);
    }
    void reissue(qint64 id, qint64, const QString&, QObject* c,
                 std::function<void(OrderActionResult)> d) override
    {
        answer(id, u"reissue"_s, c, d);
    }
    void createOfflineOrder(const models::OfflineOrder& o, QObject*,
                            std::function<void(OrderActionResult)> d) override
    {
        log << u"create:%1:%2"_s.arg(o.memberId).arg(o.goodsId);
        d({1, true, false, u"Order recorded"_s});
    }
    void assignToMe(qint64 id, QObject*, std::function<void(OrderActionResult)> d) override
    {
        const core::Actor a = actor;
        auto r = db->writer()
                     .submit(u"test.assign"_s,
                             [=](storage::WriteContext& ctx) {
                                 return storage::orderactions::assignToSelf(ctx, a, id);
                             })
                     .result();
        d({id, r.ok(), false, u"已分配给你"_s});
    }
    void unassign(qint64 id, QObject*, std::function<void(OrderActionResult)> d) override
    {
        d({id, true, false, {}});
    }
    void orderCards(qint64, QObject*, std::function<void(models::OrderCards)> d) override
    {
        d({true,
           {{7001, u"ABCD********WXYZ"_s, u"sold"_s, 0}, {7002, u"EFGH********STUV"_s, u"void"_s, 0}},
           {}});
    }
};

// 待审核 on a generated cache: the model under QAbstractItemModelTester, actions disabled with the
// reason, a batch refund confirmed with its count and total, refused orders kept with the reason.
class TstReviewQueue : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_path;
    core::SystemClock m_clock;
    std::unique_ptr<storage::Database> m_db;
    std::unique_ptr<models::DataSource> m_source;
    QTranslator m_translator;
    FakeOrderBackend m_backend;

    std::unique_ptr<ui::ReviewQueueWidget> open()
    {
        auto w = std::make_unique<ui::ReviewQueueWidget>(*m_source, m_backend);
        new QAbstractItemModelTester(&w->model(), QAbstractItemModelTester::FailureReportingMode::QtTest,
                                     w.get());
        w->resize(1280, 640);
        w->show();
        if (!QTest::qWaitForWindowExposed(w.get()) ||
            !QTest::qWaitFor([&] { return w->model().isLoaded(); }, 10'000))
            return {};
        return w;
    }
    qint64 reviewCount()
    {
        storage::ReadSession read(m_path);
        return read.select(u"SELECT COUNT(*) FROM orders WHERE status = 'review'"_s)
            ->first()
            .value(0)
            .toLongLong();
    }
    static void selectRows(ui::ReviewQueueWidget& w, int count)
    {
        w.view().clearSelection();
        for (int r = 0; r < count; ++r)
            w.view().selectionModel()->select(w.model().index(r, 0),
                                              QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
    static void shoot(QWidget& widget, const QString& name)
    {
        const QString dir = qEnvironmentVariable("CARDOPS_SHOTS");
        if (dir.isEmpty())
            return;
        QTest::qWait(50);
        QVERIFY(widget.grab().save(dir + u'/' + name));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_translator.load(u":/i18n/cardops_zh_CN"_s));
        QCoreApplication::installTranslator(&m_translator);
        ui::applyStyle(*qApp);
        m_path = generatedcache::build(m_dir, 20000); // about 20 orders held for review
        QVERIFY(!m_path.isEmpty());
        m_db = std::move(storage::Database::open(m_path, m_clock)).value();
        m_source = std::make_unique<models::DataSource>(m_path, &m_db->writer());
        m_backend.db = m_db.get();
        m_backend.actor = {1, u"admin"_s, core::Role::Administrator};
    }

    void queueListsTheHeldOrders()
    {
        auto w = open();
        QVERIFY(w);
        const qint64 held = reviewCount();
        QVERIFY2(held >= 5, "the generated cache has too few review orders");
        QCOMPARE(w->model().rowCount(), int(std::min<qint64>(held, models::ReviewQueueModel::Limit)));
        // The longest waiting first.
        for (int r = 1; r < w->model().rowCount(); ++r)
            QVERIFY(w->model().item(r - 1).since <= w->model().item(r).since);
        const storage::ReviewItem& first = w->model().item(0);
        QVERIFY(!first.orderNo.isEmpty());
        const QModelIndex reason = w->model().index(0, models::ReviewQueueModel::Reason);
        QCOMPARE(reason.data().toString(), models::ReviewQueueModel::reasonName(first.reason));
        QVERIFY(!w->model().index(0, models::ReviewQueueModel::Waiting).data().toString().isEmpty());
        QVERIFY(!w->model().index(0, models::ReviewQueueModel::History).data().toString().isEmpty());
        // Sorting by amount, then back by age; filtering by a reason.
        w->view().sortByColumn(models::ReviewQueueModel::Amount, Qt::AscendingOrder);
        for (int r = 1; r < w->model().rowCount(); ++r)
            QVERIFY(w->model().item(r - 1).paidAmount <= w->model().item(r).paidAmount);
        w->view().sortByColumn(models::ReviewQueueModel::Waiting, Qt::DescendingOrder);
        QVERIFY(w->reasonFilter().count() >= 2);
        w->reasonFilter().setCurrentIndex(1);
        const QString code = w->reasonFilter().currentData().toString();
        QVERIFY(QTest::qWaitFor(
            [&] { return w->model().reasonFilter() == code && w->model().rowCount() > 0; }, 5000));
        QTest::qWait(100);
        for (int r = 0; r < w->model().rowCount(); ++r)
            QCOMPARE(w->model().item(r).reason, code);
        // Nobody's assigned to me yet: the empty state says the filters hide everything.
        w->mineFilter().setChecked(true);
        QVERIFY(QTest::qWaitFor([&] { return w->model().rowCount() == 0; }, 5000));
        QVERIFY(w->emptyState().isVisible());
        QVERIFY(!w->view().isVisible());
    }

    void actionsSayWhyTheyAreDisabled()
    {
        auto w = open();
        QVERIFY(w);
        QVERIFY(!w->deliverButton().isEnabled());
        QVERIFY(!w->deliverButton().toolTip().isEmpty());
        selectRows(*w, 2);
        QVERIFY(w->deliverButton().isEnabled());
        QVERIFY(!w->reissueButton().isEnabled()); // one order at a time
        m_backend.leaseElsewhere = {w->model().item(1).orderId};
        selectRows(*w, 2);
        QVERIFY(!w->deliverButton().isEnabled());
        QVERIFY2(w->deliverButton().toolTip().contains(u"worker-7f3a"_s),
                 qPrintable(w->deliverButton().toolTip()));
        QVERIFY(w->assignButton().isEnabled());
        m_backend.leaseElsewhere.clear();
        m_backend.mayRefund = false;
        selectRows(*w, 1);
        QVERIFY(!w->refundButton().isEnabled());
        QCOMPARE(w->refundButton().toolTip(), u"Your role may not refund orders."_s);
        QVERIFY(!w->rejectButton().isEnabled());
        QVERIFY(w->deliverButton().isEnabled());
        m_backend.mayRefund = true;
    }

    void batchRefundIsConfirmedAndRefusalsStay()
    {
        auto w = open();
        QVERIFY(w);
        const int before = w->model().rowCount();
        selectRows(*w, 3);
        qint64 total = 0;
        QList<qint64> ids;
        QList<qint64> lefts;
        for (int r = 0; r < 3; ++r) {
            ids << w->model().item(r).orderId;
            lefts << w->model().item(r).paidAmount - w->model().item(r).refundAmount;
            total += lefts.last();
        }
        m_backend.refuse = {ids[1]};
        QString asked;
        bool answerYes = false;
        w->setConfirm([&](const QString&, const QString& text) {
            asked = text;
            return answerYes;
        });
        // Declined: nothing goes out.
        w->refundSelected();
        auto* dialog = w->findChild<ui::RefundDialog*>();
        QVERIFY(dialog);
        QVERIFY(!dialog->partialButton().isVisible()); // several orders: full refunds only
        dialog->reasonField().setCurrentIndex(dialog->reasonField().findData(u"out_of_stock"_s));
        QVERIFY(dialog->canAccept());
        dialog->accept();
        QVERIFY2(asked.contains(u'3') && asked.contains(core::Money::fromUnits(total).toString(2)),
                 qPrintable(asked));
        QVERIFY(m_backend.refunds.isEmpty());
        QTest::qWait(20);

        answerYes = true;
        w->refundSelected();
        dialog = w->findChild<ui::RefundDialog*>();
        QVERIFY(dialog);
        dialog->accept();
        QVERIFY(QTest::qWaitFor([&] { return w->running() == 0 && m_backend.refunds.size() == 3; }, 5000));
        QCOMPARE(m_backend.refunds.first().first, ids[0]);
        QCOMPARE(m_backend.refunds.first().second, lefts[0]); // in full, each its own amount
        QCOMPARE(m_backend.refunds.last().second, lefts[2]);
        // The two done leave the queue with the next read; the refused one stays with its reason.
        QVERIFY(QTest::qWaitFor([&] { return w->model().rowCount() == before - 2; }, 5000));
        QCOMPARE(w->model().rowOf(ids[0]), -1);
        const int kept = w->model().rowOf(ids[1]);
        QVERIFY(kept >= 0);
        const QModelIndex result = w->model().index(kept, models::ReviewQueueModel::Result);
        QCOMPARE(result.data().toString(), u"Stock is short on the platform (0 left)."_s);
        QVERIFY(result.data(models::ReviewQueueModel::FailedRole).toBool());
        QVERIFY(w->summary().text().contains(u'1'));
        m_backend.refuse.clear();
    }

    void partialRefundOfOneOrder()
    {
        QList<ui::RefundDialog::Target> one = {{u"20261128000001"_s, 123'400}};
        ui::RefundDialog dialog(ui::RefundDialog::Mode::Refund, one);
        dialog.partialButton().setChecked(true);
        dialog.amountField().setText(u"12.3"_s);
        QVERIFY(dialog.canAccept());
        QCOMPARE(dialog.partialUnits(), 123'000);
        dialog.amountField().setText(u"12.345"_s);
        QVERIFY(!dialog.canAccept());
        dialog.amountField().setText(u"12.35"_s);
        QVERIFY(!dialog.canAccept()); // above what is left
        dialog.amountField().setText(u"0"_s);
        QVERIFY(!dialog.canAccept());
        dialog.amountField().setText(u"12.34"_s);
        dialog.reasonField().setCurrentIndex(dialog.reasonField().findData(u"other"_s));
        QVERIFY(!dialog.canAccept()); // "other" needs a note
        dialog.noteField().setText(u"买家要求"_s);
        QVERIFY(dialog.canAccept());
        QCOMPARE(dialog.totalUnits(), 123'400);
        ui::RefundDialog reject(ui::RefundDialog::Mode::Reject, one);
        QVERIFY(!reject.canAccept()); // a rejection needs a note
        reject.noteField().setText(u"盗刷"_s);
        QVERIFY(reject.canAccept());
        QVERIFY(reject.isFull());
    }

    void reissueAndOfflineDialogs()
    {
        ui::ReissueDialog reissue(m_backend, 1, u"20261128000001"_s);
        auto* ok = reissue.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
        QCOMPARE(reissue.cardList().count(), 2);
        QVERIFY(!(reissue.cardList().item(1)->flags() & Qt::ItemIsSelectable)); // void: nothing to replace
        reissue.cardList().item(0)->setSelected(true);
        QVERIFY(!ok->isEnabled()); // the reason is required
        reissue.reasonField().setText(u"买家说卡密无效"_s);
        QVERIFY(ok->isEnabled());
        QCOMPARE(reissue.cardId(), 7001);

        ui::OfflineOrderDialog offline;
        auto* record = offline.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
        QVERIFY(!record->isEnabled());
        offline.memberField().setText(u"12"_s);
        offline.goodsField().setText(u"3"_s);
        offline.quantityField().setValue(2);
        offline.accountField().setText(u"13800001111"_s);
        QVERIFY(record->isEnabled());
        const models::OfflineOrder o = offline.order();
        QCOMPARE(o.memberId, 12);
        QCOMPARE(o.goodsId, 3);
        QCOMPARE(o.quantity, 2);
        QCOMPARE(o.chargeAccount, u"13800001111"_s);
    }

    void screenshot()
    {
        auto w = open();
        QVERIFY(w);
        selectRows(*w, 1);
        w->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(w.get()));
        w->view().setFocus();
        QTest::keyClick(&w->view(), Qt::Key_M, Qt::ControlModifier); // 分配给我
        QVERIFY(QTest::qWaitFor([&] { return !w->model().item(0).assigneeName.isEmpty(); }, 5000));
        selectRows(*w, 2);
        w->model().setResult(w->model().item(2).orderId, u"平台库存不足（剩余 0）。"_s, true);
        shoot(*w, u"review-queue.png"_s);
    }
};

QTEST_MAIN(TstReviewQueue)
#include "tst_reviewqueue.moc"
