// POST /v1/goods and PATCH /v1/goods/{id} as acg-faka's admin saves a goods (acg-faka-model.md §2.9
// "Goods create / edit", §4.3, §2.8 docked goods).
#include "bridge/goodsedits.h"

#include "bridge/acgconvert.h"
#include "bridge/bridgedb.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>

namespace cardops::bridge {

using namespace Qt::StringLiterals;
using sim::ApiResult;
using namespace edits;

namespace {

core::Error dbError(const QString& what)
{
    return core::makeError(core::ErrorCode::Io, what);
}

QString textOf(const QSqlQuery& q, int i)
{
    return q.value(i).isNull() ? QString() : q.value(i).toString();
}

core::Money moneyOf(const QSqlQuery& q, int i)
{
    return acg::money(textOf(q, i)).value_or(core::Money());
}

// The locked goods row: what a PATCH compares with and the docked-goods rules read.
struct GoodsRow
{
    qint64 categoryId = 0;
    qint64 sort = 0;
    QString name;
    QString description;
    core::Money cost;
    core::Money price;
    core::Money userPrice;
    int status = 1; // a new goods is on sale unless the request says "off" (as the simulator)
    int deliveryWay = 0;
    bool docked = false;
    bool sharedSync = false;
    bool levelDisable = false;
    QJsonObject levelPrice;
    QJsonObject served; // the served entity (its read-only lists)
};

using Sets = QList<QPair<QString, QVariant>>;

// Whether acg_commodity has shared_sync (real acg-faka 3.6.0 has; a shop without it is treated as
// syncing, the safe side: prices of docked goods are then never written).
core::Result<bool> hasSharedSync(BridgeDb& db)
{
    const QString table = db.acg("commodity").mid(1).chopped(1);
    auto q = db.run(u"SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND "
                    "TABLE_NAME = ? AND COLUMN_NAME = 'shared_sync'"_s,
                    {table});
    if (!q)
        return q.error();
    return q.value().next() && q.value().value(0).toLongLong() > 0;
}

core::Result<std::optional<GoodsRow>> lockGoods(BridgeDb& db, qint64 id)
{
    auto sync = hasSharedSync(db);
    if (!sync)
        return sync.error();
    auto q = db.run(
        u"SELECT `category_id`, `name`, `description`, CAST(`factory_price` AS CHAR), CAST(`price` AS CHAR), "
        "CAST(`user_price` AS CHAR), `status`, `delivery_way`, `sort`, `shared_id`, `level_price`, "
        "`level_disable`, %2 FROM %1 WHERE `id` = ? AND `owner` = 0 FOR UPDATE"_s.arg(
            db.acg("commodity"), sync.value() ? u"`shared_sync`"_s : u"1"_s),
        {id});
    if (!q)
        return q.error();
    QSqlQuery& r = q.value();
    if (!r.next())
        return std::optional<GoodsRow>();
    GoodsRow g;
    g.categoryId = r.value(0).toLongLong();
    g.name = textOf(r, 1);
    g.description = textOf(r, 2);
    g.cost = moneyOf(r, 3);
    g.price = moneyOf(r, 4);
    g.userPrice = moneyOf(r, 5);
    g.status = r.value(6).toInt();
    g.deliveryWay = r.value(7).toInt();
    g.sort = r.value(8).toLongLong();
    g.docked = !r.value(9).isNull();
    g.levelPrice = QJsonDocument::fromJson(textOf(r, 10).toUtf8()).object();
    g.levelDisable = r.value(11).toInt() == 1;
    g.sharedSync = r.value(12).toInt() == 1;
    return std::optional<GoodsRow>(g);
}

core::Result<acg::TierRow> tierRow(BridgeDb& db, qint64 tier, bool* found)
{
    auto q = db.run(u"SELECT CAST(`recharge` AS CHAR), `discount_config` FROM %1 WHERE `id` = ?"_s.arg(
                        db.acg("user_group")),
                    {tier});
    if (!q)
        return q.error();
    acg::TierRow t;
    t.id = tier;
    *found = q.value().next();
    if (!*found)
        return t;
    t.threshold = moneyOf(q.value(), 0);
    const QJsonObject d = QJsonDocument::fromJson(textOf(q.value(), 1).toUtf8()).object();
    for (auto it = d.begin(); it != d.end(); ++it)
        t.discounts.append({it.key().toLongLong(), it.value().isString()
                                                       ? it.value().toString()
                                                       : QString::number(it.value().toDouble(), 'f', 2)});
    std::sort(t.discounts.begin(), t.discounts.end());
    return t;
}

core::Result<QList<qint64>> groupsOf(BridgeDb& db, qint64 goods)
{
    auto q = db.run(u"SELECT `id`, `commodity_list` FROM %1 ORDER BY `id`"_s.arg(db.acg("commodity_group")));
    if (!q)
        return q.error();
    QList<qint64> out;
    while (q.value().next())
        for (const QJsonValue& v : QJsonDocument::fromJson(textOf(q.value(), 1).toUtf8()).array())
            if ((v.isString() ? v.toString().toLongLong() : v.toInteger()) == goods && goods > 0)
                out << q.value().value(0).toLongLong();
    return out;
}

std::optional<core::Money> levelAmount(const QJsonObject& levelPrice, qint64 tier)
{
    const QJsonValue amount = levelPrice.value(QString::number(tier)).toObject().value(u"amount");
    if (amount.isString())
        return acg::money(amount.toString());
    if (amount.isDouble())
        return acg::money(QString::number(amount.toDouble(), 'f', 2));
    return std::nullopt;
}

// §4.3: a tier price is written as level_price[tier].amount, which acg applies only below user_price
// and then still discounts by the tier's goods-group discount. Exact when the price acg will compute
// afterwards (§2.4, quantity 1) is the requested one; anything else is refused (412).
core::Result<ApiResult> planTierPrices(BridgeDb& db, qint64 goodsId, const QJsonObject& wanted,
                                       GoodsRow& next)
{
    auto groups = groupsOf(db, goodsId);
    if (!groups)
        return groups.error();
    for (auto it = wanted.begin(); it != wanted.end(); ++it) {
        bool okId = false;
        const qint64 tierId = it.key().toLongLong(&okId);
        bool found = false;
        auto tier =
            okId && tierId > 0 ? tierRow(db, tierId, &found) : core::Result<acg::TierRow>(acg::TierRow{});
        if (!tier)
            return tier.error();
        const auto price = requestMoney(it.value(), false, kMaxPrice);
        if (!found || !price)
            return badField("tier_prices");
        const auto computed = [&](std::optional<core::Money> amount) {
            return acg::tierUnitPrice(next.userPrice, amount, next.levelDisable, tier.value(),
                                      groups.value());
        };
        if (computed(levelAmount(next.levelPrice, tierId)) == *price)
            continue;
        const std::optional<core::Money> amount =
            *price == next.userPrice ? std::nullopt : std::optional<core::Money>(*price);
        if (computed(amount) != *price)
            return preconditionFailed("tier_prices: tier " + QByteArray::number(tierId) +
                                      ": acg-faka cannot charge exactly this price (it applies a tier price "
                                      "only below the member price, then the tier's goods-group discount)");
        QJsonObject entry = next.levelPrice.value(it.key()).toObject();
        entry.insert(u"amount"_s, amount ? acgText(*amount) : u"0.00"_s);
        next.levelPrice.insert(it.key(), entry);
    }
    return ApiResult::ok({});
}

// Validates the body against the simulator's fields (§4.3 mapping) and fills `next` (a copy of the
// locked row, or the defaults of a new goods). The first bad field is named, as the simulator does.
core::Result<ApiResult> readGoods(BridgeDb& db, const QJsonObject& body, bool creating, qint64 goodsId,
                                  GoodsRow& next)
{
    std::optional<QString> title;
    for (auto it = body.begin(); it != body.end(); ++it) {
        const QString key = it.key();
        const QJsonValue v = it.value();
        const QByteArray field = key.toUtf8().left(64);
        qint64 n = 0;
        if (key == u"name") {
            if (!v.isString() || v.toString().trimmed().isEmpty() || v.toString().size() > 255)
                return badField(field);
            next.name = v.toString();
        } else if (key == u"listing") {
            const QJsonObject o = v.toObject();
            if (!v.isObject())
                return badField(field);
            for (auto l = o.begin(); l != o.end(); ++l) {
                const QByteArray sub = "listing." + l.key().toUtf8().left(32);
                if (!l.value().isString())
                    return badField(sub);
                const QString text = l.value().toString();
                if (l.key() == u"title" && !text.trimmed().isEmpty() && text.size() <= 255)
                    title = text;
                else if (l.key() == u"description" && text.toUtf8().size() <= 65535)
                    next.description = text;
                else if (l.key() == u"spec" && !text.isEmpty())
                    return unsupported("listing.spec (acg-faka has no spec column)");
                else if (l.key() != u"spec")
                    return badField(sub);
            }
        } else if (key == u"category_id") {
            if (!requestInt(v, &n) || n < 1 || n > 4294967295LL)
                return badField(field);
            next.categoryId = n;
        } else if (key == u"sort") {
            if (!requestInt(v, &n) || n < 0 || n > 65535)
                return badField(field);
            next.sort = n;
        } else if (key == u"price" || key == u"member_price" || key == u"cost") {
            const auto m = requestMoney(v, key == u"cost", kMaxPrice);
            if (!m)
                return badField(field);
            (key == u"price" ? next.price : key == u"cost" ? next.cost : next.userPrice) = *m;
        } else if (key == u"status") {
            if (v.toString() != u"on" && v.toString() != u"off")
                return badField(field);
            next.status = v.toString() == u"on" ? 1 : 0;
        } else if (key == u"fulfilment_owner") {
            if (v.toString() != u"platform" && v.toString() != u"cardops")
                return badField(field);
            next.deliveryWay = v.toString() == u"cardops" ? 1 : 0;
        } else if (key == u"tier_prices") {
            if (!v.isObject())
                return badField(field);
        } else if (key == u"contract_prices" || key == u"supplier_links" || key == u"low_stock_threshold") {
            // Served read-only (acg has no such data): only the served value itself is accepted.
            if (v != next.served.value(key))
                return unsupported(field);
        } else if (creating && key == u"kind") {
            if (v.toString() == u"direct")
                return unsupported("kind direct");
            if (v.toString() != u"card")
                return badField(field);
        } else if (creating && key == u"face_value") {
            if (!requestMoney(v, true, kMaxPrice))
                return badField(field);
        } else if (creating && key == u"card_format") {
            if (!v.isString())
                return badField(field);
            if (v.toString() != u"single")
                return unsupported("card_format " + v.toString().toUtf8().left(32));
        } else if (creating && key == u"card_separator") {
            if (!v.isString())
                return badField(field);
            if (!v.toString().isEmpty())
                return unsupported(field);
        } else if (creating && key == u"sku") {
            return unsupported("sku (acg-faka generates the goods code)");
        } else {
            return badField(field);
        }
    }
    if (title) {
        if (body.contains(u"name") && next.name != *title)
            return badField("listing");
        next.name = *title;
    }
    if (creating && !body.contains(u"member_price"))
        next.userPrice = next.price;
    if ((body.contains(u"cost") || body.contains(u"price")) && next.cost > next.price)
        return badField("cost");
    if (body.contains(u"tier_prices"))
        return planTierPrices(db, goodsId, body.value(u"tier_prices").toObject(), next);
    return ApiResult::ok({});
}

// The columns that differ between the locked row and the edited one; refusals of §2.8 and §4.3.
core::Result<ApiResult> goodsSets(BridgeDb& db, const GoodsRow& row, const GoodsRow& next, bool creating,
                                  Sets* sets)
{
    if (creating || next.categoryId != row.categoryId) {
        // acg: the category row is locked too when the goods changes category (after the goods row).
        auto c =
            db.run(u"SELECT `id` FROM %1 WHERE `id` = ? AND `owner` = 0 FOR UPDATE"_s.arg(db.acg("category")),
                   {next.categoryId});
        if (!c)
            return c.error();
        if (!c.value().next())
            return badField("category_id");
        sets->append({u"category_id"_s, next.categoryId});
    }
    const auto money = [&](const char* column, const char* field, core::Money was, core::Money is) {
        if (creating || was != is)
            sets->append({QString::fromLatin1(column), acgText(is)});
        return row.docked && row.sharedSync && was != is ? QByteArray(field) : QByteArray();
    };
    QByteArray synced;
    for (const QByteArray& f : {money("price", "price", row.price, next.price),
                                money("user_price", "member_price", row.userPrice, next.userPrice),
                                money("factory_price", "cost", row.cost, next.cost)})
        synced = synced.isEmpty() ? f : synced;
    if (synced.isEmpty() && row.docked && row.sharedSync && next.levelPrice != row.levelPrice)
        synced = "tier_prices";
    if (!synced.isEmpty())
        return preconditionFailed(synced + ": docked goods with shared_sync = 1: acg-faka overwrites it from "
                                           "the upstream shop");
    if (next.deliveryWay != row.deliveryWay) {
        if (row.docked)
            return preconditionFailed("fulfilment_owner: docked goods are delivered by the upstream shop");
        sets->append({u"delivery_way"_s, next.deliveryWay});
    }
    if (creating || next.name != row.name)
        sets->append({u"name"_s, next.name});
    if (next.description != row.description)
        sets->append({u"description"_s, next.description});
    if (creating || next.sort != row.sort)
        sets->append({u"sort"_s, next.sort});
    if (creating || next.status != row.status)
        sets->append({u"status"_s, next.status});
    if (next.levelPrice != row.levelPrice)
        sets->append({u"level_price"_s,
                      QString::fromUtf8(QJsonDocument(next.levelPrice).toJson(QJsonDocument::Compact))});
    return ApiResult::ok({});
}

QJsonObject auditDetail(const QJsonObject& body, const Sets& sets)
{
    QJsonArray columns;
    for (const auto& s : sets)
        columns.append(s.first);
    return {{u"request"_s, body}, {u"columns"_s, columns}};
}

} // namespace

ApiResult patchGoods(ApiCall& call)
{
    const qint64 id = call.id(3);
    GoodsRow row;
    const auto lock = [&]() -> core::Result<ApiResult> {
        auto locked = lockGoods(call.db, id);
        if (!locked)
            return locked.error();
        if (!locked.value())
            return notFound();
        row = *locked.value();
        return ApiResult::ok({});
    };
    const auto apply = [&]() -> core::Result<ApiResult> {
        auto served = entityNow(call.db, "goods", id);
        if (!served)
            return served.error();
        row.served = served.value().value_or(QJsonObject());
        GoodsRow next = row;
        auto read = readGoods(call.db, call.body, false, id, next);
        if (!read || !read.value().isOk())
            return read;
        Sets sets;
        auto planned = goodsSets(call.db, row, next, false, &sets);
        if (!planned || !planned.value().isOk())
            return planned;
        if (!sets.isEmpty()) {
            QStringList assigns;
            QVariantList params;
            for (const auto& s : std::as_const(sets)) {
                assigns << u'`' + s.first + u"` = ?"_s;
                params << s.second;
            }
            params << id;
            auto q = call.db.run(u"UPDATE %1 SET %2 WHERE `id` = ? AND `owner` = 0"_s.arg(
                                     call.db.acg("commodity"), assigns.join(u", ")),
                                 params);
            if (!q)
                return q.error();
            if (q.value().numRowsAffected() > 1)
                return dbError(u"goods update touched more than one row"_s);
        }
        if (auto a = audit(call, u"goods.patch"_s, u"goods"_s, id, auditDetail(call.body, sets)); !a)
            return a.error();
        return ApiResult::ok({});
    };
    return versionedEdit(call, "goods", id, lock, apply);
}

ApiResult createGoods(ApiCall& call)
{
    if (!call.body.contains(u"name") && !call.body.value(u"listing").toObject().contains(u"title"))
        return badField("name");
    for (const char* required : {"category_id", "price"})
        if (!call.body.contains(QLatin1StringView(required)))
            return badField(required);
    return postWrite(call, "goods", [&call](qint64* id) -> core::Result<ApiResult> {
        GoodsRow row;
        row.served = QJsonObject{{u"contract_prices"_s, QJsonArray()},
                                 {u"supplier_links"_s, QJsonArray()},
                                 {u"low_stock_threshold"_s, 0}};
        GoodsRow next = row;
        auto read = readGoods(call.db, call.body, true, 0, next);
        if (!read || !read.value().isOk())
            return read;
        Sets sets;
        auto planned = goodsSets(call.db, row, next, true, &sets);
        if (!planned || !planned.value().isOk())
            return planned;
        // §2.9: owner 0, code = 16 random upper-case hex (UNIQUE: a collision draws again),
        // create_time = now as Asia/Shanghai text.
        QStringList columns{u"`owner`"_s, u"`code`"_s, u"`create_time`"_s};
        QStringList marks{u"0"_s, u"?"_s, u"?"_s};
        QVariantList params{QString(), shanghaiText(call.now)};
        for (const auto& s : std::as_const(sets)) {
            columns << u'`' + s.first + u'`';
            marks << u"?"_s;
            params << s.second;
        }
        for (int attempt = 0;; ++attempt) {
            params[0] = QString::number(QRandomGenerator::system()->generate64(), 16)
                            .toUpper()
                            .rightJustified(16, u'0');
            auto q = call.db.run(u"INSERT INTO %1 (%2) VALUES (%3)"_s.arg(
                                     call.db.acg("commodity"), columns.join(u", "), marks.join(u", ")),
                                 params);
            if (q) {
                *id = q.value().lastInsertId().toLongLong();
                break;
            }
            if (attempt >= 2 || !q.error().detail.contains(u"[1062]"_s))
                return q.error();
        }
        if (auto a = audit(call, u"goods.create"_s, u"goods"_s, *id, auditDetail(call.body, sets)); !a)
            return a.error();
        return ApiResult::ok({});
    });
}

} // namespace cardops::bridge
