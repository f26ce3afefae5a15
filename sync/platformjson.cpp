#include "sync/platformjson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <algorithm>
#include <cmath>
#include <type_traits>

namespace cardops::sync::platformjson {
namespace {

using core::ErrorCode;
using core::makeError;

constexpr double kMaxExactInteger = 9007199254740992.0; // 2^53: JSON numbers above are not exact

// Reads fields of one object; the first problem is kept and every later read returns a default.
class Reader
{
public:
    Reader(const QJsonObject& o, const char* what)
        : m_o(o)
        , m_what(what)
    {}

    qint64 integer(const char* key, qint64 min = 0)
    {
        const QJsonValue v = m_o.value(QLatin1StringView(key));
        const double d = v.toDouble(-1);
        if (!v.isDouble() || d < static_cast<double>(min) || d > kMaxExactInteger || std::floor(d) != d) {
            fail(key, "an integer");
            return 0;
        }
        return static_cast<qint64>(d);
    }
    qint64 id(const char* key) { return integer(key, 1); }
    qint64 optionalInteger(const char* key)
    {
        return m_o.value(QLatin1StringView(key)).isUndefined() ? 0 : integer(key);
    }
    QString text(const char* key)
    {
        const QJsonValue v = m_o.value(QLatin1StringView(key));
        if (!v.isString()) {
            fail(key, "a string");
            return {};
        }
        return v.toString();
    }
    QString optionalText(const char* key)
    {
        const QJsonValue v = m_o.value(QLatin1StringView(key));
        return v.isUndefined() || v.isNull() ? QStringLiteral("") : text(key);
    }
    QString oneOf(const char* key, std::initializer_list<const char*> allowed)
    {
        const QString s = text(key);
        for (const char* a : allowed)
            if (s == QLatin1StringView(a))
                return s;
        fail(key, "one of the documented values");
        return {};
    }
    core::Money money(const char* key)
    {
        const QJsonValue v = m_o.value(QLatin1StringView(key));
        auto m = core::Money::parse(v.toString());
        if (!v.isString() || !m) {
            fail(key, "a decimal string with up to 4 places");
            return {};
        }
        return m.value();
    }
    bool boolean(const char* key)
    {
        const QJsonValue v = m_o.value(QLatin1StringView(key));
        if (!v.isBool())
            fail(key, "true or false");
        return v.toBool();
    }
    // A nested object or array, kept as compact JSON text.
    QByteArray json(const char* key, bool array)
    {
        const QJsonValue v = m_o.value(QLatin1StringView(key));
        if (v.isUndefined() || v.isNull())
            return array ? QByteArrayLiteral("[]") : QByteArrayLiteral("{}");
        if (array ? !v.isArray() : !v.isObject()) {
            fail(key, array ? "an array" : "an object");
            return {};
        }
        return array ? QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact)
                     : QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact);
    }
    QJsonObject object(const char* key)
    {
        const QJsonValue v = m_o.value(QLatin1StringView(key));
        if (!v.isObject())
            fail(key, "an object");
        return v.toObject();
    }

    template<typename T> core::Result<T> finish(T value) const
    {
        if (!m_problem.isEmpty())
            return makeError(ErrorCode::Parse, m_problem);
        return value;
    }

private:
    void fail(const char* key, const char* expected)
    {
        if (m_problem.isEmpty())
            m_problem =
                QStringLiteral("%1.%2: expected %3")
                    .arg(QLatin1StringView(m_what), QLatin1StringView(key), QLatin1StringView(expected));
    }

    const QJsonObject& m_o;
    const char* m_what;
    QString m_problem;
};

// Cursors are opaque but plain (docs/platform-api.md §2): they go back into a query as they are.
bool isCursor(const QString& c, bool mayBeEmpty)
{
    if (c.isEmpty())
        return mayBeEmpty;
    if (c.size() > 128)
        return false;
    return std::all_of(c.cbegin(), c.cend(), [](QChar ch) {
        return (ch >= u'a' && ch <= u'z') || (ch >= u'A' && ch <= u'Z') || (ch >= u'0' && ch <= u'9') ||
               ch == u'_' || ch == u'-';
    });
}

// A feed item for a deleted entity: {"id","deleted":true,"version","updated_at"}, orders with
// "status":"cancelled" (docs/platform-api.md "Tombstones"). Any other member is ignored.
template<typename R> core::Result<R> tombstone(const QJsonObject& o, const char* what)
{
    Reader r(o, what);
    R x;
    x.id = r.id("id");
    x.deleted = r.boolean("deleted");
    if constexpr (std::is_same_v<R, core::Order>)
        x.status = r.oneOf("status", {"cancelled"});
    x.version = r.id("version");
    x.updatedAt = r.integer("updated_at");
    return r.finish(std::move(x));
}

// An item of a feed page: a tombstone when "deleted" is true, else the full entity ("deleted":false
// is the same as no member at all).
template<typename R, typename F> core::Result<R> feedItem(const QJsonObject& o, const char* what, F parseItem)
{
    const QJsonValue deleted = o.value(u"deleted");
    if (deleted.isUndefined() || deleted == QJsonValue(false))
        return parseItem(o);
    return tombstone<R>(o, what);
}

template<typename R, typename F>
core::Result<Page<R>> page(const QJsonValue& data, const char* what, F parseItem)
{
    if (!data.isObject())
        return makeError(ErrorCode::Parse, QStringLiteral("a feed page must be an object"));
    const QJsonObject o = data.toObject();
    Reader meta(o, "page");
    Page<R> p;
    p.nextCursor = meta.text("next_cursor");
    p.hasMore = meta.boolean("has_more");
    p.headCursor = meta.optionalText("head_cursor");
    const QJsonValue items = o.value(u"items");
    if (!items.isArray())
        return makeError(ErrorCode::Parse, QStringLiteral("page.items: expected an array"));
    auto checked = meta.finish(true);
    if (!checked)
        return checked.error();
    if (!isCursor(p.nextCursor, false) || !isCursor(p.headCursor, true))
        return makeError(ErrorCode::Parse,
                         QStringLiteral("page.next_cursor/head_cursor: expected 1-128 characters of "
                                        "[A-Za-z0-9_-]"));
    const QJsonArray array = items.toArray();
    p.items.reserve(array.size());
    for (const QJsonValue& v : array) {
        if (!v.isObject())
            return makeError(ErrorCode::Parse, QStringLiteral("page.items: expected objects"));
        auto item = feedItem<R>(v.toObject(), what, parseItem);
        if (!item)
            return item.error();
        p.items.append(std::move(item).value());
    }
    return p;
}

} // namespace

core::Result<core::Category> category(const QJsonObject& o)
{
    Reader r(o, "category");
    core::Category c;
    c.id = r.id("id");
    c.parentId = r.integer("parent_id");
    c.name = r.text("name");
    c.sort = r.integer("sort", std::numeric_limits<int>::min());
    c.status = r.oneOf("status", {"on", "off"});
    c.version = r.id("version");
    c.updatedAt = r.integer("updated_at");
    return r.finish(std::move(c));
}

core::Result<core::Goods> goods(const QJsonObject& o)
{
    Reader r(o, "goods");
    core::Goods g;
    g.id = r.id("id");
    g.sku = r.text("sku");
    g.name = r.text("name");
    g.categoryId = r.integer("category_id");
    g.sort = r.integer("sort", std::numeric_limits<int>::min());
    g.kind = r.oneOf("kind", {"card", "direct"});
    g.cardFormat = r.text("card_format");
    g.cardSeparator = r.optionalText("card_separator");
    g.faceValue = r.money("face_value");
    g.price = r.money("price");
    g.cost = r.money("cost");
    g.tierPrices = r.json("tier_prices", false);
    g.contractPrices = r.json("contract_prices", true);
    g.supplierLinks = r.json("supplier_links", true);
    g.fulfilmentOwner = r.oneOf("fulfilment_owner", {"platform", "cardops"});
    g.stockAvailable = r.integer("stock_available");
    g.stockLocked = r.integer("stock_locked");
    g.lowStockThreshold = r.integer("low_stock_threshold");
    g.status = r.oneOf("status", {"on", "off"});
    const QJsonObject listing = r.object("listing");
    Reader l(listing, "goods.listing");
    g.listingTitle = l.optionalText("title");
    g.listingSpec = l.optionalText("spec");
    g.listingDescription = l.optionalText("description");
    g.version = r.id("version");
    g.updatedAt = r.integer("updated_at");
    auto checked = l.finish(true);
    if (!checked)
        return checked.error();
    return r.finish(std::move(g));
}

core::Result<core::Member> member(const QJsonObject& o)
{
    Reader r(o, "member");
    core::Member m;
    m.id = r.id("id");
    m.name = r.text("name");
    m.kind = r.oneOf("kind", {"consumer", "agent", "enterprise"});
    m.parentId = r.integer("parent_id");
    m.tierId = r.integer("tier_id");
    m.registeredAt = r.integer("registered_at");
    m.contact = r.optionalText("contact");
    m.balance = r.money("balance");
    m.tags = r.json("tags", true);
    m.version = r.id("version");
    m.updatedAt = r.integer("updated_at");
    return r.finish(std::move(m));
}

core::Result<core::Order> order(const QJsonObject& o)
{
    Reader r(o, "order");
    core::Order x;
    x.id = r.id("id");
    x.orderNo = r.text("order_no");
    x.memberId = r.integer("member_id");
    x.goodsId = r.integer("goods_id");
    x.quantity = r.integer("quantity");
    x.unitPrice = r.money("unit_price");
    x.amount = r.money("amount");
    x.paidAmount = r.money("paid_amount");
    x.costAtOrder = r.money("cost_at_order");
    x.payChannel = r.optionalText("pay_channel");
    x.chargeAccount = r.optionalText("charge_account");
    x.contact = r.optionalText("contact");
    x.status = r.oneOf("status", {"unpaid", "paid", "handed_over", "delivering", "delivered", "review",
                                  "refunded", "cancelled"});
    x.handedOver = r.boolean("handed_over");
    x.reviewReason = r.optionalText("review_reason");
    x.deliveredAt = r.optionalInteger("delivered_at");
    x.revealedAt = r.optionalInteger("revealed_at");
    x.refundAmount = r.money("refund_amount");
    x.createdAt = r.integer("created_at");
    x.paidAt = r.optionalInteger("paid_at");
    x.version = r.id("version");
    x.updatedAt = r.integer("updated_at");
    return r.finish(std::move(x));
}

core::Result<core::LedgerEntry> ledgerEntry(const QJsonObject& o)
{
    Reader r(o, "ledger");
    core::LedgerEntry e;
    e.id = r.id("id");
    e.memberId = r.integer("member_id");
    e.kind = r.oneOf("kind", {"recharge", "purchase", "commission", "withdrawal", "refund", "adjustment"});
    e.amount = r.money("amount");
    e.orderId = r.integer("order_id");
    e.createdAt = r.integer("created_at");
    e.version = r.id("version");
    e.updatedAt = r.integer("updated_at");
    return r.finish(std::move(e));
}

core::Result<core::Withdrawal> withdrawal(const QJsonObject& o)
{
    Reader r(o, "withdrawal");
    core::Withdrawal w;
    w.id = r.id("id");
    w.memberId = r.integer("member_id");
    w.amount = r.money("amount");
    w.status = r.oneOf("status", {"pending", "approved", "rejected"});
    w.createdAt = r.integer("created_at");
    w.decidedAt = r.optionalInteger("decided_at");
    w.version = r.id("version");
    w.updatedAt = r.integer("updated_at");
    return r.finish(std::move(w));
}

core::Result<Page<core::Category>> categoriesPage(const QJsonValue& data)
{
    return page<core::Category>(data, "category", category);
}
core::Result<Page<core::Goods>> goodsPage(const QJsonValue& data)
{
    return page<core::Goods>(data, "goods", goods);
}
core::Result<Page<core::Member>> membersPage(const QJsonValue& data)
{
    return page<core::Member>(data, "member", member);
}
core::Result<Page<core::Order>> ordersPage(const QJsonValue& data)
{
    return page<core::Order>(data, "order", order);
}
core::Result<Page<core::LedgerEntry>> ledgerPage(const QJsonValue& data)
{
    return page<core::LedgerEntry>(data, "ledger", ledgerEntry);
}
core::Result<Page<core::Withdrawal>> withdrawalsPage(const QJsonValue& data)
{
    return page<core::Withdrawal>(data, "withdrawal", withdrawal);
}

core::Result<Card> card(const QJsonObject& o)
{
    Reader r(o, "card");
    Card c;
    c.id = r.id("id");
    c.status = r.oneOf("status", {"available", "locked", "sold", "void"});
    c.masked = r.text("masked");
    c.expiresAt = r.optionalInteger("expires_at");
    c.orderId = r.integer("order_id");
    c.createdAt = r.integer("created_at");
    auto checked = r.finish(std::move(c));
    if (checked && checked->masked.size() > kMaxMaskedLength)
        return makeError(ErrorCode::Parse,
                         QStringLiteral("card.masked: longer than %1 characters").arg(kMaxMaskedLength));
    return checked;
}

core::Result<QList<Card>> orderCards(const QJsonValue& data, qint64 orderId)
{
    const QJsonValue items = data.toObject().value(u"items");
    if (!data.isObject() || !items.isArray())
        return makeError(ErrorCode::Parse, QStringLiteral("order.cards.items: expected an array"));
    const QJsonArray array = items.toArray();
    if (array.size() > kMaxOrderCards)
        return makeError(ErrorCode::Parse,
                         QStringLiteral("order.cards.items: more than %1 cards").arg(kMaxOrderCards));
    QList<Card> out;
    out.reserve(array.size());
    QSet<qint64> seen;
    for (const QJsonValue& v : array) {
        if (!v.isObject())
            return makeError(ErrorCode::Parse, QStringLiteral("order.cards.items: expected objects"));
        auto c = card(v.toObject());
        if (!c)
            return c.error();
        if (c->orderId != orderId)
            return makeError(ErrorCode::Parse,
                             QStringLiteral("card.order_id: %1 is not the order asked for (%2)")
                                 .arg(c->orderId)
                                 .arg(orderId));
        if (seen.contains(c->id))
            return makeError(ErrorCode::Parse, QStringLiteral("card.id: %1 is listed twice").arg(c->id));
        seen.insert(c->id);
        out.append(std::move(c).value());
    }
    return out;
}

core::Result<RevealedCard> revealedCard(const QJsonValue& data, qint64 cardId)
{
    if (!data.isObject())
        return makeError(ErrorCode::Parse, QStringLiteral("card reveal: expected an object"));
    const QJsonObject o = data.toObject();
    Reader r(o, "card reveal");
    RevealedCard c;
    c.id = r.id("id");
    c.orderId = r.id("order_id");
    c.secret = r.text("secret");
    auto checked = r.finish(std::move(c));
    if (!checked)
        return checked;
    if (checked->id != cardId)
        return makeError(
            ErrorCode::Parse,
            QStringLiteral("card reveal.id: %1 is not the card asked for (%2)").arg(checked->id).arg(cardId));
    if (checked->secret.isEmpty() || checked->secret.size() > kMaxSecretLength)
        return makeError(
            ErrorCode::Parse,
            QStringLiteral("card reveal.secret: expected 1-%1 characters").arg(kMaxSecretLength));
    return checked;
}

core::Result<core::TierLadder> tierLadder(const QJsonValue& data)
{
    const QJsonObject o = data.toObject();
    Reader r(o, "tiers");
    core::TierLadder ladder;
    ladder.version = r.id("version");
    const QJsonValue items = o.value(u"items");
    if (!data.isObject() || !items.isArray())
        return makeError(ErrorCode::Parse, QStringLiteral("tiers.items: expected an array"));
    for (const QJsonValue& v : items.toArray()) {
        const QJsonObject t = v.toObject();
        Reader tr(t, "tier");
        core::Tier tier;
        tier.id = tr.id("id");
        tier.name = tr.text("name");
        tier.rank = tr.integer("rank");
        auto discount = core::Rate::parse(tr.text("discount"));
        tier.commissionRates = tr.json("commission_rates", true);
        tier.upgrade = tr.json("upgrade", false);
        tier.version = tr.id("version");
        if (!discount)
            return makeError(ErrorCode::Parse,
                             QStringLiteral("tier.discount: expected a rate such as \"95%\""));
        tier.discount = discount.value();
        auto checked = tr.finish(std::move(tier));
        if (!checked)
            return checked.error();
        ladder.tiers.append(std::move(checked).value());
    }
    return r.finish(std::move(ladder));
}

core::Result<QList<core::DailyTotal>> dailyTotals(const QJsonValue& data)
{
    const QJsonValue items = data.toObject().value(u"items");
    if (!items.isArray())
        return makeError(ErrorCode::Parse, QStringLiteral("reports.daily.items: expected an array"));
    QList<core::DailyTotal> out;
    for (const QJsonValue& v : items.toArray()) {
        const QJsonObject o = v.toObject();
        Reader r(o, "daily");
        core::DailyTotal d;
        d.day = r.text("day");
        d.orders = r.integer("orders");
        d.gmv = r.money("gmv");
        d.refunds = r.money("refunds");
        d.commissions = r.money("commissions");
        auto checked = r.finish(std::move(d));
        if (!checked)
            return checked.error();
        out.append(std::move(checked).value());
    }
    return out;
}

core::Result<core::ShopInfo> shop(const QJsonValue& data)
{
    const QJsonObject o = data.toObject();
    Reader r(o, "shop");
    core::ShopInfo s;
    s.name = r.text("name");
    s.platformTime = r.id("platform_time");
    s.balance = r.money("balance");
    s.apiVersion = static_cast<int>(r.integer("api_version"));
    for (const QJsonValue& c : o.value(u"capabilities").toArray())
        s.capabilities.append(c.toString());
    // The fulfilment lease as it stands (an extension of protocols.md; absent on older platforms).
    if (const QJsonValue f = o.value(u"fulfilment"); !f.isUndefined()) {
        const QJsonObject fo = f.toObject(); // the reader keeps a reference
        Reader lease(fo, "shop.fulfilment");
        s.leaseHolder = lease.optionalText("holder");
        s.leaseExpiresAt = lease.optionalInteger("expires_at");
        if (!f.isObject())
            return makeError(ErrorCode::Parse, QStringLiteral("shop.fulfilment: not an object"));
        auto checked = lease.finish(0);
        if (!checked)
            return checked.error();
    }
    return r.finish(std::move(s));
}

} // namespace cardops::sync::platformjson
