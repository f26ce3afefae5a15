#include "../storage/cachefixture.h"
#include "fakebackend.h"
#include "models/datasource.h"
#include "models/memberdeskbackend.h"
#include "storage/enterprisebatches.h"
#include "storage/platformcache.h"
#include "ui/batchorderdialog.h"
#include "ui/contractpricesdialog.h"
#include "ui/withdrawalspanel.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>

using namespace cardops;
using namespace Qt::StringLiterals;

// A platform that creates every order except for accounts starting with "139" (refused), and
// decides withdrawals by answering what it is told.
class FakeDesk : public models::MemberDeskBackend
{
public:
    using MemberDeskBackend::MemberDeskBackend;
    qint64 nextOrder = 5000;
    QList<QByteArray> keys;
    QString decisionError;
    QList<qint64> decided;

    bool canAct(QString*) const override { return true; }
    bool mayDecideWithdrawals(QString*) const override { return true; }
    void decideWithdrawal(qint64 id, bool, const QString&, QObject*,
                          std::function<void(QString)> done) override
    {
        decided << id;
        done(decisionError);
    }
    void createOrder(const models::OrderRequest& request, const QByteArray& key, QObject*,
                     std::function<void(models::OrderOutcome)> done) override
    {
        keys << key;
        models::OrderOutcome o;
        if (request.chargeAccount.startsWith(u"139"_s)) {
            o.error = u"The platform refused the line (charge_account)."_s;
        } else {
            o.orderId = ++nextOrder;
            o.orderNo = u"2026112900000%1"_s.arg(o.orderId);
        }
        done(o);
    }
};

class DeskBackend : public FakeBackend
{
public:
    using FakeBackend::FakeBackend;
    FakeDesk* desk = nullptr;
    core::Actor who;
    models::MemberDeskBackend* memberDesk() override { return desk; }
    core::Actor actor() const override { return who; }
};

class TstBatchOrderDialog : public QObject
{
    Q_OBJECT

    std::unique_ptr<cachefixture::Cache> cache;
    std::unique_ptr<models::DataSource> source;
    std::unique_ptr<DeskBackend> backend;
    std::unique_ptr<FakeDesk> desk;

    QString cell(QTableWidget& t, int row, int column) const
    {
        return t.item(row, column) ? t.item(row, column)->text() : QString();
    }

    void shoot(QWidget& w, const QString& name)
    {
        if (!QDir(u"/tmp/notes"_s).exists())
            return;
        w.grab().save(u"/tmp/notes/"_s + name);
    }

private Q_SLOTS:
    void init()
    {
        cache = std::make_unique<cachefixture::Cache>();
        QVERIFY(cache->open());
        core::Member m = cachefixture::member(7, 1);
        m.name = u"华东采购中心"_s;
        m.kind = u"enterprise"_s;
        m.registeredAt = 1'750'000'000;
        core::Member agent = cachefixture::member(8, 1);
        agent.name = u"李代理"_s;
        agent.kind = u"agent"_s;
        agent.balance = core::Money::fromYuan(320);
        core::Goods g = cachefixture::goods(3, 1);
        g.kind = u"direct"_s;
        g.name = u"移动话费直充 100元"_s;
        g.contractPrices = R"([{"member_id":7,"price":"95.1234"}])";
        QVERIFY(cache->run<storage::IngestStats>([=](storage::WriteContext& ctx) {
            return storage::platformcache::ingestMembers(
                ctx, {m, agent}, {core::Feed::Members, u"1"_s, false, false, QString()});
        }));
        QVERIFY(cache->run<storage::IngestStats>([=](storage::WriteContext& ctx) {
            return storage::platformcache::ingestGoods(ctx, {g},
                                                       {core::Feed::Goods, u"1"_s, false, false, QString()});
        }));
        QList<core::Withdrawal> ws;
        for (int i = 1; i <= 3; ++i) {
            core::Withdrawal w;
            w.id = i;
            w.memberId = 8;
            w.amount = core::Money::fromYuan(100 * i);
            w.status = i == 1 ? u"approved"_s : u"pending"_s;
            w.createdAt = 1'764'000'000 + i * 3600;
            w.decidedAt = i == 1 ? 1'764'100'000 : 0;
            w.version = 1;
            ws << w;
        }
        QVERIFY(cache->run<storage::IngestStats>([=](storage::WriteContext& ctx) {
            return storage::platformcache::ingestWithdrawals(
                ctx, ws, {core::Feed::Withdrawals, u"1"_s, false, false, QString()});
        }));
        source = std::make_unique<models::DataSource>(cache->db_->path(), &cache->db_->writer());
        desk = std::make_unique<FakeDesk>();
        backend = std::make_unique<DeskBackend>();
        backend->desk = desk.get();
        backend->who = cache->admin_;
    }

    void previewAndResults()
    {
        ui::BatchOrderDialog dialog(*source, *backend, 7);
        dialog.setGoods(3);
        QTRY_VERIFY(dialog.isPriced());
        QVERIFY(dialog.priceLabel().text().contains(u"95.1234"_s));
        dialog.setText(u"13800000001\n\n13900000002,2\n,3\n13800000001\n13800000003,x\n13800000004,2000\n"_s);
        QTableWidget& t = dialog.preview();
        QCOMPARE(t.rowCount(), 6);
        // Line numbers as in the paste (the blank line 2 is skipped), the member's contract price.
        QCOMPARE(cell(t, 0, 0), u"1"_s);
        QCOMPARE(cell(t, 1, 0), u"3"_s);
        QCOMPARE(cell(t, 1, 3), u"95.1234"_s);
        QCOMPARE(cell(t, 1, 4), u"190.25"_s); // 95.1234 × 2 = 190.2468 → 190.25
        QVERIFY(cell(t, 0, 5).isEmpty());
        QVERIFY(cell(t, 2, 5).contains(u"empty"_s));  // line 4
        QVERIFY(cell(t, 3, 5).contains(u"line 1"_s)); // line 5: duplicate of line 1
        QVERIFY(cell(t, 4, 5).contains(u"\"x\""_s));  // line 6
        QVERIFY(cell(t, 5, 5).contains(u"limit"_s));  // line 7
        QVERIFY2(dialog.totals().text().contains(u"3 line"_s), qPrintable(dialog.totals().text()));
        QVERIFY(
            dialog.totals().text().contains(u"380.49"_s)); // 95.12 + 190.25 + 95.12 (the accepted duplicate)
        // A warning must be accepted before anything is created.
        QVERIFY(!dialog.acceptWarnings().isHidden());
        QVERIFY(!dialog.createButton().isEnabled());
        dialog.acceptWarnings().setChecked(true);
        QVERIFY(dialog.createButton().isEnabled());

        dialog.show();
        shoot(dialog, u"shot-batchorder.png"_s);

        QSignalSpy done(&dialog, &ui::BatchOrderDialog::runFinished);
        dialog.createNow();
        QVERIFY(done.wait(10000));
        QCOMPARE(done.first().at(0).toInt(), 2); // created
        QCOMPARE(done.first().at(1).toInt(), 1); // failed: 139…
        QCOMPARE(done.first().at(2).toInt(), 0);
        QCOMPARE(desk->keys.size(), 3);
        const QByteArray prefix = "batch-" + QByteArray::number(dialog.batchId()) + '-';
        QCOMPARE(desk->keys, (QList<QByteArray>{prefix + "1", prefix + "3", prefix + "5"}));
        QCOMPARE(cell(t, 0, 6), u"order 20261129000005001"_s);
        QVERIFY(cell(t, 1, 6).contains(u"refused"_s));
        QCOMPARE(cell(t, 3, 6), u"order 20261129000005002"_s);
        QVERIFY(cell(t, 2, 6).isEmpty());            // blocked: never sent
        QVERIFY(!dialog.createButton().isEnabled()); // the batch exists: never created twice
        QCOMPARE(backend->syncRequests, 1);
        storage::ReadSession read(*cache->db_);
        const auto saved = storage::enterprisebatches::batch(read, dialog.batchId()).value();
        QCOMPARE(saved.lines.size(), 3);
        QCOMPARE(saved.lines.at(0).orderId, 5001);
        QCOMPARE(saved.lines.at(1).state, u"failed"_s);
        shoot(dialog, u"shot-batchorder-result.png"_s);
    }

    void continuesAnEarlierBatch()
    {
        const core::Actor admin = cache->admin_;
        const qint64 id = cache
                              ->run<qint64>([=](storage::WriteContext& ctx) {
                                  return storage::enterprisebatches::create(
                                      ctx, admin, 7, 3, u"balance"_s, QString(),
                                      {{2, u"13800000007"_s, 1}, {4, u"13800000008"_s, 2}});
                              })
                              .value();
        ui::BatchOrderDialog dialog(*source, *backend, 7);
        QTRY_COMPARE(dialog.openBatch(), id);
        QVERIFY(!dialog.continueButton().isHidden());
        QSignalSpy done(&dialog, &ui::BatchOrderDialog::runFinished);
        dialog.continueNow();
        QVERIFY(done.wait(10000));
        QCOMPARE(done.first().at(0).toInt(), 2);
        const QByteArray prefix = "batch-" + QByteArray::number(id) + '-';
        QCOMPARE(desk->keys, (QList<QByteArray>{prefix + "2", prefix + "4"}));
        QVERIFY(dialog.continueButton().isHidden());
    }

    void withdrawalsPanel()
    {
        ui::WithdrawalsPanel panel(*source, *backend, nullptr);
        panel.resize(980, 420);
        QTRY_VERIFY(panel.isLoaded());
        QCOMPARE(panel.table().rowCount(), 2); // pending only, oldest first
        QCOMPARE(cell(panel.table(), 0, 0), u"2"_s);
        QCOMPARE(cell(panel.table(), 1, 0), u"3"_s);
        QTRY_VERIFY(panel.contextName().text().contains(u"李代理"_s));
        QVERIFY(panel.approveButton().isEnabled());
        panel.show();
        QTRY_VERIFY(!panel.contextName().text().isEmpty());
        QTest::qWait(200);
        shoot(panel, u"shot-withdrawals.png"_s);

        QSignalSpy member(&panel, &ui::WithdrawalsPanel::openMember);
        Q_EMIT panel.table().cellDoubleClicked(0, 1);
        QCOMPARE(member.size(), 1);
        QCOMPARE(member.first().first().toLongLong(), 8);

        desk->decisionError = u"This request was already approved on the platform; nothing was changed."_s;
        panel.decideSelected(false, u"信息不符"_s);
        QCOMPARE(desk->decided, (QList<qint64>{2}));
        QTRY_VERIFY(panel.lastResult().text().contains(u"already approved"_s));
        // The 已处理 filter lists the decided one.
        panel.filter().setCurrentIndex(1);
        QTRY_COMPARE(panel.table().rowCount(), 1);
        QCOMPARE(cell(panel.table(), 0, 0), u"1"_s);
        QVERIFY(!panel.approveButton().isEnabled());
    }

    void contractPrices()
    {
        ui::ContractPricesDialog dialog(*source, *backend, 7);
        QSignalSpy loaded(&dialog, &ui::ContractPricesDialog::loaded);
        QVERIFY(loaded.wait(5000));
        QCOMPARE(dialog.table().rowCount(), 1);
        QCOMPARE(cell(dialog.table(), 0, 1), u"98.50"_s);
        QCOMPARE(cell(dialog.table(), 0, 3), u"95.12"_s);
        QVERIFY(cell(dialog.table(), 0, 4).startsWith(u"-0.08"_s)); // 95.1234 − 95.20 cost
        dialog.resize(760, 320);
        dialog.show();
        shoot(dialog, u"shot-contractprices.png"_s);
        QSignalSpy staged(&dialog, &ui::ContractPricesDialog::staged);
        dialog.stage(3, u"96.00"_s);
        QVERIFY(staged.wait(5000));
        QVERIFY(staged.first().first().toBool());
        QCOMPARE(cache->scalar(u"SELECT contract_prices FROM goods WHERE id = 3"_s).toString(),
                 u"[{\"member_id\":7,\"price\":\"96.0000\"}]"_s);
        QCOMPARE(
            cache->scalar(u"SELECT COUNT(*) FROM outbox WHERE entity = 'goods' AND entity_id = 3"_s).toInt(),
            1);
    }

    void withoutDeskEverythingIsOff()
    {
        backend->desk = nullptr;
        ui::WithdrawalsPanel panel(*source, *backend, nullptr);
        QTRY_VERIFY(panel.isLoaded());
        QVERIFY(!panel.approveButton().isEnabled());
        QVERIFY(!panel.notice().text().isEmpty());
        ui::BatchOrderDialog dialog(*source, *backend, 7);
        dialog.setGoods(3);
        QTRY_VERIFY(dialog.isPriced());
        dialog.setText(u"13800000001"_s);
        QVERIFY(!dialog.createButton().isEnabled());
        QVERIFY(!dialog.status().text().isEmpty());
    }

    // The platform connects after the console is built: the panel follows without a restart.
    void connectingLaterEnablesTheDecisions()
    {
        FakeDesk* connected = backend->desk;
        backend->desk = nullptr;
        ui::WithdrawalsPanel panel(*source, *backend, nullptr);
        QTRY_VERIFY(panel.isLoaded());
        QVERIFY(!panel.approveButton().isEnabled());
        backend->desk = connected;
        Q_EMIT backend->orderActionsChanged();
        QVERIFY(panel.notice().isHidden());
        QVERIFY(panel.approveButton().isEnabled());
    }
};

QTEST_MAIN(TstBatchOrderDialog)
#include "tst_batchorderdialog.moc"
