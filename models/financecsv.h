#pragma once

#include "storage/finance.h"

#include <QIODevice>

namespace cardops::models::financecsv {

// CSV per domain.md "Finance" (core/csvexport: UTF-8 with BOM, CRLF, ids as text, money with 2
// places, times in Asia/Shanghai). Headers in the operator's language. Any thread.
core::Result<void> writeSummary(QIODevice* device, const storage::finance::Summary& summary); // + totals row
core::Result<void> writePlatform(QIODevice* device, const QList<storage::finance::Difference>& rows);
core::Result<void> writeSupplier(QIODevice* device, const QList<storage::finance::Difference>& rows);
core::Result<void> writeCommission(QIODevice* device, const QList<storage::finance::Difference>& rows);
core::Result<void> writeAdjustments(QIODevice* device, const QList<storage::finance::Adjustment>& rows);

} // namespace cardops::models::financecsv
