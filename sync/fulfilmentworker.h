#pragma once

#include "core/result.h"
#include "storage/fulfilments.h"
#include "sync/transport/transporttypes.h"

#include <QByteArray>
#include <QFuture>
#include <QHash>
#include <QObject>
#include <QPromise>
#include <QSet>
#include <QString>
#include <functional>
#include <memory>

namespace cardops::core {
class Clock;
}
namespace cardops::storage {
class DatabaseWriter;
class ReadSession;
} // namespace cardops::storage

namespace cardops::sync {

class FulfilmentLease;
class PlatformTransport;
class Purchaser;
struct PurchaseOutcome;

// What one pass did (cardops-cli fulfil prints it).
struct FulfilmentPassSummary
{
    int looked = 0; // orders taken up
    int deliveredFromStock = 0;
    int deliveredBought = 0; // bought from a supplier and delivered
    int heldForReview = 0;   // by a rule or after a failure (out of stock, supply failed…)
    int refunded = 0;
    int settledElsewhere = 0; // the platform said the order was no longer open
    int waiting = 0;          // left for a later pass (a purchase still open, a transient error)
    int errors = 0;           // transient failures met on the way (counted per order)
    bool leaseLost = false;   // the pass stopped because the lease was not (or no longer) held
    QString error;            // the cache failed: nothing more could be done
};

// The unattended fulfiller (issue #8, docs/fulfilment.md "The worker"): every handed-over order in
// the cache passes the rule matrix once; its decision and each later step are committed
// (storage/fulfilments.h) BEFORE the side effect they lead to, and every side effect carries a key
// derived from the order alone, so a crash anywhere, or another console taking over, repeats a
// call instead of making a second one:
// - platform calls: Idempotency-Key "ful-<order id>-<stock|supply|review|refund>" (the platform
//   answers a repeat with the first answer; an order that is no longer open is refused, 409);
// - supplier purchases: RequestNoGenerator::forOrder(shop tag, order id, candidate) (Fulu answers a
//   repeated number with the first order; acg-faka refuses it and the purchase becomes unknown).
//
// Delivering: card goods with platform stock are delivered from stock (`from_stock`, the platform
// allocates atomically); short stock, or direct goods, are bought from the goods' linked supplier
// products (by priority, through the Purchaser) and the result delivered (`cards` / `recharge`).
// Goods with no usable supplier, a failed purchase, or an unknown one that cannot be settled are
// put in review on the platform with a reason code (out_of_stock, no_supplier, supply_failed,
// supply_unknown) — never retried blindly.
//
// The lease: isHeld() is asked before every call; a pass stops at once when it is not held (and a
// 403 from the platform counts as lost). Lives in the transport's thread, like the lease and the
// Purchaser (which may be null: no supplier docked).
class FulfilmentWorker : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        int batch = 200;      // orders read from the cache at a time
        int concurrency = 16; // orders in progress at once (a Fulu purchase holds one for seconds)
        qint64 unknownGraceSeconds = 600; // an open purchase older than this goes to review
    };

    // suppliersByProtocol: the profile's supplier id for "fulu" / "acg-faka" (the goods' links name
    // a protocol). shopTag: RequestNoGenerator::shopTag of the platform. sealKey: opens the cards
    // a purchase sealed.
    FulfilmentWorker(storage::DatabaseWriter& writer, QString databasePath, PlatformTransport& transport,
                     FulfilmentLease& lease, Purchaser* purchaser,
                     QHash<QString, QString> suppliersByProtocol, QByteArray shopTag, QByteArray sealKey,
                     QObject* parent = nullptr);
    FulfilmentWorker(storage::DatabaseWriter& writer, QString databasePath, PlatformTransport& transport,
                     FulfilmentLease& lease, Purchaser* purchaser,
                     QHash<QString, QString> suppliersByProtocol, QByteArray shopTag, QByteArray sealKey,
                     const Options& options, QObject* parent = nullptr);
    ~FulfilmentWorker() override;

    // The shop's tag in supplier numbers: from the platform app id alone, so every console of the
    // shop makes the same numbers however it spells the platform's address.
    static QByteArray shopTagFor(const QByteArray& appId);

    // One pass over the cache as it is now. A pass already running is returned as it is.
    QFuture<FulfilmentPassSummary> runPass();
    bool isRunning() const { return m_pass != nullptr; }
    // Ends the running pass early: the steps in flight end, no further order is taken up.
    void stop();

Q_SIGNALS:
    // An order went to review on the platform (reason code) — a notification's "new review item".
    void heldForReview(qint64 orderId, const QString& reason, const QString& detail);
    // An order was delivered (fromStock false: bought from a supplier).
    void delivered(qint64 orderId, bool fromStock);
    // A step failed and will be retried later (the platform or a supplier could not be reached).
    void stepFailed(qint64 orderId, const QString& error);

private:
    struct Pass;
    struct Job;
    using JobPtr = std::shared_ptr<Job>;

    // fulfilmentworker.cpp: the pass
    void startPass();
    void fillSlots();
    void jobDone(const JobPtr& job);
    void finishPass();
    storage::ReadSession& read();
    void decide(const JobPtr& job);

    // fulfilmentsteps.cpp: one order's steps
    void step(const JobPtr& job);
    void deliverFromStock(const JobPtr& job);
    void purchase(const JobPtr& job);
    void resumePurchase(const JobPtr& job);
    void onPurchased(const JobPtr& job, const core::Result<PurchaseOutcome>& outcome);
    void deliverSupply(const JobPtr& job, qint64 purchaseId);
    void sendReview(const JobPtr& job);
    void sendRefund(const JobPtr& job);
    void hold(const JobPtr& job, const QString& reason, const QString& detail);
    void move(const JobPtr& job, const storage::FulfilmentStepUpdate& update, std::function<void()> next);
    void call(const JobPtr& job, Request request, std::function<void(const Reply&)> handler);
    void transient(const JobPtr& job, const QString& error);
    void settledElsewhere(const JobPtr& job, const QString& status);
    void finish(const JobPtr& job);
    bool leaseOk(const JobPtr& job);
    QByteArray withHolder(QJsonObject body) const;

    template<typename T, typename F> void watch(QFuture<T> future, F handler);

    storage::DatabaseWriter& m_writer;
    QString m_databasePath;
    PlatformTransport& m_transport;
    FulfilmentLease& m_lease;
    Purchaser* m_purchaser;
    QHash<QString, QString> m_suppliersByProtocol;
    QByteArray m_shopTag;
    QByteArray m_sealKey;
    Options m_options;
    std::unique_ptr<storage::ReadSession> m_read;
    std::unique_ptr<Pass> m_pass;
};

} // namespace cardops::sync
