#include "sync/feedingest.h"

#include "storage/writecontext.h"
#include "sync/platformjson.h"

namespace cardops::sync {
namespace {

template<typename R, typename Ingest>
core::Result<PreparedPage> prepared(core::Result<platformjson::Page<R>> page, core::Feed feed, bool backfill,
                                    const QString& from, Ingest ingest)
{
    if (!page)
        return page.error();
    PreparedPage out;
    out.info = PageInfo{page->nextCursor, page->hasMore, page->headCursor, page->items.size()};
    const storage::PageCursor at{feed, page->nextCursor, page->hasMore, backfill, from};
    out.job = [items = std::move(page->items), at, ingest](storage::WriteContext& ctx) {
        return ingest(ctx, items, at);
    };
    return out;
}

} // namespace

core::Result<PreparedPage> preparePage(core::Feed feed, const QJsonValue& data, bool backfill,
                                       const QString& from)
{
    namespace cache = storage::platformcache;
    switch (feed) {
    case core::Feed::Categories:
        return prepared(platformjson::categoriesPage(data), feed, backfill, from, cache::ingestCategories);
    case core::Feed::Goods:
        return prepared(platformjson::goodsPage(data), feed, backfill, from, cache::ingestGoods);
    case core::Feed::Members:
        return prepared(platformjson::membersPage(data), feed, backfill, from, cache::ingestMembers);
    case core::Feed::Orders:
        return prepared(platformjson::ordersPage(data), feed, backfill, from, cache::ingestOrders);
    case core::Feed::Ledger:
        return prepared(platformjson::ledgerPage(data), feed, backfill, from, cache::ingestLedger);
    case core::Feed::Withdrawals:
        return prepared(platformjson::withdrawalsPage(data), feed, backfill, from, cache::ingestWithdrawals);
    }
    return core::makeError(core::ErrorCode::InvalidArgument, QStringLiteral("unknown feed"));
}

} // namespace cardops::sync
