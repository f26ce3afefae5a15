#include "ui/tierladderpanel.h"

#include "models/consolebackend.h"
#include "models/datasource.h"
#include "models/tierbackend.h"
#include "storage/tierstore.h"

#include <QComboBox>
#include <QDateTime>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QKeySequence>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cardops::ui {
namespace {

using Editor = models::TierLadderEditor;

QTableWidgetItem* readOnly(const QString& text)
{
    auto* item = new QTableWidgetItem(text);
    item->setFlags(item->flags() & ~Qt::ItemIsEditable);
    return item;
}

QString timeText(qint64 at)
{
    return QDateTime::fromSecsSinceEpoch(at).toString(u"yyyy-MM-dd HH:mm"_s);
}

} // namespace

TierLadderPanel::TierLadderPanel(models::DataSource& source, models::ConsoleBackend& backend, QWidget* parent)
    : QWidget(parent)
    , m_source(source)
    , m_backend(backend)
    , m_editor(source)
{
    // The platform connects after the console is built: whether a push is possible changes then.
    connect(&backend, &models::ConsoleBackend::orderActionsChanged, this, &TierLadderPanel::updateActions);
    connect(&backend, &models::ConsoleBackend::syncFinished, this, &TierLadderPanel::updateActions);
    auto* layout = new QVBoxLayout(this);
    auto* intro =
        new QLabel(tr("The ladder as the platform has it. Edit a cell to change it; the what-if shows "
                      "what your edit would do to today's members before anything is pushed. An "
                      "empty condition is not required; all conditions of a tier must hold."),
                   this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto* buttons = new QHBoxLayout;
    m_add = new QPushButton(tr("Add tier"), this);
    m_add->setShortcut(QKeySequence(u"Ctrl+N"_s));
    m_remove = new QPushButton(tr("Remove tier"), this);
    m_remove->setShortcut(QKeySequence::Delete);
    m_revert = new QPushButton(tr("Revert"), this);
    m_push = new QPushButton(tr("Push to platform"), this);
    m_push->setObjectName(u"pushButton"_s);
    m_push->setShortcut(QKeySequence(u"Ctrl+S"_s));
    m_pushReason = new QLabel(this);
    m_pushReason->setObjectName(u"pushReason"_s);
    m_pushReason->setStyleSheet(u"color: #8a6d3b;"_s);
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addWidget(m_revert);
    buttons->addStretch(1);
    buttons->addWidget(m_pushReason);
    buttons->addWidget(m_push);
    layout->addLayout(buttons);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    auto* top = new QWidget(splitter);
    auto* topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    m_table = new QTableWidget(0, Editor::FieldCount, top);
    m_table->setObjectName(u"tierTable"_s);
    m_table->setHorizontalHeaderLabels({tr("Name"), tr("Discount"), tr("Commission by depth"), tr("Spend ≥"),
                                        tr("Recharge ≥"), tr("Downline GMV 30d ≥"), tr("Own GMV 30d ≥"),
                                        tr("Active downlines ≥"), tr("Downgrade")});
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    topLayout->addWidget(m_table);
    m_editError = new QLabel(top);
    m_editError->setObjectName(u"editError"_s);
    m_editError->setWordWrap(true);
    m_editError->setStyleSheet(u"color: #b00020;"_s);
    topLayout->addWidget(m_editError);

    auto* whatIfBox = new QGroupBox(tr("What-if on today's members"), splitter);
    auto* whatIfLayout = new QVBoxLayout(whatIfBox);
    m_whatIf = new QLabel(tr("No change yet."), whatIfBox);
    m_whatIf->setObjectName(u"whatIfSummary"_s);
    m_whatIf->setWordWrap(true);
    whatIfLayout->addWidget(m_whatIf);
    m_whatIfTable = new QTableWidget(0, 3, whatIfBox);
    m_whatIfTable->setObjectName(u"whatIfTable"_s);
    m_whatIfTable->setHorizontalHeaderLabels({tr("From"), tr("To"), tr("Members moved")});
    m_whatIfTable->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_whatIfTable->verticalHeader()->hide();
    m_whatIfTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    whatIfLayout->addWidget(m_whatIfTable);

    auto* movesBox = new QGroupBox(tr("Recent tier moves"), splitter);
    auto* movesLayout = new QVBoxLayout(movesBox);
    m_moves = new QTableWidget(0, 4, movesBox);
    m_moves->setObjectName(u"movesTable"_s);
    m_moves->setHorizontalHeaderLabels({tr("Time"), tr("Member"), tr("Move"), tr("Rule")});
    m_moves->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_moves->horizontalHeader()->setStretchLastSection(true);
    m_moves->verticalHeader()->hide();
    m_moves->setEditTriggers(QAbstractItemView::NoEditTriggers);
    movesLayout->addWidget(m_moves);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setStretchFactor(2, 2);
    layout->addWidget(splitter, 1);

    m_whatIfTimer = new QTimer(this);
    m_whatIfTimer->setSingleShot(true);
    m_whatIfTimer->setInterval(250);
    connect(m_whatIfTimer, &QTimer::timeout, &m_editor, &Editor::computeWhatIf);
    connect(&m_editor, &Editor::loaded, this, [this] {
        rebuildTable();
        m_whatIfTimer->start();
    });
    connect(&m_editor, &Editor::changed, this, [this] {
        updateActions();
        m_whatIfTimer->start();
    });
    connect(&m_editor, &Editor::whatIfReady, this, &TierLadderPanel::showWhatIf);
    connect(m_table, &QTableWidget::cellChanged, this, &TierLadderPanel::cellEdited);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &TierLadderPanel::updateActions);
    connect(m_add, &QPushButton::clicked, this, &TierLadderPanel::addTier);
    connect(m_remove, &QPushButton::clicked, this, &TierLadderPanel::removeTier);
    connect(m_revert, &QPushButton::clicked, &m_editor, &Editor::reload);
    connect(m_push, &QPushButton::clicked, this, &TierLadderPanel::push);
    connect(&m_source, &models::DataSource::tablesChanged, this, [this](const QSet<QString>& tables) {
        if (tables.contains(u"tier_moves"_s) || tables.contains(u"members"_s))
            loadMoves();
        if (tables.contains(u"tiers"_s) && !m_editor.isModified())
            m_editor.reload();
    });
    m_editor.reload();
    loadMoves();
}

void TierLadderPanel::setMoment(qint64 at)
{
    m_editor.setMoment(at);
    m_whatIfTimer->start();
}

QString TierLadderPanel::whatIfText() const
{
    return m_whatIf->text();
}

void TierLadderPanel::rebuildTable()
{
    m_filling = true;
    const auto& tiers = m_editor.tiers();
    m_table->setRowCount(int(tiers.size()));
    QStringList ranks;
    for (int row = 0; row < tiers.size(); ++row) {
        ranks << QString::number(row + 1);
        for (int f = 0; f < Editor::Downgrade; ++f)
            m_table->setItem(row, f, new QTableWidgetItem(m_editor.text(row, Editor::Field(f))));
        auto* policy = new QComboBox(m_table);
        policy->addItem(Editor::policyName(core::DowngradePolicy::None), u"none"_s);
        policy->addItem(Editor::policyName(core::DowngradePolicy::SlidingWindow), u"sliding_window"_s);
        policy->setCurrentIndex(policy->findData(m_editor.text(row, Editor::Downgrade)));
        policy->setToolTip(tr("Keep: a tier once reached is kept. Sliding 30 days: the member falls at a "
                              "business-day boundary when a 30-day condition no longer holds."));
        connect(policy, &QComboBox::currentIndexChanged, this, [this, policy, row] {
            m_editError->setText(m_editor.setText(row, Editor::Downgrade, policy->currentData().toString()));
        });
        m_table->setCellWidget(row, Editor::Downgrade, policy);
    }
    m_table->setVerticalHeaderLabels(ranks);
    m_filling = false;
    updateActions();
}

void TierLadderPanel::cellEdited(int row, int column)
{
    if (m_filling || column >= Editor::Downgrade)
        return;
    QTableWidgetItem* item = m_table->item(row, column);
    const QString error = m_editor.setText(row, Editor::Field(column), item->text());
    m_filling = true;
    // Refused: the cell shows the value kept; taken: the cell shows it normalised ("98" → "98%").
    item->setText(m_editor.text(row, Editor::Field(column)));
    item->setToolTip(error);
    m_filling = false;
    m_editError->setText(error.isEmpty() ? m_editor.validate() : error);
}

void TierLadderPanel::addTier()
{
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Add tier"), tr("Name of the new top tier:"),
                                               QLineEdit::Normal, QString(), &ok)
                             .trimmed();
    if (!ok || name.isEmpty())
        return;
    const int row = m_editor.addTier(name);
    rebuildTable();
    m_table->selectRow(row);
    m_editError->setText(m_editor.validate());
}

void TierLadderPanel::removeTier()
{
    const int row = m_table->currentRow();
    if (row < 0)
        return;
    const QString name = m_editor.text(row, Editor::Name);
    if (QMessageBox::question(this, tr("Remove tier"),
                              tr("Remove tier %1 from the ladder? Nothing changes on the platform until you "
                                 "push; the platform refuses to remove a tier that members still hold.")
                                  .arg(name),
                              QMessageBox::Yes | QMessageBox::No, QMessageBox::No) != QMessageBox::Yes)
        return;
    const QString error = m_editor.removeTier(row);
    m_editError->setText(error);
    if (error.isEmpty())
        rebuildTable();
}

void TierLadderPanel::showWhatIf(const models::TierWhatIf& r)
{
    m_whatIfTable->setRowCount(0);
    if (!r.ok) {
        m_whatIf->setText(r.error);
        return Q_EMIT whatIfShown();
    }
    QStringList lines;
    if (r.up == 0 && r.down == 0)
        lines << tr("No member would change tier (%1 members checked).").arg(r.members);
    else
        lines << tr("%1 members would move up, %2 would move down (of %3).")
                     .arg(r.up)
                     .arg(r.down)
                     .arg(r.members);
    lines
        << tr("The current ladder on the same figures: %1 up, %2 down.").arg(r.currentUp).arg(r.currentDown);
    if (r.removedTierMembers > 0)
        lines << tr("%1 members hold a tier this edit removes: the platform will refuse the push.")
                     .arg(r.removedTierMembers);
    m_whatIf->setText(lines.join(u'\n'));
    m_whatIfTable->setRowCount(int(r.moves.size()));
    for (int i = 0; i < r.moves.size(); ++i) {
        const models::TierMoveCount& m = r.moves.at(i);
        m_whatIfTable->setItem(i, 0, readOnly(m.fromName));
        m_whatIfTable->setItem(i, 1, readOnly((m.up ? u"↑ "_s : u"↓ "_s) + m.toName));
        auto* count = readOnly(QString::number(m.members));
        count->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_whatIfTable->setItem(i, 2, count);
    }
    Q_EMIT whatIfShown();
}

void TierLadderPanel::updateActions()
{
    QString why;
    models::TierBackend* tiers = m_backend.tierBackend();
    const bool canPush = tiers != nullptr && tiers->canPush(&why);
    if (!tiers)
        why = tr("This console cannot push tiers (no platform).");
    const bool valid = m_editor.validate().isEmpty();
    m_push->setEnabled(canPush && m_editor.isModified() && valid);
    m_pushReason->setText(canPush ? QString() : why);
    m_push->setToolTip(why);
    m_remove->setEnabled(m_table->currentRow() > 0);
    m_revert->setEnabled(m_editor.isModified());
    m_add->setEnabled(m_editor.isLoaded());
}

void TierLadderPanel::push()
{
    models::TierBackend* tiers = m_backend.tierBackend();
    QString why;
    if (!tiers || !tiers->canPush(&why))
        return m_editError->setText(why);
    if (const QString problem = m_editor.validate(); !problem.isEmpty())
        return m_editError->setText(problem);
    const QStringList changes = m_editor.changes();
    const QString text = tr("Push this ladder to the platform (version %1)?\n\n%2\n\n%3")
                             .arg(m_editor.baseVersion())
                             .arg(u"• "_s + changes.join(u"\n• "_s), m_whatIf->text());
    if (QMessageBox::question(this, tr("Push to platform"), text, QMessageBox::Yes | QMessageBox::No,
                              QMessageBox::No) != QMessageBox::Yes)
        return;
    m_push->setEnabled(false);
    m_editError->setText(tr("Pushing…"));
    tiers->pushLadder(m_editor.ladder(), this, [this](const QString& error) { pushed(error); });
}

void TierLadderPanel::pushed(const QString& error)
{
    if (!error.isEmpty()) {
        m_editError->setText(error);
        m_editor.reload(); // a conflict stored the platform's ladder
        return;
    }
    m_editor.savePolicies(m_backend.actor(), [this](const QString& policyError) {
        m_editError->setText(policyError.isEmpty() ? tr("The platform took the ladder.") : policyError);
        m_editor.reload();
    });
}

void TierLadderPanel::loadMoves()
{
    using Moves = QList<storage::tierstore::RecordedMove>;
    m_source.reader().post<Moves>(
        this,
        [](const storage::ReadSession& read) {
            return storage::tierstore::recentMoves(read, 200).valueOr(Moves{});
        },
        [this](Moves moves) {
            m_moves->setRowCount(int(moves.size()));
            for (int i = 0; i < moves.size(); ++i) {
                const auto& m = moves.at(i);
                const bool up = m.direction == core::TierDirection::Up;
                m_moves->setItem(i, 0, readOnly(timeText(m.at)));
                m_moves->setItem(i, 1, readOnly(u"%1 (%2)"_s.arg(m.memberName).arg(m.memberId)));
                m_moves->setItem(i, 2,
                                 readOnly(u"%1 %2 %3"_s.arg(m.fromName, up ? u"↑"_s : u"↓"_s, m.toName)));
                auto* rule = readOnly(Editor::describeRule(m.rule));
                rule->setToolTip(m.rule);
                m_moves->setItem(i, 3, rule);
            }
            if (moves.isEmpty()) {
                m_moves->setRowCount(1);
                m_moves->setItem(0, 1, readOnly(tr("No tier moves yet: they appear after a sync round.")));
            }
            Q_EMIT movesShown();
        });
}

} // namespace cardops::ui
