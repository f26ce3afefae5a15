#include "ui/fulfilmentpage.h"

#include "core/csvexport.h"
#include "models/consolebackend.h"
#include "models/fulfilmentcontrol.h"
#include "models/fulfilmentmodels.h"
#include "ui/blacklistwidget.h"
#include "ui/emptystatepage.h"
#include "ui/reviewqueuewidget.h"
#include "ui/rulesetwidget.h"

#include <QDateTime>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace cardops::ui {

FulfilmentPage::FulfilmentPage(models::DataSource& source, models::ConsoleBackend& backend, QWidget* parent)
    : Page(parent)
    , m_source(source)
    , m_backend(backend)
    , m_control(backend.fulfilment())
{
    auto* heading = new QLabel(tr("Fulfilment"), this);
    heading->setObjectName(QStringLiteral("pageTitle"));
    auto* hint = new QLabel(tr("Orders the platform hands to CardOps pass the rules below and are delivered "
                               "exactly once by whoever holds the fulfilment lease — this console or an "
                               "unattended cardops-cli serve."),
                            this);
    hint->setObjectName(QStringLiteral("pageHint"));
    hint->setWordWrap(true);

    m_tabs = new QTabWidget(this);
    m_tabs->addTab(buildWorkerTab(), tr("Worker"));
    m_tabs->addTab(reviewTab(), tr("Review queue"));
    auto* rules = new RuleSetWidget(source, backend.actor(), m_tabs);
    connect(rules, &RuleSetWidget::openOrder, this, &FulfilmentPage::openOrder);
    m_tabs->addTab(rules, tr("Rules"));
    m_tabs->addTab(new BlacklistWidget(source, backend.actor(), m_tabs), tr("Blacklist"));

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(hint);
    layout->addWidget(m_tabs, 1);

    if (m_control)
        connect(m_control, &models::FulfilmentControl::changed, this, &FulfilmentPage::updateStatus);
    connect(&m_backend, &models::ConsoleBackend::orderActionsChanged, this, [this] {
        const bool current = m_tabs->currentIndex() == ReviewTab;
        QWidget* old = m_tabs->widget(ReviewTab);
        m_tabs->removeTab(ReviewTab);
        delete old;
        m_tabs->insertTab(ReviewTab, reviewTab(), tr("Review queue"));
        if (current)
            m_tabs->setCurrentIndex(ReviewTab);
    });
    auto* tick = new QTimer(this);
    tick->setInterval(2000);
    connect(tick, &QTimer::timeout, this, &FulfilmentPage::updateStatus);
    tick->start();
    updateStatus();
}

QWidget* FulfilmentPage::reviewTab()
{
    if (models::OrderActionBackend* actions = m_backend.orderActions()) {
        auto* queue = new ReviewQueueWidget(m_source, *actions, m_tabs);
        connect(queue, &ReviewQueueWidget::openOrder, this, &FulfilmentPage::openOrder);
        return queue;
    }
    return new EmptyStatePage(tr("Review queue"), tr("Waiting for the platform."),
                              tr("Orders are delivered, refunded or rejected through the platform: the queue "
                                 "opens once this console is connected to one."),
                              m_tabs);
}

QWidget* FulfilmentPage::buildWorkerTab()
{
    auto* box = new QWidget(this);
    m_lease = new QLabel(box);
    m_self = new QLabel(box);
    m_totals = new QLabel(box);
    m_error = new QLabel(box);
    for (QLabel* l : {m_lease, m_self, m_totals, m_error}) {
        l->setWordWrap(true);
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_error->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_startStop = new QPushButton(box);
    m_startStop->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    connect(m_startStop, &QPushButton::clicked, this, [this] {
        if (!m_control)
            return;
        const models::FulfilmentStatus s = m_control->status();
        if (s.running) {
            m_control->stop();
        } else {
            if (!s.leaseHolder.isEmpty() && s.leaseHolder != s.holderId &&
                QMessageBox::question(
                    this, tr("Fulfil in this console"),
                    tr("%1 holds the fulfilment lease now. This console will take it only when "
                       "%1 gives it back or stops renewing it. Start anyway?")
                        .arg(s.leaseHolder)) != QMessageBox::Yes)
                return;
            m_control->start();
        }
        updateStatus();
    });
    auto* explain = new QLabel(
        tr("Only the lease holder decides and delivers handed-over orders. Every step is recorded before it "
           "is taken and repeated with the same key after a crash, so an order is never delivered or bought "
           "twice, whichever console fulfils. For 24/7 fulfilment run cardops-cli serve on an always-on "
           "machine (README: 无人值守履约)."),
        box);
    explain->setObjectName(QStringLiteral("pageHint"));
    explain->setWordWrap(true);
    auto* form = new QFormLayout;
    form->addRow(tr("Lease holder:"), m_lease);
    form->addRow(tr("This console:"), m_self);
    form->addRow(tr("Since started:"), m_totals);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_startStop);
    buttons->addStretch(1);
    m_recent = new models::RecentFulfilmentsModel(m_source, this);
    auto* recentTitle = new QLabel(tr("What the worker did last"), box);
    recentTitle->setStyleSheet(QStringLiteral("font-weight: 600;"));
    auto* recent = new QTableView(box);
    recent->setModel(m_recent);
    recent->setSelectionBehavior(QAbstractItemView::SelectRows);
    recent->setEditTriggers(QAbstractItemView::NoEditTriggers);
    recent->verticalHeader()->hide();
    recent->setWordWrap(false);
    recent->horizontalHeader()->setStretchLastSection(false);
    recent->horizontalHeader()->setSectionResizeMode(models::RecentFulfilmentsModel::Reason,
                                                     QHeaderView::Stretch);
    recent->setColumnWidth(models::RecentFulfilmentsModel::Order, 190);
    recent->setColumnWidth(models::RecentFulfilmentsModel::Goods, 200);
    recent->setColumnWidth(models::RecentFulfilmentsModel::Decision, 70);
    recent->setColumnWidth(models::RecentFulfilmentsModel::Rule, 150);
    recent->setColumnWidth(models::RecentFulfilmentsModel::Step, 110);
    recent->setColumnWidth(models::RecentFulfilmentsModel::UpdatedAt, 150);
    connect(recent, &QTableView::activated, this, [this](const QModelIndex& index) {
        Q_EMIT openOrder(m_recent->data(index, Qt::UserRole).toLongLong());
    });
    auto* empty =
        new QLabel(tr("Nothing yet: handed-over orders appear here as the worker decides them."), box);
    empty->setObjectName(QStringLiteral("pageHint"));
    empty->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    auto* stack = new QStackedWidget(box);
    stack->addWidget(empty);
    stack->addWidget(recent);
    const auto showEmpty = [stack, this] {
        stack->setCurrentIndex(m_recent->rowCount() == 0 ? 0 : 1);
        m_loadedAtPass = m_pendingPass;
        announceReady();
    };
    connect(m_recent, &models::RecentFulfilmentsModel::loaded, this, showEmpty);
    showEmpty();

    auto* layout = new QVBoxLayout(box);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addLayout(buttons);
    layout->addWidget(explain);
    layout->addSpacing(8);
    layout->addWidget(recentTitle);
    layout->addWidget(stack, 1);
    return box;
}

bool FulfilmentPage::isReady() const
{
    // While this console fulfils, the page is ready once the list shows what a pass recorded.
    const bool passed = !m_control || !m_control->status().running ||
                        (m_control->status().passes > 0 && m_loadedAtPass == m_control->status().passes);
    return m_recent->isLoaded() && passed;
}

QString FulfilmentPage::statusText() const
{
    return m_lease->text() + u'\n' + m_self->text() + u'\n' + m_totals->text() + u'\n' + m_error->text();
}

void FulfilmentPage::updateStatus()
{
    if (!m_control) {
        m_lease->setText(tr("Unknown: this cache was opened without a platform."));
        m_self->setText(tr("Cannot fulfil."));
        m_totals->setText(QStringLiteral("—"));
        m_error->clear();
        m_startStop->setText(tr("Start fulfilling"));
        m_startStop->setEnabled(false);
        return;
    }
    const models::FulfilmentStatus s = m_control->status();
    if (s.passes != m_pendingPass) {
        m_pendingPass = s.passes; // the list is read again with what the pass recorded
        m_recent->reload();
    }
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    if (s.leaseHolder.isEmpty() || s.leaseExpiresAt <= now)
        m_lease->setText(tr("Nobody: handed-over orders wait on the platform."));
    else if (s.leaseHolder == s.holderId)
        m_lease->setText(
            tr("This console (%1), until %2").arg(s.holderId, core::formatShanghaiTime(s.leaseExpiresAt)));
    else
        m_lease->setText(tr("%1, until %2").arg(s.leaseHolder, core::formatShanghaiTime(s.leaseExpiresAt)));
    if (!s.available)
        m_self->setText(tr("Not connected to a platform yet."));
    else if (s.running)
        m_self->setText(s.suppliers ? tr("Fulfilling as %1.").arg(s.holderId)
                                    : tr("Fulfilling as %1. No supplier is docked: orders without platform "
                                         "stock go to review.")
                                          .arg(s.holderId));
    else
        m_self->setText(tr("Not fulfilling (holder id %1).").arg(s.holderId));
    m_totals->setText(s.passes == 0
                          ? tr("No pass yet.")
                          : tr("%1 delivered from stock · %2 bought and delivered · %3 held for review · %4 "
                               "refunded · %5 waiting · last pass %6")
                                .arg(s.deliveredFromStock)
                                .arg(s.deliveredBought)
                                .arg(s.heldForReview)
                                .arg(s.refunded)
                                .arg(s.waiting)
                                .arg(core::formatShanghaiTime(s.lastPassAt)));
    m_error->setText(s.lastError);
    m_error->setVisible(!s.lastError.isEmpty());
    m_startStop->setText(s.running ? tr("Stop fulfilling") : tr("Start fulfilling"));
    m_startStop->setEnabled(s.available);
    announceReady();
}

void FulfilmentPage::announceReady()
{
    const bool now = m_recent && isReady();
    if (now && !m_announcedReady)
        Q_EMIT ready();
    m_announcedReady = now;
}

void FulfilmentPage::applyFilter(const QString& filter)
{
    if (filter == u"review")
        m_tabs->setCurrentIndex(ReviewTab);
    else if (filter == u"rules")
        m_tabs->setCurrentIndex(RulesTab);
    else if (filter == u"blacklist")
        m_tabs->setCurrentIndex(BlacklistTab);
    else
        m_tabs->setCurrentIndex(WorkerTab);
}

} // namespace cardops::ui
