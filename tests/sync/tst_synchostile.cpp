// Issue #3: a hostile platform (garbage bytes, a 50 MB body, deeply nested JSON, a wrong content
// type, …) gives a clear error and leaves the cache as it was.
//
// Each row: a clean first round against a well-behaved fake platform puts known rows and cursors in
// the cache; a second round meets the hostile answer on one request; the cache (every row of the
// platform tables) must be byte for byte what it was, the round must end Failed or Offline with a
// meaningful error that is also stored as the last error, and a third round against the healed
// platform must succeed again.
#include "core/clock.h"
#include "storage/database.h"
#include "storage/platformcache.h"
#include "storage/readsession.h"
#include "sync/syncengine.h"
#include "sync/transport/platformtransport.h"
#include "tests/sync/support/fakeplatformserver.h"

#include <QMap>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUrlQuery>
#include <QtTest>
#include <memory>
#include <optional>

using namespace cardops;
using namespace cardops::test;
using namespace Qt::StringLiterals;
using Outcome = sync::RoundSummary::Outcome;

Q_DECLARE_METATYPE(cardops::test::FakeResponse)
Q_DECLARE_METATYPE(cardops::sync::RoundSummary::Outcome)

namespace {

constexpr qint64 kStartMs = qint64{1764300000} * 1000; // a fixed clock: stored times do not move
constexpr qint64 kFiftyMegabytes = qint64{50} * 1000 * 1000;

// ---- a well-behaved platform (docs/platform-api.md §3) ----------------------------------------

const QByteArray kShop = R"({"name":"演示卡盟","platform_time":1764300000,"balance":"12000.0000",)"
                         R"("api_version":1,"limits":{"max_page":1000,"requests_per_second":50},)"
                         R"("capabilities":["categories","goods","members","tiers","orders","ledger",)"
                         R"("withdrawals","reports.daily"]})";
const QByteArray kTiers = R"({"items":[{"id":1,"name":"普通会员","rank":1,"discount":"100%",)"
                          R"("commission_rates":["0%"],"upgrade":{},"version":1}],"version":1})";
const QByteArray kDaily = R"({"items":[{"day":"2025-11-27","orders":3,"gmv":"295.5000",)"
                          R"("refunds":"0.0000","commissions":"1.2000"}]})";
const QByteArray kCategories =
    R"({"id":3,"parent_id":0,"name":"游戏点卡","sort":10,"status":"on","version":4,"updated_at":1764290000},)"
    R"({"id":4,"parent_id":3,"name":"话费","sort":20,"status":"off","version":1,"updated_at":1764290001})";
const QByteArray kGoods =
    R"({"id":17,"sku":"QB-100","name":"腾讯Q币 100元","category_id":3,"sort":0,"kind":"card",)"
    R"("card_format":"number_password","card_separator":" ","face_value":"100.0000","price":"98.5000",)"
    R"("tier_prices":{"2":"97.0000"},"contract_prices":[{"member_id":88,"price":"96.0000"}],)"
    R"("cost":"95.2000","supplier_links":[{"protocol":"fulu","product_ref":"10000587","priority":1}],)"
    R"("fulfilment_owner":"platform","stock_available":120,"stock_locked":2,"low_stock_threshold":20,)"
    R"("status":"on","listing":{"title":"腾讯Q币 100元 | 秒到账","spec":"100元/张","description":"…"},)"
    R"("version":9,"updated_at":1764290000})";
const QByteArray kMembers =
    R"({"id":88,"name":"张三","kind":"agent","parent_id":12,"tier_id":3,"registered_at":1750000000,)"
    R"("contact":"138****0000","balance":"320.5000","tags":["老客户"],"version":5,"updated_at":1764290000})";
const QByteArray kOrders =
    R"({"id":1000001,"order_no":"20261128123456000001","member_id":88,"goods_id":17,"quantity":1,)"
    R"("unit_price":"98.5000","amount":"98.5000","paid_amount":"98.5000","cost_at_order":"95.2000",)"
    R"("pay_channel":"alipay","charge_account":"","contact":"","status":"delivered","handed_over":false,)"
    R"("review_reason":"","delivered_at":1764290100,"revealed_at":0,"refund_amount":"0.0000",)"
    R"("created_at":1764290000,"paid_at":1764290030,"version":3,"updated_at":1764290100})";
const QByteArray kLedger =
    R"({"id":5001,"member_id":88,"kind":"purchase","amount":"-98.5000",)"
    R"("order_id":1000001,"created_at":1764290000,"version":1,"updated_at":1764290000})";
const QByteArray kWithdrawals =
    R"({"id":7,"member_id":88,"amount":"200.0000","status":"pending",)"
    R"("created_at":1764280000,"decided_at":0,"version":1,"updated_at":1764280000})";
const QByteArray kOrdersHead = "67"; // head_cursor of the newest-first read

QByteArray page(const QByteArray& items, const QByteArray& next, bool hasMore = false,
                const QByteArray& head = {})
{
    QByteArray out = "{\"items\":[" + items + "],\"next_cursor\":\"" + next +
                     "\",\"has_more\":" + (hasMore ? "true" : "false");
    if (!head.isEmpty())
        out += ",\"head_cursor\":\"" + head + '"';
    return out + '}';
}

// The first page of each feed (no cursor) and the cursor it leaves behind.
struct FirstPage
{
    QByteArray items;
    QByteArray next;
};
const QHash<QByteArray, FirstPage>& firstPages()
{
    static const QHash<QByteArray, FirstPage> pages = {
        {"categories", {kCategories, "12"}},   {"goods", {kGoods, "23"}},   {"members", {kMembers, "34"}},
        {"withdrawals", {kWithdrawals, "45"}}, {"ledger", {kLedger, "56"}}, {"orders", {kOrders, "60"}},
    };
    return pages;
}

// A page that does not move: what every feed answers once it is synced.
FakeResponse emptyPage(const QByteArray& cursor)
{
    return FakeResponse::ok(page({}, cursor));
}

FakeResponse html(int status, const QByteArray& body)
{
    FakeResponse r;
    r.status = status;
    r.contentType = "text/html; charset=utf-8";
    r.body = body;
    return r;
}

FakeResponse raw(const QByteArray& body)
{
    FakeResponse r;
    r.body = body;
    return r;
}

class Platform
{
public:
    enum class Mode { Off, Answer, StuckCursor };

    Platform()
    {
        server.setHandler([this](const RecordedRequest& r) { return answer(r); });
    }

    FakeResponse answer(const RecordedRequest& r)
    {
        const QUrlQuery query(QString::fromLatin1(r.query));
        const QByteArray cursor = query.queryItemValue(u"cursor"_s).toLatin1();
        if (mode != Mode::Off && r.path == target) {
            ++attacked;
            if (mode == Mode::StuckCursor) // has_more forever, and the cursor it was asked at
                return FakeResponse::ok(page({}, cursor, true));
            return hostile;
        }
        if (r.path == "/v1/shop")
            return FakeResponse::ok(kShop);
        if (r.path == "/v1/tiers")
            return FakeResponse::ok(kTiers);
        if (r.path == "/v1/reports/daily")
            return FakeResponse::ok(kDaily);
        const QByteArray feed = r.path.mid(4);
        if (!r.path.startsWith("/v1/") || !firstPages().contains(feed))
            return FakeResponse::envelope(404, 40400, "no such entity");
        const FirstPage& first = firstPages().value(feed);
        if (query.queryItemValue(u"order"_s) == u"desc") {
            const QByteArray before = query.queryItemValue(u"before"_s).toLatin1();
            return FakeResponse::ok(before.isEmpty() ? page(first.items, first.next, false, kOrdersHead)
                                                     : page({}, before, false, kOrdersHead));
        }
        if (cursor.isEmpty())
            return FakeResponse::ok(page(first.items, feed == "orders" ? kOrdersHead : first.next));
        return emptyPage(cursor);
    }

    FakePlatformServer server;
    Mode mode = Mode::Off;
    QByteArray target; // the request path that meets `hostile`
    FakeResponse hostile;
    int attacked = 0; // requests to `target` answered with the attack
};

// Every row of the platform tables, value by value with its type, in primary-key order.
QMap<QString, QByteArray> dumpCache(const storage::Database& db)
{
    storage::ReadSession read(db);
    QMap<QString, QByteArray> out;
    const QStringList tables = {u"categories"_s, u"goods"_s,        u"members"_s,      u"orders"_s,
                                u"ledger"_s,     u"withdrawals"_s,  u"sync_cursors"_s, u"counters"_s,
                                u"tiers"_s,      u"daily_totals"_s, u"outbox"_s};
    auto append = [&out](const QString& name, const storage::ReadSession::Rows& rows) {
        QByteArray& text = out[name];
        text += "rows=" + QByteArray::number(rows.size()) + '\n';
        for (const QVariantList& row : rows) {
            for (const QVariant& v : row)
                text += QByteArray(v.typeName()) + ':' + v.toString().toUtf8() + '\x1f';
            text += '\n';
        }
    };
    for (const QString& t : tables) {
        auto rows = read.select(u"SELECT * FROM "_s + t + u" ORDER BY 1"_s);
        if (!rows)
            out[t] = "error: " + rows.error().detail.toUtf8();
        else
            append(t, rows.value());
    }
    // The key-value state too, except the last error, which a failed round is meant to set.
    auto state = read.select(u"SELECT key, value FROM sync_state WHERE key <> ? ORDER BY key"_s,
                             {storage::statekeys::LastError});
    if (state)
        append(u"sync_state"_s, state.value());
    else
        out[u"sync_state"_s] = "error: " + state.error().detail.toUtf8();
    return out;
}

QString outcomeName(Outcome o)
{
    switch (o) {
    case Outcome::Ok:
        return u"Ok"_s;
    case Outcome::Offline:
        return u"Offline"_s;
    case Outcome::Failed:
        return u"Failed"_s;
    case Outcome::Cancelled:
        return u"Cancelled"_s;
    }
    return u"?"_s;
}

} // namespace

class TestSyncHostile : public QObject
{
    Q_OBJECT
private:
    core::ManualClock m_clock{kStartMs};

    // `timeout` stays short for the rows about silence; a streamed 50 MB body tests the size cap, and on
    // a loaded machine reading up to the cap can outlast 400 ms (a timeout, then a legitimate retry).
    static sync::TransportOptions fastTransport(std::chrono::milliseconds timeout = std::chrono::milliseconds(400))
    {
        sync::TransportOptions o;
        o.timeout = timeout;
        o.baseBackoff = std::chrono::milliseconds(5);
        o.maxBackoff = std::chrono::milliseconds(40);
        o.retryAfterUnit = std::chrono::milliseconds(5);
        o.maxAttempts = 2;
        o.jitterSeed = 3;
        return o;
    }

    // Runs one round; nothing when it did not report within 30 s (a hang guard, not a timing check).
    static std::optional<sync::RoundSummary> round(sync::SyncEngine& engine)
    {
        QSignalSpy spy(&engine, &sync::SyncEngine::roundFinished);
        engine.startRound();
        if (!spy.wait(30'000) || spy.size() != 1)
            return std::nullopt;
        return spy.first().first().value<sync::RoundSummary>();
    }

private Q_SLOTS:
    void hostileAnswerLeavesCacheAsItWas_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<FakeResponse>("hostile");
        QTest::addColumn<bool>("stuckCursor");
        QTest::addColumn<Outcome>("expected");
        QTest::addColumn<QString>("mentions");
        QTest::addColumn<int>("requests"); // requests to `target` in the hostile round; 0: not checked

        // Malformed, Timeout, Network, Server and RateLimited are retriable: after maxAttempts (2)
        // the round ends Offline ("try again later"). A too-large body, a redirect, a business
        // error and a page the engine cannot parse are permanent: Failed.
        QRandomGenerator random(20261128); // fixed seed: the same garbage on every run
        QByteArray garbage(4096, '\0');
        for (char& c : garbage)
            c = static_cast<char>(random.bounded(256));
        QTest::newRow("garbage bytes")
            << QByteArray("/v1/goods") << raw(garbage) << false << Outcome::Offline << u"not JSON"_s << 2;

        FakeResponse huge;
        huge.delivery = FakeResponse::Delivery::Stream;
        huge.streamBytes = kFiftyMegabytes;
        QTest::newRow("50 MB body") << QByteArray("/v1/orders") << huge << false << Outcome::Failed
                                    << u"TooLarge"_s << 1;
        FakeResponse announced = huge;
        announced.announceLength = true;
        QTest::newRow("50 MB announced")
            << QByteArray("/v1/ledger") << announced << false << Outcome::Failed << u"TooLarge"_s << 1;

        const QByteArray deep = QByteArray(100'000, '[') + QByteArray(100'000, ']');
        QTest::newRow("100000-deep array")
            << QByteArray("/v1/members") << raw(deep) << false << Outcome::Offline << u"deeply nested"_s << 2;
        QTest::newRow("deep array as data")
            << QByteArray("/v1/categories") << raw(R"({"code":0,"message":"ok","data":)" + deep + '}')
            << false << Outcome::Offline << u"deeply nested"_s << 2;

        QTest::newRow("text/html with JSON body")
            << QByteArray("/v1/withdrawals") << html(200, emptyPage("45").body) << false << Outcome::Offline
            << u"Content-Type \"text/html; charset=utf-8\" is not JSON"_s << 2;
        FakeResponse latin1 = emptyPage("45");
        latin1.contentType = "application/json; charset=iso-8859-1";
        QTest::newRow("JSON in latin1")
            << QByteArray("/v1/withdrawals") << latin1 << false << Outcome::Offline << u"is not JSON"_s << 2;

        const QByteArray floatPrice =
            page(QByteArray(kGoods).replace("\"price\":\"98.5000\"", "\"price\":98.5"), "99");
        QTest::newRow("money as a float") << QByteArray("/v1/goods") << FakeResponse::ok(floatPrice) << false
                                          << Outcome::Failed << u"goods.price"_s << 1;
        const QByteArray hugeId = page(QByteArray(kOrders).replace("\"id\":1000001", "\"id\":1e300"), "99");
        QTest::newRow("id beyond 2^53") << QByteArray("/v1/orders") << FakeResponse::ok(hugeId) << false
                                        << Outcome::Failed << u"order.id"_s << 1;
        QByteArray longPage;
        for (int i = 0; i < 3000; ++i)
            longPage += "{\"id\":" + QByteArray::number(100 + i) +
                        ",\"parent_id\":0,\"name\":\"c\",\"sort\":0,\"status\":\"on\",\"version\":1,"
                        "\"updated_at\":1764290000},";
        longPage +=
            R"({"id":9999,"parent_id":0,"name":"c","sort":0,"status":"maybe","version":1,"updated_at":1})";
        QTest::newRow("bad last item of 3001")
            << QByteArray("/v1/categories") << FakeResponse::ok(page(longPage, "99")) << false
            << Outcome::Failed << u"category.status"_s << 1;
        QTest::newRow("cursor injection")
            << QByteArray("/v1/ledger") << FakeResponse::ok(page(kLedger, "56&order=desc")) << false
            << Outcome::Failed << u"next_cursor"_s << 1;
        QTest::newRow("data null") << QByteArray("/v1/members") << FakeResponse::ok("null") << false
                                   << Outcome::Failed << u"must be an object"_s << 1;
        QTest::newRow("tiers wrong types")
            << QByteArray("/v1/tiers") << FakeResponse::ok(QByteArray(kTiers).replace("\"100%\"", "\"lots\""))
            << false << Outcome::Failed << u"tier.discount"_s << 1;
        QTest::newRow("daily wrong types")
            << QByteArray("/v1/reports/daily")
            << FakeResponse::ok(QByteArray(kDaily).replace("\"295.5000\"", "295.5")) << false
            << Outcome::Failed << u"daily.gmv"_s << 1;
        QTest::newRow("shop garbage")
            << QByteArray("/v1/shop") << raw(garbage) << false << Outcome::Offline << u"not JSON"_s << 2;

        const QByteArray valid = emptyPage("34").body;
        QTest::newRow("truncated JSON") << QByteArray("/v1/members") << raw(valid.left(valid.size() / 2))
                                        << false << Outcome::Offline << u"not JSON"_s << 2;
        FakeResponse cut = emptyPage("34");
        cut.delivery = FakeResponse::Delivery::Truncated;
        QTest::newRow("truncated transfer")
            << QByteArray("/v1/members") << cut << false << Outcome::Offline << u"truncated"_s << 2;
        QTest::newRow("empty 200 body")
            << QByteArray("/v1/goods") << raw({}) << false << Outcome::Offline << u"not JSON"_s << 2;
        QTest::newRow("array, not object") << QByteArray("/v1/goods") << raw("[1,2,3]") << false
                                           << Outcome::Offline << u"not a JSON object"_s << 2;
        QTest::newRow("duplicate data member") << QByteArray("/v1/goods")
                                               << raw(R"({"code":0,"message":"ok","data":)" + page({}, "23") +
                                                      R"(,"data":)" + page({}, "1") + '}')
                                               << false << Outcome::Offline << u"duplicate member"_s << 2;
        QTest::newRow("invalid UTF-8")
            << QByteArray("/v1/goods") << raw("{\"code\":0,\"message\":\"\xff\xfe\xc0\",\"data\":{}}")
            << false << Outcome::Offline << u"not JSON"_s << 2;

        QTest::newRow("next_cursor never advances") << QByteArray("/v1/members") << FakeResponse() << true
                                                    << Outcome::Failed << u"does not advance"_s << 0;

        QTest::newRow("HTML 502 page")
            << QByteArray("/v1/ledger")
            << html(502, "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad "
                         "Gateway</h1></center><hr><center>nginx</center></body></html>")
            << false << Outcome::Offline << u"HTTP 502"_s << 2;
        FakeResponse redirect = html(302, "<a href=\"http://evil.example/\">moved</a>");
        redirect.headers = {{"Location", "http://evil.example/v1/goods"}};
        QTest::newRow("redirect") << QByteArray("/v1/goods") << redirect << false << Outcome::Failed
                                  << u"not followed"_s << 1;
        FakeResponse slowDown = FakeResponse::envelope(429, 42900, "too many requests");
        slowDown.headers = {{"Retry-After", "999999999"}};
        QTest::newRow("429 with absurd Retry-After")
            << QByteArray("/v1/orders") << slowDown << false << Outcome::Offline << u"RateLimited"_s << 1;
        QTest::newRow("business error in a 200")
            << QByteArray("/v1/withdrawals") << FakeResponse::envelope(200, 50000, "boom") << false
            << Outcome::Failed << u"Business"_s << 1;
        FakeResponse silent;
        silent.delivery = FakeResponse::Delivery::Never;
        QTest::newRow("never answers")
            << QByteArray("/v1/categories") << silent << false << Outcome::Offline << u"Timeout"_s << 2;
        // A platform that drops every connection is unreachable: Offline, and the error should say
        // the connection failed, after maxAttempts (2) signed attempts. (Qt re-sends each dropped
        // request byte for byte and the fake refuses the copy as a repeated nonce, like the
        // platform; those copies are not counted.)
        FakeResponse hangup;
        hangup.delivery = FakeResponse::Delivery::Hangup;
        QTest::newRow("hangs up") << QByteArray("/v1/ledger") << hangup << false << Outcome::Offline
                                  << u"Network"_s << 2;
    }

    void hostileAnswerLeavesCacheAsItWas()
    {
        QFETCH(QByteArray, target);
        QFETCH(FakeResponse, hostile);
        QFETCH(bool, stuckCursor);
        QFETCH(Outcome, expected);
        QFETCH(QString, mentions);
        QFETCH(int, requests);

        Platform platform;
        QVERIFY(platform.server.listen());
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        auto opened = storage::Database::open(dir.filePath(u"cache.db"_s), m_clock);
        QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.error().detail)); // Qt 6.4: eager message
        const std::unique_ptr<storage::Database> db = std::move(opened).value();
        sync::PlatformTransport transport({platform.server.baseUrl(), "demo", "demo-secret"}, m_clock,
                                          hostile.delivery == FakeResponse::Delivery::Stream
                                              ? fastTransport(std::chrono::seconds(10))
                                              : fastTransport());
        sync::SyncEngine engine(*db, transport);

        // 1. A clean first sync: known rows and cursors in every table.
        const auto first = round(engine);
        QVERIFY2(first, "the first round did not finish");
        QVERIFY2(first->ok(), qPrintable(first->error));
        const QMap<QString, QByteArray> before = dumpCache(*db);
        for (const QString& table : {u"categories"_s, u"goods"_s, u"members"_s, u"orders"_s, u"ledger"_s,
                                     u"withdrawals"_s, u"tiers"_s, u"daily_totals"_s}) {
            QVERIFY2(!before.value(table).startsWith("rows=0") && !before.value(table).startsWith("error"),
                     qPrintable(table + u": "_s + QString::fromUtf8(before.value(table))));
        }
        QVERIFY(before.value(u"sync_cursors"_s).contains("67")); // orders continue after the head

        // 2. The hostile round.
        const int requestsBefore = platform.server.requestCount();
        platform.mode = stuckCursor ? Platform::Mode::StuckCursor : Platform::Mode::Answer;
        platform.target = target;
        platform.hostile = hostile;
        const auto attacked = round(engine);
        QVERIFY2(attacked, "the hostile round did not finish (hang)");
        QVERIFY2(attacked->outcome == expected,
                 qPrintable(u"outcome "_s + outcomeName(attacked->outcome) + u", expected "_s +
                            outcomeName(expected) + u": "_s + attacked->error));
        QVERIFY(!attacked->error.isEmpty());
        QVERIFY2(attacked->error.contains(mentions),
                 qPrintable(u"\""_s + attacked->error + u"\" does not mention \""_s + mentions + u'"'));
        QCOMPARE(transport.pendingCount(), 0);
        if (requests > 0)
            QCOMPARE(platform.attacked, requests);
        else
            QVERIFY2(platform.attacked >= 2 && platform.attacked <= 10, // stopped, not looping
                     qPrintable(QString::number(platform.attacked)));
        if (hostile.delivery == FakeResponse::Delivery::Stream) // aborted, not read to the end
            QVERIFY2(platform.server.streamedBytes() < hostile.streamBytes,
                     qPrintable(QString::number(platform.server.streamedBytes())));
        // Nothing after the attacked request was asked for: the round stopped there.
        const QList<RecordedRequest>& sent = platform.server.requests();
        QCOMPARE(sent.last().path, target);
        for (qsizetype i = requestsBefore; i < sent.size(); ++i)
            QVERIFY2(sent.at(i).signatureValid, sent.at(i).target.constData());

        const QMap<QString, QByteArray> after = dumpCache(*db);
        QCOMPARE(after.keys(), before.keys());
        for (auto it = before.cbegin(); it != before.cend(); ++it) {
            const QByteArray now = after.value(it.key());
            QVERIFY2(now == it.value(),
                     qPrintable(it.key() + u" changed:\nbefore\n"_s + QString::fromUtf8(it.value()) +
                                u"after\n"_s + QString::fromUtf8(now)));
        }
        {
            storage::ReadSession read(*db);
            const auto lastError = storage::platformcache::state(read, storage::statekeys::LastError);
            QVERIFY(lastError.ok());
            QVERIFY(!lastError.value().isEmpty());
            QCOMPARE(lastError.value(), attacked->error);
        }

        // 3. The platform heals: the next round succeeds and clears the error; still nothing new.
        platform.mode = Platform::Mode::Off;
        const auto healed = round(engine);
        QVERIFY2(healed, "the round after the attack did not finish");
        QVERIFY2(healed->ok(), qPrintable(healed->error));
        QCOMPARE(dumpCache(*db), before);
        storage::ReadSession read(*db);
        QCOMPARE(storage::platformcache::state(read, storage::statekeys::LastError).valueOr(u"?"_s),
                 QString());
    }
};

QTEST_GUILESS_MAIN(TestSyncHostile)
#include "tst_synchostile.moc"
