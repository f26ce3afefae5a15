#pragma once

#include "models/windowedmodel.h"
#include "storage/memberqueries.h"

#include <QHash>

namespace cardops::models {

// The members page's table (issue #10 item 1): 50,000 members filtered by kind, tier, segment, tag
// and a search, sorted on indexed columns only (id, registration), read in windows on the loader
// thread with the per-row figures of storage::memberqueries (tier, parent, segment, orders, net
// spend, last order). Commits to members, orders, member_rfm or tiers refresh it. UI thread only.
class MembersModel : public WindowedModel
{
    Q_OBJECT
public:
    // Column ids, in order; column 0 is the member id.
    enum Column {
        IdColumn,
        NameColumn,
        KindColumn,
        TierColumn,
        SegmentColumn,
        OrdersColumn,
        SpendColumn,
        LastOrderColumn,
        BalanceColumn,
        TagsColumn,
        ParentColumn,
        RegisteredColumn,
        ContactColumn,
        ColumnCount
    };
    enum MemberRole { KindCodeRole = Qt::UserRole + 20, SegmentCodeRole, ParentIdRole };

    explicit MembersModel(DataSource& source, QObject* parent = nullptr);

    const storage::MemberQuery& query() const { return m_query; }
    void setQuery(const storage::MemberQuery& query);
    void setKind(const QString& kind);
    void setSearch(const QString& search);
    // Per kind: matching members, the query's kind ignored (filled with each count).
    const QHash<QString, qint64>& kindCounts() const { return m_kindCounts; }
    int sortColumn() const;
    Qt::SortOrder sortOrder() const;

    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The translated name of a member_rfm segment code (高价值, 潜力, 新客, 沉睡, 流失预警, 其他);
    // "" for "".
    static QString segmentName(const QString& code);
    // Every segment code, in the order the UI lists them.
    static QStringList segmentCodes();
    // Yuan with two places.
    static QString yuan(qint64 units);

Q_SIGNALS:
    void kindCountsChanged();

protected:
    CountWork countWork() const override;
    PageWork pageWork(qint64 offset, int limit) const override;
    void countArrived(const Counted& counted) override;

private:
    QString displayText(int column, const QVariantList& row) const;

    storage::MemberQuery m_query;
    QHash<QString, qint64> m_kindCounts;
};

} // namespace cardops::models
