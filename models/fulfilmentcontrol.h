#pragma once

#include <QObject>
#include <QString>

namespace cardops::models {

// What the 履约 page shows of fulfilment in this console (docs/fulfilment.md).
struct FulfilmentStatus
{
    bool available = false; // a platform is connected: this console could fulfil
    bool running = false;   // this console takes the lease and fulfils
    QString holderId;       // this console's lease holder id
    QString leaseHolder;    // who holds the lease as last learnt ("" = nobody)
    qint64 leaseExpiresAt = 0;
    bool suppliers = false; // a supplier can be bought from (else short stock goes to review)
    // Totals since this console started fulfilling.
    qint64 passes = 0;
    qint64 deliveredFromStock = 0;
    qint64 deliveredBought = 0;
    qint64 heldForReview = 0;
    qint64 refunded = 0;
    qint64 waiting = 0; // in the last pass
    qint64 lastPassAt = 0;
    QString lastError; // for the operator, translated; "" when the last pass went well
};

// Fulfilment run by the console itself (the composition root implements it; tests fake it). UI thread.
class FulfilmentControl : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    virtual FulfilmentStatus status() const = 0;
    // Takes the lease and fulfils until stop(); remembered for the profile.
    virtual void start() = 0;
    // Lets the step in flight end and gives the lease back.
    virtual void stop() = 0;

Q_SIGNALS:
    void changed();
    // A notification for the tray: an order held for review, a delivery failure, the lease lost.
    void notice(int kind, const QString& title, const QString& text, qint64 orderId);
};

} // namespace cardops::models
