#include "ui/dashboard/dashboardpage.h"

#include "models/dashboardmodel.h"
#include "models/datasource.h"
#include "ui/dashboard/dashboardcharts.h"
#include "ui/dashboard/heatmapwidget.h"
#include "ui/dashboard/kpicard.h"

#include <QChartView>
#include <QComboBox>
#include <QDateEdit>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QScrollArea>
#include <QStackedWidget>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cardops::ui {

namespace {

using Kpi = DashboardPage::Kpi;
using Chart = DashboardPage::Chart;
using models::DashboardPreset;
namespace fmt = kpiformat;

constexpr DashboardPreset kPresets[] = {DashboardPreset::Last7,     DashboardPreset::Last30,
                                        DashboardPreset::Last90,    DashboardPreset::ThisMonth,
                                        DashboardPreset::LastMonth, DashboardPreset::Custom};

QDate dateOf(qint64 day)
{
    return QDate(1970, 1, 1).addDays(day);
}

qint64 dayOf(const QDate& date)
{
    return QDate(1970, 1, 1).daysTo(date);
}

std::optional<double> ratio(qint64 numerator, qint64 denominator)
{
    if (denominator == 0)
        return std::nullopt;
    return double(numerator) / double(denominator);
}

const char* const kStyle = R"(
QFrame#kpiCard, QFrame#chartFrame { background: white; border: 1px solid #dde1e6; border-radius: 6px; }
QLabel#kpiTitle { color: #5b6675; }
QLabel#kpiValue { font-size: 16pt; font-weight: 600; color: #1f2a37; }
QLabel#chartTitle { font-weight: 600; color: #1f2a37; }
)";

} // namespace

DashboardPage::DashboardPage(models::DataSource& source, QWidget* parent)
    : Page(parent)
    , m_model(new models::DashboardModel(source, this))
{
    build();
    connect(m_model, &models::DashboardModel::loaded, this, &DashboardPage::showData);
    connect(m_model, &models::DashboardModel::loadingChanged, this, [this](bool loading) {
        if (loading)
            m_status->setText(tr("Loading…"));
    });
    connect(m_model, &models::DashboardModel::failed, this,
            [this](const QString& message) { m_status->setText(message); });
    m_period->setCurrentIndex(1);
    periodChosen(1);
}

void DashboardPage::build()
{
    setStyleSheet(QString::fromLatin1(kStyle));
    auto* heading = new QLabel(tr("Dashboard"), this);
    heading->setObjectName(u"pageTitle"_s);
    auto* hint =
        new QLabel(tr("Paid orders by the day they were created (Asia/Shanghai). Hover a card for its "
                      "definition; click a bar to see its orders; right-click a chart to save it."),
                   this);
    hint->setObjectName(u"pageHint"_s);
    hint->setWordWrap(true);

    m_period = new QComboBox(this);
    m_period->addItems({tr("Last 7 days"), tr("Last 30 days"), tr("Last 90 days"), tr("This month"),
                        tr("Last month"), tr("Custom range")});
    m_from = new QDateEdit(this);
    m_to = new QDateEdit(this);
    for (QDateEdit* d : {m_from, m_to}) {
        d->setCalendarPopup(true);
        d->setDisplayFormat(u"yyyy-MM-dd"_s);
        connect(d, &QDateEdit::dateChanged, this, &DashboardPage::customRangeEdited);
    }
    m_grain = new QComboBox(this);
    m_grain->addItems({tr("By day"), tr("By week"), tr("By month")});
    m_status = new QLabel(this);
    m_status->setObjectName(u"pageHint"_s);
    auto* controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Period:"), this));
    controls->addWidget(m_period);
    controls->addWidget(m_from);
    m_dash = new QLabel(u"–"_s, this);
    controls->addWidget(m_dash);
    controls->addWidget(m_to);
    controls->addSpacing(12);
    controls->addWidget(m_grain);
    controls->addSpacing(12);
    controls->addWidget(m_status, 1);
    connect(m_period, &QComboBox::currentIndexChanged, this, &DashboardPage::periodChosen);
    connect(m_grain, &QComboBox::currentIndexChanged, this,
            [this](int i) { m_model->setGrain(static_cast<storage::DashboardGrain>(std::clamp(i, 0, 2))); });

    // The KPI cards, six a row.
    auto* cards = new QGridLayout;
    cards->setSpacing(8);
    const struct
    {
        Kpi kpi;
        QString title;
        bool lowerIsBetter;
        KpiCard::Change change;
    } specs[] = {
        {Kpi::Orders, tr("Orders"), false, KpiCard::Change::Relative},
        {Kpi::Gmv, tr("GMV"), false, KpiCard::Change::Relative},
        {Kpi::Profit, tr("Gross profit"), false, KpiCard::Change::Relative},
        {Kpi::Margin, tr("Gross margin"), false, KpiCard::Change::Points},
        {Kpi::Buyers, tr("Buyers"), false, KpiCard::Change::Relative},
        {Kpi::AverageOrder, tr("Average order value"), false, KpiCard::Change::Relative},
        {Kpi::RefundRate, tr("Refund rate"), true, KpiCard::Change::Points},
        {Kpi::Repurchase, tr("Repurchase rate"), false, KpiCard::Change::Points},
        {Kpi::Automation, tr("Automation share"), false, KpiCard::Change::Points},
        {Kpi::DeliveryTime, tr("Paid to delivered"), true, KpiCard::Change::Relative},
        {Kpi::ReviewWait, tr("Review waiting"), true, KpiCard::Change::Relative},
        {Kpi::SupplierBalance, tr("Supplier balance"), false, KpiCard::Change::None},
    };
    int i = 0;
    for (const auto& s : specs) {
        auto* card = new KpiCard(s.title, s.lowerIsBetter, s.change, this);
        m_cards.insert(s.kpi, card);
        card->setDefinition(kpiDefinition(s.kpi));
        cards->addWidget(card, i / 6, i % 6);
        ++i;
    }

    // The charts.
    auto* trend = dashboardcharts::makeView(this);
    trend->setMinimumHeight(280);
    auto* goods = dashboardcharts::makeView(this);
    goods->setMinimumHeight(300);
    auto* categories = dashboardcharts::makeView(this);
    categories->setMinimumHeight(300);
    auto* kinds = dashboardcharts::makeView(this);
    auto* tiers = dashboardcharts::makeView(this);
    m_heat = new HeatMapWidget(this);
    m_agents = new QTableWidget(0, 6, this);
    m_agents->setHorizontalHeaderLabels({tr("Agent"), tr("Direct downlines"), tr("Branch buyers"),
                                         tr("Branch orders"), tr("Branch GMV"), tr("Commission")});
    m_agents->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_agents->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_agents->verticalHeader()->setVisible(false);
    m_agents->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_agents->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_agents->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    // Ten rows and the header without a scroll bar.
    m_agents->setMinimumHeight(m_agents->horizontalHeader()->sizeHint().height() +
                               10 * m_agents->verticalHeader()->defaultSectionSize() + 4);
    m_agents->setToolTip(tr("Agents whose whole branch (every member below them) bought most in the period "
                            "(Enter or a double click opens the branch's orders); "
                            "commission as the platform credited it in the period."));

    auto* grid = new QGridLayout;
    grid->setSpacing(8);
    grid->addWidget(frame(Chart::Trend, tr("GMV, gross profit and orders"), trend), 0, 0, 1, 2);
    grid->addWidget(frame(Chart::TopGoods, tr("Top goods by GMV"), goods), 1, 0);
    grid->addWidget(frame(Chart::TopCategories, tr("Top categories by GMV"), categories), 1, 1);
    grid->addWidget(frame(Chart::MemberKinds, tr("GMV by member kind"), kinds), 2, 0);
    grid->addWidget(frame(Chart::TierMoves, tr("Tier movement"), tiers), 2, 1);
    grid->addWidget(frame(Chart::HeatMap, tr("Orders by weekday and hour"), m_heat), 3, 0);
    grid->addWidget(frame(Chart::Agents, tr("Agent leaderboard"), m_agents), 3, 1);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);

    auto* content = new QWidget(this);
    auto* contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 4, 0);
    contentLayout->addLayout(cards);
    contentLayout->addLayout(grid);
    contentLayout->addStretch(1);
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);

    auto* empty = new QWidget(this);
    auto* emptyLayout = new QVBoxLayout(empty);
    auto* emptyHeadline = new QLabel(tr("No paid orders in this period"), empty);
    emptyHeadline->setObjectName(u"emptyHeadline"_s);
    m_emptyText = new QLabel(empty);
    m_emptyText->setObjectName(u"emptyText"_s);
    m_emptyText->setWordWrap(true);
    emptyLayout->addStretch(1);
    emptyLayout->addWidget(emptyHeadline, 0, Qt::AlignHCenter);
    emptyLayout->addWidget(m_emptyText, 0, Qt::AlignHCenter);
    emptyLayout->addStretch(2);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(scroll);
    m_stack->addWidget(empty);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(hint);
    layout->addLayout(controls);
    layout->addWidget(m_stack, 1);

    m_charts.insert(Chart::Trend, trend);
    m_charts.insert(Chart::TopGoods, goods);
    m_charts.insert(Chart::TopCategories, categories);
    m_charts.insert(Chart::MemberKinds, kinds);
    m_charts.insert(Chart::TierMoves, tiers);
    connect(m_heat, &HeatMapWidget::cellClicked, this, [this](int weekday, int hour) {
        const auto& q = m_model->data().request;
        storage::OrderFilter f = periodFilter(q.fromDay, q.toDay);
        f.weekday = weekday;
        f.hour = hour;
        Q_EMIT openOrders(f);
    });
    connect(m_agents, &QTableWidget::cellActivated, this, [this](int row, int) {
        const auto& d = m_model->data();
        if (row < 0 || row >= d.agents.size())
            return;
        storage::OrderFilter f = periodFilter(d.request.fromDay, d.request.toDay);
        f.branchOf = d.agents[row].id;
        Q_EMIT openOrders(f);
    });
    m_charts.insert(Chart::HeatMap, m_heat);
    m_charts.insert(Chart::Agents, m_agents);
}

QWidget* DashboardPage::frame(Chart chart, const QString& title, QWidget* content)
{
    auto* box = new QFrame(this);
    box->setObjectName(u"chartFrame"_s);
    auto* label = new QLabel(title, box);
    label->setObjectName(u"chartTitle"_s);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(8, 6, 8, 8);
    layout->addWidget(label);
    layout->addWidget(content, 1);
    m_frames.insert(chart, box);
    m_titles.insert(chart, title);
    for (QWidget* w : {static_cast<QWidget*>(box), content}) {
        w->setContextMenuPolicy(Qt::CustomContextMenu);
        connect(w, &QWidget::customContextMenuRequested, this, [this, chart, w](const QPoint& pos) {
            QMenu menu(this);
            menu.addAction(tr("Save chart as PNG…"), this, [this, chart] { askExport(chart); });
            menu.exec(w->mapToGlobal(pos));
        });
    }
    return box;
}

QString DashboardPage::kpiDefinition(Kpi kpi) const
{
    const QString bp = QLocale().toString(m_model->request().feeBasisPoints / 100.0, 'f', 2);
    switch (kpi) {
    case Kpi::Orders:
        return tr("Paid orders created in the period (status neither unpaid nor cancelled; refunded orders "
                  "count).");
    case Kpi::Gmv:
        return tr("GMV: the sum of the paid amounts of the period's paid orders, before refunds.");
    case Kpi::Profit:
        return tr("Gross profit: paid amount − cost at order − payment-fee estimate (%1% of the amount not "
                  "paid "
                  "from member balances).")
            .arg(bp);
    case Kpi::Margin:
        return tr("Gross margin: gross profit / GMV. The change is in percentage points.");
    case Kpi::Buyers:
        return tr("Members with at least one paid order in the period.");
    case Kpi::AverageOrder:
        return tr("Average order value: GMV / orders.");
    case Kpi::RefundRate:
        return tr(
            "Refund rate: refunded amount / GMV of the period's orders. Below it: orders with a refund / "
            "orders.");
    case Kpi::Repurchase:
        return tr(
            "Repurchase rate: members with 2 or more paid orders in the period / members with at least one.");
    case Kpi::Automation:
        return tr(
            "Automation share: orders delivered without a person (no review) / all delivered orders of the "
            "period.");
    case Kpi::DeliveryTime:
        return tr("Paid-to-delivered time: the mean time from payment to delivery of the period's delivered "
                  "orders.");
    case Kpi::ReviewWait:
        return tr(
            "Review-queue waiting time: the mean time from payment to the decision of the orders created in "
            "the period that went through review (the decision: CardOps's first action on the order, or its "
            "delivery when it was decided on the platform). Below: the orders waiting now and their mean age.");
    case Kpi::SupplierBalance:
        return tr("The sum of the suppliers' balances as last checked (not a period figure).");
    }
    return {};
}

void DashboardPage::periodChosen(int index)
{
    const DashboardPreset preset = kPresets[std::clamp(index, 0, int(std::size(kPresets)) - 1)];
    const bool custom = preset == DashboardPreset::Custom;
    m_from->setVisible(custom);
    m_to->setVisible(custom);
    m_dash->setVisible(custom);
    if (custom) {
        m_syncing = true;
        m_from->setDate(dateOf(m_model->request().fromDay));
        m_to->setDate(dateOf(m_model->request().toDay));
        m_syncing = false;
        customRangeEdited();
        return;
    }
    m_model->setPreset(preset);
}

void DashboardPage::customRangeEdited()
{
    if (m_syncing || !m_from->isVisible())
        return;
    m_model->setRange(dayOf(m_from->date()), dayOf(m_to->date()));
}

void DashboardPage::applyFilter(const QString& filter)
{
    const QStringList ids{u"7"_s, u"30"_s, u"90"_s, u"month"_s, u"last_month"_s};
    const qsizetype i = ids.indexOf(filter);
    if (i >= 0)
        m_period->setCurrentIndex(int(i));
}

storage::OrderFilter DashboardPage::periodFilter(qint64 fromDay, qint64 toDay) const
{
    storage::OrderFilter f;
    f.createdFrom = storage::dashboardqueries::dayStart(fromDay);
    f.createdTo = storage::dashboardqueries::dayStart(toDay + 1);
    return f;
}

void DashboardPage::showData()
{
    const storage::DashboardData& d = m_model->data();
    const auto& q = d.request;
    m_status->setText(tr("%1 – %2, compared with %3 – %4")
                          .arg(dateOf(q.fromDay).toString(u"yyyy-MM-dd"_s),
                               dateOf(q.toDay).toString(u"yyyy-MM-dd"_s),
                               dateOf(d.previousFromDay).toString(u"yyyy-MM-dd"_s),
                               dateOf(d.previousToDay).toString(u"yyyy-MM-dd"_s)));
    if (d.current.orders == 0) {
        m_emptyText->setText(
            d.previous.orders == 0
                ? tr("The cache has no paid orders between %1 and %2. Choose another period, or "
                     "sync the shop first if the cache is new.")
                      .arg(dateOf(q.fromDay).toString(u"yyyy-MM-dd"_s),
                           dateOf(q.toDay).toString(u"yyyy-MM-dd"_s))
                : tr("The previous period had %n paid orders; this one has none yet.", nullptr,
                     int(d.previous.orders)));
        m_stack->setCurrentIndex(1);
    } else {
        m_stack->setCurrentIndex(0);
    }
    showKpis();
    const auto series = d.series;
    dashboardcharts::fillTrend(static_cast<QChartView*>(m_charts[Chart::Trend])->chart(), series,
                               [this, series](int i) {
                                   if (i >= 0 && i < series.size())
                                       Q_EMIT openOrders(periodFilter(series[i].fromDay, series[i].toDay));
                               });
    const auto goods = d.topGoods;
    dashboardcharts::fillRanks(static_cast<QChartView*>(m_charts[Chart::TopGoods])->chart(), goods,
                               [this, goods, q](int i) {
                                   if (i < 0 || i >= goods.size())
                                       return;
                                   storage::OrderFilter f = periodFilter(q.fromDay, q.toDay);
                                   f.goodsId = goods[i].id;
                                   Q_EMIT openOrders(f);
                               });
    const auto categories = d.topCategories;
    dashboardcharts::fillRanks(static_cast<QChartView*>(m_charts[Chart::TopCategories])->chart(), categories,
                               [this, categories, q](int i) {
                                   storage::OrderFilter f = periodFilter(q.fromDay, q.toDay);
                                   if (i >= 0 && i < categories.size())
                                       f.categoryId = categories[i].id;
                                   Q_EMIT openOrders(f);
                               });
    const auto kinds = d.kinds;
    dashboardcharts::fillKinds(static_cast<QChartView*>(m_charts[Chart::MemberKinds])->chart(), kinds,
                               [this, kinds, q](int i) {
                                   storage::OrderFilter f = periodFilter(q.fromDay, q.toDay);
                                   if (i >= 0 && i < kinds.size())
                                       f.memberKind = kinds[i].kind.isEmpty()
                                                          ? QString(storage::OrderFilter::UncachedMember)
                                                          : kinds[i].kind;
                                   Q_EMIT openOrders(f);
                               });
    dashboardcharts::fillTiers(static_cast<QChartView*>(m_charts[Chart::TierMoves])->chart(), d);
    m_heat->setGrid(d.heat);
    fillAgents();
    if (!m_ready) {
        m_ready = true;
        Q_EMIT ready();
    }
}

void DashboardPage::showKpis()
{
    const storage::DashboardData& d = m_model->data();
    const storage::DashboardTotals& c = d.current;
    const storage::DashboardTotals& p = d.previous;
    const int bp = d.request.feeBasisPoints;
    const bool hasPrevious = p.orders > 0;
    auto before = [hasPrevious](std::optional<double> v) {
        return hasPrevious ? v : std::nullopt;
    };
    auto card = [this](Kpi k) {
        return m_cards.value(k);
    };

    card(Kpi::Orders)->setValue(QLocale().toString(c.orders), double(c.orders), double(p.orders));
    card(Kpi::Gmv)->setValue(fmt::money(c.gmv), double(c.gmv), double(p.gmv));
    card(Kpi::Profit)->setValue(fmt::money(c.profit(bp)), double(c.profit(bp)), before(double(p.profit(bp))));
    card(Kpi::Margin)
        ->setValue(fmt::percent(c.profit(bp), c.gmv), ratio(c.profit(bp), c.gmv).value_or(0),
                   before(ratio(p.profit(bp), p.gmv)));
    card(Kpi::Buyers)->setValue(QLocale().toString(c.buyers), double(c.buyers), double(p.buyers));
    card(Kpi::AverageOrder)
        ->setValue(c.orders > 0 ? fmt::money(c.gmv / c.orders) : u"—"_s, ratio(c.gmv, c.orders).value_or(0),
                   before(ratio(p.gmv, p.orders)));
    card(Kpi::RefundRate)
        ->setValue(fmt::percent(c.refunds, c.gmv), ratio(c.refunds, c.gmv).value_or(0),
                   before(ratio(p.refunds, p.gmv)),
                   tr("%1 of orders").arg(fmt::percent(c.refundedOrders, c.orders)));
    card(Kpi::Repurchase)
        ->setValue(fmt::percent(c.repeatBuyers, c.buyers), ratio(c.repeatBuyers, c.buyers).value_or(0),
                   before(ratio(p.repeatBuyers, p.buyers)));
    card(Kpi::Automation)
        ->setValue(fmt::percent(c.deliveredAuto, c.delivered),
                   ratio(c.deliveredAuto, c.delivered).value_or(0),
                   before(ratio(p.deliveredAuto, p.delivered)));
    card(Kpi::DeliveryTime)
        ->setValue(c.delivered > 0 ? fmt::duration(c.deliverSeconds / c.delivered) : u"—"_s,
                   ratio(c.deliverSeconds, c.delivered).value_or(0),
                   before(ratio(p.deliverSeconds, p.delivered)));
    const auto meanWait = [](qint64 seconds, qint64 n) -> std::optional<double> {
        return n > 0 ? std::optional<double>(double(seconds) / double(n)) : std::nullopt;
    };
    const QString waitingNow =
        d.reviewQueue > 0 ? tr("%n waiting now, on average for %1", nullptr, int(d.reviewQueue))
                                .arg(fmt::duration(d.reviewWaitSeconds))
                          : tr("none waiting now");
    card(Kpi::ReviewWait)
        ->setValue(d.reviewsDecided > 0 ? fmt::duration(d.reviewDecidedSeconds / d.reviewsDecided) : u"—"_s,
                   meanWait(d.reviewDecidedSeconds, d.reviewsDecided).value_or(0),
                   before(meanWait(d.previousReviewDecidedSeconds, d.previousReviewsDecided)),
                   d.previousReviewsDecided > 0 ? tr("vs previous period; %1").arg(waitingNow) : waitingNow);
    card(Kpi::SupplierBalance)
        ->setValue(d.suppliersKnown > 0 ? fmt::money(d.supplierBalance) : u"—"_s, 0, std::nullopt,
                   tr("%n suppliers checked", nullptr, d.suppliersKnown));
    for (auto it = m_cards.cbegin(); it != m_cards.cend(); ++it)
        it.value()->setDefinition(kpiDefinition(it.key()));
}

void DashboardPage::fillAgents()
{
    const auto& agents = m_model->data().agents;
    m_agents->setRowCount(int(agents.size()));
    for (int r = 0; r < agents.size(); ++r) {
        const auto& a = agents[r];
        const QStringList cells{u"%1 (#%2)"_s.arg(a.name).arg(a.id),
                                QLocale().toString(a.downlines),
                                QLocale().toString(a.branchBuyers),
                                QLocale().toString(a.branchOrders),
                                fmt::money(a.branchGmv),
                                fmt::money(a.commission)};
        for (int c = 0; c < cells.size(); ++c) {
            auto* item = new QTableWidgetItem(cells[c]);
            item->setTextAlignment(c == 0 ? Qt::AlignLeft | Qt::AlignVCenter
                                          : Qt::AlignRight | Qt::AlignVCenter);
            m_agents->setItem(r, c, item);
        }
    }
}

bool DashboardPage::isReady() const
{
    return m_ready;
}

QString DashboardPage::kpiValue(Kpi kpi) const
{
    return m_cards.value(kpi)->valueText();
}

QString DashboardPage::kpiChange(Kpi kpi) const
{
    return m_cards.value(kpi)->changeText();
}

bool DashboardPage::showsEmptyState() const
{
    return m_stack->currentIndex() == 1;
}

bool DashboardPage::exportChart(Chart chart, const QString& path) const
{
    QWidget* box = m_frames.value(chart);
    return box && box->grab().save(path, "PNG");
}

void DashboardPage::askExport(Chart chart)
{
    const auto& q = m_model->request();
    const QString name =
        u"%1_%2_%3.png"_s.arg(m_titles.value(chart), dateOf(q.fromDay).toString(u"yyyyMMdd"_s),
                              dateOf(q.toDay).toString(u"yyyyMMdd"_s));
    const QString path = QFileDialog::getSaveFileName(this, tr("Save chart"), name, tr("PNG images (*.png)"));
    if (path.isEmpty())
        return;
    if (!exportChart(chart, path))
        QMessageBox::warning(this, tr("Save chart"),
                             tr("The chart could not be saved to %1. Choose another folder.").arg(path));
}

} // namespace cardops::ui
