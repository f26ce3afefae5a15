// Private to storage/: the steps of the cache schema, one entry per version.
#pragma once

#include <span>

namespace cardops::storage::detail {

// Each string is exactly one statement. Never edit a published step: add a new version instead.
struct Migration
{
    int version;
    std::span<const char* const> statements;
};

// v1–v7 (schemasteps1.cpp) and v8 on (schemasteps2.cpp), in version order.
std::span<const Migration> firstMigrations();
std::span<const Migration> laterMigrations();

} // namespace cardops::storage::detail
