#pragma once

#include "core/access.h"
#include "core/money.h"
#include "core/platformtypes.h"
#include "core/result.h"
#include "storage/orderactions.h"
#include "sync/transport/platformtransport.h"

#include <QByteArray>
#include <QFuture>
#include <QJsonObject>
#include <QObject>
#include <QPromise>
#include <QSet>
#include <QString>
#include <QStringList>
#include <memory>
#include <optional>

namespace cardops::storage {
class DatabaseWriter;
}

namespace cardops::sync {

// 补单: an order paid outside the shop, recorded on the platform (`pay_channel` "offline").
struct OfflineOrderSpec
{
    qint64 memberId = 0;
    qint64 goodsId = 0;
    qint64 quantity = 1;
    QString chargeAccount; // 直充: digits only
    QString contact;
};

// What one action came to. The UI turns it into words (app/, ui/); nothing here is translated.
struct OrderActionOutcome
{
    enum class Status {
        Done,         // the platform answered with the order after the change; stored
        Refused,      // the platform refused for good (the intent is failed with its word)
        NotConfirmed, // no final answer (network, 5xx, 429…): the intent stays pending and is sent
                      // again with the same key by replayPending(); nothing can happen twice
        NotRecorded,  // nothing was sent: the intent could not be recorded (role, bad input, cache)
    };
    Status status = Status::NotRecorded;
    qint64 actionId = 0;
    qint64 orderId = 0; // a create: the new order's id once Done
    QString kind;
    std::optional<core::Order> order; // Done: the order as the platform answered
    CallError error;                  // Refused, NotConfirmed
    // Refused with 403 on a handed-over order: who holds the fulfilment lease now, as the platform
    // says (GET /v1/shop); "" = nobody.
    QString leaseHolder;
    core::Error localError; // NotRecorded; or Done whose result could not be stored (detail only)
    bool ok() const { return status == Status::Done; }
};

// The console's order actions through the platform (docs/platform-api.md, order actions; the
// reissue and offline orders are CardOps's extension): deliver from stock, refund (full or partial
// with a reason code), reject (= a full refund of what is left, with a reason code), hold for
// review, 补发 (replace one bad card) and 补单 (an offline-paid order).
//
// Each action: the intent (kind, exact body, a fresh idempotency key, operator) is committed, then
// the one keyed call is made, then the result is stored (done with the order's status and version,
// or failed with the platform's word). A call without a final answer leaves the intent pending;
// replayPending() sends it again with the SAME key (at start, after a crash), so the platform
// answers with its first response and acts once. Intents older than the platform's key retention
// (7 days) are not replayed: they fail and wait for the operator.
//
// `holder` (the console's own fulfilment lease holder id) goes in every order action's body: on a
// handed-over order only the lease holder may act (403/40301 otherwise).
//
// Threading: lives in the transport's thread and is called only there; futures finish there.
// Destroying it abandons what is in flight (futures end cancelled, intents stay for the replay).
class OrderActions final : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 ReplayWindowSeconds = 7 * 86400;

    OrderActions(storage::DatabaseWriter& writer, QString databasePath, PlatformTransport& transport,
                 QByteArray holder, QObject* parent = nullptr);
    ~OrderActions() override;

    const QByteArray& holder() const { return m_holder; }

    QFuture<OrderActionOutcome> deliver(const core::Actor& actor, qint64 orderId);
    // amount: > 0 and ≤ paid − refunded (the platform checks; 400 otherwise). note: local (audit).
    QFuture<OrderActionOutcome> refund(const core::Actor& actor, qint64 orderId, core::Money amount,
                                       const QString& reasonCode, const QString& note = {});
    // 驳回: refuses the order — a full refund of `remaining` (paid − refunded) with a reason code,
    // audited as order.reject with the note.
    QFuture<OrderActionOutcome> reject(const core::Actor& actor, qint64 orderId, core::Money remaining,
                                       const QString& reasonCode, const QString& note);
    // Holds an order for review with a reason text.
    QFuture<OrderActionOutcome> review(const core::Actor& actor, qint64 orderId, const QString& reason);
    // 补发: voids card `cardId` of a delivered card order and delivers a replacement from stock.
    QFuture<OrderActionOutcome> reissue(const core::Actor& actor, qint64 orderId, qint64 cardId,
                                        const QString& reason);
    // 补单: records an offline-paid order; the platform's normal flow follows.
    QFuture<OrderActionOutcome> createOffline(const core::Actor& actor, const OfflineOrderSpec& spec);

    // Sends every pending intent again with its own key (those not in flight here). Finishes with
    // the outcomes once all have answered; each also goes out through actionFinished(). While an
    // intent of this object is being recorded (its id not known yet) it replays nothing and
    // answers an empty list: call it again later (the console's desk does, every minute).
    QFuture<QList<OrderActionOutcome>> replayPending();

    int inFlight() const { return static_cast<int>(m_active.size()) + m_recording; }

    // The refund reason codes (the UI translates them).
    static QStringList refundReasons();
    // The request of an intent, as sent (and sent again).
    static Request requestFor(const storage::OrderActionRecord& action);

Q_SIGNALS:
    void actionFinished(const cardops::sync::OrderActionOutcome& outcome);

private:
    struct Intent
    {
        qint64 orderId = 0;
        QString kind;
        QByteArray body;
        QString auditAction;
        QString auditDetail;
    };

    QFuture<OrderActionOutcome> start(const core::Actor& actor, Intent intent);
    QFuture<OrderActionOutcome> refuse(const QString& kind, qint64 orderId, core::Error error);
    void send(const storage::OrderActionRecord& action,
              const std::shared_ptr<QPromise<OrderActionOutcome>>& promise);
    void onReply(const storage::OrderActionRecord& action, const Reply& reply,
                 const std::shared_ptr<QPromise<OrderActionOutcome>>& promise);
    void settle(const storage::OrderActionRecord& action, OrderActionOutcome outcome,
                const std::shared_ptr<QPromise<OrderActionOutcome>>& promise);
    void finish(OrderActionOutcome outcome, const std::shared_ptr<QPromise<OrderActionOutcome>>& promise);
    QByteArray bodyWithHolder(QJsonObject body) const;
    template<typename T, typename F> void watch(QFuture<T> future, F handler);

    storage::DatabaseWriter& m_writer;
    QString m_databasePath;
    PlatformTransport& m_transport;
    QByteArray m_holder;
    QSet<qint64> m_active; // intents with a call out from here
    int m_recording = 0;   // intents submitted to the writer whose ids have not come back
};

} // namespace cardops::sync
