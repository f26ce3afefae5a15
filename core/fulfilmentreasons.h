#pragma once

#include <QCoreApplication>
#include <QString>

namespace cardops::core {

// The reason codes an order goes to review with, in the operator's words: the worker's own
// (out_of_stock, no_supplier, supply_failed, supply_unknown, platform_refused) and the platform's
// checks; a rule's own code is shown as it is.
class FulfilmentReasons
{
    Q_DECLARE_TR_FUNCTIONS(FulfilmentReasons)
public:
    static QString text(const QString& code);
    // Codes that mean "could not deliver" rather than "a rule wants a person to look".
    static bool isDeliveryFailure(const QString& code);
};

} // namespace cardops::core
