#include "ui/workbenchpage.h"

#include "core/csvexport.h"
#include "models/consolestate.h"
#include "storage/counters.h"

#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace cardops::ui {

namespace counters = storage::counters;

WorkbenchPage::WorkbenchPage(models::ConsoleState& state, QWidget* parent)
    : Page(parent)
    , m_state(state)
    , m_shop(new QLabel(this))
    , m_totals(new QLabel(this))
{
    auto* heading = new QLabel(tr("Work bench"), this);
    heading->setObjectName(QStringLiteral("pageTitle"));
    m_shop->setObjectName(QStringLiteral("pageHint"));
    m_totals->setObjectName(QStringLiteral("pageHint"));

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(m_shop);
    layout->addWidget(m_totals);
    layout->addSpacing(12);
    auto* grid = new QGridLayout;
    grid->setSpacing(14);
    layout->addLayout(grid);
    layout->addStretch(1);

    addTile(counters::ReviewPending, tr("Awaiting review"),
            tr("Orders held by the platform's checks or rules"), PageId::Fulfilment,
            QStringLiteral("review"));
    addTile(counters::PurchaseUnknown, tr("Purchase outcome unknown"),
            tr("Supplier purchases whose answer was lost"), PageId::Suppliers, QStringLiteral("unknown"));
    addTile(counters::DeliveryFailed, tr("Delivery failed"),
            tr("Orders handed to CardOps that could not be delivered"), PageId::Orders,
            QStringLiteral("handed_over"));
    addTile(counters::LowStock, tr("Low stock"), tr("Goods below their stock threshold"), PageId::Goods,
            QStringLiteral("low_stock"));
    addTile(counters::PricingAlerts, tr("Supplier price changes"),
            tr("Goods whose supplier changed its price or shelf state: reprice or acknowledge"), PageId::Goods,
            QStringLiteral("pricing_alerts"));
    addTile(counters::SupplierBalanceLow, tr("Supplier balance low"),
            tr("Suppliers that may refuse the next purchase"), PageId::Suppliers, {});
    addTile(counters::NegativeMargin, tr("Selling below cost"),
            tr("Goods whose supplier's price is above their selling price"), PageId::Suppliers,
            QStringLiteral("linked"));
    addTile(counters::SyncError, tr("Sync errors"),
            tr("Local edits the platform refused or that met a conflict"), PageId::Workbench, {});
    addTile(counters::WithdrawalPending, tr("Withdrawals to review"), tr("Agents' withdrawal requests"),
            PageId::Members, QStringLiteral("withdrawals"));
    for (int i = 0; i < m_tiles.size(); ++i)
        grid->addWidget(m_tiles[i].button, i / 4, i % 4);

    connect(&m_state, &models::ConsoleState::changed, this, [this] {
        update();
        Q_EMIT ready();
    });
    update();
}

void WorkbenchPage::addTile(const QString& counter, const QString& label, const QString& hint, PageId page,
                            const QString& filter)
{
    Tile tile;
    tile.counter = counter;
    tile.button = new QPushButton(this);
    tile.button->setObjectName(QStringLiteral("tile"));
    tile.button->setToolTip(hint);
    tile.button->setMinimumSize(190, 104);
    tile.button->setCursor(Qt::PointingHandCursor);
    auto* inner = new QVBoxLayout(tile.button);
    tile.count = new QLabel(tile.button);
    tile.count->setObjectName(QStringLiteral("tileCount"));
    tile.label = new QLabel(label, tile.button);
    tile.label->setObjectName(QStringLiteral("tileLabel"));
    for (QLabel* l : {tile.count, tile.label})
        l->setAttribute(Qt::WA_TransparentForMouseEvents);
    inner->addWidget(tile.count);
    inner->addWidget(tile.label);
    const bool isSync = counter == counters::SyncError;
    connect(tile.button, &QPushButton::clicked, this, [this, page, filter, isSync] {
        if (isSync)
            Q_EMIT diagnosticsRequested();
        else
            Q_EMIT openPage(page, filter);
    });
    m_tiles.append(tile);
}

bool WorkbenchPage::isReady() const
{
    return m_state.isLoaded();
}

QString WorkbenchPage::tileText(const QString& counter) const
{
    for (const Tile& t : m_tiles)
        if (t.counter == counter)
            return t.count->text();
    return {};
}

void WorkbenchPage::update()
{
    const QLocale locale;
    const auto& status = m_state.status();
    for (const Tile& t : m_tiles) {
        const qint64 value = m_state.counter(t.counter);
        t.count->setText(m_state.isLoaded() ? locale.toString(value) : QStringLiteral("…"));
        t.button->setProperty("alert", value > 0);
        t.button->style()->unpolish(t.button);
        t.button->style()->polish(t.button);
    }
    if (!m_state.isLoaded()) {
        m_shop->setText(tr("Reading the cache…"));
        return;
    }
    m_shop->setText(
        status.lastRoundAt > 0
            ? tr("%1 · data as of %2").arg(status.shopName, core::formatShanghaiTime(status.lastRoundAt))
            : tr("Not synced yet: the counts fill after the first sync."));
    m_totals->setText(tr("Orders %1 · goods %2 · members %3")
                          .arg(locale.toString(m_state.counter(counters::OrdersTotal)),
                               locale.toString(m_state.counter(counters::GoodsTotal)),
                               locale.toString(m_state.counter(counters::MembersTotal))));
}

} // namespace cardops::ui
