#include "app/gui/consoleapp.h"
#include "app/gui/consolesession.h"
#include "app/gui/supplierdesk.h"
#include "core/cipher.h"
#include "core/clock.h"
#include "models/datasource.h"
#include "sim/data/acgfakastate.h"
#include "sim/data/fulustate.h"
#include "sim/data/generator.h"
#include "sim/server/simserver.h"
#include "storage/database.h"
#include "storage/databasewriter.h"
#include "storage/purchases.h"
#include "storage/readsession.h"
#include "storage/supply.h"
#include "storage/writecontext.h"
#include "sync/secretstore.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace cardops;
using namespace Qt::StringLiterals;

// The console's suppliers against the simulator's Fulu gateway and acg-faka store over loopback:
// a test shows the supplier's own answer or its exact error, docking keeps the secret out of the
// profile (here in the labelled file: no keychain service in this test), the refresh mirrors the
// balance, the diagnostics never show a key, an operator's "bought" seals the cards, and removing
// a supplier deletes its secret.
class TestConsoleSuppliers : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_root;
    core::SystemClock m_clock;
    std::unique_ptr<sim::SimServer> m_sim;
    QUrl m_url;
    std::unique_ptr<app::ConsoleApp> m_console;

    models::SupplierConnection fulu(const QByteArray& secret) const
    {
        return {u"fulu-main"_s, u"fulu"_s, m_url.resolved(QUrl(u"/api/getway"_s)),
                QString::fromLatin1(sim::FuluState::kAppKey.toByteArray()), secret};
    }
    models::SupplierConnection acg() const
    {
        return {u"acg-main"_s, u"acg-faka"_s, m_url, QString::number(sim::AcgFakaState::kAppId),
                sim::AcgFakaState::kAppKey.toByteArray()};
    }

    models::SupplierCheck test(const models::SupplierConnection& s)
    {
        std::optional<models::SupplierCheck> answer;
        m_console->testSupplier(s, this, [&](const models::SupplierCheck& c) { answer = c; });
        if (!QTest::qWaitFor([&] { return answer.has_value(); }, 30'000))
            return {false, u"no answer"_s};
        return *answer;
    }

    template<typename Call> QString answerOf(Call call)
    {
        std::optional<QString> error;
        call([&](const QString& e) { error = e; });
        if (!QTest::qWaitFor([&] { return error.has_value(); }, 30'000))
            return u"no answer"_s;
        return *error;
    }

    QList<storage::supply::SupplierStatus> statuses()
    {
        storage::ReadSession read(m_console->session()->source().databasePath());
        return storage::supply::statuses(read).valueOr({});
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_root.isValid());
        QStandardPaths::setTestModeEnabled(true);
        sim::GeneratorParams params;
        params.orders = 300;
        params.days = 5;
        params.members = 50;
        params.goods = 30;
        m_sim = std::make_unique<sim::SimServer>(sim::generatePlatform(params, m_clock), m_clock);
        const quint16 port = m_sim->listen(QHostAddress::LocalHost, 0);
        QVERIFY(port != 0);
        m_url = QUrl(u"http://127.0.0.1:%1"_s.arg(port));
        m_console = std::make_unique<app::ConsoleApp>(m_root.path(), u"en"_s);
        const QString added = answerOf([&](auto done) {
            m_console->addProfile({u"shop"_s, m_url, u"demo"_s, "demo-secret"}, this, done);
        });
        QCOMPARE(added, QString());
        QSignalSpy synced(m_console.get(), &models::ConsoleBackend::syncFinished);
        QVERIFY(m_console->openProfile(u"shop"_s).ok());
        QVERIFY(synced.wait(60'000));
        QVERIFY(m_console->dockedSuppliers().isEmpty());
    }

    void aTestShowsTheSuppliersAnswerOrItsError()
    {
        const models::SupplierCheck good = test(fulu(sim::FuluState::kAppSecret.toByteArray()));
        QVERIFY2(good.ok, qPrintable(good.answer));
        QVERIFY(good.answer.contains(u"Balance"_s));
        QVERIFY(good.answer.contains(u"HTTP 200"_s)); // the raw answer follows
        const models::SupplierCheck bad = test(fulu("ffffffffffffffffffffffffffffffff"));
        QVERIFY(!bad.ok);
        QVERIFY2(bad.answer.contains(u"1002"_s), qPrintable(bad.answer)); // the gateway's own code
        models::SupplierConnection wrongKey = acg();
        wrongKey.secret = "WRONGKEY";
        const models::SupplierCheck refused = test(wrongKey);
        QVERIFY(!refused.ok);
        QVERIFY(!refused.answer.contains(u"WRONGKEY"_s)); // a key is never shown back
    }

    void dockedSuppliersAreRefreshedWithoutShowingTheirKeys()
    {
        QSignalSpy refreshed(m_console.get(), &models::ConsoleBackend::suppliersRefreshed);
        QCOMPARE(answerOf([&](auto done) {
                     m_console->addSupplier(fulu(sim::FuluState::kAppSecret.toByteArray()), this, done);
                 }),
                 QString());
        QCOMPARE(answerOf([&](auto done) { m_console->addSupplier(acg(), this, done); }), QString());
        QCOMPARE(m_console->dockedSuppliers().size(), 2);
        QFile profile(m_root.filePath(u"shop/profile.json"_s));
        QVERIFY(profile.open(QIODevice::ReadOnly));
        const QByteArray json = profile.readAll();
        QVERIFY(json.contains("acg-main") && json.contains("fulu-main"));
        QVERIFY(!json.contains("TESTKEY123") && !json.contains(sim::FuluState::kAppSecret.toByteArray()));
        QVERIFY(QFile::exists(m_root.filePath(u"shop/supplier-acg-main.secret"_s)));

        // Each docking reads the suppliers again; wait for both balances.
        QTRY_VERIFY_WITH_TIMEOUT(statuses().size() == 2 && statuses()[0].balance && statuses()[1].balance,
                                 30'000);
        QTRY_VERIFY_WITH_TIMEOUT(!refreshed.isEmpty(), 30'000);
        QCOMPARE(refreshed.last().first().toString(), QString());
        for (const auto& s : statuses())
            QVERIFY2(s.lastError.isEmpty(), qPrintable(s.lastError));
        const models::SupplierExchange exchange = m_console->supplierExchange(u"acg-main"_s);
        QVERIFY(exchange.any);
        QVERIFY(exchange.request.contains(u"/shared/"_s));
        QVERIFY(!exchange.request.contains(u"TESTKEY123"_s));
        QVERIFY(exchange.response.startsWith(u"HTTP 200"_s));
        QVERIFY(m_console->supplierExchange(u"fulu-main"_s).signatureValid.value_or(false));
        QVERIFY(!m_console->supplierExchange(u"nobody"_s).any);

        // A second console on the same profile docks them from the profile and the stored secrets.
        app::ConsoleApp again(m_root.path(), u"en"_s);
        QSignalSpy againRefreshed(&again, &models::ConsoleBackend::suppliersRefreshed);
        QVERIFY(again.openProfile(u"shop"_s).ok());
        QVERIFY(againRefreshed.wait(30'000));
        QCOMPARE(againRefreshed.first().first().toString(), QString());
        QVERIFY(again.supplierExchange(u"fulu-main"_s).any);
    }

    void anOperatorsBoughtSealsTheCards()
    {
        storage::Database& db = m_console->session()->database();
        auto made = db.writer().submit<qint64>(
            u"test.unknown"_s, [](storage::WriteContext& ctx) -> core::Result<qint64> {
                storage::PurchaseRecord intent;
                intent.externalNo = u"CDO0TEST00000000001"_s;
                intent.supplierId = u"acg-main"_s;
                intent.productRef = u"8AE80574F3CA"_s;
                intent.quantity = 2;
                auto id = storage::purchases::recordIntent(ctx, intent);
                if (!id)
                    return id;
                using core::PurchaseState;
                storage::PurchaseUpdate step;
                step.to = PurchaseState::Sent;
                if (auto r = storage::purchases::advance(ctx, id.value(), PurchaseState::Intent, step); !r)
                    return r.error();
                step.to = PurchaseState::Unknown;
                if (auto r = storage::purchases::advance(ctx, id.value(), PurchaseState::Sent, step); !r)
                    return r.error();
                return id;
            });
        made.waitForFinished();
        QVERIFY(made.result().ok());
        const qint64 id = made.result().value();
        QVERIFY(m_console->mayResolvePurchases());
        // The seal key is read when the profile opens; give it the moment it takes.
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(m_root.filePath(u"shop/seal.key"_s)), 10'000);
        QTest::qWait(50);
        QCOMPARE(answerOf([&](auto done) {
                     m_console->resolvePurchase(id, true, u"CARD-ONE\nCARD-TWO"_s, u"checked upstream"_s,
                                                this, done);
                 }),
                 QString());
        storage::ReadSession read(m_console->session()->source().databasePath());
        const auto record = storage::purchases::find(read, id).valueOr({});
        QVERIFY(record);
        QCOMPARE(record->state, core::PurchaseState::Succeeded);
        QVERIFY(record->holdsSecret);
        const QByteArray sealed = read.select(u"SELECT secret FROM purchases WHERE id = ?"_s, {id})
                                      .valueOr({})
                                      .value(0)
                                      .value(0)
                                      .toByteArray();
        QVERIFY(!sealed.contains("CARD-ONE"));
        sync::SecretStore store(m_root.filePath(u"shop"_s));
        std::optional<core::Result<QByteArray>> key;
        store.sealKey(u"shop"_s, this, [&](core::Result<QByteArray> k) { key = std::move(k); });
        QVERIFY(QTest::qWaitFor([&] { return key.has_value(); }, 10'000));
        QVERIFY(key->ok());
        const auto opened = core::open(key->value(), sealed, QByteArrayLiteral("CDO0TEST00000000001"));
        QVERIFY(opened.ok());
        QCOMPARE(opened.value(), QByteArray("CARD-ONE\nCARD-TWO"));
        // Settled once: a second answer is refused.
        QVERIFY(!answerOf([&](auto done) {
                     m_console->resolvePurchase(id, false, {}, u"again"_s, this, done);
                 }).isEmpty());
    }

    void removingASupplierDeletesItsSecret()
    {
        QCOMPARE(answerOf([&](auto done) { m_console->removeSupplier(u"acg-main"_s, this, done); }),
                 QString());
        QCOMPARE(m_console->dockedSuppliers().size(), 1);
        QVERIFY(!QFile::exists(m_root.filePath(u"shop/supplier-acg-main.secret"_s)));
        QVERIFY(
            !answerOf([&](auto done) { m_console->removeSupplier(u"acg-main"_s, this, done); }).isEmpty());
        QVERIFY(!m_console->supplierExchange(u"acg-main"_s).any);
    }

    void aRestartSettlesFuluPurchasesOfUnknownOutcome()
    {
        // A Fulu purchase left Unknown (its answer lost) that never reached the gateway.
        storage::Database& db = m_console->session()->database();
        auto made = db.writer().submit<qint64>(
            u"test.lost"_s, [](storage::WriteContext& ctx) -> core::Result<qint64> {
                storage::PurchaseRecord intent;
                intent.externalNo = u"CDO0TEST00000000002"_s;
                intent.supplierId = u"fulu-main"_s;
                intent.productRef = u"10000587"_s;
                intent.quantity = 1;
                auto id = storage::purchases::recordIntent(ctx, intent);
                if (!id)
                    return id;
                storage::PurchaseUpdate step;
                step.to = core::PurchaseState::Sent;
                if (auto r = storage::purchases::advance(ctx, id.value(), core::PurchaseState::Intent, step);
                    !r)
                    return r.error();
                step.to = core::PurchaseState::Unknown;
                if (auto r = storage::purchases::advance(ctx, id.value(), core::PurchaseState::Sent, step);
                    !r)
                    return r.error();
                return id;
            });
        made.waitForFinished();
        QVERIFY2(made.result().ok(),
                 qPrintable(made.result().ok() ? QString() : made.result().error().detail));
        const qint64 id = made.result().value();
        // The console asks the gateway by our number when it opens; "no such order" settles it.
        app::ConsoleApp again(m_root.path(), u"en"_s);
        QVERIFY(again.openProfile(u"shop"_s).ok());
        const auto state = [&] {
            storage::ReadSession read(again.session()->source().databasePath());
            const auto r = storage::purchases::find(read, id).valueOr({});
            return r ? r->state : core::PurchaseState::Intent;
        };
        QTRY_COMPARE_WITH_TIMEOUT(state(), core::PurchaseState::Failed, 30'000);
        QVERIFY(again.supplierDesk()->purchaser());
    }

    void theDemoRefusesRealSuppliers()
    {
        app::ConsoleApp demo(m_root.path(), u"en"_s);
        QVERIFY(demo.openProfile(u"demo"_s).ok());
        QVERIFY(demo.isDemo());
        QVERIFY(!answerOf([&](auto done) {
                     demo.addSupplier({u"real"_s, u"fulu"_s, QUrl(u"https://openapi.fulu.com/api/getway"_s),
                                       u"key"_s, "0123456789abcdef0123456789abcdef"},
                                      this, done);
                 }).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestConsoleSuppliers)
#include "tst_consolesuppliers.moc"
