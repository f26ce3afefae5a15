#include "cachefixture.h"
#include "core/cipher.h"
#include "core/purchase.h"
#include "storage/counters.h"
#include "storage/purchases.h"
#include "storage/writecontext.h"

#include <QtTest>

using namespace cardops;
using namespace Qt::StringLiterals;
using core::PurchaseState;
namespace pur = storage::purchases;

Q_DECLARE_METATYPE(cardops::core::PurchaseState)

// The purchases ledger: the intent before the call, checked transitions, numbers never reused,
// the 采购结果未知 counter, a secret held sealed only until delivered, operator resolution audited.
class TstPurchases : public QObject
{
    Q_OBJECT

    static storage::PurchaseRecord intent(const QString& no, qint64 order = 0)
    {
        storage::PurchaseRecord p;
        p.externalNo = no;
        p.supplierId = u"acg-main"_s;
        p.productRef = u"8AE80574F3CA"_s;
        p.quantity = 2;
        p.orderId = order;
        return p;
    }

    static storage::PurchaseUpdate to(PurchaseState state)
    {
        storage::PurchaseUpdate u;
        u.to = state;
        return u;
    }

private Q_SLOTS:
    void transitions_data()
    {
        QTest::addColumn<PurchaseState>("from");
        QTest::addColumn<PurchaseState>("to");
        QTest::addColumn<bool>("allowed");
        using S = PurchaseState;
        QTest::newRow("intent→sent") << S::Intent << S::Sent << true;
        QTest::newRow("intent→unknown (never sent)") << S::Intent << S::Unknown << false;
        QTest::newRow("sent→succeeded (synchronous)") << S::Sent << S::Succeeded << true;
        QTest::newRow("sent→unknown (lost answer)") << S::Sent << S::Unknown << true;
        QTest::newRow("accepted→unknown (polling bound)") << S::Accepted << S::Unknown << true;
        QTest::newRow("unknown→succeeded") << S::Unknown << S::Succeeded << true;
        QTest::newRow("unknown→sent (a resend)") << S::Unknown << S::Sent << false;
        QTest::newRow("failed→sent (a retry)") << S::Failed << S::Sent << false;
        QTest::newRow("succeeded→delivered") << S::Succeeded << S::Delivered << true;
        QTest::newRow("delivered→succeeded") << S::Delivered << S::Succeeded << false;
    }
    void transitions()
    {
        QFETCH(PurchaseState, from);
        QFETCH(PurchaseState, to);
        QFETCH(bool, allowed);
        QCOMPARE(core::purchaseTransitionAllowed(from, to), allowed);
        QCOMPARE(core::purchaseStateFromCode(core::purchaseStateCode(from)), std::optional(from));
    }

    void aPurchaseFromIntentToDelivery()
    {
        cachefixture::Cache cache;
        QVERIFY(cache.open());
        auto id = cache.run<qint64>([](storage::WriteContext& ctx) {
            return pur::recordIntent(ctx, intent(u"ABC0000000000000001"_s, 42));
        });
        QVERIFY2(id.ok(), qPrintable(id.ok() ? QString() : id.error().detail));
        const QByteArray key = core::generateSealKey().value();
        const QByteArray sealed = core::seal(key, "CARD-1\nCARD-2", "ABC0000000000000001").value();
        auto steps = cache.run<void>([&](storage::WriteContext& ctx) -> core::Result<void> {
            if (auto r = pur::advance(ctx, id.value(), PurchaseState::Intent, to(PurchaseState::Sent)); !r)
                return r;
            storage::PurchaseUpdate done = to(PurchaseState::Succeeded);
            done.upstreamNo = u"T2026112800001"_s;
            done.cost = 1'970'000;
            done.sealedSecret = sealed;
            return pur::advance(ctx, id.value(), PurchaseState::Sent, done);
        });
        QVERIFY2(steps.ok(), qPrintable(steps.ok() ? QString() : steps.error().detail));
        storage::ReadSession read(*cache.db_);
        auto found = pur::findByExternalNo(read, u"ABC0000000000000001"_s);
        QVERIFY(found.ok() && found->has_value());
        QCOMPARE(found->value().state, PurchaseState::Succeeded);
        QCOMPARE(found->value().cost.value_or(0), 1'970'000);
        QVERIFY(found->value().holdsSecret);
        auto held = cache.run<QByteArray>(
            [&](storage::WriteContext& ctx) { return pur::sealedSecret(ctx, id.value()); });
        QCOMPARE(core::open(key, held.value(), "ABC0000000000000001").value(), QByteArray("CARD-1\nCARD-2"));
        // Never plaintext in the file.
        QVERIFY(!cache.scalar(u"SELECT instr(secret, 'CARD-1') FROM purchases"_s).toBool());

        auto delivered = cache.run<void>([&](storage::WriteContext& ctx) {
            return pur::advance(ctx, id.value(), PurchaseState::Succeeded, to(PurchaseState::Delivered));
        });
        QVERIFY(delivered.ok());
        QVERIFY(cache.scalar(u"SELECT secret IS NULL FROM purchases"_s).toBool()); // dropped once delivered
        QCOMPARE(pur::forOrder(read, 42).value().size(), 1);
    }

    void numbersAreNeverReused()
    {
        cachefixture::Cache cache;
        QVERIFY(cache.open());
        auto first = cache.run<qint64>(
            [](storage::WriteContext& ctx) { return pur::recordIntent(ctx, intent(u"N1"_s)); });
        QVERIFY(first.ok());
        (void)cache.run<void>([&](storage::WriteContext& ctx) {
            return pur::advance(ctx, first.value(), PurchaseState::Intent, to(PurchaseState::Failed));
        });
        auto again = cache.run<qint64>(
            [](storage::WriteContext& ctx) { return pur::recordIntent(ctx, intent(u"N1"_s)); });
        QVERIFY(!again.ok());
        QCOMPARE(again.error().code, core::ErrorCode::Conflict);
        QCOMPARE(cache.scalar(u"SELECT COUNT(*) FROM purchases"_s).toInt(), 1);
    }

    void aStaleStepChangesNothing()
    {
        cachefixture::Cache cache;
        QVERIFY(cache.open());
        auto id = cache.run<qint64>(
            [](storage::WriteContext& ctx) { return pur::recordIntent(ctx, intent(u"N2"_s)); });
        QVERIFY(id.ok());
        // Two workers race: only the one that saw the right state moves it.
        auto sent = cache.run<void>([&](storage::WriteContext& ctx) {
            return pur::advance(ctx, id.value(), PurchaseState::Intent, to(PurchaseState::Sent));
        });
        QVERIFY(sent.ok());
        auto stale = cache.run<void>([&](storage::WriteContext& ctx) {
            return pur::advance(ctx, id.value(), PurchaseState::Intent, to(PurchaseState::Sent));
        });
        QCOMPARE(stale.error().code, core::ErrorCode::Conflict);
        auto forbidden = cache.run<void>([&](storage::WriteContext& ctx) {
            return pur::advance(ctx, id.value(), PurchaseState::Sent, to(PurchaseState::Delivered));
        });
        QCOMPARE(forbidden.error().code, core::ErrorCode::Conflict);
        QCOMPARE(cache.scalar(u"SELECT state FROM purchases"_s).toString(), u"sent"_s);
        auto secretOnFailure = cache.run<void>([&](storage::WriteContext& ctx) {
            storage::PurchaseUpdate u = to(PurchaseState::Failed);
            u.sealedSecret = QByteArray("x");
            return pur::advance(ctx, id.value(), PurchaseState::Sent, u);
        });
        QCOMPARE(secretOnFailure.error().code, core::ErrorCode::InvalidArgument);
    }

    void theUnknownQueueCountsAndIsResolvedByAnOperator()
    {
        cachefixture::Cache cache;
        QVERIFY(cache.open());
        QList<qint64> ids;
        for (const QString& no : {u"U1"_s, u"U2"_s, u"U3"_s}) {
            auto id = cache.run<qint64>([&](storage::WriteContext& ctx) -> core::Result<qint64> {
                auto made = pur::recordIntent(ctx, intent(no));
                if (!made)
                    return made;
                if (auto r = pur::advance(ctx, made.value(), PurchaseState::Intent, to(PurchaseState::Sent));
                    !r)
                    return r.error();
                storage::PurchaseUpdate lost = to(PurchaseState::Unknown);
                lost.error = u"timeout after 30 s"_s;
                if (auto r = pur::advance(ctx, made.value(), PurchaseState::Sent, lost); !r)
                    return r.error();
                return made;
            });
            QVERIFY(id.ok());
            ids << id.value();
        }
        QCOMPARE(cache.counter(storage::counters::PurchaseUnknown), 3);
        storage::ReadSession read(*cache.db_);
        QCOMPARE(pur::inState(read, PurchaseState::Unknown, 10).value().size(), 3);

        core::Actor finance{9, u"cashier"_s, core::Role::Finance};
        auto refused = cache.run<void>([&](storage::WriteContext& ctx) {
            return pur::resolveUnknown(ctx, finance, ids[0], false, std::nullopt, u"checked"_s);
        });
        QCOMPARE(refused.error().code, core::ErrorCode::PermissionDenied);

        auto notBought = cache.run<void>([&](storage::WriteContext& ctx) {
            return pur::resolveUnknown(ctx, cache.admin_, ids[0], false, std::nullopt,
                                       u"no such order upstream"_s);
        });
        QVERIFY(notBought.ok());
        auto bought = cache.run<void>([&](storage::WriteContext& ctx) {
            return pur::resolveUnknown(ctx, cache.admin_, ids[1], true, QByteArray("sealed"),
                                       u"found T1 upstream"_s);
        });
        QVERIFY(bought.ok());
        QCOMPARE(cache.counter(storage::counters::PurchaseUnknown), 1);
        QCOMPARE(cache.scalar(u"SELECT COUNT(*) FROM audit_log WHERE action = 'purchase.resolve'"_s).toInt(),
                 2);
        QCOMPARE(pur::find(read, ids[1]).value()->state, PurchaseState::Succeeded);
        // Resolved once: a second resolution is stale.
        auto twice = cache.run<void>([&](storage::WriteContext& ctx) {
            return pur::resolveUnknown(ctx, cache.admin_, ids[1], false, std::nullopt, u"again"_s);
        });
        QCOMPARE(twice.error().code, core::ErrorCode::Conflict);
        QCOMPARE(cache.counter(storage::counters::PurchaseUnknown), 1);
    }
};

QTEST_GUILESS_MAIN(TstPurchases)
#include "tst_purchases.moc"
