#include "sim/data/goodscards.h"

#include "core/cardimport.h"
#include "sim/data/cardstore.h"
#include "sim/data/jsonout.h"

#include <QJsonArray>
#include <algorithm>
#include <limits>

namespace cardops::sim {

namespace {

ApiResult bad(QByteArray field)
{
    return ApiResult::error(400, 40000, std::move(field));
}

ApiResult notFound()
{
    return ApiResult::error(404, 40400, "not found");
}

// A JSON number that is an integer ≥ 0 (exact: a double above 2^53 is refused).
bool readCount(const QJsonValue& v, qint64* out)
{
    if (!v.isDouble())
        return false;
    const double d = v.toDouble();
    if (d < 0 || d > 9007199254740992.0 || static_cast<double>(static_cast<qint64>(d)) != d)
        return false;
    *out = static_cast<qint64>(d);
    return true;
}

QByteArray goodsKey(qint32 goodsIndex, const QByteArray& fingerprint)
{
    QByteArray key(reinterpret_cast<const char*>(&goodsIndex), sizeof goodsIndex);
    return key + fingerprint;
}

core::CardFormat formatOf(const Goods& g)
{
    auto f = core::CardFormat::parse(QString::fromUtf8(g.cardFormat), QString::fromUtf8(g.cardSeparator));
    return f ? *f : core::CardFormat();
}

} // namespace

bool parseDigits(QByteArrayView text, qint64* out)
{
    if (text.isEmpty() || text.size() > 18)
        return false;
    qint64 v = 0;
    for (char c : text) {
        if (c < '0' || c > '9')
            return false;
        v = v * 10 + (c - '0');
    }
    *out = v;
    return true;
}

ApiResult readCardPage(QByteArrayView rawQuery, qint64* cursor, qint64* limit)
{
    *cursor = 0;
    *limit = GoodsCards::kDefaultPage;
    for (const QByteArrayView part : rawQuery.toByteArray().split('&')) {
        if (part.isEmpty())
            continue;
        const qsizetype eq = part.indexOf('=');
        const QByteArrayView name = eq < 0 ? part : part.first(eq);
        const QByteArrayView value = eq < 0 ? QByteArrayView() : part.sliced(eq + 1);
        if (name == "cursor") {
            if (!parseDigits(value, cursor))
                return bad("cursor");
        } else if (name == "limit") {
            if (!parseDigits(value, limit) || *limit < 1 || *limit > GoodsCards::kMaxPage)
                return bad("limit");
        } else {
            return bad(name.first(qMin<qsizetype>(name.size(), 32)).toByteArray());
        }
    }
    return ApiResult::ok({});
}

GoodsCards::GoodsCards(PlatformState& state)
    : m_state(state)
{}

// Defined here so PlatformState needs only a forward declaration: the store exists once a card
// request or a test asks for it.
GoodsCards& PlatformState::goodsCards()
{
    if (!m_goodsCards)
        m_goodsCards = std::make_shared<GoodsCards>(*this);
    return *m_goodsCards;
}

const char* GoodsCards::statusName(Status status)
{
    switch (status) {
    case Status::Available:
        return "available";
    case Status::Locked:
        return "locked";
    case Status::Sold:
        return "sold";
    case Status::Void:
        return "void";
    }
    return "";
}

std::optional<ApiResult> GoodsCards::route(QByteArrayView method, const QList<QByteArray>& seg,
                                           QByteArrayView rawQuery, const QJsonObject& body)
{
    const qsizetype n = seg.size();
    if (n < 4 || seg[1] != "v1")
        return std::nullopt;
    qint64 id = 0;
    const bool hasId = parseDigits(seg[3], &id);
    if (n == 5 && seg[2] == "goods" && seg[4] == "cards" && hasId) {
        if (method == "POST")
            return upload(id, body);
        if (method == "GET")
            return list(id, rawQuery);
    }
    if (n == 4 && seg[2] == "cards" && method == "POST") {
        if (seg[3] == "lock")
            return change(Change::Lock, body);
        if (seg[3] == "unlock")
            return change(Change::Unlock, body);
        if (seg[3] == "void")
            return change(Change::Void, body);
    }
    if (n == 5 && seg[2] == "cards" && seg[4] == "reveal" && method == "POST" && hasId && id > kIdBase)
        return reveal(id);
    return std::nullopt;
}

QByteArray GoodsCards::lineProblem(const Goods& goods, const QJsonValue& line, QByteArray* secret,
                                   qint64* expiresAt, bool* loop) const
{
    const QJsonObject o = line.toObject();
    const QJsonValue text = o.value(u"secret");
    if (!line.isObject() || !text.isString() || text.toString().isEmpty())
        return "secret";
    const QJsonValue expires = o.value(u"expires_at");
    if (!expires.isUndefined() && !expires.isNull() && !readCount(expires, expiresAt))
        return "expires_at";
    if (*expiresAt != 0 && *expiresAt <= m_state.now())
        return "expired";
    const QJsonValue reusable = o.value(u"loop");
    if (!reusable.isUndefined() && !reusable.isNull()) {
        if (!reusable.isBool())
            return "loop";
        *loop = reusable.toBool();
    }
    // The text must already be one card of the goods' format, normalised the way the console
    // normalises it: anything else would be delivered as a card nobody can redeem.
    const QString s = text.toString();
    const core::CardImportPreview p = core::CardImport(formatOf(goods)).previewText(s);
    if (p.lines != 1 || p.newSecrets.size() != 1 || p.newSecrets.constFirst() != s)
        return "format";
    *secret = s.toUtf8();
    return {};
}

ApiResult GoodsCards::upload(qint64 goodsId, const QJsonObject& body)
{
    if (goodsId < 1 || goodsId > m_state.goods().size())
        return notFound();
    const auto gi = static_cast<qint32>(goodsId - 1);
    const Goods& g = m_state.goods()[gi];
    if (g.direct)
        return bad("kind");
    const QJsonValue cards = body.value(u"cards");
    if (!cards.isArray() || cards.toArray().isEmpty() || cards.toArray().size() > kMaxUploadLines)
        return bad("cards");
    const QJsonArray lines = cards.toArray();
    qint64 added = 0;
    qint64 duplicate = 0;
    qint64 invalid = 0;
    QByteArray items;
    items.reserve(lines.size() * 48);
    for (qsizetype i = 0; i < lines.size(); ++i) {
        items += i == 0 ? "{\"line\":" : ",{\"line\":";
        json::appendInt(items, i + 1);
        QByteArray secret;
        qint64 expiresAt = 0;
        bool loop = false;
        const QByteArray problem = lineProblem(g, lines[i], &secret, &expiresAt, &loop);
        if (!problem.isEmpty()) {
            ++invalid;
            items += ",\"result\":\"invalid\",\"reason\":";
            json::appendString(items, problem);
            items += '}';
            continue;
        }
        const QByteArray fingerprint = core::cardFingerprint(QString::fromUtf8(secret));
        const QByteArray key = goodsKey(gi, fingerprint);
        if (const auto held = m_byFingerprint.constFind(key); held != m_byFingerprint.cend()) {
            ++duplicate;
            items += ",\"result\":\"duplicate\",\"id\":";
            json::appendInt(items, m_cards[*held].id);
            items += '}';
            continue;
        }
        Card c;
        c.id = kIdBase + m_cards.size() + 1;
        c.goodsIndex = gi;
        c.loop = loop;
        c.secret = secret;
        c.fingerprint = fingerprint;
        c.createdAt = m_state.now();
        c.expiresAt = expiresAt;
        const auto index = static_cast<qint32>(m_cards.size());
        m_cards.append(std::move(c));
        m_byGoods[gi].append(index);
        m_byFingerprint.insert(key, index);
        ++added;
        items += ",\"result\":\"added\",\"id\":";
        json::appendInt(items, m_cards[index].id);
        items += '}';
    }
    if (added > 0) {
        m_state.goodsAt(gi).stockAvailable += added;
        m_state.commitChange(core::Feed::Goods, gi);
    }
    QByteArray out = "{\"goods_id\":";
    json::appendInt(out, goodsId);
    out += ",\"added\":";
    json::appendInt(out, added);
    out += ",\"duplicate\":";
    json::appendInt(out, duplicate);
    out += ",\"invalid\":";
    json::appendInt(out, invalid);
    out += ",\"stock_available\":";
    json::appendInt(out, m_state.goods()[gi].stockAvailable);
    out += ",\"items\":[";
    out += items;
    out += "]}";
    return ApiResult::ok(out);
}

QByteArray GoodsCards::maskedOf(const Card& card) const
{
    const Goods& g = m_state.goods()[card.goodsIndex];
    return CardStore::mask(card.secret, CardStore::separatorOf(g.cardFormat, g.cardSeparator));
}

ApiResult GoodsCards::list(qint64 goodsId, QByteArrayView rawQuery) const
{
    qint64 cursor = 0;
    qint64 limit = 0;
    if (auto page = readCardPage(rawQuery, &cursor, &limit); !page.isOk())
        return page;
    if (goodsId < 1 || goodsId > m_state.goods().size())
        return notFound();
    const QList<qint32> all = m_byGoods.value(static_cast<qint32>(goodsId - 1));
    // Ids grow with the index, so a goods' list is in id order: the cursor is the last id served.
    const auto from = std::upper_bound(all.cbegin(), all.cend(), cursor,
                                       [this](qint64 c, qint32 index) { return c < m_cards[index].id; });
    const qsizetype start = from - all.cbegin();
    const qsizetype count = qMin<qsizetype>(limit, all.size() - start);
    QByteArray out = "{\"items\":[";
    out.reserve(32 + count * 200);
    qint64 next = cursor;
    for (qsizetype i = 0; i < count; ++i) {
        const Card& c = m_cards[all[start + i]];
        next = c.id;
        out += i == 0 ? "{\"id\":" : ",{\"id\":";
        json::appendInt(out, c.id);
        out += ",\"status\":";
        json::appendString(out, statusName(statusOf(c)));
        out += ",\"masked\":";
        json::appendString(out, maskedOf(c));
        out += ",\"expires_at\":";
        json::appendInt(out, c.expiresAt);
        out += ",\"order_id\":";
        json::appendInt(out, c.orderIndex < 0 ? 0 : PlatformState::orderId(c.orderIndex));
        out += ",\"created_at\":";
        json::appendInt(out, c.createdAt);
        out += ",\"loop\":";
        json::appendBool(out, c.loop);
        out += ",\"fingerprint\":";
        json::appendString(out, c.fingerprint.toHex());
        out += '}';
    }
    out += "],\"next_cursor\":\"";
    json::appendInt(out, next);
    out += "\",\"has_more\":";
    json::appendBool(out, start + count < all.size());
    out += '}';
    return ApiResult::ok(out);
}

GoodsCards::Status GoodsCards::statusOf(const Card& card) const
{
    if (card.status == Status::Sold && m_state.orders()[card.orderIndex].status == OrderStatus::Refunded)
        return Status::Void;
    return card.status;
}

const GoodsCards::Card* GoodsCards::card(qint64 cardId) const
{
    const qint64 index = cardId - kIdBase - 1;
    return index >= 0 && index < m_cards.size() ? &m_cards[index] : nullptr;
}

GoodsCards::Card* GoodsCards::find(qint64 cardId)
{
    const qint64 index = cardId - kIdBase - 1;
    return index >= 0 && index < m_cards.size() ? &m_cards[index] : nullptr;
}

QList<qint64> GoodsCards::cardIdsOf(qint64 goodsId) const
{
    QList<qint64> out;
    for (const qint32 index : m_byGoods.value(static_cast<qint32>(goodsId - 1)))
        out.append(m_cards[index].id);
    return out;
}

ApiResult GoodsCards::change(Change what, const QJsonObject& body)
{
    const QJsonValue idsValue = body.value(u"ids");
    const QJsonArray ids = idsValue.toArray();
    if (!idsValue.isArray() || ids.isEmpty() || ids.size() > kMaxChangeIds)
        return bad("ids");
    for (const QJsonValue& v : ids) {
        qint64 id = 0;
        if (!readCount(v, &id) || id < 1)
            return bad("ids");
    }
    const CardStore orderCards(m_state);
    QHash<qint32, bool> touched; // goods whose stock moved
    qint64 done = 0;
    qint64 unchanged = 0;
    qint64 refused = 0;
    qint64 missing = 0;
    QByteArray items;
    for (qsizetype i = 0; i < ids.size(); ++i) {
        const qint64 id = ids[i].toInteger();
        items += i == 0 ? "{\"id\":" : ",{\"id\":";
        json::appendInt(items, id);
        Card* c = find(id);
        if (c == nullptr) {
            // A card delivered with an order (CardStore) is sold or void: it cannot change here.
            const auto sold = orderCards.card(id);
            if (sold)
                ++refused;
            else
                ++missing;
            items += sold ? ",\"result\":\"refused\",\"status\":" : ",\"result\":\"not_found\",\"status\":";
            json::appendString(items, sold ? (sold->isVoid ? "void" : "sold") : "");
            items += '}';
            continue;
        }
        const Status before = statusOf(*c);
        Status after = before;
        switch (what) {
        case Change::Lock:
            after = before == Status::Available ? Status::Locked : before;
            break;
        case Change::Unlock:
            after = before == Status::Locked ? Status::Available : before;
            break;
        case Change::Void:
            after = before == Status::Available || before == Status::Locked ? Status::Void : before;
            break;
        }
        const Status target = what == Change::Lock     ? Status::Locked
                              : what == Change::Unlock ? Status::Available
                                                       : Status::Void;
        const char* result = after != before ? "done" : (before == target ? "unchanged" : "refused");
        if (after != before) {
            Goods& g = m_state.goodsAt(c->goodsIndex);
            if (before == Status::Available)
                g.stockAvailable = qMax<qint64>(0, g.stockAvailable - 1);
            if (before == Status::Locked)
                g.stockLocked = qMax<qint64>(0, g.stockLocked - 1);
            if (after == Status::Available)
                ++g.stockAvailable;
            if (after == Status::Locked)
                ++g.stockLocked;
            c->status = after;
            touched.insert(c->goodsIndex, true);
            ++done;
        } else if (before == target) {
            ++unchanged;
        } else {
            ++refused;
        }
        items += ",\"result\":\"";
        items += result;
        items += "\",\"status\":";
        json::appendString(items, statusName(after));
        items += '}';
    }
    QList<qint32> goods = touched.keys();
    std::sort(goods.begin(), goods.end());
    for (const qint32 gi : goods)
        m_state.commitChange(core::Feed::Goods, gi);
    QByteArray out = "{\"done\":";
    json::appendInt(out, done);
    out += ",\"unchanged\":";
    json::appendInt(out, unchanged);
    out += ",\"refused\":";
    json::appendInt(out, refused);
    out += ",\"not_found\":";
    json::appendInt(out, missing);
    out += ",\"items\":[";
    out += items;
    out += "]}";
    return ApiResult::ok(out);
}

ApiResult GoodsCards::reveal(qint64 cardId)
{
    const Card* c = card(cardId);
    if (c == nullptr)
        return notFound();
    ++m_reveals;
    ++m_revealsByCard[cardId];
    QByteArray out = "{\"id\":";
    json::appendInt(out, c->id);
    out += ",\"secret\":";
    json::appendString(out, c->secret);
    out += ",\"order_id\":";
    json::appendInt(out, c->orderIndex < 0 ? 0 : PlatformState::orderId(c->orderIndex));
    out += ",\"goods_id\":";
    json::appendInt(out, c->goodsIndex + 1);
    out += '}';
    return ApiResult::ok(out);
}

void GoodsCards::allocate(qint32 goodsIndex, qint32 orderIndex, qint64 count)
{
    const auto it = m_byGoods.constFind(goodsIndex);
    if (it == m_byGoods.cend() || count <= 0)
        return;
    const qint64 now = m_state.now();
    QList<qint32> candidates;
    for (const qint32 index : *it) {
        const Card& c = m_cards[index];
        if (c.status == Status::Available && !c.loop && (c.expiresAt == 0 || c.expiresAt > now))
            candidates.append(index);
    }
    const auto expiry = [this](qint32 index) {
        const qint64 e = m_cards[index].expiresAt;
        return e == 0 ? std::numeric_limits<qint64>::max() : e;
    };
    std::stable_sort(candidates.begin(), candidates.end(),
                     [&expiry](qint32 a, qint32 b) { return expiry(a) < expiry(b); });
    for (qsizetype i = 0; i < candidates.size() && i < count; ++i) {
        Card& c = m_cards[candidates[i]];
        c.status = Status::Sold;
        c.orderIndex = orderIndex;
    }
}

} // namespace cardops::sim
