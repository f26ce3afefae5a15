#include "../models/generatedcache.h"
#include "core/clock.h"
#include "models/datasource.h"
#include "models/goodseditor.h"
#include "storage/database.h"
#include "storage/databasewriter.h"
#include "storage/listingtemplates.h"
#include "storage/platformcache.h"
#include "storage/readsession.h"
#include "storage/writecontext.h"
#include "ui/goodseditordialog.h"
#include "ui/listingeditwidget.h"
#include "ui/style.h"
#include "ui/templateeditordialog.h"

#include <QApplication>
#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTranslator>
#include <QtTest>

using namespace cardops;
using namespace Qt::StringLiterals;

// 商品编辑 and 商品模板 on a generated cache: the goods as cached, the default templates seeded, a save
// that stages exactly the changed fields, the guard against selling below cost, the live template
// check and its question, bad money kept in its field, Esc with unsaved changes, one window a goods,
// and the template editor. With CARDOPS_SHOTS set it writes goodseditor.png and templates.png there
// (CARDOPS_SHOT_QM: a translation to load for them).
class TstGoodsEditor : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    core::SystemClock m_clock;
    std::unique_ptr<storage::Database> m_db;
    std::unique_ptr<models::DataSource> m_source;
    const core::Actor m_admin{1, u"admin"_s, core::Role::Administrator};
    QStringList m_questions; // titles of the questions asked
    bool m_answer = true;
    qint64 m_goodsId = 0;
    core::Money m_cost;
    QTranslator m_translator;

    QVariant scalar(const QString& sql, const QVariantList& binds = {})
    {
        storage::ReadSession read(m_path);
        auto rows = read.select(sql, binds);
        return rows && !rows->isEmpty() ? rows->first().value(0) : QVariant();
    }

    std::unique_ptr<ui::GoodsEditorDialog> open(qint64 goodsId)
    {
        auto dialog = std::make_unique<ui::GoodsEditorDialog>(*m_source, m_admin, goodsId);
        dialog->setConfirm([this](const QString& title, const QString&, const QString&) {
            m_questions << title;
            return m_answer;
        });
        QSignalSpy loaded(dialog.get(), &ui::GoodsEditorDialog::loaded);
        dialog->show();
        if (!QTest::qWaitForWindowExposed(dialog.get()) || !(loaded.size() > 0 || loaded.wait(10'000)))
            return {};
        return dialog;
    }

    // Saves and waits for the answer; the dialog reads the goods again after a save.
    bool saveAndWait(ui::GoodsEditorDialog& dialog, bool* ok = nullptr)
    {
        QSignalSpy finished(&dialog, &ui::GoodsEditorDialog::saveFinished);
        QSignalSpy loaded(&dialog, &ui::GoodsEditorDialog::loaded);
        dialog.save();
        if (finished.isEmpty() && !finished.wait(10'000))
            return false;
        if (ok)
            *ok = finished.first().first().toBool();
        return !finished.first().first().toBool() || loaded.size() > 0 || loaded.wait(10'000);
    }

    qint64 outboxRows()
    {
        return scalar(u"SELECT COUNT(*) FROM outbox WHERE entity = 'goods'"_s).toLongLong();
    }

    void shoot(QWidget& widget, const QString& name)
    {
        QTest::qWait(150);
        QVERIFY(widget.grab().save(qEnvironmentVariable("CARDOPS_SHOTS") + u'/' + name));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        ui::applyStyle(*qApp);
        m_path = generatedcache::build(m_dir, 500);
        QVERIFY(!m_path.isEmpty());
        auto db = storage::Database::open(m_path, m_clock);
        QVERIFY(db.ok());
        m_db = std::move(db).value();
        m_source = std::make_unique<models::DataSource>(m_path, &m_db->writer());
        // A card goods without a supplier link: its cost is the platform's cost field.
        storage::ReadSession read(m_path);
        const auto rows =
            read.select(u"SELECT id, cost FROM goods WHERE kind = 'card' AND supplier_links = '[]' "
                        u"AND price > cost AND face_value > price ORDER BY id LIMIT 1"_s);
        QVERIFY(rows && !rows->isEmpty());
        m_goodsId = rows->first().value(0).toLongLong();
        m_cost = core::Money::fromUnits(rows->first().value(1).toLongLong());
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM listing_templates"_s).toInt(), 0);
    }

    void init()
    {
        m_questions.clear();
        m_answer = true;
    }

    void opensTheGoodsAndSeedsTheTemplates()
    {
        auto dialog = open(m_goodsId);
        QVERIFY(dialog);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM listing_templates"_s).toInt(), 2);
        const qint64 price = scalar(u"SELECT price FROM goods WHERE id = ?"_s, {m_goodsId}).toLongLong();
        QCOMPARE(dialog->priceField().text(), core::Money::fromUnits(price).toString(2));
        QCOMPARE(dialog->editor().data().cost, m_cost.units());
        const core::Money margin = core::Money::fromUnits(price) - m_cost;
        QVERIFY2(dialog->marginLabel().text().startsWith(margin.toString(2) + u" ("_s),
                 qPrintable(dialog->marginLabel().text()));
        // No template assigned: the card default is suggested and the listing checked against it.
        auto& listing = dialog->listing();
        QVERIFY(listing.templateChooser().currentText().startsWith(u"卡密标准"_s));
        QVERIFY(dialog->editor().templateSuggested());
        QVERIFY(!dialog->hasUnsavedChanges());
        QCOMPARE(dialog->tabs().count(), 3);
        // Every tier field shows its whole "by discount" placeholder (it was cut at "0.…").
        dialog->tabs().setCurrentIndex(1);
        dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(dialog.get()));
        int placeholders = 0;
        for (const QLineEdit* field : dialog->findChildren<QLineEdit*>()) {
            if (!field->isVisible() || field->placeholderText().isEmpty() || !field->text().isEmpty())
                continue;
            ++placeholders;
            const int needed = field->fontMetrics().horizontalAdvance(field->placeholderText());
            QVERIFY2(needed <= field->contentsRect().width() - 8,
                     qPrintable(u"%1: %2 px in %3"_s.arg(field->placeholderText()).arg(needed).arg(field->width())));
        }
        QVERIFY(placeholders > 0);
    }

    void savesExactlyTheChangedFields()
    {
        auto dialog = open(m_goodsId);
        QVERIFY(dialog);
        const qint64 before = outboxRows();
        const core::Money price = m_cost + core::Money::fromYuan(1);
        dialog->priceField().setText(price.toString(2));
        auto& listing = dialog->listing();
        listing.titleField().setText(u"临时标题"_s);
        QVERIFY(listing.applyButton().isEnabled());
        listing.applyButton().click(); // asks: the fields are written
        QCOMPARE(m_questions, QStringList{u"Apply the template"_s});
        const core::Listing expected =
            core::listing::render(*dialog->editor().templateById(listing.templateId()),
                                  dialog->editor().goodsWith(*dialog->currentEdit()));
        QCOMPARE(listing.titleField().text(), expected.title);
        QVERIFY(expected.title.contains(u"秒到账"_s));
        QCOMPARE(listing.checkList().count(), 0);
        QVERIFY(dialog->hasUnsavedChanges());
        QVERIFY(dialog->windowTitle().endsWith(u" *"_s));

        bool ok = false;
        QVERIFY(saveAndWait(*dialog, &ok));
        QVERIFY2(ok, qPrintable(dialog->statusLabel().text()));
        QCOMPARE(outboxRows(), before + 1);
        const qint64 item = scalar(u"SELECT MAX(id) FROM outbox"_s).toLongLong();
        QCOMPARE(scalar(u"SELECT fields FROM outbox WHERE id = ?"_s, {item}).toString(),
                 u"[\"listing\",\"price\"]"_s);
        const QJsonObject body =
            QJsonDocument::fromJson(
                scalar(u"SELECT body FROM outbox WHERE id = ?"_s, {item}).toString().toUtf8())
                .object();
        QCOMPARE(body.keys(), (QStringList{u"listing"_s, u"price"_s}));
        QCOMPARE(body.value(u"price"_s).toString(), price.toString(4));
        QCOMPARE(body.value(u"listing"_s).toObject().value(u"title"_s).toString(), expected.title);
        QCOMPARE(body.value(u"listing"_s).toObject().value(u"description"_s).toString(),
                 expected.description);
        QCOMPARE(scalar(u"SELECT state FROM outbox WHERE id = ?"_s, {item}).toString(), u"pending"_s);
        QCOMPARE(scalar(u"SELECT price FROM goods WHERE id = ?"_s, {m_goodsId}).toLongLong(), price.units());
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM audit_log WHERE action = 'edit' AND entity = 'goods' AND "
                        u"entity_id = ?"_s,
                        {QString::number(m_goodsId)})
                     .toInt(),
                 1);
        // The suggested template is now the goods' own.
        QCOMPARE(
            scalar(u"SELECT t.name FROM goods_templates g JOIN listing_templates t ON t.id = g.template_id "
                   u"WHERE g.goods_id = ?"_s,
                   {m_goodsId})
                .toString(),
            u"卡密标准"_s);
        QVERIFY(!dialog->hasUnsavedChanges());
        QVERIFY(!dialog->editor().templateSuggested());
        QVERIFY2(dialog->statusLabel().text().contains(u"pending"_s),
                 qPrintable(dialog->statusLabel().text()));

        // Saving again without a change stages nothing.
        dialog->save();
        QCOMPARE(outboxRows(), before + 1);
        // Only the threshold: one more edit with that one field.
        auto* threshold = dialog->findChildren<QSpinBox*>().at(1);
        threshold->setValue(threshold->value() + 3);
        QVERIFY(saveAndWait(*dialog, &ok));
        QVERIFY(ok);
        QCOMPARE(scalar(u"SELECT fields FROM outbox WHERE id = (SELECT MAX(id) FROM outbox)"_s).toString(),
                 u"[\"low_stock_threshold\"]"_s);
        QVERIFY(m_questions.size() == 1); // the listing follows its template: no question
    }

    void belowCostNeedsAnExplicitYes()
    {
        auto dialog = open(m_goodsId);
        QVERIFY(dialog);
        const qint64 before = outboxRows();
        const core::Money low = m_cost - core::Money::fromUnits(100); // one cent below
        dialog->priceField().setText(low.toString(2));
        QVERIFY(dialog->marginLabel().text().startsWith(u"-0.01 ("_s));
        QVERIFY(dialog->marginLabel().styleSheet().contains(u"#c62828"_s, Qt::CaseInsensitive));

        // The model refuses without the confirmation.
        QSignalSpy refused(&dialog->editor(), &models::GoodsEditor::saveFinished);
        dialog->editor().save(*dialog->currentEdit(), false);
        QCOMPARE(refused.size(), 1);
        QCOMPARE(refused.first().at(0).value<models::GoodsEditor::Outcome>(),
                 models::GoodsEditor::Outcome::BelowCost);
        QVERIFY(refused.first().at(2).toString().contains(low.toString(2)));
        // The tiers that pay by discount follow the price below cost too (黄金代理 94 %, 钻石代理 92 %).
        QVERIFY2(refused.first().at(2).toString().contains(u"钻石代理 pays"_s),
                 qPrintable(refused.first().at(2).toString()));

        // The dialog asks; "no" keeps the edit unsaved.
        m_answer = false;
        dialog->save();
        QTest::qWait(50);
        QVERIFY(m_questions.contains(u"Selling below cost"_s));
        QCOMPARE(outboxRows(), before);
        QVERIFY(dialog->hasUnsavedChanges());

        m_answer = true;
        bool ok = false;
        QVERIFY(saveAndWait(*dialog, &ok));
        QVERIFY(ok);
        QCOMPARE(outboxRows(), before + 1);
        QCOMPARE(scalar(u"SELECT price FROM goods WHERE id = ?"_s, {m_goodsId}).toLongLong(), low.units());
    }

    void templateWarningIsShownAndAsked()
    {
        auto dialog = open(m_goodsId);
        QVERIFY(dialog);
        dialog->tabs().setCurrentIndex(2);
        auto& listing = dialog->listing();
        const QString title = listing.titleField().text();
        QVERIFY(title.contains(u" | 秒到账"_s));
        // The scenario and the after-sale section go.
        listing.titleField().setText(title.left(title.indexOf(u" | "_s)));
        QString description = listing.descriptionField().toPlainText();
        description.truncate(description.indexOf(u"【售后保障】"_s));
        listing.descriptionField().setPlainText(description.trimmed());
        QCOMPARE(listing.checkList().count(), 2);
        QCOMPARE(listing.checkList().item(0)->text(), u"Title: the part “场景” is missing (秒到账)"_s);
        QCOMPARE(listing.checkList().item(1)->text(), u"Description: the section 【售后保障】 is missing"_s);
        QCOMPARE(listing.checkSummary().text(), u"⚠ Missing: 场景, 售后保障"_s);
        QVERIFY(!dialog->tabs().tabIcon(2).isNull());

        const qint64 before = outboxRows();
        m_answer = false;
        dialog->save();
        QCOMPARE(m_questions, QStringList{u"The listing does not follow its template"_s});
        QCOMPARE(outboxRows(), before);
        // Answered yes, it is saved as it is.
        m_answer = true;
        bool ok = false;
        QVERIFY(saveAndWait(*dialog, &ok));
        QVERIFY(ok);
        QCOMPARE(outboxRows(), before + 1);
        QCOMPARE(scalar(u"SELECT listing_title FROM goods WHERE id = ?"_s, {m_goodsId}).toString(),
                 title.left(title.indexOf(u" | "_s)));
        // No template: nothing is checked.
        listing.templateChooser().setCurrentIndex(0);
        QCOMPARE(listing.checkList().count(), 0);
        QCOMPARE(listing.checkSummary().text(), u"No template: the listing is not checked."_s);
    }

    void badMoneyStaysInItsField()
    {
        auto dialog = open(m_goodsId);
        QVERIFY(dialog);
        const qint64 before = outboxRows();
        dialog->priceField().setText(u"12.345.6"_s);
        QCOMPARE(dialog->priceField().text(), u"12.345.6"_s);
        QVERIFY(!dialog->priceField().styleSheet().isEmpty());
        QString error;
        QVERIFY(!dialog->currentEdit(&error));
        QCOMPARE(error, u"Not a valid value: the price"_s);
        dialog->save();
        QTest::qWait(50);
        QCOMPARE(outboxRows(), before);
        QCOMPARE(dialog->statusLabel().text(), error);
        QCOMPARE(dialog->priceField().text(), u"12.345.6"_s);
        for (const QString& bad : {u"-1"_s, u"1.23456"_s, u"1,000"_s, u"¥5"_s, QString()}) {
            dialog->priceField().setText(bad);
            QVERIFY2(!dialog->currentEdit(), qPrintable(bad));
        }
        dialog->priceField().setText(u"0.9850"_s);
        QCOMPARE(dialog->currentEdit()->price.units(), 9850);
    }

    void aChangeMadeMeanwhileIsNotOverwritten()
    {
        const qint64 id =
            scalar(u"SELECT id FROM goods WHERE id <> ? AND id NOT IN (SELECT entity_id FROM outbox) "
                   u"ORDER BY id LIMIT 1"_s,
                   {m_goodsId})
                .toLongLong();
        QVERIFY(id > 0);
        auto dialog = open(id);
        QVERIFY(dialog);
        const qint64 before = outboxRows();
        dialog->priceField().setText(u"123.45"_s);
        // A sync brings another price (and a newer version) while the operator types.
        QSignalSpy loaded(dialog.get(), &ui::GoodsEditorDialog::loaded);
        auto remote = storage::listingtemplates::goods(storage::ReadSession(m_path), id).value();
        remote.price = core::Money::fromYuan(200);
        remote.version += 1;
        auto applied =
            m_db->writer().submit<storage::IngestStats>(u"test.sync"_s, [remote](storage::WriteContext& ctx) {
                return storage::platformcache::applyGoods(ctx, {remote});
            });
        applied.waitForFinished();
        QVERIFY(applied.result().ok());
        QVERIFY(loaded.wait(5000)); // read again; the edit and its base stay
        QCOMPARE(dialog->priceField().text(), u"123.45"_s);
        bool ok = true;
        QVERIFY(saveAndWait(*dialog, &ok));
        QVERIFY(!ok);
        QVERIFY2(dialog->statusLabel().text().contains(u"price changed on the platform meanwhile"_s),
                 qPrintable(dialog->statusLabel().text()));
        QCOMPARE(outboxRows(), before);
        QCOMPARE(scalar(u"SELECT price FROM goods WHERE id = ?"_s, {id}).toLongLong(), 2'000'000);
        // Undone, the dialog shows the platform's new price.
        dialog->priceField().setText(
            core::Money::fromUnits(dialog->editor().data().goods.price.units()).toString(2));
        m_source->notifyChanged({u"goods"_s});
        QVERIFY(QTest::qWaitFor([&] { return dialog->priceField().text() == u"200.00"_s; }, 5000));
        QVERIFY(!dialog->hasUnsavedChanges());

        // After a save, what the platform changes next shows too.
        auto* sort = dialog->findChildren<QSpinBox*>().at(0);
        auto* threshold = dialog->findChildren<QSpinBox*>().at(1);
        threshold->setValue(threshold->value() + 1);
        QVERIFY(saveAndWait(*dialog, &ok));
        QVERIFY(ok);
        remote = storage::listingtemplates::goods(storage::ReadSession(m_path), id).value();
        remote.sort = 777;
        remote.version += 1;
        applied =
            m_db->writer().submit<storage::IngestStats>(u"test.sync"_s, [remote](storage::WriteContext& ctx) {
                return storage::platformcache::applyGoods(ctx, {remote});
            });
        applied.waitForFinished();
        QVERIFY(applied.result().ok());
        m_source->notifyChanged({u"goods"_s});
        QVERIFY(QTest::qWaitFor([&] { return sort->value() == 777; }, 5000));
        QVERIFY(!dialog->hasUnsavedChanges());
    }

    void contractPricesNameTheirMembers()
    {
        auto dialog = open(m_goodsId);
        QVERIFY(dialog);
        auto* table = dialog->findChild<QTableWidget*>();
        QVERIFY(table);
        const int rows = table->rowCount();
        const auto member = storage::ReadSession(m_path)
                                .select(u"SELECT id, name FROM members ORDER BY id DESC LIMIT 1"_s)
                                .value()
                                .first();
        const auto add = dialog->findChildren<QPushButton*>();
        const auto it =
            std::find_if(add.cbegin(), add.cend(), [](QPushButton* b) { return b->text() == u"Add"_s; });
        QVERIFY(it != add.cend());
        (*it)->click();
        QCOMPARE(table->rowCount(), rows + 1);
        table->item(rows, 0)->setText(member.value(0).toString());
        QVERIFY(QTest::qWaitFor([&] { return table->item(rows, 1)->text() == member.value(1).toString(); },
                                5000));
        QVERIFY(!dialog->currentEdit()); // no price yet
        table->item(rows, 2)->setText(u"0.9"_s);
        const auto edit = dialog->currentEdit();
        QVERIFY(edit);
        QCOMPARE(edit->contractPrices.last().memberId, member.value(0).toLongLong());
        QCOMPARE(edit->contractPrices.last().price.units(), 9000);
        QVERIFY(dialog->editor().changedFields(*edit).contains(u"contract_prices"_s));
        table->item(rows, 0)->setText(u"99999999"_s);
        QVERIFY(
            QTest::qWaitFor([&] { return table->item(rows, 1)->text() == u"(not in the cache)"_s; }, 5000));
        m_answer = true;
    }

    void escapeAsksAboutUnsavedChanges()
    {
        auto dialog = open(m_goodsId);
        QVERIFY(dialog);
        dialog->reject(); // nothing changed: closes without a question
        QVERIFY(!dialog->isVisible());
        QVERIFY(m_questions.isEmpty());
        dialog = open(m_goodsId);
        QVERIFY(dialog);
        dialog->listing().specField().setText(u"改过的规格"_s);
        m_answer = false;
        QTest::keyClick(dialog.get(), Qt::Key_Escape);
        QCOMPARE(m_questions, QStringList{u"Unsaved changes"_s});
        QVERIFY(dialog->isVisible());
        m_answer = true;
        QTest::keyClick(dialog.get(), Qt::Key_Escape);
        QVERIFY(!dialog->isVisible());
    }

    void oneWindowPerGoods()
    {
        QWidget parent;
        auto* first = ui::GoodsEditorDialog::open(*m_source, m_admin, m_goodsId, &parent);
        QCOMPARE(ui::GoodsEditorDialog::open(*m_source, m_admin, m_goodsId, &parent), first);
        auto* other = ui::GoodsEditorDialog::open(*m_source, m_admin, m_goodsId + 1, &parent);
        QVERIFY(other != first);
        QCOMPARE(parent.findChildren<ui::GoodsEditorDialog*>().size(), 2);
        QVERIFY(first->isVisible() && !first->isModal());
    }

    void readOnlyWithoutAnOperator()
    {
        ui::GoodsEditorDialog dialog(*m_source, core::Actor{}, m_goodsId);
        QSignalSpy loaded(&dialog, &ui::GoodsEditorDialog::loaded);
        QVERIFY(loaded.wait(10'000));
        QVERIFY(!dialog.editor().canEdit());
        QVERIFY(dialog.statusLabel().text().startsWith(u"Read only"_s));
    }

    void templateEditorCreatesAndDeletes()
    {
        ui::TemplateEditorDialog dialog(*m_source, m_admin);
        dialog.setConfirm([this](const QString& title, const QString&, const QString&) {
            m_questions << title;
            return m_answer;
        });
        QSignalSpy loaded(&dialog, &ui::TemplateEditorDialog::loaded);
        dialog.show();
        QVERIFY(loaded.wait(10'000));
        QCOMPARE(dialog.list().count(), 2);
        QCOMPARE(dialog.nameField().text(), u"卡密标准"_s);
        QCOMPARE(dialog.previewTitle().text(), u"腾讯Q币 100元 | 秒到账 | 限时9.85折"_s);
        dialog.maxLengthField().setValue(20);
        QCOMPARE(dialog.previewTitle().text(), u"腾讯Q币 100元 | 秒到账"_s);
        dialog.maxLengthField().setValue(60);
        QVERIFY(!dialog.hasUnsavedChanges());

        dialog.newTemplate();
        QCOMPARE(dialog.nameField().text(), u"New template"_s);
        dialog.nameField().setText(u"游戏点卡"_s);
        dialog.partsTable().item(1, 1)->setText(u"自动发货"_s);
        QSignalSpy finished(&dialog, &ui::TemplateEditorDialog::finished);
        dialog.save();
        QVERIFY(finished.wait(10'000));
        QVERIFY2(finished.first().first().toBool(), qPrintable(dialog.statusLabel().text()));
        QVERIFY(loaded.wait(10'000));
        QCOMPARE(dialog.list().count(), 3);
        const qint64 id = scalar(u"SELECT id FROM listing_templates WHERE name = '游戏点卡'"_s).toLongLong();
        QVERIFY(id > 0);
        auto stored = core::listing::fromJson(
            scalar(u"SELECT body FROM listing_templates WHERE id = ?"_s, {id}).toString().toUtf8());
        QVERIFY(stored.ok());
        QCOMPARE(stored->titleParts.at(1).pattern, u"自动发货"_s);
        QVERIFY(stored->kind.isEmpty());
        QVERIFY(!dialog.hasUnsavedChanges());

        // An unknown placeholder is refused before anything is written.
        dialog.partsTable().item(0, 1)->setText(u"{nmae}"_s);
        finished.clear();
        dialog.save();
        QCOMPARE(finished.size(), 1);
        QVERIFY(!finished.first().first().toBool());
        QVERIFY(dialog.statusLabel().text().contains(u"unknown placeholder {nmae}"_s));
        dialog.partsTable().item(0, 1)->setText(u"{name}"_s);

        finished.clear();
        dialog.deleteTemplate();
        QVERIFY(m_questions.contains(u"Delete template"_s));
        QVERIFY(finished.wait(10'000));
        QVERIFY(finished.first().first().toBool());
        QVERIFY(loaded.wait(10'000));
        QCOMPARE(dialog.list().count(), 2);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM listing_templates"_s).toInt(), 2);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM audit_log WHERE action = 'template.delete'"_s).toInt(), 1);
    }

    // The editor with a template warning, and the template editor (in the translation given).
    void screenshots()
    {
        if (qEnvironmentVariable("CARDOPS_SHOTS").isEmpty())
            QSKIP("CARDOPS_SHOTS not set");
        if (const QString qm = qEnvironmentVariable("CARDOPS_SHOT_QM"); !qm.isEmpty()) {
            QVERIFY(m_translator.load(qm));
            QCoreApplication::installTranslator(&m_translator);
        }
        {
            auto dialog = open(m_goodsId);
            QVERIFY(dialog);
            dialog->tabs().setCurrentIndex(2);
            auto& listing = dialog->listing();
            listing.templateChooser().setCurrentIndex(1);
            listing.applyButton().click();
            QString title = listing.titleField().text();
            listing.titleField().setText(title.left(title.indexOf(u" | "_s)) + u" | 限时9.5折"_s);
            QString description = listing.descriptionField().toPlainText();
            description.truncate(description.indexOf(u"【售后"_s));
            listing.descriptionField().setPlainText(description.trimmed());
            QVERIFY(listing.checkList().count() >= 2);
            shoot(*dialog, u"goodseditor.png"_s);
            dialog->tabs().setCurrentIndex(1);
            dialog->priceField().setText((m_cost - core::Money::fromUnits(500)).toString(2));
            shoot(*dialog, u"goodseditor-prices.png"_s);
            dialog->tabs().setCurrentIndex(0);
            shoot(*dialog, u"goodseditor-basics.png"_s);
            m_answer = true;
        }
        ui::TemplateEditorDialog templates(*m_source, m_admin);
        QSignalSpy loaded(&templates, &ui::TemplateEditorDialog::loaded);
        templates.show();
        QVERIFY(loaded.wait(10'000));
        shoot(templates, u"templates.png"_s);
        QCoreApplication::removeTranslator(&m_translator);
    }
};

QTEST_MAIN(TstGoodsEditor)
#include "tst_goodseditor.moc"
