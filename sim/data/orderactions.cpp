// PlatformState: order actions of the API (create, deliver, review, refund, reissue).
#include "sim/data/cardstore.h"
#include "sim/data/goodscards.h"
#include "sim/data/platformstate.h"

#include <QJsonArray>
#include <algorithm>

namespace cardops::sim {

namespace {

ApiResult bad(const char* field)
{
    return ApiResult::error(400, 40000, QByteArray(field));
}

bool readInt(const QJsonValue& v, qint64* out)
{
    if (!v.isDouble() || static_cast<double>(v.toInteger()) != v.toDouble())
        return false;
    *out = v.toInteger();
    return true;
}

bool isDigits(const QString& s)
{
    return !s.isEmpty() && s.size() <= 18 &&
           std::all_of(s.cbegin(), s.cend(), [](QChar c) { return c.isDigit(); });
}

} // namespace

ApiResult PlatformState::orderResult(qint32 index) const
{
    return ApiResult::ok(entityJson(core::Feed::Orders, index));
}

ApiResult PlatformState::orderGate(QByteArrayView action, qint64 id, QByteArrayView holder, qint32* index) const
{
    if (m_refusedActions.contains(action.toByteArray()))
        return ApiResult::error(403, 40300, "not supported by this platform: " + action.toByteArray());
    if (id <= kOrderIdBase || id > kOrderIdBase + m_orders.size())
        return ApiResult::error(404, 40400, "not found");
    *index = static_cast<qint32>(id - kOrderIdBase - 1);
    if (m_orders[*index].deleted)
        return ApiResult::error(404, 40400, "not found");
    if (m_orders[*index].handedOver && !leaseHeldBy(holder))
        return ApiResult::error(403, 40301, "not the lease holder");
    return ApiResult::ok({});
}

bool PlatformState::deleteUnpaidOrder(qint32 index)
{
    if (index < 0 || index >= m_orders.size() || m_orders[index].status != OrderStatus::Unpaid ||
        m_orders[index].deleted)
        return false;
    m_orders[index].status = OrderStatus::Cancelled;
    m_orders[index].deleted = true;
    commitChange(core::Feed::Orders, index);
    return true;
}

ApiResult PlatformState::ifStatus(qint32 index, const QJsonObject& body) const
{
    const QJsonValue want = body[u"if_status"];
    if (want.isUndefined())
        return ApiResult::ok({});
    if (!want.isString())
        return bad("if_status");
    if (want.toString() != QLatin1String(orderStatusName(m_orders[index].status)))
        return ApiResult::error(409, 40900, "order status differs", entityJson(core::Feed::Orders, index));
    return ApiResult::ok({});
}

ApiResult PlatformState::createOrder(const QJsonObject& body)
{
    OrderDraft d;
    qint64 memberId = 0;
    qint64 goodsId = 0;
    qint64 quantity = 1;
    if (!readInt(body[u"member_id"], &memberId) || memberId < 1 || memberId > m_members.size())
        return bad("member_id");
    if (!readInt(body[u"goods_id"], &goodsId) || goodsId < 1 || goodsId > m_goods.size())
        return bad("goods_id");
    if (body.contains(u"quantity") &&
        (!readInt(body[u"quantity"], &quantity) || quantity < 1 || quantity > 10000))
        return bad("quantity");
    if (!m_goods[goodsId - 1].on)
        return bad("goods_id");
    const QJsonValue account = body[u"charge_account"];
    if (!account.isUndefined() &&
        !(account.isString() && (account.toString().isEmpty() || isDigits(account.toString()))))
        return bad("charge_account");
    d.chargeAccount = account.toString().toLongLong();
    const QJsonValue contact = body[u"contact"];
    if (!contact.isUndefined() && !contact.isString())
        return bad("contact");
    d.contact = contact.toString().toUtf8();
    const QString channel = body[u"pay_channel"].toString(QStringLiteral("balance"));
    if (channel == u"alipay")
        d.payChannel = PayChannel::Alipay;
    else if (channel == u"wechat")
        d.payChannel = PayChannel::Wechat;
    else if (channel == u"balance")
        d.payChannel = PayChannel::Balance;
    else if (channel == u"offline")
        d.payChannel = PayChannel::Offline; // paid outside the shop: recorded as paid, no balance moves
    else
        return bad("pay_channel");
    d.memberIndex = static_cast<qint32>(memberId - 1);
    d.goodsIndex = static_cast<qint32>(goodsId - 1);
    d.quantity = static_cast<qint32>(quantity);
    return orderResult(placeOrder(d));
}

ApiResult PlatformState::deliverOrder(qint64 id, const QJsonObject& body, QByteArrayView holder)
{
    qint32 index = 0;
    if (auto gate = orderGate("deliver", id, holder, &index); !gate.isOk())
        return gate;
    if (auto condition = ifStatus(index, body); !condition.isOk())
        return condition;
    Order& o = m_orders[index];
    const bool open = o.status == OrderStatus::Paid || o.status == OrderStatus::HandedOver ||
                      o.status == OrderStatus::Delivering || o.status == OrderStatus::Review;
    if (!open)
        return ApiResult::error(409, 40900, "order is not deliverable",
                                entityJson(core::Feed::Orders, index));
    const auto gi = static_cast<qint32>(o.goodsId - 1);
    if (body[u"from_stock"].toBool(false)) {
        if (m_goods[gi].direct)
            return bad("from_stock");
        if (!deliverNow(index, true))
            return ApiResult::error(409, 40900, "stock short", entityJson(core::Feed::Goods, gi));
    } else if ((body[u"cards"].isArray() && !body[u"cards"].toArray().isEmpty()) ||
               body[u"recharge"].isObject()) {
        deliverNow(index, false);
    } else {
        return bad("from_stock");
    }
    commitChange(core::Feed::Orders, index);
    return orderResult(index);
}

ApiResult PlatformState::reviewOrder(qint64 id, const QJsonObject& body, QByteArrayView holder)
{
    qint32 index = 0;
    if (auto gate = orderGate("review", id, holder, &index); !gate.isOk())
        return gate;
    if (auto condition = ifStatus(index, body); !condition.isOk())
        return condition;
    const QString reason = body[u"reason"].toString();
    if (reason.isEmpty())
        return bad("reason");
    Order& o = m_orders[index];
    const bool open = o.status == OrderStatus::Paid || o.status == OrderStatus::HandedOver ||
                      o.status == OrderStatus::Delivering || o.status == OrderStatus::Review;
    if (!open)
        return ApiResult::error(409, 40900, "order is not open", entityJson(core::Feed::Orders, index));
    o.status = OrderStatus::Review;
    o.reviewReason = ReviewReason::Manual;
    m_manualReviewReason.insert(index, reason.toUtf8());
    commitChange(core::Feed::Orders, index);
    return orderResult(index);
}

ApiResult PlatformState::refundOrder(qint64 id, const QJsonObject& body, QByteArrayView holder)
{
    qint32 index = 0;
    if (auto gate = orderGate("refund", id, holder, &index); !gate.isOk())
        return gate;
    if (auto condition = ifStatus(index, body); !condition.isOk())
        return condition;
    Order& o = m_orders[index];
    if (o.status == OrderStatus::Unpaid || o.status == OrderStatus::Cancelled)
        return ApiResult::error(409, 40900, "order is not paid", entityJson(core::Feed::Orders, index));
    const auto amount = Money::parse(body[u"amount"].toString());
    if (!body[u"amount"].isString() || !amount || *amount <= Money() ||
        *amount > o.paidAmount - o.refundAmount)
        return bad("amount");
    if (body[u"reason"].toString().isEmpty())
        return bad("reason");
    const qint64 at = now();
    const Money paid = o.paidAmount;
    const qint32 buyer = o.memberId - 1;
    // Reverse the commissions of this order in proportion to the refunded share (domain.md), as
    // docs/commission.md reads it for several partial refunds: each reverses the share of all
    // refunds so far minus what the earlier ones reversed, so the last absorbs the rounding.
    const Money before = o.refundAmount;
    const qsizetype ledgerEnd = m_ledger.size();
    for (qsizetype i = 0; i < ledgerEnd; ++i) {
        const LedgerEntry e = m_ledger[i];
        if (e.orderIndex != index || e.kind != LedgerKind::Commission || e.amount <= Money())
            continue;
        const Money back = core::rounding::commissionReversal(e.amount, before + *amount, paid) -
                           core::rounding::commissionReversal(e.amount, before, paid);
        if (back > Money())
            book(e.memberId - 1, LedgerKind::Commission, -back, index, at);
    }
    book(buyer, LedgerKind::Refund, *amount, index, at);
    Order& refunded = m_orders[index];
    refunded.refundAmount += *amount;
    refunded.status = OrderStatus::Refunded;
    commitChange(core::Feed::Orders, index);
    return orderResult(index);
}

ApiResult PlatformState::reissueCard(qint64 id, const QJsonObject& body, QByteArrayView holder)
{
    qint32 index = 0;
    if (auto gate = orderGate("reissue", id, holder, &index); !gate.isOk())
        return gate;
    qint64 cardId = 0;
    if (!readInt(body[u"card_id"], &cardId) || cardId <= 0)
        return bad("card_id");
    if (!body[u"reason"].isString() || body[u"reason"].toString().trimmed().isEmpty())
        return bad("reason");
    const Order& o = m_orders[index];
    const auto gi = static_cast<qint32>(o.goodsId - 1);
    if (m_goods[gi].direct || o.status != OrderStatus::Delivered)
        return ApiResult::error(409, 40900, "order has no delivered cards",
                                entityJson(core::Feed::Orders, index));
    const QList<qint32> voided = m_reissued.value(index);
    const qint64 cards = o.quantity + voided.size();
    const qint64 cardIndex = cardId % CardStore::kIdsPerOrder;
    if (cardId / CardStore::kIdsPerOrder != id || cardIndex >= cards)
        return ApiResult::error(404, 40400, "card not of this order");
    if (voided.contains(static_cast<qint32>(cardIndex)))
        return ApiResult::error(409, 40900, "card already void", entityJson(core::Feed::Orders, index));
    if (cards >= CardStore::kIdsPerOrder)
        return ApiResult::error(409, 40900, "too many cards", entityJson(core::Feed::Orders, index));
    Goods& g = m_goods[gi];
    if (g.stockAvailable < 1)
        return ApiResult::error(409, 40900, "stock short", entityJson(core::Feed::Goods, gi));
    g.stockAvailable -= 1;
    if (m_goodsCards)
        m_goodsCards->allocate(gi, index, 1);
    commitChange(core::Feed::Goods, gi);
    m_reissued[index].append(static_cast<qint32>(cardIndex));
    commitChange(core::Feed::Orders, index);
    return orderResult(index);
}

} // namespace cardops::sim
