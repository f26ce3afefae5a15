#include "ui/dashboard/heatmapwidget.h"

#include <QHelpEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <cmath>

namespace cardops::ui {

namespace {

QString weekdayName(int weekday)
{
    static const char* const names[] = {QT_TRANSLATE_NOOP("cardops::ui::HeatMapWidget", "Mon"),
                                        QT_TRANSLATE_NOOP("cardops::ui::HeatMapWidget", "Tue"),
                                        QT_TRANSLATE_NOOP("cardops::ui::HeatMapWidget", "Wed"),
                                        QT_TRANSLATE_NOOP("cardops::ui::HeatMapWidget", "Thu"),
                                        QT_TRANSLATE_NOOP("cardops::ui::HeatMapWidget", "Fri"),
                                        QT_TRANSLATE_NOOP("cardops::ui::HeatMapWidget", "Sat"),
                                        QT_TRANSLATE_NOOP("cardops::ui::HeatMapWidget", "Sun")};
    return HeatMapWidget::tr(names[std::clamp(weekday, 0, 6)]);
}

} // namespace

HeatMapWidget::HeatMapWidget(QWidget* parent)
    : QWidget(parent)
{
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent, false);
}

void HeatMapWidget::setGrid(const Grid& grid)
{
    m_grid = grid;
    m_max = 0;
    for (const auto& row : m_grid)
        for (qint64 v : row)
            m_max = std::max(m_max, v);
    update();
}

int HeatMapWidget::labelWidth() const
{
    int w = 0;
    for (int d = 0; d < 7; ++d)
        w = std::max(w, fontMetrics().horizontalAdvance(weekdayName(d)));
    return w + 10;
}

QRectF HeatMapWidget::gridRect() const
{
    const int top = 4;
    const int bottom = fontMetrics().height() + 6;
    return QRectF(labelWidth(), top, std::max(24, width() - labelWidth() - 6),
                  std::max(7, height() - top - bottom));
}

std::pair<int, int> HeatMapWidget::cellAt(const QPoint& pos) const
{
    const QRectF r = gridRect();
    if (!r.contains(pos))
        return {-1, -1};
    const int hour = std::clamp(int((pos.x() - r.left()) * 24 / r.width()), 0, 23);
    const int day = std::clamp(int((pos.y() - r.top()) * 7 / r.height()), 0, 6);
    return {day, hour};
}

QPoint HeatMapWidget::cellCentre(int weekday, int hour) const
{
    const QRectF r = gridRect();
    return QPointF(r.left() + (hour + 0.5) * r.width() / 24, r.top() + (weekday + 0.5) * r.height() / 7)
        .toPoint();
}

QSize HeatMapWidget::sizeHint() const
{
    return {labelWidth() + 24 * 22, 7 * 22 + fontMetrics().height() + 10};
}

QSize HeatMapWidget::minimumSizeHint() const
{
    return {labelWidth() + 24 * 12, 7 * 14 + fontMetrics().height() + 10};
}

void HeatMapWidget::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing, false);
    const QRectF r = gridRect();
    const qreal cw = r.width() / 24;
    const qreal ch = r.height() / 7;
    const QColor low(0xee, 0xf3, 0xfb);
    const QColor high(0x1a, 0x56, 0xc4);
    for (int d = 0; d < 7; ++d) {
        for (int h = 0; h < 24; ++h) {
            const qint64 v = m_grid[std::size_t(d)][std::size_t(h)];
            const qreal t = m_max > 0 ? qreal(v) / qreal(m_max) : 0;
            auto mix = [t](int a, int b) {
                return a + int(std::lround((b - a) * t));
            };
            const QColor c(mix(low.red(), high.red()), mix(low.green(), high.green()),
                           mix(low.blue(), high.blue()));
            p.fillRect(QRectF(r.left() + h * cw, r.top() + d * ch, cw - 1, ch - 1), c);
        }
        p.setPen(palette().color(QPalette::WindowText));
        p.drawText(QRectF(0, r.top() + d * ch, labelWidth() - 6, ch), Qt::AlignRight | Qt::AlignVCenter,
                   weekdayName(d));
    }
    const int step = cw < fontMetrics().horizontalAdvance(QStringLiteral("00")) + 4 ? 3 : 1;
    for (int h = 0; h < 24; h += step)
        p.drawText(QRectF(r.left() + h * cw, r.bottom() + 2, cw * step, fontMetrics().height()),
                   Qt::AlignLeft | Qt::AlignTop, QString::number(h));
}

void HeatMapWidget::mouseReleaseEvent(QMouseEvent* event)
{
    const auto [day, hour] = cellAt(event->position().toPoint());
    if (event->button() == Qt::LeftButton && day >= 0)
        Q_EMIT cellClicked(day, hour);
    QWidget::mouseReleaseEvent(event);
}

bool HeatMapWidget::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const auto [day, hour] = cellAt(help->pos());
        if (day < 0) {
            QToolTip::hideText();
            return true;
        }
        QToolTip::showText(help->globalPos(),
                           tr("%1 %2:00–%2:59: %3 orders")
                               .arg(weekdayName(day))
                               .arg(hour, 2, 10, QLatin1Char('0'))
                               .arg(QLocale().toString(m_grid[std::size_t(day)][std::size_t(hour)])),
                           this);
        return true;
    }
    return QWidget::event(event);
}

} // namespace cardops::ui
