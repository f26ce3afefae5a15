#pragma once

#include "core/platformtypes.h"
#include "core/result.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

// docs/platform-api.md JSON → the cache's records. Strict: a missing or mistyped field, a money
// text that is not a decimal with up to 4 places, an id or version that is not a positive integer
// makes the whole page a Parse error, so a hostile or broken platform never half-writes the cache.
// A feed page's item may be a tombstone (docs/platform-api.md "Tombstones"): the record comes back
// with `deleted` set and only id, version, updated_at (orders: status "cancelled"). The single-entity
// parsers below (answers to PATCH and actions) never accept a tombstone.
namespace cardops::sync::platformjson {

template<typename R> struct Page
{
    QList<R> items;
    QString nextCursor;
    bool hasMore = false;
    QString headCursor; // newest-first reads: where a forward read continues after the snapshot
};

core::Result<core::Category> category(const QJsonObject& o);
core::Result<core::Goods> goods(const QJsonObject& o);
core::Result<core::Member> member(const QJsonObject& o);
core::Result<core::Order> order(const QJsonObject& o);
core::Result<core::LedgerEntry> ledgerEntry(const QJsonObject& o);
core::Result<core::Withdrawal> withdrawal(const QJsonObject& o);

core::Result<Page<core::Category>> categoriesPage(const QJsonValue& data);
core::Result<Page<core::Goods>> goodsPage(const QJsonValue& data);
core::Result<Page<core::Member>> membersPage(const QJsonValue& data);
core::Result<Page<core::Order>> ordersPage(const QJsonValue& data);
core::Result<Page<core::LedgerEntry>> ledgerPage(const QJsonValue& data);
core::Result<Page<core::Withdrawal>> withdrawalsPage(const QJsonValue& data);

// The cards of an order (docs/platform-api.md, "Cards of an order", a CardOps extension): metadata
// and the masked form only. The plaintext comes one card at a time from a reveal and is never
// stored by CardOps.
struct Card
{
    qint64 id = 0;
    QString status; // available locked sold void
    QString masked;
    qint64 expiresAt = 0; // 0 = none
    qint64 orderId = 0;
    qint64 createdAt = 0;
};

// POST /v1/cards/{id}/reveal.
struct RevealedCard
{
    qint64 id = 0;
    qint64 orderId = 0;
    QString secret;
};

inline constexpr qsizetype kMaxOrderCards = 10'000;  // more cards in one answer: refused
inline constexpr qsizetype kMaxMaskedLength = 1'024; // characters of one masked card
inline constexpr qsizetype kMaxSecretLength = 4'096; // characters of one revealed secret

core::Result<Card> card(const QJsonObject& o);
// {"items":[card…]} of GET /v1/orders/{orderId}/cards: every card must name that order, ids are
// unique, at most kMaxOrderCards.
core::Result<QList<Card>> orderCards(const QJsonValue& data, qint64 orderId);
// {"id","secret","order_id"}: the id must be the card asked for, the secret non-empty.
core::Result<RevealedCard> revealedCard(const QJsonValue& data, qint64 cardId);

core::Result<core::TierLadder> tierLadder(const QJsonValue& data);
core::Result<QList<core::DailyTotal>> dailyTotals(const QJsonValue& data);
core::Result<core::ShopInfo> shop(const QJsonValue& data);

} // namespace cardops::sync::platformjson
