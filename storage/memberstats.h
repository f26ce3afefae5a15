#pragma once

#include "core/result.h"
#include "core/rfm.h"

#include <QList>
#include <QString>
#include <QVariantList>

namespace cardops::storage {

class ReadSession;

// Per-member figures for RFM (core/rfm.h, docs/members.md) read from the cache. Pure functions over
// a ReadSession: call them on the thread that owns the session.
namespace memberstats {

// The statuses whose orders count as paid (docs/platform-api.md): money was taken, whatever
// happened next. `unpaid` and `cancelled` never count; a refund is subtracted by its amount.
QStringList paidStatuses();

// The one grouped statement behind aggregatesAsOf(), with its binds for (`at`, `windowDays`): every
// member registered by `at`, with the count, the net paid amount and the newest creation time of
// its paid, not fully refunded orders created in the window — the `windowDays` business days ending
// with the day of `at`, up to `at` itself. Exposed so tests can check its plan and the benchmark
// can run the same text in the sqlite3 CLI.
struct Statement
{
    QString sql;
    QVariantList binds;
};
Statement aggregatesStatement(qint64 at, qint64 windowDays = core::RfmWindowDays);
// The same statement with its integer binds written into the text (for the sqlite3 CLI).
QString aggregatesSqlText(qint64 at, qint64 windowDays = core::RfmWindowDays);

// The aggregates as of `at`, ordered by member id. The cache holds each order's current state, so
// a refund made after `at` already reduces the figures as of `at` (docs/members.md).
core::Result<QList<core::MemberAggregate>> aggregatesAsOf(const ReadSession& session, qint64 at,
                                                          qint64 windowDays = core::RfmWindowDays);

// The creation time of the newest order in the cache (0 when there is none): the "now" of a cache
// generated for a past period, such as the reference data set of the benchmarks.
core::Result<qint64> latestOrderAt(const ReadSession& session);

} // namespace memberstats
} // namespace cardops::storage
