#include "ui/goodspage.h"

#include "models/categoryeditor.h"
#include "models/categorytreemodel.h"
#include "models/consolebackend.h"
#include "models/goodsmodel.h"
#include "ui/goodsactions.h"
#include "ui/tablecopy.h"

#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace cardops::ui {

using storage::GoodsLink;
using storage::GoodsOwner;
using storage::GoodsStatus;
using storage::GoodsStock;

GoodsPage::GoodsPage(models::DataSource& source, QWidget* parent)
    : Page(parent)
    , m_model(new models::GoodsModel(
          source, [] { return QDateTime::currentSecsSinceEpoch(); }, this))
    , m_categories(new models::CategoryTreeModel(source, this))
    , m_editor(new models::CategoryEditor(source, this))
    , m_view(new QTableView(this))
    , m_tree(new QTreeView(this))
    , m_search(new QLineEdit(this))
    , m_footer(new QLabel(this))
    , m_searchDelay(new QTimer(this))
{
    auto* heading = new QLabel(tr("Goods"), this);
    heading->setObjectName(u"pageTitle"_s);
    auto* explanation =
        new QLabel(tr("The platform's catalogue with tier prices, supply cost, margin, stock and "
                      "recent sales. Margins below zero are red; low stock is highlighted."),
                   this);
    explanation->setObjectName(u"pageHint"_s);
    explanation->setWordWrap(true);

    m_search->setPlaceholderText(tr("Name, SKU or supplier product id"));
    m_search->setToolTip(tr("Search (Ctrl+F): part of the name, the start of the SKU, or part of a linked "
                            "supplier's product id"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(fontMetrics().horizontalAdvance(m_search->placeholderText()) + 60);
    m_owner = addFilter({{tr("All owners"), int(GoodsOwner::Any)},
                         {tr("Platform delivers"), int(GoodsOwner::Platform)},
                         {tr("CardOps delivers"), int(GoodsOwner::Cardops)}},
                        tr("Owner: who delivers the goods"));
    m_status = addFilter({{tr("All statuses"), int(GoodsStatus::Any)},
                          {tr("On sale"), int(GoodsStatus::On)},
                          {tr("Off sale"), int(GoodsStatus::Off)}},
                         tr("Status on the platform"));
    m_stock = addFilter({{tr("All stock"), int(GoodsStock::Any)}, {tr("Low stock"), int(GoodsStock::Low)}},
                        tr("Stock: low means below the goods' low-stock threshold"));
    m_link = addFilter({{tr("Any supplier"), int(GoodsLink::Any)},
                        {tr("Linked to a supplier"), int(GoodsLink::Linked)},
                        {tr("Not linked"), int(GoodsLink::Unlinked)}},
                       tr("Supplier link"));

    m_actions = new GoodsActions(source, *this);
    auto* bar = new QHBoxLayout;
    bar->addWidget(m_search);
    for (QComboBox* c : {m_owner, m_status, m_stock, m_link})
        bar->addWidget(c);
    bar->addStretch(1);

    m_tree->setModel(m_categories);
    m_tree->setHeaderHidden(true);
    m_tree->setUniformRowHeights(true);
    m_tree->setMinimumWidth(170);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_tree, &QWidget::customContextMenuRequested, this, &GoodsPage::showCategoryMenu);
    connect(m_editor, &models::CategoryEditor::finished, this, [this](bool ok, const QString& detail) {
        if (!ok)
            m_footer->setText(tr("Cannot change the category: %1").arg(detail));
    });

    m_view->setModel(m_model);
    m_view->horizontalHeader()->setSortIndicator(m_model->sortColumn(), m_model->sortOrder());
    m_view->setSortingEnabled(true);
    m_view->horizontalHeader()->setHighlightSections(false);
    m_view->verticalHeader()->setVisible(false);
    m_view->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->installEventFilter(this);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint& at) {
        const QModelIndex index = m_view->indexAt(at);
        const QVariant key = index.isValid() ? m_model->rowKey(index.row()) : QVariant();
        if (key.isValid())
            m_actions->showRowMenu(key.toLongLong(), m_view->viewport()->mapToGlobal(at));
    });

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_tree);
    splitter->addWidget(m_view);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({200, 1000});
    splitter->setChildrenCollapsible(false);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(explanation);
    layout->addLayout(bar);
    layout->addWidget(m_actions->toolbar());
    layout->addWidget(m_actions->undoBar());
    layout->addWidget(splitter, 1);
    layout->addWidget(m_footer);

    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(SearchDelayMs);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_searchDelay, &QTimer::timeout, this, [this] { m_model->setSearch(m_search->text()); });
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        m_searchDelay->stop();
        m_model->setSearch(m_search->text());
    });
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex& current) {
                if (current.isValid())
                    m_model->setCategory(
                        current.data(models::CategoryTreeModel::CategoryIdRole).toLongLong());
            });
    // The tree is read again when categories change: the selection goes back to the chosen category.
    connect(m_categories, &models::CategoryTreeModel::loaded, this, [this] {
        m_categories->setCounts(m_model->categoryCounts());
        m_tree->expandToDepth(0);
        selectCategory(m_model->query().categoryId);
    });
    connect(m_model, &models::GoodsModel::categoryCountsChanged, this,
            [this] { m_categories->setCounts(m_model->categoryCounts()); });
    connect(m_view->horizontalHeader(), &QHeaderView::sortIndicatorChanged, this,
            [this](int column, Qt::SortOrder) {
                if (!m_model->isSortable(column)) {
                    QSignalBlocker block(m_view->horizontalHeader());
                    m_view->horizontalHeader()->setSortIndicator(m_model->sortColumn(), m_model->sortOrder());
                }
            });
    connect(m_view, &QTableView::doubleClicked, this, [this] { openCurrent(); });
    connect(m_model, &models::GoodsModel::countChanged, this, [this] {
        updateFooter();
        if (m_model->totalCount() == 0 && !m_ready) {
            m_ready = true;
            Q_EMIT ready();
        }
    });
    connect(m_model, &models::GoodsModel::modelReset, this, &GoodsPage::updateFooter);
    connect(m_model, &models::GoodsModel::rowsLoaded, this, [this](int first, int) {
        if (first == 0 && !m_sized) {
            m_sized = true;
            // Sized by the loaded rows and the title's text, not the header's padded size hint, so
            // more of the fourteen columns fit beside the tree.
            const QFontMetrics header(m_view->horizontalHeader()->font());
            for (int c = 0; c < m_model->columnCount(); ++c) {
                const QString title = m_model->headerData(c, Qt::Horizontal).toString();
                const int width =
                    std::max(static_cast<const QAbstractItemView*>(m_view)->sizeHintForColumn(c),
                             header.horizontalAdvance(title) + 24);
                m_view->setColumnWidth(c, std::clamp(width + 8, 48, 300));
            }
        }
        if (!m_ready) {
            m_ready = true;
            Q_EMIT ready();
        }
    });
    connect(m_model, &models::GoodsModel::loadFailed, this, [this](const QString& detail) {
        m_footer->setText(tr("Cannot read the goods: %1").arg(detail));
    });
    updateFooter();
}

QComboBox* GoodsPage::addFilter(const QList<QPair<QString, int>>& choices, const QString& tip)
{
    auto* combo = new QComboBox(this);
    for (const auto& [label, value] : choices)
        combo->addItem(label, value);
    combo->setToolTip(tip);
    combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(combo, &QComboBox::currentIndexChanged, this, &GoodsPage::applyFilters);
    return combo;
}

void GoodsPage::applyFilters()
{
    storage::GoodsQuery q = m_model->query();
    q.owner = GoodsOwner(m_owner->currentData().toInt());
    q.status = GoodsStatus(m_status->currentData().toInt());
    q.stock = GoodsStock(m_stock->currentData().toInt());
    q.link = GoodsLink(m_link->currentData().toInt());
    m_model->setQuery(q);
}

qint64 GoodsPage::mainRows() const
{
    return std::max<qint64>(m_model->totalCount(), 0);
}

bool GoodsPage::isReady() const
{
    return m_model->showsFirstRows();
}

void GoodsPage::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void GoodsPage::applyFilter(const QString& filter)
{
    const auto choose = [](QComboBox* combo, int value) {
        QSignalBlocker block(combo);
        combo->setCurrentIndex(std::max(0, combo->findData(value)));
    };
    if (filter == u"low_stock") {
        // What the 低库存 tile counts (platformcache's counter): listed goods below their threshold,
        // whatever the category or search.
        {
            QSignalBlocker block(m_search);
            m_search->clear();
            m_searchDelay->stop();
        }
        choose(m_owner, int(GoodsOwner::Any));
        choose(m_status, int(GoodsStatus::On));
        choose(m_stock, int(GoodsStock::Low));
        choose(m_link, int(GoodsLink::Any));
        storage::GoodsQuery q = m_model->query();
        q.search.clear();
        q.categoryId = 0;
        m_model->setQuery(q);
        selectCategory(0);
    } else if (filter == u"pricing_alerts") {
        m_actions->openPricingRules(true);
        return;
    } else if (filter == u"on" || filter == u"off") {
        choose(m_status, int(filter == u"on" ? GoodsStatus::On : GoodsStatus::Off));
    } else if (filter == u"linked" || filter == u"unlinked") {
        choose(m_link, int(filter == u"linked" ? GoodsLink::Linked : GoodsLink::Unlinked));
    } else {
        return;
    }
    applyFilters();
}

void GoodsPage::setActor(const core::Actor& actor)
{
    m_editor->setActor(actor);
    m_actions->setActor(actor);
}

void GoodsPage::setBackend(models::ConsoleBackend* backend)
{
    m_backend = backend;
    m_actions->setBackend(backend);
}

void GoodsPage::createCategory(qint64 parentId, const QString& parentName)
{
    auto* dialog = new QInputDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("New category"));
    dialog->setLabelText(parentId > 0 ? tr("Name of the new category under %1:").arg(parentName)
                                      : tr("Name of the new top-level category:"));
    connect(dialog, &QInputDialog::textValueSelected, this, [this, parentId](const QString& name) {
        if (!m_backend)
            return;
        m_footer->setText(tr("Creating the category on the platform…"));
        m_backend->createCategory(name, parentId, this, [this, name](const QString& error) {
            m_footer->setText(error.isEmpty() ? tr("Category %1 created.").arg(name)
                                              : tr("Cannot create the category: %1").arg(error));
        });
    });
    dialog->open();
}

void GoodsPage::showCategoryMenu(const QPoint& at)
{
    const QModelIndex index = m_tree->indexAt(at);
    if (!index.isValid())
        return;
    const qint64 id = index.data(models::CategoryTreeModel::CategoryIdRole).toLongLong();
    const QString name = index.data(Qt::ToolTipRole).toString();
    auto* menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    const bool editable = m_editor->canEdit();
    QAction* create = menu->addAction(id > 0 ? tr("New subcategory…") : tr("New category…"));
    create->setEnabled(editable && m_backend);
    connect(create, &QAction::triggered, this,
            [this, id, name] { createCategory(std::max<qint64>(id, 0), name); });
    if (id <= 0) {
        menu->popup(m_tree->viewport()->mapToGlobal(at));
        return;
    }
    menu->addSeparator();
    QAction* rename = menu->addAction(tr("Rename…"));
    QAction* up = menu->addAction(tr("Move up"));
    QAction* down = menu->addAction(tr("Move down"));
    for (QAction* a : {rename, up, down}) {
        a->setEnabled(editable);
        a->setToolTip(editable ? tr("Sent to the platform; shown as pending until it accepts")
                               : tr("No operator signed in"));
    }
    up->setEnabled(editable && index.row() > 0);
    down->setEnabled(editable && index.row() + 1 < m_categories->rowCount(index.parent()));
    connect(rename, &QAction::triggered, this, [this, id, name] {
        auto* dialog = new QInputDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setWindowTitle(tr("Rename category"));
        dialog->setLabelText(tr("New name of %1:").arg(name));
        dialog->setTextValue(name);
        connect(dialog, &QInputDialog::textValueSelected, m_editor,
                [this, id](const QString& text) { m_editor->rename(id, text); });
        dialog->open();
    });
    connect(up, &QAction::triggered, m_editor, [this, id] { m_editor->move(id, -1); });
    connect(down, &QAction::triggered, m_editor, [this, id] { m_editor->move(id, 1); });
    menu->popup(m_tree->viewport()->mapToGlobal(at));
}

void GoodsPage::selectCategory(qint64 categoryId)
{
    QModelIndex index = m_categories->indexOf(categoryId);
    if (!index.isValid()) // the category is gone: back to 全部
        index = m_categories->indexOf(0);
    m_tree->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect);
}

void GoodsPage::updateFooter()
{
    const qint64 count = m_model->totalCount();
    storage::GoodsQuery unfiltered;
    unfiltered.now = m_model->query().now;
    if (count < 0)
        m_footer->setText(tr("Counting…"));
    else if (count == 0)
        m_footer->setText(m_model->query() == unfiltered
                              ? tr("No goods yet: the catalogue fills after the next sync.")
                              : tr("No goods match the filters."));
    else
        m_footer->setText(tr("%n goods", nullptr, int(std::min<qint64>(count, 1'000'000'000))));
}

qint64 GoodsPage::currentGoodsId() const
{
    const QModelIndex current = m_view->currentIndex();
    const QVariant key = current.isValid() ? m_model->rowKey(current.row()) : QVariant();
    return key.isValid() ? key.toLongLong() : 0;
}

void GoodsPage::openCurrent()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        return;
    const QVariant key = m_model->rowKey(current.row());
    if (key.isValid())
        Q_EMIT openGoods(key.toLongLong());
}

bool GoodsPage::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_view && event->type() == QEvent::KeyPress) {
        auto* key = static_cast<QKeyEvent*>(event);
        if (key->matches(QKeySequence::Copy)) {
            // The view would copy only the current cell; the operator wants the selected rows.
            const CopiedRows copied = copySelectedRows(*m_view, *m_model);
            if (copied.notLoaded > 0)
                m_footer->setText(
                    tr("Copied %1 rows; %2 rows not loaded yet were left out.")
                        .arg(QLocale().toString(copied.copied), QLocale().toString(copied.notLoaded)));
            return true;
        }
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            openCurrent();
            return true;
        }
    }
    return Page::eventFilter(watched, event);
}

} // namespace cardops::ui
