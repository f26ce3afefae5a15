// 1,000 purchases through the purchasing runner against the simulator's supplier roles under
// injected timeouts, lost answers, 5xx and latency on both suppliers, with a crash half-way: nothing
// is bought twice, every row ends Succeeded, Failed or Unknown, the ledger agrees with what the
// suppliers executed, and the 采购结果未知 counter equals the Unknown rows.
#include "purchasefixture.h"

#include <QElapsedTimer>

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

namespace {

constexpr int kPurchases = 1000;
constexpr int kInFlight = 24;
constexpr int kCrashAt = 500;
const QString kFuluOut = u"10000587"_s; // emptied: Fulu answers 3003, the spec falls back

// A varied day: acg-faka alone, Fulu cards with an acg-faka fallback, Fulu recharges (some to
// accounts that do not exist), a Fulu product out of stock, acg-faka first with a Fulu fallback.
sync::PurchaseSpec specFor(int i)
{
    const qint64 orderId = 1000 + i;
    const qint64 quantity = 1 + i % 2;
    switch (i % 10) {
    case 0:
    case 1:
    case 2:
        return spec(orderId, {{kAcg, kAcgItem}}, quantity);
    case 3:
    case 4:
    case 5:
        return spec(orderId, {{kFulu, kFuluCard}, {kAcg, kAcgItem}}, quantity);
    case 6: {
        sync::PurchaseSpec s = spec(orderId, {{kFulu, kFuluDirect}});
        s.chargeAccount = (i % 30 == 6 ? u"fail-%1"_s : u"1380000%1"_s).arg(i, 4, 10, QLatin1Char('0'));
        return s;
    }
    case 7:
    case 8:
        return spec(orderId, {{kFulu, kFuluOut}, {kAcg, kAcgItem}}, quantity);
    default:
        return spec(orderId, {{kAcg, kAcgItem}, {kFulu, kFuluCard}}, quantity);
    }
}

sim::SupplierFaultConfig chaos()
{
    sim::SupplierFaultConfig f;
    f.shared.setRate(sim::FaultMode::Timeout, 0.06);
    f.shared.setRate(sim::FaultMode::ServerError, 0.05);
    f.shared.setRate(sim::FaultMode::Latency, 0.10);
    f.shared.latencyMinMs = 5;
    f.shared.latencyMaxMs = 40;
    f.shared.timeoutAnswerMs = 0;
    f.shared.seed = 20261129;
    f.lostResponse = 0.07;
    return f;
}

} // namespace

class TstPurchaseChaos : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void thousandPurchasesUnderFaults()
    {
        QElapsedTimer timer;
        timer.start();
        Rig rig;
        Rig::Options options;
        options.httpTimeout = std::chrono::milliseconds(300);
        options.fulu = {5, 10, 0.03};
        options.poll.bound = std::chrono::seconds(20);
        QVERIFY(rig.start(options));
        rig.acgSim().setStock(kAcgItem.toLatin1(), 5000);
        rig.acgSim().setBalance(core::Money::fromYuan(1'000'000));
        rig.fuluSim().setStock(kFuluCard.toLongLong(), 5000);
        rig.fuluSim().setStock(kFuluOut.toLongLong(), 0);
        rig.fuluSim().setBalance(core::Money::fromYuan(1'000'000));
        rig.setFaults(chaos());

        QList<QFuture<core::Result<sync::PurchaseOutcome>>> flying;
        int next = 0;
        int errors = 0;
        int abandoned = 0;
        // Sweeps now and again while purchases run, as the worker does: they leave alone what the
        // runner is working on.
        QList<QFuture<core::Result<sync::ResumeSummary>>> sweeps;
        bool crashed = false;
        while (next < kPurchases || !flying.isEmpty()) {
            while (flying.size() < kInFlight && next < kPurchases) {
                flying << rig.purchaser->purchase(specFor(next++));
                if (next % 150 == 0)
                    sweeps << rig.purchaser->resume();
            }
            if (!crashed && next >= kCrashAt) {
                // A crash with kInFlight purchases at every step: the runner and adapters are gone.
                crashed = true;
                QTest::qWait(20);
                rig.restart();
                abandoned = static_cast<int>(flying.size());
                flying.clear();
                sweeps.clear();
                auto resumed = rig.resume();
                QVERIFY2(resumed.ok(), qPrintable(resumed.ok() ? QString() : resumed.error().detail));
                qInfo("after the crash: %d never sent, %d unknown, %d settled, %d still open",
                      resumed->neverSent, resumed->madeUnknown, resumed->settled, resumed->stillOpen);
                continue;
            }
            QVERIFY(QTest::qWaitFor(
                [&flying] {
                    return std::any_of(flying.cbegin(), flying.cend(),
                                       [](const auto& f) { return f.isFinished(); });
                },
                30000));
            for (qsizetype i = flying.size() - 1; i >= 0; --i) {
                if (!flying[i].isFinished())
                    continue;
                if (flying[i].isCanceled() || !flying[i].result().ok())
                    ++errors;
                flying.removeAt(i);
            }
        }
        QCOMPARE(errors, 0);
        for (const auto& sweep : sweeps) {
            const auto swept = Rig::wait(sweep);
            QVERIFY2(swept.ok(), qPrintable(swept.ok() ? QString() : swept.error().detail));
        }
        auto resumed = rig.resume();
        QVERIFY2(resumed.ok(), qPrintable(resumed.ok() ? QString() : resumed.error().detail));

        // No row left open.
        QVERIFY(rig.rows(PurchaseState::Intent).isEmpty());
        QVERIFY(rig.rows(PurchaseState::Sent).isEmpty());
        QVERIFY(rig.rows(PurchaseState::Accepted).isEmpty());

        // The ledger against what the suppliers executed.
        const auto succeeded = rig.rows(PurchaseState::Succeeded);
        const auto failed = rig.rows(PurchaseState::Failed);
        const auto unknown = rig.rows(PurchaseState::Unknown);
        auto executed = [&rig](const storage::PurchaseRecord& r) {
            const QByteArray no = r.externalNo.toLatin1();
            return r.supplierId == kAcg ? rig.acgSim().tradeByRequestNo(no).has_value()
                                        : rig.fuluSim().order(no).has_value();
        };
        auto bought = [&rig](const storage::PurchaseRecord& r) {
            const QByteArray no = r.externalNo.toLatin1();
            if (r.supplierId == kAcg)
                return rig.acgSim().tradeByRequestNo(no).has_value();
            const auto order = rig.fuluSim().order(no);
            return order && order->state == sim::FuluState::OrderState::Success;
        };
        QHash<QString, PurchaseState> byNumber;
        QHash<qint64, int> executedPerOrder;
        int fallbacks = 0;
        for (const auto* list : {&succeeded, &failed, &unknown}) {
            for (const storage::PurchaseRecord& r : *list) {
                byNumber.insert(r.externalNo, r.state);
                executedPerOrder[r.orderId] += executed(r) ? 1 : 0;
                if (r.state == PurchaseState::Succeeded)
                    QVERIFY2(bought(r), qPrintable(r.externalNo));
                if (r.state == PurchaseState::Failed)
                    QVERIFY2(!bought(r), qPrintable(r.externalNo + u": "_s + r.error));
            }
        }
        for (int i = 0; i < kPurchases; ++i) {
            const auto rows = rig.forOrder(1000 + i);
            QVERIFY2(!rows.isEmpty(), qPrintable(QString::number(i)));
            QVERIFY2(executedPerOrder.value(1000 + i) <= 1, qPrintable(QString::number(i)));
            fallbacks += rows.size() > 1 ? 1 : 0;
        }
        // Nothing was bought outside the ledger.
        for (qsizetype i = 0; i < rig.acgSim().purchaseCount(); ++i)
            QVERIFY(byNumber.contains(QString::fromLatin1(rig.acgSim().tradeAt(i).requestNo)));
        for (qsizetype i = 0; i < rig.fuluSim().orderCount(); ++i)
            QVERIFY(byNumber.contains(QString::fromLatin1(rig.fuluSim().orderAt(i).customerOrderNo)));
        // A sample of the held secrets opens to what the supplier sold.
        for (qsizetype i = 0; i < succeeded.size(); i += 25) {
            const storage::PurchaseRecord& r = succeeded[i];
            if (r.supplierId == kAcg)
                QCOMPARE(rig.openedSecret(r), rig.acgSim().tradeByRequestNo(r.externalNo.toLatin1())->secret);
            else
                QCOMPARE(r.holdsSecret, r.chargeAccount.isEmpty());
        }
        QCOMPARE(rig.unknownCounter(), unknown.size());

        int unknownAcg = 0;
        int resentCopies = 0; // Qt re-sent the trade after a lost answer; acg-faka refused the copy
        for (const storage::PurchaseRecord& r : unknown) {
            unknownAcg += r.supplierId == kAcg ? 1 : 0;
            resentCopies += r.error.contains(u"already seen this request number"_s) ? 1 : 0;
        }
        const sim::SupplierRoles& roles = rig.server->suppliers();
        qInfo("purchase chaos: %d specs, %lld rows: %lld succeeded, %lld failed, %lld unknown (%d acg-faka, "
              "%lld fulu, %d of them re-sent copies); %d fell back; %d abandoned by the crash; faults: %lld "
              "timeouts, %lld 5xx, %lld "
              "lost; "
              "supplier requests %lld; %lld ms",
              kPurchases, static_cast<long long>(byNumber.size()), static_cast<long long>(succeeded.size()),
              static_cast<long long>(failed.size()), static_cast<long long>(unknown.size()), unknownAcg,
              static_cast<long long>(unknown.size() - unknownAcg), resentCopies, fallbacks, abandoned,
              static_cast<long long>(roles.faultCount(sim::FaultMode::Timeout)),
              static_cast<long long>(roles.faultCount(sim::FaultMode::ServerError)),
              static_cast<long long>(roles.lostResponses()), static_cast<long long>(roles.requestCount()),
              static_cast<long long>(timer.elapsed()));
        QVERIFY(roles.lostResponses() > 0);
        QVERIFY(roles.faultCount(sim::FaultMode::Timeout) > 0);
        QVERIFY(succeeded.size() > kPurchases / 2);
    }
};

QTEST_GUILESS_MAIN(TstPurchaseChaos)
#include "tst_purchasechaos.moc"
