#include "core/clock.h"
#include "fakebackend.h"
#include "models/datasource.h"
#include "storage/database.h"
#include "storage/databasewriter.h"
#include "storage/finance.h"
#include "storage/operatorrepository.h"
#include "storage/platformcache.h"
#include "storage/supply.h"
#include "storage/writecontext.h"
#include "ui/financepage.h"
#include "ui/financepanels.h"
#include "ui/style.h"

#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTranslator>
#include <QtTest>

using namespace cardops;
using namespace Qt::StringLiterals;
using core::Money;
namespace fin = storage::finance;
namespace pc = storage::platformcache;

namespace {

constexpr qint64 A0 = 1791129600; // 2026-10-05 00:00 Asia/Shanghai
constexpr qint64 DayA = 20731;
constexpr qint64 Hour = 3600;
constexpr qint64 Nov10 = 1794283200; // 2026-11-10 12:00 Asia/Shanghai

qint64 yuan(qint64 y)
{
    return y * 10000;
}

core::Order order(qint64 id, qint64 at, qint64 paid, qint64 cost)
{
    core::Order o;
    o.id = id;
    o.orderNo = u"20261005%1"_s.arg(id, 6, 10, QLatin1Char('0'));
    o.memberId = 11;
    o.goodsId = 3;
    o.quantity = 1;
    o.paidAmount = o.amount = o.unitPrice = Money::fromUnits(paid);
    o.costAtOrder = Money::fromUnits(cost);
    o.payChannel = u"alipay"_s;
    o.status = u"delivered"_s;
    o.createdAt = at;
    o.paidAt = at + 10;
    o.deliveredAt = at + 20;
    o.version = 1;
    o.updatedAt = at;
    return o;
}

core::DailyTotal total(const QString& day, qint64 orders, qint64 gmv)
{
    core::DailyTotal t;
    t.day = day;
    t.orders = orders;
    t.gmv = Money::fromUnits(gmv);
    return t;
}

// Two orders on 2026-10-05 (150.00), the platform says 3 orders; a balance drop of 50.00 with no
// purchase; no commissions due (an empty ladder).
core::Result<void> fill(storage::WriteContext& ctx)
{
    if (auto x =
            ctx.exec(u"INSERT INTO members (id, name, kind, parent_id, tier_id, registered_at, contact, "
                     u"balance, tags, version, updated_at) VALUES (11, '王小明', 'consumer', 0, 1, ?, '', 0, "
                     u"'[]', 1, ?)"_s,
                     {A0 - 1000, A0 - 1000});
        !x)
        return x.error();
    if (auto x = ctx.exec(u"INSERT INTO member_history VALUES (11, ?, 1, 0)"_s, {A0 - 1000}); !x)
        return x.error();
    core::Tier t;
    t.id = t.rank = 1;
    t.name = u"T1"_s;
    t.discount = core::Rate::fromPpm(1'000'000);
    t.commissionRates = "[]";
    t.upgrade = "{}";
    t.version = 1;
    core::TierLadder ladder;
    ladder.version = 1;
    ladder.tiers = {t};
    if (auto x = pc::replaceTiers(ctx, ladder); !x)
        return x.error();
    if (auto x = pc::ingestOrders(
            ctx, {order(1, A0 + 9 * Hour, yuan(100), yuan(90)), order(2, A0 + 10 * Hour, yuan(50), yuan(45))},
            {core::Feed::Orders, u"o1"_s, false, false, {}});
        !x)
        return x.error();
    if (auto x = pc::storeDailyTotals(ctx, {total(u"2026-10-05"_s, 3, yuan(150))}); !x)
        return x;
    if (auto x = storage::supply::recordBalance(ctx, u"fulu"_s, u"fulu"_s, yuan(1000), u"商户"_s, A0 + Hour);
        !x)
        return x;
    return storage::supply::recordBalance(ctx, u"fulu"_s, u"fulu"_s, yuan(950), u"商户"_s, A0 + 2 * Hour);
}

// The helper's dict file (a Python dict literal of "English": "中文") as a translator, for the
// screenshot only: the new strings are not in the .ts file yet.
class DictTranslator : public QTranslator
{
public:
    bool load(const QString& path)
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return false;
        static const QRegularExpression pair(uR"re("((?:[^"\\]|\\.)*)":\s*"((?:[^"\\]|\\.)*)")re"_s);
        const QString text = QString::fromUtf8(file.readAll());
        for (auto it = pair.globalMatch(text); it.hasNext();) {
            const auto m = it.next();
            m_map.insert(unescape(m.captured(1)), unescape(m.captured(2)));
        }
        return !m_map.isEmpty();
    }
    bool isEmpty() const override { return m_map.isEmpty(); }
    QString translate(const char*, const char* source, const char*, int n) const override
    {
        QString out = m_map.value(QString::fromUtf8(source));
        if (n >= 0)
            out.replace(u"%n"_s, QString::number(n));
        return out;
    }

private:
    static QString unescape(QString s) { return s.replace(u"\\n"_s, u"\n"_s).replace(u"\\\""_s, u"\""_s); }
    QHash<QString, QString> m_map;
};

class ActorBackend : public FakeBackend
{
public:
    core::Actor acting;
    core::Actor actor() const override { return acting; }
};

bool waitFinished(ui::FinancePanel& panel)
{
    QSignalSpy done(&panel, &ui::FinancePanel::finished);
    return done.wait(10'000);
}

int rowOf(QStandardItemModel* model, const QString& first)
{
    for (int r = 0; r < model->rowCount(); ++r)
        if (model->item(r, 0)->text() == first)
            return r;
    return -1;
}

} // namespace

// 财务 offscreen: the tabs load on the loader thread, a difference row shows its kind, the kind
// filter, the clean state, the CSV export, and a month close that asks first.
class TestFinancePage : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    core::ManualClock m_clock{Nov10 * 1000};
    std::unique_ptr<storage::Database> m_db;
    std::unique_ptr<models::DataSource> m_source;
    ActorBackend m_backend;

private Q_SLOTS:
    void initTestCase()
    {
        ui::applyStyle(*qApp);
        const QString path = m_dir.filePath(u"cache.db"_s);
        auto db = storage::Database::open(path, m_clock);
        QVERIFY(db.ok());
        m_db = std::move(db).value();
        auto filled = m_db->writer().submit(u"test"_s, fill).result();
        QVERIFY2(filled.ok(), qPrintable(filled.ok() ? QString() : filled.error().detail));
        m_source = std::make_unique<models::DataSource>(path, &m_db->writer());
        storage::ReadSession read(*m_db);
        m_backend.acting = *storage::OperatorRepository::actorFor(read, u"admin"_s);
    }

    void summaryTab()
    {
        ui::FinancePage page(*m_source, m_backend);
        QCOMPARE(page.tabs().count(), 3);
        QSignalSpy ready(&page, &ui::Page::ready);
        page.show(); // loads the current month by itself
        QVERIFY(ready.wait(10'000));
        ui::FinanceSummaryPanel& panel = page.summary();
        panel.range().setRange(DayA, DayA + 1);
        page.runCurrent(); // what F5 does
        QVERIFY(waitFinished(panel));
        QStandardItemModel* model = panel.model();
        QCOMPARE(model->rowCount(), 3); // two days and the totals row
        QCOMPARE(model->item(0, 0)->text(), u"2026-10-05"_s);
        QCOMPARE(model->item(0, 1)->text(), u"2"_s);
        QCOMPARE(model->item(0, 2)->text(), u"150.00"_s);
        QCOMPARE(model->item(0, 5)->text(), u"15.00"_s);
        QCOMPARE(model->item(2, 0)->text(), u"Total"_s);
        QVERIFY(model->item(2, 0)->font().bold());
        QCOMPARE(page.mainRows(), 3);

        const QString out = m_dir.filePath(u"summary.csv"_s);
        QVERIFY(panel.exportTo(out));
        QVERIFY(waitFinished(panel));
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF"
                                 "Day,Orders,GMV"));
        QVERIFY(bytes.contains("\r\n2026-10-05,2,150.00,135.00,0.00,15.00,0.00,0.00\r\n"));
    }

    void reconcileTab()
    {
        ui::FinancePage page(*m_source, m_backend);
        page.applyFilter(u"reconcile"_s);
        QCOMPARE(page.tabs().currentIndex(), int(ui::FinancePage::ReconcileTab));
        ui::FinanceReconcilePanel& panel = page.reconcile();
        QVERIFY(waitFinished(panel)); // opened through a filter, the tab compares at once
        panel.range().setRange(DayA, DayA);
        panel.run();
        QVERIFY(waitFinished(panel));
        ui::DifferenceView& platform = panel.platformView();
        QVERIFY(!platform.isCleanShown());
        QCOMPARE(platform.model()->rowCount(), 1);
        QCOMPARE(platform.model()->item(0, 0)->text(), u"Platform higher"_s);
        QCOMPARE(platform.model()->item(0, 0)->data(Qt::UserRole).toString(), u"platform_more"_s);
        QCOMPARE(platform.model()->item(0, 2)->text(), u"Orders"_s);
        QCOMPARE(platform.model()->item(0, 5)->text(), u"1"_s);
        ui::DifferenceView& supplier = panel.supplierView();
        QCOMPARE(supplier.model()->rowCount(), 1);
        QCOMPARE(supplier.model()->item(0, 0)->text(), u"Debit without purchase"_s);
        QCOMPARE(supplier.model()->item(0, 8)->text(), u"50.00"_s);
        // The kind filter lists each kind with its count.
        QComboBox* kinds = supplier.kindFilter();
        QCOMPARE(kinds->count(), 2);
        QCOMPARE(kinds->itemText(1), u"Debit without purchase (1)"_s);
        kinds->setCurrentIndex(1);
        QCOMPARE(supplier.proxy()->rowCount(), 1);
        QVERIFY(panel.commissionView().isCleanShown());
        QCOMPARE(panel.views().tabText(0), u"Platform daily totals (1)"_s);

        // A day with nothing on either side: 无差异 with what was compared.
        panel.range().setRange(DayA + 10, DayA + 10);
        panel.run();
        QVERIFY(waitFinished(panel));
        QVERIFY(platform.isCleanShown());
        QVERIFY(supplier.isCleanShown());
        QVERIFY(panel.lastMessage().contains(u"no differences"_s));

        panel.range().setRange(DayA, DayA);
        panel.run();
        QVERIFY(waitFinished(panel));
        panel.views().setCurrentIndex(1);
        const QString out = m_dir.filePath(u"suppliers.csv"_s);
        QVERIFY(panel.exportTo(out));
        QVERIFY(waitFinished(panel));
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().contains(
            "Debit without purchase,debit_without_purchase,\tfulu,2026-10-05,2026-10-05 01:00:00,"
            "2026-10-05 02:00:00,0,0.00,50.00,50.00\r\n"));
    }

    void monthCloseAsksFirst()
    {
        ui::FinanceMonthPanel panel(*m_source, m_backend.acting);
        panel.setNow([] { return Nov10; });
        QStringList asked;
        bool answer = false;
        panel.setConfirm([&](const QString& title, const QString& text) {
            asked << title + u"|"_s + text;
            return answer;
        });
        panel.run();
        QVERIFY(waitFinished(panel));
        const int october = rowOf(panel.monthsModel(), u"2026-10"_s);
        QVERIFY(october >= 0);
        QCOMPARE(panel.monthsModel()->item(october, 1)->text(), u"Open"_s);
        QCOMPARE(panel.monthsModel()->item(october, 3)->text(), u"150.00"_s);
        panel.monthsView()->selectRow(october);
        panel.closeSelected();
        QCOMPARE(asked.size(), 1);
        QVERIFY(asked[0].startsWith(u"Close 2026-10|Close 2026-10?"_s));
        QVERIFY(asked[0].contains(u"2 orders, GMV 150.00"_s));
        QCOMPARE(m_db->writer()
                     .submit<qint64>(u"count"_s,
                                     [](storage::WriteContext& ctx) -> core::Result<qint64> {
                                         auto r = ctx.select(u"SELECT count(*) FROM month_closes"_s);
                                         if (!r)
                                             return r.error();
                                         return r->first().value(0).toLongLong();
                                     })
                     .result()
                     .value(),
                 0);

        answer = true;
        panel.closeSelected();
        QVERIFY(waitFinished(panel)); // closed, then the list reloads
        const int closed = rowOf(panel.monthsModel(), u"2026-10"_s);
        QCOMPARE(panel.monthsModel()->item(closed, 1)->text(), u"Closed"_s);
        QCOMPARE(panel.monthsModel()->item(closed, 8)->text(), u"admin"_s);
        QVERIFY(panel.lastMessage().contains(u"2026-10 is closed"_s));
        // A second close is refused with a clear message.
        panel.monthsView()->selectRow(closed);
        panel.closeSelected();
        QCOMPARE(asked.size(), 2); // no new question
        QVERIFY(panel.lastMessage().contains(u"already closed"_s));
    }

    // The reconciliation view for the docs: FINANCE_SHOT_DB names a generated cache (cardops-cli
    // generate, a few differences put in with sqlite3), FINANCE_SHOT_DICT the helper's dict file.
    void screenshot()
    {
        const QString db = qEnvironmentVariable("FINANCE_SHOT_DB");
        if (db.isEmpty())
            QSKIP("FINANCE_SHOT_DB not set");
        QTranslator shipped; // the strings already translated (FINANCE_SHOT_QM), then the dict file
        if (shipped.load(qEnvironmentVariable("FINANCE_SHOT_QM")))
            qApp->installTranslator(&shipped);
        DictTranslator dict;
        if (dict.load(qEnvironmentVariable("FINANCE_SHOT_DICT")))
            qApp->installTranslator(&dict);
        models::DataSource source(db, nullptr);
        ui::FinancePage page(source, m_backend);
        page.resize(1280, 720);
        page.applyFilter(u"reconcile"_s);
        page.show();
        ui::FinanceReconcilePanel& panel = page.reconcile();
        panel.range().setRange(DayA + 27, DayA + 55);
        panel.run();
        QVERIFY(waitFinished(panel));
        for (int i = 0; i < 3; ++i) {
            panel.views().setCurrentIndex(i);
            QTest::qWait(100); // let the layouts settle
            QVERIFY(page.grab().save(
                u"/tmp/notes/shot-finance%1.png"_s.arg(i == 0 ? QString() : QString::number(i))));
        }
        panel.views().setCurrentIndex(0);
        page.applyFilter(u"summary"_s);
        page.summary().range().setRange(DayA + 45, DayA + 55);
        page.summary().run();
        QVERIFY(waitFinished(page.summary()));
        QTest::qWait(100);
        QVERIFY(page.grab().save(u"/tmp/notes/shot-finance-summary.png"_s));
        page.applyFilter(u"months"_s);
        QVERIFY(waitFinished(page.months()));
        QTest::qWait(100);
        QVERIFY(page.grab().save(u"/tmp/notes/shot-finance-months.png"_s));
        qApp->removeTranslator(&dict);
        qApp->removeTranslator(&shipped);
    }
};

QTEST_MAIN(TestFinancePage)
#include "tst_financepage.moc"
