#pragma once

#include "core/result.h"

#include <QMetaType>
#include <QString>
#include <QStringView>
#include <compare>
#include <cstdint>

namespace cardops::core {

// An exact amount of money in 1/10000 yuan (domain.md, Money). Never a double: text parses straight
// into units. Arithmetic is plain integer arithmetic; the rounding rules of the trade are the named
// functions below, written once. Value type, any thread.
class Money
{
public:
    static constexpr qint64 UnitsPerYuan = 10000;
    static constexpr qint64 UnitsPerCent = 100;

    constexpr Money() = default;
    static constexpr Money fromUnits(qint64 units) { return Money(units); }
    static constexpr Money fromYuan(qint64 yuan) { return Money(yuan * UnitsPerYuan); }

    // Decimal text: optional sign, digits, optional '.' and at most 4 decimals ("50", "0.9850",
    // "-12.3", "50.0000"). Rejects blanks, exponents, thousands separators, >4 places and overflow.
    static Result<Money> parse(QStringView text);

    constexpr qint64 units() const { return m_units; }
    constexpr bool isZero() const { return m_units == 0; }
    constexpr bool isNegative() const { return m_units < 0; }

    // Fixed places (0..4), '.' as separator, '-' for negatives, no grouping: "12.30", "-0.9850".
    // With fewer than 4 places the value is rounded half away from zero for display.
    QString toString(int places = 2) const;

    // Half away from zero to whole cents (0.01 yuan): the "half-up to 0.01" of domain.md.
    Money roundedToCents() const;

    constexpr Money operator-() const { return Money(-m_units); }
    constexpr Money operator+(Money o) const { return Money(m_units + o.m_units); }
    constexpr Money operator-(Money o) const { return Money(m_units - o.m_units); }
    constexpr Money& operator+=(Money o)
    {
        m_units += o.m_units;
        return *this;
    }
    constexpr Money& operator-=(Money o)
    {
        m_units -= o.m_units;
        return *this;
    }
    constexpr auto operator<=>(const Money&) const = default;

private:
    constexpr explicit Money(qint64 units)
        : m_units(units)
    {}
    qint64 m_units = 0;
};

// A ratio such as a commission rate (0.02), a tier discount (0.98 = 9.8折) or a markup, exact in
// parts per million.
class Rate
{
public:
    static constexpr qint64 PartsPerUnit = 1'000'000;

    constexpr Rate() = default;
    static constexpr Rate fromPpm(qint64 ppm) { return Rate(ppm); }
    // "0.02", "0.98", "1", or a percentage "2%" / "9.5%"; at most 6 decimals of the ratio.
    static Result<Rate> parse(QStringView text);

    constexpr qint64 ppm() const { return m_ppm; }
    QString toString() const; // shortest exact decimal ratio: "0.02", "0.985", "1"
    constexpr auto operator<=>(const Rate&) const = default;

private:
    constexpr explicit Rate(qint64 ppm)
        : m_ppm(ppm)
    {}
    qint64 m_ppm = 0;
};

// The rounding table of domain.md, one function per row.
namespace rounding {

// A line total: unit price × quantity at 4 places, then half-up to 0.01 yuan.
Money lineTotal(Money unitPrice, qint64 quantity);

// A commission entry: rate × the line's paid amount at 4 places, half-up to 0.01 per entry.
Money commission(Money paidAmount, Rate rate);

// A tier price from a discount: price × discount at 4 places, then half-up to 0.01.
Money tierPrice(Money price, Rate discount);

// A partial refund's commission reversal: commission × refunded / paid, at 4 places, half-up to
// 0.01 per entry. Returns the (positive) amount to reverse; a refund ≥ paid reverses it all.
Money commissionReversal(Money commission, Money refunded, Money paid);

} // namespace rounding

} // namespace cardops::core

Q_DECLARE_METATYPE(cardops::core::Money)
