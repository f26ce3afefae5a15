#include "ui/orderdetaildialog.h"

#include "core/csvexport.h"
#include "models/datasource.h"
#include "models/listpresentation.h"
#include "storage/orderdetail.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace cardops::ui {

namespace {

using models::ListPresentation;
using models::OrderTimeline;

QString yuanText(core::Money m)
{
    return OrderDetailDialog::tr("%1 yuan").arg(m.toString(2));
}

QString timeOrDash(qint64 t)
{
    return t > 0 ? core::formatShanghaiTime(t) : u"—"_s;
}

// The status word's colour: green done, orange needs a person, blue in progress, grey closed.
QString statusColour(const QString& status)
{
    if (status == u"delivered")
        return u"#1e8e3e"_s;
    if (status == u"review")
        return u"#d9822b"_s;
    if (status == u"refunded")
        return u"#c5221f"_s;
    if (status == u"cancelled" || status == u"unpaid")
        return u"#6b7480"_s;
    return u"#2f6fde"_s;
}

QFont monospace(const QFont& base)
{
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    if (base.pointSizeF() > 0)
        mono.setPointSizeF(base.pointSizeF());
    else
        mono.setPixelSize(base.pixelSize());
    return mono;
}

} // namespace

OrderDetailDialog::OrderDetailDialog(models::DataSource& source, models::ConsoleBackend& backend,
                                     qint64 orderId, QWidget* parent)
    : QDialog(parent)
    , m_source(source)
    , m_backend(backend)
    , m_orderId(orderId)
    , m_stack(new QStackedWidget(this))
    , m_message(new QLabel(this))
{
    setWindowTitle(tr("Order details"));
    m_message->setObjectName(u"detailMessage"_s);
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* content = new QWidget(this);
    auto* middle = new QHBoxLayout;
    middle->addWidget(buildFields(), 3);
    middle->addWidget(buildCards(), 2);
    auto* contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->addWidget(buildHeader());
    contentLayout->addLayout(middle);
    contentLayout->addWidget(buildTimeline(), 1);
    m_stack->addWidget(m_message);
    m_stack->addWidget(content);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_stack, 1);
    layout->addWidget(buttons);
    resize(1000, 700); // fits a 1366 × 768 laptop screen

    // A sync or a console action on this order shows at once.
    connect(&m_source, &models::DataSource::tablesChanged, this, [this](const QSet<QString>& tables) {
        for (const QString& t : {u"orders"_s, u"goods"_s, u"members"_s, u"audit_log"_s, u"outbox"_s})
            if (tables.contains(t))
                return reload();
    });
    showMessage(tr("Reading order %1 from the cache…").arg(orderId));
    reload();
}

QWidget* OrderDetailDialog::buildHeader()
{
    auto* header = new QWidget(this);
    m_orderNo = new QLabel(header);
    m_orderNo->setObjectName(u"orderNo"_s);
    QFont mono = monospace(font());
    if (mono.pointSizeF() > 0)
        mono.setPointSizeF(mono.pointSizeF() * 1.4);
    else
        mono.setPixelSize(mono.pixelSize() * 7 / 5);
    mono.setBold(true);
    m_orderNo->setFont(mono);
    m_orderNo->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_orderNo->setCursor(Qt::IBeamCursor);
    m_status = new QLabel(header);
    m_status->setObjectName(u"orderStatus"_s);
    m_summary = new QLabel(header);
    m_summary->setObjectName(u"orderSummary"_s);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* first = new QHBoxLayout;
    first->addWidget(m_orderNo);
    first->addSpacing(12);
    first->addWidget(m_status);
    first->addStretch(1);
    auto* layout = new QVBoxLayout(header);
    layout->setContentsMargins(2, 0, 2, 4);
    layout->addLayout(first);
    layout->addWidget(m_summary);
    return header;
}

QLabel* OrderDetailDialog::addField(QFormLayout* form, Field field, const QString& title)
{
    auto* value = new QLabel(form->parentWidget());
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    value->setWordWrap(true);
    value->setMinimumWidth(fontMetrics().horizontalAdvance(u"0000-00-00 00:00:00"_s));
    form->addRow(title, value);
    m_fields[field] = value;
    m_forms[field] = form;
    return value;
}

QWidget* OrderDetailDialog::buildFields()
{
    auto* box = new QGroupBox(tr("Order"), this);
    // Goods and member names are long: they span the box; the numbers and times sit in two columns.
    auto* top = new QFormLayout;
    auto* left = new QFormLayout;
    auto* right = new QFormLayout;
    for (QFormLayout* form : {top, left, right}) {
        form->setLabelAlignment(Qt::AlignRight | Qt::AlignTop);
        form->setFormAlignment(Qt::AlignLeft | Qt::AlignTop);
        form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        form->setRowWrapPolicy(QFormLayout::DontWrapRows);
        form->setHorizontalSpacing(10);
        form->setVerticalSpacing(6);
    }
    // In the box before the rows are added, so the labels are the box's children at once.
    auto* layout = new QVBoxLayout(box);
    layout->addLayout(top);
    auto* columns = new QHBoxLayout;
    layout->addLayout(columns);
    layout->addStretch(1);
    columns->addLayout(left, 1);
    columns->addSpacing(16);
    columns->addLayout(right, 1);

    addField(top, Goods, tr("Goods"));
    addField(top, Member, tr("Member"));
    addField(left, Quantity, tr("Quantity"));
    addField(left, UnitPrice, tr("Unit price"));
    addField(left, Amount, tr("Amount"));
    addField(left, Paid, tr("Paid amount"));
    addField(left, Refunded, tr("Refunded amount"));
    addField(left, Cost, tr("Cost"));
    addField(left, Margin, tr("Gross profit"));
    addField(right, PayChannel, tr("Payment"));
    addField(right, ChargeAccount, tr("Charge account"))->setFont(monospace(font()));
    addField(right, Contact, tr("Contact"));
    addField(right, CreatedAt, tr("Placed at"));
    addField(right, PaidAt, tr("Paid at"));
    addField(right, DeliveredAt, tr("Delivered at"));
    addField(right, ReviewReason, tr("Review reason"));

    // The top rows' labels line up with the left column's, whatever the language's label widths.
    int labelWidth = 0;
    for (QFormLayout* form : {top, left})
        for (int r = 0; r < form->rowCount(); ++r)
            if (QLayoutItem* item = form->itemAt(r, QFormLayout::LabelRole))
                labelWidth = std::max(labelWidth, item->widget()->sizeHint().width());
    for (QFormLayout* form : {top, left})
        for (int r = 0; r < form->rowCount(); ++r)
            if (auto* label = qobject_cast<QLabel*>(form->itemAt(r, QFormLayout::LabelRole)->widget())) {
                label->setMinimumWidth(labelWidth);
                label->setAlignment(Qt::AlignRight | Qt::AlignTop);
            }
    return box;
}

QWidget* OrderDetailDialog::buildTimeline()
{
    auto* box = new QGroupBox(tr("Timeline"), this);
    m_timeline = new QTreeWidget(box);
    m_timeline->setObjectName(u"timeline"_s);
    m_timeline->setColumnCount(4);
    m_timeline->setHeaderLabels({tr("Time"), tr("By"), tr("Event"), tr("Detail")});
    m_timeline->setRootIsDecorated(false);
    m_timeline->setUniformRowHeights(true);
    m_timeline->setAlternatingRowColors(true);
    m_timeline->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_timeline->setWordWrap(false);
    m_timeline->setTextElideMode(Qt::ElideRight);
    m_timeline->header()->setStretchLastSection(true);
    m_timeline->header()->setSectionsMovable(false);
    m_timeline->setMinimumHeight(fontMetrics().height() * 10);
    m_timeline->installEventFilter(this);
    m_timeline->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto* copy = new QAction(tr("Copy timeline"), m_timeline);
    connect(copy, &QAction::triggered, this, &OrderDetailDialog::copyTimeline);
    m_timeline->addAction(copy);

    auto* hint = new QLabel(tr("Ctrl+C copies the selected rows, or the whole timeline."), box);
    hint->setObjectName(u"pageHint"_s);
    auto* layout = new QVBoxLayout(box);
    layout->addWidget(m_timeline, 1);
    layout->addWidget(hint);
    return box;
}

QWidget* OrderDetailDialog::buildCards()
{
    auto* box = new QGroupBox(tr("Cards"), this);
    m_cardsMessage = new QLabel(box);
    m_cardsMessage->setObjectName(u"cardsMessage"_s);
    m_cardsMessage->setWordWrap(true);
    m_cardsMessage->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_cards = new QTreeWidget(box);
    m_cards->setObjectName(u"cards"_s);
    m_cards->setHeaderLabels({tr("Card"), tr("State"), tr("Expires")});
    m_cards->setRootIsDecorated(false);
    m_cards->setUniformRowHeights(true);
    m_cards->header()->setStretchLastSection(true);
    m_cards->setVisible(false);
    connect(m_cards, &QTreeWidget::itemSelectionChanged, this, [this] {
        hideSecret();
        updateCardButtons();
    });
    connect(m_cards, &QTreeWidget::itemDoubleClicked, this, [this] {
        if (m_reveal->isEnabled())
            askToReveal();
    });

    m_reveal = new QPushButton(tr("Show card secret"), box);
    m_reveal->setObjectName(u"revealCard"_s);
    m_reveal->setAutoDefault(false);
    m_reveal->setVisible(false);
    connect(m_reveal, &QPushButton::clicked, this, &OrderDetailDialog::askToReveal);

    m_secretRow = new QWidget(box);
    m_secretTitle = new QLabel(m_secretRow);
    m_secret = new QLineEdit(m_secretRow);
    m_secret->setObjectName(u"cardSecret"_s);
    m_secret->setReadOnly(true);
    m_secret->setFont(monospace(font()));
    auto* copy = new QPushButton(tr("Copy"), m_secretRow);
    copy->setObjectName(u"copySecret"_s);
    copy->setAutoDefault(false);
    connect(copy, &QPushButton::clicked, this,
            [this] { QGuiApplication::clipboard()->setText(m_secret->text()); });
    auto* secretLine = new QHBoxLayout;
    secretLine->addWidget(m_secret, 1);
    secretLine->addWidget(copy);
    auto* secretLayout = new QVBoxLayout(m_secretRow);
    secretLayout->setContentsMargins(0, 0, 0, 0);
    secretLayout->addWidget(m_secretTitle);
    secretLayout->addLayout(secretLine);
    m_secretRow->setVisible(false);

    auto* layout = new QVBoxLayout(box);
    layout->addWidget(m_cardsMessage);
    layout->addWidget(m_cards, 1);
    layout->addWidget(m_reveal, 0, Qt::AlignLeft);
    layout->addWidget(m_secretRow);
    layout->addStretch(0);
    return box;
}

void OrderDetailDialog::reload()
{
    const qint64 id = m_orderId;
    m_source.reader().post<core::Result<storage::OrderDetail>>(
        this, [id](const storage::ReadSession& s) { return storage::orderdetail::read(s, id); },
        [this](core::Result<storage::OrderDetail> r) {
            if (r)
                showDetail(r.value());
            else if (r.error().code == core::ErrorCode::NotFound)
                showMessage(tr("Order %1 is not in the cache. It may not have been synced yet, or the id "
                               "is wrong.")
                                .arg(m_orderId));
            else
                showMessage(tr("Cannot read order %1: %2").arg(m_orderId).arg(r.error().detail));
            Q_EMIT loaded();
        });
}

void OrderDetailDialog::showMessage(const QString& text)
{
    m_message->setText(text);
    m_stack->setCurrentWidget(m_message);
}

void OrderDetailDialog::setField(Field field, const QString& text)
{
    m_fields[field]->setText(text);
    m_forms[field]->setRowVisible(m_fields[field], !text.isEmpty());
}

void OrderDetailDialog::showDetail(const storage::OrderDetail& d)
{
    setWindowTitle(tr("Order details — %1").arg(d.orderNo));
    m_orderNo->setText(d.orderNo);
    m_status->setText(ListPresentation::orderStatus(d.status));
    m_status->setStyleSheet(u"QLabel { color: white; background: %1; border-radius: 4px; padding: 2px 10px; "
                            u"font-weight: 600; }"_s.arg(statusColour(d.status)));
    QStringList summary = {tr("Amount %1").arg(yuanText(d.amount)),
                           tr("Paid %1").arg(yuanText(d.paidAmount))};
    if (d.refundAmount.units() > 0)
        summary << tr("Refunded %1").arg(yuanText(d.refundAmount));
    summary << tr("Order id %1").arg(d.id);
    m_summary->setText(summary.join(u"    "_s));

    const QString kind = d.goods.kind == u"direct" ? tr("direct recharge")
                         : d.goods.kind == u"card" ? tr("cards")
                                                   : QString();
    QStringList goods = {d.goods.cached ? tr("%1 (%2)").arg(d.goods.name, d.goods.sku)
                                        : tr("Goods #%1 (not in the cache)").arg(d.goods.id)};
    if (!kind.isEmpty())
        goods << kind;
    if (d.goods.cached)
        goods << (OrderTimeline::deliveredByCardOps(d) ? tr("delivered by CardOps")
                                                       : tr("delivered by the platform"));
    setField(Goods, goods.join(u" · "_s));
    // Member 0 is a guest: acg-faka's `owner = 0`, bought without an account.
    QStringList member = {d.member.cached  ? tr("%1 (#%2)").arg(d.member.name).arg(d.member.id)
                          : d.member.id == 0 ? tr("Guest (bought without an account)")
                                             : tr("Member #%1 (not in the cache)").arg(d.member.id)};
    if (d.member.cached)
        member << ListPresentation::memberKind(d.member.kind);
    if (!d.member.tierName.isEmpty())
        member << d.member.tierName;
    setField(Member, member.join(u" · "_s));
    setField(Quantity, QString::number(d.quantity));
    setField(UnitPrice, yuanText(d.unitPrice));
    setField(Amount, yuanText(d.amount));
    setField(Paid, yuanText(d.paidAmount));
    setField(Refunded, d.refundAmount.units() > 0 ? yuanText(d.refundAmount) : QString());
    QString cost =
        d.quantity > 1
            ? tr("%1 (%2 × %3)").arg(yuanText(d.costTotal()), yuanText(d.costAtOrder)).arg(d.quantity)
            : yuanText(d.costTotal());
    if (!d.costIncurred())
        cost = tr("%1, not counted: not delivered").arg(cost);
    setField(Cost, cost);
    const core::Money margin = d.margin();
    setField(Margin, yuanText(margin));
    m_fields[Margin]->setStyleSheet(margin.isNegative() ? u"color: #c5221f;"_s : QString());
    setField(PayChannel, ListPresentation::payChannel(d.payChannel));
    setField(ChargeAccount, d.chargeAccount.isEmpty() ? u"—"_s : d.chargeAccount);
    QString contact = d.contact;
    if (contact.isEmpty() && !d.member.contact.isEmpty())
        contact = tr("%1 (the member's)").arg(d.member.contact);
    setField(Contact, contact.isEmpty() ? u"—"_s : contact);
    setField(CreatedAt, timeOrDash(d.createdAt));
    setField(PaidAt, timeOrDash(d.paidAt));
    setField(DeliveredAt, timeOrDash(d.deliveredAt));
    setField(ReviewReason,
             d.reviewReason.isEmpty() ? QString() : OrderTimeline::reviewReason(d.reviewReason));

    showTimeline(OrderTimeline::build(d));
    m_stack->setCurrentIndex(1);
    if (!m_cardsRequested)
        loadCards(d);
}

void OrderDetailDialog::showTimeline(const QList<models::TimelineEvent>& events)
{
    m_events = events;
    m_timeline->clear();
    QList<QTreeWidgetItem*> items;
    for (const models::TimelineEvent& e : events) {
        auto* item = new QTreeWidgetItem({OrderTimeline::timeText(e.time), e.actor, e.what, e.detail});
        if (e.time == 0) {
            item->setForeground(0, palette().color(QPalette::PlaceholderText));
            item->setToolTip(0, tr("The platform does not report when this happened; it is shown after "
                                   "the step before it."));
        }
        item->setToolTip(3, e.detail);
        items << item;
    }
    m_timeline->addTopLevelItems(items);
    for (int c = 0; c < 3; ++c)
        m_timeline->resizeColumnToContents(c);
    for (int c = 0; c < 3; ++c)
        m_timeline->setColumnWidth(c, m_timeline->columnWidth(c) + 16);
}

void OrderDetailDialog::copyTimeline()
{
    QList<models::TimelineEvent> chosen;
    for (int i = 0; i < m_timeline->topLevelItemCount() && i < m_events.size(); ++i)
        if (m_timeline->topLevelItem(i)->isSelected())
            chosen << m_events[i];
    QGuiApplication::clipboard()->setText(OrderTimeline::toText(chosen.isEmpty() ? m_events : chosen));
}

bool OrderDetailDialog::eventFilter(QObject* watched, QEvent* event)
{
    // Before the view's own Ctrl+C, which copies a single cell.
    if (watched == m_timeline && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent*>(event)->matches(QKeySequence::Copy)) {
        copyTimeline();
        return true;
    }
    return QDialog::eventFilter(watched, event);
}

void OrderDetailDialog::loadCards(const storage::OrderDetail& d)
{
    if (d.goods.kind == u"direct") {
        m_cardsMessage->setText(tr("Direct recharge orders have no cards."));
        return;
    }
    if (d.status == u"unpaid" || d.status == u"cancelled" ||
        (d.deliveredAt == 0 && d.status != u"delivered" && d.status != u"refunded")) {
        m_cardsMessage->setText(tr("No cards have been delivered for this order yet."));
        return;
    }
    m_cardsRequested = true;
    m_cardsMessage->setText(tr("Asking the platform for the cards…"));
    m_backend.orderCards(m_orderId, this, [this](models::OrderCards answer) { showCards(answer); });
}

void OrderDetailDialog::showCards(const models::OrderCards& answer)
{
    if (!answer.ok) {
        m_cardsMessage->setText(answer.error.isEmpty() ? tr("The platform did not send the cards.")
                                                       : tr("Cannot load the cards: %1").arg(answer.error));
        return;
    }
    m_cardList = answer.cards;
    m_cards->clear();
    for (const models::OrderCard& c : m_cardList) {
        QString state = c.status;
        if (c.status == u"available")
            state = tr("Available");
        else if (c.status == u"locked")
            state = tr("Locked");
        else if (c.status == u"sold")
            state = tr("Sold");
        else if (c.status == u"void")
            state = tr("Void");
        auto* item = new QTreeWidgetItem(
            {c.masked, state, c.expiresAt > 0 ? core::formatShanghaiTime(c.expiresAt).left(10) : u"—"_s});
        item->setFont(0, monospace(font()));
        m_cards->addTopLevelItem(item);
    }
    m_cards->resizeColumnToContents(0);
    m_cards->setColumnWidth(0, m_cards->columnWidth(0) + 16);
    m_cards->resizeColumnToContents(1);
    m_cards->setColumnWidth(1, m_cards->columnWidth(1) + 16);
    m_cards->setVisible(!m_cardList.isEmpty());
    m_reveal->setVisible(!m_cardList.isEmpty());
    if (m_cardList.isEmpty())
        m_cardsMessage->setText(tr("The platform lists no cards for this order."));
    else if (!m_backend.mayRevealCards())
        m_cardsMessage->setText(tr("Cards are shown masked. Your role may not view card secrets."));
    else
        m_cardsMessage->setText(tr("Cards are shown masked. Select one to view its secret."));
    if (!m_cardList.isEmpty())
        m_cards->setCurrentItem(m_cards->topLevelItem(0));
    updateCardButtons();
}

void OrderDetailDialog::updateCardButtons()
{
    const bool allowed = m_backend.mayRevealCards();
    m_reveal->setEnabled(allowed && !m_revealPending && m_cards->currentItem() != nullptr);
    m_reveal->setToolTip(allowed ? tr("Viewing a card secret is recorded in the operation log.")
                                 : tr("Your role may not view card secrets."));
}

void OrderDetailDialog::askToReveal()
{
    const int row = m_cards->indexOfTopLevelItem(m_cards->currentItem());
    if (row < 0 || row >= m_cardList.size() || !m_backend.mayRevealCards())
        return;
    const models::OrderCard card = m_cardList[row];
    auto* box = new QMessageBox(QMessageBox::Question, tr("Show card secret"),
                                tr("Viewing a card secret is recorded in the operation log."),
                                QMessageBox::NoButton, this);
    box->setInformativeText(tr("Show the secret of card %1?").arg(card.masked));
    box->addButton(tr("Show"), QMessageBox::AcceptRole);
    box->setDefaultButton(box->addButton(QMessageBox::Cancel));
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, box, card](QAbstractButton* clicked) {
        if (box->buttonRole(clicked) == QMessageBox::AcceptRole)
            reveal(card);
    });
    box->open();
}

void OrderDetailDialog::reveal(const models::OrderCard& card)
{
    m_revealPending = true;
    updateCardButtons();
    m_cardsMessage->setText(tr("Asking the platform for the secret…"));
    m_backend.revealCard(m_orderId, card.id, this, [this, card](models::CardReveal answer) {
        m_revealPending = false;
        updateCardButtons();
        if (!answer.ok) {
            m_cardsMessage->setText(answer.error.isEmpty()
                                        ? tr("The platform refused to show the secret.")
                                        : tr("Cannot show the secret: %1").arg(answer.error));
            return;
        }
        m_cardsMessage->setText(tr("The secret is hidden again when this window closes."));
        m_secretTitle->setText(tr("Secret of card %1").arg(card.masked));
        m_secret->setText(answer.secret);
        m_secret->setCursorPosition(0);
        m_secretRow->setVisible(true);
    });
}

void OrderDetailDialog::hideSecret()
{
    // A copied secret leaves the clipboard with the dialog.
    if (!m_secret->text().isEmpty() && QGuiApplication::clipboard()->text() == m_secret->text())
        QGuiApplication::clipboard()->clear();
    m_secret->clear();
    m_secretRow->setVisible(false);
}

void OrderDetailDialog::hideEvent(QHideEvent* event)
{
    hideSecret();
    QDialog::hideEvent(event);
}

} // namespace cardops::ui
