#pragma once

#include "core/clock.h"
#include "suppliers/fuluparse.h"
#include "suppliers/supplier.h"
#include "suppliers/supplierhttp.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPromise>
#include <QSet>
#include <QUrl>
#include <chrono>
#include <map>
#include <memory>

// The Fulu OpenAPI 2.0 adapter (protocols.md §1; docs/suppliers.md): one JSON POST gateway, every
// body built once by core::signing::buildFuluRequest (ASCII, character-sorted MD5) and sent as is;
// `result` parsed twice; the response sign verified when present; cards decrypted with
// core::decryptFuluCard.
//
// 未经真实网关验证: this adapter has NOT been seen to work against Fulu's real gateway. It follows
// protocols.md §1, whose request vectors come from an independent reimplementation, and has met
// only fakes and the simulator. verifiedAgainstRealGateway() stays false until it has.
//
// Idempotency: the order is keyed by customer_order_no (our external number). After a timeout or an
// unreadable answer the outcome is unknown: query that number (queryByExternalNo / awaitOrder),
// never re-send the order. An accepted *.add is only "accepted": awaitOrder() polls
// fulu.order.info.get until success or failed, and after PollPolicy::bound the purchase goes to
// manual review.
//
// Threading: lives in one thread, called only from it; futures finish in that thread.
namespace cardops::suppliers {

// When awaitOrder() asks again. Injectable so tests run in milliseconds.
struct PollPolicy
{
    // The first polls, counted from the start of awaitOrder(): 1–3 s while an order usually finishes.
    QList<std::chrono::milliseconds> initialDelays{std::chrono::seconds(1), std::chrono::seconds(2),
                                                   std::chrono::seconds(3), std::chrono::seconds(3),
                                                   std::chrono::seconds(3)};
    // Then each delay doubles from the last initial one, up to maxDelay.
    std::chrono::milliseconds maxDelay{std::chrono::seconds(60)};
    // After this long (measured on a monotonic clock from the start of awaitOrder()) an order that is
    // still untreated or processing is ManualReview / PollingBound.
    std::chrono::milliseconds bound{std::chrono::hours(2)};

    // The delay before poll n (1-based).
    std::chrono::milliseconds delayBefore(int poll) const;
};

struct FuluConfig
{
    QUrl gatewayUrl = productionUrl();
    QByteArray appKey;    // printable ASCII; may contain '+' and '/'
    QByteArray appSecret; // 32 ASCII characters: signs, and is the AES-256 key of the cards
    HttpOptions http;
    PollPolicy poll;

    static QUrl productionUrl() { return QUrl(QStringLiteral("https://openapi.fulu.com/api/getway")); }
    static QUrl sandboxUrl() { return QUrl(QStringLiteral("https://pre-openapi.fulu.com/api/getway")); }
};

class FuluAdapter final : public QObject, public Supplier
{
    Q_OBJECT
public:
    // clock: the source of the request timestamp; it must outlive the adapter. nullptr: the system
    // clock.
    explicit FuluAdapter(FuluConfig config, const core::Clock* clock = nullptr, QObject* parent = nullptr);
    ~FuluAdapter() override;

    SupplierKind kind() const override { return SupplierKind::Fulu; }
    // 未经真实网关验证: see the class comment.
    bool verifiedAgainstRealGateway() const override { return false; }
    bool canQueryByExternalNo() const override { return true; }

    QFuture<SupplierResult<Balance>> balance() override;                                     // user.info.get
    QFuture<SupplierResult<Catalogue>> catalogue() override;                                 // goods.list.get
    QFuture<SupplierResult<SupplierProduct>> goodsDetail(const QString& productId) override; // info
    QFuture<SupplierResult<StockCheck>> checkStock(const StockQuery& query) override;        // stock.check
    // fulu.order.card.add, or fulu.order.direct.add when chargeAccount is set. Pending when accepted;
    // ProductRejected (retryOnAlternative) for codes 3001–3005, 3008; any other business code leaves
    // the outcome unknown (Fulu's codes are not public): query before treating it as failed.
    QFuture<SupplierResult<PurchaseResult>> purchase(const PurchaseRequest& request) override;
    // fulu.order.info.get: the order with its decrypted cards once it succeeded.
    QFuture<SupplierResult<PurchaseResult>> queryByExternalNo(const QByteArray& externalOrderNo) override;

    // Polls queryByExternalNo() under the configured PollPolicy until the order is final (Succeeded,
    // Failed, ManualReview) or the bound passes (ManualReview / PollingBound). Transport, timeout,
    // too-large and malformed answers are polled through; any other error ends the wait with it.
    QFuture<SupplierResult<PurchaseResult>> awaitOrder(const QByteArray& externalOrderNo);
    // Ends every awaitOrder() with Cancelled.
    void cancelPolling();
    int pollingCount() const { return static_cast<int>(m_polls.size()); }

    Diagnostics diagnostics() const override { return m_diagnostics; }

private:
    struct Poll
    {
        QPromise<SupplierResult<PurchaseResult>> promise;
        QByteArray externalOrderNo;
        QElapsedTimer elapsed;
        int polls = 0;
        PurchaseResult last;
    };

    template<typename T, typename Parse>
    QFuture<SupplierResult<T>> call(const QByteArray& method, const QByteArray& bizContent, bool purchase,
                                    Parse parse);
    void schedulePoll(quint64 id);
    void pollNow(quint64 id);
    void onPolled(quint64 id, const SupplierResult<PurchaseResult>& result);
    void finishPoll(quint64 id, SupplierResult<PurchaseResult> result);

    FuluConfig m_config;
    core::SystemClock m_systemClock;
    const core::Clock& m_clock;
    SupplierHttp* m_http = nullptr;
    Diagnostics m_diagnostics;
    QSet<QByteArray> m_sentOrderNos;
    std::map<quint64, std::unique_ptr<Poll>> m_polls;
    quint64 m_nextPoll = 1;
};

} // namespace cardops::suppliers
