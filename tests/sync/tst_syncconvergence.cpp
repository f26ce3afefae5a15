#include "syncfixture.h"

#include <QHash>

using namespace cardops;
using namespace syncfixture;
using sim::FaultMode;

// issue #3, must show: with each fault mode at 20 % — including the concurrent web editor and late
// commits — repeated rounds converge to exactly the simulator's state, and no local edit is lost
// or applied twice.
class TestSyncConvergence : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void convergesUnderFaults_data()
    {
        QTest::addColumn<QList<int>>("modes");
        QTest::addColumn<double>("rate");
        for (const FaultMode m :
             {FaultMode::Latency, FaultMode::ServerError, FaultMode::TooMany, FaultMode::Timeout,
              FaultMode::Truncated, FaultMode::Malformed, FaultMode::BadSignature, FaultMode::DuplicatePage,
              FaultMode::ShuffledPage, FaultMode::Editor, FaultMode::LateCommit})
            QTest::newRow(qPrintable(sim::FaultConfig::modeName(m))) << QList<int>{int(m)} << 0.2;
        QList<int> all;
        for (int m = 0; m < sim::kFaultModeCount; ++m)
            all << m;
        QTest::newRow("all at once") << all << 0.05;
    }

    void convergesUnderFaults()
    {
        QFETCH(QList<int>, modes);
        QFETCH(double, rate);
        Shop shop;
        QVERIFY(shop.start(pageSize(100)));
        sim::FaultConfig faults;
        for (int m : modes)
            faults.setRate(static_cast<FaultMode>(m), rate);
        faults.latencyMinMs = 1;
        faults.latencyMaxMs = 30;
        faults.retryAfterSeconds = 1;
        faults.seed = 1234 + static_cast<quint64>(modes.first());
        shop.server.setFaults(faults);

        const auto& goods = shop.server.state().goods();
        const auto& categories = shop.server.state().categories();
        QHash<qint64, qint64> lastThreshold; // goods id → the last threshold staged locally
        QHash<qint64, int> categoryEdits; // category id → edits staged (the editor never edits categories)
        QHash<qint64, qint64> categoryVersion; // category id → its version before our edits
        int staged = 0;
        const int faultRounds = 12;
        for (int round = 0; round < faultRounds; ++round) {
            // Operators keep editing while sync struggles: thresholds (only we touch them), prices
            // (the web editor touches them too) and category names (only we touch them).
            if (round > 0) {
                const auto& g = goods.at((round * 7) % goods.size());
                const qint64 threshold = 1000 + round;
                if (shop.stage(u"goods"_s, g.id, {{u"low_stock_threshold"_s, threshold}}).ok()) {
                    lastThreshold[g.id] = threshold;
                    ++staged;
                }
                const auto& p = goods.at((round * 3) % goods.size());
                const QString price = core::Money::fromUnits(p.cost.units() + 10'000 + round).toString(4);
                QVERIFY(shop.stage(u"goods"_s, p.id, {{u"price"_s, price}}).ok());
                const auto& c = categories.at(round % categories.size());
                if (!categoryVersion.contains(c.id))
                    categoryVersion.insert(c.id, c.version);
                QVERIFY(shop.stage(u"categories"_s, c.id, {{u"name"_s, QStringLiteral("分类-%1").arg(round)}})
                            .ok());
                ++categoryEdits[c.id];
            }
            for (int i = 0; i < 5; ++i)
                shop.server.liveOrders().placeOne(shop.clock.nowSeconds(), i == 0);
            (void)shop.round();
            resolveConflicts(shop, round);
        }

        // The shop goes quiet (no more edits on the platform side); the link stays as bad as before.
        for (int m : modes)
            if (m == int(FaultMode::Editor) || m == int(FaultMode::LateCommit))
                faults.setRate(static_cast<FaultMode>(m), 0);
        shop.server.setFaults(faults);
        bool converged = false;
        for (int round = 0; round < 80 && !converged; ++round) {
            const auto s = shop.round();
            resolveConflicts(shop, round);
            converged =
                s.ok() && shop.scalar(u"SELECT count(*) FROM outbox WHERE state NOT IN ('done', 'dropped')"_s)
                                  .toInt() == 0;
        }
        QVERIFY2(converged, "no clean round within 80 rounds");
        // One more clean round: nothing left to pull means the cache was already complete.
        COMPARE_WITH_SIMULATOR(shop);

        // Never lost: every threshold is the last one staged.
        for (auto it = lastThreshold.cbegin(); it != lastThreshold.cend(); ++it) {
            const auto g =
                std::find_if(goods.cbegin(), goods.cend(), [&](const auto& x) { return x.id == it.key(); });
            QCOMPARE(g->lowStockThreshold, it.value());
        }
        // Never twice: a category changes only through our edits, one version per applied edit.
        for (auto it = categoryEdits.cbegin(); it != categoryEdits.cend(); ++it) {
            const auto c = std::find_if(categories.cbegin(), categories.cend(),
                                        [&](const auto& x) { return x.id == it.key(); });
            const int applied =
                shop.scalar(u"SELECT count(*) FROM outbox WHERE entity = 'categories' AND entity_id = ? "
                            u"AND state = 'done'"_s,
                            {it.key()})
                    .toInt();
            QCOMPARE(applied, it.value());
            QCOMPARE(c->version, categoryVersion.value(it.key()) + applied);
        }
        QVERIFY(staged > 0);
        const qint64 injected = [&] {
            qint64 n = 0;
            for (int m : modes)
                n += shop.server.faultCount(static_cast<FaultMode>(m));
            return n;
        }();
        QVERIFY2(injected > 0, "the fault never happened");
    }

private:
    // The operator's decision on each conflict: keep mine and take theirs, alternately.
    static void resolveConflicts(Shop& shop, int round)
    {
        storage::ReadSession read(*shop.db);
        const auto open = storage::outbox::openConflicts(read).value();
        for (const auto& c : open) {
            const auto how =
                (c.id + round) % 2 ? storage::Resolution::KeepMine : storage::Resolution::TakeTheirs;
            const core::Actor admin = shop.admin;
            const qint64 id = c.id;
            QVERIFY(shop.write<void>([=](storage::WriteContext& ctx) {
                            return storage::outbox::resolve(ctx, admin, id, how);
                        })
                        .ok());
        }
    }
};

QTEST_GUILESS_MAIN(TestSyncConvergence)
#include "tst_syncconvergence.moc"
