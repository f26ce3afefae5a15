#pragma once

#include "ui/page.h"

class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;

namespace cardops::models {
class ConsoleBackend;
}

namespace cardops::ui {

// 设置: the profiles (connect another shop, switch, remove), the open profile's suppliers (dock,
// remove) and the language. UI thread.
class SettingsPage : public Page
{
    Q_OBJECT
public:
    explicit SettingsPage(models::ConsoleBackend& backend, QWidget* parent = nullptr);

    qint64 mainRows() const override;

private:
    void reloadProfiles();
    QString selectedProfile() const;
    void switchToSelected();
    void removeSelected();
    void reloadSuppliers();
    void removeSupplier();

    models::ConsoleBackend& m_backend;
    QListWidget* m_profiles = nullptr;
    QPushButton* m_switch = nullptr;
    QPushButton* m_remove = nullptr;
    QListWidget* m_suppliers = nullptr;
    QPushButton* m_dock = nullptr;
    QPushButton* m_undock = nullptr;
    QComboBox* m_language = nullptr;
    QLabel* m_languageNote = nullptr;
    QPushButton* m_restart = nullptr;
};

} // namespace cardops::ui
