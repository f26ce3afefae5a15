#pragma once

#include "models/windowedmodel.h"
#include "storage/goodsqueries.h"

#include <QHash>

namespace cardops::models {

// The goods page's table: the catalogue filtered and sorted in SQL, read in windows on the loader
// thread, with the per-row figures of storage::goodsqueries (tier prices, supply cost, margin,
// 7-day sales, days of stock left). The count comes with per-category counts for the category
// tree. UI thread only.
class GoodsModel : public WindowedModel
{
    Q_OBJECT
public:
    // Column ids, in order; column 0 is the goods id.
    enum Column {
        IdColumn,
        SkuColumn,
        NameColumn,
        PriceColumn,
        TierPricesColumn,
        CostColumn,
        MarginColumn,
        StockColumn,
        Sales7Column,
        DaysLeftColumn,
        OwnerColumn,
        StatusColumn,
        SupplierColumn,
        CategoryColumn,
        ColumnCount
    };
    enum GoodsRole { LowStockRole = Qt::UserRole + 20, NegativeMarginRole };

    // `now` gives the end of the 7-day sales window (unix seconds) each time the query restarts.
    GoodsModel(DataSource& source, std::function<qint64()> now, QObject* parent = nullptr);

    const storage::GoodsQuery& query() const { return m_query; }
    void setQuery(const storage::GoodsQuery& query);
    void setCategory(qint64 categoryId);
    void setSearch(const QString& search);
    // Per category: matching goods directly in it, the query's category ignored.
    const QHash<qint64, qint64>& categoryCounts() const { return m_categoryCounts; }
    int sortColumn() const;
    Qt::SortOrder sortOrder() const;

    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Yuan with two places ("12.30", "-0.50").
    static QString yuan(qint64 units);

Q_SIGNALS:
    void categoryCountsChanged();

protected:
    CountWork countWork() const override;
    PageWork pageWork(qint64 offset, int limit) const override;
    void countArrived(const Counted& counted) override;

private:
    QString displayText(int column, const QVariantList& row) const;

    std::function<qint64()> m_now;
    storage::GoodsQuery m_query;
    QHash<qint64, qint64> m_categoryCounts;
};

} // namespace cardops::models
