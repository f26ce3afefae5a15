#include "ui/dashboard/dashboardcharts.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QCoreApplication>
#include <QHorizontalBarSeries>
#include <QLineSeries>
#include <QLocale>
#include <QPieSeries>
#include <QPieSlice>
#include <QToolTip>
#include <QValueAxis>

using namespace Qt::StringLiterals;

namespace cardops::ui::dashboardcharts {

namespace {

QString tr(const char* text)
{
    // The context lupdate gives a tr() of this namespace.
    return QCoreApplication::translate("cardops::ui::dashboardcharts", text);
}

const QColor kGmv(0x2f, 0x6f, 0xde);
const QColor kProfit(0x1a, 0x7f, 0x37);
const QColor kOrders(0xc9, 0xd6, 0xea);

void clear(QChart* chart)
{
    chart->removeAllSeries();
    const auto axes = chart->axes();
    for (QAbstractAxis* axis : axes) {
        chart->removeAxis(axis);
        delete axis;
    }
}

QString money(qint64 units)
{
    return QLocale().toString(yuan(units), 'f', 2);
}

// Up to ~12 labels along the bottom, whatever the number of buckets.
QCategoryAxis* bucketAxis(const QList<storage::DashboardBucket>& series)
{
    auto* axis = new QCategoryAxis;
    axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    const int step = std::max<int>(1, int((series.size() + 11) / 12));
    for (int i = 0; i < series.size(); i += step)
        axis->append(series[i].label, i);
    axis->setRange(-0.5, double(std::max<qsizetype>(1, series.size())) - 0.5);
    axis->setGridLineVisible(false);
    return axis;
}

QString truncated(const QString& text, int chars)
{
    return text.size() <= chars ? text : text.left(chars - 1) + u'…';
}

} // namespace

double yuan(qint64 units)
{
    return double(units) / 10000.0;
}

QString kindName(const QString& kind)
{
    if (kind == u"consumer")
        return tr("Consumers");
    if (kind == u"agent")
        return tr("Agents");
    if (kind == u"enterprise")
        return tr("Enterprises");
    if (kind.isEmpty())
        return tr("Not cached");
    return kind;
}

QChartView* makeView(QWidget* parent)
{
    auto* chart = new QChart;
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setBackgroundRoundness(0);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setAnimationOptions(QChart::NoAnimation);
    auto* view = new QChartView(chart, parent);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(240);
    return view;
}

void fillTrend(QChart* chart, const QList<storage::DashboardBucket>& series, const Clicked& clicked)
{
    clear(chart);
    auto* orders = new QBarSet(tr("Orders"));
    orders->setColor(kOrders);
    orders->setBorderColor(kOrders.darker(115));
    auto* gmv = new QLineSeries;
    gmv->setName(tr("GMV (yuan)"));
    gmv->setColor(kGmv);
    auto* profit = new QLineSeries;
    profit->setName(tr("Gross profit (yuan)"));
    profit->setColor(kProfit);
    qint64 maxOrders = 0;
    double maxMoney = 0;
    double minMoney = 0;
    for (int i = 0; i < series.size(); ++i) {
        *orders << double(series[i].orders);
        gmv->append(i, yuan(series[i].gmv));
        profit->append(i, yuan(series[i].profit));
        maxOrders = std::max(maxOrders, series[i].orders);
        maxMoney = std::max({maxMoney, yuan(series[i].gmv), yuan(series[i].profit)});
        minMoney = std::min(minMoney, yuan(series[i].profit));
    }
    auto* bars = new QBarSeries;
    bars->append(orders);
    bars->setBarWidth(0.7);
    chart->addSeries(bars);
    chart->addSeries(gmv);
    chart->addSeries(profit);

    QCategoryAxis* x = bucketAxis(series);
    chart->addAxis(x, Qt::AlignBottom);
    auto* amounts = new QValueAxis;
    amounts->setRange(minMoney, maxMoney > 0 ? maxMoney * 1.1 : 1);
    amounts->setLabelFormat(u"%.0f"_s);
    amounts->applyNiceNumbers();
    chart->addAxis(amounts, Qt::AlignLeft);
    auto* count = new QValueAxis;
    count->setRange(0, maxOrders > 0 ? double(maxOrders) * 1.1 : 1);
    count->setLabelFormat(u"%.0f"_s);
    count->applyNiceNumbers();
    count->setGridLineVisible(false);
    chart->addAxis(count, Qt::AlignRight);
    for (QAbstractSeries* s : {static_cast<QAbstractSeries*>(bars), static_cast<QAbstractSeries*>(gmv),
                               static_cast<QAbstractSeries*>(profit)})
        s->attachAxis(x);
    bars->attachAxis(count);
    gmv->attachAxis(amounts);
    profit->attachAxis(amounts);

    QObject::connect(orders, &QBarSet::clicked, chart, [clicked](int index) { clicked(index); });
    QObject::connect(orders, &QBarSet::hovered, chart, [series](bool on, int i) {
        if (!on || i < 0 || i >= series.size())
            return QToolTip::hideText();
        const auto& b = series[i];
        QToolTip::showText(QCursor::pos(),
                           tr("%1\nOrders: %2\nGMV: %3 yuan\nGross profit: %4 yuan")
                               .arg(b.label, QLocale().toString(b.orders), money(b.gmv), money(b.profit)));
    });
}

void fillRanks(QChart* chart, const QList<storage::DashboardRank>& ranks, const Clicked& clicked)
{
    clear(chart);
    chart->legend()->setVisible(false);
    auto* set = new QBarSet(tr("GMV (yuan)"));
    set->setColor(kGmv);
    QStringList names;
    double max = 0;
    // Bottom-up on the axis: the largest last, so it is drawn on top.
    for (qsizetype i = ranks.size() - 1; i >= 0; --i) {
        *set << yuan(ranks[i].gmv);
        names << u"%1. %2"_s.arg(i + 1).arg(truncated(ranks[i].name, 14));
        max = std::max(max, yuan(ranks[i].gmv));
    }
    auto* bars = new QHorizontalBarSeries;
    bars->append(set);
    bars->setBarWidth(0.7);
    chart->addSeries(bars);
    auto* y = new QBarCategoryAxis;
    y->append(names);
    y->setGridLineVisible(false);
    y->setTruncateLabels(false); // the names take the room they need (at most 14 characters)
    chart->addAxis(y, Qt::AlignLeft);
    auto* x = new QValueAxis;
    x->setRange(0, max > 0 ? max * 1.05 : 1);
    x->setLabelFormat(u"%.0f"_s);
    x->applyNiceNumbers();
    chart->addAxis(x, Qt::AlignBottom);
    bars->attachAxis(y);
    bars->attachAxis(x);
    const qsizetype n = ranks.size();
    QObject::connect(set, &QBarSet::clicked, chart, [clicked, n](int index) { clicked(int(n - 1 - index)); });
    QObject::connect(set, &QBarSet::hovered, chart, [ranks, n](bool on, int index) {
        const qsizetype i = n - 1 - index;
        if (!on || i < 0 || i >= n)
            return QToolTip::hideText();
        const auto& r = ranks[i];
        QToolTip::showText(QCursor::pos(),
                           tr("%1\nOrders: %2, quantity: %3\nGMV: %4 yuan\nGross profit: %5 yuan")
                               .arg(r.name, QLocale().toString(r.orders), QLocale().toString(r.quantity),
                                    money(r.gmv), money(r.profit)));
    });
}

void fillKinds(QChart* chart, const QList<storage::DashboardKind>& kinds, const Clicked& clicked)
{
    clear(chart);
    chart->legend()->setVisible(true);
    chart->legend()->setAlignment(Qt::AlignRight);
    auto* pie = new QPieSeries;
    qint64 total = 0;
    for (const auto& k : kinds)
        total += std::max<qint64>(0, k.gmv);
    const QColor colours[] = {QColor(0x2f, 0x6f, 0xde), QColor(0xd9, 0x82, 0x2b), QColor(0x1a, 0x7f, 0x37),
                              QColor(0x8a, 0x94, 0xa3)};
    for (int i = 0; i < kinds.size(); ++i) {
        const double share =
            total > 0 ? 100.0 * double(std::max<qint64>(0, kinds[i].gmv)) / double(total) : 0;
        QPieSlice* slice =
            pie->append(u"%1 %2%"_s.arg(kindName(kinds[i].kind), QLocale().toString(share, 'f', 1)),
                        yuan(std::max<qint64>(0, kinds[i].gmv)));
        slice->setColor(colours[std::min(i, 3)]);
        slice->setBorderColor(Qt::white);
        QObject::connect(slice, &QPieSlice::clicked, chart, [clicked, i] { clicked(i); });
        QObject::connect(slice, &QPieSlice::hovered, chart, [k = kinds[i]](bool on) {
            if (!on)
                return QToolTip::hideText();
            QToolTip::showText(QCursor::pos(),
                               tr("%1\nOrders: %2\nGMV: %3 yuan")
                                   .arg(kindName(k.kind), QLocale().toString(k.orders), money(k.gmv)));
        });
    }
    pie->setPieSize(0.8);
    pie->setHoleSize(0.4);
    chart->addSeries(pie);
}

void fillTiers(QChart* chart, const storage::DashboardData& data)
{
    clear(chart);
    chart->legend()->setVisible(true);
    chart->legend()->setAlignment(Qt::AlignBottom);
    auto* now = new QBarSet(tr("This period"));
    now->setColor(kGmv);
    *now << double(data.tierUps) << double(data.tierDowns);
    auto* before = new QBarSet(tr("Previous period"));
    before->setColor(kOrders);
    *before << double(data.previousTierUps) << double(data.previousTierDowns);
    auto* bars = new QBarSeries;
    bars->append(now);
    bars->append(before);
    bars->setLabelsVisible(true);
    bars->setLabelsPosition(QAbstractBarSeries::LabelsInsideEnd);
    chart->addSeries(bars);
    auto* x = new QBarCategoryAxis;
    x->append({tr("Upgrades"), tr("Downgrades")});
    chart->addAxis(x, Qt::AlignBottom);
    auto* y = new QValueAxis;
    const qint64 max = std::max({data.tierUps, data.tierDowns, data.previousTierUps, data.previousTierDowns});
    y->setLabelFormat(u"%.0f"_s);
    if (max < 5) {
        y->setRange(0, 5); // whole numbers on every tick
        y->setTickCount(6);
    } else {
        y->setRange(0, double(max) * 1.15);
        y->applyNiceNumbers();
    }
    chart->addAxis(y, Qt::AlignLeft);
    bars->attachAxis(x);
    bars->attachAxis(y);
}

} // namespace cardops::ui::dashboardcharts
