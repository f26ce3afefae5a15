#pragma once

#include "suppliers/supplier.h"

#include <QCoreApplication>
#include <QString>

// Words for the operator about supplier errors and purchase outcomes (English source, zh_CN in
// translations/). The upstream's own message is shown as it came, never translated or interpreted.
// Stateless; any thread that has a QCoreApplication.
namespace cardops::suppliers {

class SupplierErrorText
{
    Q_DECLARE_TR_FUNCTIONS(SupplierErrorText)
public:
    // One sentence about the kind, e.g. "The supplier did not answer in time."
    static QString summary(SupplierError::Kind kind);
    // summary(), then what to do when the outcome is unknown or another product may be tried, then
    // the upstream's code and message when there are any.
    static QString describe(const SupplierError& error);
    static QString reviewReason(ReviewReason reason);
    // 未经真实网关验证 for an adapter that has not met its real gateway, empty otherwise.
    static QString verificationLabel(const Supplier& supplier);
};

} // namespace cardops::suppliers
