#pragma once

#include "core/notification.h"

#include <QCoreApplication>
#include <QString>

// Words the unattended worker puts into its notifications (English source, zh_CN in translations/).
// Stateless; any thread that has a QCoreApplication.
namespace cardops::sync {

class NotifyText
{
    Q_DECLARE_TR_FUNCTIONS(NotifyText)
public:
    // A default title per kind, e.g. "New order to review" (待审核).
    static QString title(core::Notification::Kind kind);
    // The line a coalesced message ends with: "(and 3 more like this)".
    static QString more(int count);
};

} // namespace cardops::sync
