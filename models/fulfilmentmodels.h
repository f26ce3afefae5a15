#pragma once

#include "models/supplymodels.h"
#include "storage/fulfilments.h"

namespace cardops::models {

// What the worker did last (履约 page): each order's decision, the rule that made it, where its
// steps stand and why; newest first, read again when the records change.
class RecentFulfilmentsModel final : public SnapshotTableModel
{
    Q_OBJECT
public:
    enum Column { Order, Goods, Decision, Rule, Step, Reason, UpdatedAt, ColumnCount };
    static constexpr int Limit = 500;
    explicit RecentFulfilmentsModel(DataSource& source, QObject* parent = nullptr);

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    const storage::RecentFulfilment& entry(int row) const { return m_rows.at(row); }

    static QString stepName(const QString& step);
    static QString decisionName(core::DecisionAction action);

protected:
    void read(quint64 generation) override;

private:
    QList<storage::RecentFulfilment> m_rows;
};

} // namespace cardops::models
