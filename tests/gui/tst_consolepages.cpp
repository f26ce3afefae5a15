#include "../models/generatedcache.h"
#include "core/clock.h"
#include "fakebackend.h"
#include "models/consolestate.h"
#include "models/datasource.h"
#include "models/listmodel.h"
#include "models/ordersmodel.h"
#include "storage/counters.h"
#include "storage/database.h"
#include "storage/databasewriter.h"
#include "storage/platformcache.h"
#include "storage/readsession.h"
#include "storage/writecontext.h"
#include "ui/connectdialog.h"
#include "ui/diagnosticsdialog.h"
#include "ui/firstrundialog.h"
#include "ui/fulfilmentpage.h"
#include "ui/listpage.h"
#include "ui/mainwindow.h"
#include "models/agenttreemodel.h"
#include "ui/agenttreewidget.h"
#include "ui/memberdetaildialog.h"
#include "ui/memberspage.h"
#include "ui/tierladderpanel.h"
#include "models/tierladdereditor.h"
#include "ui/orderspage.h"
#include "ui/workbenchpage.h"

#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QCommandLinkButton>
#include <QDateTime>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLibraryInfo>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QStatusBar>
#include <QTableView>
#include <QTableWidget>
#include <QTranslator>
#include <QTreeView>
#include <QtTest>

using namespace cardops;
using namespace Qt::StringLiterals;

namespace {

bool hasCjk(const QString& text)
{
    for (const QChar c : text)
        if (c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF)
            return true;
    return false;
}

// Text that needs no translation: numbers, money and times (no letters), SKU-like codes (capitals,
// digits, - _ . /), addresses, and the names of the product and the languages. A plain English word
// such as "Orders" is not allowed.
bool allowed(const QString& text)
{
    static const QRegularExpression noLetters(u"^[^A-Za-z]*$"_s);
    static const QRegularExpression code(u"^[A-Z0-9][A-Z0-9_\\-./]*$"_s);
    static const QStringList words = {u"CardOps"_s, u"English"_s, u"GMV"_s};
    const QString t = text.trimmed();
    return t.isEmpty() || words.contains(t) || noLetters.match(t).hasMatch() || code.match(t).hasMatch() ||
           t.startsWith(u"http"_s);
}

// Every piece of text the operator can see on a widget tree.
QStringList visibleTexts(QWidget* root)
{
    QStringList out;
    const auto widgets = root->findChildren<QWidget*>();
    for (QWidget* w : widgets) {
        if (!w->isVisibleTo(root))
            continue;
        if (auto* l = qobject_cast<QLabel*>(w))
            out << l->text();
        else if (auto* b = qobject_cast<QAbstractButton*>(w))
            out << b->text();
        else if (auto* g = qobject_cast<QGroupBox*>(w))
            out << g->title();
        else if (auto* e = qobject_cast<QLineEdit*>(w); e && !qobject_cast<QComboBox*>(w->parentWidget()))
            out << e->placeholderText();
        else if (auto* combo = qobject_cast<QComboBox*>(w))
            for (int i = 0; i < combo->count(); ++i)
                out << combo->itemText(i);
        else if (auto* list = qobject_cast<QListWidget*>(w))
            for (int i = 0; i < list->count(); ++i)
                out << list->item(i)->text();
        else if (auto* table = qobject_cast<QTableView*>(w); table && table->model())
            for (int c = 0; c < table->model()->columnCount(); ++c)
                out << table->model()->headerData(c, Qt::Horizontal).toString();
    }
    return out;
}

} // namespace

// The console's pages on a generated cache, in Chinese: every page opens with its data, no
// visible text is left in English, the work bench shows the counter table, the status bar speaks.
class TstConsolePages : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    core::SystemClock m_clock;
    std::unique_ptr<storage::Database> m_db;
    std::unique_ptr<models::DataSource> m_source;
    QTranslator m_translator;
    QTranslator m_qtTranslator;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_translator.load(u":/i18n/cardops_zh_CN"_s));
        QCoreApplication::installTranslator(&m_translator);
        // Qt's own words (Cancel, OK) as the console loads them (qt6-translations-l10n).
        QVERIFY(m_qtTranslator.load(u"qtbase_zh_CN"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)));
        QCoreApplication::installTranslator(&m_qtTranslator);
        m_path = generatedcache::build(m_dir, 2000);
        QVERIFY(!m_path.isEmpty());
        auto db = storage::Database::open(m_path, m_clock);
        QVERIFY(db.ok());
        m_db = std::move(db).value();
        m_source = std::make_unique<models::DataSource>(m_path, &m_db->writer());
        // The audit log as a console leaves it: an opening and an operator's edit.
        const core::Actor admin{1, u"admin"_s, core::Role::Administrator};
        auto audited = m_db->writer().submit(u"test.audit"_s, [admin](storage::WriteContext& ctx) {
            auto r = ctx.audit(admin, u"console.open"_s, u"profile"_s, u"demo"_s);
            return r ? ctx.audit(admin, u"edit"_s, u"goods"_s, u"17"_s, u"{\"price\":\"9.90\"}"_s) : r;
        });
        audited.waitForFinished();
        QVERIFY(audited.result().ok());
    }

    void everyPageOpensInChinese()
    {
        FakeBackend backend;
        ui::MainWindow window(*m_source, backend);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        for (ui::PageId id : ui::allPages()) {
            window.showPage(id);
            ui::Page* page = window.page(id);
            QVERIFY(page);
            QTRY_VERIFY_WITH_TIMEOUT(page->isReady(), 60'000);
            if (auto* list = qobject_cast<ui::ListPage*>(page))
                QVERIFY2(list->mainRows() > 0, qPrintable(ui::pageName(id)));
            QStringList english;
            for (const QString& text : visibleTexts(&window))
                if (!hasCjk(text) && !allowed(text))
                    english << text;
            for (const QAction* menu : window.menuBar()->actions())
                if (!hasCjk(menu->text()))
                    english << menu->text();
            QVERIFY2(english.isEmpty(), qPrintable(ui::pageName(id) + u": "_s + english.join(u" | "_s)));
            // Nothing clipped: every wrapped label got the height its text needs at its width.
            for (const QLabel* label : page->findChildren<QLabel*>()) {
                if (!label->isVisibleTo(&window) || !label->wordWrap() || label->text().isEmpty())
                    continue;
                QVERIFY2(label->height() >= label->heightForWidth(label->width()),
                         qPrintable(ui::pageName(id) + u": clipped: "_s + label->text()));
            }
        }
    }

    void listCellsAreTranslated()
    {
        FakeBackend backend;
        ui::MainWindow window(*m_source, backend);
        window.showPage(ui::PageId::Orders);
        auto* orders = qobject_cast<ui::OrdersPage*>(window.page(ui::PageId::Orders));
        QVERIFY(orders);
        new QAbstractItemModelTester(&orders->model(), QAbstractItemModelTester::FailureReportingMode::QtTest,
                                     &orders->model());
        QTRY_VERIFY_WITH_TIMEOUT(orders->isReady(), 60'000);
        const int status = orders->model().columnOf(u"status"_s);
        const int channel = orders->model().columnOf(u"pay_channel"_s);
        for (int row = 0; row < std::min(50, orders->model().rowCount()); ++row) {
            QVERIFY2(hasCjk(orders->model().index(row, status).data().toString()),
                     qPrintable(orders->model().index(row, status).data().toString() + u" row "_s +
                                QString::number(row)));
            QVERIFY(hasCjk(orders->model().index(row, channel).data().toString()));
        }
    }

    void codesInListsAreWords()
    {
        // Columns that carry the platform's codes show them in the operator's language.
        static const QStringList coded = {u"status"_s,      u"kind"_s,   u"fulfilment_owner"_s,
                                          u"pay_channel"_s, u"action"_s, u"entity"_s};
        FakeBackend backend;
        ui::MainWindow window(*m_source, backend);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        for (ui::PageId id : ui::allPages()) {
            auto* list = qobject_cast<ui::ListPage*>(window.page(id));
            if (!list)
                continue;
            window.showPage(id);
            QTRY_VERIFY_WITH_TIMEOUT(list->isReady(), 60'000);
            const models::WindowedModel& model = list->model();
            for (int c = 0; c < model.columnCount(); ++c) {
                if (!coded.contains(model.columnId(c)))
                    continue;
                for (int row = 0; row < std::min(100, model.rowCount()); ++row)
                    if (model.isRowLoaded(row))
                        QVERIFY2(
                            hasCjk(model.index(row, c).data().toString()),
                            qPrintable(ui::pageName(id) + u": "_s + model.index(row, c).data().toString()));
            }
        }
    }

    void workbenchShowsTheCounters()
    {
        FakeBackend backend;
        ui::MainWindow window(*m_source, backend);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* bench = qobject_cast<ui::WorkbenchPage*>(window.page(ui::PageId::Workbench));
        QVERIFY(bench);
        QTRY_VERIFY_WITH_TIMEOUT(bench->isReady(), 60'000);
        storage::ReadSession read(m_path);
        const qint64 review = storage::counters::read(read, storage::counters::ReviewPending).valueOr(-1);
        QCOMPARE(bench->tileText(storage::counters::ReviewPending), QLocale().toString(review));
        // A tile opens its list, filtered.
        QSignalSpy opened(bench, &ui::Page::openPage);
        const auto buttons = bench->findChildren<QAbstractButton*>();
        QVERIFY(!buttons.isEmpty());
        buttons.first()->click();
        // 待审核 opens the review queue of the 履约 page; the orders page's own tab counts the same.
        QCOMPARE(window.currentPage(), ui::PageId::Fulfilment);
        auto* fulfilment = qobject_cast<ui::FulfilmentPage*>(window.page(ui::PageId::Fulfilment));
        QVERIFY(fulfilment);
        QCOMPARE(fulfilment->tabs().currentIndex(), int(ui::FulfilmentPage::ReviewTab));
        window.showPage(ui::PageId::Orders, QStringLiteral("review"));
        auto* orders = qobject_cast<ui::OrdersPage*>(window.page(ui::PageId::Orders));
        QVERIFY(orders->model().query().filter.tab == storage::OrderTab::Review);
        QTRY_VERIFY_WITH_TIMEOUT(orders->isReady(), 60'000);
        QCOMPARE(orders->mainRows(), review);
    }

    // 提现待审 opens the 提现审核 tab of the members page, not the members list.
    void withdrawalTileOpensTheWithdrawals()
    {
        FakeBackend backend;
        ui::MainWindow window(*m_source, backend);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* bench = qobject_cast<ui::WorkbenchPage*>(window.page(ui::PageId::Workbench));
        QVERIFY(bench);
        QTRY_VERIFY_WITH_TIMEOUT(bench->isReady(), 60'000);
        QAbstractButton* tile = nullptr;
        for (QLabel* label : bench->findChildren<QLabel*>(u"tileLabel"_s))
            if (label->text().contains(u"提现"_s))
                tile = qobject_cast<QAbstractButton*>(label->parentWidget());
        QVERIFY(tile);
        tile->click();
        QCOMPARE(window.currentPage(), ui::PageId::Members);
        auto* members = qobject_cast<ui::MembersPage*>(window.page(ui::PageId::Members));
        QVERIFY(members);
        QCOMPARE(members->tabs().currentIndex(), int(ui::MembersPage::WithdrawalsTab));
        // A segment code or a kind chosen elsewhere filters the list instead.
        window.showPage(ui::PageId::Members, u"agent"_s);
        QCOMPARE(members->tabs().currentIndex(), int(ui::MembersPage::ListTab));
    }

    // A member's window carries the downline tree rooted at that member (the page puts it there).
    void memberWindowShowsTheDownlines()
    {
        FakeBackend backend;
        ui::MainWindow window(*m_source, backend);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        storage::ReadSession read(m_path);
        const auto top = read.select(u"SELECT parent_id, count(*) FROM members WHERE parent_id > 0 "
                                     u"GROUP BY parent_id ORDER BY count(*) DESC, parent_id LIMIT 1"_s);
        QVERIFY(top.ok() && !top->isEmpty());
        const qint64 agent = top->first().value(0).toLongLong();
        const int children = top->first().value(1).toInt();
        auto* members = qobject_cast<ui::MembersPage*>(window.page(ui::PageId::Members));
        QVERIFY(members);
        window.showPage(ui::PageId::Members);
        members->openMember(agent);
        ui::MemberDetailDialog* dialog = members->findChild<ui::MemberDetailDialog*>();
        QVERIFY(dialog);
        auto* tree = dialog->findChild<ui::AgentTreeWidget*>();
        QVERIFY(tree);
        QTRY_VERIFY_WITH_TIMEOUT(tree->model()->isLoaded(), 60'000);
        QCOMPARE(tree->model()->rowCount(), 1); // the member itself, its downlines below
        const QModelIndex root = tree->model()->index(0, 0);
        QCOMPARE(root.data(models::AgentTreeModel::MemberIdRole).toLongLong(), agent);
        QTRY_VERIFY_WITH_TIMEOUT(tree->view()->isExpanded(root), 60'000); // opened at once
        QTRY_COMPARE_WITH_TIMEOUT(tree->model()->rowCount(root), children, 60'000);
        for (int i = 0; i < dialog->tabs().count(); ++i)
            if (dialog->tabs().widget(i)->isAncestorOf(tree) || dialog->tabs().widget(i) == tree)
                dialog->tabs().setCurrentIndex(i);
        QVERIFY(tree->isVisible());
        if (const QString dir = qEnvironmentVariable("CARDOPS_SCREENSHOT_DIR"); !dir.isEmpty()) {
            QTest::qWait(300);
            dialog->grab().save(dir + u"/members-detail-downline.png"_s);
        }
        dialog->close();
    }

    // An edit of the ladder shows at once how many members it would move, in Chinese.
    void tierEditShowsTheWhatIf()
    {
        FakeBackend backend;
        ui::MainWindow window(*m_source, backend);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.showPage(ui::PageId::Members, u"tiers"_s);
        auto* members = qobject_cast<ui::MembersPage*>(window.page(ui::PageId::Members));
        QVERIFY(members);
        auto* panel = qobject_cast<ui::TierLadderPanel*>(members->tabs().currentWidget());
        QVERIFY(panel);
        QTRY_VERIFY_WITH_TIMEOUT(panel->editor().isLoaded(), 60'000);
        QTableWidget* table = nullptr;
        for (QTableWidget* t : panel->findChildren<QTableWidget*>())
            if (t->columnCount() == models::TierLadderEditor::FieldCount)
                table = t;
        QVERIFY(table);
        QTRY_VERIFY_WITH_TIMEOUT(table->rowCount() >= 2, 60'000);
        QSignalSpy shown(panel, &ui::TierLadderPanel::whatIfShown);
        // The second tier asks for much less: members of the first one qualify.
        table->item(1, models::TierLadderEditor::DownlineGmv30d)->setText(u"0.00"_s);
        table->item(1, models::TierLadderEditor::OwnGmv30d)->setText(u"10.00"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty() && panel->whatIfText().contains(u"升级"_s), 15'000);
        if (const QString dir = qEnvironmentVariable("CARDOPS_SCREENSHOT_DIR"); !dir.isEmpty())
            window.grab().save(dir + u"/members-tiers-whatif.png"_s);
    }

    void diagnosticsShowEveryFeed()
    {
        FakeBackend backend;
        ui::MainWindow window(*m_source, backend);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_VERIFY_WITH_TIMEOUT(window.consoleState().isLoaded(), 60'000);
        QTest::keyClick(&window, Qt::Key_D, Qt::ControlModifier | Qt::ShiftModifier);
        auto* dialog = window.findChild<ui::DiagnosticsDialog*>();
        QVERIFY(dialog);
        auto* feeds = dialog->findChild<QTableWidget*>();
        QVERIFY(feeds);
        QTRY_COMPARE_WITH_TIMEOUT(feeds->rowCount(), 6, 60'000);
        storage::ReadSession read(m_path);
        const QString ordersInCache = QLocale().toString(
            read.select(u"SELECT COUNT(*) FROM orders"_s).value().first().value(0).toLongLong());
        bool ordersRow = false;
        for (int row = 0; row < feeds->rowCount(); ++row) {
            QVERIFY(hasCjk(feeds->item(row, 0)->text()));
            QVERIFY(hasCjk(feeds->item(row, 1)->text()));
            ordersRow = ordersRow || (feeds->item(row, 0)->text().contains(u"orders"_s) &&
                                      feeds->item(row, 4)->text() == ordersInCache);
        }
        QVERIFY(ordersRow);
        bool exchangeShown = false;
        for (const QPlainTextEdit* edit : dialog->findChildren<QPlainTextEdit*>())
            exchangeShown = exchangeShown || edit->toPlainText() == backend.lastExchange();
        QVERIFY(exchangeShown);
        if (const QString dir = qEnvironmentVariable("CARDOPS_SCREENSHOT_DIR"); !dir.isEmpty())
            dialog->grab().save(dir + u"/diagnostics.png"_s);
        dialog->close();
    }

    void dialogsAreInChinese()
    {
        FakeBackend backend;
        ui::FirstRunDialog first(backend);
        ui::ConnectDialog connect(backend);
        for (QDialog* dialog : {static_cast<QDialog*>(&first), static_cast<QDialog*>(&connect)}) {
            dialog->show();
            QVERIFY(QTest::qWaitForWindowExposed(dialog));
            QStringList english;
            for (const QString& text : visibleTexts(dialog))
                if (!hasCjk(text) && !allowed(text))
                    english << text;
            for (const QCommandLinkButton* link : dialog->findChildren<QCommandLinkButton*>())
                if (!hasCjk(link->description()))
                    english << link->description();
            QVERIFY2(english.isEmpty(), qPrintable(english.join(u" | "_s)));
            QVERIFY(hasCjk(dialog->windowTitle()));
        }
        if (const QString dir = qEnvironmentVariable("CARDOPS_SCREENSHOT_DIR"); !dir.isEmpty()) {
            first.grab().save(dir + u"/first-run.png"_s);
            connect.grab().save(dir + u"/connect.png"_s);
        }
    }

    void statusBarShowsDemoAndLease()
    {
        FakeBackend backend;
        ui::MainWindow window(*m_source, backend);
        QTRY_VERIFY_WITH_TIMEOUT(window.consoleState().isLoaded(), 60'000);
        QStringList texts;
        for (const QLabel* l : window.statusBar()->findChildren<QLabel*>())
            texts << l->text();
        const QString all = texts.join(u'\n');
        QVERIFY2(all.contains(u"演示"_s), qPrintable(all));
        QVERIFY2(all.contains(u"租约"_s), qPrintable(all));
        QVERIFY2(all.contains(u"待同步"_s), qPrintable(all));
        QVERIFY(window.windowTitle().contains(u"演示数据"_s));
        // F5 asks the backend for a sync.
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTest::keyClick(&window, Qt::Key_F5);
        QCOMPARE(backend.syncRequests, 1);
        // On the finance page F5 runs the page's own work instead: one F5 shortcut, never ambiguous.
        window.showPage(ui::PageId::Finance);
        QTest::keyClick(&window, Qt::Key_F5);
        QCOMPARE(backend.syncRequests, 1);
        window.showPage(ui::PageId::Workbench);
        QTest::keyClick(&window, Qt::Key_F5);
        QCOMPARE(backend.syncRequests, 2);
    }

    void anExpiredLeaseShowsWithoutASync()
    {
        const qint64 expires = QDateTime::currentSecsSinceEpoch() + 2;
        auto written = m_db->writer().submit(
            u"test.lease"_s, [expires](storage::WriteContext& ctx) -> core::Result<void> {
                if (auto r =
                        storage::platformcache::setState(ctx, storage::statekeys::LeaseHolder, u"worker-7"_s);
                    !r)
                    return r;
                ctx.touch(u"sync_state"_s);
                return storage::platformcache::setState(ctx, storage::statekeys::LeaseExpiresAt,
                                                        QString::number(expires));
            });
        written.waitForFinished();
        QVERIFY(written.result().ok());
        FakeBackend backend;
        ui::MainWindow window(*m_source, backend);
        const auto leaseText = [&] {
            for (const QLabel* l : window.statusBar()->findChildren<QLabel*>())
                if (l->text().contains(u"租约"_s))
                    return l->text();
            return QString();
        };
        QTRY_VERIFY_WITH_TIMEOUT(leaseText().contains(u"worker-7"_s), 60'000);
        // No sync, no commit: the label still says nobody holds it once the expiry passes.
        QTRY_VERIFY_WITH_TIMEOUT(!leaseText().contains(u"worker-7"_s), 15'000);
    }
};

QTEST_MAIN(TstConsolePages)
#include "tst_consolepages.moc"
