#include "ui/blacklistwidget.h"

#include "core/csvexport.h"
#include "models/datasource.h"
#include "storage/databasewriter.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QShortcut>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cardops::ui {

namespace rules = storage::fulfilmentrules;

namespace {

QString listName(BlacklistWidget::List list)
{
    switch (list) {
    case BlacklistWidget::Members:
        return BlacklistWidget::tr("Member IDs");
    case BlacklistWidget::Contacts:
        return BlacklistWidget::tr("Contacts");
    case BlacklistWidget::Accounts:
        return BlacklistWidget::tr("Charge accounts");
    default:
        return {};
    }
}

BlacklistWidget::List listOf(const QString& code)
{
    for (int l = 0; l < BlacklistWidget::ListCount; ++l)
        if (BlacklistWidget::listCode(BlacklistWidget::List(l)) == code)
            return BlacklistWidget::List(l);
    return BlacklistWidget::Members;
}

} // namespace

BlacklistModel::BlacklistModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

void BlacklistModel::setEntries(const QList<rules::BlacklistEntry>& entries)
{
    beginResetModel();
    m_entries = entries;
    endResetModel();
}

bool BlacklistModel::containsValue(const QString& normalised) const
{
    return std::any_of(m_entries.cbegin(), m_entries.cend(),
                       [&normalised](const rules::BlacklistEntry& e) { return e.value == normalised; });
}

int BlacklistModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int BlacklistModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BlacklistModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_entries.size() || role != Qt::DisplayRole)
        return {};
    const rules::BlacklistEntry& e = m_entries.at(index.row());
    switch (index.column()) {
    case Value:
        return e.value;
    case Note:
        return e.note;
    case AddedAt:
        return e.createdAt > 0 ? core::formatShanghaiTime(e.createdAt).left(16) : QString();
    case AddedBy:
        return e.operatorName;
    default:
        return {};
    }
}

QVariant BlacklistModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Value:
        return tr("Value");
    case Note:
        return tr("Note");
    case AddedAt:
        return tr("Added");
    case AddedBy:
        return tr("By");
    default:
        return {};
    }
}

BlacklistEntryDialog::BlacklistEntryDialog(const QString& list, const BlacklistModel& existing,
                                           QWidget* parent)
    : QDialog(parent)
    , m_list(list)
    , m_existing(existing)
{
    const BlacklistWidget::List which = listOf(list);
    setWindowTitle(tr("Add to the blacklist: %1").arg(listName(which)));
    m_value = new QLineEdit(this);
    m_value->setPlaceholderText(which == BlacklistWidget::Members    ? tr("e.g. 10086")
                                : which == BlacklistWidget::Contacts ? tr("QQ, phone or e-mail")
                                                                     : tr("the account an order recharges"));
    m_note = new QLineEdit(this);
    m_note->setPlaceholderText(tr("Why, e.g. chargeback on order 2026…"));
    m_note->setMaxLength(200);
    auto* hint = new QLabel(tr("Spaces are ignored and full-width characters count as their ASCII forms, "
                               "so the entry matches however the buyer types it."),
                            this);
    hint->setObjectName(u"pageHint"_s);
    hint->setWordWrap(true);
    m_error = new QLabel(this);
    m_error->setStyleSheet(u"color: #c62828;"_s);
    m_error->setWordWrap(true);
    m_error->hide();
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Add"));
    auto* form = new QFormLayout;
    form->addRow(tr("Value"), m_value);
    form->addRow(tr("Note"), m_note);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(hint);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    setMinimumWidth(420);
    connect(buttons, &QDialogButtonBox::accepted, this, &BlacklistEntryDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &BlacklistEntryDialog::reject);
    connect(m_value, &QLineEdit::textChanged, m_error, &QLabel::hide);
}

QString BlacklistEntryDialog::value() const
{
    return m_value->text();
}

QString BlacklistEntryDialog::note() const
{
    return m_note->text().trimmed();
}

void BlacklistEntryDialog::accept()
{
    auto entry = rules::normalisedEntry(m_list, m_value->text());
    if (!entry) {
        m_error->setText(listOf(m_list) == BlacklistWidget::Members
                             ? tr("A member ID is a positive whole number.")
                             : tr("Write the value to block."));
        m_error->show();
        return;
    }
    if (m_existing.containsValue(entry.value())) {
        m_error->setText(tr("%1 is already on this list.").arg(entry.value()));
        m_error->show();
        return;
    }
    QDialog::accept();
}

BlacklistWidget::BlacklistWidget(models::DataSource& source, core::Actor actor, QWidget* parent)
    : QWidget(parent)
    , m_source(source)
    , m_actor(std::move(actor))
    , m_canEdit(source.writer() && core::roleAllows(m_actor.role, core::Permission::ReviewOrders))
{
    auto* hint = new QLabel(tr("Orders of a listed member, contact or charge account match the rule "
                               "condition “On the blacklist”; what happens to them is up to that rule."),
                            this);
    hint->setObjectName(u"pageHint"_s);
    hint->setWordWrap(true);
    m_search = new QLineEdit(this);
    m_search->setPlaceholderText(tr("Search values and notes"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(260);
    m_add = new QPushButton(tr("Add…"), this);
    m_remove = new QPushButton(tr("Remove"), this);
    auto* bar = new QHBoxLayout;
    bar->addWidget(m_search);
    bar->addStretch(1);
    bar->addWidget(m_add);
    bar->addWidget(m_remove);

    m_tabs = new QTabWidget(this);
    for (int l = 0; l < ListCount; ++l) {
        m_models[l] = new BlacklistModel(this);
        m_proxies[l] = new QSortFilterProxyModel(this);
        m_proxies[l]->setSourceModel(m_models[l]);
        m_proxies[l]->setFilterKeyColumn(-1);
        m_proxies[l]->setFilterCaseSensitivity(Qt::CaseInsensitive);
        auto* view = new QTableView(m_tabs);
        view->setModel(m_proxies[l]);
        view->horizontalHeader()->setHighlightSections(false);
        view->horizontalHeader()->setStretchLastSection(true);
        view->verticalHeader()->setVisible(false);
        view->setSelectionBehavior(QAbstractItemView::SelectRows);
        view->setSelectionMode(QAbstractItemView::SingleSelection);
        view->setEditTriggers(QAbstractItemView::NoEditTriggers);
        view->setAlternatingRowColors(true);
        view->setColumnWidth(BlacklistModel::Value, 200);
        view->setColumnWidth(BlacklistModel::Note, 260);
        view->setColumnWidth(BlacklistModel::AddedAt, 140);
        connect(view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
                &BlacklistWidget::updateState);
        auto* del = new QShortcut(QKeySequence::Delete, view, nullptr, nullptr, Qt::WidgetShortcut);
        connect(del, &QShortcut::activated, this, &BlacklistWidget::removeSelected);
        m_views[l] = view;
        m_tabs->addTab(view, listName(List(l)));
    }
    m_status = new QLabel(this);
    m_status->setObjectName(u"pageHint"_s);
    m_status->setWordWrap(true);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(hint);
    layout->addLayout(bar);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_status);

    connect(m_search, &QLineEdit::textChanged, this, [this](const QString& text) {
        for (QSortFilterProxyModel* p : m_proxies)
            p->setFilterFixedString(text.trimmed());
    });
    connect(m_tabs, &QTabWidget::currentChanged, this, &BlacklistWidget::updateState);
    connect(m_add, &QPushButton::clicked, this, &BlacklistWidget::addEntry);
    connect(m_remove, &QPushButton::clicked, this, &BlacklistWidget::removeSelected);
    connect(&m_source, &models::DataSource::tablesChanged, this, [this](const QSet<QString>& tables) {
        if (tables.contains(u"blacklist"_s))
            reload();
    });
    if (!m_canEdit)
        m_status->setText(m_source.writer() ? tr("Your role may look at the blacklist but not change it.")
                                            : tr("This view is read-only."));
    updateState();
    reload();
}

QString BlacklistWidget::listCode(List list)
{
    switch (list) {
    case Members:
        return QStringView(rules::kListMember).toString();
    case Contacts:
        return QStringView(rules::kListContact).toString();
    case Accounts:
        return QStringView(rules::kListAccount).toString();
    default:
        return {};
    }
}

BlacklistWidget::List BlacklistWidget::currentList() const
{
    return List(qBound(0, m_tabs->currentIndex(), ListCount - 1));
}

void BlacklistWidget::reload()
{
    const quint64 generation = ++m_generation;
    m_source.reader().post<core::Result<QList<rules::BlacklistEntry>>>(
        this, [](const storage::ReadSession& read) { return rules::blacklistEntries(read); },
        [this, generation](core::Result<QList<rules::BlacklistEntry>> r) {
            if (generation != m_generation)
                return;
            if (!r) {
                m_status->setText(tr("Cannot read the blacklist: %1").arg(r.error().detail));
                return;
            }
            QList<rules::BlacklistEntry> split[ListCount];
            for (const rules::BlacklistEntry& e : r.value())
                split[listOf(e.list)] << e;
            for (int l = 0; l < ListCount; ++l) {
                m_models[l]->setEntries(split[l]);
                m_tabs->setTabText(l, tr("%1 (%2)").arg(listName(List(l))).arg(split[l].size()));
            }
            const bool first = !m_loaded;
            m_loaded = true;
            updateState();
            if (first)
                Q_EMIT loaded();
        });
}

void BlacklistWidget::updateState()
{
    const List list = currentList();
    const bool selected = m_views[list]->selectionModel()->hasSelection();
    m_add->setEnabled(m_canEdit && m_loaded);
    m_remove->setEnabled(m_canEdit && m_loaded && selected);
}

void BlacklistWidget::addEntry()
{
    if (!m_add->isEnabled())
        return;
    const QString list = listCode(currentList());
    auto* dialog = new BlacklistEntryDialog(list, *m_models[currentList()], this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, list] {
        const core::Actor actor = m_actor;
        const QString value = dialog->value();
        const QString note = dialog->note();
        submit(tr("Added %1.").arg(value.trimmed()), [actor, list, value, note](storage::WriteContext& ctx) {
            return rules::addToBlacklist(ctx, actor, list, value, note);
        });
    });
    dialog->open();
}

void BlacklistWidget::removeSelected()
{
    const List list = currentList();
    const QModelIndexList rows = m_views[list]->selectionModel()->selectedRows();
    if (rows.isEmpty() || !m_remove->isEnabled())
        return;
    const rules::BlacklistEntry entry =
        m_models[list]->entry(m_proxies[list]->mapToSource(rows.first()).row());
    auto* box = new QMessageBox(QMessageBox::Question, tr("Remove from the blacklist"),
                                tr("Remove %1 from the list of %2?").arg(entry.value, listName(list)),
                                QMessageBox::NoButton, this);
    box->setInformativeText(tr("Its orders no longer match the blacklist rule from the next decision on."));
    box->addButton(tr("Remove"), QMessageBox::AcceptRole);
    box->setDefaultButton(box->addButton(QMessageBox::Cancel));
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, box, entry](QAbstractButton* clicked) {
        if (box->buttonRole(clicked) != QMessageBox::AcceptRole)
            return;
        const core::Actor actor = m_actor;
        submit(tr("Removed %1.").arg(entry.value), [actor, entry](storage::WriteContext& ctx) {
            return rules::removeFromBlacklist(ctx, actor, entry.list, entry.value);
        });
    });
    box->open();
}

void BlacklistWidget::submit(const QString& what,
                             std::function<core::Result<void>(storage::WriteContext&)> job)
{
    storage::DatabaseWriter* writer = m_source.writer();
    if (!writer)
        return;
    auto* watcher = new QFutureWatcher<core::Result<void>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, what] {
        const core::Result<void> r = watcher->result();
        watcher->deleteLater();
        if (r) {
            m_status->setText(what);
            reload();
        } else {
            switch (r.error().code) {
            case core::ErrorCode::Conflict:
                m_status->setText(tr("That value is already on the list."));
                break;
            case core::ErrorCode::NotFound:
                m_status->setText(tr("That value was no longer on the list."));
                reload();
                break;
            case core::ErrorCode::PermissionDenied:
                m_status->setText(tr("Your role may not change the blacklist."));
                break;
            default:
                m_status->setText(tr("The blacklist was not changed: %1").arg(r.error().detail));
            }
        }
        Q_EMIT written(r.ok());
    });
    watcher->setFuture(writer->submit(u"blacklist"_s, std::move(job)));
}

} // namespace cardops::ui
