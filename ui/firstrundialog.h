#pragma once

#include <QDialog>

namespace cardops::models {
class ConsoleBackend;
}

namespace cardops::ui {

// The first start: 体验演示 (the demo on the bundled simulator) or 连接我的店铺. UI thread.
class FirstRunDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Choice { None, Demo, Shop };
    explicit FirstRunDialog(models::ConsoleBackend& backend, QWidget* parent = nullptr);

    Choice choice() const { return m_choice; }
    QString profileName() const { return m_profile; } // the connected shop's profile

private:
    models::ConsoleBackend& m_backend;
    Choice m_choice = Choice::None;
    QString m_profile;
};

} // namespace cardops::ui
