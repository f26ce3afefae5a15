#include "storage/enterprisebatches.h"

#include "core/pricing.h"
#include "storage/entitytables_p.h"
#include "storage/outbox.h"
#include "storage/readsession.h"
#include "storage/writecontext.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace cardops::storage::enterprisebatches {
namespace {

using detail::i64;
using detail::text;

const QString kLineColumns = u"batch_id, line_no, charge_account, quantity, state, order_id, error"_s;
const QString kBatchColumns =
    u"id, member_id, goods_id, created_at, created_by, pay_channel, contact, state"_s;

BatchLine lineFrom(const QVariantList& r)
{
    BatchLine l;
    l.batchId = r.value(0).toLongLong();
    l.lineNo = r.value(1).toLongLong();
    l.chargeAccount = r.value(2).toString();
    l.quantity = r.value(3).toLongLong();
    l.state = r.value(4).toString();
    l.orderId = r.value(5).toLongLong();
    l.error = r.value(6).toString();
    return l;
}

Batch batchFrom(const QVariantList& r)
{
    Batch b;
    b.id = r.value(0).toLongLong();
    b.memberId = r.value(1).toLongLong();
    b.goodsId = r.value(2).toLongLong();
    b.createdAt = r.value(3).toLongLong();
    b.createdBy = r.value(4).toLongLong();
    b.payChannel = r.value(5).toString();
    b.contact = r.value(6).toString();
    b.state = r.value(7).toString();
    return b;
}

core::Goods goodsFrom(const QVariantList& r)
{
    const auto m = [&r](int i) {
        return core::Money::fromUnits(r.value(i).toLongLong());
    };
    core::Goods g;
    g.id = r.value(0).toLongLong();
    g.sku = r.value(1).toString();
    g.name = r.value(2).toString();
    g.categoryId = r.value(3).toLongLong();
    g.sort = r.value(4).toLongLong();
    g.kind = r.value(5).toString();
    g.cardFormat = r.value(6).toString();
    g.cardSeparator = r.value(7).toString();
    g.faceValue = m(8);
    g.price = m(9);
    g.cost = m(10);
    g.tierPrices = r.value(11).toString().toUtf8();
    g.contractPrices = r.value(12).toString().toUtf8();
    g.supplierLinks = r.value(13).toString().toUtf8();
    g.fulfilmentOwner = r.value(14).toString();
    g.stockAvailable = r.value(15).toLongLong();
    g.stockLocked = r.value(16).toLongLong();
    g.lowStockThreshold = r.value(17).toLongLong();
    g.status = r.value(18).toString();
    g.listingTitle = r.value(19).toString();
    g.listingSpec = r.value(20).toString();
    g.listingDescription = r.value(21).toString();
    g.version = r.value(22).toLongLong();
    g.updatedAt = r.value(23).toLongLong();
    return g;
}

QString goodsSelect()
{
    return u"SELECT "_s + detail::goodsTable().columns.join(u", ") + u" FROM goods ";
}

// The line's state moves; the batch closes once no line is unfinished.
core::Result<void> setLine(WriteContext& ctx, qint64 batchId, qint64 lineNo, const QString& state,
                           qint64 orderId, const QString& error)
{
    auto current =
        ctx.select(u"SELECT state FROM enterprise_batch_lines WHERE batch_id = ? AND line_no = ?"_s,
                   {i64(batchId), i64(lineNo)});
    if (!current)
        return current.error();
    if (current->isEmpty())
        return core::makeError(core::ErrorCode::NotFound,
                               u"batch %1 has no line %2"_s.arg(batchId).arg(lineNo));
    const QString was = current->first().value(0).toString();
    if (was == u"created" || was == u"failed")
        return core::makeError(core::ErrorCode::Conflict,
                               u"batch %1 line %2 is already %3"_s.arg(batchId).arg(lineNo).arg(was));
    auto r = ctx.exec(u"UPDATE enterprise_batch_lines SET state = ?, order_id = ?, error = ? "
                      u"WHERE batch_id = ? AND line_no = ?"_s,
                      {state, i64(orderId), text(error), i64(batchId), i64(lineNo)});
    if (!r)
        return r.error();
    auto open = ctx.select(u"SELECT COUNT(*) FROM enterprise_batch_lines WHERE batch_id = ? "
                           u"AND state IN ('pending', 'sent')"_s,
                           {i64(batchId)});
    if (!open)
        return open.error();
    auto b = ctx.exec(u"UPDATE enterprise_batches SET state = ? WHERE id = ?"_s,
                      {open->first().value(0).toLongLong() > 0 ? u"open"_s : u"done"_s, i64(batchId)});
    if (!b)
        return b.error();
    ctx.touch(u"enterprise_batch_lines"_s);
    ctx.touch(u"enterprise_batches"_s);
    return {};
}

} // namespace

QByteArray lineKey(qint64 batchId, qint64 lineNo)
{
    return "batch-" + QByteArray::number(batchId) + '-' + QByteArray::number(lineNo);
}

core::Result<qint64> create(WriteContext& ctx, const core::Actor& actor, qint64 memberId, qint64 goodsId,
                            const QString& payChannel, const QString& contact, const QList<NewLine>& lines)
{
    if (lines.isEmpty())
        return core::makeError(core::ErrorCode::InvalidArgument, u"a batch needs at least one line"_s);
    QSet<qint64> numbers;
    qint64 units = 0;
    for (const NewLine& l : lines) {
        if (l.lineNo < 1 || l.quantity < 1 || numbers.contains(l.lineNo))
            return core::makeError(
                core::ErrorCode::InvalidArgument,
                u"line %1: a line number is used twice or the quantity is not positive"_s.arg(l.lineNo));
        numbers.insert(l.lineNo);
        units += l.quantity;
    }
    auto id = ctx.insert(u"INSERT INTO enterprise_batches (member_id, goods_id, created_at, created_by, "
                         u"pay_channel, contact, state) VALUES (?, ?, ?, ?, ?, ?, 'open')"_s,
                         {i64(memberId), i64(goodsId), i64(ctx.nowSeconds()), i64(actor.operatorId),
                          text(payChannel.isEmpty() ? u"balance"_s : payChannel), text(contact)});
    if (!id)
        return id.error();
    for (const NewLine& l : lines) {
        auto r = ctx.execCached(
            u"INSERT INTO enterprise_batch_lines (batch_id, line_no, charge_account, quantity, "
            u"state) VALUES (?, ?, ?, ?, 'pending')"_s,
            {i64(id.value()), i64(l.lineNo), text(l.chargeAccount), i64(l.quantity)});
        if (!r)
            return r.error();
    }
    const QJsonObject detail{{u"batch_id"_s, double(id.value())},
                             {u"goods_id"_s, double(goodsId)},
                             {u"lines"_s, double(lines.size())},
                             {u"units"_s, double(units)}};
    auto audited = ctx.audit(actor, u"enterprise.batch"_s, u"member"_s, QString::number(memberId),
                             QString::fromUtf8(QJsonDocument(detail).toJson(QJsonDocument::Compact)));
    if (!audited)
        return audited.error();
    ctx.touch(u"enterprise_batches"_s);
    ctx.touch(u"enterprise_batch_lines"_s);
    ctx.touch(u"audit_log"_s);
    return id.value();
}

core::Result<void> markSent(WriteContext& ctx, qint64 batchId, qint64 lineNo)
{
    auto current =
        ctx.select(u"SELECT error FROM enterprise_batch_lines WHERE batch_id = ? AND line_no = ?"_s,
                   {i64(batchId), i64(lineNo)});
    if (!current)
        return current.error();
    return setLine(ctx, batchId, lineNo, u"sent"_s, 0,
                   current->isEmpty() ? QString() : current->first().value(0).toString());
}

core::Result<void> markCreated(WriteContext& ctx, qint64 batchId, qint64 lineNo, qint64 orderId)
{
    return setLine(ctx, batchId, lineNo, u"created"_s, orderId, QString());
}

core::Result<void> markFailed(WriteContext& ctx, qint64 batchId, qint64 lineNo, const QString& error,
                              bool permanent)
{
    return setLine(ctx, batchId, lineNo, permanent ? u"failed"_s : u"sent"_s, 0, error);
}

core::Result<Batch> batch(const ReadSession& read, qint64 batchId)
{
    auto b =
        read.select(u"SELECT "_s + kBatchColumns + u" FROM enterprise_batches WHERE id = ?", {i64(batchId)});
    if (!b)
        return b.error();
    if (b->isEmpty())
        return core::makeError(core::ErrorCode::NotFound, u"no batch %1"_s.arg(batchId));
    Batch out = batchFrom(b->first());
    auto lines = read.select(u"SELECT "_s + kLineColumns +
                                 u" FROM enterprise_batch_lines WHERE batch_id = ? ORDER BY line_no",
                             {i64(batchId)});
    if (!lines)
        return lines.error();
    for (const QVariantList& r : lines.value())
        out.lines << lineFrom(r);
    return out;
}

core::Result<QList<BatchLine>> unfinished(const ReadSession& read, qint64 batchId)
{
    auto lines = read.select(u"SELECT "_s + kLineColumns +
                                 u" FROM enterprise_batch_lines WHERE batch_id = ? AND state IN ('pending', "
                                 u"'sent') ORDER BY line_no",
                             {i64(batchId)});
    if (!lines)
        return lines.error();
    QList<BatchLine> out;
    for (const QVariantList& r : lines.value())
        out << lineFrom(r);
    return out;
}

core::Result<QList<Batch>> openBatches(const ReadSession& read, qint64 memberId)
{
    auto rows =
        read.select(u"SELECT "_s + kBatchColumns +
                        u" FROM enterprise_batches WHERE member_id = ? AND state = 'open' ORDER BY id DESC",
                    {i64(memberId)});
    if (!rows)
        return rows.error();
    QList<Batch> out;
    for (const QVariantList& r : rows.value())
        out << batchFrom(r);
    return out;
}

core::Result<BuyerGoods> buyerGoods(const ReadSession& read, qint64 memberId, qint64 goodsId)
{
    BuyerGoods out;
    auto member =
        read.select(u"SELECT "_s + detail::membersTable().columns.join(u", ") + u" FROM members WHERE id = ?",
                    {i64(memberId)});
    if (!member)
        return member.error();
    if (!member->isEmpty()) {
        const QVariantList& r = member->first();
        core::Member m;
        m.id = r.value(0).toLongLong();
        m.name = r.value(1).toString();
        m.kind = r.value(2).toString();
        m.parentId = r.value(3).toLongLong();
        m.tierId = r.value(4).toLongLong();
        m.registeredAt = r.value(5).toLongLong();
        m.contact = r.value(6).toString();
        m.balance = core::Money::fromUnits(r.value(7).toLongLong());
        m.tags = r.value(8).toString().toUtf8();
        m.version = r.value(9).toLongLong();
        m.updatedAt = r.value(10).toLongLong();
        out.member = m;
    }
    auto goods = read.select(goodsSelect() + u"WHERE id = ?", {i64(goodsId)});
    if (!goods)
        return goods.error();
    if (!goods->isEmpty())
        out.goods = goodsFrom(goods->first());
    auto tiers = read.select(u"SELECT id, name, rank, discount_ppm FROM tiers ORDER BY rank"_s);
    if (!tiers)
        return tiers.error();
    for (const QVariantList& r : tiers.value()) {
        core::Tier t;
        t.id = r.value(0).toLongLong();
        t.name = r.value(1).toString();
        t.rank = r.value(2).toLongLong();
        t.discount = core::Rate::fromPpm(r.value(3).toLongLong());
        out.tiers << t;
    }
    return out;
}

core::Result<QList<core::Goods>> contractGoods(const ReadSession& read, qint64 memberId)
{
    // A coarse text filter first, then the exact check of the parsed list.
    auto rows = read.select(goodsSelect() + u"WHERE contract_prices LIKE ? ORDER BY name, id",
                            {u"%\"member_id\":%1%"_s.arg(memberId)});
    if (!rows)
        return rows.error();
    QList<core::Goods> out;
    for (const QVariantList& r : rows.value()) {
        core::Goods g = goodsFrom(r);
        const auto entries = core::parseContractPrices(g.contractPrices);
        if (std::any_of(entries.cbegin(), entries.cend(),
                        [memberId](const core::ContractPriceEntry& e) { return e.memberId == memberId; }))
            out << g;
    }
    return out;
}

core::Result<bool> stageContractPrice(WriteContext& ctx, const core::Actor& actor, qint64 goodsId,
                                      qint64 memberId, std::optional<core::Money> price)
{
    auto current = ctx.select(u"SELECT contract_prices FROM goods WHERE id = ?"_s, {i64(goodsId)});
    if (!current)
        return current.error();
    if (current->isEmpty())
        return core::makeError(core::ErrorCode::NotFound, u"no goods %1 in the cache"_s.arg(goodsId));
    QList<core::ContractPriceEntry> entries =
        core::parseContractPrices(current->first().value(0).toString().toUtf8());
    const QList<core::ContractPriceEntry> before = entries;
    const auto at =
        std::find_if(entries.begin(), entries.end(),
                     [memberId](const core::ContractPriceEntry& e) { return e.memberId == memberId; });
    if (!price) {
        if (at != entries.end())
            entries.erase(at);
    } else if (at != entries.end()) {
        at->price = *price;
    } else {
        entries << core::ContractPriceEntry{memberId, *price};
    }
    if (entries == before)
        return false;
    auto staged = outbox::stage(
        ctx, actor,
        {u"goods"_s, goodsId, QJsonObject{{u"contract_prices"_s, core::contractPricesJson(entries)}}});
    if (!staged)
        return staged.error();
    return true;
}

} // namespace cardops::storage::enterprisebatches
