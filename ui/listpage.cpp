#include "ui/listpage.h"

#include "models/listmodel.h"
#include "models/listpresentation.h"
#include "ui/tablecopy.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>

namespace cardops::ui {

ListPage::ListPage(models::DataSource& source, storage::ListKind kind, const QString& title,
                   const QString& hint, QWidget* parent)
    : Page(parent)
    , m_model(new models::ListModel(source, kind, this))
    , m_view(new QTableView(this))
    , m_search(new QLineEdit(this))
    , m_filter(new QComboBox(this))
    , m_footer(new QLabel(this))
    , m_searchDelay(new QTimer(this))
{
    auto* heading = new QLabel(title, this);
    heading->setObjectName(QStringLiteral("pageTitle"));
    auto* explanation = new QLabel(hint, this);
    explanation->setObjectName(QStringLiteral("pageHint"));
    explanation->setWordWrap(true);

    const QString searchHint = models::ListPresentation::searchHint(kind);
    m_search->setPlaceholderText(searchHint);
    m_search->setClearButtonEnabled(true);
    m_search->setVisible(!searchHint.isEmpty());
    m_search->setMinimumWidth(260);
    const auto choices = models::ListPresentation::filterChoices(kind);
    for (const auto& [code, label] : choices)
        m_filter->addItem(label, code);
    m_filter->setVisible(!choices.isEmpty());

    auto* bar = new QHBoxLayout;
    bar->addWidget(m_search);
    bar->addWidget(m_filter);
    bar->addStretch(1);
    bar->addWidget(m_footer);

    m_view->setModel(m_model);
    // The indicator first: enabling sorting sorts by it at once.
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

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(explanation);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);

    // Typing waits for a pause before querying, so each keystroke does not start a read.
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(250);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_searchDelay, &QTimer::timeout, this, [this] { m_model->setSearch(m_search->text()); });
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        m_searchDelay->stop();
        m_model->setSearch(m_search->text());
    });
    connect(m_filter, &QComboBox::currentIndexChanged, this,
            [this](int i) { m_model->setFilter(m_filter->itemData(i).toString()); });
    // A click on a column that cannot sort keeps the indicator where the list really is sorted.
    connect(m_view->horizontalHeader(), &QHeaderView::sortIndicatorChanged, this,
            [this](int column, Qt::SortOrder) {
                if (!m_model->isSortable(column)) {
                    QSignalBlocker block(m_view->horizontalHeader());
                    m_view->horizontalHeader()->setSortIndicator(m_model->sortColumn(), m_model->sortOrder());
                }
            });
    connect(m_model, &models::ListModel::countChanged, this, [this] {
        updateFooter();
        if (m_model->totalCount() == 0 && !m_ready) {
            m_ready = true;
            Q_EMIT ready();
        }
    });
    connect(m_model, &models::ListModel::modelReset, this, &ListPage::updateFooter);
    connect(m_model, &models::ListModel::rowsLoaded, this, [this](int first, int) {
        if (first == 0 && !m_sized) {
            m_sized = true;
            m_view->resizeColumnsToContents();
            for (int c = 0; c < m_model->columnCount(); ++c)
                m_view->setColumnWidth(c, std::clamp(m_view->columnWidth(c) + 16, 64, 360));
        }
        if (!m_ready) {
            m_ready = true;
            Q_EMIT ready();
        }
    });
    connect(m_model, &models::ListModel::loadFailed, this,
            [this](const QString& detail) { m_footer->setText(tr("Cannot read the list: %1").arg(detail)); });
    updateFooter();
}

qint64 ListPage::mainRows() const
{
    return std::max<qint64>(m_model->totalCount(), 0);
}

bool ListPage::isReady() const
{
    return m_model->showsFirstRows();
}

void ListPage::focusSearch()
{
    if (m_search->isVisible()) {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    }
}

void ListPage::applyFilter(const QString& filter)
{
    const int i = m_filter->findData(filter);
    if (i >= 0)
        m_filter->setCurrentIndex(i);
}

void ListPage::updateFooter()
{
    const qint64 count = m_model->totalCount();
    if (count < 0)
        m_footer->setText(tr("Counting…"));
    else if (count == 0)
        m_footer->setText(m_model->query().search.isEmpty() && m_model->query().filter.isEmpty()
                              ? tr("Nothing here yet: the list fills after the next sync.")
                              : tr("Nothing matches the search."));
    else
        m_footer->setText(tr("%1 rows").arg(QLocale().toString(count)));
}

bool ListPage::eventFilter(QObject* watched, QEvent* event)
{
    // The view would copy only the current cell; the operator wants the selected rows.
    if (watched == m_view && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent*>(event)->matches(QKeySequence::Copy)) {
        copySelection();
        return true;
    }
    return Page::eventFilter(watched, event);
}

void ListPage::copySelection() const
{
    const CopiedRows copied = copySelectedRows(*m_view, *m_model);
    if (copied.notLoaded > 0)
        m_footer->setText(tr("Copied %1 rows; %2 rows not loaded yet were left out.")
                              .arg(QLocale().toString(copied.copied), QLocale().toString(copied.notLoaded)));
}

} // namespace cardops::ui
