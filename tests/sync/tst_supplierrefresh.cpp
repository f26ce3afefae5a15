// SupplierRefresh against the simulator's supplier roles over loopback, through the real adapters:
// the mirror after a refresh, the 上游余额不足 counter following the supplier's balance, and a
// supplier that cannot be reached or answers garbage recorded as an error with the mirror kept.
#include "storage/counters.h"
#include "storage/supply.h"
#include "sync/supplierfactory.h"
#include "sync/supplierrefresh.h"
#include "syncfixture.h"

#include <QTcpServer>

using namespace cardops;
using namespace Qt::StringLiterals;
namespace supply = storage::supply;

class TstSupplierRefresh : public QObject
{
    Q_OBJECT

    std::unique_ptr<syncfixture::Shop> m_shop;
    std::unique_ptr<sync::SupplierRefresh> m_refresh;
    std::vector<std::unique_ptr<suppliers::Supplier>> m_adapters;

    QUrl simUrl() const { return QUrl(u"http://127.0.0.1:%1"_s.arg(m_shop->port)); }

    sync::RefreshTarget target(const core::SupplierEndpoint& endpoint, const QByteArray& secret)
    {
        auto adapter = sync::makeSupplier(endpoint, secret, &m_shop->clock);
        if (!adapter)
            return {endpoint.id, endpoint.protocol, nullptr};
        m_adapters.push_back(std::move(adapter).value());
        return {endpoint.id, endpoint.protocol, m_adapters.back().get()};
    }

    QList<sync::RefreshTarget> demoTargets()
    {
        QList<sync::RefreshTarget> out;
        for (const core::SupplierEndpoint& e : sync::demoSupplierEndpoints(simUrl()))
            out << target(e, sync::demoSupplierSecret(e));
        return out;
    }

    QList<sync::RefreshOutcome> refreshAll()
    {
        QSignalSpy spy(m_refresh.get(), &sync::SupplierRefresh::finished);
        if (!m_refresh->refreshAll() || !spy.wait(20'000))
            return {};
        return spy.first().first().value<QList<sync::RefreshOutcome>>();
    }

    QHash<QString, supply::SupplierStatus> statuses() const
    {
        storage::ReadSession read(*m_shop->db);
        QHash<QString, supply::SupplierStatus> out;
        const auto all = supply::statuses(read);
        for (const supply::SupplierStatus& s : all.value())
            out.insert(s.supplierId, s);
        return out;
    }

    qint64 mirrored(const QString& supplierId) const
    {
        return m_shop->scalar(u"SELECT count(*) FROM supplier_products WHERE supplier_id = ?"_s, {supplierId})
            .toLongLong();
    }

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<QList<sync::RefreshOutcome>>();
        qRegisterMetaType<sync::RefreshOutcome>();
    }

    void init()
    {
        m_shop = std::make_unique<syncfixture::Shop>();
        QVERIFY(m_shop->start());
        m_refresh = std::make_unique<sync::SupplierRefresh>(*m_shop->db, m_shop->clock);
        m_refresh->setTargets(demoTargets());
    }

    void cleanup()
    {
        m_refresh.reset();
        m_adapters.clear();
        m_shop.reset();
    }

    void mirrorsBothSuppliersAndResolvesTheLinks()
    {
        QCOMPARE(m_shop->round().outcome, sync::RoundSummary::Outcome::Ok);
        const auto outcomes = refreshAll();
        QCOMPARE(outcomes.size(), 2);
        for (const sync::RefreshOutcome& o : outcomes)
            QVERIFY2(o.ok, qPrintable(o.supplierId + u": "_s + o.error));

        const auto s = statuses();
        QCOMPARE(s.value(u"demo-fulu"_s).balance, std::optional<qint64>(10000 * 10000));
        QCOMPARE(s.value(u"demo-acg"_s).balance, std::optional<qint64>(5000 * 10000));
        QCOMPARE(s.value(u"demo-acg"_s).accountName, u"异次元模拟货源站"_s);
        QCOMPARE(s.value(u"demo-fulu"_s).protocol, u"fulu"_s);
        QVERIFY(s.value(u"demo-fulu"_s).lastError.isEmpty());
        QCOMPARE(m_shop->server.suppliers().fulu().balance().units(), 10000 * 10000); // nothing bought

        storage::ReadSession read(*m_shop->db);
        const auto fulu = supply::products(read, u"demo-fulu"_s).value();
        const auto jd = std::find_if(fulu.cbegin(), fulu.cend(), [](const supply::MirroredProduct& p) {
            return p.productId == u"10000587";
        });
        QVERIFY(jd != fulu.cend());
        QCOMPARE(jd->cost, std::optional<qint64>(99 * 10000));
        QCOMPARE(jd->name, u"京东E卡100元"_s);
        const auto acg = supply::products(read, u"demo-acg"_s).value();
        const auto steam = std::find_if(acg.cbegin(), acg.cend(), [](const supply::MirroredProduct& p) {
            return p.productId == u"8AE80574F3CA";
        });
        QVERIFY(steam != acg.cend());
        QCOMPARE(steam->cost, std::optional<qint64>(495'000));
        QCOMPARE(steam->stock, std::optional<qint64>(40));
        QCOMPARE(s.value(u"demo-acg"_s).productCount, acg.size());

        // The platform's links resolve to mirrored products; some cost more than the goods' price.
        const auto links = supply::linkedGoods(read, {}, 10'000).value();
        QVERIFY(links.size() > 10);
        qsizetype priced = 0;
        for (const supply::LinkedGoodsRow& l : links) {
            QVERIFY(!l.supplierId.isEmpty());
            priced += l.cost ? 1 : 0;
        }
        // Fulu lists only goods on shelf: an off-shelf linked product has no mirrored cost.
        QVERIFY2(priced >= links.size() * 8 / 10, qPrintable(u"%1 of %2"_s.arg(priced).arg(links.size())));
        const qint64 negative = supply::negativeMarginCount(read).value();
        QVERIFY(negative >= 1);
        QVERIFY(links.first().margin && *links.first().margin < 0);

        QVERIFY(m_refresh->diagnostics(u"demo-fulu"_s).has_value());
        QCOMPARE(m_refresh->diagnostics(u"demo-fulu"_s)->outcome, u"ok"_s);
        QVERIFY(!m_refresh->diagnostics(u"nobody"_s).has_value());
    }

    void lowBalanceCounterFollowsTheSupplier()
    {
        QVERIFY(!refreshAll().isEmpty());
        QCOMPARE(m_shop
                     ->scalar(u"SELECT value FROM counters WHERE name = ?"_s,
                              {storage::counters::SupplierBalanceLow})
                     .toLongLong(),
                 0);
        m_shop->server.suppliers().fulu().setBalance(core::Money::fromYuan(42));
        QVERIFY(!refreshAll().isEmpty());
        QCOMPARE(m_shop
                     ->scalar(u"SELECT value FROM counters WHERE name = ?"_s,
                              {storage::counters::SupplierBalanceLow})
                     .toLongLong(),
                 1);
        QVERIFY(statuses().value(u"demo-fulu"_s).balanceLow());
        m_shop->server.suppliers().fulu().setBalance(core::Money::fromYuan(420));
        QSignalSpy spy(m_refresh.get(), &sync::SupplierRefresh::finished);
        QVERIFY(m_refresh->refresh(u"demo-fulu"_s));
        QVERIFY(!m_refresh->refresh(u"demo-fulu"_s)); // one round at a time
        QVERIFY(spy.wait(20'000));
        QCOMPARE(spy.first().first().value<QList<sync::RefreshOutcome>>().size(), 1);
        QCOMPARE(m_shop
                     ->scalar(u"SELECT value FROM counters WHERE name = ?"_s,
                              {storage::counters::SupplierBalanceLow})
                     .toLongLong(),
                 0);
    }

    void unreachableSupplierKeepsTheMirror()
    {
        QVERIFY(!refreshAll().isEmpty());
        const qint64 before = mirrored(u"demo-fulu"_s);
        QVERIFY(before > 10);

        // A port nobody listens on: bind one, then close it.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 dead = probe.serverPort();
        probe.close();
        core::SupplierEndpoint gone = sync::demoSupplierEndpoints(simUrl()).last();
        QCOMPARE(gone.protocol, u"fulu"_s);
        gone.url.setPort(dead);
        m_refresh->setTargets({target(gone, sync::demoSupplierSecret(gone))});
        const auto outcomes = refreshAll();
        QCOMPARE(outcomes.size(), 1);
        QVERIFY(!outcomes.first().ok);
        QVERIFY2(outcomes.first().error.startsWith(u"Balance: Transport"_s),
                 qPrintable(outcomes.first().error));

        const auto s = statuses().value(u"demo-fulu"_s);
        QCOMPARE(s.lastError, outcomes.first().error);
        QCOMPARE(s.balance, std::optional<qint64>(10000 * 10000)); // the last balance read stays
        QCOMPARE(mirrored(u"demo-fulu"_s), before);
        QVERIFY(m_refresh->diagnostics(u"demo-fulu"_s)->outcome != u"ok"_s);
    }

    void hostileSupplierKeepsTheMirror()
    {
        QVERIFY(!refreshAll().isEmpty());
        const qint64 before = mirrored(u"demo-acg"_s);
        sim::SupplierFaultConfig faults;
        faults.shared.setRate(sim::FaultMode::Malformed, 1.0);
        faults.fulu = false;
        m_shop->server.suppliers().setFaults(faults);
        const auto outcomes = refreshAll();
        QCOMPARE(outcomes.size(), 2);
        QVERIFY(!outcomes.at(0).ok);
        QVERIFY(outcomes.at(1).ok); // the Fulu role is not struck
        const auto s = statuses();
        QVERIFY2(s.value(u"demo-acg"_s).lastError.startsWith(u"Balance: Malformed"_s),
                 qPrintable(s.value(u"demo-acg"_s).lastError));
        QVERIFY(s.value(u"demo-fulu"_s).lastError.isEmpty());
        QCOMPARE(mirrored(u"demo-acg"_s), before);

        // A wrong key: refused by the supplier, recorded, nothing mirrored for the newcomer.
        core::SupplierEndpoint wrong = sync::demoSupplierEndpoints(simUrl()).first();
        wrong.id = u"wrong-key"_s;
        m_shop->server.suppliers().setFaults({});
        m_refresh->setTargets({target(wrong, "NOT-THE-KEY")});
        const auto refused = refreshAll();
        QCOMPARE(refused.size(), 1);
        QVERIFY(!refused.first().ok);
        QCOMPARE(mirrored(u"wrong-key"_s), 0);
        QVERIFY(!statuses().value(u"wrong-key"_s).balance.has_value());
    }

    void missingAdapterIsAnError()
    {
        m_refresh->setTargets({{u"no-secret"_s, u"fulu"_s, nullptr}});
        const auto outcomes = refreshAll();
        QCOMPARE(outcomes.size(), 1);
        QVERIFY(!outcomes.first().ok);
        QVERIFY(!statuses().value(u"no-secret"_s).lastError.isEmpty());
        QVERIFY(!sync::makeSupplier({u"x"_s, u"smtp"_s, QUrl(u"https://x"_s), u"a"_s}, "s").ok());
        QVERIFY(!sync::makeSupplier({u"x"_s, u"fulu"_s, QUrl(u"https://x"_s), u"a"_s}, {}).ok());
    }
};

QTEST_GUILESS_MAIN(TstSupplierRefresh)
#include "tst_supplierrefresh.moc"
