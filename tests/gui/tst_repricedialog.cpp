#include "../models/generatedcache.h"
#include "core/clock.h"
#include "core/platformtypes.h"
#include "models/datasource.h"
#include "models/repricemodel.h"
#include "storage/database.h"
#include "storage/databasewriter.h"
#include "storage/operatorrepository.h"
#include "storage/outbox.h"
#include "storage/platformcache.h"
#include "storage/readsession.h"
#include "storage/writecontext.h"
#include "ui/pricingruleform.h"
#include "ui/pricingrulesdialog.h"
#include "ui/repricedialog.h"
#include "ui/style.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTranslator>
#include <QtTest>

using namespace cardops;
using namespace Qt::StringLiterals;
using Model = models::RepriceModel;

// 批量改价 on a generated cache: three of its goods given known prices (9.85 at cost 9.52, 98.00 at
// 95.20, 10.50 at 9.90 with a contract price of 9.60) and the ladder 普通 100 %, 白银 98.5 %,
// 黄金 97 %, repriced by a one-off 5 % markup. With CARDOPS_SHOT_REPRICE set it writes the preview
// there (CARDOPS_QM: a translation to load first).
class TstRepriceDialog : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    core::SystemClock m_clock;
    std::unique_ptr<storage::Database> m_db;
    std::unique_ptr<models::DataSource> m_source;
    core::Actor m_admin;
    QList<qint64> m_ids; // the three goods: A, B, C (below cost)

    qint64 scalar(const QString& sql, const QVariantList& binds = {})
    {
        storage::ReadSession read(m_path);
        auto rows = read.select(sql, binds);
        return rows && !rows->isEmpty() ? rows->first().value(0).toLongLong() : -1;
    }

    bool setPrices(qint64 id, qint64 price, qint64 cost, const QString& contracts)
    {
        auto r = m_db->writer()
                     .submit(u"test"_s,
                             [=](storage::WriteContext& ctx) -> core::Result<void> {
                                 auto u =
                                     ctx.exec(u"UPDATE goods SET price = ?, cost = ?, tier_prices = '{}', "
                                              u"contract_prices = ?, supplier_links = '[]' WHERE id = ?"_s,
                                              {price, cost, contracts, id});
                                 return u ? core::Result<void>() : u.error();
                             })
                     .result();
        return r.ok();
    }

    std::unique_ptr<ui::RepriceDialog> openDialog(const QList<qint64>& ids)
    {
        auto dialog = std::make_unique<ui::RepriceDialog>(*m_source, m_admin, ids);
        new QAbstractItemModelTester(&dialog->model(), QAbstractItemModelTester::FailureReportingMode::QtTest,
                                     &dialog->model());
        dialog->show();
        if (!QTest::qWaitForWindowExposed(dialog.get()) ||
            !QTest::qWaitFor([&] { return dialog->isReady(); }, 10'000))
            return {};
        dialog->ruleChoice().setCurrentIndex(dialog->ruleChoice().findData(ui::RepriceDialog::OneOffPercent));
        dialog->oneOffValue().setText(u"5"_s);
        return dialog;
    }

    static int rowOf(const Model& model, qint64 id)
    {
        for (int r = 0; r < model.rowCount(); ++r)
            if (model.index(r, 0).data(Model::GoodsIdRole).toLongLong() == id)
                return r;
        return -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        ui::applyStyle(*qApp);
        static QTranslator translator;
        if (const QString qm = qEnvironmentVariable("CARDOPS_QM"); !qm.isEmpty() && translator.load(qm))
            QCoreApplication::installTranslator(&translator);
        m_path = generatedcache::build(m_dir, 2000);
        QVERIFY(!m_path.isEmpty());
        auto db = storage::Database::open(m_path, m_clock);
        QVERIFY(db.ok());
        m_db = std::move(db).value();
        m_source = std::make_unique<models::DataSource>(m_path, &m_db->writer());
        storage::ReadSession read(m_path);
        auto admin = storage::OperatorRepository::actorFor(read, u"admin"_s);
        QVERIFY(admin);
        m_admin = *admin;
        auto ids = read.select(u"SELECT id FROM goods ORDER BY id LIMIT 3"_s);
        QVERIFY(ids && ids->size() == 3);
        for (const QVariantList& r : *ids)
            m_ids << r.value(0).toLongLong();
        QVERIFY(setPrices(m_ids[0], 98'500, 95'200, u"[]"_s));
        QVERIFY(setPrices(m_ids[1], 980'000, 952'000, u"[]"_s));
        QVERIFY(setPrices(m_ids[2], 105'000, 99'000, u"[{\"member_id\":1,\"price\":\"9.6000\"}]"_s));
        auto ladder =
            m_db->writer()
                .submit(u"test"_s,
                        [](storage::WriteContext& ctx) -> core::Result<void> {
                            core::TierLadder l;
                            l.version = 1'000'000;
                            l.tiers = {{1, u"普通"_s, 1, core::Rate::fromPpm(1'000'000), "[]", "{}", 1},
                                       {2, u"白银"_s, 2, core::Rate::fromPpm(985'000), "[]", "{}", 1},
                                       {3, u"黄金"_s, 3, core::Rate::fromPpm(970'000), "[]", "{}", 1}};
                            auto r = storage::platformcache::replaceTiers(ctx, l);
                            return r ? core::Result<void>() : r.error();
                        })
                .result();
        QVERIFY(ladder.ok());
    }

    void previewNumbers()
    {
        auto dialog = openDialog(m_ids);
        QVERIFY(dialog);
        const Model& model = dialog->model();
        QCOMPARE(model.rowCount(), 3);
        QVERIFY(dialog->problem().isEmpty());
        const int a = rowOf(model, m_ids[0]);
        const int b = rowOf(model, m_ids[1]);
        const int c = rowOf(model, m_ids[2]);
        // A: 9.52 × 1.05 = 9.996 -> 10.00; margin 0.33 -> 0.48, 3.35 % -> 4.80 %.
        QCOMPARE(model.index(a, Model::Price).data().toString(), u"9.85 → 10.00"_s);
        QCOMPARE(model.index(a, Model::Cost).data().toString(), u"9.52"_s);
        QCOMPARE(model.index(a, Model::Margin).data().toString(), u"0.33 → 0.48"_s);
        QCOMPARE(model.index(a, Model::MarginRate).data().toString(), u"3.35% → 4.80%"_s);
        // 白银 9.85 × 98.5 % = 9.70225 -> 9.70, then 10.00 × 98.5 % = 9.85; 黄金 9.5545 -> 9.55, then 9.70.
        QCOMPARE(model.index(a, Model::TierPrices).data().toString(),
                 u"白银 9.70 → 9.85 · 黄金 9.55 → 9.70"_s);
        QCOMPARE(model.index(a, 0).data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
        // B: 95.20 × 1.05 = 99.96.
        QCOMPARE(model.index(b, Model::Price).data().toString(), u"98.00 → 99.96"_s);
        QCOMPARE(model.index(b, Model::Margin).data().toString(), u"2.80 → 4.76"_s);
        QCOMPARE(model.index(b, Model::MarginRate).data().toString(), u"2.86% → 4.76%"_s);
        // C: 10.40, but the contract price 9.60 stays below the cost 9.90: red, unchecked, the reason.
        QCOMPARE(model.index(c, Model::Price).data().toString(), u"10.50 → 10.40"_s);
        QVERIFY(model.index(c, 0).data(Model::BelowCostRole).toBool());
        QCOMPARE(model.index(c, 0).data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
        QVERIFY(!(model.flags(model.index(c, 0)) & Qt::ItemIsUserCheckable));
        QVERIFY(model.index(c, Model::Note).data().toString().contains(u"9.60"_s));
        QVERIFY(model.index(c, Model::Note).data().toString().contains(u"9.90"_s));
        QVERIFY(model.index(c, Model::Price).data(Qt::BackgroundRole).isValid());

        const Model::Totals t = model.totals();
        QCOMPARE(t.changing, 2);
        QCOMPARE(t.belowCost, 1);
        QCOMPARE(t.averageMarginBefore.toString(), u"1.57"_s); // (0.33 + 2.80) / 2 = 1.565
        QCOMPARE(t.averageMarginAfter.toString(), u"2.62"_s);  // (0.48 + 4.76) / 2
        QCOMPARE(t.marginBpBefore, 290);                       // 3.13 / 107.85
        QCOMPARE(t.marginBpAfter, 477);                        // 5.24 / 109.96
        QVERIFY(dialog->totalsLabel().text().contains(u"1.57 → 2.62"_s));
        QVERIFY(dialog->applyButton().isEnabled());

        // The override makes C checkable, still unchecked; checked, its edit carries the override.
        dialog->allowBelowCost().setChecked(true);
        QVERIFY(model.flags(model.index(c, 0)) & Qt::ItemIsUserCheckable);
        QCOMPARE(model.index(c, 0).data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
        QVERIFY(dialog->model().setData(model.index(c, 0), Qt::Checked, Qt::CheckStateRole));
        QCOMPARE(model.totals().changing, 3);
        const auto changes = model.changes();
        QCOMPARE(changes.size(), 3);
        for (const auto& change : changes)
            QCOMPARE(change.allowBelowCost, change.goodsId == m_ids[2]);
        dialog->allowBelowCost().setChecked(false);
        QCOMPARE(model.totals().changing, 2);

        // A bad one-off value keeps the preview and disables applying.
        dialog->oneOffValue().setText(u"abc"_s);
        QVERIFY(!dialog->problem().isEmpty());
        QVERIFY(!dialog->applyButton().isEnabled());
        dialog->oneOffValue().setText(u"5%"_s);
        QVERIFY(dialog->applyButton().isEnabled());

        // 同步等级价 writes the ladder's prices: A's tier prices become its own.
        dialog->syncTiers().setChecked(true);
        QCOMPARE(model.index(a, Model::TierPrices).data().toString(),
                 u"白银 9.70 → 9.85 · 黄金 9.55 → 9.70"_s);
        const auto synced = model.changes();
        QCOMPARE(synced.size(), 2);
        QVERIFY(synced.first().tierPrices.has_value());
        QCOMPARE(synced.first().tierPrices->size(), 2);

        if (const QString shot = qEnvironmentVariable("CARDOPS_SHOT_REPRICE"); !shot.isEmpty()) {
            dialog->syncTiers().setChecked(false);
            auto more =
                openDialog(m_ids + QList<qint64>{m_ids[2] + 1, m_ids[2] + 2, m_ids[2] + 3, m_ids[2] + 4});
            QVERIFY(more);
            QTest::qWait(200);
            QVERIFY(more->grab().save(shot));
        }
    }

    void applyStagesTheCheckedEdits()
    {
        auto dialog = openDialog(m_ids);
        QVERIFY(dialog);
        const qint64 before = scalar(u"SELECT count(*) FROM outbox"_s);
        QSignalSpy staged(dialog.get(), &ui::RepriceDialog::staged);
        QVERIFY(!dialog->bindRule().isEnabled()); // a one-off markup cannot be bound
        dialog->stage();
        QVERIFY(staged.wait(10'000));
        QCOMPARE(staged.first().first().toLongLong(), 2);
        QCOMPARE(dialog->result(), int(QDialog::Accepted));
        QCOMPARE(scalar(u"SELECT count(*) FROM outbox"_s), before + 2);
        storage::ReadSession read(m_path);
        auto items = storage::outbox::items(read, u"pending"_s);
        QVERIFY(items);
        QMap<qint64, QJsonObject> bodies;
        for (const auto& i : *items)
            bodies.insert(i.entityId, QJsonDocument::fromJson(i.body).object());
        QCOMPARE(bodies.value(m_ids[0]), (QJsonObject{{u"price"_s, u"10.0000"_s}}));
        QCOMPARE(bodies.value(m_ids[1]), (QJsonObject{{u"price"_s, u"99.9600"_s}}));
        QVERIFY(!bodies.contains(m_ids[2]));
        QCOMPARE(scalar(u"SELECT price FROM goods WHERE id = ?"_s, {m_ids[0]}), 100'000);
        QCOMPARE(scalar(u"SELECT count(*) FROM audit_log WHERE action = 'pricing.reprice'"_s), 1);
    }

    void rulesDialogSavesARuleThatTheRepriceOffers()
    {
        ui::PricingRulesDialog rules(*m_source, m_admin);
        rules.show();
        QVERIFY(QTest::qWaitFor([&] { return rules.isLoaded(); }, 5000));
        rules.newRule();
        rules.form().nameField().setText(u"游戏点卡"_s);
        rules.form().kindField().setCurrentIndex(2); // template: below 10 +8 %, others +3 %, ends in 8
        QVERIFY(rules.form().trialResult().text().contains(u"10.38"_s)); // 10.00 × 1.03 = 10.30 -> ends in 8
        rules.saveRule();
        QVERIFY(QTest::qWaitFor([&] { return rules.ruleList().count() == 1; }, 5000));
        QVERIFY(rules.lastError().isEmpty());
        if (const QString shot = qEnvironmentVariable("CARDOPS_SHOT_RULES"); !shot.isEmpty())
            QVERIFY(rules.grab().save(shot));

        auto dialog = openDialog({m_ids[1]});
        QVERIFY(dialog);
        const int index = dialog->ruleChoice().findText(u"游戏点卡"_s);
        QVERIFY(index >= 0);
        dialog->ruleChoice().setCurrentIndex(index);
        // 95.20 at this point is 99.96 (staged above); the template: 95.20 × 1.03 = 98.056 -> 98.06 -> 98.08.
        QCOMPARE(dialog->model().index(0, Model::Price).data().toString(), u"99.96 → 98.08"_s);
    }

    void upstreamChangesAreListedAndHandled()
    {
        auto inserted =
            m_db->writer()
                .submit(u"test"_s,
                        [this](storage::WriteContext& ctx) -> core::Result<void> {
                            auto r = ctx.exec(
                                u"INSERT INTO pricing_alerts (goods_id, reason, action, supplier_id, "
                                u"product_id, old_cost, new_cost, old_on_sale, new_on_sale, price, "
                                u"suggested, created_at, updated_at) VALUES (?, 'cost', 'alert', "
                                u"'fulu-main', '20001234', 952000, 980000, 1, 1, 999600, 1009400, ?, ?)"_s,
                                {m_ids[1], ctx.nowSeconds(), ctx.nowSeconds()});
                            if (!r)
                                return r.error();
                            return ctx.addToCounter(u"pricing_alerts"_s, 1);
                        })
                .result();
        QVERIFY(inserted.ok());
        ui::PricingRulesDialog rules(*m_source, m_admin);
        rules.showAlerts();
        rules.show();
        QVERIFY(QTest::qWaitFor([&] { return rules.isLoaded(); }, 5000));
        QCOMPARE(rules.alertTable().rowCount(), 1);
        QVERIFY(rules.alertTable().item(0, 3)->text().endsWith(u"95.20 → 98.00"_s));
        QCOMPARE(rules.alertTable().item(0, 5)->text(), u"100.94"_s);
        if (const QString shot = qEnvironmentVariable("CARDOPS_SHOT_ALERTS"); !shot.isEmpty())
            QVERIFY(rules.grab().save(shot));
        rules.alertTable().selectRow(0);
        rules.acknowledgeSelected();
        QVERIFY(QTest::qWaitFor([&] { return rules.alertTable().rowCount() == 0; }, 5000));
        QCOMPARE(scalar(u"SELECT value FROM counters WHERE name = 'pricing_alerts'"_s), 0);
        rules.showHandled().setChecked(true);
        QVERIFY(QTest::qWaitFor([&] { return rules.alertTable().rowCount() == 1; }, 5000));
    }
};

QTEST_MAIN(TstRepriceDialog)
#include "tst_repricedialog.moc"
