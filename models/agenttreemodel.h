#pragma once

#include "storage/agenttree.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QList>
#include <memory>
#include <vector>

namespace cardops::models {

class DataSource;

// The agent hierarchy as a lazy tree (issue #10 item 2): each member's children are read on the
// loader thread when the view asks for them (canFetchMore/fetchMore, PageSize rows at a time),
// with the direct downlines, branch size and branch GMV of the last 30 business days
// (storage::agenttree). The root is the whole forest (0) or one member, shown as the only top
// row. Loaded branches are re-read when members, orders or tiers change; a branch whose children
// changed (a move) is collapsed and loaded again. UI thread only.
class AgentTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { Name, Kind, Tier, Downlines, BranchSize, BranchGmv, ColumnCount };
    enum Role { MemberIdRole = Qt::UserRole + 1, BranchSizeRole, NameRole, KindRole };
    static constexpr int PageSize =
        50; // the heaviest top-level page of the reference data set reads in ~130 ms

    explicit AgentTreeModel(DataSource& source, qint64 rootMemberId = 0, QObject* parent = nullptr);
    ~AgentTreeModel() override;

    qint64 rootMemberId() const { return m_rootId; }
    // The moment of the GMV window: the writer's clock by default; fixed by setNow (tests, demo).
    void setNow(qint64 unixSeconds);
    qint64 now() const;
    // The top level was read at least once.
    bool isLoaded() const { return m_loaded; }
    // Re-reads every loaded branch.
    void reload();

    // The item of a loaded member; invalid when it is not loaded (yet).
    QModelIndex indexOf(qint64 memberId, int column = Name) const;
    // Loads the branches down to `memberId` (its ancestors' children, as far as needed), then emits
    // revealed(index) — or revealFailed when the member is unknown or outside this tree.
    void reveal(qint64 memberId);
    // The figures of a loaded member.
    const storage::agenttree::Node* node(qint64 memberId) const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    bool hasChildren(const QModelIndex& parent = {}) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString kindText(const QString& kind);

Q_SIGNALS:
    void loaded();
    void loadFailed(const QString& detail);
    void revealed(const QModelIndex& index);
    void revealFailed(qint64 memberId);

private:
    struct Item;
    struct Batch
    {
        qint64 parentId = 0; // the member whose children these are; −1 for the top level
        qint64 offset = 0;
        QList<storage::agenttree::Node> nodes;
        bool replace = false; // a reload: the whole list of loaded children
    };
    Item* itemOf(const QModelIndex& index) const;
    Item* itemById(qint64 parentId) const; // −1: the invisible top
    QModelIndex indexOfItem(const Item* item, int column = Name) const;
    qint64 childrenTotal(const Item* item) const;
    void apply(const Batch& batch);
    void append(Item* parent, const QList<storage::agenttree::Node>& nodes);
    void replaceChildren(Item* parent, const QList<storage::agenttree::Node>& nodes);
    void forget(Item* item);
    bool isAncestorOrSelf(const Item* item, qint64 memberId) const;

    DataSource& m_source;
    const qint64 m_rootId;
    qint64 m_now = 0;
    std::unique_ptr<Item> m_top;
    QHash<qint64, Item*> m_byId;
    quint64 m_generation = 0;
    bool m_loaded = false;
};

} // namespace cardops::models
