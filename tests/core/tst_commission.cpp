#include "core/commission.h"

#include <QtTest>

using namespace cardops::core;

namespace {

Money m(QStringView text)
{
    const auto r = Money::parse(text);
    if (!r)
        qFatal("bad money literal in test: %s", qPrintable(text.toString()));
    return *r;
}

QList<Money> moneyList(const QString& spec)
{
    QList<Money> out;
    for (const QString& part : spec.split(u',', Qt::SkipEmptyParts))
        out.append(m(part));
    return out;
}

// "100>101>102 200>201": each '>' links a member to its parent; groups are separated by spaces.
ParentLinks links(const QString& spec)
{
    ParentLinks out;
    for (const QString& group : spec.split(u' ', Qt::SkipEmptyParts)) {
        const QStringList ids = group.split(u'>');
        for (qsizetype i = 0; i + 1 < ids.size(); ++i)
            out.insert(ids[i].toLongLong(), ids[i + 1].toLongLong());
    }
    return out;
}

// "101:0=2,1000=3;102:0=4": member 101 holds tier 2 from t=0 and tier 3 from t=1000, …
TierHistory history(const QString& spec)
{
    TierHistory out;
    for (const QString& member : spec.split(u';', Qt::SkipEmptyParts)) {
        const QStringList head = member.split(u':');
        for (const QString& change : head[1].split(u',')) {
            const QStringList fromTier = change.split(u'=');
            out.add(head[0].toLongLong(), fromTier[0].toLongLong(), fromTier[1].toLongLong());
        }
    }
    return out;
}

Rate pct(const char* text)
{
    return *Rate::parse(QString::fromLatin1(text));
}

// The ladder every row uses; tiers 5–8 exist only for the rounding boundaries.
CommissionLadder ladder()
{
    return {
        {1, {}},                                                           // 普通会员: nothing
        {2, {pct("2%")}},                                                  // depth 1 only
        {3, {pct("3%"), pct("1%")}},                                       // depths 1–2
        {4, {pct("5%"), pct("2%"), pct("1%"), pct("0.5%"), pct("0.25%")}}, // depths 1–5
        {5, {pct("0.5%")}},
        {6, {pct("0.49%")}},
        {7, {pct("0.499%")}},
        {8, {pct("0.494%")}},
    };
}

QString describe(const QList<ExpectedCommission>& entries)
{
    QStringList out;
    for (const ExpectedCommission& e : entries) {
        if (e.kind == CommissionKind::Credit)
            out << QStringLiteral("C%1@%2=%3").arg(e.memberId).arg(e.depth).arg(e.amount.toString());
        else
            out << QStringLiteral("R%1#%2=%3").arg(e.memberId).arg(e.refund).arg(e.amount.toString());
    }
    return out.join(u';');
}

QString describe(const QList<Money>& amounts)
{
    QStringList out;
    for (const Money a : amounts)
        out << a.toString();
    return out.join(u',');
}

// "C:1:101=0.06" → kind, order, member, amount.
struct EntrySpec
{
    CommissionKind kind;
    qint64 order;
    qint64 member;
    Money amount;
};
EntrySpec entrySpec(const QString& text)
{
    const QStringList parts = text.split(u':');
    const QStringList memberAmount = parts[2].split(u'=');
    return {parts[0] == u"C" ? CommissionKind::Credit : CommissionKind::Reversal, parts[1].toLongLong(),
            memberAmount[0].toLongLong(), m(memberAmount[1])};
}

QList<ExpectedCommission> expectedList(const QString& spec)
{
    QList<ExpectedCommission> out;
    for (const QString& part : spec.split(u' ', Qt::SkipEmptyParts)) {
        const EntrySpec s = entrySpec(part);
        out.append(ExpectedCommission{s.order, s.member, 1, s.kind == CommissionKind::Credit ? -1 : 0, s.kind,
                                      s.amount});
    }
    return out;
}

// Ledger ids are 5001, 5002, … in the order written.
QList<CreditedCommission> creditedList(const QString& spec)
{
    QList<CreditedCommission> out;
    for (const QString& part : spec.split(u' ', Qt::SkipEmptyParts)) {
        const EntrySpec s = entrySpec(part);
        out.append(CreditedCommission{5001 + out.size(), s.order, s.member, s.kind, s.amount});
    }
    return out;
}

QString describe(const QList<CommissionDifference>& diffs)
{
    static const char* const kinds[] = {"missing", "unexpected", "wrong_amount", "wrong_member"};
    QStringList out;
    for (const CommissionDifference& d : diffs) {
        const QString expected =
            d.kind == DifferenceKind::Unexpected
                ? QStringLiteral("-")
                : QStringLiteral("%1=%2").arg(d.expectedMemberId).arg(d.expectedAmount.toString());
        const QString actual = d.kind == DifferenceKind::Missing ? QStringLiteral("-")
                                                                 : QStringLiteral("%1=%2#%3")
                                                                       .arg(d.actualMemberId)
                                                                       .arg(d.actualAmount.toString())
                                                                       .arg(d.ledgerId);
        out << QStringLiteral("%1 %2 %3 %4 %5")
                   .arg(d.orderId)
                   .arg(QChar(d.entryKind == CommissionKind::Credit ? u'C' : u'R'))
                   .arg(QString::fromLatin1(kinds[static_cast<int>(d.kind)]), expected, actual);
    }
    return out.join(u';');
}

} // namespace

// Issue #10 item 5: the commission every ancestor should get, its reversal on refund, and the
// differences with what the platform credited. Buyer 100 throughout; 101 is depth 1, 102 depth 2, …
class TestCommission : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void credits_data()
    {
        QTest::addColumn<QString>("chain");
        QTest::addColumn<QString>("tiers");
        QTest::addColumn<qint64>("at");
        QTest::addColumn<QString>("paid");
        QTest::addColumn<QString>("expected");

        // 2% × 2.96 = 0.0592 → 0.06 (domain.md)
        QTest::newRow("depth 1 domain example") << "100>101"
                                                << "101:0=2" << qint64(500) << "2.96"
                                                << "C101@1=0.06";
        // 3% × 10.00 = 0.30; 1% × 10.00 = 0.10
        QTest::newRow("depth 2") << "100>101>102"
                                 << "101:0=3;102:0=3" << qint64(500) << "10.00"
                                 << "C101@1=0.30;C102@2=0.10";
        // 5% × 37.77 = 1.8885 → 1.89; 2% → 0.7554 → 0.76; 1% → 0.3777 → 0.38
        QTest::newRow("depth 3") << "100>101>102>103"
                                 << "101:0=4;102:0=4;103:0=4" << qint64(500) << "37.77"
                                 << "C101@1=1.89;C102@2=0.76;C103@3=0.38";
        // 5% × 19.99 = 0.9995 → 1.00; 2% → 0.3998 → 0.40; 1% → 0.1999 → 0.20;
        // 0.5% → 0.09995 → 0.1000 at 4 places → 0.10
        QTest::newRow("depth 4") << "100>101>102>103>104"
                                 << "101:0=4;102:0=4;103:0=4;104:0=4" << qint64(500) << "19.99"
                                 << "C101@1=1.00;C102@2=0.40;C103@3=0.20;C104@4=0.10";
        // 100.00 × 5%, 2%, 1%, 0.5%, 0.25% = 5.00, 2.00, 1.00, 0.50, 0.25
        QTest::newRow("depth 5") << "100>101>102>103>104>105"
                                 << "101:0=4;102:0=4;103:0=4;104:0=4;105:0=4" << qint64(500) << "100.00"
                                 << "C101@1=5.00;C102@2=2.00;C103@3=1.00;C104@4=0.50;C105@5=0.25";
        // 101 tier 2: 2% × 50.00 = 1.00; 102 tier 2 has no depth-2 rate; 103 tier 3 has no depth-3
        // rate; 104 tier 4: 0.5% × 50.00 = 0.25; 105 tier 1 has no rates at all
        QTest::newRow("depth 5 mixed, no rate at depth")
            << "100>101>102>103>104>105"
            << "101:0=2;102:0=2;103:0=3;104:0=4;105:0=1" << qint64(500) << "50.00"
            << "C101@1=1.00;C104@4=0.25";
        // Tier changes between orders on one tree: 101 tier 2 → 3 at 1000 → 2 at 2000;
        // 102 tier 1 → 4 at 1000.
        const QString changing = QStringLiteral("101:0=2,1000=3,2000=2;102:0=1,1000=4");
        // t=999: 101 tier 2: 2% × 20.00 = 0.40; 102 tier 1: nothing
        QTest::newRow("before upgrade") << "100>101>102" << changing << qint64(999) << "20.00"
                                        << "C101@1=0.40";
        // t=1000 (a change holds from its own second): 101 tier 3: 3% × 20.00 = 0.60;
        // 102 tier 4: 2% × 20.00 = 0.40
        QTest::newRow("at upgrade") << "100>101>102" << changing << qint64(1000) << "20.00"
                                    << "C101@1=0.60;C102@2=0.40";
        // t=2500: 101 back to tier 2: 2% × 20.00 = 0.40; 102 still tier 4: 0.40
        QTest::newRow("after downgrade") << "100>101>102" << changing << qint64(2500) << "20.00"
                                         << "C101@1=0.40;C102@2=0.40";
        // Depth 5 upgraded at 3000: 0.25% × 40.00 = 0.10; the others are tier 1
        const QString deep = QStringLiteral("101:0=1;102:0=1;103:0=1;104:0=1;105:0=1,3000=4");
        QTest::newRow("depth 5 before its upgrade")
            << "100>101>102>103>104>105" << deep << qint64(2999) << "40.00"
            << "";
        QTest::newRow("depth 5 after its upgrade")
            << "100>101>102>103>104>105" << deep << qint64(3000) << "40.00"
            << "C105@5=0.10";
        // Half-up boundaries (rate × paid at 4 places, then half-up to 0.01):
        // 0.5% × 1.00 = 0.0050 → 0.01
        QTest::newRow("half a cent rounds up") << "100>101"
                                               << "101:0=5" << qint64(1) << "1.00"
                                               << "C101@1=0.01";
        // 0.49% × 1.00 = 0.0049 → 0.00: no entry (the platform books no zero commission)
        QTest::newRow("below half a cent") << "100>101"
                                           << "101:0=6" << qint64(1) << "1.00"
                                           << "";
        // 0.494% × 1.00 = 0.00494 → 0.0049 at 4 places → 0.00
        QTest::newRow("0.00494 to nothing") << "100>101"
                                            << "101:0=8" << qint64(1) << "1.00"
                                            << "";
        // 0.499% × 1.00 = 0.00499 → 0.0050 at 4 places → 0.01: the table rounds to 4 places first,
        // as tst_money's "double rounding per rule" pins
        QTest::newRow("0.00499 via 4 places") << "100>101"
                                              << "101:0=7" << qint64(1) << "1.00"
                                              << "C101@1=0.01";
        QTest::newRow("tier without rates") << "100>101"
                                            << "101:0=1" << qint64(1) << "99.00"
                                            << "";
        QTest::newRow("no parent") << "100"
                                   << "" << qint64(1) << "99.00"
                                   << "";
    }
    void credits()
    {
        QFETCH(QString, chain);
        QFETCH(QString, tiers);
        QFETCH(qint64, at);
        QFETCH(QString, paid);
        QFETCH(QString, expected);
        const auto ancestors = cardops::core::ancestorChain(100, links(chain));
        QVERIFY(ancestors.ok());
        const auto credits = expectedCredits({7, 100, m(paid), at}, *ancestors, history(tiers), ladder());
        QVERIFY2(credits.ok(), qPrintable(credits.ok() ? QString() : credits.error().detail));
        QCOMPARE(describe(*credits), expected);
        for (const ExpectedCommission& e : *credits)
            QCOMPARE(e.orderId, qint64(7));
    }

    void creditErrors_data()
    {
        QTest::addColumn<QString>("tiers");
        QTest::addColumn<int>("code");
        // The tier of 102 is known only from t=600, after the order: not checked against a guess.
        QTest::newRow("tier unknown at order time") << "101:0=2;102:600=3" << int(ErrorCode::NotFound);
        QTest::newRow("tier missing from ladder") << "101:0=2;102:0=99" << int(ErrorCode::NotFound);
        QTest::newRow("member without history") << "101:0=2" << int(ErrorCode::NotFound);
    }
    void creditErrors()
    {
        QFETCH(QString, tiers);
        QFETCH(int, code);
        const auto credits =
            expectedCredits({7, 100, m(u"10.00"), 500}, {101, 102}, history(tiers), ladder());
        QVERIFY(!credits.ok());
        QCOMPARE(int(credits.error().code), code);
        QVERIFY(credits.error().detail.contains(u"order 7"));
    }

    void ancestorChain_data()
    {
        QTest::addColumn<QString>("links");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("chain");
        QTest::newRow("root buyer") << "" << true << "";
        QTest::newRow("depth 5") << "100>101>102>103>104>105" << true << "101,102,103,104,105";
        QTest::newRow("other tree with a cycle is not ours") << "100>101 200>201>200" << true << "101";
        QTest::newRow("self parent") << "100>100" << false << "";
        QTest::newRow("cycle through the buyer") << "100>101>102>100" << false << "";
        QTest::newRow("cycle above the buyer") << "100>101>102>103>102" << false << "";
        QTest::newRow("cycle deeper than any rate")
            << "100>101>102>103>104>105>106>107>108>104" << false << "";
    }
    void ancestorChain()
    {
        QFETCH(QString, links);
        QFETCH(bool, ok);
        QFETCH(QString, chain);
        const auto result = cardops::core::ancestorChain(100, ::links(links));
        QCOMPARE(result.ok(), ok);
        if (!ok) {
            QCOMPARE(result.error().code, ErrorCode::InvalidArgument);
            QVERIFY(result.error().detail.contains(u"cycle"));
            return;
        }
        QStringList ids;
        for (const qint64 id : *result)
            ids << QString::number(id);
        QCOMPARE(ids.join(u','), chain);
    }

    void reversals_data()
    {
        QTest::addColumn<QString>("credit");
        QTest::addColumn<QString>("paid");
        QTest::addColumn<QString>("refunds");
        QTest::addColumn<QString>("expected");
        // 0.06 × 1.48 / 2.96 = 0.03
        QTest::newRow("half refund") << "0.06"
                                     << "2.96"
                                     << "1.48"
                                     << "0.03";
        // 1.89 × 10.00 / 37.77 = 0.50040 → 0.5004 → 0.50
        QTest::newRow("partial to the cent") << "1.89"
                                             << "37.77"
                                             << "10.00"
                                             << "0.50";
        // 0.76 × 10.00 / 37.77 = 0.20122 → 0.2012 → 0.20
        QTest::newRow("partial rounds down") << "0.76"
                                             << "37.77"
                                             << "10.00"
                                             << "0.20";
        // 0.05 × 1.00 / 3.00 = 0.01667 → 0.0167 → 0.02
        QTest::newRow("partial rounds up") << "0.05"
                                           << "3.00"
                                           << "1.00"
                                           << "0.02";
        QTest::newRow("full refund") << "0.06"
                                     << "2.96"
                                     << "2.96"
                                     << "0.06";
        // 1.89 × 10.00 / 37.77 → 0.50; then all: 1.89 − 0.50 = 1.39
        QTest::newRow("two partials summing to the whole") << "1.89"
                                                           << "37.77"
                                                           << "10.00,27.77"
                                                           << "0.50,1.39";
        // cumulative 1.50: 0.025 → 0.03; cumulative 3.00: 0.05 − 0.03 = 0.02 (each on its own
        // would round to 0.03 twice and reverse 0.06 of a 0.05 credit)
        QTest::newRow("two halves absorb the rounding") << "0.05"
                                                        << "3.00"
                                                        << "1.50,1.50"
                                                        << "0.03,0.02";
        // cumulative 1.00: 0.0167 → 0.02; 2.00: 0.0333 → 0.03, so 0.01; 3.00: 0.05, so 0.02
        QTest::newRow("three thirds") << "0.05"
                                      << "3.00"
                                      << "1.00,1.00,1.00"
                                      << "0.02,0.01,0.02";
        // cumulative 0.50: 0.005 → 0.01; 0.80: 0.008 → 0.01, so nothing more
        QTest::newRow("second partial adds nothing") << "0.01"
                                                     << "1.00"
                                                     << "0.50,0.30"
                                                     << "0.01,0.00";
        // 0.06 × 0.10 / 2.96 = 0.0020 → 0.00; then all: 0.06
        QTest::newRow("tiny first refund") << "0.06"
                                           << "2.96"
                                           << "0.10,2.86"
                                           << "0.00,0.06";
        QTest::newRow("refund beyond paid reverses no more") << "0.06"
                                                             << "2.96"
                                                             << "2.96,1.00"
                                                             << "0.06,0.00";
        QTest::newRow("no refunds") << "0.06"
                                    << "2.96"
                                    << ""
                                    << "";
    }
    void reversals()
    {
        QFETCH(QString, credit);
        QFETCH(QString, paid);
        QFETCH(QString, refunds);
        QFETCH(QString, expected);
        QCOMPARE(describe(reversalsOf(m(credit), m(paid), moneyList(refunds))), expected);
    }

    // Whatever the split, several partial refunds never reverse more than the credit, and refunds
    // reaching the paid amount reverse exactly the credit.
    void reversalsNeverExceedTheCredit()
    {
        const Money paid = m(u"3.00");
        for (qint64 cents = 1; cents <= 30; ++cents) {
            const Money credit = Money::fromUnits(cents * Money::UnitsPerCent);
            for (qint64 a = 1; a < 300; a += 7) {
                for (qint64 b = 1; a + b < 300; b += 11) {
                    const QList<Money> refunds{Money::fromUnits(a * 100), Money::fromUnits(b * 100),
                                               Money::fromUnits((300 - a - b) * 100)};
                    Money partial;
                    Money total;
                    const QList<Money> backs = reversalsOf(credit, paid, refunds);
                    for (qsizetype i = 0; i < backs.size(); ++i) {
                        QVERIFY(!backs[i].isNegative());
                        total += backs[i];
                        if (i < 2)
                            partial = total;
                    }
                    QVERIFY(partial <= credit);
                    QCOMPARE(total, credit);
                }
            }
        }
    }

    void expectedCommissions_data()
    {
        QTest::addColumn<QString>("refunds");
        QTest::addColumn<QString>("expected");
        const QString credits = QStringLiteral("C101@1=1.89;C102@2=0.76;C103@3=0.38");
        QTest::newRow("no refund") << "" << credits;
        // 0.38 × 10.00 / 37.77 = 0.10061 → 0.1006 → 0.10, rest 0.28; 0.76 → 0.20 then 0.56;
        // 1.89 → 0.50 then 1.39
        QTest::newRow("two refunds") << "10.00,27.77"
                                     << credits +
                                            u";R101#0=0.50;R101#1=1.39;R102#0=0.20;R102#1=0.56;R103#0=0.10;"
                                            u"R103#1=0.28";
        // 0.38 × 0.50 / 37.77 = 0.00503 → 0.0050 → 0.01; 0.76 → 0.01006 → 0.01; 1.89 → 0.02502 → 0.03
        QTest::newRow("small refund") << "0.50" << credits + u";R101#0=0.03;R102#0=0.01;R103#0=0.01";
        // 0.38 × 0.40 / 37.77 = 0.0040 → nothing for 103; 0.76 → 0.0080 → 0.01; 1.89 → 0.0200 → 0.02
        QTest::newRow("zero reversal left out") << "0.40" << credits + u";R101#0=0.02;R102#0=0.01";
    }
    void expectedCommissions()
    {
        QFETCH(QString, refunds);
        QFETCH(QString, expected);
        const auto all = cardops::core::expectedCommissions(
            {7, 100, m(u"37.77"), 500}, {101, 102, 103}, history(QStringLiteral("101:0=4;102:0=4;103:0=4")),
            ladder(), moneyList(refunds));
        QVERIFY(all.ok());
        QCOMPARE(describe(*all), expected);
    }

    void compare_data()
    {
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QString>("credited");
        QTest::addColumn<QString>("differences");
        QTest::newRow("all match") << "C:1:101=0.06 C:1:102=0.03 R:1:101=0.03"
                                   << "R:1:101=0.03 C:1:102=0.03 C:1:101=0.06"
                                   << "";
        QTest::newRow("missing") << "C:1:101=0.06 C:1:102=0.03"
                                 << "C:1:101=0.06"
                                 << "1 C missing 102=0.03 -";
        QTest::newRow("unexpected") << "C:1:101=0.06"
                                    << "C:1:101=0.06 C:1:104=0.02"
                                    << "1 C unexpected - 104=0.02#5002";
        QTest::newRow("wrong amount") << "C:1:101=0.06"
                                      << "C:1:101=0.05"
                                      << "1 C wrong_amount 101=0.06 101=0.05#5001";
        QTest::newRow("wrong member") << "C:1:101=0.06 C:1:102=0.03"
                                      << "C:1:101=0.06 C:1:103=0.03"
                                      << "1 C wrong_member 102=0.03 103=0.03#5002";
        QTest::newRow("refund not reversed") << "C:1:101=0.06 R:1:101=0.03"
                                             << "C:1:101=0.06"
                                             << "1 R missing 101=0.03 -";
        // Each partial refund rounded on its own: 0.03 + 0.03 of a 0.05 credit.
        QTest::newRow("over-reversal") << "C:1:101=0.05 R:1:101=0.03 R:1:101=0.02"
                                       << "C:1:101=0.05 R:1:101=0.03 R:1:101=0.03"
                                       << "1 R wrong_amount 101=0.02 101=0.03#5003";
        QTest::newRow("credit and reversal never pair")
            << "C:1:101=0.06"
            << "R:1:101=0.06"
            << "1 C missing 101=0.06 -;1 R unexpected - 101=0.06#5001";
        // Same member first: 101's 0.06 vs 0.03 is a wrong amount, so 102's 0.03 is missing and
        // 103's 0.06 unexpected.
        QTest::newRow("same member before same amount")
            << "C:1:101=0.06 C:1:102=0.03"
            << "C:1:101=0.03 C:1:103=0.06"
            << "1 C wrong_amount 101=0.06 101=0.03#5001;1 C missing 102=0.03 -;1 C unexpected - "
               "103=0.06#5002";
        QTest::newRow("sorted by order") << "C:2:101=0.10 C:1:101=0.06"
                                         << "C:3:101=0.01"
                                         << "1 C missing 101=0.06 -;2 C missing 101=0.10 -;"
                                            "3 C unexpected - 101=0.01#5001";
        QTest::newRow("nothing at all") << ""
                                        << ""
                                        << "";
    }
    void compare()
    {
        QFETCH(QString, expected);
        QFETCH(QString, credited);
        QFETCH(QString, differences);
        QCOMPARE(describe(compareCommissions(expectedList(expected), creditedList(credited))), differences);
    }

    // Two orders on one tree around 101's upgrade (tier 2 → 3 at 1000); the platform credited the
    // second order right but the first at today's tier, and never reversed the refund of order 2.
    void ordersAcrossAnUpgrade()
    {
        const ParentLinks tree = links(QStringLiteral("100>101>102"));
        const TierHistory tiers = history(QStringLiteral("101:0=2,1000=3;102:0=3"));
        QList<ExpectedCommission> expected;
        // Order 1 at 900: 101 tier 2: 2% × 20.00 = 0.40; 102 tier 3: 1% × 20.00 = 0.20.
        // Order 2 at 1100: 101 tier 3: 3% × 20.00 = 0.60; 102: 0.20; refund 5.00 of 20.00
        // reverses 0.60 × 0.25 = 0.15 and 0.20 × 0.25 = 0.05.
        const QList<std::pair<CommissionOrder, QList<Money>>> orders{
            {{1, 100, m(u"20.00"), 900}, {}}, {{2, 100, m(u"20.00"), 1100}, {m(u"5.00")}}};
        for (const auto& [order, refunds] : orders) {
            const auto chain = cardops::core::ancestorChain(order.buyerId, tree);
            QVERIFY(chain.ok());
            const auto entries = cardops::core::expectedCommissions(order, *chain, tiers, ladder(), refunds);
            QVERIFY(entries.ok());
            expected += *entries;
        }
        const QString platform = QStringLiteral("C:1:101=0.60 C:1:102=0.20 C:2:101=0.60 C:2:102=0.20");
        QCOMPARE(describe(compareCommissions(expected, creditedList(platform))),
                 QStringLiteral("1 C wrong_amount 101=0.40 101=0.60#5001;2 R missing 101=0.15 -;"
                                "2 R missing 102=0.05 -"));
    }

    void creditedFromLedger_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("amount");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<bool>("reversal");
        QTest::addColumn<QString>("magnitude");
        QTest::newRow("credit") << "commission"
                                << "0.0600" << true << false << "0.06";
        QTest::newRow("reversal") << "commission"
                                  << "-0.0300" << true << true << "0.03";
        QTest::newRow("zero") << "commission"
                              << "0" << false << false << "0";
        QTest::newRow("purchase") << "purchase"
                                  << "-98.50" << false << false << "0";
    }
    void creditedFromLedger()
    {
        QFETCH(QString, kind);
        QFETCH(QString, amount);
        QFETCH(bool, ok);
        QFETCH(bool, reversal);
        QFETCH(QString, magnitude);
        LedgerEntry entry;
        entry.id = 5001;
        entry.memberId = 88;
        entry.kind = kind;
        entry.amount = m(amount);
        entry.orderId = 1000001;
        const auto c = cardops::core::creditedFromLedger(entry);
        QCOMPARE(c.ok(), ok);
        if (!ok)
            return;
        QCOMPARE(c->ledgerId, qint64(5001));
        QCOMPARE(c->memberId, qint64(88));
        QCOMPARE(c->orderId, qint64(1000001));
        QCOMPARE(c->kind, reversal ? CommissionKind::Reversal : CommissionKind::Credit);
        QCOMPARE(c->amount, m(magnitude));
    }

    void ladderFromPlatform_data()
    {
        QTest::addColumn<QByteArray>("rates");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QList<qint64>>("ppm");
        QTest::newRow("percent strings")
            << QByteArray(R"(["1.5%","0.5%","0%"])") << true << QList<qint64>{15000, 5000, 0};
        QTest::newRow("empty") << QByteArray("[]") << true << QList<qint64>{};
        QTest::newRow("not an array") << QByteArray(R"({"1":"2%"})") << false << QList<qint64>{};
        QTest::newRow("number, not text") << QByteArray("[0.02]") << false << QList<qint64>{};
        QTest::newRow("bad rate") << QByteArray(R"(["two"])") << false << QList<qint64>{};
    }
    void ladderFromPlatform()
    {
        QFETCH(QByteArray, rates);
        QFETCH(bool, ok);
        QFETCH(QList<qint64>, ppm);
        TierLadder platform;
        Tier tier;
        tier.id = 3;
        tier.commissionRates = rates;
        platform.tiers.append(tier);
        const auto result = commissionLadderFrom(platform);
        QCOMPARE(result.ok(), ok);
        if (!ok) {
            QVERIFY(result.error().detail.contains(u"tier 3"));
            return;
        }
        QList<qint64> got;
        for (const Rate r : result->value(3))
            got.append(r.ppm());
        QCOMPARE(got, ppm);
    }
};

QTEST_GUILESS_MAIN(TestCommission)
#include "tst_commission.moc"
