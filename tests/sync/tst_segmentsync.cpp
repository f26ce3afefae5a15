#include "core/clock.h"
#include "syncfixture.h"

using namespace syncfixture;

// The RFM segments are recomputed by the sync round (issue #10 item 7): on the first round, not
// again on the same business day, and again once the stored scores are from an earlier day.
class TestSegmentSync : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void onceABusinessDay()
    {
        Shop shop;
        QVERIFY(shop.start());
        const qint64 before = shop.clock.nowSeconds();
        QVERIFY(shop.round().ok());
        const qint64 members = shop.scalar(QStringLiteral("SELECT count(*) FROM members")).toLongLong();
        QVERIFY(members > 0);
        QCOMPARE(shop.scalar(QStringLiteral("SELECT count(*) FROM member_rfm")).toLongLong(), members);
        const qint64 at = shop.scalar(QStringLiteral("SELECT MAX(computed_at) FROM member_rfm")).toLongLong();
        QVERIFY(at >= before);
        QCOMPARE(shop.scalar(QStringLiteral("SELECT sum(size) FROM segment_sizes WHERE at = ?"), {at})
                     .toLongLong(),
                 members);

        // A second round on the same business day leaves the scores alone (unless the day just
        // turned, in Shanghai, between the two rounds).
        QVERIFY(shop.round().ok());
        const qint64 again =
            shop.scalar(QStringLiteral("SELECT MAX(computed_at) FROM member_rfm")).toLongLong();
        if (cardops::core::businessDay(shop.clock.nowSeconds()) == cardops::core::businessDay(at))
            QCOMPARE(again, at);

        // Scores from yesterday: the next round recomputes them.
        auto aged = shop.write<qint64>([](cardops::storage::WriteContext& ctx) {
            return ctx.exec(QStringLiteral("UPDATE member_rfm SET computed_at = computed_at - 86400"));
        });
        QVERIFY(aged.ok());
        QVERIFY(shop.round().ok());
        QVERIFY(shop.scalar(QStringLiteral("SELECT MIN(computed_at) FROM member_rfm")).toLongLong() >=
                before);
        const qint64 recomputed =
            shop.scalar(QStringLiteral("SELECT MAX(computed_at) FROM member_rfm")).toLongLong();
        QCOMPARE(shop.scalar(QStringLiteral("SELECT MAX(at) FROM segment_sizes")).toLongLong(), recomputed);
    }
};

QTEST_GUILESS_MAIN(TestSegmentSync)
#include "tst_segmentsync.moc"
