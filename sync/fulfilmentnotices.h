#pragma once

#include "core/notification.h"

#include <QCoreApplication>
#include <QString>
#include <functional>

namespace cardops::core {
class Clock;
}

namespace cardops::sync {

class FulfilmentService;
class FulfilmentWorker;

// What fulfilment tells people (docs/notifications.md): a new review item, a delivery that needs a
// person, the lease lost or taken, the worker started or stopped — as core::Notification for the
// worker's Notifier (webhooks, e-mail) and the console's tray alike.
class FulfilmentNotices
{
    Q_DECLARE_TR_FUNCTIONS(FulfilmentNotices)
public:
    using Sink = std::function<void(const core::Notification&)>;

    // Connects the worker's and the service's signals to `sink` (context: the service).
    static void connect(FulfilmentService& service, FulfilmentWorker& worker, const core::Clock& clock,
                        Sink sink);

    // The reasons the worker itself gives, in words (a rule's own reason code stays as it is).
    static QString reasonText(const QString& code);
    // Reasons that mean "could not deliver" rather than "a rule wants a person to look".
    static bool isDeliveryFailure(const QString& code);
};

} // namespace cardops::sync
