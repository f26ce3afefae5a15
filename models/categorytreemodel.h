#pragma once

#include "storage/goodsqueries.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QList>

namespace cardops::models {

class DataSource;

// The goods categories as a tree under one 全部 (all goods) item, each with the number of goods in
// its subtree that match the page's other filters. Read on the loader thread; re-read when the
// categories table changes. A category whose parent is missing (or part of a cycle) hangs under
// 全部. UI thread only.
class CategoryTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Role { CategoryIdRole = Qt::UserRole + 1, CountRole };

    explicit CategoryTreeModel(DataSource& source, QObject* parent = nullptr);

    // The categories were read at least once.
    bool isLoaded() const { return m_loaded; }
    // Matching goods directly in each category (GoodsModel::categoryCounts()).
    void setCounts(const QHash<qint64, qint64>& perCategory);
    // The item of a category id (0 = 全部); invalid when unknown.
    QModelIndex indexOf(qint64 categoryId) const;
    void reload();

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void loaded();
    void loadFailed(const QString& detail);

private:
    struct Node
    {
        qint64 id = 0;
        QString name;
        int parent = -1; // node index; -1 for 全部
        int row = 0;
        QList<int> children;
        qint64 count = 0; // subtree
    };
    void build(const QList<storage::GoodsCategory>& categories);
    qint64 sumCounts(int node);

    DataSource& m_source;
    QList<Node> m_nodes; // m_nodes[0] is 全部
    QHash<qint64, int> m_byId;
    QHash<qint64, qint64> m_direct;
    quint64 m_generation = 0;
    bool m_loaded = false;
};

} // namespace cardops::models
