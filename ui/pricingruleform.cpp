#include "ui/pricingruleform.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cardops::ui {
namespace {

enum Kind { FixedKind, PercentKind, TemplateKind };

QString percentText(core::Rate r)
{
    // ppm → percent with up to 4 decimals: 30000 → "3", 4995 → "0.4995".
    const QString ratio = core::Money::fromUnits(r.ppm()).toString(4);
    QString s = ratio;
    while (s.contains(u'.') && (s.endsWith(u'0') || s.endsWith(u'.')))
        s.chop(1);
    return s + u'%';
}

QString markupText(const core::Markup& m)
{
    if (m.kind == core::Markup::Kind::Fixed)
        return u"+"_s + m.amount.toString(2);
    return u"+"_s + percentText(m.percent);
}

} // namespace

std::optional<core::Rate> PricingRuleForm::parsePercent(const QString& text)
{
    QString t = text.trimmed();
    if (t.endsWith(u'%'))
        t.chop(1);
    t = t.trimmed();
    if (t.isEmpty())
        return std::nullopt;
    auto r = core::Rate::parse(QString(t + u'%'));
    return r ? std::optional(*r) : std::nullopt;
}

std::optional<core::Markup> PricingRuleForm::parseMarkup(const QString& text)
{
    QString t = text.trimmed();
    if (t.startsWith(u'+'))
        t = t.mid(1).trimmed();
    if (t.endsWith(u'%')) {
        const auto r = parsePercent(t);
        return r ? std::optional(core::Markup{core::Markup::Kind::Percent, {}, *r}) : std::nullopt;
    }
    const auto m = core::Money::parse(t);
    return m ? std::optional(core::Markup{core::Markup::Kind::Fixed, *m, {}}) : std::nullopt;
}

QString PricingRuleForm::describe(const core::PricingRule& rule)
{
    QString text;
    switch (rule.kind) {
    case core::RuleKind::Fixed:
        text = tr("Cost + %1").arg(rule.markup.amount.toString(2));
        break;
    case core::RuleKind::Percent:
        text = tr("Cost + %1").arg(percentText(rule.markup.percent));
        break;
    case core::RuleKind::Template: {
        QStringList bands;
        for (const core::PriceBand& b : rule.bands)
            bands << (b.below ? tr("below %1: %2").arg(b.below->toString(2), markupText(b.markup))
                              : tr("others: %1").arg(markupText(b.markup)));
        text = tr("Template: %1").arg(bands.join(u" · "_s));
        if (rule.ending >= 0)
            text += tr("; prices end in %1").arg(rule.ending);
        break;
    }
    }
    if (rule.syncTiers)
        text += tr("; tier prices from the ladder");
    if (rule.contracts == core::ContractMode::Follow)
        text += tr("; contract prices move with the price");
    return text;
}

PricingRuleForm::PricingRuleForm(QWidget* parent)
    : QWidget(parent)
{
    auto* form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    m_name = new QLineEdit(this);
    m_name->setMaxLength(40);
    m_name->setPlaceholderText(tr("e.g. Game cards 3%"));
    form->addRow(tr("&Name"), m_name);

    m_kind = new QComboBox(this);
    m_kind->addItem(tr("Fixed markup"), FixedKind);
    m_kind->addItem(tr("Percentage markup"), PercentKind);
    m_kind->addItem(tr("Price template"), TemplateKind);
    form->addRow(tr("&Kind"), m_kind);

    m_pages = new QStackedWidget(this);
    m_amount = new QLineEdit(m_pages);
    m_amount->setPlaceholderText(tr("Yuan added to the cost, e.g. 0.50"));
    m_pages->addWidget(m_amount);
    m_percent = new QLineEdit(m_pages);
    m_percent->setPlaceholderText(tr("Percent of the cost, e.g. 3"));
    m_pages->addWidget(m_percent);

    auto* templatePage = new QWidget(m_pages);
    auto* templateLayout = new QVBoxLayout(templatePage);
    templateLayout->setContentsMargins(0, 0, 0, 0);
    m_bands = new QTableWidget(0, 2, templatePage);
    m_bands->setHorizontalHeaderLabels({tr("Cost below (yuan)"), tr("Markup")});
    m_bands->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_bands->verticalHeader()->setVisible(false);
    m_bands->setMinimumHeight(120);
    templateLayout->addWidget(m_bands);
    auto* bandButtons = new QHBoxLayout;
    auto* add = new QPushButton(tr("Add band"), templatePage);
    auto* remove = new QPushButton(tr("Remove band"), templatePage);
    bandButtons->addWidget(add);
    bandButtons->addWidget(remove);
    bandButtons->addStretch();
    templateLayout->addLayout(bandButtons);
    auto* hint = new QLabel(tr("Markup \"8%\" is a percentage, \"1.50\" adds yuan. Leave the last band's "
                               "cost empty: it takes every higher cost."),
                            templatePage);
    hint->setWordWrap(true);
    hint->setStyleSheet(u"color: #666"_s);
    templateLayout->addWidget(hint);
    m_ending = new QComboBox(templatePage);
    m_ending->addItem(tr("Keep the cents"), -1);
    for (int d = 0; d <= 9; ++d)
        m_ending->addItem(tr("Round up to end in %1 (e.g. 10.4%1)").arg(d), d);
    auto* endingRow = new QFormLayout;
    endingRow->addRow(tr("&Ending"), m_ending);
    templateLayout->addLayout(endingRow);
    m_pages->addWidget(templatePage);
    form->addRow(tr("Markup"), m_pages);

    m_syncTiers = new QCheckBox(tr("Write tier prices from the ladder (同步等级价)"), this);
    form->addRow(QString(), m_syncTiers);
    m_contracts = new QComboBox(this);
    m_contracts->addItem(tr("Keep contract prices"), int(core::ContractMode::Keep));
    m_contracts->addItem(tr("Move contract prices by the same amount as the price"),
                         int(core::ContractMode::Follow));
    form->addRow(tr("&Contracts"), m_contracts);

    auto* trial = new QHBoxLayout;
    m_trialCost = new QLineEdit(u"10.00"_s, this);
    m_trialCost->setMaximumWidth(100);
    m_trialResult = new QLabel(this);
    trial->addWidget(m_trialCost);
    trial->addWidget(m_trialResult, 1);
    auto* trialLabel = new QLabel(tr("&Try a cost"), this);
    trialLabel->setBuddy(m_trialCost);
    form->addRow(trialLabel, trial);

    connect(m_kind, &QComboBox::currentIndexChanged, this, [this](int i) {
        m_pages->setCurrentIndex(i);
        update();
    });
    connect(add, &QPushButton::clicked, this, [this] {
        addBand({});
        update();
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        const int row = m_bands->currentRow() >= 0 ? m_bands->currentRow() : m_bands->rowCount() - 1;
        if (row >= 0)
            m_bands->removeRow(row);
        update();
    });
    for (QLineEdit* e : {m_name, m_amount, m_percent, m_trialCost})
        connect(e, &QLineEdit::textChanged, this, &PricingRuleForm::update);
    connect(m_bands, &QTableWidget::itemChanged, this, &PricingRuleForm::update);
    connect(m_ending, &QComboBox::currentIndexChanged, this, &PricingRuleForm::update);
    connect(m_syncTiers, &QCheckBox::toggled, this, &PricingRuleForm::update);
    connect(m_contracts, &QComboBox::currentIndexChanged, this, &PricingRuleForm::update);
    setRule({}, core::PricingRule::percent(core::Rate::fromPpm(30'000)));
}

void PricingRuleForm::addBand(const core::PriceBand& band)
{
    const int row = m_bands->rowCount();
    m_bands->insertRow(row);
    m_bands->setItem(row, 0, new QTableWidgetItem(band.below ? band.below->toString(2) : QString()));
    m_bands->setItem(row, 1, new QTableWidgetItem(markupText(band.markup)));
}

void PricingRuleForm::setRule(const QString& name, const core::PricingRule& rule)
{
    const QSignalBlocker blockBands(m_bands);
    m_name->setText(name);
    m_amount->setText(rule.kind == core::RuleKind::Fixed ? rule.markup.amount.toString(2) : QString());
    QString percent = rule.kind == core::RuleKind::Percent ? percentText(rule.markup.percent) : QString();
    m_percent->setText(percent.endsWith(u'%') ? percent.chopped(1) : percent);
    m_bands->setRowCount(0);
    const QList<core::PriceBand> bands =
        rule.kind == core::RuleKind::Template
            ? rule.bands
            : QList<core::PriceBand>{
                  {core::Money::fromYuan(10), {core::Markup::Kind::Percent, {}, core::Rate::fromPpm(80'000)}},
                  {std::nullopt, {core::Markup::Kind::Percent, {}, core::Rate::fromPpm(30'000)}}};
    for (const core::PriceBand& b : bands)
        addBand(b);
    m_ending->setCurrentIndex(m_ending->findData(rule.kind == core::RuleKind::Template ? rule.ending : 8));
    m_syncTiers->setChecked(rule.syncTiers);
    m_contracts->setCurrentIndex(m_contracts->findData(int(rule.contracts)));
    m_kind->setCurrentIndex(m_kind->findData(rule.kind == core::RuleKind::Fixed     ? FixedKind
                                             : rule.kind == core::RuleKind::Percent ? PercentKind
                                                                                    : TemplateKind));
    m_pages->setCurrentIndex(m_kind->currentIndex());
    update();
}

QString PricingRuleForm::name() const
{
    return m_name->text().trimmed();
}

core::PricingRule PricingRuleForm::rule(QString* problem) const
{
    core::PricingRule r;
    QString why;
    switch (m_kind->currentData().toInt()) {
    case FixedKind: {
        const auto amount = core::Money::parse(m_amount->text());
        if (!amount)
            why = tr("Enter the yuan to add, e.g. 0.50 (at most 4 decimals).");
        r = core::PricingRule::fixed(amount.valueOr({}));
        break;
    }
    case PercentKind: {
        const auto p = parsePercent(m_percent->text());
        if (!p)
            why = tr("Enter the percentage to add, e.g. 3.");
        r = core::PricingRule::percent(p.value_or(core::Rate()));
        break;
    }
    default:
        r.kind = core::RuleKind::Template;
        for (int row = 0; row < m_bands->rowCount() && why.isEmpty(); ++row) {
            core::PriceBand band;
            const QString below = m_bands->item(row, 0) ? m_bands->item(row, 0)->text().trimmed() : QString();
            if (!below.isEmpty()) {
                const auto m = core::Money::parse(below);
                if (!m)
                    why = tr("Band %1: the cost bound \"%2\" is not an amount.").arg(row + 1).arg(below);
                band.below = m.valueOr({});
            }
            const auto markup =
                parseMarkup(m_bands->item(row, 1) ? m_bands->item(row, 1)->text() : QString());
            if (!markup && why.isEmpty())
                why = tr("Band %1: write the markup as 8% or 1.50.").arg(row + 1);
            band.markup = markup.value_or(core::Markup());
            r.bands.append(band);
        }
        r.ending = m_ending->currentData().toInt();
        break;
    }
    r.syncTiers = m_syncTiers->isChecked();
    r.contracts = core::ContractMode(m_contracts->currentData().toInt());
    if (why.isEmpty())
        if (auto valid = core::validatePricingRule(r); !valid)
            why = tr("The rule is not valid: %1").arg(valid.error().detail);
    if (problem)
        *problem = why;
    return r;
}

void PricingRuleForm::update()
{
    QString problem;
    const core::PricingRule r = rule(&problem);
    const auto cost = core::Money::parse(m_trialCost->text());
    if (!problem.isEmpty()) {
        m_trialResult->setText(problem);
        m_trialResult->setStyleSheet(u"color: #c62828"_s);
    } else if (!cost || cost->units() <= 0) {
        m_trialResult->setText(tr("Type a cost to see its price."));
        m_trialResult->setStyleSheet({});
    } else if (const auto price = core::markedUpPrice(r, *cost)) {
        m_trialResult->setText(
            tr("→ price %1 (margin %2)").arg(price->toString(2), (*price - *cost).toString(2)));
        m_trialResult->setStyleSheet({});
    }
    Q_EMIT changed();
}

} // namespace cardops::ui
