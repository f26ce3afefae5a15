#include "ui/reissuedialog.h"

#include "core/csvexport.h"
#include "models/orderactionbackend.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace cardops::ui {

ReissueDialog::ReissueDialog(models::OrderActionBackend& backend, qint64 orderId, const QString& orderNo,
                             QWidget* parent)
    : QDialog(parent)
    , m_cards(new QListWidget(this))
    , m_reason(new QLineEdit(this))
    , m_state(new QLabel(tr("Reading the order's cards from the platform…"), this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Replace a card of order %1").arg(orderNo));
    auto* explanation = new QLabel(tr("Pick the card the buyer reports as bad. The platform voids it and "
                                      "delivers a replacement from stock."),
                                   this);
    explanation->setWordWrap(true);
    m_state->setObjectName(QStringLiteral("pageHint"));
    m_state->setWordWrap(true);
    m_reason->setPlaceholderText(tr("What the buyer reported (required)"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(explanation);
    layout->addWidget(m_cards, 1);
    layout->addWidget(m_state);
    layout->addWidget(new QLabel(tr("Reason"), this));
    layout->addWidget(m_reason);
    layout->addWidget(m_buttons);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Replace"));
    connect(m_cards, &QListWidget::itemSelectionChanged, this, &ReissueDialog::check);
    connect(m_reason, &QLineEdit::textChanged, this, &ReissueDialog::check);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(520, 360);
    check();
    backend.orderCards(orderId, this, [this](const models::OrderCards& answer) {
        if (!answer.ok)
            return m_state->setText(answer.error);
        int usable = 0;
        for (const models::OrderCard& c : answer.cards) {
            const bool sold = c.status == u"sold";
            QString text = c.masked;
            if (c.expiresAt > 0)
                text += tr("  · expires %1").arg(core::formatShanghaiTime(c.expiresAt));
            if (!sold)
                text += tr("  · %1").arg(c.status);
            auto* item = new QListWidgetItem(text, m_cards);
            item->setData(Qt::UserRole, c.id);
            if (!sold)
                item->setFlags(item->flags() & ~(Qt::ItemIsSelectable | Qt::ItemIsEnabled));
            usable += sold ? 1 : 0;
        }
        m_state->setText(usable > 0 ? QString() : tr("This order has no delivered card to replace."));
    });
}

qint64 ReissueDialog::cardId() const
{
    const QList<QListWidgetItem*> picked = m_cards->selectedItems();
    return picked.isEmpty() ? 0 : picked.first()->data(Qt::UserRole).toLongLong();
}

QString ReissueDialog::reason() const
{
    return m_reason->text().trimmed();
}

void ReissueDialog::check()
{
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(cardId() > 0 && !reason().isEmpty());
}

} // namespace cardops::ui
