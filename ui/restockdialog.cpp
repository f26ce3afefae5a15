#include "ui/restockdialog.h"

#include "core/money.h"
#include "models/datasource.h"
#include "models/restockbackend.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cardops::ui {
namespace {

QString yuan(qint64 units)
{
    return core::Money::fromUnits(units).toString(2);
}

QLabel* wrapped(QWidget* parent)
{
    auto* l = new QLabel(parent);
    l->setWordWrap(true);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return l;
}

} // namespace

RestockDialog::RestockDialog(models::DataSource& source, models::RestockBackend* backend, qint64 goodsId,
                             QWidget* parent)
    : QDialog(parent)
    , m_source(source)
    , m_backend(backend)
    , m_goodsId(goodsId)
{
    setWindowTitle(tr("Restock"));
    m_heading = new QLabel(this);
    m_heading->setObjectName(u"pageTitle"_s);
    m_stock = wrapped(this);
    m_supplier = wrapped(this);
    auto* facts = new QFormLayout;
    facts->addRow(tr("Stock:"), m_stock);
    facts->addRow(tr("Supplier:"), m_supplier);

    auto* suggestionBox = new QGroupBox(tr("Suggestion"), this);
    m_suggestion = wrapped(suggestionBox);
    m_baseline = wrapped(suggestionBox);
    m_baseline->setObjectName(u"pageHint"_s);
    auto* suggestionLayout = new QVBoxLayout(suggestionBox);
    suggestionLayout->addWidget(m_suggestion);
    suggestionLayout->addWidget(m_baseline);

    auto* resellerBox =
        new QGroupBox(tr("Agents who resell it (last %1 days)").arg(models::ResellerWindowDays), this);
    m_resellers = new QTableWidget(0, 4, resellerBox);
    m_resellers->setHorizontalHeaderLabels({tr("Agent"), tr("Tier"), tr("Units"), tr("Orders")});
    m_resellers->verticalHeader()->setVisible(false);
    m_resellers->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_resellers->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_resellers->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_resellers->setMinimumHeight(140);
    auto* resellerLayout = new QVBoxLayout(resellerBox);
    resellerLayout->addWidget(m_resellers);

    m_quantity = new QSpinBox(this);
    m_quantity->setRange(1, 1000);
    m_quantity->setSuffix(tr(" cards"));
    m_total = new QLabel(this);
    m_restock = new QPushButton(tr("Restock now"), this);
    m_restock->setDefault(true);
    m_restock->setEnabled(false);
    auto* buyRow = new QHBoxLayout;
    buyRow->addWidget(new QLabel(tr("Buy:"), this));
    buyRow->addWidget(m_quantity);
    buyRow->addWidget(m_total, 1);
    buyRow->addWidget(m_restock);

    m_busy = new QProgressBar(this);
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->setMaximumHeight(6);
    m_busy->hide();
    m_result = wrapped(this);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addLayout(facts);
    layout->addWidget(suggestionBox);
    layout->addWidget(resellerBox, 1);
    layout->addLayout(buyRow);
    layout->addWidget(m_busy);
    layout->addWidget(m_result);
    layout->addWidget(buttons);
    resize(620, 600);

    connect(m_quantity, &QSpinBox::valueChanged, this, &RestockDialog::updateTotal);
    connect(m_restock, &QPushButton::clicked, this, [this] {
        const QString question =
            tr("Buy %1 cards of %2 from %3 and upload them to the platform's stock?")
                .arg(QLocale().toString(m_quantity->value()), m_info.goods.name, m_info.goods.supplierId);
        if (QMessageBox::question(this, tr("Restock"), question + u'\n' + m_total->text()) ==
            QMessageBox::Yes)
            restockNow();
    });
    if (m_backend)
        connect(m_backend, &models::RestockBackend::progress, this, [this](const QString& step) {
            if (m_busy->isVisible())
                m_result->setText(step);
        });
    reload();
}

void RestockDialog::reload()
{
    m_result->setText(tr("Reading the figures…"));
    models::loadRestockInfo(m_source.reader(), this, m_goodsId, QDateTime::currentSecsSinceEpoch(),
                            [this](models::RestockInfo info) { present(info); });
}

void RestockDialog::present(const models::RestockInfo& info)
{
    m_info = info;
    m_loaded = true;
    if (!info.ok) {
        m_heading->setText(tr("Restock"));
        m_result->setText(tr("Cannot read the goods: %1").arg(info.error));
        Q_EMIT loaded();
        return;
    }
    const auto& g = info.goods;
    const QLocale l;
    m_heading->setText(tr("Restock · %1").arg(g.name));
    setWindowTitle(tr("Restock · %1").arg(g.name));
    QString stock =
        tr("%1 on the platform, alert below %2").arg(l.toString(g.stock), l.toString(g.threshold));
    if (info.alert.low)
        stock += u" · "_s +
                 tr("low since %1")
                     .arg(QDateTime::fromSecsSinceEpoch(info.alert.since).toString(u"yyyy-MM-dd HH:mm"_s));
    m_stock->setText(stock);
    if (g.protocol.isEmpty())
        m_supplier->setText(tr("Not linked to a supplier"));
    else if (g.supplierId.isEmpty())
        m_supplier->setText(tr("%1 product %2 — no docked supplier lists it").arg(g.protocol, g.productRef));
    else
        m_supplier->setText(tr("%1 · %2 (%3) · cost %4 · supplier stock %5")
                                .arg(g.supplierId, g.productName, g.productRef,
                                     g.cost ? yuan(*g.cost) : tr("unknown"), g.stockLevel));

    if (const auto& s = info.suggestion) {
        const qint64 n = info.parameters.windowDays;
        m_suggestion->setText(
            tr("Suggested: %1 cards. Recent days count more: yesterday %2 times, the day before %3 times, "
               "… the oldest of %2 days once. Expected sales over the next %4 days: %5; minus the stock %6.")
                .arg(l.toString(s->suggested), l.toString(n), l.toString(n - 1),
                     l.toString(info.parameters.coverageDays), l.toString(s->expected), l.toString(g.stock)));
        m_suggestion->setToolTip(s->workings);
        m_baseline->setText(
            tr("Compared with last week again: %1 sold in the last 7 days, so %2 expected and %3 "
               "to buy.")
                .arg(l.toString(s->lastSevenDays), l.toString(s->naiveExpected),
                     l.toString(s->naiveSuggested)));
        m_quantity->setValue(int(std::clamp<qint64>(s->suggested, 1, m_quantity->maximum())));
    } else {
        m_suggestion->setText(tr("No suggestion: the sales could not be read."));
    }

    m_resellers->setRowCount(int(info.resellers.size()));
    for (int row = 0; row < m_resellers->rowCount(); ++row) {
        const auto& r = info.resellers.at(row);
        auto* name = new QTableWidgetItem(r.name);
        name->setData(Qt::UserRole, r.memberId);
        auto* tier = new QTableWidgetItem(r.middleOrHigh ? u"★ "_s + r.tierName : r.tierName);
        if (r.middleOrHigh)
            tier->setToolTip(tr("Middle or high tier: listed first"));
        auto* units = new QTableWidgetItem(l.toString(r.units));
        units->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        auto* orders = new QTableWidgetItem(l.toString(r.orders));
        orders->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_resellers->setItem(row, 0, name);
        m_resellers->setItem(row, 1, tier);
        m_resellers->setItem(row, 2, units);
        m_resellers->setItem(row, 3, orders);
    }
    if (info.resellers.isEmpty()) {
        m_resellers->setRowCount(1);
        auto* none = new QTableWidgetItem(tr("No agent bought it recently"));
        none->setFlags(Qt::ItemIsEnabled);
        m_resellers->setItem(0, 0, none);
    }

    QString why;
    bool can = m_backend && m_backend->canRestock(&why);
    if (!m_backend)
        why = tr("Buying needs a connected platform and a docked supplier.");
    else if (can && g.kind != u"card")
        can = false, why = tr("A direct recharge has no card stock to fill.");
    else if (can && g.supplierId.isEmpty())
        can = false, why = tr("No docked supplier lists the goods' product.");
    m_restock->setEnabled(can);
    m_restock->setToolTip(why);
    m_result->setText(can ? QString() : why);
    updateTotal();
    Q_EMIT loaded();
}

void RestockDialog::updateTotal()
{
    const auto& cost = m_info.goods.cost;
    m_total->setText(cost ? tr("about %1 yuan at %2 each").arg(yuan(*cost * m_quantity->value()), yuan(*cost))
                          : QString());
}

void RestockDialog::restockNow()
{
    if (!m_backend || !m_loaded || !m_info.ok)
        return;
    m_restock->setEnabled(false);
    m_busy->show();
    m_result->setText(tr("Buying…"));
    m_backend->restock(m_goodsId, m_info.goods.protocol, m_info.goods.productRef, m_quantity->value(), this,
                       [this](models::RestockResult r) {
                           m_busy->hide();
                           const QLocale l;
                           if (r.ok)
                               m_result->setText(
                                   tr("Bought %1 cards; uploaded: %2 added, %3 already in stock, %4 "
                                      "refused.")
                                       .arg(l.toString(r.bought), l.toString(r.added),
                                            l.toString(r.duplicate), l.toString(r.invalid)));
                           else
                               m_result->setText(tr("Restock failed: %1").arg(r.error));
                           m_restock->setEnabled(true);
                           Q_EMIT restocked(r.ok);
                           reload();
                       });
}

} // namespace cardops::ui
