#include "models/weeklyreportpdf.h"

#include "core/csvexport.h"

#include <QFontMetricsF>
#include <QIODevice>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPainterPath>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QTextOption>
#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace cardops::models {

namespace {

namespace wr = storage::weeklyreport;
using Text = WeeklyReportText;

constexpr qreal Left = 48.0;
constexpr qreal Width = WeeklyReportPdf::PageWidth - 2 * Left;
const QColor Ink(0x22, 0x2b, 0x36);
const QColor Muted(0x6b, 0x75, 0x80);
const QColor Accent(0x1f, 0x5f, 0x99);
const QColor Bad(0xc0, 0x39, 0x2b);
const QColor Good(0x1e, 0x84, 0x49);
const QColor Rule(0xd5, 0xdb, 0xe1);
const QColor Band(0xf2, 0xf5, 0xf8);

QFont font(int pixels, bool bold = false)
{
    QFont f;
    f.setFamilies({u"Noto Sans CJK SC"_s, u"Noto Sans SC"_s, u"Source Han Sans SC"_s, u"Microsoft YaHei"_s,
                   u"PingFang SC"_s, u"WenQuanYi Micro Hei"_s});
    f.setPixelSize(pixels);
    f.setBold(bold);
    f.setHintingPreference(QFont::PreferNoHinting);
    return f;
}

struct Column
{
    QString title;
    qreal width = 0;
    Qt::Alignment align = Qt::AlignLeft;
};

// A table with a shaded header and banded rows; text that does not fit is elided, never clipped.
// `lastColours`: the colour of each row's last cell (a change read as better or worse), if any.
qreal drawTable(QPainter& p, qreal y, const QList<Column>& columns, const QList<QStringList>& rows,
                const QList<QColor>& lastColours = {}, qreal rowHeight = 18)
{
    p.setFont(font(9, true));
    p.fillRect(QRectF(Left, y, Width, rowHeight), Band);
    qreal x = Left;
    const QFontMetricsF headerMetrics(p.font());
    for (const Column& c : columns) {
        p.setPen(Muted);
        p.drawText(QRectF(x + 4, y, c.width - 8, rowHeight),
                   headerMetrics.elidedText(c.title, Qt::ElideRight, c.width - 8),
                   QTextOption(c.align | Qt::AlignVCenter));
        x += c.width;
    }
    y += rowHeight;
    p.setFont(font(9));
    const QFontMetricsF metrics(p.font());
    for (int r = 0; r < rows.size(); ++r) {
        if (r % 2 == 1)
            p.fillRect(QRectF(Left, y, Width, rowHeight), QColor(0xfa, 0xfb, 0xfc));
        x = Left;
        for (int c = 0; c < columns.size(); ++c) {
            const qreal w = columns[c].width - 8;
            const QString cell = metrics.elidedText(rows[r].value(c), Qt::ElideRight, w);
            p.setPen(c == columns.size() - 1 && r < lastColours.size() ? lastColours[r] : Ink);
            p.drawText(QRectF(x + 4, y, w, rowHeight), cell,
                       QTextOption(columns[c].align | Qt::AlignVCenter));
            x += columns[c].width;
        }
        y += rowHeight;
        p.setPen(QPen(Rule, 0.5));
        p.drawLine(QPointF(Left, y), QPointF(Left + Width, y));
    }
    return y;
}

qreal heading(QPainter& p, qreal y, const QString& text)
{
    p.setFont(font(13, true));
    p.setPen(Accent);
    p.drawText(QRectF(Left, y, Width, 20), Qt::AlignLeft | Qt::AlignVCenter, text);
    p.setPen(QPen(Accent, 1.2));
    p.drawLine(QPointF(Left, y + 22), QPointF(Left + Width, y + 22));
    return y + 30;
}

void footer(QPainter& p, int index, const WeeklyReportContent& content)
{
    p.setFont(font(8));
    p.setPen(Muted);
    const QRectF band(Left, WeeklyReportPdf::PageHeight - 36, Width, 14);
    p.drawText(
        band, Qt::AlignLeft | Qt::AlignVCenter,
        WeeklyReportPdf::tr("CardOps weekly operations report %1").arg(core::formatIsoWeek(content.week)));
    p.drawText(band, Qt::AlignRight | Qt::AlignVCenter,
               WeeklyReportPdf::tr("Page %1 of %2").arg(index + 1).arg(WeeklyReportPdf::PageCount));
}

// The smallest of 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10^k at or above `value` (at least 4, so the
// four grid steps stay whole numbers for small counts).
qint64 niceCeiling(qint64 value)
{
    if (value <= 4)
        return 4;
    qint64 magnitude = 1;
    while (magnitude * 10 <= value)
        magnitude *= 10;
    for (qint64 tenths : {10, 12, 15, 20, 25, 30, 40, 50, 60, 80, 100}) {
        const qint64 top = tenths * magnitude / 10;
        if (top >= value && top % 4 == 0)
            return top;
    }
    return magnitude * 10;
}

struct Series
{
    QStringList labels;
    QList<qint64> values; // in the unit of `format`
    std::function<QString(qint64)> format;
};

// The plot area of a vertical chart with its grid and y labels; returns the area and the top value.
QRectF verticalGrid(QPainter& p, const QRectF& rect, const Series& s, qint64& top)
{
    top = niceCeiling(std::max<qint64>(1, *std::max_element(s.values.cbegin(), s.values.cend())));
    const QRectF plot(rect.left() + 64, rect.top() + 14, rect.width() - 72, rect.height() - 34);
    p.setFont(font(8));
    for (int i = 0; i <= 4; ++i) {
        const qreal y = plot.bottom() - plot.height() * i / 4;
        p.setPen(QPen(i == 0 ? Muted : Rule, i == 0 ? 0.8 : 0.5));
        p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
        p.setPen(Muted);
        p.drawText(QRectF(rect.left(), y - 7, 58, 14), Qt::AlignRight | Qt::AlignVCenter,
                   s.format(top * i / 4));
    }
    const qreal slot = plot.width() / qreal(s.values.size());
    for (int i = 0; i < s.labels.size(); ++i)
        p.drawText(QRectF(plot.left() + slot * i, plot.bottom() + 4, slot, 14), Qt::AlignCenter, s.labels[i]);
    return plot;
}

void barChart(QPainter& p, const QRectF& rect, const Series& s)
{
    qint64 top = 1;
    const QRectF plot = verticalGrid(p, rect, s, top);
    const qreal slot = plot.width() / qreal(s.values.size());
    for (int i = 0; i < s.values.size(); ++i) {
        const qreal h = plot.height() * qreal(s.values[i]) / qreal(top);
        const QRectF bar(plot.left() + slot * i + slot * 0.2, plot.bottom() - h, slot * 0.6, h);
        p.fillRect(bar, Accent);
        p.setPen(Ink);
        p.drawText(QRectF(plot.left() + slot * i, bar.top() - 14, slot, 12), Qt::AlignCenter,
                   s.format(s.values[i]));
    }
}

void lineChart(QPainter& p, const QRectF& rect, const Series& s)
{
    qint64 top = 1;
    const QRectF plot = verticalGrid(p, rect, s, top);
    const qreal slot = plot.width() / qreal(s.values.size());
    QPainterPath path;
    QList<QPointF> points;
    for (int i = 0; i < s.values.size(); ++i) {
        const QPointF at(plot.left() + slot * (i + 0.5),
                         plot.bottom() - plot.height() * qreal(s.values[i]) / qreal(top));
        points.append(at);
        i == 0 ? path.moveTo(at) : path.lineTo(at);
    }
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(Good, 1.6));
    p.drawPath(path);
    p.setBrush(Qt::white);
    for (int i = 0; i < points.size(); ++i) {
        p.setPen(QPen(Good, 1.4));
        p.drawEllipse(points[i], 2.6, 2.6);
        p.setPen(Ink);
        p.drawText(QRectF(points[i].x() - slot / 2, points[i].y() - 17, slot, 12), Qt::AlignCenter,
                   s.format(s.values[i]));
    }
    p.setBrush(Qt::NoBrush);
}

void horizontalBars(QPainter& p, const QRectF& rect, const Series& s)
{
    if (s.values.isEmpty()) {
        p.setFont(font(9));
        p.setPen(Muted);
        p.drawText(rect, Qt::AlignCenter, WeeklyReportPdf::tr("No paid orders this week."));
        return;
    }
    const qint64 top = std::max<qint64>(1, *std::max_element(s.values.cbegin(), s.values.cend()));
    const qreal labelWidth = 150;
    const qreal valueWidth = 80;
    const qreal row = std::min<qreal>(26, rect.height() / qreal(s.values.size()));
    p.setFont(font(9));
    const QFontMetricsF metrics(p.font());
    for (int i = 0; i < s.values.size(); ++i) {
        const qreal y = rect.top() + row * i;
        p.setPen(Ink);
        p.drawText(QRectF(rect.left(), y, labelWidth - 8, row), Qt::AlignRight | Qt::AlignVCenter,
                   metrics.elidedText(s.labels[i], Qt::ElideRight, labelWidth - 8));
        const qreal full = rect.width() - labelWidth - valueWidth;
        const qreal w = std::max<qreal>(1, full * qreal(s.values[i]) / qreal(top));
        p.fillRect(QRectF(rect.left() + labelWidth, y + row * 0.2, w, row * 0.6),
                   i == 0 ? Accent : Accent.lighter(140));
        p.drawText(QRectF(rect.left() + labelWidth + w + 6, y, valueWidth, row),
                   Qt::AlignLeft | Qt::AlignVCenter, s.format(s.values[i]));
    }
}

QString wholeYuan(qint64 units)
{
    return Text::yuan(core::Money::fromUnits(units / core::Money::UnitsPerYuan * core::Money::UnitsPerYuan))
        .chopped(3);
}

void titlePage(QPainter& p, const WeeklyReportContent& c)
{
    const wr::PeriodFigures& now = c.data.current;
    const wr::PeriodFigures& before = c.data.previous;
    p.fillRect(QRectF(0, 0, WeeklyReportPdf::PageWidth, 118), Accent);
    p.setPen(Qt::white);
    p.setFont(font(24, true));
    p.drawText(QRectF(Left, 30, Width, 34), Qt::AlignLeft | Qt::AlignVCenter,
               WeeklyReportPdf::tr("Weekly operations report"));
    p.setFont(font(11));
    p.drawText(QRectF(Left, 68, Width, 18), Qt::AlignLeft | Qt::AlignVCenter,
               WeeklyReportPdf::tr("%1 · %2 (Asia/Shanghai business days)")
                   .arg(core::formatIsoWeek(c.week), Text::weekRange(c.week)));
    p.setFont(font(9));
    p.drawText(QRectF(Left, 88, Width, 16), Qt::AlignLeft | Qt::AlignVCenter,
               WeeklyReportPdf::tr("Generated %1 · compared with the week before")
                   .arg(core::formatShanghaiTime(c.data.asOf)));

    qreal y = heading(p, 136, WeeklyReportPdf::tr("Key figures"));
    auto count = [](qint64 v) {
        return QString::number(v);
    };
    auto money = [](core::Money m) {
        return Text::yuan(m);
    };
    auto points = [](qint64 a, qint64 b) -> QString {
        const qint64 d = (a - b) / 1000; // tenths of a percentage point
        return (d > 0   ? u"+"_s
                : d < 0 ? u"-"_s
                        : QString()) +
               u"%1.%2 pt"_s.arg(std::abs(d) / 10).arg(std::abs(d) % 10);
    };
    const QList<QStringList> rows = {
        {WeeklyReportPdf::tr("Paid orders"), count(now.orders), count(before.orders),
         Text::change(now.orders, before.orders)},
        {WeeklyReportPdf::tr("GMV"), money(now.gmv), money(before.gmv),
         Text::change(now.gmv.units(), before.gmv.units())},
        {WeeklyReportPdf::tr("Gross profit"), money(now.grossProfit), money(before.grossProfit),
         Text::change(now.grossProfit.units(), before.grossProfit.units())},
        {WeeklyReportPdf::tr("Gross margin"), Text::percent(now.marginPpm), Text::percent(before.marginPpm),
         points(now.marginPpm, before.marginPpm)},
        {WeeklyReportPdf::tr("Average order value"), money(now.averageOrder), money(before.averageOrder),
         Text::change(now.averageOrder.units(), before.averageOrder.units())},
        {WeeklyReportPdf::tr("Refund rate"), Text::percent(now.refundRatePpm),
         Text::percent(before.refundRatePpm), points(now.refundRatePpm, before.refundRatePpm)},
        {WeeklyReportPdf::tr("Repurchase rate"), Text::percent(now.repurchaseRatePpm),
         Text::percent(before.repurchaseRatePpm), points(now.repurchaseRatePpm, before.repurchaseRatePpm)},
        {WeeklyReportPdf::tr("Automation share"), Text::percent(now.automationPpm),
         Text::percent(before.automationPpm), points(now.automationPpm, before.automationPpm)},
        {WeeklyReportPdf::tr("Paid to delivered (average)"), Text::duration(now.averageDeliverSeconds),
         Text::duration(before.averageDeliverSeconds),
         Text::change(now.averageDeliverSeconds, before.averageDeliverSeconds)},
        {WeeklyReportPdf::tr("Review waiting (average)"), Text::duration(now.averageReviewSeconds),
         Text::duration(before.averageReviewSeconds),
         Text::change(now.averageReviewSeconds, before.averageReviewSeconds)},
        {WeeklyReportPdf::tr("Supplier failures / unknown"), Text::percent(now.supplierFailurePpm),
         Text::percent(before.supplierFailurePpm), points(now.supplierFailurePpm, before.supplierFailurePpm)},
        {WeeklyReportPdf::tr("Supplier spend"), money(now.supplierSpend), money(before.supplierSpend),
         Text::change(now.supplierSpend.units(), before.supplierSpend.units())},
        {WeeklyReportPdf::tr("Commissions"), money(now.commissions), money(before.commissions),
         Text::change(now.commissions.units(), before.commissions.units())},
        {WeeklyReportPdf::tr("Tier moves (up / down)"), u"%1 / %2"_s.arg(now.tierUps).arg(now.tierDowns),
         u"%1 / %2"_s.arg(before.tierUps).arg(before.tierDowns), QString()},
    };
    // Green when the change is good news, red when it is bad; +1: higher is better, −1: worse.
    const std::pair<std::pair<qint64, qint64>, int> directions[] = {
        {{now.orders, before.orders}, 1},
        {{now.gmv.units(), before.gmv.units()}, 1},
        {{now.grossProfit.units(), before.grossProfit.units()}, 1},
        {{now.marginPpm, before.marginPpm}, 1},
        {{now.averageOrder.units(), before.averageOrder.units()}, 1},
        {{now.refundRatePpm, before.refundRatePpm}, -1},
        {{now.repurchaseRatePpm, before.repurchaseRatePpm}, 1},
        {{now.automationPpm, before.automationPpm}, 1},
        {{now.averageDeliverSeconds, before.averageDeliverSeconds}, -1},
        {{now.averageReviewSeconds, before.averageReviewSeconds}, -1},
        {{now.supplierFailurePpm, before.supplierFailurePpm}, -1},
        {{0, 0}, 0},
        {{0, 0}, 0},
        {{0, 0}, 0},
    };
    QList<QColor> tones;
    for (const auto& [values, better] : directions) {
        const auto [a, b] = values;
        tones.append(better == 0 || a == b ? Ink : ((a > b) == (better > 0) ? Good : Bad));
    }
    static const QRegularExpression nonZero(u"[1-9]"_s);
    for (qsizetype i = 0; i < tones.size() && i < rows.size(); ++i)
        if (!rows[i].value(3).contains(nonZero))
            tones[i] = Ink; // a change that shows as 0.0 is no news

    const Qt::Alignment right = Qt::AlignRight;
    y = drawTable(p, y,
                  {{WeeklyReportPdf::tr("Metric"), 190},
                   {WeeklyReportPdf::tr("This week"), 110, right},
                   {WeeklyReportPdf::tr("Week before"), 110, right},
                   {WeeklyReportPdf::tr("Change"), Width - 410, right}},
                  rows, tones);

    y = heading(p, y + 18, WeeklyReportPdf::tr("The three worst steps of the week"));
    for (int i = 0; i < std::min<qsizetype>(3, c.steps.size()); ++i) {
        const core::RankedStep& s = c.steps[i];
        const core::OrderStep step = s.figure.step;
        const QRectF box(Left, y, Width, 84);
        p.setPen(QPen(Rule, 0.8));
        p.setBrush(Band);
        p.drawRoundedRect(box, 4, 4);
        p.setBrush(Qt::NoBrush);
        p.fillRect(QRectF(Left, y, 4, 84), s.scoreBp > 0 ? Bad : Good);
        p.setPen(s.scoreBp > 0 ? Bad : Good);
        p.setFont(font(18, true));
        p.drawText(QRectF(Left + 10, y + 6, 28, 28), Qt::AlignCenter, QString::number(i + 1));
        p.setPen(Ink);
        p.setFont(font(12, true));
        p.drawText(QRectF(Left + 44, y + 6, Width - 54, 20), Qt::AlignLeft | Qt::AlignVCenter,
                   Text::stepName(step));
        const QString previous = s.figure.previous ? Text::stepValue(step, *s.figure.previous) : u"—"_s;
        const QString target =
            (s.figure.higherIsWorse ? u"≤ "_s : u"≥ "_s) + Text::stepValue(step, s.figure.target);
        p.setFont(font(9));
        p.drawText(QRectF(Left + 44, y + 27, Width - 54, 14), Qt::AlignLeft | Qt::AlignVCenter,
                   WeeklyReportPdf::tr("This week %1 · week before %2 · target %3 · worse by %4")
                       .arg(Text::stepValue(step, s.figure.current), previous, target,
                            s.scoreBp > 0 ? Text::percent(s.scoreBp * 100) : WeeklyReportPdf::tr("nothing")));
        p.setPen(Muted);
        // Two lines at most: a longer translation is elided rather than cut off.
        const QRectF note(Left + 44, y + 44, Width - 54, 34);
        const QString suggestion = WeeklyReportPdf::tr("Suggestion: %1").arg(Text::stepSuggestion(step));
        const QFontMetricsF metrics(p.font());
        const QRectF needed = metrics.boundingRect(note, Qt::TextWordWrap, suggestion);
        p.drawText(note, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap,
                   needed.height() <= note.height()
                       ? suggestion
                       : metrics.elidedText(suggestion, Qt::ElideRight, note.width() * 1.9));
        y += 92;
    }
}

void chartsPage(QPainter& p, const WeeklyReportContent& c)
{
    Series gmv;
    Series orders;
    for (const wr::DayFigures& d : c.data.days) {
        gmv.labels.append(Text::dayLabel(d.day));
        gmv.values.append(d.gmv.units());
        orders.values.append(d.orders);
    }
    orders.labels = gmv.labels;
    gmv.format = wholeYuan;
    orders.format = [](qint64 v) {
        return QString::number(v);
    };
    qreal y = heading(p, 40, WeeklyReportPdf::tr("Daily GMV"));
    barChart(p, QRectF(Left, y, Width, 210), gmv);
    y = heading(p, y + 226, WeeklyReportPdf::tr("Daily paid orders"));
    lineChart(p, QRectF(Left, y, Width, 190), orders);
    y = heading(p, y + 206, WeeklyReportPdf::tr("Top goods by GMV"));
    Series goods;
    for (const wr::GoodsFigures& g : c.data.topGoods) {
        goods.labels.append(g.name.isEmpty() ? WeeklyReportPdf::tr("Goods %1").arg(g.goodsId) : g.name);
        goods.values.append(g.gmv.units());
    }
    goods.format = wholeYuan;
    horizontalBars(p, QRectF(Left, y + 4, Width, 210), goods);
}

void tablesPage(QPainter& p, const WeeklyReportContent& c)
{
    const Qt::Alignment right = Qt::AlignRight;
    qreal y = heading(p, 40, WeeklyReportPdf::tr("Top goods"));
    QList<QStringList> goods;
    for (const wr::GoodsFigures& g : c.data.topGoods)
        goods.append({g.name, QString::number(g.orders), QString::number(g.quantity), Text::yuan(g.gmv),
                      Text::percent(g.refundRatePpm), Text::percent(g.sellThroughPpm),
                      QString::number(g.stock)});
    y = drawTable(p, y,
                  {{WeeklyReportPdf::tr("Goods"), 139},
                   {WeeklyReportPdf::tr("Orders"), 45, right},
                   {WeeklyReportPdf::tr("Units"), 45, right},
                   {WeeklyReportPdf::tr("GMV"), 80, right},
                   {WeeklyReportPdf::tr("Refund rate"), 62, right},
                   {WeeklyReportPdf::tr("Sell-through"), 68, right},
                   {WeeklyReportPdf::tr("Stock now"), 60, right}},
                  goods);

    y = heading(p, y + 20, WeeklyReportPdf::tr("Supplier balances"));
    QList<QStringList> suppliers;
    auto optional = [](const std::optional<core::Money>& m) -> QString {
        return m ? Text::yuan(*m) : u"—"_s;
    };
    for (const wr::SupplierFigures& s : c.data.suppliers)
        suppliers.append(
            {s.supplierId, optional(s.balanceAtStart), optional(s.balanceAtEnd), Text::yuan(s.spend),
             optional(s.balance),
             s.low ? WeeklyReportPdf::tr("Low") : (s.balance ? WeeklyReportPdf::tr("OK") : u"—"_s)});
    if (suppliers.isEmpty())
        suppliers.append({WeeklyReportPdf::tr("No suppliers docked.")});
    y = drawTable(p, y,
                  {{WeeklyReportPdf::tr("Supplier"), 109},
                   {WeeklyReportPdf::tr("Week start"), 80, right},
                   {WeeklyReportPdf::tr("Week end"), 80, right},
                   {WeeklyReportPdf::tr("Spend"), 80, right},
                   {WeeklyReportPdf::tr("Balance now"), 90, right},
                   {WeeklyReportPdf::tr("State"), 60, right}},
                  suppliers);

    y = heading(p, y + 20, WeeklyReportPdf::tr("Now (when the report was made)"));
    const wr::ReviewQueue& q = c.data.review;
    y = drawTable(
        p, y, {{WeeklyReportPdf::tr("Item"), 250}, {WeeklyReportPdf::tr("Value"), Width - 250, right}},
        {{WeeklyReportPdf::tr("Orders in review"), QString::number(q.orders)},
         {WeeklyReportPdf::tr("Oldest in review"), Text::duration(q.oldestSeconds)},
         {WeeklyReportPdf::tr("Average age in review"), Text::duration(q.averageSeconds)},
         {WeeklyReportPdf::tr("Card goods out of stock"), QString::number(c.data.stock.outOfStock)},
         {WeeklyReportPdf::tr("Card goods at or below threshold"), QString::number(c.data.stock.lowStock)}});

    y = heading(p, y + 20, WeeklyReportPdf::tr("Definitions"));
    p.setFont(font(8));
    p.setPen(Muted);
    const QString notes = WeeklyReportPdf::tr(
        "Paid orders are orders not unpaid or cancelled, counted on their creation day (Asia/Shanghai). "
        "Gross profit = paid amount − refunds − cost of delivered goods − payment fee estimate (0.6% of amounts not paid from "
        "balance). Repurchase rate = members with ≥ 2 paid orders in the week / members with ≥ 1. Automation "
        "share = orders delivered without review / all delivered. Sell-through = units sold / (units sold + "
        "stock now). A step's score is how much worse it got than the week before or than its target, "
        "whichever is larger.");
    p.drawText(QRectF(Left, y, Width, 90), Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, notes);
}

} // namespace

void WeeklyReportPdf::paintPage(QPainter& painter, int index, const WeeklyReportContent& content)
{
    painter.save();
    painter.fillRect(QRectF(0, 0, PageWidth, PageHeight), Qt::white);
    if (index == 0)
        titlePage(painter, content);
    else if (index == 1)
        chartsPage(painter, content);
    else
        tablesPage(painter, content);
    footer(painter, index, content);
    painter.restore();
}

core::Result<void> WeeklyReportPdf::write(QIODevice* device, const WeeklyReportContent& content)
{
    {
        QPdfWriter writer(device);
        writer.setResolution(300);
        writer.setPageLayout(
            QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(0, 0, 0, 0)));
        writer.setTitle(tr("Weekly operations report %1").arg(core::formatIsoWeek(content.week)));
        writer.setCreator(u"CardOps"_s);
        QPainter painter;
        if (!painter.begin(&writer))
            return core::Error{core::ErrorCode::Io, u"cannot start the PDF"_s};
        const qreal scale = writer.resolution() / 72.0;
        for (int i = 0; i < PageCount; ++i) {
            if (i > 0 && !writer.newPage())
                return core::Error{core::ErrorCode::Io, u"cannot add a PDF page"_s};
            painter.resetTransform();
            painter.scale(scale, scale);
            paintPage(painter, i, content);
        }
        if (!painter.end())
            return core::Error{core::ErrorCode::Io, u"cannot finish the PDF"_s};
    }
    if (!device->isOpen() || device->size() <= 0)
        return core::Error{core::ErrorCode::Io, u"the PDF was not written"_s};
    return {};
}

QImage WeeklyReportPdf::renderPage(int index, const WeeklyReportContent& content, int dpi)
{
    const qreal scale = dpi / 72.0;
    QImage image(qRound(PageWidth * scale), qRound(PageHeight * scale), QImage::Format_RGB32);
    image.setDotsPerMeterX(qRound(dpi / 0.0254));
    image.setDotsPerMeterY(qRound(dpi / 0.0254));
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::TextAntialiasing);
    painter.scale(scale, scale);
    paintPage(painter, index, content);
    return image;
}

} // namespace cardops::models
