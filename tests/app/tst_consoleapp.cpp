#include "app/gui/consoleapp.h"
#include "app/gui/consolesession.h"
#include "core/clock.h"
#include "models/datasource.h"
#include "sim/data/cardstore.h"
#include "sim/data/generator.h"
#include "sim/server/simserver.h"
#include "storage/counters.h"
#include "storage/readsession.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>
#include <algorithm>

using namespace cardops;
using namespace Qt::StringLiterals;

// The console's composition root against a real simulator over loopback HTTP: a connection test
// shows the platform's own answer or its exact error, a saved profile keeps its secret in the
// secret store (here the labelled file: this test runs without a keychain service), and opening the
// profile reads the secret back and syncs.
class TestConsoleApp : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_root;
    core::SystemClock m_clock;
    std::unique_ptr<sim::SimServer> m_sim;
    QUrl m_url;

    models::ShopConnection shop(const QString& name, const QByteArray& secret) const
    {
        return {name, m_url, u"demo"_s, secret};
    }

    models::ConnectionCheck check(app::ConsoleApp& console, const models::ShopConnection& connection)
    {
        std::optional<models::ConnectionCheck> answer;
        console.testConnection(connection, this, [&](const models::ConnectionCheck& c) { answer = c; });
        if (!QTest::qWaitFor([&] { return answer.has_value(); }, 30'000))
            return {false, {}, u"no answer"_s};
        return *answer;
    }

    QString add(app::ConsoleApp& console, const models::ShopConnection& connection)
    {
        std::optional<QString> error;
        console.addProfile(connection, this, [&](const QString& e) { error = e; });
        if (!QTest::qWaitFor([&] { return error.has_value(); }, 30'000))
            return u"no answer"_s;
        return *error;
    }

    // Opens `name` (saved first when new) on `url` and waits for its first sync round.
    bool openSynced(app::ConsoleApp& console, const QString& name, const QUrl& url)
    {
        const auto saved = console.profiles();
        const bool known = std::any_of(saved.cbegin(), saved.cend(),
                                       [&](const models::ProfileSummary& p) { return p.name == name; });
        if (!known && !add(console, {name, url, u"demo"_s, "demo-secret"}).isEmpty())
            return false;
        QSignalSpy finished(&console, &models::ConsoleBackend::syncFinished);
        return console.openProfile(name).ok() && finished.wait(60'000);
    }

    models::OrderCards cardsOf(app::ConsoleApp& console, qint64 orderId)
    {
        std::optional<models::OrderCards> answer;
        console.orderCards(orderId, this, [&](const models::OrderCards& c) { answer = c; });
        if (!QTest::qWaitFor([&] { return answer.has_value(); }, 30'000))
            return {false, {}, u"no answer"_s};
        return *answer;
    }

    models::CardReveal reveal(app::ConsoleApp& console, qint64 orderId, qint64 cardId)
    {
        std::optional<models::CardReveal> answer;
        console.revealCard(orderId, cardId, this, [&](const models::CardReveal& r) { answer = r; });
        if (!QTest::qWaitFor([&] { return answer.has_value(); }, 30'000))
            return {false, {}, u"no answer"_s};
        return *answer;
    }

    // A delivered order of a card goods (number + password when there is one) or of a direct goods
    // on the simulator, as an id; 0 when there is none.
    qint64 deliveredOrder(bool direct) const
    {
        const auto& orders = m_sim->state().orders();
        qint64 found = 0;
        for (qsizetype i = 0; i < orders.size(); ++i) {
            const sim::Goods& g = m_sim->state().goods()[orders[i].goodsId - 1];
            if (orders[i].status != sim::OrderStatus::Delivered || g.direct != direct)
                continue;
            const qint64 id = sim::PlatformState::orderId(static_cast<qint32>(i));
            if (direct || g.cardFormat == "number_password")
                return id;
            found = found == 0 ? id : found;
        }
        return found;
    }
    QByteArray separatorOf(qint64 orderId) const
    {
        const auto& o = m_sim->state().orders()[orderId - sim::kOrderIdBase - 1];
        const sim::Goods& g = m_sim->state().goods()[o.goodsId - 1];
        return sim::CardStore::separatorOf(g.cardFormat, g.cardSeparator);
    }
    // The fields of a card secret (each longer than 8 characters in the simulator's cards).
    QStringList fieldsOf(qint64 orderId, const QByteArray& secret) const
    {
        const QString text = QString::fromUtf8(secret);
        const QString separator = QString::fromUtf8(separatorOf(orderId));
        return separator.isEmpty() ? QStringList{text} : text.split(separator);
    }

    static QList<QVariantList> auditRows(app::ConsoleApp& console, const QString& action)
    {
        storage::ReadSession read(console.session()->source().databasePath());
        return read
            .select(u"SELECT operator_login, entity, entity_id, detail FROM audit_log WHERE action = ?"_s,
                    {action})
            .valueOr({});
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_root.isValid());
        QStandardPaths::setTestModeEnabled(true); // QSettings in a test location
        sim::GeneratorParams params;
        params.orders = 600;
        params.days = 10;
        params.members = 100;
        params.goods = 40;
        m_sim = std::make_unique<sim::SimServer>(sim::generatePlatform(params, m_clock), m_clock);
        const quint16 port = m_sim->listen(QHostAddress::LocalHost, 0);
        QVERIFY(port != 0);
        m_url = QUrl(u"http://127.0.0.1:%1"_s.arg(port));
    }

    void aGoodConnectionShowsThePlatformsAnswer()
    {
        app::ConsoleApp console(m_root.path(), u"en"_s);
        const auto c = check(console, shop(u"s1"_s, "demo-secret"));
        QVERIFY2(c.ok, qPrintable(c.answer));
        QCOMPARE(c.shopName, u"演示卡盟"_s);
        QVERIFY(c.answer.contains(u"platform_time"_s));
    }

    void aWrongSecretShowsTheExactError()
    {
        app::ConsoleApp console(m_root.path(), u"en"_s);
        const auto c = check(console, shop(u"s1"_s, "not-the-secret"));
        QVERIFY(!c.ok);
        QVERIFY2(c.answer.contains(u"401"_s) && c.answer.contains(u"4010"_s), qPrintable(c.answer));
        const auto closed =
            check(console, {u"s1"_s, QUrl(u"http://127.0.0.1:1"_s), u"demo"_s, "demo-secret"});
        QVERIFY(!closed.ok);
        QVERIFY2(closed.answer.contains(u"Network"_s), qPrintable(closed.answer));
    }

    void aSavedProfileOpensAndSyncs()
    {
        app::ConsoleApp console(m_root.path(), u"en"_s);
        QCOMPARE(add(console, shop(u"s1"_s, "demo-secret")), QString());
        QVERIFY(!add(console, shop(u"s1"_s, "demo-secret")).isEmpty()); // the name is taken
        QVERIFY(!add(console, {u"s2"_s, QUrl(u"http://shop.example.com"_s), u"a"_s, "b"})
                     .isEmpty()); // plain http
        const auto profiles = console.profiles();
        QCOMPARE(profiles.size(), 1);
        QVERIFY(profiles.first().secretInFile); // no keychain service in this test's environment
        QVERIFY(QFile::exists(m_root.filePath(u"s1/platform.secret"_s)));
        QFile profileFile(m_root.filePath(u"s1/profile.json"_s));
        QVERIFY(profileFile.open(QIODevice::ReadOnly));
        const QByteArray profileJson = profileFile.readAll();
        QVERIFY(profileJson.contains("\"app_id\""));
        QVERIFY(!profileJson.contains("demo-secret")); // the secret never sits in the profile

        QSignalSpy finished(&console, &models::ConsoleBackend::syncFinished);
        QVERIFY(console.openProfile(u"s1"_s).ok());
        QVERIFY(!console.isDemo());
        QVERIFY(finished.wait(60'000));
        QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(2).toString()));
        storage::ReadSession read(console.session()->source().databasePath());
        QCOMPARE(storage::counters::read(read, storage::counters::OrdersTotal).valueOr(-1), 600);
        QVERIFY(console.lastExchange().contains(u"X-Signature"_s));
        QString error;
        QVERIFY(!console.removeProfile(u"s1"_s, &error)); // the open profile stays
        QVERIFY(!error.isEmpty());
        QCOMPARE(console.defaultProfile(), u"s1"_s);
    }

    void aDamagedCacheIsNeverWritten()
    {
        // A shop profile whose cache has a page overwritten after a clean close.
        app::ConsoleApp console(m_root.path(), u"en"_s);
        QCOMPARE(add(console, shop(u"s4"_s, "demo-secret")), QString());
        const QString cache = m_root.filePath(u"s4/cache.db"_s);
        {
            QSignalSpy finished(&console, &models::ConsoleBackend::syncFinished);
            QVERIFY(console.openProfile(u"s4"_s).ok());
            QVERIFY(finished.wait(60'000));
            QVERIFY(finished.first().at(0).toBool());
        }
        QVERIFY(console.openFile(m_root.filePath(u"elsewhere.db"_s)).ok()); // closes s4's cache
        QFile f(cache);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.size() > 16 * 4096);
        QVERIFY(f.seek((f.size() / 2) / 4096 * 4096));
        f.write(QByteArray(4096, '\x5a'));
        f.close();
        const auto hash = [&] {
            QFile in(cache);
            return in.open(QIODevice::ReadOnly)
                       ? QCryptographicHash::hash(in.readAll(), QCryptographicHash::Sha256)
                       : QByteArray();
        };
        const QByteArray before = hash();

        app::ConsoleApp reopened(m_root.path(), u"en"_s);
        QSignalSpy damaged(&reopened, &models::ConsoleBackend::cacheDamaged);
        QSignalSpy synced(&reopened, &models::ConsoleBackend::syncFinished);
        QVERIFY(reopened.openProfile(u"s4"_s).ok()); // opens at once; the check runs behind
        QVERIFY(damaged.wait(30'000));
        QVERIFY(!damaged.first().at(0).toString().isEmpty());
        QTest::qWait(300);
        QCOMPARE(synced.count(), 0); // never synced
        QCOMPARE(hash(), before);    // never written
    }

    void cardsOfAnOrderComeMaskedFromThePlatform()
    {
        app::ConsoleApp console(m_root.path(), u"en"_s);
        QVERIFY(openSynced(console, u"cards"_s, m_url));
        const qint64 orderId = deliveredOrder(false);
        QVERIFY2(orderId != 0, "the simulator has no delivered card order");
        const QList<sim::CardStore::Card> expected = *m_sim->cards().cardsOf(orderId);
        QVERIFY(!expected.isEmpty());

        const models::OrderCards got = cardsOf(console, orderId);
        QVERIFY2(got.ok, qPrintable(got.error));
        QCOMPARE(got.cards.size(), expected.size());
        for (qsizetype i = 0; i < got.cards.size(); ++i) {
            QCOMPARE(got.cards[i].id, expected[i].id);
            QCOMPARE(got.cards[i].masked, QString::fromUtf8(expected[i].masked));
            QCOMPARE(got.cards[i].status, u"sold"_s);
            QCOMPARE(got.cards[i].expiresAt, expected[i].expiresAt);
            for (const QString& field : fieldsOf(orderId, expected[i].secret))
                QVERIFY(!got.cards[i].masked.contains(field));
        }
        QCOMPARE(m_sim->cards().revealCount(), 0); // listing reveals nothing

        const models::OrderCards direct = cardsOf(console, deliveredOrder(true));
        QVERIFY2(direct.ok, qPrintable(direct.error));
        QVERIFY(direct.cards.isEmpty());
        const models::OrderCards unknown = cardsOf(console, 42);
        QVERIFY(!unknown.ok);
        QVERIFY2(unknown.error.contains(u"does not know this order"_s), qPrintable(unknown.error));
    }

    void aRevealShowsThePlaintextAndIsAuditedWithoutIt()
    {
        app::ConsoleApp console(m_root.path(), u"en"_s);
        QVERIFY(openSynced(console, u"cards"_s, m_url));
        QVERIFY(console.mayRevealCards()); // the local administrator
        const qint64 orderId = deliveredOrder(false);
        const sim::CardStore::Card card = m_sim->cards().cardsOf(orderId)->first();
        const qint64 revealsBefore = m_sim->cards().revealCount();
        const qsizetype auditBefore = auditRows(console, u"card.reveal"_s).size();

        const models::CardReveal shown = reveal(console, orderId, card.id);
        QVERIFY2(shown.ok, qPrintable(shown.error));
        QCOMPARE(shown.secret, QString::fromUtf8(card.secret));
        QCOMPARE(m_sim->cards().revealCount(), revealsBefore + 1);
        QCOMPARE(m_sim->cards().revealCountOf(card.id), 1);

        const QList<QVariantList> rows = auditRows(console, u"card.reveal"_s);
        QCOMPARE(rows.size(), auditBefore + 1);
        const QVariantList& row = rows.last();
        QCOMPARE(row.at(0).toString(), u"admin"_s);
        QCOMPARE(row.at(1).toString(), u"card"_s);
        QCOMPARE(row.at(2).toString(), QString::number(card.id));
        const QJsonObject detail = QJsonDocument::fromJson(row.at(3).toString().toUtf8()).object();
        QCOMPARE(detail.value(u"order_id"_s).toInteger(), orderId);
        // The secret is nowhere: not in the audit log, not in the diagnostics view.
        storage::ReadSession read(console.session()->source().databasePath());
        const QString everything =
            read.select(u"SELECT group_concat(action || entity || entity_id || detail, '|') FROM audit_log"_s)
                .valueOr({})
                .value(0)
                .value(0)
                .toString();
        QVERIFY(everything.contains(QString::number(card.id)));
        for (const QString& field : fieldsOf(orderId, card.secret)) {
            QVERIFY(!everything.contains(field));
            QVERIFY(!console.lastExchange().contains(field));
        }

        // An answer about another order than the one asked for is not shown, nor audited.
        const qint64 otherOrder = orderId + 1;
        const models::CardReveal mismatch = reveal(console, otherOrder, card.id);
        QVERIFY(!mismatch.ok);
        QVERIFY(mismatch.secret.isEmpty());
        QCOMPARE(auditRows(console, u"card.reveal"_s).size(), auditBefore + 1);
        const models::CardReveal unknown = reveal(console, orderId, orderId * 10'000 + 9'999);
        QVERIFY(!unknown.ok);
        QVERIFY2(unknown.error.contains(u"does not know this card"_s), qPrintable(unknown.error));
    }

    void aRoleThatMayNotRevealIsRefusedBeforeAnyRequest()
    {
        app::ConsoleApp console(m_root.path(), u"en"_s);
        QVERIFY(openSynced(console, u"cards"_s, m_url));
        const qint64 orderId = deliveredOrder(false);
        const qint64 cardId = m_sim->cards().cardsOf(orderId)->first().id;
        const qsizetype auditBefore = auditRows(console, u"card.reveal"_s).size();
        for (const core::Role role : {core::Role::Operator, core::Role::Finance}) {
            console.session()->setActor({2, u"clerk"_s, role});
            QVERIFY(!console.mayRevealCards());
            const qint64 requests = m_sim->requestCount();
            const qint64 reveals = m_sim->cards().revealCount();
            std::optional<models::CardReveal> answer;
            console.revealCard(orderId, cardId, this, [&](const models::CardReveal& r) { answer = r; });
            QVERIFY(answer.has_value()); // refused at once
            QVERIFY(!answer->ok);
            QVERIFY(answer->secret.isEmpty());
            QVERIFY2(answer->error.contains(u"role"_s), qPrintable(answer->error));
            QTest::qWait(200);
            QCOMPARE(m_sim->requestCount(), requests); // nothing was sent
            QCOMPARE(m_sim->cards().revealCount(), reveals);
        }
        QCOMPARE(auditRows(console, u"card.reveal"_s).size(), auditBefore);
        // Masked cards stay visible to every role.
        QVERIFY(cardsOf(console, orderId).ok);
        console.session()->setActor({1, u"admin"_s, core::Role::Administrator});
        QVERIFY(console.mayRevealCards());
    }

    void withoutAPlatformThereAreNoCards()
    {
        app::ConsoleApp console(m_root.path(), u"en"_s);
        const models::OrderCards none = cardsOf(console, 1'000'001); // no session at all
        QVERIFY(!none.ok);
        QVERIFY(!none.error.isEmpty());
        QVERIFY(!console.mayRevealCards());
        QVERIFY(console.openFile(m_root.filePath(u"bare.db"_s)).ok()); // a cache with no platform
        const models::OrderCards bare = cardsOf(console, 1'000'001);
        QVERIFY(!bare.ok);
        QVERIFY2(bare.error.contains(u"no platform connection"_s), qPrintable(bare.error));
        const models::CardReveal refused = reveal(console, 1'000'001, 10'000'010'000);
        QVERIFY(!refused.ok);
        QVERIFY(refused.secret.isEmpty());

        // Offline: the platform does not answer.
        app::ConsoleApp offline(m_root.path(), u"en"_s);
        QVERIFY(openSynced(offline, u"offline"_s, QUrl(u"http://127.0.0.1:1"_s)));
        const models::OrderCards unreachable = cardsOf(offline, 1'000'001);
        QVERIFY(!unreachable.ok);
        QVERIFY2(unreachable.error.contains(u"could not be reached"_s), qPrintable(unreachable.error));
    }

    void aWrongStoredSecretFailsTheSyncClearly()
    {
        app::ConsoleApp console(m_root.path(), u"en"_s);
        QCOMPARE(add(console, shop(u"s3"_s, "stale-secret")), QString());
        QSignalSpy finished(&console, &models::ConsoleBackend::syncFinished);
        QVERIFY(console.openProfile(u"s3"_s).ok());
        QVERIFY(finished.wait(60'000));
        QVERIFY(!finished.first().at(0).toBool());
        QVERIFY2(finished.first().at(2).toString().contains(u"401"_s),
                 qPrintable(finished.first().at(2).toString()));
    }
};

int main(int argc, char** argv)
{
    // No keychain service: the secret store must use its labelled file (the keychain path has its
    // own test under dbus-run-session).
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/cardops-test-bus");
    QCoreApplication app(argc, argv);
    TestConsoleApp test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_consoleapp.moc"
