#pragma once

#include "core/clock.h"
#include "core/platformtypes.h"
#include "sim/data/feedlog.h"
#include "sim/data/simtypes.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <array>
#include <memory>
#include <optional>

namespace cardops::sim {

class GoodsCards;

// The answer of one API operation, before HTTP: status, envelope code and message, and the JSON text
// of `data` (empty = absent). The server wraps it into {"code":…,"message":…,"data":…}.
struct ApiResult
{
    int httpStatus = 200;
    int code = 0;
    QByteArray message = "ok";
    QByteArray data;

    static ApiResult ok(QByteArray data) { return {200, 0, "ok", std::move(data)}; }
    static ApiResult error(int status, int code, QByteArray message, QByteArray data = {})
    {
        return {status, code, std::move(message), std::move(data)};
    }
    bool isOk() const { return code == 0; }
};

// One feed page: `data` is exactly the bytes the server sends as the envelope's data member:
// {"items":[…],"next_cursor":"<seq>","has_more":bool}.
struct FeedPage
{
    QByteArray data;
    qint64 nextCursor = 0;
    bool hasMore = false;
    int count = 0;
};

// What a new order is made of (live generator, POST /v1/orders). Indices, not ids.
struct OrderDraft
{
    qint32 memberIndex = 0;
    qint32 goodsIndex = 0;
    qint32 quantity = 1;
    PayChannel payChannel = PayChannel::Alipay;
    qint64 chargeAccount = 0;
    QByteArray contact;
    std::optional<Money> paidAmount;                // default: the line total
    ReviewReason forcedReason = ReviewReason::None; // e.g. QuantityAboveNorm from the live generator
    qint64 createdAt = 0;                           // 0 = now
    bool unpaid = false;
};

// The platform's whole state in memory: entities, per-feed change logs with commit sequences, the
// tier ladder, the fulfilment lease. The sequence is assigned when a change COMMITS, so a change
// prepared earlier but committed later (a "late commit") still lands after every cursor already
// handed out. Serialization writes the wire JSON of docs/platform-api.md directly.
// Not thread-safe: one thread owns it (the server's, or cardops-cli generate's).
class PlatformState
{
public:
    explicit PlatformState(const core::Clock& clock);

    const core::Clock& clock() const { return m_clock; }
    qint64 now() const { return m_clock.nowSeconds(); }
    // The generator's seed (0 for a state built otherwise): data derived on demand, such as the
    // cards of historical orders (CardStore), comes from it too.
    quint64 seed() const { return m_seed; }

    // ---- reading: the in-process API (cardops-cli generate pages these exactly like a sync) ----

    // GET /v1/<feed>?cursor=<after>&limit=<limit>: changes with sequence > after, oldest first.
    FeedPage feedPage(core::Feed feed, qint64 after, int limit) const;
    // GET /v1/<feed>?order=desc&before=<before>: newest first, sequence < before (0 = newest).
    FeedPage feedPageDesc(core::Feed feed, qint64 before, int limit) const;
    // The raw slice behind a page, and the page text of any index list (fault injection reorders).
    FeedLog::Slice feedSlice(core::Feed feed, qint64 cursor, int limit, bool descending) const;
    // headCursor ≥ 0 (newest-first pages): the forward cursor after the newest change.
    QByteArray pageJson(core::Feed feed, const QList<qint32>& indices, qint64 nextCursor, bool hasMore,
                        qint64 headCursor = -1) const;
    void appendEntityJson(core::Feed feed, qint32 index, QByteArray& out) const;
    QByteArray entityJson(core::Feed feed, qint32 index) const;
    qint64 feedHead(core::Feed feed) const { return log(feed).head(); }
    qsizetype feedSize(core::Feed feed) const { return log(feed).liveCount(); }

    QByteArray tiersJson() const;                                      // GET /v1/tiers data
    QList<DailyTotal> dailyTotals(qint64 fromDay, qint64 toDay) const; // business day numbers
    QByteArray dailyReportJson(qint64 fromDay, qint64 toDay) const;    // GET /v1/reports/daily data
    QByteArray shopJson() const;                                       // GET /v1/shop data

    const QList<Category>& categories() const { return m_categories; }
    const QList<Goods>& goods() const { return m_goods; }
    const QList<Member>& members() const { return m_members; }
    const QList<Order>& orders() const { return m_orders; }
    const QList<LedgerEntry>& ledger() const { return m_ledger; }
    const QList<Withdrawal>& withdrawals() const { return m_withdrawals; }
    const QList<Tier>& tiers() const { return m_tiers; }
    qint64 tiersVersion() const { return m_tiersVersion; }
    const QList<qint64>& blacklist() const { return m_blacklist; }
    static qint64 orderId(qint32 index) { return kOrderIdBase + index + 1; }
    QByteArray orderNo(qint32 index) const;

    // Price rules of domain.md: contract price, else the goods' explicit tier price, else the tier
    // discount applied to the price (rounding::tierPrice).
    Money memberPrice(const Goods& goods, const Member& member) const;
    // Agent-chain depth of a member: 1 = no parent.
    int depthOf(qint64 memberId) const;

    // ---- API operations (what the server routes to). `holder` identifies the caller for
    // handed-over orders (body member "holder" or header X-Lease-Holder). ----
    ApiResult createCategory(const QJsonObject& body);
    ApiResult patchCategory(qint64 id, qint64 ifMatch, const QJsonObject& body);
    ApiResult createGoods(const QJsonObject& body);
    ApiResult patchGoods(qint64 id, qint64 ifMatch, const QJsonObject& body);
    ApiResult patchMember(qint64 id, qint64 ifMatch, const QJsonObject& body);
    ApiResult adjustBalance(qint64 id, const QJsonObject& body);
    ApiResult putTiers(qint64 ifMatch, const QJsonObject& body);
    ApiResult createOrder(const QJsonObject& body);
    ApiResult deliverOrder(qint64 id, const QJsonObject& body, QByteArrayView holder);
    ApiResult reviewOrder(qint64 id, const QJsonObject& body, QByteArrayView holder);
    ApiResult refundOrder(qint64 id, const QJsonObject& body, QByteArrayView holder);
    // 补发 (CardOps's extension): voids card {"card_id"} of a delivered card order and delivers a
    // replacement from stock; the order's cards go on at index quantity + k (CardStore).
    ApiResult reissueCard(qint64 id, const QJsonObject& body, QByteArrayView holder);
    // The card indices of an order voided by reissues, in order (a reissue adds one card).
    QList<qint32> reissuedCards(qint32 orderIndex) const { return m_reissued.value(orderIndex); }
    ApiResult decideWithdrawal(qint64 id, bool approve);
    ApiResult takeLease(const QJsonObject& body);
    ApiResult releaseLease(const QJsonObject& body);
    bool leaseHeldBy(QByteArrayView holder) const;
    // The lease's time to live (60 s by default; a fulfilment soak test shortens it).
    void setLeaseTtl(qint64 seconds) { m_leaseTtl = qMax<qint64>(1, seconds); }
    qint64 leaseTtl() const { return m_leaseTtl; }
    // Orders completed more than once (a delivery allocated again after the first): always 0 unless
    // the platform's own guard is broken; a fulfilment test asserts it.
    qint64 ordersDeliveredTwice() const { return m_deliveredTwice; }
    qint64 deliveries() const { return m_deliveries; }
    // The commission entries the generator booked wrong on purpose (GeneratorParams::commissionFaultsPer10k).
    struct CommissionFault
    {
        enum class Kind { Missing, WrongAmount, WrongMember } kind = Kind::Missing;
        qint64 orderId = 0;
        qint64 memberId = 0;         // the ancestor who earned it
        qint64 creditedMemberId = 0; // who was credited (0 = nobody)
    };
    const QList<CommissionFault>& commissionFaults() const { return m_commissionFaults; }
    // Handed-over orders delivered with cards or a recharge CardOps bought (not platform stock).
    qint64 suppliedDeliveries() const { return m_suppliedDeliveries; }
    // The card stock uploaded to goods (sim/data/goodscards.h), made on first use; deliveries from
    // stock take its cards first.
    GoodsCards& goodsCards();

    // ---- simulation hooks (generator, live orders, web-admin editor, late commits) ----

    // Bumps version, sets updated_at (default now) and assigns the next commit sequence.
    void commitChange(core::Feed feed, qint32 index, qint64 updatedAt = 0);
    // Assigns a sequence without touching version/updated_at (initial load, late commits).
    void commitPrepared(core::Feed feed, qint32 index);
    Goods& goodsAt(qint32 index) { return m_goods[index]; }
    Member& memberAt(qint32 index) { return m_members[index]; }
    Order& orderAt(qint32 index) { return m_orders[index]; }
    // A new order through the platform's own flow: checks → review, cardops-owned → handed_over,
    // otherwise delivered from stock at once (left `paid` when stock is short). Returns its index.
    qint32 placeOrder(const OrderDraft& draft);
    // The shop's admin deletes an unpaid order (acg-faka does): it becomes cancelled and its feed
    // item a tombstone; the API answers 404 for it from then on. False when the order is not unpaid.
    bool deleteUnpaidOrder(qint32 index);
    // A platform without some order actions (the bridge has no refunds, for one): each named action
    // ("deliver", "review", "refund", "reissue") is answered 403/40300 before anything else.
    void refuseOrderActions(const QSet<QByteArray>& actions) { m_refusedActions = actions; }
    // Books a balance movement and commits the ledger entry and the member.
    void book(qint32 memberIndex, LedgerKind kind, Money amount, qint32 orderIndex, qint64 at);

private:
    friend class Generator;
    const FeedLog& log(core::Feed feed) const { return m_logs[static_cast<size_t>(feed)]; }
    FeedLog& log(core::Feed feed) { return m_logs[static_cast<size_t>(feed)]; }
    void appendCategory(QByteArray& out, const Category& c) const;
    void appendGoods(QByteArray& out, const Goods& g) const;
    void appendMember(QByteArray& out, const Member& m) const;
    void appendOrder(QByteArray& out, qint32 index) const;
    void appendLedger(QByteArray& out, qint32 index) const;
    void appendWithdrawal(QByteArray& out, const Withdrawal& w) const;
    void appendTier(QByteArray& out, const Tier& t) const;
    // Allocates stock and completes an order; false when stock is short.
    bool deliverNow(qint32 orderIndex, bool fromStock);
    void bookCommissions(qint32 orderIndex, qint64 at);
    ApiResult orderGate(QByteArrayView action, qint64 id, QByteArrayView holder, qint32* index) const;
    // CardOps's conditional order actions: a body member "if_status" that is not the order's status
    // is answered 409/40900 with the order, and nothing is done.
    ApiResult ifStatus(qint32 index, const QJsonObject& body) const;
    ApiResult orderResult(qint32 index) const;
    bool wouldCycle(const QList<qint64>& parents, qint64 id, qint64 newParent) const;

    const core::Clock& m_clock;
    quint64 m_seed = 0;
    std::array<FeedLog, 6> m_logs;
    qint64 m_seq = 0;
    QList<Category> m_categories;
    QList<Goods> m_goods;
    QList<Member> m_members;
    QList<Order> m_orders;
    QList<LedgerEntry> m_ledger;
    QList<Withdrawal> m_withdrawals;
    QList<Tier> m_tiers;
    qint64 m_tiersVersion = 1;
    QList<qint64> m_blacklist;
    QHash<qint32, QByteArray> m_orderContact;       // the rare order with a contact
    QHash<qint32, QByteArray> m_manualReviewReason; // reason text given through /review
    QHash<qint32, QList<qint32>> m_reissued;        // card indices voided by 补发, per order
    QByteArray m_leaseHolder;
    qint64 m_leaseExpiresAt = 0;
    qint64 m_leaseTtl = 60;
    QSet<qint32> m_delivered; // orders completed through deliverNow
    QSet<QByteArray> m_refusedActions;
    qint64 m_deliveredTwice = 0;
    qint64 m_deliveries = 0;
    QList<CommissionFault> m_commissionFaults;
    qint64 m_suppliedDeliveries = 0;
    Money m_shopBalance = Money::fromYuan(12000);
    std::shared_ptr<GoodsCards> m_goodsCards; // shared_ptr: GoodsCards stays incomplete here
};

} // namespace cardops::sim
