// sync::goodscards against the real simulator over loopback (docs/platform-api.md, "Card stock of
// a goods"): a file previewed with core::CardImport, uploaded in keyed batches, imported again
// (nothing new: every line already in stock), listed with fingerprints equal to
// core::cardFingerprint, locked / unlocked / voided, revealed privately; batches replayed under
// their keys after lost answers; hostile answers refused by the parsers.
#include "core/cardimport.h"
#include "sim/data/generator.h"
#include "sim/data/goodscards.h"
#include "sim/server/simserver.h"
#include "sync/goodscards.h"
#include "sync/transport/platformtransport.h"

#include <QJsonDocument>
#include <QSet>
#include <QtTest>

using namespace cardops;
using namespace Qt::StringLiterals;
namespace gc = sync::goodscards;

namespace {

template<typename T> T await(QFuture<T> future, int timeoutMs = 30000)
{
    if (!QTest::qWaitFor([&future] { return future.isFinished(); }, timeoutMs))
        qFatal("a goods cards call did not finish");
    return future.result();
}

sync::TransportOptions fastTransport()
{
    sync::TransportOptions o;
    o.timeout = std::chrono::milliseconds(2000);
    o.baseBackoff = std::chrono::milliseconds(5);
    o.maxBackoff = std::chrono::milliseconds(40);
    o.maxAttempts = 8;
    o.jitterSeed = 3;
    return o;
}

// 12 lines: 7 new cards, 2 repeated, 2 invalid, 1 blank; CRLF and LF mixed.
const QString kFile = u"6212345678904401 K7PQRSTUVWXYM2XA\r\n"
                      u"6212345678904402\tK7PQRSTUVWXYM2XB\r\n"
                      u"6212345678904403----K7PQRSTUVWXYM2XC\n"
                      u"6212345678904401 K7PQRSTUVWXYM2XA\n"
                      u"only-one-field\n"
                      u"\n"
                      u"6212345678904404 K7PQRSTUVWXYM2XD\n"
                      u"6212345678904405  K7PQRSTUVWXYM2XE\n"
                      u"6212345678904406 K7PQRSTUVWXYM2XF\n"
                      u"6212345678904402 K7PQRSTUVWXYM2XB\n"
                      u"a b c\n"
                      u"6212345678904407 K7PQRSTUVWXYM2XG\n"_s;

// JSON written with ' for " (readable in C++ strings).
QJsonValue json(const char* text)
{
    return QJsonDocument::fromJson(QByteArray(text).replace('\'', '"')).object().value(u"d");
}

} // namespace

class TestGoodsCards : public QObject
{
    Q_OBJECT
private:
    core::SystemClock m_clock;
    std::unique_ptr<sim::SimServer> m_server;
    std::unique_ptr<sync::PlatformTransport> m_transport;
    qint64 m_goodsId = 0;
    core::CardFormat m_format;

    QList<gc::UploadLine> linesOf(const core::CardImportPreview& p) const
    {
        QList<gc::UploadLine> out;
        for (const QString& s : p.newSecrets)
            out.append({s, 0, false});
        return out;
    }
    core::CardImportPreview preview(const QList<gc::StockCard>& stock) const
    {
        QSet<QByteArray> fingerprints;
        for (const gc::StockCard& c : stock)
            fingerprints.insert(c.fingerprint);
        core::CardImport importer(m_format,
                                  [&fingerprints](const QByteArray& f) { return fingerprints.contains(f); });
        return importer.previewBytes(kFile.toUtf8(), core::CardImport::Source::Text).value();
    }
    QList<gc::StockCard> list(int pageSize = gc::kListPage)
    {
        const gc::ListAnswer answer = await(gc::listCards(*m_transport, m_goodsId, {}, pageSize));
        if (!answer.ok())
            qWarning() << "list:" << answer.error.describe();
        return answer.value.value_or(QList<gc::StockCard>());
    }

private Q_SLOTS:
    void init()
    {
        sim::GeneratorParams p;
        p.seed = 3;
        p.days = 3;
        p.orders = 300;
        p.members = 50;
        p.goods = 30;
        m_server = std::make_unique<sim::SimServer>(sim::generatePlatform(p, m_clock), m_clock);
        const quint16 port = m_server->listen(QHostAddress::LocalHost, 0);
        QVERIFY(port != 0);
        m_transport = std::make_unique<sync::PlatformTransport>(
            sync::PlatformEndpoint{QUrl(u"http://127.0.0.1:%1"_s.arg(port)), "demo", "demo-secret"}, m_clock,
            fastTransport());
        // A number_password goods of the generated shop with a space between number and password.
        m_goodsId = 0;
        for (const sim::Goods& g : m_server->state().goods())
            if (!g.direct && g.cardFormat == "number_password" &&
                (g.cardSeparator.isEmpty() || g.cardSeparator == " ") && m_goodsId == 0)
                m_goodsId = g.id;
        QVERIFY(m_goodsId != 0);
        m_format = core::CardFormat::parse(u"number_password").value();
    }
    void cleanup()
    {
        m_transport.reset();
        m_server.reset();
    }

    void uploadThenReimportAddsNothing()
    {
        const qint64 stockBefore = m_server->state().goods()[m_goodsId - 1].stockAvailable;
        const core::CardImportPreview first = preview(list());
        QCOMPARE(first.newSecrets.size(), 7);
        QCOMPARE(first.duplicateInFile.size(), 2);
        QCOMPARE(first.invalid.size(), 2);
        QCOMPARE(first.alreadyInStock.size(), 0);

        QList<qint64> progress;
        const QByteArray key = gc::newKeyPrefix();
        const gc::UploadOutcome up = await(gc::uploadPrivately(
            *m_transport, m_clock, m_goodsId, linesOf(first), key,
            [&progress](qint64 done, qint64 total) {
                QCOMPARE(total, 7);
                progress << done;
            },
            3));
        QVERIFY2(up.complete(7), qPrintable(up.error ? up.error->describe() : u"incomplete"_s));
        QCOMPARE(progress, (QList<qint64>{3, 6, 7})); // three batches of at most 3
        QCOMPARE(up.added, 7);
        QCOMPARE(up.duplicate, 0);
        QCOMPARE(up.lines.size(), 7);
        for (qsizetype i = 0; i < up.lines.size(); ++i) {
            QCOMPARE(up.lines[i].index, i);
            QCOMPARE(up.lines[i].kind, gc::LineResult::Kind::Added);
        }
        QCOMPARE(up.stockAvailable, stockBefore + 7);
        // The secrets never went through the shared transport.
        QVERIFY(!m_transport->lastExchange().requestBody.contains("K7PQRSTUVWXYM2X"));

        // The same file again: every card is already in stock, nothing is new.
        const QList<gc::StockCard> stock = list(2); // four pages of two
        QCOMPARE(stock.size(), 7);
        const core::CardImportPreview again = preview(stock);
        QCOMPARE(again.newSecrets.size(), 0);
        QCOMPARE(again.alreadyInStock.size(), 7);
        QCOMPARE(again.duplicateInFile.size(), 2);
        // Uploading the first preview's lines anyway (a stale preview): the platform says duplicate.
        const gc::UploadOutcome twice =
            await(gc::upload(*m_transport, m_goodsId, linesOf(first), gc::newKeyPrefix()));
        QVERIFY(twice.complete(7));
        QCOMPARE(twice.added, 0);
        QCOMPARE(twice.duplicate, 7);
        QCOMPARE(twice.lines[4].cardId, up.lines[4].cardId);
        // The first upload's key again: its answers replayed, still 7 added, nothing added twice.
        const gc::UploadOutcome replay =
            await(gc::upload(*m_transport, m_goodsId, linesOf(first), key, {}, 3));
        QCOMPARE(replay.added, 7);
        QCOMPARE(m_server->state().goods()[m_goodsId - 1].stockAvailable, stockBefore + 7);
        QCOMPARE(m_server->state().goodsCards().size(), 7);
    }

    void listedFingerprintsAreCoreFingerprints()
    {
        const core::CardImportPreview p = preview({});
        QVERIFY(await(gc::upload(*m_transport, m_goodsId, linesOf(p), gc::newKeyPrefix())).complete(7));
        const QList<gc::StockCard> stock = list();
        QCOMPARE(stock.size(), 7);
        for (qsizetype i = 0; i < stock.size(); ++i) {
            QCOMPARE(stock[i].fingerprint, core::cardFingerprint(p.newSecrets[i]));
            QCOMPARE(stock[i].fingerprint.size(), 32);
            QCOMPARE(stock[i].status, u"available"_s);
            QVERIFY(stock[i].id > sim::GoodsCards::kIdBase);
            QVERIFY(!stock[i].masked.contains(p.newSecrets[i]));
        }
        QCOMPARE(stock[0].masked, u"6212********4401 K7PQ********M2XA"_s);
    }

    void lockUnlockVoidAndReveal()
    {
        const core::CardImportPreview p = preview({});
        const gc::UploadOutcome up =
            await(gc::upload(*m_transport, m_goodsId, linesOf(p), gc::newKeyPrefix()));
        QVERIFY(up.complete(7));
        const QList<qint64> ids = {up.lines[0].cardId, up.lines[1].cardId, up.lines[2].cardId};
        const qint64 available = m_server->state().goods()[m_goodsId - 1].stockAvailable;

        const gc::ChangeAnswer locked =
            await(gc::changeState(*m_transport, gc::StateChange::Lock, ids, gc::newKeyPrefix()));
        QVERIFY(locked.ok());
        QCOMPARE(locked.value->size(), 3);
        for (const gc::ChangeResult& r : *locked.value) {
            QCOMPARE(r.result, u"done"_s);
            QCOMPARE(r.status, u"locked"_s);
        }
        QCOMPARE(m_server->state().goods()[m_goodsId - 1].stockLocked, 3);
        QCOMPARE(m_server->state().goods()[m_goodsId - 1].stockAvailable, available - 3);
        const gc::ChangeAnswer unlocked =
            await(gc::changeState(*m_transport, gc::StateChange::Unlock, {ids[0]}, gc::newKeyPrefix()));
        QCOMPARE(unlocked.value->at(0).status, u"available"_s);
        const gc::ChangeAnswer voided = await(
            gc::changeState(*m_transport, gc::StateChange::Void, {ids[1], ids[1] + 100}, gc::newKeyPrefix()));
        QCOMPARE(voided.value->at(0).result, u"done"_s);
        QCOMPARE(voided.value->at(1).result, u"not_found"_s);
        QCOMPARE(voided.value->at(1).status, QString());
        QCOMPARE(m_server->state().goods()[m_goodsId - 1].stockLocked, 1);
        QCOMPARE(m_server->state().goods()[m_goodsId - 1].stockAvailable, available - 2);
        QStringList statuses;
        for (const gc::StockCard& c : list().first(3))
            statuses << c.status;
        QCOMPARE(statuses, (QStringList{u"available"_s, u"void"_s, u"locked"_s}));

        const gc::RevealAnswer shown = await(gc::revealPrivately(*m_transport, m_clock, m_goodsId, ids[2]));
        QVERIFY(shown.ok());
        QCOMPARE(shown.value->secret, p.newSecrets[2]);
        QCOMPARE(shown.value->goodsId, m_goodsId);
        QCOMPARE(shown.value->orderId, 0);
        QCOMPARE(m_server->state().goodsCards().revealCountOf(ids[2]), 1);
        QVERIFY(!m_transport->lastExchange().responseBody.contains(p.newSecrets[2].toUtf8()));
        // A card of another goods is not this goods' card.
        const gc::RevealAnswer wrong =
            await(gc::revealPrivately(*m_transport, m_clock, m_goodsId + 1, ids[2]));
        QCOMPARE(wrong.error.kind, sync::CallError::Malformed);
        const gc::RevealAnswer missing =
            await(gc::revealPrivately(*m_transport, m_clock, m_goodsId, sim::GoodsCards::kIdBase + 99'999));
        QCOMPARE(missing.error.kind, sync::CallError::NotFound);
    }

    void lostAnswersAreReplayedUnderTheirKeys()
    {
        sim::FaultConfig faults;
        faults.setRate(sim::FaultMode::ServerError, 0.4); // half of them after the batch committed
        faults.seed = 11;
        m_server->setFaults(faults);
        QList<gc::UploadLine> lines;
        for (int i = 0; i < 40; ++i)
            lines.append({u"%1 PW%2"_s.arg(7000000000000000 + i).arg(i), 0, false});
        const qint64 before = m_server->state().goods()[m_goodsId - 1].stockAvailable;
        const gc::UploadOutcome up =
            await(gc::upload(*m_transport, m_goodsId, lines, gc::newKeyPrefix(), {}, 4));
        QVERIFY2(up.complete(40), qPrintable(up.error ? up.error->describe() : u"incomplete"_s));
        QCOMPARE(up.added, 40);
        QCOMPARE(up.duplicate, 0);
        QVERIFY(m_server->faultCount(sim::FaultMode::ServerError) > 0);
        m_server->setFaults({});
        QCOMPARE(m_server->state().goods()[m_goodsId - 1].stockAvailable, before + 40);
        QCOMPARE(m_server->state().goodsCards().size(), 40);
    }

    void hostileAnswersAreRefused()
    {
        // Upload: the count of results, the line order, the words and the totals must match.
        QVERIFY(gc::parseUpload(json("{'d':{'items':[{'line':1,'result':'added','id':5}],'added':1,"
                                     "'duplicate':0,'invalid':0,'stock_available':3}}"),
                                1));
        QVERIFY(!gc::parseUpload(json("{'d':{'items':[],'added':0,'duplicate':0,'invalid':0,"
                                      "'stock_available':3}}"),
                                 1));
        QVERIFY(!gc::parseUpload(json("{'d':{'items':[{'line':2,'result':'added','id':5}],'added':1,"
                                      "'duplicate':0,'invalid':0,'stock_available':3}}"),
                                 1));
        QVERIFY(!gc::parseUpload(json("{'d':{'items':[{'line':1,'result':'stolen','id':5}],'added':1,"
                                      "'duplicate':0,'invalid':0,'stock_available':3}}"),
                                 1));
        QVERIFY(!gc::parseUpload(json("{'d':{'items':[{'line':1,'result':'added','id':5}],'added':2,"
                                      "'duplicate':0,'invalid':0,'stock_available':3}}"),
                                 1));
        QVERIFY(!gc::parseUpload(json("{'d':{'items':[{'line':1,'result':'added','id':0}],'added':1,"
                                      "'duplicate':0,'invalid':0,'stock_available':3}}"),
                                 1));
        QVERIFY(!gc::parseUpload(json("{'d':[1]}"), 1));
        // List: fingerprints, order, cursors.
        const char* card = "{'id':%1,'status':'available','masked':'****','expires_at':0,'order_id':0,"
                           "'created_at':1,'fingerprint':'%2'}";
        const QString hex(64, u'a');
        auto page = [&](const QString& items, const char* tail) {
            const QString text =
                u"{\"d\":{\"items\":["_s + items + u"],"_s + QLatin1StringView(tail) + u"}}"_s;
            return json(text.toUtf8().constData());
        };
        const QString c1 = QString::fromLatin1(card).arg(1).arg(hex);
        const QString c2 = QString::fromLatin1(card).arg(2).arg(hex);
        QVERIFY(gc::parseListPage(page(c1 + u',' + c2, "'next_cursor':'2','has_more':false"), 10));
        QVERIFY(!gc::parseListPage(page(c2 + u',' + c1, "'next_cursor':'2','has_more':false"), 10));
        QVERIFY(!gc::parseListPage(page(c1 + u',' + c1, "'next_cursor':'2','has_more':false"), 10));
        QVERIFY(!gc::parseListPage(page(c1 + u',' + c2, "'next_cursor':'2','has_more':false"), 1));
        QVERIFY(!gc::parseListPage(page({}, "'next_cursor':'2','has_more':true"), 10));
        QVERIFY(!gc::parseListPage(page(c1, "'next_cursor':'2 OR 1','has_more':false"), 10));
        QVERIFY(!gc::parseListPage(page(QString::fromLatin1(card).arg(1).arg(QString(64, u'A')),
                                        "'next_cursor':'2','has_more':false"),
                                   10));
        QVERIFY(!gc::parseListPage(page(QString::fromLatin1(card).arg(1).arg(QString(63, u'a')),
                                        "'next_cursor':'2','has_more':false"),
                                   10));
        QVERIFY(!gc::parseListPage(page(c1, "'has_more':false"), 10));
        // Changes: one result per id, in order, with known words.
        QVERIFY(gc::parseChange(json("{'d':{'items':[{'id':4,'result':'done','status':'locked'}]}}"), {4}));
        QVERIFY(!gc::parseChange(json("{'d':{'items':[{'id':5,'result':'done','status':'locked'}]}}"), {4}));
        QVERIFY(!gc::parseChange(json("{'d':{'items':[{'id':4,'result':'done','status':'gone'}]}}"), {4}));
        QVERIFY(!gc::parseChange(json("{'d':{'items':[]}}"), {4}));
        // Reveals: the card and goods asked for, a bounded secret.
        QVERIFY(gc::parseReveal(json("{'d':{'id':9,'goods_id':3,'order_id':0,'secret':'x'}}"), 3, 9));
        QVERIFY(!gc::parseReveal(json("{'d':{'id':9,'goods_id':4,'order_id':0,'secret':'x'}}"), 3, 9));
        QVERIFY(!gc::parseReveal(json("{'d':{'id':9,'goods_id':3,'order_id':0,'secret':''}}"), 3, 9));
        QVERIFY(!gc::parseReveal(json("{'d':{'id':9,'goods_id':3,'secret':'x'}}"), 3, 9));
        const QByteArray huge =
            "{'d':{'id':9,'goods_id':3,'order_id':0,'secret':'" + QByteArray(5000, 'x') + "'}}";
        QVERIFY(!gc::parseReveal(json(huge.constData()), 3, 9));
    }
};

QTEST_GUILESS_MAIN(TestGoodsCards)
#include "tst_goodscards.moc"
