#pragma once

#include "sim/data/platformstate.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <optional>

namespace cardops::sim {

// Platform API digits (an id, a cursor, a version): 1–18 ASCII digits and nothing else.
bool parseDigits(QByteArrayView text, qint64* out);

// The paging of a goods' card list (docs/platform-api.md): `cursor` (digits) and `limit` (1..1000,
// default 500); anything else, or a bad value, is 400 naming the parameter. The simulator and the
// bridge read it alike.
ApiResult readCardPage(QByteArrayView rawQuery, qint64* cursor, qint64* limit);

// The card secrets uploaded to goods (docs/platform-api.md, "Card stock of a goods"): the upload
// with a result per line, the metadata list with each card's fingerprint, lock / unlock / void, and
// the reveal of an uploaded card. Uploads add to the goods' stock_available and commit the goods, so
// the next sync sees the new stock; the platform's own deliveries take uploaded cards first
// (first-expiring first, PlatformState calls allocate()).
//
// The stock the generator made stays a number without cards behind it (CardStore derives the cards
// of historical orders); only uploaded cards are listed here. Ids start above kIdBase, so they can
// never meet CardStore's order id × 10000 + index. Not thread-safe (the state's thread owns it).
class GoodsCards
{
public:
    static constexpr qint64 kIdBase = 1'000'000'000'000'000; // 10^15
    static constexpr qsizetype kMaxUploadLines = 1'000;
    static constexpr qsizetype kMaxChangeIds = 1'000;
    static constexpr qint64 kDefaultPage = 500;
    static constexpr qint64 kMaxPage = 1'000;

    enum class Status : quint8 { Available, Locked, Sold, Void };
    enum class Change { Lock, Unlock, Void };

    struct Card
    {
        qint64 id = 0;
        qint32 goodsIndex = 0;
        qint32 orderIndex = -1; // the order it was sold with; -1 = none
        Status status = Status::Available;
        bool loop = false;      // 循环卡密: the simulator never sells it
        QByteArray secret;      // UTF-8, as uploaded (already normalised by the console)
        QByteArray fingerprint; // SHA-256 of the secret (core::cardFingerprint), raw bytes
        qint64 createdAt = 0;
        qint64 expiresAt = 0; // 0 = none
    };

    explicit GoodsCards(PlatformState& state);

    // The card stock requests: POST and GET /v1/goods/{id}/cards, POST /v1/cards/lock · unlock ·
    // void, and POST /v1/cards/{id}/reveal for an uploaded card. Nothing for any other request (the
    // caller routes it). `segments`: the path split on '/' ("", "v1", …).
    std::optional<ApiResult> route(QByteArrayView method, const QList<QByteArray>& segments,
                                   QByteArrayView rawQuery, const QJsonObject& body);

    ApiResult upload(qint64 goodsId, const QJsonObject& body);
    ApiResult list(qint64 goodsId, QByteArrayView rawQuery) const;
    ApiResult change(Change change, const QJsonObject& body);
    ApiResult reveal(qint64 cardId);

    // The platform took `count` units of the goods' stock for an order: up to `count` of its
    // available uploaded cards (not loop, not expired; first-expiring first, then the oldest) are
    // sold with that order.
    void allocate(qint32 goodsIndex, qint32 orderIndex, qint64 count);

    // An uploaded card, or null.
    const Card* card(qint64 cardId) const;
    // The ids of a goods' uploaded cards, oldest first.
    QList<qint64> cardIdsOf(qint64 goodsId) const;
    // A card's status as listed: sold with an order that was refunded since reads as void.
    Status statusOf(const Card& card) const;
    static const char* statusName(Status status);
    qsizetype size() const { return m_cards.size(); }

    qint64 revealCount() const { return m_reveals; }
    int revealCountOf(qint64 cardId) const { return m_revealsByCard.value(cardId); }

private:
    Card* find(qint64 cardId);
    QByteArray maskedOf(const Card& card) const;
    // Why a line cannot be a card of the goods ("" = it can): its text must be a card of the
    // goods' format exactly as core::CardImport normalises it.
    QByteArray lineProblem(const Goods& goods, const QJsonValue& line, QByteArray* secret, qint64* expiresAt,
                           bool* loop) const;

    PlatformState& m_state;
    QList<Card> m_cards;                       // id = kIdBase + index + 1
    QHash<qint32, QList<qint32>> m_byGoods;    // goods index → card indices, oldest first
    QHash<QByteArray, qint32> m_byFingerprint; // goods index (4 bytes) + fingerprint → card index
    qint64 m_reveals = 0;
    QHash<qint64, int> m_revealsByCard;
};

} // namespace cardops::sim
