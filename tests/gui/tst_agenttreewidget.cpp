#include "../models/generatedcache.h"
#include "models/agenttreemodel.h"
#include "models/datasource.h"
#include "models/membermover.h"
#include "treefixture.h"
#include "ui/agenttreewidget.h"
#include "ui/style.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTreeView>
#include <QtTest>

using namespace cardops;
using namespace Qt::StringLiterals;
using models::AgentTreeModel;
using treefixture::kNoon;

// 代理树 on a hand-made hierarchy: the lazy model under QAbstractItemModelTester, expanding loads
// children with exact figures, the search jumps to a deep member, a move into the member's own
// branch is refused with its message and a valid one lands in the outbox, audited. With
// CARDOPS_SHOT_DIR set it writes agenttree.png of a generated cache there.
class TstAgentTreeWidget : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_path;
    core::ManualClock m_clock{kNoon * 1000};
    std::unique_ptr<storage::Database> m_db;
    std::unique_ptr<models::DataSource> m_source;
    core::Actor m_admin;

    std::unique_ptr<ui::AgentTreeWidget> open(qint64 root = 0)
    {
        auto w = std::make_unique<ui::AgentTreeWidget>(*m_source, m_admin, root);
        new QAbstractItemModelTester(w->model(), QAbstractItemModelTester::FailureReportingMode::QtTest,
                                     w->model());
        w->resize(900, 500);
        w->show();
        if (!QTest::qWaitForWindowExposed(w.get()) ||
            !QTest::qWaitFor([&] { return w->model()->isLoaded(); }, 5000))
            return {};
        return w;
    }

    static QMessageBox* box(QWidget* parent, const QString& name)
    {
        QMessageBox* found = nullptr;
        (void)QTest::qWaitFor(
            [&] { return (found = parent->findChild<QMessageBox*>(name)) && found->isVisible(); }, 5000);
        return found;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        ui::applyStyle(*qApp);
        m_path = m_dir.filePath(u"tree.db"_s);
        auto db = storage::Database::open(m_path, m_clock);
        QVERIFY(db.ok());
        m_db = std::move(db).value();
        // 1 ─┬─ 2 ─┬─ 4 ── 6 ── 7
        //    │     └─ 5
        //    └─ 3          8, 9 top level without downlines
        const qint64 old = 1700000000;
        const QList<treefixture::MemberRow> members{
            {1, 0, "agent", old},    {2, 1, "agent", old},    {3, 1, "consumer", old},
            {4, 2, "agent", old},    {5, 2, "consumer", old}, {6, 4, "agent", old},
            {7, 6, "consumer", old}, {8, 0, "consumer", old}, {9, 0, "enterprise", old}};
        const QList<core::Order> orders{treefixture::order(1, 7, kNoon - 3600, 100),
                                        treefixture::order(2, 5, kNoon - 86400, 10),
                                        treefixture::order(3, 1, kNoon - 60, 1)};
        auto done = m_db->writer()
                        .submit<void>(u"fixture"_s,
                                      [=](storage::WriteContext& ctx) {
                                          return treefixture::insert(ctx, members, orders);
                                      })
                        .result();
        QVERIFY2(done.ok(), qPrintable(done.ok() ? QString() : done.error().detail));
        storage::ReadSession read(*m_db);
        auto admin = storage::OperatorRepository::actorFor(read, u"admin"_s);
        QVERIFY(admin.ok());
        m_admin = admin.value();
        m_source = std::make_unique<models::DataSource>(m_path, &m_db->writer());
    }

    void expandLoadsChildren()
    {
        auto w = open();
        QVERIFY(w);
        AgentTreeModel* model = w->model();
        QCOMPARE(model->rowCount(), 3);
        const QModelIndex one = model->index(0, 0);
        QCOMPARE(one.data(AgentTreeModel::MemberIdRole).toLongLong(), qint64(1));
        QCOMPARE(model->index(0, AgentTreeModel::BranchSize).data().toLongLong(), qint64(6));
        QCOMPARE(model->index(0, AgentTreeModel::BranchGmv).data().toString(), u"111.00"_s);
        QCOMPARE(model->index(0, AgentTreeModel::Tier).data().toString(), u"金牌代理"_s);
        QVERIFY(model->hasChildren(one));
        QCOMPARE(model->rowCount(one), 0); // nothing read before the view asks
        QVERIFY(model->canFetchMore(one));
        w->view()->expand(one);
        QTRY_COMPARE(model->rowCount(one), 2);
        QCOMPARE(model->index(0, AgentTreeModel::Downlines, one).data().toLongLong(), qint64(2));
        QCOMPARE(model->index(0, AgentTreeModel::BranchSize, one).data().toLongLong(), qint64(4));
        QCOMPARE(model->index(0, AgentTreeModel::BranchGmv, one).data().toString(), u"110.00"_s);
        QVERIFY(!model->hasChildren(model->index(2, 0))); // 9: no downlines
    }

    void searchJumpsToADeepMember()
    {
        auto w = open();
        QVERIFY(w);
        w->jumpTo(u"会员7"_s);
        QTRY_COMPARE(w->currentMemberId(), qint64(7));
        for (QModelIndex p = w->view()->currentIndex().parent(); p.isValid(); p = p.parent())
            QVERIFY(w->view()->isExpanded(p));
        QCOMPARE(w->view()->currentIndex().parent().data(AgentTreeModel::MemberIdRole).toLongLong(),
                 qint64(6));
        w->jumpTo(u"#3"_s);
        QTRY_COMPARE(w->currentMemberId(), qint64(3));
        QSignalSpy open(w.get(), &ui::AgentTreeWidget::openMember);
        QTest::keyClick(w->view(), Qt::Key_Return);
        QCOMPARE(open.size(), 1);
        QCOMPARE(open.first().first().toLongLong(), qint64(3));
    }

    void rootedTree()
    {
        auto w = open(2);
        QVERIFY(w);
        QCOMPARE(w->model()->rowCount(), 1);
        QCOMPARE(w->model()->index(0, 0).data(AgentTreeModel::MemberIdRole).toLongLong(), qint64(2));
        w->jumpTo(u"7"_s);
        QTRY_COMPARE(w->currentMemberId(), qint64(7));
        QSignalSpy failed(w->model(), &AgentTreeModel::revealFailed);
        w->jumpTo(u"8"_s); // outside the branch of 2
        QTRY_COMPARE(failed.size(), 1);
    }

    void moveIntoOwnBranchRefused()
    {
        auto w = open();
        QVERIFY(w);
        QSignalSpy finished(w.get(), &ui::AgentTreeWidget::moveFinished);
        w->requestMove(1, 7);
        QMessageBox* refused = box(w.get(), u"moveRefused"_s);
        QVERIFY(refused);
        QCOMPARE(refused->text(), models::MemberMover::refusalText(storage::agenttree::MoveCheck::Cycle));
        refused->close();
        w->requestMove(4, 4);
        refused = box(w.get(), u"moveRefused"_s);
        QVERIFY(refused);
        QCOMPARE(refused->text(), models::MemberMover::refusalText(storage::agenttree::MoveCheck::Self));
        refused->close();
        QCOMPARE(treefixture::scalar(m_path, u"SELECT count(*) FROM outbox"_s), qint64(0));
    }

    void pickerAsksBeforeMovingToTheTop()
    {
        auto w = open();
        QVERIFY(w);
        w->jumpTo(u"7"_s);
        QTRY_COMPARE(w->currentMemberId(), qint64(7));
        QTest::keyClick(w->view(), Qt::Key_M, Qt::ControlModifier);
        QDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = w->findChild<QDialog*>(u"moveDialog"_s)) && dialog->isVisible());
        dialog->findChild<QCheckBox*>()->setChecked(true);
        dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->click();
        QMessageBox* confirm = box(w.get(), u"confirmMove"_s);
        QVERIFY(confirm);
        QVERIFY2(confirm->text().contains(u"会员7 (#7)"_s) && confirm->text().contains(u"top level"_s),
                 qPrintable(confirm->text()));
        confirm->button(QMessageBox::Cancel)->click();
        QTest::qWait(100);
        QCOMPARE(treefixture::scalar(m_path, u"SELECT count(*) FROM outbox"_s), qint64(0));
    }

    void validMoveLandsInTheOutbox()
    {
        auto w = open();
        QVERIFY(w);
        w->view()->expand(w->model()->index(0, 0));
        QTRY_COMPARE(w->model()->rowCount(w->model()->index(0, 0)), 2);
        QSignalSpy finished(w.get(), &ui::AgentTreeWidget::moveFinished);
        w->requestMove(5, 3);
        QMessageBox* confirm = box(w.get(), u"confirmMove"_s);
        QVERIFY(confirm);
        QVERIFY2(confirm->text().contains(u"会员5 (#5)"_s) && confirm->text().contains(u"会员3 (#3)"_s),
                 qPrintable(confirm->text()));
        QAbstractButton* move = nullptr;
        for (QAbstractButton* b : confirm->buttons())
            if (confirm->buttonRole(b) == QMessageBox::AcceptRole)
                move = b;
        QVERIFY(move);
        move->click();
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(finished.first().first().toBool(), true);
        QCOMPARE(treefixture::scalar(
                     m_path, u"SELECT count(*) FROM outbox WHERE entity = 'members' AND entity_id = 5 "
                             u"AND body LIKE '%\"parent_id\":3%'"_s),
                 qint64(1));
        QCOMPARE(treefixture::scalar(m_path, u"SELECT count(*) FROM audit_log WHERE entity = 'members' AND "
                                             u"entity_id = '5'"_s),
                 qint64(1));
        // The tree follows: 3 now has one downline.
        QTRY_COMPARE_WITH_TIMEOUT(w->model()->node(3) ? w->model()->node(3)->downlines : -1, qint64(1), 5000);
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
        models::DataSource source(path, &db.value()->writer());
        ui::AgentTreeWidget w(source, m_admin, 0);
        storage::ReadSession read(path);
        auto newest = read.select(u"SELECT MAX(created_at) FROM orders"_s);
        QVERIFY(newest.ok());
        w.model()->setNow(newest->first().value(0).toLongLong());
        w.resize(960, 560);
        w.show();
        QVERIFY(QTest::qWaitFor([&] { return w.model()->isLoaded() && w.model()->rowCount() > 0; }, 10000));
        const QModelIndex first = w.model()->index(0, 0);
        w.view()->expand(first);
        QTRY_VERIFY(w.model()->rowCount(first) > 0);
        const QModelIndex second = w.model()->index(0, 0, first);
        w.view()->expand(second);
        QTest::qWait(500);
        w.view()->setCurrentIndex(second);
        QVERIFY(w.grab().save(dir + u"/shot-agenttree.png"_s));
    }
};

QTEST_MAIN(TstAgentTreeWidget)
#include "tst_agenttreewidget.moc"
