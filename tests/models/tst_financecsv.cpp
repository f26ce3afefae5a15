#include "models/financecsv.h"

#include <QBuffer>
#include <QFile>
#include <QtTest>

using namespace cardops;
using namespace Qt::StringLiterals;
namespace fin = storage::finance;
using core::Money;
using fin::DiffKind;

namespace {

constexpr qint64 DayA = 20731; // 2026-10-05

// The expected file; CARDOPS_WRITE_GOLDEN=1 rewrites it from `actual` (then review the diff).
QByteArray golden(const QString& name, const QByteArray& actual)
{
    QFile f(QStringLiteral(FINANCE_DATA_DIR "/") + name);
    if (qEnvironmentVariableIsSet("CARDOPS_WRITE_GOLDEN") && f.open(QIODevice::WriteOnly)) {
        f.write(actual);
        return actual;
    }
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

template<typename F> QByteArray produce(F write)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    const core::Result<void> r = write(&buffer);
    if (!r)
        qWarning() << r.error().detail;
    return r ? buffer.data() : QByteArray();
}

void check(const QByteArray& actual, const QString& name)
{
    QVERIFY(!actual.isEmpty());
    QCOMPARE(actual, golden(name, actual));
}

fin::Difference diff(DiffKind kind, qint64 day, const QString& subject, qint64 ours, qint64 theirs)
{
    fin::Difference d;
    d.kind = kind;
    d.day = day;
    d.subject = subject;
    d.ours = ours;
    d.theirs = theirs;
    return d;
}

} // namespace

// Golden files of the finance exports (issue #11 "Must show"): byte for byte, BOM, CRLF, money with
// two places and plain minus, ids as text, formula-like names neutralized. English headers: the
// test runs without a translator.
class TstFinanceCsv : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void dailySummary()
    {
        fin::Summary s;
        s.fromDay = DayA;
        s.toDay = DayA + 1;
        fin::DaySummary a;
        a.day = DayA;
        a.orders = 2;
        a.gmv = Money::fromUnits(1'500'000);
        a.cost = Money::fromUnits(1'350'000);
        a.commissions = Money::fromUnits(20'000);
        a.supplierSpend = Money::fromUnits(950'000);
        fin::DaySummary b;
        b.day = DayA + 1;
        b.orders = 1;
        b.gmv = Money::fromUnits(300'000);
        b.cost = Money::fromUnits(270'000);
        b.refunds = Money::fromUnits(300'000);
        b.commissions = Money::fromUnits(-6'000);
        s.days = {a, b};
        s.total = a;
        s.total.add(b);
        s.total.day = 0;
        check(produce([&](QIODevice* d) { return models::financecsv::writeSummary(d, s); }),
              u"finance_summary.csv"_s);
    }

    void reconciliations()
    {
        const QList<fin::Difference> platform = {
            diff(DiffKind::PlatformMore, DayA, u"commissions"_s, 20'000, 30'000),
            diff(DiffKind::LocalMore, DayA + 1, u"orders"_s, 2, 1),
            diff(DiffKind::MissingPlatform, DayA + 3, u"orders"_s, 1, 0)};
        check(produce([&](QIODevice* d) { return models::financecsv::writePlatform(d, platform); }),
              u"finance_platform.csv"_s);

        fin::Difference drop = diff(DiffKind::DebitWithoutPurchase, DayA, u"0012-fulu"_s, 0, 500'000);
        drop.fromAt = 1791172800;
        drop.toAt = 1791180000;
        fin::Difference topUp = diff(DiffKind::TopUp, DayA + 1, u"0012-fulu"_s, 200'000, 5'200'000);
        topUp.count = 1;
        topUp.fromAt = 1791180000;
        topUp.toAt = 1791259200;
        check(produce([&](QIODevice* d) {
                  return models::financecsv::writeSupplier(d, {drop, topUp});
              }),
              u"finance_supplier.csv"_s);

        fin::Difference wrong = diff(DiffKind::CommissionWrongAmount, DayA, u"=HYPERLINK(1)"_s, 3'000, 3'500);
        wrong.subjectId = 10;
        wrong.count = 1;
        fin::Difference missing = diff(DiffKind::CommissionMissing, DayA, u"会员11"_s, -10'000, 0);
        missing.subjectId = 11;
        missing.count = 2;
        check(produce([&](QIODevice* d) {
                  return models::financecsv::writeCommission(d, {wrong, missing});
              }),
              u"finance_commission.csv"_s);
    }
};

QTEST_GUILESS_MAIN(TstFinanceCsv)
#include "tst_financecsv.moc"
