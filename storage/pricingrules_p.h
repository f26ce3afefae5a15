#pragma once

#include "storage/pricingrules.h"

#include <QHash>
#include <QVariant>
#include <functional>

// What pricingrules.cpp shares with pricingupstream.cpp. Private to storage/.
namespace cardops::storage::detail::pricing {

// A read on either a ReadSession or the writer's WriteContext.
using Select = std::function<core::Result<QList<QVariantList>>(const QString&, const QVariantList&)>;

// "[1,2,3]": ids bound as one JSON array and read back with json_each (any number of goods in one
// statement, far from the 999-parameter limit).
QString idsJson(const QList<qint64>& ids);

// The inputs of `goodsIds` (each once, in order); `policyOperators` gets each goods' policy setter.
core::Result<pricingrules::RepriceInputs> load(const Select& select, const QList<qint64>& goodsIds,
                                               QHash<qint64, qint64>* policyOperators = nullptr);

// Stages one goods' new prices (the fields that differ from `current`) through outbox::stage.
// Answers the outbox id, or 0 when nothing differs.
core::Result<qint64> stagePrices(WriteContext& ctx, const core::Actor& actor,
                                 const pricingrules::RepriceInput& current, core::Money price,
                                 const std::optional<QList<core::TierPriceEntry>>& tierPrices,
                                 const std::optional<QList<core::ContractPriceEntry>>& contractPrices);

} // namespace cardops::storage::detail::pricing
