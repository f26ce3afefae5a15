#include "ui/offlineorderdialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QSpinBox>
#include <QVBoxLayout>

namespace cardops::ui {

OfflineOrderDialog::OfflineOrderDialog(QWidget* parent)
    : QDialog(parent)
    , m_member(new QLineEdit(this))
    , m_goods(new QLineEdit(this))
    , m_quantity(new QSpinBox(this))
    , m_account(new QLineEdit(this))
    , m_contact(new QLineEdit(this))
    , m_hint(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Record an offline-paid order"));
    auto* explanation = new QLabel(tr("For an order the buyer paid outside the shop. The platform records it "
                                      "as paid and delivers it as usual."),
                                   this);
    explanation->setWordWrap(true);
    auto* digits = new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{1,18}")), this);
    m_member->setValidator(digits);
    m_member->setPlaceholderText(tr("Member id"));
    m_goods->setValidator(digits);
    m_goods->setPlaceholderText(tr("Goods id"));
    m_quantity->setRange(1, 10000);
    m_account->setValidator(digits);
    m_account->setPlaceholderText(tr("Only for direct recharges"));
    auto* form = new QFormLayout;
    form->addRow(tr("Member"), m_member);
    form->addRow(tr("Goods"), m_goods);
    form->addRow(tr("Quantity"), m_quantity);
    form->addRow(tr("Recharge account"), m_account);
    form->addRow(tr("Contact"), m_contact);
    m_hint->setObjectName(QStringLiteral("pageHint"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(explanation);
    layout->addLayout(form);
    layout->addWidget(m_hint);
    layout->addWidget(m_buttons);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Record"));
    connect(m_member, &QLineEdit::textChanged, this, &OfflineOrderDialog::check);
    connect(m_goods, &QLineEdit::textChanged, this, &OfflineOrderDialog::check);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(440, sizeHint().height());
    check();
}

models::OfflineOrder OfflineOrderDialog::order() const
{
    models::OfflineOrder o;
    o.memberId = m_member->text().toLongLong();
    o.goodsId = m_goods->text().toLongLong();
    o.quantity = m_quantity->value();
    o.chargeAccount = m_account->text().trimmed();
    o.contact = m_contact->text().trimmed();
    return o;
}

void OfflineOrderDialog::check()
{
    const models::OfflineOrder o = order();
    const bool ok = o.memberId > 0 && o.goodsId > 0;
    m_hint->setText(ok ? QString() : tr("Enter the member and the goods."));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(ok);
}

} // namespace cardops::ui
