#include "bridge/bridgeapi.h"

#include "bridge/acgconvert.h"
#include "bridge/acgreader.h"
#include "bridge/bridgedb.h"
#include "bridge/bridgewrite.h"
#include "bridge/orderwrites.h"
#include "bridge/sequencer.h"
#include "core/signing.h"
#include "sim/server/apihandler.h"

#include <QDate>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <limits>

namespace cardops::bridge {

using namespace Qt::StringLiterals;
using sim::ApiResult;

namespace {

using Query = QList<QPair<QByteArray, QByteArray>>;

constexpr int kMaxPage = 1000;
constexpr int kDefaultPage = 500;

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

ApiResult bad(QByteArray field)
{
    return ApiResult::error(400, 40000, std::move(field));
}

ApiResult fault(const core::Error& e)
{
    qWarning("cardops-bridge: %s", qPrintable(e.detail));
    return ApiResult::error(500, 50000, "platform fault: database");
}

ApiResult okJson(const QJsonObject& o)
{
    return ApiResult::ok(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

// Only the named parameters, each at most once; false names the offender.
bool onlyParams(const Query& q, std::initializer_list<QByteArrayView> allowed, QByteArray* offender)
{
    QList<QByteArray> seen;
    for (const auto& p : q) {
        bool known = false;
        for (QByteArrayView a : allowed)
            known = known || p.first == a;
        if (!known || seen.contains(p.first)) {
            *offender = p.first.left(32);
            return false;
        }
        seen << p.first;
    }
    return true;
}

QByteArray param(const Query& q, QByteArrayView name, bool* present = nullptr)
{
    for (const auto& p : q)
        if (p.first == name) {
            if (present)
                *present = true;
            return p.second;
        }
    if (present)
        *present = false;
    return {};
}

struct FeedKind
{
    const char* path;
    const char* entity;
};

constexpr FeedKind kFeeds[] = {
    {"categories", "category"}, {"goods", "goods"}, {"members", "member"}, {"orders", "order"},
    {"ledger", "ledger"},       {"withdrawals", "withdrawal"}};

// The protocol's resources: a write to one that this bridge does not route is an action acg-faka has
// no equivalent for (403, see capabilities); anything else does not exist (404).
bool isProtocolResource(const QByteArray& top)
{
    static const QByteArrayView all[] = {"categories", "goods", "cards", "members", "tiers", "orders",
                                         "ledger",     "withdrawals", "fulfilment"};
    return std::find(std::begin(all), std::end(all), QByteArrayView(top)) != std::end(all);
}

} // namespace

BridgeApi::BridgeApi(BridgeDb& db, QByteArray epoch, Clock clock)
    : m_db(db)
    , m_epoch(std::move(epoch))
    , m_clock(std::move(clock))
{}

QStringList BridgeApi::capabilities()
{
    QStringList caps{u"categories"_s, u"goods"_s, u"members"_s, u"tiers"_s, u"orders"_s, u"reports.daily"_s,
                     u"ledger"_s,     u"withdrawals"_s};
    for (const ApiRoute& r : apiRoutes())
        if (r.capability && !caps.contains(QLatin1StringView(r.capability)))
            caps << QString::fromLatin1(r.capability);
    return caps;
}

qint64 BridgeApi::now() const
{
    return m_clock ? m_clock() : QDateTime::currentSecsSinceEpoch();
}

sim::SimResponse BridgeApi::handle(const sim::SimRequest& request)
{
    if (auto failed = authenticate(request))
        return sim::ApiHandler::respond(*failed);
    if (!m_db.isOpen()) {
        if (auto ok = m_db.open(); !ok)
            return sim::ApiHandler::respond(
                ApiResult::error(503, 50000, "platform fault: database unavailable"));
    }
    const ApiResult result = route(request);
    // A fault with a dead connection (server restarted, connection killed): reconnect next time.
    if (result.httpStatus >= 500 && !m_db.exec(u"SELECT 1"_s))
        m_db.close();
    return sim::ApiHandler::respond(result);
}

// The simulator's platform-role checks (sim/server/apihandler.cpp), with the configured app.
std::optional<ApiResult> BridgeApi::authenticate(const sim::SimRequest& r)
{
    const QByteArray appId = m_db.config().appId;
    if (r.header("X-App-Id") != appId)
        return ApiResult::error(401, 40101, "unknown app");
    const QByteArray timestamp = r.header("X-Timestamp");
    const QByteArray nonce = r.header("X-Nonce");
    const QByteArray canonical =
        core::signing::platformCanonical(r.method, r.path, r.rawQuery, timestamp, nonce, r.body);
    if (!core::signing::verifyPlatformSignature(m_db.config().appSecret, canonical, r.header("X-Signature")))
        return ApiResult::error(401, 40102, "bad signature");
    bool number = false;
    const qint64 ts = timestamp.size() <= 18 ? timestamp.toLongLong(&number) : 0;
    if (!number || ts < 0 || qAbs(ts - now()) > 300)
        return ApiResult::error(401, 40103, "clock outside 300 s",
                                "{\"platform_time\":" + QByteArray::number(now()) + '}');
    if (!core::signing::isValidNonce(nonce))
        return bad("X-Nonce");
    if (!m_nonces.accept(nonce, now()))
        return ApiResult::error(401, 40104, "nonce repeated");
    return std::nullopt;
}

ApiResult BridgeApi::route(const sim::SimRequest& r)
{
    const QList<QByteArray> seg = r.path.split('/'); // "", "v1", …
    if (seg.size() < 3 || !seg[0].isEmpty() || seg[1] != "v1")
        return ApiResult::error(404, 40400, "no such resource");
    const QByteArray& top = seg[2];
    const qsizetype n = seg.size();
    if (const ApiRoute* routed = findRoute(r.method, seg))
        return call(*routed, r, seg);
    if (r.method != "GET") {
        if ((r.method == "POST" || r.method == "PUT" || r.method == "PATCH" || r.method == "DELETE") &&
            isProtocolResource(top))
            return ApiResult::error(403, 40300, "not supported by acg-faka (see capabilities): " + r.method +
                                                    ' ' + r.path.left(64));
        return ApiResult::error(404, 40400, "no such resource");
    }
    const Query query = parseQuery(r.rawQuery);
    QByteArray offender;
    if (n == 3) {
        for (const FeedKind& f : kFeeds)
            if (top == f.path)
                return feed(top, query);
        if (top == "shop" || top == "tiers") {
            if (!onlyParams(query, {}, &offender))
                return bad(offender);
            if (top == "shop")
                return shop();
            AcgReader reader(m_db);
            auto t = reader.tiers();
            return t ? okJson(t.value()) : fault(t.error());
        }
    }
    if (n == 4 && top == "reports" && seg[3] == "daily")
        return daily(query);
    return ApiResult::error(404, 40400, "no such resource");
}

// A routed request: a write needs an Idempotency-Key and replays the first answer of a repeated key
// (same method and path; another request under the key is refused); the handler runs with the body
// parsed. An answer not stored with its write (refusals) is stored after it; faults are not stored.
ApiResult BridgeApi::call(const ApiRoute& route, const sim::SimRequest& r, const QList<QByteArray>& seg)
{
    const bool write = r.method != "GET";
    const QByteArray key = r.header("Idempotency-Key");
    if (write) {
        static const QRegularExpression keyText(u"^[A-Za-z0-9_-]{1,64}$"_s);
        if (!keyText.match(QString::fromLatin1(key.left(65))).hasMatch())
            return bad("Idempotency-Key");
        auto stored = m_db.run(u"SELECT `method`, `path`, `status`, `code`, `message`, `data` FROM %1 "
                               "WHERE `key` = ?"_s.arg(m_db.own("idempotency")),
                               {QString::fromLatin1(key)});
        if (!stored)
            return fault(stored.error());
        if (QSqlQuery& q = stored.value(); q.next()) {
            if (q.value(0).toByteArray() != r.method || q.value(1).toByteArray() != r.path.left(255))
                return bad("Idempotency-Key");
            return ApiResult{q.value(2).toInt(), q.value(3).toInt(), q.value(4).toByteArray(),
                             q.value(5).toByteArray()};
        }
    }
    ApiCall call{m_db, r, seg, {}, now(), write ? key : QByteArray(), false};
    if (write && !r.body.isEmpty()) {
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(r.body, &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject())
            return bad("body");
        call.body = doc.object();
    }
    const ApiResult answer = route.handler(call);
    if (write && !call.keyStored && answer.httpStatus < 500) {
        if (auto ok = storeIdempotent(m_db, key, r, answer, call.now); !ok)
            return fault(ok.error());
    }
    return answer;
}

ApiResult BridgeApi::shop()
{
    AcgReader reader(m_db);
    auto name = reader.shopName();
    if (!name)
        return fault(name.error());
    auto lease = currentLease(m_db, now());
    if (!lease)
        return fault(lease.error());
    QJsonArray caps;
    for (const QString& c : capabilities())
        caps.append(c);
    return okJson(QJsonObject{
        {u"name"_s, name.value()},
        {u"platform_time"_s, now()},
        {u"balance"_s, u"0.0000"_s}, // acg-faka-model.md §4.1: a shop has no balance at a platform
        {u"api_version"_s, 1},
        {u"limits"_s, QJsonObject{{u"max_page"_s, kMaxPage}, {u"requests_per_second"_s, 50}}},
        {u"capabilities"_s, caps},
        {u"platform"_s, u"acg-faka"_s},
        {u"fulfilment"_s, lease.value()},
    });
}

ApiResult BridgeApi::daily(const Query& query)
{
    QByteArray offender;
    if (!onlyParams(query, {"from", "to"}, &offender))
        return bad(offender);
    const QDate from = QDate::fromString(QString::fromLatin1(param(query, "from")), u"yyyy-MM-dd"_s);
    const QDate to = QDate::fromString(QString::fromLatin1(param(query, "to")), u"yyyy-MM-dd"_s);
    if (!from.isValid())
        return bad("from");
    if (!to.isValid() || to < from || from.daysTo(to) >= 400)
        return bad("to");
    AcgReader reader(m_db);
    auto d = reader.daily(from.toString(u"yyyy-MM-dd"_s), to.toString(u"yyyy-MM-dd"_s));
    return d ? okJson(d.value()) : fault(d.error());
}

ApiResult BridgeApi::feed(const QByteArray& name, const Query& query)
{
    QByteArray offender;
    if (!onlyParams(query, {"cursor", "limit", "order", "before"}, &offender))
        return bad(offender);
    bool has = false;
    const QByteArray order = param(query, "order", &has);
    if (has && order != "asc" && order != "desc")
        return bad("order");
    const bool desc = order == "desc";
    // A position: "<epoch>-<pos>"; absent or empty = the start (or, newest first, the newest end).
    auto position = [this, &query](QByteArrayView key, qint64* out) -> std::optional<ApiResult> {
        bool present = false;
        const QByteArray text = param(query, key, &present);
        if (!present || text.isEmpty())
            return std::nullopt;
        static const QRegularExpression re(u"^([a-z0-9]{8})-([0-9]{1,18})$"_s);
        const auto m = re.match(QString::fromLatin1(text.left(64)));
        if (text.size() > 64 || !m.hasMatch())
            return bad(key.toByteArray());
        if (m.captured(1).toLatin1() != m_epoch)
            return ApiResult::error(410, 41000, "cursor of another install: resync from the start");
        *out = m.captured(2).toLongLong();
        return std::nullopt;
    };
    qint64 after = 0;
    qint64 before = std::numeric_limits<qint64>::max();
    if (desc && !param(query, "cursor").isEmpty())
        return bad("cursor");
    if (!desc && !param(query, "before").isEmpty())
        return bad("before");
    if (auto failed =
            position(desc ? QByteArrayView("before") : QByteArrayView("cursor"), desc ? &before : &after))
        return *failed;
    int limit = kDefaultPage;
    const QByteArray limitText = param(query, "limit", &has);
    if (has) {
        bool ok = false;
        limit = limitText.size() <= 4 ? limitText.toInt(&ok) : 0;
        if (!ok || limit < 1 || limit > kMaxPage ||
            !std::all_of(limitText.begin(), limitText.end(), ::isdigit))
            return bad("limit");
    }
    const char* entity = nullptr;
    for (const FeedKind& f : kFeeds)
        if (name == f.path)
            entity = f.entity;
    if (auto moved = runSequencer(m_db); !moved)
        return fault(moved.error());
    // One snapshot, opened after the sequencer committed: the feed rows and the acg rows agree.
    if (auto ok = m_db.exec(u"SET TRANSACTION ISOLATION LEVEL REPEATABLE READ"_s); !ok)
        return fault(ok.error());
    if (auto ok = m_db.exec(u"START TRANSACTION WITH CONSISTENT SNAPSHOT"_s); !ok)
        return fault(ok.error());
    auto fail = [this](const core::Error& e) {
        m_db.rollbackQuietly();
        return fault(e);
    };
    // Each entity at its latest position only (docs/platform-api.md §2): older rows of a changed
    // entity are skipped, so its version (the position) is the one If-Match expects.
    const QString latest =
        u"NOT EXISTS (SELECT 1 FROM %1 n WHERE n.`entity` = f.`entity` AND n.`entity_id` = f.`entity_id` "
        "AND n.`pos` > f.`pos`)"_s.arg(m_db.own("feed"));
    auto rows =
        desc ? m_db.run(
                   u"SELECT `pos`, `entity_id`, FLOOR(UNIX_TIMESTAMP(`at`)) FROM %1 f WHERE `entity` = ? AND "
                   "`pos` < ? AND %3 ORDER BY `pos` DESC LIMIT %2"_s.arg(m_db.own("feed"))
                       .arg(limit + 1)
                       .arg(latest),
                   {QString::fromLatin1(entity), before})
             : m_db.run(
                   u"SELECT `pos`, `entity_id`, FLOOR(UNIX_TIMESTAMP(`at`)) FROM %1 f WHERE `entity` = ? AND "
                   "`pos` > ? AND %3 ORDER BY `pos` LIMIT %2"_s.arg(m_db.own("feed"))
                       .arg(limit + 1)
                       .arg(latest),
                   {QString::fromLatin1(entity), after});
    if (!rows)
        return fail(rows.error());
    struct Last
    {
        qint64 pos = 0;
        qint64 at = 0;
    };
    QHash<qint64, Last> last; // each entity at its newest position in this page
    QList<qint64> scanned;
    qint64 lastPos = desc ? (before == std::numeric_limits<qint64>::max() ? 0 : before) : after;
    int count = 0;
    bool hasMore = false;
    while (rows.value().next()) {
        if (++count > limit) {
            hasMore = true;
            break;
        }
        const qint64 pos = rows.value().value(0).toLongLong();
        const qint64 id = rows.value().value(1).toLongLong();
        if (!last.contains(id)) {
            scanned << id;
            last[id] = {pos, rows.value().value(2).toLongLong()};
        } else if (!desc) {
            last[id] = {pos, rows.value().value(2).toLongLong()};
        }
        lastPos = pos;
    }
    qint64 head = 0;
    if (desc) {
        auto h = m_db.run(u"SELECT IFNULL(MAX(`pos`), 0) FROM %1 WHERE `entity` = ?"_s.arg(m_db.own("feed")),
                          {QString::fromLatin1(entity)});
        if (!h)
            return fail(h.error());
        head = h.value().next() ? h.value().value(0).toLongLong() : 0;
    }
    AcgReader reader(m_db);
    core::Result<AcgReader::Found> found = AcgReader::Found{};
    const QByteArrayView e(entity);
    if (e == "category")
        found = reader.categories(scanned);
    else if (e == "goods")
        found = reader.goods(scanned);
    else if (e == "member")
        found = reader.members(scanned);
    else if (e == "ledger")
        found = reader.ledger(scanned);
    else if (e == "withdrawal")
        found = reader.withdrawals(scanned);
    else
        found = reader.orders(scanned);
    if (!found)
        return fail(found.error());
    if (auto ok = m_db.exec(u"COMMIT"_s); !ok)
        return fault(ok.error());
    // Change order (newest first for order=desc): each entity once, at its newest position here.
    std::sort(scanned.begin(), scanned.end(), [&last, desc](qint64 a, qint64 b) {
        return desc ? last[a].pos > last[b].pos : last[a].pos < last[b].pos;
    });
    QJsonArray items;
    for (qint64 id : std::as_const(scanned)) {
        const Last l = last.value(id);
        if (auto it = found.value().items.constFind(id); it != found.value().items.cend()) {
            QJsonObject o = it.value();
            o.insert(u"version"_s, l.pos);
            o.insert(u"updated_at"_s, l.at);
            items.append(o);
        } else if (found.value().gone.contains(id)) {
            QJsonObject tomb{
                {u"id"_s, id}, {u"deleted"_s, true}, {u"version"_s, l.pos}, {u"updated_at"_s, l.at}};
            if (e == "order")
                tomb.insert(u"status"_s, u"cancelled"_s);
            items.append(tomb);
        }
    }
    auto cursorText = [this](qint64 pos) {
        return QString::fromLatin1(m_epoch + '-' + QByteArray::number(pos));
    };
    QJsonObject page{{u"items"_s, items}, {u"next_cursor"_s, cursorText(lastPos)}, {u"has_more"_s, hasMore}};
    if (desc)
        page.insert(u"head_cursor"_s, cursorText(head));
    return okJson(page);
}

} // namespace cardops::bridge
