#include "models/restockinfo.h"

#include "core/clock.h"
#include "models/readworker.h"

namespace cardops::models {

RestockInfo readRestockInfo(const storage::ReadSession& read, qint64 goodsId, qint64 now)
{
    RestockInfo info;
    auto goods = storage::stockalerts::restockGoods(read, goodsId);
    if (!goods) {
        info.error = goods.error().detail;
        return info;
    }
    info.goods = goods.value();
    auto alert = storage::stockalerts::stateOf(read, goodsId);
    if (!alert) {
        info.error = alert.error().detail;
        return info;
    }
    info.alert = alert.value();
    info.parameters.lastDay = core::businessDay(now) - 1;
    // The window, or the baseline's seven days when the window is shorter.
    const qint64 firstDay = info.parameters.lastDay - std::max<qint64>(info.parameters.windowDays, 7) + 1;
    auto sales = storage::stockalerts::dailySales(read, goodsId, firstDay, info.parameters.lastDay);
    if (!sales) {
        info.error = sales.error().detail;
        return info;
    }
    auto suggestion = core::suggestRestock(sales.value(), info.goods.stock, info.parameters);
    if (suggestion)
        info.suggestion = suggestion.value();
    auto resellers = storage::stockalerts::resellers(read, goodsId, now - ResellerWindowDays * 86400, 50);
    if (!resellers) {
        info.error = resellers.error().detail;
        return info;
    }
    info.resellers = resellers.value();
    info.ok = true;
    return info;
}

void loadRestockInfo(ReadWorker& reader, QObject* context, qint64 goodsId, qint64 now,
                     std::function<void(RestockInfo)> done)
{
    reader.post<RestockInfo>(
        context, [goodsId, now](const storage::ReadSession& s) { return readRestockInfo(s, goodsId, now); },
        std::move(done));
}

} // namespace cardops::models
