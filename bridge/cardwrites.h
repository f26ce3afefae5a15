#pragma once

#include "bridge/bridgewrite.h"

#include <QString>

// The card stock of cardops-bridge (docs/platform-api.md "Card stock of a goods" and "Cards of an
// order", acg-faka-model.md §2.9 and §4.4), with the simulator's JSON shapes and codes
// (sim/data/goodscards.*, sim/data/cardstore.*). Scope: main-shop cards (`owner = 0`).
//
// Status of an acg card: 0 → available, 2 → locked, 1 with an order → sold, 1 without one → void
// (marked sold by the admin or the bridge). `expires_at` is always 0 and `loop` false: acg has neither.
// The cards a manual (or docked) goods delivered live only in the order's `secret` text, one per line;
// they are served with ids kOrderLineBase + order id × kLinesPerOrder + index (acg card ids are
// 32-bit, so the two never meet).
namespace cardops::bridge::cards {

inline constexpr qint64 kOrderLineBase = 1'000'000'000'000; // 10^12
inline constexpr qint64 kLinesPerOrder = 10'000;
inline constexpr qsizetype kMaxUploadLines = 1'000;
inline constexpr qsizetype kMaxChangeIds = 1'000;
inline constexpr int kMaxSecretLength = 760; // acg_card.secret VARCHAR(760)

enum class Change { Lock, Unlock, Void };

// GET /v1/goods/{id}/cards?cursor&limit — metadata in id order; the cursor is the last id served.
sim::ApiResult list(ApiCall& call);
// POST /v1/goods/{id}/cards {"cards":[{secret, expires_at?, loop?}]} — a result per line.
sim::ApiResult upload(ApiCall& call);
// POST /v1/cards/{id}/reveal — the plaintext, audited (without the text).
sim::ApiResult reveal(ApiCall& call);
// POST /v1/cards/lock · unlock · void {"ids":[…]} — a result per id.
sim::ApiResult change(ApiCall& call, Change what);
// GET /v1/orders/{id}/cards — the cards an order delivered.
sim::ApiResult orderCards(ApiCall& call);

// Unix seconds → acg's Asia/Shanghai DATETIME text ("2026-11-29 10:00:00").
QString shanghaiDateTime(qint64 unixSeconds);
// Whether an acg goods `config` (INI text) makes it a variant goods: a `[category]` or `[sku]`
// section with at least one entry.
bool isVariantConfig(const QString& config);
// The masked text of an acg card (card_format `single`: one field).
QString maskedOf(const QString& secret);

} // namespace cardops::bridge::cards
