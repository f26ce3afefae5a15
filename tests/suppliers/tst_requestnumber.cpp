// acg-faka request_no numbers: at most 19 characters (the upstream's CHAR(19)), the documented shape,
// and never a repeat.
#include "suppliers/requestnumber.h"

#include <QDateTime>
#include <QSet>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace cardops;
using namespace cardops::suppliers;

class TestRequestNumber : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void shape();
    void uniqueOver100000WithAFrozenClock();
    void uniqueOver100000WithTheSystemClock();
    void clockSteppingBackStaysUnique();
    void generatorsWithTheSamePrefixAndTimeDiffer();
    void sortsByTime();
    void rejectsBadPrefixes_data();
    void rejectsBadPrefixes();
    void rejectsClocksOutOfRange();
};

void TestRequestNumber::shape()
{
    const qint64 at = QDateTime(QDate(2025, 6, 1), QTime(8, 30), Qt::UTC).toMSecsSinceEpoch();
    core::ManualClock clock(at);
    RequestNoGenerator generator("C0S", clock);
    const auto number = generator.next();
    QVERIFY(number.ok());
    QCOMPARE(number->size(), 19);
    QVERIFY(number->size() <= 19);
    QVERIFY(number->startsWith("C0S"));
    QVERIFY(RequestNoGenerator::isWellFormed(*number));
    static const QRegularExpression shape(u"^[0-9A-Z]{19}$"_s);
    QVERIFY(shape.match(QString::fromLatin1(*number)).hasMatch());
    QCOMPARE(RequestNoGenerator::timeOf(*number), at);
}

void TestRequestNumber::uniqueOver100000WithAFrozenClock()
{
    // Every number in the same millisecond: the time part must advance by itself.
    core::ManualClock clock(QDateTime(QDate(2025, 1, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch());
    RequestNoGenerator generator("ABC", clock);
    QSet<QByteArray> seen;
    seen.reserve(100000);
    for (int i = 0; i < 100000; ++i) {
        const auto number = generator.next();
        QVERIFY(number.ok());
        QVERIFY(number->size() <= 19);
        QVERIFY(RequestNoGenerator::isWellFormed(*number));
        seen.insert(*number);
    }
    QCOMPARE(seen.size(), 100000);
}

void TestRequestNumber::uniqueOver100000WithTheSystemClock()
{
    core::SystemClock clock;
    RequestNoGenerator generator("Z9Z", clock);
    QSet<QByteArray> seen;
    seen.reserve(100000);
    QByteArray previous;
    for (int i = 0; i < 100000; ++i) {
        const auto number = generator.next();
        QVERIFY(number.ok());
        QVERIFY(number->size() <= 19);
        QVERIFY(RequestNoGenerator::timeOf(*number) > RequestNoGenerator::timeOf(previous) ||
                previous.isEmpty());
        seen.insert(*number);
        previous = *number;
    }
    QCOMPARE(seen.size(), 100000);
}

void TestRequestNumber::clockSteppingBackStaysUnique()
{
    const qint64 start = QDateTime(QDate(2025, 3, 1), QTime(12, 0), Qt::UTC).toMSecsSinceEpoch();
    core::ManualClock clock(start);
    RequestNoGenerator generator("K7Q", clock);
    const auto first = generator.next();
    clock.setMilliseconds(start - 3600 * 1000); // an NTP step back by an hour
    const auto second = generator.next();
    QVERIFY(first.ok() && second.ok());
    QVERIFY(*first != *second);
    QVERIFY(RequestNoGenerator::timeOf(*second) > RequestNoGenerator::timeOf(*first));
}

void TestRequestNumber::generatorsWithTheSamePrefixAndTimeDiffer()
{
    // Two consoles of one shop, same millisecond: the random part tells them apart.
    core::ManualClock clock(QDateTime(QDate(2025, 1, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch());
    RequestNoGenerator a("SHP", clock);
    RequestNoGenerator b("SHP", clock);
    const auto x = a.next();
    const auto y = b.next();
    QVERIFY(x.ok() && y.ok());
    QCOMPARE(x->left(11), y->left(11));
    QVERIFY(x->mid(11) != y->mid(11));
}

void TestRequestNumber::sortsByTime()
{
    core::ManualClock clock(QDateTime(QDate(2025, 1, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch());
    RequestNoGenerator generator("AAA", clock);
    const auto early = generator.next();
    clock.advanceSeconds(86400 * 400);
    const auto late = generator.next();
    QVERIFY(early.ok() && late.ok());
    QVERIFY(early->left(11) < late->left(11));
}

void TestRequestNumber::rejectsBadPrefixes_data()
{
    QTest::addColumn<QByteArray>("prefix");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("short") << QByteArray("AB");
    QTest::newRow("long") << QByteArray("ABCD");
    QTest::newRow("lower") << QByteArray("abc");
    QTest::newRow("symbol") << QByteArray("A-C");
    QTest::newRow("non-ascii") << QByteArray("卡");
}

void TestRequestNumber::rejectsBadPrefixes()
{
    QFETCH(QByteArray, prefix);
    core::ManualClock clock(QDateTime(QDate(2025, 1, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch());
    RequestNoGenerator generator(prefix, clock);
    const auto number = generator.next();
    QVERIFY(!number.ok());
    QCOMPARE(number.error().code, core::ErrorCode::InvalidArgument);
}

void TestRequestNumber::rejectsClocksOutOfRange()
{
    core::ManualClock before(QDateTime(QDate(2019, 12, 31), QTime(23, 59), Qt::UTC).toMSecsSinceEpoch());
    QVERIFY(!RequestNoGenerator("ABC", before).next().ok());
    core::ManualClock after(QDateTime(QDate(2110, 1, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch());
    QVERIFY(!RequestNoGenerator("ABC", after).next().ok());
    core::ManualClock fine(QDateTime(QDate(2109, 1, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch());
    QVERIFY(RequestNoGenerator("ABC", fine).next().ok());
}

QTEST_GUILESS_MAIN(TestRequestNumber)
#include "tst_requestnumber.moc"
