#include "ui/memberslistpanel.h"

#include "models/consolebackend.h"
#include "models/datasource.h"
#include "models/listpresentation.h"
#include "models/membersmodel.h"
#include "storage/memberqueries.h"
#include "ui/tablecopy.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace cardops::ui {
namespace {

struct Choices
{
    core::Result<QList<storage::memberqueries::TierName>> tiers;
    core::Result<QStringList> tags;
};

void choose(QComboBox* combo, const QVariant& value)
{
    const QSignalBlocker block(combo);
    combo->setCurrentIndex(std::max(0, combo->findData(value)));
}

} // namespace

MembersListPanel::MembersListPanel(models::DataSource& source, models::ConsoleBackend& backend,
                                   QWidget* parent)
    : QWidget(parent)
    , m_source(source)
    , m_backend(backend)
    , m_model(new models::MembersModel(source, this))
    , m_view(new QTableView(this))
    , m_search(new QLineEdit(this))
    , m_count(new QLabel(this))
    , m_empty(new QLabel(this))
    , m_stack(new QStackedWidget(this))
    , m_searchDelay(new QTimer(this))
{
    m_search->setPlaceholderText(tr("Name, contact or member id"));
    m_search->setToolTip(tr("Search (Ctrl+F): part of the name or contact, or the exact member id"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(fontMetrics().horizontalAdvance(m_search->placeholderText()) + 60);

    m_kind = addFilter(tr("Kind of member"));
    m_kind->addItem(tr("All kinds"), QString());
    for (const QString& k : {u"consumer"_s, u"agent"_s, u"enterprise"_s})
        m_kind->addItem(models::ListPresentation::memberKind(k), k);
    m_tier = addFilter(tr("Tier"));
    m_tier->addItem(tr("All tiers"), qint64(0));
    m_segment = addFilter(tr("RFM segment (docs/members.md): computed after each sync"));
    m_segment->addItem(tr("All segments"), QString());
    for (const QString& code : models::MembersModel::segmentCodes())
        m_segment->addItem(models::MembersModel::segmentName(code), code);
    m_tag = addFilter(tr("Members carrying this tag"));
    m_tag->addItem(tr("All tags"), QString());

    auto* bar = new QHBoxLayout;
    bar->addWidget(m_search);
    for (QComboBox* c : {m_kind, m_tier, m_segment, m_tag}) {
        bar->addWidget(c);
        connect(c, &QComboBox::currentIndexChanged, this, &MembersListPanel::applyFilters);
    }
    bar->addStretch(1);
    bar->addWidget(m_count);

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
    connect(m_view, &QWidget::customContextMenuRequested, this, &MembersListPanel::showRowMenu);
    connect(m_view, &QTableView::doubleClicked, this, [this] { openCurrent(); });
    connect(m_view->horizontalHeader(), &QHeaderView::sortIndicatorChanged, this,
            [this](int column, Qt::SortOrder) {
                if (!m_model->isSortable(column)) {
                    const QSignalBlocker block(m_view->horizontalHeader());
                    m_view->horizontalHeader()->setSortIndicator(m_model->sortColumn(), m_model->sortOrder());
                }
            });

    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setObjectName(u"pageHint"_s);
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_empty);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_stack, 1);

    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(SearchDelayMs);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_searchDelay, &QTimer::timeout, this, [this] { m_model->setSearch(m_search->text()); });
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        m_searchDelay->stop();
        m_model->setSearch(m_search->text());
    });

    connect(m_model, &models::MembersModel::countChanged, this, [this] {
        updateCount();
        if (m_model->totalCount() == 0 && !m_ready) {
            m_ready = true;
            Q_EMIT ready();
        }
    });
    connect(m_model, &models::MembersModel::modelReset, this, &MembersListPanel::updateCount);
    connect(m_model, &models::MembersModel::rowsLoaded, this, [this](int first, int) {
        if (first == 0 && !m_sized) {
            m_sized = true;
            const QFontMetrics header(m_view->horizontalHeader()->font());
            for (int c = 0; c < m_model->columnCount(); ++c) {
                const QString title = m_model->headerData(c, Qt::Horizontal).toString();
                const int width =
                    std::max(static_cast<const QAbstractItemView*>(m_view)->sizeHintForColumn(c),
                             header.horizontalAdvance(title) + 24);
                m_view->setColumnWidth(c, std::clamp(width + 8, 48, 260));
            }
        }
        if (!m_ready) {
            m_ready = true;
            Q_EMIT ready();
        }
    });
    connect(m_model, &models::MembersModel::loadFailed, this, [this](const QString& detail) {
        m_count->setText(tr("Cannot read the members: %1").arg(detail));
    });
    connect(&source, &models::DataSource::tablesChanged, this, [this](const QSet<QString>& tables) {
        if (tables.contains(u"tiers"_s) || tables.contains(u"members"_s))
            loadChoices();
    });
    loadChoices();
    updateCount();
}

QComboBox* MembersListPanel::addFilter(const QString& tip)
{
    auto* combo = new QComboBox(this);
    combo->setToolTip(tip);
    combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    return combo;
}

void MembersListPanel::loadChoices()
{
    m_source.reader().post<std::shared_ptr<Choices>>(
        this,
        [](const storage::ReadSession& s) {
            return std::make_shared<Choices>(
                Choices{storage::memberqueries::tiers(s), storage::memberqueries::distinctTags(s)});
        },
        [this](std::shared_ptr<Choices> c) {
            if (c->tiers) {
                const QVariant chosen = m_tier->currentData();
                const QSignalBlocker block(m_tier);
                while (m_tier->count() > 1)
                    m_tier->removeItem(1);
                for (const auto& t : c->tiers.value())
                    m_tier->addItem(t.name.isEmpty() ? tr("Tier %1").arg(t.id) : t.name, t.id);
                choose(m_tier, chosen);
            }
            if (c->tags) {
                const QVariant chosen = m_tag->currentData();
                const QSignalBlocker block(m_tag);
                while (m_tag->count() > 1)
                    m_tag->removeItem(1);
                for (const QString& t : c->tags.value())
                    m_tag->addItem(t, t);
                choose(m_tag, chosen);
            }
        });
}

void MembersListPanel::applyFilters()
{
    storage::MemberQuery q = m_model->query();
    q.kind = m_kind->currentData().toString();
    q.tierId = m_tier->currentData().toLongLong();
    q.segment = m_segment->currentData().toString();
    q.tag = m_tag->currentData().toString();
    m_model->setQuery(q);
}

void MembersListPanel::clearFilters()
{
    {
        const QSignalBlocker block(m_search);
        m_search->clear();
        m_searchDelay->stop();
    }
    choose(m_kind, QString());
    choose(m_tier, qint64(0));
    choose(m_segment, QString());
    choose(m_tag, QString());
    storage::MemberQuery q = m_model->query();
    q.search.clear();
    m_model->setQuery(q);
}

void MembersListPanel::showSegment(const QString& code)
{
    clearFilters();
    choose(m_segment, code);
    applyFilters();
}

void MembersListPanel::showKind(const QString& kind)
{
    clearFilters();
    choose(m_kind, kind);
    applyFilters();
}

void MembersListPanel::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

qint64 MembersListPanel::rows() const
{
    return std::max<qint64>(m_model->totalCount(), 0);
}

bool MembersListPanel::isReady() const
{
    return m_model->showsFirstRows();
}

bool MembersListPanel::showsEmptyState() const
{
    return m_stack->currentWidget() == m_empty;
}

void MembersListPanel::updateCount()
{
    const qint64 count = m_model->totalCount();
    const storage::MemberQuery& q = m_model->query();
    const bool filtered =
        !q.kind.isEmpty() || q.tierId != 0 || !q.segment.isEmpty() || !q.tag.isEmpty() || !q.search.isEmpty();
    if (count < 0) {
        m_count->setText(tr("Counting…"));
        return;
    }
    m_count->setText(tr("%n members", nullptr, int(std::min<qint64>(count, 1'000'000'000))));
    if (count == 0) {
        m_empty->setText(filtered ? tr("No members match these filters. Clear the search or choose "
                                       "another kind, tier, segment or tag.")
                                  : tr("No members in the cache yet: they arrive with the next sync."));
        m_stack->setCurrentWidget(m_empty);
    } else {
        m_stack->setCurrentWidget(m_view);
    }
}

qint64 MembersListPanel::currentMemberId() const
{
    const QModelIndex current = m_view->currentIndex();
    const QVariant key = current.isValid() ? m_model->rowKey(current.row()) : QVariant();
    return key.isValid() ? key.toLongLong() : 0;
}

void MembersListPanel::openCurrent()
{
    if (const qint64 id = currentMemberId(); id > 0)
        Q_EMIT memberActivated(id);
}

void MembersListPanel::showRowMenu(const QPoint& at)
{
    const QModelIndex index = m_view->indexAt(at);
    const QVariant key = index.isValid() ? m_model->rowKey(index.row()) : QVariant();
    if (!key.isValid())
        return;
    const qint64 id = key.toLongLong();
    auto* menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    connect(menu->addAction(tr("Open member")), &QAction::triggered, this,
            [this, id] { Q_EMIT memberActivated(id); });
    QAction* newest = menu->addAction(tr("Open the newest order"));
    newest->setEnabled(index.siblingAtColumn(models::MembersModel::OrdersColumn).data().toString() != u"0"_s);
    connect(newest, &QAction::triggered, this, [this, id] {
        m_source.reader().post<core::Result<QList<storage::MemberOrder>>>(
            this,
            [id](const storage::ReadSession& s) { return storage::memberqueries::memberOrders(s, id, 1); },
            [this](core::Result<QList<storage::MemberOrder>> orders) {
                if (orders && !orders->isEmpty())
                    Q_EMIT openOrder(orders->first().id);
                else
                    m_count->setText(tr("This member has no orders in the cache."));
            });
    });
    menu->addSeparator();
    connect(menu->addAction(tr("Copy selected rows")), &QAction::triggered, this,
            [this] { copySelectedRows(*m_view, *m_model); });
    menu->popup(m_view->viewport()->mapToGlobal(at));
}

bool MembersListPanel::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_view && event->type() == QEvent::KeyPress) {
        auto* key = static_cast<QKeyEvent*>(event);
        if (key->matches(QKeySequence::Copy)) {
            // The view would copy only the current cell; the operator wants the selected rows.
            const CopiedRows copied = copySelectedRows(*m_view, *m_model);
            if (copied.notLoaded > 0)
                m_count->setText(
                    tr("Copied %1 rows; %2 rows not loaded yet were left out.")
                        .arg(QLocale().toString(copied.copied), QLocale().toString(copied.notLoaded)));
            return true;
        }
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            openCurrent();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace cardops::ui
