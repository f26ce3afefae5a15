#pragma once

#include "core/pricing.h"
#include "storage/pricingrules.h"

#include <QAbstractTableModel>
#include <QList>

namespace cardops::models {

// The bulk reprice preview (批量改价): one row per goods with its cost, price, tier prices and margin
// before → after under the chosen rule. A row that changes and stays at or above the cost is
// checked; a row below the cost is red and unchecked with the reason, and can be checked only once
// the below-cost override is on; rows without a cost or without a change cannot be checked. The
// checked rows are the edits to stage (changes()). Recomputed whole on every option change (pure
// arithmetic). UI thread.
class RepriceModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Goods, Cost, Price, TierPrices, Margin, MarginRate, Note, ColumnCount };
    enum Role {
        GoodsIdRole = Qt::UserRole + 1,
        BeforePriceRole, // qint64 units
        AfterPriceRole,  // qint64 units
        BelowCostRole,   // bool: a price after is below the cost
        ChangedRole,     // bool
        CheckableRole,   // bool
    };

    struct Totals
    {
        qint64 goods = 0;     // rows
        qint64 changing = 0;  // checked rows: the edits apply() stages
        qint64 belowCost = 0; // rows below the cost after
        qint64 noCost = 0;    // rows without a cost to mark up
        // Over the checked rows: Σ margin / rows, and Σ margin / Σ price in basis points.
        core::Money averageMarginBefore;
        core::Money averageMarginAfter;
        qint64 marginBpBefore = 0;
        qint64 marginBpAfter = 0;
    };

    explicit RepriceModel(QObject* parent = nullptr);

    void setInputs(storage::pricingrules::RepriceInputs inputs);
    const storage::pricingrules::RepriceInputs& inputs() const { return m_inputs; }
    // Recomputes every row with the rule (checks reset to the defaults).
    void setRule(const core::PricingRule& rule);
    const core::PricingRule& rule() const { return m_rule; }
    // Below-cost rows become checkable (still unchecked); off unchecks them again.
    void setAllowBelowCost(bool allow);
    bool allowBelowCost() const { return m_allowBelowCost; }
    // Checks every checkable row that stays at or above the cost, or unchecks every row.
    void setAllChecked(bool checked);

    Totals totals() const { return m_totals; }
    // The checked rows' edits; below-cost ones carry the override.
    QList<storage::pricingrules::PriceChange> changes() const;
    QList<qint64> goodsIds() const;

    // A margin rate in basis points as the table shows it: 648 → "6.48%".
    static QString percentText(qint64 bp);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void totalsChanged();

private:
    struct Row
    {
        core::PriceSet before;
        core::RepriceResult result;
        bool checked = false;
    };

    bool checkable(const Row& row) const;
    bool defaultChecked(const Row& row) const;
    void recompute();
    void updateTotals();
    QString tierText(const Row& row, const storage::pricingrules::RepriceInput& in) const;
    QString note(const Row& row, const storage::pricingrules::RepriceInput& in) const;
    QString lowText(const core::BelowCost& low) const;
    QString tierName(qint64 id) const;

    storage::pricingrules::RepriceInputs m_inputs;
    core::PricingRule m_rule;
    QList<Row> m_rows;
    bool m_allowBelowCost = false;
    Totals m_totals;
};

} // namespace cardops::models
