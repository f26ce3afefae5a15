#include "bridge/cardwrites.h"

#include "bridge/acgconvert.h"
#include "bridge/bridgedb.h"
#include "core/cardimport.h"
#include "sim/data/cardstore.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <algorithm>

namespace cardops::bridge::cards {

using namespace Qt::StringLiterals;
using sim::ApiResult;

namespace {

constexpr qint64 kMaxAcgId = 4'294'967'295; // INT UNSIGNED

// A JSON number that is an integer ≥ 0 (exact: a double above 2^53 is refused).
bool readCount(const QJsonValue& v, qint64* out)
{
    if (!v.isDouble())
        return false;
    const double d = v.toDouble();
    if (d < 0 || d > 9007199254740992.0 || static_cast<double>(static_cast<qint64>(d)) != d)
        return false;
    *out = static_cast<qint64>(d);
    return true;
}

QString marks(qsizetype n)
{
    return QStringList(n, u"?"_s).join(u',');
}

QString textAt(const QSqlQuery& q, int i)
{
    return q.value(i).isNull() ? QString() : q.value(i).toString();
}

// acg's status and order_id as the API's status.
QString statusName(int status, qint64 orderId)
{
    switch (status) {
    case 0:
        return u"available"_s;
    case 2:
        return u"locked"_s;
    default:
        return orderId > 0 ? u"sold"_s : u"void"_s;
    }
}

QJsonObject cardJson(qint64 id, const QString& status, const QString& secret, qint64 orderId,
                     qint64 createdAt)
{
    return QJsonObject{{u"id"_s, id},        {u"status"_s, status},    {u"masked"_s, maskedOf(secret)},
                       {u"expires_at"_s, 0}, {u"order_id"_s, orderId}, {u"created_at"_s, createdAt}};
}

// The main-shop order a card line id (or order id) names, and the card texts it delivered without
// acg_card rows: manual or docked goods, paid and delivered, `secret` split by lines.
struct DeliveredText
{
    bool exists = false;
    qint64 goodsId = 0;
    qint64 paidAt = 0;
    qint64 cardRows = 0; // acg_card rows sold with the order
    QStringList lines;   // empty when cardRows > 0 or nothing was delivered as text
};

core::Result<DeliveredText> deliveredText(BridgeDb& db, qint64 orderId)
{
    DeliveredText d;
    if (orderId < 1 || orderId > kMaxAcgId)
        return d;
    auto o = db.run(u"SELECT o.`commodity_id`, o.`status`, o.`delivery_status`, o.`secret`, "
                    "CAST(o.`pay_time` AS CHAR), c.`delivery_way`, c.`shared_id`, c.`id` FROM %1 o "
                    "LEFT JOIN %2 c ON c.`id` = o.`commodity_id` WHERE o.`id` = ? AND o.`user_id` = 0"_s.arg(
                        db.acg("order"), db.acg("commodity")),
                    {orderId});
    if (!o)
        return o.error();
    QSqlQuery& r = o.value();
    if (!r.next())
        return d;
    d.exists = true;
    d.goodsId = r.value(0).toLongLong();
    d.paidAt = acg::shanghaiToUnix(textAt(r, 4));
    const bool delivered = r.value(1).toInt() == 1 && r.value(2).toInt() == 1;
    const bool goodsExists = !r.value(7).isNull();
    const bool textGoods = goodsExists && (r.value(5).toInt() == 1 || !r.value(6).isNull());
    const QString secret = textAt(r, 3);
    auto n = db.run(u"SELECT COUNT(*) FROM %1 WHERE `order_id` = ? AND `owner` = 0"_s.arg(db.acg("card")),
                    {orderId});
    if (!n)
        return n.error();
    d.cardRows = n.value().next() ? n.value().value(0).toLongLong() : 0;
    if (d.cardRows > 0 || !delivered || !textGoods)
        return d;
    for (const QString& line : secret.split(u'\n')) {
        const QString t = line.trimmed();
        if (!t.isEmpty() && d.lines.size() < kLinesPerOrder)
            d.lines << t;
    }
    return d;
}

// Why a line of an upload cannot be a card ("" = it can), in the simulator's order of checks.
QByteArray lineProblem(const QJsonValue& line, QString* secret)
{
    const QJsonObject o = line.toObject();
    const QJsonValue text = o.value(u"secret");
    if (!line.isObject() || !text.isString() || text.toString().isEmpty())
        return "secret";
    const QJsonValue expires = o.value(u"expires_at");
    if (!expires.isUndefined() && !expires.isNull()) {
        qint64 at = 0;
        if (!readCount(expires, &at))
            return "expires_at";
        if (at != 0)
            return "expires_at_unsupported"; // acg cards never expire
    }
    const QJsonValue loop = o.value(u"loop");
    if (!loop.isUndefined() && !loop.isNull()) {
        if (!loop.isBool())
            return "loop";
        if (loop.toBool())
            return "loop_unsupported"; // acg has no 循环卡密
    }
    // One card of the `single` format exactly as CardOps normalises it (core::CardImport).
    const QString s = text.toString();
    const core::CardImportPreview p = core::CardImport(core::CardFormat()).previewText(s);
    if (p.lines != 1 || p.newSecrets.size() != 1 || p.newSecrets.constFirst() != s)
        return "format";
    if (s.toUcs4().size() > kMaxSecretLength)
        return "too_long";
    // acg's admin sanitises HTML in imports and its buyer pages trust imported texts (§2.9).
    if (s.contains(u'<') || s.contains(u'>'))
        return "markup";
    *secret = s;
    return {};
}

// Main-shop cards with exactly these texts (acg's column compares case-insensitively; a card text
// is opaque, so only an exact match counts), the oldest id of each.
core::Result<QHash<QString, qint64>> existingTexts(BridgeDb& db, const QStringList& secrets)
{
    QHash<QString, qint64> out;
    for (qsizetype from = 0; from < secrets.size(); from += 500) {
        const QStringList part = secrets.mid(from, 500);
        QVariantList params;
        for (const QString& s : part)
            params << s;
        auto q = db.run(
            u"SELECT `id`, `secret` FROM %1 WHERE `owner` = 0 AND `secret` IN (%2) ORDER BY `id`"_s.arg(
                db.acg("card"), marks(part.size())),
            params);
        if (!q)
            return q.error();
        while (q.value().next()) {
            const QString text = q.value().value(1).toString();
            if (!out.contains(text) && part.contains(text))
                out.insert(text, q.value().value(0).toLongLong());
        }
    }
    return out;
}

QString auditAction(Change what)
{
    return what == Change::Lock ? u"card.lock"_s : what == Change::Unlock ? u"card.unlock"_s : u"card.void"_s;
}

} // namespace

QString shanghaiDateTime(qint64 unixSeconds)
{
    return QDateTime::fromSecsSinceEpoch(unixSeconds + 8 * 3600, Qt::UTC).toString(u"yyyy-MM-dd HH:mm:ss"_s);
}

bool isVariantConfig(const QString& config)
{
    QString section;
    for (const QString& raw : config.split(u'\n')) {
        const QString line = raw.trimmed();
        if (line.startsWith(u'[') && line.endsWith(u']')) {
            section = line.mid(1, line.size() - 2).trimmed();
            continue;
        }
        if (line.isEmpty() || line.startsWith(u';') || line.startsWith(u'#'))
            continue;
        if ((section == u"category" || section == u"sku") && line.contains(u'='))
            return true;
    }
    return false;
}

QString maskedOf(const QString& secret)
{
    return QString::fromUtf8(sim::CardStore::mask(secret.toUtf8(), {}));
}

ApiResult list(ApiCall& call)
{
    qint64 cursor = 0;
    qint64 limit = 0;
    if (auto page = sim::readCardPage(call.request.rawQuery, &cursor, &limit); !page.isOk())
        return page;
    BridgeDb& db = call.db;
    const qint64 goodsId = call.id(3);
    auto g = db.run(u"SELECT `owner` FROM %1 WHERE `id` = ?"_s.arg(db.acg("commodity")), {goodsId});
    if (!g)
        return ApiResult::error(500, 50000, "platform fault: database");
    if (!g.value().next() || g.value().value(0).toLongLong() != 0)
        return notFound();
    auto q = db.run(
        u"SELECT `id`, `status`, `order_id`, `secret`, CAST(`create_time` AS CHAR) FROM %1 "
        "WHERE `commodity_id` = ? AND `owner` = 0 AND `id` > ? ORDER BY `id` LIMIT %2"_s.arg(db.acg("card"))
            .arg(limit + 1),
        {goodsId, cursor});
    if (!q)
        return ApiResult::error(500, 50000, "platform fault: database");
    QJsonArray items;
    qint64 next = cursor;
    bool hasMore = false;
    while (q.value().next()) {
        const QSqlQuery& r = q.value();
        if (items.size() == limit) {
            hasMore = true;
            break;
        }
        const qint64 id = r.value(0).toLongLong();
        const qint64 orderId = r.value(2).toLongLong();
        const QString secret = r.value(3).toString();
        QJsonObject c = cardJson(id, statusName(r.value(1).toInt(), orderId), secret, orderId,
                                 acg::shanghaiToUnix(textAt(r, 4)));
        c.insert(u"loop"_s, false);
        c.insert(u"fingerprint"_s, QString::fromLatin1(core::cardFingerprint(secret).toHex()));
        items.append(c);
        next = id;
    }
    return okObject(QJsonObject{
        {u"items"_s, items}, {u"next_cursor"_s, QString::number(next)}, {u"has_more"_s, hasMore}});
}

ApiResult upload(ApiCall& call)
{
    const qint64 goodsId = call.id(3);
    return inTransaction(call, [&call, goodsId]() -> core::Result<ApiResult> {
        BridgeDb& db = call.db;
        // acg's lock order: the goods row first (§2.0).
        auto g = db.run(u"SELECT `owner`, `delivery_way`, `shared_id`, `config` FROM %1 WHERE `id` = ? "
                        "FOR UPDATE"_s.arg(db.acg("commodity")),
                        {goodsId});
        if (!g)
            return g.error();
        QSqlQuery& goods = g.value();
        if (!goods.next() || goods.value(0).toLongLong() != 0)
            return notFound();
        if (goods.value(1).toInt() != 0 || !goods.value(2).isNull())
            return badField("kind"); // manual goods deliver from CardOps, docked goods from upstream
        if (isVariantConfig(textAt(goods, 3)))
            return unsupported("cards of variant goods (races or SKUs)");
        const QJsonValue cardsValue = call.body.value(u"cards");
        const QJsonArray lines = cardsValue.toArray();
        if (!cardsValue.isArray() || lines.isEmpty() || lines.size() > kMaxUploadLines)
            return badField("cards");
        QList<QString> secrets(lines.size());
        QList<QByteArray> problems(lines.size());
        QStringList valid;
        for (qsizetype i = 0; i < lines.size(); ++i) {
            problems[i] = lineProblem(lines[i], &secrets[i]);
            if (problems[i].isEmpty())
                valid << secrets[i];
        }
        auto held = existingTexts(db, valid);
        if (!held)
            return held.error();
        QHash<QString, qint64> known = std::move(held).value();
        const QString created = shanghaiDateTime(call.now);
        qint64 counts[3] = {0, 0, 0}; // added, duplicate, invalid
        QJsonArray items;
        for (qsizetype i = 0; i < lines.size(); ++i) {
            QJsonObject item{{u"line"_s, i + 1}};
            if (!problems[i].isEmpty()) {
                ++counts[2];
                item.insert(u"result"_s, u"invalid"_s);
                item.insert(u"reason"_s, QString::fromLatin1(problems[i]));
            } else if (const auto it = known.constFind(secrets[i]); it != known.cend()) {
                ++counts[1];
                item.insert(u"result"_s, u"duplicate"_s);
                item.insert(u"id"_s, it.value());
            } else {
                auto ins =
                    db.run(u"INSERT INTO %1 (`owner`, `commodity_id`, `secret`, `create_time`, `status`, "
                           "`sku`) VALUES (0, ?, ?, ?, 0, '[]')"_s.arg(db.acg("card")),
                           {goodsId, secrets[i], created});
                if (!ins)
                    return ins.error();
                const qint64 id = ins.value().lastInsertId().toLongLong();
                if (id < 1)
                    return core::makeError(core::ErrorCode::Io, u"card insert: no id"_s);
                known.insert(secrets[i], id);
                ++counts[0];
                item.insert(u"result"_s, u"added"_s);
                item.insert(u"id"_s, id);
            }
            items.append(item);
        }
        auto stock =
            db.run(u"SELECT COUNT(*) FROM %1 WHERE `commodity_id` = ? AND `status` = 0"_s.arg(db.acg("card")),
                   {goodsId});
        if (!stock)
            return stock.error();
        const qint64 available = stock.value().next() ? stock.value().value(0).toLongLong() : 0;
        if (auto a = audit(call, u"card.import"_s, u"goods"_s, goodsId,
                           QJsonObject{{u"lines"_s, lines.size()},
                                       {u"added"_s, counts[0]},
                                       {u"duplicate"_s, counts[1]},
                                       {u"invalid"_s, counts[2]}});
            !a)
            return a.error();
        return okObject(QJsonObject{{u"goods_id"_s, goodsId},
                                    {u"added"_s, counts[0]},
                                    {u"duplicate"_s, counts[1]},
                                    {u"invalid"_s, counts[2]},
                                    {u"stock_available"_s, available},
                                    {u"items"_s, items}});
    });
}

ApiResult reveal(ApiCall& call)
{
    const qint64 cardId = call.id(3);
    return inTransaction(call, [&call, cardId]() -> core::Result<ApiResult> {
        BridgeDb& db = call.db;
        qint64 goodsId = 0;
        qint64 orderId = 0;
        QString secret;
        if (cardId <= kMaxAcgId) {
            auto q = db.run(
                u"SELECT `commodity_id`, `order_id`, `secret` FROM %1 WHERE `id` = ? AND `owner` = 0"_s.arg(
                    db.acg("card")),
                {cardId});
            if (!q)
                return q.error();
            if (!q.value().next())
                return notFound();
            goodsId = q.value().value(0).toLongLong();
            orderId = q.value().value(1).toLongLong();
            secret = q.value().value(2).toString();
        } else {
            const qint64 rest = cardId - kOrderLineBase;
            if (rest < kLinesPerOrder)
                return notFound();
            auto d = deliveredText(db, rest / kLinesPerOrder);
            if (!d)
                return d.error();
            if (rest % kLinesPerOrder >= d.value().lines.size())
                return notFound();
            goodsId = d.value().goodsId;
            orderId = rest / kLinesPerOrder;
            secret = d.value().lines[rest % kLinesPerOrder];
        }
        // The audit names the card, never its text.
        if (auto a = audit(call, u"card.reveal"_s, u"card"_s, cardId,
                           QJsonObject{{u"goods_id"_s, goodsId}, {u"order_id"_s, orderId}});
            !a)
            return a.error();
        return okObject(QJsonObject{
            {u"id"_s, cardId}, {u"secret"_s, secret}, {u"order_id"_s, orderId}, {u"goods_id"_s, goodsId}});
    });
}

ApiResult change(ApiCall& call, Change what)
{
    const QJsonValue idsValue = call.body.value(u"ids");
    const QJsonArray array = idsValue.toArray();
    if (!idsValue.isArray() || array.isEmpty() || array.size() > kMaxChangeIds)
        return badField("ids");
    QList<qint64> ids;
    ids.reserve(array.size());
    for (const QJsonValue& v : array) {
        qint64 id = 0;
        if (!readCount(v, &id) || id < 1)
            return badField("ids");
        ids << id;
    }
    return inTransaction(call, [&call, &ids, what]() -> core::Result<ApiResult> {
        BridgeDb& db = call.db;
        QVariantList acgIds;
        for (qint64 id : std::as_const(ids))
            if (id <= kMaxAcgId && !acgIds.contains(id))
                acgIds << id;
        struct Row
        {
            qint64 goodsId = 0;
            int status = 0;
            qint64 orderId = 0;
        };
        QHash<qint64, Row> rows;
        if (!acgIds.isEmpty()) {
            // acg's lock order: the goods rows (ascending), then the cards; states re-read locked.
            auto goods =
                db.run(u"SELECT DISTINCT `commodity_id` FROM %1 WHERE `owner` = 0 AND `id` IN (%2)"_s.arg(
                           db.acg("card"), marks(acgIds.size())),
                       acgIds);
            if (!goods)
                return goods.error();
            QVariantList goodsIds;
            while (goods.value().next())
                goodsIds << goods.value().value(0).toLongLong();
            if (!goodsIds.isEmpty()) {
                auto lockGoods =
                    db.run(u"SELECT `id` FROM %1 WHERE `id` IN (%2) ORDER BY `id` FOR UPDATE"_s.arg(
                               db.acg("commodity"), marks(goodsIds.size())),
                           goodsIds);
                if (!lockGoods)
                    return lockGoods.error();
            }
            auto cards = db.run(
                u"SELECT `id`, `commodity_id`, `status`, `order_id` FROM %1 WHERE `owner` = 0 "
                "AND `id` IN (%2) ORDER BY `id` FOR UPDATE"_s.arg(db.acg("card"), marks(acgIds.size())),
                acgIds);
            if (!cards)
                return cards.error();
            while (cards.value().next()) {
                const QSqlQuery& r = cards.value();
                rows.insert(r.value(0).toLongLong(),
                            {r.value(1).toLongLong(), r.value(2).toInt(), r.value(3).toLongLong()});
            }
        }
        const QString now = shanghaiDateTime(call.now);
        const QString target = what == Change::Lock     ? u"locked"_s
                               : what == Change::Unlock ? u"available"_s
                                                        : u"void"_s;
        qint64 counts[4] = {0, 0, 0, 0};  // done, unchanged, refused, not_found
        QMap<qint64, QJsonArray> changed; // goods → card ids that changed
        QJsonArray items;
        for (const qint64 id : std::as_const(ids)) {
            QJsonObject item{{u"id"_s, id}};
            auto it = rows.find(id);
            if (it == rows.end()) {
                // A card an order delivered as text is sold: it cannot change here.
                bool orderLine = false;
                if (const qint64 rest = id - kOrderLineBase; id > kMaxAcgId && rest >= kLinesPerOrder) {
                    auto d = deliveredText(db, rest / kLinesPerOrder);
                    if (!d)
                        return d.error();
                    orderLine = rest % kLinesPerOrder < d.value().lines.size();
                }
                ++counts[orderLine ? 2 : 3];
                item.insert(u"result"_s, orderLine ? u"refused"_s : u"not_found"_s);
                item.insert(u"status"_s, orderLine ? u"sold"_s : u""_s);
                items.append(item);
                continue;
            }
            Row& row = it.value();
            const QString before = statusName(row.status, row.orderId);
            int to = -1; // the acg status to write
            if (what == Change::Lock && row.status == 0)
                to = 2;
            else if (what == Change::Unlock && row.status == 2)
                to = 0;
            else if (what == Change::Void && (row.status == 0 || row.status == 2) && row.orderId == 0)
                to = 1; // acg's 标记已售 (a locked card: its unlock and mark-sold at once)
            if (to < 0) {
                const bool same = before == target;
                ++counts[same ? 1 : 2];
                item.insert(u"result"_s, same ? u"unchanged"_s : u"refused"_s);
                item.insert(u"status"_s, before);
                items.append(item);
                continue;
            }
            auto upd =
                to == 1
                    ? db.run(u"UPDATE %1 SET `status` = 1, `purchase_time` = ? WHERE `id` = ? AND "
                             "`owner` = 0 AND `status` = ? AND `order_id` IS NULL"_s.arg(db.acg("card")),
                             {now, id, row.status})
                    : db.run(
                          u"UPDATE %1 SET `status` = ? WHERE `id` = ? AND `owner` = 0 AND `status` = ?"_s.arg(
                              db.acg("card")),
                          {to, id, row.status});
            if (!upd)
                return upd.error();
            if (upd.value().numRowsAffected() != 1)
                return core::makeError(core::ErrorCode::Io, u"card %1: state changed under a lock"_s.arg(id));
            row.status = to;
            ++counts[0];
            changed[row.goodsId].append(id);
            item.insert(u"result"_s, u"done"_s);
            item.insert(u"status"_s, statusName(to, row.orderId));
            items.append(item);
        }
        for (auto g = changed.cbegin(); g != changed.cend(); ++g)
            if (auto a =
                    audit(call, auditAction(what), u"goods"_s, g.key(), QJsonObject{{u"ids"_s, g.value()}});
                !a)
                return a.error();
        return okObject(QJsonObject{{u"done"_s, counts[0]},
                                    {u"unchanged"_s, counts[1]},
                                    {u"refused"_s, counts[2]},
                                    {u"not_found"_s, counts[3]},
                                    {u"items"_s, items}});
    });
}

ApiResult orderCards(ApiCall& call)
{
    if (!call.request.rawQuery.isEmpty()) {
        // No parameters (as the simulator): the first one is named.
        const QByteArray first = call.request.rawQuery.split('&').constFirst();
        return badField(first.split('=').constFirst().left(32));
    }
    BridgeDb& db = call.db;
    const qint64 orderId = call.id(3);
    auto d = deliveredText(db, orderId);
    if (!d)
        return ApiResult::error(500, 50000, "platform fault: database");
    if (!d.value().exists)
        return notFound();
    QJsonArray items;
    if (d.value().cardRows > 0) {
        auto q = db.run(u"SELECT `id`, `status`, `order_id`, `secret`, CAST(`create_time` AS CHAR) FROM %1 "
                        "WHERE `order_id` = ? AND `owner` = 0 ORDER BY `id` LIMIT %2"_s.arg(db.acg("card"))
                            .arg(kLinesPerOrder),
                        {orderId});
        if (!q)
            return ApiResult::error(500, 50000, "platform fault: database");
        while (q.value().next()) {
            const QSqlQuery& r = q.value();
            items.append(cardJson(r.value(0).toLongLong(), statusName(r.value(1).toInt(), orderId),
                                  r.value(3).toString(), orderId, acg::shanghaiToUnix(textAt(r, 4))));
        }
    } else {
        const QStringList& lines = d.value().lines;
        for (qsizetype i = 0; i < lines.size(); ++i)
            items.append(cardJson(kOrderLineBase + orderId * kLinesPerOrder + i, u"sold"_s, lines[i], orderId,
                                  d.value().paidAt));
    }
    return okObject(QJsonObject{{u"items"_s, items}});
}

} // namespace cardops::bridge::cards
