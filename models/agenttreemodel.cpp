#include "models/agenttreemodel.h"

#include "core/clock.h"
#include "models/datasource.h"
#include "storage/databasewriter.h"

#include <QDateTime>
#include <QSet>
#include <algorithm>

using namespace Qt::StringLiterals;
namespace agenttree = cardops::storage::agenttree;

namespace cardops::models {

struct AgentTreeModel::Item
{
    agenttree::Node node; // node.id −1 for the invisible top
    Item* parent = nullptr;
    std::vector<std::unique_ptr<Item>> children;
    qint64 total = 0; // children in the cache (the top: read with its first page)
    bool fetching = false;
    int row = 0;
};

namespace {

qint64 roundUp(qint64 n, qint64 step)
{
    return (n + step - 1) / step * step;
}

} // namespace

AgentTreeModel::AgentTreeModel(DataSource& source, qint64 rootMemberId, QObject* parent)
    : QAbstractItemModel(parent)
    , m_source(source)
    , m_rootId(rootMemberId)
    , m_top(std::make_unique<Item>())
{
    m_top->node.id = -1;
    connect(&source, &DataSource::tablesChanged, this, [this](const QSet<QString>& tables) {
        if (tables.contains(u"members"_s) || tables.contains(u"orders"_s) || tables.contains(u"tiers"_s))
            reload();
    });
    reload();
}

AgentTreeModel::~AgentTreeModel() = default;

void AgentTreeModel::setNow(qint64 unixSeconds)
{
    m_now = unixSeconds;
    reload();
}

qint64 AgentTreeModel::now() const
{
    if (m_now > 0)
        return m_now;
    return m_source.writer() ? m_source.writer()->clock().nowSeconds() : QDateTime::currentSecsSinceEpoch();
}

void AgentTreeModel::reload()
{
    const quint64 generation = ++m_generation;
    // Every loaded list, parents before their children, with how many rows it shows now.
    QList<QPair<qint64, qint64>> lists{{-1, qint64(m_top->children.size())}};
    QList<Item*> queue{m_top.get()};
    for (qsizetype i = 0; i < queue.size(); ++i) {
        queue[i]->fetching = false;
        for (const auto& child : queue[i]->children)
            if (!child->children.empty()) {
                lists.append({child->node.id, qint64(child->children.size())});
                queue.append(child.get());
            }
    }
    const qint64 at = now();
    const qint64 root = m_rootId;
    struct Reloaded
    {
        core::Error error;
        bool ok = true;
        qint64 topTotal = 0;
        QList<Batch> batches;
    };
    m_source.reader().post<Reloaded>(
        this,
        [lists, at, root](const storage::ReadSession& s) {
            Reloaded out;
            auto fail = [&out](const core::Error& e) {
                out.ok = false;
                out.error = e;
                return out;
            };
            for (const auto& [id, shown] : lists) {
                Batch b;
                b.parentId = id;
                b.replace = true;
                if (id == -1 && root != 0) {
                    auto n = agenttree::nodes(s, {root}, at);
                    if (!n)
                        return fail(n.error());
                    b.nodes = *n;
                    out.topTotal = n->size();
                } else {
                    const qint64 dbParent = id == -1 ? 0 : id;
                    if (id == -1) {
                        auto total = agenttree::childCount(s, 0);
                        if (!total)
                            return fail(total.error());
                        out.topTotal = *total;
                    }
                    auto n = agenttree::children(s, dbParent, at, 0, int(std::max<qint64>(shown, PageSize)));
                    if (!n)
                        return fail(n.error());
                    b.nodes = *n;
                }
                out.batches.append(b);
            }
            return out;
        },
        [this, generation](Reloaded r) {
            if (generation != m_generation)
                return;
            if (!r.ok)
                return Q_EMIT loadFailed(r.error.detail);
            m_top->total = r.topTotal;
            for (const Batch& b : r.batches)
                apply(b);
            m_loaded = true;
            Q_EMIT loaded();
        });
}

AgentTreeModel::Item* AgentTreeModel::itemOf(const QModelIndex& index) const
{
    return index.isValid() ? static_cast<Item*>(index.internalPointer()) : m_top.get();
}

AgentTreeModel::Item* AgentTreeModel::itemById(qint64 id) const
{
    return id == -1 ? m_top.get() : m_byId.value(id, nullptr);
}

QModelIndex AgentTreeModel::indexOfItem(const Item* item, int column) const
{
    if (!item || item == m_top.get())
        return {};
    return createIndex(item->row, column, const_cast<Item*>(item));
}

QModelIndex AgentTreeModel::indexOf(qint64 memberId, int column) const
{
    return indexOfItem(m_byId.value(memberId, nullptr), column);
}

const agenttree::Node* AgentTreeModel::node(qint64 memberId) const
{
    const Item* item = m_byId.value(memberId, nullptr);
    return item ? &item->node : nullptr;
}

qint64 AgentTreeModel::childrenTotal(const Item* item) const
{
    return item == m_top.get() ? item->total : item->node.downlines;
}

bool AgentTreeModel::isAncestorOrSelf(const Item* item, qint64 memberId) const
{
    for (; item && item != m_top.get(); item = item->parent)
        if (item->node.id == memberId)
            return true;
    return false;
}

void AgentTreeModel::forget(Item* item)
{
    for (const auto& child : item->children) {
        forget(child.get());
        m_byId.remove(child->node.id);
    }
}

void AgentTreeModel::append(Item* parent, const QList<agenttree::Node>& nodes)
{
    QList<agenttree::Node> fresh;
    for (const agenttree::Node& n : nodes)
        // A cycle in the data (or a member already shown elsewhere mid-move) is shown once.
        if (!m_byId.contains(n.id) && !isAncestorOrSelf(parent, n.id))
            fresh.append(n);
    if (fresh.isEmpty())
        return;
    const int first = int(parent->children.size());
    beginInsertRows(indexOfItem(parent), first, first + int(fresh.size()) - 1);
    for (const agenttree::Node& n : fresh) {
        auto item = std::make_unique<Item>();
        item->node = n;
        item->parent = parent;
        item->row = int(parent->children.size());
        m_byId.insert(n.id, item.get());
        parent->children.push_back(std::move(item));
    }
    endInsertRows();
}

void AgentTreeModel::replaceChildren(Item* parent, const QList<agenttree::Node>& nodes)
{
    bool same = qsizetype(parent->children.size()) == nodes.size();
    for (qsizetype i = 0; same && i < nodes.size(); ++i)
        same = parent->children[size_t(i)]->node.id == nodes[i].id;
    if (same) {
        for (qsizetype i = 0; i < nodes.size(); ++i)
            parent->children[size_t(i)]->node = nodes[i];
        if (!nodes.isEmpty())
            Q_EMIT dataChanged(indexOfItem(parent->children.front().get(), 0),
                               indexOfItem(parent->children.back().get(), ColumnCount - 1));
        return;
    }
    if (!parent->children.empty()) {
        beginRemoveRows(indexOfItem(parent), 0, int(parent->children.size()) - 1);
        for (const auto& child : parent->children) {
            forget(child.get());
            m_byId.remove(child->node.id);
        }
        parent->children.clear();
        endRemoveRows();
    }
    append(parent, nodes);
}

void AgentTreeModel::apply(const Batch& batch)
{
    Item* parent = itemById(batch.parentId);
    if (!parent)
        return;
    if (batch.replace) {
        replaceChildren(parent, batch.nodes);
        // The parent's own figures come with its parent's list; a member's downlines may have
        // changed since, which the row count must follow.
        return;
    }
    if (qint64(parent->children.size()) != batch.offset)
        return; // the list changed meanwhile: the page is stale
    append(parent, batch.nodes);
}

QModelIndex AgentTreeModel::index(int row, int column, const QModelIndex& parent) const
{
    const Item* p = itemOf(parent);
    if (!p || row < 0 || column < 0 || column >= ColumnCount || row >= int(p->children.size()))
        return {};
    return createIndex(row, column, p->children[size_t(row)].get());
}

QModelIndex AgentTreeModel::parent(const QModelIndex& child) const
{
    if (!child.isValid())
        return {};
    return indexOfItem(static_cast<Item*>(child.internalPointer())->parent);
}

int AgentTreeModel::rowCount(const QModelIndex& parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(itemOf(parent)->children.size());
}

int AgentTreeModel::columnCount(const QModelIndex&) const
{
    return ColumnCount;
}

bool AgentTreeModel::hasChildren(const QModelIndex& parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return false;
    const Item* item = itemOf(parent);
    return !item->children.empty() || childrenTotal(item) > 0;
}

bool AgentTreeModel::canFetchMore(const QModelIndex& parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return false;
    const Item* item = itemOf(parent);
    return m_loaded && !item->fetching && qint64(item->children.size()) < childrenTotal(item);
}

void AgentTreeModel::fetchMore(const QModelIndex& parent)
{
    if (!canFetchMore(parent))
        return;
    Item* item = itemOf(parent);
    item->fetching = true;
    const qint64 parentId = item->node.id;
    const qint64 offset = qint64(item->children.size());
    const qint64 at = now();
    const quint64 generation = m_generation;
    using Page = core::Result<QList<agenttree::Node>>;
    m_source.reader().post<Page>(
        this,
        [parentId, offset, at](const storage::ReadSession& s) {
            return agenttree::children(s, parentId == -1 ? 0 : parentId, at, offset, PageSize);
        },
        [this, generation, parentId, offset](Page r) {
            if (generation != m_generation)
                return;
            Item* target = itemById(parentId);
            if (!target)
                return;
            target->fetching = false;
            if (!r)
                return Q_EMIT loadFailed(r.error().detail);
            if (r->isEmpty()) // fewer than announced: nothing more to fetch
                target->total = qint64(target->children.size()), target->node.downlines = target->total;
            apply(Batch{parentId, offset, r.value(), false});
        });
}

void AgentTreeModel::reveal(qint64 memberId)
{
    if (const QModelIndex known = indexOf(memberId); known.isValid())
        return Q_EMIT revealed(known);
    QHash<qint64, qint64> shown{{-1, qint64(m_top->children.size())}};
    for (auto it = m_byId.cbegin(); it != m_byId.cend(); ++it)
        shown.insert(it.key(), qint64(it.value()->children.size()));
    const qint64 at = now();
    const qint64 root = m_rootId;
    const quint64 generation = m_generation;
    struct Path
    {
        bool found = false;
        QList<Batch> batches;
    };
    m_source.reader().post<Path>(
        this,
        [memberId, shown, at, root](const storage::ReadSession& s) {
            Path out;
            auto up = agenttree::ancestors(s, memberId);
            if (!up)
                return out;
            QList<qint64> chain = *up;
            chain.append(memberId);
            QList<QPair<qint64, qint64>> steps; // (model parent id, member)
            if (root != 0) {
                const qsizetype from = chain.indexOf(root);
                if (from < 0)
                    return out;
                chain = chain.mid(from);
            } else {
                steps.append({-1, chain.first()});
            }
            for (qsizetype i = 0; i + 1 < chain.size(); ++i)
                steps.append({chain[i], chain[i + 1]});
            if (root != 0 && chain.size() == 1)
                return Path{true, {}};
            for (const auto& [parent, child] : steps) {
                const qint64 dbParent = parent == -1 ? 0 : parent;
                auto pos = agenttree::childPosition(s, dbParent, child);
                if (!pos || *pos < 0)
                    return out;
                const qint64 have = shown.value(parent, 0);
                if (*pos < have)
                    continue;
                auto page =
                    agenttree::children(s, dbParent, at, have, int(roundUp(*pos + 1 - have, PageSize)));
                if (!page)
                    return out;
                out.batches.append(Batch{parent, have, *page, false});
            }
            out.found = true;
            return out;
        },
        [this, memberId, generation](Path p) {
            if (generation != m_generation)
                return reveal(memberId); // the tree was re-read meanwhile: walk again
            for (const Batch& b : p.batches)
                apply(b);
            const QModelIndex found = indexOf(memberId);
            if (p.found && found.isValid())
                Q_EMIT revealed(found);
            else
                Q_EMIT revealFailed(memberId);
        });
}

QString AgentTreeModel::kindText(const QString& kind)
{
    if (kind == u"agent")
        return tr("Agent");
    if (kind == u"consumer")
        return tr("Consumer");
    if (kind == u"enterprise")
        return tr("Enterprise");
    return kind;
}

QVariant AgentTreeModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid())
        return {};
    const agenttree::Node& n = static_cast<Item*>(index.internalPointer())->node;
    switch (role) {
    case MemberIdRole:
        return n.id;
    case BranchSizeRole:
        return n.branchSize;
    case NameRole:
        return n.name;
    case KindRole:
        return n.kind;
    case Qt::TextAlignmentRole:
        return index.column() >= Downlines ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case Qt::ToolTipRole:
        if (index.column() == BranchGmv)
            return tr("Paid minus refunded, own orders and the whole branch, last 30 business days");
        if (index.column() == BranchSize)
            return tr("Every member below, direct or not");
        return {};
    case Qt::DisplayRole:
        switch (index.column()) {
        case Name:
            return u"%1  #%2"_s.arg(n.name).arg(n.id);
        case Kind:
            return kindText(n.kind);
        case Tier:
            return n.tierName;
        case Downlines:
            return n.downlines;
        case BranchSize:
            return n.branchSize;
        case BranchGmv:
            return n.branchGmv30d.toString(2);
        }
        return {};
    default:
        return {};
    }
}

QVariant AgentTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Member");
    case Kind:
        return tr("Kind");
    case Tier:
        return tr("Tier");
    case Downlines:
        return tr("Direct downlines");
    case BranchSize:
        return tr("Branch size");
    case BranchGmv:
        return tr("Branch GMV 30d");
    }
    return {};
}

} // namespace cardops::models
