#pragma once

#include "core/access.h"
#include "core/platformtypes.h"
#include "core/result.h"

namespace cardops::storage {

class WriteContext;

// Creating a goods category (docs/goods.md "Categories"): the platform makes it (a direct call,
// sync/categoryrequests.h); the cache records its answer at once, audited.
namespace categorystore {

// The sort value that puts a new category last among the children of `parentId`; NotFound for a
// parent the cache does not hold (0 = top level). Checks that the actor may edit goods.
core::Result<qint64> prepareCreate(WriteContext& ctx, const core::Actor& actor, qint64 parentId);
// The platform's new category into the cache (as a feed page would bring it) with its audit entry.
core::Result<void> recordCreated(WriteContext& ctx, const core::Actor& actor, const core::Category& created);

} // namespace categorystore
} // namespace cardops::storage
