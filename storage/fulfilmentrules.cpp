#include "storage/fulfilmentrules.h"

#include "storage/entitytables_p.h"
#include "storage/writecontext.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace cardops::storage::fulfilmentrules {

namespace {

using core::ErrorCode;
using core::makeError;
using core::Money;

const QString kRuleSetsTable = u"rule_sets"_s;
const QString kBlacklistTable = u"blacklist"_s;

// A paid order is one that is neither waiting for payment nor cancelled (refunded ones were paid).
const QString kPaid = u"status NOT IN ('unpaid', 'cancelled')"_s;

QString columnsOf(const detail::EntityTable& table, const QString& alias)
{
    QStringList out;
    for (const QString& c : table.columns)
        out << alias + u'.' + c;
    return out.join(u", "_s);
}

Money money(const QVariant& v)
{
    return Money::fromUnits(v.toLongLong());
}

core::Goods goodsFrom(const QVariantList& r, int at)
{
    core::Goods g;
    g.id = r.value(at + 0).toLongLong();
    g.sku = r.value(at + 1).toString();
    g.name = r.value(at + 2).toString();
    g.categoryId = r.value(at + 3).toLongLong();
    g.sort = r.value(at + 4).toLongLong();
    g.kind = r.value(at + 5).toString();
    g.cardFormat = r.value(at + 6).toString();
    g.cardSeparator = r.value(at + 7).toString();
    g.faceValue = money(r.value(at + 8));
    g.price = money(r.value(at + 9));
    g.cost = money(r.value(at + 10));
    g.tierPrices = r.value(at + 11).toString().toUtf8();
    g.contractPrices = r.value(at + 12).toString().toUtf8();
    g.supplierLinks = r.value(at + 13).toString().toUtf8();
    g.fulfilmentOwner = r.value(at + 14).toString();
    g.stockAvailable = r.value(at + 15).toLongLong();
    g.stockLocked = r.value(at + 16).toLongLong();
    g.lowStockThreshold = r.value(at + 17).toLongLong();
    g.status = r.value(at + 18).toString();
    g.listingTitle = r.value(at + 19).toString();
    g.listingSpec = r.value(at + 20).toString();
    g.listingDescription = r.value(at + 21).toString();
    g.version = r.value(at + 22).toLongLong();
    g.updatedAt = r.value(at + 23).toLongLong();
    return g;
}

core::Member memberFrom(const QVariantList& r, int at)
{
    core::Member m;
    m.id = r.value(at + 0).toLongLong();
    m.name = r.value(at + 1).toString();
    m.kind = r.value(at + 2).toString();
    m.parentId = r.value(at + 3).toLongLong();
    m.tierId = r.value(at + 4).toLongLong();
    m.registeredAt = r.value(at + 5).toLongLong();
    m.contact = r.value(at + 6).toString();
    m.balance = money(r.value(at + 7));
    m.tags = r.value(at + 8).toString().toUtf8();
    m.version = r.value(at + 9).toLongLong();
    m.updatedAt = r.value(at + 10).toLongLong();
    return m;
}

QString compactJson(const QJsonObject& o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

// Rows of (list, value) as stored.
core::Blacklist blacklistOf(const QList<QVariantList>& rows)
{
    core::Blacklist out;
    for (const QVariantList& r : rows) {
        const QString list = r.value(0).toString();
        if (list == QStringView(kListMember))
            out.addMember(r.value(1).toString().toLongLong());
        else if (list == QStringView(kListContact))
            out.addContact(r.value(1).toString());
        else
            out.addChargeAccount(r.value(1).toString());
    }
    return out;
}

// `Db` is a const ReadSession or a WriteContext: the same statements inside or outside a job.
template<typename Db> core::Result<core::RuleSet> currentFrom(Db& db)
{
    auto rows = db.select(u"SELECT version, body FROM rule_sets ORDER BY version DESC LIMIT 1"_s);
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return core::RuleSet::defaults();
    const qint64 version = rows->first().value(0).toLongLong();
    auto set = core::RuleSet::fromJson(rows->first().value(1).toString().toUtf8());
    if (!set)
        return makeError(ErrorCode::Storage,
                         u"rule set %1 does not parse: %2"_s.arg(version).arg(set.error().detail));
    if (set->version() != version)
        return makeError(ErrorCode::Storage,
                         u"rule set %1 says it is version %2"_s.arg(version).arg(set->version()));
    return set;
}

template<typename Db> core::Result<core::Blacklist> blacklistFrom(Db& db)
{
    auto rows = db.select(u"SELECT list, value FROM blacklist ORDER BY list, value"_s);
    if (!rows)
        return rows.error();
    return blacklistOf(*rows);
}

// The statements of the order context, each a lookup on a key or a range on an index.
Statement goodsAndMemberStatement(qint64 goodsId, qint64 memberId)
{
    return {u"SELECT g.id IS NOT NULL, m.id IS NOT NULL, "_s + columnsOf(detail::goodsTable(), u"g"_s) +
                u", "_s + columnsOf(detail::membersTable(), u"m"_s) +
                u" FROM (SELECT 1) LEFT JOIN goods g ON g.id = ? LEFT JOIN members m ON m.id = ?"_s,
            {goodsId, memberId}};
}

Statement balanceStatement(const QString& protocol, const QString& productRef)
{
    return {u"SELECT s.balance FROM supplier_status s WHERE s.supplier_id = COALESCE("
            u"(SELECT p.supplier_id FROM supplier_products p JOIN supplier_status ps "
            u"ON ps.supplier_id = p.supplier_id WHERE p.product_id = ? AND ps.protocol = ? "
            u"ORDER BY p.listed DESC, p.supplier_id LIMIT 1), "
            u"(SELECT ps.supplier_id FROM supplier_status ps WHERE ps.protocol = ? "
            u"ORDER BY ps.supplier_id LIMIT 1))"_s,
            {productRef, protocol, protocol}};
}

// The member's paid orders created before `order` (same second: lower id), newest first, with
// their count, on orders_member.
Statement historyStatement(const core::Order& order)
{
    const QString before =
        u"member_id = ? AND created_at <= ? AND NOT (created_at = ? AND id >= ?) AND "_s + kPaid;
    const QVariantList binds = {order.memberId, order.createdAt, order.createdAt, order.id};
    return {u"SELECT quantity, (SELECT count(*) FROM orders WHERE "_s + before + u") FROM orders WHERE "_s +
                before + u" ORDER BY created_at DESC, id DESC LIMIT %1"_s.arg(kUsualQuantityWindow),
            binds + binds};
}

// Only the entries that can concern the order (its member, its and its member's contact, its
// charge account), each looked up on the primary key.
Statement blacklistStatement(const core::Order& order, const QString& memberContact)
{
    return {u"SELECT list, value FROM blacklist WHERE (list = 'member' AND value = ?) OR "
            u"(list = 'contact' AND value = ?) OR (list = 'contact' AND value = ?) OR "
            u"(list = 'account' AND value = ?)"_s,
            {QString::number(order.memberId), core::Blacklist::normalise(order.contact),
             core::Blacklist::normalise(memberContact), core::Blacklist::normalise(order.chargeAccount)}};
}

Statement windowStatement(qint64 from, qint64 to, int limit)
{
    return {u"SELECT "_s + columnsOf(detail::ordersTable(), u"o"_s) +
                u" FROM orders o WHERE o.created_at >= ? AND o.created_at < ? AND o."_s + kPaid +
                u" ORDER BY o.created_at DESC, o.id DESC LIMIT ?"_s,
            {from, to, qMax(0, limit)}};
}

// The goods' first supplier link (lowest priority, then the order of the list): protocol and
// product, with "acgfaka" read as "acg-faka" as older platforms write it (storage/supply.cpp).
std::optional<std::pair<QString, QString>> firstLink(const QByteArray& links)
{
    const QJsonArray array = QJsonDocument::fromJson(links).array();
    std::optional<std::pair<QString, QString>> best;
    qint64 bestPriority = 0;
    for (const QJsonValue& v : array) {
        const QJsonObject link = v.toObject();
        QString protocol = link.value(u"protocol"_s).toString();
        const QJsonValue refValue = link.value(u"product_ref"_s);
        const QString ref = refValue.isDouble() ? QString::number(refValue.toInteger()) : refValue.toString();
        if (protocol.isEmpty() || ref.isEmpty())
            continue;
        if (protocol == u"acgfaka")
            protocol = u"acg-faka"_s;
        const qint64 priority = link.value(u"priority"_s).toInteger(1);
        if (!best || priority < bestPriority) {
            best = std::pair(protocol, ref);
            bestPriority = priority;
        }
    }
    return best;
}

// The balance of the profile supplier a link points at: the one that mirrors the product, else the
// first supplier of the protocol (as storage/supply.cpp matches links). nullopt when none is known.
core::Result<std::optional<Money>> linkedBalance(const ReadSession& read, const QByteArray& links)
{
    const auto link = firstLink(links);
    if (!link)
        return std::optional<Money>();
    const Statement statement = balanceStatement(link->first, link->second);
    auto rows = read.select(statement.sql, statement.binds);
    if (!rows)
        return rows.error();
    if (rows->isEmpty() || rows->first().value(0).isNull())
        return std::optional<Money>();
    return std::optional(money(rows->first().value(0)));
}

struct GoodsContext
{
    core::Goods goods;
    std::optional<Money> supplierBalance;
};

// The goods (with its supplier's balance) and the member of an order in one statement; either is
// left empty but for its id when the cache does not hold it.
core::Result<std::pair<GoodsContext, core::Member>> goodsAndMember(const ReadSession& read, qint64 goodsId,
                                                                   qint64 memberId)
{
    const int goodsColumns = int(detail::goodsTable().columns.size());
    const Statement statement = goodsAndMemberStatement(goodsId, memberId);
    auto rows = read.select(statement.sql, statement.binds);
    if (!rows)
        return rows.error();
    std::pair<GoodsContext, core::Member> out;
    out.first.goods.id = goodsId;
    out.second.id = memberId;
    if (rows->isEmpty())
        return out;
    const QVariantList& r = rows->first();
    if (r.value(0).toBool()) {
        out.first.goods = goodsFrom(r, 2);
        auto balance = linkedBalance(read, out.first.goods.supplierLinks);
        if (!balance)
            return balance.error();
        out.first.supplierBalance = balance.value();
    }
    if (r.value(1).toBool())
        out.second = memberFrom(r, 2 + goodsColumns);
    return out;
}

struct MemberHistory
{
    qint64 usualQuantity = 0;
    qint64 previousPaidOrders = 0;
};

// The median of the quantities; of an even count, the mean of the two middle ones rounded up (the
// lenient side: a larger norm sends fewer orders to review).
qint64 median(QList<qint64> quantities)
{
    if (quantities.isEmpty())
        return 0;
    std::sort(quantities.begin(), quantities.end());
    const qsizetype n = quantities.size();
    if (n % 2 == 1)
        return quantities[n / 2];
    const qint64 low = quantities[n / 2 - 1];
    const qint64 high = quantities[n / 2];
    return low + (high - low + 1) / 2;
}

core::Result<MemberHistory> memberHistory(const ReadSession& read, const core::Order& order)
{
    MemberHistory out;
    if (order.memberId <= 0)
        return out;
    const Statement statement = historyStatement(order);
    auto rows = read.select(statement.sql, statement.binds);
    if (!rows)
        return rows.error();
    QList<qint64> quantities;
    for (const QVariantList& r : *rows)
        quantities << r.value(0).toLongLong();
    out.usualQuantity = median(quantities);
    out.previousPaidOrders = rows->isEmpty() ? 0 : rows->first().value(1).toLongLong();
    return out;
}

// The rules see the same answers with these entries as with the whole list.
core::Result<core::Blacklist> blacklistFor(const ReadSession& read, const core::Order& order,
                                           const core::Member& member)
{
    const Statement statement = blacklistStatement(order, member.contact);
    auto rows = read.select(statement.sql, statement.binds);
    if (!rows)
        return rows.error();
    return blacklistOf(*rows);
}

core::OrderContext contextOf(const GoodsContext& goods, const core::Member& member,
                             const MemberHistory& history, const core::Blacklist& blacklist)
{
    core::OrderContext c;
    c.goods = goods.goods;
    c.member = member;
    c.usualQuantity = history.usualQuantity;
    c.previousPaidOrders = history.previousPaidOrders;
    c.supplierBalance = goods.supplierBalance;
    c.blacklist = blacklist;
    return c;
}

// Who saved a row: the operator's display name, else the login ("" when the operator is gone).
const QString kOperatorName = u"COALESCE(NULLIF(o.display_name, ''), o.login, '')"_s;

} // namespace

QList<Statement> contextStatements(const core::Order& order)
{
    return {goodsAndMemberStatement(order.goodsId, order.memberId), balanceStatement(u"fulu"_s, u"1"_s),
            historyStatement(order), blacklistStatement(order, {}),
            windowStatement(order.createdAt, order.createdAt + 1, 1)};
}

core::Result<core::RuleSet> current(const ReadSession& read)
{
    return currentFrom(read);
}

core::Result<core::RuleSet> current(WriteContext& ctx)
{
    return currentFrom(ctx);
}

core::Result<void> save(WriteContext& ctx, const core::Actor& actor, const core::RuleSet& next)
{
    if (auto allowed = core::authorize(actor, core::Permission::ManageSettings); !allowed)
        return allowed;
    auto inForce = current(ctx);
    if (!inForce)
        return inForce.error();
    if (auto successor = core::RuleSet::checkSuccession(inForce.value(), next); !successor)
        return successor;
    auto stored =
        ctx.exec(u"INSERT INTO rule_sets (version, body, operator_id, created_at) VALUES (?, ?, ?, ?)"_s,
                 {next.version(), QString::fromUtf8(next.toJson()), actor.operatorId, ctx.nowSeconds()});
    if (!stored)
        return stored.error();
    ctx.touch(kRuleSetsTable);
    return ctx.audit(actor, u"rules.save"_s, u"rule_set"_s, QString::number(next.version()),
                     compactJson({{u"previous"_s, inForce->version()},
                                  {u"version"_s, next.version()},
                                  {u"rules"_s, qint64(next.rules().size())}}));
}

core::Result<QList<RuleSetVersion>> history(const ReadSession& read)
{
    auto rows = read.select(u"SELECT r.version, r.created_at, "_s + kOperatorName +
                            u" FROM rule_sets r LEFT JOIN operators o ON o.id = r.operator_id "
                            u"ORDER BY r.version DESC"_s);
    if (!rows)
        return rows.error();
    QList<RuleSetVersion> out;
    for (const QVariantList& r : *rows)
        out << RuleSetVersion{r.value(0).toLongLong(), r.value(1).toLongLong(), r.value(2).toString()};
    return out;
}

core::Result<std::optional<core::RuleSet>> version(const ReadSession& read, qint64 version)
{
    auto rows = read.select(u"SELECT body FROM rule_sets WHERE version = ?"_s, {version});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return std::optional<core::RuleSet>();
    auto set = core::RuleSet::fromJson(rows->first().value(0).toString().toUtf8());
    if (!set)
        return makeError(ErrorCode::Storage,
                         u"rule set %1 does not parse: %2"_s.arg(version).arg(set.error().detail));
    return std::optional(set.value());
}

core::Result<core::Blacklist> blacklist(const ReadSession& read)
{
    return blacklistFrom(read);
}

core::Result<core::Blacklist> blacklist(WriteContext& ctx)
{
    return blacklistFrom(ctx);
}

core::Result<QList<BlacklistEntry>> blacklistEntries(const ReadSession& read)
{
    auto rows = read.select(u"SELECT b.list, b.value, b.note, b.created_at, "_s + kOperatorName +
                            u" FROM blacklist b LEFT JOIN operators o ON o.id = b.operator_id "
                            u"ORDER BY b.list, b.value"_s);
    if (!rows)
        return rows.error();
    QList<BlacklistEntry> out;
    for (const QVariantList& r : *rows)
        out << BlacklistEntry{r.value(0).toString(), r.value(1).toString(), r.value(2).toString(),
                              r.value(3).toLongLong(), r.value(4).toString()};
    return out;
}

core::Result<QString> normalisedEntry(const QString& list, const QString& value)
{
    const QString normal = core::Blacklist::normalise(value);
    if (list == QStringView(kListMember)) {
        bool ok = false;
        const qint64 id = normal.toLongLong(&ok);
        core::Blacklist check;
        if (!ok || !check.addMember(id))
            return makeError(ErrorCode::InvalidArgument, u"a member id is a positive integer"_s);
        return QString::number(id);
    }
    if (list != QStringView(kListContact) && list != QStringView(kListAccount))
        return makeError(ErrorCode::InvalidArgument, u"no blacklist named "_s + list);
    core::Blacklist check;
    if (!(list == QStringView(kListContact) ? check.addContact(value) : check.addChargeAccount(value)))
        return makeError(ErrorCode::InvalidArgument, u"a blacklist entry cannot be blank"_s);
    return normal;
}

core::Result<void> addToBlacklist(WriteContext& ctx, const core::Actor& actor, const QString& list,
                                  const QString& value, const QString& note)
{
    if (auto allowed = core::authorize(actor, core::Permission::ReviewOrders); !allowed)
        return allowed;
    auto entry = normalisedEntry(list, value);
    if (!entry)
        return entry.error();
    auto listed =
        ctx.select(u"SELECT 1 FROM blacklist WHERE list = ? AND value = ?"_s, {list, entry.value()});
    if (!listed)
        return listed.error();
    if (!listed->isEmpty())
        return makeError(ErrorCode::Conflict, list + u' ' + entry.value() + u" is already listed"_s);
    const QString trimmedNote = note.trimmed();
    auto stored = ctx.exec(
        u"INSERT INTO blacklist (list, value, note, operator_id, created_at) VALUES (?, ?, ?, ?, ?)"_s,
        {list, entry.value(), detail::text(trimmedNote), actor.operatorId, ctx.nowSeconds()});
    if (!stored)
        return stored.error();
    ctx.touch(kBlacklistTable);
    return ctx.audit(actor, u"blacklist.add"_s, u"blacklist"_s, list + u':' + entry.value(),
                     compactJson({{u"list"_s, list}, {u"value"_s, entry.value()}, {u"note"_s, trimmedNote}}));
}

core::Result<void> removeFromBlacklist(WriteContext& ctx, const core::Actor& actor, const QString& list,
                                       const QString& value)
{
    if (auto allowed = core::authorize(actor, core::Permission::ReviewOrders); !allowed)
        return allowed;
    auto entry = normalisedEntry(list, value);
    if (!entry)
        return entry.error();
    auto removed = ctx.exec(u"DELETE FROM blacklist WHERE list = ? AND value = ?"_s, {list, entry.value()});
    if (!removed)
        return removed.error();
    if (removed.value() == 0)
        return makeError(ErrorCode::NotFound, list + u' ' + entry.value() + u" is not listed"_s);
    ctx.touch(kBlacklistTable);
    return ctx.audit(actor, u"blacklist.remove"_s, u"blacklist"_s, list + u':' + entry.value(),
                     compactJson({{u"list"_s, list}, {u"value"_s, entry.value()}}));
}

core::Result<std::optional<core::Order>> order(const ReadSession& read, qint64 id)
{
    auto rows = read.select(
        u"SELECT "_s + columnsOf(detail::ordersTable(), u"o"_s) + u" FROM orders o WHERE o.id = ?"_s, {id});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return std::optional<core::Order>();
    return std::optional(detail::orderFromValues(rows->first()));
}

core::Result<core::OrderContext> orderContext(const ReadSession& read, const core::Order& order)
{
    auto parties = goodsAndMember(read, order.goodsId, order.memberId);
    if (!parties)
        return parties.error();
    auto past = memberHistory(read, order);
    if (!past)
        return past.error();
    auto listed = blacklistFor(read, order, parties->second);
    if (!listed)
        return listed.error();
    return contextOf(parties->first, parties->second, past.value(), listed.value());
}

core::Result<QList<core::DryRunInput>> dryRunInputs(const ReadSession& read, qint64 from, qint64 to,
                                                    int limit)
{
    const Statement statement = windowStatement(from, to, limit);
    auto rows = read.select(statement.sql, statement.binds);
    if (!rows)
        return rows.error();
    auto listed = blacklistFrom(read);
    if (!listed)
        return listed.error();
    QHash<qint64, GoodsContext> goods;
    QHash<qint64, core::Member> members;
    QList<core::DryRunInput> out;
    out.reserve(rows->size());
    for (const QVariantList& r : *rows) {
        core::DryRunInput input;
        input.order = detail::orderFromValues(r);
        const core::Order& o = input.order;
        if (!goods.contains(o.goodsId) || !members.contains(o.memberId)) {
            auto parties = goodsAndMember(read, o.goodsId, o.memberId);
            if (!parties)
                return parties.error();
            goods.insert(o.goodsId, parties->first);
            members.insert(o.memberId, parties->second);
        }
        auto past = memberHistory(read, o);
        if (!past)
            return past.error();
        input.context =
            contextOf(goods.value(o.goodsId), members.value(o.memberId), past.value(), listed.value());
        out << std::move(input);
    }
    return out;
}

} // namespace cardops::storage::fulfilmentrules
