#pragma once

#include "models/windowedmodel.h"
#include "storage/listqueries.h"

namespace cardops::models {

// One of the cache's simple lists (orders, goods, members, the audit log, daily totals) as a
// windowed table: the count from the counter table when it can, blocks by position, search, one
// filter and sorting on indexed columns, all in SQL. UI thread only.
class ListModel : public WindowedModel
{
    Q_OBJECT
public:
    ListModel(DataSource& source, storage::ListKind kind, QObject* parent = nullptr);

    storage::ListKind kind() const { return m_query.kind; }
    const storage::ListQuery& query() const { return m_query; }
    void setSearch(const QString& search);
    void setFilter(const QString& filter);
    int sortColumn() const;
    Qt::SortOrder sortOrder() const;

    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

protected:
    CountWork countWork() const override;
    PageWork pageWork(qint64 offset, int limit) const override;

private:
    storage::ListQuery m_query;
};

} // namespace cardops::models
