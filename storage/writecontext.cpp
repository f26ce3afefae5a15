#include "storage/writecontext.h"

#include "core/clock.h"
#include "storage/sqlsupport_p.h"
#include "storage/writecontext_p.h"

#include <QSqlError>
#include <QSqlRecord>

namespace cardops::storage {

core::Result<qint64> WriteContext::exec(const QString& sql, const QVariantList& binds)
{
    return detail::exec(d->db, sql, binds);
}

core::Result<qint64> WriteContext::insert(const QString& sql, const QVariantList& binds)
{
    return detail::insert(d->db, sql, binds);
}

core::Result<WriteContext::Rows> WriteContext::select(const QString& sql, const QVariantList& binds)
{
    return detail::select(d->db, sql, binds);
}

core::Result<qint64> WriteContext::execCached(const QString& sql, const QVariantList& binds)
{
    auto q = detail::runCached(*d, sql, binds);
    if (!q)
        return q.error();
    const qint64 affected = q.value()->numRowsAffected();
    q.value()->finish();
    return affected;
}

core::Result<WriteContext::Rows> WriteContext::selectCached(const QString& sql, const QVariantList& binds)
{
    auto q = detail::runCached(*d, sql, binds);
    if (!q)
        return q.error();
    QSqlQuery* query = q.value();
    Rows rows;
    const int columns = query->record().count();
    while (query->next()) {
        QVariantList row;
        row.reserve(columns);
        for (int i = 0; i < columns; ++i)
            row.append(query->value(i));
        rows.append(std::move(row));
    }
    query->finish();
    return rows;
}

core::Result<QSqlQuery*> detail::StatementCache::prepared(const QString& sql)
{
    auto it = m_queries.find(sql);
    if (it != m_queries.end())
        return it.value().get();
    auto query = std::make_shared<QSqlQuery>(m_db);
    query->setForwardOnly(true);
    if (!query->prepare(sql))
        return detail::toError(query->lastError(), u"prepare " + sql.left(80));
    m_queries.insert(sql, query);
    return query.get();
}

core::Result<QSqlQuery*> detail::runCached(WriteContextPrivate& d, const QString& sql,
                                           const QVariantList& binds)
{
    if (!d.statements)
        return core::makeError(core::ErrorCode::Storage, QStringLiteral("no statement cache"));
    auto q = d.statements->prepared(sql);
    if (!q)
        return q.error();
    QSqlQuery* query = q.value();
    for (qsizetype i = 0; i < binds.size(); ++i)
        query->bindValue(static_cast<int>(i), binds.at(i));
    if (!query->exec()) {
        auto error = detail::toError(query->lastError(), u"exec " + sql.left(80));
        query->finish();
        return error;
    }
    return query;
}

core::Result<void> WriteContext::addToCounter(const QString& name, qint64 delta)
{
    auto r = detail::exec(d->db,
                          QStringLiteral("INSERT INTO counters (name, value) VALUES (?, ?) "
                                         "ON CONFLICT (name) DO UPDATE SET value = value + excluded.value"),
                          {name, QVariant::fromValue<qint64>(delta)});
    if (!r)
        return r.error();
    touch(QStringLiteral("counters"));
    return {};
}

core::Result<void> WriteContext::audit(const core::Actor& actor, const QString& action, const QString& entity,
                                       const QString& entityId, const QString& detailJson)
{
    auto r = detail::exec(
        d->db,
        QStringLiteral("INSERT INTO audit_log (at, operator_id, operator_login, action, entity, "
                       "entity_id, detail) VALUES (?, ?, ?, ?, ?, ?, ?)"),
        {QVariant::fromValue<qint64>(nowSeconds()), QVariant::fromValue<qint64>(actor.operatorId),
         actor.login, action, entity, entityId.isNull() ? QStringLiteral("") : entityId,
         detailJson.isNull() ? QStringLiteral("") : detailJson});
    if (!r)
        return r.error();
    touch(QStringLiteral("audit_log"));
    return {};
}

void WriteContext::touch(const QString& table)
{
    d->touched.insert(table);
}

qint64 WriteContext::nowSeconds() const
{
    return d->clock->nowSeconds();
}

} // namespace cardops::storage
