// The checks of the platform conformance suite (tests/support/platformconformance.h): authentication, the
// envelope, paths, capabilities and feeds.
#include "core/signing.h"
#include "tests/support/platformconformanceutil.h"

namespace cardops::test {

using namespace conformance;

namespace {

struct ActionProbe
{
    const char* capability;
    QByteArray method;
    QByteArray target;
    QByteArray body;
    bool ifMatch = false;
    int statusWhenListed = 404;
};

QList<ActionProbe> actionProbes()
{
    const QByteArray none(kNoId.data(), kNoId.size());
    QList<ActionProbe> probes;
    for (const QString& f : kAllFeeds)
        probes.append({nullptr, "GET", feedTarget(f, "limit=1"), {}, false, 200});
    for (ActionProbe& p : probes)
        p.capability = p.target.contains("categories") ? "categories"
                       : p.target.contains("goods")    ? "goods"
                       : p.target.contains("members")  ? "members"
                       : p.target.contains("orders")   ? "orders"
                       : p.target.contains("ledger")   ? "ledger"
                                                       : "withdrawals";
    probes.append({"tiers", "GET", "/v1/tiers", {}, false, 200});
    probes.append(
        {"reports.daily", "GET", "/v1/reports/daily?from=2026-11-01&to=2026-11-02", {}, false, 200});
    probes.append({"cards", "GET", "/v1/goods/" + none + "/cards", {}, false, 404});
    probes.append({"cards", "GET", "/v1/orders/" + none + "/cards", {}, false, 404});
    probes.append(
        {"cards", "POST", "/v1/goods/" + none + "/cards", R"({"cards":[{"secret":"X"}]})", false, 404});
    probes.append({"cards", "POST", "/v1/cards/lock", "{\"ids\":[" + none + "]}", false, 200});
    probes.append({"cards", "POST", "/v1/cards/" + none + "/reveal", {}, false, 404});
    probes.append({"goods.write", "PATCH", "/v1/goods/" + none, R"({"sort":1})", true, 404});
    probes.append({"goods.write", "PATCH", "/v1/categories/" + none, R"({"sort":1})", true, 404});
    probes.append({"members.write", "PATCH", "/v1/members/" + none, R"({"tags":[]})", true, 404});
    probes.append({"orders.deliver", "POST", "/v1/orders/" + none + "/review",
                   R"({"reason":"conformance","holder":"conformance"})", false, 404});
    probes.append({"members.write", "POST", "/v1/members/" + none + "/balance",
                   R"({"amount":"1.0000","reason":"conformance"})", false, 404});
    probes.append({"orders.deliver", "POST", "/v1/orders/" + none + "/deliver",
                   R"({"cards":["CONFORMANCE-0001"],"holder":"conformance"})", false, 404});
    probes.append({"withdrawals", "POST", "/v1/withdrawals/" + none + "/approve", "{}", false, 404});
    return probes;
}

} // namespace

void PlatformConformance::shopDescribesThePlatform()
{
    const Reply r = m_client.get("/v1/shop");
    CHECK_ANSWER("GET /v1/shop", r, 200, 0);
    const QJsonObject d = r.data();
    QVERIFY2(!d.value(u"name").toString().isEmpty(), qPrintable(r.describe()));
    const qint64 now = m_client.platform().clock->nowSeconds();
    QVERIFY2(d.value(u"platform_time").isDouble() && qAbs(d.value(u"platform_time").toInteger() - now) <= 5,
             qPrintable(r.describe()));
    QCOMPARE(d.value(u"api_version").toInt(), 1);
    QCOMPARE(d.value(u"limits").toObject().value(u"max_page").toInt(), 1000);
    static const QRegularExpression money(u"^-?[0-9]+\\.[0-9]{4}$"_s);
    QVERIFY2(money.match(d.value(u"balance").toString()).hasMatch(), qPrintable(r.describe()));
    QVERIFY(d.value(u"capabilities").isArray());
    // CardOps's extension: the lease as it stands (absent = nobody).
    if (d.contains(u"fulfilment")) {
        const QJsonObject f = d.value(u"fulfilment").toObject();
        QVERIFY2(f.value(u"holder").isString() && f.value(u"expires_at").isDouble(),
                 qPrintable(r.describe()));
    }
}

void PlatformConformance::capabilityNamesAreTheProtocols()
{
    // One verification only, so a known difference can be marked with QEXPECT_FAIL.
    const Reply r = m_client.get("/v1/shop");
    const QJsonObject d = r.data();
    QStringList seen;
    QStringList problems;
    if (r.status != 200 || !d.value(u"capabilities").isArray())
        problems << r.describe();
    for (const QJsonValue& v : d.value(u"capabilities").toArray()) {
        if (!v.isString() || !kProtocolCapabilities.contains(v.toString()))
            problems << u"not a capability of the protocol: "_s + v.toVariant().toString();
        else if (seen.contains(v.toString()))
            problems << u"listed twice: "_s + v.toString();
        seen << v.toString();
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u"; "_s)));
}

void PlatformConformance::envelopeShape()
{
    PlatformClient::Signing stranger = m_client.signing();
    stranger.appId = "conformance-nobody";
    const QList<Reply> replies = {
        m_client.get("/v1/shop"),
        m_client.get("/v1/tiers"),
        m_client.get(feedTarget(readFeeds().value(0, u"goods"_s), "limit=1")),
        m_client.get("/v1/no-such-resource"),
        m_client.get("/v1/goods?limit=0"),
        m_client.send("GET", "/v1/shop", {}, {}, stranger),
        m_client.write("POST", "/v1/fulfilment/lease", R"({"holder":"x"})", {}),
    };
    for (const Reply& r : replies) {
        const QString problem = envelopeProblem(r);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }
}

void PlatformConformance::unknownApp()
{
    PlatformClient::Signing s = m_client.signing();
    s.appId = "conformance-nobody";
    CHECK_ANSWER("another app id", m_client.send("GET", "/v1/shop", {}, {}, s), 401, 40101);
    s.appId.clear();
    CHECK_ANSWER("no app id", m_client.send("GET", "/v1/shop", {}, {}, s), 401, 40101);
}

void PlatformConformance::badSignature()
{
    PlatformClient::Signing s = m_client.signing();
    s.corruptSignature = true;
    CHECK_ANSWER("corrupt signature", m_client.send("GET", "/v1/shop", {}, {}, s), 401, 40102);
    s = m_client.signing();
    s.secret = "not-the-secret";
    CHECK_ANSWER("wrong secret", m_client.send("GET", "/v1/shop", {}, {}, s), 401, 40102);
    CHECK_ANSWER("wrong secret on a write",
                 m_client.send("POST", "/v1/fulfilment/lease", R"({"holder":"x"})",
                               {{"Idempotency-Key", m_client.newKey()}}, s),
                 401, 40102);
}

void PlatformConformance::clockWindow()
{
    const qint64 now = m_client.platform().clock->nowSeconds();
    for (const qint64 shift : {-310, 310}) {
        PlatformClient::Signing s = m_client.signing();
        s.timestampShift = shift;
        const Reply r = m_client.send("GET", "/v1/shop", {}, {}, s);
        CHECK_ANSWER("timestamp 310 s off", r, 401, 40103);
        // The platform's time comes with the refusal so the client can correct its offset.
        QVERIFY2(r.data().value(u"platform_time").isDouble() &&
                     qAbs(r.data().value(u"platform_time").toInteger() - now) <= 5,
                 qPrintable(r.describe()));
    }
    for (const qint64 shift : {-290, 290}) {
        PlatformClient::Signing s = m_client.signing();
        s.timestampShift = shift;
        CHECK_ANSWER("timestamp 290 s off", m_client.send("GET", "/v1/shop", {}, {}, s), 200, 0);
    }
}

void PlatformConformance::nonceFormat()
{
    for (const QByteArray& nonce :
         {QByteArray("short-nonce"), QByteArray(65, 'n'), QByteArray("has.a.dot.0123456789")}) {
        PlatformClient::Signing s = m_client.signing();
        s.nonce = nonce;
        CHECK_ANSWER("nonce outside 16-64 of [A-Za-z0-9_-]", m_client.send("GET", "/v1/shop", {}, {}, s), 400,
                     40000);
    }
    for (const QByteArray& nonce : {m_client.newKey().rightJustified(16, '0').right(16),
                                    QByteArray(core::signing::generateNonce(64).value())}) {
        PlatformClient::Signing s = m_client.signing();
        s.nonce = nonce;
        CHECK_ANSWER("nonce of 16 and 64 characters", m_client.send("GET", "/v1/shop", {}, {}, s), 200, 0);
    }
}

void PlatformConformance::nonceReplay()
{
    CHECK_ANSWER("first use", m_client.get("/v1/shop"), 200, 0);
    PlatformClient::Signing again = m_client.signing();
    again.nonce = m_client.lastNonce();
    CHECK_ANSWER("the same nonce again", m_client.send("GET", "/v1/shop", {}, {}, again), 401, 40104);
    CHECK_ANSWER("the same nonce on another path", m_client.send("GET", "/v1/tiers", {}, {}, again), 401,
                 40104);
    CHECK_ANSWER("a fresh nonce", m_client.get("/v1/shop"), 200, 0);
}

void PlatformConformance::unknownPathsAre404()
{
    for (const QByteArray& target :
         {QByteArray("/v1/no-such-resource"), QByteArray("/v2/shop"), QByteArray("/v1"),
          QByteArray("/v1/goods/1/2/3"), QByteArray("/v1/reports/monthly")})
        CHECK_ANSWER(target.constData(), m_client.get(target), 404, 40400);
}

void PlatformConformance::unknownWritePathIs404()
{
    // Not a resource of the protocol: 404, not "capability missing".
    CHECK_ANSWER("POST /v1/no-such-resource",
                 m_client.write("POST", "/v1/no-such-resource", "{}", m_client.newKey()), 404, 40400);
}

void PlatformConformance::capabilitiesHonoured()
{
    const QStringList caps = capabilities();
    QStringList problems;
    for (const ActionProbe& p : actionProbes()) {
        PlatformClient::Headers headers;
        if (p.ifMatch)
            headers.append(qMakePair(QByteArray("If-Match"), QByteArray("1")));
        const Reply r = p.method == "GET"
                            ? m_client.get(p.target)
                            : m_client.write(p.method, p.target, p.body, m_client.newKey(), headers);
        const bool listed = caps.contains(QLatin1StringView(p.capability));
        const int status = listed ? p.statusWhenListed : 403;
        if (r.status != status || (!listed && r.code() != 40300))
            problems << u"%1 %2: expected %3, got %4"_s
                            .arg(listed ? u"listed"_s : u"not listed"_s, QLatin1StringView(p.capability))
                            .arg(listed ? status : 40300)
                            .arg(r.describe());
    }
    if (!caps.contains(u"lease"_s))
        if (const Reply r =
                m_client.write("POST", "/v1/fulfilment/lease", R"({"holder":"c"})", m_client.newKey());
            r.status != 403 || r.code() != 40300)
            problems << u"not listed lease: expected 40300, got "_s + r.describe();
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u"\n"_s)));
}

void PlatformConformance::feedLimitBounds()
{
    for (const QString& feed : readFeeds()) {
        for (const QByteArray& bad : {QByteArray("0"), QByteArray("1001"), QByteArray("-1"), QByteArray("x"),
                                      QByteArray("100000000000")})
            CHECK_ANSWER(qPrintable(feed + u" limit="_s + QString::fromLatin1(bad)),
                         m_client.get(feedTarget(feed, "limit=" + bad)), 400, 40000);
        for (const int limit : {1, 1000}) {
            const Reply r = m_client.get(feedTarget(feed, "limit=" + QByteArray::number(limit)));
            const QString problem = pageProblem(r, limit);
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
        }
    }
}

void PlatformConformance::feedParametersChecked()
{
    for (const QString& feed : readFeeds())
        for (const QByteArray& query : {QByteArray("cursor=-1"), QByteArray("cursor=%27x"),
                                        QByteArray("colour=red"), QByteArray("order=sideways")})
            CHECK_ANSWER(qPrintable(feed + u'?' + QString::fromLatin1(query)),
                         m_client.get(feedTarget(feed, query)), 400, 40000);
}

void PlatformConformance::feedPagingIsConsistent()
{
    constexpr int kSmall = 2;
    constexpr int kPages = 6;
    for (const QString& feed : readFeeds()) {
        QList<qint64> walked;
        QByteArray cursor;
        QByteArray secondCursor;
        Reply last;
        int pages = 0;
        for (; pages < kPages; ++pages) {
            const Reply r =
                m_client.get(feedTarget(feed, "limit=" + QByteArray::number(kSmall) +
                                                  (cursor.isEmpty() ? QByteArray() : "&cursor=" + cursor)));
            const QString problem = pageProblem(r, kSmall);
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
            walked << idsOf(r.data().value(u"items").toArray());
            if (pages == 0)
                secondCursor = r.data().value(u"next_cursor").toString().toLatin1();
            cursor = r.data().value(u"next_cursor").toString().toLatin1();
            last = r;
            if (!r.data().value(u"has_more").toBool()) {
                ++pages;
                break;
            }
        }
        // One page over the same span serves the same entities, each once, in the same order.
        const Reply whole = m_client.get(feedTarget(feed, "limit=" + QByteArray::number(pages * kSmall)));
        const QString problem = pageProblem(whole, pages * kSmall);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        const QList<qint64> wholeIds = idsOf(whole.data().value(u"items").toArray());
        QVERIFY2(lastOccurrences(wholeIds) == wholeIds,
                 qPrintable(u"an id twice in one page: "_s + whole.describe()));
        QCOMPARE(lastOccurrences(walked), wholeIds);
        QCOMPARE(whole.data().value(u"next_cursor"), last.data().value(u"next_cursor"));
        QCOMPARE(whole.data().value(u"has_more"), last.data().value(u"has_more"));
        // A page asked for again is the same page (a client retrying after a lost answer).
        if (!secondCursor.isEmpty()) {
            const QByteArray target = feedTarget(feed, "limit=2&cursor=" + secondCursor);
            const Reply a = m_client.get(target);
            const Reply b = m_client.get(target);
            QCOMPARE(a.status, 200);
            QCOMPARE(b.data(), a.data());
        }
    }
}

void PlatformConformance::feedEndIsStable()
{
    for (const QString& feed : readFeeds()) {
        if (feed == u"orders"_s || feed == u"ledger"_s)
            continue; // large on a generated platform; the end is the same code for every feed
        QByteArray cursor;
        bool more = true;
        for (int guard = 0; more && guard < 50; ++guard) {
            const Reply r = m_client.get(
                feedTarget(feed, "limit=1000" + (cursor.isEmpty() ? QByteArray() : "&cursor=" + cursor)));
            const QString problem = pageProblem(r, 1000);
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
            cursor = r.data().value(u"next_cursor").toString().toLatin1();
            more = r.data().value(u"has_more").toBool();
        }
        QVERIFY(!more);
        for (int i = 0; i < 2; ++i) {
            const Reply r = m_client.get(feedTarget(feed, "cursor=" + cursor));
            CHECK_ANSWER("the end of a feed", r, 200, 0);
            QCOMPARE(r.data().value(u"items").toArray().size(), 0);
            QCOMPARE(r.data().value(u"has_more").toBool(), false);
            QCOMPARE(r.data().value(u"next_cursor").toString().toLatin1(), cursor);
        }
    }
}

void PlatformConformance::newestFirstMatchesForward()
{
    const QStringList feeds = readFeeds();
    const QString feed = feeds.contains(u"categories"_s) ? u"categories"_s : feeds.value(0);
    QVERIFY2(!feed.isEmpty(), "no feed listed");
    QList<qint64> forward;
    QByteArray cursor;
    for (bool more = true; more;) {
        const Reply r = m_client.get(
            feedTarget(feed, "limit=1000" + (cursor.isEmpty() ? QByteArray() : "&cursor=" + cursor)));
        QCOMPARE(r.status, 200);
        forward << idsOf(r.data().value(u"items").toArray());
        cursor = r.data().value(u"next_cursor").toString().toLatin1();
        more = r.data().value(u"has_more").toBool() && forward.size() < 20000;
    }
    QList<qint64> backward;
    QByteArray before;
    QByteArray head;
    for (bool more = true; more;) {
        const Reply r = m_client.get(
            feedTarget(feed, "order=desc&limit=2" + (before.isEmpty() ? QByteArray() : "&before=" + before)));
        const QString problem = pageProblem(r, 2);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        if (head.isEmpty()) {
            QVERIFY2(r.data().value(u"head_cursor").isString(), qPrintable(r.describe()));
            head = r.data().value(u"head_cursor").toString().toLatin1();
        }
        backward << idsOf(r.data().value(u"items").toArray());
        before = r.data().value(u"next_cursor").toString().toLatin1();
        more = r.data().value(u"has_more").toBool() && backward.size() < 20000;
    }
    std::reverse(backward.begin(), backward.end());
    QCOMPARE(lastOccurrences(backward), lastOccurrences(forward));
    // head_cursor continues forward after the newest change: nothing changed since.
    const Reply after = m_client.get(feedTarget(feed, "cursor=" + head));
    CHECK_ANSWER("forward from head_cursor", after, 200, 0);
    QCOMPARE(after.data().value(u"items").toArray().size(), 0);
    QCOMPARE(after.data().value(u"has_more").toBool(), false);
}

void PlatformConformance::changedEntityComesAgainWithHigherVersion()
{
    if (!m_client.platform().changeGoods)
        QSKIP("this platform under test cannot change goods outside the API");
    if (!has(u"goods"_s))
        QSKIP("goods not listed");
    const Reply first = m_client.get("/v1/goods?limit=2");
    QCOMPARE(first.status, 200);
    const QJsonArray goods = first.data().value(u"items").toArray();
    QVERIFY2(goods.size() == 2, qPrintable(first.describe()));
    for (const QJsonValue& v : goods) {
        const qint64 id = v.toObject().value(u"id").toInteger();
        const Reply newest = m_client.get("/v1/goods?order=desc&limit=1");
        QCOMPARE(newest.status, 200);
        const QByteArray head = newest.data().value(u"head_cursor").toString().toLatin1();
        // Its version before: from the newest-first walk of the whole feed.
        qint64 before = 0;
        qint64 updatedBefore = 0;
        QByteArray cursor;
        for (bool more = true; more;) {
            const Reply r = m_client.get("/v1/goods?limit=1000" +
                                         (cursor.isEmpty() ? QByteArray() : "&cursor=" + cursor));
            for (const QJsonValue& item : r.data().value(u"items").toArray())
                if (item.toObject().value(u"id").toInteger() == id) {
                    before = item.toObject().value(u"version").toInteger();
                    updatedBefore = item.toObject().value(u"updated_at").toInteger();
                }
            cursor = r.data().value(u"next_cursor").toString().toLatin1();
            more = r.status == 200 && r.data().value(u"has_more").toBool();
        }
        QVERIFY(before > 0);
        QVERIFY2(m_client.platform().changeGoods(id), "the platform under test could not change the goods");
        QByteArray target = "/v1/goods?cursor=" + head;
        Reply changed = m_client.get(target);
        // A platform that commits changes in the background may take a moment (the bridge's sequencer).
        for (int i = 0; i < 20 && changed.data().value(u"items").toArray().isEmpty(); ++i) {
            QTest::qWait(100);
            changed = m_client.get(target);
        }
        const QJsonArray items = changed.data().value(u"items").toArray();
        QVERIFY2(items.size() == 1, qPrintable(changed.describe()));
        QCOMPARE(items[0].toObject().value(u"id").toInteger(), id);
        QVERIFY2(items[0].toObject().value(u"version").toInteger() > before, qPrintable(changed.describe()));
        QVERIFY(items[0].toObject().value(u"updated_at").toInteger() >= updatedBefore);
        const Reply latest = m_client.get("/v1/goods?order=desc&limit=1");
        QCOMPARE(latest.data().value(u"items").toArray().first().toObject(), items[0].toObject());
    }
}

void PlatformConformance::feedServesEachEntityOnce()
{
    for (const QString& feed : readFeeds()) {
        QList<qint64> all;
        QByteArray cursor;
        for (bool more = true; more;) {
            const Reply r = m_client.get(
                feedTarget(feed, "limit=1000" + (cursor.isEmpty() ? QByteArray() : "&cursor=" + cursor)));
            const QString problem = pageProblem(r, 1000);
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
            all << idsOf(r.data().value(u"items").toArray());
            cursor = r.data().value(u"next_cursor").toString().toLatin1();
            more = r.data().value(u"has_more").toBool() && all.size() < 100000;
        }
        // Run after entities changed (the check before): each still once, at its latest change.
        const QList<qint64> once = lastOccurrences(all);
        QList<qint64> twice = all;
        for (const qint64 id : once)
            twice.removeOne(id);
        QVERIFY2(twice.isEmpty(),
                 qPrintable(feed + u": served more than once: "_s + QString::number(twice.value(0)) +
                            u" and "_s + QString::number(twice.size() - 1) + u" more"_s));
    }
}

void PlatformConformance::deletedOrderIsATombstone()
{
    if (!m_client.platform().deleteUnpaidOrder)
        QSKIP("this platform under test cannot delete an order outside the API");
    if (!has(u"orders"_s))
        QSKIP("orders not listed");
    const Reply newest = m_client.get("/v1/orders?order=desc&limit=1");
    CHECK_ANSWER("the newest order", newest, 200, 0);
    const QByteArray head = newest.data().value(u"head_cursor").toString().toLatin1();
    const qint64 id = m_client.platform().deleteUnpaidOrder();
    QVERIFY2(id > 0, "the platform under test could not delete an unpaid order");
    const QByteArray target = "/v1/orders?cursor=" + head;
    Reply after = m_client.get(target);
    for (int i = 0; i < 20 && after.data().value(u"items").toArray().isEmpty(); ++i) {
        QTest::qWait(100);
        after = m_client.get(target);
    }
    const QString problem = pageProblem(after, 500);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    const QJsonArray items = after.data().value(u"items").toArray();
    QVERIFY2(items.size() == 1, qPrintable(after.describe()));
    const QJsonObject tomb = items[0].toObject();
    QCOMPARE(tomb.value(u"id").toInteger(), id);
    QCOMPARE(tomb.value(u"deleted"), QJsonValue(true));
    QCOMPARE(tomb.value(u"status").toString(), u"cancelled"_s);
    // At a position after the cursor of the time before the deletion, so above every earlier version.
    QVERIFY2(tomb.value(u"version").toInteger() > 0, qPrintable(after.describe()));
    // An answer about the entity is 404, never a tombstone.
    if (has(u"orders.deliver"_s))
        CHECK_ANSWER("an action on a deleted order",
                     m_client.write("POST", "/v1/orders/" + QByteArray::number(id) + "/review",
                                    R"({"reason":"conformance","holder":"conformance"})", m_client.newKey()),
                     404, 40400);
}

} // namespace cardops::test
