#include "core/platformtypes.h"

namespace cardops::core {

QByteArray feedName(Feed feed)
{
    switch (feed) {
    case Feed::Categories:
        return QByteArrayLiteral("categories");
    case Feed::Goods:
        return QByteArrayLiteral("goods");
    case Feed::Members:
        return QByteArrayLiteral("members");
    case Feed::Orders:
        return QByteArrayLiteral("orders");
    case Feed::Ledger:
        return QByteArrayLiteral("ledger");
    case Feed::Withdrawals:
        return QByteArrayLiteral("withdrawals");
    }
    return {};
}

} // namespace cardops::core
