#include "sync/notifytext.h"

namespace cardops::sync {

QString NotifyText::title(core::Notification::Kind kind)
{
    using Kind = core::Notification::Kind;
    switch (kind) {
    case Kind::ReviewItem:
        return tr("New order to review");
    case Kind::DeliveryFailed:
        return tr("Delivery failed");
    case Kind::LeaseLost:
        return tr("Fulfilment lease lost: this worker stopped fulfilling");
    case Kind::LeaseTaken:
        return tr("Fulfilment lease taken: this worker is fulfilling");
    case Kind::WorkerStarted:
        return tr("Worker started");
    case Kind::WorkerStopped:
        return tr("Worker stopped");
    case Kind::LowStock:
        return tr("Low stock");
    case Kind::Test:
        return tr("Test notification");
    }
    return {};
}

QString NotifyText::more(int count)
{
    return tr("(and %1 more like this)").arg(count);
}

} // namespace cardops::sync
