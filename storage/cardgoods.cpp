#include "storage/cardgoods.h"

#include "storage/readsession.h"
#include "storage/writecontext.h"

using namespace Qt::StringLiterals;

namespace cardops::storage::cardgoods {

namespace {

const QString kSelect = u"SELECT id, name, sku, kind, card_format, card_separator, stock_available, "
                        u"stock_locked FROM goods WHERE id = ?"_s;

core::Result<std::optional<CardGoods>> fromRows(const core::Result<ReadSession::Rows>& rows)
{
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return std::optional<CardGoods>();
    const QVariantList& r = rows->constFirst();
    CardGoods g;
    g.id = r.value(0).toLongLong();
    g.name = r.value(1).toString();
    g.sku = r.value(2).toString();
    g.kind = r.value(3).toString();
    g.cardFormat = r.value(4).toString();
    g.cardSeparator = r.value(5).toString();
    g.stockAvailable = r.value(6).toLongLong();
    g.stockLocked = r.value(7).toLongLong();
    return std::optional(g);
}

} // namespace

core::Result<std::optional<CardGoods>> read(const ReadSession& session, qint64 id)
{
    return fromRows(session.select(kSelect, {id}));
}

core::Result<std::optional<CardGoods>> read(WriteContext& ctx, qint64 id)
{
    return fromRows(ctx.select(kSelect, {id}));
}

} // namespace cardops::storage::cardgoods
