#include "ui/resolvepurchasedialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace cardops::ui {

namespace {

int countLines(const QString& text)
{
    int n = 0;
    for (QStringView line : QStringView(text).split(u'\n'))
        n += line.trimmed().isEmpty() ? 0 : 1;
    return n;
}

} // namespace

ResolvePurchaseDialog::ResolvePurchaseDialog(const storage::PurchaseRecord& purchase, bool bought,
                                             QWidget* parent)
    : QDialog(parent)
    , m_quantity(purchase.quantity)
    , m_bought(bought)
    , m_note(new QLineEdit(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(bought ? tr("Bought upstream") : tr("Not bought"));
    auto* form = new QFormLayout;
    form->addRow(tr("Our number"), new QLabel(purchase.externalNo, this));
    form->addRow(tr("Supplier"), new QLabel(purchase.supplierId, this));
    form->addRow(tr("Supplier product"), new QLabel(purchase.productRef, this));
    form->addRow(tr("Quantity"), new QLabel(QLocale().toString(purchase.quantity), this));
    if (!purchase.chargeAccount.isEmpty())
        form->addRow(tr("Account recharged"), new QLabel(purchase.chargeAccount, this));
    for (int i = 0; i < form->rowCount(); ++i)
        if (auto* label = qobject_cast<QLabel*>(form->itemAt(i, QFormLayout::FieldRole)->widget()))
            label->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    if (bought) {
        m_cards = new QPlainTextEdit(this);
        m_cards->setPlaceholderText(
            tr("Paste the cards the supplier shows, one a line (leave empty for a direct "
               "recharge)"));
        m_cards->setMinimumHeight(110);
        m_cardCount = new QLabel(this);
        m_cardCount->setObjectName(QStringLiteral("pageHint"));
        layout->addWidget(new QLabel(tr("Cards delivered by the supplier"), this));
        layout->addWidget(m_cards);
        layout->addWidget(m_cardCount);
        connect(m_cards, &QPlainTextEdit::textChanged, this, &ResolvePurchaseDialog::check);
    } else {
        auto* warning =
            new QLabel(tr("Only when the supplier has no such order or shows it failed and refunded: "
                          "the order can then be bought again under a new number."),
                       this);
        warning->setWordWrap(true);
        layout->addWidget(warning);
    }
    m_note->setPlaceholderText(tr("How you checked (required), e.g. the supplier's order number"));
    layout->addWidget(new QLabel(tr("Note"), this));
    layout->addWidget(m_note);
    layout->addWidget(m_buttons);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Record"));
    connect(m_note, &QLineEdit::textChanged, this, &ResolvePurchaseDialog::check);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(520, sizeHint().height());
    check();
}

QString ResolvePurchaseDialog::cardText() const
{
    return m_cards ? m_cards->toPlainText().trimmed() : QString();
}

QString ResolvePurchaseDialog::note() const
{
    return m_note->text().trimmed();
}

void ResolvePurchaseDialog::check()
{
    if (m_cardCount) {
        const int n = countLines(m_cards->toPlainText());
        m_cardCount->setText(n == 0            ? QString()
                             : n == m_quantity ? tr("%1 cards, as bought").arg(n)
                                               : tr("%1 cards, but %2 were bought: check before recording")
                                                     .arg(n)
                                                     .arg(QLocale().toString(m_quantity)));
    }
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!note().isEmpty());
}

} // namespace cardops::ui
