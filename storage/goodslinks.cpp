#include "storage/goodslinks_p.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace cardops::storage::detail {

std::optional<GoodsLink> firstGoodsLink(const QString& json)
{
    const QJsonArray links = QJsonDocument::fromJson(json.toUtf8()).array();
    std::optional<GoodsLink> best;
    qint64 bestPriority = 0;
    for (const QJsonValue& v : links) {
        if (!v.isObject())
            continue;
        const QJsonObject o = v.toObject();
        const qint64 priority = o.contains(u"priority"_s) ? o.value(u"priority"_s).toInteger(1) : 1;
        if (best && priority >= bestPriority)
            continue;
        QString protocol = o.value(u"protocol"_s).toString();
        if (protocol == u"acgfaka") // as older platforms write it
            protocol = u"acg-faka"_s;
        const QJsonValue ref = o.value(u"product_ref"_s);
        best = GoodsLink{protocol, ref.isString() ? ref.toString() : QString::number(ref.toInteger())};
        bestPriority = priority;
    }
    return best;
}

} // namespace cardops::storage::detail
