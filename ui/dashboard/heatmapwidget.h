#pragma once

#include <QWidget>
#include <array>

namespace cardops::ui {

// Orders by weekday (rows, Monday first) × Shanghai hour (columns), painted as a heat map: the
// darker the cell, the more orders; the count in a tooltip. A click on a cell emits cellClicked.
class HeatMapWidget : public QWidget
{
    Q_OBJECT
public:
    using Grid = std::array<std::array<qint64, 24>, 7>;

    explicit HeatMapWidget(QWidget* parent = nullptr);

    void setGrid(const Grid& grid);
    const Grid& grid() const { return m_grid; }
    // The cell under a point of the widget; {-1, -1} outside the grid.
    std::pair<int, int> cellAt(const QPoint& pos) const;
    // The centre of a cell (tests click there).
    QPoint cellCentre(int weekday, int hour) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void cellClicked(int weekday, int hour);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    bool event(QEvent* event) override;

private:
    QRectF gridRect() const;
    int labelWidth() const;

    Grid m_grid{};
    qint64 m_max = 0;
};

} // namespace cardops::ui
