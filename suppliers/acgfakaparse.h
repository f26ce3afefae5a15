#pragma once

#include "suppliers/rawjson.h"
#include "suppliers/supplier.h"

#include <QByteArray>
#include <QStringList>

// Reading acg-faka shared-store answers (protocols.md §2.2, §2.3): pure functions over the body
// bytes, so they are tested without a network. Any thread.
namespace cardops::suppliers::acgfaka {

// The texts acg-faka 3.6.0 itself writes into `secret` instead of cards: the apology when the cards
// ran out between check and payment, and the default placeholder of manual goods. (A shop can set its
// own placeholder per goods: PurchaseRequest::manualDelivery covers that.)
inline constexpr QStringView kApologyText = u"很抱歉，有人在你付款之前抢走了商品，请联系客服。";
inline constexpr QStringView kManualPlaceholderText = u"正在发货中，请耐心等待，如有疑问，请联系客服。";

struct Envelope
{
    rawjson::Node data; // Null when the envelope has none
    QByteArray body;    // the bytes `data` points into
};

// {"code":200,…,"data":…} → data; {"code":0,"msg":…} → Business (msg kept verbatim, never
// interpreted); not JSON, not an object, or any other code → Malformed. `purchase` marks errors
// whose outcome is unknown (a trade whose answer cannot be read may still have been executed).
SupplierResult<Envelope> parseEnvelope(const QByteArray& body, bool purchase);

// /shared/commodity/items: categories with `children`. Unreadable entries are collected in
// Catalogue::rejected; a `data` that is not a list is Malformed.
SupplierResult<Catalogue> parseCatalogue(const Envelope& envelope);

// /shared/commodity/item: one item object, or (as some versions answer) the category list filtered
// to that code.
SupplierResult<SupplierProduct> parseItem(const Envelope& envelope, const QString& code);

// One item object (a child of a category).
SupplierResult<SupplierProduct> parseProduct(const rawjson::Node& item, const QByteArray& body,
                                             const QString& category);

// /shared/commodity/inventory: {count, delivery_way, price, user_price, factory_price, config, …}.
SupplierResult<SupplierProduct> parseInventory(const Envelope& envelope, const QString& code);

// /shared/commodity/stock: {stock}.
SupplierResult<StockCheck> parseStock(const Envelope& envelope, const StockQuery& query);

// /shared/commodity/valuation: {price}.
SupplierResult<Money> parseValuation(const Envelope& envelope);

// /shared/commodity/trade: {tradeNo, amount, secret, …}, synchronous. Cards are the non-empty lines
// of `secret`; fewer or more than the quantity, a known placeholder, or manual goods put the result
// in ManualReview (an operator checks what was paid for).
SupplierResult<PurchaseResult> parseTrade(const Envelope& envelope, const PurchaseRequest& request);

// /shared/commodity/query: {secret, status}.
SupplierResult<PurchaseResult> parseQuery(const Envelope& envelope, const QString& tradeNo);

// The non-empty lines of a secret text (CR LF or LF), each trimmed: one card per line.
QStringList splitCards(const QString& secret);

// The race names of an item's INI config ([category] section: "name=price" lines).
QStringList racesOf(const QString& config);

} // namespace cardops::suppliers::acgfaka
