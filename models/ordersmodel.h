#pragma once

#include "models/readworker.h"
#include "models/windowedmodel.h"
#include "storage/orderqueries.h"

#include <QTimer>
#include <memory>

namespace cardops::models {

// The orders page's table over a million orders. A query (tab, filters, sort) reads against a
// snapshot: the highest order id when it started. Orders arriving later are counted
// (newOrdersChanged) and shown only when the operator asks (showNewOrders), so rows never shift
// under the cursor. Each query's anchor ladder (every 1,000th key) is built on a thread of its own;
// from then on a block anywhere is a seek from the nearest anchor plus a short OFFSET. Sorting
// only on indexed columns (a prefix or range filter sorts by its column). UI thread only.
class OrdersModel : public WindowedModel
{
    Q_OBJECT
public:
    static constexpr int LadderDelayMs = 150;
    // The first count of a query that walks the table stops here; the exact count follows.
    static constexpr int BoundedCount = 1000;

    explicit OrdersModel(DataSource& source, QObject* parent = nullptr);
    ~OrdersModel() override;

    const storage::OrderQuery& query() const { return m_query; }
    void setFilter(const storage::OrderFilter& filter);
    void setTab(storage::OrderTab tab);
    // Takes a new snapshot: the orders that arrived since show (the list starts again).
    void showNewOrders();

    int sortColumn() const;
    Qt::SortOrder sortOrder() const;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    // Orders matching the filter that arrived after the snapshot.
    qint64 newOrders() const { return m_newOrders; }
    // The count of each status tab (storage::OrderTab order) under the snapshot; empty until read.
    const QList<qint64>& tabCounts() const { return m_tabCounts; }
    // The current query's ladder has arrived (jumps seek from anchors).
    bool hasLadder() const { return m_ladder && m_ladderFor == m_query; }

Q_SIGNALS:
    void newOrdersChanged(qint64 count);
    void tabCountsChanged(const QList<qint64>& counts);
    void ladderReady();

protected:
    CountWork countWork() const override;
    PageWork pageWork(qint64 offset, int limit) const override;
    void countArrived(const Counted& counted) override;

private:
    void restartSnapshot();
    void requestLadder();

    storage::OrderQuery m_query;
    qint64 m_newOrders = 0;
    qint64 m_lastCount = -1;
    QList<qint64> m_tabCounts;
    std::unique_ptr<ReadWorker> m_ladderWorker;
    std::shared_ptr<const storage::OrderLadder> m_ladder;
    storage::OrderQuery m_ladderFor;
    bool m_ladderRunning = false;
    bool m_ladderStale = false;
    bool m_exactCount = false; // the next count is exact (the bounded one has answered)
    QTimer m_ladderDelay;
};

} // namespace cardops::models
