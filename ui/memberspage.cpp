#include "ui/memberspage.h"

#include "core/rfm.h"
#include "models/consolebackend.h"
#include "ui/agenttreewidget.h"
#include "ui/batchorderdialog.h"
#include "ui/commissionpanel.h"
#include "ui/contractpricesdialog.h"
#include "ui/memberdetaildialog.h"
#include "ui/memberslistpanel.h"
#include "ui/segmentspanel.h"
#include "ui/tierladderpanel.h"
#include "ui/withdrawalspanel.h"

#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

namespace cardops::ui {

MembersPage::MembersPage(models::DataSource& source, models::ConsoleBackend& backend, QWidget* parent)
    : Page(parent)
    , m_source(source)
    , m_backend(backend)
{
    auto* heading = new QLabel(tr("Members and tiers"), this);
    heading->setObjectName(QStringLiteral("pageTitle"));
    auto* hint = new QLabel(tr("Consumers, agents and enterprise buyers; the agent tree, segments, the tier "
                               "ladder, the commission check and agents' withdrawals."),
                            this);
    hint->setObjectName(QStringLiteral("pageHint"));
    hint->setWordWrap(true);

    m_tabs = new QTabWidget(this);
    m_list = new MembersListPanel(source, backend, m_tabs);
    connect(m_list, &MembersListPanel::ready, this, &Page::ready);
    connect(m_list, &MembersListPanel::memberActivated, this, &MembersPage::openMember);
    connect(m_list, &MembersListPanel::openOrder, this, &MembersPage::openOrder);
    m_tabs->addTab(m_list, tr("Members"));

    auto* tree = new AgentTreeWidget(source, backend.actor(), 0, m_tabs);
    connect(tree, &AgentTreeWidget::openMember, this, &MembersPage::openMember);
    m_tabs->addTab(tree, tr("Agent tree"));

    auto* segments = new SegmentsPanel(source, m_tabs);
    connect(segments, &SegmentsPanel::showSegment, this, [this](const QString& code) {
        m_list->showSegment(code);
        m_tabs->setCurrentIndex(ListTab);
    });
    m_tabs->addTab(segments, tr("Segments"));

    m_tabs->addTab(new TierLadderPanel(source, backend, m_tabs), tr("Tier ladder"));

    auto* commission = new CommissionPanel(source, backend, m_tabs);
    m_commission = commission;
    connect(commission, &CommissionPanel::openOrder, this, &MembersPage::openOrder);
    connect(commission, &CommissionPanel::openMember, this, &MembersPage::openMember);
    m_tabs->addTab(commission, tr("Commission check"));

    auto* withdrawals = new WithdrawalsPanel(source, backend, m_tabs);
    connect(withdrawals, &WithdrawalsPanel::openMember, this, &MembersPage::openMember);
    m_tabs->addTab(withdrawals, tr("Withdrawals"));

    auto* batch = new QPushButton(tr("Enterprise batch order…"), m_tabs);
    batch->setToolTip(tr("Orders for an enterprise buyer from a pasted list or a CSV of charge accounts "
                         "and quantities, checked line by line before anything is created."));
    connect(batch, &QPushButton::clicked, this, [this] { openBatchOrder(0); });
    m_tabs->setCornerWidget(batch);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(hint);
    layout->addWidget(m_tabs, 1);
}

qint64 MembersPage::mainRows() const
{
    return m_list->rows();
}

bool MembersPage::isReady() const
{
    // The list loads only while it is shown; the other tabs answer on their own.
    return m_tabs->currentIndex() != ListTab || m_list->isReady();
}

void MembersPage::focusSearch()
{
    m_tabs->setCurrentIndex(ListTab);
    m_list->focusSearch();
}

void MembersPage::applyFilter(const QString& filter)
{
    static const QHash<QString, int> tabs = {{QStringLiteral("tree"), TreeTab},
                                             {QStringLiteral("segments"), SegmentsTab},
                                             {QStringLiteral("tiers"), TiersTab},
                                             {QStringLiteral("commission"), CommissionTab},
                                             {QStringLiteral("withdrawals"), WithdrawalsTab}};
    if (const auto tab = tabs.constFind(filter); tab != tabs.cend()) {
        m_tabs->setCurrentIndex(tab.value());
        return;
    }
    m_tabs->setCurrentIndex(ListTab);
    if (core::segmentFromCode(filter))
        m_list->showSegment(filter);
    else
        m_list->showKind(filter);
}

void MembersPage::openMember(qint64 memberId)
{
    if (memberId <= 0)
        return;
    auto* dialog = new MemberDetailDialog(m_source, m_backend, memberId, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    auto* downline = new AgentTreeWidget(m_source, m_backend.actor(), memberId, dialog);
    connect(downline, &AgentTreeWidget::openMember, this, &MembersPage::openMember);
    dialog->setDownlineWidget(downline);
    connect(dialog, &MemberDetailDialog::openOrder, this, &MembersPage::openOrder);
    connect(dialog, &MemberDetailDialog::openMember, this, &MembersPage::openMember);
    connect(dialog, &MemberDetailDialog::batchOrderRequested, this, &MembersPage::openBatchOrder);
    connect(dialog, &MemberDetailDialog::contractPricesRequested, this, &MembersPage::openContractPrices);
    dialog->show();
}

void MembersPage::openBatchOrder(qint64 memberId)
{
    BatchOrderDialog::open(m_source, m_backend, memberId, this);
}

void MembersPage::openContractPrices(qint64 memberId)
{
    ContractPricesDialog::open(m_source, m_backend, memberId, this);
}

bool MembersPage::refreshPage()
{
    // F5 on the commission check runs it again (its own F5 would be ambiguous with Sync now).
    if (m_tabs->currentWidget() != m_commission)
        return false;
    m_commission->runCheck();
    return true;
}

} // namespace cardops::ui
