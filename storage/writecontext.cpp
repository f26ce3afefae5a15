#include "storage/writecontext.h"

#include "core/clock.h"
#include "storage/sqlsupport_p.h"
#include "storage/writecontext_p.h"


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
    if (!d->statements)
        return core::makeError(core::ErrorCode::Storage, QStringLiteral("no statement cache"));
    return d->statements->run(sql, binds, nullptr);
}

core::Result<WriteContext::Rows> WriteContext::selectCached(const QString& sql, const QVariantList& binds)
{
    if (!d->statements)
        return core::makeError(core::ErrorCode::Storage, QStringLiteral("no statement cache"));
    Rows rows;
    if (auto r = d->statements->run(sql, binds, &rows); !r)
        return r.error();
    return rows;
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
