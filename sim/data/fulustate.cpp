#include "sim/data/fulustate.h"

#include "sim/data/jsonout.h"

namespace cardops::sim {

namespace {

using Sales = FuluState::SalesStatus;

struct Kind
{
    const char* name; // "%1" is replaced by the face value in yuan
    bool card;
    qint64 firstCategory;
    qint64 secondCategory;
    const char* templateId;
    QList<qint64> faces; // yuan
};

const QList<Kind>& kinds()
{
    static const QList<Kind> list = {
        {"腾讯Q币%1元卡密", true, 1, 101, "", {10, 30, 100}},
        {"网易一卡通%1元", true, 1, 102, "", {15, 30, 50, 100}},
        {"骏网一卡通%1元", true, 1, 103, "", {10, 30, 50, 100}},
        {"Steam钱包充值卡%1元", true, 1, 104, "", {50, 100}},
        {"京东E卡%1元", true, 4, 401, "", {50, 200, 500}},
        {"爱奇艺黄金会员%1元卡", true, 3, 301, "", {30, 68, 248}},
        {"中国移动话费%1元直充", false, 2, 201, "T1001", {30, 100}},
        {"中国联通话费%1元直充", false, 2, 202, "T1001", {30, 50, 100}},
        {"腾讯QQ会员%1元直充", false, 1, 105, "T1002", {10, 30}},
        {"王者荣耀点券%1元直充", false, 1, 106, "T1003", {6, 30, 68, 128}},
        {"原神创世结晶%1元直充", false, 1, 107, "T1004", {68, 328}},
    };
    return list;
}

QByteArray faceName(const char* pattern, qint64 yuan)
{
    QByteArray name(pattern);
    name.replace("%1", QByteArray::number(yuan));
    return name;
}

QByteArray digits(qint64 value, int width)
{
    return QByteArray::number(value).rightJustified(width, '0');
}

QByteArray compactDate(qint64 ms)
{
    const json::CivilTime t = json::shanghaiTime(ms / 1000);
    return digits(t.year, 4) + digits(t.month, 2) + digits(t.day, 2);
}

} // namespace

FuluState::FuluState(const core::Clock& clock, quint64 seed)
    : m_clock(clock)
    , m_seed(seed)
    , m_dice(seed ^ 0xf0100dULL)
{
    seedCatalogue(seed);
}

void FuluState::seedCatalogue(quint64 seed)
{
    // Three fixed products carry the protocol vectors' ids (protocols.md §1.2, §1.6); the rest vary
    // with the seed in price, stock and sales status.
    auto add = [this](Product p) {
        m_productIndex.insert(p.id, m_products.size());
        m_products.append(std::move(p));
    };
    add({10000489, "腾讯Q币50元卡密", true, Money::fromYuan(50), Money::fromYuan(50), Sales::OnShelf, 500, 1,
         101, "", "卡密为Q币充值卡，登录 pay.qq.com 使用。"});
    add({10000586, "中国移动话费50元直充", false, Money::fromYuan(50), Money::fromUnits(497500),
         Sales::OnShelf, -1, 2, 201, "T1001", "全国中国移动号码，一般10分钟内到账。"});
    add({10000587, "京东E卡100元", true, Money::fromYuan(100), Money::fromYuan(99), Sales::OnShelf, 500, 4,
         401, "", "京东E卡卡密，绑定后可在京东自营使用。"});
    Rng rng(seed ^ 0xfa1a0e5ULL);
    qint64 id = 10000560;
    for (const Kind& kind : kinds()) {
        for (const qint64 face : kind.faces) {
            while (m_productIndex.contains(id))
                ++id;
            Product p;
            p.id = id++;
            p.name = faceName(kind.name, face);
            p.card = kind.card;
            p.faceValue = Money::fromYuan(face);
            // 95.0 % to 99.5 % of the face value, in whole permille.
            p.purchasePrice = Money::fromUnits(p.faceValue.units() * rng.range(950, 995) / 1000);
            const qint64 roll = rng.below(100);
            p.sales = roll < 85   ? Sales::OnShelf
                      : roll < 90 ? Sales::OffShelf
                      : roll < 95 ? Sales::Maintenance
                                  : Sales::StockMaintenance;
            const qint64 stock = rng.below(10) == 0 ? 0 : rng.range(1, 300);
            p.stock = kind.card ? stock : -1;
            p.firstCategoryId = kind.firstCategory;
            p.secondCategoryId = kind.secondCategory;
            p.templateId = kind.templateId;
            p.details = kind.card ? "卡密自动发货，请在有效期内使用。" : "直充到账，请确认充值账号。";
            add(std::move(p));
        }
    }
}

bool FuluState::addProduct(Product product)
{
    if (product.id <= 0 || m_productIndex.contains(product.id))
        return false;
    m_productIndex.insert(product.id, m_products.size());
    m_products.append(std::move(product));
    return true;
}

const FuluState::Product* FuluState::product(qint64 id) const
{
    const auto it = m_productIndex.constFind(id);
    return it == m_productIndex.cend() ? nullptr : &m_products[*it];
}

FuluState::Product* FuluState::productById(qint64 id)
{
    const auto it = m_productIndex.constFind(id);
    return it == m_productIndex.cend() ? nullptr : &m_products[*it];
}

void FuluState::setStock(qint64 productId, qint64 stock)
{
    if (Product* p = productById(productId))
        p->stock = stock;
}

void FuluState::setSalesStatus(qint64 productId, SalesStatus status)
{
    if (Product* p = productById(productId))
        p->sales = status;
}

void FuluState::preloadCards(qint64 productId, const QList<Card>& cards)
{
    m_preloaded[productId].append(cards);
}

FuluState::StockStatus FuluState::stockStatus(const Product& product, qint64 buyNum) const
{
    if (product.stock < 0)
        return StockStatus::Plenty;
    if (product.stock == 0 || product.stock < buyNum)
        return StockStatus::Out;
    return product.stock < 20 ? StockStatus::Alarm : StockStatus::Plenty;
}

Money FuluState::balance()
{
    settle();
    return m_balance;
}

std::optional<FuluState::Order> FuluState::order(QByteArrayView customerOrderNo)
{
    const Answer a = find(customerOrderNo);
    if (!a.ok())
        return std::nullopt;
    return m_orders.at(a.orderIndex);
}

FuluState::Answer FuluState::find(QByteArrayView customerOrderNo)
{
    const auto it = m_byCustomerNo.constFind(customerOrderNo.toByteArray());
    if (it == m_byCustomerNo.cend())
        return {5002, "订单不存在", -1, false};
    settle(*it, m_clock.nowMilliseconds());
    return {0, {}, *it, false};
}

FuluState::Answer FuluState::place(const Purchase& purchase)
{
    if (const auto it = m_byCustomerNo.constFind(purchase.customerOrderNo); it != m_byCustomerNo.cend()) {
        if (m_orders.at(*it).fingerprint != purchase.fingerprint)
            return {5001, "外部订单号重复，且订单内容不一致", -1, false};
        settle(*it, m_clock.nowMilliseconds());
        return {0, {}, *it, false};
    }
    Product* p = productById(purchase.productId);
    if (p == nullptr)
        return {3001, "商品不存在", -1, false};
    if (p->card != purchase.card)
        return {3008,
                p->card ? "该商品为卡密商品，请使用卡密下单接口" : "该商品为直充商品，请使用直充下单接口", -1,
                false};
    switch (p->sales) {
    case Sales::OnShelf:
        break;
    case Sales::OffShelf:
        return {3002, "商品已下架", -1, false};
    case Sales::Maintenance:
        return {3004, "商品维护中", -1, false};
    case Sales::StockMaintenance:
        return {3005, "商品库存维护中", -1, false};
    }
    if (p->stock >= 0 && p->stock < purchase.buyNum)
        return {3003, "库存不足", -1, false};
    const Money price = Money::fromUnits(p->purchasePrice.units() * purchase.buyNum);
    settle();
    if (m_balance < price)
        return {4001, "账户余额不足", -1, false};

    const qint64 now = m_clock.nowMilliseconds();
    Order o;
    o.orderId = nextOrderId(now);
    o.customerOrderNo = purchase.customerOrderNo;
    o.fingerprint = purchase.fingerprint;
    o.productId = p->id;
    o.productName = p->name;
    o.card = p->card;
    o.chargeAccount = purchase.chargeAccount;
    o.buyNum = purchase.buyNum;
    o.price = price;
    o.createdMs = now;
    const bool failDice = m_dice.chance(m_timing.failRate);
    o.willFail = failDice || (!p->card && purchase.chargeAccount.startsWith("fail"));
    m_balance -= price;
    if (p->stock >= 0)
        p->stock -= purchase.buyNum;
    const qsizetype index = m_orders.size();
    m_orders.append(std::move(o));
    m_byCustomerNo.insert(purchase.customerOrderNo, index);
    m_pending.append(index);
    return {0, {}, index, true};
}

void FuluState::settle()
{
    const qint64 now = m_clock.nowMilliseconds();
    const QList<qsizetype> pending = m_pending;
    for (const qsizetype index : pending)
        settle(index, now);
}

void FuluState::settle(qsizetype index, qint64 nowMs)
{
    Order& o = m_orders[index];
    const qint64 processingAt = o.createdMs + m_timing.acceptMs;
    const qint64 finalAt = processingAt + m_timing.finishMs;
    if (o.state == OrderState::Untreated && nowMs >= processingAt)
        o.state = OrderState::Processing;
    if (o.state == OrderState::Processing && nowMs >= finalAt)
        finish(index, finalAt);
}

void FuluState::finish(qsizetype index, qint64 atMs)
{
    Order& o = m_orders[index];
    o.finishedMs = atMs;
    m_pending.removeOne(index);
    if (o.willFail) {
        o.state = OrderState::Failed;
        m_balance += o.price;
        if (Product* p = productById(o.productId); p != nullptr && p->stock >= 0)
            p->stock += o.buyNum;
        return;
    }
    o.state = OrderState::Success;
    if (!o.card) {
        o.operatorSerial = "OP" + o.orderId.right(12);
        return;
    }
    o.operatorSerial = "--";
    // Cards: preloaded ones first, then generated from the seed and the order's position, so the
    // same seed and the same orders give the same cards whenever they are read.
    QList<Card>& preloaded = m_preloaded[o.productId];
    Rng rng(m_seed * 0x9e3779b97f4a7c15ULL + static_cast<quint64>(index));
    const json::CivilTime created = json::shanghaiTime(o.createdMs / 1000);
    const QByteArray deadline = digits(created.year + 3, 4) + "-12-31 23:59:59";
    for (qint32 i = 0; i < o.buyNum; ++i) {
        if (!preloaded.isEmpty()) {
            o.cards.append(preloaded.takeFirst());
            continue;
        }
        const QByteArray stem = QByteArray::number(o.productId) + compactDate(o.createdMs);
        Card c;
        c.number = "CD" + stem + digits(++m_cardSerial, 9);
        c.password = "CP" + stem + digits(rng.below(1'000'000'000), 9);
        c.deadline = deadline;
        o.cards.append(c);
    }
}

QByteArray FuluState::nextOrderId(qint64 nowMs)
{
    const json::CivilTime t = json::shanghaiTime(nowMs / 1000);
    return digits(t.year % 100, 2) + digits(t.month, 2) + digits(t.day, 2) + digits(t.hour, 2) +
           digits(t.minute, 2) + digits(t.second, 2) + digits(m_orders.size() + 1, 8);
}

QByteArray FuluState::timeText(qint64 ms)
{
    const json::CivilTime t = json::shanghaiTime(ms / 1000);
    return digits(t.year, 4) + '-' + digits(t.month, 2) + '-' + digits(t.day, 2) + ' ' + digits(t.hour, 2) +
           ':' + digits(t.minute, 2) + ':' + digits(t.second, 2);
}

const char* FuluState::salesStatusText(SalesStatus status)
{
    switch (status) {
    case Sales::OnShelf:
        return "上架";
    case Sales::OffShelf:
        return "下架";
    case Sales::Maintenance:
        return "维护中";
    case Sales::StockMaintenance:
        return "库存维护";
    }
    return "";
}

const char* FuluState::stockStatusText(StockStatus status)
{
    switch (status) {
    case StockStatus::Plenty:
        return "充足";
    case StockStatus::Alarm:
        return "警报";
    case StockStatus::Out:
        return "断货";
    }
    return "";
}

const char* FuluState::orderStateText(OrderState state)
{
    switch (state) {
    case OrderState::Untreated:
        return "untreated";
    case OrderState::Processing:
        return "processing";
    case OrderState::Success:
        return "success";
    case OrderState::Failed:
        return "failed";
    }
    return "";
}

} // namespace cardops::sim
