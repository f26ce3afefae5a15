#include "../models/generatedcache.h"
#include "core/clock.h"
#include "models/datasource.h"
#include "models/ordersmodel.h"
#include "storage/counters.h"
#include "storage/database.h"
#include "storage/databasewriter.h"
#include "storage/readsession.h"
#include "storage/writecontext.h"
#include "ui/orderfilterbar.h"
#include "ui/orderspage.h"
#include "ui/style.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QCompleter>
#include <QHeaderView>
#include <QInputMethodEvent>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTabBar>
#include <QTableView>
#include <QTranslator>
#include <QtTest>

using namespace cardops;
using namespace Qt::StringLiterals;

// The orders page on a generated cache, in zh_CN: tabs with counts, the filter bar, saved filters,
// the column chooser, copy, Enter for the detail, and the new-orders bar. With CARDOPS_SHOTS set,
// it also writes the screenshots of docs/screenshots (a filter applied and the bar showing).
class TstOrdersPage : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    core::SystemClock m_clock;
    std::unique_ptr<storage::Database> m_db;
    std::unique_ptr<models::DataSource> m_source;
    QTranslator m_translator;

    qint64 scalar(const QString& sql, const QVariantList& binds = {})
    {
        storage::ReadSession read(m_path);
        auto rows = read.select(sql, binds);
        return rows && !rows->isEmpty() ? rows->first().value(0).toLongLong() : -1;
    }

    QLineEdit* edit(ui::OrdersPage& page, const QString& placeholder)
    {
        for (QLineEdit* e : page.findChildren<QLineEdit*>())
            if (e->placeholderText() == placeholder)
                return e;
        return nullptr;
    }

    std::unique_ptr<ui::OrdersPage> openPage()
    {
        auto page = std::make_unique<ui::OrdersPage>(*m_source);
        new QAbstractItemModelTester(&page->model(), QAbstractItemModelTester::FailureReportingMode::QtTest,
                                     &page->model());
        page->resize(1280, 760);
        page->show();
        if (!QTest::qWaitForWindowExposed(page.get()) ||
            !QTest::qWaitFor([&] { return page->isReady() && !page->model().tabCounts().isEmpty(); }, 10'000))
            return {};
        return page;
    }

    // A copy of an order of at least `minAmount` (the generated data follow the clock, so which
    // order comes first is not fixed).
    qint64 insertOrder(qint64 minAmount)
    {
        const qint64 id = scalar(u"SELECT MAX(id) FROM orders"_s) + 1;
        const qint64 at = scalar(u"SELECT MAX(created_at) FROM orders"_s) + 30;
        auto written =
            m_db->writer().submit(u"test.newOrder"_s, [=](storage::WriteContext& ctx) -> core::Result<void> {
                auto r = ctx.exec(
                    u"INSERT INTO orders SELECT ?, '88' || ?, member_id, goods_id, quantity, unit_price, "
                    u"amount, paid_amount, cost_at_order, pay_channel, charge_account, contact, 'paid', "
                    u"handed_over, review_reason, delivered_at, revealed_at, refund_amount, ?, paid_at, "
                    u"version, updated_at FROM orders WHERE amount >= ? ORDER BY id LIMIT 1"_s,
                    {id, id, at, minAmount});
                if (!r)
                    return r.error();
                if (r.value() != 1)
                    return core::makeError(core::ErrorCode::NotFound, u"no order to copy"_s);
                ctx.touch(u"orders"_s);
                if (auto c = ctx.addToCounter(storage::counters::OrdersTotal, 1); !c)
                    return c;
                return ctx.addToCounter(storage::counters::orderStatus(u"paid"_s), 1);
            });
        written.waitForFinished();
        return written.result().ok() ? id : -1;
    }

    void shoot(QWidget& widget, const QString& name)
    {
        const QString dir = qEnvironmentVariable("CARDOPS_SHOTS");
        if (dir.isEmpty())
            return;
        QTest::qWait(50);
        QVERIFY(widget.grab().save(dir + u'/' + name));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"CardOpsTest"_s);
        QSettings().clear();
        QVERIFY(m_translator.load(u":/i18n/cardops_zh_CN"_s));
        QCoreApplication::installTranslator(&m_translator);
        ui::applyStyle(*qApp);
        m_path = generatedcache::build(m_dir, 2500);
        QVERIFY(!m_path.isEmpty());
        auto db = storage::Database::open(m_path, m_clock);
        QVERIFY(db.ok());
        m_db = std::move(db).value();
        m_source = std::make_unique<models::DataSource>(m_path, &m_db->writer());
    }

    void tabsShowTheirCounts()
    {
        auto page = openPage();
        QVERIFY(page);
        const qint64 all = scalar(u"SELECT COUNT(*) FROM orders"_s);
        const qint64 delivered = scalar(u"SELECT COUNT(*) FROM orders WHERE status = 'delivered'"_s);
        QCOMPARE(page->tabs().count(), 6);
        QCOMPARE(page->tabs().tabText(0), u"全部（%1）"_s.arg(QLocale().toString(all)));
        QCOMPARE(page->tabs().tabText(4), u"已发货（%1）"_s.arg(QLocale().toString(delivered)));
        page->tabs().setCurrentIndex(4);
        QTRY_VERIFY_WITH_TIMEOUT(page->isReady() && page->mainRows() == delivered, 10'000);
        // The work bench opens the review tab.
        page->applyFilter(u"review"_s);
        QCOMPARE(page->tabs().currentIndex(), 2);
        QVERIFY(page->model().query().filter.tab == storage::OrderTab::Review);
    }

    void showFilterFromElsewhere()
    {
        auto page = openPage();
        QVERIFY(page);
        // A dashboard bar: one goods over two Shanghai business days, on the delivered tab.
        const qint64 goods = scalar(u"SELECT goods_id FROM orders GROUP BY goods_id ORDER BY COUNT(*) DESC LIMIT 1"_s);
        const qint64 day = core::businessDay(scalar(u"SELECT MAX(created_at) FROM orders"_s));
        storage::OrderFilter f;
        f.tab = storage::OrderTab::Delivered;
        f.createdFrom = core::businessDayStart(day - 1);
        f.createdTo = core::businessDayStart(day + 1);
        f.goodsId = goods;
        page->showFilter(f);
        QCOMPARE(page->tabs().currentIndex(), 4);
        QTRY_VERIFY_WITH_TIMEOUT(page->model().query().filter == f, 5'000);
        QTRY_VERIFY_WITH_TIMEOUT(page->isReady(), 10'000);
        QCOMPARE(page->mainRows(),
                 scalar(u"SELECT COUNT(*) FROM orders WHERE goods_id = ? AND created_at >= ? AND created_at < ? "
                        u"AND status = 'delivered'"_s,
                        {goods, f.createdFrom, f.createdTo}));
        page->filterBar().clear();
    }

    // A heat-map cell of the dashboard: its weekday and hour are shown on their own line, kept while
    // the operator edits other fields, saved with the filter, and removed by their button.
    void dashboardConditionsHaveTheirLine()
    {
        auto page = openPage();
        QVERIFY(page);
        // The time of a consumer's newest order: its weekday and hour have orders for sure.
        const qint64 newest = scalar(u"SELECT MAX(o.created_at) FROM orders o JOIN members m ON m.id = "
                                     u"o.member_id WHERE m.kind = 'consumer'"_s);
        QVERIFY(newest > 0);
        storage::OrderFilter f;
        f.weekday = int((core::businessDay(newest) + 3) % 7);
        f.hour = int(((newest + 28800) / 3600) % 24);
        f.memberKind = u"consumer"_s;
        page->showFilter(f);
        QTRY_VERIFY_WITH_TIMEOUT(page->model().query().filter == f, 5'000);
        QVERIFY(!page->filterBar().relationText().isEmpty());
        QVERIFY(page->filterBar().relationText().contains(u"%1:00"_s.arg(f.hour, 2, 10, QChar(u'0'))));
        QTRY_VERIFY_WITH_TIMEOUT(page->isReady(), 10'000);
        QCOMPARE(page->mainRows(),
                 scalar(u"SELECT COUNT(*) FROM orders o JOIN members m ON m.id = o.member_id WHERE m.kind = "
                        u"'consumer' AND strftime('%H', o.created_at, 'unixepoch', '+8 hours') + 0 = ? AND "
                        u"(strftime('%w', o.created_at, 'unixepoch', '+8 hours') + 6) % 7 = ?"_s,
                        {f.hour, f.weekday}));
        QVERIFY(page->mainRows() > 0);

        QLineEdit* orderNo = nullptr;
        for (auto* e : page->filterBar().findChildren<QLineEdit*>())
            if (e->placeholderText() ==
                QCoreApplication::translate("cardops::ui::OrderFilterBar", "Order no. starts with"))
                orderNo = e;
        QVERIFY(orderNo);
        orderNo->setText(u"20"_s);
        QTest::keyClick(orderNo, Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(page->model().query().filter.orderNoPrefix, u"20"_s, 5'000);
        QCOMPARE(page->model().query().filter.hour, f.hour);

        QPushButton* remove = nullptr;
        for (auto* b : page->filterBar().findChildren<QPushButton*>())
            if (b->text() == QCoreApplication::translate("cardops::ui::OrderFilterBar", "Remove these conditions"))
                remove = b;
        QVERIFY(remove && remove->isVisible());
        remove->click();
        QTRY_COMPARE_WITH_TIMEOUT(page->model().query().filter.hour, -1, 5'000);
        QCOMPARE(page->model().query().filter.memberKind, QString());
        QCOMPARE(page->model().query().filter.orderNoPrefix, u"20"_s);
        QVERIFY(!remove->isVisible());
        page->filterBar().clear();
    }

    void filtersCombineAndBadInputIsMarked()
    {
        auto page = openPage();
        QVERIFY(page);
        QLineEdit* min = edit(*page, u"最低金额"_s);
        QLineEdit* member = edit(*page, u"会员"_s);
        QVERIFY(min && member);
        const qint64 someone =
            scalar(u"SELECT member_id FROM orders GROUP BY member_id ORDER BY COUNT(*) DESC LIMIT 1"_s);
        member->setText(QString::number(someone));
        min->setText(u"50"_s);
        QTRY_VERIFY_WITH_TIMEOUT(page->model().query().filter.memberId == someone, 5'000);
        QCOMPARE(page->model().query().filter.amountMin.value_or(-1), 500'000);
        QTRY_VERIFY_WITH_TIMEOUT(page->isReady(), 10'000);
        QCOMPARE(
            page->mainRows(),
            scalar(u"SELECT COUNT(*) FROM orders WHERE member_id = ? AND amount >= 500000"_s, {someone}));
        // A wrong amount is marked and left out; the member filter stays.
        min->setText(u"五十"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!page->model().query().filter.amountMin.has_value(), 5'000);
        QCOMPARE(min->property("invalid").toBool(), true);
        QCOMPARE(page->model().query().filter.memberId, someone);
        QVERIFY(min->toolTip().contains(u"元"_s));
        page->filterBar().clear();
        QVERIFY(!page->model().query().filter.hasConditions());
        QVERIFY(member->text().isEmpty());
    }

    void memberAndGoodsAreSuggestedByName()
    {
        auto page = openPage();
        QVERIFY(page);
        QLineEdit* member = edit(*page, u"会员"_s);
        QVERIFY(member && member->completer());
        storage::ReadSession read(m_path);
        const auto someone =
            read.select(u"SELECT id, name FROM members WHERE kind = 'consumer' ORDER BY id LIMIT 1"_s);
        QVERIFY(someone.ok() && !someone->isEmpty());
        const qint64 id = someone->first().value(0).toLongLong();
        const QString name = someone->first().value(1).toString();
        member->setFocus();
        QInputMethodEvent typed; // Chinese arrives through the input method, committed at once
        typed.setCommitString(name);
        QCoreApplication::sendEvent(member, &typed);
        QAbstractItemModel* suggestions = member->completer()->model();
        QTRY_VERIFY_WITH_TIMEOUT(suggestions->rowCount() > 0, 5'000);
        int row = -1;
        for (int r = 0; r < suggestions->rowCount(); ++r)
            if (suggestions->index(r, 0).data(Qt::UserRole + 1).toLongLong() == id)
                row = r;
        QVERIFY2(row >= 0, qPrintable(name));
        // Choosing a suggestion puts "name #id" into the field; the filter takes the id.
        member->setText(suggestions->index(row, 0).data(Qt::EditRole).toString());
        QCOMPARE(member->text(), name + u" #"_s + QString::number(id));
        QTRY_COMPARE_WITH_TIMEOUT(page->model().query().filter.memberId, id, 5'000);
        QCOMPARE(member->property("invalid").toBool(), false);
        // A name that was not chosen is not guessed.
        member->setText(name);
        QTRY_COMPARE_WITH_TIMEOUT(page->model().query().filter.memberId, qint64(0), 5'000);
        QCOMPARE(member->property("invalid").toBool(), true);
    }

    void filtersAreSavedByName()
    {
        auto page = openPage();
        QVERIFY(page);
        storage::OrderFilter f;
        f.orderNoPrefix = u"2026"_s;
        f.amountMax = 1'234'500;
        page->filterBar().setFilter(f);
        QVERIFY(page->filterBar().saveAs(u"大额 2026"_s));
        page->filterBar().clear();
        QVERIFY(!page->filterBar().filter().hasConditions());
        auto again = openPage(); // another page, the same settings
        QVERIFY(again);
        QCOMPARE(again->filterBar().savedNames(), QStringList{u"大额 2026"_s});
        QVERIFY(again->filterBar().applySaved(u"大额 2026"_s));
        QCOMPARE(again->filterBar().filter(), f);
        QCOMPARE(again->model().query().filter.orderNoPrefix, u"2026"_s);
        again->filterBar().removeSaved(u"大额 2026"_s);
        QVERIFY(again->filterBar().savedNames().isEmpty());
    }

    void columnChoiceIsKept()
    {
        {
            auto page = openPage();
            QVERIFY(page);
            const int contact = page->model().columnOf(u"contact"_s);
            QVERIFY(page->view().isColumnHidden(contact));
            page->setColumnVisible(u"contact"_s, true);
            page->setColumnVisible(u"pay_channel"_s, false);
            QVERIFY(!page->view().isColumnHidden(contact));
        }
        auto page = openPage();
        QVERIFY(page);
        QVERIFY(!page->view().isColumnHidden(page->model().columnOf(u"contact"_s)));
        QVERIFY(page->view().isColumnHidden(page->model().columnOf(u"pay_channel"_s)));
        // The last visible column cannot go.
        for (int c = 1; c < page->model().columnCount(); ++c)
            page->setColumnVisible(page->model().columnId(c), false);
        int shown = 0;
        for (int c = 0; c < page->model().columnCount(); ++c)
            shown += page->view().isColumnHidden(c) ? 0 : 1;
        QCOMPARE(shown, 1);
        QSettings().remove(u"orders/hidden_columns"_s);
    }

    void copyAndEnter()
    {
        auto page = openPage();
        QVERIFY(page);
        QTableView& view = page->view();
        view.setFocus();
        view.selectRow(0);
        view.selectionModel()->select(view.model()->index(1, 0),
                                      QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QTest::keySequence(&view, QKeySequence::Copy);
        const QStringList lines = QApplication::clipboard()->text().split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        const int orderNo = page->model().columnOf(u"order_no"_s);
        QVERIFY(lines.first().contains(page->model().index(0, orderNo).data().toString()));
        QSignalSpy opened(page.get(), &ui::OrdersPage::openOrder);
        view.setCurrentIndex(view.model()->index(1, 1));
        QTest::keyClick(&view, Qt::Key_Return);
        QCOMPARE(opened.count(), 1);
        QCOMPARE(opened.first().first().toLongLong(), page->model().rowKey(1).toLongLong());
    }

    void newOrdersWaitBehindTheBar()
    {
        auto page = openPage();
        QVERIFY(page);
        page->tabs().setCurrentIndex(0);
        storage::OrderFilter f;
        f.amountMin = 100'000;
        page->filterBar().setFilter(f);
        QTRY_VERIFY_WITH_TIMEOUT(page->isReady(), 10'000);
        const QVariant top = page->model().rowKey(0);
        QVERIFY(!page->newOrdersBar().isVisible());
        const qint64 added = insertOrder(100'000);
        QVERIFY(added > 0);
        QTRY_VERIFY_WITH_TIMEOUT(page->newOrdersBar().isVisible(), 10'000);
        QCOMPARE(page->newOrdersBar().text(), u"1 条新订单，点击刷新"_s);
        QCOMPARE(page->model().rowKey(0), top);
        shoot(*page, u"orders-filtered.png"_s);
        page->newOrdersBar().click();
        QVERIFY(!page->newOrdersBar().isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(page->isReady(), 10'000);
        QCOMPARE(page->model().query().filter.amountMin.value_or(0), 100'000); // the filter stays
    }
};

QTEST_MAIN(TstOrdersPage)
#include "tst_orderspage.moc"
