#include "bridge/acgconvert.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QTimeZone>

namespace cardops::bridge::acg {

namespace {

const QTimeZone& shanghai()
{
    static const QTimeZone tz(8 * 3600); // fixed +08:00
    return tz;
}

} // namespace

QString moneyText(const QString& decimal)
{
    static const QRegularExpression re(QStringLiteral("^([0-9]{1,14})(?:\\.([0-9]{1,4}))?$"));
    const auto m = re.match(decimal);
    if (!m.hasMatch())
        return {};
    QString whole = m.captured(1);
    while (whole.size() > 1 && whole.startsWith(u'0'))
        whole.remove(0, 1);
    return whole + u'.' + m.captured(2).leftJustified(4, u'0');
}

std::optional<core::Money> money(const QString& decimal)
{
    const QString text = moneyText(decimal);
    if (text.isEmpty())
        return std::nullopt;
    auto m = core::Money::parse(text);
    if (!m)
        return std::nullopt;
    return m.value();
}

QString apiMoney(core::Money m)
{
    return m.toString(4);
}

qint64 shanghaiToUnix(const QString& datetime)
{
    if (datetime.isEmpty() || datetime.startsWith(QStringLiteral("0000")))
        return 0;
    QDateTime t = QDateTime::fromString(datetime.left(19), QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    if (!t.isValid())
        return 0;
    t = QDateTime(t.date(), t.time(), shanghai());
    return t.toSecsSinceEpoch();
}

QString shanghaiDay(qint64 unixSeconds)
{
    return QDateTime::fromSecsSinceEpoch(unixSeconds, shanghai()).toString(QStringLiteral("yyyy-MM-dd"));
}

qint64 tierOf(core::Money recharge, const QList<TierRow>& tiers)
{
    qint64 best = 0;
    core::Money bestThreshold;
    for (const TierRow& t : tiers) {
        if (t.threshold.units() > recharge.units())
            continue;
        if (best == 0 || t.threshold.units() > bestThreshold.units()) {
            best = t.id;
            bestThreshold = t.threshold;
        }
    }
    return best;
}

core::Money tierUnitPrice(core::Money userPrice, std::optional<core::Money> levelAmount, bool levelDisable,
                          const TierRow& tier, const QList<qint64>& groupsOfGoods)
{
    core::Money base = userPrice;
    if (levelAmount && levelAmount->units() > 0 && levelAmount->units() < base.units())
        base = *levelAmount;
    if (levelDisable)
        return base;
    for (qint64 group : groupsOfGoods) {
        for (const auto& d : tier.discounts) {
            if (d.first != group)
                continue;
            // The factor percent / 100 truncated to 2 decimals, then base × factor truncated to the cent.
            const auto percent = core::Money::parse(d.second);
            if (!percent || percent->isNegative())
                return base;
            const qint64 factorHundredths = percent->units() / core::Money::UnitsPerYuan; // floor(percent)
            const qint64 cents = base.units() / 100;
            const qint64 discounted = cents * factorHundredths / 100;
            return core::Money::fromUnits(discounted * 100);
        }
    }
    return base;
}

OrderState orderState(const OrderFacts& f)
{
    OrderState s;
    s.handedOver = f.status == 1 && f.deliveryWay == 1;
    if (f.status != 1) {
        s.status = QStringLiteral("unpaid");
        return s;
    }
    if (f.deliveryStatus != 1) {
        s.status = f.deliveryWay == 1 ? QStringLiteral("handed_over") : QStringLiteral("paid");
        return s;
    }
    if (f.deliveryWay == 0 && !f.docked && f.cardsAttached < f.quantity) {
        s.status = QStringLiteral("review");
        s.reviewReason = QStringLiteral("out_of_stock_at_payment");
        return s;
    }
    s.status = QStringLiteral("delivered");
    return s;
}

} // namespace cardops::bridge::acg
