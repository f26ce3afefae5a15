#include "core/fulfilmentreasons.h"

using namespace Qt::StringLiterals;

namespace cardops::core {

QString FulfilmentReasons::text(const QString& code)
{
    if (code == u"stock_short")
        return tr("platform stock short: buying from the supplier");
    if (code == u"out_of_stock")
        return tr("out of stock, and no supplier could supply it");
    if (code == u"no_supplier")
        return tr("no supplier is docked for this goods");
    if (code == u"supply_failed")
        return tr("the purchase from the supplier failed");
    if (code == u"supply_unknown")
        return tr("the supplier's answer is unknown: check the purchase on the supplier");
    if (code == u"platform_refused")
        return tr("the platform refused the delivery");
    if (code == u"amount_mismatch")
        return tr("the amount paid differs from the price");
    if (code == u"missing_charge_account")
        return tr("the charge account is missing");
    return code;
}

bool FulfilmentReasons::isDeliveryFailure(const QString& code)
{
    return code == u"out_of_stock" || code == u"no_supplier" || code == u"supply_failed" ||
           code == u"supply_unknown" || code == u"platform_refused";
}

} // namespace cardops::core
