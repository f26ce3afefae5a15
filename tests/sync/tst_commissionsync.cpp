#include "storage/commissioncheck.h"
#include "syncfixture.h"

#include <QSet>

using namespace syncfixture;
namespace check = cardops::storage::commissioncheck;
using Fault = cardops::sim::PlatformState::CommissionFault;

// The commission check (issue #10 item 5) against a cache synced from the simulator whose history
// has commission entries booked wrong on purpose: it finds exactly those, and nothing else.
class TestCommissionSync : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void findsExactlyTheInjectedFaults()
    {
        sim::GeneratorParams params = smallShop();
        params.commissionFaultsPer10k = 300;
        Shop shop(params);
        QVERIFY(shop.start());
        const sync::RoundSummary first = shop.round();
        QVERIFY2(first.ok(), qPrintable(first.error));
        QVERIFY(shop.round().ok());

        const QList<Fault>& faults = shop.server.state().commissionFaults();
        QStringList injected;
        QSet<qint64> faultyOrders;
        int kinds[3] = {0, 0, 0};
        for (const Fault& f : faults) {
            ++kinds[static_cast<int>(f.kind)];
            faultyOrders.insert(f.orderId);
            switch (f.kind) {
            case Fault::Kind::Missing:
                injected << u"%1 missing %2"_s.arg(f.orderId).arg(f.memberId);
                break;
            case Fault::Kind::WrongAmount:
                injected << u"%1 wrong_amount %2"_s.arg(f.orderId).arg(f.memberId);
                break;
            case Fault::Kind::WrongMember:
                injected << u"%1 wrong_member %2>%3"_s.arg(f.orderId).arg(f.memberId).arg(f.creditedMemberId);
                break;
            }
        }
        // Enough of each kind to mean something.
        QVERIFY2(kinds[0] >= 3 && kinds[1] >= 3 && kinds[2] >= 3,
                 qPrintable(u"%1 %2 %3"_s.arg(kinds[0]).arg(kinds[1]).arg(kinds[2])));

        storage::ReadSession read(*shop.db);
        auto result = check::run(read, 0, std::numeric_limits<qint64>::max());
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().detail));
        QVERIFY(result->verified > 1000);
        QSet<qint64> unverifiable;
        for (const check::Unverifiable& u : result->unverifiable)
            unverifiable.insert(u.orderId);
        QStringList found;
        for (const core::CommissionDifference& d : result->differences) {
            if (d.entryKind == core::CommissionKind::Reversal) {
                // A reversal differs only where the platform reversed a credit it got wrong.
                QVERIFY2(faultyOrders.contains(d.orderId), qPrintable(QString::number(d.orderId)));
                continue;
            }
            if (d.kind == core::DifferenceKind::WrongMember)
                found << u"%1 wrong_member %2>%3"_s.arg(d.orderId)
                             .arg(d.expectedMemberId)
                             .arg(d.actualMemberId);
            else if (d.kind == core::DifferenceKind::WrongAmount && d.expectedMemberId == d.actualMemberId &&
                     d.actualAmount - d.expectedAmount == core::Money::fromUnits(core::Money::UnitsPerCent))
                found << u"%1 wrong_amount %2"_s.arg(d.orderId).arg(d.expectedMemberId);
            else
                found << u"%1 %2 %3"_s.arg(d.orderId)
                             .arg(check::kindCode(d.kind))
                             .arg(d.kind == core::DifferenceKind::Unexpected ? d.actualMemberId
                                                                             : d.expectedMemberId);
        }
        QStringList expected;
        for (qsizetype i = 0; i < injected.size(); ++i)
            if (!unverifiable.contains(faults[i].orderId))
                expected << injected[i];
        qInfo("faults missing %d, wrong amount %d, wrong member %d; %lld orders verified, %lld unverifiable, "
              "%lld "
              "differences",
              kinds[0], kinds[1], kinds[2], result->verified, qint64(result->unverifiable.size()),
              qint64(result->differences.size()));
        for (const check::Unverifiable& u : result->unverifiable)
            qInfo("unverifiable: %s", qPrintable(u.reason));
        std::sort(found.begin(), found.end());
        std::sort(expected.begin(), expected.end());
        QCOMPARE(found, expected);
        // Nearly every injected fault is on an order the check can verify.
        QVERIFY2(expected.size() * 10 >= injected.size() * 9,
                 qPrintable(u"%1 of %2"_s.arg(expected.size()).arg(injected.size())));
    }
};

QTEST_GUILESS_MAIN(TestCommissionSync)
#include "tst_commissionsync.moc"
