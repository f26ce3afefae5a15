#include "app/gui/orderactiondesk.h"
#include "sim/data/handover.h"
#include "storage/orderactions.h"
#include "tests/sync/syncfixture.h"

#include <QDateTime>

// The console's order action desk against the simulator: what the role and the lease allow, the
// words of each outcome, reject from the cached amount, assignments, and the replay at start.
using namespace cardops;
using namespace Qt::StringLiterals;
using models::OrderAction;
using models::OrderActionResult;

namespace {

const QByteArray kHolder = "console-desk-01";

} // namespace

class TstOrderActionDesk : public QObject
{
    Q_OBJECT

    std::unique_ptr<syncfixture::Shop> m_shop;

    sim::PlatformState& state() { return m_shop->server.state(); }

    std::unique_ptr<app::OrderActionDesk> desk(core::Actor actor)
    {
        return std::make_unique<app::OrderActionDesk>(m_shop->db->writer(), m_shop->path, *m_shop->transport,
                                                      kHolder, actor);
    }
    qint64 findOrder(const std::function<bool(const sim::Order&, const sim::Goods&)>& match)
    {
        const auto& orders = state().orders();
        for (qsizetype i = 0; i < orders.size(); ++i)
            if (match(orders[i], state().goods()[orders[i].goodsId - 1]))
                return sim::PlatformState::orderId(static_cast<qint32>(i));
        return 0;
    }
    // A new paid order of a card goods with stock through the platform's own flow: held for review
    // (the platform's quantity check), or handed over to CardOps.
    qint64 placeOrder(bool handedOver) { return sim::placeOneOrder(state(), handedOver); }
    template<typename Call> OrderActionResult run(Call call)
    {
        std::optional<OrderActionResult> result;
        call([&result](OrderActionResult r) { result = r; });
        if (!QTest::qWaitFor([&] { return result.has_value(); }, 15000))
            return {0, false, false, u"no answer"_s};
        return *result;
    }

private Q_SLOTS:
    void init()
    {
        m_shop = std::make_unique<syncfixture::Shop>();
        QVERIFY(m_shop->start());
    }
    void cleanup() { m_shop.reset(); }

    void roleAndLeaseDecideWhatMayBeDone()
    {
        auto d = desk(m_shop->admin);
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        QVERIFY(d->mayAct(OrderAction::Deliver, 1, false));
        d->setLease(u"worker-7f3a"_s, now + 60);
        const QString why = d->whyNot(OrderAction::Deliver, 1, true);
        QVERIFY2(why.contains(u"worker-7f3a"_s), qPrintable(why));
        QVERIFY(d->mayAct(OrderAction::Assign, 1, true)); // taking it to look at is fine
        QVERIFY(d->mayAct(OrderAction::Refund, 1, false));
        QCOMPARE(d->leaseHolderText(), u"worker-7f3a"_s);
        QSignalSpy changed(d.get(), &models::OrderActionBackend::permissionsChanged);
        d->setLease(QString::fromUtf8(kHolder), now + 60);
        QCOMPARE(changed.count(), 1);
        QVERIFY(d->mayAct(OrderAction::Reject, 1, true));
        d->setLease(QString::fromUtf8(kHolder), now - 1); // lapsed
        QVERIFY(!d->mayAct(OrderAction::Deliver, 1, true));

        core::Actor finance = m_shop->admin;
        finance.role = core::Role::Finance;
        auto f = desk(finance);
        QVERIFY(!f->whyNot(OrderAction::Refund, 1, false).isEmpty());
        QVERIFY(!f->whyNot(OrderAction::Deliver, 1, false).isEmpty());
        QCOMPARE(f->operatorId(), m_shop->admin.operatorId);
    }

    void actionsAnswerInWords()
    {
        QVERIFY(m_shop->round().outcome == sync::RoundSummary::Outcome::Ok);
        auto d = desk(m_shop->admin);
        const qint64 review = placeOrder(false);
        QVERIFY(review != 0);
        OrderActionResult r = run([&](auto done) { d->deliver(review, this, done); });
        QVERIFY2(r.ok, qPrintable(r.message));
        QCOMPARE(r.orderId, review);
        QVERIFY(!r.message.isEmpty());

        const qint64 delivered = findOrder([](const sim::Order& o, const sim::Goods&) {
            return o.status == sim::OrderStatus::Delivered && !o.handedOver &&
                   o.refundAmount == core::Money();
        });
        const core::Money paid = state().orders()[delivered - sim::kOrderIdBase - 1].paidAmount;
        r = run([&](auto done) { d->reject(delivered, u"fraud"_s, u"盗刷"_s, this, done); });
        QVERIFY2(r.ok, qPrintable(r.message));
        QVERIFY2(r.message.contains(paid.toString(2)), qPrintable(r.message));
        QCOMPARE(state().orders()[delivered - sim::kOrderIdBase - 1].refundAmount, paid);

        // Refused: stock short names what is left; an unknown order says so.
        const qint64 shortOne = placeOrder(false);
        state().goodsAt(state().orders()[shortOne - sim::kOrderIdBase - 1].goodsId - 1).stockAvailable = 0;
        r = run([&](auto done) { d->deliver(shortOne, this, done); });
        QVERIFY(!r.ok && !r.pending);
        QVERIFY2(r.message.contains(u'0'), qPrintable(r.message));
        r = run([&](auto done) { d->deliver(999'999'999, this, done); });
        QVERIFY(!r.ok);
        QVERIFY(!r.message.isEmpty());

        // The lease holder's refusal names the holder.
        const qint64 handed = placeOrder(true);
        QVERIFY(state().takeLease(QJsonObject{{u"holder"_s, u"worker-7f3a"_s}}).isOk());
        r = run([&](auto done) { d->deliver(handed, this, done); });
        QVERIFY(!r.ok);
        QVERIFY2(r.message.contains(u"worker-7f3a"_s), qPrintable(r.message));

        // A platform without refunds (the bridge) refuses the action itself: no lease talk, its words.
        state().refuseOrderActions({QByteArray("refund")});
        const qint64 another = findOrder([](const sim::Order& o, const sim::Goods&) {
            return o.status == sim::OrderStatus::Delivered && !o.handedOver && o.refundAmount == core::Money();
        });
        r = run([&](auto done) { d->reject(another, u"fraud"_s, u"盗刷"_s, this, done); });
        QVERIFY(!r.ok && !r.pending);
        QVERIFY2(!r.message.contains(u"lease"_s) && r.message.contains(u"not supported by this platform: refund"_s),
                 qPrintable(r.message));
        QCOMPARE(state().orders()[another - sim::kOrderIdBase - 1].refundAmount, core::Money());
    }

    void assignmentsAndCards()
    {
        auto d = desk(m_shop->admin);
        OrderActionResult r = run([&](auto done) { d->assignToMe(1'000'005, this, done); });
        QVERIFY2(r.ok, qPrintable(r.message));
        QCOMPARE(m_shop->scalar(u"SELECT operator_id FROM review_assignments WHERE order_id = 1000005"_s)
                     .toLongLong(),
                 m_shop->admin.operatorId);
        r = run([&](auto done) { d->unassign(1'000'005, this, done); });
        QVERIFY(r.ok);
        QCOMPARE(m_shop->scalar(u"SELECT COUNT(*) FROM review_assignments"_s).toInt(), 0);

        const qint64 delivered = findOrder([](const sim::Order& o, const sim::Goods& g) {
            return o.status == sim::OrderStatus::Delivered && !g.direct && o.quantity == 2;
        });
        std::optional<models::OrderCards> cards;
        d->orderCards(delivered, this, [&cards](models::OrderCards c) { cards = c; });
        QVERIFY(QTest::qWaitFor([&] { return cards.has_value(); }, 10000));
        QVERIFY(cards->ok);
        QCOMPARE(cards->cards.size(), 2);
    }

    void pendingIntentsGoOutAtStart()
    {
        const qint64 id = placeOrder(false);
        const core::Actor admin = m_shop->admin;
        auto intent = m_shop->write<storage::OrderActionRecord>([&](storage::WriteContext& ctx) {
            return storage::orderactions::recordIntent(ctx, admin, id, storage::orderactions::Deliver,
                                                       "{\"from_stock\":true}");
        });
        QVERIFY(intent.ok());
        auto d = desk(m_shop->admin);
        QVERIFY(QTest::qWaitFor(
            [&] {
                return m_shop->scalar(u"SELECT state FROM order_actions WHERE id = ?"_s, {intent->id})
                           .toString() == u"done";
            },
            10000));
        QCOMPARE(state().orders()[id - sim::kOrderIdBase - 1].status, sim::OrderStatus::Delivered);
    }
};

QTEST_GUILESS_MAIN(TstOrderActionDesk)
#include "tst_orderactiondesk.moc"
