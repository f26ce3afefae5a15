#pragma once

#include "core/platformtypes.h"
#include "core/result.h"
#include "storage/platformcache.h"

#include <QJsonValue>
#include <QString>
#include <functional>

namespace cardops::storage {
class WriteContext;
}

namespace cardops::sync {

// What a parsed feed page says about the feed's position.
struct PageInfo
{
    QString nextCursor;
    bool hasMore = false;
    QString headCursor;
    qsizetype count = 0;
};

using IngestJob = std::function<core::Result<storage::IngestStats>(storage::WriteContext&)>;

struct PreparedPage
{
    PageInfo info;
    IngestJob job; // upserts the page and stores its cursor in one transaction
};

// The one ingest path of a sync and of `cardops-cli generate`: parses a feed page (`data` of the
// envelope) on the calling thread and returns the write job that commits it with its cursor.
// `from` is the position the page was requested at (the cursor moves only from there). A malformed
// page is a Parse error and nothing is written.
core::Result<PreparedPage> preparePage(core::Feed feed, const QJsonValue& data, bool backfill,
                                       const QString& from);

} // namespace cardops::sync
