#include "models/categorytreemodel.h"

#include "models/datasource.h"

#include <QLocale>
#include <QSet>

using namespace Qt::StringLiterals;

namespace cardops::models {

CategoryTreeModel::CategoryTreeModel(DataSource& source, QObject* parent)
    : QAbstractItemModel(parent)
    , m_source(source)
{
    build({});
    connect(&source, &DataSource::tablesChanged, this, [this](const QSet<QString>& tables) {
        if (tables.contains(u"categories"_s))
            reload();
    });
    reload();
}

void CategoryTreeModel::reload()
{
    const quint64 generation = ++m_generation;
    using Answer = core::Result<QList<storage::GoodsCategory>>;
    m_source.reader().post<Answer>(
        this, [](const storage::ReadSession& s) { return storage::goodsqueries::categories(s); },
        [this, generation](Answer r) {
            if (generation != m_generation)
                return;
            if (!r)
                return Q_EMIT loadFailed(r.error().detail);
            beginResetModel();
            build(r.value());
            endResetModel();
            m_loaded = true;
            Q_EMIT loaded();
        });
}

void CategoryTreeModel::build(const QList<storage::GoodsCategory>& categories)
{
    m_nodes.clear();
    m_byId.clear();
    m_nodes.push_back(Node{0, {}, -1, 0, {}, 0});
    for (const storage::GoodsCategory& c : categories) {
        if (c.id <= 0 || m_byId.contains(c.id))
            continue;
        m_byId.insert(c.id, int(m_nodes.size()));
        m_nodes.push_back(Node{c.id, c.name, -1, 0, {}, 0});
    }
    // Categories arrive by parent, sort and id, so children are appended in their display order.
    QHash<qint64, QList<int>> byParent;
    QSet<int> placed; // a repeated id counts once
    for (const storage::GoodsCategory& c : categories) {
        const int node = m_byId.value(c.id, -1);
        if (node > 0 && !placed.contains(node)) {
            placed.insert(node);
            byParent[c.parentId].push_back(node);
        }
    }
    // Walk from 全部; what the walk never reaches (a missing parent, a cycle) hangs under 全部.
    QList<bool> reached(m_nodes.size(), false);
    reached[0] = true;
    QList<int> queue{0};
    const auto attach = [&](int parent, int child) {
        m_nodes[child].parent = parent;
        m_nodes[child].row = int(m_nodes[parent].children.size());
        m_nodes[parent].children.push_back(child);
        reached[child] = true;
        queue.push_back(child);
    };
    qsizetype next = 0;
    for (;;) {
        while (next < queue.size()) {
            const int node = queue[next++];
            for (int child : byParent.value(m_nodes[node].id))
                if (!reached[child])
                    attach(node, child);
        }
        // Nodes the walk did not reach: the first of them is adopted by 全部, and the walk goes on.
        int orphan = 1;
        while (orphan < m_nodes.size() && reached[orphan])
            ++orphan;
        if (orphan >= m_nodes.size())
            break;
        attach(0, orphan);
    }
    sumCounts(0);
}

qint64 CategoryTreeModel::sumCounts(int node)
{
    qint64 sum = node == 0 ? 0 : m_direct.value(m_nodes[node].id);
    for (int child : m_nodes[node].children)
        sum += sumCounts(child);
    if (node == 0) // 全部 also counts goods in categories the cache does not have
        for (auto it = m_direct.cbegin(); it != m_direct.cend(); ++it)
            if (!m_byId.contains(it.key()))
                sum += it.value();
    m_nodes[node].count = sum;
    return sum;
}

void CategoryTreeModel::setCounts(const QHash<qint64, qint64>& perCategory)
{
    m_direct = perCategory;
    sumCounts(0);
    // Every item's text may change; the shape does not.
    QList<QModelIndex> parents{QModelIndex()};
    while (!parents.isEmpty()) {
        const QModelIndex p = parents.takeLast();
        const int rows = rowCount(p);
        if (rows == 0)
            continue;
        Q_EMIT dataChanged(index(0, 0, p), index(rows - 1, 0, p), {Qt::DisplayRole, CountRole});
        for (int r = 0; r < rows; ++r)
            parents.push_back(index(r, 0, p));
    }
}

QModelIndex CategoryTreeModel::indexOf(qint64 categoryId) const
{
    const int node = categoryId == 0 ? 0 : m_byId.value(categoryId, -1);
    return node < 0 ? QModelIndex() : createIndex(m_nodes[node].row, 0, quintptr(node));
}

QModelIndex CategoryTreeModel::index(int row, int column, const QModelIndex& parent) const
{
    if (column != 0 || row < 0)
        return {};
    if (!parent.isValid())
        return row == 0 ? createIndex(0, 0, quintptr(0)) : QModelIndex();
    const Node& p = m_nodes[qsizetype(parent.internalId())];
    if (row >= int(p.children.size()))
        return {};
    return createIndex(row, 0, quintptr(p.children[row]));
}

QModelIndex CategoryTreeModel::parent(const QModelIndex& child) const
{
    if (!child.isValid())
        return {};
    const int p = m_nodes[qsizetype(child.internalId())].parent;
    return p < 0 ? QModelIndex() : createIndex(m_nodes[p].row, 0, quintptr(p));
}

int CategoryTreeModel::rowCount(const QModelIndex& parent) const
{
    if (!parent.isValid())
        return 1;
    if (parent.column() != 0)
        return 0;
    return int(m_nodes[qsizetype(parent.internalId())].children.size());
}

int CategoryTreeModel::columnCount(const QModelIndex&) const
{
    return 1;
}

QVariant CategoryTreeModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node& n = m_nodes[qsizetype(index.internalId())];
    switch (role) {
    case Qt::DisplayRole: {
        const QString name = index.internalId() == 0 ? tr("All") : n.name;
        return tr("%1 (%2)").arg(name, QLocale().toString(n.count));
    }
    case Qt::ToolTipRole:
        return index.internalId() == 0 ? tr("Every category") : n.name;
    case CategoryIdRole:
        return n.id;
    case CountRole:
        return n.count;
    default:
        return {};
    }
}

} // namespace cardops::models
