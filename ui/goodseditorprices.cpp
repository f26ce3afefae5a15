// GoodsEditorDialog's price tab: the price, tier and contract prices, with cost and margin as typed.
#include "ui/goodseditordialog.h"

#include "models/datasource.h"
#include "ui/goodseditor_p.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cardops::ui {

using goodseditor::colour;
using goodseditor::hint;
using goodseditor::kBadField;
using goodseditor::kRed;
using goodseditor::parseMoney;

QWidget* GoodsEditorDialog::buildPrices()
{
    auto* page = new QWidget(this);
    auto* layout = new QVBoxLayout(page);
    auto* form = new QFormLayout;
    m_price = new QLineEdit(page);
    m_price->setPlaceholderText(tr("e.g. 98.50"));
    m_price->setMaximumWidth(180);
    m_priceError = new QLabel(page);
    colour(m_priceError, kRed);
    auto* priceRow = new QHBoxLayout;
    priceRow->addWidget(m_price);
    priceRow->addWidget(m_priceError, 1);
    m_cost = new QLabel(page);
    m_margin = new QLabel(page);
    m_belowCost = new QLabel(tr("Below cost: saving asks you to confirm selling at a loss."), page);
    colour(m_belowCost, kRed);
    m_belowCost->hide();
    form->addRow(tr("Price (yuan)"), priceRow);
    form->addRow(tr("Cost"), m_cost);
    form->addRow(tr("Margin"), m_margin);
    form->addRow(QString(), m_belowCost);
    layout->addLayout(form);

    auto* tiers = new QGroupBox(tr("Tier prices (empty: the tier's discount applies)"), page);
    m_tierBox = tiers;
    new QFormLayout(tiers);
    layout->addWidget(tiers);

    auto* contracts = new QGroupBox(tr("Contract prices"), page);
    auto* cl = new QVBoxLayout(contracts);
    m_contracts = new QTableWidget(0, 3, contracts);
    m_contracts->setHorizontalHeaderLabels({tr("Member id"), tr("Member"), tr("Price")});
    m_contracts->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_contracts->verticalHeader()->hide();
    m_contracts->setSelectionBehavior(QAbstractItemView::SelectRows);
    auto* add = new QPushButton(tr("Add"), contracts);
    auto* removeRow = new QPushButton(tr("Remove"), contracts);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(removeRow);
    buttons->addStretch(1);
    cl->addWidget(m_contracts);
    cl->addLayout(buttons);
    layout->addWidget(contracts, 1);
    connect(add, &QPushButton::clicked, this, [this] {
        addContractRow(0, QString());
        m_contracts->editItem(m_contracts->item(m_contracts->rowCount() - 1, 0));
    });
    connect(removeRow, &QPushButton::clicked, this, [this] {
        if (m_contracts->currentRow() >= 0)
            m_contracts->removeRow(m_contracts->currentRow());
        refresh();
    });
    connect(m_contracts, &QTableWidget::itemChanged, this, [this](QTableWidgetItem* item) {
        if (m_populating || item->column() != 0)
            return refresh();
        const qint64 id = item->text().trimmed().toLongLong();
        if (QTableWidgetItem* name = m_contracts->item(item->row(), 1))
            name->setText(m_editor->data().memberNames.value(id));
        if (id > 0 && !m_editor->data().memberNames.contains(id))
            m_editor->lookUpMembers({id});
        refresh();
    });
    connect(m_editor, &models::GoodsEditor::membersFound, this, [this](const QHash<qint64, QString>& names) {
        const bool was = std::exchange(m_populating, true);
        for (int r = 0; r < m_contracts->rowCount(); ++r) {
            const qint64 id = m_contracts->item(r, 0)->text().trimmed().toLongLong();
            if (id > 0 && m_contracts->item(r, 1)->text().isEmpty())
                m_contracts->item(r, 1)->setText(names.value(id, tr("(not in the cache)")));
        }
        m_populating = was;
    });
    connect(m_price, &QLineEdit::textChanged, this, &GoodsEditorDialog::refresh);
    return page;
}

void GoodsEditorDialog::fillTiers()
{
    auto* form = static_cast<QFormLayout*>(m_tierBox->layout());
    while (form->rowCount() > 0)
        form->removeRow(0);
    m_tierFields.clear();
    m_tierMargins.clear();
    const models::GoodsEdit e = m_editor->original();
    QList<storage::TierInfo> tiers = m_editor->data().tiers;
    for (auto it = e.tierPrices.begin(); it != e.tierPrices.end(); ++it)
        if (std::none_of(tiers.cbegin(), tiers.cend(),
                         [&](const storage::TierInfo& t) { return t.id == it.key(); }))
            tiers.append({it.key(), tr("Tier #%1").arg(it.key()), core::Rate::PartsPerUnit});
    for (const storage::TierInfo& t : tiers) {
        auto* field = new QLineEdit(m_tierBox);
        // Wide enough for the placeholder "by discount: 1234.56" in either language.
        const int placeholder =
            field->fontMetrics().horizontalAdvance(tr("by discount: %1").arg(u"1234.56"_s)) + 24;
        field->setMinimumWidth(qMin(placeholder, 240));
        field->setMaximumWidth(240);
        if (e.tierPrices.contains(t.id))
            field->setText(models::GoodsEditor::yuan(e.tierPrices.value(t.id)));
        auto* margin = new QLabel(m_tierBox);
        auto* row = new QHBoxLayout;
        row->addWidget(field);
        row->addWidget(margin, 1);
        form->addRow(t.name, row);
        m_tierFields.append({t.id, field});
        m_tierMargins.append(margin);
        connect(field, &QLineEdit::textChanged, this, &GoodsEditorDialog::refresh);
    }
    if (tiers.isEmpty())
        form->addRow(hint(tr("No tiers in the cache yet: they arrive with the next sync."), m_tierBox));
}

void GoodsEditorDialog::addContractRow(qint64 memberId, const QString& price)
{
    const bool was = std::exchange(m_populating, true);
    const int row = m_contracts->rowCount();
    m_contracts->insertRow(row);
    m_contracts->setItem(row, 0, new QTableWidgetItem(memberId > 0 ? QString::number(memberId) : QString()));
    auto* name = new QTableWidgetItem(m_editor->data().memberNames.value(memberId));
    name->setFlags(name->flags() & ~Qt::ItemIsEditable);
    m_contracts->setItem(row, 1, name);
    m_contracts->setItem(row, 2, new QTableWidgetItem(price));
    m_populating = was;
}

void GoodsEditorDialog::refreshPrices(const models::GoodsEdit* edit)
{
    const auto& d = m_editor->data();
    const core::Money cost = core::Money::fromUnits(d.cost);
    using models::GoodsEditor;
    m_cost->setText(cost.units() <= 0 ? tr("unknown")
                    : d.costFromSupplier
                        ? tr("%1 (supplier %2's price)").arg(GoodsEditor::yuan(cost), d.supplier)
                        : tr("%1 (the platform's cost)").arg(GoodsEditor::yuan(cost)));
    const core::Money margin = edit->price - cost;
    const bool below = cost.units() > 0 && edit->price < cost;
    m_margin->setText(cost.units() <= 0 ? u"—"_s
                                        : u"%1 (%2)"_s.arg(GoodsEditor::yuan(margin),
                                                           GoodsEditor::percentOf(margin, edit->price)));
    colour(m_margin, below ? std::optional(kRed) : std::nullopt);
    m_belowCost->setVisible(below);
    // Each tier: what it pays (its own price, else the price × its discount) and the margin on it.
    for (qsizetype i = 0; i < m_tierFields.size(); ++i) {
        const auto& [id, field] = m_tierFields.at(i);
        std::optional<core::Money> pays = parseMoney(field->text());
        const bool own = pays.has_value();
        for (const storage::TierInfo& t : d.tiers)
            if (t.id == id) {
                const core::Money byDiscount =
                    core::rounding::tierPrice(edit->price, core::Rate::fromPpm(t.discountPpm));
                field->setPlaceholderText(tr("by discount: %1").arg(GoodsEditor::yuan(byDiscount)));
                if (!own && field->text().trimmed().isEmpty())
                    pays = byDiscount;
            }
        QLabel* label = m_tierMargins.at(i);
        if (!pays || cost.units() <= 0) {
            label->clear();
            continue;
        }
        const QString m = GoodsEditor::yuan(*pays - cost);
        label->setText(own ? tr("margin %1").arg(m) : tr("margin %1 (by discount)").arg(m));
        colour(label, *pays < cost ? std::optional(kRed) : std::nullopt);
    }
}

} // namespace cardops::ui
