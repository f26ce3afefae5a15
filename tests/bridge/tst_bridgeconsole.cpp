// Issue #5 "must show": CardOps connected to cardops-bridge (private MariaDB, real HTTP on loopback)
// delivers a manual-delivery acg-faka order through its own code: the sync engine fills the cache,
// the fulfilment lease is taken, the operator has resolved a purchase of the cards (as the supplier
// desk records it), and the fulfilment worker delivers them with `deliver {"cards":[…]}`. The acg
// row changes as acg's own 发货 changes it, the next sync shows the order delivered, and the order
// window's timeline has the delivery by CardOps (grabbed to a PNG when CARDOPS_SCREENSHOT_DIR is
// set, else to /tmp/notes/bridge-order-timeline.png when /tmp/notes exists).
#include "../gui/fakebackend.h"
#include "bridge/bridgedb.h"
#include "bridge/bridgeservice.h"
#include "bridge/installer.h"
#include "core/cipher.h"
#include "core/clock.h"
#include "models/datasource.h"
#include "storage/database.h"
#include "storage/databasewriter.h"
#include "storage/fulfilments.h"
#include "storage/purchases.h"
#include "storage/readsession.h"
#include "storage/writecontext.h"
#include "sync/cardrequests.h"
#include "sync/fulfilmentlease.h"
#include "sync/fulfilmentworker.h"
#include "sync/syncengine.h"
#include "sync/transport/platformtransport.h"
#include "tests/bridge/bridgetestutil.h"
#include "tests/bridge/mariadbserver.h"
#include "ui/orderdetaildialog.h"
#include "ui/style.h"

#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QLibraryInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTranslator>
#include <QTreeWidget>
#include <QtTest>

using namespace cardops;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kOrder = 2; // the seed's paid manual-goods order (网易点卡 人工), handed over
const QByteArray kHolder = "console-e2e";
const QString kCards = u"NE-9001 PW-7734"_s;

} // namespace

class TestBridgeConsole : public QObject
{
    Q_OBJECT
private:
    test::MariaDbServer m_server;
    std::unique_ptr<bridge::BridgeService> m_service;
    core::SystemClock m_clock;
    QTemporaryDir m_dir;
    QString m_path;
    QByteArray m_key;
    std::unique_ptr<storage::Database> m_db;
    std::unique_ptr<sync::PlatformTransport> m_transport;
    std::unique_ptr<sync::SyncEngine> m_engine;
    std::unique_ptr<sync::FulfilmentLease> m_lease;
    std::unique_ptr<sync::FulfilmentWorker> m_worker;

    bool syncRound()
    {
        QSignalSpy spy(m_engine.get(), &sync::SyncEngine::roundFinished);
        m_engine->startRound();
        if (!spy.wait(30000))
            return false;
        const auto summary = spy.first().first().value<sync::RoundSummary>();
        if (summary.outcome != sync::RoundSummary::Outcome::Ok)
            qWarning("sync: %s", qPrintable(summary.error));
        return summary.outcome == sync::RoundSummary::Outcome::Ok;
    }
    QVariant cache(const QString& sql)
    {
        storage::ReadSession read(*m_db);
        auto rows = read.select(sql, {});
        return rows && !rows->isEmpty() ? rows->first().value(0) : QVariant();
    }
    template<typename T> core::Result<T> write(std::function<core::Result<T>(storage::WriteContext&)> job)
    {
        auto f = m_db->writer().submit<T>(u"test.seed"_s, std::move(job));
        f.waitForFinished();
        return f.result();
    }
    QString screenshotPath() const
    {
        const QString dir = qEnvironmentVariable("CARDOPS_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            return QDir(dir).filePath(u"bridge-order-timeline.png"_s);
        return QDir(u"/tmp/notes"_s).exists() ? u"/tmp/notes/bridge-order-timeline.png"_s : QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        CARDOPS_REQUIRE_MARIADB();
        ui::applyStyle(*qApp);
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
        QVERIFY2(m_server.loadFixture(u"acg-schema.sql"_s, u"acg_"_s, &error), qPrintable(error));
        QVERIFY2(m_server.loadFixture(u"acg-seed.sql"_s, u"acg_"_s, &error), qPrintable(error));
        QVERIFY2(!m_server.openWriter(u"shop"_s, &error).isEmpty(), qPrintable(error));
        {
            bridge::BridgeDb admin(m_server.config(), u"admin"_s);
            QVERIFY(admin.open().ok());
            QVERIFY(bridge::install(admin).ok());
        }
        m_service = std::make_unique<bridge::BridgeService>(m_server.config());
        auto port = m_service->start();
        QVERIFY2(port.ok(), port.ok() ? "" : qPrintable(port.error().detail));
        m_path = m_dir.filePath(u"cache.db"_s);
        auto opened = storage::Database::open(m_path, m_clock);
        QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.error().detail));
        m_db = std::move(opened).value();
        m_key = core::generateSealKey().value();
        m_transport = std::make_unique<sync::PlatformTransport>(
            sync::PlatformEndpoint{QUrl(u"http://127.0.0.1:%1"_s.arg(port.value())), "demo", "demo-secret"},
            m_clock, sync::TransportOptions{});
        sync::SyncEngine::Options options;
        options.feeds = {core::Feed::Categories, core::Feed::Goods, core::Feed::Members, core::Feed::Orders};
        m_engine = std::make_unique<sync::SyncEngine>(*m_db, *m_transport, options);
        m_lease = std::make_unique<sync::FulfilmentLease>(*m_transport, m_clock, kHolder);
        m_worker = std::make_unique<sync::FulfilmentWorker>(
            m_db->writer(), m_path, *m_transport, *m_lease, nullptr, QHash<QString, QString>(),
            sync::FulfilmentWorker::shopTagFor("demo"), m_key);
    }
    void cleanupTestCase()
    {
        m_worker.reset();
        if (m_lease)
            m_lease->release();
        m_lease.reset();
        m_engine.reset();
        m_transport.reset();
        m_db.reset();
        m_service.reset();
        QSqlDatabase::removeDatabase(u"shop"_s);
    }

    void deliversAManualOrder()
    {
        QVERIFY(syncRound());
        QCOMPARE(cache(u"SELECT status FROM orders WHERE id = 2"_s).toString(), u"handed_over"_s);
        QCOMPARE(cache(u"SELECT fulfilment_owner FROM goods WHERE id = 2"_s).toString(), u"cardops"_s);

        QSignalSpy acquired(m_lease.get(), &sync::FulfilmentLease::acquired);
        m_lease->take();
        QVERIFY(acquired.wait(10000));
        QVERIFY(m_lease->isHeld());
        QCOMPARE(test::scalar(u"shop"_s, u"SELECT holder FROM cardops_lease WHERE id = 1"_s).toByteArray(),
                 kHolder);

        // The operator bought the cards upstream and resolved the purchase with them (supplier desk):
        // the worker's record waits at "purchasing" with a succeeded purchase holding the sealed cards.
        const QByteArray key = m_key;
        auto seeded = write<void>([key](storage::WriteContext& ctx) -> core::Result<void> {
            namespace step = storage::fulfilmentstep;
            if (auto r =
                    storage::fulfilments::recordDecision(ctx, kOrder, core::Decision{}, u"console-e2e"_s);
                !r)
                return r;
            storage::PurchaseRecord intent;
            intent.externalNo = u"TSTMANUAL000002"_s;
            intent.supplierId = u"manual"_s;
            intent.productRef = u"网易点卡"_s;
            intent.quantity = 1;
            intent.orderId = kOrder;
            auto id = storage::purchases::recordIntent(ctx, intent);
            if (!id)
                return id.error();
            using S = core::PurchaseState;
            if (auto r = storage::purchases::advance(ctx, id.value(), S::Intent, {S::Sent, {}, {}, {}, {}});
                !r)
                return r;
            if (auto r = storage::purchases::advance(ctx, id.value(), S::Sent, {S::Unknown, {}, {}, {}, {}});
                !r)
                return r;
            auto sealed = core::seal(key, kCards.toUtf8(), intent.externalNo.toUtf8());
            if (!sealed)
                return sealed.error();
            const core::Actor admin{1, u"admin"_s, core::Role::Administrator};
            if (auto r = storage::purchases::resolveUnknown(ctx, admin, id.value(), true, sealed.value(),
                                                            u"bought by hand"_s);
                !r)
                return r;
            return storage::fulfilments::advance(ctx, kOrder, step::Decided,
                                                 {step::Purchasing, {}, id.value(), QString()});
        });
        QVERIFY2(seeded.ok(), seeded.ok() ? "" : qPrintable(seeded.error().detail));

        QFuture<sync::FulfilmentPassSummary> pass = m_worker->runPass();
        QVERIFY(QTest::qWaitFor([&pass] { return pass.isFinished(); }, 60000));
        const sync::FulfilmentPassSummary summary = pass.result();
        QVERIFY2(summary.error.isEmpty(), qPrintable(summary.error));
        QCOMPARE(summary.deliveredBought, 1);
        QCOMPARE(summary.leaseLost, false);

        // acg's row: the text and delivery_status (§2.2 step 5); the bridge's audit names the holder.
        QCOMPARE(test::scalar(u"shop"_s,
                              u"SELECT CONCAT(delivery_status, '|', secret) FROM acg_order WHERE id = 2"_s)
                     .toString(),
                 u"1|"_s + kCards);
        QCOMPARE(test::scalar(u"shop"_s,
                              u"SELECT COUNT(*) FROM cardops_audit WHERE action = 'order.deliver' AND "
                              "entity_id = 2 AND detail LIKE '%console-e2e%'"_s)
                     .toInt(),
                 1);

        QVERIFY(syncRound());
        QCOMPARE(cache(u"SELECT status FROM orders WHERE id = 2"_s).toString(), u"delivered"_s);
        QVERIFY(qAbs(cache(u"SELECT delivered_at FROM orders WHERE id = 2"_s).toLongLong() -
                     QDateTime::currentSecsSinceEpoch()) < 300);
        QCOMPARE(cache(u"SELECT step FROM fulfilments WHERE order_id = 2"_s).toString(), u"done"_s);
    }

    void timelineShowsTheDelivery()
    {
        models::DataSource source(m_path, &m_db->writer());
        FakeBackend backend;
        ui::OrderDetailDialog dialog(source, backend, kOrder);
        QSignalSpy loaded(&dialog, &ui::OrderDetailDialog::loaded);
        dialog.resize(980, 640);
        dialog.show();
        QVERIFY(loaded.wait(10000));
        QCOMPARE(dialog.findChild<QLabel*>(u"orderStatus"_s)->text(), u"Delivered"_s);
        auto* timeline = dialog.findChild<QTreeWidget*>(u"timeline"_s);
        QVERIFY(timeline);
        const auto delivered = timeline->findItems(u"Goods delivered"_s, Qt::MatchExactly, 2);
        QCOMPARE(delivered.size(), 1);
        QCOMPARE(delivered.first()->text(1), u"CardOps"_s);
        QVERIFY(!timeline->findItems(u"Handed to CardOps to fulfil"_s, Qt::MatchExactly, 2).isEmpty());

        // The delivered card as the console reads it from the bridge (GET /v1/orders/{id}/cards): the
        // manual order's text, one card, masked.
        QFuture<sync::cards::CardsAnswer> cards = sync::cards::fetchOrderCards(*m_transport, kOrder);
        QTRY_VERIFY_WITH_TIMEOUT(cards.isFinished(), 10000);
        QVERIFY(cards.result().ok());
        QCOMPARE(cards.result().value->size(), 1);
        QCOMPARE(cards.result().value->first().status, u"sold"_s);
        QVERIFY(cards.result().value->first().masked != kCards);

        // The window in Chinese with that card, as an operator sees it (saved for a look).
        const QString path = screenshotPath();
        if (path.isEmpty())
            return;
        const auto listed = cards.result(); // a named copy: the range must not be a temporary's member
        for (const sync::platformjson::Card& c : *listed.value)
            backend.nextCards.cards.append({c.id, c.masked, c.status, c.expiresAt});
        backend.nextCards.ok = true;
        QTranslator translator;
        QTranslator qtTranslator;
        QVERIFY(translator.load(u":/i18n/cardops_zh_CN"_s));
        QVERIFY(qtTranslator.load(u"qtbase_zh_CN"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)));
        QCoreApplication::installTranslator(&translator);
        QCoreApplication::installTranslator(&qtTranslator);
        {
            ui::OrderDetailDialog chinese(source, backend, kOrder);
            QSignalSpy shown(&chinese, &ui::OrderDetailDialog::loaded);
            chinese.resize(980, 640);
            chinese.show();
            QVERIFY(shown.wait(10000));
            QTest::qWait(100);
            QVERIFY(chinese.grab().save(path));
        }
        QCoreApplication::removeTranslator(&qtTranslator);
        QCoreApplication::removeTranslator(&translator);
    }
};

QTEST_MAIN(TestBridgeConsole)
#include "tst_bridgeconsole.moc"
