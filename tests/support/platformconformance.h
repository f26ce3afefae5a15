#pragma once

// The platform conformance suite: what any server of CardOps Platform API v1 (docs/platform-api.md)
// must do, checked over real HTTP. Written once, run against cardops-sim's platform role
// (tests/sim/tst_simconformance) and cardops-bridge on MariaDB (tests/bridge/tst_bridgeconformance).
//
// Protocol only: authentication (app, signature, clock window, nonce), the envelope, 404 vs 403,
// feeds (cursor paging, limit bounds, has_more / next_cursor, repeated pages, versions, newest
// first), keyed writes (Idempotency-Key, byte-equal replays), If-Match, the fulfilment lease, and
// capabilities honoured. Writes are checked per capability of GET /v1/shop: a listed capability's
// action must be served, an unlisted one must answer 403 / 40300, so the suite holds for a server
// that supports only part of the protocol. Generated data and fault injection are the simulator's
// own tests (tst_simserver, tst_simfaults, …).
//
// Use: one data-driven test function whose rows are PlatformConformance::checks():
//     void conformance_data() { PlatformConformance::addRows(); }
//     void conformance() { QFETCH(QString, check); m_suite->run(check); }

#include "core/clock.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <functional>
#include <optional>

namespace cardops::test {

struct PlatformUnderTest
{
    QString name; // in messages: "simulator", "bridge"
    QUrl baseUrl; // http://127.0.0.1:PORT (no trailing slash)
    QByteArray appId;
    QByteArray secret;
    const core::Clock* clock = nullptr; // the client's clock, in step with the server's
    // Commits one change of goods `goodsId` outside the API (an operator's edit, the shop's own
    // write), so its feed must serve it again with a higher version. Empty: that check is skipped.
    std::function<bool(qint64 goodsId)> changeGoods;
    // Deletes one unpaid order outside the API (the shop's admin clearing it) and answers its id;
    // 0 when it cannot. Empty: the tombstone check is skipped.
    std::function<qint64()> deleteUnpaidOrder;
    // A goods whose price the platform lets CardOps edit (the If-Match check); 0 = the first of the feed.
    qint64 editableGoodsId = 0;
    // Lets `seconds` pass on the platform's clock (a manual clock advances); empty = really wait.
    std::function<void(int seconds)> letTimePass;
};

// A signing client for any Platform API v1 server (core::signing, docs/platform-api.md §1).
class PlatformClient
{
public:
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    struct Signing
    {
        QByteArray appId;
        QByteArray secret;
        qint64 timestampShift = 0;
        QByteArray nonce; // empty = fresh
        bool corruptSignature = false;
    };

    struct Reply
    {
        int status = 0;
        QByteArray body;
        QByteArray request; // "METHOD target", for messages

        QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
        int code() const { return json().value(u"code").toInt(-1); }
        QJsonObject data() const { return json().value(u"data").toObject(); }
        // "GET /v1/x -> 400 {…}", the body cut to 300 bytes.
        QString describe() const;
    };

    explicit PlatformClient(const PlatformUnderTest& platform);

    Signing signing() const; // the platform's app and secret, a fresh nonce, no shift
    Reply send(const QByteArray& method, const QByteArray& target, const QByteArray& body = {},
               const Headers& headers = {}, const std::optional<Signing>& signing = std::nullopt);
    Reply get(const QByteArray& target) { return send("GET", target); }
    // A keyed write; an empty key sends none.
    Reply write(const QByteArray& method, const QByteArray& target, const QByteArray& body,
                const QByteArray& key, const Headers& extra = {});
    QByteArray newKey(); // unique within this client and across runs
    QByteArray lastNonce() const { return m_lastNonce; }
    const PlatformUnderTest& platform() const { return m_platform; }

private:
    PlatformUnderTest m_platform;
    QNetworkAccessManager m_nam;
    QByteArray m_lastNonce;
    QByteArray m_run;
    int m_keys = 0;
};

class PlatformConformance
{
public:
    explicit PlatformConformance(const PlatformUnderTest& platform);

    static QStringList checks();
    // QTest::addColumn<QString>("check") and one row per check, tagged with its name.
    static void addRows();
    // Runs one check (QtTest macros inside: call it as the last statement of a test function).
    void run(const QString& check);

    PlatformClient& client() { return m_client; }

    // The checks (see checks() for their names).
    void shopDescribesThePlatform();
    void capabilityNamesAreTheProtocols();
    void envelopeShape();
    void unknownApp();
    void badSignature();
    void clockWindow();
    void nonceFormat();
    void nonceReplay();
    void unknownPathsAre404();
    void unknownWritePathIs404();
    void capabilitiesHonoured();
    void feedLimitBounds();
    void feedParametersChecked();
    void feedPagingIsConsistent();
    void feedEndIsStable();
    void newestFirstMatchesForward();
    void changedEntityComesAgainWithHigherVersion();
    void feedServesEachEntityOnce();
    void deletedOrderIsATombstone();
    void idempotencyKeyRequired();
    void idempotentReplayIsByteEqual();
    void keyOnAnotherRequestRefused();
    void patchNeedsIfMatch();
    void leaseIsExclusive();

private:
    QStringList capabilities();
    bool has(const QString& capability) { return capabilities().contains(capability); }
    QStringList readFeeds(); // the listed feeds among the protocol's six

    PlatformClient m_client;
};

} // namespace cardops::test
