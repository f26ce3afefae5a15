#include "core/money.h"

#include <limits>

#if defined(_MSC_VER) && !defined(__clang__)
#include <intrin.h>
#endif

namespace cardops::core {
namespace {

constexpr qint64 kMax = std::numeric_limits<qint64>::max();

// a × b / d rounded half away from zero, exact for every int64 a, b and positive d whose result
// fits in int64 (the product itself may not).
qint64 mulDivRound(qint64 a, qint64 b, qint64 d)
{
    Q_ASSERT(d > 0);
#if defined(__SIZEOF_INT128__)
    __extension__ using Wide = __int128;
    const Wide product = static_cast<Wide>(a) * b;
    const Wide magnitude = product < 0 ? -product : product;
    Wide q = magnitude / d;
    if ((magnitude % d) * 2 >= d)
        ++q;
    return static_cast<qint64>(product < 0 ? -q : q);
#elif defined(_MSC_VER)
    qint64 high = 0;
    const qint64 low = _mul128(a, b, &high);
    const bool negative = (high < 0);
    unsigned __int64 uhigh = static_cast<unsigned __int64>(high);
    unsigned __int64 ulow = static_cast<unsigned __int64>(low);
    if (negative) { // two's complement negate of the 128-bit value
        ulow = ~ulow + 1;
        uhigh = ~uhigh + (ulow == 0 ? 1 : 0);
    }
    unsigned __int64 rem = 0;
    unsigned __int64 q = _udiv128(uhigh, ulow, static_cast<unsigned __int64>(d), &rem);
    if (rem * 2 >= static_cast<unsigned __int64>(d))
        ++q;
    return negative ? -static_cast<qint64>(q) : static_cast<qint64>(q);
#else
#error "mulDivRound needs a 128-bit product"
#endif
}

qint64 roundToMultiple(qint64 v, qint64 step)
{
    return mulDivRound(v, 1, step) * step;
}

// Parses [sign] digits ['.' digits] into an integer scaled by 10^maxPlaces.
Result<qint64> parseDecimal(QStringView text, int maxPlaces, const char* what)
{
    auto fail = [&](const QString& why) {
        return makeError(ErrorCode::Parse,
                         QString::fromLatin1(what) + u" '" + text.toString() + u"': " + why);
    };
    qsizetype i = 0;
    bool negative = false;
    if (i < text.size() && (text[i] == u'-' || text[i] == u'+')) {
        negative = text[i] == u'-';
        ++i;
    }
    qint64 whole = 0;
    int intDigits = 0;
    while (i < text.size() && text[i].isDigit() && text[i].unicode() < 128) {
        const int digit = text[i].unicode() - u'0';
        if (whole > (kMax - digit) / 10)
            return fail(QStringLiteral("out of range"));
        whole = whole * 10 + digit;
        ++intDigits;
        ++i;
    }
    if (intDigits == 0)
        return fail(QStringLiteral("expected digits"));
    qint64 fraction = 0;
    int places = 0;
    if (i < text.size() && text[i] == u'.') {
        ++i;
        while (i < text.size() && text[i].isDigit() && text[i].unicode() < 128) {
            if (places == maxPlaces)
                return fail(QStringLiteral("more than %1 decimal places").arg(maxPlaces));
            fraction = fraction * 10 + (text[i].unicode() - u'0');
            ++places;
            ++i;
        }
        if (places == 0)
            return fail(QStringLiteral("expected digits after '.'"));
    }
    if (i != text.size())
        return fail(QStringLiteral("unexpected character"));
    qint64 scale = 1;
    for (int p = 0; p < maxPlaces; ++p)
        scale *= 10;
    for (int p = places; p < maxPlaces; ++p)
        fraction *= 10;
    if (whole > (kMax - fraction) / scale)
        return fail(QStringLiteral("out of range"));
    const qint64 value = whole * scale + fraction;
    return negative ? -value : value;
}

QString formatScaled(qint64 value, int scaleDigits, int places)
{
    // value is scaled by 10^scaleDigits; show `places` decimals after rounding half away from zero.
    qint64 divisor = 1;
    for (int p = places; p < scaleDigits; ++p)
        divisor *= 10;
    const qint64 rounded = mulDivRound(value, 1, divisor);
    const bool negative = rounded < 0;
    // Magnitude as unsigned so INT64_MIN cannot overflow.
    const auto magnitude = negative ? 0ULL - static_cast<quint64>(rounded) : static_cast<quint64>(rounded);
    quint64 scale = 1;
    for (int p = 0; p < places; ++p)
        scale *= 10;
    QString out;
    if (negative)
        out += u'-';
    out += QString::number(magnitude / scale);
    if (places > 0)
        out += u'.' + QStringLiteral("%1").arg(magnitude % scale, places, 10, QChar(u'0'));
    return out;
}

} // namespace

Result<Money> Money::parse(QStringView text)
{
    auto units = parseDecimal(text.trimmed(), 4, "amount");
    if (!units)
        return units.error();
    return Money(*units);
}

QString Money::toString(int places) const
{
    Q_ASSERT(places >= 0 && places <= 4);
    return formatScaled(m_units, 4, places);
}

Money Money::roundedToCents() const
{
    return Money(roundToMultiple(m_units, UnitsPerCent));
}

Result<Rate> Rate::parse(QStringView text)
{
    QStringView t = text.trimmed();
    if (t.endsWith(u'%')) {
        // A percentage has two fewer decimals of the ratio to spend.
        auto percent = parseDecimal(t.chopped(1).trimmed(), 4, "percentage");
        if (!percent)
            return percent.error();
        return Rate(*percent);
    }
    auto ppm = parseDecimal(t, 6, "rate");
    if (!ppm)
        return ppm.error();
    return Rate(*ppm);
}

QString Rate::toString() const
{
    QString s = formatScaled(m_ppm, 6, 6);
    while (s.endsWith(u'0'))
        s.chop(1);
    if (s.endsWith(u'.'))
        s.chop(1);
    return s;
}

namespace rounding {

Money lineTotal(Money unitPrice, qint64 quantity)
{
    // Units already have 4 places, so the product is exact at 4 places.
    return Money::fromUnits(mulDivRound(unitPrice.units(), quantity, 1)).roundedToCents();
}

Money commission(Money paidAmount, Rate rate)
{
    const qint64 atFourPlaces = mulDivRound(paidAmount.units(), rate.ppm(), Rate::PartsPerUnit);
    return Money::fromUnits(atFourPlaces).roundedToCents();
}

Money tierPrice(Money price, Rate discount)
{
    return commission(price, discount);
}

Money commissionReversal(Money commissionAmount, Money refunded, Money paid)
{
    if (paid.units() <= 0 || refunded >= paid)
        return commissionAmount;
    if (refunded.units() <= 0)
        return Money();
    const qint64 atFourPlaces = mulDivRound(commissionAmount.units(), refunded.units(), paid.units());
    return Money::fromUnits(atFourPlaces).roundedToCents();
}

} // namespace rounding
} // namespace cardops::core
