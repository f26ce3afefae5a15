#include "sim/data/handover.h"

#include "sim/data/fulustate.h"
#include "sim/data/simrandom.h"

namespace cardops::sim {

int placeHandover(PlatformState& state, FuluState& fulu, qint64 count, quint64 seed, int goodsLimit)
{
    if (count <= 0)
        return 0;
    Rng rng(seed ^ 0x68616e646f766572ULL);
    QList<qint32> fromStock;
    QList<qint32> bought;
    for (qint32 i = 0; i < state.goods().size(); ++i) {
        if (goodsLimit > 0 && fromStock.size() + bought.size() >= goodsLimit)
            break;
        const Goods& g = state.goods().at(i);
        if (!g.on)
            continue;
        for (const SupplierLink& link : g.supplierLinks) {
            if (link.protocol != "fulu")
                continue;
            const qint64 productId = link.productRef.toLongLong();
            const FuluState::Product* p = fulu.product(productId);
            if (p == nullptr || p->card == g.direct)
                continue;
            fulu.setSalesStatus(productId, FuluState::SalesStatus::OnShelf);
            if (p->card)
                fulu.setStock(productId, count * 10);
            (g.direct || rng.chance(0.5) ? bought : fromStock).append(i);
            break;
        }
    }
    if (fromStock.isEmpty() && bought.isEmpty())
        return 0;
    const QList<qint32> goods = fromStock + bought;
    for (const qint32 gi : goods) {
        Goods& g = state.goodsAt(gi);
        g.ownerCardops = true;
        g.stockAvailable = fromStock.contains(gi) ? count * 3 : 0;
        state.commitChange(core::Feed::Goods, gi);
    }
    fulu.setBalance(Money::fromYuan(count * 5000));
    const auto members = static_cast<qint32>(state.members().size());
    for (qint64 n = 0; n < count; ++n) {
        OrderDraft d;
        d.goodsIndex = goods.at(static_cast<qsizetype>(rng.below(goods.size())));
        d.memberIndex = static_cast<qint32>(rng.below(members));
        d.quantity = rng.chance(0.8) ? 1 : static_cast<qint32>(rng.range(2, 3));
        d.payChannel = rng.chance(0.5) ? PayChannel::Alipay : PayChannel::Wechat;
        if (state.goods().at(d.goodsIndex).direct)
            d.chargeAccount = 13000000000LL + rng.below(999999999);
        state.placeOrder(d);
    }
    return static_cast<int>(goods.size());
}

qint64 placeOneOrder(PlatformState& state, bool handedOver)
{
    qint32 gi = -1;
    for (qint32 i = 0; i < state.goods().size() && gi < 0; ++i) {
        const Goods& g = state.goods()[i];
        if (g.on && !g.direct && g.stockAvailable >= 5)
            gi = i;
    }
    if (gi < 0)
        return 0;
    const bool owner = state.goods()[gi].ownerCardops;
    state.goodsAt(gi).ownerCardops = handedOver;
    OrderDraft d;
    d.memberIndex = 2;
    d.goodsIndex = gi;
    d.payChannel = PayChannel::Alipay;
    if (!handedOver)
        d.forcedReason = ReviewReason::QuantityAboveNorm;
    const qint32 index = state.placeOrder(d);
    state.goodsAt(gi).ownerCardops = owner;
    return PlatformState::orderId(index);
}

} // namespace cardops::sim
