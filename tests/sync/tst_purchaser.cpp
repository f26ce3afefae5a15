// The purchasing runner (sync/purchaser.h) against the simulator's supplier roles over loopback,
// through the real adapters and a real cache: the happy paths with sealed cards, the fallback on a
// product rejection under a new number, refusals, lost answers and timeouts (Unknown, never re-sent),
// and resume() after a crash.
#include "purchasefixture.h"

using namespace cardops;
using namespace Qt::StringLiterals;
using core::PurchaseState;
using purchasefixture::kAcg;
using purchasefixture::kAcgItem;
using purchasefixture::kFulu;
using purchasefixture::kFuluCard;
using purchasefixture::kFuluDirect;
using purchasefixture::Rig;
using purchasefixture::spec;

Q_DECLARE_METATYPE(cardops::core::PurchaseState)

namespace {

sim::SupplierFaultConfig only(bool fulu, bool acgFaka)
{
    sim::SupplierFaultConfig f;
    f.fulu = fulu;
    f.acgFaka = acgFaka;
    return f;
}

} // namespace

class TstPurchaser : public QObject
{
    Q_OBJECT

    std::unique_ptr<Rig> m_rig;

    // The Fulu cards of an order as the purchaser joins them: "number secret" per line.
    QByteArray fuluCardText(const QString& externalNo)
    {
        const auto order = m_rig->fuluSim().order(externalNo.toLatin1());
        if (!order)
            return {};
        QList<QByteArray> lines;
        for (const sim::FuluState::Card& c : order->cards)
            lines << c.number + ' ' + c.password;
        return lines.join('\n');
    }

private Q_SLOTS:
    void init()
    {
        m_rig = std::make_unique<Rig>();
        QVERIFY(m_rig->start());
    }
    void cleanup() { m_rig.reset(); }

    void acgFakaHappyPath()
    {
        auto out = m_rig->buy(spec(41, {{kAcg, kAcgItem}}, 2));
        QVERIFY2(out.ok(), qPrintable(out.ok() ? QString() : out.error().detail));
        QCOMPARE(out->attempts.size(), 1);
        const storage::PurchaseRecord& row = out->last();
        QCOMPARE(row.state, PurchaseState::Succeeded);
        QCOMPARE(row.cost, std::optional<qint64>(990'000)); // 2 × 49.50
        QVERIFY(row.holdsSecret);
        QCOMPARE(row.externalNo.size(), suppliers::RequestNoGenerator::kLength);
        const auto trade = m_rig->acgSim().tradeByRequestNo(row.externalNo.toLatin1());
        QVERIFY(trade);
        QCOMPARE(row.upstreamNo, QString::fromLatin1(trade->tradeNo));
        QCOMPARE(m_rig->openedSecret(row), trade->secret);
        QCOMPARE(m_rig->acgSim().purchaseCount(), 1);
        // The card text is nowhere in the cache file, not even one card.
        const QByteArray bytes = m_rig->fileBytes();
        for (const QByteArray& card : trade->secret.split('\n'))
            QVERIFY2(!bytes.contains(card), card.constData());
        QCOMPARE(m_rig->unknownCounter(), 0);
    }

    void fuluHappyPath()
    {
        auto out = m_rig->buy(spec(42, {{kFulu, kFuluCard}}, 2));
        QVERIFY2(out.ok(), qPrintable(out.ok() ? QString() : out.error().detail));
        const storage::PurchaseRecord& row = out->last();
        QCOMPARE(row.state, PurchaseState::Succeeded);
        QCOMPARE(row.cost, std::optional<qint64>(1'000'000));
        const QByteArray cards = fuluCardText(row.externalNo);
        QCOMPARE(cards.count('\n'), 1);
        QCOMPARE(m_rig->openedSecret(row), cards);
        QCOMPARE(row.upstreamNo,
                 QString::fromLatin1(m_rig->fuluSim().order(row.externalNo.toLatin1())->orderId));
        const QByteArray bytes = m_rig->fileBytes();
        for (const QByteArray& line : cards.split('\n'))
            QVERIFY(!bytes.contains(line.split(' ').last()));

        // A direct recharge succeeds with nothing to hold.
        sync::PurchaseSpec direct = spec(43, {{kFulu, kFuluDirect}});
        direct.chargeAccount = u"13800000000"_s;
        auto recharged = m_rig->buy(direct);
        QVERIFY(recharged.ok());
        QCOMPARE(recharged->last().state, PurchaseState::Succeeded);
        QVERIFY(!recharged->last().holdsSecret);
        QCOMPARE(m_rig->fuluSim().purchaseCount(), 2);
    }

    void fallbackOnFuluStockOutUnderANewNumber()
    {
        m_rig->fuluSim().setStock(kFuluCard.toLongLong(), 0);
        auto out = m_rig->buy(spec(44, {{kFulu, kFuluCard}, {kAcg, kAcgItem}}));
        QVERIFY(out.ok());
        QCOMPARE(out->attempts.size(), 2);
        QCOMPARE(out->attempts[0].state, PurchaseState::Failed);
        QVERIFY2(out->attempts[0].error.contains(u"3003"_s), qPrintable(out->attempts[0].error));
        QCOMPARE(out->attempts[1].state, PurchaseState::Succeeded);
        QCOMPARE(out->attempts[1].supplierId, kAcg);
        QVERIFY(out->attempts[0].externalNo != out->attempts[1].externalNo);
        QCOMPARE(m_rig->fuluSim().purchaseCount(), 0);
        QCOMPARE(m_rig->acgSim().purchaseCount(), 1);
        QVERIFY(m_rig->acgSim().tradeByRequestNo(out->attempts[1].externalNo.toLatin1()));
        QCOMPARE(m_rig->forOrder(44).size(), 2);
    }

    void insufficientBalanceFails()
    {
        // acg-faka refuses for certain (code 0): Failed, and no fallback — it was not a product
        // rejection.
        m_rig->acgSim().setBalance(core::Money::fromYuan(0));
        auto out = m_rig->buy(spec(45, {{kAcg, kAcgItem}, {kFulu, kFuluCard}}));
        QVERIFY(out.ok());
        QCOMPARE(out->attempts.size(), 1);
        QCOMPARE(out->last().state, PurchaseState::Failed);
        QVERIFY2(out->last().error.contains(u"余额不足"_s), qPrintable(out->last().error));
        QCOMPARE(m_rig->acgSim().purchaseCount(), 0);
        QCOMPARE(m_rig->fuluSim().purchaseCount(), 0);

        // Fulu's codes are not public, so its refusal is Unknown until a query shows no order.
        m_rig->fuluSim().setBalance(core::Money::fromYuan(0));
        auto fulu = m_rig->buy(spec(46, {{kFulu, kFuluCard}}));
        QVERIFY(fulu.ok());
        QCOMPARE(fulu->last().state, PurchaseState::Unknown);
        QCOMPARE(m_rig->unknownCounter(), 1);
        auto resumed = m_rig->resume();
        QVERIFY(resumed.ok());
        QCOMPARE(resumed->settled, 1);
        const auto rows = m_rig->forOrder(46);
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows[0].state, PurchaseState::Failed);
        QVERIFY2(rows[0].error.startsWith(u"Never arrived"_s), qPrintable(rows[0].error));
        QCOMPARE(m_rig->unknownCounter(), 0);
    }

    void acgFakaLostResponseIsUnknownAndNeverRetried()
    {
        // The trade is executed, then the connection closes without a byte. Whether Qt re-sends
        // the POST (answered "request ID already exists") or reports the closed connection, the
        // outcome is unknown: no fallback, no second trade, not even after resume().
        auto faults = only(false, true);
        faults.lostResponse = 1;
        m_rig->setFaults(faults);
        auto out = m_rig->buy(spec(47, {{kAcg, kAcgItem}, {kFulu, kFuluCard}}));
        QVERIFY(out.ok());
        QCOMPARE(out->attempts.size(), 1);
        QCOMPARE(out->last().state, PurchaseState::Unknown);
        QVERIFY(m_rig->server->suppliers().lostResponses() >= 1);
        m_rig->clearFaults();
        QVERIFY(m_rig->resume().ok());
        QVERIFY(m_rig->resume().ok());
        QCOMPARE(m_rig->forOrder(47).size(), 1);
        QCOMPARE(m_rig->forOrder(47)[0].state, PurchaseState::Unknown);
        QCOMPARE(m_rig->acgSim().purchaseCount(), 1);
        QVERIFY(m_rig->acgSim().tradeByRequestNo(out->last().externalNo.toLatin1()));
        QCOMPARE(m_rig->fuluSim().purchaseCount(), 0);
        QCOMPARE(m_rig->unknownCounter(), 1);
    }

    void fuluLostResponseResolvedByQuery()
    {
        auto faults = only(true, false);
        faults.lostResponse = 1;
        m_rig->setFaults(faults);
        auto out = m_rig->buy(spec(48, {{kFulu, kFuluCard}, {kAcg, kAcgItem}}));
        QVERIFY(out.ok());
        QCOMPARE(out->attempts.size(), 1);
        // A re-sent copy of an identical order is answered with the order itself; otherwise Unknown.
        QVERIFY(out->last().state == PurchaseState::Unknown || out->last().state == PurchaseState::Succeeded);
        m_rig->clearFaults();
        QVERIFY(m_rig->resume().ok());
        const auto rows = m_rig->forOrder(48);
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows[0].state, PurchaseState::Succeeded);
        QCOMPARE(m_rig->openedSecret(rows[0]), fuluCardText(rows[0].externalNo));
        QCOMPARE(m_rig->fuluSim().purchaseCount(), 1);
        QCOMPARE(m_rig->acgSim().purchaseCount(), 0);
        QCOMPARE(m_rig->unknownCounter(), 0);
    }

    void fuluTimeoutNeverResentResolvedByQuery()
    {
        // Every request times out, half of them after the order was taken. The purchase is Unknown
        // and is never re-sent; once the network is back, the query settles it to what the
        // supplier has — and the supplier has at most the one order under our number.
        auto faults = only(true, false);
        faults.shared.setRate(sim::FaultMode::Timeout, 1);
        for (int i = 0; i < 4; ++i) {
            m_rig->setFaults(faults);
            auto out = m_rig->buy(spec(60 + i, {{kFulu, kFuluCard}, {kAcg, kAcgItem}}));
            QVERIFY(out.ok());
            QCOMPARE(out->attempts.size(), 1);
            QCOMPARE(out->last().state, PurchaseState::Unknown);
            m_rig->clearFaults();
            QVERIFY(m_rig->resume().ok());
            const auto row = m_rig->forOrder(60 + i).constFirst();
            const auto order = m_rig->fuluSim().order(row.externalNo.toLatin1());
            QCOMPARE(row.state, order ? PurchaseState::Succeeded : PurchaseState::Failed);
        }
        QVERIFY(m_rig->fuluSim().purchaseCount() <= 4);
        QCOMPARE(m_rig->acgSim().purchaseCount(), 0);
        for (qsizetype i = 0; i < m_rig->fuluSim().orderCount(); ++i) {
            const QByteArray no = m_rig->fuluSim().orderAt(i).customerOrderNo;
            storage::ReadSession read(m_rig->path);
            const auto row = storage::purchases::findByExternalNo(read, QString::fromLatin1(no));
            QVERIFY(row.ok() && row->has_value());
            QCOMPARE(row->value().state, PurchaseState::Succeeded);
        }
        QCOMPARE(m_rig->unknownCounter(), 0);
    }

    void resumeAfterACrash()
    {
        // Rows left by a crash, written straight through storage: one in each open state.
        auto write = [this](const QString& supplier, const QString& product, PurchaseState to) {
            QList<PurchaseState> steps;
            if (to != PurchaseState::Intent)
                steps << PurchaseState::Sent;
            if (to == PurchaseState::Accepted || to == PurchaseState::Unknown)
                steps << to;
            storage::PurchaseRecord p;
            p.externalNo = QString::fromLatin1(m_rig->numbers->next().value());
            p.supplierId = supplier;
            p.productRef = product;
            p.quantity = 1;
            p.orderId = 70;
            return m_rig->db->writer()
                .submit<storage::PurchaseRecord>(
                    u"test.crash"_s,
                    [p, steps](storage::WriteContext& ctx) mutable -> core::Result<storage::PurchaseRecord> {
                        auto id = storage::purchases::recordIntent(ctx, p);
                        if (!id)
                            return id.error();
                        p.id = id.value();
                        for (PurchaseState next : steps) {
                            storage::PurchaseUpdate u;
                            u.to = next;
                            if (auto r = storage::purchases::advance(ctx, p.id, p.state, u); !r)
                                return r.error();
                            p.state = next;
                        }
                        return p;
                    })
                .result()
                .value();
        };
        const auto intent = write(kAcg, kAcgItem, PurchaseState::Intent);
        const auto acgSent = write(kAcg, kAcgItem, PurchaseState::Sent);
        const auto fuluSent = write(kFulu, kFuluCard, PurchaseState::Sent); // never reached Fulu
        const auto accepted = write(kFulu, kFuluCard, PurchaseState::Accepted);
        const auto unknown = write(kFulu, kFuluCard, PurchaseState::Unknown);
        QCOMPARE(accepted.state, PurchaseState::Accepted);
        QCOMPARE(unknown.state, PurchaseState::Unknown);
        // The accepted and the unknown one did reach Fulu before the crash.
        for (const auto& row : {accepted, unknown}) {
            sim::FuluState::Purchase p;
            p.productId = kFuluCard.toLongLong();
            p.buyNum = 1;
            p.customerOrderNo = row.externalNo.toLatin1();
            p.fingerprint = "crash-test";
            QVERIFY(m_rig->fuluSim().place(p).ok());
        }
        QCOMPARE(m_rig->unknownCounter(), 1);

        m_rig->restart();
        auto summary = m_rig->resume();
        QVERIFY2(summary.ok(), qPrintable(summary.ok() ? QString() : summary.error().detail));
        QCOMPARE(summary->neverSent, 1);
        QCOMPARE(summary->madeUnknown, 2);
        QCOMPARE(summary->settled, 3);
        QCOMPARE(summary->stillOpen, 1);

        storage::ReadSession read(m_rig->path);
        auto state = [&read](const storage::PurchaseRecord& r) {
            return storage::purchases::find(read, r.id).value()->state;
        };
        QCOMPARE(state(intent), PurchaseState::Failed);
        QCOMPARE(state(acgSent), PurchaseState::Unknown);
        QCOMPARE(state(fuluSent), PurchaseState::Failed);
        QCOMPARE(state(accepted), PurchaseState::Succeeded);
        QCOMPARE(state(unknown), PurchaseState::Succeeded);
        QVERIFY(storage::purchases::find(read, intent.id).value()->error.startsWith(u"Never sent"_s));
        QCOMPARE(m_rig->openedSecret(*storage::purchases::find(read, accepted.id).value()),
                 fuluCardText(accepted.externalNo));
        QCOMPARE(m_rig->unknownCounter(), 1);
        // Nothing was sent by resume(): no trade upstream, Fulu still has only the two orders.
        QCOMPARE(m_rig->acgSim().purchaseCount(), 0);
        QCOMPARE(m_rig->fuluSim().purchaseCount(), 2);
        QVERIFY(m_rig->rows(PurchaseState::Intent).isEmpty());
        QVERIFY(m_rig->rows(PurchaseState::Sent).isEmpty());
        QVERIFY(m_rig->rows(PurchaseState::Accepted).isEmpty());
    }

    void refusesABadSpec()
    {
        QVERIFY(!m_rig->buy(spec(80, {})).ok());
        QVERIFY(!m_rig->buy(spec(80, {{u"nobody"_s, kAcgItem}})).ok());
        QVERIFY(!m_rig->buy(spec(80, {{kAcg, kAcgItem}}, 0)).ok());
        QVERIFY(m_rig->forOrder(80).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TstPurchaser)
#include "tst_purchaser.moc"
