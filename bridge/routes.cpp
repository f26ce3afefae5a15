#include "bridge/bridgewrite.h"
#include "bridge/cardwrites.h"
#include "bridge/goodsedits.h"
#include "bridge/memberedits.h"
#include "bridge/moneywrites.h"
#include "bridge/orderwrites.h"

namespace cardops::bridge {

// The table of routes besides the feeds: one line per method and path, each with the capability it
// adds to GET /v1/shop. Handlers live beside their subject (orders, cards, edits, money).
const QList<ApiRoute>& apiRoutes()
{
    static const QList<ApiRoute> routes = {
        // Fulfilment: lease, manual delivery, holds; refusals of what acg-faka lacks (orderwrites.h).
        {"POST", {"fulfilment", "lease"}, "lease", takeLease},
        {"DELETE", {"fulfilment", "lease"}, "lease", releaseLease},
        {"POST", {"orders", "{id}", "deliver"}, "orders.deliver", deliverOrder},
        {"POST", {"orders", "{id}", "review"}, "orders.deliver", reviewOrder},
        {"POST", {"orders", "{id}", "refund"}, nullptr, refuseRefund},
        {"POST", {"orders", "{id}", "reissue"}, nullptr, refuseReplace},
        {"POST", {"orders", "{id}", "replace"}, nullptr, refuseReplace},
        {"POST", {"orders"}, nullptr, refuseCreate},
        // Withdrawal decisions as acg's admin makes them (moneywrites.h).
        {"POST", {"withdrawals", "{id}", "approve"}, "withdrawals", approveWithdrawal},
        {"POST", {"withdrawals", "{id}", "reject"}, "withdrawals", rejectWithdrawal},
        // Card stock: list, upload, reveal, lock / unlock / void, cards of an order (cardwrites.h).
        {"GET", {"goods", "{id}", "cards"}, "cards", cards::list},
        {"POST", {"goods", "{id}", "cards"}, "cards", cards::upload},
        {"POST", {"cards", "{id}", "reveal"}, "cards", cards::reveal},
        {"POST", {"cards", "lock"}, "cards", [](ApiCall& c) { return cards::change(c, cards::Change::Lock); }},
        {"POST", {"cards", "unlock"}, "cards", [](ApiCall& c) { return cards::change(c, cards::Change::Unlock); }},
        {"POST", {"cards", "void"}, "cards", [](ApiCall& c) { return cards::change(c, cards::Change::Void); }},
        {"GET", {"orders", "{id}", "cards"}, "cards", cards::orderCards},
        // Goods, category and member edits as acg's admin makes them (goodsedits.h, memberedits.h).
        {"POST", {"goods"}, "goods.write", createGoods},
        {"PATCH", {"goods", "{id}"}, "goods.write", patchGoods},
        {"POST", {"categories"}, "goods.write", createCategory},
        {"PATCH", {"categories", "{id}"}, "goods.write", patchCategory},
        {"PATCH", {"members", "{id}"}, "members.write", patchMember},
        {"POST", {"members", "{id}", "balance"}, "members.write", adjustBalance},
        {"PUT", {"tiers"}, "tiers", putTiers},
    };
    return routes;
}

} // namespace cardops::bridge
