#pragma once

#include "models/orderactionbackend.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace cardops::ui {

// 补单: records an order the buyer paid outside the shop (bank transfer, cash): member, goods,
// quantity, the account to recharge for 直充, a contact. The platform records it as paid and runs
// its normal flow. UI thread.
class OfflineOrderDialog : public QDialog
{
    Q_OBJECT
public:
    explicit OfflineOrderDialog(QWidget* parent = nullptr);

    models::OfflineOrder order() const;
    QLineEdit& memberField() const { return *m_member; }
    QLineEdit& goodsField() const { return *m_goods; }
    QSpinBox& quantityField() const { return *m_quantity; }
    QLineEdit& accountField() const { return *m_account; }

private:
    void check();

    QLineEdit* m_member = nullptr;
    QLineEdit* m_goods = nullptr;
    QSpinBox* m_quantity = nullptr;
    QLineEdit* m_account = nullptr;
    QLineEdit* m_contact = nullptr;
    QLabel* m_hint = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace cardops::ui
