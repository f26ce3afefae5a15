#include "ui/goodsactions.h"

#include "models/categorytreemodel.h"
#include "models/consolebackend.h"
#include "models/datasource.h"
#include "models/goodsmodel.h"
#include "storage/listingtemplates.h"
#include "ui/cardimportdialog.h"
#include "ui/cardlistdialog.h"
#include "ui/goodspage.h"
#include "ui/pricingrulesdialog.h"
#include "ui/repricedialog.h"
#include "ui/restockdialog.h"
#include "ui/templateeditordialog.h"

#include <QAction>
#include <QFrame>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace cardops::ui {

using Field = models::GoodsBulkEditor::Field;

GoodsActions::GoodsActions(models::DataSource& source, GoodsPage& page)
    : QObject(&page)
    , m_source(source)
    , m_page(page)
    , m_bulk(new models::GoodsBulkEditor(source, this))
{
    m_confirm = [this](const QString& title, const QString& question) {
        QMessageBox box(QMessageBox::Question, title, question, QMessageBox::Ok | QMessageBox::Cancel,
                        &m_page);
        box.setInformativeText(
            tr("The change is kept here first and sent to the platform with the next sync; "
               "until then it can be undone (Ctrl+Z)."));
        box.setDefaultButton(QMessageBox::Ok);
        return box.exec() == QMessageBox::Ok;
    };

    m_toolbar = new QWidget(&page);
    auto* row = new QHBoxLayout(m_toolbar);
    row->setContentsMargins(0, 0, 0, 0);
    m_bulkButton = new QToolButton(m_toolbar);
    m_bulkButton->setText(tr("Bulk changes"));
    m_bulkButton->setToolTip(
        tr("Change the selected goods, or every goods of the filter when none is selected"));
    m_bulkButton->setPopupMode(QToolButton::InstantPopup);
    m_bulkButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_bulkMenu = new QMenu(m_bulkButton);
    m_bulkMenu->addAction(tr("Put on sale"), this, [this] { changeStatus(true); });
    m_bulkMenu->addAction(tr("Take off sale"), this, [this] { changeStatus(false); });
    m_bulkMenu->addSeparator();
    m_bulkMenu->addAction(tr("Move to category…"), this, &GoodsActions::askCategory);
    m_bulkMenu->addAction(tr("Set low-stock threshold…"), this, &GoodsActions::askThreshold);
    m_bulkMenu->addAction(tr("Apply listing template…"), this, &GoodsActions::askTemplate);
    m_bulkMenu->addSeparator();
    m_bulkMenu->addAction(tr("Platform delivers"), this, [this] { changeOwner(u"platform"_s); });
    m_bulkMenu->addAction(tr("CardOps delivers"), this, [this] { changeOwner(u"cardops"_s); });
    m_bulkButton->setMenu(m_bulkMenu);
    // Room for the menu arrow beside the text (the style's hint leaves none in some fonts).
    m_bulkButton->setMinimumWidth(m_bulkButton->sizeHint().width() + m_bulkButton->fontMetrics().height());
    auto* restock = new QToolButton(m_toolbar);
    restock->setText(tr("Restock…"));
    restock->setToolTip(tr("The restock suggestion of the current goods, and 一键补货"));
    connect(restock, &QToolButton::clicked, this, [this] {
        if (const qint64 id = m_page.currentGoodsId())
            openRestock(id);
        else
            m_page.footer().setText(tr("Choose a goods first."));
    });
    auto* cards = new QToolButton(m_toolbar);
    cards->setText(tr("Import cards…"));
    cards->setToolTip(
        tr("Import card secrets of the current goods into the platform's stock, with a preview"));
    connect(cards, &QToolButton::clicked, this, [this] {
        if (const qint64 id = m_page.currentGoodsId())
            openCardImport(id);
        else
            m_page.footer().setText(tr("Choose a goods first."));
    });
    auto* templates = new QToolButton(m_toolbar);
    templates->setText(tr("Templates…"));
    templates->setToolTip(tr("Listing templates: title formula, spec template and description frame"));
    connect(templates, &QToolButton::clicked, this, &GoodsActions::openTemplates);
    auto* reprice = new QToolButton(m_toolbar);
    reprice->setText(tr("Reprice…"));
    reprice->setToolTip(tr("Reprice the selected goods (or every goods of the filter) by a rule, with a "
                           "before/after preview"));
    connect(reprice, &QToolButton::clicked, this, &GoodsActions::openReprice);
    auto* rules = new QToolButton(m_toolbar);
    rules->setText(tr("Pricing rules…"));
    rules->setToolTip(tr("Markup rules, each goods' follow-upstream policy and the supplier price alerts"));
    connect(rules, &QToolButton::clicked, this, [this] { openPricingRules(); });
    row->addWidget(cards);
    row->addWidget(restock);
    row->addWidget(reprice);
    row->addWidget(rules);
    row->addWidget(templates);
    row->addWidget(m_bulkButton);
    row->addStretch(1);

    m_undoBar = new QFrame(&page);
    m_undoBar->setObjectName(u"undoBar"_s);
    m_undoBar->setFrameShape(QFrame::StyledPanel);
    auto* undoRow = new QHBoxLayout(m_undoBar);
    undoRow->setContentsMargins(8, 4, 8, 4);
    m_undoText = new QLabel(m_undoBar);
    m_undoButton = new QPushButton(tr("Undo"), m_undoBar);
    m_undoButton->setToolTip(tr("Undo the last bulk change (Ctrl+Z): edits not yet sent are dropped"));
    auto* close = new QToolButton(m_undoBar);
    close->setText(u"×"_s);
    close->setAutoRaise(true);
    close->setToolTip(tr("Hide"));
    undoRow->addWidget(m_undoText, 1);
    undoRow->addWidget(m_undoButton);
    undoRow->addWidget(close);
    m_undoBar->hide();
    connect(close, &QToolButton::clicked, m_undoBar, &QWidget::hide);
    connect(m_undoButton, &QPushButton::clicked, m_bulk, &models::GoodsBulkEditor::undoLast);

    m_undoAction = new QAction(tr("Undo bulk change"), &page);
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_undoAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_undoAction, &QAction::triggered, m_bulk, &models::GoodsBulkEditor::undoLast);
    page.addAction(m_undoAction);

    connect(m_bulk, &models::GoodsBulkEditor::applied, this,
            [this](qint64 changed, qint64 unchanged, const QString& error) {
                if (!error.isEmpty()) {
                    m_page.footer().setText(tr("The bulk change was not saved: %1").arg(error));
                    return;
                }
                const QLocale l;
                QString text = tr("%1 goods changed, waiting for the next sync.").arg(l.toString(changed));
                if (unchanged > 0)
                    text += u' ' + tr("%1 already had this value.").arg(l.toString(unchanged));
                if (changed > 0)
                    showUndo(text);
                else
                    m_page.footer().setText(text);
            });
    connect(m_bulk, &models::GoodsBulkEditor::undone, this,
            [this](qint64 undone, qint64 synced, const QString& error) {
                const QLocale l;
                QString text = error.isEmpty() ? tr("Undone for %1 goods.").arg(l.toString(undone))
                                               : tr("Cannot undo: %1").arg(error);
                if (synced > 0)
                    text += u' ' + tr("%1 were already synced and stay changed.").arg(l.toString(synced));
                if (m_bulk->canUndo())
                    showUndo(text + u' ' + tr("Earlier: %1").arg(m_bulk->undoLabel()));
                else {
                    m_undoBar->hide();
                    m_page.footer().setText(text);
                }
            });
    connect(m_bulk, &models::GoodsBulkEditor::undoAvailableChanged, this, &GoodsActions::updateActions);
    updateActions();
}

void GoodsActions::setActor(const core::Actor& actor)
{
    m_actor = actor;
    m_bulk->setActor(actor);
    updateActions();
}

void GoodsActions::updateActions()
{
    const bool editable = m_bulk->canEdit();
    m_bulkButton->setEnabled(editable);
    if (!editable)
        m_bulkButton->setToolTip(tr("No operator signed in, or the cache is read-only"));
    m_undoAction->setEnabled(m_bulk->canUndo());
    m_undoButton->setEnabled(m_bulk->canUndo());
    if (!m_bulk->canUndo())
        m_undoBar->hide();
}

void GoodsActions::showUndo(const QString& text)
{
    m_undoText->setText(text);
    m_undoBar->setVisible(m_bulk->canUndo());
    updateActions();
}

void GoodsActions::withChosen(std::function<void(QList<qint64>)> then)
{
    const QTableView& view = m_page.view();
    const QModelIndexList rows =
        view.selectionModel() ? view.selectionModel()->selectedRows() : QModelIndexList();
    const qint64 total = m_page.model().totalCount();
    if (!rows.isEmpty() && rows.size() < total) {
        QList<qint64> ids;
        for (const QModelIndex& r : rows)
            if (const QVariant key = m_page.model().rowKey(r.row()); key.isValid())
                ids.append(key.toLongLong());
        std::sort(ids.begin(), ids.end());
        return then(ids);
    }
    m_bulk->resolve(m_page.model().query(), std::move(then));
}

void GoodsActions::applyBulk(Field field, const QJsonValue& value, const QString& verb)
{
    withChosen([this, field, value, verb](QList<qint64> ids) {
        if (ids.isEmpty()) {
            m_page.footer().setText(tr("No goods to change: the filter matches none."));
            return;
        }
        const QString label = verb.arg(QLocale().toString(ids.size()));
        if (!m_confirm(tr("Bulk change"), label + u'?'))
            return;
        m_bulk->apply(ids, field, value, label);
    });
}

void GoodsActions::changeStatus(bool on)
{
    applyBulk(Field::Status, on ? u"on"_s : u"off"_s,
              on ? tr("Put %1 goods on sale") : tr("Take %1 goods off sale"));
}

void GoodsActions::changeOwner(const QString& owner)
{
    applyBulk(Field::Owner, owner,
              owner == u"cardops" ? tr("Let CardOps deliver %1 goods")
                                  : tr("Let the platform deliver %1 goods"));
}

void GoodsActions::changeThreshold(qint64 threshold)
{
    applyBulk(
        Field::Threshold, threshold,
        tr("Set the low-stock threshold of %1 goods to %2").arg(u"%1"_s, QLocale().toString(threshold)));
}

void GoodsActions::changeCategory(qint64 categoryId, const QString& name)
{
    applyBulk(Field::Category, categoryId, tr("Move %1 goods to %2").arg(u"%1"_s, name));
}

void GoodsActions::openRestock(qint64 goodsId)
{
    auto* dialog =
        new RestockDialog(m_source, m_backend ? m_backend->restocker() : nullptr, goodsId, &m_page);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setModal(false);
    dialog->show();
}

void GoodsActions::openCardImport(qint64 goodsId)
{
    auto* dialog =
        new CardImportDialog(m_source, m_backend ? m_backend->cardStock() : nullptr, goodsId, &m_page);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void GoodsActions::openCardList(qint64 goodsId)
{
    auto* dialog =
        new CardListDialog(m_source, m_backend ? m_backend->cardStock() : nullptr, goodsId, &m_page);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void GoodsActions::openTemplates()
{
    auto* dialog = new TemplateEditorDialog(m_source, m_actor, &m_page);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void GoodsActions::openReprice()
{
    withChosen([this](QList<qint64> ids) {
        if (ids.isEmpty()) {
            m_page.footer().setText(tr("No goods to reprice: the filter matches none."));
            return;
        }
        auto* dialog = new RepriceDialog(m_source, m_actor, ids, &m_page);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
}

void GoodsActions::openPricingRules(bool alerts)
{
    auto* dialog = new PricingRulesDialog(m_source, m_actor, &m_page);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (alerts)
        dialog->showAlerts();
    dialog->show();
}

void GoodsActions::showRowMenu(qint64 goodsId, const QPoint& globalPos)
{
    auto* menu = new QMenu(&m_page);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->addAction(tr("Edit…"), &m_page, [this, goodsId] { Q_EMIT m_page.openGoods(goodsId); });
    menu->addAction(tr("Import cards…"), this, [this, goodsId] { openCardImport(goodsId); });
    menu->addAction(tr("Cards…"), this, [this, goodsId] { openCardList(goodsId); });
    menu->addAction(tr("Restock…"), this, [this, goodsId] { openRestock(goodsId); });
    menu->addAction(tr("Reprice…"), this, [this, goodsId] {
        auto* dialog = new RepriceDialog(m_source, m_actor, {goodsId}, &m_page);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    menu->addSeparator();
    QMenu* bulk = menu->addMenu(tr("Bulk changes"));
    bulk->setEnabled(m_bulk->canEdit());
    bulk->addActions(m_bulkMenu->actions());
    menu->popup(globalPos);
}

void GoodsActions::changeTemplate(std::optional<qint64> templateId, const QString& name)
{
    withChosen([this, templateId, name](QList<qint64> ids) {
        if (ids.isEmpty()) {
            m_page.footer().setText(tr("No goods to change: the filter matches none."));
            return;
        }
        const QString count = QLocale().toString(ids.size());
        const QString label = templateId ? tr("Let %1 goods follow the template %2").arg(count, name)
                                         : tr("Let %1 goods follow no template").arg(count);
        if (m_confirm(tr("Bulk change"), label + u'?'))
            m_bulk->applyTemplate(ids, templateId, label);
    });
}

void GoodsActions::askTemplate()
{
    using Templates = QList<QPair<qint64, QString>>;
    m_source.reader().post<Templates>(
        this,
        [](const storage::ReadSession& s) {
            Templates out;
            for (const auto& t : storage::listingtemplates::list(s).valueOr({}))
                out.append({t.tpl.id, t.tpl.name});
            return out;
        },
        [this](Templates templates) {
            QStringList names{tr("(no template)")};
            for (const auto& t : templates)
                names << t.second;
            auto* dialog = new QInputDialog(&m_page);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->setWindowTitle(tr("Apply listing template"));
            dialog->setLabelText(tr("Template:"));
            dialog->setComboBoxItems(names);
            dialog->setComboBoxEditable(false);
            connect(dialog, &QInputDialog::textValueSelected, this,
                    [this, names, templates](const QString& chosen) {
                        const qsizetype at = names.indexOf(chosen);
                        if (at == 0)
                            changeTemplate(std::nullopt, chosen);
                        else if (at > 0)
                            changeTemplate(templates.at(at - 1).first, chosen);
                    });
            dialog->open();
        });
}

void GoodsActions::askThreshold()
{
    auto* dialog = new QInputDialog(&m_page);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Low-stock threshold"));
    dialog->setLabelText(tr("Alert when the stock falls below (0 switches the alert off):"));
    dialog->setInputMode(QInputDialog::IntInput);
    dialog->setIntRange(0, 1'000'000'000);
    dialog->setIntValue(10);
    connect(dialog, &QInputDialog::intValueSelected, this, [this](int v) { changeThreshold(v); });
    dialog->open();
}

void GoodsActions::askCategory()
{
    QStringList names;
    QList<qint64> ids;
    const models::CategoryTreeModel& tree = m_page.categories();
    std::function<void(const QModelIndex&, const QString&)> walk = [&](const QModelIndex& parent,
                                                                       const QString& prefix) {
        for (int r = 0; r < tree.rowCount(parent); ++r) {
            const QModelIndex i = tree.index(r, 0, parent);
            const qint64 id = i.data(models::CategoryTreeModel::CategoryIdRole).toLongLong();
            const QString name = i.data(Qt::ToolTipRole).toString();
            const QString path = prefix.isEmpty() ? name : prefix + u" / " + name;
            if (id > 0) {
                names << path;
                ids << id;
            }
            walk(i, id > 0 ? path : QString());
        }
    };
    walk({}, {});
    if (ids.isEmpty()) {
        m_page.footer().setText(tr("No categories yet: they come with the next sync."));
        return;
    }
    auto* dialog = new QInputDialog(&m_page);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Move to category"));
    dialog->setLabelText(tr("Category:"));
    dialog->setComboBoxItems(names);
    dialog->setComboBoxEditable(false);
    connect(dialog, &QInputDialog::textValueSelected, this, [this, names, ids](const QString& chosen) {
        const qsizetype at = names.indexOf(chosen);
        if (at >= 0)
            changeCategory(ids.at(at), chosen);
    });
    dialog->open();
}

} // namespace cardops::ui
