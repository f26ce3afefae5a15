#pragma once

#include "storage/orderdetail.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace cardops::models {

// One step in an order's life as the operator reads it.
struct TimelineEvent
{
    enum class Kind {
        Created,
        Paid,
        HandedOver,
        Review,
        Delivered,
        Revealed,
        Refunded,
        Cancelled,
        Audit,       // an operator's action from the local audit log
        PendingEdit, // a local edit the platform has not accepted yet (outbox)
    };

    Kind kind = Kind::Created;
    qint64 time = 0; // unix seconds; 0 = the feed does not say when
    QString actor;   // 买家 / 平台 / CardOps / an operator's login
    QString what;    // translated
    QString detail;  // translated where it is ours; audit details and platform errors as written
};

// The timeline of an order (订单详情): the platform's steps from the order row, then this console's
// audit entries and the outbox edits still waiting for the platform.
//
// Order: by time, oldest first. The feed carries no time for some steps (handed over, held for
// review; a delivered status without delivered_at): such a step takes the time of the step before
// it in the order's natural sequence (placed, paid, handed over, review, delivered, viewed,
// refunded, cancelled) and is placed right after it; its own time stays 0 so the UI can say the
// time is not known. Refunds and cancellations have no time of their own in the feed either: they
// carry the order's updated_at (the last change the platform reported) and say "when synced".
// Events at the same second keep the natural sequence, local entries after the platform's.
// Stateless; any thread.
class OrderTimeline
{
    Q_DECLARE_TR_FUNCTIONS(OrderTimeline)
public:
    static QList<TimelineEvent> build(const storage::OrderDetail& order);

    // Who delivers the order: the platform, or CardOps when the order was handed over or its goods
    // are fulfilled by CardOps.
    static bool deliveredByCardOps(const storage::OrderDetail& order);

    // A review reason in words: the platform's check codes translated, an operator's text as is.
    static QString reviewReason(const QString& reason);
    // An outbox state in words (pending conflict failed done dropped).
    static QString editState(const QString& state);
    // Asia/Shanghai "yyyy-MM-dd HH:mm:ss", or words saying the time is not known.
    static QString timeText(qint64 unixSeconds);
    // The timeline as tab-separated lines with a header line (for the clipboard).
    static QString toText(const QList<TimelineEvent>& events);

    static QString buyer();
    static QString platform();
    static QString cardOps();
};

} // namespace cardops::models
