// The checks of the platform conformance suite (tests/support/platformconformance.h): keyed writes, If-Match
// and the lease.
#include "core/money.h"
#include "tests/support/platformconformanceutil.h"

#include <QThread>

namespace cardops::test {

using namespace conformance;

namespace {

struct WriteProbe
{
    const char* capability;
    QByteArray method;
    QByteArray target;
    QByteArray body;
    bool ifMatch;
    QByteArray otherMethod;
    QByteArray otherTarget;
};

QList<WriteProbe> writeProbes()
{
    const QByteArray none(kNoId.data(), kNoId.size());
    const QByteArray other = QByteArray::number(none.toLongLong() - 1);
    return {
        {"lease", "POST", "/v1/fulfilment/lease", R"({"holder":"conformance-keys"})", false, "DELETE",
         "/v1/fulfilment/lease"},
        {"cards", "POST", "/v1/cards/lock", "{\"ids\":[" + none + "]}", false, "POST", "/v1/cards/unlock"},
        {"goods.write", "PATCH", "/v1/goods/" + none, R"({"sort":1})", true, "PATCH", "/v1/goods/" + other},
        {"members.write", "PATCH", "/v1/members/" + none, R"({"tags":[]})", true, "PATCH",
         "/v1/members/" + other},
        {"orders.deliver", "POST", "/v1/orders/" + none + "/deliver",
         R"({"cards":["CONFORMANCE-0001"],"holder":"c"})", false, "POST", "/v1/orders/" + other + "/deliver"},
        {"withdrawals", "POST", "/v1/withdrawals/" + none + "/approve", "{}", false, "POST",
         "/v1/withdrawals/" + none + "/reject"},
    };
}

} // namespace

void PlatformConformance::idempotencyKeyRequired()
{
    const QStringList caps = capabilities();
    int probed = 0;
    for (const WriteProbe& p : writeProbes()) {
        if (!caps.contains(QLatin1StringView(p.capability)))
            continue;
        ++probed;
        const PlatformClient::Headers ifMatch =
            p.ifMatch ? PlatformClient::Headers{{"If-Match", "1"}} : PlatformClient::Headers{};
        CHECK_ANSWER(p.target.constData(), m_client.write(p.method, p.target, p.body, {}, ifMatch), 400,
                     40000);
        for (const QByteArray& key : {QByteArray(65, 'k'), QByteArray("bad key!")})
            CHECK_ANSWER(p.target.constData(), m_client.write(p.method, p.target, p.body, key, ifMatch), 400,
                         40000);
    }
    if (probed == 0) // nothing keyed is served: every write is refused as unsupported
        CHECK_ANSWER("a write without capability",
                     m_client.write("POST", "/v1/fulfilment/lease", R"({"holder":"c"})", {}), 403, 40300);
}

void PlatformConformance::idempotentReplayIsByteEqual()
{
    const QStringList caps = capabilities();
    for (const WriteProbe& p : writeProbes()) {
        if (!caps.contains(QLatin1StringView(p.capability)))
            continue;
        const PlatformClient::Headers ifMatch =
            p.ifMatch ? PlatformClient::Headers{{"If-Match", "1"}} : PlatformClient::Headers{};
        const QByteArray key = m_client.newKey();
        const Reply first = m_client.write(p.method, p.target, p.body, key, ifMatch);
        QVERIFY2(first.status < 500, qPrintable(first.describe()));
        // A write done again would differ in its times (the lease's expires_at).
        if (m_client.platform().letTimePass)
            m_client.platform().letTimePass(2);
        else
            QThread::sleep(2);
        const Reply again = m_client.write(p.method, p.target, p.body, key, ifMatch);
        QCOMPARE(again.status, first.status);
        QCOMPARE(again.body, first.body);
        if (QByteArrayView(p.capability) == "lease")
            CHECK_ANSWER("release", m_client.write("DELETE", p.target, p.body, m_client.newKey()), 200, 0);
    }
}

void PlatformConformance::keyOnAnotherRequestRefused()
{
    const QStringList caps = capabilities();
    for (const WriteProbe& p : writeProbes()) {
        if (!caps.contains(QLatin1StringView(p.capability)))
            continue;
        const PlatformClient::Headers ifMatch =
            p.ifMatch ? PlatformClient::Headers{{"If-Match", "1"}} : PlatformClient::Headers{};
        const QByteArray key = m_client.newKey();
        const Reply first = m_client.write(p.method, p.target, p.body, key, ifMatch);
        QVERIFY2(first.status < 500, qPrintable(first.describe()));
        CHECK_ANSWER(qPrintable(QString::fromLatin1(p.otherMethod + ' ' + p.otherTarget) +
                                u" under the key of "_s + QString::fromLatin1(p.method + ' ' + p.target)),
                     m_client.write(p.otherMethod, p.otherTarget, p.body, key, ifMatch), 400, 40000);
        if (QByteArrayView(p.capability) == "lease")
            CHECK_ANSWER("release", m_client.write("DELETE", p.target, p.body, m_client.newKey()), 200, 0);
    }
}

void PlatformConformance::patchNeedsIfMatch()
{
    // The goods as the feed serves it now (its latest change, so its current version).
    const qint64 wanted = m_client.platform().editableGoodsId;
    QJsonObject goods;
    QByteArray cursor;
    for (bool more = true; more && goods.isEmpty();) {
        const Reply page =
            m_client.get("/v1/goods?limit=1000" + (cursor.isEmpty() ? QByteArray() : "&cursor=" + cursor));
        CHECK_ANSWER("the goods feed", page, 200, 0);
        for (const QJsonValue& v : page.data().value(u"items").toArray())
            if (goods.isEmpty() && (wanted == 0 || v.toObject().value(u"id").toInteger() == wanted))
                goods = v.toObject();
        cursor = page.data().value(u"next_cursor").toString().toLatin1();
        more = page.data().value(u"has_more").toBool();
    }
    QVERIFY2(!goods.isEmpty(), "the goods to edit is not in the feed");
    const QByteArray target = "/v1/goods/" + QByteArray::number(goods.value(u"id").toInteger());
    const qint64 version = goods.value(u"version").toInteger();
    const QString oldPrice = goods.value(u"price").toString();
    const auto parsed = core::Money::parse(oldPrice);
    QVERIFY2(parsed.ok(), qPrintable(u"price: "_s + oldPrice));
    const QString newPrice = (parsed.value() + core::Money::fromUnits(10000)).toString(4);
    const QByteArray body = QJsonDocument(QJsonObject{{u"price"_s, newPrice}}).toJson(QJsonDocument::Compact);
    auto ifMatch = [](const QByteArray& v) {
        return PlatformClient::Headers{{"If-Match", v}};
    };
    if (!has(u"goods.write"_s)) {
        CHECK_ANSWER(
            "PATCH without goods.write",
            m_client.write("PATCH", target, body, m_client.newKey(), ifMatch(QByteArray::number(version))),
            403, 40300);
        return;
    }
    CHECK_ANSWER("PATCH without If-Match", m_client.write("PATCH", target, body, m_client.newKey()), 412,
                 41200);
    CHECK_ANSWER("PATCH with If-Match abc",
                 m_client.write("PATCH", target, body, m_client.newKey(), ifMatch("abc")), 412, 41200);
    // A stale version: 409 with the current entity, nothing changed.
    const Reply stale =
        m_client.write("PATCH", target, body, m_client.newKey(), ifMatch(QByteArray::number(version - 1)));
    CHECK_ANSWER("PATCH with a stale If-Match", stale, 409, 40900);
    QCOMPARE(stale.data().value(u"id"), goods.value(u"id"));
    QCOMPARE(stale.data().value(u"version").toInteger(), version);
    QCOMPARE(stale.data().value(u"price").toString(), oldPrice);
    const Reply ok =
        m_client.write("PATCH", target, body, m_client.newKey(), ifMatch(QByteArray::number(version)));
    CHECK_ANSWER("PATCH with the current If-Match", ok, 200, 0);
    const qint64 newVersion = ok.data().value(u"version").toInteger();
    QVERIFY2(newVersion > version, qPrintable(ok.describe()));
    QCOMPARE(ok.data().value(u"price").toString(), newPrice);
    const Reply again =
        m_client.write("PATCH", target, body, m_client.newKey(), ifMatch(QByteArray::number(version)));
    CHECK_ANSWER("the same edit on the old version", again, 409, 40900);
    QCOMPARE(again.data().value(u"version").toInteger(), newVersion);
    CHECK_ANSWER("PATCH of an unknown goods",
                 m_client.write("PATCH", "/v1/goods/" + QByteArray(kNoId.data(), kNoId.size()), body,
                                m_client.newKey(), ifMatch("1")),
                 404, 40400);
}

void PlatformConformance::leaseIsExclusive()
{
    const QByteArray lease = "/v1/fulfilment/lease";
    const QByteArray a = R"({"holder":"conformance-a"})";
    const QByteArray b = R"({"holder":"conformance-b"})";
    auto holderInShop = [this] {
        return m_client.get("/v1/shop").data().value(u"fulfilment").toObject().value(u"holder").toString();
    };
    if (!has(u"lease"_s)) {
        CHECK_ANSWER("POST lease without the capability", m_client.write("POST", lease, a, m_client.newKey()),
                     403, 40300);
        QCOMPARE(holderInShop(), QString());
        return;
    }
    const qint64 now = m_client.platform().clock->nowSeconds();
    const Reply taken = m_client.write("POST", lease, a, m_client.newKey());
    CHECK_ANSWER("A takes the lease", taken, 200, 0);
    QCOMPARE(taken.data().value(u"holder").toString(), u"conformance-a"_s);
    const qint64 expires = taken.data().value(u"expires_at").toInteger();
    QVERIFY2(qAbs(expires - (now + 60)) <= 5, qPrintable(taken.describe()));
    QCOMPARE(holderInShop(), u"conformance-a"_s);
    const Reply refused = m_client.write("POST", lease, b, m_client.newKey());
    CHECK_ANSWER("B takes the held lease", refused, 409, 40901);
    QCOMPARE(refused.data().value(u"holder").toString(), u"conformance-a"_s);
    QCOMPARE(refused.data().value(u"expires_at").toInteger(), expires);
    CHECK_ANSWER("B releases A's lease", m_client.write("DELETE", lease, b, m_client.newKey()), 409, 40901);
    const Reply renewed = m_client.write("POST", lease, a, m_client.newKey());
    CHECK_ANSWER("A renews", renewed, 200, 0);
    QVERIFY(renewed.data().value(u"expires_at").toInteger() >= expires);
    const Reply released = m_client.write("DELETE", lease, a, m_client.newKey());
    CHECK_ANSWER("A releases", released, 200, 0);
    QCOMPARE(released.data(), (QJsonObject{{u"holder"_s, u""_s}, {u"expires_at"_s, 0}}));
    QCOMPARE(holderInShop(), QString());
    CHECK_ANSWER("B takes the free lease", m_client.write("POST", lease, b, m_client.newKey()), 200, 0);
    CHECK_ANSWER("B releases", m_client.write("DELETE", lease, b, m_client.newKey()), 200, 0);
}

} // namespace cardops::test
