#pragma once

#include "models/consolebackend.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace cardops::ui {

// 对接供应商: the protocol, the supplier's address and our credentials there, a test (the balance
// call, its answer shown as the supplier gave it) and docking; only what was tested is saved.
// UI thread.
class SupplierDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SupplierDialog(models::ConsoleBackend& backend, QWidget* parent = nullptr);

    models::SupplierConnection connection() const;
    // Why the fields cannot be tested yet, in the operator's words; "" when they can.
    QString validationError() const;
    QComboBox& protocol() const { return *m_protocol; }
    QLabel& verdict() const { return *m_verdict; }

private:
    void protocolChanged();
    void test();
    void save();
    void setBusy(bool busy);

    models::ConsoleBackend& m_backend;
    QComboBox* m_protocol = nullptr;
    QLineEdit* m_id = nullptr;
    QLineEdit* m_url = nullptr;
    QLineEdit* m_appId = nullptr;
    QLineEdit* m_secret = nullptr;
    QLabel* m_appIdLabel = nullptr;
    QLabel* m_secretLabel = nullptr;
    QLabel* m_verdict = nullptr;
    QPlainTextEdit* m_answer = nullptr;
    QPushButton* m_test = nullptr;
    QPushButton* m_save = nullptr;
};

} // namespace cardops::ui
