#include "storage/categorystore.h"

#include "storage/platformcache.h"
#include "storage/writecontext.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace cardops::storage::categorystore {

core::Result<qint64> prepareCreate(WriteContext& ctx, const core::Actor& actor, qint64 parentId)
{
    auto allowed = core::authorize(actor, core::Permission::EditGoods);
    if (!allowed)
        return allowed.error();
    if (parentId != 0) {
        auto parent = ctx.select(u"SELECT 1 FROM categories WHERE id = ?"_s, {parentId});
        if (!parent)
            return parent.error();
        if (parent->isEmpty())
            return core::makeError(core::ErrorCode::NotFound, u"category %1"_s.arg(parentId));
    }
    auto last =
        ctx.select(u"SELECT COALESCE(MAX(sort), -1) + 1 FROM categories WHERE parent_id = ?"_s, {parentId});
    if (!last)
        return last.error();
    return last->first().value(0).toLongLong();
}

core::Result<void> recordCreated(WriteContext& ctx, const core::Actor& actor, const core::Category& created)
{
    auto applied = platformcache::applyCategories(ctx, {created});
    if (!applied)
        return applied.error();
    const QString detail = QString::fromUtf8(QJsonDocument(QJsonObject{{u"name"_s, created.name},
                                                                       {u"parent_id"_s, created.parentId},
                                                                       {u"sort"_s, created.sort}})
                                                 .toJson(QJsonDocument::Compact));
    return ctx.audit(actor, u"category.create"_s, u"categories"_s, QString::number(created.id), detail);
}

} // namespace cardops::storage::categorystore
