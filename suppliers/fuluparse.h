#pragma once

#include "suppliers/rawjson.h"
#include "suppliers/supplier.h"

#include <QByteArray>
#include <QByteArrayView>
#include <optional>

// Reading Fulu OpenAPI 2.0 answers (protocols.md §1.3–§1.5): pure functions over the body bytes,
// tested without a network. Any thread.
namespace cardops::suppliers::fulu {

// Codes 3001–3005 and 3008: product-level rejections (off shelf, no stock, price); the order can be
// retried on an alternative supplier product.
bool isProductRejection(qint64 code);

struct Answer
{
    rawjson::Node result;   // `result` parsed a second time (object or array)
    QByteArray resultBytes; // the UTF-8 text of `result` that `result` points into
};

struct SignatureCheck
{
    QByteArray received; // the response's sign; empty when it sent none
    QByteArray computed; // MD5 over the sorted characters of `result` + AppSecret
    std::optional<bool> valid;
};

// {"code":0,"message":…,"result":"<JSON text>","sign":…}. The sign, when present, is checked first
// (a mismatch is a Signature error whatever the code says); code ≠ 0 is ProductRejected or Business
// with code and message as they came; code 0 with a `result` that is not a JSON string holding an
// object or array is Malformed. `purchase` marks errors whose outcome is unknown.
SupplierResult<Answer> parseResponse(const QByteArray& body, QByteArrayView appSecret, bool purchase,
                                     SignatureCheck* check = nullptr);

// fulu.user.info.get: {name, balance, is_open}.
SupplierResult<Balance> parseBalance(const Answer& answer);

// fulu.goods.list.get: an array of products; unreadable entries go to Catalogue::rejected.
SupplierResult<Catalogue> parseCatalogue(const Answer& answer);

// fulu.goods.info.get: one product object.
SupplierResult<SupplierProduct> parseProduct(const rawjson::Node& node, const QByteArray& bytes);

// fulu.goods.stock.check: {product_id, stock_status}.
SupplierResult<StockCheck> parseStock(const Answer& answer, const StockQuery& query);

// An order object (*.add, fulu.order.info.get). customer_order_no must be `externalOrderNo`.
// cardsIncluded: false for the *.add answers, which never carry cards, so even "success" is Pending
// there (the cards come with the next fulu.order.info.get). On success the cards are decrypted with the
// AppSecret (core::decryptFuluCard); a card that does not decrypt, or a card count that is not buy_num for a
// card order, gives ManualReview. `purchase` marks errors whose outcome is unknown (an accepted order we
// cannot read).
SupplierResult<PurchaseResult> parseOrder(const Answer& answer, const QByteArray& externalOrderNo,
                                          QByteArrayView appSecret, bool cardsIncluded, bool purchase);

} // namespace cardops::suppliers::fulu
