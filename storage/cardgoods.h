#pragma once

#include "core/result.h"

#include <QString>
#include <optional>

namespace cardops::storage {

class ReadSession;
class WriteContext;

// What the card import and the card list need of one cached goods (issue #9 item 4): its name,
// kind, card format and stock figures as the last sync saw them.
struct CardGoods
{
    qint64 id = 0;
    QString name;
    QString sku;
    QString kind;       // card / direct
    QString cardFormat; // single / number_password / fields:N
    QString cardSeparator;
    qint64 stockAvailable = 0;
    qint64 stockLocked = 0;
};

namespace cardgoods {

// The cached goods `id`, or nothing when the cache does not hold it.
core::Result<std::optional<CardGoods>> read(const ReadSession& session, qint64 id);
// The same inside a writer job (a restock reads the format with the purchase's sealed cards).
core::Result<std::optional<CardGoods>> read(WriteContext& ctx, qint64 id);

} // namespace cardgoods
} // namespace cardops::storage
