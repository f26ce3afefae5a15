#pragma once

#include <QFrame>
#include <optional>

class QLabel;

namespace cardops::ui {

// One KPI of the dashboard: its name, the value, and the change against the previous period as a
// green or red arrow (green when the change is good: up for most figures, down for refund rate and
// waiting times). The metric's definition is the card's tooltip.
class KpiCard : public QFrame
{
    Q_OBJECT
public:
    // How a change is written: relative (%) for counts and amounts, in percentage points for rates.
    enum class Change { Relative, Points, None };

    KpiCard(const QString& title, bool lowerIsBetter, Change change, QWidget* parent = nullptr);

    // `now` and `before` are the figures compared (amount units, counts, seconds or ratios); a
    // missing `before` (no previous data) shows a neutral note instead of an arrow.
    void setValue(const QString& text, double now, std::optional<double> before, const QString& note = {});
    void setDefinition(const QString& definition);

    QString valueText() const;
    QString changeText() const;

private:
    QLabel* m_title = nullptr;
    QLabel* m_value = nullptr;
    QLabel* m_change = nullptr;
    bool m_lowerIsBetter = false;
    Change m_kind = Change::Relative;
};

// Display formatting of exact figures (integer units of 1/10000 yuan, seconds).
namespace kpiformat {
// "¥12,345.67", or "¥123.46万" from one million yuan on.
QString money(qint64 units);
// "12.3%"; "—" when the denominator is 0.
QString percent(qint64 numerator, qint64 denominator);
// "45 s", "12 min 5 s", "3 h 20 min", "2 d 4 h".
QString duration(qint64 seconds);
} // namespace kpiformat

} // namespace cardops::ui
