#include "core/clock.h"
#include "fakebackend.h"
#include "models/commissionmodel.h"
#include "models/datasource.h"
#include "storage/database.h"
#include "storage/databasewriter.h"
#include "storage/platformcache.h"
#include "storage/writecontext.h"
#include "ui/commissionpanel.h"
#include "ui/commissionstatementdialog.h"
#include "ui/style.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QFile>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTranslator>
#include <QtTest>

using namespace cardops;
using namespace Qt::StringLiterals;
using core::Money;

namespace {

constexpr qint64 T0 = 1795000000; // 2026-11-18 19:06:40 Shanghai

core::Order order(qint64 id, qint64 buyer, qint64 at, const char* paid, const char* refunded = "0")
{
    core::Order o;
    o.id = id;
    o.orderNo = u"20261118%1"_s.arg(id, 6, 10, QLatin1Char('0'));
    o.memberId = buyer;
    o.goodsId = 3;
    o.quantity = 1;
    o.paidAmount = o.amount = o.unitPrice = *Money::parse(QString::fromLatin1(paid));
    o.refundAmount = *Money::parse(QString::fromLatin1(refunded));
    o.payChannel = u"alipay"_s;
    o.status = o.refundAmount.isZero() ? u"delivered"_s : u"refunded"_s;
    o.createdAt = at;
    o.paidAt = at + 10;
    o.deliveredAt = at + 20;
    o.version = 1;
    o.updatedAt = at;
    return o;
}

core::LedgerEntry entry(qint64 id, qint64 memberId, const char* amount, qint64 orderId, qint64 at)
{
    core::LedgerEntry e;
    e.id = id;
    e.memberId = memberId;
    e.kind = u"commission"_s;
    e.amount = *Money::parse(QString::fromLatin1(amount));
    e.orderId = orderId;
    e.createdAt = at;
    e.version = 1;
    e.updatedAt = at;
    return e;
}

// 10 (tier 4: 5%, 2%) ← 11 (tier 2: 2%, tier 3: 3% 1% from T0+500) ← 12; 13 under 20 (tier 2).
core::Result<bool> fill(storage::WriteContext& ctx)
{
    namespace pc = storage::platformcache;
    core::TierLadder ladder;
    ladder.version = 1;
    const QList<QByteArray> rates = {"[]", R"(["2%"])", R"(["3%","1%"])", R"(["5%","2%"])"};
    for (int i = 0; i < rates.size(); ++i) {
        core::Tier t;
        t.id = t.rank = i + 1;
        t.name = u"T%1"_s.arg(i + 1);
        t.discount = core::Rate::fromPpm(1'000'000);
        t.commissionRates = rates[i];
        t.upgrade = "{}";
        t.version = 1;
        ladder.tiers << t;
    }
    if (auto x = pc::replaceTiers(ctx, ladder); !x)
        return x.error();
    const QList<QList<qint64>> history = {{10, T0 - 1000, 4, 0}, {11, T0 - 900, 2, 10}, {11, T0 + 500, 3, 10},
                                          {12, T0 - 800, 1, 11}, {13, T0 - 800, 1, 20}, {20, T0 - 800, 2, 0}};
    const QStringList names = {u"星河数码"_s, u"王小明"_s, u"李雷"_s, u"韩梅梅"_s, u"卡速通"_s};
    const QList<qint64> ids = {10, 11, 12, 13, 20};
    for (qsizetype i = 0; i < ids.size(); ++i) {
        qint64 tier = 1, parent = 0;
        for (const QList<qint64>& h : history)
            if (h[0] == ids[i]) {
                tier = h[2];
                parent = h[3];
            }
        auto in = ctx.exec(
            u"INSERT INTO members (id, name, kind, parent_id, tier_id, registered_at, contact, "
            u"balance, tags, version, updated_at) VALUES (?, ?, 'agent', ?, ?, ?, '', 0, '[]', 1, ?)"_s,
            {ids[i], names[i], parent, tier, T0 - 1000, T0 - 1000});
        if (!in)
            return in.error();
    }
    for (const QList<qint64>& h : history)
        if (auto in = ctx.exec(u"INSERT INTO member_history VALUES (?, ?, ?, ?)"_s, {h[0], h[1], h[2], h[3]});
            !in)
            return in.error();
    const storage::PageCursor ordersAt{core::Feed::Orders, u"o1"_s, false, false, {}};
    if (auto x = pc::ingestOrders(ctx,
                                  {order(1, 12, T0 + 100, "100.00"), order(3, 13, T0 + 800, "50.00"),
                                   order(4, 12, T0 + 900, "20.00"), order(5, 12, T0 + 1000, "10.00"),
                                   order(6, 13, T0 + 1100, "30.00")},
                                  ordersAt);
        !x)
        return x.error();
    const storage::PageCursor ledgerAt{core::Feed::Ledger, u"l1"_s, false, false, {}};
    if (auto x =
            pc::ingestLedger(ctx,
                             {entry(101, 11, "2.00", 1, T0 + 150), entry(102, 10, "2.00", 1, T0 + 150),
                              entry(111, 11, "1.00", 3, T0 + 850), entry(112, 11, "0.60", 4, T0 + 950),
                              entry(113, 11, "0.35", 5, T0 + 1050), entry(114, 10, "0.20", 5, T0 + 1050),
                              entry(115, 20, "0.60", 6, T0 + 1150), entry(116, 10, "0.15", 6, T0 + 1150)},
                             ledgerAt);
        !x)
        return x.error();
    return true;
}

// For the screenshot only: the helper's dict file (a Python dict literal of "English": "中文")
// as a translator, since the new strings are not in the .ts file yet.
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
            m_map.insert(m.captured(1), m.captured(2));
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
    QHash<QString, QString> m_map;
};

} // namespace

// 佣金核对 offscreen: the check runs on the loader thread, the table lists the differences with
// their kinds, filters, the empty state, the CSV export and the statement dialog.
class TestCommissionPanel : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    core::ManualClock m_clock{(T0 + 5000) * 1000};
    std::unique_ptr<storage::Database> m_db;
    std::unique_ptr<models::DataSource> m_source;
    FakeBackend m_backend;

    bool check(ui::CommissionPanel& panel, qint64 from, qint64 to)
    {
        QSignalSpy done(&panel, &ui::CommissionPanel::checkFinished);
        panel.setPeriod(from, to);
        panel.runCheck();
        return done.wait(10'000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        ui::applyStyle(*qApp);
        const QString path = m_dir.filePath(u"cache.db"_s);
        auto db = storage::Database::open(path, m_clock);
        QVERIFY(db.ok());
        m_db = std::move(db).value();
        auto filled = m_db->writer().submit<bool>(u"test"_s, fill).result();
        QVERIFY2(filled.ok(), qPrintable(filled.ok() ? QString() : filled.error().detail));
        m_source = std::make_unique<models::DataSource>(path, &m_db->writer());
    }

    void runListsTheDifferences()
    {
        ui::CommissionPanel panel(*m_source, m_backend);
        QAbstractItemModelTester tester(panel.model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(panel.isEmptyStateShown()); // nothing checked yet
        // The whole days of the orders (Shanghai): 2026-11-18 … 2026-11-19.
        QVERIFY(check(panel, T0, T0 + 2000));
        QCOMPARE(panel.period().first, qint64(1794931200)); // 2026-11-18 00:00 +08:00
        QVERIFY(!panel.isEmptyStateShown());
        models::CommissionModel* model = panel.model();
        QCOMPARE(model->rowCount(), 4);
        QStringList kinds;
        for (int r = 0; r < model->rowCount(); ++r)
            kinds << model->index(r, models::CommissionModel::Kind).data().toString();
        QCOMPARE(kinds, (QStringList{u"Wrong member"_s, u"Missing"_s, u"Wrong amount"_s, u"Unexpected"_s}));
        QCOMPARE(model->index(0, models::CommissionModel::ExpectedMember).data().toString(), u"卡速通 #20"_s);
        QCOMPARE(model->index(0, models::CommissionModel::ActualMember).data().toString(), u"王小明 #11"_s);
        QCOMPARE(model->index(2, models::CommissionModel::Difference).data().toString(), u"0.05"_s);
        QCOMPARE(model->index(1, models::CommissionModel::Difference).data().toString(), u"-0.40"_s);
        QCOMPARE(model->index(3, models::CommissionModel::LedgerId).data().toString(), u"116"_s);
        QCOMPARE(model->index(1, models::CommissionModel::OrderNo).data().toString(), u"20261118000004"_s);
        QVERIFY(panel.summaryText().contains(u"expected 7.10 · credited 6.90 · difference -0.20"_s));
        QVERIFY(
            panel.summaryText().contains(u"Missing 1 · Unexpected 1 · Wrong amount 1 · Wrong member 1"_s));

        model->setKindFilter(core::DifferenceKind::Missing);
        QCOMPARE(model->rowCount(), 1);
        model->setKindFilter(std::nullopt);
        model->setAgentFilter(10);
        QCOMPARE(model->rowCount(), 2);
        model->setAgentFilter(0);

        QSignalSpy open(&panel, &ui::CommissionPanel::openOrder);
        const QModelIndex cell = panel.table()->model()->index(0, 1);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        const QPoint at = panel.table()->visualRect(cell).center();
        QTest::mouseClick(panel.table()->viewport(), Qt::LeftButton, {}, at);
        QTest::mouseDClick(panel.table()->viewport(), Qt::LeftButton, {},
                           panel.table()->visualRect(cell).center());
        QCOMPARE(open.size(), 1);
        QCOMPARE(open.first().first().toLongLong(), qint64(3));

        const QString shot = qEnvironmentVariable("CARDOPS_SHOT_COMMISSION");
        if (!shot.isEmpty()) {
            // In Chinese when the dict is given: a new panel on the same cache, checked again.
            DictTranslator zh;
            const QString dict = qEnvironmentVariable("CARDOPS_SHOT_DICT");
            if (!dict.isEmpty() && zh.load(dict))
                QCoreApplication::installTranslator(&zh);
            ui::CommissionPanel shown(*m_source, m_backend);
            QVERIFY(check(shown, T0, T0 + 2000));
            shown.resize(1100, 400);
            shown.show();
            QVERIFY(QTest::qWaitForWindowExposed(&shown));
            QVERIFY(shown.grab().save(shot));
            QCoreApplication::removeTranslator(&zh);
        }
    }

    void csvGolden()
    {
        ui::CommissionPanel panel(*m_source, m_backend);
        QVERIFY(check(panel, T0, T0 + 2000));
        QSignalSpy exported(&panel, &ui::CommissionPanel::exported);
        const QString path = m_dir.filePath(u"differences.csv"_s);
        panel.exportDifferences(path);
        QVERIFY(exported.wait(5000));
        QCOMPARE(exported.first().at(1).toString(), QString());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray golden =
            "\xEF\xBB\xBF"
            "Kind,Code,Order no.,Entry,Expected member id,Expected member,Expected,Credited member id,"
            "Credited member,Credited,Difference,Ledger id\r\n"
            "Wrong "
            "member,wrong_member,\t20261118000003,credit,\t20,卡速通,1.00,\t11,王小明,1.00,0.00,\t111\r\n"
            "Missing,missing,\t20261118000004,credit,\t10,星河数码,0.40,,,,-0.40,\r\n"
            "Wrong "
            "amount,wrong_amount,\t20261118000005,credit,\t11,王小明,0.30,\t11,王小明,0.35,0.05,\t113\r\n"
            "Unexpected,unexpected,\t20261118000006,credit,,,,\t10,星河数码,0.15,0.15,\t116\r\n";
        QCOMPARE(file.readAll(), golden);
    }

    void emptyState()
    {
        ui::CommissionPanel panel(*m_source, m_backend);
        QVERIFY(check(panel, T0 - 10 * 86400, T0 - 5 * 86400));
        QCOMPARE(panel.model()->rowCount(), 0);
        QVERIFY(panel.isEmptyStateShown());
        QVERIFY(panel.summaryText().startsWith(u"0 orders checked"_s));
    }

    void statementDialog()
    {
        ui::CommissionStatementDialog dialog(*m_source, 11, T0, T0 + 2000);
        QSignalSpy built(&dialog, &ui::CommissionStatementDialog::built);
        dialog.build();
        QVERIFY(built.wait(5000));
        // Orders 1 (2.00), 3 (credited only), 4 (0.60), 5 (0.30 vs 0.35).
        QCOMPARE(dialog.table()->rowCount(), 4);
        QCOMPARE(dialog.table()->item(1, 7)->text(), u"1.00"_s);
        QVERIFY2(
            dialog.totalsText().startsWith(u"4 entries · expected 2.90 · credited 3.95 · difference 1.05"_s),
            qPrintable(dialog.totalsText()));
        if (const QString shot = qEnvironmentVariable("CARDOPS_SHOT_STATEMENT"); !shot.isEmpty()) {
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            QVERIFY(dialog.grab().save(shot));
        }
        QSignalSpy exported(&dialog, &ui::CommissionStatementDialog::exported);
        const QString path = m_dir.filePath(u"statement.csv"_s);
        dialog.exportTo(path);
        QVERIFY(exported.wait(5000));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().split('\n');
        QCOMPARE(lines.size(), 7); // header, 4 entries, totals, and the end after the last CRLF
        QCOMPARE(
            lines[1],
            QByteArray("\t20261118000001,2026-11-18 19:08:20,\t12,李雷,1,credit,2.00,2.00,0.00,\t101\r"));
        QCOMPARE(lines[5], QByteArray(",,,Total,,,2.90,3.95,1.05,\r"));
    }
};

QTEST_MAIN(TestCommissionPanel)
#include "tst_commissionpanel.moc"
