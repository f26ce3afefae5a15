#include "models/windowedmodel.h"

#include "models/datasource.h"
#include "models/listpresentation.h"

#include <QBrush>
#include <QColor>
#include <algorithm>
#include <cstdlib>
#include <limits>

using namespace Qt::StringLiterals;

namespace cardops::models {

WindowedModel::WindowedModel(DataSource& source, storage::ListKind titles, QList<storage::ListColumn> columns,
                             QStringList watchedTables, QObject* parent)
    : QAbstractTableModel(parent)
    , m_source(source)
    , m_titles(titles)
    , m_columns(std::move(columns))
{
    connect(&source, &DataSource::tablesChanged, this, [this, watchedTables](const QSet<QString>& tables) {
        for (const QString& t : watchedTables)
            if (tables.contains(t))
                return refresh();
    });
}

QString WindowedModel::columnId(int column) const
{
    return column >= 0 && column < m_columns.size() ? m_columns[column].id : QString();
}

int WindowedModel::columnOf(const QString& id) const
{
    for (int i = 0; i < m_columns.size(); ++i)
        if (m_columns[i].id == id)
            return i;
    return -1;
}

bool WindowedModel::isSortable(int column) const
{
    return column >= 0 && column < m_columns.size() && m_columns[column].sortable;
}

void WindowedModel::restart()
{
    beginResetModel();
    ++m_generation;
    m_blocks.clear();
    cancelPending();
    m_lastShown.clear();
    m_count = -1;
    endResetModel();
    requestCount();
}

void WindowedModel::refresh()
{
    // The blocks the view showed last stay on screen until their fresh copy arrives; the others
    // are dropped (read again if scrolled to), so a commit costs a few block reads, not one per
    // cached block. Older answers are dropped by generation.
    ++m_generation;
    cancelPending();
    QList<int> recent = m_blocks.keys();
    std::sort(recent.begin(), recent.end(),
              [this](int a, int b) { return m_lastShown.value(a) > m_lastShown.value(b); });
    for (qsizetype i = RefreshKeep; i < recent.size(); ++i)
        m_blocks.remove(recent[i]);
    requestCount();
    QList<int> blocks = m_blocks.keys();
    std::sort(blocks.begin(), blocks.end());
    for (int block : blocks)
        requestBlock(block);
}

void WindowedModel::requestCount(ReadWorker* worker)
{
    const quint64 generation = m_generation;
    (worker ? *worker : m_source.reader())
        .post<core::Result<Counted>>(this, countWork(), [this, generation](core::Result<Counted> r) {
            if (generation != m_generation)
                return;
            if (!r) {
                m_countedGeneration = generation; // answered: the view stays as it is
                return Q_EMIT loadFailed(r.error().detail);
            }
            onCount(generation, std::move(r).value());
        });
}

void WindowedModel::cancelPending()
{
    for (const Ticket& t : std::as_const(m_pending))
        t.cancelled->store(true);
    m_pending.clear();
}

void WindowedModel::requestBlock(int block) const
{
    if (m_pending.contains(block))
        return;
    // A drag through a long list asks for block after block: the oldest requests not read yet are
    // called off, so the loader reads where the view is now, not everywhere it has been.
    while (m_pending.size() >= MaxPendingBlocks) {
        int oldest = -1;
        quint64 oldestSequence = 0;
        for (auto it = m_pending.cbegin(); it != m_pending.cend(); ++it)
            if (oldest < 0 || it->sequence < oldestSequence) {
                oldest = it.key();
                oldestSequence = it->sequence;
            }
        m_pending.take(oldest).cancelled->store(true);
    }
    const Ticket ticket{++m_requestSequence, std::make_shared<std::atomic_bool>(false)};
    m_pending.insert(block, ticket);
    auto* self = const_cast<WindowedModel*>(this); // answers arrive on this object; no state read here
    const quint64 generation = m_generation;
    m_source.reader().post<core::Result<storage::ReadSession::Rows>>(
        self,
        [work = pageWork(qint64(block) * BlockRows, BlockRows), cancelled = ticket.cancelled](
            const storage::ReadSession& s) -> core::Result<storage::ReadSession::Rows> {
            if (cancelled->load())
                return core::makeError(core::ErrorCode::Conflict, QStringLiteral("called off"));
            return work(s);
        },
        [self, generation, block, sequence = ticket.sequence](core::Result<storage::ReadSession::Rows> r) {
            const auto it = self->m_pending.constFind(block);
            if (generation != self->m_generation || it == self->m_pending.cend() || it->sequence != sequence)
                return; // outdated, or called off (a later request of the block may be on its way)
            if (!r) {
                self->m_pending.remove(block);
                return Q_EMIT self->loadFailed(r.error().detail);
            }
            self->onBlock(generation, block, std::move(r).value());
        });
}

void WindowedModel::onCount(quint64 generation, Counted counted)
{
    if (generation != m_generation)
        return;
    m_countedGeneration = generation;
    countArrived(counted);
    const qint64 count = counted.count;
    if (count == m_count)
        return;
    const qint64 old = m_count;
    if (old < 0) {
        beginResetModel();
        m_count = count;
        endResetModel();
    } else if (count > old) {
        beginInsertRows({}, int(old), int(count - 1));
        m_count = count;
        endInsertRows();
    } else {
        beginRemoveRows({}, int(count), int(old - 1));
        m_count = count;
        const int lastBlock = count == 0 ? -1 : int((count - 1) / BlockRows);
        m_blocks.removeIf([lastBlock](auto it) { return it.key() > lastBlock; });
        endRemoveRows();
    }
    Q_EMIT countChanged(m_count);
}

void WindowedModel::onBlock(quint64 generation, int block, storage::ReadSession::Rows rows)
{
    if (generation != m_generation)
        return;
    m_pending.remove(block);
    const int first = block * BlockRows;
    const int last = std::min<int>(first + BlockRows, int(std::max<qint64>(m_count, 0))) - 1;
    // Fewer rows than the count promised: the list shrank since the count. The block stays as
    // answered (its missing rows show empty, never re-read in a loop) and the count is read again.
    if (rows.size() < last - first + 1)
        requestCount();
    m_blocks.insert(block, std::move(rows));
    evictFarBlocks(block);
    if (last < first)
        return;
    Q_EMIT dataChanged(index(first, 0), index(last, int(m_columns.size()) - 1));
    Q_EMIT rowsLoaded(first, last);
}

void WindowedModel::evictFarBlocks(int around)
{
    if (m_blocks.size() <= MaxCachedBlocks)
        return;
    QList<int> blocks = m_blocks.keys();
    std::sort(blocks.begin(), blocks.end(),
              [around](int a, int b) { return std::abs(a - around) > std::abs(b - around); });
    for (qsizetype i = 0; i < blocks.size() - MaxCachedBlocks; ++i) {
        m_blocks.remove(blocks[i]);
        m_lastShown.remove(blocks[i]);
    }
}

const QVariantList* WindowedModel::rowAt(int row) const
{
    const auto it = m_blocks.constFind(row / BlockRows);
    if (it == m_blocks.constEnd())
        return nullptr;
    const int offset = row % BlockRows;
    return offset < it->size() ? &(*it)[offset] : nullptr;
}

bool WindowedModel::isRowLoaded(int row) const
{
    return rowAt(row) != nullptr;
}

QVariant WindowedModel::rowKey(int row) const
{
    const QVariantList* values = rowAt(row);
    return values ? values->value(0) : QVariant();
}

int WindowedModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(std::clamp<qint64>(m_count, 0, std::numeric_limits<int>::max()));
}

int WindowedModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QVariant WindowedModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QString& column = m_columns[index.column()].id;
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(ListPresentation::isNumeric(column) ? Qt::AlignRight | Qt::AlignVCenter
                                                                       : Qt::AlignLeft | Qt::AlignVCenter);
    const int block = index.row() / BlockRows;
    if (role == Qt::DisplayRole)
        m_lastShown[block] = ++m_showClock;
    const QVariantList* values = rowAt(index.row());
    if (!values) {
        if (m_blocks.contains(block)) // answered short: the row is gone, a new count is on its way
            return {};
        if (role == Qt::DisplayRole || role == LoadedRole)
            requestBlock(block);
        if (role == Qt::DisplayRole)
            return index.column() == 0 ? tr("Loading…") : QString();
        if (role == LoadedRole)
            return false;
        if (role == Qt::ForegroundRole)
            return QBrush(QColor(0x99, 0x99, 0x99));
        return {};
    }
    const QVariant raw = values->value(index.column());
    switch (role) {
    case Qt::DisplayRole:
        return ListPresentation::display(column, raw);
    case Qt::ToolTipRole:
        return column == u"detail" || column == u"name" || column == u"goods" ? raw : QVariant();
    case RawRole:
        return raw;
    case LoadedRole:
        return true;
    case Qt::ForegroundRole:
        if (column == u"status") {
            const QString s = raw.toString();
            if (s == u"review" || s == u"handed_over")
                return QBrush(QColor(0xB2, 0x5E, 0x00));
            if (s == u"refunded" || s == u"cancelled" || s == u"off")
                return QBrush(QColor(0x80, 0x80, 0x80));
        }
        return {};
    default:
        return {};
    }
}

QVariant WindowedModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= m_columns.size())
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (role) {
    case Qt::DisplayRole:
        return ListPresentation::columnTitle(m_titles, m_columns[section].id);
    case Qt::ToolTipRole:
        return m_columns[section].sortable ? tr("Click to sort (indexed column)")
                                           : tr("Not sortable: only indexed columns sort on a large list");
    case SortableRole:
        return m_columns[section].sortable;
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(ListPresentation::isNumeric(m_columns[section].id)
                                       ? Qt::AlignRight | Qt::AlignVCenter
                                       : Qt::AlignLeft | Qt::AlignVCenter);
    default:
        return {};
    }
}

} // namespace cardops::models
