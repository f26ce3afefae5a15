#include "../models/generatedcache.h"
#include "models/datasource.h"
#include "storage/segmentstore.h"
#include "treefixture.h"
#include "ui/segmentspanel.h"
#include "ui/style.h"

#include <QApplication>
#include <QBuffer>
#include <QFile>
#include <QLabel>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTableWidget>
#include <QtTest>

using namespace cardops;
using namespace Qt::StringLiterals;
using treefixture::kNoon;

// 分群 on hand-made members: the empty state, 重新计算 on the writer, the six rows with size,
// share and change, a click asking for the segment, and the CSV of an export byte for byte. With
// CARDOPS_SHOT_DIR set it writes shot-segments.png of a generated cache there.
class TstSegmentsPanel : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_path;
    core::ManualClock m_clock{kNoon * 1000};
    std::unique_ptr<storage::Database> m_db;
    std::unique_ptr<models::DataSource> m_source;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        ui::applyStyle(*qApp);
        m_path = m_dir.filePath(u"segments.db"_s);
        auto db = storage::Database::open(m_path, m_clock);
        QVERIFY(db.ok());
        m_db = std::move(db).value();
        // 1: 4 orders today, R F M 3 3 3 (other: only 1 and 3 are ranked); 2: nothing (dormant);
        // 3: registered 12 days ago, one order (new).
        const qint64 old = 1700000000;
        QList<core::Order> orders;
        for (qint64 i = 1; i <= 4; ++i)
            orders << treefixture::order(i, 1, kNoon - 60 - i, 25);
        orders << treefixture::order(5, 3, kNoon - 10 * 86400, 9);
        auto done = m_db->writer()
                        .submit<void>(u"fixture"_s,
                                      [=](storage::WriteContext& ctx) {
                                          return treefixture::insert(ctx,
                                                                     {{1, 0, "agent", old},
                                                                      {2, 1, "consumer", old},
                                                                      {3, 0, "consumer", kNoon - 12 * 86400}},
                                                                     orders);
                                      })
                        .result();
        QVERIFY2(done.ok(), qPrintable(done.ok() ? QString() : done.error().detail));
        m_source = std::make_unique<models::DataSource>(m_path, &m_db->writer());
    }

    void emptyThenRecompute()
    {
        ui::SegmentsPanel panel(*m_source);
        panel.resize(900, 360);
        panel.show();
        QSignalSpy loaded(&panel, &ui::SegmentsPanel::loaded);
        QTRY_COMPARE(loaded.size(), 1);
        QVERIFY(!panel.sizes().computed);
        auto* stack = panel.findChild<QStackedWidget*>();
        QCOMPARE(stack->currentWidget()->objectName(), u"segmentsEmpty"_s);

        QSignalSpy recomputed(&panel, &ui::SegmentsPanel::recomputed);
        panel.recompute();
        QTRY_COMPARE(recomputed.size(), 1);
        QVERIFY(recomputed.first().first().toBool());
        QTRY_VERIFY(panel.sizes().computed);
        QCOMPARE(stack->currentWidget()->objectName(), u"segmentsTable"_s);
        auto* table = panel.findChild<QTableWidget*>(u"segmentsTable"_s);
        QCOMPARE(table->rowCount(), 6);
        // Rows: high_value potential new dormant churn_risk other. New 1, dormant 1, other 1 (of 3:
        // 33.3 %); 30 days earlier 3 was not registered and 1 had not bought: 1 and 2 dormant.
        QCOMPARE(table->item(0, 1)->text(), u"0"_s);
        QCOMPARE(table->item(0, 3)->text(), u"—"_s);
        QCOMPARE(table->item(2, 1)->text(), u"1"_s);
        QCOMPARE(table->item(2, 3)->text(), u"▲ 1"_s);
        QCOMPARE(table->item(3, 1)->text(), u"1"_s);
        QCOMPARE(table->item(3, 3)->text(), u"▼ 1"_s);
        QCOMPARE(table->item(5, 1)->text(), u"1"_s);
        QCOMPARE(table->item(5, 3)->text(), u"▲ 1"_s);
        QVERIFY2(table->item(5, 2)->text().startsWith(u"33.3"_s), qPrintable(table->item(5, 2)->text()));
        QCOMPARE(table->item(0, 0)->toolTip(), ui::SegmentsPanel::segmentRule(core::Segment::HighValue));

        QSignalSpy show(&panel, &ui::SegmentsPanel::showSegment);
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {},
                          table->visualItemRect(table->item(2, 0)).center());
        QCOMPARE(show.size(), 1);
        QCOMPARE(show.first().first().toString(), u"new"_s);
        QCOMPARE(panel.currentSegment(), u"new"_s);
    }

    void exportGolden()
    {
        ui::SegmentsPanel panel(*m_source);
        QSignalSpy loaded(&panel, &ui::SegmentsPanel::loaded);
        QTRY_COMPARE(loaded.size(), 1);
        const QString path = m_dir.filePath(u"other.csv"_s);
        QSignalSpy exported(&panel, &ui::SegmentsPanel::exported);
        panel.exportSegment(u"other"_s, path);
        QTRY_COMPARE(exported.size(), 1);
        QVERIFY2(exported.first().first().toBool(), qPrintable(exported.first().at(1).toString()));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        // UTF-8 BOM, CRLF; ids and contacts as text (a leading tab), money with 2 places.
        const QByteArray golden = "\xEF\xBB\xBFMember id,Name,Kind,Tier,Contact,R,F,M,Orders,Spend\r\n"
                                  "\t1,会员1,Agent,金牌代理,\t13800000001,3,3,3,4,100.00\r\n";
        QCOMPARE(file.readAll(), golden);
    }

    void screenshot()
    {
        const QString dir = qEnvironmentVariable("CARDOPS_SHOT_DIR");
        if (dir.isEmpty())
            QSKIP("CARDOPS_SHOT_DIR not set");
        QTemporaryDir generated;
        const QString path = generatedcache::build(generated, 20000);
        QVERIFY(!path.isEmpty());
        core::SystemClock clock;
        auto db = storage::Database::open(path, clock);
        QVERIFY(db.ok());
        storage::ReadSession read(path);
        const qint64 newest =
            read.select(u"SELECT MAX(created_at) FROM orders"_s).value().first().value(0).toLongLong();
        // Two recomputes, 30 days apart, as the daily job would have left them.
        for (qint64 at : {newest - 30 * 86400, newest})
            QVERIFY(db.value()
                        ->writer()
                        .submit<core::RfmResult>(u"shot"_s,
                                                 [at](storage::WriteContext& ctx) {
                                                     return storage::segmentstore::refresh(ctx, at);
                                                 })
                        .result()
                        .ok());
        models::DataSource source(path, &db.value()->writer());
        ui::SegmentsPanel panel(source);
        panel.resize(1000, 340);
        panel.show();
        QSignalSpy loaded(&panel, &ui::SegmentsPanel::loaded);
        QTRY_COMPARE(loaded.size(), 1);
        QTest::qWait(200);
        QVERIFY(panel.grab().save(dir + u"/shot-segments.png"_s));
    }
};

QTEST_MAIN(TstSegmentsPanel)
#include "tst_segmentspanel.moc"
