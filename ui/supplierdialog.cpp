#include "ui/supplierdialog.h"

#include "core/profilestore.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace cardops::ui {

namespace {

const QString kFuluGateway = QStringLiteral("https://openapi.fulu.com/api/getway");

} // namespace

SupplierDialog::SupplierDialog(models::ConsoleBackend& backend, QWidget* parent)
    : QDialog(parent)
    , m_backend(backend)
    , m_protocol(new QComboBox(this))
    , m_id(new QLineEdit(this))
    , m_url(new QLineEdit(this))
    , m_appId(new QLineEdit(this))
    , m_secret(new QLineEdit(this))
    , m_verdict(new QLabel(this))
    , m_answer(new QPlainTextEdit(this))
{
    setWindowTitle(tr("Dock a supplier"));
    m_protocol->addItem(tr("acg-faka shop (异次元)"), core::kProtocolAcgFaka.toString());
    m_protocol->addItem(tr("Fulu (福禄) · not yet verified against the real gateway"),
                        core::kProtocolFulu.toString());
    m_id->setPlaceholderText(tr("e.g. fulu-main (letters, digits, _ or -)"));
    m_secret->setEchoMode(QLineEdit::Password);
    m_answer->setReadOnly(true);
    m_answer->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_answer->setPlaceholderText(tr("The supplier's answer appears here after the test."));
    m_verdict->setWordWrap(true);
    m_appIdLabel = new QLabel(this);
    m_secretLabel = new QLabel(this);

    auto* form = new QFormLayout;
    form->addRow(tr("Protocol"), m_protocol);
    form->addRow(tr("Name in CardOps"), m_id);
    form->addRow(tr("Address"), m_url);
    form->addRow(m_appIdLabel, m_appId);
    form->addRow(m_secretLabel, m_secret);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_test = buttons->addButton(tr("Test (read the balance)"), QDialogButtonBox::ActionRole);
    m_save = buttons->addButton(tr("Dock"), QDialogButtonBox::AcceptRole);
    m_save->setEnabled(false);
    connect(m_test, &QPushButton::clicked, this, &SupplierDialog::test);
    connect(m_save, &QPushButton::clicked, this, &SupplierDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QLineEdit* edit : {m_id, m_url, m_appId, m_secret})
        connect(edit, &QLineEdit::textChanged, this, [this] { m_save->setEnabled(false); });
    connect(m_protocol, &QComboBox::currentIndexChanged, this, &SupplierDialog::protocolChanged);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(
        new QLabel(tr("CardOps buys from the supplier with these credentials when the shop's own "
                      "stock runs out. The secret is kept in the system keychain."),
                   this));
    layout->addLayout(form);
    layout->addWidget(m_verdict);
    layout->addWidget(m_answer, 1);
    layout->addWidget(buttons);
    protocolChanged();
    resize(640, 480);
}

void SupplierDialog::protocolChanged()
{
    const bool fulu = m_protocol->currentData().toString() == core::kProtocolFulu;
    m_appIdLabel->setText(fulu ? tr("AppKey") : tr("User id (app_id)"));
    m_secretLabel->setText(fulu ? tr("AppSecret") : tr("Docking key (app_key)"));
    m_url->setPlaceholderText(fulu ? kFuluGateway : tr("https://upstream-shop.example.com"));
    if (fulu && m_url->text().isEmpty())
        m_url->setText(kFuluGateway);
    else if (!fulu && m_url->text() == kFuluGateway)
        m_url->clear();
    m_save->setEnabled(false);
}

models::SupplierConnection SupplierDialog::connection() const
{
    models::SupplierConnection c;
    c.id = m_id->text().trimmed();
    c.protocol = m_protocol->currentData().toString();
    c.url = QUrl(m_url->text().trimmed(), QUrl::StrictMode);
    c.appId = m_appId->text().trimmed();
    c.secret = m_secret->text().toUtf8();
    return c;
}

QString SupplierDialog::validationError() const
{
    const models::SupplierConnection c = connection();
    static const QRegularExpression idPattern(QStringLiteral("^[A-Za-z0-9_-]{1,32}$"));
    if (!idPattern.match(c.id).hasMatch())
        return tr("The name needs 1 to 32 letters, digits, _ or -.");
    for (const models::SupplierSummary& s : m_backend.dockedSuppliers())
        if (s.id == c.id)
            return tr("A supplier named %1 is docked already.").arg(c.id);
    const QString scheme = c.url.scheme().toLower();
    if (!c.url.isValid() || c.url.host().isEmpty() || (scheme != u"https" && scheme != u"http") ||
        c.url.hasQuery() || c.url.hasFragment() || !c.url.userInfo().isEmpty())
        return tr("The address must look like https://upstream.example.com (no query, no user).");
    if (scheme == u"http" && !core::ProfileStore::isLoopbackHost(c.url.host()))
        return tr("Plain http:// is accepted only for this computer; use https:// for %1.").arg(c.url.host());
    if (c.appId.isEmpty())
        return tr("Enter the %1.").arg(m_appIdLabel->text());
    if (c.secret.isEmpty())
        return tr("Enter the %1.").arg(m_secretLabel->text());
    if (c.protocol == core::kProtocolFulu && c.secret.size() != 32)
        return tr("A Fulu AppSecret has 32 characters; this one has %1.").arg(c.secret.size());
    return {};
}

void SupplierDialog::setBusy(bool busy)
{
    m_test->setEnabled(!busy);
    m_protocol->setEnabled(!busy);
    for (QLineEdit* edit : {m_id, m_url, m_appId, m_secret})
        edit->setEnabled(!busy);
}

void SupplierDialog::test()
{
    if (const QString problem = validationError(); !problem.isEmpty()) {
        m_verdict->setText(problem);
        return;
    }
    setBusy(true);
    m_verdict->setText(tr("Asking the supplier…"));
    m_answer->clear();
    m_backend.testSupplier(connection(), this, [this](const models::SupplierCheck& check) {
        setBusy(false);
        m_answer->setPlainText(check.answer);
        m_verdict->setText(check.ok
                               ? tr("The supplier answered. Dock it to use it.")
                               : tr("The supplier did not accept the credentials; its answer is below."));
        m_save->setEnabled(check.ok);
    });
}

void SupplierDialog::save()
{
    setBusy(true);
    m_save->setEnabled(false);
    m_verdict->setText(tr("Saving the supplier and its secret…"));
    m_backend.addSupplier(connection(), this, [this](const QString& error) {
        setBusy(false);
        if (error.isEmpty())
            return accept();
        m_verdict->setText(tr("Could not save: %1").arg(error));
        m_save->setEnabled(true);
    });
}

} // namespace cardops::ui
