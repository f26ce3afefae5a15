#include "ui/withdrawalspanel.h"

#include "models/consolebackend.h"
#include "models/datasource.h"
#include "models/listpresentation.h"
#include "models/memberdeskbackend.h"
#include "storage/readsession.h"

#include <QComboBox>
#include <QDateTime>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cardops::ui {

namespace ws = storage::withdrawalstore;
using models::ListPresentation;

namespace {

enum Column { ColId, ColAgent, ColAmount, ColCreated, ColStatus, ColResult, ColumnCount };

QString yuan(core::Money m)
{
    return m.toString(2);
}

QString when(qint64 at)
{
    return at > 0 ? ListPresentation::display(u"created_at"_s, QVariant::fromValue<qint64>(at))
                  : QString(u"—"_s);
}

QString statusWord(const QString& status)
{
    if (status == u"approved")
        return WithdrawalsPanel::tr("approved");
    if (status == u"rejected")
        return WithdrawalsPanel::tr("rejected");
    return WithdrawalsPanel::tr("pending");
}

} // namespace

WithdrawalsPanel::WithdrawalsPanel(models::DataSource& source, models::ConsoleBackend& backend,
                                   QWidget* parent)
    : QWidget(parent)
    , m_source(source)
    , m_backend(backend)
{
    // The platform connects after the console is built: whether a decision is possible changes then.
    connect(&backend, &models::ConsoleBackend::orderActionsChanged, this, &WithdrawalsPanel::updateButtons);
    connect(&backend, &models::ConsoleBackend::syncFinished, this, &WithdrawalsPanel::updateButtons);
    auto* top = new QHBoxLayout;
    m_filter = new QComboBox(this);
    m_filter->addItem(tr("Pending (oldest first)"), u"pending"_s);
    m_filter->addItem(tr("Decided (已处理)"), u"decided"_s);
    top->addWidget(new QLabel(tr("Show:"), this));
    top->addWidget(m_filter);
    top->addStretch(1);
    m_approve = new QPushButton(tr("Approve"), this);
    m_reject = new QPushButton(tr("Reject…"), this);
    m_approve->setShortcut(QKeySequence(u"Ctrl+Return"_s));
    m_reject->setShortcut(QKeySequence(u"Ctrl+Backspace"_s));
    m_approve->setToolTip(tr("Approve the selected request on the platform (Ctrl+Enter)"));
    m_reject->setToolTip(tr("Reject the selected request with a reason (Ctrl+Backspace)"));
    top->addWidget(m_approve);
    top->addWidget(m_reject);

    m_notice = new QLabel(this);
    m_notice->setWordWrap(true);
    m_notice->hide();
    m_result = new QLabel(this);
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_result->hide();

    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setHorizontalHeaderLabels(
        {tr("Request"), tr("Agent"), tr("Amount"), tr("Requested at"), tr("Status"), tr("Result")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(ColId, 60);
    m_table->setColumnWidth(ColAgent, 120);
    m_table->setColumnWidth(ColAmount, 76);
    m_table->setColumnWidth(ColCreated, 140);
    m_table->setColumnWidth(ColStatus, 64);

    auto* contextBox = new QGroupBox(tr("The agent"), this);
    auto* contextLayout = new QVBoxLayout(contextBox);
    m_name = new QLabel(tr("Select a request to see the agent."), contextBox);
    m_name->setWordWrap(true);
    QFont bold = m_name->font();
    bold.setBold(true);
    m_name->setFont(bold);
    contextLayout->addWidget(m_name);
    m_form = new QFormLayout;
    const QStringList labels = {tr("Tier"),
                                tr("Balance"),
                                tr("Direct downlines"),
                                tr("Commissions, last 30 days"),
                                tr("Approved withdrawals, last 30 days"),
                                tr("Last request"),
                                tr("Pending requests"),
                                tr("Member since")};
    for (const QString& label : labels) {
        auto* value = new QLabel(u"—"_s, contextBox);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        value->setWordWrap(true);
        m_form->addRow(label, value);
        m_values << value;
    }
    contextLayout->addLayout(m_form);
    contextLayout->addStretch(1);

    auto* split = new QSplitter(this);
    split->addWidget(m_table);
    split->addWidget(contextBox);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    contextBox->setMaximumWidth(400);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_notice);
    layout->addWidget(split, 1);
    layout->addWidget(m_result);

    connect(m_filter, &QComboBox::currentIndexChanged, this, &WithdrawalsPanel::reload);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, [this] {
        showContext();
        updateButtons();
    });
    connect(m_table, &QTableWidget::cellDoubleClicked, this, [this](int row, int) {
        if (row >= 0 && row < m_rows.size())
            Q_EMIT openMember(m_rows.at(row).memberId);
    });
    connect(m_approve, &QPushButton::clicked, this, [this] { askAndDecide(true); });
    connect(m_reject, &QPushButton::clicked, this, [this] { askAndDecide(false); });
    connect(&m_source, &models::DataSource::tablesChanged, this, [this](const QSet<QString>& tables) {
        if (tables.contains(u"withdrawals"_s) || tables.contains(u"members"_s))
            reload();
    });
    reload();
}

void WithdrawalsPanel::reload()
{
    const bool pendingOnly = m_filter->currentData().toString() == u"pending";
    m_source.reader().post<core::Result<QList<ws::WithdrawalRow>>>(
        this,
        [pendingOnly](const storage::ReadSession& read) {
            return pendingOnly ? ws::pending(read) : ws::decided(read);
        },
        [this](core::Result<QList<ws::WithdrawalRow>> rows) {
            if (!rows) {
                m_notice->setText(tr("The requests cannot be read: %1").arg(rows.error().detail));
                m_notice->show();
                present({});
            } else {
                present(rows.value());
            }
            m_loaded = true;
            Q_EMIT loaded();
        });
}

void WithdrawalsPanel::present(const QList<ws::WithdrawalRow>& rows)
{
    const qint64 keep = selectedId();
    m_rows = rows;
    const QSignalBlocker block(m_table);
    m_table->setRowCount(int(rows.size()));
    int select = rows.isEmpty() ? -1 : 0;
    for (int r = 0; r < rows.size(); ++r) {
        const ws::WithdrawalRow& w = rows.at(r);
        const QString agent = w.memberName.isEmpty() ? tr("member #%1").arg(w.memberId)
                                                     : u"%1  #%2"_s.arg(w.memberName).arg(w.memberId);
        const QStringList cells = {QString::number(w.id), agent,
                                   yuan(w.amount),        when(w.createdAt),
                                   statusWord(w.status),  m_results.value(w.id)};
        for (int c = 0; c < ColumnCount; ++c) {
            auto* item = new QTableWidgetItem(cells.at(c));
            if (c == ColAmount || c == ColId)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_table->setItem(r, c, item);
        }
        if (w.id == keep)
            select = r;
    }
    if (rows.isEmpty()) {
        m_name->setText(m_filter->currentData().toString() == u"pending"
                            ? tr("No withdrawal request waits for a decision.")
                            : tr("No request has been decided yet."));
        for (QLabel* v : m_values)
            v->setText(u"—"_s);
    }
    if (select >= 0)
        m_table->selectRow(select);
    showContext();
    updateButtons();
}

const ws::WithdrawalRow* WithdrawalsPanel::selectedRow() const
{
    const auto selected = m_table->selectionModel()->selectedRows();
    if (selected.isEmpty())
        return nullptr;
    const int row = selected.first().row();
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

qint64 WithdrawalsPanel::selectedId() const
{
    const ws::WithdrawalRow* w = selectedRow();
    return w ? w->id : 0;
}

void WithdrawalsPanel::showContext()
{
    const ws::WithdrawalRow* w = selectedRow();
    if (!w)
        return;
    const qint64 memberId = w->memberId;
    const qint64 id = w->id;
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    m_source.reader().post<core::Result<ws::AgentContext>>(
        this,
        [memberId, id, now](const storage::ReadSession& read) {
            return ws::agentContext(read, memberId, id, now);
        },
        [this, id](core::Result<ws::AgentContext> c) {
            if (selectedId() != id)
                return; // another row was selected meanwhile
            if (!c) {
                m_name->setText(tr("The agent cannot be read: %1").arg(c.error().detail));
                return;
            }
            presentContext(c.value());
        });
}

void WithdrawalsPanel::presentContext(const ws::AgentContext& c)
{
    if (!c.found) {
        m_name->setText(tr("Member #%1 is not in the cache yet.").arg(c.memberId));
        return;
    }
    m_name->setText(u"%1  #%2 · %3"_s.arg(c.name).arg(c.memberId).arg(ListPresentation::memberKind(c.kind)));
    const QString last = c.lastWithdrawalAt > 0
                             ? tr("%1 yuan on %2 (%3)")
                                   .arg(yuan(c.lastWithdrawalAmount), when(c.lastWithdrawalAt),
                                        statusWord(c.lastWithdrawalStatus))
                             : tr("none before");
    const QStringList values = {
        c.tierName.isEmpty() ? QString::number(c.tierId) : c.tierName,
        yuan(c.balance),
        QString::number(c.downlines),
        yuan(c.commissions30d),
        tr("%1 yuan in %n request(s)", nullptr, int(c.approvedCount30d)).arg(yuan(c.approved30d)),
        last,
        QString::number(c.pendingCount),
        when(c.memberSince)};
    for (int i = 0; i < values.size() && i < m_values.size(); ++i)
        m_values.at(i)->setText(values.at(i));
}

void WithdrawalsPanel::updateButtons()
{
    models::MemberDeskBackend* desk = m_backend.memberDesk();
    QString why;
    if (!desk)
        why = tr("Withdrawals are decided on the platform, and this console cannot reach one now.");
    else
        desk->mayDecideWithdrawals(&why);
    const ws::WithdrawalRow* w = selectedRow();
    const bool can = why.isEmpty() && !m_busy && w && w->status == u"pending";
    m_approve->setEnabled(can);
    m_reject->setEnabled(can);
    m_notice->setVisible(!why.isEmpty());
    if (!why.isEmpty())
        m_notice->setText(why);
}

void WithdrawalsPanel::askAndDecide(bool approve)
{
    const ws::WithdrawalRow* w = selectedRow();
    if (!w)
        return;
    const QString agent = w->memberName.isEmpty() ? tr("member #%1").arg(w->memberId)
                                                  : u"%1 (#%2)"_s.arg(w->memberName).arg(w->memberId);
    QString reason;
    if (!approve) {
        bool ok = false;
        reason = QInputDialog::getText(this, tr("Reject withdrawal"),
                                       tr("Why is the request of %1 for %2 yuan rejected? The agent sees it.")
                                           .arg(agent, yuan(w->amount)),
                                       QLineEdit::Normal, QString(), &ok)
                     .trimmed();
        if (!ok)
            return;
        if (reason.isEmpty()) {
            QMessageBox::warning(this, tr("Reject withdrawal"), tr("A rejection needs a reason."));
            return;
        }
    }
    const QString question =
        approve
            ? tr("Pay %1 yuan to %2? The platform books the withdrawal at once.").arg(yuan(w->amount), agent)
            : tr("Reject the request of %1 for %2 yuan?\nReason: %3").arg(agent, yuan(w->amount), reason);
    if (QMessageBox::question(this, approve ? tr("Approve withdrawal") : tr("Reject withdrawal"), question) !=
        QMessageBox::Yes)
        return;
    decideSelected(approve, reason);
}

void WithdrawalsPanel::decideSelected(bool approve, const QString& reason)
{
    const ws::WithdrawalRow* w = selectedRow();
    models::MemberDeskBackend* desk = m_backend.memberDesk();
    if (!w || !desk || m_busy)
        return;
    const qint64 id = w->id;
    m_busy = true;
    updateButtons();
    m_results.insert(id, tr("sending…"));
    if (QTableWidgetItem* item = m_table->item(m_table->currentRow(), ColResult))
        item->setText(m_results.value(id));
    desk->decideWithdrawal(id, approve, reason, this, [this, id, approve](const QString& error) {
        m_busy = false;
        m_results.insert(id, error.isEmpty() ? (approve ? tr("approved") : tr("rejected")) : error);
        m_result->setText(tr("Request %1: %2").arg(id).arg(m_results.value(id)));
        m_result->show();
        Q_EMIT decided(id, error);
        reload();
    });
}

} // namespace cardops::ui
