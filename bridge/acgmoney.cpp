// The money feeds of the bridge (acg-faka-model.md §4.8, §4.9): acg_bill rows as ledger entries and
// acg_cash rows as withdrawals, in the simulator's JSON shapes (sim/data/platformstate.cpp
// appendLedger / appendWithdrawal) plus acg's extra facts as extra fields.
#include "bridge/acgconvert.h"
#include "bridge/acgreader.h"
#include "bridge/bridgedb.h"

#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QStringList>

namespace cardops::bridge {

using namespace Qt::StringLiterals;

namespace {

QString marks(qsizetype n)
{
    return QStringList(n, u"?"_s).join(u',');
}

template<typename T> QVariantList toParams(const QList<T>& values)
{
    QVariantList out;
    out.reserve(values.size());
    for (const T& v : values)
        out << v;
    return out;
}

QString text(const QSqlQuery& q, int i)
{
    return q.value(i).isNull() ? QString() : q.value(i).toString();
}

QList<qint64> missing(const QList<qint64>& ids, const QSet<qint64>& seen)
{
    QList<qint64> out;
    for (qint64 id : ids)
        if (!seen.contains(id))
            out << id;
    return out;
}

struct BillKind
{
    QString kind;
    QString tradeNo; // the [trade_no] of the log text, empty when none
};

// §4.8: the ledger kind by acg's reason text (§1.8 lists every text acg-faka 3.6.0 writes); an
// admin's own text is an adjustment.
BillKind billKind(const QString& log)
{
    static const QRegularExpression withOrder(
        u"^(商品下单|推广分成|自营商品出售|分站商品出售)\\[([0-9A-Za-z]{1,32})\\]$"_s);
    if (const auto m = withOrder.match(log); m.hasMatch())
        return {m.captured(1) == u"商品下单" ? u"purchase"_s : u"commission"_s, m.captured(2)};
    if (log == u"购买商户等级")
        return {u"purchase"_s, {}};
    if (log == u"充值" || log == u"充值赠送")
        return {u"recharge"_s, {}};
    if (log == u"兑现" || log == u"自动结算" || log == u"兑现被拒绝" || log == u"硬币兑现到钱包")
        return {u"withdrawal"_s, {}};
    return {u"adjustment"_s, {}};
}

QString methodName(int card)
{
    switch (card) {
    case 0:
        return u"alipay"_s;
    case 1:
        return u"wechat"_s;
    case 2:
        return u"balance"_s;
    case 3:
        return u"usdt"_s;
    default:
        return u"method_"_s + QString::number(card);
    }
}

QString statusName(int status)
{
    switch (status) {
    case 0:
        return u"pending"_s;
    case 1:
        return u"approved"_s;
    case 2:
        return u"rejected"_s;
    default:
        return u"pending"_s; // 3 "frozen" is named in acg's comment but never written (§1.9)
    }
}

} // namespace

core::Result<AcgReader::Found> AcgReader::ledger(const QList<qint64>& ids)
{
    Found f;
    if (ids.isEmpty())
        return f;
    auto q = m_db.run(u"SELECT `id`, `owner`, CAST(`amount` AS CHAR), CAST(`balance` AS CHAR), `type`, "
                      "`currency`, `log`, CAST(`create_time` AS CHAR) FROM %1 WHERE `id` IN (%2)"_s.arg(
                          m_db.acg("bill"), marks(ids.size())),
                      toParams(ids));
    if (!q)
        return q.error();
    struct Row
    {
        QJsonObject item;
        QString tradeNo;
    };
    QList<Row> rows;
    QSet<qint64> seen;
    QStringList tradeNos;
    while (q.value().next()) {
        const QSqlQuery& r = q.value();
        const qint64 id = r.value(0).toLongLong();
        seen.insert(id);
        const core::Money amount = acg::money(text(r, 2)).value_or(core::Money());
        const bool credit = r.value(4).toInt() == 1; // §1.8: 0 debit (支出), 1 credit (收入)
        const QString log = text(r, 6);
        const BillKind kind = billKind(log);
        const QString after = acg::moneyText(text(r, 3));
        if (!kind.tradeNo.isEmpty() && !tradeNos.contains(kind.tradeNo))
            tradeNos << kind.tradeNo;
        rows.append({QJsonObject{{u"id"_s, id},
                                 {u"member_id"_s, r.value(1).toLongLong()},
                                 {u"kind"_s, kind.kind},
                                 {u"amount"_s, acg::apiMoney(credit ? amount : -amount)},
                                 {u"order_id"_s, 0},
                                 {u"created_at"_s, acg::shanghaiToUnix(text(r, 7))},
                                 {u"wallet"_s, r.value(5).toInt() == 1 ? u"coin"_s : u"balance"_s},
                                 {u"balance_after"_s, after.isEmpty() ? u"0.0000"_s : after},
                                 {u"note"_s, log},
                                 {u"order_no"_s, kind.tradeNo}},
                     kind.tradeNo});
    }
    // The related order: only main-shop orders are served (§4), others stay 0 with their order_no.
    QHash<QString, qint64> orderOf;
    if (!tradeNos.isEmpty()) {
        auto o = m_db.run(u"SELECT `trade_no`, `id` FROM %1 WHERE `user_id` = 0 AND `trade_no` IN (%2)"_s.arg(
                              m_db.acg("order"), marks(tradeNos.size())),
                          toParams(tradeNos));
        if (!o)
            return o.error();
        while (o.value().next())
            orderOf.insert(text(o.value(), 0), o.value().value(1).toLongLong());
    }
    for (Row& row : rows) {
        if (!row.tradeNo.isEmpty())
            row.item.insert(u"order_id"_s, orderOf.value(row.tradeNo, 0));
        f.items.insert(row.item.value(u"id").toInteger(), row.item);
    }
    f.gone = missing(ids, seen);
    return f;
}

core::Result<AcgReader::Found> AcgReader::withdrawals(const QList<qint64>& ids)
{
    Found f;
    if (ids.isEmpty())
        return f;
    auto q =
        m_db.run(u"SELECT `id`, `user_id`, CAST(`amount` AS CHAR), `type`, `card`, "
                 "CAST(`create_time` AS CHAR), CAST(`arrive_time` AS CHAR), CAST(`cost` AS CHAR), "
                 "`status`, `message` FROM %1 WHERE `id` IN (%2)"_s.arg(m_db.acg("cash"), marks(ids.size())),
                 toParams(ids));
    if (!q)
        return q.error();
    QSet<qint64> seen;
    QList<qint64> members;
    QHash<qint64, QPair<qint64, int>> payoutOf; // withdrawal → (member, method)
    while (q.value().next()) {
        const QSqlQuery& r = q.value();
        const qint64 id = r.value(0).toLongLong();
        seen.insert(id);
        const qint64 member = r.value(1).toLongLong();
        const int status = r.value(8).toInt();
        const QString fee = acg::moneyText(text(r, 7));
        const QString amount = acg::moneyText(text(r, 2));
        if (!members.contains(member))
            members << member;
        payoutOf.insert(id, {member, r.value(4).toInt()});
        f.items.insert(id, QJsonObject{
                               {u"id"_s, id},
                               {u"member_id"_s, member},
                               {u"amount"_s, amount.isEmpty() ? u"0.0000"_s : amount},
                               {u"status"_s, statusName(status)},
                               {u"created_at"_s, acg::shanghaiToUnix(text(r, 5))},
                               {u"decided_at"_s, status == 0 ? 0 : acg::shanghaiToUnix(text(r, 6))},
                               {u"fee"_s, fee.isEmpty() ? u"0.0000"_s : fee},
                               {u"method"_s, methodName(r.value(4).toInt())},
                               {u"payout_account"_s, u""_s},
                               {u"reason"_s, status == 2 ? text(r, 9) : QString()},
                               {u"source"_s, r.value(3).toInt() == 0 ? u"settlement"_s : u"request"_s},
                           });
    }
    // The payout account is the member's alipay, wechat or wallet_address (§1.5, §4.9). These
    // columns exist in acg-faka 3.6.0; a database without them (1054) serves an empty account.
    if (!members.isEmpty()) {
        auto a =
            m_db.run(u"SELECT `id`, `alipay`, `wechat`, `wallet_address` FROM %1 WHERE `id` IN (%2)"_s.arg(
                         m_db.acg("user"), marks(members.size())),
                     toParams(members));
        if (!a && !a.error().detail.contains(u"[1054]"_s))
            return a.error();
        if (a) {
            QHash<qint64, QStringList> accounts;
            while (a.value().next())
                accounts.insert(a.value().value(0).toLongLong(),
                                {text(a.value(), 1), text(a.value(), 2), text(a.value(), 3)});
            for (auto it = payoutOf.cbegin(); it != payoutOf.cend(); ++it) {
                const int method = it.value().second;
                const QStringList account = accounts.value(it.value().first);
                const int column = method == 0 ? 0 : method == 1 ? 1 : method == 3 ? 2 : -1;
                if (column >= 0 && column < account.size())
                    f.items[it.key()].insert(u"payout_account"_s, account[column]);
            }
        }
    }
    f.gone = missing(ids, seen);
    return f;
}

} // namespace cardops::bridge
