// Each fault mode of cardops-sim happens at rate 1 and never at rate 0, and never corrupts state.
#include "sim/data/generator.h"
#include "sim/server/simserver.h"
#include "tests/sim/simclient.h"

#include <QJsonArray>
#include <QtTest>

using namespace cardops;
using sim::FaultMode;
using test::SimClient;

Q_DECLARE_METATYPE(sim::FaultMode)

namespace {

constexpr qint64 kEnd = 1764300000;

QList<qint64> ids(const SimClient::Reply& r)
{
    QList<qint64> out;
    for (const QJsonValue& v : r.data().value(u"items").toArray())
        out.append(v.toObject().value(u"id").toInteger());
    return out;
}

} // namespace

class TestSimFaults : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<core::ManualClock> m_clock;
    std::unique_ptr<sim::SimServer> m_server;
    std::unique_ptr<SimClient> m_client;

    void setFault(FaultMode mode, double rate)
    {
        sim::FaultConfig c;
        c.setRate(mode, rate);
        c.latencyMinMs = 20;
        c.latencyMaxMs = 40;
        c.retryAfterSeconds = 0;
        m_server->setFaults(c);
    }

private Q_SLOTS:
    void init()
    {
        m_clock = std::make_unique<core::ManualClock>(kEnd * 1000);
        sim::GeneratorParams p;
        p.days = 5;
        p.orders = 1000;
        p.members = 200;
        p.goods = 80;
        p.endTime = kEnd;
        m_server = std::make_unique<sim::SimServer>(sim::generatePlatform(p, *m_clock), *m_clock);
        const quint16 port = m_server->listen();
        QVERIFY(port != 0);
        m_client = std::make_unique<SimClient>(port, *m_clock);
    }
    void cleanup()
    {
        m_client.reset();
        m_server.reset();
    }

    void eachModeAtRateOneAndZero_data()
    {
        QTest::addColumn<FaultMode>("mode");
        QTest::addColumn<double>("rate");
        for (const QString& name : sim::FaultConfig::modeNames()) {
            FaultMode mode{};
            QVERIFY(sim::FaultConfig::modeFromName(name, &mode));
            QTest::addRow("%s at 1", qPrintable(name)) << mode << 1.0;
            QTest::addRow("%s at 0", qPrintable(name)) << mode << 0.0;
        }
    }
    void eachModeAtRateOneAndZero()
    {
        QFETCH(FaultMode, mode);
        QFETCH(double, rate);
        const bool on = rate > 0;
        // A first page without faults, to know what was already served.
        const auto first = m_client->send("GET", "/v1/goods?limit=10");
        QCOMPARE(first.status, 200);
        const qint64 cursor = first.data().value(u"next_cursor").toString().toLongLong();
        // Fresh changes at "now", so a late commit is older than changes already committed.
        m_server->state().commitChange(core::Feed::Goods, 0);
        m_server->state().commitChange(core::Feed::Orders, 0);
        const qint64 goodsHead = m_server->state().feedHead(core::Feed::Goods);
        const qint64 membersHead = m_server->state().feedHead(core::Feed::Members);
        setFault(mode, rate);
        if (mode == FaultMode::Timeout)
            m_client->setTransferTimeout(400);
        const auto r = m_client->send("GET", "/v1/goods?limit=10&cursor=" + QByteArray::number(cursor));
        const auto cleanPage = m_server->state().feedPage(core::Feed::Goods, cursor, 10);
        const bool normal = r.status == 200 && r.parses() && r.code() == 0;
        QCOMPARE(m_server->faultCount(mode), on ? 1 : 0);
        switch (mode) {
        case FaultMode::Latency:
            QVERIFY(normal); // delayed by a timer, answered all the same
            break;
        case FaultMode::ServerError:
            QCOMPARE(r.status, on ? 500 : 200);
            QCOMPARE(r.code(), on ? 50000 : 0);
            break;
        case FaultMode::TooMany:
            QCOMPARE(r.status, on ? 429 : 200);
            QCOMPARE(r.retryAfter, on ? QByteArray("0") : QByteArray());
            break;
        case FaultMode::Timeout:
            QVERIFY(r.finished);
            QCOMPARE(r.error != QNetworkReply::NoError, on);
            break;
        case FaultMode::Truncated:
        case FaultMode::Malformed:
            QCOMPARE(r.status, 200);
            QCOMPARE(r.parses(), !on);
            break;
        case FaultMode::BadSignature:
            QCOMPARE(r.status, on ? 401 : 200);
            QCOMPARE(r.code(), on ? 40102 : 0);
            break;
        case FaultMode::DuplicatePage: {
            QVERIFY(normal);
            const qint64 next = r.data().value(u"next_cursor").toString().toLongLong();
            QCOMPARE(next == cursor, on);
            const auto again = m_client->send("GET", "/v1/goods?limit=10&cursor=" + QByteArray::number(next));
            if (on)
                QCOMPARE(ids(again), ids(r)); // the same page, this time advancing
            QVERIFY(again.data().value(u"next_cursor").toString().toLongLong() > cursor);
            break;
        }
        case FaultMode::ShuffledPage: {
            QVERIFY(normal);
            const QList<qint64> got = ids(r);
            const QList<qint64> before = ids(first);
            const bool repeats =
                std::any_of(got.cbegin(), got.cend(), [&](qint64 id) { return before.contains(id); });
            QCOMPARE(repeats, on);
            QCOMPARE(r.data().value(u"next_cursor").toString().toLongLong(), cleanPage.nextCursor);
            break;
        }
        case FaultMode::Editor:
            QVERIFY(normal);
            QCOMPARE(m_server->state().feedHead(core::Feed::Goods) > goodsHead ||
                         m_server->state().feedHead(core::Feed::Members) > membersHead,
                     on);
            break;
        case FaultMode::LateCommit: {
            QVERIFY(normal);
            bool stale = false;
            for (core::Feed f : {core::Feed::Goods, core::Feed::Orders}) {
                const auto page =
                    m_client->send("GET", "/v1/" + (f == core::Feed::Goods ? QByteArray("goods") : "orders") +
                                              "?order=desc&limit=1");
                if (page.status != 200)
                    continue;
                const auto items = page.data().value(u"items").toArray();
                stale = stale || (!items.isEmpty() &&
                                  items[0].toObject().value(u"updated_at").toInteger() < kEnd - 20);
            }
            QCOMPARE(stale, on);
            break;
        }
        }
    }

    void lostResponsesReplayTheFirstAnswer()
    {
        // 5xx and timeouts on keyed writes: some commit and lose the answer, some never apply.
        for (FaultMode mode : {FaultMode::ServerError, FaultMode::Timeout}) {
            setFault(mode, 1.0);
            m_client->setTransferTimeout(300);
            const qsizetype ledgerBefore = m_server->state().ledger().size();
            const QByteArray body = R"({"amount":"1.0000","reason":"fault test"})";
            QList<QByteArray> keys;
            for (int i = 0; i < 12; ++i) {
                keys.append("fault-" + QByteArray::number(static_cast<int>(mode)) + '-' +
                            QByteArray::number(i) + "-abcdef");
                const auto r =
                    m_client->send("POST", "/v1/members/5/balance", body, {{"Idempotency-Key", keys.last()}});
                QVERIFY(r.status != 200);
            }
            const qsizetype applied = m_server->state().ledger().size() - ledgerBefore;
            QVERIFY2(applied > 0 && applied < 12, qPrintable(QString::number(applied)));
            setFault(mode, 0.0);
            m_client->setTransferTimeout(15000);
            for (const QByteArray& k : keys) {
                const auto r =
                    m_client->send("POST", "/v1/members/5/balance", body, {{"Idempotency-Key", k}});
                QCOMPARE(r.status, 200);
                const auto replay =
                    m_client->send("POST", "/v1/members/5/balance", body, {{"Idempotency-Key", k}});
                QCOMPARE(replay.body, r.body);
            }
            QCOMPARE(m_server->state().ledger().size() - ledgerBefore, 12); // each key applied exactly once
        }
    }

    void slowAnswersDoNotBlockOthers()
    {
        sim::FaultConfig c;
        c.setRate(FaultMode::Timeout, 1.0);
        c.timeoutAnswerMs = 3000;
        m_server->setFaults(c);
        QNetworkReply* slow = m_client->start("GET", "/v1/shop");
        QTest::qWait(50);
        m_server->setFaults({});
        const auto fast = m_client->send("GET", "/v1/shop");
        QCOMPARE(fast.status, 200);
        QVERIFY(!slow->isFinished()); // the slow one is still pending: no thread was blocked
        const auto late = SimClient::collect(slow);
        QVERIFY(late.finished);
        QVERIFY(late.status == 503 || late.status == 200); // lost before or after the commit
    }
};

QTEST_GUILESS_MAIN(TestSimFaults)
#include "tst_simfaults.moc"
