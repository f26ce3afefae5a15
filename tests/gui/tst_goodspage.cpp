#include "../models/generatedcache.h"
#include "core/clock.h"
#include "models/categoryeditor.h"
#include "models/categorytreemodel.h"
#include "models/datasource.h"
#include "models/goodsmodel.h"
#include "storage/counters.h"
#include "storage/listingtemplates.h"
#include "storage/database.h"
#include "storage/databasewriter.h"
#include "storage/readsession.h"
#include "storage/supply.h"
#include "storage/writecontext.h"
#include "ui/goodsactions.h"
#include "ui/goodspage.h"
#include "ui/restockdialog.h"
#include "ui/style.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QBrush>
#include <QComboBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QFrame>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTranslator>
#include <QTreeView>
#include <QtTest>

using namespace cardops;
using namespace Qt::StringLiterals;

// 商品 on a generated cache, in zh_CN: the category tree with counts, the debounced search, the
// filters, the work bench's 低库存 entry, the figures and their colours, sorting and Enter. With
// CARDOPS_SHOTS set it writes goods.png; with CARDOPS_SHOT_EN set, an English shot to that path.
class TstGoodsPage : public QObject
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

    std::unique_ptr<ui::GoodsPage> openPage()
    {
        auto page = std::make_unique<ui::GoodsPage>(*m_source);
        new QAbstractItemModelTester(&page->model(), QAbstractItemModelTester::FailureReportingMode::QtTest,
                                     &page->model());
        new QAbstractItemModelTester(
            &page->categories(), QAbstractItemModelTester::FailureReportingMode::QtTest, &page->categories());
        page->resize(1400, 800);
        page->show();
        if (!QTest::qWaitForWindowExposed(page.get()) || !settled(*page))
            return {};
        return page;
    }

    static bool settled(ui::GoodsPage& page)
    {
        return QTest::qWaitFor([&] { return page.isReady() && page.categories().isLoaded(); }, 10'000);
    }

    void shoot(QWidget& widget, const QString& path)
    {
        QTest::qWait(100);
        QVERIFY(widget.grab().save(path));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_translator.load(u":/i18n/cardops_zh_CN"_s));
        ui::applyStyle(*qApp);
        m_path = generatedcache::build(m_dir, 2000);
        QVERIFY(!m_path.isEmpty());
        auto db = storage::Database::open(m_path, m_clock);
        QVERIFY(db.ok());
        m_db = std::move(db).value();
        m_source = std::make_unique<models::DataSource>(m_path, &m_db->writer());
    }

    void englishScreenshot()
    {
        const QString path = qEnvironmentVariable("CARDOPS_SHOT_EN");
        if (path.isEmpty())
            QSKIP("CARDOPS_SHOT_EN not set");
        auto page = openPage();
        QVERIFY(page);
        QVERIFY(QTest::qWaitFor([&] { return page->model().isRowLoaded(0); }, 5000));
        shoot(*page, path);
    }

    void lowStockTileCountsWhatTheCounterCounts()
    {
        QCoreApplication::installTranslator(&m_translator);
        auto page = openPage();
        QVERIFY(page);
        QCOMPARE(page->mainRows(), scalar(u"SELECT COUNT(*) FROM goods"_s));
        page->searchField().setText(u"x"_s);
        page->applyFilter(u"low_stock"_s);
        QVERIFY(page->searchField().text().isEmpty());
        QVERIFY(settled(*page));
        const qint64 counter = scalar(u"SELECT value FROM counters WHERE name = 'low_stock'"_s);
        QCOMPARE(page->mainRows(), counter);
        QCOMPARE(page->stockFilter().currentData().toInt(), int(storage::GoodsStock::Low));
        QCOMPARE(page->statusFilter().currentData().toInt(), int(storage::GoodsStatus::On));
        if (counter > 0) {
            QVERIFY(QTest::qWaitFor([&] { return page->model().isRowLoaded(0); }, 5000));
            const QModelIndex stock = page->model().index(0, models::GoodsModel::StockColumn);
            QVERIFY(stock.data(models::GoodsModel::LowStockRole).toBool());
            QVERIFY(stock.data(Qt::BackgroundRole).value<QBrush>().style() != Qt::NoBrush);
        }
    }

    void categoryTreeFiltersBySubtree()
    {
        auto page = openPage();
        QVERIFY(page);
        auto& tree = page->categories();
        const QModelIndex all = tree.index(0, 0);
        QCOMPARE(tree.rowCount(), 1);
        QCOMPARE(all.data(models::CategoryTreeModel::CategoryIdRole).toLongLong(), 0);
        QCOMPARE(all.data(models::CategoryTreeModel::CountRole).toLongLong(), page->mainRows());
        QVERIFY(tree.rowCount(all) > 0);
        const QModelIndex top = tree.index(0, 0, all);
        const qint64 id = top.data(models::CategoryTreeModel::CategoryIdRole).toLongLong();
        page->tree().setCurrentIndex(top);
        QVERIFY(
            QTest::qWaitFor([&] { return page->model().query().categoryId == id && page->isReady(); }, 5000));
        const qint64 expected = scalar(
            u"WITH RECURSIVE sub(id) AS (SELECT ? UNION SELECT c.id FROM categories c JOIN sub ON "
            u"c.parent_id = sub.id) SELECT COUNT(*) FROM goods WHERE category_id IN (SELECT id FROM sub)"_s,
            {id});
        QCOMPARE(page->mainRows(), expected);
        QCOMPARE(top.data(models::CategoryTreeModel::CountRole).toLongLong(), expected);
        QVERIFY(top.data().toString().contains(QString::number(expected)));
    }

    void searchWaitsForAPause()
    {
        auto page = openPage();
        QVERIFY(page);
        const QString sku = storage::ReadSession(m_path)
                                .select(u"SELECT sku FROM goods ORDER BY id LIMIT 1 OFFSET 7"_s)
                                .value()
                                .value(0)
                                .value(0)
                                .toString();
        page->focusSearch();
        QVERIFY(page->searchField().hasFocus());
        QTest::keyClicks(&page->searchField(), sku);
        QVERIFY(page->model().query().search.isEmpty()); // nothing queried while typing
        QTest::qWait(ui::GoodsPage::SearchDelayMs / 2);
        QVERIFY(page->model().query().search.isEmpty());
        QVERIFY(
            QTest::qWaitFor([&] { return page->model().query().search == sku && page->isReady(); }, 5000));
        QVERIFY(page->mainRows() >= 1);
        QCOMPARE(page->mainRows(),
                 scalar(u"SELECT COUNT(*) FROM goods WHERE name LIKE ? OR substr(sku, 1, ?) = ?"_s,
                        QVariantList{QString(u'%' + sku + u'%'), qint64(sku.size()), sku}));
    }

    void filtersAndFooter()
    {
        auto page = openPage();
        QVERIFY(page);
        page->ownerFilter().setCurrentIndex(page->ownerFilter().findData(int(storage::GoodsOwner::Cardops)));
        QVERIFY(settled(*page));
        QCOMPARE(page->mainRows(),
                 scalar(u"SELECT COUNT(*) FROM goods WHERE fulfilment_owner = 'cardops'"_s));
        page->linkFilter().setCurrentIndex(page->linkFilter().findData(int(storage::GoodsLink::Linked)));
        QVERIFY(settled(*page));
        const qint64 n = scalar(
            u"SELECT COUNT(*) FROM goods WHERE fulfilment_owner = 'cardops' AND supplier_links <> '[]'"_s);
        QCOMPARE(page->mainRows(), n);
        QVERIFY(page->footer().text().contains(QString::number(n)) || n == 0);
        page->statusFilter().setCurrentIndex(page->statusFilter().findData(int(storage::GoodsStatus::Off)));
        page->stockFilter().setCurrentIndex(page->stockFilter().findData(int(storage::GoodsStock::Low)));
        QVERIFY(settled(*page));
        QCOMPARE(
            page->mainRows(),
            scalar(
                u"SELECT COUNT(*) FROM goods WHERE fulfilment_owner = 'cardops' AND supplier_links <> '[]' "
                u"AND status = 'off' AND stock_available < low_stock_threshold"_s));
    }

    void moneyMarginsAndEnter()
    {
        // A supplier product dearer than the goods it supplies: that goods' margin is negative.
        QString sku;
        auto done =
            m_db->writer().submit(u"test.goods"_s, [&sku](storage::WriteContext& ctx) -> core::Result<void> {
                auto link =
                    ctx.select(u"SELECT CAST(json_extract(l.value, '$.product_ref') AS TEXT), g.price, "
                               u"CAST(json_extract(l.value, '$.protocol') AS TEXT), g.sku FROM goods g, "
                               u"json_each(g.supplier_links) l WHERE json_array_length(g.supplier_links) = 1 "
                               u"ORDER BY g.id LIMIT 1"_s);
                if (!link)
                    return link.error();
                if (link->isEmpty())
                    return {};
                sku = link->first().value(3).toString();
                const QString protocol = link->first().value(2).toString() == u"acgfaka"
                                             ? u"acg-faka"_s
                                             : link->first().value(2).toString();
                if (auto r =
                        storage::supply::recordBalance(ctx, u"main"_s, protocol, 10'000'000, u"main"_s, 1);
                    !r)
                    return r;
                storage::supply::MirroredProduct p;
                p.productId = link->first().value(0).toString();
                p.name = p.productId;
                p.cost = link->first().value(1).toLongLong() + 12'300;
                p.stockLevel = u"plenty"_s;
                return storage::supply::mirrorCatalogue(ctx, u"main"_s, {p}, 1);
            });
        done.waitForFinished();
        QVERIFY(done.result().ok());
        QVERIFY(!sku.isEmpty());
        QCoreApplication::processEvents();
        auto page = openPage();
        QVERIFY(page);
        page->linkFilter().setCurrentIndex(page->linkFilter().findData(int(storage::GoodsLink::Linked)));
        page->searchField().setText(sku);
        QTest::keyClick(&page->searchField(), Qt::Key_Return);
        QVERIFY(
            QTest::qWaitFor([&] { return page->model().query().search == sku && page->isReady(); }, 5000));
        auto& model = page->model();
        QVERIFY(QTest::qWaitFor([&] { return model.rowCount() > 0 && model.isRowLoaded(0); }, 5000));
        const QRegularExpression money(u"^-?\\d+\\.\\d\\d$"_s);
        const QModelIndex margin = model.index(0, models::GoodsModel::MarginColumn);
        QCOMPARE(margin.data().toString(), u"-1.23"_s);
        QVERIFY(margin.data(models::GoodsModel::NegativeMarginRole).toBool());
        QCOMPARE(margin.data(Qt::ForegroundRole).value<QBrush>().color(), QColor(0xC6, 0x28, 0x28));
        for (int c : {models::GoodsModel::PriceColumn, models::GoodsModel::CostColumn})
            QVERIFY(money.match(model.index(0, c).data().toString()).hasMatch());
        QCOMPARE(model.index(0, models::GoodsModel::SupplierColumn).data().toString(), u"main"_s);

        page->model().sort(models::GoodsModel::PriceColumn, Qt::DescendingOrder);
        QVERIFY(settled(*page));
        QVERIFY(QTest::qWaitFor(
            [&] { return model.isRowLoaded(0) && model.isRowLoaded(model.rowCount() - 1); }, 5000));
        for (int r = 1; r < model.rowCount(); ++r)
            QVERIFY(model.index(r - 1, models::GoodsModel::PriceColumn)
                        .data(models::GoodsModel::RawRole)
                        .toLongLong() >= model.index(r, models::GoodsModel::PriceColumn)
                                             .data(models::GoodsModel::RawRole)
                                             .toLongLong());
        const int sortColumn = model.sortColumn();
        model.sort(models::GoodsModel::Sales7Column); // computed per row: not sortable
        QCOMPARE(model.sortColumn(), sortColumn);

        QSignalSpy opened(page.get(), &ui::GoodsPage::openGoods);
        page->view().setFocus();
        page->view().setCurrentIndex(model.index(0, 0));
        QTest::keyClick(&page->view(), Qt::Key_Return);
        QCOMPARE(opened.size(), 1);
        QCOMPARE(opened.first().first().toLongLong(), model.rowKey(0).toLongLong());

        const QString shots = qEnvironmentVariable("CARDOPS_SHOTS");
        if (!shots.isEmpty()) {
            page->searchField().clear();
            page->model().setSearch({});
            page->linkFilter().setCurrentIndex(0);
            QVERIFY(settled(*page));
            shoot(*page, shots + u"/goods.png"_s);
        }
    }

    void categoriesRenameAndReorderThroughTheOutbox()
    {
        auto page = openPage();
        QVERIFY(page);
        auto& editor = page->categoryEditor();
        QVERIFY(!editor.canEdit()); // nobody signed in
        page->setActor({1, u"admin"_s, core::Role::Administrator});
        QVERIFY(editor.canEdit());
        auto& tree = page->categories();
        const QModelIndex all = tree.index(0, 0);
        QVERIFY(tree.rowCount(all) >= 2);
        const qint64 first =
            tree.index(0, 0, all).data(models::CategoryTreeModel::CategoryIdRole).toLongLong();
        const qint64 second =
            tree.index(1, 0, all).data(models::CategoryTreeModel::CategoryIdRole).toLongLong();

        QSignalSpy done(&editor, &models::CategoryEditor::finished);
        editor.rename(first, u"  热门点卡 "_s);
        QVERIFY(done.wait(5000));
        QVERIFY2(done.first().first().toBool(), qPrintable(done.first().last().toString()));
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM outbox WHERE entity = 'categories' AND entity_id = ? "
                        u"AND state = 'pending' AND body LIKE '%热门点卡%'"_s,
                        {first}),
                 1);
        QVERIFY(QTest::qWaitFor(
            [&] { return tree.indexOf(first).data(Qt::ToolTipRole).toString() == u"热门点卡"_s; }, 5000));

        // 高频品类前置: the second top-level category moves up, above the first.
        done.clear();
        editor.move(second, -1);
        QVERIFY(done.wait(5000));
        QVERIFY(done.first().first().toBool());
        QVERIFY(scalar(u"SELECT sort FROM categories WHERE id = ?"_s, {second}) <
                scalar(u"SELECT sort FROM categories WHERE id = ?"_s, {first}));
        QVERIFY(QTest::qWaitFor(
            [&] {
                return tree.index(0, 0, tree.index(0, 0))
                           .data(models::CategoryTreeModel::CategoryIdRole)
                           .toLongLong() == second;
            },
            5000));
        QVERIFY(
            scalar(u"SELECT COUNT(*) FROM outbox WHERE entity = 'categories' AND fields LIKE '%sort%'"_s) >=
            2);
        // At the top nothing moves.
        done.clear();
        const qint64 outboxRows = scalar(u"SELECT COUNT(*) FROM outbox"_s);
        editor.move(second, -1);
        QVERIFY(done.wait(5000));
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM outbox"_s), outboxRows);
    }

    // Bulk: the selected rows (or the whole filter) after a confirmation, each an outbox edit; the
    // undo bar and Ctrl+Z drop what is not synced yet and the cache shows the platform's values again.
    void bulkOffSaleWithUndo()
    {
        auto page = openPage();
        QVERIFY(page);
        auto& actions = page->actions();
        page->setActor({1, u"admin"_s, core::Role::Administrator});
        QStringList asked;
        bool answer = false;
        actions.setConfirm([&](const QString&, const QString& question) {
            asked << question;
            return answer;
        });
        QVERIFY(QTest::qWaitFor([&] { return page->model().isRowLoaded(2); }, 5000));
        const qint64 outboxBefore = scalar(u"SELECT COUNT(*) FROM outbox"_s);
        QList<qint64> chosen;
        auto* selection = page->view().selectionModel();
        for (int row : {0, 2}) {
            selection->select(page->model().index(row, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
            chosen << page->model().rowKey(row).toLongLong();
        }
        const qint64 onBefore = scalar(u"SELECT COUNT(*) FROM goods WHERE status = 'on' AND id IN (?, ?)"_s,
                                       {chosen.at(0), chosen.at(1)});

        // Declined: nothing changes.
        actions.changeStatus(false);
        QCOMPARE(asked.size(), 1);
        QVERIFY2(asked.first().contains(u'2'), qPrintable(asked.first()));
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM outbox"_s), outboxBefore);

        answer = true;
        QSignalSpy applied(&actions.bulk(), &models::GoodsBulkEditor::applied);
        actions.changeStatus(false);
        QVERIFY(applied.wait(5000));
        QVERIFY2(applied.first().at(2).toString().isEmpty(), qPrintable(applied.first().at(2).toString()));
        QCOMPARE(applied.first().at(0).toLongLong(), onBefore);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM outbox WHERE state = 'pending' AND fields = '[\"status\"]'"_s),
                 onBefore);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM goods WHERE status = 'off' AND id IN (?, ?)"_s,
                        {chosen.at(0), chosen.at(1)}),
                 2);
        if (onBefore > 0)
            QVERIFY(actions.undoBar()->isVisible());

        // Ctrl+Z on the page undoes it.
        QSignalSpy undone(&actions.bulk(), &models::GoodsBulkEditor::undone);
        page->view().setFocus();
        QTest::keyClick(&page->view(), Qt::Key_Z, Qt::ControlModifier);
        if (onBefore > 0) {
            QVERIFY(undone.wait(5000));
            QCOMPARE(undone.first().at(0).toLongLong(), onBefore);
        }
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM outbox WHERE entity = 'goods' AND state = 'pending'"_s), 0);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM goods WHERE status = 'on' AND id IN (?, ?)"_s,
                        {chosen.at(0), chosen.at(1)}),
                 onBefore);
        QVERIFY(!actions.undoBar()->isVisible());
        QVERIFY(!actions.bulk().canUndo());

        // Nothing selected: the threshold goes to every goods of the filter (a search).
        selection->clearSelection();
        page->searchField().setText(page->model().data(page->model().index(0, 2)).toString());
        QTest::keyClick(&page->searchField(), Qt::Key_Return);
        QVERIFY(QTest::qWaitFor([&] { return page->model().totalCount() > 0 && page->model().isRowLoaded(0); },
                                5000));
        const qint64 matching = page->model().totalCount();
        applied.clear();
        actions.changeThreshold(987);
        QVERIFY(applied.wait(5000));
        QCOMPARE(applied.first().at(0).toLongLong() + applied.first().at(1).toLongLong(), matching);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM goods WHERE low_stock_threshold = 987"_s), matching);
        undone.clear();
        actions.bulk().undoLast();
        QVERIFY(undone.wait(5000));
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM goods WHERE low_stock_threshold = 987"_s), 0);
    }

    // A listing template for the selected goods, undone back to what each followed before.
    void bulkTemplateWithUndo()
    {
        auto page = openPage();
        QVERIFY(page);
        auto& actions = page->actions();
        const core::Actor admin{1, u"admin"_s, core::Role::Administrator};
        page->setActor(admin);
        actions.setConfirm([](const QString&, const QString&) { return true; });
        auto seeded = m_db->writer()
                          .submit<qint64>(u"test"_s,
                                          [admin](storage::WriteContext& ctx) {
                                              return storage::listingtemplates::ensureDefaults(ctx, admin);
                                          })
                          .result();
        QVERIFY(seeded.ok());
        const qint64 first = scalar(u"SELECT min(id) FROM listing_templates"_s);
        const qint64 second = scalar(u"SELECT max(id) FROM listing_templates"_s);
        QVERIFY(first > 0 && second > first);
        QVERIFY(QTest::qWaitFor([&] { return page->model().isRowLoaded(1); }, 5000));
        auto* selection = page->view().selectionModel();
        selection->clearSelection();
        for (int row : {0, 1})
            selection->select(page->model().index(row, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        const qint64 a = page->model().rowKey(0).toLongLong();
        const qint64 b = page->model().rowKey(1).toLongLong();

        QSignalSpy applied(&actions.bulk(), &models::GoodsBulkEditor::applied);
        actions.changeTemplate(first, u"first"_s); // a follows `first` before the batch under test
        QVERIFY(applied.wait(5000));
        selection->clearSelection();
        selection->select(page->model().index(1, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        selection->select(page->model().index(0, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        applied.clear();
        actions.changeTemplate(second, u"second"_s);
        QVERIFY(applied.wait(5000));
        QCOMPARE(applied.first().at(0).toLongLong(), 2);
        QCOMPARE(scalar(u"SELECT count(*) FROM goods_templates WHERE template_id = ? AND goods_id IN (?, ?)"_s,
                        {second, a, b}),
                 2);
        QSignalSpy undone(&actions.bulk(), &models::GoodsBulkEditor::undone);
        actions.bulk().undoLast();
        QVERIFY(undone.wait(5000));
        QCOMPARE(scalar(u"SELECT template_id FROM goods_templates WHERE goods_id = ?"_s, {a}), first);
        QCOMPARE(scalar(u"SELECT template_id FROM goods_templates WHERE goods_id = ?"_s, {b}), first);
        undone.clear();
        actions.bulk().undoLast();
        QVERIFY(undone.wait(5000));
        QCOMPARE(scalar(u"SELECT count(*) FROM goods_templates WHERE goods_id IN (?, ?)"_s, {a, b}), 0);
    }

    // 补货 without a platform: the figures and the suggestion show, buying is off with the reason;
    // the resellers list middle and high tiers first. CARDOPS_SHOTS: restock.png.
    void restockDialogFigures()
    {
        const qint64 goodsId = scalar(u"SELECT o.goods_id FROM orders o JOIN members m ON m.id = o.member_id "
                                      u"JOIN goods g ON g.id = o.goods_id WHERE m.kind = 'agent' AND "
                                      u"g.kind = 'card' AND g.supplier_links <> '[]' GROUP BY o.goods_id "
                                      u"ORDER BY count(DISTINCT o.member_id) DESC, o.goods_id LIMIT 1"_s);
        QVERIFY(goodsId > 0);
        ui::RestockDialog dialog(*m_source, nullptr, goodsId);
        QSignalSpy loaded(&dialog, &ui::RestockDialog::loaded);
        dialog.show();
        QVERIFY(loaded.wait(5000));
        QVERIFY2(dialog.info().ok, qPrintable(dialog.info().error));
        QCOMPARE(dialog.info().goods.goodsId, goodsId);
        QVERIFY(dialog.info().suggestion.has_value());
        QVERIFY(!dialog.restockButton().isEnabled());
        QVERIFY(!dialog.restockButton().toolTip().isEmpty());
        QCOMPARE(dialog.quantity().value(),
                 int(std::clamp<qint64>(dialog.info().suggestion->suggested, 1, dialog.quantity().maximum())));
        QVERIFY(dialog.suggestionText().text().contains(QString::number(dialog.info().suggestion->suggested)));
        const auto& sellers = dialog.info().resellers;
        QVERIFY(!sellers.isEmpty());
        QCOMPARE(dialog.resellers().rowCount(), int(sellers.size()));
        for (qsizetype i = 1; i < sellers.size(); ++i)
            QVERIFY(sellers.at(i - 1).middleOrHigh || !sellers.at(i).middleOrHigh);
        QCOMPARE(dialog.resellers().item(0, 0)->text(), sellers.first().name);
        const QString shots = qEnvironmentVariable("CARDOPS_SHOTS");
        if (!shots.isEmpty())
            shoot(dialog, shots + u"/restock.png"_s);
    }
};

QTEST_MAIN(TstGoodsPage)
#include "tst_goodspage.moc"
