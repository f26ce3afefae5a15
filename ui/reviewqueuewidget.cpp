#include "ui/reviewqueuewidget.h"

#include "core/money.h"
#include "models/reviewqueuemodel.h"
#include "ui/offlineorderdialog.h"
#include "ui/refunddialog.h"
#include "ui/reissuedialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHash>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSet>
#include <QShortcut>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>
#include <memory>

namespace cardops::ui {

namespace {

using models::OrderAction;

QString yuan(qint64 units)
{
    return core::Money::fromUnits(units).toString(2);
}

QPushButton* actionButton(const QString& text, const QKeySequence& key, QWidget* parent)
{
    auto* b = new QPushButton(text, parent);
    auto* shortcut = new QShortcut(key, parent, nullptr, nullptr, Qt::WidgetWithChildrenShortcut);
    QObject::connect(shortcut, &QShortcut::activated, b, [b] {
        if (b->isEnabled())
            b->click();
    });
    b->setProperty("shortcutText", key.toString(QKeySequence::NativeText));
    return b;
}

} // namespace

ReviewQueueWidget::ReviewQueueWidget(models::DataSource& source, models::OrderActionBackend& backend,
                                     QWidget* parent)
    : QWidget(parent)
    , m_source(source)
    , m_backend(backend)
    , m_model(new models::ReviewQueueModel(source, this))
    , m_view(new QTableView(this))
    , m_reasonFilter(new QComboBox(this))
    , m_mine(new QCheckBox(tr("Assigned to me"), this))
    , m_lease(new QLabel(this))
    , m_count(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_empty(new QLabel(this))
    , m_confirm([this](const QString& title, const QString& text) {
        return QMessageBox::question(this, title, text, QMessageBox::Yes | QMessageBox::Cancel,
                                     QMessageBox::Cancel) == QMessageBox::Yes;
    })
{
    auto* heading = new QLabel(tr("Review queue"), this);
    heading->setObjectName(QStringLiteral("pageTitle"));
    auto* hint = new QLabel(tr("Orders held for a person: by the platform's own checks or by the fulfilment "
                               "rules. Deliver them, refund or reject them; several at once."),
                            this);
    hint->setObjectName(QStringLiteral("pageHint"));
    hint->setWordWrap(true);
    m_lease->setObjectName(QStringLiteral("pageHint"));

    m_reasonFilter->setMinimumWidth(180);
    m_reasonFilter->addItem(tr("All reasons"), QString());
    auto* filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("Reason"), this));
    filters->addWidget(m_reasonFilter);
    filters->addWidget(m_mine);
    filters->addStretch(1);
    filters->addWidget(m_lease);

    m_deliver = actionButton(tr("Deliver"), QKeySequence(Qt::CTRL | Qt::Key_Return), this);
    m_refund = actionButton(tr("Refund…"), QKeySequence(Qt::CTRL | Qt::Key_R), this);
    m_reject = actionButton(tr("Reject…"), QKeySequence(Qt::CTRL | Qt::Key_J), this);
    m_assign = actionButton(tr("Assign to me"), QKeySequence(Qt::CTRL | Qt::Key_M), this);
    m_reissue = actionButton(tr("Replace card…"), QKeySequence(Qt::CTRL | Qt::Key_B), this);
    m_offline = actionButton(tr("Offline order…"), QKeySequence(Qt::CTRL | Qt::Key_N), this);
    auto* actions = new QHBoxLayout;
    for (QPushButton* b : {m_deliver, m_refund, m_reject, m_assign, m_reissue})
        actions->addWidget(b);
    actions->addStretch(1);
    actions->addWidget(m_count);
    actions->addWidget(m_offline);

    m_view->setModel(m_model);
    m_view->horizontalHeader()->setHighlightSections(false);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->verticalHeader()->setVisible(false);
    m_view->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(models::ReviewQueueModel::Waiting, Qt::DescendingOrder);
    m_empty->setObjectName(QStringLiteral("emptyText"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_summary->setWordWrap(true);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(hint);
    layout->addLayout(filters);
    layout->addLayout(actions);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_empty, 1);
    layout->addWidget(m_summary);

    connect(m_deliver, &QPushButton::clicked, this, &ReviewQueueWidget::deliverSelected);
    connect(m_refund, &QPushButton::clicked, this, &ReviewQueueWidget::refundSelected);
    connect(m_reject, &QPushButton::clicked, this, &ReviewQueueWidget::rejectSelected);
    connect(m_assign, &QPushButton::clicked, this, &ReviewQueueWidget::assignSelected);
    connect(m_reissue, &QPushButton::clicked, this, &ReviewQueueWidget::reissueSelected);
    connect(m_offline, &QPushButton::clicked, this, &ReviewQueueWidget::createOfflineOrder);
    connect(m_view, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
        Q_EMIT openOrder(m_model->data(index, models::ReviewQueueModel::OrderIdRole).toLongLong());
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ReviewQueueWidget::updateActions);
    connect(m_reasonFilter, &QComboBox::currentIndexChanged, this,
            [this] { m_model->setReasonFilter(m_reasonFilter->currentData().toString()); });
    connect(m_mine, &QCheckBox::toggled, this,
            [this](bool on) { m_model->setAssigneeFilter(on ? m_backend.operatorId() : 0); });
    connect(&m_backend, &models::OrderActionBackend::permissionsChanged, this, [this] {
        updateActions();
        updateState();
    });

    // A reload keeps the operator's selection on the same orders.
    auto kept = std::make_shared<QSet<qint64>>();
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this, [this, kept] {
        kept->clear();
        for (const Selected& s : selection())
            kept->insert(s.orderId);
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this, kept] {
        QItemSelection restored;
        for (int r = 0; r < m_model->rowCount(); ++r)
            if (kept->contains(m_model->item(r).orderId))
                restored.select(m_model->index(r, 0),
                                m_model->index(r, models::ReviewQueueModel::ColumnCount - 1));
        m_view->selectionModel()->select(restored, QItemSelectionModel::ClearAndSelect);
        refillReasons();
        updateState();
        updateActions();
    });
    connect(m_model, &models::SnapshotTableModel::loadFailed, this, [this](const QString& detail) {
        m_summary->setText(tr("Cannot read the review queue: %1").arg(detail));
    });
    updateState();
    updateActions();
}

QList<ReviewQueueWidget::Selected> ReviewQueueWidget::selection() const
{
    QList<Selected> out;
    QModelIndexList rows = m_view->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex& a, const QModelIndex& b) { return a.row() < b.row(); });
    for (const QModelIndex& i : rows) {
        const storage::ReviewItem& item = m_model->item(i.row());
        out.append({item.orderId, item.orderNo, item.handedOver, item.paidAmount - item.refundAmount});
    }
    return out;
}

void ReviewQueueWidget::refillReasons()
{
    const QString current = m_reasonFilter->currentData().toString();
    QStringList codes = m_model->reasons();
    if (!current.isEmpty() && !codes.contains(current))
        codes.append(current); // filtered to a reason that has no rows left: keep it chosen
    QSignalBlocker block(m_reasonFilter);
    while (m_reasonFilter->count() > 1)
        m_reasonFilter->removeItem(1);
    for (const QString& code : codes)
        m_reasonFilter->addItem(models::ReviewQueueModel::reasonName(code), code);
    m_reasonFilter->setCurrentIndex(std::max(0, m_reasonFilter->findData(current)));
}

void ReviewQueueWidget::updateState()
{
    const bool loaded = m_model->isLoaded();
    const bool none = loaded && m_model->rowCount() == 0;
    m_view->setVisible(!none);
    m_empty->setVisible(none);
    m_empty->setText(m_model->totalRows() == 0
                         ? tr("Nothing waits for review. Orders the platform or the fulfilment rules hold "
                              "appear here.")
                         : tr("No order matches the filters."));
    m_count->setText(loaded ? tr("%1 waiting").arg(QLocale().toString(m_model->totalRows()))
                            : tr("Loading…"));
    m_lease->setText(tr("Fulfilment lease: %1").arg(m_backend.leaseHolderText()));
    if (!m_sized && m_model->rowCount() > 0) {
        m_sized = true;
        m_view->resizeColumnsToContents();
        // Wide enough for most rows, so the result column stays in view; a tooltip shows the rest.
        using M = models::ReviewQueueModel;
        const QHash<int, int> widest = {{M::OrderNo, 190}, {M::Goods, 220},   {M::Member, 120},
                                        {M::Amount, 100},  {M::Reason, 150},  {M::Waiting, 100},
                                        {M::History, 150}, {M::Assignee, 90}, {M::Result, 160}};
        for (int c = 0; c < m_model->columnCount(); ++c)
            m_view->setColumnWidth(c, std::clamp(m_view->columnWidth(c) + 16, 72, widest.value(c, 260)));
    }
}

void ReviewQueueWidget::updateActions()
{
    const QList<Selected> selected = selection();
    struct Entry
    {
        QPushButton* button;
        OrderAction action;
        QString what;
        bool single;
    };
    const QList<Entry> entries = {
        {m_deliver, OrderAction::Deliver, tr("Deliver the selected orders from platform stock"), false},
        {m_refund, OrderAction::Refund, tr("Refund the selected orders, in full or in part"), false},
        {m_reject, OrderAction::Reject, tr("Refuse the selected orders: refund what is left, with a reason"),
         false},
        {m_assign, OrderAction::Assign,
         tr("Take the selected orders (or give them back when they are yours)"), false},
        {m_reissue, OrderAction::Reissue, tr("Replace a bad card of the selected delivered order"), true},
    };
    for (const Entry& e : entries) {
        const QString key = e.button->property("shortcutText").toString();
        QString why = m_backend.whyNot(e.action, 0, false); // the role, whatever the order
        if (why.isEmpty() && selected.isEmpty())
            why = tr("Select orders in the list first.");
        if (why.isEmpty() && e.single && selected.size() != 1)
            why = tr("Select one order.");
        if (why.isEmpty() && m_running > 0)
            why = tr("Waiting for the platform's answers to the last action.");
        int refused = 0;
        for (const Selected& s : selected) {
            if (!why.isEmpty())
                break;
            const QString r = m_backend.whyNot(e.action, s.orderId, s.handedOver);
            if (!r.isEmpty() && refused++ == 0)
                why = r;
        }
        if (refused > 0 && refused < selected.size())
            why = tr("%1 of the %2 selected orders: %3").arg(refused).arg(selected.size()).arg(why);
        e.button->setEnabled(why.isEmpty());
        e.button->setToolTip(why.isEmpty() ? tr("%1 (%2)").arg(e.what, key) : why);
    }
    bool allMine = !selected.isEmpty();
    for (const Selected& s : selected)
        allMine = allMine && m_model->item(m_model->rowOf(s.orderId)).assigneeId == m_backend.operatorId();
    m_assign->setText(allMine ? tr("Unassign") : tr("Assign to me"));
    const QString offlineWhy = m_backend.whyNot(OrderAction::CreateOffline, 0, false);
    m_offline->setEnabled(offlineWhy.isEmpty());
    m_offline->setToolTip(offlineWhy.isEmpty() ? tr("Record an order the buyer paid outside the shop (%1)")
                                                     .arg(m_offline->property("shortcutText").toString())
                                               : offlineWhy);
}

void ReviewQueueWidget::runBatch(
    const QString& verb, const QList<Selected>& orders,
    const std::function<void(const Selected&, std::function<void(models::OrderActionResult)>)>& call)
{
    if (orders.isEmpty())
        return;
    struct Tally
    {
        int left = 0;
        int done = 0;
        int refused = 0;
        int waiting = 0;
    };
    auto tally = std::make_shared<Tally>();
    tally->left = int(orders.size());
    m_running += tally->left;
    m_summary->setText(tr("%1: sending %2 orders to the platform…").arg(verb).arg(orders.size()));
    updateActions();
    for (const Selected& s : orders) {
        m_model->setResult(s.orderId, tr("Sending…"), false);
        call(s, [this, s, verb, tally](const models::OrderActionResult& r) {
            m_model->setResult(s.orderId, r.message, !r.ok);
            r.ok ? ++tally->done : (r.pending ? ++tally->waiting : ++tally->refused);
            --m_running;
            if (--tally->left == 0) {
                QString text = tr("%1: %2 done, %3 refused").arg(verb).arg(tally->done).arg(tally->refused);
                if (tally->waiting > 0)
                    text +=
                        tr(", %1 waiting for the platform (sent again by themselves)").arg(tally->waiting);
                if (tally->refused > 0)
                    text += tr(". Refused orders stay listed with the reason.");
                m_summary->setText(text);
            }
            updateActions();
        });
    }
}

void ReviewQueueWidget::deliverSelected()
{
    runBatch(tr("Deliver"), selection(),
             [this](const Selected& s, auto done) { m_backend.deliver(s.orderId, this, std::move(done)); });
}

void ReviewQueueWidget::refundSelected()
{
    refundOrReject(false);
}

void ReviewQueueWidget::rejectSelected()
{
    refundOrReject(true);
}

void ReviewQueueWidget::refundOrReject(bool reject)
{
    const QList<Selected> selected = selection();
    if (selected.isEmpty())
        return;
    QList<RefundDialog::Target> targets;
    for (const Selected& s : selected)
        targets.append({s.orderNo, s.leftUnits});
    auto* dialog =
        new RefundDialog(reject ? RefundDialog::Mode::Reject : RefundDialog::Mode::Refund, targets, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, selected, reject] {
        const qint64 total = dialog->totalUnits();
        const bool full = dialog->isFull();
        const qint64 partial = dialog->partialUnits();
        const QString code = dialog->reasonCode();
        const QString note = dialog->note();
        const QString question = reject ? tr("Reject %1 orders and refund %2 yuan in all (%3)?")
                                              .arg(selected.size())
                                              .arg(yuan(total), RefundDialog::reasonName(code))
                                        : tr("Refund %1 orders, %2 yuan in all (%3)?")
                                              .arg(selected.size())
                                              .arg(yuan(total), RefundDialog::reasonName(code));
        if (!m_confirm(reject ? tr("Reject orders") : tr("Refund orders"), question))
            return;
        if (reject) {
            runBatch(tr("Reject"), selected, [this, code, note](const Selected& s, auto done) {
                m_backend.reject(s.orderId, code, note, this, std::move(done));
            });
            return;
        }
        runBatch(tr("Refund"), selected, [this, code, note, full, partial](const Selected& s, auto done) {
            m_backend.refund(s.orderId, full ? s.leftUnits : partial, code, note, this, std::move(done));
        });
    });
    dialog->open();
}

void ReviewQueueWidget::assignSelected()
{
    const QList<Selected> selected = selection();
    const bool unassign = m_assign->text() == tr("Unassign");
    runBatch(unassign ? tr("Unassign") : tr("Assign to me"), selected,
             [this, unassign](const Selected& s, auto done) {
                 if (unassign)
                     m_backend.unassign(s.orderId, this, std::move(done));
                 else
                     m_backend.assignToMe(s.orderId, this, std::move(done));
             });
}

void ReviewQueueWidget::reissueSelected()
{
    const QList<Selected> selected = selection();
    if (selected.size() != 1)
        return;
    const Selected s = selected.first();
    auto* dialog = new ReissueDialog(m_backend, s.orderId, s.orderNo, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, s] {
        const qint64 card = dialog->cardId();
        const QString reason = dialog->reason();
        runBatch(tr("Replace card"), {s}, [this, card, reason](const Selected& one, auto done) {
            m_backend.reissue(one.orderId, card, reason, this, std::move(done));
        });
    });
    dialog->open();
}

void ReviewQueueWidget::createOfflineOrder()
{
    auto* dialog = new OfflineOrderDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        m_summary->setText(tr("Recording the offline order…"));
        m_backend.createOfflineOrder(dialog->order(), this, [this](const models::OrderActionResult& r) {
            m_summary->setText(r.message);
        });
    });
    dialog->open();
}

} // namespace cardops::ui
