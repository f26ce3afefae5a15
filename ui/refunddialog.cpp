#include "ui/refunddialog.h"

#include "core/money.h"
#include "models/orderactionbackend.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace cardops::ui {

namespace {

QString yuan(qint64 units)
{
    return core::Money::fromUnits(units).toString(2);
}

} // namespace

RefundDialog::RefundDialog(Mode mode, QList<Target> targets, QWidget* parent)
    : QDialog(parent)
    , m_mode(mode)
    , m_targets(std::move(targets))
    , m_full(new QRadioButton(this))
    , m_partial(new QRadioButton(tr("Partial refund"), this))
    , m_amount(new QLineEdit(this))
    , m_reason(new QComboBox(this))
    , m_note(new QLineEdit(this))
    , m_hint(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    const bool reject = mode == Mode::Reject;
    const bool one = m_targets.size() == 1;
    setWindowTitle(reject ? tr("Reject orders") : tr("Refund orders"));
    auto* form = new QFormLayout;
    if (one) {
        form->addRow(tr("Order"), new QLabel(m_targets.first().orderNo, this));
        form->addRow(tr("Left to refund"),
                     new QLabel(tr("%1 yuan").arg(yuan(m_targets.first().leftUnits)), this));
    } else {
        form->addRow(tr("Orders"), new QLabel(QLocale().toString(m_targets.size()), this));
    }
    form->addRow(tr("Refund in all"), new QLabel(tr("%1 yuan").arg(yuan(totalUnits())), this));

    m_full->setText(one ? tr("Full refund of what is left") : tr("Full refund of each order"));
    m_full->setChecked(true);
    auto* group = new QButtonGroup(this);
    group->addButton(m_full);
    group->addButton(m_partial);
    m_amount->setPlaceholderText(tr("Amount in yuan, e.g. 12.50"));
    m_amount->setEnabled(false);
    auto* partialRow = new QHBoxLayout;
    partialRow->addWidget(m_partial);
    partialRow->addWidget(m_amount, 1);
    // A rejection refunds everything; several orders are refunded in full only.
    m_partial->setVisible(!reject && one);
    m_amount->setVisible(!reject && one);
    if (!reject)
        form->addRow(tr("Amount"), m_full);
    if (!reject && one)
        form->addRow(QString(), partialRow);

    for (const QString& code : models::OrderActionBackend::refundReasons())
        m_reason->addItem(reasonName(code), code);
    form->addRow(tr("Reason"), m_reason);
    m_note->setPlaceholderText(reject ? tr("Why the order is rejected (required; kept in the operations log)")
                                      : tr("Note for the operations log"));
    form->addRow(tr("Note"), m_note);

    m_hint->setObjectName(QStringLiteral("pageHint"));
    m_hint->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    if (reject) {
        auto* explanation = new QLabel(
            tr("Rejecting refuses the order: what is left of the payment goes back to the buyer."), this);
        explanation->setWordWrap(true);
        layout->addWidget(explanation);
    }
    layout->addLayout(form);
    layout->addWidget(m_hint);
    layout->addWidget(m_buttons);
    m_buttons->button(QDialogButtonBox::Ok)->setText(reject ? tr("Reject") : tr("Refund"));

    connect(m_partial, &QRadioButton::toggled, m_amount, &QLineEdit::setEnabled);
    connect(m_partial, &QRadioButton::toggled, this, &RefundDialog::check);
    connect(m_amount, &QLineEdit::textChanged, this, &RefundDialog::check);
    connect(m_reason, &QComboBox::currentIndexChanged, this, &RefundDialog::check);
    connect(m_note, &QLineEdit::textChanged, this, &RefundDialog::check);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (canAccept())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(480, sizeHint().height());
    check();
}

QString RefundDialog::reasonName(const QString& code)
{
    if (code == u"out_of_stock")
        return tr("Out of stock");
    if (code == u"customer_request")
        return tr("Customer request");
    if (code == u"wrong_goods")
        return tr("Wrong goods");
    if (code == u"duplicate_order")
        return tr("Duplicate order");
    if (code == u"fraud")
        return tr("Fraud");
    if (code == u"other")
        return tr("Other");
    return code;
}

bool RefundDialog::isFull() const
{
    return !m_partial->isChecked();
}

qint64 RefundDialog::partialUnits() const
{
    return m_partialUnits;
}

qint64 RefundDialog::totalUnits() const
{
    if (!isFull())
        return m_partialUnits;
    qint64 total = 0;
    for (const Target& t : m_targets)
        total += t.leftUnits;
    return total;
}

QString RefundDialog::reasonCode() const
{
    return m_reason->currentData().toString();
}

QString RefundDialog::note() const
{
    return m_note->text().trimmed();
}

bool RefundDialog::canAccept() const
{
    return m_problem.isEmpty();
}

void RefundDialog::check()
{
    m_problem.clear();
    m_partialUnits = 0;
    if (!isFull()) {
        const qint64 left = m_targets.first().leftUnits;
        const QString text = m_amount->text().trimmed();
        const auto amount = core::Money::parse(text);
        if (text.isEmpty())
            m_problem = tr("Enter the amount to refund.");
        else if (!amount || amount->units() % core::Money::UnitsPerCent != 0)
            m_problem = tr("Enter yuan with at most two decimals, e.g. 12.50.");
        else if (amount->units() <= 0)
            m_problem = tr("The amount must be above zero.");
        else if (amount->units() > left)
            m_problem = tr("At most %1 yuan is left to refund.").arg(yuan(left));
        else
            m_partialUnits = amount->units();
    }
    if (m_problem.isEmpty() && note().isEmpty() && (m_mode == Mode::Reject || reasonCode() == u"other"))
        m_problem = tr("Write a note: a rejection or the reason \"Other\" needs one.");
    if (m_problem.isEmpty() && totalUnits() <= 0)
        m_problem = tr("Nothing is left to refund.");
    m_hint->setText(m_problem);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_problem.isEmpty());
}

} // namespace cardops::ui
