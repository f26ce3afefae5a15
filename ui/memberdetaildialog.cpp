#include "ui/memberdetaildialog.h"

#include "core/csvexport.h"
#include "models/consolebackend.h"
#include "models/listpresentation.h"
#include "models/memberdetail.h"
#include "models/membersmodel.h"

#include <QColor>
#include <QDialogButtonBox>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRegularExpression>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cardops::ui {
namespace {

QString yuan(qint64 units)
{
    return models::MembersModel::yuan(units);
}

QString when(qint64 at)
{
    return at > 0 ? core::formatShanghaiTime(at) : u"—"_s;
}

QTableWidgetItem* cell(const QString& text, bool numeric = false)
{
    auto* item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    if (numeric)
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

} // namespace

MemberDetailDialog::MemberDetailDialog(models::DataSource& source, models::ConsoleBackend& backend,
                                       qint64 memberId, QWidget* parent)
    : QDialog(parent)
    , m_source(source)
    , m_backend(backend)
    , m_memberId(memberId)
    , m_loader(new models::MemberDetailLoader(source, memberId, this))
    , m_tags(new QLineEdit(this))
    , m_tabs(new QTabWidget(this))
    , m_status(new QLabel(this))
{
    setWindowTitle(tr("Member #%1").arg(memberId));
    setModal(false);
    setAttribute(Qt::WA_DeleteOnClose);

    // Header: who the member is.
    auto* header = new QGridLayout;
    header->setHorizontalSpacing(18);
    QLabel* name = addFigure(header, 0, 0, u"name"_s, {});
    name->setStyleSheet(u"font-size: 15pt; font-weight: 600;"_s);
    addFigure(header, 1, 0, u"id"_s, tr("ID"));
    addFigure(header, 1, 2, u"kind"_s, tr("Kind"));
    addFigure(header, 1, 4, u"tier"_s, tr("Tier"));
    QLabel* parentLink = addFigure(header, 2, 0, u"parent"_s, tr("Parent"));
    parentLink->setTextFormat(Qt::RichText);
    parentLink->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    connect(parentLink, &QLabel::linkActivated, this, [this](const QString& link) {
        bool ok = false;
        const qint64 id = link.toLongLong(&ok);
        if (ok && id > 0)
            Q_EMIT openMember(id);
    });
    addFigure(header, 2, 2, u"contact"_s, tr("Contact"));
    addFigure(header, 2, 4, u"balance"_s, tr("Balance (¥)"));
    addFigure(header, 3, 0, u"registered"_s, tr("Registered"));

    m_tags->setPlaceholderText(tr("Tags, separated by commas"));
    m_tags->setToolTip(tr("Edit and press Enter: sent to the platform, pending until it accepts"));
    m_saveTags = new QPushButton(tr("Save tags"), this);
    m_saveTags->setEnabled(false);
    auto* tagRow = new QHBoxLayout;
    tagRow->addWidget(new QLabel(tr("Tags"), this));
    tagRow->addWidget(m_tags, 1);
    tagRow->addWidget(m_saveTags);
    connect(m_tags, &QLineEdit::textEdited, this, [this] {
        m_tagsDirty = true;
        m_saveTags->setEnabled(m_loader->canEdit(m_backend.actor()));
    });
    connect(m_tags, &QLineEdit::returnPressed, this, &MemberDetailDialog::saveTags);
    connect(m_saveTags, &QPushButton::clicked, this, &MemberDetailDialog::saveTags);
    connect(m_loader, &models::MemberDetailLoader::tagsSaved, this, [this](bool ok, const QString& detail) {
        m_status->setText(ok ? tr("Tags saved: pending until the platform accepts them.")
                             : tr("Cannot save the tags: %1").arg(detail));
        if (!ok) { // the text stays as typed: nothing is lost, the operator may try again
            m_tagsDirty = true;
            m_saveTags->setEnabled(m_loader->canEdit(m_backend.actor()));
        }
    });

    // Figures: what the member bought.
    auto* figuresFrame = new QFrame(this);
    figuresFrame->setFrameShape(QFrame::StyledPanel);
    auto* figures = new QGridLayout(figuresFrame);
    figures->setHorizontalSpacing(18);
    addFigure(figures, 0, 0, u"orders"_s, tr("Orders"));
    addFigure(figures, 0, 2, u"spend"_s, tr("Spend (¥)"));
    addFigure(figures, 0, 4, u"refunds"_s, tr("Refunds (¥)"));
    addFigure(figures, 0, 6, u"average"_s, tr("Average order (¥)"));
    addFigure(figures, 1, 0, u"first_order"_s, tr("First order"));
    addFigure(figures, 1, 2, u"last_order"_s, tr("Last order"));
    addFigure(figures, 1, 4, u"rfm"_s, tr("RFM"));
    QLabel* segment = addFigure(figures, 1, 6, u"segment"_s, tr("Segment"));
    const QString rules = tr("Segments, the first matching rule wins (docs/members.md):\n"
                             "新客 New: registered fewer than 30 days ago and at most 2 orders\n"
                             "沉睡 Dormant: no order in the window, or the last one 180 days ago or more\n"
                             "高价值 High value: R ≥ 4, F ≥ 4 and M ≥ 4\n"
                             "流失预警 Churn risk: R ≤ 2 and (F ≥ 4 or M ≥ 4)\n"
                             "潜力 Potential: R ≥ 4 and (F ≥ 3 or M ≥ 3)\n"
                             "其他 Other: everything else\n"
                             "Scores 1–5 rank the paid, not fully refunded orders of the last 365 days.");
    segment->setToolTip(rules);
    m_figures.value(u"rfm"_s)->setToolTip(rules);
    auto* orderHint = new QLabel(
        tr("Orders in a paid status, refunded ones included; spend = paid − refunded."), figuresFrame);
    orderHint->setObjectName(u"pageHint"_s);
    figures->addWidget(orderHint, 2, 0, 1, 8);

    // Tabs.
    m_orders = makeTable({tr("Order no."), tr("Goods"), tr("Qty"), tr("Paid (¥)"), tr("Refunded (¥)"),
                          tr("Status"), tr("Created")});
    m_orders->setToolTip(tr("Double click an order to open it"));
    connect(m_orders, &QTableWidget::cellDoubleClicked, this, [this](int row, int) {
        if (QTableWidgetItem* item = m_orders->item(row, 0))
            Q_EMIT openOrder(item->data(Qt::UserRole).toLongLong());
    });
    m_tabs->addTab(m_orders, tr("Orders"));

    m_ledger = makeTable({tr("Time"), tr("Kind"), tr("Amount (¥)"), tr("Order"), tr("Balance after (¥)")});
    m_ledger->horizontalHeader()->setStretchLastSection(false); // numbers stay beside their captions
    auto* ledgerPage = new QWidget(this);
    auto* ledgerLayout = new QVBoxLayout(ledgerPage);
    ledgerLayout->addWidget(m_ledger, 1);
    auto* pager = new QHBoxLayout;
    m_ledgerNewer = new QPushButton(tr("Newer"), ledgerPage);
    m_ledgerOlder = new QPushButton(tr("Older"), ledgerPage);
    m_ledgerPosition = new QLabel(ledgerPage);
    pager->addWidget(m_ledgerPosition, 1);
    pager->addWidget(m_ledgerNewer);
    pager->addWidget(m_ledgerOlder);
    ledgerLayout->addLayout(pager);
    connect(m_ledgerNewer, &QPushButton::clicked, this, [this] {
        m_loader->loadLedger(m_loader->ledgerOffset() - models::MemberDetailLoader::LedgerPageRows);
    });
    connect(m_ledgerOlder, &QPushButton::clicked, this, [this] {
        m_loader->loadLedger(m_loader->ledgerOffset() + models::MemberDetailLoader::LedgerPageRows);
    });
    m_tabs->addTab(ledgerPage, tr("Balance ledger"));

    m_contract =
        makeTable({tr("Goods ID"), tr("SKU"), tr("Goods"), tr("List price (¥)"), tr("Contract price (¥)")});
    m_contract->horizontalHeader()->setStretchLastSection(false);
    m_contract->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_contractPage = m_contract;
    m_contract->hide(); // a tab of enterprise members only
    m_downlinePage = new QWidget(this);
    m_downlineLayout = new QVBoxLayout(m_downlinePage);
    m_downlinePlaceholder = new QLabel(tr("The downline tree appears here."), m_downlinePage);
    static_cast<QLabel*>(m_downlinePlaceholder)->setAlignment(Qt::AlignCenter);
    m_downlineLayout->addWidget(m_downlinePlaceholder);
    m_tabs->addTab(m_downlinePage, tr("Downline"));

    // Enterprise actions and the close button.
    m_batch = new QPushButton(tr("Batch order…"), this);
    m_contractButton = new QPushButton(tr("Contract prices…"), this);
    for (QPushButton* b : {m_saveTags, m_batch, m_contractButton})
        b->setAutoDefault(false); // Enter in the tags field saves the tags, nothing else
    m_batch->setVisible(false);
    m_contractButton->setVisible(false);
    connect(m_batch, &QPushButton::clicked, this, [this] { Q_EMIT batchOrderRequested(m_memberId); });
    connect(m_contractButton, &QPushButton::clicked, this,
            [this] { Q_EMIT contractPricesRequested(m_memberId); });
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    buttons->button(QDialogButtonBox::Close)->setAutoDefault(false);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(m_batch);
    bottom->addWidget(m_contractButton);
    bottom->addWidget(m_status, 1);
    bottom->addWidget(buttons);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addLayout(tagRow);
    layout->addWidget(figuresFrame);
    layout->addWidget(m_tabs, 1);
    layout->addLayout(bottom);
    resize(980, 680);

    connect(m_loader, &models::MemberDetailLoader::loaded, this, &MemberDetailDialog::showDetail);
    connect(m_loader, &models::MemberDetailLoader::ledgerLoaded, this, &MemberDetailDialog::showLedger);
    connect(m_loader, &models::MemberDetailLoader::failed, this, [this](const QString& detail) {
        m_status->setText(tr("Cannot read the member: %1").arg(detail));
    });
    m_status->setText(tr("Loading…"));
    m_loader->load();
}

QLabel* MemberDetailDialog::addFigure(QGridLayout* grid, int row, int column, const QString& key,
                                      const QString& title)
{
    if (!title.isEmpty()) {
        auto* caption = new QLabel(title, this);
        caption->setObjectName(u"pageHint"_s);
        grid->addWidget(caption, row, column);
    }
    auto* value = new QLabel(u"—"_s, this);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    grid->addWidget(value, row, title.isEmpty() ? column : column + 1, 1, title.isEmpty() ? 4 : 1);
    m_figures.insert(key, value);
    return value;
}

QTableWidget* MemberDetailDialog::makeTable(const QStringList& headers)
{
    auto* table = new QTableWidget(0, int(headers.size()), this);
    table->setHorizontalHeaderLabels(headers);
    table->verticalHeader()->setVisible(false);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

QString MemberDetailDialog::figureText(const QString& key) const
{
    const QLabel* label = m_figures.value(key);
    return label ? label->text() : QString();
}

bool MemberDetailDialog::isLoaded() const
{
    return m_loader->isLoaded();
}

void MemberDetailDialog::setDownlineWidget(QWidget* w)
{
    if (!w)
        return;
    if (m_downlinePlaceholder) {
        delete m_downlinePlaceholder;
        m_downlinePlaceholder = nullptr;
    }
    while (QLayoutItem* item = m_downlineLayout->takeAt(0)) {
        if (QWidget* old = item->widget())
            old->deleteLater();
        delete item;
    }
    w->setParent(m_downlinePage);
    m_downlineLayout->addWidget(w);
}

void MemberDetailDialog::showDetail()
{
    const auto& d = m_loader->detail();
    if (!d)
        return;
    const storage::MemberRow& m = d->member;
    const auto set = [this](const QString& key, const QString& text) {
        if (QLabel* l = m_figures.value(key))
            l->setText(text);
    };
    setWindowTitle(tr("Member %1 (#%2)").arg(m.name).arg(m.id));
    set(u"name"_s, m.name);
    set(u"id"_s, QString::number(m.id));
    set(u"kind"_s, models::ListPresentation::memberKind(m.kind));
    set(u"tier"_s, m.tier.isEmpty() ? tr("Tier %1").arg(m.tierId) : m.tier);
    set(u"parent"_s, m.parentId == 0
                         ? tr("None")
                         : u"<a href=\"%1\">%2</a>"_s.arg(m.parentId)
                               .arg((m.parent.isEmpty() ? QString() : m.parent.toHtmlEscaped() + u' ') +
                                    u"#"_s + QString::number(m.parentId)));
    set(u"contact"_s, m.contact.isEmpty() ? u"—"_s : m.contact);
    set(u"balance"_s, yuan(m.balance));
    set(u"registered"_s, when(m.registeredAt));
    set(u"orders"_s, QLocale().toString(m.orders));
    set(u"spend"_s, yuan(m.spend));
    set(u"refunds"_s, yuan(d->refunds));
    set(u"average"_s, m.orders > 0 ? yuan(d->averageOrder) : u"—"_s);
    set(u"first_order"_s, when(d->firstOrderAt));
    set(u"last_order"_s, when(m.lastOrderAt));
    set(u"rfm"_s, d->hasRfm ? u"R %1 · F %2 · M %3"_s.arg(d->r).arg(d->f).arg(d->m) : tr("Not computed yet"));
    set(u"segment"_s, m.segment.isEmpty() ? u"—"_s : models::MembersModel::segmentName(m.segment));
    if (!m_tagsDirty)
        m_tags->setText(m.tags.join(u", "_s));
    m_tags->setReadOnly(!m_loader->canEdit(m_backend.actor()));
    if (m_tags->isReadOnly())
        m_tags->setToolTip(tr("No operator allowed to edit members is signed in"));

    m_orders->setRowCount(int(m_loader->orders().size()));
    for (int i = 0; i < m_orders->rowCount(); ++i) {
        const storage::MemberOrder& o = m_loader->orders()[i];
        QTableWidgetItem* no = cell(o.orderNo);
        no->setData(Qt::UserRole, o.id);
        m_orders->setItem(i, 0, no);
        m_orders->setItem(i, 1, cell(o.goods.isEmpty() ? u"#%1"_s.arg(o.goodsId) : o.goods));
        m_orders->setItem(i, 2, cell(QLocale().toString(o.quantity), true));
        m_orders->setItem(i, 3, cell(yuan(o.paidAmount), true));
        m_orders->setItem(i, 4, cell(o.refundAmount ? yuan(o.refundAmount) : QString(), true));
        m_orders->setItem(i, 5, cell(models::ListPresentation::orderStatus(o.status)));
        m_orders->setItem(i, 6, cell(when(o.createdAt)));
    }
    m_orders->resizeColumnsToContents();

    const bool enterprise = m.kind == u"enterprise";
    m_batch->setVisible(enterprise);
    m_contractButton->setVisible(enterprise);
    const int contractTab = m_tabs->indexOf(m_contractPage);
    if (enterprise && contractTab < 0)
        m_tabs->insertTab(2, m_contractPage, tr("Contract prices"));
    else if (!enterprise && contractTab >= 0)
        m_tabs->removeTab(contractTab);
    if (!enterprise)
        m_contractPage->hide();
    m_contract->setRowCount(int(m_loader->contractPrices().size()));
    for (int i = 0; i < m_contract->rowCount(); ++i) {
        const storage::ContractPrice& c = m_loader->contractPrices()[i];
        m_contract->setItem(i, 0, cell(QString::number(c.goodsId), true));
        m_contract->setItem(i, 1, cell(c.sku));
        m_contract->setItem(i, 2, cell(c.name));
        m_contract->setItem(i, 3, cell(yuan(c.listPrice), true));
        m_contract->setItem(i, 4, cell(core::Money::fromUnits(c.contractPrice).toString(4), true));
    }
    for (int c : {0, 1, 3, 4})
        m_contract->resizeColumnToContents(c);
    m_status->clear();
    Q_EMIT loaded();
}

void MemberDetailDialog::showLedger()
{
    static const QHash<QString, const char*> kinds = {
        {u"recharge"_s, QT_TR_NOOP("Recharge")},     {u"purchase"_s, QT_TR_NOOP("Purchase")},
        {u"commission"_s, QT_TR_NOOP("Commission")}, {u"withdrawal"_s, QT_TR_NOOP("Withdrawal")},
        {u"refund"_s, QT_TR_NOOP("Refund")},         {u"adjustment"_s, QT_TR_NOOP("Adjustment")}};
    const QList<storage::LedgerLine>& lines = m_loader->ledger();
    m_ledger->setRowCount(int(lines.size()));
    for (int i = 0; i < m_ledger->rowCount(); ++i) {
        const storage::LedgerLine& l = lines[i];
        const char* kind = kinds.value(l.kind);
        m_ledger->setItem(i, 0, cell(when(l.createdAt)));
        m_ledger->setItem(i, 1, cell(kind ? tr(kind) : l.kind));
        QTableWidgetItem* amount = cell((l.amount > 0 ? u"+"_s : QString()) + yuan(l.amount), true);
        amount->setForeground(l.amount < 0 ? QColor(0xC6, 0x28, 0x28) : QColor(0x2E, 0x7D, 0x32));
        m_ledger->setItem(i, 2, amount);
        m_ledger->setItem(i, 3, cell(l.orderId ? QString::number(l.orderId) : QString(), true));
        m_ledger->setItem(i, 4, cell(yuan(l.balanceAfter), true));
    }
    m_ledger->resizeColumnsToContents();
    const qint64 offset = m_loader->ledgerOffset();
    const qint64 total = m_loader->detail() ? m_loader->detail()->ledgerEntries : 0;
    m_ledgerPosition->setText(lines.isEmpty() ? tr("No ledger entries in the cache.")
                                              : tr("Entries %1–%2 of %3, newest first")
                                                    .arg(QLocale().toString(offset + 1),
                                                         QLocale().toString(offset + lines.size()),
                                                         QLocale().toString(total)));
    m_ledgerNewer->setEnabled(offset > 0);
    m_ledgerOlder->setEnabled(offset + lines.size() < total);
}

void MemberDetailDialog::saveTags()
{
    if (!m_tagsDirty)
        return;
    const QStringList tags = m_tags->text().split(QRegularExpression(u"[,，、;；]"_s), Qt::SkipEmptyParts);
    m_tagsDirty = false; // one save per edit, even when Enter also reaches a button
    m_saveTags->setEnabled(false);
    m_status->setText(tr("Saving the tags…"));
    m_loader->saveTags(m_backend.actor(), tags);
}

} // namespace cardops::ui
