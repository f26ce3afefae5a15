#include "sim/data/liveorders.h"

#include <cmath>

namespace cardops::sim {

namespace {

constexpr double kHourShape[24] = {0.60, 0.35, 0.20, 0.12, 0.10, 0.12, 0.25, 0.45, 0.70, 0.85, 0.95, 1.00,
                                   1.10, 1.00, 0.95, 0.95, 1.00, 1.05, 1.15, 1.35, 1.60, 1.70, 1.50, 1.00};
constexpr double kHourMean = 0.8;

} // namespace

LiveOrderGenerator::LiveOrderGenerator(PlatformState& state, quint64 seed)
    : m_state(state)
    , m_rng(seed ^ 0x11fe)
{
    const auto& members = state.members();
    for (qsizetype i = 0; i < members.size(); ++i)
        m_members.add((members[i].kind == MemberKind::Consumer ? 1.0 : 5.0) /
                      std::pow(static_cast<double>(i % 997) + 1.0, 0.5));
    const auto& goods = state.goods();
    for (qsizetype i = 0; i < goods.size(); ++i) {
        m_goods.add(goods[i].on ? 1.0 / (static_cast<double>(i) + 1.0) : 0.0);
        if (goods[i].direct && goods[i].on)
            m_directGoods.append(static_cast<qint32>(i));
    }
}

qint64 LiveOrderGenerator::nextGapMs(qint64 fromMs)
{
    const int hour = static_cast<int>(((fromMs / 1000 + core::ShanghaiOffsetSeconds) / 3600) % 24);
    const double perMs = m_perMinute / 60000.0 * kHourShape[hour] / kHourMean;
    const double gap = -std::log(1.0 - m_rng.unit()) / perMs;
    return qMax<qint64>(1, static_cast<qint64>(gap));
}

int LiveOrderGenerator::advance(qint64 toMs)
{
    if (m_perMinute <= 0 || m_state.members().isEmpty() || m_state.goods().isEmpty()) {
        m_lastMs = toMs;
        return 0;
    }
    if (m_lastMs < 0) {
        m_lastMs = toMs;
        m_nextMs = toMs + nextGapMs(toMs);
        return 0;
    }
    int made = 0;
    while (m_nextMs <= toMs && made < 100'000) {
        placeOne(m_nextMs / 1000, m_rng.chance(m_abnormalShare));
        ++made;
        m_nextMs += nextGapMs(m_nextMs);
    }
    m_lastMs = toMs;
    return made;
}

qint32 LiveOrderGenerator::placeOne(qint64 atSeconds, bool abnormal)
{
    OrderDraft d;
    d.createdAt = atSeconds;
    d.memberIndex = static_cast<qint32>(m_members.pick(m_rng));
    d.goodsIndex = static_cast<qint32>(m_goods.pick(m_rng));
    const Member& m = m_state.members()[d.memberIndex];
    const qint64 phone = 13000000000LL + (m.id * 7919) % 900000000;
    d.payChannel = m.kind == MemberKind::Consumer
                       ? (m_rng.chance(0.58) ? PayChannel::Alipay : PayChannel::Wechat)
                       : PayChannel::Balance;
    d.quantity = m.kind == MemberKind::Consumer ? 1 : static_cast<qint32>(m_rng.range(1, 5));
    const qint64 kind = abnormal ? m_rng.below(4) : -1;
    if ((kind == 1 || kind == 3) && !m_directGoods.isEmpty())
        d.goodsIndex = m_rng.pick(m_directGoods);
    const Goods& g = m_state.goods()[d.goodsIndex];
    if (g.direct)
        d.quantity = 1;
    d.chargeAccount = g.direct ? phone : 0;
    switch (kind) {
    case 0: {
        const Money amount = core::rounding::lineTotal(m_state.memberPrice(g, m), d.quantity);
        d.paidAmount = qMax(Money::fromUnits(100), amount - Money::fromUnits(100 * m_rng.range(1, 300)));
        if (*d.paidAmount == amount)
            d.paidAmount = amount + Money::fromUnits(100);
        break;
    }
    case 1:
        d.chargeAccount = 0;
        d.forcedReason = g.direct ? ReviewReason::None : ReviewReason::MissingChargeAccount;
        break;
    case 2:
        d.quantity = static_cast<qint32>(g.direct ? 1 : m_rng.range(50, 200));
        d.forcedReason = ReviewReason::QuantityAboveNorm;
        break;
    case 3:
        d.chargeAccount = m_rng.pick(m_state.blacklist());
        d.forcedReason = ReviewReason::BlacklistedAccount;
        break;
    default:
        d.unpaid = m_rng.chance(0.02);
        break;
    }
    ++m_created;
    return m_state.placeOrder(d);
}

WebEditor::WebEditor(PlatformState& state, quint64 seed)
    : m_state(state)
    , m_rng(seed ^ 0xed17)
{}

int WebEditor::editRandom(int n)
{
    int changed = 0;
    const auto& tags = QList<QByteArray>{"老客户", "高价值", "活动参与", "重点跟进", "沉睡唤醒"};
    for (int i = 0; i < n; ++i) {
        const qint64 what = m_rng.below(6);
        if (what < 4 && !m_state.goods().isEmpty()) {
            const auto gi = static_cast<qint32>(m_rng.below(qMin<qint64>(m_state.goods().size(), 500)));
            Goods& g = m_state.goodsAt(gi);
            if (what == 0) {
                const qint64 units = g.price.units() * m_rng.range(950, 1050) / 1000;
                const Money price = Money::fromUnits(units).roundedToCents();
                if (price > g.cost && price < g.faceValue)
                    g.price = price;
            } else if (what == 1) {
                g.on = !g.on;
            } else if (what == 2) {
                g.sort = m_rng.below(100);
            } else if (!g.direct) {
                g.stockAvailable += m_rng.range(50, 500); // cards uploaded in the web admin
            }
            m_state.commitChange(core::Feed::Goods, gi);
        } else if (!m_state.members().isEmpty()) {
            const auto mi = static_cast<qint32>(m_rng.below(m_state.members().size()));
            Member& m = m_state.memberAt(mi);
            if (what == 4) {
                const QByteArray& tag = m_rng.pick(tags);
                if (m.tags.contains(tag))
                    m.tags.removeAll(tag);
                else
                    m.tags.append(tag);
            } else if (m.kind == MemberKind::Agent) {
                m.tierId = qBound<qint64>(2, m.tierId + (m_rng.chance(0.5) ? 1 : -1), m_state.tiers().size());
            } else {
                m.tags.append("客服备注");
            }
            m_state.commitChange(core::Feed::Members, mi);
        }
        ++changed;
    }
    return changed;
}

WebEditor::LateChange WebEditor::lateCommit(qint64 ageSeconds)
{
    const qint64 at = m_state.now() - ageSeconds;
    if (m_lateCount++ % 2 == 0 && !m_state.goods().isEmpty()) {
        const auto gi = static_cast<qint32>(m_rng.below(m_state.goods().size()));
        m_state.goodsAt(gi).sort = m_rng.below(100);
        m_state.commitChange(core::Feed::Goods, gi, at);
        return {core::Feed::Goods, gi, at};
    }
    OrderDraft d;
    d.memberIndex = static_cast<qint32>(m_rng.below(m_state.members().size()));
    d.goodsIndex = static_cast<qint32>(m_rng.below(m_state.goods().size()));
    d.createdAt = at;
    d.unpaid = true;
    d.chargeAccount = m_state.goods()[d.goodsIndex].direct ? 13900000000LL + m_rng.below(99999999) : 0;
    const qint32 index = m_state.placeOrder(d);
    return {core::Feed::Orders, index, at};
}

} // namespace cardops::sim
