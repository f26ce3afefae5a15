#include "sim/data/cardstore.h"

#include "sim/data/jsonout.h"

#include <QString>

namespace cardops::sim {

namespace {

constexpr qint64 kDay = 86400;

// SplitMix64: a tiny portable stream, seeded per card from (seed, order id, index).
class CardRandom
{
public:
    CardRandom(quint64 seed, qint64 orderId, qint64 index)
        : m_state(mix(mix(seed ^ 0xca7d5eedULL) ^ static_cast<quint64>(orderId)) ^
                  (static_cast<quint64>(index) * 0x9e3779b97f4a7c15ULL))
    {}
    quint64 next()
    {
        m_state += 0x9e3779b97f4a7c15ULL;
        return mix(m_state);
    }
    qint64 below(qint64 n) { return static_cast<qint64>(next() % static_cast<quint64>(n)); }
    QByteArray text(int length, QByteArrayView alphabet)
    {
        QByteArray out(length, Qt::Uninitialized);
        for (char& c : out)
            c = alphabet[below(alphabet.size())];
        return out;
    }

private:
    static quint64 mix(quint64 z)
    {
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    quint64 m_state;
};

constexpr QByteArrayView kDigits = "0123456789";
constexpr QByteArrayView kCode = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"; // no 0/O, 1/I

// fields:N → N (1–16); anything else → 0.
int fieldCount(QByteArrayView format)
{
    if (!format.startsWith("fields:"))
        return 0;
    bool ok = false;
    const int n = format.sliced(7).toInt(&ok);
    return ok && n >= 1 && n <= 16 ? n : 0;
}

} // namespace

CardStore::CardStore(const PlatformState& state)
    : m_state(state)
{}

QByteArray CardStore::separatorOf(QByteArrayView cardFormat, QByteArrayView cardSeparator)
{
    if (cardFormat == "number_password")
        return cardSeparator.isEmpty() ? QByteArray(" ") : cardSeparator.toByteArray();
    if (fieldCount(cardFormat) > 0)
        return cardSeparator.isEmpty() ? QByteArray("----") : cardSeparator.toByteArray();
    return {};
}

QByteArray CardStore::maskField(QByteArrayView field)
{
    const QList<uint> chars = QString::fromUtf8(field).toUcs4();
    const qsizetype n = chars.size();
    QList<uint> out(n, uint('*'));
    const qsizetype keepHead = n > 8 ? 4 : 0;
    const qsizetype keepTail = n > 8 ? 4 : (n > 2 ? 2 : 0);
    for (qsizetype i = 0; i < keepHead; ++i)
        out[i] = chars[i];
    for (qsizetype i = n - keepTail; i < n; ++i)
        out[i] = chars[i];
    return QString::fromUcs4(reinterpret_cast<const char32_t*>(out.constData()), n).toUtf8();
}

QByteArray CardStore::mask(QByteArrayView secret, QByteArrayView separator)
{
    if (separator.isEmpty())
        return maskField(secret);
    QByteArray out;
    qsizetype from = 0;
    for (;;) {
        const qsizetype at = secret.indexOf(separator, from);
        if (at < 0)
            break;
        out += maskField(secret.sliced(from, at - from));
        out += separator;
        from = at + separator.size();
    }
    out += maskField(secret.sliced(from));
    return out;
}

std::optional<qint32> CardStore::orderWithCards(qint64 orderId) const
{
    if (orderId <= kOrderIdBase || orderId > kOrderIdBase + m_state.orders().size())
        return std::nullopt;
    const auto index = static_cast<qint32>(orderId - kOrderIdBase - 1);
    const Order& o = m_state.orders()[index];
    const Goods& g = m_state.goods()[o.goodsId - 1];
    const bool delivered =
        o.status == OrderStatus::Delivered || (o.status == OrderStatus::Refunded && o.deliveredAt != 0);
    return !g.direct && delivered ? index : -1;
}

qint64 CardStore::cardCount(qint32 orderIndex) const
{
    return m_state.orders()[orderIndex].quantity + m_state.reissuedCards(orderIndex).size();
}

CardStore::Card CardStore::derive(qint32 orderIndex, qint64 index) const
{
    const Order& o = m_state.orders()[orderIndex];
    const Goods& g = m_state.goods()[o.goodsId - 1];
    Card c;
    c.orderId = PlatformState::orderId(orderIndex);
    c.id = cardId(c.orderId, index);
    c.isVoid = o.status == OrderStatus::Refunded || m_state.reissuedCards(orderIndex).contains(qint32(index));
    CardRandom rng(m_state.seed(), c.orderId, index);
    const QByteArray separator = separatorOf(g.cardFormat, g.cardSeparator);
    if (g.cardFormat == "number_password") {
        c.secret = rng.text(16, kDigits) + separator + rng.text(16, kCode);
    } else if (const int fields = fieldCount(g.cardFormat); fields > 0) {
        for (int i = 0; i < fields; ++i)
            c.secret += (i == 0 ? QByteArray() : separator) + rng.text(12, kCode);
    } else {
        c.secret = rng.text(16, kCode);
    }
    c.masked = mask(c.secret, separator);
    // Uploaded some time before the sale; gift cards (number + password) expire three years later.
    c.createdAt = o.deliveredAt - 3600 - rng.below(30 * kDay);
    c.expiresAt = g.cardFormat == "number_password" ? c.createdAt + 3 * 365 * kDay : 0;
    return c;
}

std::optional<QList<CardStore::Card>> CardStore::cardsOf(qint64 orderId) const
{
    const auto index = orderWithCards(orderId);
    if (!index)
        return std::nullopt;
    QList<Card> out;
    if (*index < 0)
        return out;
    const qint64 count = qMin<qint64>(cardCount(*index), kIdsPerOrder);
    out.reserve(count);
    for (qint64 i = 0; i < count; ++i)
        out.append(derive(*index, i));
    return out;
}

std::optional<CardStore::Card> CardStore::card(qint64 cardId) const
{
    if (cardId <= 0)
        return std::nullopt;
    const auto index = orderWithCards(cardId / kIdsPerOrder);
    const qint64 i = cardId % kIdsPerOrder;
    if (!index || *index < 0 || i >= cardCount(*index))
        return std::nullopt;
    return derive(*index, i);
}

ApiResult CardStore::orderCardsResult(qint64 orderId) const
{
    const auto cards = cardsOf(orderId);
    if (!cards)
        return ApiResult::error(404, 40400, "not found");
    QByteArray out = "{\"items\":[";
    out.reserve(16 + cards->size() * 160);
    for (qsizetype i = 0; i < cards->size(); ++i) {
        const Card& c = cards->at(i);
        out += i == 0 ? "{\"id\":" : ",{\"id\":";
        json::appendInt(out, c.id);
        out += ",\"status\":";
        json::appendString(out, c.isVoid ? "void" : "sold");
        out += ",\"masked\":";
        json::appendString(out, c.masked);
        out += ",\"expires_at\":";
        json::appendInt(out, c.expiresAt);
        out += ",\"order_id\":";
        json::appendInt(out, c.orderId);
        out += ",\"created_at\":";
        json::appendInt(out, c.createdAt);
        out += '}';
    }
    out += "]}";
    return ApiResult::ok(out);
}

ApiResult CardStore::reveal(qint64 cardId)
{
    const auto c = card(cardId);
    if (!c)
        return ApiResult::error(404, 40400, "not found");
    ++m_reveals;
    ++m_revealsByCard[cardId];
    QByteArray out = "{\"id\":";
    json::appendInt(out, c->id);
    out += ",\"secret\":";
    json::appendString(out, c->secret);
    out += ",\"order_id\":";
    json::appendInt(out, c->orderId);
    out += '}';
    return ApiResult::ok(out);
}

} // namespace cardops::sim
