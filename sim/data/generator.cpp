#include "sim/data/catalog.h"
#include "sim/data/generator_p.h"

#include <cmath>

namespace cardops::sim {

namespace {

// Share of a day's orders by Shanghai hour: quiet nights, an evening peak.
constexpr double kHourWeight[24] = {0.60, 0.35, 0.20, 0.12, 0.10, 0.12, 0.25, 0.45, 0.70, 0.85, 0.95, 1.00,
                                    1.10, 1.00, 0.95, 0.95, 1.00, 1.05, 1.15, 1.35, 1.60, 1.70, 1.50, 1.00};

// Monday = 0 … Sunday = 6; 1970-01-01 (business day 0) was a Thursday.
double weekdayWeight(qint64 businessDay)
{
    static constexpr double w[7] = {0.95, 0.95, 1.0, 1.0, 1.1, 1.25, 1.2};
    return w[((businessDay % 7) + 10) % 7];
}

} // namespace

std::unique_ptr<PlatformState> generatePlatform(const GeneratorParams& params, const core::Clock& clock)
{
    auto state = std::make_unique<PlatformState>(clock);
    Generator(params, *state).run();
    return state;
}

Generator::Generator(const GeneratorParams& params, PlatformState& state)
    : m_params(params)
    , m_state(state)
    , m_rng(params.seed * 0x9E3779B97F4A7C15ULL + 0x5eed)
{
    m_end = params.endTime != 0 ? params.endTime : state.now();
    m_start = m_end - qint64(qMax(1, params.days)) * 86400;
}

void Generator::run()
{
    m_state.m_seed = m_params.seed;
    m_state.m_categories = catalog::categories(m_start - 200 * 86400);
    makeTiers();
    m_state.m_goods = catalog::goods(m_rng, qMax(1, m_params.goods), m_state.m_categories, m_end);
    for (int i = 0; i < 20; ++i)
        m_state.m_blacklist.append(13800000000LL + m_rng.below(99999999));
    makeMembers();
    makeContractPrices();
    makeOrders();
    makeLedger();
    commitAll();
}

void Generator::makeTiers()
{
    struct Def
    {
        const char* name;
        qint64 discountPpm;
        QList<qint64> ratesPpm;
        qint64 downline;
        qint64 own;
    };
    const QList<Def> defs = {
        {"普通会员", 1'000'000, {0}, 0, 0},
        {"青铜代理", 980'000, {20'000, 10'000}, 5'000, 1'000},
        {"白银代理", 960'000, {30'000, 15'000, 5'000}, 30'000, 5'000},
        {"黄金代理", 940'000, {40'000, 20'000, 10'000, 5'000}, 150'000, 20'000},
        {"钻石代理", 920'000, {50'000, 25'000, 12'000, 6'000}, 600'000, 80'000},
    };
    for (const Def& d : defs) {
        Tier t;
        t.id = m_state.m_tiers.size() + 1;
        t.name = d.name;
        t.rank = t.id;
        t.discount = Rate::fromPpm(d.discountPpm);
        for (qint64 r : d.ratesPpm)
            t.commissionRates.append(Rate::fromPpm(r));
        t.upgradeDownlineGmv30d = Money::fromYuan(d.downline);
        t.upgradeOwnGmv30d = Money::fromYuan(d.own);
        m_state.m_tiers.append(t);
    }
    m_state.m_tiersVersion = 3;
}

void Generator::makeMembers()
{
    static const QList<qint64> prefixes = {130, 131, 132, 133, 135, 136, 137, 138, 139, 150, 151, 152, 155,
                                           156, 157, 158, 159, 166, 176, 177, 180, 181, 186, 188, 189, 199};
    const int n = qMax(1, m_params.members);
    QList<Member>& members = m_state.m_members;
    members.reserve(n);
    m_phone.reserve(n);
    QList<qint32> parents; // agents that may take children (depth ≤ 4)
    QList<int> depth;
    depth.reserve(n);
    for (int i = 0; i < n; ++i) {
        Member m;
        m.id = i + 1;
        const double roll = m_rng.unit();
        m.kind = roll < 0.85   ? MemberKind::Consumer
                 : roll < 0.97 ? MemberKind::Agent
                               : MemberKind::Enterprise;
        m.name =
            m.kind == MemberKind::Enterprise ? catalog::enterpriseName(m_rng) : catalog::memberName(m_rng);
        m.registeredAt = m_rng.chance(0.6)
                             ? m_start - m_rng.range(0, 730 * 86400)
                             : m_start + m_rng.below(qMax<qint64>(1, (m_end - m_start) * 9 / 10));
        const qint64 phone = m_rng.pick(prefixes) * 100000000 + m_rng.below(100000000);
        m_phone.append(phone);
        const QByteArray digits = QByteArray::number(phone);
        m.contact = digits.left(3) + "****" + digits.right(4);
        const auto& tags = catalog::memberTags();
        for (qint64 t = m_rng.below(3); t > 0; --t) {
            const QByteArray& tag = tags[m_rng.below(tags.size() - 1)];
            if (!m.tags.contains(tag))
                m.tags.append(tag);
        }
        int d = 1;
        if (m.kind == MemberKind::Enterprise) {
            m.tierId = 3;
            m.tags = {"企业大客户"};
        } else if (m.kind == MemberKind::Agent) {
            if (!parents.isEmpty() && m_rng.chance(0.7)) {
                m.parentId = m_rng.pick(parents) + 1;
                d = depth[m.parentId - 1] + 1;
            }
            static constexpr qint64 tierByDepth[6] = {0, 5, 4, 3, 2, 2};
            m.tierId = qMax<qint64>(2, tierByDepth[d] - (m_rng.chance(0.4) ? 1 : 0));
            if (d <= 4)
                parents.append(i);
        } else if (!parents.isEmpty() && m_rng.chance(0.35)) {
            m.parentId = m_rng.pick(parents) + 1;
            d = depth[m.parentId - 1] + 1;
        }
        depth.append(d);
        members.append(m);
    }
    // Repeat buyers: a Zipf-like weight over a random ranking, heavier for agents and enterprises.
    QList<qint32> rank(n);
    for (int i = 0; i < n; ++i)
        rank[i] = i;
    for (int i = n - 1; i > 0; --i)
        std::swap(rank[i], rank[m_rng.below(i + 1)]);
    QList<double> weight(n);
    for (int r = 0; r < n; ++r) {
        const Member& m = members[rank[r]];
        const double kindMul = m.kind == MemberKind::Agent        ? 6.0
                               : m.kind == MemberKind::Enterprise ? 12.0
                                                                  : 1.0;
        weight[rank[r]] = kindMul / std::pow(r + 1.0, 0.75);
    }
    for (int i = 0; i < n; ++i)
        m_memberPicker.add(weight[i]);
    for (qsizetype i = 0; i < m_state.m_goods.size(); ++i)
        m_goodsPicker.add((m_state.m_goods[i].on ? 1.0 : 0.2) / std::pow(static_cast<double>(i) + 1.0, 1.0));
}

void Generator::makeContractPrices()
{
    QList<Goods>& goods = m_state.m_goods;
    m_contract.resize(m_state.m_members.size());
    const qint64 head = qMin<qint64>(200, goods.size());
    for (const Member& m : m_state.m_members) {
        if (m.kind != MemberKind::Enterprise)
            continue;
        for (qint64 k = m_rng.range(3, 12); k > 0; --k) {
            const auto gi = static_cast<qint32>(m_rng.below(head));
            Goods& g = goods[gi];
            if (m_contract[m.id - 1].contains(gi))
                continue;
            const qint64 units = g.price.units() * m_rng.range(950, 980) / 1000;
            const Money price =
                qMax(Money::fromUnits(units).roundedToCents(), g.cost + Money::fromUnits(100));
            if (price >= g.price)
                continue;
            g.contractPrices.append({m.id, price});
            m_contract[m.id - 1].append(gi);
        }
    }
}

QList<qint64> Generator::orderTimes()
{
    const qint64 firstDay = core::businessDay(m_start);
    const qint64 lastDay = core::businessDay(m_end - 1);
    WeightedPicker days;
    for (qint64 d = firstDay; d <= lastDay; ++d) {
        const double growth =
            1.0 + 0.5 * static_cast<double>(d - firstDay) / static_cast<double>(lastDay - firstDay + 1);
        days.add(growth * weekdayWeight(d));
    }
    WeightedPicker hours;
    for (double w : kHourWeight)
        hours.add(w);
    QList<qint64> times;
    times.reserve(m_params.orders);
    while (times.size() < m_params.orders) {
        const qint64 day = firstDay + days.pick(m_rng);
        const qint64 t = core::businessDayStart(day) + hours.pick(m_rng) * 3600 + m_rng.below(3600);
        if (t >= m_start && t < m_end - 30)
            times.append(t);
    }
    std::sort(times.begin(), times.end());
    return times;
}

void Generator::makeOrders()
{
    const QList<qint64> times = orderTimes();
    m_state.m_orders.resize(times.size());
    m_events.reserve(times.size() * 13 / 10);
    for (qsizetype i = 0; i < times.size(); ++i)
        makeOrder(static_cast<qint32>(i), times[i]);
    // Nobody orders before registering.
    QList<qint64> first(m_state.m_members.size(), 0);
    for (const Order& o : m_state.m_orders)
        if (first[o.memberId - 1] == 0)
            first[o.memberId - 1] = o.createdAt;
    for (qsizetype i = 0; i < first.size(); ++i) {
        Member& m = m_state.m_members[i];
        if (first[i] != 0 && first[i] < m.registeredAt)
            m.registeredAt = first[i] - m_rng.range(300, 30 * 86400);
        m.updatedAt = m.registeredAt;
    }
}

} // namespace cardops::sim
