#pragma once

#include "core/clock.h"
#include "core/money.h"
#include "sim/data/simrandom.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QList>
#include <optional>

namespace cardops::sim {

using core::Money;

// The acg-faka role's upstream shop (protocols.md §2.5): one docking user (app_id 1000, app_key
// TESTKEY123) with a balance, a seeded catalogue of goods with card stock, and the trades. A trade is
// synchronous: it takes the cards, charges user_price from the balance and records a request_no that
// is unique across the whole store. Not thread-safe: the server's thread owns it.
class AcgFakaState
{
public:
    static constexpr qint64 kAppId = 1000;
    static constexpr QByteArrayView kAppKey = "TESTKEY123";
    static constexpr qsizetype kRequestNoMaxChars = 19; // the request_no column is CHAR(19)
    static constexpr QByteArrayView kManualSecret = "正在发货中，请耐心等待，如有疑问，请联系客服。";

    // Why a call was refused; the text follows the caller's language (message()).
    enum class Error : quint8 {
        None,
        UnknownMerchant,
        BadKey,
        NoCode,
        NoItem,
        Stopped,
        NumBelowOne,
        BelowMinimum,
        AboveMaximum,
        ChooseRace,
        UnknownRace,
        NoRequestNo,
        RequestExists,
        OutOfStock,
        NoBalance,
        NoOrder,
        RequestNoTooLong, // not an envelope: the server fails with an HTML page under HTTP 200
    };

    // A 商品类型 (race) of goods whose config has a [category] section.
    struct Race
    {
        QByteArray name;
        Money price;
        Money userPrice;
        QList<QByteArray> cards;
    };

    struct Item
    {
        qint64 id = 0;
        qint64 categoryId = 0;
        QByteArray code;
        QByteArray name;
        QByteArray description;
        Money price;         // the retail price
        Money userPrice;     // what the docking user pays
        int deliveryWay = 0; // 0 automatic (cards), 1 manual
        bool onSale = true;
        qint32 minimum = 0; // 0 = no limit
        qint32 maximum = 0;
        QList<QByteArray> cards; // unsold cards (goods without races)
        QList<Race> races;
    };

    struct Category
    {
        qint64 id = 0;
        QByteArray name;
    };

    struct Trade
    {
        QByteArray tradeNo;
        QByteArray requestNo;
        QByteArray code;
        QByteArray race;
        qint32 num = 0;
        Money amount;
        QByteArray secret; // the cards joined by '\n'
        int status = 1;    // 1 paid
        qint64 createdAt = 0;
    };

    struct TradeRequest
    {
        QByteArray code;
        QByteArray race;
        qint64 num = 0;
        QByteArray requestNo;
    };

    struct Answer
    {
        Error error = Error::None;
        QByteArray arg; // the value a message names (a race, a limit)
        qsizetype tradeIndex = -1;
        bool executed = false; // a trade was made
        bool ok() const { return error == Error::None; }
    };

    AcgFakaState(const core::Clock& clock, quint64 seed);

    // ---- the in-process API (tests and the handler) ----
    static QByteArray shopName() { return "异次元模拟货源站"; }
    Money balance() const { return m_balance; }
    void setBalance(Money balance) { m_balance = balance; }
    const QList<Category>& categories() const { return m_categories; }
    const QList<Item>& items() const { return m_items; }
    const Item* item(QByteArrayView code) const;
    // Cards left: of one race, or of every race when race is empty; 0 for manual goods.
    qint64 stock(QByteArrayView code, QByteArrayView race = {}) const;
    // Adds a category unless its id is taken.
    void addCategory(const Category& category);
    // Adds goods without races with `cards` fresh cards; false (nothing changed) when the code is
    // taken. The id is assigned.
    bool addItem(Item item, qint64 cards);
    // Trims or tops up the unsold cards of a code (and race) to `count`.
    void setStock(QByteArrayView code, qint64 count, QByteArrayView race = {});
    void setOnSale(QByteArrayView code, bool onSale);
    std::optional<Trade> tradeByRequestNo(QByteArrayView requestNo) const;
    std::optional<Trade> tradeByTradeNo(QByteArrayView tradeNo) const;
    const Trade& tradeAt(qsizetype index) const { return m_trades.at(index); }
    // Trades executed (each charged once; refused calls are not counted).
    qint64 purchaseCount() const { return m_trades.size(); }

    // ---- operations of the handler ----
    Answer trade(const TradeRequest& request);
    // The unit price the docking user pays for a code and race (race checked like trade()).
    Answer unitPrice(QByteArrayView code, QByteArrayView race, Money* price) const;

    static QByteArray message(Error error, QByteArrayView arg, bool english);

private:
    void seedCatalogue(quint64 seed);
    Item* itemByCode(QByteArrayView code);
    QList<QByteArray>* cardsOf(Item& item, QByteArrayView race);
    QByteArray newCard();

    const core::Clock& m_clock;
    Rng m_cardRng;
    Money m_balance = Money::fromYuan(5000);
    QList<Category> m_categories;
    QList<Item> m_items;
    QList<Trade> m_trades;
    QHash<QByteArray, qsizetype> m_byRequestNo;
    QHash<QByteArray, qsizetype> m_byTradeNo;
};

} // namespace cardops::sim
