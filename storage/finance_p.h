#pragma once

#include "storage/finance.h"

#include <QVariant>
#include <functional>

namespace cardops::storage::finance::detail {

// A SELECT on either a read session or a writer job, so one summary serves the view and the close.
using Select = std::function<core::Result<QList<QVariantList>>(const QString&, const QVariantList&)>;
Select selectOf(const ReadSession& read);
Select selectOf(WriteContext& ctx);

core::Result<Summary> summary(const Select& select, qint64 fromDay, qint64 toDay);

} // namespace cardops::storage::finance::detail
