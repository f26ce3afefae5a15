#pragma once

#include "core/result.h"
#include "storage/readsession.h"

#include <QList>
#include <QString>

namespace cardops::storage {

// The console's simple lists (orders, goods, members, the audit log, the platform's daily totals):
// windows of rows by position over an index, a count, search and one filter, all in SQL. Sorting
// is offered only on indexed columns, so every window is a walk of an index, never a sort of the
// table. Pure functions over a ReadSession: call them on the thread that owns the session.
enum class ListKind { Orders, Goods, Members, AuditLog, DailyTotals };

struct ListColumn
{
    QString id;            // stable name: "order_no", "amount", …
    bool sortable = false; // backed by an index
};

struct ListQuery
{
    ListKind kind = ListKind::Orders;
    // orders: an order-number prefix (a range on the index); goods: part of the name or a SKU
    // prefix; members: part of the name or contact, or an exact id; audit log: part of the action,
    // entity or detail.
    QString search;
    // orders: a status; goods: "on"/"off"; members: a kind; empty: everything.
    QString filter;
    QString sortColumn; // a sortable column id; empty: the list's default order
    bool descending = true;
};

namespace lists {

// The columns of a list, in the order of the values in each row. Column 0 is the row's key.
QList<ListColumn> columns(ListKind kind);
// The default sort column of a list (newest first).
QString defaultSortColumn(ListKind kind);

// Rows [offset, offset + limit) of the query's order; an unknown sort column is an error.
core::Result<ReadSession::Rows> page(const ReadSession& session, const ListQuery& query, qint64 offset,
                                     int limit);
// How many rows the query matches (from the counter table when there is no search).
core::Result<qint64> count(const ReadSession& session, const ListQuery& query);

// Up to `limit` members or goods (kind Members or Goods) an operator may mean by `text`: an exact
// id, a part of the name (members: or contact), a SKU prefix (goods). Rows: id, name, detail
// (contact or SKU); exact id first, then by name.
core::Result<ReadSession::Rows> lookup(const ReadSession& session, ListKind kind, const QString& text,
                                       int limit);

// The smallest text greater than every text starting with `prefix` (for range predicates).
QString prefixUpperBound(const QString& prefix);

} // namespace lists
} // namespace cardops::storage
