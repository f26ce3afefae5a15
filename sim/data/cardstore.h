#pragma once

#include "sim/data/platformstate.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QList>
#include <optional>

namespace cardops::sim {

// The card secrets the platform delivered with its orders (docs/platform-api.md, "Cards of an
// order"). Nothing is stored per order: the cards of a delivered order of a `card` goods are
// derived on demand from the state's seed, the order id and the card's index (quantity cards per
// order), in the goods' card_format, so the reference data set (a million orders) costs no memory
// here. Direct (直充) goods and orders that were never delivered have no cards.
//
// Card id = order id × kIdsPerOrder + index (index 0 … quantity − 1): stable, and the order is
// found back by division. Status `sold` while the order is delivered, `void` once it is refunded.
// A 补发 (PlatformState::reissueCard) voids one card and continues the index: the k-th replacement
// is index quantity + k − 1, derived like the others.
// Reveals are counted so tests can see the platform was asked. Not thread-safe (the server's
// thread owns it, like the state).
class CardStore
{
public:
    static constexpr qint64 kIdsPerOrder = 10'000; // POST /v1/orders caps quantity at 10000

    struct Card
    {
        qint64 id = 0;
        qint64 orderId = 0;
        bool isVoid = false; // the order was refunded after delivery
        QByteArray secret;   // UTF-8
        QByteArray masked;
        qint64 createdAt = 0;
        qint64 expiresAt = 0; // 0 = none
    };

    explicit CardStore(const PlatformState& state);

    // The cards of an order (empty when it has none); nothing when there is no such order.
    std::optional<QList<Card>> cardsOf(qint64 orderId) const;
    // One card; nothing when no order has it.
    std::optional<Card> card(qint64 cardId) const;

    // GET /v1/orders/{id}/cards: {"items":[{"id","status","masked","expires_at","order_id",
    // "created_at"}]}; 404 for an unknown order.
    ApiResult orderCardsResult(qint64 orderId) const;
    // POST /v1/cards/{id}/reveal: {"id","secret","order_id"}; 404 for an unknown card. Counted.
    ApiResult reveal(qint64 cardId);

    qint64 revealCount() const { return m_reveals; }
    int revealCountOf(qint64 cardId) const { return m_revealsByCard.value(cardId); }

    static qint64 cardId(qint64 orderId, qint64 index) { return orderId * kIdsPerOrder + index; }
    // The separator between a card's fields: none for `single`; the goods' card_separator, else " "
    // for number_password and "----" for fields:N.
    static QByteArray separatorOf(QByteArrayView cardFormat, QByteArrayView cardSeparator);
    // The masking rule: every field keeps its first 4 and last 4 characters with `*` in between;
    // a field of 8 characters or fewer is all `*` but its last 2 (2 or fewer: all `*`).
    static QByteArray mask(QByteArrayView secret, QByteArrayView separator);
    static QByteArray maskField(QByteArrayView field);

private:
    Card derive(qint32 orderIndex, qint64 index) const;
    // quantity + the replacements 补发 delivered (each voids one card and adds one at the end).
    qint64 cardCount(qint32 orderIndex) const;
    // The order index when the order has cards now; -1 when it has none; nullopt when unknown.
    std::optional<qint32> orderWithCards(qint64 orderId) const;

    const PlatformState& m_state;
    qint64 m_reveals = 0;
    QHash<qint64, int> m_revealsByCard;
};

} // namespace cardops::sim
