#include "../models/generatedcache.h"
#include "core/clock.h"
#include "models/datasource.h"
#include "storage/database.h"
#include "storage/databasewriter.h"
#include "storage/fulfilmentrules.h"
#include "storage/operatorrepository.h"
#include "storage/readsession.h"
#include "storage/writecontext.h"
#include "ui/blacklistwidget.h"
#include "ui/dryrunpanel.h"
#include "ui/ruleeditdialog.h"
#include "ui/rulelistmodel.h"
#include "ui/rulesetwidget.h"
#include "ui/style.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTranslator>
#include <QTreeWidget>
#include <QtTest>

using namespace cardops;
using namespace Qt::StringLiterals;
namespace rules = storage::fulfilmentrules;

// The rule editor and the blacklist editor on a generated cache: edit → save stores the next
// version, reorder, a bad parameter is refused with its reason and saves nothing, the 试运行 shows
// exactly what core::dryRun says on the same orders, blacklist entries added and removed.
class TstRuleEditor : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    core::SystemClock m_clock;
    std::unique_ptr<storage::Database> m_db;
    std::unique_ptr<models::DataSource> m_source;
    QTranslator m_translator;
    core::Actor m_admin;

    std::unique_ptr<ui::RuleSetWidget> openRules(const core::Actor& actor)
    {
        auto w = std::make_unique<ui::RuleSetWidget>(*m_source, actor);
        new QAbstractItemModelTester(&w->rules(), QAbstractItemModelTester::FailureReportingMode::QtTest,
                                     &w->rules());
        w->resize(1280, 820);
        w->show();
        if (!QTest::qWaitForWindowExposed(w.get()) || !QTest::qWaitFor([&] { return w->isLoaded(); }, 10'000))
            return {};
        return w;
    }

    template<typename T> static T* visibleChild(QWidget& root)
    {
        T* found = nullptr;
        const bool shown = QTest::qWaitFor(
            [&] {
                for (T* c : root.findChildren<T*>())
                    if (c->isVisible())
                        return (found = c) != nullptr;
                return false;
            },
            5000);
        return shown ? found : nullptr;
    }

    static bool acceptBox(QWidget& root)
    {
        auto* box = visibleChild<QMessageBox>(root);
        if (!box)
            return false;
        for (QAbstractButton* b : box->buttons())
            if (box->buttonRole(b) == QMessageBox::AcceptRole) {
                b->click();
                return true;
            }
        return false;
    }

    static void choose(QComboBox& combo, const QVariant& data)
    {
        combo.setCurrentIndex(combo.findData(data));
    }

    core::RuleSet storedInForce()
    {
        storage::ReadSession read(m_path);
        return rules::current(read).value();
    }

    qsizetype storedVersions()
    {
        storage::ReadSession read(m_path);
        return rules::history(read)->size();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        if (qEnvironmentVariable("CARDOPS_SHOT_LANG") != u"en") {
            QVERIFY(m_translator.load(u":/i18n/cardops_zh_CN"_s));
            QCoreApplication::installTranslator(&m_translator);
        }
        ui::applyStyle(*qApp);
        m_path = generatedcache::build(m_dir, 3000);
        QVERIFY(!m_path.isEmpty());
        auto db = storage::Database::open(m_path, m_clock);
        QVERIFY(db.ok());
        m_db = std::move(db).value();
        m_source = std::make_unique<models::DataSource>(m_path, &m_db->writer());
        storage::ReadSession read(m_path);
        m_admin = storage::OperatorRepository::actorFor(read, u"admin"_s).value();
    }

    void showsTheDefaultsWhenNothingIsStored()
    {
        auto w = openRules(m_admin);
        QVERIFY(w);
        QCOMPARE(w->inForce(), core::RuleSet::defaults());
        QCOMPARE(w->rules().rules(), core::RuleSet::defaults().rules());
        QVERIFY(!w->isDirty());
        QVERIFY(!w->saveButton().isEnabled());
        QCOMPARE(w->historyView().topLevelItemCount(), 1);
        QVERIFY(w->rules().data(w->rules().index(1, ui::RuleListModel::Condition)).toString().size() > 0);
    }

    void editAndSaveStoresTheNextVersion()
    {
        auto w = openRules(m_admin);
        QVERIFY(w);
        // Row 2 (amount mismatch → review) becomes a refund with another reason.
        w->ruleView().selectRow(1);
        w->editSelected();
        auto* edit = visibleChild<ui::RuleEditDialog>(*w);
        QVERIFY(edit);
        QCOMPARE(edit->conditionKind().currentData().toInt(), int(core::ConditionKind::AmountMismatch));
        choose(edit->actionKind(), int(core::ActionKind::Refund));
        choose(edit->codeField(), u"manual_check"_s);
        edit->nameField().setText(u"金额不符直接退款"_s);
        edit->accept();
        QTRY_VERIFY(!edit->isVisible());
        QCOMPARE(w->rules().rule(1).action, core::Action::refund(u"manual_check"_s));
        QCOMPARE(w->rules().rule(1).id, u"amount_mismatch_review"_s);

        // A new rule below the selected one.
        w->addRule();
        auto* add = visibleChild<ui::RuleEditDialog>(*w);
        QVERIFY(add);
        choose(add->conditionKind(), int(core::ConditionKind::QuantityAbove));
        add->limitField().setValue(8);
        choose(add->actionKind(), int(core::ActionKind::Review));
        choose(add->codeField(), u"quantity_above_norm"_s);
        add->accept();
        QTRY_VERIFY(!add->isVisible());
        QCOMPARE(w->rules().rowCount(), 5);
        QCOMPARE(w->rules().rule(2).condition, core::Condition::quantityAbove(8));
        QCOMPARE(w->rules().rule(2).id, u"quantity_above_1"_s);
        QVERIFY(w->isDirty());
        QVERIFY(w->saveButton().isEnabled());

        QSignalSpy saved(w.get(), &ui::RuleSetWidget::saved);
        w->save();
        QVERIFY(acceptBox(*w));
        QVERIFY(saved.wait(10'000));
        QCOMPARE(saved.first().first().toLongLong(), 2);
        const core::RuleSet stored = storedInForce();
        QCOMPARE(stored.version(), 2);
        QCOMPARE(stored.rules(), w->rules().rules());
        QTRY_VERIFY(w->inForce().version() == 2);
        QVERIFY(!w->isDirty());
        QCOMPARE(w->historyView().topLevelItemCount(), 1);
    }

    void reorderAndDiscard()
    {
        const qsizetype versionsBefore = storedVersions();
        auto w = openRules(m_admin);
        QVERIFY(w);
        const QList<core::Rule> before = w->rules().rules();
        w->ruleView().setFocus();
        w->ruleView().selectRow(0);
        QTest::keyClick(&w->ruleView(), Qt::Key_Down, Qt::AltModifier);
        QCOMPARE(w->rules().rule(0).id, before[1].id);
        QCOMPARE(w->rules().rule(1).id, before[0].id);
        QCOMPARE(w->ruleView().currentIndex().row(), 1);
        QTest::keyClick(&w->ruleView(), Qt::Key_Down, Qt::AltModifier);
        QCOMPARE(w->rules().rule(2).id, before[0].id);
        w->moveSelected(-1);
        w->moveSelected(-1);
        w->moveSelected(-1); // already on top
        QCOMPARE(w->rules().rules(), before);

        // Disabling is an edit; discarding goes back to the version in force.
        w->ruleView().selectRow(3);
        w->toggleSelected();
        QVERIFY(!w->rules().rule(3).enabled);
        QVERIFY(w->isDirty());
        w->discard();
        QVERIFY(acceptBox(*w));
        QTRY_VERIFY(!w->isDirty());
        QCOMPARE(w->rules().rules(), w->inForce().rules());
        QCOMPARE(storedVersions(), versionsBefore);
    }

    void badParameterIsRefusedAndNothingIsSaved()
    {
        const qsizetype versionsBefore = storedVersions();
        auto w = openRules(m_admin);
        QVERIFY(w);
        const QList<core::Rule> before = w->rules().rules();
        w->addRule();
        auto* add = visibleChild<ui::RuleEditDialog>(*w);
        QVERIFY(add);
        choose(add->conditionKind(), int(core::ConditionKind::QuantityAboveUsual));
        add->factorField().setText(u"0"_s);
        add->accept();
        QVERIFY(add->isVisible());
        QVERIFY(add->errorLabel().isVisible());
        QVERIFY(!add->errorLabel().text().isEmpty());
        shoot(*add, u"fulfilment-rule-edit.png"_s);
        add->factorField().setText(u"abc"_s);
        QVERIFY(!add->check());
        choose(add->conditionKind(), int(core::ConditionKind::SupplierBalanceLow));
        add->amountField().setText(u"-5"_s);
        QVERIFY(!add->check());
        choose(add->conditionKind(), int(core::ConditionKind::GoodsFlagged));
        add->goodsField().setText(u"12, x"_s);
        QVERIFY(!add->check());
        add->goodsField().setText(u"15，12 12"_s);
        choose(add->actionKind(), int(core::ActionKind::Tag));
        add->tagField().setText(QString());
        QVERIFY(!add->check());
        choose(add->actionKind(), int(core::ActionKind::Review));
        choose(add->codeField(), QString());
        add->customCodeField().setText(u"Bad Code"_s);
        QVERIFY(!add->check());
        add->customCodeField().setText(u"vip_goods"_s);
        QVERIFY(add->check());
        QCOMPARE(add->rule().condition.goodsIds, (QList<qint64>{12, 15}));
        add->reject();
        QTRY_VERIFY(!add->isVisible());
        QCOMPARE(w->rules().rules(), before);
        QVERIFY(!w->isDirty());
        QCOMPARE(storedVersions(), versionsBefore);
    }

    void dryRunEqualsCoreOnTheSameOrders()
    {
        // A member of the recent orders goes on the blacklist, so every kind of outcome shows.
        storage::ReadSession read(m_path);
        auto recent = rules::dryRunInputs(read, QDateTime::currentSecsSinceEpoch() - 30 * 86400,
                                          QDateTime::currentSecsSinceEpoch() + 1, 50);
        QVERIFY(recent.ok() && !recent->isEmpty());
        const qint64 listed = recent->first().order.memberId;
        auto added = m_db->writer()
                         .submit(u"test"_s,
                                 [this, listed](storage::WriteContext& ctx) {
                                     return rules::addToBlacklist(ctx, m_admin, u"member"_s,
                                                                  QString::number(listed), u"test"_s);
                                 })
                         .result();
        QVERIFY(added.ok());

        const qsizetype versionsBefore = storedVersions();
        auto w = openRules(m_admin);
        QVERIFY(w);
        QList<core::Rule> edited = w->rules().rules();
        edited.prepend({u"bl"_s,
                        {},
                        true,
                        core::Condition::blacklisted(),
                        core::Action::refund(u"blacklisted_account"_s)});
        edited.append(
            {u"tag_big"_s, {}, true, core::Condition::quantityAbove(1), core::Action::tag(u"多件"_s)});
        edited.append({u"usual"_s,
                       {},
                       true,
                       core::Condition::quantityAboveUsual(core::Rate::fromPpm(2'000'000)),
                       core::Action::review(u"quantity_above_norm"_s)});
        edited.append(
            {u"off"_s, {}, false, core::Condition::always(), core::Action::refund(u"manual_check"_s)});
        w->rules().setRules(edited);

        ui::DryRunPanel& panel = w->dryRun();
        QCOMPARE(panel.daysField().value(), 30);
        QSignalSpy finished(&panel, &ui::DryRunPanel::finished);
        panel.runButton().click();
        QVERIFY(panel.isRunning());
        QVERIFY(finished.wait(60'000));
        QVERIFY(panel.hasResult());

        const auto [from, to] = panel.window();
        QCOMPARE(to - from, 30 * 86400 + 1);
        auto inputs = rules::dryRunInputs(read, from, to, ui::DryRunPanel::MaxOrders);
        QVERIFY(inputs.ok());
        const core::DryRunSummary expected =
            core::dryRun(w->draft(), inputs.value(), ui::DryRunPanel::SamplesPerRule);
        const core::DryRunSummary& shown = panel.summary();
        QVERIFY(shown.orders > 0);
        QCOMPARE(shown.orders, expected.orders);
        QCOMPARE(shown.delivered, expected.delivered);
        QCOMPARE(shown.reviewed, expected.reviewed);
        QCOMPARE(shown.refunded, expected.refunded);
        QCOMPARE(shown.fallback, expected.fallback);
        QVERIFY(shown.refunded > 0);
        QCOMPARE(shown.rules.size(), expected.rules.size());
        for (qsizetype i = 0; i < expected.rules.size(); ++i) {
            QCOMPARE(shown.rules[i].ruleId, expected.rules[i].ruleId);
            QCOMPARE(shown.rules[i].matched, expected.rules[i].matched);
            QCOMPARE(shown.rules[i].decided, expected.rules[i].decided);
            QCOMPARE(shown.rules[i].samples, expected.rules[i].samples);
        }

        // The tree: one row per rule with its counts; a sample opens its order.
        QTreeWidget& tree = panel.tree();
        QCOMPARE(tree.topLevelItemCount(), int(expected.rules.size()));
        QCOMPARE(tree.topLevelItem(0)->text(1), QLocale().toString(expected.rules[0].matched));
        shoot(*w, u"fulfilment-rules.png"_s);
        QTreeWidgetItem* sample = tree.topLevelItem(0)->child(0);
        QVERIFY(sample);
        QSignalSpy open(w.get(), &ui::RuleSetWidget::openOrder);
        tree.scrollToItem(sample);
        // An item view takes a double click after the click that selects.
        const QPoint at = tree.visualItemRect(sample).center();
        QTest::mouseClick(tree.viewport(), Qt::LeftButton, {}, at);
        QTest::mouseDClick(tree.viewport(), Qt::LeftButton, {}, at);
        QCOMPARE(open.size(), 1);
        QCOMPARE(open.first().first().toLongLong(), expected.rules[0].samples.first());

        QCOMPARE(storedVersions(), versionsBefore); // a dry run stores nothing
    }

    void blacklistAddAndRemove()
    {
        ui::BlacklistWidget w(*m_source, m_admin);
        for (int l = 0; l < ui::BlacklistWidget::ListCount; ++l)
            new QAbstractItemModelTester(&w.model(ui::BlacklistWidget::List(l)),
                                         QAbstractItemModelTester::FailureReportingMode::QtTest, &w);
        w.resize(900, 500);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QTRY_VERIFY(w.isLoaded());
        QCOMPARE(w.model(ui::BlacklistWidget::Members).rowCount(), 1); // from the dry-run test

        w.tabs().setCurrentIndex(ui::BlacklistWidget::Contacts);
        QSignalSpy written(&w, &ui::BlacklistWidget::written);
        w.addEntry();
        auto* dialog = visibleChild<ui::BlacklistEntryDialog>(w);
        QVERIFY(dialog);
        dialog->valueField().setText(u"   "_s);
        dialog->accept();
        QVERIFY(dialog->errorLabel().isVisible());
        dialog->valueField().setText(u" ＱＱ 777 "_s);
        dialog->noteField().setText(u"拒付"_s);
        dialog->accept();
        QVERIFY(written.wait(10'000));
        QVERIFY(written.first().first().toBool());
        QTRY_COMPARE(w.model(ui::BlacklistWidget::Contacts).rowCount(), 1);
        QCOMPARE(w.model(ui::BlacklistWidget::Contacts).entry(0).value, u"qq777"_s);
        QCOMPARE(w.model(ui::BlacklistWidget::Contacts).entry(0).note, u"拒付"_s);

        // The same value however typed is refused in the dialog.
        w.addEntry();
        auto* again = visibleChild<ui::BlacklistEntryDialog>(w);
        QVERIFY(again && again != dialog);
        again->valueField().setText(u"qq 777"_s);
        again->accept();
        QVERIFY(again->isVisible());
        QVERIFY(again->errorLabel().isVisible());
        again->reject();

        w.searchField().setText(u"777"_s);
        QCOMPARE(w.view(ui::BlacklistWidget::Contacts).model()->rowCount(), 1);
        w.searchField().setText(u"nothing-like-it"_s);
        QCOMPARE(w.view(ui::BlacklistWidget::Contacts).model()->rowCount(), 0);
        w.searchField().clear();

        w.view(ui::BlacklistWidget::Contacts).selectRow(0);
        w.removeSelected();
        QVERIFY(acceptBox(w));
        QVERIFY(written.wait(10'000));
        QVERIFY(written.last().first().toBool());
        QTRY_COMPARE(w.model(ui::BlacklistWidget::Contacts).rowCount(), 0);
        storage::ReadSession read(m_path);
        QVERIFY(!rules::blacklist(read)->hasContact(u"qq777"_s));
    }

    void aRoleThatMayNotEditSeesTheRulesOnly()
    {
        const core::Actor finance{m_admin.operatorId, u"cashier"_s, core::Role::Finance};
        auto w = openRules(finance);
        QVERIFY(w);
        QVERIFY(!w->canEdit());
        w->ruleView().selectRow(0);
        w->moveSelected(1);
        w->toggleSelected();
        QCOMPARE(w->rules().rules(), w->inForce().rules());
        QVERIFY(
            !(w->rules().flags(w->rules().index(0, ui::RuleListModel::Enabled)) & Qt::ItemIsUserCheckable));
        ui::BlacklistWidget blacklist(*m_source, finance);
        QVERIFY(!blacklist.canEdit());
    }

private:
    void shoot(QWidget& widget, const QString& name)
    {
        const QString dir = qEnvironmentVariable("CARDOPS_SHOTS");
        if (dir.isEmpty())
            return;
        QTest::qWait(100);
        QVERIFY(widget.grab().save(dir + u'/' + name));
    }
};

QTEST_MAIN(TstRuleEditor)
#include "tst_ruleeditor.moc"
