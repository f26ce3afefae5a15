#include "bridge/moneywrites.h"

#include "bridge/acgconvert.h"
#include "bridge/acgreader.h"
#include "bridge/bridgedb.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QTimeZone>

namespace cardops::bridge {

using namespace Qt::StringLiterals;
using sim::ApiResult;

namespace {

constexpr int kIdSegment = 3; // "", "v1", "withdrawals", {id}, action

// acg's DATETIME text for a unix time: Asia/Shanghai wall-clock, computed here (§3: never NOW()).
QString shanghaiText(qint64 unixSeconds)
{
    return QDateTime::fromSecsSinceEpoch(unixSeconds, QTimeZone(8 * 3600)).toString(u"yyyy-MM-dd HH:mm:ss"_s);
}

// acg's DECIMAL(…,2) text for an exact amount (whole cents: every input here has at most 2 places).
QString centsText(core::Money m)
{
    return m.toString(2);
}

// The withdrawal as the feed serves it, with a version no feed page will undercut.
core::Result<QByteArray> withdrawalJson(ApiCall& call, qint64 id, bool changedNow)
{
    AcgReader reader(call.db);
    auto found = reader.withdrawals({id});
    if (!found)
        return found.error();
    auto version = entityVersion(call.db, u"withdrawal"_s, id, changedNow);
    if (!version)
        return version.error();
    QJsonObject o = found.value().items.value(id);
    o.insert(u"version"_s, version.value());
    o.insert(u"updated_at"_s, call.now);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

core::Result<void> affectedOne(const QSqlQuery& q, const char* what)
{
    if (q.numRowsAffected() != 1)
        return core::makeError(
            core::ErrorCode::Io,
            u"%1: %2 rows changed instead of 1"_s.arg(QLatin1StringView(what)).arg(q.numRowsAffected()));
    return {};
}

ApiResult decide(ApiCall& call, bool approve, const QString& reason)
{
    const qint64 id = call.id(kIdSegment);
    if (id <= 0)
        return notFound();
    BridgeDb& db = call.db;
    return inTransaction(call, [&]() -> core::Result<ApiResult> {
        // §2.0 / §2.7: the cash row first, then (reject) the member.
        auto cash =
            db.run(u"SELECT `user_id`, CAST(`amount` AS CHAR), CAST(`cost` AS CHAR), `status` FROM %1 "
                   "WHERE `id` = ? FOR UPDATE"_s.arg(db.acg("cash")),
                   {id});
        if (!cash)
            return cash.error();
        if (!cash.value().next())
            return notFound();
        const qint64 member = cash.value().value(0).toLongLong();
        const QString amountText = cash.value().value(1).toString();
        const QString costText = cash.value().value(2).toString();
        if (cash.value().value(3).toInt() != 0) {
            auto current = withdrawalJson(call, id, false);
            if (!current)
                return current.error();
            return conflict("version conflict", current.value());
        }
        const auto amount = acg::money(amountText);
        const auto cost = acg::money(costText);
        if (!amount || !cost)
            return core::makeError(
                core::ErrorCode::Parse,
                u"withdrawal %1: unreadable amount %2 / fee %3"_s.arg(id).arg(amountText, costText));
        const QString at = shanghaiText(call.now);
        auto updated =
            approve
                ? db.run(
                      u"UPDATE %1 SET `status` = 1, `arrive_time` = ? WHERE `id` = ? AND `status` = 0"_s.arg(
                          db.acg("cash")),
                      {at, id})
                : db.run(u"UPDATE %1 SET `status` = 2, `message` = ?, `arrive_time` = ? WHERE `id` = ? AND "
                         "`status` = 0"_s.arg(db.acg("cash")),
                         {reason, at, id});
        if (!updated)
            return updated.error();
        if (auto one = affectedOne(updated.value(), "withdrawal decision"); !one)
            return one.error();
        QJsonObject detail{{u"member_id"_s, member},
                           {u"amount"_s, acg::apiMoney(*amount)},
                           {u"fee"_s, acg::apiMoney(*cost)}};
        if (!approve) {
            // The refund of a rejected request: net amount + fee back to the coin wallet (§2.7).
            const core::Money refund = *amount + *cost;
            auto user =
                db.run(u"SELECT CAST(`coin` AS CHAR), CAST(`total_coin` AS CHAR) FROM %1 WHERE `id` = ? "
                       "FOR UPDATE"_s.arg(db.acg("user")),
                       {member});
            if (!user)
                return user.error();
            if (!user.value().next())
                return core::makeError(core::ErrorCode::Io,
                                       u"withdrawal %1: member %2 is gone"_s.arg(id).arg(member));
            const QString coinText = user.value().value(0).toString();
            const QString totalText = user.value().value(1).toString();
            const auto coin = acg::money(coinText);
            const auto total = acg::money(totalText);
            if (!coin || !total)
                return core::makeError(core::ErrorCode::Parse, u"member %1: unreadable coin"_s.arg(member));
            const core::Money newCoin = *coin + refund;
            const core::Money newTotal = *total + refund;
            auto bill = db.run(u"INSERT INTO %1 (`owner`, `amount`, `balance`, `type`, `currency`, `log`, "
                               "`create_time`) VALUES (?, ?, ?, 1, 1, ?, ?)"_s.arg(db.acg("bill")),
                               {member, centsText(refund), centsText(newCoin), u"兑现被拒绝"_s, at});
            if (!bill)
                return bill.error();
            // Absolute values computed from the locked row, as acg writes them; the old values in
            // the WHERE clause re-check that nothing moved under the lock.
            auto credited = db.run(u"UPDATE %1 SET `coin` = ?, `total_coin` = ? WHERE `id` = ? AND "
                                   "`coin` = CAST(? AS DECIMAL(14,2)) AND "
                                   "`total_coin` = CAST(? AS DECIMAL(14,2))"_s.arg(db.acg("user")),
                                   {centsText(newCoin), centsText(newTotal), member, coinText, totalText});
            if (!credited)
                return credited.error();
            if (refund.units() > 0)
                if (auto one = affectedOne(credited.value(), "coin refund"); !one)
                    return one.error();
            detail.insert(u"reason"_s, reason);
            detail.insert(u"refund"_s, acg::apiMoney(refund));
            detail.insert(u"coin_after"_s, acg::apiMoney(newCoin));
            detail.insert(u"bill_id"_s, bill.value().lastInsertId().toLongLong());
        }
        if (auto ok = audit(call, approve ? u"withdrawal.approve"_s : u"withdrawal.reject"_s, u"withdrawal"_s,
                            id, detail);
            !ok)
            return ok.error();
        auto answer = withdrawalJson(call, id, true);
        if (!answer)
            return answer.error();
        return ApiResult::ok(answer.value());
    });
}

} // namespace

core::Result<qint64> entityVersion(BridgeDb& db, const QString& entity, qint64 id, bool changedNow)
{
    auto own = db.run(
        u"SELECT IFNULL(MAX(`pos`), 0) FROM %1 WHERE `entity` = ? AND `entity_id` = ?"_s.arg(db.own("feed")),
        {entity, id});
    if (!own)
        return own.error();
    const qint64 version = own.value().next() ? own.value().value(0).toLongLong() : 0;
    bool waiting = changedNow;
    if (!waiting) {
        auto inbox =
            db.run(u"SELECT COUNT(*) FROM %1 WHERE `entity` = ? AND `entity_id` = ?"_s.arg(db.own("change")),
                   {entity, id});
        if (!inbox)
            return inbox.error();
        waiting = inbox.value().next() && inbox.value().value(0).toLongLong() > 0;
    }
    if (!waiting)
        return qMax<qint64>(1, version);
    // The change gets a position when the sequencer moves it, after every position given so far.
    auto head = db.run(u"SELECT IFNULL(MAX(`pos`), 0) FROM %1"_s.arg(db.own("feed")));
    if (!head)
        return head.error();
    return (head.value().next() ? head.value().value(0).toLongLong() : 0) + 1;
}

ApiResult approveWithdrawal(ApiCall& call)
{
    return decide(call, true, {});
}

ApiResult rejectWithdrawal(ApiCall& call)
{
    // acg's admin: a reason of 1–64 characters (cash.message is VARCHAR(64)).
    const QJsonValue value = call.body.value(u"reason");
    const QString reason = value.toString().trimmed();
    const qsizetype length = reason.toUcs4().size();
    if (!value.isString() || length < 1 || length > 64)
        return badField("reason");
    return decide(call, false, reason);
}

} // namespace cardops::bridge
