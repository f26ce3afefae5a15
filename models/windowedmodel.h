#pragma once

#include "models/readworker.h"
#include "storage/listqueries.h"
#include "storage/readsession.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QSet>
#include <any>
#include <atomic>
#include <functional>
#include <memory>

namespace cardops::models {

class DataSource;

// A table over a large query that never holds more than a window of it: the row count comes
// asynchronously, rows are fetched in blocks on the loader thread as the view asks for them, rows
// not yet loaded show a placeholder, and answers to an outdated query are dropped by generation.
// Subclasses say how to count and how to read a block; search, filter and sort happen in SQL.
// Commits to the watched tables refresh the count and the blocks last shown, in place. UI thread.
class WindowedModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    static constexpr int BlockRows = 128;
    static constexpr int MaxCachedBlocks = 64;
    // The blocks shown most recently that a refresh keeps on screen (and reads again).
    static constexpr int RefreshKeep = 4;
    // Block requests waiting for the loader; a new one calls off the oldest beyond this.
    static constexpr int MaxPendingBlocks = 6;
    enum Role { RawRole = Qt::UserRole + 1, LoadedRole, SortableRole };

    QString columnId(int column) const;
    int columnOf(const QString& id) const;
    bool isSortable(int column) const;

    // Rows the query matches; -1 until the first count arrives.
    qint64 totalCount() const { return m_count; }
    bool isRowLoaded(int row) const;
    // No read in flight for the current query (its count answered, no block requested).
    bool isIdle() const { return m_pending.isEmpty() && m_countedGeneration == m_generation; }
    // The count is known and, when there are rows, the first ones show data (a page is ready).
    bool showsFirstRows() const { return isIdle() && m_count >= 0 && (m_count == 0 || isRowLoaded(0)); }
    // The key (column 0) of a loaded row, or an invalid QVariant.
    QVariant rowKey(int row) const;
    // The raw values of a loaded row, or nullptr.
    const QVariantList* rowValues(int row) const { return rowAt(row); }
    // Re-reads the count and the blocks last shown (a commit touched the watched tables).
    void refresh();

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void countChanged(qint64 count);
    // Rows [first, last] now show data (the first rows after a reset, a scrolled-to block, …).
    void rowsLoaded(int first, int last);
    void loadFailed(const QString& detail);

protected:
    // What a count answers: the count, and anything else the subclass reads with it.
    struct Counted
    {
        qint64 count = 0;
        std::any extra;
    };
    using CountWork = std::function<core::Result<Counted>(const storage::ReadSession&)>;
    using PageWork = std::function<core::Result<storage::ReadSession::Rows>(const storage::ReadSession&)>;

    WindowedModel(DataSource& source, storage::ListKind titles, QList<storage::ListColumn> columns,
                  QStringList watchedTables, QObject* parent);

    // Work for the loader thread, capturing the current query by value.
    virtual CountWork countWork() const = 0;
    virtual PageWork pageWork(qint64 offset, int limit) const = 0;
    // A count of the current generation arrived; called before the row count changes.
    virtual void countArrived(const Counted&) {}

    // A new query: every row goes, the count is read again.
    void restart();
    // The count of the same query again (rows stay), on `worker` (default: the loader, behind the
    // block reads already asked for); not idle until it answers.
    void recount(ReadWorker* worker = nullptr)
    {
        m_countedGeneration = 0;
        requestCount(worker);
    }
    DataSource& source() const { return m_source; }
    quint64 generation() const { return m_generation; }

private:
    void requestCount(ReadWorker* worker = nullptr);
    void requestBlock(int block) const;
    void cancelPending();
    void onCount(quint64 generation, Counted counted);
    void onBlock(quint64 generation, int block, storage::ReadSession::Rows rows);
    void evictFarBlocks(int around);
    const QVariantList* rowAt(int row) const;

    DataSource& m_source;
    storage::ListKind m_titles;
    QList<storage::ListColumn> m_columns;
    quint64 m_generation = 0;
    qint64 m_count = -1;
    quint64 m_countedGeneration = 0;
    QHash<int, storage::ReadSession::Rows> m_blocks;
    struct Ticket
    {
        quint64 sequence = 0;
        std::shared_ptr<std::atomic_bool> cancelled; // read on the loader thread before the query
    };
    mutable QHash<int, Ticket> m_pending; // blocks requested in this generation and not answered
    mutable quint64 m_requestSequence = 0;
    mutable QHash<int, quint64> m_lastShown; // block → when data() last displayed one of its rows
    mutable quint64 m_showClock = 0;
};

} // namespace cardops::models
