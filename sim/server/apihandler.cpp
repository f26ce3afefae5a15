#include "sim/server/apihandler.h"

#include "core/signing.h"
#include "sim/data/goodscards.h"
#include "sim/data/jsonout.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace cardops::sim {

namespace {

using Query = QList<QPair<QByteArray, QByteArray>>;

Query parseQuery(const QByteArray& raw)
{
    Query q;
    for (const QByteArray& part : raw.split('&')) {
        if (part.isEmpty())
            continue;
        const qsizetype eq = part.indexOf('=');
        q.append(eq < 0 ? qMakePair(part, QByteArray()) : qMakePair(part.left(eq), part.mid(eq + 1)));
    }
    return q;
}

bool parseId(QByteArrayView text, qint64* out)
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

bool isKeyText(QByteArrayView key)
{
    if (key.isEmpty() || key.size() > 64)
        return false;
    for (char c : key)
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
              c == '-'))
            return false;
    return true;
}

ApiResult bad(QByteArray field)
{
    return ApiResult::error(400, 40000, std::move(field));
}

std::optional<core::Feed> feedFromName(QByteArrayView name)
{
    static const QList<QPair<QByteArrayView, core::Feed>> feeds = {
        {"categories", core::Feed::Categories}, {"goods", core::Feed::Goods},
        {"members", core::Feed::Members},       {"orders", core::Feed::Orders},
        {"ledger", core::Feed::Ledger},         {"withdrawals", core::Feed::Withdrawals}};
    for (const auto& f : feeds)
        if (f.first == name)
            return f.second;
    return std::nullopt;
}

} // namespace

ApiHandler::ApiHandler(PlatformState& state)
    : m_state(state)
    , m_cards(state)
{}

QByteArray ApiHandler::envelope(const ApiResult& result)
{
    QByteArray out;
    out.reserve(result.data.size() + 48);
    out += "{\"code\":";
    json::appendInt(out, result.code);
    out += ",\"message\":";
    json::appendString(out, result.message);
    if (!result.data.isEmpty()) {
        out += ",\"data\":";
        out += result.data;
    }
    out += '}';
    return out;
}

std::optional<ApiResult> ApiHandler::authenticate(const SimRequest& r)
{
    if (r.header("X-App-Id") != kAppId)
        return ApiResult::error(401, 40101, "unknown app");
    const QByteArray timestamp = r.header("X-Timestamp");
    const QByteArray nonce = r.header("X-Nonce");
    const QByteArray canonical =
        core::signing::platformCanonical(r.method, r.path, r.rawQuery, timestamp, nonce, r.body);
    if (!core::signing::verifyPlatformSignature(kSecret, canonical, r.header("X-Signature")))
        return ApiResult::error(401, 40102, "bad signature");
    qint64 ts = 0;
    if (!parseId(timestamp, &ts) || qAbs(ts - m_state.now()) > 300)
        return ApiResult::error(401, 40103, "clock outside 300 s",
                                "{\"platform_time\":" + QByteArray::number(m_state.now()) + '}');
    if (!core::signing::isValidNonce(nonce))
        return bad("X-Nonce");
    if (!m_nonces.accept(nonce, m_state.now()))
        return ApiResult::error(401, 40104, "nonce repeated");
    return std::nullopt;
}

ApiHandler::Outcome ApiHandler::handle(const SimRequest& request, const Options& options)
{
    Outcome outcome;
    if (auto failed = authenticate(request)) {
        outcome.response = respond(*failed);
        return outcome;
    }
    outcome.authenticated = true;
    const bool write = request.method == "POST" || request.method == "PUT" || request.method == "PATCH" ||
                       request.method == "DELETE";
    if (!write) {
        outcome.response = respond(route(request, options, outcome));
        return outcome;
    }
    const QByteArray key = request.header("Idempotency-Key");
    if (!isKeyText(key)) {
        outcome.response = respond(bad("Idempotency-Key"));
        return outcome;
    }
    outcome.keyedWrite = true;
    if (const auto stored = m_idempotency.find(kAppId, key, m_state.now())) {
        if (stored->method != request.method || stored->path != request.path) {
            outcome.response = respond(bad("Idempotency-Key"));
            return outcome;
        }
        outcome.replayed = true;
        outcome.response = {stored->status, stored->body, {}};
        return outcome;
    }
    outcome.response = respond(route(request, options, outcome));
    m_idempotency.remember(
        kAppId, key,
        {request.method, request.path, outcome.response.status, outcome.response.body, m_state.now()});
    return outcome;
}

ApiResult ApiHandler::route(const SimRequest& r, const Options& options, Outcome& outcome)
{
    const QList<QByteArray> seg = r.path.split('/'); // "", "v1", …
    if (seg.size() < 3 || !seg[0].isEmpty() || seg[1] != "v1")
        return ApiResult::error(404, 40400, "no such resource");
    const QByteArray& top = seg[2];
    const qsizetype n = seg.size();
    const QByteArray& m = r.method;
    QJsonObject body;
    if (m != "GET" && !r.body.isEmpty()) {
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(r.body, &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject())
            return bad("body");
        body = doc.object();
    }
    qint64 id = 0;
    const bool hasId = n >= 4 && parseId(seg[3], &id);
    auto ifMatch = [&r](qint64* v) {
        return parseId(r.header("If-Match"), v);
    };
    const ApiResult preconditionFailed = ApiResult::error(412, 41200, "If-Match missing or not a number");
    QByteArray holder = body.value(u"holder").toString().toUtf8();
    if (holder.isEmpty())
        holder = r.header("X-Lease-Holder");
    // Card stock of a goods (docs/platform-api.md): uploads, the metadata list, lock/unlock/void and
    // the reveal of an uploaded card; other card ids go on to the cards of orders below.
    if (auto stock = m_state.goodsCards().route(m, seg, r.rawQuery, body))
        return *stock;

    if (n == 3 && m == "GET") {
        if (top == "shop")
            return ApiResult::ok(m_state.shopJson());
        if (top == "tiers")
            return ApiResult::ok(m_state.tiersJson());
        if (const auto f = feedFromName(top))
            return feed(*f, r, options, outcome);
    }
    if (n == 3 && m == "PUT" && top == "tiers") {
        qint64 version = 0;
        return ifMatch(&version) ? m_state.putTiers(version, body) : preconditionFailed;
    }
    if (n == 3 && m == "POST") {
        if (top == "categories")
            return m_state.createCategory(body);
        if (top == "goods")
            return m_state.createGoods(body);
        if (top == "orders")
            return m_state.createOrder(body);
    }
    if (n == 4 && m == "PATCH" && hasId && (top == "categories" || top == "goods" || top == "members")) {
        qint64 version = 0;
        if (!ifMatch(&version))
            return preconditionFailed;
        if (top == "categories")
            return m_state.patchCategory(id, version, body);
        return top == "goods" ? m_state.patchGoods(id, version, body)
                              : m_state.patchMember(id, version, body);
    }
    if (n == 5 && m == "POST" && hasId) {
        const QByteArray& action = seg[4];
        if (top == "members" && action == "balance")
            return m_state.adjustBalance(id, body);
        if (top == "orders" && action == "deliver")
            return m_state.deliverOrder(id, body, holder);
        if (top == "orders" && action == "review")
            return m_state.reviewOrder(id, body, holder);
        if (top == "orders" && action == "refund")
            return m_state.refundOrder(id, body, holder);
        if (top == "orders" && action == "reissue")
            return m_state.reissueCard(id, body, holder);
        if (top == "withdrawals" && (action == "approve" || action == "reject"))
            return m_state.decideWithdrawal(id, action == "approve");
        if (top == "cards" && action == "reveal")
            return m_cards.reveal(id);
    }
    // The cards of one order: a CardOps extension (docs/platform-api.md, "Cards of an order").
    if (n == 5 && m == "GET" && hasId && top == "orders" && seg[4] == "cards") {
        if (const Query q = parseQuery(r.rawQuery); !q.isEmpty())
            return bad(q.first().first);
        return m_cards.orderCardsResult(id);
    }
    if (n == 4 && top == "fulfilment" && seg[3] == "lease") {
        if (m == "POST")
            return m_state.takeLease(body);
        if (m == "DELETE")
            return m_state.releaseLease(body);
    }
    if (n == 4 && m == "GET" && top == "reports" && seg[3] == "daily")
        return dailyReport(r);
    return ApiResult::error(404, 40400, "no such resource");
}

ApiResult ApiHandler::dailyReport(const SimRequest& r)
{
    qint64 from = 0;
    qint64 to = 0;
    bool haveFrom = false;
    bool haveTo = false;
    for (const auto& [name, value] : parseQuery(r.rawQuery)) {
        if (name == "from")
            haveFrom = json::parseDay(value, &from);
        else if (name == "to")
            haveTo = json::parseDay(value, &to);
    }
    if (!haveFrom)
        return bad("from");
    if (!haveTo || to < from || to - from >= 400)
        return bad("to");
    return ApiResult::ok(m_state.dailyReportJson(from, to));
}

ApiResult ApiHandler::feed(core::Feed f, const SimRequest& r, const Options& options, Outcome& outcome)
{
    qint64 cursor = 0;
    qint64 limit = 500;
    bool descending = false;
    for (const auto& [name, value] : parseQuery(r.rawQuery)) {
        if (name == "cursor" || name == "before") {
            if (!parseId(value, &cursor))
                return bad(name);
        } else if (name == "limit") {
            if (!parseId(value, &limit) || limit < 1 || limit > 1000)
                return bad("limit");
        } else if (name == "order") {
            if (value != "asc" && value != "desc")
                return bad("order");
            descending = value == "desc";
        } else {
            return bad(name);
        }
    }
    const int lim = static_cast<int>(limit);
    FeedLog::Slice slice = m_state.feedSlice(f, cursor, lim, descending);
    const qint64 head = descending ? m_state.feedHead(f) : -1;
    const QByteArray pageKey =
        QByteArray::number(static_cast<int>(f)) + (descending ? "d" : "a") + QByteArray::number(cursor);
    if (options.duplicatePage && !slice.indices.isEmpty() && !m_duplicated.contains(pageKey)) {
        // Served now with the cursor not advanced: the client asks again and gets the page twice.
        m_duplicated.insert(pageKey);
        outcome.duplicated = true;
        const qint64 stay = descending && cursor == 0 ? m_state.feedHead(f) + 1 : cursor;
        return ApiResult::ok(m_state.pageJson(f, slice.indices, stay, true, head));
    }
    m_duplicated.remove(pageKey);
    if (options.shuffledPage && options.rng != nullptr && !slice.indices.isEmpty()) {
        Rng& rng = *options.rng;
        QList<qint32> items = slice.indices;
        // Items served before this cursor come again, mixed in.
        const int again = qMax(1, lim / 4);
        const FeedLog::Slice before = descending
                                          ? m_state.feedSlice(f, cursor == 0 ? 0 : cursor - 1, again, false)
                                          : m_state.feedSlice(f, cursor + 1, again, true);
        if (!descending || cursor != 0)
            items.append(before.indices);
        for (qsizetype i = items.size() - 1; i > 0; --i)
            std::swap(items[i], items[rng.below(i + 1)]);
        outcome.shuffled = true;
        return ApiResult::ok(m_state.pageJson(f, items, slice.nextCursor, slice.hasMore, head));
    }
    return ApiResult::ok(m_state.pageJson(f, slice.indices, slice.nextCursor, slice.hasMore, head));
}

} // namespace cardops::sim
