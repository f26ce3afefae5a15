#pragma once

#include "storage/purchases.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace cardops::ui {

// Asks what an operator found on the supplier for a purchase of 采购结果未知: for "bought", the card
// text the supplier shows (one card a line; empty for a direct recharge); always a note of how it
// was checked. OK stays disabled until the note is written. UI thread.
class ResolvePurchaseDialog : public QDialog
{
    Q_OBJECT
public:
    ResolvePurchaseDialog(const storage::PurchaseRecord& purchase, bool bought, QWidget* parent = nullptr);

    QString cardText() const;
    QString note() const;
    QLineEdit& noteField() const { return *m_note; }
    QPlainTextEdit* cardField() const { return m_cards; }

private:
    void check();

    qint64 m_quantity = 0;
    bool m_bought = false;
    QPlainTextEdit* m_cards = nullptr;
    QLineEdit* m_note = nullptr;
    QLabel* m_cardCount = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace cardops::ui
