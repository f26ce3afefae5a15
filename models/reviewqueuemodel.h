#pragma once

#include "models/supplymodels.h"
#include "storage/orderactions.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace cardops::models {

// 待审核: the orders held for review (storage::orderactions::reviewQueue), read whole on the loader
// thread and again when an order, an action or an assignment changes. Filters (reason, assigned to
// one operator) and sorting apply to the rows read; a per-order result of the operator's last
// action (done, refused with the reason) stays shown across reloads. UI thread.
class ReviewQueueModel final : public SnapshotTableModel
{
    Q_OBJECT
public:
    enum Column { OrderNo, Goods, Member, Amount, Reason, Waiting, History, Assignee, Result, ColumnCount };
    enum Role { OrderIdRole = Qt::UserRole + 1, SinceRole, FailedRole };
    static constexpr int Limit = 2000;

    explicit ReviewQueueModel(DataSource& source, QObject* parent = nullptr);

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    const storage::ReviewItem& item(int row) const { return m_rows.at(row); }
    int rowOf(qint64 orderId) const;
    int totalRows() const { return int(m_all.size()); } // before the filters

    // "" = every reason.
    void setReasonFilter(const QString& reasonCode);
    // 0 = everyone's.
    void setAssigneeFilter(qint64 operatorId);
    QString reasonFilter() const { return m_reason; }
    qint64 assigneeFilter() const { return m_assignee; }
    // The reason codes among the rows read, sorted.
    QStringList reasons() const;

    // The result of the operator's last action on an order ("" clears it).
    void setResult(qint64 orderId, const QString& text, bool failed);
    // Now, for the waiting times (seconds); 0 = the system clock.
    void setNow(qint64 seconds);

    // The words of a review reason code (the platform's, the rules', or a text given to /review).
    static QString reasonName(const QString& code);
    // "2 d 3 h", "5 h 10 min", "4 min".
    static QString waitingText(qint64 seconds);

protected:
    void read(quint64 generation) override;

private:
    struct Outcome
    {
        QString text;
        bool failed = false;
    };
    QList<storage::ReviewItem> filtered() const;
    void sortRows(QList<storage::ReviewItem>& rows) const;
    qint64 now() const;

    QList<storage::ReviewItem> m_all;
    QList<storage::ReviewItem> m_rows;
    QHash<qint64, Outcome> m_results;
    QString m_reason;
    qint64 m_assignee = 0;
    int m_sortColumn = Waiting;
    Qt::SortOrder m_sortOrder = Qt::DescendingOrder; // the longest waiting first
    qint64 m_now = 0;
};

} // namespace cardops::models
