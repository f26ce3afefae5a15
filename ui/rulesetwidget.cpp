#include "ui/rulesetwidget.h"

#include "core/csvexport.h"
#include "models/datasource.h"
#include "storage/databasewriter.h"
#include "ui/dryrunpanel.h"
#include "ui/ruleeditdialog.h"
#include "ui/rulelistmodel.h"

#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTableView>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cardops::ui {

namespace rules = storage::fulfilmentrules;

RuleSetWidget::RuleSetWidget(models::DataSource& source, core::Actor actor, QWidget* parent)
    : QWidget(parent)
    , m_source(source)
    , m_actor(std::move(actor))
    , m_canEdit(source.writer() && core::roleAllows(m_actor.role, core::Permission::ManageSettings))
    , m_model(new RuleListModel(this))
{
    m_model->setReadOnly(!m_canEdit);
    auto* hint = new QLabel(tr("Every order handed to CardOps passes these rules from top to bottom. The "
                               "first matching rule that delivers, holds or refunds decides; notify and "
                               "tag rules add up on the way. An order no such rule decides is delivered."),
                            this);
    hint->setObjectName(u"pageHint"_s);
    hint->setWordWrap(true);
    m_inForceLabel = new QLabel(tr("Reading the rules…"), this);
    m_inForceLabel->setStyleSheet(u"font-weight: 600; color: #1f2a37;"_s);
    m_status = new QLabel(this);
    m_status->setObjectName(u"pageHint"_s);
    m_status->setWordWrap(true);

    auto* top = new QSplitter(Qt::Horizontal, this);
    top->addWidget(buildRules());
    top->addWidget(buildHistory());
    top->setStretchFactor(0, 4);
    top->setStretchFactor(1, 1);
    top->setChildrenCollapsible(false);

    m_dryRun = new DryRunPanel(
        m_source, [this] { return draft(); }, this);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(top);
    split->addWidget(m_dryRun);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setChildrenCollapsible(false);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(hint);
    layout->addWidget(m_inForceLabel);
    layout->addWidget(split, 1);
    layout->addWidget(m_status);

    connect(m_dryRun, &DryRunPanel::openOrder, this, &RuleSetWidget::openOrder);
    connect(m_model, &RuleListModel::edited, this, [this] {
        updateState();
        m_dryRun->setStale(true);
    });
    connect(&m_source, &models::DataSource::tablesChanged, this, [this](const QSet<QString>& tables) {
        if (tables.contains(u"rule_sets"_s))
            reload();
    });
    updateState();
    reload();
}

QWidget* RuleSetWidget::buildRules()
{
    auto* box = new QWidget(this);
    m_add = new QPushButton(tr("Add rule…"), box);
    m_edit = new QPushButton(tr("Edit…"), box);
    m_delete = new QPushButton(tr("Delete"), box);
    m_up = new QPushButton(tr("Move up"), box);
    m_up->setToolTip(tr("Alt+Up"));
    m_down = new QPushButton(tr("Move down"), box);
    m_down->setToolTip(tr("Alt+Down"));
    m_discard = new QPushButton(tr("Discard changes"), box);
    m_save = new QPushButton(tr("Save"), box);
    m_save->setDefault(true);
    auto* bar = new QHBoxLayout;
    for (QPushButton* b : {m_add, m_edit, m_delete, m_up, m_down})
        bar->addWidget(b);
    bar->addStretch(1);
    bar->addWidget(m_discard);
    bar->addWidget(m_save);

    m_view = new QTableView(box);
    m_view->setModel(m_model);
    m_view->horizontalHeader()->setHighlightSections(false);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(false);
    m_view->setColumnWidth(RuleListModel::Enabled, 76);
    m_view->setColumnWidth(RuleListModel::Name, 240);
    m_view->setColumnWidth(RuleListModel::Condition, 330);

    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);

    connect(m_add, &QPushButton::clicked, this, &RuleSetWidget::addRule);
    connect(m_edit, &QPushButton::clicked, this, &RuleSetWidget::editSelected);
    connect(m_delete, &QPushButton::clicked, this, &RuleSetWidget::deleteSelected);
    connect(m_up, &QPushButton::clicked, this, [this] { moveSelected(-1); });
    connect(m_down, &QPushButton::clicked, this, [this] { moveSelected(1); });
    connect(m_discard, &QPushButton::clicked, this, &RuleSetWidget::discard);
    connect(m_save, &QPushButton::clicked, this, &RuleSetWidget::save);
    connect(m_view, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
        if (index.column() != RuleListModel::Enabled)
            editSelected();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &RuleSetWidget::updateState);
    const std::pair<QKeySequence, std::function<void()>> keys[] = {
        {QKeySequence(Qt::ALT | Qt::Key_Up),
         [this] {
             moveSelected(-1);
         }},
        {QKeySequence(Qt::ALT | Qt::Key_Down),
         [this] {
             moveSelected(1);
         }},
        {QKeySequence(Qt::Key_Delete),
         [this] {
             deleteSelected();
         }},
        {QKeySequence(Qt::Key_Space),
         [this] {
             toggleSelected();
         }},
        {QKeySequence::Save,
         [this] {
             save();
         }},
    };
    for (const auto& [sequence, action] : keys) {
        auto* shortcut = new QShortcut(sequence, m_view, nullptr, nullptr, Qt::WidgetShortcut);
        connect(shortcut, &QShortcut::activated, this, action);
    }
    return box;
}

QWidget* RuleSetWidget::buildHistory()
{
    auto* box = new QWidget(this);
    auto* title = new QLabel(tr("Versions"), box);
    title->setStyleSheet(u"font-weight: 600;"_s);
    m_historyView = new QTreeWidget(box);
    m_historyView->setColumnCount(3);
    m_historyView->setHeaderLabels({tr("Version"), tr("Saved"), tr("By")});
    m_historyView->setRootIsDecorated(false);
    m_historyView->setUniformRowHeights(true);
    m_historyView->header()->setStretchLastSection(true);
    m_historyView->setToolTip(tr("Double-click an older version to edit a copy of it"));
    m_historyView->setMinimumWidth(330);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title);
    layout->addWidget(m_historyView, 1);
    connect(m_historyView, &QTreeWidget::itemDoubleClicked, this, [this](QTreeWidgetItem* item) {
        const qint64 version = item->data(0, Qt::UserRole).toLongLong();
        if (!m_canEdit || version <= 0 || version == m_inForce.version())
            return;
        confirm(tr("Edit an older version"),
                tr("Replace the rules being edited with those of version %1?").arg(version),
                tr("Saving them makes version %1; version %2 stays stored as it is.")
                    .arg(m_inForce.version() + 1)
                    .arg(version),
                tr("Edit a copy"), [this, version] { adoptVersion(version); });
    });
    return box;
}

bool RuleSetWidget::isDirty() const
{
    return m_loaded && m_model->rules() != m_inForce.rules();
}

core::RuleSet RuleSetWidget::draft() const
{
    // Every rule passed the editor's check and ids are kept unique, so this cannot fail; the
    // in-force set stands in if it ever did.
    return core::RuleSet::make(m_inForce.version() + 1, m_model->rules()).valueOr(m_inForce);
}

void RuleSetWidget::reload()
{
    const quint64 generation = ++m_generation;
    m_source.reader().post<Loaded>(
        this,
        [](const storage::ReadSession& read) {
            Loaded out;
            auto set = rules::current(read);
            auto history = rules::history(read);
            if (!set || !history) {
                out.error = !set ? set.error().detail : history.error().detail;
                return out;
            }
            out.inForce = set.value();
            out.history = history.value();
            return out;
        },
        [this, generation](Loaded result) {
            if (generation == m_generation)
                applyLoaded(result);
        });
}

void RuleSetWidget::applyLoaded(const Loaded& result)
{
    if (!result.error.isEmpty()) {
        m_status->setText(tr("Cannot read the rules: %1").arg(result.error));
        return;
    }
    // Edits in progress stay; without any, the editor follows the version in force.
    const bool keepDraft = isDirty() && m_model->rules() != result.inForce.rules();
    m_inForce = result.inForce;
    m_history = result.history;
    const bool first = !m_loaded;
    m_loaded = true;
    if (!keepDraft && m_model->rules() != m_inForce.rules())
        m_model->setRules(m_inForce.rules());

    const bool builtIn = m_history.isEmpty();
    if (builtIn) {
        m_inForceLabel->setText(tr("In force: version %1, the built-in defaults").arg(m_inForce.version()));
    } else {
        const rules::RuleSetVersion& v = m_history.first();
        m_inForceLabel->setText(tr("In force: version %1, saved %2 by %3")
                                    .arg(v.version)
                                    .arg(core::formatShanghaiTime(v.createdAt).left(16), v.operatorName));
    }
    m_historyView->clear();
    if (builtIn) {
        auto* item =
            new QTreeWidgetItem(m_historyView, {QString::number(m_inForce.version()), tr("Built in"), {}});
        item->setData(0, Qt::UserRole, m_inForce.version());
    }
    for (const rules::RuleSetVersion& v : m_history) {
        auto* item = new QTreeWidgetItem(
            m_historyView,
            {QString::number(v.version), core::formatShanghaiTime(v.createdAt).left(16), v.operatorName});
        item->setData(0, Qt::UserRole, v.version);
    }
    if (QTreeWidgetItem* inForce = m_historyView->topLevelItem(0)) {
        inForce->setText(0, tr("%1 (in force)").arg(inForce->text(0)));
        QFont bold = inForce->font(0);
        bold.setBold(true);
        for (int c = 0; c < 3; ++c)
            inForce->setFont(c, bold);
    }
    m_historyView->resizeColumnToContents(0);
    m_historyView->resizeColumnToContents(1);
    updateState();
    if (first)
        Q_EMIT loaded();
}

int RuleSetWidget::selectedRow() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : rows.first().row();
}

void RuleSetWidget::selectRow(int row)
{
    if (row < 0 || row >= m_model->rowCount())
        return;
    m_view->selectionModel()->select(m_model->index(row, 0),
                                     QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->setCurrentIndex(m_model->index(row, RuleListModel::Name));
}

void RuleSetWidget::updateState()
{
    const int row = selectedRow();
    const bool editable = m_canEdit && m_loaded && !m_saving;
    m_add->setEnabled(editable);
    m_edit->setEnabled(editable && row >= 0);
    m_delete->setEnabled(editable && row >= 0);
    m_up->setEnabled(editable && row > 0);
    m_down->setEnabled(editable && row >= 0 && row + 1 < m_model->rowCount());
    m_discard->setEnabled(editable && isDirty());
    m_save->setEnabled(editable && isDirty());
    m_save->setText(isDirty() ? tr("Save as version %1").arg(m_inForce.version() + 1) : tr("Save"));
    if (!m_canEdit && m_loaded)
        m_status->setText(m_source.writer() ? tr("Your role may look at the rules but not change them.")
                                            : tr("This view is read-only."));
    else if (isDirty() && !m_saving)
        m_status->setText(
            tr("Unsaved changes: orders are still decided by version %1.").arg(m_inForce.version()));
}

void RuleSetWidget::confirm(const QString& title, const QString& text, const QString& detail,
                            const QString& accept, std::function<void()> then)
{
    auto* box = new QMessageBox(QMessageBox::Question, title, text, QMessageBox::NoButton, this);
    box->setInformativeText(detail);
    box->addButton(accept, QMessageBox::AcceptRole);
    box->setDefaultButton(box->addButton(QMessageBox::Cancel));
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [box, then = std::move(then)](QAbstractButton* clicked) {
        if (box->buttonRole(clicked) == QMessageBox::AcceptRole)
            then();
    });
    box->open();
}

void RuleSetWidget::addRule()
{
    if (!m_add->isEnabled())
        return;
    core::Rule fresh;
    fresh.condition = core::Condition::quantityAbove(10);
    fresh.action = core::Action::review(u"quantity_above_norm"_s);
    fresh.id = m_model->freeId(fresh.condition.kind);
    auto* dialog = new RuleEditDialog(fresh, true, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const int at = selectedRow() < 0 ? m_model->rowCount() : selectedRow() + 1;
    connect(dialog, &QDialog::accepted, this, [this, dialog, at] {
        core::Rule rule = dialog->rule();
        // The id follows the condition the operator chose.
        rule.id = m_model->freeId(rule.condition.kind);
        m_model->insertRule(at, rule);
        selectRow(at);
    });
    dialog->open();
}

void RuleSetWidget::editSelected()
{
    const int row = selectedRow();
    if (row < 0 || !m_edit->isEnabled())
        return;
    auto* dialog = new RuleEditDialog(m_model->rule(row), false, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QString id = m_model->rule(row).id;
    connect(dialog, &QDialog::accepted, this, [this, dialog, id] {
        for (int r = 0; r < m_model->rowCount(); ++r)
            if (m_model->rule(r).id == id)
                return m_model->setRule(r, dialog->rule());
    });
    dialog->open();
}

void RuleSetWidget::deleteSelected()
{
    const int row = selectedRow();
    if (row < 0 || !m_delete->isEnabled())
        return;
    const core::Rule rule = m_model->rule(row);
    confirm(tr("Delete rule"), tr("Delete rule %1, “%2”?").arg(row + 1).arg(RuleWords::title(rule)),
            tr("The change takes effect when the rules are saved."), tr("Delete"), [this, id = rule.id] {
                for (int r = 0; r < m_model->rowCount(); ++r)
                    if (m_model->rule(r).id == id) {
                        m_model->removeRule(r);
                        selectRow(qMin(r, m_model->rowCount() - 1));
                        return;
                    }
            });
}

void RuleSetWidget::moveSelected(int delta)
{
    const int row = selectedRow();
    if (row < 0 || !m_canEdit || m_saving)
        return;
    if (m_model->moveRule(row, delta))
        selectRow(row + delta);
}

void RuleSetWidget::toggleSelected()
{
    const int row = selectedRow();
    if (row >= 0 && m_canEdit && !m_saving)
        m_model->setEnabled(row, !m_model->rule(row).enabled);
}

void RuleSetWidget::discard()
{
    if (!isDirty() || !m_discard->isEnabled())
        return;
    confirm(tr("Discard changes"), tr("Discard the unsaved changes?"),
            tr("The rules go back to version %1, as they are in force.").arg(m_inForce.version()),
            tr("Discard"), [this] {
                m_model->setRules(m_inForce.rules());
                m_status->setText(tr("Changes discarded."));
            });
}

void RuleSetWidget::save()
{
    if (!isDirty() || !m_save->isEnabled())
        return;
    auto next = core::RuleSet::make(m_inForce.version() + 1, m_model->rules());
    if (!next) {
        m_status->setText(tr("These rules cannot be saved: %1").arg(RuleWords::refusal(next.error().detail)));
        return;
    }
    const qint64 version = next->version();
    confirm(tr("Save rules"), tr("Save these rules as version %1?").arg(version),
            tr("Orders decided from now on follow version %1. Decisions already made keep naming the "
               "version they were made under.")
                .arg(version),
            tr("Save version %1").arg(version), [this, set = next.value()] { commit(set); });
}

void RuleSetWidget::commit(const core::RuleSet& next)
{
    storage::DatabaseWriter* writer = m_source.writer();
    if (!writer || m_saving)
        return;
    m_saving = true;
    updateState();
    m_status->setText(tr("Saving version %1…").arg(next.version()));
    const core::Actor actor = m_actor;
    auto* watcher = new QFutureWatcher<core::Result<void>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, version = next.version()] {
        const core::Result<void> r = watcher->result();
        watcher->deleteLater();
        m_saving = false;
        if (!r) {
            const QString reason =
                r.error().code == core::ErrorCode::Conflict
                    ? tr("another version was saved meanwhile; your changes are kept, save them again.")
                : r.error().code == core::ErrorCode::PermissionDenied
                    ? tr("your role may not change the rules.")
                    : r.error().detail;
            m_status->setText(tr("Version %1 was not saved: %2").arg(version).arg(reason));
            updateState();
            reload();
            Q_EMIT saveFailed(reason);
            return;
        }
        m_status->setText(tr("Saved as version %1.").arg(version));
        reload();
        Q_EMIT saved(version);
    });
    watcher->setFuture(writer->submit(u"rules.save"_s, [actor, next](storage::WriteContext& ctx) {
        return rules::save(ctx, actor, next);
    }));
}

void RuleSetWidget::adoptVersion(qint64 version)
{
    m_source.reader().post<core::Result<std::optional<core::RuleSet>>>(
        this, [version](const storage::ReadSession& read) { return rules::version(read, version); },
        [this, version](core::Result<std::optional<core::RuleSet>> r) {
            if (r && r->has_value()) {
                m_model->setRules(r->value().rules());
                m_status->setText(tr("Editing a copy of version %1.").arg(version));
            } else if (version == 1 && r) {
                m_model->setRules(core::RuleSet::defaults().rules());
                m_status->setText(tr("Editing a copy of version %1.").arg(version));
            } else {
                m_status->setText(tr("Cannot read version %1.").arg(version));
            }
        });
}

} // namespace cardops::ui
