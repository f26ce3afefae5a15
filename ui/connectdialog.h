#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace cardops::models {
class ConsoleBackend;
struct ShopConnection;
} // namespace cardops::models

namespace cardops::ui {

// 连接我的店铺: the platform's address, app id and secret, a test that shows the platform's own
// answer or its exact error, and saving (the secret goes to the keychain). Saving needs a
// successful test of exactly what is saved. UI thread.
class ConnectDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ConnectDialog(models::ConsoleBackend& backend, QWidget* parent = nullptr);

    QString profileName() const;

private:
    models::ShopConnection connection() const;
    QString validationError() const;
    void test();
    void save();
    void setBusy(bool busy);

    models::ConsoleBackend& m_backend;
    QLineEdit* m_name = nullptr;
    QLineEdit* m_url = nullptr;
    QLineEdit* m_appId = nullptr;
    QLineEdit* m_secret = nullptr;
    QPushButton* m_test = nullptr;
    QPushButton* m_save = nullptr;
    QLabel* m_verdict = nullptr;
    QPlainTextEdit* m_answer = nullptr;
};

} // namespace cardops::ui
