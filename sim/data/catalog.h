#pragma once

#include "sim/data/simrandom.h"
#include "sim/data/simtypes.h"

#include <QList>

// The generator's static catalogue: a two-level category tree and goods built from real 卡盟
// product lines (Q币, 网易一卡通, 京东E卡, 话费直充, …) multiplied into channel variants.
namespace cardops::sim::catalog {

QList<Category> categories(qint64 updatedAt);

// `count` goods, deterministic for a given rng state. Most popular first (index 0 = the head of
// the long tail), so a Zipf sampler over indices gives a realistic tail.
QList<Goods> goods(Rng& rng, int count, const QList<Category>& categories, qint64 endTime);

// The acg-faka code of the n-th product the platform links to: 12 upper-case hex digits, like
// acg-faka's own codes, in a range apart from the role's seeded goods.
QByteArray linkedAcgCode(qint64 n);

// Chinese member names, masked contacts and tags.
QByteArray memberName(Rng& rng);
QByteArray enterpriseName(Rng& rng);
const QList<QByteArray>& memberTags();

} // namespace cardops::sim::catalog
