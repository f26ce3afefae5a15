#include "sim/data/acgfakastate.h"

#include "sim/data/jsonout.h"

namespace cardops::sim {

namespace {

using Error = AcgFakaState::Error;

QByteArray digits(qint64 value, int width)
{
    return QByteArray::number(value).rightJustified(width, '0');
}

Money yuanCents(qint64 cents)
{
    return Money::fromUnits(cents * Money::UnitsPerCent);
}

// Characters, not bytes: the column is CHAR(19) in utf8mb4.
qsizetype utf8Chars(QByteArrayView text)
{
    qsizetype n = 0;
    for (const char c : text)
        n += (static_cast<unsigned char>(c) & 0xC0) == 0x80 ? 0 : 1;
    return n;
}

} // namespace

AcgFakaState::AcgFakaState(const core::Clock& clock, quint64 seed)
    : m_clock(clock)
    , m_cardRng(seed ^ 0xac9fa4aULL)
{
    seedCatalogue(seed);
}

QByteArray AcgFakaState::newCard()
{
    static constexpr char kAlphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    QByteArray card;
    for (int group = 0; group < 4; ++group) {
        if (group > 0)
            card.append('-');
        for (int i = 0; i < 4; ++i)
            card.append(kAlphabet[m_cardRng.below(32)]);
    }
    return card;
}

void AcgFakaState::seedCatalogue(quint64 seed)
{
    m_categories = {{1, "游戏点卡"}, {2, "影音会员"}, {3, "软件激活"}};
    Rng rng(seed ^ 0xca7a1095ULL);
    auto cards = [this](qint64 n) {
        QList<QByteArray> out;
        for (qint64 i = 0; i < n; ++i)
            out.append(newCard());
        return out;
    };
    // Codes and names are fixed (the §2.1 vector's code is the first); prices and stock vary with the
    // seed, except the vector's goods, which keep 40 cards at 49.50.
    struct Plain
    {
        qint64 category;
        const char* code;
        const char* name;
        qint64 priceCents;
    };
    const QList<Plain> plain = {
        {1, "5D81A2C4E9F6", "网易一卡通30元", 3000},
        {2, "7B3E0F92D1A8", "腾讯视频VIP月卡", 2500},
        {2, "9C47E1B05A3D", "优酷VIP月卡", 2000},
        {3, "A1F6D3082B7C", "Windows 11 专业版激活码", 3900},
        {3, "C0DE5A7F1E29", "Office 2021 专业增强版激活码", 5900},
    };
    qint64 id = 1;
    Item steam;
    steam.id = id++;
    steam.categoryId = 1;
    steam.code = "8AE80574F3CA";
    steam.name = "Steam钱包50元";
    steam.description = "Steam 钱包充值码，自动发货。";
    steam.price = yuanCents(5200);
    steam.userPrice = yuanCents(4950);
    steam.cards = cards(40);
    m_items.append(steam);
    for (const Plain& p : plain) {
        Item it;
        it.id = id++;
        it.categoryId = p.category;
        it.code = p.code;
        it.name = p.name;
        it.description = "卡密自动发货。";
        it.price = yuanCents(p.priceCents);
        it.userPrice = yuanCents(p.priceCents * rng.range(900, 980) / 1000);
        it.maximum = 50;
        it.cards = cards(rng.below(8) == 0 ? 0 : rng.range(5, 60));
        m_items.append(it);
    }
    Item iqiyi;
    iqiyi.id = id++;
    iqiyi.categoryId = 2;
    iqiyi.code = "3F2C9B1D7E40";
    iqiyi.name = "爱奇艺黄金会员";
    iqiyi.description = "按商品类型选择时长，自动发货。";
    const QList<QPair<const char*, qint64>> races = {{"月卡", 1980}, {"季卡", 5200}, {"年卡", 18800}};
    for (const auto& [name, cents] : races) {
        const qint64 userCents = cents * rng.range(900, 960) / 1000;
        iqiyi.races.append({name, yuanCents(cents), yuanCents(userCents), cards(rng.range(5, 30))});
    }
    iqiyi.price = iqiyi.races.first().price;
    iqiyi.userPrice = iqiyi.races.first().userPrice;
    m_items.append(iqiyi);
    Item manual;
    manual.id = id++;
    manual.categoryId = 1;
    manual.code = "E4B9027C6F15";
    manual.name = "王者荣耀点券代充（人工）";
    manual.description = "人工充值，下单后请等待客服处理。";
    manual.price = yuanCents(6800);
    manual.userPrice = yuanCents(6500);
    manual.deliveryWay = 1;
    m_items.append(manual);
    Item stopped;
    stopped.id = id++;
    stopped.categoryId = 1;
    stopped.code = "F7A3C8D2B160";
    stopped.name = "绝版皮肤兑换码";
    stopped.price = yuanCents(9900);
    stopped.userPrice = yuanCents(9500);
    stopped.onSale = false;
    stopped.cards = cards(3);
    m_items.append(stopped);
}

void AcgFakaState::addCategory(const Category& category)
{
    for (const Category& c : m_categories)
        if (c.id == category.id)
            return;
    m_categories.append(category);
}

bool AcgFakaState::addItem(Item item, qint64 cards)
{
    if (item.code.isEmpty() || this->item(item.code) != nullptr)
        return false;
    item.id = m_items.isEmpty() ? 1 : m_items.last().id + 1;
    item.races.clear();
    for (qint64 i = 0; i < cards; ++i)
        item.cards.append(newCard());
    m_items.append(std::move(item));
    return true;
}

const AcgFakaState::Item* AcgFakaState::item(QByteArrayView code) const
{
    for (const Item& it : m_items)
        if (it.code == code)
            return &it;
    return nullptr;
}

AcgFakaState::Item* AcgFakaState::itemByCode(QByteArrayView code)
{
    for (Item& it : m_items)
        if (it.code == code)
            return &it;
    return nullptr;
}

QList<QByteArray>* AcgFakaState::cardsOf(Item& it, QByteArrayView race)
{
    if (it.races.isEmpty())
        return &it.cards;
    for (Race& r : it.races)
        if (r.name == race)
            return &r.cards;
    return nullptr;
}

qint64 AcgFakaState::stock(QByteArrayView code, QByteArrayView race) const
{
    const Item* it = item(code);
    if (it == nullptr || it->deliveryWay != 0)
        return 0;
    if (it->races.isEmpty())
        return it->cards.size();
    qint64 n = 0;
    for (const Race& r : it->races)
        if (race.isEmpty() || r.name == race)
            n += r.cards.size();
    return n;
}

void AcgFakaState::setStock(QByteArrayView code, qint64 count, QByteArrayView race)
{
    Item* it = itemByCode(code);
    QList<QByteArray>* cards = it == nullptr ? nullptr : cardsOf(*it, race);
    if (cards == nullptr)
        return;
    while (cards->size() > count)
        cards->removeLast();
    while (cards->size() < count)
        cards->append(newCard());
}

void AcgFakaState::setOnSale(QByteArrayView code, bool onSale)
{
    if (Item* it = itemByCode(code))
        it->onSale = onSale;
}

std::optional<AcgFakaState::Trade> AcgFakaState::tradeByRequestNo(QByteArrayView requestNo) const
{
    const auto it = m_byRequestNo.constFind(requestNo.toByteArray());
    if (it == m_byRequestNo.cend())
        return std::nullopt;
    return m_trades.at(*it);
}

std::optional<AcgFakaState::Trade> AcgFakaState::tradeByTradeNo(QByteArrayView tradeNo) const
{
    const auto it = m_byTradeNo.constFind(tradeNo.toByteArray());
    if (it == m_byTradeNo.cend())
        return std::nullopt;
    return m_trades.at(*it);
}

AcgFakaState::Answer AcgFakaState::unitPrice(QByteArrayView code, QByteArrayView race, Money* price) const
{
    const Item* it = item(code);
    if (it == nullptr)
        return {Error::NoItem, {}, -1, false};
    if (!it->onSale)
        return {Error::Stopped, {}, -1, false};
    if (it->races.isEmpty()) {
        *price = it->userPrice;
        return {};
    }
    if (race.isEmpty())
        return {Error::ChooseRace, {}, -1, false};
    for (const Race& r : it->races) {
        if (r.name == race) {
            *price = r.userPrice;
            return {};
        }
    }
    return {Error::UnknownRace, race.toByteArray(), -1, false};
}

AcgFakaState::Answer AcgFakaState::trade(const TradeRequest& request)
{
    Item* it = itemByCode(request.code);
    if (it == nullptr)
        return {Error::NoItem, {}, -1, false};
    if (request.num <= 0)
        return {Error::NumBelowOne, {}, -1, false};
    if (!it->onSale)
        return {Error::Stopped, {}, -1, false};
    if (it->minimum > 0 && request.num < it->minimum)
        return {Error::BelowMinimum, QByteArray::number(it->minimum), -1, false};
    if (it->maximum > 0 && request.num > it->maximum)
        return {Error::AboveMaximum, QByteArray::number(it->maximum), -1, false};
    Money unit;
    if (const Answer priced = unitPrice(request.code, request.race, &unit); !priced.ok())
        return priced;
    if (request.requestNo.isEmpty())
        return {Error::NoRequestNo, {}, -1, false};
    if (m_byRequestNo.contains(request.requestNo))
        return {Error::RequestExists, {}, -1, false};
    QList<QByteArray>* cards = it->deliveryWay == 0 ? cardsOf(*it, request.race) : nullptr;
    if (cards != nullptr && (cards->isEmpty() || request.num > cards->size()))
        return {Error::OutOfStock, {}, -1, false};
    const Money amount = Money::fromUnits(unit.units() * request.num);
    if (m_balance < amount)
        return {Error::NoBalance, {}, -1, false};
    // The insert fails last, after every check passed: the transaction rolls back, nothing is kept.
    if (utf8Chars(request.requestNo) > kRequestNoMaxChars)
        return {Error::RequestNoTooLong, {}, -1, false};

    Trade t;
    const qint64 now = m_clock.nowSeconds();
    const json::CivilTime c = json::shanghaiTime(now);
    t.tradeNo = digits(c.year % 100, 2) + digits(c.month, 2) + digits(c.day, 2) + digits(c.hour, 2) +
                digits(c.minute, 2) + digits(c.second, 2) + digits(m_trades.size() + 1, 6);
    t.requestNo = request.requestNo;
    t.code = it->code;
    t.race = request.race;
    t.num = static_cast<qint32>(request.num);
    t.amount = amount;
    t.createdAt = now;
    if (cards != nullptr) {
        QList<QByteArray> taken = cards->mid(0, static_cast<qsizetype>(request.num));
        cards->remove(0, static_cast<qsizetype>(request.num));
        t.secret = taken.join('\n');
    } else {
        t.secret = kManualSecret.toByteArray();
    }
    m_balance -= amount;
    const qsizetype index = m_trades.size();
    m_byRequestNo.insert(t.requestNo, index);
    m_byTradeNo.insert(t.tradeNo, index);
    m_trades.append(std::move(t));
    return {Error::None, {}, index, true};
}

QByteArray AcgFakaState::message(Error error, QByteArrayView arg, bool english)
{
    auto pick = [english](const char* zh, const char* en) {
        return QByteArray(english ? en : zh);
    };
    switch (error) {
    case Error::None:
        return "success";
    case Error::UnknownMerchant:
        return pick("商户ID不存在", "Merchant ID does not exist");
    case Error::BadKey:
        return pick("密钥错误", "Incorrect key");
    case Error::NoCode:
        return pick("对接CODE不能为空", "The docking code cannot be empty");
    case Error::NoItem:
        return pick("商品不存在", "The product does not exist");
    case Error::Stopped:
        return pick("当前商品已停售", "The current product has been discontinued");
    case Error::NumBelowOne:
        return pick("至少购买1个", "Buy at least 1");
    case Error::BelowMinimum:
        return english ? QByteArray("This product requires a minimum purchase of ").append(arg)
                       : QByteArray("本商品最少购买").append(arg).append("个");
    case Error::AboveMaximum:
        return english ? QByteArray("This product allows at most ").append(arg).append(" per purchase")
                       : QByteArray("本商品单次最多购买").append(arg).append("个");
    case Error::ChooseRace:
        return pick("请选择商品类型", "Please select the product type");
    case Error::UnknownRace:
        return QByteArray(english ? "This product type does not exist [" : "此商品类型不存在[")
            .append(arg)
            .append(']');
    case Error::NoRequestNo:
        return pick("请求ID不能为空", "The request ID cannot be empty");
    case Error::RequestExists:
        // The text protocols.md §2.3 quotes, in every language.
        return "The request ID already exists";
    case Error::OutOfStock:
        return pick("库存不足", "Insufficient stock");
    case Error::NoBalance:
        return pick("余额不足", "Insufficient balance");
    case Error::NoOrder:
        return pick("订单不存在", "The order does not exist");
    case Error::RequestNoTooLong:
        return "SQLSTATE[22001]: String data, right truncated: 1406 Data too long for column 'request_no' at "
               "row 1";
    }
    return {};
}

} // namespace cardops::sim
