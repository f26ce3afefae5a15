#pragma once

#include "core/access.h"
#include "models/orderactionbackend.h"
#include "sync/orderactions.h"

#include <QByteArray>
#include <QString>
#include <QTimer>
#include <functional>
#include <memory>

namespace cardops::storage {
class DatabaseWriter;
}
namespace cardops::sync {
class PlatformTransport;
}

namespace cardops::app {

// The console's order actions (models::OrderActionBackend) over sync::OrderActions: the role and
// the fulfilment lease decide what may be done, the outcomes become words for the operator, and
// intents left without a final answer are sent again with their keys at start and every minute.
// UI thread (the transport's); the writer, transport and path must outlive it.
class OrderActionDesk final : public models::OrderActionBackend
{
    Q_OBJECT
public:
    static constexpr int ReplayIntervalMs = 60'000;

    // holderId: this console's own fulfilment lease holder id (sent with every order action).
    OrderActionDesk(storage::DatabaseWriter& writer, QString databasePath, sync::PlatformTransport& transport,
                    QByteArray holderId, core::Actor actor, QObject* parent = nullptr);
    ~OrderActionDesk() override;

    // The lease as last learnt (FulfilmentLease's signals, GET /v1/shop). Until told, the desk
    // reads what the cache last recorded (lease.holder, lease.expires_at).
    void setLease(const QString& holder, qint64 expiresAt);
    // Now in platform seconds, for the lease's expiry (default: the system clock).
    void setClock(std::function<qint64()> nowSeconds) { m_now = std::move(nowSeconds); }

    sync::OrderActions& actions() { return *m_actions; }

    QString whyNot(models::OrderAction action, qint64 orderId, bool handedOver) const override;
    QString leaseHolderText() const override;
    qint64 operatorId() const override { return m_actor.operatorId; }

    void deliver(qint64 orderId, QObject* context,
                 std::function<void(models::OrderActionResult)> done) override;
    void refund(qint64 orderId, qint64 amountUnits, const QString& reasonCode, const QString& note,
                QObject* context, std::function<void(models::OrderActionResult)> done) override;
    void review(qint64 orderId, const QString& reason, QObject* context,
                std::function<void(models::OrderActionResult)> done) override;
    void reject(qint64 orderId, const QString& reasonCode, const QString& note, QObject* context,
                std::function<void(models::OrderActionResult)> done) override;
    void reissue(qint64 orderId, qint64 cardId, const QString& reason, QObject* context,
                 std::function<void(models::OrderActionResult)> done) override;
    void createOfflineOrder(const models::OfflineOrder& order, QObject* context,
                            std::function<void(models::OrderActionResult)> done) override;
    void assignToMe(qint64 orderId, QObject* context,
                    std::function<void(models::OrderActionResult)> done) override;
    void unassign(qint64 orderId, QObject* context,
                  std::function<void(models::OrderActionResult)> done) override;
    void orderCards(qint64 orderId, QObject* context, std::function<void(models::OrderCards)> done) override;

    // The words for one outcome (the kind says what was asked: reject is a refund on the wire).
    static QString describe(const sync::OrderActionOutcome& outcome, bool reject = false);

private:
    void answer(QFuture<sync::OrderActionOutcome> future, bool reject, QObject* context,
                std::function<void(models::OrderActionResult)> done);
    void readCachedLease();
    void replay();

    storage::DatabaseWriter& m_writer;
    QString m_databasePath;
    sync::PlatformTransport& m_transport;
    QByteArray m_holderId;
    core::Actor m_actor;
    std::unique_ptr<sync::OrderActions> m_actions;
    QString m_leaseHolder;
    qint64 m_leaseExpiresAt = 0;
    std::function<qint64()> m_now;
    QTimer m_replayTimer;
};

} // namespace cardops::app
