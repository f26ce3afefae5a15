#include "core/stockalerts.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <algorithm>

namespace cardops::core {

namespace {

QString supplierKey(SupplierStock s)
{
    switch (s) {
    case SupplierStock::Plenty:
        return QStringLiteral("plenty");
    case SupplierStock::Low:
        return QStringLiteral("low");
    case SupplierStock::Out:
        return QStringLiteral("out");
    case SupplierStock::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

std::optional<SupplierStock> supplierFromKey(const QString& key)
{
    for (SupplierStock s :
         {SupplierStock::Unknown, SupplierStock::Plenty, SupplierStock::Low, SupplierStock::Out}) {
        if (key == supplierKey(s))
            return s;
    }
    return std::nullopt;
}

// Integer ceil(a / b) for a ≥ 0, b > 0.
qint64 ceilDiv(qint64 a, qint64 b)
{
    return (a + b - 1) / b;
}

} // namespace

SupplierStock supplierStockFrom(QStringView status)
{
    if (status == u"充足")
        return SupplierStock::Plenty;
    if (status == u"警报")
        return SupplierStock::Low;
    if (status == u"断货")
        return SupplierStock::Out;
    return SupplierStock::Unknown;
}

QByteArray toJson(const StockAlertState& state)
{
    QJsonObject o;
    o.insert(QStringLiteral("low"), state.low);
    o.insert(QStringLiteral("since"), state.since);
    if (state.available)
        o.insert(QStringLiteral("available"), *state.available);
    o.insert(QStringLiteral("threshold"), state.threshold);
    o.insert(QStringLiteral("supplier"), supplierKey(state.supplier));
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

Result<StockAlertState> stockAlertStateFromJson(const QByteArray& json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return makeError(ErrorCode::Parse, QStringLiteral("stock alert state: not a JSON object"));
    const QJsonObject o = doc.object();
    StockAlertState state;
    // Qt keeps a JSON number that is a whole qint64 as qint64; a string, a boolean, a fraction or a
    // number beyond 64 bits arrives as another variant type and is refused, so no figure goes
    // through a floating-point conversion.
    const auto integer = [&o](const char* key, qint64& out) {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined())
            return true;
        const QVariant var = v.toVariant();
        if (var.typeId() != QMetaType::LongLong)
            return false;
        out = var.toLongLong();
        return true;
    };
    const QJsonValue low = o.value(QLatin1String("low"));
    if (!low.isUndefined() && !low.isBool())
        return makeError(ErrorCode::Parse, QStringLiteral("stock alert state: low is not a boolean"));
    state.low = low.toBool(false);
    qint64 available = 0;
    if (!integer("since", state.since) || !integer("threshold", state.threshold) ||
        !integer("available", available))
        return makeError(ErrorCode::Parse, QStringLiteral("stock alert state: a figure is not an integer"));
    if (o.contains(QLatin1String("available")))
        state.available = available;
    const QJsonValue supplier = o.value(QLatin1String("supplier"));
    if (!supplier.isUndefined()) {
        const auto s = supplier.isString() ? supplierFromKey(supplier.toString()) : std::nullopt;
        if (!s)
            return makeError(ErrorCode::Parse, QStringLiteral("stock alert state: unknown supplier value"));
        state.supplier = *s;
    }
    return state;
}

bool isLowStock(std::optional<qint64> available, qint64 threshold, SupplierStock supplier)
{
    if (threshold <= 0)
        return false;
    const bool platformLow = available && *available < threshold;
    const bool supplierLow = supplier == SupplierStock::Low || supplier == SupplierStock::Out;
    return platformLow || supplierLow;
}

StockAlertStep stepStockAlert(const StockAlertState& previous, const StockReading& reading, qint64 at)
{
    StockAlertStep step;
    StockAlertState& next = step.state;
    next.available = reading.available ? reading.available : previous.available;
    next.supplier = reading.supplier != SupplierStock::Unknown ? reading.supplier : previous.supplier;
    next.threshold = reading.threshold;
    next.low = isLowStock(next.available, next.threshold, next.supplier);
    if (next.low && !previous.low) {
        next.since = at;
        step.event = StockAlertEvent::Raised;
    } else if (!next.low && previous.low) {
        next.since = 0;
        step.event = StockAlertEvent::Cleared;
    } else {
        next.since = next.low ? previous.since : 0;
    }
    return step;
}

Result<RestockSuggestion> suggestRestock(const QList<DaySales>& sales, qint64 stock,
                                         const RestockParameters& parameters)
{
    const qint64 n = parameters.windowDays;
    const qint64 c = parameters.coverageDays;
    if (n < 1 || n > 366 || c < 0 || c > 366)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("restock: window %1 or coverage %2 days out of range").arg(n).arg(c));
    // The naive baseline always looks at 7 days, whatever the window, so both sets of days are read.
    constexpr qint64 NaiveDays = 7;
    const qint64 firstDay = parameters.lastDay - std::max(n, NaiveDays) + 1;
    // Net total per day inside the window; refunds may make a day negative, which counts as 0 so a
    // refund burst cannot cancel out real demand of other days.
    QMap<qint64, qint64> perDay;
    for (const DaySales& s : sales) {
        if (s.day < firstDay || s.day > parameters.lastDay)
            continue;
        if (s.quantity > MaxDaySales || s.quantity < -MaxDaySales)
            return makeError(
                ErrorCode::InvalidArgument,
                QStringLiteral("restock: day %1 quantity %2 out of range").arg(s.day).arg(s.quantity));
        perDay[s.day] += s.quantity;
    }
    qint64 weighted = 0;
    qint64 lastSeven = 0;
    for (auto it = perDay.cbegin(); it != perDay.cend(); ++it) {
        const qint64 quantity = std::clamp(it.value(), qint64(0), MaxDaySales);
        const qint64 age = parameters.lastDay - it.key();
        if (age < n)
            weighted += (n - age) * quantity;
        if (age < NaiveDays)
            lastSeven += quantity;
    }
    const qint64 weights = n * (n + 1) / 2;
    const qint64 onHand = std::max(stock, qint64(0));

    RestockSuggestion r;
    r.expected = ceilDiv(c * weighted, weights);
    r.suggested = std::max(r.expected - onHand, qint64(0));
    r.lastSevenDays = lastSeven;
    r.naiveExpected = ceilDiv(lastSeven * c, NaiveDays);
    r.naiveSuggested = std::max(r.naiveExpected - onHand, qint64(0));
    r.workings = QStringLiteral("ceil(%1 x %2 / %3) = %4; %4 - stock %5 = %6")
                     .arg(c)
                     .arg(weighted)
                     .arg(weights)
                     .arg(r.expected)
                     .arg(onHand)
                     .arg(r.suggested);
    return r;
}

} // namespace cardops::core
