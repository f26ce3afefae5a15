#include "ui/listingeditwidget.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cardops::ui {
namespace {

const QColor kRed(0xC6, 0x28, 0x28);

void colour(QLabel* label, const QString& colour)
{
    label->setStyleSheet(colour.isEmpty() ? QString() : u"color: %1;"_s.arg(colour));
}

} // namespace

bool askBox(QWidget* parent, const QString& title, const QString& question, const QString& accept)
{
    QMessageBox box(QMessageBox::Warning, title, question, QMessageBox::NoButton, parent);
    QPushButton* yes = box.addButton(accept, QMessageBox::AcceptRole);
    box.setDefaultButton(box.addButton(QMessageBox::Cancel));
    box.exec();
    return box.clickedButton() == yes;
}

ListingEditWidget::ListingEditWidget(const models::GoodsEditor& editor, Ask ask, QWidget* parent)
    : QWidget(parent)
    , m_editor(editor)
    , m_ask(std::move(ask))
{
    auto* left = new QVBoxLayout;
    auto* chooser = new QHBoxLayout;
    m_template = new QComboBox(this);
    m_template->setMinimumWidth(220);
    m_template->setToolTip(tr("The listing template this goods follows"));
    auto* manage = new QPushButton(tr("Templates…"), this);
    manage->setToolTip(tr("Edit the listing templates"));
    chooser->addWidget(new QLabel(tr("Template"), this));
    chooser->addWidget(m_template, 1);
    chooser->addWidget(manage);
    left->addLayout(chooser);

    auto* form = new QFormLayout;
    m_title = new QLineEdit(this);
    m_titleLength = new QLabel(this);
    auto* titleRow = new QHBoxLayout;
    titleRow->addWidget(m_title, 1);
    titleRow->addWidget(m_titleLength);
    m_specName = new QLabel(tr("Spec"), this);
    m_spec = new QLineEdit(this);
    m_description = new QPlainTextEdit(this);
    m_description->setTabChangesFocus(true);
    form->addRow(tr("Title"), titleRow);
    form->addRow(m_specName, m_spec);
    form->addRow(tr("Description"), m_description);
    left->addLayout(form, 1);
    m_checkSummary = new QLabel(this);
    m_checkSummary->setWordWrap(true);
    m_checkSummary->setStyleSheet(u"font-weight: bold;"_s);
    m_checkList = new QListWidget(this);
    m_checkList->setMaximumHeight(120);
    left->addWidget(m_checkSummary);
    left->addWidget(m_checkList);

    auto* preview = new QGroupBox(tr("Preview: what the template suggests"), this);
    auto* pl = new QVBoxLayout(preview);
    m_previewTitle = new QLabel(preview);
    m_previewTitle->setWordWrap(true);
    m_previewTitle->setStyleSheet(u"font-weight: bold;"_s);
    m_previewTitle->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_previewSpec = new QLabel(preview);
    m_previewDescription = new QPlainTextEdit(preview);
    m_previewDescription->setReadOnly(true);
    m_apply = new QPushButton(tr("Apply template"), preview);
    m_apply->setToolTip(tr("Fill the title, spec and description from the template"));
    pl->addWidget(m_previewTitle);
    pl->addWidget(m_previewSpec);
    pl->addWidget(m_previewDescription, 1);
    pl->addWidget(m_apply, 0, Qt::AlignRight);

    auto* layout = new QHBoxLayout(this);
    layout->addLayout(left, 3);
    layout->addWidget(preview, 2);
    const auto edited = [this] {
        if (!m_setting)
            Q_EMIT changed();
    };
    connect(m_template, &QComboBox::currentIndexChanged, this, edited);
    connect(m_title, &QLineEdit::textChanged, this, edited);
    connect(m_spec, &QLineEdit::textChanged, this, edited);
    connect(m_description, &QPlainTextEdit::textChanged, this, edited);
    connect(m_apply, &QPushButton::clicked, this, &ListingEditWidget::apply);
    connect(manage, &QPushButton::clicked, this, &ListingEditWidget::manageTemplatesRequested);
}

void ListingEditWidget::fillTemplates(std::optional<qint64> selected)
{
    const bool was = std::exchange(m_setting, true);
    const qint64 suggested = m_editor.templateSuggested() ? m_editor.original().templateId.value_or(0) : 0;
    m_template->clear();
    m_template->addItem(tr("No template (not checked)"), qint64(-1));
    for (const storage::StoredTemplate& t : m_editor.data().templates)
        m_template->addItem(t.tpl.id == suggested ? tr("%1 (suggested for this kind)").arg(t.tpl.name)
                                                  : t.tpl.name,
                            t.tpl.id);
    m_template->setCurrentIndex(std::max(0, m_template->findData(selected ? *selected : qint64(-1))));
    m_setting = was;
}

void ListingEditWidget::setListing(const core::Listing& listing)
{
    const bool was = std::exchange(m_setting, true);
    m_title->setText(listing.title);
    m_spec->setText(listing.spec);
    m_description->setPlainText(listing.description);
    m_setting = was;
}

core::Listing ListingEditWidget::listing() const
{
    return {m_title->text(), m_spec->text(), m_description->toPlainText()};
}

std::optional<qint64> ListingEditWidget::templateId() const
{
    const qint64 id = m_template->currentData().toLongLong();
    return id > 0 ? std::optional<qint64>(id) : std::nullopt;
}

void ListingEditWidget::showCheck(const models::GoodsEdit& edit)
{
    m_last = edit;
    const auto tpl = m_editor.templateById(edit.templateId);
    const QList<core::ListingProblem> problems = m_editor.problems(edit);
    m_hasProblems = !problems.isEmpty();
    const qsizetype length = edit.listing.title.trimmed().toUcs4().size();
    m_titleLength->setText(tpl ? u"%1/%2"_s.arg(length).arg(tpl->maxTitleLength) : QString::number(length));
    colour(m_titleLength, tpl && length > tpl->maxTitleLength ? kRed.name() : QString());
    m_specName->setText(tpl && !tpl->spec.name.isEmpty() ? tr("Spec (%1)").arg(tpl->spec.name) : tr("Spec"));
    m_checkList->clear();
    for (const core::ListingProblem& p : problems) {
        auto* item = new QListWidgetItem(models::GoodsEditor::describe(p), m_checkList);
        item->setForeground(kRed);
    }
    m_checkList->setVisible(!problems.isEmpty());
    if (!tpl) {
        m_checkSummary->setText(tr("No template: the listing is not checked."));
        colour(m_checkSummary, QString());
    } else if (problems.isEmpty()) {
        m_checkSummary->setText(tr("✓ Follows the template “%1”.").arg(tpl->name));
        colour(m_checkSummary, u"#2E7D32"_s);
    } else {
        const QString missing = models::GoodsEditor::missingSummary(problems);
        m_checkSummary->setText(u"⚠ "_s + (missing.isEmpty()
                                               ? tr("Does not follow the template “%1”.").arg(tpl->name)
                                               : missing));
        colour(m_checkSummary, kRed.name());
    }
    const core::Listing suggestion = m_editor.suggestion(edit);
    m_previewTitle->setText(tpl ? suggestion.title : tr("Choose a template to see its suggestion."));
    m_previewSpec->setText(
        tpl ? tr("%1: %2").arg(tpl->spec.name.isEmpty() ? tr("Spec") : tpl->spec.name, suggestion.spec)
            : QString());
    m_previewDescription->setPlainText(suggestion.description);
    m_apply->setEnabled(tpl.has_value());
}

void ListingEditWidget::apply()
{
    models::GoodsEdit edit = m_last;
    edit.templateId = templateId();
    const core::Listing suggestion = m_editor.suggestion(edit);
    const core::Listing now = listing();
    if (suggestion == now)
        return;
    const bool written = !now.title.trimmed().isEmpty() || !now.spec.trimmed().isEmpty() ||
                         !now.description.trimmed().isEmpty();
    if (written &&
        !m_ask(tr("Apply the template"),
               tr("Replace the title, spec and description with the template's suggestion?"), tr("Replace")))
        return;
    setListing(suggestion);
    Q_EMIT changed();
}

} // namespace cardops::ui
