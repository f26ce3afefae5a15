#pragma once

#include "core/access.h"
#include "core/result.h"

#include <QList>
#include <QSet>
#include <QString>
#include <QVariant>
#include <cstdint>

namespace cardops::core {
class Clock;
}

namespace cardops::storage {

namespace detail {
struct WriteContextPrivate;
}

// What a write job sees: the writer's connection inside the batch transaction and the job's own
// SAVEPOINT. Everything a job does here commits or rolls back with the job. Only valid during the
// job's run, on the writer thread. Job code lives in storage/ (SQL stays in storage).
class WriteContext
{
public:
    using Rows = QList<QVariantList>;

    core::Result<qint64> exec(const QString& sql, const QVariantList& binds = {});
    core::Result<qint64> insert(const QString& sql, const QVariantList& binds = {}); // last row id
    core::Result<Rows> select(const QString& sql, const QVariantList& binds = {});

    // The same through a statement prepared once per connection: for statements a job runs many
    // times (ingest upserts). `sql` must be a constant text, not one built from values.
    core::Result<qint64> execCached(const QString& sql, const QVariantList& binds = {});
    core::Result<Rows> selectCached(const QString& sql, const QVariantList& binds = {});

    // For storage's own repositories only (the type is opaque outside storage/).
    detail::WriteContextPrivate* internals() const { return d; }

    // Adds `delta` to a live counter in the same transaction as the rows it counts.
    core::Result<void> addToCounter(const QString& name, qint64 delta);

    // Appends an audit entry (who, what, which, details as JSON text) in the same transaction.
    core::Result<void> audit(const core::Actor& actor, const QString& action, const QString& entity,
                             const QString& entityId, const QString& detailJson = {});

    // Names a table this job changed; DatabaseWriter::changed() reports it after the commit.
    void touch(const QString& table);

    qint64 nowSeconds() const;

private:
    friend class DatabaseWriter;
    explicit WriteContext(detail::WriteContextPrivate* priv)
        : d(priv)
    {}
    detail::WriteContextPrivate* d;
};

} // namespace cardops::storage
