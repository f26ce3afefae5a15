#include "ui/agenttreewidget.h"

#include "models/agenttreemodel.h"
#include "models/datasource.h"
#include "models/lookupmodel.h"
#include "models/membermover.h"
#include "storage/agenttree.h"

#include <QAction>
#include <QCheckBox>
#include <QCompleter>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cardops::ui {
namespace {

void attachSuggestions(QLineEdit* edit, models::DataSource& source)
{
    auto* model = new models::LookupModel(source, storage::ListKind::Members, edit);
    auto* completer = new QCompleter(model, edit);
    completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    completer->setMaxVisibleItems(12);
    edit->setCompleter(completer);
    QObject::connect(edit, &QLineEdit::textEdited, model, [model](const QString& text) {
        if (!text.trimmed().isEmpty() && !text.contains(u'#'))
            model->search(text);
    });
    QObject::connect(model, &models::LookupModel::answered, edit, [edit, completer, model] {
        if (edit->hasFocus() && model->rowCount() > 0)
            completer->complete();
    });
}

QString nameWithId(const QString& name, qint64 id)
{
    return u"%1 (#%2)"_s.arg(name).arg(id);
}

} // namespace

AgentTreeWidget::AgentTreeWidget(models::DataSource& source, core::Actor actor, qint64 rootMemberId,
                                 QWidget* parent)
    : QWidget(parent)
    , m_source(source)
{
    m_model = new models::AgentTreeModel(source, rootMemberId, this);
    m_mover = new models::MemberMover(source, this);
    m_mover->setActor(actor);

    m_search = new QLineEdit(this);
    m_search->setObjectName(u"agentSearch"_s);
    m_search->setPlaceholderText(tr("Find a member: id, name or contact, then Enter (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    attachSuggestions(m_search, source);
    auto* find = new QPushButton(tr("Find"), this);

    auto* moveAction = new QAction(tr("Move to…"), this);
    moveAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_M));
    moveAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    moveAction->setEnabled(m_mover->canMove());
    addAction(moveAction);
    auto* openAction = new QAction(tr("Open member"), this);
    openAction->setShortcut(QKeySequence(Qt::Key_Return));
    openAction->setShortcutVisibleInContextMenu(true);
    auto* findAction = new QAction(this);
    findAction->setShortcut(QKeySequence::Find);
    findAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(findAction);

    m_moveButton = new QPushButton(tr("Move to…"), this);
    m_moveButton->setObjectName(u"moveButton"_s);
    m_moveButton->setToolTip(
        tr("Move the selected member and its whole branch under another parent (Ctrl+M)"));
    m_moveButton->setEnabled(m_mover->canMove());

    m_view = new QTreeView(this);
    m_view->setObjectName(u"agentTree"_s);
    m_view->setModel(m_model);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setExpandsOnDoubleClick(false);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(models::AgentTreeModel::Name, QHeaderView::Stretch);
    for (int c = models::AgentTreeModel::Kind; c < models::AgentTreeModel::ColumnCount; ++c)
        m_view->header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);

    m_status = new QLabel(this);
    m_status->setObjectName(u"agentTreeStatus"_s);
    m_status->setWordWrap(true);

    auto* bar = new QHBoxLayout;
    bar->addWidget(m_search, 1);
    bar->addWidget(find);
    bar->addSpacing(12);
    bar->addWidget(m_moveButton);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_status);

    connect(find, &QPushButton::clicked, this, [this] { jumpTo(m_search->text()); });
    connect(m_search, &QLineEdit::returnPressed, this, [this] { jumpTo(m_search->text()); });
    connect(findAction, &QAction::triggered, this, [this] {
        m_search->setFocus();
        m_search->selectAll();
    });
    connect(moveAction, &QAction::triggered, this, &AgentTreeWidget::pickNewParent);
    connect(m_moveButton, &QPushButton::clicked, this, &AgentTreeWidget::pickNewParent);
    connect(openAction, &QAction::triggered, this, [this] {
        if (const qint64 id = currentMemberId())
            Q_EMIT openMember(id);
    });
    connect(m_view, &QTreeView::activated, this, [this](const QModelIndex& index) {
        Q_EMIT openMember(index.data(models::AgentTreeModel::MemberIdRole).toLongLong());
    });
    connect(m_view, &QWidget::customContextMenuRequested, this,
            [this, moveAction, openAction](const QPoint& at) {
                if (!m_view->indexAt(at).isValid())
                    return;
                QMenu menu(this);
                menu.addAction(openAction);
                menu.addAction(moveAction);
                menu.exec(m_view->viewport()->mapToGlobal(at));
            });
    connect(m_model, &models::AgentTreeModel::loaded, this, [this, rootMemberId] {
        if (m_model->rowCount() == 0)
            showMessage(tr("No members in the cache yet: they arrive with the next sync."), false);
        else if (rootMemberId != 0) // one member's downlines: open them at once
            m_view->expand(m_model->index(0, 0));
    });
    connect(m_model, &models::AgentTreeModel::loadFailed, this, [this](const QString& detail) {
        showMessage(tr("The tree could not be read: %1").arg(detail), true);
    });
    connect(m_model, &models::AgentTreeModel::revealed, this, [this](const QModelIndex& index) {
        for (QModelIndex p = index.parent(); p.isValid(); p = p.parent())
            m_view->expand(p);
        m_view->setCurrentIndex(index);
        m_view->scrollTo(index, QAbstractItemView::PositionAtCenter);
        m_view->setFocus();
        showMessage({}, false);
    });
    connect(m_model, &models::AgentTreeModel::revealFailed, this,
            [this](qint64 id) { showMessage(tr("Member #%1 is not in this tree.").arg(id), true); });
    connect(m_mover, &models::MemberMover::checked, this, [this](const models::MemberMover::Plan& plan) {
        if (plan.check != storage::agenttree::MoveCheck::Allowed)
            return refuse(models::MemberMover::refusalText(plan.check));
        confirm(plan.memberId, plan.newParentId, plan.memberName, plan.parentName, plan.branchSize);
    });
    connect(m_mover, &models::MemberMover::finished, this, [this](bool ok, const QString& message) {
        if (ok)
            showMessage(
                tr("Moved. The change waits in the outbox until the platform accepts it (本地待同步)."),
                false);
        else
            refuse(message);
        Q_EMIT moveFinished(ok, ok ? QString() : message);
    });
}

qint64 AgentTreeWidget::currentMemberId() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? current.data(models::AgentTreeModel::MemberIdRole).toLongLong() : 0;
}

void AgentTreeWidget::showMessage(const QString& text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? u"color: #b3261e;"_s : QString());
}

void AgentTreeWidget::jumpTo(const QString& text)
{
    bool isId = false;
    const qint64 id = models::LookupModel::idFromFieldText(text, &isId);
    if (id > 0)
        return m_model->reveal(id);
    if (text.trimmed().isEmpty())
        return;
    const quint64 generation = ++m_findGeneration;
    using Found = core::Result<qint64>;
    m_source.reader().post<Found>(
        this, [text](const storage::ReadSession& s) { return storage::agenttree::find(s, text); },
        [this, generation, text](Found r) {
            if (generation != m_findGeneration)
                return;
            if (!r || *r == 0)
                return showMessage(tr("No member matches “%1”.").arg(text.trimmed()), true);
            m_model->reveal(*r);
        });
}

void AgentTreeWidget::pickNewParent()
{
    const qint64 memberId = currentMemberId();
    if (memberId == 0)
        return showMessage(tr("Select the member to move first."), true);
    if (!m_mover->canMove())
        return showMessage(tr("Moving members needs a writable cache and a signed-in operator."), true);
    const QString name = m_view->currentIndex().data(models::AgentTreeModel::NameRole).toString();
    auto* dialog = new QDialog(this);
    dialog->setObjectName(u"moveDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Move to…"));
    auto* label =
        new QLabel(tr("Move %1 and its whole branch under:").arg(nameWithId(name, memberId)), dialog);
    label->setWordWrap(true);
    auto* edit = new QLineEdit(dialog);
    edit->setObjectName(u"newParent"_s);
    edit->setPlaceholderText(tr("New parent: id, name or contact"));
    attachSuggestions(edit, m_source);
    auto* top = new QCheckBox(tr("Top level (no parent)"), dialog);
    connect(top, &QCheckBox::toggled, edit, &QWidget::setDisabled);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    auto* layout = new QVBoxLayout(dialog);
    layout->addWidget(label);
    layout->addWidget(edit);
    layout->addWidget(top);
    layout->addWidget(buttons);
    dialog->resize(420, dialog->sizeHint().height());
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, dialog, [this, dialog, edit, top, memberId] {
        if (top->isChecked()) {
            dialog->accept();
            return requestMove(memberId, 0);
        }
        bool isId = false;
        const qint64 id = models::LookupModel::idFromFieldText(edit->text(), &isId);
        if (id > 0) {
            dialog->accept();
            return requestMove(memberId, id);
        }
        const QString text = edit->text();
        if (text.trimmed().isEmpty())
            return edit->setFocus();
        dialog->accept();
        using Found = core::Result<qint64>;
        m_source.reader().post<Found>(
            this, [text](const storage::ReadSession& s) { return storage::agenttree::find(s, text); },
            [this, memberId, text](Found r) {
                if (!r || *r == 0)
                    return refuse(tr("No member matches “%1”.").arg(text.trimmed()));
                requestMove(memberId, *r);
            });
    });
    dialog->open();
}

void AgentTreeWidget::requestMove(qint64 memberId, qint64 newParentId)
{
    m_mover->check(memberId, newParentId);
}

void AgentTreeWidget::refuse(const QString& text)
{
    showMessage(text, true);
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Move refused"), text, QMessageBox::Ok, this);
    box->setObjectName(u"moveRefused"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void AgentTreeWidget::confirm(qint64 memberId, qint64 newParentId, const QString& memberName,
                              const QString& parentName, qint64 branchSize)
{
    const QString who = nameWithId(memberName, memberId);
    const QString text =
        newParentId == 0
            ? tr("Move %1 and the %n member(s) of its branch to the top level?", "", int(branchSize)).arg(who)
            : tr("Move %1 and the %n member(s) of its branch under %2?", "", int(branchSize))
                  .arg(who, nameWithId(parentName, newParentId));
    auto* box = new QMessageBox(QMessageBox::Question, tr("Move member"), text, QMessageBox::NoButton, this);
    box->setObjectName(u"confirmMove"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(
        tr("Commissions of later orders follow the new hierarchy. The change is audited and "
           "sent to the platform."));
    QPushButton* move = box->addButton(tr("Move"), QMessageBox::AcceptRole);
    box->setDefaultButton(box->addButton(QMessageBox::Cancel));
    connect(box, &QMessageBox::buttonClicked, this, [this, move, memberId, newParentId](QAbstractButton* b) {
        if (b == move)
            m_mover->move(memberId, newParentId);
    });
    box->open();
}

} // namespace cardops::ui
