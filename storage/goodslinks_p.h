#pragma once

#include <QString>
#include <optional>

namespace cardops::storage::detail {

// One entry of a goods' supplier_links as the platform sends it (docs/platform-api.md).
struct GoodsLink
{
    QString protocol; // "acg-faka" (older platforms write "acgfaka") or "fulu"
    QString ref;      // the supplier's product id
};

// The first link of a goods: the lowest priority, then the first in the platform's order; nothing
// when the JSON holds no link object.
std::optional<GoodsLink> firstGoodsLink(const QString& json);

} // namespace cardops::storage::detail
