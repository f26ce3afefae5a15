#include "models/ordersmodel.h"

#include "models/datasource.h"

using namespace Qt::StringLiterals;

namespace cardops::models {

namespace {

QList<storage::ListColumn> orderColumns()
{
    QList<storage::ListColumn> out;
    for (const QString& id : storage::orderqueries::columns())
        out.append({id, storage::orderqueries::sortFromColumnId(id).has_value()});
    return out;
}

// What a count reads besides the count: the snapshot it counted under, what arrived above it and
// the tabs.
struct SnapshotCounts
{
    qint64 ceiling = 0;
    qint64 above = 0;
    QList<qint64> tabs;
    bool bounded = false; // a first count up to BoundedCount; the exact one follows
};

} // namespace

OrdersModel::OrdersModel(DataSource& source, QObject* parent)
    : WindowedModel(source, storage::ListKind::Orders, orderColumns(),
                    {u"orders"_s, u"members"_s, u"goods"_s, u"counters"_s}, parent)
    , m_ladderWorker(std::make_unique<ReadWorker>(source.databasePath()))
{
    // The ladder waits until the first rows are read and painted: on two cores its walk of the
    // index would otherwise compete with them.
    m_ladderDelay.setSingleShot(true);
    m_ladderDelay.setInterval(LadderDelayMs);
    connect(&m_ladderDelay, &QTimer::timeout, this, &OrdersModel::requestLadder);
    restart();
}

OrdersModel::~OrdersModel() = default;

void OrdersModel::setFilter(const storage::OrderFilter& filter)
{
    if (filter == m_query.filter)
        return;
    m_query.filter = filter;
    restartSnapshot();
}

void OrdersModel::setTab(storage::OrderTab tab)
{
    if (tab == m_query.filter.tab)
        return;
    m_query.filter.tab = tab;
    restartSnapshot();
}

void OrdersModel::showNewOrders()
{
    restartSnapshot();
}

void OrdersModel::restartSnapshot()
{
    // A new query reads against a fresh snapshot (the count reads the ceiling first).
    m_query.ceiling = 0;
    m_newOrders = 0;
    m_lastCount = -1;
    m_exactCount = false;
    m_ladderDelay.stop();
    Q_EMIT newOrdersChanged(0);
    restart();
}

int OrdersModel::sortColumn() const
{
    return columnOf(storage::orderqueries::sortColumnId(storage::orderqueries::effectiveSort(m_query)));
}

Qt::SortOrder OrdersModel::sortOrder() const
{
    return m_query.descending ? Qt::DescendingOrder : Qt::AscendingOrder;
}

void OrdersModel::sort(int column, Qt::SortOrder order)
{
    const auto sort = storage::orderqueries::sortFromColumnId(columnId(column));
    if (!sort)
        return; // only indexed columns sort; the header says which
    const bool descending = order == Qt::DescendingOrder;
    if (*sort == m_query.sort && descending == m_query.descending)
        return;
    m_query.sort = *sort;
    m_query.descending = descending;
    // The same snapshot: only the order changes.
    m_lastCount = -1;
    m_exactCount = false;
    restart();
}

WindowedModel::CountWork OrdersModel::countWork() const
{
    // A count that walks the table comes in two answers: the first rows' worth at once, then all.
    const bool bounded = !m_exactCount && storage::orderqueries::countScansTable(m_query);
    return [query = m_query, bounded](const storage::ReadSession& s) mutable -> core::Result<Counted> {
        namespace q = storage::orderqueries;
        if (query.ceiling == 0) {
            auto top = q::maxId(s);
            if (!top)
                return top.error();
            query.ceiling = top.value();
        }
        auto n = bounded ? q::countUpTo(s, query, BoundedCount) : q::count(s, query);
        if (!n)
            return n.error();
        auto above = q::countAbove(s, query);
        if (!above)
            return above.error();
        auto tabs = q::tabCounts(s, query.ceiling);
        if (!tabs)
            return tabs.error();
        return Counted{n.value(), SnapshotCounts{query.ceiling, above.value(), tabs.value(), bounded}};
    };
}

WindowedModel::PageWork OrdersModel::pageWork(qint64 offset, int limit) const
{
    auto ladder = hasLadder() ? m_ladder : std::make_shared<const storage::OrderLadder>();
    return [query = m_query, ladder, offset, limit](const storage::ReadSession& s) {
        return storage::orderqueries::page(s, query, *ladder, offset, limit);
    };
}

void OrdersModel::countArrived(const Counted& counted)
{
    const auto* snapshot = std::any_cast<SnapshotCounts>(&counted.extra);
    if (!snapshot)
        return;
    if (m_query.ceiling == 0)
        m_query.ceiling = snapshot->ceiling;
    if (snapshot->above != m_newOrders) {
        m_newOrders = snapshot->above;
        Q_EMIT newOrdersChanged(m_newOrders);
    }
    if (snapshot->tabs != m_tabCounts) {
        m_tabCounts = snapshot->tabs;
        Q_EMIT tabCountsChanged(m_tabCounts);
    }
    if (snapshot->bounded) {
        m_exactCount = true;
        // The exact count walks the table: on the ladder's thread, so the first rows come first.
        return recount(m_ladderWorker.get()); // the ladder waits for the exact count
    }
    // Rows under the snapshot came or went (a backfill, a status change in a tab): the ladder is
    // rebuilt; until it lands the old one still lands jumps within a few rows.
    if (counted.count != m_lastCount) {
        m_lastCount = counted.count;
        if (counted.count > storage::orderqueries::AnchorStep)
            m_ladderDelay.start();
    }
}

void OrdersModel::requestLadder()
{
    if (m_ladderRunning) {
        m_ladderStale = true; // one more build when this one answers
        return;
    }
    m_ladderRunning = true;
    m_ladderStale = false;
    const storage::OrderQuery query = m_query;
    m_ladderWorker->post<core::Result<storage::OrderLadder>>(
        this, [query](const storage::ReadSession& s) { return storage::orderqueries::ladder(s, query); },
        [this, query](core::Result<storage::OrderLadder> r) {
            m_ladderRunning = false;
            if (r && query == m_query) {
                m_ladder = std::make_shared<const storage::OrderLadder>(std::move(r).value());
                m_ladderFor = query;
                Q_EMIT ladderReady();
            }
            if ((m_ladderStale || query != m_query) && m_query.ceiling > 0 &&
                m_lastCount > storage::orderqueries::AnchorStep)
                requestLadder();
        });
}

} // namespace cardops::models
