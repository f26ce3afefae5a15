#include "storage/fulfilments.h"
#include "storage/readsession.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>
#include <csignal>
#include <memory>

// Issue #8's "must show": two `cardops-cli serve` processes fulfil one simulator's backlog of
// handed-over orders while each is killed (SIGKILL) at random CARDOPS_SOAK_KILLS times (default 25)
// and now and then paused past its lease (SIGSTOP, a forced expiry, then SIGCONT). At the end no
// order was delivered twice, no supplier purchase was made twice, every order is delivered or in
// review, and the two caches' records add up to the platform's deliveries. The backlog is
// CARDOPS_SOAK_ORDERS (default 3,000; scripts/soak-fulfilment runs 100,000).
using namespace Qt::StringLiterals;
using namespace cardops;

namespace {

int envInt(const char* name, int fallback)
{
    bool ok = false;
    const int v = qEnvironmentVariableIntValue(name, &ok);
    return ok && v > 0 ? v : fallback;
}

constexpr int kLeaseTtl = 4;

class Worker
{
public:
    Worker(QString name, QString dir, QString url)
        : m_name(std::move(name))
        , m_dir(std::move(dir))
        , m_url(std::move(url))
    {}

    void start()
    {
        m_process = std::make_unique<QProcess>();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"CARDOPS_PLATFORM_SECRET"_s, u"demo-secret"_s);
        m_process->setProcessEnvironment(env);
        m_process->setStandardOutputFile(m_dir + u"/out.log"_s, QIODevice::Append);
        m_process->setStandardErrorFile(m_dir + u"/err.log"_s, QIODevice::Append);
        m_process->start(QStringLiteral(CARDOPS_CLI),
                         {u"serve"_s, u"--lang"_s, u"en"_s, u"--url"_s, m_url, u"--app-id"_s, u"demo"_s,
                          u"--sim-suppliers"_s, u"--db"_s, databasePath(), u"--holder"_s, m_name,
                          u"--lease-ttl"_s, QString::number(kLeaseTtl), u"--interval"_s, u"1"_s,
                          u"--concurrency"_s, qEnvironmentVariable("CARDOPS_SOAK_CONCURRENCY", u"16"_s)});
        QVERIFY(m_process->waitForStarted(10000));
    }

    void kill()
    {
        ::kill(static_cast<pid_t>(m_process->processId()), SIGKILL);
        m_process->waitForFinished(10000);
        ++m_kills;
    }

    // Paused past its lease: the other process may take over while this one holds requests,
    // purchases and steps in flight; then it wakes up.
    void pauseBeyondLease()
    {
        const auto pid = static_cast<pid_t>(m_process->processId());
        ::kill(pid, SIGSTOP);
        QTest::qWait((kLeaseTtl + 1) * 1000);
        ::kill(pid, SIGCONT);
        ++m_pauses;
    }

    int terminate()
    {
        m_process->terminate();
        if (!m_process->waitForFinished(30000))
            return -1;
        return m_process->exitStatus() == QProcess::NormalExit ? m_process->exitCode() : -2;
    }

    bool running() const { return m_process && m_process->state() == QProcess::Running; }
    QString databasePath() const { return m_dir + u"/cache.db"_s; }
    QString log() const
    {
        QFile f(m_dir + u"/err.log"_s);
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll().right(2000)) : QString();
    }
    int kills() const { return m_kills; }
    int pauses() const { return m_pauses; }

private:
    QString m_name;
    QString m_dir;
    QString m_url;
    std::unique_ptr<QProcess> m_process;
    int m_kills = 0;
    int m_pauses = 0;
};

QJsonObject readStats(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

qint64 openHandedOver(const QJsonObject& stats)
{
    const QJsonObject s = stats.value(u"handed_over_statuses"_s).toObject();
    return s.value(u"handed_over"_s).toInteger() + s.value(u"paid"_s).toInteger() +
           s.value(u"delivering"_s).toInteger();
}

QSet<qint64> ordersAt(const QString& databasePath, const QString& step)
{
    storage::ReadSession read(databasePath);
    const QList<qint64> ids = storage::fulfilments::ordersAt(read, step).valueOr({});
    return QSet<qint64>(ids.cbegin(), ids.cend());
}

} // namespace

class TestServeKill : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void twoWorkersKilledAtRandomDeliverEachOrderOnce();
};

void TestServeKill::twoWorkersKilledAtRandomDeliverEachOrderOnce()
{
    const int orders = envInt("CARDOPS_SOAK_ORDERS", 3000);
    const int kills = envInt("CARDOPS_SOAK_KILLS", 25);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QDir(dir.path()).mkpath(u"a"_s);
    QDir(dir.path()).mkpath(u"b"_s);
    const QString statsPath = dir.filePath(u"stats.json"_s);

    QProcess sim;
    sim.setStandardErrorFile(dir.filePath(u"sim.err"_s));
    sim.start(QStringLiteral(CARDOPS_SIM), {u"--listen"_s,
                                            u"127.0.0.1:0"_s,
                                            u"--orders"_s,
                                            u"1000"_s,
                                            u"--members"_s,
                                            u"200"_s,
                                            u"--goods"_s,
                                            u"200"_s,
                                            u"--days"_s,
                                            u"3"_s,
                                            u"--handover"_s,
                                            QString::number(orders),
                                            u"--lease-ttl"_s,
                                            QString::number(kLeaseTtl),
                                            u"--fulu-accept-ms"_s,
                                            u"0"_s,
                                            u"--fulu-finish-ms"_s,
                                            u"0"_s,
                                            u"--fulu-balance"_s,
                                            QString::number(qint64(orders) * 5000),
                                            u"--orders-per-minute"_s,
                                            u"0"_s,
                                            u"--stats-file"_s,
                                            statsPath});
    QVERIFY(sim.waitForStarted(10000));
    QVERIFY(sim.waitForReadyRead(60000));
    const QByteArray listening = sim.readLine().trimmed(); // "listening on 127.0.0.1:PORT"
    QVERIFY2(listening.startsWith("listening on "), listening.constData());
    const QString url = u"http://"_s + QString::fromLatin1(listening.mid(13));

    Worker a(u"soak-a"_s, dir.filePath(u"a"_s), url);
    Worker b(u"soak-b"_s, dir.filePath(u"b"_s), url);
    a.start();
    b.start();
    QRandomGenerator dice(20261129);
    QElapsedTimer elapsed;
    elapsed.start();
    // Kills spread over the work: a purchase holds a slot for about a second and three orders in
    // four are bought, so the backlog takes about orders × 0.75 / concurrency seconds.
    const int concurrency = qEnvironmentVariable("CARDOPS_SOAK_CONCURRENCY", u"16"_s).toInt();
    const qint64 workMs = qint64(orders) * 750 / qMax(1, concurrency);
    const int meanGapMs = static_cast<int>(qMax<qint64>(850, workMs / (2 * kills)));
    while (a.kills() < kills || b.kills() < kills) {
        QTest::qWait(dice.bounded(meanGapMs / 4, meanGapMs * 7 / 4));
        Worker& victim = (a.kills() >= kills) ? b : (b.kills() >= kills) ? a : (dice.bounded(2) == 0 ? a : b);
        if (dice.bounded(6) == 0) {
            victim.pauseBeyondLease();
        } else {
            victim.kill();
            QTest::qWait(dice.bounded(0, 300));
            victim.start();
        }
    }
    qInfo("%d kills and %d pauses of A, %d and %d of B in %lld s", a.kills(), a.pauses(), b.kills(),
          b.pauses(), elapsed.elapsed() / 1000);

    // Left alone, they finish the backlog.
    const int drainMs = qMax(600'000, orders * 30); // a full-size soak needs longer than CI's run
    QVERIFY2(QTest::qWaitFor([&] { return openHandedOver(readStats(statsPath)) == 0; }, drainMs),
             qPrintable(u"orders still open: "_s + QString::number(openHandedOver(readStats(statsPath))) +
                        u"\nA: "_s + a.log() + u"\nB: "_s + b.log()));
    QTest::qWait(1500); // the stats file is rewritten every half second
    // A console killed after the platform delivered but before it recorded so learns the outcome
    // by repeating the call with its key on a later pass: its bookkeeping trails the platform by up
    // to a pass or two, so the two caches are read once they have caught up (or the wait ends).
    const qint64 delivered = readStats(statsPath).value(u"deliveries"_s).toInteger();
    [[maybe_unused]] const bool caughtUp = QTest::qWaitFor(
        [&] {
            return (ordersAt(a.databasePath(), u"done"_s) | ordersAt(b.databasePath(), u"done"_s)).size() >=
                   delivered;
        },
        120'000);
    QCOMPARE(a.terminate(), 0);
    QCOMPARE(b.terminate(), 0);
    const QJsonObject stats = readStats(statsPath);
    sim.terminate();
    sim.waitForFinished(10000);

    // Nothing delivered twice, nothing bought twice.
    QCOMPARE(stats.value(u"delivered_twice"_s).toInteger(), 0);
    qint64 fuluSuccesses = 0;
    QHash<qint64, int> boughtFor;
    for (const QJsonValue& v : stats.value(u"fulu_orders"_s).toArray()) {
        const QJsonArray o = v.toArray();
        if (o.at(1).toString() != u"success")
            continue;
        ++fuluSuccesses;
        const QString number = o.at(0).toString();
        QCOMPARE(number.size(), 19);
        QCOMPARE(number.at(5), u'F');
        bool ok = false;
        const qint64 orderId = number.mid(6, 12).toLongLong(&ok, 36);
        QVERIFY(ok);
        QVERIFY2(++boughtFor[orderId] == 1, qPrintable(u"order %1 bought twice"_s.arg(orderId)));
    }
    QCOMPARE(fuluSuccesses, stats.value(u"supplied_deliveries"_s).toInteger());

    // Every order delivered or in review; the two caches' records add up to the platform's count.
    const QJsonObject statuses = stats.value(u"handed_over_statuses"_s).toObject();
    QCOMPARE(openHandedOver(stats), 0);
    const QSet<qint64> doneA = ordersAt(a.databasePath(), u"done"_s);
    const QSet<qint64> doneB = ordersAt(b.databasePath(), u"done"_s);
    QCOMPARE((doneA | doneB).size(), stats.value(u"deliveries"_s).toInteger());
    const QSet<qint64> reviewed =
        ordersAt(a.databasePath(), u"review"_s) | ordersAt(b.databasePath(), u"review"_s);
    QVERIFY(reviewed.size() <= statuses.value(u"review"_s).toInteger());
    QVERIFY((doneA | doneB).size() + reviewed.size() >= orders);
    QVERIFY(!(doneA | doneB).intersects(reviewed));
    qInfo("delivered %lld (%lld bought), in review %lld", stats.value(u"deliveries"_s).toInteger(),
          fuluSuccesses, static_cast<qint64>(reviewed.size()));
}

// The soak outlives QtTest's default 300 s per test function: a full-size run takes an hour.
int main(int argc, char** argv)
{
    if (!qEnvironmentVariableIsSet("QTEST_FUNCTION_TIMEOUT"))
        qputenv("QTEST_FUNCTION_TIMEOUT", "7200000");
    QCoreApplication app(argc, argv);
    TestServeKill test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}
#include "tst_servekill.moc"
