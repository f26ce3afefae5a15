#include "ui/goodseditordialog.h"

#include "ui/goodseditor_p.h"

#include "models/datasource.h"
#include "ui/listingeditwidget.h"
#include "ui/templateeditordialog.h"

#include <QCheckBox>
#include <QCloseEvent>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSet>
#include <QShortcut>
#include <QSpinBox>
#include <QStyle>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace cardops::ui {
using goodseditor::colour;
using goodseditor::hint;
using goodseditor::kBadField;
using goodseditor::kRed;
using goodseditor::parseMoney;

GoodsEditorDialog::GoodsEditorDialog(models::DataSource& source, const core::Actor& actor, qint64 goodsId,
                                     QWidget* parent)
    : QDialog(parent)
    , m_source(source)
    , m_editor(new models::GoodsEditor(source, actor, goodsId, this))
{
    setObjectName(u"goodsEditor"_s);
    setWindowTitle(tr("Goods #%1").arg(goodsId));
    m_tabs = new QTabWidget(this);
    m_tabs->addTab(buildBasics(), tr("Basics"));
    m_tabs->addTab(buildPrices(), tr("Prices"));
    m_listing = new ListingEditWidget(
        *m_editor, [this](const QString& t, const QString& q, const QString& a) { return ask(t, q, a); },
        this);
    m_tabs->addTab(m_listing, tr("Listing"));
    connect(m_listing, &ListingEditWidget::changed, this, &GoodsEditorDialog::refresh);
    connect(m_listing, &ListingEditWidget::manageTemplatesRequested, this,
            &GoodsEditorDialog::manageTemplates);
    m_tabs->setEnabled(false);

    m_status = new QLabel(tr("Loading…"), this);
    m_status->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(this);
    m_saveButton = buttons->addButton(tr("Save"), QDialogButtonBox::AcceptRole);
    m_saveButton->setToolTip(tr("Save (Ctrl+S): sent to the platform; shown as pending until it accepts"));
    m_saveButton->setEnabled(false);
    buttons->addButton(QDialogButtonBox::Close);
    connect(m_saveButton, &QPushButton::clicked, this, &GoodsEditorDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &GoodsEditorDialog::reject);
    auto* saveShortcut = new QShortcut(QKeySequence::Save, this);
    connect(saveShortcut, &QShortcut::activated, this, &GoodsEditorDialog::save);

    auto* bottom = new QHBoxLayout;
    bottom->addWidget(m_status, 1);
    bottom->addWidget(buttons);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs, 1);
    layout->addLayout(bottom);

    connect(m_editor, &models::GoodsEditor::loaded, this, [this] {
        // Unsaved edits (against what the fields were filled with) stay; otherwise the new values show.
        const auto e = currentEdit();
        const bool keep = m_populated && (!e || e->wireFields() != m_shown.wireFields() ||
                                          e->templateId != m_shown.templateId);
        if (std::exchange(m_keptGoods, false) && !keep)
            return m_editor->load(); // the edit was undone meanwhile: read the goods as it is now
        if (keep) {
            m_listing->fillTemplates(m_listing->templateId());
            refresh();
        } else {
            populate();
        }
        const auto& d = m_editor->data();
        m_tabs->setEnabled(true);
        m_saveButton->setEnabled(m_editor->canEdit());
        if (!m_editor->canEdit())
            setStatus(tr("Read only: editing needs a signed-in operator and a writable cache."));
        else if (d.conflicts > 0)
            setStatus(tr("%n edit(s) of this goods were refused or are in conflict: see the sync status.", "",
                         int(d.conflicts)),
                      true);
        else if (d.pendingEdits > 0)
            setStatus(tr("%n edit(s) waiting for the platform (pending sync).", "", int(d.pendingEdits)));
        else if (m_status->text() == tr("Loading…"))
            setStatus(QString());
        Q_EMIT loaded();
    });
    connect(m_editor, &models::GoodsEditor::loadFailed, this, [this](const QString& error) {
        setStatus(tr("The goods cannot be shown: %1").arg(error), true);
    });
    connect(m_editor, &models::GoodsEditor::saveFinished, this, &GoodsEditorDialog::finishSave);
    connect(&source, &models::DataSource::tablesChanged, this, [this](const QSet<QString>& tables) {
        const bool touched = models::GoodsEditor::readsFrom(tables);
        if (touched && m_populated && !m_editor->isBusy()) {
            m_keptGoods = hasUnsavedChanges();
            m_editor->load(m_keptGoods);
        }
    });
    resize(920, 680);
    m_editor->load();
}

GoodsEditorDialog* GoodsEditorDialog::open(models::DataSource& source, const core::Actor& actor,
                                           qint64 goodsId, QWidget* parent)
{
    for (GoodsEditorDialog* d : parent->findChildren<GoodsEditorDialog*>(Qt::FindDirectChildrenOnly))
        if (d->goodsId() == goodsId) {
            d->showNormal();
            d->raise();
            d->activateWindow();
            return d;
        }
    auto* dialog = new GoodsEditorDialog(source, actor, goodsId, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setModal(false);
    dialog->show();
    return dialog;
}

qint64 GoodsEditorDialog::goodsId() const
{
    return m_editor->goodsId();
}

QWidget* GoodsEditorDialog::buildBasics()
{
    auto* page = new QWidget(this);
    auto* form = new QFormLayout(page);
    m_name = new QLabel(page);
    m_name->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_sku = new QLabel(page);
    m_sku->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_sku->setToolTip(tr("The platform does not let the SKU change"));
    m_kind = new QLabel(page);
    m_category = new QComboBox(page);
    m_sort = new QSpinBox(page);
    m_sort->setRange(0, 1'000'000'000);
    m_sort->setToolTip(tr("Order within the category: smaller first"));
    m_onSale = new QCheckBox(tr("On sale"), page);
    m_owner = new QComboBox(page);
    m_owner->addItem(tr("Platform delivers"), u"platform"_s);
    m_owner->addItem(tr("CardOps delivers"), u"cardops"_s);
    m_owner->setToolTip(tr("CardOps delivers: the platform hands every paid order of this goods to CardOps's "
                           "rules and suppliers"));
    m_threshold = new QSpinBox(page);
    m_threshold->setRange(0, 1'000'000'000);
    m_threshold->setToolTip(tr("Below this stock a low-stock alert is raised; 0 = no alert"));
    m_stock = new QLabel(page);
    auto* thresholdRow = new QHBoxLayout;
    thresholdRow->addWidget(m_threshold);
    thresholdRow->addWidget(m_stock, 1);
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("SKU"), m_sku);
    form->addRow(tr("Kind · face value"), m_kind);
    form->addRow(tr("Category"), m_category);
    form->addRow(tr("Sort"), m_sort);
    form->addRow(tr("Status"), m_onSale);
    form->addRow(tr("Delivered by"), m_owner);
    form->addRow(tr("Low-stock threshold"), thresholdRow);
    form->addRow(hint(tr("The name and SKU are the platform's; change them there."), page));
    connect(m_category, &QComboBox::currentIndexChanged, this, &GoodsEditorDialog::refresh);
    connect(m_owner, &QComboBox::currentIndexChanged, this, &GoodsEditorDialog::refresh);
    connect(m_sort, &QSpinBox::valueChanged, this, &GoodsEditorDialog::refresh);
    connect(m_threshold, &QSpinBox::valueChanged, this, &GoodsEditorDialog::refresh);
    connect(m_onSale, &QCheckBox::toggled, this, &GoodsEditorDialog::refresh);
    return page;
}

void GoodsEditorDialog::populate()
{
    m_populating = true;
    const auto& d = m_editor->data();
    const core::Goods& g = d.goods;
    const models::GoodsEdit e = m_editor->original();
    m_shown = e;
    setWindowTitle(tr("Goods · %1").arg(g.name));
    m_name->setText(g.name);
    m_sku->setText(g.sku);
    m_kind->setText((g.kind == u"direct" ? tr("Direct recharge") : tr("Card secret")) + u" · "_s +
                    models::GoodsEditor::yuan(g.faceValue));
    m_category->clear();
    for (const auto& [id, name] : m_editor->categoryChoices())
        m_category->addItem(name, id);
    if (m_category->findData(e.categoryId) < 0)
        m_category->addItem(tr("Category #%1").arg(e.categoryId), e.categoryId);
    m_category->setCurrentIndex(m_category->findData(e.categoryId));
    m_sort->setValue(int(e.sort));
    m_onSale->setChecked(e.status == u"on");
    m_owner->setCurrentIndex(std::max(0, m_owner->findData(e.owner)));
    m_threshold->setValue(int(e.lowStockThreshold));
    m_stock->setText(tr("stock now: %1").arg(g.stockAvailable));

    m_price->setText(models::GoodsEditor::yuan(e.price));
    fillTiers();
    m_contracts->setRowCount(0);
    for (const models::ContractPrice& c : e.contractPrices)
        addContractRow(c.memberId, models::GoodsEditor::yuan(c.price));

    m_listing->fillTemplates(e.templateId);
    m_listing->setListing(e.listing);
    m_populating = false;
    m_populated = true;
    refresh();
}

std::optional<models::GoodsEdit> GoodsEditorDialog::currentEdit(QString* error) const
{
    QStringList bad;
    models::GoodsEdit e = m_editor->original();
    e.categoryId = m_category->currentData().toLongLong();
    e.sort = m_sort->value();
    e.status = m_onSale->isChecked() ? u"on"_s : u"off"_s;
    e.owner = m_owner->currentData().toString();
    e.lowStockThreshold = m_threshold->value();
    if (auto p = parseMoney(m_price->text()))
        e.price = *p;
    else
        bad << tr("the price");
    e.tierPrices.clear();
    for (const auto& [tier, field] : m_tierFields) {
        if (field->text().trimmed().isEmpty())
            continue;
        if (auto p = parseMoney(field->text()))
            e.tierPrices.insert(tier, *p);
        else
            bad << tr("a tier price");
    }
    e.contractPrices.clear();
    QSet<qint64> members;
    for (int r = 0; r < m_contracts->rowCount(); ++r) {
        bool ok = false;
        const qint64 member = m_contracts->item(r, 0)->text().trimmed().toLongLong(&ok);
        const auto price = parseMoney(m_contracts->item(r, 2)->text());
        if (!ok || member <= 0 || members.contains(member) || !price)
            bad << tr("contract price row %1").arg(r + 1);
        else
            e.contractPrices.append({member, *price});
        members.insert(member);
    }
    e.listing = m_listing->listing();
    e.templateId = m_listing->templateId();
    if (error)
        *error = bad.isEmpty() ? QString() : tr("Not a valid value: %1").arg(bad.join(tr(", ")));
    if (!bad.isEmpty())
        return std::nullopt;
    return e;
}

bool GoodsEditorDialog::hasUnsavedChanges() const
{
    if (!m_populated)
        return false;
    const auto e = currentEdit();
    return !e || m_editor->isChanged(*e);
}

void GoodsEditorDialog::refresh()
{
    if (m_populating || !m_populated)
        return;
    // Bad money stays in its field, marked; everything else is computed from the last good values.
    const bool priceBad = !parseMoney(m_price->text());
    m_price->setStyleSheet(priceBad ? kBadField : QString());
    m_priceError->setText(priceBad ? tr("Enter yuan with at most 4 decimals, e.g. 98.50") : QString());
    for (const auto& [tier, field] : m_tierFields)
        field->setStyleSheet(!field->text().trimmed().isEmpty() && !parseMoney(field->text()) ? kBadField
                                                                                              : QString());
    const bool was = std::exchange(m_populating, true);
    for (int r = 0; r < m_contracts->rowCount(); ++r)
        for (int c : {0, 2}) {
            QTableWidgetItem* item = m_contracts->item(r, c);
            bool number = false;
            const bool ok = c == 0 ? item->text().trimmed().toLongLong(&number) > 0 && number
                                   : parseMoney(item->text()).has_value();
            item->setBackground(ok ? QBrush() : QBrush(QColor(0xFF, 0xE0, 0xE0)));
            item->setToolTip(ok       ? QString()
                             : c == 0 ? tr("A member id")
                                      : tr("Yuan with at most 4 decimals"));
        }
    m_populating = was;

    QString error;
    const auto edit = currentEdit(&error);
    models::GoodsEdit shown = m_editor->original();
    if (edit)
        shown = *edit;
    else if (auto p = parseMoney(m_price->text()))
        shown.price = *p;
    if (!edit) {
        shown.listing = m_listing->listing();
        shown.templateId = m_listing->templateId();
    }
    refreshPrices(&shown);
    m_listing->showCheck(shown);
    m_tabs->setTabIcon(2, m_listing->hasProblems() ? style()->standardIcon(QStyle::SP_MessageBoxWarning)
                                                   : QIcon());
    const bool dirty = hasUnsavedChanges();
    setWindowTitle(tr("Goods · %1").arg(m_editor->data().goods.name) + (dirty ? u" *"_s : QString()));
    if (!edit && !error.isEmpty())
        setStatus(error, true);
    else if (m_status->property("fieldError").toBool())
        setStatus(QString());
    m_status->setProperty("fieldError", !edit);
}

void GoodsEditorDialog::manageTemplates()
{
    auto* dialog = new TemplateEditorDialog(m_source, m_editor->actor(), this);
    if (const auto edit = currentEdit())
        dialog->setSampleGoods(m_editor->goodsWith(*edit));
    else
        dialog->setSampleGoods(m_editor->data().goods);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void GoodsEditorDialog::save()
{
    if (!m_populated || m_editor->isBusy() || !m_saveButton->isEnabled())
        return;
    QString error;
    const auto edit = currentEdit(&error);
    if (!edit) {
        setStatus(error, true);
        return;
    }
    if (!m_editor->isChanged(*edit)) {
        setStatus(tr("Nothing to save."));
        return;
    }
    // The listing is checked when it, its template or the price (a promotion's discount) changes.
    const QJsonObject changed = m_editor->changedFields(*edit);
    const bool listingTouched = changed.contains(u"listing"_s) || changed.contains(u"price"_s) ||
                                edit->templateId != m_editor->original().templateId;
    const QList<core::ListingProblem> problems = m_editor->problems(*edit);
    if (listingTouched && !problems.isEmpty()) {
        QStringList lines;
        for (const core::ListingProblem& p : problems)
            lines << u"• "_s + models::GoodsEditor::describe(p);
        const QString missing = models::GoodsEditor::missingSummary(problems);
        if (!ask(tr("The listing does not follow its template"),
                 (missing.isEmpty() ? QString() : missing + u"\n\n"_s) + lines.join(u'\n') + u"\n\n"_s +
                     tr("Save anyway?"),
                 tr("Save anyway")))
            return;
    }
    const QStringList below = m_editor->belowCost(*edit);
    if (!below.isEmpty() &&
        !ask(tr("Selling below cost"),
             below.join(u'\n') + u"\n\n"_s + tr("Every sale at this price loses money. Save it anyway?"),
             tr("Save below cost")))
        return;
    setStatus(tr("Saving…"));
    m_saveButton->setEnabled(false);
    m_saving = *edit;
    m_editor->save(*edit, !below.isEmpty());
}

void GoodsEditorDialog::finishSave(models::GoodsEditor::Outcome outcome, qint64 outboxId,
                                   const QString& detail)
{
    using Outcome = models::GoodsEditor::Outcome;
    m_saveButton->setEnabled(m_editor->canEdit());
    switch (outcome) {
    case Outcome::Saved:
        setStatus(outboxId > 0 ? tr("Saved: waiting for the platform to accept it (pending sync).")
                               : tr("Saved."));
        m_keptGoods = false;
        m_shown = m_saving; // the fields now show what the cache holds
        m_editor->load();
        return Q_EMIT saveFinished(true, QString());
    case Outcome::NothingChanged:
        setStatus(tr("Nothing to save."));
        return Q_EMIT saveFinished(true, QString());
    case Outcome::BelowCost:
        setStatus(tr("Not saved: %1").arg(detail), true);
        break;
    case Outcome::ChangedMeanwhile:
        setStatus(tr("Not saved: %1 changed on the platform meanwhile. Close and open the goods again to see "
                     "the new values (your changes are lost then).")
                      .arg(detail),
                  true);
        break;
    case Outcome::NotAllowed:
    case Outcome::Failed:
        setStatus(tr("Not saved: %1").arg(detail), true);
        break;
    }
    Q_EMIT saveFinished(false, m_status->text());
}

void GoodsEditorDialog::setStatus(const QString& text, bool error)
{
    m_status->setText(text);
    colour(m_status, error ? std::optional(kRed) : std::nullopt);
}

bool GoodsEditorDialog::ask(const QString& title, const QString& question, const QString& accept)
{
    return m_confirm ? m_confirm(title, question, accept) : askBox(this, title, question, accept);
}

bool GoodsEditorDialog::confirmDiscard()
{
    return !hasUnsavedChanges() ||
           ask(tr("Unsaved changes"),
               tr("The changes to %1 are not saved. Discard them?").arg(m_editor->data().goods.name),
               tr("Discard"));
}

void GoodsEditorDialog::reject()
{
    if (!m_closing && !confirmDiscard())
        return;
    m_closing = true;
    QDialog::reject();
    m_closing = false;
}

void GoodsEditorDialog::closeEvent(QCloseEvent* event)
{
    if (!m_closing && !confirmDiscard())
        return event->ignore();
    m_closing = true; // QDialog::closeEvent rejects: asked once is enough
    QDialog::closeEvent(event);
    m_closing = false;
}

} // namespace cardops::ui
