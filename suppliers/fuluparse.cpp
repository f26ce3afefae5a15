#include "suppliers/fuluparse.h"

#include "core/cipher.h"
#include "core/signing.h"

using namespace Qt::StringLiterals;

namespace cardops::suppliers::fulu {

namespace {

using rawjson::Node;

QString textOr(const Node* node)
{
    return rawjson::toText(node).value_or(QString());
}

bool readMoney(const Node& item, QStringView key, std::optional<Money>& out, QString& why)
{
    const Node* node = item.member(key);
    if (!node || node->isNull())
        return true;
    out = rawjson::toMoney(node);
    if (!out)
        why = key.toString() + u" is not an amount"_s;
    return out.has_value();
}

StockLevel stockLevelOf(const QString& status)
{
    if (status == u"充足")
        return StockLevel::Plenty;
    if (status == u"警报")
        return StockLevel::Low;
    if (status == u"断货")
        return StockLevel::Out;
    return StockLevel::Unknown;
}

ProductType productTypeOf(const QString& type)
{
    if (type == u"卡密")
        return ProductType::Card;
    if (type == u"直充")
        return ProductType::DirectRecharge;
    return ProductType::Unknown;
}

QByteArray slice(const QByteArray& bytes, const Node& node)
{
    return bytes.mid(node.begin, node.end - node.begin);
}

// Decrypts one card field; empty stays empty (a plain card may have no number).
bool decryptField(const Node* node, QByteArrayView appSecret, QString& out)
{
    const QString cipherText = textOr(node);
    if (cipherText.isEmpty())
        return true;
    const auto plain = core::decryptFuluCard(cipherText.toLatin1(), appSecret);
    if (!plain)
        return false;
    out = QString::fromUtf8(plain.value());
    return true;
}

} // namespace

bool isProductRejection(qint64 code)
{
    return (code >= 3001 && code <= 3005) || code == 3008;
}

SupplierResult<Answer> parseResponse(const QByteArray& body, QByteArrayView appSecret, bool purchase,
                                     SignatureCheck* check)
{
    const rawjson::Parsed parsed = rawjson::parse(body);
    if (!parsed.ok())
        return SupplierError::malformed(u"not JSON (%1 at byte %2): %3"_s.arg(parsed.error.message)
                                            .arg(parsed.error.offset)
                                            .arg(QString::fromUtf8(body.left(80)).simplified()),
                                        purchase);
    const Node& root = *parsed.root;
    if (!root.isObject())
        return SupplierError::malformed(u"the answer is not a JSON object"_s, purchase);
    const std::optional<qint64> code = rawjson::toInteger(root.member(u"code"));
    if (!code || !root.member(u"code")->isNumber())
        return SupplierError::malformed(u"the answer has no integer code"_s, purchase);
    const Node* result = root.member(u"result");
    if (result && !result->isString() && !result->isNull())
        return SupplierError::malformed(u"result is not a JSON string"_s, purchase);
    const QString resultText = result && result->isString() ? result->text : QString();

    const Node* sign = root.member(u"sign");
    if (sign && !sign->isString() && !sign->isNull())
        return SupplierError::malformed(u"sign is not a string"_s, purchase);
    if (sign && sign->isString() && !sign->text.isEmpty()) {
        SignatureCheck local;
        local.received = sign->text.toLatin1();
        local.computed = core::signing::fuluResultSign(resultText, appSecret);
        local.valid = core::signing::digestEquals(local.computed, local.received);
        if (check)
            *check = local;
        if (!*local.valid) {
            SupplierError e;
            e.kind = SupplierError::Signature;
            e.code = QString::number(*code);
            e.detail = u"response sign %1, computed %2"_s.arg(QString::fromLatin1(local.received),
                                                              QString::fromLatin1(local.computed));
            e.outcomeUnknown = purchase;
            return e;
        }
    }

    if (*code != 0) {
        SupplierError e;
        e.kind = isProductRejection(*code) ? SupplierError::ProductRejected : SupplierError::Business;
        e.retryOnAlternative = isProductRejection(*code);
        e.code = QString::number(*code);
        e.upstreamMessage = textOr(root.member(u"message"));
        return e;
    }

    Answer answer;
    answer.resultBytes = resultText.toUtf8();
    const rawjson::Parsed inner = rawjson::parse(answer.resultBytes);
    if (!inner.ok() || !(inner.root->isObject() || inner.root->isArray()))
        return SupplierError::malformed(u"result is not JSON text of an object or array"_s, purchase);
    answer.result = *inner.root;
    return answer;
}

SupplierResult<Balance> parseBalance(const Answer& answer)
{
    const Node& r = answer.result;
    const std::optional<Money> amount = rawjson::toMoney(r.member(u"balance"));
    if (!r.isObject() || !amount)
        return SupplierError::malformed(u"user.info: result has no balance amount"_s);
    Balance b;
    b.amount = *amount;
    b.accountName = textOr(r.member(u"name"));
    if (const Node* open = r.member(u"is_open")) {
        if (open->type == Node::Bool)
            b.isOpen = open->boolean;
        else if (const auto flag = rawjson::toInteger(open))
            b.isOpen = *flag != 0;
    }
    return b;
}

SupplierResult<SupplierProduct> parseProduct(const Node& node, const QByteArray& bytes)
{
    if (!node.isObject())
        return SupplierError::malformed(u"a product is not an object"_s);
    SupplierProduct p;
    const Node* id = node.member(u"product_id");
    if (!rawjson::toInteger(id))
        return SupplierError::malformed(u"a product has no integer product_id"_s);
    p.productId = textOr(id);
    p.name = textOr(node.member(u"product_name"));
    p.type = productTypeOf(textOr(node.member(u"product_type")));
    QString why;
    if (!readMoney(node, u"purchase_price", p.cost, why) || !readMoney(node, u"face_value", p.listPrice, why))
        return SupplierError::malformed(u"product %1: %2"_s.arg(p.productId, why));
    if (const Node* sales = node.member(u"sales_status"))
        p.onSale = textOr(sales) == u"上架";
    p.stockLevel = stockLevelOf(textOr(node.member(u"stock_status")));
    // An opaque reference to the recharge form: a number or a text, kept as its token's text.
    if (const Node* t = node.member(u"template_id"); t && !t->isNull())
        p.templateId = textOr(t);
    p.details = textOr(node.member(u"details"));
    p.rawJson = slice(bytes, node);
    return p;
}

SupplierResult<Catalogue> parseCatalogue(const Answer& answer)
{
    if (!answer.result.isArray())
        return SupplierError::malformed(u"goods.list: result is not an array"_s);
    Catalogue out;
    for (const Node& node : answer.result.children) {
        auto product = parseProduct(node, answer.resultBytes);
        if (product.ok())
            out.products.append(product.value());
        else
            out.rejected.append({textOr(node.member(u"product_id")), product.error().detail});
    }
    return out;
}

SupplierResult<StockCheck> parseStock(const Answer& answer, const StockQuery& query)
{
    const Node& r = answer.result;
    const Node* status = r.member(u"stock_status");
    if (!r.isObject() || !status || !status->isString())
        return SupplierError::malformed(u"stock.check: result has no stock_status"_s);
    StockCheck out;
    out.productId = query.productId;
    out.level = stockLevelOf(status->text);
    if (out.level == StockLevel::Unknown)
        return SupplierError::malformed(u"stock.check: unknown stock_status "_s + status->text);
    out.sufficient = out.level != StockLevel::Out;
    return out;
}

SupplierResult<PurchaseResult> parseOrder(const Answer& answer, const QByteArray& externalOrderNo,
                                          QByteArrayView appSecret, bool cardsIncluded, bool purchase)
{
    const Node& r = answer.result;
    if (!r.isObject())
        return SupplierError::malformed(u"order: result is not an object"_s, purchase);
    const QString number = textOr(r.member(u"customer_order_no"));
    if (number != QString::fromLatin1(externalOrderNo))
        return SupplierError::malformed(u"order: customer_order_no is '%1', expected '%2'"_s.arg(
                                            number, QString::fromLatin1(externalOrderNo)),
                                        purchase);
    PurchaseResult out;
    out.externalOrderNo = externalOrderNo;
    out.upstreamOrderNo = textOr(r.member(u"order_id"));
    out.upstreamState = textOr(r.member(u"order_state"));
    QString why;
    if (!readMoney(r, u"order_price", out.amount, why))
        return SupplierError::malformed(u"order: "_s + why, purchase);
    if (out.upstreamState == u"untreated" || out.upstreamState == u"processing" ||
        (!cardsIncluded && out.upstreamState == u"success")) {
        out.status = PurchaseStatus::Pending;
        return out;
    }
    if (out.upstreamState == u"failed") {
        out.status = PurchaseStatus::Failed;
        return out;
    }
    if (out.upstreamState != u"success")
        return SupplierError::malformed(u"order: unknown order_state '%1'"_s.arg(out.upstreamState),
                                        purchase);

    out.status = PurchaseStatus::Succeeded;
    const Node* cards = r.member(u"cards");
    if (cards && !cards->isNull() && !cards->isArray())
        return SupplierError::malformed(u"order: cards is not an array"_s, purchase);
    bool unreadable = false;
    if (cards && cards->isArray()) {
        for (const Node& c : cards->children) {
            SupplierCard card;
            const auto type = rawjson::toInteger(c.member(u"card_type"));
            card.kind = type == 1 ? CardKind::QrCode : type == 2 ? CardKind::ShortLink : CardKind::Plain;
            card.deadline = textOr(c.member(u"card_deadline"));
            if (!c.isObject() || !decryptField(c.member(u"card_number"), appSecret, card.number) ||
                !decryptField(c.member(u"card_pwd"), appSecret, card.secret)) {
                unreadable = true;
                continue;
            }
            out.cards.append(card);
        }
    }
    const std::optional<qint64> buyNum = rawjson::toInteger(r.member(u"buy_num"));
    const bool cardOrder = rawjson::toInteger(r.member(u"order_type")) == 3;
    if (unreadable) {
        out.status = PurchaseStatus::ManualReview;
        out.reviewReason = ReviewReason::CardsUnreadable;
    } else if (cardOrder && buyNum && out.cards.size() != *buyNum) {
        out.status = PurchaseStatus::ManualReview;
        out.reviewReason = ReviewReason::CardCountMismatch;
    }
    return out;
}

} // namespace cardops::suppliers::fulu
