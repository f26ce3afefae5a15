#include "../models/generatedcache.h"
#include "core/clock.h"
#include "fakebackend.h"
#include "models/datasource.h"
#include "models/fulfilmentcontrol.h"
#include "models/fulfilmentmodels.h"
#include "storage/database.h"
#include "storage/databasewriter.h"
#include "storage/fulfilments.h"
#include "storage/writecontext.h"
#include "ui/fulfilmentpage.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QPushButton>
#include <QTabWidget>
#include <QTranslator>
#include <QtTest>

using namespace cardops;
using namespace Qt::StringLiterals;

namespace {

// The console's fulfilment as the page sees it, driven by the test.
class FakeControl : public models::FulfilmentControl
{
public:
    models::FulfilmentStatus state;
    int starts = 0;
    int stops = 0;
    models::FulfilmentStatus status() const override { return state; }
    void start() override
    {
        ++starts;
        state.running = true;
        Q_EMIT changed();
    }
    void stop() override
    {
        ++stops;
        state.running = false;
        Q_EMIT changed();
    }
};

class Backend : public FakeBackend
{
public:
    FakeControl control;
    models::FulfilmentControl* fulfilment() override { return &control; }
};

} // namespace

// The 履约 page over a generated cache with worker records: the lease holder and this console's
// state in words, start/stop through the control, the worker's last records (decision, rule and
// version, progress, reason) in Chinese, the tabs a filter opens.
class TestFulfilmentPage : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_path;
    core::SystemClock m_clock;
    std::unique_ptr<storage::Database> m_db;
    std::unique_ptr<models::DataSource> m_source;
    QTranslator m_translator;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_translator.load(u":/i18n/cardops_zh_CN"_s));
        QCoreApplication::installTranslator(&m_translator);
        m_path = generatedcache::build(m_dir, 300);
        QVERIFY(!m_path.isEmpty());
        m_db = storage::Database::open(m_path, m_clock).value();
        m_source = std::make_unique<models::DataSource>(m_path, &m_db->writer());
        // Three records: delivered by default, held by a rule, buying after a stock shortage.
        auto written =
            m_db->writer().submit(u"test.records"_s, [](storage::WriteContext& ctx) -> core::Result<void> {
                core::Decision deliver;
                deliver.ruleSetVersion = 3;
                core::Decision review;
                review.action = core::DecisionAction::Review;
                review.reasonCode = u"big_order"_s;
                review.firedRuleId = u"big"_s;
                review.ruleSetVersion = 3;
                namespace st = storage::fulfilmentstep;
                for (const auto& [id, decision] :
                     {std::pair{1000001LL, deliver}, std::pair{1000002LL, review},
                      std::pair{1000003LL, deliver}})
                    if (auto r = storage::fulfilments::recordDecision(ctx, id, decision, u"console-a"_s); !r)
                        return r;
                if (auto r = storage::fulfilments::advance(ctx, 1000001, st::Decided, {st::Done, {}, {}, {}});
                    !r)
                    return r;
                if (auto r =
                        storage::fulfilments::advance(ctx, 1000002, st::Holding, {st::Review, {}, {}, {}});
                    !r)
                    return r;
                return storage::fulfilments::advance(ctx, 1000003, st::Decided,
                                                     {st::Purchasing, {}, {}, u"stock_short"_s});
            });
        written.waitForFinished();
        QVERIFY(written.result().ok());
    }

    void theWorkerTabShowsWhoFulfilsAndWhatWasDone()
    {
        Backend backend;
        backend.control.state.available = true;
        backend.control.state.holderId = u"console-a"_s;
        backend.control.state.leaseHolder = u"serve-box-shop"_s;
        backend.control.state.leaseExpiresAt = QDateTime::currentSecsSinceEpoch() + 60;
        ui::FulfilmentPage page(*m_source, backend);
        page.show();
        QVERIFY(page.statusText().contains(u"serve-box-shop"_s));
        QVERIFY(page.statusText().contains(u"未在履约"_s));
        QCOMPARE(page.startStop().text(), u"开始履约"_s);

        models::RecentFulfilmentsModel& recent = page.recent();
        QAbstractItemModelTester tester(&recent, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_COMPARE_WITH_TIMEOUT(recent.rowCount(), 3, 10'000);
        QHash<qint64, int> rowOf;
        for (int r = 0; r < recent.rowCount(); ++r)
            rowOf.insert(recent.entry(r).record.orderId, r);
        using M = models::RecentFulfilmentsModel;
        const auto cell = [&](qint64 order, int column) {
            return recent.data(recent.index(rowOf.value(order), column)).toString();
        };
        QCOMPARE(cell(1000001, M::Step), u"已发货"_s);
        QCOMPARE(cell(1000001, M::Rule), u"默认 · 第 3 版"_s);
        QCOMPARE(cell(1000002, M::Decision), u"审核"_s);
        QCOMPARE(cell(1000002, M::Rule), u"big · 第 3 版"_s);
        QCOMPARE(cell(1000002, M::Reason), u"big_order"_s);
        QCOMPARE(cell(1000003, M::Step), u"向货源采购中"_s);
        QCOMPARE(cell(1000003, M::Reason), u"平台库存不足：正向货源采购"_s);
        QVERIFY(!cell(1000001, M::Order).isEmpty());
    }

    void startAndStopGoThroughTheControl()
    {
        Backend backend;
        backend.control.state.available = true;
        backend.control.state.holderId = u"console-a"_s;
        ui::FulfilmentPage page(*m_source, backend);
        page.startStop().click();
        QCOMPARE(backend.control.starts, 1);
        QCOMPARE(page.startStop().text(), u"停止履约"_s);
        page.startStop().click();
        QCOMPARE(backend.control.stops, 1);
        QCOMPARE(page.startStop().text(), u"开始履约"_s);
        // Without a platform the button is off and says why.
        backend.control.state.available = false;
        Q_EMIT backend.control.changed();
        QVERIFY(!page.startStop().isEnabled());
        QVERIFY(page.statusText().contains(u"尚未连接平台"_s));
    }

    void aFilterOpensItsTab()
    {
        Backend backend;
        ui::FulfilmentPage page(*m_source, backend);
        page.applyFilter(u"review"_s);
        QCOMPARE(page.tabs().currentIndex(), int(ui::FulfilmentPage::ReviewTab));
        page.applyFilter(u"rules"_s);
        QCOMPARE(page.tabs().currentIndex(), int(ui::FulfilmentPage::RulesTab));
        page.applyFilter(u"blacklist"_s);
        QCOMPARE(page.tabs().currentIndex(), int(ui::FulfilmentPage::BlacklistTab));
        page.applyFilter({});
        QCOMPARE(page.tabs().currentIndex(), int(ui::FulfilmentPage::WorkerTab));
    }
};

QTEST_MAIN(TestFulfilmentPage)
#include "tst_fulfilmentpage.moc"
