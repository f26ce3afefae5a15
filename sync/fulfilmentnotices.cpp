#include "sync/fulfilmentnotices.h"

#include "core/clock.h"
#include "core/fulfilmentreasons.h"
#include "sync/fulfilmentservice.h"
#include "sync/fulfilmentworker.h"
#include "sync/notifytext.h"

using namespace Qt::StringLiterals;

namespace cardops::sync {

QString FulfilmentNotices::reasonText(const QString& code)
{
    return core::FulfilmentReasons::text(code);
}

bool FulfilmentNotices::isDeliveryFailure(const QString& code)
{
    return core::FulfilmentReasons::isDeliveryFailure(code);
}

void FulfilmentNotices::connect(FulfilmentService& service, FulfilmentWorker& worker,
                                const core::Clock& clock, Sink sink)
{
    const auto make = [&clock](core::Notification::Kind kind, QString text, qint64 orderId = 0) {
        core::Notification n;
        n.kind = kind;
        n.title = NotifyText::title(kind);
        n.text = std::move(text);
        n.orderId = orderId;
        n.at = clock.nowSeconds();
        return n;
    };
    QObject::connect(&worker, &FulfilmentWorker::heldForReview, &service,
                     [sink, make](qint64 orderId, const QString& reason, const QString& detail) {
                         const bool failure = isDeliveryFailure(reason);
                         QString text = failure ? tr("Order %1 could not be delivered: %2")
                                                : tr("Order %1 is waiting for review: %2");
                         text = text.arg(orderId).arg(reasonText(reason));
                         if (!detail.isEmpty())
                             text += u"\n"_s + detail;
                         sink(make(failure ? core::Notification::Kind::DeliveryFailed
                                           : core::Notification::Kind::ReviewItem,
                                   text, orderId));
                     });
    QObject::connect(
        &service, &FulfilmentService::leaseLost, &service,
        [sink, make](const QString& reason, const QByteArray& other) {
            sink(make(core::Notification::Kind::LeaseLost,
                      other.isEmpty()
                          ? tr("This worker lost the fulfilment lease (%1); handed-over orders wait "
                               "until it is taken again.")
                                .arg(reason)
                          : tr("The fulfilment lease is held by %1; this worker does not fulfil.")
                                .arg(QString::fromUtf8(other))));
        });
    QObject::connect(&service, &FulfilmentService::leaseAcquired, &service, [sink, make](qint64) {
        sink(make(core::Notification::Kind::LeaseTaken,
                  tr("This worker holds the fulfilment lease and fulfils.")));
    });
    QObject::connect(&service, &FulfilmentService::stopped, &service, [sink, make] {
        sink(make(core::Notification::Kind::WorkerStopped, tr("The fulfilment worker stopped.")));
    });
}

} // namespace cardops::sync
