#include "models/listmodel.h"

using namespace Qt::StringLiterals;

namespace cardops::models {

namespace {

QStringList watchedTables(storage::ListKind kind)
{
    switch (kind) {
    case storage::ListKind::Orders:
        return {u"orders"_s, u"members"_s, u"goods"_s};
    case storage::ListKind::Goods:
        return {u"goods"_s, u"categories"_s};
    case storage::ListKind::Members:
        return {u"members"_s, u"tiers"_s};
    case storage::ListKind::AuditLog:
        return {u"audit_log"_s};
    case storage::ListKind::DailyTotals:
        return {u"daily_totals"_s};
    }
    return {};
}

} // namespace

ListModel::ListModel(DataSource& source, storage::ListKind kind, QObject* parent)
    : WindowedModel(source, kind, storage::lists::columns(kind), watchedTables(kind), parent)
{
    m_query.kind = kind;
    m_query.descending = kind != storage::ListKind::Goods; // goods read in catalogue order
    restart();
}

void ListModel::setSearch(const QString& search)
{
    if (search.trimmed() == m_query.search)
        return;
    m_query.search = search.trimmed();
    restart();
}

void ListModel::setFilter(const QString& filter)
{
    if (filter == m_query.filter)
        return;
    m_query.filter = filter;
    restart();
}

int ListModel::sortColumn() const
{
    return columnOf(m_query.sortColumn.isEmpty() ? storage::lists::defaultSortColumn(m_query.kind)
                                                 : m_query.sortColumn);
}

Qt::SortOrder ListModel::sortOrder() const
{
    return m_query.descending ? Qt::DescendingOrder : Qt::AscendingOrder;
}

void ListModel::sort(int column, Qt::SortOrder order)
{
    // Only indexed columns sort (the header says which); other clicks change nothing.
    if (!isSortable(column))
        return;
    const QString id = columnId(column);
    const bool descending = order == Qt::DescendingOrder;
    if (id == m_query.sortColumn && descending == m_query.descending)
        return;
    m_query.sortColumn = id;
    m_query.descending = descending;
    restart();
}

WindowedModel::CountWork ListModel::countWork() const
{
    return [query = m_query](const storage::ReadSession& s) -> core::Result<Counted> {
        auto n = storage::lists::count(s, query);
        if (!n)
            return n.error();
        return Counted{n.value(), {}};
    };
}

WindowedModel::PageWork ListModel::pageWork(qint64 offset, int limit) const
{
    return [query = m_query, offset, limit](const storage::ReadSession& s) {
        return storage::lists::page(s, query, offset, limit);
    };
}

} // namespace cardops::models
