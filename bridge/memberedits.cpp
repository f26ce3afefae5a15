#include "bridge/memberedits.h"

#include "bridge/acgconvert.h"
#include "bridge/acgreader.h"
#include "bridge/bridgedb.h"
#include "bridge/goodsedits.h"
#include "bridge/sequencer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QSet>

namespace cardops::bridge {

using namespace Qt::StringLiterals;
using namespace edits;
using sim::ApiResult;

namespace {

constexpr int kMaxTags = 50;
constexpr int kMaxTagLength = 64;
// acg_user.balance is DECIMAL(14,2).
constexpr core::Money kMaxBalance = core::Money::fromUnits(9'999'999'999'999'900LL);

core::Error dbError(const QString& what)
{
    return core::makeError(core::ErrorCode::Io, what);
}

// Characters as MySQL's VARCHAR counts them (code points, not UTF-16 units).
qsizetype characters(const QString& s)
{
    return s.toUcs4().size();
}

// The new parent must be a member and `self` must not be among its ancestors (acg's admin refuses
// only self). The ancestors are locked on the way up, after the member's own row (acg's order).
core::Result<ApiResult> checkParent(BridgeDb& db, qint64 parent, qint64 self)
{
    qint64 at = parent;
    for (int depth = 0; at > 0; ++depth) {
        if (at == self || depth > 1000)
            return badField("parent_id");
        auto q = db.run(u"SELECT `pid` FROM %1 WHERE `id` = ? FOR UPDATE"_s.arg(db.acg("user")), {at});
        if (!q)
            return q.error();
        if (!q.value().next())
            return badField("parent_id");
        at = q.value().value(0).isNull() ? 0 : q.value().value(0).toLongLong();
    }
    return ApiResult::ok({});
}

// The tags of a request: an array of 1–50 non-blank texts of at most 64 characters, kept verbatim.
std::optional<QJsonArray> readTags(const QJsonValue& v)
{
    if (!v.isArray() || v.toArray().size() > kMaxTags)
        return std::nullopt;
    for (const QJsonValue& t : v.toArray())
        if (!t.isString() || t.toString().trimmed().isEmpty() || characters(t.toString()) > kMaxTagLength)
            return std::nullopt;
    return v.toArray();
}

} // namespace

ApiResult patchMember(ApiCall& call)
{
    const qint64 id = call.id(3);
    qint64 parent = 0;
    const auto lock = [&]() -> core::Result<ApiResult> {
        auto q =
            call.db.run(u"SELECT `pid` FROM %1 WHERE `id` = ? FOR UPDATE"_s.arg(call.db.acg("user")), {id});
        if (!q)
            return q.error();
        if (!q.value().next())
            return notFound();
        parent = q.value().value(0).isNull() ? 0 : q.value().value(0).toLongLong();
        return ApiResult::ok({});
    };
    const auto apply = [&]() -> core::Result<ApiResult> {
        auto served = entityNow(call.db, "member", id);
        if (!served)
            return served.error();
        if (!served.value())
            return notFound();
        const QJsonObject member = *served.value();
        QStringList assigns;
        QVariantList params;
        QJsonArray columns;
        std::optional<QJsonArray> tags;
        for (auto it = call.body.begin(); it != call.body.end(); ++it) {
            const QString key = it.key();
            qint64 n = 0;
            if (key == u"tier_id") {
                if (!requestInt(it.value(), &n) || n < 1 || n > 4294967295LL)
                    return badField("tier_id");
                auto t = call.db.run(
                    u"SELECT CAST(`recharge` AS CHAR) FROM %1 WHERE `id` = ? LOCK IN SHARE MODE"_s.arg(
                        call.db.acg("user_group")),
                    {n});
                if (!t)
                    return t.error();
                if (!t.value().next())
                    return badField("tier_id");
                // Only a real change of tier overwrites the cumulative top-up (lossy, as acg's admin).
                if (member.value(u"tier_id").toInteger() != n) {
                    assigns << u"`recharge` = ?"_s;
                    params << t.value().value(0).toString();
                    columns.append(u"recharge"_s);
                }
            } else if (key == u"parent_id") {
                if (!requestInt(it.value(), &n) || n < 0 || n > 4294967295LL || n == id)
                    return badField("parent_id");
                if (n != parent) {
                    auto checked = checkParent(call.db, n, id);
                    if (!checked || !checked.value().isOk())
                        return checked;
                    assigns << u"`pid` = ?"_s;
                    params << n;
                    columns.append(u"pid"_s);
                }
            } else if (key == u"tags") {
                tags = readTags(it.value());
                if (!tags)
                    return badField("tags");
            } else {
                return badField(key.toUtf8().left(64));
            }
        }
        if (!assigns.isEmpty()) {
            params << id;
            auto q = call.db.run(
                u"UPDATE %1 SET %2 WHERE `id` = ?"_s.arg(call.db.acg("user"), assigns.join(u", ")), params);
            if (!q)
                return q.error();
            if (q.value().numRowsAffected() != 1)
                return dbError(u"member update touched %1 rows"_s.arg(q.value().numRowsAffected()));
        }
        if (tags && *tags != member.value(u"tags").toArray()) {
            auto q =
                tags->isEmpty()
                    ? call.db.run(u"DELETE FROM %1 WHERE `member_id` = ?"_s.arg(call.db.own("member_tags")),
                                  {id})
                    : call.db.run(
                          u"INSERT INTO %1 (`member_id`, `tags`) VALUES (?, ?) ON DUPLICATE KEY "
                          "UPDATE `tags` = VALUES(`tags`)"_s.arg(call.db.own("member_tags")),
                          {id, QString::fromUtf8(QJsonDocument(*tags).toJson(QJsonDocument::Compact))});
            if (!q)
                return q.error();
            // No trigger watches the bridge's own table: the change row that re-versions the member is
            // written here, in the same transaction (the sequencer moves it after COMMIT).
            auto c = call.db.run(u"INSERT INTO %1 (`entity`, `entity_id`, `parent_id`, `op`, `flags`) "
                                 "VALUES ('member', ?, 0, 'U', 'tags')"_s.arg(call.db.own("change")),
                                 {id});
            if (!c)
                return c.error();
            columns.append(u"tags"_s);
        }
        if (auto a = audit(call, u"member.patch"_s, u"member"_s, id,
                           {{u"request"_s, call.body}, {u"columns"_s, columns}});
            !a)
            return a.error();
        return ApiResult::ok({});
    };
    return versionedEdit(call, "member", id, lock, apply);
}

ApiResult adjustBalance(ApiCall& call)
{
    const qint64 id = call.id(3);
    return postWrite(call, "member", [&call, id](qint64* answered) -> core::Result<ApiResult> {
        *answered = id;
        // acg's admin: the user row is locked, the new balance computed from it exactly.
        auto q = call.db.run(
            u"SELECT CAST(`balance` AS CHAR) FROM %1 WHERE `id` = ? FOR UPDATE"_s.arg(call.db.acg("user")),
            {id});
        if (!q)
            return q.error();
        if (!q.value().next())
            return notFound();
        const QString wasText = q.value().value(0).toString();
        const core::Money was = acg::money(wasText).value_or(core::Money());
        const QJsonValue amountValue = call.body.value(u"amount");
        const QString amountText = amountValue.toString();
        const bool debit = amountText.startsWith(u'-');
        const auto amount =
            requestMoney(debit ? QJsonValue(amountText.mid(1)) : amountValue, false, kMaxPrice);
        if (!amountValue.isString() || !amount)
            return badField("amount");
        const QJsonValue reasonValue = call.body.value(u"reason");
        const QString reason = reasonValue.toString();
        if (!reasonValue.isString() || reason.trimmed().isEmpty() || characters(reason) < 2 ||
            characters(reason) > 64)
            return badField("reason");
        for (auto it = call.body.begin(); it != call.body.end(); ++it)
            if (it.key() != u"amount" && it.key() != u"reason")
                return badField(it.key().toUtf8().left(64));
        const core::Money now = debit ? was - *amount : was + *amount;
        if (now.isNegative() || now > kMaxBalance)
            return badField("amount");
        auto u = call.db.run(
            u"UPDATE %1 SET `balance` = ? WHERE `id` = ? AND `balance` = ?"_s.arg(call.db.acg("user")),
            {acgText(now), id, wasText});
        if (!u)
            return u.error();
        if (u.value().numRowsAffected() != 1)
            return dbError(u"balance update touched %1 rows"_s.arg(u.value().numRowsAffected()));
        // One bill: amount > 0, the direction in type (1 credit, 0 debit), currency 0 (balance), the
        // balance after, the reason as log, now as Asia/Shanghai text. recharge is not touched.
        auto b =
            call.db.run(u"INSERT INTO %1 (`owner`, `amount`, `balance`, `type`, `currency`, `log`, "
                        "`create_time`) VALUES (?, ?, ?, ?, 0, ?, ?)"_s.arg(call.db.acg("bill")),
                        {id, acgText(*amount), acgText(now), debit ? 0 : 1, reason, shanghaiText(call.now)});
        if (!b)
            return b.error();
        if (auto a = audit(call, u"member.balance"_s, u"member"_s, id,
                           {{u"amount"_s, amountText},
                            {u"reason"_s, reason},
                            {u"balance_after"_s, acgText(now)},
                            {u"bill_id"_s, b.value().lastInsertId().toLongLong()}});
            !a)
            return a.error();
        return ApiResult::ok({});
    });
}

// ---- tiers --------------------------------------------------------------------------------------

namespace {

struct TierEdit
{
    QString name;
    core::Money threshold;
};

// Validates the items against the served ladder; fills the wanted names and thresholds by id.
ApiResult readLadder(const QJsonObject& body, const QJsonObject& served, QMap<qint64, TierEdit>* wanted)
{
    QHash<qint64, QJsonObject> current;
    for (const QJsonValue& v : served.value(u"items").toArray())
        current.insert(v.toObject().value(u"id").toInteger(), v.toObject());
    for (auto it = body.begin(); it != body.end(); ++it)
        if (it.key() != u"items" && it.key() != u"version")
            return badField(it.key().toUtf8().left(64));
    const QJsonValue items = body.value(u"items");
    if (!items.isArray() || items.toArray().isEmpty())
        return badField("items");
    for (const QJsonValue& v : items.toArray()) {
        const QJsonObject t = v.toObject();
        qint64 id = 0;
        if (!v.isObject())
            return badField("items");
        if (!t.contains(u"id"))
            return unsupported("new tiers (create user groups in acg-faka's admin)");
        if (!requestInt(t.value(u"id"), &id) || !current.contains(id) || wanted->contains(id))
            return badField("id");
        const QJsonObject was = current.value(id);
        TierEdit e{was.value(u"name").toString(), *acg::money(was.value(u"threshold").toString())};
        for (auto f = t.begin(); f != t.end(); ++f) {
            const QString key = f.key();
            const QJsonValue value = f.value();
            qint64 rank = 0;
            if (key == u"name") {
                if (!value.isString() || value.toString().trimmed().isEmpty() ||
                    characters(value.toString()) > 32)
                    return badField("name");
                e.name = value.toString();
            } else if (key == u"threshold" || key == u"upgrade") {
                const QJsonObject up = value.toObject();
                if (key == u"upgrade" && !value.isObject())
                    return badField("upgrade");
                for (auto u = up.begin(); u != up.end(); ++u) {
                    const auto zero = requestMoney(u.value(), true, kMaxPrice);
                    if (u.key() != u"recharge_total" && !(zero && zero->isZero()))
                        return unsupported("upgrade." + u.key().toUtf8().left(32));
                }
                const auto m =
                    requestMoney(key == u"threshold" ? value : up.value(u"recharge_total"), true, kMaxPrice);
                if (!m && (key == u"threshold" || up.contains(u"recharge_total")))
                    return badField(key.toUtf8());
                if (m)
                    e.threshold = *m;
            } else if (key == u"discount" || key == u"group_discounts" || key == u"commission_rates") {
                bool same = value == was.value(key);
                if (key == u"commission_rates" && value.isArray()) {
                    same = true;
                    for (const QJsonValue& r : value.toArray()) {
                        const auto rate = core::Rate::parse(r.toString());
                        same = same && r.isString() && rate && rate->ppm() == 0;
                    }
                }
                if (!same)
                    return unsupported(key.toUtf8() + " (acg-faka sets it per goods group, not per tier)");
            } else if (key == u"rank") {
                if (!requestInt(value, &rank))
                    return badField("rank"); // the rank follows the thresholds
            } else if (key != u"id" && key != u"version") {
                return badField(key.toUtf8().left(64));
            }
        }
        // upgrade and threshold are the same value: both given must agree.
        if (t.contains(u"threshold") && t.value(u"upgrade").toObject().contains(u"recharge_total") &&
            requestMoney(t.value(u"threshold"), true, kMaxPrice) !=
                requestMoney(t.value(u"upgrade").toObject().value(u"recharge_total"), true, kMaxPrice))
            return badField("threshold");
        wanted->insert(id, e);
    }
    if (wanted->size() != current.size())
        return unsupported("removing tiers (delete user groups in acg-faka's admin)");
    QSet<qint64> thresholds;
    for (const TierEdit& e : std::as_const(*wanted)) {
        if (thresholds.contains(e.threshold.units()))
            return badField("threshold"); // acg: recharge is UNIQUE
        thresholds.insert(e.threshold.units());
    }
    return ApiResult::ok({});
}

core::Result<std::optional<QJsonObject>> ladder(BridgeDb& db)
{
    auto t = AcgReader(db).tiers();
    if (!t)
        return t.error();
    return std::optional<QJsonObject>(t.value());
}

} // namespace

ApiResult putTiers(ApiCall& call)
{
    qint64 expected = 0;
    if (!call.ifMatch(&expected))
        return preconditionFailed("If-Match missing or not a number");
    for (int attempt = 0;; ++attempt) {
        if (auto moved = runSequencer(call.db); !moved) {
            qWarning("cardops-bridge: %s", qPrintable(moved.error().detail));
            return ApiResult::error(500, 50000, "platform fault: database");
        }
        bool again = false;
        const ApiResult answer = inTransaction(call, [&]() -> core::Result<ApiResult> {
            BridgeDb& db = call.db;
            auto locked = db.run(u"SELECT `id` FROM %1 ORDER BY `id` FOR UPDATE"_s.arg(db.acg("user_group")));
            if (!locked)
                return locked.error();
            auto pending = db.run(u"SELECT COUNT(*) FROM %1 WHERE `entity` = 'tier'"_s.arg(db.own("change")));
            if (!pending)
                return pending.error();
            const bool stale = pending.value().next() && pending.value().value(0).toLongLong() > 0;
            if (stale && attempt < 2) {
                again = true;
                return conflict("version conflict");
            }
            auto served = ladder(db);
            if (!served)
                return served.error();
            const QJsonObject before = *served.value();
            if (stale || before.value(u"version").toInteger() != expected)
                return conflict("version conflict", QJsonDocument(before).toJson(QJsonDocument::Compact));
            QMap<qint64, TierEdit> wanted;
            if (ApiResult read = readLadder(call.body, before, &wanted); !read.isOk())
                return read;
            // Thresholds are UNIQUE: changed rows move to distinct parking values first, so a swap works.
            QList<qint64> moved;
            QJsonArray columns;
            for (const QJsonValue& v : before.value(u"items").toArray()) {
                const qint64 id = v.toObject().value(u"id").toInteger();
                const TierEdit& e = wanted[id];
                if (e.name != v.toObject().value(u"name").toString()) {
                    auto q = db.run(u"UPDATE %1 SET `name` = ? WHERE `id` = ?"_s.arg(db.acg("user_group")),
                                    {e.name, id});
                    if (!q)
                        return q.error();
                    columns.append(QString(u"name:"_s + QString::number(id)));
                }
                if (acg::money(v.toObject().value(u"threshold").toString()) != e.threshold) {
                    auto q =
                        db.run(u"UPDATE %1 SET `recharge` = ? WHERE `id` = ?"_s.arg(db.acg("user_group")),
                               {QString(QString::number(999'999'990'000LL + moved.size()) + u".00"_s), id});
                    if (!q)
                        return q.error();
                    moved << id;
                    columns.append(QString(u"recharge:"_s + QString::number(id)));
                }
            }
            for (qint64 id : std::as_const(moved)) {
                auto q = db.run(u"UPDATE %1 SET `recharge` = ? WHERE `id` = ?"_s.arg(db.acg("user_group")),
                                {acgText(wanted[id].threshold), id});
                if (!q)
                    return q.error();
            }
            if (auto a = audit(call, u"tiers.put"_s, u"tier"_s, 0,
                               {{u"request"_s, call.body}, {u"columns"_s, columns}});
                !a)
                return a.error();
            auto after = ladder(db);
            if (!after)
                return after.error();
            return okObject(*after.value());
        });
        if (!again)
            return answer.isOk() ? answerAfterCommit(call, answer, [&call] { return ladder(call.db); })
                                 : answer;
    }
}

} // namespace cardops::bridge
