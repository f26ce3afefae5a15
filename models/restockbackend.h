#pragma once

#include <QObject>
#include <QString>
#include <functional>

namespace cardops::models {

// What 一键补货 did (docs/goods.md "Restock").
struct RestockResult
{
    bool ok = false;
    QString error;          // for the operator, translated
    qint64 purchaseId = 0;  // the purchases ledger row (货源), 0 when nothing was recorded
    QString purchaseState;  // succeeded / failed / unknown / accepted …
    qint64 bought = 0;      // cards the supplier delivered
    qint64 added = 0;       // uploaded to the platform's stock
    qint64 duplicate = 0;   // the platform held them already
    qint64 invalid = 0;     // refused by the platform
    qint64 stockAfter = -1; // the goods' platform stock after the upload (-1: unknown)
};

// 一键补货: buys a quantity of the goods from its first supplier link and uploads the cards to the
// platform's stock of the goods. The purchase follows the purchases ledger's rules (never bought
// twice); the upload is keyed by the purchase, so sending it again adds nothing. UI thread.
class RestockBackend : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    // Whether a restock can run now; `why` says what is missing (no supplier docked, no platform…).
    virtual bool canRestock(QString* why) const = 0;
    // protocol/productRef: the goods' first link; `done` runs in `context`'s thread.
    virtual void restock(qint64 goodsId, const QString& protocol, const QString& productRef, qint64 quantity,
                         QObject* context, std::function<void(RestockResult)> done) = 0;

Q_SIGNALS:
    // A step of a running restock, for the dialog's progress line (translated).
    void progress(const QString& step);
};

} // namespace cardops::models
