#include "ui/connectdialog.h"

#include "core/profilestore.h"
#include "models/consolebackend.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace cardops::ui {

ConnectDialog::ConnectDialog(models::ConsoleBackend& backend, QWidget* parent)
    : QDialog(parent)
    , m_backend(backend)
    , m_name(new QLineEdit(this))
    , m_url(new QLineEdit(this))
    , m_appId(new QLineEdit(this))
    , m_secret(new QLineEdit(this))
    , m_verdict(new QLabel(this))
    , m_answer(new QPlainTextEdit(this))
{
    setWindowTitle(tr("Connect my shop"));
    m_name->setPlaceholderText(tr("e.g. myshop (letters, digits, _ or -)"));
    m_url->setPlaceholderText(tr("https://shop.example.com"));
    m_secret->setEchoMode(QLineEdit::Password);
    m_answer->setReadOnly(true);
    m_answer->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_answer->setPlaceholderText(tr("The platform's answer appears here after the test."));
    m_verdict->setWordWrap(true);

    auto* form = new QFormLayout;
    form->addRow(tr("Profile name"), m_name);
    form->addRow(tr("Platform address"), m_url);
    form->addRow(tr("App id"), m_appId);
    form->addRow(tr("App secret"), m_secret);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_test = buttons->addButton(tr("Test connection"), QDialogButtonBox::ActionRole);
    m_save = buttons->addButton(tr("Save and open"), QDialogButtonBox::AcceptRole);
    m_save->setEnabled(false);
    connect(m_test, &QPushButton::clicked, this, &ConnectDialog::test);
    connect(m_save, &QPushButton::clicked, this, &ConnectDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QLineEdit* edit : {m_name, m_url, m_appId, m_secret})
        connect(edit, &QLineEdit::textChanged, this, [this] { m_save->setEnabled(false); });

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("The platform is your shop's system (a shop with cardops-bridge, or any "
                                    "platform speaking CardOps Platform API v1). The secret is kept in the "
                                    "system keychain."),
                                 this));
    layout->addLayout(form);
    layout->addWidget(m_verdict);
    layout->addWidget(m_answer, 1);
    layout->addWidget(buttons);
    resize(640, 460);
}

QString ConnectDialog::profileName() const
{
    return m_name->text().trimmed();
}

models::ShopConnection ConnectDialog::connection() const
{
    models::ShopConnection c;
    c.name = profileName();
    c.url = QUrl(m_url->text().trimmed(), QUrl::StrictMode);
    c.appId = m_appId->text().trimmed();
    c.secret = m_secret->text().toUtf8();
    return c;
}

QString ConnectDialog::validationError() const
{
    // The same rules as core::ProfileStore::validate(), said in the operator's words.
    const QString name = profileName();
    if (!core::ProfileStore::isValidName(name))
        return tr("The profile name needs 1 to 32 letters, digits, _ or -.");
    if (name == u"demo")
        return tr("The name demo is reserved for the demo profile.");
    const QUrl url = connection().url;
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty() || (scheme != u"https" && scheme != u"http") ||
        url.hasQuery() || url.hasFragment() || !url.userInfo().isEmpty())
        return tr("The platform address must look like https://shop.example.com (no query, no user).");
    if (scheme == u"http" && !core::ProfileStore::isLoopbackHost(url.host()))
        return tr("Plain http:// is accepted only for this computer; use https:// for %1.").arg(url.host());
    const QString appId = m_appId->text().trimmed();
    if (appId.isEmpty())
        return tr("Enter the app id the platform gave you.");
    for (QChar c : appId)
        if (c.unicode() < 0x21 || c.unicode() > 0x7E)
            return tr("The app id has only letters, digits and punctuation (ASCII).");
    if (m_secret->text().isEmpty())
        return tr("Enter the app secret.");
    return {};
}

void ConnectDialog::setBusy(bool busy)
{
    m_test->setEnabled(!busy);
    for (QLineEdit* edit : {m_name, m_url, m_appId, m_secret})
        edit->setEnabled(!busy);
}

void ConnectDialog::test()
{
    if (const QString problem = validationError(); !problem.isEmpty()) {
        m_verdict->setText(problem);
        return;
    }
    setBusy(true);
    m_verdict->setText(tr("Asking the platform…"));
    m_answer->clear();
    // Any edit after this test disables saving again (textChanged), so what is saved was tested.
    m_backend.testConnection(connection(), this, [this](const models::ConnectionCheck& check) {
        setBusy(false);
        m_answer->setPlainText(check.answer);
        if (check.ok) {
            m_verdict->setText(tr("Connected to %1. Save to open the shop.").arg(check.shopName));
            m_save->setEnabled(true);
        } else {
            m_verdict->setText(tr("The platform did not accept the connection; its answer is below."));
        }
    });
}

void ConnectDialog::save()
{
    setBusy(true);
    m_save->setEnabled(false);
    m_verdict->setText(tr("Saving the profile and its secret…"));
    m_backend.addProfile(connection(), this, [this](const QString& error) {
        setBusy(false);
        if (error.isEmpty())
            return accept();
        m_verdict->setText(tr("Could not save: %1").arg(error));
        m_save->setEnabled(true);
    });
}

} // namespace cardops::ui
