#pragma once

#include "core/result.h"
#include "storage/orderqueries.h"

#include <QString>
#include <QStringView>
#include <QVariantList>
#include <functional>
#include <optional>

struct sqlite3;
struct sqlite3_stmt;

namespace cardops::storage {

// The row source of the CSV exports (issue #11 item 4): SELECTs read forward-only with the SQLite C
// API on a read-only connection of their own, so a million rows cost no QVariant per cell, and in
// keyset chunks so no read transaction stays open for the whole export (the writer's checkpoints
// go on). Finance and dashboard exports add their own stream functions here, next to their SQL.

// The current row of a stream, valid until the sink returns.
class ExportRow
{
public:
    qint64 integer(int column) const;
    // UTF-16 text of the column (NULL reads as empty); the view dies with the row.
    QStringView text(int column) const;
    bool isNull(int column) const;

private:
    friend class ExportReader;
    explicit ExportRow(sqlite3_stmt* statement)
        : m_statement(statement)
    {}
    sqlite3_stmt* m_statement;
};

// Called once per row; returning false stops the stream (cancel, or the writer failed).
using ExportRowSink = std::function<bool(const ExportRow&)>;

// A read-only connection for one export, on the thread that creates it (create, use and destroy
// it there). Opening errors are kept: every call then returns them.
class ExportReader
{
public:
    explicit ExportReader(const QString& databasePath);
    ~ExportReader();
    ExportReader(const ExportReader&) = delete;
    ExportReader& operator=(const ExportReader&) = delete;

    const QString& databasePath() const { return m_path; }
    core::Result<void> status() const;

    // Runs one SELECT (binds: integers or strings) and hands each row to `sink`; the number of rows
    // handed over (the row that stopped the sink included). For storage/ export sources.
    core::Result<qint64> stream(const QString& sql, const QVariantList& binds, const ExportRowSink& sink);
    // The first column of the first row as an integer (0 without rows).
    core::Result<qint64> scalar(const QString& sql, const QVariantList& binds = {});

private:
    core::Error sqliteError(const QString& context) const;

    QString m_path;
    sqlite3* m_db = nullptr;
    std::optional<core::Error> m_error;
};

namespace orderexport {

// Rows per keyset chunk (each chunk is one statement and one short read transaction).
inline constexpr int ChunkRows = 50'000;

// The columns of an order row, in this order (money in units of 1/10000 yuan, times unix seconds,
// 0 = not yet).
enum OrderColumn {
    OrderId,
    OrderNo,
    CreatedAt,
    PaidAt,
    MemberId,
    MemberName, // '' when the member is not cached
    GoodsName,  // '#<goods id>' when the goods is not cached
    Quantity,
    UnitPrice,
    Amount,
    PaidAmount,
    CostAtOrder,
    RefundAmount,
    Status,     // the platform's code (docs/platform-api.md)
    PayChannel, // the platform's code
    ChargeAccount,
    Contact,
    OrderColumnCount
};

// Orders matching `filter` with id <= ceiling (0 = all), oldest first (created_at, id).
core::Result<qint64> countOrders(ExportReader& reader, const OrderFilter& filter, qint64 ceiling);
core::Result<qint64> streamOrders(ExportReader& reader, const OrderFilter& filter, qint64 ceiling,
                                  const ExportRowSink& sink);
// The highest order id (the export's snapshot ceiling); 0 when there are no orders.
core::Result<qint64> maxOrderId(ExportReader& reader);

enum CommissionColumn {
    LedgerId,
    LedgerCreatedAt,
    LedgerMemberId,
    LedgerMemberName, // '' when the member is not cached
    LedgerOrderNo,    // '' when the order is not cached
    LedgerAmount,
    CommissionColumnCount
};

// Ledger entries of kind 'commission' created in [from, to) (0 = open), oldest first.
core::Result<qint64> countCommissions(ExportReader& reader, qint64 from, qint64 to);
core::Result<qint64> streamCommissions(ExportReader& reader, qint64 from, qint64 to,
                                       const ExportRowSink& sink);

} // namespace orderexport
} // namespace cardops::storage
