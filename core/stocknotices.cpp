#include "core/stocknotices.h"

#include <QLocale>
#include <QStringList>
#include <algorithm>

namespace cardops::core {

std::optional<Notification> StockNotices::lowStock(const QList<LowStockNotice>& alerts, qint64 at)
{
    QList<LowStockNotice> raised;
    for (const auto& a : alerts)
        if (a.raised)
            raised.append(a);
    if (raised.isEmpty())
        return std::nullopt;
    Notification n;
    n.kind = Notification::Kind::LowStock;
    n.at = at;
    n.title = raised.size() == 1 ? tr("Low stock: %1").arg(raised.first().name)
                                 : tr("%n goods low on stock", nullptr, int(raised.size()));
    const QLocale locale;
    QStringList lines;
    for (qsizetype i = 0; i < std::min<qsizetype>(raised.size(), 3); ++i) {
        const auto& a = raised.at(i);
        lines << (a.available >= 0
                      ? tr("%1 (goods %2): %3 left, alert below %4")
                            .arg(a.name, QString::number(a.goodsId), locale.toString(a.available),
                                 locale.toString(a.threshold))
                      : tr("%1 (goods %2): the supplier is short").arg(a.name, QString::number(a.goodsId)));
    }
    if (raised.size() > 3)
        lines << tr("…and %n more", nullptr, int(raised.size() - 3));
    n.text = lines.join(u'\n');
    return n;
}

} // namespace cardops::core
