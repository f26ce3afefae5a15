#include "ui/dashboard/kpicard.h"

#include "core/money.h"

#include <QLabel>
#include <QLocale>
#include <QRegularExpression>
#include <QVBoxLayout>
#include <cmath>

using namespace Qt::StringLiterals;

namespace cardops::ui {

KpiCard::KpiCard(const QString& title, bool lowerIsBetter, Change change, QWidget* parent)
    : QFrame(parent)
    , m_title(new QLabel(title, this))
    , m_value(new QLabel(u"—"_s, this))
    , m_change(new QLabel(this))
    , m_lowerIsBetter(lowerIsBetter)
    , m_kind(change)
{
    setObjectName(u"kpiCard"_s);
    setFrameShape(QFrame::StyledPanel);
    m_title->setObjectName(u"kpiTitle"_s);
    m_value->setObjectName(u"kpiValue"_s);
    m_change->setObjectName(u"kpiChange"_s);
    m_change->setTextFormat(Qt::RichText);
    m_change->setWordWrap(true); // an English change line must not widen the row of six
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 8);
    layout->setSpacing(2);
    layout->addWidget(m_title);
    layout->addWidget(m_value);
    layout->addWidget(m_change);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Minimum); // a row of cards shares one height
}

void KpiCard::setDefinition(const QString& definition)
{
    setToolTip(definition);
}

void KpiCard::setValue(const QString& text, double now, std::optional<double> before, const QString& note)
{
    m_value->setText(text);
    if (m_kind == Change::None || !before) {
        m_change->setText(u"<span style='color:#5b6675'>%1</span>"_s.arg(note.toHtmlEscaped()));
        return;
    }
    if (m_kind == Change::Relative && *before == 0) {
        m_change->setText(u"<span style='color:#5b6675'>%1</span>"_s.arg(
            (note.isEmpty() ? tr("no orders in the previous period") : note).toHtmlEscaped()));
        return;
    }
    const double delta =
        m_kind == Change::Relative ? (now - *before) / std::abs(*before) * 100.0 : (now - *before) * 100.0;
    QString figure = QLocale().toString(std::abs(delta), 'f', 1);
    figure = m_kind == Change::Relative ? tr("%1%").arg(figure) : tr("%1 pp").arg(figure);
    QString arrow = u"■"_s;
    QString colour = u"#5b6675"_s;
    if (std::abs(delta) >= 0.05) {
        const bool up = delta > 0;
        arrow = up ? u"▲"_s : u"▼"_s;
        colour = up != m_lowerIsBetter ? u"#1a7f37"_s : u"#cf222e"_s;
    }
    const QString vs = tr("vs previous period");
    m_change->setText(u"<span style='color:%1'>%2 %3</span> <span style='color:#5b6675'>%4</span>"_s.arg(
        colour, arrow, figure.toHtmlEscaped(), (note.isEmpty() ? vs : note).toHtmlEscaped()));
}

QString KpiCard::valueText() const
{
    return m_value->text();
}

QString KpiCard::changeText() const
{
    QString plain = m_change->text();
    plain.remove(QRegularExpression(u"<[^>]*>"_s));
    return plain;
}

QString kpiformat::money(qint64 units)
{
    const qint64 million = qint64(1'000'000) * core::Money::UnitsPerYuan;
    if (std::llabs(units) >= million) {
        // 万 yuan with 2 places, half away from zero: 0.01 万 = 100 yuan.
        const qint64 step = 100 * core::Money::UnitsPerYuan;
        const qint64 hundreds = units >= 0 ? (units + step / 2) / step : -((-units + step / 2) / step);
        const qint64 a = std::llabs(hundreds);
        const QString text =
            QLocale().toString(a / 100) + u'.' + u"%1"_s.arg(a % 100, 2, 10, QLatin1Char('0'));
        return (hundreds < 0 ? u"-¥"_s : u"¥"_s) + KpiCard::tr("%1×10k").arg(text);
    }
    const QString fixed = core::Money::fromUnits(units).toString(2);
    const qsizetype dot = fixed.indexOf(u'.');
    const bool negative = fixed.startsWith(u'-');
    const qint64 whole = fixed.mid(negative ? 1 : 0, dot - (negative ? 1 : 0)).toLongLong();
    return (negative ? u"-¥"_s : u"¥"_s) + QLocale().toString(whole) + fixed.mid(dot);
}

QString kpiformat::percent(qint64 numerator, qint64 denominator)
{
    if (denominator == 0)
        return u"—"_s;
    return KpiCard::tr("%1%").arg(
        QLocale().toString(100.0 * double(numerator) / double(denominator), 'f', 1));
}

QString kpiformat::duration(qint64 seconds)
{
    if (seconds < 60)
        return KpiCard::tr("%1 s").arg(seconds);
    if (seconds < 3600)
        return KpiCard::tr("%1 min %2 s").arg(seconds / 60).arg(seconds % 60);
    if (seconds < 86400)
        return KpiCard::tr("%1 h %2 min").arg(seconds / 3600).arg(seconds % 3600 / 60);
    return KpiCard::tr("%1 d %2 h").arg(seconds / 86400).arg(seconds % 86400 / 3600);
}

} // namespace cardops::ui
