#include "suppliers/suppliererrortext.h"

using namespace Qt::StringLiterals;

namespace cardops::suppliers {

QString SupplierErrorText::summary(SupplierError::Kind kind)
{
    switch (kind) {
    case SupplierError::Transport:
        return tr("The supplier could not be reached.");
    case SupplierError::Timeout:
        return tr("The supplier did not answer in time.");
    case SupplierError::Redirect:
        return tr("The supplier answered with a redirect, which is never followed.");
    case SupplierError::TooLarge:
        return tr("The supplier's answer was too large and was cut off.");
    case SupplierError::Auth:
        return tr("The supplier refused the credentials.");
    case SupplierError::Signature:
        return tr("The supplier's answer failed its signature check.");
    case SupplierError::Business:
        return tr("The supplier refused the request.");
    case SupplierError::ProductRejected:
        return tr("The supplier cannot sell this product now (off shelf, out of stock or price).");
    case SupplierError::Malformed:
        return tr("The supplier's answer could not be read.");
    case SupplierError::InvalidRequest:
        return tr("The request was not sent: it is invalid.");
    case SupplierError::Cancelled:
        return tr("The request was cancelled.");
    }
    return tr("Unknown supplier error.");
}

QString SupplierErrorText::describe(const SupplierError& error)
{
    QString text = summary(error.kind);
    if (error.outcomeUnknown)
        text += u' ' + tr("The purchase may have gone through: it is marked unknown and must be checked, "
                          "never sent again.");
    if (error.retryOnAlternative)
        text += u' ' + tr("Another supplier product can be tried.");
    const QString upstream = QString(error.code + u' ' + error.upstreamMessage).trimmed();
    if (!upstream.isEmpty())
        text += u' ' + tr("Supplier says: %1").arg(upstream);
    return text;
}

QString SupplierErrorText::reviewReason(ReviewReason reason)
{
    switch (reason) {
    case ReviewReason::None:
        return QString();
    case ReviewReason::CardCountMismatch:
        return tr("The supplier delivered a different number of cards than were bought.");
    case ReviewReason::PlaceholderText:
        return tr("The supplier delivered a notice instead of cards (manual delivery or sold out).");
    case ReviewReason::CardsUnreadable:
        return tr("The order succeeded but a card could not be decrypted.");
    case ReviewReason::PollingBound:
        return tr("The order is still not finished after the polling limit.");
    }
    return QString();
}

QString SupplierErrorText::verificationLabel(const Supplier& supplier)
{
    return supplier.verifiedAgainstRealGateway() ? QString() : tr("Not verified against the real gateway");
}

} // namespace cardops::suppliers
