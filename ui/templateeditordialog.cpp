#include "ui/templateeditordialog.h"

#include "models/goodseditor.h"
#include "ui/listingeditwidget.h"

#include <QCloseEvent>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cardops::ui {
namespace {

core::Goods sample(const QString& name, const QString& kind, qint64 face, const QString& price, qint64 stock)
{
    core::Goods g;
    g.name = name;
    g.sku = kind == u"card" ? u"QB-100"_s : u"CM-50"_s;
    g.kind = kind;
    g.faceValue = core::Money::fromYuan(face);
    g.price = core::Money::parse(price).value();
    g.stockAvailable = stock;
    return g;
}

QTableWidgetItem* checkItem(bool checked)
{
    auto* item = new QTableWidgetItem;
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
    item->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
    return item;
}

QString cell(const QTableWidget* table, int row, int column)
{
    const QTableWidgetItem* item = table->item(row, column);
    return item ? item->text() : QString();
}

bool checked(const QTableWidget* table, int row, int column)
{
    const QTableWidgetItem* item = table->item(row, column);
    return item && item->checkState() == Qt::Checked;
}

void addRow(QTableWidget* table, const QString& a, const QString& b, bool required)
{
    const int row = table->rowCount();
    table->insertRow(row);
    table->setItem(row, 0, new QTableWidgetItem(a));
    table->setItem(row, 1, new QTableWidgetItem(b));
    table->setItem(row, 2, checkItem(required));
}

QTableWidget* makeTable(const QStringList& headers, QWidget* parent)
{
    auto* table = new QTableWidget(0, 3, parent);
    table->setHorizontalHeaderLabels(headers);
    table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    table->verticalHeader()->hide();
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    // Room for four rows: a template rarely has more parts or sections.
    table->setMinimumHeight(table->horizontalHeader()->sizeHint().height() +
                            4 * table->verticalHeader()->defaultSectionSize() + 2 * table->frameWidth());
    return table;
}

} // namespace

TemplateEditorDialog::TemplateEditorDialog(models::DataSource& source, const core::Actor& actor,
                                           QWidget* parent)
    : QDialog(parent)
    , m_library(new models::TemplateLibrary(source, actor, this))
{
    setObjectName(u"templateEditor"_s);
    setWindowTitle(tr("Listing templates"));
    m_samples = {sample(u"腾讯Q币 100元"_s, u"card"_s, 100, u"98.50"_s, 120),
                 sample(u"中国移动话费 50元"_s, u"direct"_s, 50, u"49.50"_s, 0)};

    m_list = new QListWidget(this);
    m_list->setMinimumWidth(200);
    auto* create = new QPushButton(tr("New"), this);
    m_duplicate = new QPushButton(tr("Duplicate"), this);
    m_delete = new QPushButton(tr("Delete…"), this);
    auto* listButtons = new QHBoxLayout;
    for (QPushButton* b : {create, m_duplicate, m_delete})
        listButtons->addWidget(b);
    auto* left = new QVBoxLayout;
    left->addWidget(m_list, 1);
    left->addLayout(listButtons);

    auto* columns = new QHBoxLayout;
    columns->addLayout(left, 2);
    columns->addWidget(buildForm(), 5);
    columns->addWidget(buildPreview(), 3);

    m_status = new QLabel(tr("Loading…"), this);
    m_status->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(this);
    m_save = buttons->addButton(tr("Save"), QDialogButtonBox::AcceptRole);
    m_save->setToolTip(tr("Save the template (Ctrl+S)"));
    buttons->addButton(QDialogButtonBox::Close);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(m_status, 1);
    bottom->addWidget(buttons);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addLayout(bottom);

    connect(create, &QPushButton::clicked, this, &TemplateEditorDialog::newTemplate);
    connect(m_duplicate, &QPushButton::clicked, this, &TemplateEditorDialog::duplicateTemplate);
    connect(m_delete, &QPushButton::clicked, this, &TemplateEditorDialog::deleteTemplate);
    connect(m_save, &QPushButton::clicked, this, &TemplateEditorDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &TemplateEditorDialog::reject);
    auto* saveShortcut = new QShortcut(QKeySequence::Save, this);
    connect(saveShortcut, &QShortcut::activated, this, &TemplateEditorDialog::save);
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        if (m_filling || row < 0)
            return;
        selectTemplate(m_list->item(row)->data(Qt::UserRole).toLongLong());
    });
    connect(m_library, &models::TemplateLibrary::loaded, this, [this, create] {
        const qint64 select = std::exchange(m_selectAfterLoad, 0);
        fillList(select ? select : m_shown.id);
        if (select || (m_shown.id == 0 && m_shown.name.isEmpty() && !m_library->templates().isEmpty()))
            showTemplate(select ? m_library->templates().value(m_list->currentRow()).tpl
                                : m_library->templates().first().tpl);
        const bool editable = m_library->canEdit();
        for (QPushButton* b : {create, m_duplicate, m_delete, m_save})
            b->setEnabled(editable);
        if (m_status->text() == tr("Loading…"))
            setStatus(editable ? QString()
                               : tr("Read only: editing needs a signed-in operator and a writable cache."));
        Q_EMIT loaded();
    });
    connect(m_library, &models::TemplateLibrary::loadFailed, this, [this](const QString& error) {
        setStatus(tr("The templates cannot be read: %1").arg(error), true);
    });
    resize(1240, 760);
    m_library->load();
}

QWidget* TemplateEditorDialog::buildForm()
{
    auto* box = new QWidget(this);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* head = new QFormLayout;
    m_name = new QLineEdit(box);
    m_kind = new QComboBox(box);
    m_kind->addItem(tr("Any goods (chosen by hand)"), QString());
    m_kind->addItem(tr("Default for card-secret goods"), u"card"_s);
    m_kind->addItem(tr("Default for direct-recharge goods"), u"direct"_s);
    m_kind->setToolTip(tr("A goods without a template is checked against the default of its kind"));
    m_maxLength = new QSpinBox(box);
    m_maxLength->setRange(1, core::listing::MaxTitleLengthLimit);
    m_maxLength->setSuffix(tr(" characters"));
    head->addRow(tr("Name"), m_name);
    head->addRow(tr("Used for"), m_kind);
    head->addRow(tr("Title at most"), m_maxLength);
    layout->addLayout(head);

    auto* title = new QGroupBox(tr("Title formula (parts joined by \" | \")"), box);
    auto* tl = new QVBoxLayout(title);
    m_parts = makeTable({tr("Part"), tr("Text"), tr("Required")}, title);
    tl->addWidget(m_parts);
    tl->addWidget(tableButtons(m_parts, [this] { addRow(m_parts, tr("Part"), QString(), true); }));
    layout->addWidget(title, 3);

    auto* spec = new QGroupBox(tr("Spec"), box);
    auto* sl = new QGridLayout(spec);
    m_specName = new QLineEdit(spec);
    m_specPattern = new QLineEdit(spec);
    m_specUnit = new QLineEdit(spec);
    m_stockCap = new QSpinBox(spec);
    m_stockCap->setRange(0, 1'000'000'000);
    m_stockCap->setSpecialValueText(tr("no cap"));
    sl->addWidget(new QLabel(tr("Spec name"), spec), 0, 0);
    sl->addWidget(m_specName, 0, 1);
    sl->addWidget(new QLabel(tr("Unit"), spec), 0, 2);
    sl->addWidget(m_specUnit, 0, 3);
    sl->addWidget(new QLabel(tr("Spec text"), spec), 1, 0);
    sl->addWidget(m_specPattern, 1, 1);
    sl->addWidget(new QLabel(tr("Stock cap"), spec), 1, 2);
    sl->addWidget(m_stockCap, 1, 3);
    sl->setColumnStretch(1, 2);
    sl->setColumnStretch(3, 1);
    layout->addWidget(spec);

    auto* description = new QGroupBox(tr("Description frame"), box);
    auto* dl = new QVBoxLayout(description);
    m_sections = makeTable({tr("Section"), tr("Suggested text"), tr("Required")}, description);
    dl->addWidget(m_sections);
    dl->addWidget(tableButtons(m_sections, [this] { addRow(m_sections, tr("Section"), QString(), true); }));
    layout->addWidget(description, 3);

    auto* placeholders =
        new QLabel(tr("Placeholders: {name} name · {sku} SKU · {face_value} face value · {price} "
                      "price · {discount} discount in 折 · {unit} spec unit · {kind} 卡密/直充"),
                   box);
    placeholders->setObjectName(u"pageHint"_s);
    placeholders->setWordWrap(true);
    layout->addWidget(placeholders);

    for (QLineEdit* e : {m_name, m_specName, m_specPattern, m_specUnit})
        connect(e, &QLineEdit::textChanged, this, &TemplateEditorDialog::refreshPreview);
    for (QSpinBox* s : {m_maxLength, m_stockCap})
        connect(s, &QSpinBox::valueChanged, this, &TemplateEditorDialog::refreshPreview);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &TemplateEditorDialog::refreshPreview);
    for (QTableWidget* t : {m_parts, m_sections})
        connect(t, &QTableWidget::itemChanged, this, &TemplateEditorDialog::refreshPreview);
    return box;
}

QWidget* TemplateEditorDialog::buildPreview()
{
    auto* box = new QGroupBox(tr("Preview"), this);
    auto* layout = new QVBoxLayout(box);
    m_sample = new QComboBox(box);
    for (const core::Goods& g : std::as_const(m_samples))
        m_sample->addItem(g.name);
    m_previewTitle = new QLabel(box);
    m_previewTitle->setWordWrap(true);
    m_previewTitle->setStyleSheet(u"font-weight: bold;"_s);
    m_previewSpec = new QLabel(box);
    m_previewDescription = new QPlainTextEdit(box);
    m_previewDescription->setReadOnly(true);
    m_previewCheck = new QLabel(box);
    m_previewCheck->setWordWrap(true);
    layout->addWidget(new QLabel(tr("Sample goods"), box));
    layout->addWidget(m_sample);
    layout->addWidget(m_previewTitle);
    layout->addWidget(m_previewSpec);
    layout->addWidget(m_previewDescription, 1);
    layout->addWidget(m_previewCheck);
    connect(m_sample, &QComboBox::currentIndexChanged, this, &TemplateEditorDialog::refreshPreview);
    return box;
}

QWidget* TemplateEditorDialog::tableButtons(QTableWidget* table, const std::function<void()>& add)
{
    auto* row = new QWidget(this);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    const auto button = [&](const QString& text, const std::function<void()>& action) {
        auto* b = new QPushButton(text, row);
        layout->addWidget(b);
        connect(b, &QPushButton::clicked, this, [this, action] {
            action();
            refreshPreview();
        });
    };
    button(tr("Add"), [table, add] {
        add();
        table->setCurrentCell(table->rowCount() - 1, 0);
        table->editItem(table->item(table->rowCount() - 1, 0));
    });
    button(tr("Remove"), [table] {
        if (table->currentRow() >= 0)
            table->removeRow(table->currentRow());
    });
    for (int delta : {-1, 1})
        button(delta < 0 ? tr("Up") : tr("Down"), [table, delta] {
            const int from = table->currentRow();
            const int to = from + delta;
            if (from < 0 || to < 0 || to >= table->rowCount())
                return;
            for (int c = 0; c < table->columnCount(); ++c) {
                QTableWidgetItem* a = table->takeItem(from, c);
                QTableWidgetItem* b = table->takeItem(to, c);
                table->setItem(from, c, b);
                table->setItem(to, c, a);
            }
            table->setCurrentCell(to, table->currentColumn());
        });
    layout->addStretch(1);
    return row;
}

void TemplateEditorDialog::setSampleGoods(const core::Goods& goods)
{
    m_samples.prepend(goods);
    m_sample->insertItem(0, tr("%1 (this goods)").arg(goods.name));
    m_sample->setCurrentIndex(0);
}

void TemplateEditorDialog::fillList(qint64 select)
{
    m_filling = true;
    m_list->clear();
    for (const storage::StoredTemplate& t : m_library->templates()) {
        const QString kind = t.tpl.kind == u"card"     ? tr("card secrets")
                             : t.tpl.kind == u"direct" ? tr("direct recharge")
                                                       : tr("any");
        auto* item =
            new QListWidgetItem(tr("%1\n%2 · %n goods", "", int(t.goodsCount)).arg(t.tpl.name, kind), m_list);
        item->setData(Qt::UserRole, t.tpl.id);
        if (t.tpl.id == select)
            m_list->setCurrentItem(item);
    }
    m_filling = false;
    m_duplicate->setEnabled(m_library->canEdit());
}

void TemplateEditorDialog::selectTemplate(qint64 id)
{
    if (id == m_shown.id && id != 0)
        return;
    if (!confirmDiscard()) {
        fillList(m_shown.id); // back to the template still shown
        return;
    }
    for (const storage::StoredTemplate& t : m_library->templates())
        if (t.tpl.id == id) {
            fillList(id);
            return showTemplate(t.tpl);
        }
}

void TemplateEditorDialog::showTemplate(const core::ListingTemplate& tpl)
{
    m_filling = true;
    m_name->setText(tpl.name);
    m_kind->setCurrentIndex(std::max(0, m_kind->findData(tpl.kind)));
    m_maxLength->setValue(tpl.maxTitleLength);
    m_parts->setRowCount(0);
    for (const core::TitlePart& p : tpl.titleParts)
        addRow(m_parts, p.label, p.pattern, p.required);
    m_specName->setText(tpl.spec.name);
    m_specPattern->setText(tpl.spec.pattern);
    m_specUnit->setText(tpl.spec.unit);
    m_stockCap->setValue(int(tpl.spec.stockCap));
    m_sections->setRowCount(0);
    for (const core::DescriptionSection& s : tpl.sections)
        addRow(m_sections, s.heading, s.text, s.required);
    m_filling = false;
    m_shown = rawForm();
    m_shown.id = tpl.id;
    m_delete->setEnabled(tpl.id > 0 && m_library->canEdit());
    refreshPreview();
}

core::ListingTemplate TemplateEditorDialog::rawForm() const
{
    core::ListingTemplate t;
    t.id = m_shown.id;
    t.name = m_name->text().trimmed();
    t.kind = m_kind->currentData().toString();
    t.maxTitleLength = m_maxLength->value();
    for (int r = 0; r < m_parts->rowCount(); ++r)
        t.titleParts.append({cell(m_parts, r, 0).trimmed(), cell(m_parts, r, 1), checked(m_parts, r, 2)});
    t.spec = {m_specName->text().trimmed(), m_specPattern->text(), m_specUnit->text().trimmed(),
              m_stockCap->value()};
    for (int r = 0; r < m_sections->rowCount(); ++r)
        t.sections.append(
            {cell(m_sections, r, 0).trimmed(), cell(m_sections, r, 1), checked(m_sections, r, 2)});
    return t;
}

std::optional<core::ListingTemplate> TemplateEditorDialog::formTemplate(QString* error) const
{
    const core::ListingTemplate t = rawForm();
    if (auto valid = core::listing::validate(t); !valid) {
        if (error)
            *error = tr("The template cannot be saved: %1").arg(valid.error().detail);
        return std::nullopt;
    }
    return t;
}

bool TemplateEditorDialog::hasUnsavedChanges() const
{
    return !m_filling && rawForm() != m_shown;
}

void TemplateEditorDialog::refreshPreview()
{
    if (m_filling)
        return;
    const core::ListingTemplate tpl = rawForm();
    const core::Goods goods = m_samples.value(m_sample->currentIndex());
    const core::Listing l = core::listing::render(tpl, goods);
    m_previewTitle->setText(l.title);
    m_previewSpec->setText(tr("%1: %2").arg(tpl.spec.name.isEmpty() ? tr("Spec") : tpl.spec.name, l.spec));
    m_previewDescription->setPlainText(l.description);
    QString error;
    QStringList lines;
    if (!formTemplate(&error))
        lines << error;
    else
        for (const core::ListingProblem& p : core::listing::check(l, tpl, goods))
            lines << models::GoodsEditor::describe(p);
    m_previewCheck->setText(lines.isEmpty() ? tr("✓ The suggestion follows the template.")
                                            : lines.join(u'\n'));
    m_previewCheck->setStyleSheet(lines.isEmpty() ? u"color: #2E7D32;"_s : u"color: #C62828;"_s);
    setWindowTitle(tr("Listing templates") + (hasUnsavedChanges() ? u" *"_s : QString()));
}

QString TemplateEditorDialog::freeName(const QString& base) const
{
    QString name = base;
    for (int n = 2;; ++n) {
        const auto& all = m_library->templates();
        if (std::none_of(all.cbegin(), all.cend(),
                         [&](const storage::StoredTemplate& t) { return t.tpl.name == name; }))
            return name;
        name = u"%1 %2"_s.arg(base).arg(n);
    }
}

void TemplateEditorDialog::newTemplate()
{
    if (!confirmDiscard())
        return;
    core::ListingTemplate tpl = core::listing::defaultTemplates().at(0);
    tpl.kind.clear();
    tpl.name = freeName(tr("New template"));
    m_list->setCurrentRow(-1);
    m_shown = {};
    showTemplate(tpl);
    m_shown = {}; // new: unsaved until saved
    refreshPreview();
    setStatus(tr("A new template: it is listed once saved."));
    m_name->setFocus();
    m_name->selectAll();
}

void TemplateEditorDialog::duplicateTemplate()
{
    core::ListingTemplate tpl = rawForm();
    if (!confirmDiscard())
        return;
    tpl.id = 0;
    tpl.kind.clear(); // one default a kind is enough; the copy is chosen by hand
    tpl.name = freeName(tr("%1 copy").arg(tpl.name));
    m_list->setCurrentRow(-1);
    showTemplate(tpl);
    m_shown = {};
    refreshPreview();
    setStatus(tr("A copy: it is listed once saved."));
}

void TemplateEditorDialog::deleteTemplate()
{
    if (m_shown.id <= 0)
        return;
    qint64 goods = 0;
    for (const storage::StoredTemplate& t : m_library->templates())
        if (t.tpl.id == m_shown.id)
            goods = t.goodsCount;
    const QString question =
        goods > 0
            ? tr("%n goods follow “%1”; they will be left without a template. Delete it?", "", int(goods))
                  .arg(m_shown.name)
            : tr("Delete the template “%1”?").arg(m_shown.name);
    if (!ask(tr("Delete template"), question, tr("Delete")))
        return;
    const QString name = m_shown.name;
    setStatus(tr("Deleting…"));
    QObject* once = new QObject(this);
    connect(m_library, &models::TemplateLibrary::finished, once,
            [this, once, name](bool ok, qint64, const QString& e) {
                once->deleteLater();
                if (ok) {
                    m_shown = {};
                    setStatus(tr("Deleted “%1”.").arg(name));
                    m_library->load();
                } else {
                    setStatus(tr("Not deleted: %1").arg(e), true);
                }
                Q_EMIT finished(ok);
            });
    m_library->remove(m_shown.id, true);
}

void TemplateEditorDialog::save()
{
    if (!m_save->isEnabled())
        return;
    QString error;
    const auto tpl = formTemplate(&error);
    if (!tpl) {
        setStatus(error, true);
        return Q_EMIT finished(false);
    }
    setStatus(tr("Saving…"));
    QObject* once = new QObject(this);
    connect(m_library, &models::TemplateLibrary::finished, once,
            [this, once, tpl](bool ok, qint64 id, const QString& e) {
                once->deleteLater();
                if (ok) {
                    m_shown = *tpl;
                    m_shown.id = id;
                    m_selectAfterLoad = id;
                    setStatus(tr("Saved “%1”.").arg(tpl->name));
                    m_library->load();
                } else {
                    setStatus(tr("Not saved: %1").arg(e), true);
                }
                Q_EMIT finished(ok);
            });
    m_library->save(*tpl);
}

void TemplateEditorDialog::setStatus(const QString& text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? u"color: #C62828;"_s : QString());
}

bool TemplateEditorDialog::ask(const QString& title, const QString& question, const QString& accept)
{
    return m_confirm ? m_confirm(title, question, accept) : askBox(this, title, question, accept);
}

bool TemplateEditorDialog::confirmDiscard()
{
    return !hasUnsavedChanges() ||
           ask(tr("Unsaved changes"),
               tr("The changes to the template “%1” are not saved. Discard them?").arg(m_name->text()),
               tr("Discard"));
}

void TemplateEditorDialog::reject()
{
    if (!m_closing && !confirmDiscard())
        return;
    m_closing = true;
    QDialog::reject();
    m_closing = false;
}

void TemplateEditorDialog::closeEvent(QCloseEvent* event)
{
    if (!m_closing && !confirmDiscard())
        return event->ignore();
    m_closing = true;
    QDialog::closeEvent(event);
    m_closing = false;
}

} // namespace cardops::ui
