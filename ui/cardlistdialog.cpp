#include "ui/cardlistdialog.h"

#include "models/datasource.h"
#include "storage/cardgoods.h"
#include "ui/exportdialog.h"

#include <QAbstractTableModel>
#include <QBrush>
#include <QClipboard>
#include <QComboBox>
#include <QDateTime>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QTimeZone>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cardops::ui {

namespace {

QString timeText(qint64 seconds)
{
    if (seconds <= 0)
        return {};
    return QDateTime::fromSecsSinceEpoch(seconds, QTimeZone("Asia/Shanghai")).toString(u"yyyy-MM-dd HH:mm"_s);
}

QString statusText(const QString& status)
{
    if (status == u"available")
        return CardListDialog::tr("Available");
    if (status == u"locked")
        return CardListDialog::tr("Locked");
    if (status == u"sold")
        return CardListDialog::tr("Sold");
    if (status == u"void")
        return CardListDialog::tr("Void");
    return status;
}

bool inStock(const models::StockCard& c)
{
    return c.status == u"available" || c.status == u"locked";
}

} // namespace

// The goods' cards, filtered by status (or "expiring within 7 days").
class StockCardModel : public QAbstractTableModel
{
public:
    enum Column { Id, Status, Masked, Expires, Order, Created, Loop, ColumnCount };

    explicit StockCardModel(QObject* parent)
        : QAbstractTableModel(parent)
    {}

    void setCards(QList<models::StockCard> cards, qint64 now)
    {
        beginResetModel();
        m_all = std::move(cards);
        m_now = now;
        refilter();
        endResetModel();
    }
    void setFilter(const QString& filter)
    {
        beginResetModel();
        m_filter = filter;
        refilter();
        endResetModel();
    }
    const QList<models::StockCard>& all() const { return m_all; }
    const models::StockCard& at(int row) const { return m_all[m_rows[row]]; }
    bool expiringSoon(const models::StockCard& c) const
    {
        return inStock(c) && c.expiresAt > m_now &&
               c.expiresAt <= m_now + CardListDialog::ExpiryWarningSeconds;
    }
    bool expired(const models::StockCard& c) const
    {
        return inStock(c) && c.expiresAt > 0 && c.expiresAt <= m_now;
    }

    int rowCount(const QModelIndex& parent = {}) const override
    {
        return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
    }
    int columnCount(const QModelIndex& parent = {}) const override
    {
        return parent.isValid() ? 0 : ColumnCount;
    }
    QVariant data(const QModelIndex& index, int role) const override
    {
        if (!index.isValid() || index.row() >= m_rows.size())
            return {};
        const models::StockCard& c = at(index.row());
        if (role == Qt::BackgroundRole && (expiringSoon(c) || expired(c)))
            return QBrush(expired(c) ? QColor(0xf8, 0xd7, 0xda) : QColor(0xff, 0xf0, 0xc8));
        if (role == Qt::ToolTipRole && (expiringSoon(c) || expired(c)))
            return expired(c) ? CardListDialog::tr("Expired") : CardListDialog::tr("Expires within 7 days");
        if (role != Qt::DisplayRole)
            return {};
        switch (index.column()) {
        case Id:
            return QString::number(c.id);
        case Status:
            return statusText(c.status);
        case Masked:
            return c.masked;
        case Expires:
            return c.expiresAt > 0 ? timeText(c.expiresAt) : CardListDialog::tr("No expiry");
        case Order:
            return c.orderId > 0 ? QString::number(c.orderId) : QString();
        case Created:
            return timeText(c.createdAt);
        case Loop:
            return c.loop ? CardListDialog::tr("Reusable") : QString();
        default:
            return {};
        }
    }
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override
    {
        if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
            return {};
        static const char* const titles[] = {
            QT_TRANSLATE_NOOP("cardops::ui::CardListDialog", "Card id"),
            QT_TRANSLATE_NOOP("cardops::ui::CardListDialog", "Status"),
            QT_TRANSLATE_NOOP("cardops::ui::CardListDialog", "Card (masked)"),
            QT_TRANSLATE_NOOP("cardops::ui::CardListDialog", "Expires"),
            QT_TRANSLATE_NOOP("cardops::ui::CardListDialog", "Order"),
            QT_TRANSLATE_NOOP("cardops::ui::CardListDialog", "Uploaded"),
            QT_TRANSLATE_NOOP("cardops::ui::CardListDialog", "Reusable")};
        return section >= 0 && section < ColumnCount ? CardListDialog::tr(titles[section]) : QVariant();
    }

private:
    void refilter()
    {
        m_rows.clear();
        for (qsizetype i = 0; i < m_all.size(); ++i) {
            const models::StockCard& c = m_all[i];
            const bool keep = m_filter.isEmpty() || (m_filter == u"expiring" ? expiringSoon(c) || expired(c)
                                                                             : c.status == m_filter);
            if (keep)
                m_rows.append(static_cast<int>(i));
        }
    }

    QList<models::StockCard> m_all;
    QList<int> m_rows;
    QString m_filter;
    qint64 m_now = 0;
};

CardListDialog::CardListDialog(models::DataSource& source, models::CardStockBackend* backend, qint64 goodsId,
                               QWidget* parent)
    : QDialog(parent)
    , m_source(source)
    , m_backend(backend)
    , m_goodsId(goodsId)
    , m_now([] { return QDateTime::currentSecsSinceEpoch(); })
{
    setWindowTitle(tr("Card stock"));
    buildUi();
    m_title->setText(tr("Card stock · goods %1").arg(goodsId));
    m_source.reader().post<core::Result<std::optional<storage::CardGoods>>>(
        this, [goodsId](const storage::ReadSession& s) { return storage::cardgoods::read(s, goodsId); },
        [this](core::Result<std::optional<storage::CardGoods>> goods) {
            if (goods && goods->has_value())
                m_title->setText(tr("Card stock · %1 (#%2)").arg((*goods)->name).arg((*goods)->id));
        });
    if (m_backend != nullptr)
        connect(m_backend, &models::CardStockBackend::permissionsChanged, this,
                &CardListDialog::updateButtons);
    reload();
}

CardListDialog::~CardListDialog()
{
    hideSecret();
}

void CardListDialog::buildUi()
{
    auto* layout = new QVBoxLayout(this);
    m_title = new QLabel(this);
    m_title->setObjectName(u"pageTitle"_s);
    layout->addWidget(m_title);

    auto* top = new QHBoxLayout;
    m_filter = new QComboBox(this);
    m_filter->setObjectName(u"statusFilter"_s);
    m_filter->addItem(tr("All cards"), QString());
    m_filter->addItem(tr("Available"), u"available"_s);
    m_filter->addItem(tr("Locked"), u"locked"_s);
    m_filter->addItem(tr("Sold"), u"sold"_s);
    m_filter->addItem(tr("Void"), u"void"_s);
    m_filter->addItem(tr("Expiring within 7 days"), u"expiring"_s);
    m_counts = new QLabel(this);
    m_counts->setObjectName(u"counts"_s);
    m_alert = new QLabel(this);
    m_alert->setObjectName(u"expiryAlert"_s);
    m_alert->setStyleSheet(u"color: #b35900; font-weight: bold;"_s);
    m_alert->setVisible(false);
    m_reload = new QPushButton(tr("Refresh"), this);
    m_reload->setObjectName(u"reload"_s);
    m_reload->setShortcut(QKeySequence::Refresh);
    top->addWidget(new QLabel(tr("Show"), this));
    top->addWidget(m_filter);
    top->addWidget(m_counts, 1);
    top->addWidget(m_alert);
    top->addWidget(m_reload);
    layout->addLayout(top);

    m_model = new StockCardModel(this);
    m_table = new QTableView(this);
    m_table->setObjectName(u"cards"_s);
    m_table->setModel(m_model);
    m_table->verticalHeader()->setVisible(false);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(StockCardModel::Masked, QHeaderView::Stretch);
    m_table->setWordWrap(false);
    m_table->setColumnWidth(StockCardModel::Id, 140);
    m_table->setColumnWidth(StockCardModel::Status, 70);
    m_table->setColumnWidth(StockCardModel::Expires, 130);
    m_table->setColumnWidth(StockCardModel::Order, 90);
    m_table->setColumnWidth(StockCardModel::Created, 130);
    m_table->setColumnWidth(StockCardModel::Loop, 50);
    layout->addWidget(m_table, 1);

    m_secretRow = new QWidget(this);
    auto* secretLayout = new QHBoxLayout(m_secretRow);
    secretLayout->setContentsMargins(0, 0, 0, 0);
    m_secretTitle = new QLabel(m_secretRow);
    m_secret = new QLineEdit(m_secretRow);
    m_secret->setObjectName(u"secret"_s);
    m_secret->setReadOnly(true);
    m_copy = new QPushButton(tr("Copy"), m_secretRow);
    m_copy->setObjectName(u"copySecret"_s);
    auto* hide = new QPushButton(tr("Hide"), m_secretRow);
    secretLayout->addWidget(m_secretTitle);
    secretLayout->addWidget(m_secret, 1);
    secretLayout->addWidget(m_copy);
    secretLayout->addWidget(hide);
    m_secretRow->setVisible(false);
    layout->addWidget(m_secretRow);

    m_status = new QLabel(this);
    m_status->setObjectName(u"status"_s);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    auto* buttons = new QHBoxLayout;
    m_lock = new QPushButton(tr("Lock"), this);
    m_lock->setObjectName(u"lock"_s);
    m_unlock = new QPushButton(tr("Unlock"), this);
    m_unlock->setObjectName(u"unlock"_s);
    m_void = new QPushButton(tr("Void…"), this);
    m_void->setObjectName(u"void"_s);
    m_void->setShortcut(QKeySequence::Delete);
    m_reveal = new QPushButton(tr("Show secret…"), this);
    m_reveal->setObjectName(u"reveal"_s);
    auto* close = new QPushButton(tr("Close"), this);
    close->setAutoDefault(false);
    for (QPushButton* b : {m_lock, m_unlock, m_void, m_reveal})
        buttons->addWidget(b);
    auto* exportCards = new QPushButton(tr("Export CSV…"), this);
    exportCards->setObjectName(u"exportCards"_s);
    exportCards->setToolTip(tr("Save the loaded cards' metadata (masked, never the secrets) as CSV"));
    connect(exportCards, &QPushButton::clicked, this,
            [this] { ExportDialog::exportCards(m_source, m_title->text(), m_model->all(), this); });
    buttons->addWidget(exportCards);
    buttons->addStretch(1);
    buttons->addWidget(close);
    layout->addLayout(buttons);
    resize(980, 560);

    connect(m_filter, &QComboBox::currentIndexChanged, this, [this] {
        m_model->setFilter(m_filter->currentData().toString());
        updateButtons();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        hideSecret();
        updateButtons();
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, &CardListDialog::updateButtons);
    connect(m_reload, &QPushButton::clicked, this, &CardListDialog::reload);
    connect(m_lock, &QPushButton::clicked, this, &CardListDialog::lockSelected);
    connect(m_unlock, &QPushButton::clicked, this, &CardListDialog::unlockSelected);
    connect(m_void, &QPushButton::clicked, this, &CardListDialog::voidSelected);
    connect(m_reveal, &QPushButton::clicked, this, &CardListDialog::revealSelected);
    connect(m_copy, &QPushButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(m_secret->text());
        m_status->setText(tr("Copied; the clipboard is cleared when this window closes."));
    });
    connect(hide, &QPushButton::clicked, this, &CardListDialog::hideSecret);
    connect(close, &QPushButton::clicked, this, &CardListDialog::reject);
}

void CardListDialog::setClock(std::function<qint64()> nowSeconds)
{
    m_now = std::move(nowSeconds);
    m_model->setCards(m_model->all(), m_now());
    showCounts();
}

void CardListDialog::reload()
{
    load({});
}

void CardListDialog::load(const QString& message)
{
    if (m_backend == nullptr) {
        m_status->setText(
            tr("Card stock lives on the platform, and this console has no platform connection."));
        updateButtons();
        Q_EMIT listLoaded(false);
        return;
    }
    m_busy = true;
    hideSecret();
    m_status->setText(tr("Reading the cards from the platform…"));
    updateButtons();
    m_backend->listCards(
        m_goodsId, this,
        [this](qint64 listed) { m_status->setText(tr("Reading the cards… %1").arg(listed)); },
        [this, message](models::StockCardList list) {
            m_busy = false;
            if (list.ok) {
                m_model->setCards(std::move(list.cards), m_now());
                m_status->setText(
                    m_model->all().isEmpty()
                        ? tr("No cards were uploaded to this goods yet. Use 导入卡密 to add some.")
                        : message);
            } else {
                m_status->setText(tr("The cards could not be read: %1").arg(list.error));
            }
            showCounts();
            updateButtons();
            Q_EMIT listLoaded(list.ok);
        });
}

qint64 CardListDialog::expiringSoon() const
{
    qint64 n = 0;
    for (const models::StockCard& c : m_model->all())
        n += m_model->expiringSoon(c);
    return n;
}

void CardListDialog::showCounts()
{
    qint64 counts[4] = {0, 0, 0, 0};
    qint64 expired = 0;
    static const QStringList statuses = {u"available"_s, u"locked"_s, u"sold"_s, u"void"_s};
    for (const models::StockCard& c : m_model->all()) {
        const qsizetype k = statuses.indexOf(c.status);
        if (k >= 0)
            ++counts[k];
        expired += m_model->expired(c);
    }
    m_counts->setText(tr("%1 cards · available %2 · locked %3 · sold %4 · void %5")
                          .arg(m_model->all().size())
                          .arg(counts[0])
                          .arg(counts[1])
                          .arg(counts[2])
                          .arg(counts[3]));
    const qint64 soon = expiringSoon();
    QString alert;
    if (soon > 0)
        alert = tr("%n card(s) expire within 7 days", nullptr, static_cast<int>(soon));
    if (expired > 0)
        alert += (alert.isEmpty() ? QString() : u" · "_s) +
                 tr("%n card(s) expired", nullptr, static_cast<int>(expired));
    m_alert->setText(alert);
    m_alert->setVisible(!alert.isEmpty());
}

QList<qint64> CardListDialog::selectedIds() const
{
    QList<qint64> ids;
    for (const QModelIndex& row : m_table->selectionModel()->selectedRows())
        ids.append(m_model->at(row.row()).id);
    std::sort(ids.begin(), ids.end());
    return ids;
}

void CardListDialog::updateButtons()
{
    const QString whyManage =
        m_backend != nullptr ? m_backend->whyNotManage() : tr("No platform connection.");
    const QString whyReveal = m_backend != nullptr ? m_backend->whyNotReveal() : whyManage;
    const qsizetype selected = m_table->selectionModel()->selectedRows().size();
    const bool canManage = !m_busy && whyManage.isEmpty() && selected > 0;
    for (QPushButton* b : {m_lock, m_unlock, m_void}) {
        b->setEnabled(canManage);
        b->setToolTip(whyManage);
    }
    m_reveal->setEnabled(!m_busy && whyReveal.isEmpty() && selected == 1);
    m_reveal->setToolTip(whyReveal.isEmpty() ? tr("Viewing a card secret is recorded in the operation log.")
                                             : whyReveal);
    m_reload->setEnabled(!m_busy);
}

void CardListDialog::lockSelected()
{
    change(models::StockChange::Lock, selectedIds());
}

void CardListDialog::unlockSelected()
{
    change(models::StockChange::Unlock, selectedIds());
}

void CardListDialog::voidSelected()
{
    const QList<qint64> ids = selectedIds();
    if (ids.isEmpty() || !m_void->isEnabled())
        return;
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Void cards"),
                                tr("Void %n card(s)? A void card is never delivered and cannot be restored.",
                                   nullptr, static_cast<int>(ids.size())),
                                QMessageBox::NoButton, this);
    box->setObjectName(u"confirmVoid"_s);
    box->addButton(tr("Void"), QMessageBox::AcceptRole);
    box->setDefaultButton(box->addButton(QMessageBox::Cancel));
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, box, ids](QAbstractButton* clicked) {
        if (box->buttonRole(clicked) == QMessageBox::AcceptRole)
            change(models::StockChange::Void, ids);
    });
    box->open();
}

void CardListDialog::change(models::StockChange what, const QList<qint64>& ids)
{
    if (ids.isEmpty() || m_backend == nullptr || m_busy)
        return;
    m_busy = true;
    updateButtons();
    m_status->setText(tr("Asking the platform…"));
    m_backend->changeCards(m_goodsId, what, ids, this, [this, what](models::StockChangeResult result) {
        m_busy = false;
        if (!result.ok) {
            m_status->setText(tr("The platform did not change the cards: %1").arg(result.error));
            updateButtons();
            Q_EMIT changeFinished(false);
            return;
        }
        const QString verb =
            what == models::StockChange::Lock     ? tr("Locked %n card(s)", nullptr, int(result.done))
            : what == models::StockChange::Unlock ? tr("Unlocked %n card(s)", nullptr, int(result.done))
                                                  : tr("Voided %n card(s)", nullptr, int(result.done));
        QString text = verb;
        if (result.unchanged > 0)
            text += tr("; %n already so", nullptr, static_cast<int>(result.unchanged));
        if (result.refused > 0)
            text += tr("; %n refused (sold or void)", nullptr, static_cast<int>(result.refused));
        if (result.notFound > 0)
            text += tr("; %n unknown to the platform", nullptr, static_cast<int>(result.notFound));
        text = tr("%1.", "the end of a sentence").arg(text);
        if (!result.error.isEmpty())
            text += u' ' + result.error;
        if (result.done > 0)
            Q_EMIT stockChanged(m_goodsId);
        load(text);
        Q_EMIT changeFinished(true);
    });
}

void CardListDialog::revealSelected()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.size() != 1 || !m_reveal->isEnabled())
        return;
    const models::StockCard card = m_model->at(rows.first().row());
    auto* box = new QMessageBox(QMessageBox::Question, tr("Show card secret"),
                                tr("Viewing a card secret is recorded in the operation log."),
                                QMessageBox::NoButton, this);
    box->setObjectName(u"confirmReveal"_s);
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

void CardListDialog::reveal(const models::StockCard& card)
{
    m_busy = true;
    updateButtons();
    m_status->setText(tr("Asking the platform for the secret…"));
    m_backend->revealCard(m_goodsId, card.id, this, [this, card](models::CardReveal answer) {
        m_busy = false;
        updateButtons();
        if (!answer.ok) {
            m_status->setText(tr("Cannot show the secret: %1").arg(answer.error));
            Q_EMIT revealFinished(false);
            return;
        }
        m_secretTitle->setText(tr("Secret of card %1").arg(card.masked));
        m_secret->setText(answer.secret);
        m_secret->setCursorPosition(0);
        m_secretRow->setVisible(true);
        m_status->setText(
            tr("Shown once: the secret is hidden again when you pick another card or close this "
               "window."));
        Q_EMIT revealFinished(true);
    });
}

void CardListDialog::hideSecret()
{
    if (!m_secret->text().isEmpty() && QGuiApplication::clipboard()->text() == m_secret->text())
        QGuiApplication::clipboard()->clear();
    m_secret->clear();
    m_secretRow->setVisible(false);
}

void CardListDialog::hideEvent(QHideEvent* event)
{
    hideSecret();
    QDialog::hideEvent(event);
}

} // namespace cardops::ui
