#pragma once

#include "sim/data/acgfakastate.h"
#include "sim/data/fulustate.h"
#include "sim/data/simtypes.h"

#include <QList>

namespace cardops::sim {

// Makes the supplier roles carry every product the platform's goods link to, so the demo's links
// resolve: a Fulu product per "fulu" link and an acg-faka goods per "acg-faka" link, named after
// the goods, costing within ±3 % of the goods' cost — except every fifteenth link (from the
// fourth), which costs 1–6 % above the goods' price so negative margins show. A few are off sale or out of
// stock. Deterministic from `seed` and each goods' id; a product id already taken is left as it is.
void stockLinkedProducts(const QList<Goods>& goods, quint64 seed, FuluState& fulu, AcgFakaState& acg);

} // namespace cardops::sim
