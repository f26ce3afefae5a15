#pragma once

#include "sim/data/platformstate.h"

namespace cardops::sim {

class FuluState;

// A backlog for CardOps to fulfil (a fulfilment soak test, the training sandbox): `count` paid
// orders placed now through the platform's own flow on goods owned by CardOps, so every one is
// handed over. The goods are the card and direct goods linked to a Fulu product: roughly half of
// the card goods keep platform stock for their share of the orders (delivered from stock), the
// rest have none (bought from the supplier); direct orders carry a charge account. Fulu's products
// get stock and the merchant enough balance for the whole backlog. Deterministic from `seed`.
// goodsLimit > 0: at most that many goods change hands (the demo hands over a few). Returns the
// number of goods handed to CardOps.
int placeHandover(PlatformState& state, FuluState& fulu, qint64 count, quint64 seed, int goodsLimit = 0);

// One new paid order of the first card goods on sale with stock (≥ 5), through the platform's own
// flow: handed over to CardOps, or held for review by the platform's quantity check. The goods'
// owner is left as it was. Returns the order id, 0 when no goods qualifies.
qint64 placeOneOrder(PlatformState& state, bool handedOver);

} // namespace cardops::sim
