#include "suppliers/acgfakaparse.h"

using namespace Qt::StringLiterals;

namespace cardops::suppliers::acgfaka {

namespace {

using rawjson::Node;

// PHP turns a list with gaps into an object: accept both and walk the values.
bool isList(const Node& node)
{
    return node.isArray() || node.isObject();
}

QByteArray slice(const QByteArray& body, const Node& node)
{
    return body.mid(node.begin, node.end - node.begin);
}

QString textOr(const Node* node, const QString& fallback = {})
{
    return rawjson::toText(node).value_or(fallback);
}

// A money member that may be absent; present but unreadable is an error (never a silent zero).
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

// Prices, delivery way, stock and config, shared by items and inventory answers.
bool readCommon(const Node& item, const QByteArray& body, QStringView stockKey, SupplierProduct& p,
                QString& why)
{
    std::optional<Money> userPrice;
    std::optional<Money> factoryPrice;
    if (!readMoney(item, u"price", p.listPrice, why) || !readMoney(item, u"user_price", userPrice, why) ||
        !readMoney(item, u"factory_price", factoryPrice, why))
        return false;
    // factory_price is what this docking user pays (0 for goods priced per race, see config).
    p.cost = factoryPrice && !factoryPrice->isZero() ? factoryPrice : userPrice;
    const Node* way = item.member(u"delivery_way");
    const std::optional<qint64> deliveryWay = rawjson::toInteger(way);
    if (way && !way->isNull() && !deliveryWay) {
        why = u"delivery_way is not an integer"_s;
        return false;
    }
    p.manualDelivery = deliveryWay.value_or(0) != 0;
    p.type = ProductType::Card;
    const Node* stock = item.member(stockKey);
    if (stock && !stock->isNull()) {
        p.stock = rawjson::toInteger(stock);
        if (!p.stock) {
            why = stockKey.toString() + u" is not an integer"_s;
            return false;
        }
        p.stockLevel = *p.stock > 0 ? StockLevel::Plenty : StockLevel::Out;
    }
    const Node* config = item.member(u"config");
    if (config && !config->isNull() && !config->isString()) {
        why = u"config is not text"_s;
        return false;
    }
    p.config = textOr(config);
    p.races = racesOf(p.config);
    p.rawJson = slice(body, item);
    return true;
}

bool isPlaceholder(const QString& secret)
{
    const QString t = secret.trimmed();
    return t == kApologyText || t == kManualPlaceholderText;
}

} // namespace

QStringList splitCards(const QString& secret)
{
    QStringList cards;
    const QStringList lines = secret.split(u'\n');
    for (const QString& line : lines) {
        const QString card = line.trimmed();
        if (!card.isEmpty())
            cards.append(card);
    }
    return cards;
}

QStringList racesOf(const QString& config)
{
    QStringList races;
    bool inCategory = false;
    const QStringList lines = config.split(u'\n');
    for (const QString& raw : lines) {
        const QString line = raw.trimmed();
        if (line.startsWith(u'[') && line.endsWith(u']')) {
            inCategory = line == u"[category]";
            continue;
        }
        const qsizetype eq = line.indexOf(u'=');
        if (inCategory && eq > 0 && !line.startsWith(u';'))
            races.append(line.first(eq).trimmed());
    }
    return races;
}

SupplierResult<Envelope> parseEnvelope(const QByteArray& body, bool purchase)
{
    rawjson::Parsed parsed = rawjson::parse(body);
    if (!parsed.ok()) {
        const QString start = QString::fromUtf8(body.left(80)).simplified();
        return SupplierError::malformed(
            u"not JSON (%1 at byte %2): %3"_s.arg(parsed.error.message).arg(parsed.error.offset).arg(start),
            purchase);
    }
    Node& root = *parsed.root;
    if (!root.isObject())
        return SupplierError::malformed(u"the answer is not a JSON object"_s, purchase);
    const std::optional<qint64> code = rawjson::toInteger(root.member(u"code"));
    if (!code)
        return SupplierError::malformed(u"the envelope has no integer code"_s, purchase);
    if (*code == 0) {
        SupplierError e;
        e.kind = SupplierError::Business;
        e.code = u"0"_s;
        e.upstreamMessage = textOr(root.member(u"msg"));
        return e;
    }
    if (*code != 200)
        return SupplierError::malformed(u"unexpected envelope code %1"_s.arg(*code), purchase);
    Envelope out;
    out.body = body;
    if (const Node* data = root.member(u"data"))
        out.data = *data;
    return out;
}

SupplierResult<SupplierProduct> parseProduct(const Node& item, const QByteArray& body,
                                             const QString& category)
{
    if (!item.isObject())
        return SupplierError::malformed(u"an item is not an object"_s);
    SupplierProduct p;
    p.productId = textOr(item.member(u"code"));
    if (p.productId.isEmpty())
        return SupplierError::malformed(u"an item has no code"_s);
    const std::optional<QString> name = rawjson::toText(item.member(u"name"));
    if (!name)
        return SupplierError::malformed(u"item %1 has no name"_s.arg(p.productId));
    p.name = *name;
    p.category = category;
    p.details = textOr(item.member(u"description"));
    if (const std::optional<qint64> status = rawjson::toInteger(item.member(u"status")))
        p.onSale = *status == 1;
    QString why;
    if (!readCommon(item, body, u"stock", p, why))
        return SupplierError::malformed(u"item %1: %2"_s.arg(p.productId, why));
    return p;
}

SupplierResult<SupplierProduct> parseInventory(const Envelope& envelope, const QString& code)
{
    if (!envelope.data.isObject())
        return SupplierError::malformed(u"inventory: data is not an object"_s);
    SupplierProduct p;
    p.productId = code;
    QString why;
    if (!readCommon(envelope.data, envelope.body, u"count", p, why))
        return SupplierError::malformed(u"inventory %1: %2"_s.arg(code, why));
    return p;
}

SupplierResult<Catalogue> parseCatalogue(const Envelope& envelope)
{
    if (!isList(envelope.data))
        return SupplierError::malformed(u"items: data is not a list of categories"_s);
    Catalogue out;
    for (const Node& category : envelope.data.children) {
        const Node* children = category.member(u"children");
        if (!category.isObject() || !children || !isList(*children)) {
            out.rejected.append({QString(), u"a category without a list of children"_s});
            continue;
        }
        const QString categoryName = textOr(category.member(u"name"));
        for (const Node& child : children->children) {
            auto product = parseProduct(child, envelope.body, categoryName);
            if (product.ok())
                out.products.append(product.value());
            else
                out.rejected.append({textOr(child.member(u"code")), product.error().detail});
        }
    }
    return out;
}

SupplierResult<SupplierProduct> parseItem(const Envelope& envelope, const QString& code)
{
    if (envelope.data.isObject() && !envelope.data.member(u"children"))
        return parseProduct(envelope.data, envelope.body, QString());
    auto catalogue = parseCatalogue(envelope);
    if (!catalogue.ok())
        return catalogue.error();
    for (const SupplierProduct& p : std::as_const(catalogue.value().products)) {
        if (p.productId == code)
            return p;
    }
    if (!catalogue.value().rejected.isEmpty())
        return SupplierError::malformed(catalogue.value().rejected.first().reason);
    SupplierError e;
    e.kind = SupplierError::Business;
    e.detail = u"the upstream listed no item with code "_s + code;
    return e;
}

SupplierResult<StockCheck> parseStock(const Envelope& envelope, const StockQuery& query)
{
    const std::optional<qint64> stock = rawjson::toInteger(envelope.data.member(u"stock"));
    if (!stock)
        return SupplierError::malformed(u"stock: data has no integer stock"_s);
    StockCheck out;
    out.productId = query.productId;
    out.count = stock;
    out.level = *stock > 0 ? StockLevel::Plenty : StockLevel::Out;
    out.sufficient = *stock >= query.quantity;
    return out;
}

SupplierResult<Money> parseValuation(const Envelope& envelope)
{
    const std::optional<Money> price = rawjson::toMoney(envelope.data.member(u"price"));
    if (!price)
        return SupplierError::malformed(u"valuation: data has no price"_s);
    return *price;
}

SupplierResult<PurchaseResult> parseTrade(const Envelope& envelope, const PurchaseRequest& request)
{
    // The trade was executed (code 200): from here on a reading problem is never "failed".
    const Node& data = envelope.data;
    const std::optional<QString> tradeNo = rawjson::toText(data.member(u"tradeNo"));
    const Node* secret = data.member(u"secret");
    if (!data.isObject() || !tradeNo || tradeNo->isEmpty() || !secret || !secret->isString())
        return SupplierError::malformed(u"trade: data lacks tradeNo or a secret string"_s, true);
    PurchaseResult out;
    out.externalOrderNo = request.externalOrderNo;
    out.upstreamOrderNo = *tradeNo;
    out.upstreamState = u"paid"_s;
    out.secretText = secret->text;
    QString why;
    if (!readMoney(data, u"amount", out.amount, why))
        out.amount.reset();
    const QStringList lines = splitCards(out.secretText);
    for (const QString& line : lines)
        out.cards.append(SupplierCard{QString(), line, CardKind::Plain, QString()});
    out.status = PurchaseStatus::Succeeded;
    if (request.manualDelivery || isPlaceholder(out.secretText)) {
        out.status = PurchaseStatus::ManualReview;
        out.reviewReason = ReviewReason::PlaceholderText;
        out.cards.clear();
    } else if (out.cards.size() != request.quantity) {
        out.status = PurchaseStatus::ManualReview;
        out.reviewReason = ReviewReason::CardCountMismatch;
    }
    return out;
}

SupplierResult<PurchaseResult> parseQuery(const Envelope& envelope, const QString& tradeNo)
{
    const Node& data = envelope.data;
    const Node* secret = data.member(u"secret");
    const std::optional<qint64> status = rawjson::toInteger(data.member(u"status"));
    if (!data.isObject() || !status || (secret && !secret->isString() && !secret->isNull()))
        return SupplierError::malformed(u"query: data lacks status or secret"_s);
    PurchaseResult out;
    out.upstreamOrderNo = tradeNo;
    out.upstreamState = QString::number(*status);
    out.secretText = secret && secret->isString() ? secret->text : QString();
    if (*status != 1) {
        out.status = PurchaseStatus::Pending;
        return out;
    }
    out.status = PurchaseStatus::Succeeded;
    if (isPlaceholder(out.secretText)) {
        out.status = PurchaseStatus::ManualReview;
        out.reviewReason = ReviewReason::PlaceholderText;
        return out;
    }
    const QStringList lines = splitCards(out.secretText);
    for (const QString& line : lines)
        out.cards.append(SupplierCard{QString(), line, CardKind::Plain, QString()});
    return out;
}

} // namespace cardops::suppliers::acgfaka
