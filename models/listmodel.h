#pragma once

#include "storage/listqueries.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QSet>

namespace cardops::models {

class DataSource;

// A table over one of the cache's lists that never holds more than a window of it: the row count
// comes asynchronously (from the counter table when it can), rows are fetched in blocks by
// position on the loader thread as the view asks for them, rows not yet loaded show a placeholder,
// and answers to an outdated query are dropped by generation. Search, filter and sort happen in
// SQL; only indexed columns sort. Commits to the list's tables refresh the count and the loaded
// blocks in place. UI thread only.
class ListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    static constexpr int BlockRows = 128;
    static constexpr int MaxCachedBlocks = 64;
    // The blocks shown most recently that a refresh keeps on screen (and reads again).
    static constexpr int RefreshKeep = 4;
    enum Role { RawRole = Qt::UserRole + 1, LoadedRole, SortableRole };

    ListModel(DataSource& source, storage::ListKind kind, QObject* parent = nullptr);

    storage::ListKind kind() const { return m_query.kind; }
    const storage::ListQuery& query() const { return m_query; }
    void setSearch(const QString& search);
    void setFilter(const QString& filter);
    QString columnId(int column) const;
    int columnOf(const QString& id) const;
    bool isSortable(int column) const;
    int sortColumn() const;
    Qt::SortOrder sortOrder() const;

    // Rows the query matches; -1 until the first count arrives.
    qint64 totalCount() const { return m_count; }
    bool isRowLoaded(int row) const;
    // No read in flight for the current query (its count answered, no block requested).
    bool isIdle() const { return m_pending.isEmpty() && m_countedGeneration == m_generation; }
    // The key (column 0) of a loaded row, or an invalid QVariant.
    QVariant rowKey(int row) const;
    // Re-reads the count and the loaded blocks (a commit touched the list's tables).
    void refresh();

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

Q_SIGNALS:
    void countChanged(qint64 count);
    // Rows [first, last] now show data (the first rows after a reset, a scrolled-to block, …).
    void rowsLoaded(int first, int last);
    void loadFailed(const QString& detail);

private:
    void restart();
    void requestCount();
    void requestBlock(int block) const;
    void onCount(quint64 generation, qint64 count);
    void onBlock(quint64 generation, int block, storage::ReadSession::Rows rows);
    void evictFarBlocks(int around);
    const QVariantList* rowAt(int row) const;
    QStringList watchedTables() const;

    DataSource& m_source;
    storage::ListQuery m_query;
    QList<storage::ListColumn> m_columns;
    quint64 m_generation = 0;
    qint64 m_count = -1;
    quint64 m_countedGeneration = 0;
    QHash<int, storage::ReadSession::Rows> m_blocks;
    mutable QSet<int> m_pending;             // blocks requested in this generation
    mutable QHash<int, quint64> m_lastShown; // block → when data() last displayed one of its rows
    mutable quint64 m_showClock = 0;
};

} // namespace cardops::models
