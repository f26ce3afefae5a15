#include "storage/counters.h"

#include "storage/readsession.h"

namespace cardops::storage::counters {

QString orderStatus(const QString& status)
{
    return u"orders_status_" + status;
}

core::Result<QHash<QString, qint64>> readAll(const ReadSession& session)
{
    auto rows = session.select(QStringLiteral("SELECT name, value FROM counters"));
    if (!rows)
        return rows.error();
    QHash<QString, qint64> values;
    for (const auto& row : *rows)
        values.insert(row.value(0).toString(), row.value(1).toLongLong());
    return values;
}

core::Result<qint64> read(const ReadSession& session, const QString& name)
{
    auto rows = session.select(QStringLiteral("SELECT value FROM counters WHERE name = ?"), {name});
    if (!rows)
        return rows.error();
    return rows->isEmpty() ? qint64(0) : rows->first().value(0).toLongLong();
}

} // namespace cardops::storage::counters
