#pragma once

#include "core/result.h"
#include "storage/readsession.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace cardops::storage {

// The orders page's reads over a million orders: windows found by key (seeking from an anchor of
// the query's ladder, then a short OFFSET), every filter a range or an equality on an index, counts
// from the counter table where one keeps them, and a snapshot ceiling so orders arriving while the
// operator reads are counted, not slipped under the cursor. Pure functions over a ReadSession.

// The status tabs: each a set of order statuses (docs/platform-api.md).
enum class OrderTab { All, Pending, Review, Delivering, Delivered, Refunded };

struct OrderFilter
{
    OrderTab tab = OrderTab::All;
    qint64 createdFrom = 0;          // unix seconds, inclusive; 0 = open
    qint64 createdTo = 0;            // unix seconds, exclusive; 0 = open
    qint64 memberId = 0;             // 0 = any
    qint64 goodsId = 0;              // 0 = any
    std::optional<qint64> amountMin; // money units (1/10000 yuan), inclusive
    std::optional<qint64> amountMax; // money units, inclusive
    QString orderNoPrefix;
    QString chargeAccountPrefix;
    // Conditions the dashboard opens the page with (shown as one removable line in the filter bar):
    qint64 categoryId = 0;     // goods of this category (its own goods, not subcategories); 0 = any
    QString memberKind;        // consumer / agent / enterprise, UncachedMember; "" = any
    qint64 branchOf = 0;       // buyers below this member in the agent tree (16 levels); 0 = any
    int weekday = -1;          // Asia/Shanghai weekday of created_at, Monday = 0; -1 = any
    int hour = -1;             // Asia/Shanghai hour of created_at, 0–23; -1 = any

    static constexpr QLatin1StringView UncachedMember{"uncached"}; // buyers not in the cache (guests)

    bool operator==(const OrderFilter&) const = default;
    // Everything but the tab (what the "clear filters" button clears, what a saved filter holds).
    bool hasConditions() const;
    QJsonObject toJson() const;
    static OrderFilter fromJson(const QJsonObject& json);
};

// The orders an order row can be read in: each is an index whose order is (column, id). The
// operator sorts by time or order number; the charge-account order comes with its prefix filter
// (its index holds only orders with an account).
enum class OrderSort { CreatedAt, OrderNo, ChargeAccount };

struct OrderQuery
{
    OrderFilter filter;
    OrderSort sort = OrderSort::CreatedAt;
    bool descending = true;
    qint64 ceiling = 0; // only orders with id <= ceiling (the snapshot); 0 = no ceiling

    bool operator==(const OrderQuery&) const = default;
};

// A position in a query's order: the sort column's value and the id.
struct OrderKey
{
    QVariant value;
    qint64 id = 0;
};

// Every `AnchorStep`-th key of a query: anchors[i] is the key of row (i + 1) * AnchorStep.
struct OrderLadder
{
    QList<OrderKey> anchors;
};

namespace orderqueries {

inline constexpr int AnchorStep = 1000;

QStringList tabStatuses(OrderTab tab);
// The terms of the filter's dashboard conditions (category, member kind, branch, weekday, hour) over
// an orders table whose columns are named `<prefix>member_id` etc. (prefix "" or "t."), appended to
// `terms` with their values appended to `binds`. The orders page and the CSV export share them.
void addRelationTerms(const OrderFilter& filter, const QString& prefix, QStringList& terms,
                      QVariantList& binds);
// The column ids of a row, in order; column 0 is the id, the key.
QStringList columns();
// The columns the page shows until the operator chooses.
QStringList defaultVisibleColumns();
// The sort a query really uses: a prefix filter sorts by its column, so the first rows are an index
// walk whatever the prefix matches.
OrderSort effectiveSort(const OrderQuery& query);
QString sortColumnId(OrderSort sort);
// The sort the operator can choose by a column (created_at, order_no); nullopt for the others.
std::optional<OrderSort> sortFromColumnId(const QString& id);

// The highest order id in the cache (the snapshot ceiling of a fresh view); 0 when empty.
core::Result<qint64> maxId(const ReadSession& session);
// Rows the query matches under its ceiling.
core::Result<qint64> count(const ReadSession& session, const OrderQuery& query);
// Whether counting the query walks the table rather than an index (an amount range: amounts have no
// index, see schema v5), so a view shows a bounded count first.
bool countScansTable(const OrderQuery& query);
// min(count(query), cap), reading at most about `cap` matches in the query's order.
core::Result<qint64> countUpTo(const ReadSession& session, const OrderQuery& query, int cap);
// Rows matching the query's filter above its ceiling (the "N new orders" bar).
core::Result<qint64> countAbove(const ReadSession& session, const OrderQuery& query);
// The count of each tab under the ceiling, in OrderTab order, the other filters ignored.
core::Result<QList<qint64>> tabCounts(const ReadSession& session, qint64 ceiling);
// Rows [offset, offset + limit) of the query's order, sought from the nearest anchor of `ladder`
// when it has one (an empty ladder walks from the start).
core::Result<ReadSession::Rows> page(const ReadSession& session, const OrderQuery& query,
                                     const OrderLadder& ladder, qint64 offset, int limit);
// The query's ladder: one walk of the index in SQL.
core::Result<OrderLadder> ladder(const ReadSession& session, const OrderQuery& query);

} // namespace orderqueries
} // namespace cardops::storage
