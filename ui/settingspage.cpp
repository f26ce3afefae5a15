#include "ui/settingspage.h"

#include "core/profilestore.h"
#include "models/consolebackend.h"
#include "ui/connectdialog.h"
#include "ui/supplierdialog.h"

#include <QComboBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace cardops::ui {

SettingsPage::SettingsPage(models::ConsoleBackend& backend, QWidget* parent)
    : Page(parent)
    , m_backend(backend)
    , m_profiles(new QListWidget(this))
    , m_switch(new QPushButton(tr("Switch to this profile"), this))
    , m_remove(new QPushButton(tr("Remove…"), this))
    , m_language(new QComboBox(this))
    , m_languageNote(new QLabel(this))
    , m_restart(new QPushButton(tr("Restart now"), this))
{
    auto* heading = new QLabel(tr("Settings"), this);
    heading->setObjectName(QStringLiteral("pageTitle"));

    auto* profiles = new QGroupBox(tr("Profiles"), this);
    auto* add = new QPushButton(tr("Connect a shop…"), profiles);
    auto* profileButtons = new QHBoxLayout;
    profileButtons->addWidget(add);
    profileButtons->addWidget(m_switch);
    profileButtons->addWidget(m_remove);
    profileButtons->addStretch(1);
    auto* profileLayout = new QVBoxLayout(profiles);
    profileLayout->addWidget(new QLabel(tr("A profile is one shop: its platform, its secret (in the system "
                                           "keychain) and its local cache."),
                                        profiles));
    m_profiles->setMinimumHeight(120);
    m_profiles->setMaximumHeight(220);
    profileLayout->addWidget(m_profiles);
    profileLayout->addLayout(profileButtons);

    auto* suppliers = new QGroupBox(tr("Suppliers of this shop"), this);
    m_suppliers = new QListWidget(suppliers);
    m_suppliers->setMaximumHeight(120);
    m_dock = new QPushButton(tr("Dock a supplier…"), suppliers);
    m_undock = new QPushButton(tr("Remove supplier…"), suppliers);
    auto* supplierButtons = new QHBoxLayout;
    supplierButtons->addWidget(m_dock);
    supplierButtons->addWidget(m_undock);
    supplierButtons->addStretch(1);
    auto* supplierLayout = new QVBoxLayout(suppliers);
    supplierLayout->addWidget(new QLabel(tr("The acg-faka shops and Fulu accounts the shop buys from; their "
                                            "secrets are kept in the system keychain."),
                                         suppliers));
    supplierLayout->addWidget(m_suppliers);
    supplierLayout->addLayout(supplierButtons);
    // The demo docks only the simulator's suppliers: it never holds a real supplier key.
    m_dock->setEnabled(!backend.isDemo());
    if (backend.isDemo())
        m_dock->setToolTip(
            tr("The demo buys from its simulator only; connect your shop to dock real suppliers."));
    connect(m_dock, &QPushButton::clicked, this, [this] {
        SupplierDialog dialog(m_backend, this);
        if (dialog.exec() == QDialog::Accepted)
            reloadSuppliers();
    });
    connect(m_undock, &QPushButton::clicked, this, &SettingsPage::removeSupplier);
    // The demo's suppliers are docked once its simulator listens; a refresh follows every docking.
    connect(&backend, &models::ConsoleBackend::suppliersRefreshed, this, &SettingsPage::reloadSuppliers);
    connect(m_suppliers, &QListWidget::currentRowChanged, this,
            [this](int row) { m_undock->setEnabled(row >= 0 && !m_backend.isDemo()); });

    auto* language = new QGroupBox(tr("Language"), this);
    m_language->addItem(QStringLiteral("中文（简体）"), QStringLiteral("zh_CN"));
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->setCurrentIndex(backend.language() == u"en" ? 1 : 0);
    m_languageNote->setWordWrap(true);
    m_restart->hide();
    auto* languageLayout = new QHBoxLayout(language);
    languageLayout->addWidget(m_language);
    languageLayout->addWidget(m_languageNote, 1);
    languageLayout->addWidget(m_restart);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(profiles);
    layout->addWidget(suppliers);
    layout->addWidget(language);
    layout->addStretch(1);

    connect(add, &QPushButton::clicked, this, [this] {
        ConnectDialog dialog(m_backend, this);
        if (dialog.exec() == QDialog::Accepted)
            reloadProfiles();
    });
    connect(m_switch, &QPushButton::clicked, this, &SettingsPage::switchToSelected);
    connect(m_remove, &QPushButton::clicked, this, &SettingsPage::removeSelected);
    connect(m_profiles, &QListWidget::itemDoubleClicked, this, &SettingsPage::switchToSelected);
    connect(m_profiles, &QListWidget::currentRowChanged, this, [this] {
        const bool other = !selectedProfile().isEmpty() && selectedProfile() != m_backend.profileName();
        m_switch->setEnabled(other);
        m_remove->setEnabled(other);
    });
    connect(m_language, &QComboBox::currentIndexChanged, this, [this] {
        const QString code = m_language->currentData().toString();
        m_backend.setLanguage(code);
        const bool changed = code != m_backend.runningLanguage();
        m_languageNote->setText(changed ? tr("The new language applies after a restart.") : QString());
        m_restart->setVisible(changed);
    });
    connect(m_restart, &QPushButton::clicked, this, [this] { m_backend.restart(); });
    reloadProfiles();
    reloadSuppliers();
}

qint64 SettingsPage::mainRows() const
{
    return m_profiles->count();
}

void SettingsPage::reloadProfiles()
{
    m_profiles->clear();
    for (const models::ProfileSummary& p : m_backend.profiles()) {
        QString text = p.demo ? tr("%1 — demo on the bundled simulator").arg(p.name)
                              : tr("%1 — %2").arg(p.name, p.address);
        if (p.name == m_backend.profileName())
            text += tr(" (open now)");
        if (p.secretInFile)
            text += tr(" · secret in a 0600 file: no keychain service was found");
        auto* item = new QListWidgetItem(text, m_profiles);
        item->setData(Qt::UserRole, p.name);
    }
    m_switch->setEnabled(false);
    m_remove->setEnabled(false);
}

QString SettingsPage::selectedProfile() const
{
    const QListWidgetItem* item = m_profiles->currentItem();
    return item ? item->data(Qt::UserRole).toString() : QString();
}

void SettingsPage::switchToSelected()
{
    const QString name = selectedProfile();
    if (name.isEmpty() || name == m_backend.profileName())
        return;
    m_backend.switchProfile(name);
}

void SettingsPage::removeSelected()
{
    const QString name = selectedProfile();
    if (name.isEmpty() || name == m_backend.profileName())
        return;
    const auto answer = QMessageBox::warning(
        this, tr("Remove profile"),
        tr("Remove the profile %1, its stored secret and its local cache? The shop's platform keeps all of "
           "its data; connecting again re-reads it.")
            .arg(name),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    QString error;
    if (!m_backend.removeProfile(name, &error))
        QMessageBox::critical(this, tr("Remove profile"), tr("Could not remove %1: %2").arg(name, error));
    reloadProfiles();
}

void SettingsPage::reloadSuppliers()
{
    m_suppliers->clear();
    for (const models::SupplierSummary& s : m_backend.dockedSuppliers()) {
        const QString kind = s.protocol == core::kProtocolFulu ? tr("Fulu") : tr("acg-faka");
        auto* item = new QListWidgetItem(tr("%1 — %2 · %3").arg(s.id, kind, s.address), m_suppliers);
        item->setData(Qt::UserRole, s.id);
    }
    if (m_suppliers->count() == 0)
        new QListWidgetItem(tr("No supplier docked: the platform delivers from its own stock only."),
                            m_suppliers);
    m_undock->setEnabled(false);
}

void SettingsPage::removeSupplier()
{
    const QListWidgetItem* item = m_suppliers->currentItem();
    const QString id = item ? item->data(Qt::UserRole).toString() : QString();
    if (id.isEmpty())
        return;
    const auto answer = QMessageBox::warning(
        this, tr("Remove supplier"),
        tr("Stop buying from %1 and delete its stored secret? Purchases already made stay in the ledger.")
            .arg(id),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    m_backend.removeSupplier(id, this, [this, id](const QString& error) {
        if (!error.isEmpty())
            QMessageBox::critical(this, tr("Remove supplier"), tr("Could not remove %1: %2").arg(id, error));
        reloadSuppliers();
    });
}

} // namespace cardops::ui
