#pragma once

#include "models/consolebackend.h"
#include "storage/supply.h"

#include <QDialog>

namespace cardops::ui {

// 供应商诊断: a supplier's state and last error, and its last exchange — the signed request exactly as
// sent (keys and card texts masked), what the signature covers, the raw answer, and the answer's
// signature as computed against as received. UI thread.
class SupplierDiagnosticsDialog : public QDialog
{
    Q_OBJECT
public:
    SupplierDiagnosticsDialog(const storage::supply::SupplierStatus& status,
                              const models::SupplierExchange& exchange, const QString& protocolName,
                              QWidget* parent = nullptr);
};

} // namespace cardops::ui
