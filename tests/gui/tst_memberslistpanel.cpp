#include "../storage/memberfixture.h"
#include "core/rfm.h"
#include "fakebackend.h"
#include "models/datasource.h"
#include "models/listpresentation.h"
#include "models/memberdetail.h"
#include "models/membersmodel.h"
#include "storage/memberstats.h"
#include "storage/readsession.h"
#include "ui/memberdetaildialog.h"
#include "ui/memberslistpanel.h"
#include "ui/style.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QtTest>

using namespace cardops;
using namespace Qt::StringLiterals;

namespace {

// The fake console with an operator signed in.
class ActorBackend : public FakeBackend
{
public:
    core::Actor who;
    core::Actor actor() const override { return who; }
};

} // namespace

// 会员列表 and the member dialog on the hand-made cache of memberfixture.h (offscreen, English
// source texts): the model under QAbstractItemModelTester, each filter showing exactly the
// expected members, the empty state, Enter, the dialog's figures, tabs and parent link, and the
// tags edit landing in the outbox with its audit entry. With CARDOPS_MEMBER_SHOTS=DIR it also
// writes DIR/shot-members.png and DIR/shot-memberdetail.png on a generated cache.
class TstMembersListPanel : public QObject
{
    Q_OBJECT

    cachefixture::Cache m_cache;
    std::unique_ptr<models::DataSource> m_source;
    ActorBackend m_backend;

    static bool waitReady(ui::MembersListPanel& panel)
    {
        return QTest::qWaitFor([&] { return panel.isReady(); }, 10'000);
    }

    static QList<qint64> shownIds(const ui::MembersListPanel& panel)
    {
        QList<qint64> out;
        for (int row = 0; row < panel.model().rowCount(); ++row)
            out << panel.model().rowKey(row).toLongLong();
        return out;
    }

    static void choose(QComboBox& combo, const QVariant& value)
    {
        const int index = combo.findData(value);
        QVERIFY2(index >= 0, qPrintable(value.toString()));
        combo.setCurrentIndex(index);
    }

    QVariant scalar(const QString& sql, const QVariantList& binds = {}) const
    {
        return m_cache.scalar(sql, binds);
    }

private Q_SLOTS:
    void initTestCase()
    {
        ui::applyStyle(*qApp);
        QVERIFY(m_cache.open());
        auto filled = m_cache.run<bool>(memberfixture::fill);
        QVERIFY2(filled.ok(), qPrintable(filled.ok() ? QString() : filled.error().detail));
        m_source = std::make_unique<models::DataSource>(m_cache.db_->path(), &m_cache.db_->writer());
        m_backend.who = m_cache.admin_;
    }

    void filtersShowExactlyTheExpectedMembers()
    {
        ui::MembersListPanel panel(*m_source, m_backend);
        QAbstractItemModelTester tester(&panel.model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        panel.resize(1200, 600);
        panel.show();
        QVERIFY(waitReady(panel));
        QCOMPARE(panel.rows(), 6);
        QCOMPARE(shownIds(panel), (QList<qint64>{6, 5, 4, 3, 2, 1}));

        choose(panel.kindFilter(), u"consumer"_s);
        QVERIFY(waitReady(panel));
        QCOMPARE(shownIds(panel), (QList<qint64>{6, 5, 1}));
        QCOMPARE(panel.countLabel().text(), u"3 members"_s);

        panel.showKind(u"agent"_s);
        QVERIFY(waitReady(panel));
        QCOMPARE(shownIds(panel), (QList<qint64>{3, 2}));
        QCOMPARE(panel.kindFilter().currentData().toString(), u"agent"_s);

        panel.showSegment(u"high_value"_s);
        QVERIFY(waitReady(panel));
        QCOMPARE(shownIds(panel), (QList<qint64>{5, 1}));
        QCOMPARE(panel.kindFilter().currentIndex(), 0); // showSegment clears the kind
        QVERIFY(!panel.showsEmptyState());

        panel.showSegment(u"other"_s);
        QVERIFY(waitReady(panel));
        QCOMPARE(panel.rows(), 0);
        QVERIFY(panel.showsEmptyState());

        panel.showSegment(QString());
        QVERIFY(QTest::qWaitFor([&] { return panel.tagFilter().count() == 4; }, 10'000));
        QCOMPARE(panel.tagFilter().itemText(1), u"企业大客户"_s);
        choose(panel.tagFilter(), u"游戏玩家"_s);
        QVERIFY(waitReady(panel));
        QCOMPARE(shownIds(panel), (QList<qint64>{5, 2}));
        choose(panel.kindFilter(), u"consumer"_s);
        QVERIFY(waitReady(panel));
        QCOMPARE(shownIds(panel), (QList<qint64>{5}));

        panel.showKind(QString());
        QVERIFY(QTest::qWaitFor([&] { return panel.tierFilter().count() == 4; }, 10'000));
        QCOMPARE(panel.tierFilter().itemText(3), u"白银代理"_s);
        choose(panel.tierFilter(), qint64(3));
        QVERIFY(waitReady(panel));
        QCOMPARE(shownIds(panel), (QList<qint64>{6, 3}));

        panel.showKind(QString());
        panel.searchField().setText(u"张"_s);
        QTest::keyClick(&panel.searchField(), Qt::Key_Return);
        QVERIFY(waitReady(panel));
        QCOMPARE(shownIds(panel), (QList<qint64>{1}));

        // The row of member 1 as displayed.
        const auto text = [&](int column) {
            return panel.model().index(0, column).data().toString();
        };
        QCOMPARE(text(models::MembersModel::KindColumn), models::ListPresentation::memberKind(u"consumer"_s));
        QCOMPARE(text(models::MembersModel::SegmentColumn), u"High value"_s);
        QCOMPARE(text(models::MembersModel::OrdersColumn), u"3"_s);
        QCOMPARE(text(models::MembersModel::SpendColumn), u"28.33"_s);
        QCOMPARE(text(models::MembersModel::BalanceColumn), u"100.00"_s);
        QCOMPARE(text(models::MembersModel::TierColumn), u"普通会员"_s);
        QCOMPARE(text(models::MembersModel::TagsColumn), u"老客户"_s);

        // Sorting: only indexed columns.
        panel.showKind(QString());
        QVERIFY(waitReady(panel));
        panel.view().sortByColumn(models::MembersModel::IdColumn, Qt::AscendingOrder);
        QVERIFY(waitReady(panel));
        QCOMPARE(shownIds(panel), (QList<qint64>{1, 2, 3, 4, 5, 6}));
        panel.view().sortByColumn(models::MembersModel::SpendColumn, Qt::DescendingOrder);
        QVERIFY(waitReady(panel));
        QCOMPARE(shownIds(panel), (QList<qint64>{1, 2, 3, 4, 5, 6}));

        // Enter opens the current member.
        QSignalSpy activated(&panel, &ui::MembersListPanel::memberActivated);
        panel.view().setCurrentIndex(panel.model().index(3, 1));
        QTest::keyClick(&panel.view(), Qt::Key_Return);
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.first().first().toLongLong(), 4);
    }

    void detailShowsTheFigures()
    {
        auto* dialog = new ui::MemberDetailDialog(*m_source, m_backend, 1);
        QSignalSpy loaded(dialog, &ui::MemberDetailDialog::loaded);
        dialog->show();
        QVERIFY(loaded.wait(10'000));
        QCOMPARE(dialog->figureText(u"name"_s), u"张三"_s);
        QCOMPARE(dialog->figureText(u"orders"_s), u"3"_s);
        QCOMPARE(dialog->figureText(u"spend"_s), u"28.33"_s);
        QCOMPARE(dialog->figureText(u"refunds"_s), u"5.00"_s);
        QCOMPARE(dialog->figureText(u"average"_s), u"9.44"_s);
        QCOMPARE(dialog->loader().detail()->averageOrder, 94'444);
        QCOMPARE(dialog->figureText(u"rfm"_s), u"R 5 · F 4 · M 4"_s);
        QCOMPARE(dialog->figureText(u"segment"_s), u"High value"_s);
        QCOMPARE(dialog->figureText(u"balance"_s), u"100.00"_s);
        QVERIFY(dialog->figureLabel(u"segment"_s)->toolTip().contains(u"R ≥ 4, F ≥ 4 and M ≥ 4"_s));
        QCOMPARE(dialog->ordersTable().rowCount(), 5);
        QCOMPARE(dialog->ordersTable().item(0, 0)->data(Qt::UserRole).toLongLong(), 5);
        QCOMPARE(dialog->ledgerTable().rowCount(), 5);
        QCOMPARE(dialog->ledgerTable().item(0, 4)->text(), u"100.00"_s);
        QCOMPARE(dialog->ledgerTable().item(4, 4)->text(), u"150.00"_s);
        QCOMPARE(dialog->tabs().indexOf(&dialog->contractTable()), -1); // a consumer: no contract prices
        QVERIFY(!dialog->batchOrderButton().isVisibleTo(dialog));
        QCOMPARE(dialog->tagsField().text(), u"老客户"_s);

        QSignalSpy order(dialog, &ui::MemberDetailDialog::openOrder);
        Q_EMIT dialog->ordersTable().cellDoubleClicked(1, 2);
        QCOMPARE(order.count(), 1);
        QCOMPARE(order.first().first().toLongLong(), 4);
        dialog->close();
    }

    void enterpriseAndParent()
    {
        auto* four = new ui::MemberDetailDialog(*m_source, m_backend, 4);
        QSignalSpy loaded(four, &ui::MemberDetailDialog::loaded);
        four->show();
        QVERIFY(loaded.wait(10'000));
        QVERIFY(four->tabs().indexOf(&four->contractTable()) >= 0);
        QCOMPARE(four->contractTable().rowCount(), 2);
        QCOMPARE(four->contractTable().item(0, 4)->text(), u"9.5000"_s);
        QCOMPARE(four->contractTable().item(1, 4)->text(), u"97.1234"_s);
        QCOMPARE(four->figureText(u"average"_s), u"0.00"_s); // one order, fully refunded
        QCOMPARE(four->figureText(u"rfm"_s), u"Not computed yet"_s);
        QSignalSpy batch(four, &ui::MemberDetailDialog::batchOrderRequested);
        QSignalSpy prices(four, &ui::MemberDetailDialog::contractPricesRequested);
        QVERIFY(four->batchOrderButton().isVisibleTo(four));
        four->batchOrderButton().click();
        four->contractPricesButton().click();
        QCOMPARE(batch.count(), 1);
        QCOMPARE(batch.first().first().toLongLong(), 4);
        QCOMPARE(prices.count(), 1);
        four->close();

        auto* five = new ui::MemberDetailDialog(*m_source, m_backend, 5);
        QSignalSpy fiveLoaded(five, &ui::MemberDetailDialog::loaded);
        QVERIFY(fiveLoaded.wait(10'000));
        QVERIFY(five->figureText(u"parent"_s).contains(u"王五"_s));
        QSignalSpy member(five, &ui::MemberDetailDialog::openMember);
        Q_EMIT five->figureLabel(u"parent"_s)->linkActivated(u"3"_s);
        QCOMPARE(member.count(), 1);
        QCOMPARE(member.first().first().toLongLong(), 3);
        auto* tree = new QLabel(u"tree"_s);
        five->setDownlineWidget(tree);
        QCOMPARE(tree->parentWidget() != nullptr, true);
        five->close();
    }

    void tagsEditLandsInTheOutbox()
    {
        auto* dialog = new ui::MemberDetailDialog(*m_source, m_backend, 2);
        QSignalSpy loaded(dialog, &ui::MemberDetailDialog::loaded);
        dialog->show();
        QVERIFY(loaded.wait(10'000));
        QSignalSpy saved(&dialog->loader(), &models::MemberDetailLoader::tagsSaved);
        QLineEdit& tags = dialog->tagsField();
        QVERIFY(!tags.isReadOnly());
        tags.setText(u"老客户， VIP, 游戏玩家,VIP"_s);
        Q_EMIT tags.textEdited(tags.text());
        QVERIFY(dialog->saveTagsButton().isEnabled());
        QTest::keyClick(&tags, Qt::Key_Return);
        QVERIFY(saved.wait(10'000));
        QVERIFY(dialog->isVisible()); // Enter saved the tags and did not close the dialog
        QVERIFY2(saved.first().at(0).toBool(), qPrintable(saved.first().at(1).toString()));
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM outbox WHERE entity = 'members' AND entity_id = 2"_s).toInt(),
                 1);
        QCOMPARE(scalar(u"SELECT body FROM outbox WHERE entity = 'members' AND entity_id = 2"_s).toString(),
                 u"{\"tags\":[\"老客户\",\"VIP\",\"游戏玩家\"]}"_s);
        QCOMPARE(scalar(u"SELECT method FROM outbox WHERE entity = 'members' AND entity_id = 2"_s).toString(),
                 u"PATCH"_s);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM audit_log WHERE action = 'edit' AND entity = 'members' AND "
                        u"entity_id = '2'"_s)
                     .toInt(),
                 1);
        // The cache shows the edit at once (本地待同步), and so does the dialog after the commit.
        QVERIFY(QTest::qWaitFor(
            [&] {
                return dialog->loader().detail()->member.tags ==
                       QStringList{u"老客户"_s, u"VIP"_s, u"游戏玩家"_s};
            },
            10'000));
        dialog->close();
    }

    void noOperatorNoEdit()
    {
        ActorBackend nobody;
        auto* dialog = new ui::MemberDetailDialog(*m_source, nobody, 3);
        QSignalSpy loaded(dialog, &ui::MemberDetailDialog::loaded);
        QVERIFY(loaded.wait(10'000));
        QVERIFY(dialog->tagsField().isReadOnly());
        QCOMPARE(dialog->figureText(u"average"_s), u"—"_s);
        dialog->close();
    }

    // A generated cache with RFM computed, the panel and an enterprise member with orders.
    void screenshots()
    {
        const QString out = qEnvironmentVariable("CARDOPS_MEMBER_SHOTS");
        if (out.isEmpty())
            QSKIP("set CARDOPS_MEMBER_SHOTS=DIR to write the screenshots");
        QTemporaryDir dir;
        const QString path = dir.filePath(u"shots.db"_s);
        QProcess cli;
        cli.start(QStringLiteral(CARDOPS_CLI),
                  {u"generate"_s, u"--orders"_s, u"20000"_s, u"--days"_s, u"120"_s, u"--db"_s, path});
        QVERIFY(cli.waitForFinished(300'000) && cli.exitCode() == 0);
        auto db = storage::Database::open(path, m_cache.clock);
        QVERIFY(db.ok());
        {
            storage::ReadSession read(*db.value());
            auto at = storage::memberstats::latestOrderAt(read);
            QVERIFY(at.ok());
            auto aggregates = storage::memberstats::aggregatesAsOf(read, *at);
            QVERIFY(aggregates.ok());
            const core::RfmResult rfm = core::computeRfm(*aggregates, *at);
            auto written =
                db.value()
                    ->writer()
                    .submit<bool>(u"rfm"_s,
                                  [rfm](storage::WriteContext& ctx) -> core::Result<bool> {
                                      for (const core::MemberRfm& m : rfm.members)
                                          if (auto r = ctx.exec(u"INSERT OR REPLACE INTO member_rfm VALUES "
                                                                u"(?, ?, ?, ?, ?, ?)"_s,
                                                                {m.memberId, m.score.r, m.score.f, m.score.m,
                                                                 core::segmentCode(m.segment), rfm.at});
                                              !r)
                                              return r.error();
                                      return true;
                                  })
                    .result();
            QVERIFY(written.ok());
        }
        models::DataSource source(path, &db.value()->writer());
        ui::MembersListPanel panel(source, m_backend);
        panel.resize(1400, 700);
        panel.show();
        QVERIFY(waitReady(panel));
        QTest::qWait(200);
        QVERIFY(panel.grab().save(out + u"/shot-members.png"_s));
        storage::ReadSession read(*db.value());
        auto best =
            read.select(u"SELECT member_id FROM orders o JOIN members m ON m.id = o.member_id "
                        u"WHERE m.kind = 'enterprise' GROUP BY member_id ORDER BY COUNT(*) DESC LIMIT 1"_s);
        QVERIFY(best.ok() && !best->isEmpty());
        auto* dialog = new ui::MemberDetailDialog(source, m_backend, best->first().value(0).toLongLong());
        QSignalSpy loaded(dialog, &ui::MemberDetailDialog::loaded);
        dialog->show();
        QVERIFY(loaded.wait(10'000));
        QTest::qWait(200);
        QVERIFY(dialog->grab().save(out + u"/shot-memberdetail.png"_s));
        dialog->tabs().setCurrentIndex(1);
        QTest::qWait(100);
        QVERIFY(dialog->grab().save(out + u"/shot-memberdetail-ledger.png"_s));
        dialog->tabs().setCurrentIndex(2);
        QTest::qWait(100);
        QVERIFY(dialog->grab().save(out + u"/shot-memberdetail-contract.png"_s));
        dialog->close();
    }
};

QTEST_MAIN(TstMembersListPanel)
#include "tst_memberslistpanel.moc"
