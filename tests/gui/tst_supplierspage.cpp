#include "../models/generatedcache.h"
#include "core/clock.h"
#include "fakebackend.h"
#include "models/datasource.h"
#include "models/supplymodels.h"
#include "storage/database.h"
#include "storage/databasewriter.h"
#include "storage/purchases.h"
#include "storage/readsession.h"
#include "storage/supply.h"
#include "storage/writecontext.h"
#include "ui/resolvepurchasedialog.h"
#include "ui/style.h"
#include "ui/supplierdiagnosticsdialog.h"
#include "ui/supplierdialog.h"
#include "ui/supplierspage.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTranslator>
#include <QtTest>

using namespace cardops;
using namespace Qt::StringLiterals;
namespace supply = storage::supply;

// 货源 on a generated cache: the empty state before any supplier was read, then two suppliers (one
// short of balance) with a mirrored catalogue, linked goods with a negative margin on top, the
// unknown-outcome queue settled by an operator, and a supplier's diagnostics — in Chinese.
class TstSuppliersPage : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    core::SystemClock m_clock;
    std::unique_ptr<storage::Database> m_db;
    std::unique_ptr<models::DataSource> m_source;
    QTranslator m_translator;
    FakeBackend m_backend;
    qint64 m_unknownId = 0;
    QString m_losingSku;

    storage::ReadSession::Rows rows(const QString& sql)
    {
        storage::ReadSession read(m_path);
        auto r = read.select(sql, {});
        return r ? r.value() : storage::ReadSession::Rows{};
    }

    bool write(const std::function<core::Result<void>(storage::WriteContext&)>& job)
    {
        auto done = m_db->writer().submit(u"test.supply"_s, job);
        done.waitForFinished();
        settle();
        return done.result().ok();
    }

    // The writer's notice of a commit is delivered now, not in the middle of a later step.
    void settle()
    {
        QCoreApplication::processEvents();
        m_source->notifyChanged({});
    }

    std::unique_ptr<ui::SuppliersPage> openPage()
    {
        auto page = std::make_unique<ui::SuppliersPage>(*m_source, m_backend);
        for (QAbstractItemModel* m : std::initializer_list<QAbstractItemModel*>{
                 &page->suppliers(), &page->linked(), &page->unknown()})
            new QAbstractItemModelTester(m, QAbstractItemModelTester::FailureReportingMode::QtTest, m);
        page->resize(1280, 760);
        page->show();
        if (!QTest::qWaitForWindowExposed(page.get()) ||
            !QTest::qWaitFor([&] { return page->isReady(); }, 10'000))
            return {};
        return page;
    }

    void shoot(QWidget& widget, const QString& name)
    {
        const QString dir = qEnvironmentVariable("CARDOPS_SHOTS");
        if (dir.isEmpty())
            return;
        QTest::qWait(50);
        QVERIFY(widget.grab().save(dir + u'/' + name));
    }

    static QLabel* visibleLabelContaining(QWidget& root, const QString& text)
    {
        for (QLabel* l : root.findChildren<QLabel*>())
            if (l->isVisible() && l->text().contains(text))
                return l;
        return nullptr;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_translator.load(u":/i18n/cardops_zh_CN"_s));
        QCoreApplication::installTranslator(&m_translator);
        ui::applyStyle(*qApp);
        m_path = generatedcache::build(m_dir, 500);
        QVERIFY(!m_path.isEmpty());
        auto db = storage::Database::open(m_path, m_clock);
        QVERIFY(db.ok());
        m_db = std::move(db).value();
        m_source = std::make_unique<models::DataSource>(m_path, &m_db->writer());
    }

    void emptyBeforeAnySupplierIsRead()
    {
        auto page = openPage();
        QVERIFY(page);
        QCOMPARE(page->suppliers().rowCount(), 0);
        QVERIFY(!page->supplierView().isVisible());
        QVERIFY(visibleLabelContaining(*page, u"尚未对接供应商"_s));
        page->applyFilter(u"unknown"_s);
        QCOMPARE(page->tabs().currentIndex(), int(ui::SuppliersPage::UnknownTab));
        QVERIFY(visibleLabelContaining(*page, u"每笔采购的结果都已确定"_s));
        QVERIFY(!page->unknownView().isVisible());
    }

    void suppliersAndMarginsAfterARefresh()
    {
        // The goods' links as the platform gave them; one product costs more than its goods sells for.
        const auto links =
            rows(u"SELECT g.price, g.sku, j.value ->> 'protocol', j.value ->> 'product_ref' FROM goods g, "
                 u"json_each(g.supplier_links) j ORDER BY g.id LIMIT 40"_s);
        QVERIFY(links.size() >= 3);
        QHash<QString, QList<supply::MirroredProduct>> mirror;
        for (qsizetype i = 0; i < links.size(); ++i) {
            const QString protocol = links[i].value(2).toString();
            supply::MirroredProduct p;
            p.supplierId = protocol == u"fulu" ? u"fulu-main"_s : u"acg-main"_s;
            p.productId = links[i].value(3).toString();
            p.name = u"上游商品 %1"_s.arg(i);
            p.cost = links[i].value(0).toLongLong() + (i == 1 ? 25'000 : -20'000);
            p.stockLevel = i == 2 ? u"out"_s : u"plenty"_s;
            mirror[p.supplierId].append(p);
            if (i == 1)
                m_losingSku = links[i].value(1).toString();
        }
        const qint64 now = m_clock.nowSeconds();
        QVERIFY(write([&](storage::WriteContext& ctx) -> core::Result<void> {
            if (auto r =
                    supply::recordBalance(ctx, u"fulu-main"_s, u"fulu"_s, 500'000, u"福禄测试账户"_s, now);
                !r)
                return r;
            if (auto r = supply::recordBalance(ctx, u"acg-main"_s, u"acg-faka"_s, 50'000'000, u"异次元小店"_s,
                                               now);
                !r)
                return r;
            for (auto it = mirror.cbegin(); it != mirror.cend(); ++it)
                if (auto r = supply::mirrorCatalogue(ctx, it.key(), it.value(), now); !r)
                    return r;
            return {};
        }));

        auto page = openPage();
        QVERIFY(page);
        QCOMPARE(page->suppliers().rowCount(), 2);
        QVERIFY(page->supplierView().isVisible());
        QVERIFY(!visibleLabelContaining(*page, u"尚未对接供应商"_s));
        // acg-main sorts first; fulu-main is short of its 100 yuan threshold.
        const int fulu = page->suppliers().status(0).supplierId == u"fulu-main" ? 0 : 1;
        const QModelIndex state = page->suppliers().index(fulu, models::SupplierStatusModel::State);
        QVERIFY(state.data().toString().contains(u"余额低于"_s));
        QVERIFY(state.data(Qt::ForegroundRole).isValid());
        QCOMPARE(page->suppliers().index(fulu, models::SupplierStatusModel::Balance).data().toString(),
                 u"50.00"_s);
        QVERIFY(!page->suppliers()
                     .index(1 - fulu, models::SupplierStatusModel::State)
                     .data(Qt::ForegroundRole)
                     .isValid());

        // Linked goods: the loss-making one first, red, with its margin as money and percent.
        QVERIFY(page->mainRows() >= links.size());
        QCOMPARE(page->linked().link(0).sku, m_losingSku);
        const QModelIndex margin = page->linked().index(0, models::LinkedGoodsModel::Margin);
        QVERIFY(margin.data().toString().startsWith(u"-2.50 (-"_s));
        QVERIFY(margin.data(Qt::ForegroundRole).isValid());
        QCOMPARE(page->linked().negativeMargins(), 1);
        QVERIFY(page->tabs().tabText(ui::SuppliersPage::LinkedTab).startsWith(u"关联商品"_s));
        QVERIFY(visibleLabelContaining(*page, u"低于进价"_s));
        shoot(*page, u"suppliers-linked.png"_s);

        // The search narrows to one SKU.
        page->focusSearch();
        QTest::keyClicks(QApplication::focusWidget(), m_losingSku);
        const auto narrowed = [&] {
            for (int r = 0; r < page->linked().rowCount(); ++r)
                if (page->linked().link(r).sku != m_losingSku)
                    return false;
            return page->linked().search() == m_losingSku && page->linked().rowCount() >= 1;
        };
        QTRY_VERIFY_WITH_TIMEOUT(narrowed(), 5000);
        QVERIFY(page->linked().rowCount() < links.size());

        // Refresh asks the backend; its answer shows.
        QPushButton* refresh = nullptr;
        for (QPushButton* b : page->findChildren<QPushButton*>())
            if (b->text() == u"刷新余额与商品"_s)
                refresh = b;
        QVERIFY(refresh);
        refresh->click();
        QCOMPARE(m_backend.supplierRefreshes, 1);
        QVERIFY(!refresh->isEnabled());
        Q_EMIT m_backend.suppliersRefreshed(u"connection refused"_s);
        QVERIFY(refresh->isEnabled());
        QVERIFY(visibleLabelContaining(*page, u"connection refused"_s));
    }

    void anOperatorSettlesAnUnknownPurchase()
    {
        auto id = m_db->writer().submit<qint64>(
            u"test.unknown"_s, [](storage::WriteContext& ctx) -> core::Result<qint64> {
                storage::PurchaseRecord intent;
                intent.externalNo = u"CDO0ABCDEF12345678X"_s;
                intent.supplierId = u"acg-main"_s;
                intent.productRef = u"8AE80574F3CA"_s;
                intent.quantity = 2;
                intent.orderId = 1000007;
                auto made = storage::purchases::recordIntent(ctx, intent);
                if (!made)
                    return made.error();
                if (auto r = storage::purchases::advance(ctx, made.value(), core::PurchaseState::Intent,
                                                         {core::PurchaseState::Sent, {}, {}, {}, {}});
                    !r)
                    return r.error();
                if (auto r = storage::purchases::advance(
                        ctx, made.value(), core::PurchaseState::Sent,
                        {core::PurchaseState::Unknown, {}, {}, {}, u"timeout after 30 s"_s});
                    !r)
                    return r.error();
                return made.value();
            });
        id.waitForFinished();
        settle();
        QVERIFY(id.result().ok());
        m_unknownId = id.result().value();

        auto page = openPage();
        QVERIFY(page);
        page->applyFilter(u"unknown"_s);
        QCOMPARE(page->unknown().rowCount(), 1);
        QVERIFY(page->tabs().tabText(ui::SuppliersPage::UnknownTab).contains(u"（1）"_s) ||
                page->tabs().tabText(ui::SuppliersPage::UnknownTab).contains(u"(1)"_s));
        QCOMPARE(page->unknown().index(0, models::UnknownPurchasesModel::ExternalNo).data().toString(),
                 u"CDO0ABCDEF12345678X"_s);
        QPushButton* bought = nullptr;
        for (QPushButton* b : page->findChildren<QPushButton*>())
            if (b->text() == u"已在上游购买…"_s)
                bought = b;
        QVERIFY(bought);
        QVERIFY(!bought->isEnabled()); // nothing selected yet
        page->unknownView().selectRow(0);
        QVERIFY(bought->isEnabled());
        // A commit elsewhere reads the queue again; the selection stays on the purchase.
        QSignalSpy reset(&page->unknown(), &QAbstractItemModel::modelReset);
        page->unknown().reload();
        QVERIFY(reset.wait(5000));
        QVERIFY(bought->isEnabled());
        QCOMPARE(page->unknownView().selectionModel()->selectedRows().size(), 1);
        shoot(*page, u"suppliers-unknown.png"_s);

        bought->click();
        ui::ResolvePurchaseDialog* dialog = nullptr;
        QVERIFY(QTest::qWaitFor(
            [&] { return (dialog = page->findChild<ui::ResolvePurchaseDialog*>()) != nullptr; }, 5000));
        QVERIFY(dialog->cardField());
        QPushButton* record = nullptr;
        for (QPushButton* b : dialog->findChildren<QPushButton*>())
            if (b->text() == u"记录"_s)
                record = b;
        QVERIFY(record);
        QVERIFY(!record->isEnabled()); // a note is required
        dialog->cardField()->setPlainText(u"CARD-A\nCARD-B\n"_s);
        QVERIFY(visibleLabelContaining(*dialog, u"2 张卡密"_s));
        dialog->noteField().setText(u"上游后台订单 T2026112900001 已支付"_s);
        QVERIFY(record->isEnabled());
        shoot(*dialog, u"suppliers-resolve.png"_s);
        record->click();
        QCOMPARE(m_backend.resolutions.size(), 1);
        QCOMPARE(m_backend.resolutions.first().id, m_unknownId);
        QVERIFY(m_backend.resolutions.first().bought);
        QCOMPARE(m_backend.resolutions.first().cardText, u"CARD-A\nCARD-B"_s);
        QCOMPARE(m_backend.resolutions.first().note, u"上游后台订单 T2026112900001 已支付"_s);
    }

    void aRoleThatMayNotCannotSettle()
    {
        m_backend.mayResolve = false;
        auto page = openPage();
        QVERIFY(page);
        page->applyFilter(u"unknown"_s);
        page->unknownView().selectRow(0);
        for (QPushButton* b : page->findChildren<QPushButton*>())
            if (b->text() == u"已在上游购买…"_s || b->text() == u"未购买…"_s)
                QVERIFY(!b->isEnabled());
        page->resolveSelected(true);
        QVERIFY(!page->findChild<ui::ResolvePurchaseDialog*>());
        m_backend.mayResolve = true;
    }

    void diagnosticsShowTheSignatures()
    {
        supply::SupplierStatus status;
        status.supplierId = u"fulu-main"_s;
        status.protocol = u"fulu"_s;
        status.balance = 500'000;
        status.lowBalanceThreshold = supply::kDefaultLowBalanceThreshold;
        status.checkedAt = m_clock.nowSeconds();
        models::SupplierExchange exchange;
        exchange.any = true;
        exchange.request = u"POST http://127.0.0.1:1/api/getway\n\n{\"app_key\":\"***\"}"_s;
        exchange.signedText = u"{\"app_key\":\"***\"}"_s;
        exchange.response = u"HTTP 200\n\n{\"code\":0,\"result\":\"{}\",\"sign\":\"00ff\"}"_s;
        exchange.signatureComputed = u"9a0364b9e99bb480dd25e1f0284c8555"_s;
        exchange.signatureReceived = u"00ff"_s;
        exchange.signatureValid = false;
        exchange.outcome = u"Signature: the response signature does not match"_s;
        ui::SupplierDiagnosticsDialog dialog(status, exchange, u"福禄"_s);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(visibleLabelContaining(dialog, u"不匹配"_s));
        QVERIFY(visibleLabelContaining(dialog, u"9a0364b9e99bb480dd25e1f0284c8555"_s));
        QVERIFY(dialog.findChildren<QTabWidget*>().value(0)->count() == 3);
        shoot(dialog, u"supplier-diagnostics.png"_s);
    }

    void dockingASupplierSavesOnlyWhatWasTested()
    {
        m_backend.demo = false;
        ui::SupplierDialog dialog(m_backend);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        const QList<QLineEdit*> fields = dialog.findChildren<QLineEdit*>(Qt::FindDirectChildrenOnly);
        QCOMPARE(fields.size(), 4); // name, address, app id, secret
        dialog.protocol().setCurrentIndex(1);
        QCOMPARE(dialog.connection().protocol, u"fulu"_s);
        QCOMPARE(fields[1]->text(), u"https://openapi.fulu.com/api/getway"_s); // Fulu's gateway is offered
        fields[0]->setText(u"fulu-main"_s);
        fields[2]->setText(u"i4esv1l+76l/7NQCL3QudG90Fq+YgVfFGJAWgT+7qO1Bm9o/adG/1iwO2qXsAXNB"_s);
        fields[3]->setText(u"short"_s);
        QPushButton* testButton = nullptr;
        QPushButton* dock = nullptr;
        for (QPushButton* b : dialog.findChildren<QPushButton*>()) {
            if (b->text() == u"测试（读取余额）"_s)
                testButton = b;
            if (b->text() == u"对接"_s)
                dock = b;
        }
        QVERIFY(testButton && dock);
        testButton->click();
        QVERIFY(m_backend.supplierTests.isEmpty()); // a bad secret is said, not sent
        QVERIFY(dialog.verdict().text().contains(u"32"_s));
        fields[1]->setText(u"http://upstream.example.com"_s);
        QVERIFY(dialog.validationError().contains(u"https://"_s));
        fields[1]->setText(u"https://openapi.fulu.com/api/getway"_s);
        fields[3]->setText(u"0a091b3aa4324435aab703142518a8f7"_s);
        m_backend.nextSupplierCheck = {true, u"{\"balance\": 10000.0, \"name\": \"测试\"}"_s};
        testButton->click();
        QCOMPARE(m_backend.supplierTests.size(), 1);
        QVERIFY(dock->isEnabled());
        shoot(dialog, u"supplier-dock.png"_s);
        fields[3]->setText(u"1a091b3aa4324435aab703142518a8f7"_s);
        QVERIFY(!dock->isEnabled()); // an edit after the test needs a new test
        testButton->click();
        dock->click();
        QCOMPARE(m_backend.supplierAdds.size(), 1);
        QCOMPARE(m_backend.supplierAdds.first().secret, QByteArray("1a091b3aa4324435aab703142518a8f7"));
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        // The same name twice is refused before any call.
        ui::SupplierDialog again(m_backend);
        again.findChildren<QLineEdit*>(Qt::FindDirectChildrenOnly)[0]->setText(u"fulu-main"_s);
        QVERIFY(again.validationError().contains(u"fulu-main"_s));
        m_backend.demo = true;
    }
};

QTEST_MAIN(TstSuppliersPage)
#include "tst_supplierspage.moc"
