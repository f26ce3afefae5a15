#include "../models/generatedcache.h"
#include "fakebackend.h"
#include "models/datasource.h"
#include "models/tierbackend.h"
#include "storage/memberstats.h"
#include "storage/tierstore.h"
#include "treefixture.h"
#include "ui/style.h"
#include "ui/tierladderpanel.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QtTest>

using namespace cardops;
using namespace Qt::StringLiterals;
using treefixture::kNoon;

namespace {

// A platform that takes every push (records it).
class FakeTiers : public models::TierBackend
{
public:
    using TierBackend::TierBackend;
    QList<core::TierLadder> pushed;
    bool canPush(QString* why) const override
    {
        if (why)
            why->clear();
        return true;
    }
    void pushLadder(const core::TierLadder& ladder, QObject*, std::function<void(QString)> done) override
    {
        pushed << ladder;
        done({});
    }
};

class TierConsole : public FakeBackend
{
public:
    using FakeBackend::FakeBackend;
    FakeTiers* tiers = nullptr;
    models::TierBackend* tierBackend() override { return tiers; }
};

} // namespace

// 等级阶梯 on a hand-made cache: the what-if counts (from → to) exact before and after edits made
// in the table, bad cells refused in place, the push disabled with its reason without a platform.
// With CARDOPS_SHOT_DIR set it writes shot-tiers.png of a generated cache there.
class TstTierLadderPanel : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_path;
    core::ManualClock m_clock{kNoon * 1000};
    std::unique_ptr<storage::Database> m_db;
    std::unique_ptr<models::DataSource> m_source;

    static QString movesText(QTableWidget* table)
    {
        QStringList out;
        for (int r = 0; r < table->rowCount(); ++r)
            out << table->item(r, 0)->text() + u' ' + table->item(r, 1)->text() + u' ' +
                       table->item(r, 2)->text();
        return out.join(u" | "_s);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        ui::applyStyle(*qApp);
        m_path = m_dir.filePath(u"tiers.db"_s);
        auto db = storage::Database::open(m_path, m_clock);
        QVERIFY(db.ok());
        m_db = std::move(db).value();
        // Own GMV 30d: 1: 50, 2: 150, 3: 600 (all 普通), 4: 120 (青铜), 5: 300 and 6: 700 (白银).
        const QList<std::pair<qint64, qint64>> gmv{{1, 50}, {2, 150}, {3, 600}, {4, 120}, {5, 300}, {6, 700}};
        QList<core::Order> orders;
        for (const auto& [member, yuan] : gmv)
            orders << treefixture::order(member, member, kNoon - 3600, yuan);
        auto done =
            m_db->writer()
                .submit<void>(
                    u"fixture"_s,
                    [=](storage::WriteContext& ctx) -> core::Result<void> {
                        auto r = treefixture::insert(ctx,
                                                     {{1, 0, "consumer", 1700000000},
                                                      {2, 0, "consumer", 1700000000},
                                                      {3, 0, "consumer", 1700000000},
                                                      {4, 0, "consumer", 1700000000},
                                                      {5, 0, "consumer", 1700000000},
                                                      {6, 0, "consumer", 1700000000}},
                                                     orders);
                        if (!r)
                            return r;
                        for (const auto& sql :
                             {u"DELETE FROM tiers"_s,
                              u"INSERT INTO tiers VALUES (1, '普通', 1, 1000000, '[\"0%\"]', '{}', 1)"_s,
                              u"INSERT INTO tiers VALUES (2, '青铜', 2, 980000, '[\"2%\"]', "
                              u"'{\"own_gmv_30d\":\"100.0000\"}', 1)"_s,
                              u"INSERT INTO tiers VALUES (3, '白银', 3, 960000, '[\"3%\",\"1%\"]', "
                              u"'{\"own_gmv_30d\":\"500.0000\"}', 1)"_s,
                              u"INSERT INTO tier_policies VALUES (3, 'sliding_window')"_s,
                              u"INSERT INTO sync_state VALUES ('tiers.version', '7')"_s,
                              u"UPDATE members SET tier_id = 2 WHERE id = 4"_s,
                              u"UPDATE members SET tier_id = 3 WHERE id IN (5, 6)"_s})
                            if (auto e = ctx.exec(sql); !e)
                                return e.error();
                        return {};
                    })
                .result();
        QVERIFY2(done.ok(), qPrintable(done.ok() ? QString() : done.error().detail));
        m_source = std::make_unique<models::DataSource>(m_path, &m_db->writer());
    }

    void whatIfCountsExact()
    {
        FakeBackend backend;
        ui::TierLadderPanel panel(*m_source, backend);
        panel.setMoment(kNoon);
        panel.resize(1000, 700);
        panel.show();
        auto* table = panel.findChild<QTableWidget*>(u"tierTable"_s);
        auto* moves = panel.findChild<QTableWidget*>(u"whatIfTable"_s);
        QTRY_COMPARE(table->rowCount(), 3);
        QCOMPARE(panel.editor().baseVersion(), 7);
        QCOMPARE(table->item(2, 2)->text(), u"3%, 1%"_s);
        QCOMPARE(table->item(1, 6)->text(), u"100.00"_s);

        // Unchanged: exactly what the current ladder does (2 up, 1 down from 白银 at a boundary).
        QTRY_VERIFY(panel.whatIfText().startsWith(u"2 members would move up, 1 would move down (of 6)."_s));
        QCOMPARE(movesText(moves), u"普通 ↑ 青铜 1 | 普通 ↑ 白银 1 | 白银 ↓ 青铜 1"_s);

        // 青铜 from 40 yuan: member 1 moves up too.
        QSignalSpy shown(&panel, &ui::TierLadderPanel::whatIfShown);
        table->item(1, 6)->setText(u"40"_s);
        QCOMPARE(table->item(1, 6)->text(), u"40.00"_s);
        QTRY_VERIFY(shown.size() >= 1);
        QTRY_VERIFY(panel.whatIfText().startsWith(u"3 members would move up, 1 would move down (of 6)."_s));
        QVERIFY(panel.whatIfText().contains(u"The current ladder on the same figures: 2 up, 1 down."_s));
        QCOMPARE(movesText(moves), u"普通 ↑ 青铜 2 | 普通 ↑ 白银 1 | 白银 ↓ 青铜 1"_s);

        // 白银 kept once reached, and from 800 yuan: 3 now stops at 青铜, nobody falls.
        auto* policy = qobject_cast<QComboBox*>(table->cellWidget(2, 8));
        QVERIFY(policy);
        policy->setCurrentIndex(0);
        table->item(2, 6)->setText(u"800"_s);
        QTRY_VERIFY(panel.whatIfText().startsWith(u"3 members would move up, 0 would move down (of 6)."_s));
        QCOMPARE(movesText(moves), u"普通 ↑ 青铜 3"_s);
        QVERIFY(panel.editor().isModified());
        QCOMPARE(panel.editor().changes(),
                 QStringList({u"Tier 青铜: upgrade own GMV 30d ≥ 100.00 → own GMV 30d ≥ 40.00"_s,
                              u"Tier 白银: upgrade own GMV 30d ≥ 500.00 → own GMV 30d ≥ 800.00; downgrade "
                              u"Sliding 30 days → Keep"_s}));

        // No platform: the push stays off and says why.
        auto* push = panel.findChild<QPushButton*>(u"pushButton"_s);
        QVERIFY(!push->isEnabled());
        QVERIFY(!panel.findChild<QLabel*>(u"pushReason"_s)->text().isEmpty());
    }

    void invalidEditsRefused()
    {
        FakeBackend backend;
        ui::TierLadderPanel panel(*m_source, backend);
        panel.setMoment(kNoon);
        panel.show();
        auto* table = panel.findChild<QTableWidget*>(u"tierTable"_s);
        auto* error = panel.findChild<QLabel*>(u"editError"_s);
        QTRY_COMPARE(table->rowCount(), 3);

        const QList<std::tuple<int, int, QString, QString>> bad{
            {1, 1, u"abc"_s, u"98%"_s},      {1, 1, u"0%"_s, u"98%"_s},      {1, 1, u"120%"_s, u"98%"_s},
            {2, 2, u"3%, x"_s, u"3%, 1%"_s}, {2, 2, u"100%"_s, u"3%, 1%"_s}, {1, 3, u"-5"_s, QString()},
            {1, 3, u"1.00001"_s, QString()}, {1, 7, u"2.5"_s, QString()},    {0, 0, u" "_s, u"普通"_s},
            {0, 0, u"青铜"_s, u"普通"_s},
        };
        for (const auto& [row, column, text, kept] : bad) {
            table->item(row, column)->setText(text);
            QCOMPARE(table->item(row, column)->text(), kept);
            QVERIFY2(!error->text().isEmpty(), qPrintable(text));
        }
        QVERIFY(!panel.editor().isModified());
        QVERIFY(!panel.editor().removeTier(0).isEmpty());
        QCOMPARE(panel.editor().tiers().size(), 3);

        // A good value clears the message and is taken, normalised.
        table->item(1, 1)->setText(u"97.5%"_s);
        QCOMPARE(table->item(1, 1)->text(), u"97.5%"_s);
        QVERIFY(error->text().isEmpty());
        table->item(1, 2)->setText(u"2%，1%"_s);
        QCOMPARE(table->item(1, 2)->text(), u"2%, 1%"_s);
        QVERIFY(panel.editor().isModified());
    }

    void ruleInWords()
    {
        QCOMPARE(models::TierLadderEditor::describeRule(
                     u"upgrade all_of(cumulative_spend 1000.0000>=1000.0000, active_downlines 3>=2)"_s),
                 u"Upgrade: spend 1000.00 ≥ 1000.00, active downlines 3 ≥ 2"_s);
        QCOMPARE(models::TierLadderEditor::describeRule(
                     u"downgrade sliding_window(own_gmv_30d 499.9900<500.0000)"_s),
                 u"Downgrade: own GMV 30d 499.99 < 500.00"_s);
        QCOMPARE(models::TierLadderEditor::describeRule(u"by hand"_s), u"by hand"_s);
    }

    void pushSendsTheEditedLadder()
    {
        TierConsole backend;
        FakeTiers tiers;
        backend.tiers = &tiers;
        ui::TierLadderPanel panel(*m_source, backend);
        panel.setMoment(kNoon);
        panel.show();
        auto* table = panel.findChild<QTableWidget*>(u"tierTable"_s);
        QTRY_COMPARE(table->rowCount(), 3);
        auto* push = panel.findChild<QPushButton*>(u"pushButton"_s);
        QVERIFY(!push->isEnabled()); // nothing changed yet
        const int row = panel.editor().addTier(u"黄金"_s);
        QCOMPARE(row, 3);
        QVERIFY(panel.editor().setText(row, models::TierLadderEditor::OwnGmv30d, u"2000"_s).isEmpty());
        QTRY_VERIFY(push->isEnabled());
        const core::TierLadder ladder = panel.editor().ladder();
        QCOMPARE(ladder.version, 7);
        QCOMPARE(ladder.tiers.size(), 4);
        QCOMPARE(ladder.tiers.last().id, 0);
        QCOMPARE(ladder.tiers.last().rank, 4);
        QCOMPARE(ladder.tiers.last().upgrade, QByteArray(R"({"own_gmv_30d":"2000.0000"})"));
        QCOMPARE(ladder.tiers.at(2).commissionRates, QByteArray(R"(["3%","1%"])"));
        QCOMPARE(panel.editor().changes(), QStringList{u"Add tier 黄金 (rank 4): own GMV 30d ≥ 2000.00"_s});
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
        qint64 newest = 0;
        {
            storage::ReadSession read(path);
            newest = storage::memberstats::latestOrderAt(read).value();
        }
        auto evaluated = db.value()
                             ->writer()
                             .submit<storage::tierstore::EvaluationResult>(
                                 u"shot"_s,
                                 [newest](storage::WriteContext& ctx) {
                                     return storage::tierstore::evaluate(ctx, newest);
                                 })
                             .result();
        QVERIFY(evaluated.ok());
        models::DataSource source(path, &db.value()->writer());
        TierConsole backend;
        FakeTiers tiers;
        backend.tiers = &tiers;
        ui::TierLadderPanel panel(source, backend);
        panel.setMoment(newest);
        panel.resize(1180, 760);
        panel.show();
        auto* table = panel.findChild<QTableWidget*>(u"tierTable"_s);
        QTRY_VERIFY(table->rowCount() >= 3);
        QSignalSpy shown(&panel, &ui::TierLadderPanel::whatIfShown);
        table->item(1, 6)->setText(u"500"_s);
        table->item(2, 5)->setText(u"10000"_s);
        QTRY_VERIFY_WITH_TIMEOUT(shown.size() >= 1 && panel.whatIfText().contains(u"would"_s), 20000);
        QTest::qWait(300);
        QVERIFY(panel.grab().save(dir + u"/shot-tiers.png"_s));
    }
};

QTEST_MAIN(TstTierLadderPanel)
#include "tst_tierladderpanel.moc"
