// PlatformState: the write operations of the API (docs/platform-api.md §3), validated all-or-nothing.
#include "sim/data/jsonout.h"
#include "sim/data/platformstate.h"

#include <QJsonArray>
#include <algorithm>

namespace cardops::sim {

namespace {

ApiResult bad(const char* field)
{
    return ApiResult::error(400, 40000, QByteArray(field));
}

ApiResult notFound()
{
    return ApiResult::error(404, 40400, "not found");
}

ApiResult conflict(QByteArray current)
{
    return ApiResult::error(409, 40900, "version conflict", std::move(current));
}

bool readMoney(const QJsonValue& v, Money* out)
{
    if (!v.isString())
        return false;
    const auto parsed = Money::parse(v.toString());
    if (!parsed)
        return false;
    *out = *parsed;
    return true;
}

bool readInt(const QJsonValue& v, qint64* out)
{
    if (!v.isDouble())
        return false;
    const double d = v.toDouble();
    const qint64 i = v.toInteger();
    if (static_cast<double>(i) != d)
        return false;
    *out = i;
    return true;
}

bool readText(const QJsonValue& v, QByteArray* out, bool allowEmpty = false)
{
    if (!v.isString() || (!allowEmpty && v.toString().isEmpty()))
        return false;
    *out = v.toString().toUtf8();
    return true;
}

bool readOnOff(const QJsonValue& v, bool* on)
{
    if (v.toString() == u"on")
        *on = true;
    else if (v.toString() == u"off")
        *on = false;
    else
        return false;
    return true;
}

} // namespace

// ---- categories ---------------------------------------------------------------------------------

static ApiResult applyCategory(const QList<Category>& all, Category& c, const QJsonObject& body)
{
    for (auto it = body.begin(); it != body.end(); ++it) {
        const QString key = it.key();
        if (key == u"name") {
            if (!readText(it.value(), &c.name))
                return bad("name");
        } else if (key == u"parent_id") {
            qint64 p = 0;
            if (!readInt(it.value(), &p) || p < 0 || p > all.size() || p == c.id)
                return bad("parent_id");
            for (qint64 a = p, guard = 0; a > 0 && guard <= all.size(); a = all[a - 1].parentId, ++guard)
                if (a == c.id)
                    return bad("parent_id");
            c.parentId = p;
        } else if (key == u"sort") {
            if (!readInt(it.value(), &c.sort))
                return bad("sort");
        } else if (key == u"status") {
            if (!readOnOff(it.value(), &c.on))
                return bad("status");
        } else {
            return ApiResult::error(400, 40000, key.toUtf8());
        }
    }
    return ApiResult::ok({});
}

ApiResult PlatformState::createCategory(const QJsonObject& body)
{
    Category c;
    c.id = m_categories.size() + 1;
    if (!body.contains(u"name"))
        return bad("name");
    if (auto r = applyCategory(m_categories, c, body); !r.isOk())
        return r;
    c.version = 1;
    c.updatedAt = now();
    const auto index = static_cast<qint32>(m_categories.size());
    m_categories.append(c);
    commitPrepared(core::Feed::Categories, index);
    return ApiResult::ok(entityJson(core::Feed::Categories, index));
}

ApiResult PlatformState::patchCategory(qint64 id, qint64 ifMatch, const QJsonObject& body)
{
    if (id < 1 || id > m_categories.size())
        return notFound();
    const auto index = static_cast<qint32>(id - 1);
    if (m_categories[index].version != ifMatch)
        return conflict(entityJson(core::Feed::Categories, index));
    Category c = m_categories[index];
    if (auto r = applyCategory(m_categories, c, body); !r.isOk())
        return r;
    m_categories[index] = c;
    commitChange(core::Feed::Categories, index);
    return ApiResult::ok(entityJson(core::Feed::Categories, index));
}

// ---- goods --------------------------------------------------------------------------------------

static ApiResult applyGoods(const PlatformState& s, Goods& g, const QJsonObject& body, bool creating)
{
    for (auto it = body.begin(); it != body.end(); ++it) {
        const QString key = it.key();
        const QJsonValue v = it.value();
        const QByteArray field = key.toUtf8();
        auto fail = [&] {
            return ApiResult::error(400, 40000, field);
        };
        if (key == u"name") {
            if (!readText(v, &g.name))
                return fail();
        } else if (key == u"category_id") {
            if (!readInt(v, &g.categoryId) || g.categoryId < 1 || g.categoryId > s.categories().size())
                return fail();
        } else if (key == u"sort") {
            if (!readInt(v, &g.sort))
                return fail();
        } else if (key == u"price" || key == u"cost" || (creating && key == u"face_value")) {
            Money m;
            if (!readMoney(v, &m) || m.isNegative() || (key != u"cost" && m.isZero()))
                return fail();
            (key == u"price" ? g.price : key == u"cost" ? g.cost : g.faceValue) = m;
        } else if (key == u"tier_prices") {
            if (!v.isObject())
                return fail();
            g.tierPrices.clear();
            const QJsonObject o = v.toObject();
            for (auto t = o.begin(); t != o.end(); ++t) {
                bool okId = false;
                const qint64 tierId = t.key().toLongLong(&okId);
                Money m;
                if (!okId || tierId < 1 || !readMoney(t.value(), &m) || m <= Money())
                    return fail();
                g.tierPrices.append({tierId, m});
            }
        } else if (key == u"contract_prices") {
            if (!v.isArray())
                return fail();
            g.contractPrices.clear();
            for (const QJsonValue& e : v.toArray()) {
                ContractPrice c;
                if (!readInt(e[u"member_id"], &c.memberId) || c.memberId < 1 ||
                    c.memberId > s.members().size() || !readMoney(e[u"price"], &c.price) ||
                    c.price <= Money())
                    return fail();
                g.contractPrices.append(c);
            }
        } else if (key == u"status") {
            if (!readOnOff(v, &g.on))
                return fail();
        } else if (key == u"low_stock_threshold") {
            if (!readInt(v, &g.lowStockThreshold) || g.lowStockThreshold < 0)
                return fail();
        } else if (key == u"listing") {
            if (!v.isObject())
                return fail();
            const QJsonObject o = v.toObject();
            if (!readText(o[u"title"], &g.listing.title, true) ||
                !readText(o[u"spec"], &g.listing.spec, true) ||
                !readText(o[u"description"], &g.listing.description, true))
                return fail();
        } else if (key == u"fulfilment_owner") {
            if (v.toString() != u"platform" && v.toString() != u"cardops")
                return fail();
            g.ownerCardops = v.toString() == u"cardops";
        } else if (key == u"supplier_links") {
            if (!v.isArray())
                return fail();
            g.supplierLinks.clear();
            for (const QJsonValue& e : v.toArray()) {
                SupplierLink l;
                if (!readText(e[u"protocol"], &l.protocol) || !readText(e[u"product_ref"], &l.productRef) ||
                    !readInt(e[u"priority"], &l.priority))
                    return fail();
                g.supplierLinks.append(l);
            }
        } else if (creating && key == u"kind") {
            if (v.toString() != u"card" && v.toString() != u"direct")
                return fail();
            g.direct = v.toString() == u"direct";
        } else if (creating && (key == u"sku" || key == u"card_format" || key == u"card_separator")) {
            if (!readText(v,
                          key == u"sku"           ? &g.sku
                          : key == u"card_format" ? &g.cardFormat
                                                  : &g.cardSeparator,
                          key == u"card_separator"))
                return fail();
        } else {
            return fail();
        }
    }
    if (g.cost > g.price)
        return bad("cost");
    return ApiResult::ok({});
}

ApiResult PlatformState::createGoods(const QJsonObject& body)
{
    for (const char* required : {"name", "category_id", "kind", "face_value", "price"})
        if (!body.contains(QLatin1StringView(required)))
            return bad(required);
    Goods g;
    g.id = m_goods.size() + 1;
    g.cardFormat = "single";
    if (auto r = applyGoods(*this, g, body, true); !r.isOk())
        return r;
    if (g.sku.isEmpty())
        g.sku = "NEW-" + QByteArray::number(g.id);
    g.version = 1;
    g.updatedAt = now();
    const auto index = static_cast<qint32>(m_goods.size());
    m_goods.append(g);
    commitPrepared(core::Feed::Goods, index);
    return ApiResult::ok(entityJson(core::Feed::Goods, index));
}

ApiResult PlatformState::patchGoods(qint64 id, qint64 ifMatch, const QJsonObject& body)
{
    if (id < 1 || id > m_goods.size())
        return notFound();
    const auto index = static_cast<qint32>(id - 1);
    if (m_goods[index].version != ifMatch)
        return conflict(entityJson(core::Feed::Goods, index));
    Goods g = m_goods[index];
    if (auto r = applyGoods(*this, g, body, false); !r.isOk())
        return r;
    m_goods[index] = g;
    commitChange(core::Feed::Goods, index);
    return ApiResult::ok(entityJson(core::Feed::Goods, index));
}

// ---- members ------------------------------------------------------------------------------------

ApiResult PlatformState::patchMember(qint64 id, qint64 ifMatch, const QJsonObject& body)
{
    if (id < 1 || id > m_members.size())
        return notFound();
    const auto index = static_cast<qint32>(id - 1);
    if (m_members[index].version != ifMatch)
        return conflict(entityJson(core::Feed::Members, index));
    Member m = m_members[index];
    for (auto it = body.begin(); it != body.end(); ++it) {
        const QString key = it.key();
        if (key == u"tier_id") {
            qint64 t = 0;
            const bool known =
                readInt(it.value(), &t) &&
                std::any_of(m_tiers.cbegin(), m_tiers.cend(), [t](const Tier& x) { return x.id == t; });
            if (!known)
                return bad("tier_id");
            m.tierId = t;
        } else if (key == u"tags") {
            if (!it.value().isArray())
                return bad("tags");
            m.tags.clear();
            for (const QJsonValue& tag : it.value().toArray()) {
                QByteArray text;
                if (!readText(tag, &text))
                    return bad("tags");
                m.tags.append(text);
            }
        } else if (key == u"parent_id") {
            qint64 p = 0;
            if (!readInt(it.value(), &p) || p < 0 || p > m_members.size() || p == id)
                return bad("parent_id");
            for (qint64 a = p, guard = 0; a > 0 && guard <= m_members.size();
                 a = m_members[a - 1].parentId, ++guard)
                if (a == id)
                    return bad("parent_id"); // a cycle
            m.parentId = p;
        } else {
            return ApiResult::error(400, 40000, key.toUtf8());
        }
    }
    m_members[index] = m;
    commitChange(core::Feed::Members, index);
    return ApiResult::ok(entityJson(core::Feed::Members, index));
}

ApiResult PlatformState::adjustBalance(qint64 id, const QJsonObject& body)
{
    if (id < 1 || id > m_members.size())
        return notFound();
    const auto index = static_cast<qint32>(id - 1);
    Money amount;
    if (!readMoney(body[u"amount"], &amount) || amount.isZero() ||
        (m_members[index].balance + amount).isNegative())
        return bad("amount");
    QByteArray reason;
    if (!readText(body[u"reason"], &reason))
        return bad("reason");
    book(index, LedgerKind::Adjustment, amount, -1, now());
    return ApiResult::ok(entityJson(core::Feed::Members, index));
}

// ---- tiers --------------------------------------------------------------------------------------

ApiResult PlatformState::putTiers(qint64 ifMatch, const QJsonObject& body)
{
    if (ifMatch != m_tiersVersion)
        return conflict(tiersJson());
    const QJsonValue items = body[u"items"];
    if (!items.isArray() || items.toArray().isEmpty())
        return bad("items");
    QList<Tier> next;
    qint64 maxId = 0;
    for (const Tier& t : m_tiers)
        maxId = qMax(maxId, t.id);
    for (const QJsonValue& v : items.toArray()) {
        Tier t;
        if (v[u"id"].isDouble()) {
            if (!readInt(v[u"id"], &t.id) || t.id < 1)
                return bad("id");
        } else {
            t.id = ++maxId;
        }
        if (!readText(v[u"name"], &t.name))
            return bad("name");
        if (!readInt(v[u"rank"], &t.rank))
            return bad("rank");
        const auto discount = Rate::parse(v[u"discount"].toString());
        if (!v[u"discount"].isString() || !discount || discount->ppm() <= 0)
            return bad("discount");
        t.discount = *discount;
        if (!v[u"commission_rates"].isArray())
            return bad("commission_rates");
        for (const QJsonValue& r : v[u"commission_rates"].toArray()) {
            const auto rate = Rate::parse(r.toString());
            if (!r.isString() || !rate || rate->ppm() < 0)
                return bad("commission_rates");
            t.commissionRates.append(*rate);
        }
        const QJsonValue up = v[u"upgrade"];
        if (up.isObject() && (!readMoney(up[u"downline_gmv_30d"], &t.upgradeDownlineGmv30d) ||
                              !readMoney(up[u"own_gmv_30d"], &t.upgradeOwnGmv30d)))
            return bad("upgrade");
        t.version = 1;
        for (const Tier& old : m_tiers)
            if (old.id == t.id)
                t.version = old.version + 1;
        for (const Tier& seen : next)
            if (seen.id == t.id)
                return bad("id");
        next.append(t);
    }
    for (const Member& m : m_members)
        if (std::none_of(next.cbegin(), next.cend(), [&m](const Tier& t) { return t.id == m.tierId; }))
            return bad("items"); // a tier still in use cannot be removed
    m_tiers = next;
    ++m_tiersVersion;
    return ApiResult::ok(tiersJson());
}

// ---- withdrawals and the lease ------------------------------------------------------------------

ApiResult PlatformState::decideWithdrawal(qint64 id, bool approve)
{
    if (id < 1 || id > m_withdrawals.size())
        return notFound();
    const auto index = static_cast<qint32>(id - 1);
    Withdrawal& w = m_withdrawals[index];
    if (w.status != WithdrawalStatus::Pending)
        return conflict(entityJson(core::Feed::Withdrawals, index));
    w.status = approve ? WithdrawalStatus::Approved : WithdrawalStatus::Rejected;
    w.decidedAt = now();
    if (approve)
        book(static_cast<qint32>(w.memberId - 1), LedgerKind::Withdrawal, -w.amount, -1, w.decidedAt);
    commitChange(core::Feed::Withdrawals, index);
    return ApiResult::ok(entityJson(core::Feed::Withdrawals, index));
}

bool PlatformState::leaseHeldBy(QByteArrayView holder) const
{
    return !holder.isEmpty() && holder == m_leaseHolder && m_leaseExpiresAt > now();
}

ApiResult PlatformState::takeLease(const QJsonObject& body)
{
    QByteArray holder;
    if (!readText(body[u"holder"], &holder) || holder.size() > 128)
        return bad("holder");
    if (!m_leaseHolder.isEmpty() && m_leaseExpiresAt > now() && m_leaseHolder != holder)
        return ApiResult::error(409, 40901, "lease held by another",
                                json::leaseJson(m_leaseHolder, m_leaseExpiresAt));
    m_leaseHolder = holder;
    m_leaseExpiresAt = now() + m_leaseTtl;
    return ApiResult::ok(json::leaseJson(m_leaseHolder, m_leaseExpiresAt));
}

ApiResult PlatformState::releaseLease(const QJsonObject& body)
{
    QByteArray holder;
    if (!readText(body[u"holder"], &holder))
        return bad("holder");
    if (!m_leaseHolder.isEmpty() && m_leaseExpiresAt > now() && m_leaseHolder != holder)
        return ApiResult::error(409, 40901, "lease held by another",
                                json::leaseJson(m_leaseHolder, m_leaseExpiresAt));
    m_leaseHolder.clear();
    m_leaseExpiresAt = 0;
    return ApiResult::ok(json::leaseJson({}, 0));
}

} // namespace cardops::sim
