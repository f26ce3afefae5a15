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

// The Fulu role's merchant account (protocols.md §1.7): a seeded catalogue of card (卡密) and direct
// (直充) products, the balance, and the orders with their state machine
// untreated → processing → success | failed, timed against the injected clock. Orders settle lazily:
// every read first moves due orders on (a failed order refunds the balance and returns reserved
// stock; a successful card order receives its cards). Not thread-safe: the server's thread owns it.
class FuluState
{
public:
    // The public sandbox credentials Fulu publishes for testing (protocols.md §1.2).
    static constexpr QByteArrayView kAppKey =
        "i4esv1l+76l/7NQCL3QudG90Fq+YgVfFGJAWgT+7qO1Bm9o/adG/1iwO2qXsAXNB";
    static constexpr QByteArrayView kAppSecret = "0a091b3aa4324435aab703142518a8f7";
    static constexpr qint32 kMaxBuyNum = 100;

    enum class SalesStatus : quint8 { OnShelf, OffShelf, Maintenance, StockMaintenance };
    enum class StockStatus : quint8 { Plenty, Alarm, Out };
    enum class OrderState : quint8 { Untreated, Processing, Success, Failed };

    struct Product
    {
        qint64 id = 0;
        QByteArray name;
        bool card = true; // 卡密; false = 直充
        Money faceValue;
        Money purchasePrice;
        SalesStatus sales = SalesStatus::OnShelf;
        qint64 stock = -1; // cards left; -1 = unlimited (direct goods)
        qint64 firstCategoryId = 0;
        qint64 secondCategoryId = 0;
        QByteArray templateId; // direct goods: the recharge form template
        QByteArray details;
    };

    struct Card
    {
        QByteArray number; // plaintext; the gateway encrypts it
        QByteArray password;
        QByteArray deadline; // "yyyy-MM-dd HH:mm:ss"
        int type = 0;        // 0 plain, 1 QR code, 2 short link
    };

    struct Order
    {
        QByteArray orderId;
        QByteArray customerOrderNo;
        QByteArray fingerprint; // the normalized request content: a repeat must match it
        qint64 productId = 0;
        QByteArray productName;
        bool card = true;
        QByteArray chargeAccount;
        qint32 buyNum = 1;
        Money price; // purchase price × buy_num, deducted on accept
        OrderState state = OrderState::Untreated;
        qint64 createdMs = 0;
        qint64 finishedMs = 0; // 0 until success or failed
        bool willFail = false; // decided on accept
        QByteArray operatorSerial;
        QList<Card> cards; // only once successful
    };

    // When orders move on, and how many fail. A direct order whose charge_account starts with
    // "fail" always fails (a recharge to an account that does not exist).
    struct Timing
    {
        qint64 acceptMs = 1000; // untreated → processing
        qint64 finishMs = 3000; // processing → success | failed
        double failRate = 0;    // share of the other orders that fail (seeded dice)
    };

    // What an *.add call asks for. fingerprint: every biz_content member, normalized.
    struct Purchase
    {
        bool card = true;
        qint64 productId = 0;
        qint32 buyNum = 0;
        QByteArray customerOrderNo;
        QByteArray chargeAccount;
        QByteArray fingerprint;
    };

    // The outcome of an operation: code 0 = ok, else a gateway code and its message.
    struct Answer
    {
        int code = 0;
        QByteArray message;
        qsizetype orderIndex = -1;
        bool executed = false; // a new order was accepted (not a repeat)
        bool ok() const { return code == 0; }
    };

    FuluState(const core::Clock& clock, quint64 seed);

    // ---- the in-process API (tests and the gateway) ----
    Money balance();
    void setBalance(Money balance) { m_balance = balance; }
    const QList<Product>& products() const { return m_products; }
    const Product* product(qint64 id) const;
    // Adds a product to the catalogue; false (nothing changed) when its id is taken.
    bool addProduct(Product product);
    void setStock(qint64 productId, qint64 stock);
    void setSalesStatus(qint64 productId, SalesStatus status);
    // Cards handed out before generated ones, in order, by the product's next successful orders.
    void preloadCards(qint64 productId, const QList<Card>& cards);
    StockStatus stockStatus(const Product& product, qint64 buyNum) const;
    // An order by customer_order_no, settled to now.
    std::optional<Order> order(QByteArrayView customerOrderNo);
    const Order& orderAt(qsizetype index) const { return m_orders.at(index); }
    qsizetype orderCount() const { return m_orders.size(); }
    // Orders accepted (each purchase executed once; a repeated customer_order_no is not counted).
    qint64 purchaseCount() const { return m_orders.size(); }
    void setTiming(const Timing& timing) { m_timing = timing; }
    const Timing& timing() const { return m_timing; }

    // ---- operations of the gateway ----
    Answer place(const Purchase& purchase);
    Answer find(QByteArrayView customerOrderNo);
    // Moves every due order on to now.
    void settle();

    static const char* salesStatusText(SalesStatus status);
    static const char* stockStatusText(StockStatus status);
    static const char* orderStateText(OrderState state);
    // "yyyy-MM-dd HH:mm:ss" in Asia/Shanghai of a unix millisecond.
    static QByteArray timeText(qint64 ms);

private:
    void seedCatalogue(quint64 seed);
    void settle(qsizetype index, qint64 nowMs);
    void finish(qsizetype index, qint64 atMs);
    Product* productById(qint64 id);
    QByteArray nextOrderId(qint64 nowMs);

    const core::Clock& m_clock;
    quint64 m_seed;
    Timing m_timing;
    Money m_balance = Money::fromYuan(10000);
    QList<Product> m_products;
    QHash<qint64, qsizetype> m_productIndex;
    QHash<qint64, QList<Card>> m_preloaded;
    QList<Order> m_orders;
    QHash<QByteArray, qsizetype> m_byCustomerNo;
    QList<qsizetype> m_pending; // orders not final yet, oldest first
    Rng m_dice;                 // failures, drawn once per accepted order
    qint64 m_cardSerial = 0;
};

} // namespace cardops::sim
