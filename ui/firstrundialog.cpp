#include "ui/firstrundialog.h"

#include "ui/connectdialog.h"

#include <QCommandLinkButton>
#include <QLabel>
#include <QVBoxLayout>

namespace cardops::ui {

FirstRunDialog::FirstRunDialog(models::ConsoleBackend& backend, QWidget* parent)
    : QDialog(parent)
    , m_backend(backend)
{
    setWindowTitle(tr("Welcome to CardOps"));
    auto* title = new QLabel(tr("Welcome to CardOps, the back office of your 卡盟 shop"), this);
    title->setObjectName(QStringLiteral("pageTitle"));
    auto* demo =
        new QCommandLinkButton(tr("Try the demo"),
                               tr("A simulated shop with about 30,000 orders over 120 days, marked as "
                                  "demo data. Safe for training: it never holds real supplier keys."),
                               this);
    auto* shop = new QCommandLinkButton(tr("Connect my shop"),
                                        tr("Your platform's address, app id and secret; tested before it is "
                                           "saved."),
                                        this);
    connect(demo, &QCommandLinkButton::clicked, this, [this] {
        m_choice = Choice::Demo;
        accept();
    });
    connect(shop, &QCommandLinkButton::clicked, this, [this] {
        ConnectDialog connect(m_backend, this);
        if (connect.exec() != QDialog::Accepted)
            return;
        m_choice = Choice::Shop;
        m_profile = connect.profileName();
        accept();
    });
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addSpacing(8);
    layout->addWidget(demo);
    layout->addWidget(shop);
    resize(560, 300);
}

} // namespace cardops::ui
