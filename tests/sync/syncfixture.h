#pragma once

#include "core/clock.h"
#include "core/signing.h"
#include "sim/data/generator.h"
#include "sim/server/simserver.h"
#include "storage/database.h"
#include "storage/databasewriter.h"
#include "storage/entitytables_p.h"
#include "storage/operatorrepository.h"
#include "storage/outbox.h"
#include "storage/readsession.h"
#include "sync/platformjson.h"
#include "sync/syncengine.h"
#include "sync/transport/platformtransport.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>

// A small simulated shop on loopback, a cache, and the real transport and engine between them.
namespace syncfixture {

using namespace Qt::StringLiterals;

using namespace cardops;

inline sim::GeneratorParams smallShop()
{
    sim::GeneratorParams p;
    p.seed = 11;
    p.days = 30;
    p.orders = 2'000;
    p.members = 300;
    p.goods = 60;
    return p;
}

inline sync::SyncEngine::Options pageSize(int n)
{
    sync::SyncEngine::Options o;
    o.pageSize = n;
    return o;
}

// Fast timings so faults cost milliseconds, not seconds.
inline sync::TransportOptions fastTransport()
{
    sync::TransportOptions o;
    o.timeout = std::chrono::milliseconds(400);
    o.baseBackoff = std::chrono::milliseconds(5);
    o.maxBackoff = std::chrono::milliseconds(40);
    o.retryAfterUnit = std::chrono::milliseconds(5);
    o.jitterSeed = 3;
    return o;
}

// One line of text per row, in id order: the columns the cache stores, the same way for both sides.
inline QByteArray rowText(const QVariantList& values)
{
    QByteArray line;
    for (const QVariant& v : values)
        line += v.toString().toUtf8() + '\x1f';
    return line;
}

struct TableDigest
{
    qint64 rows = 0;
    QByteArray sha256;
    bool operator==(const TableDigest&) const = default;
};

inline TableDigest digestOf(QList<QByteArray> lines)
{
    std::sort(lines.begin(), lines.end());
    QByteArray all;
    for (const QByteArray& l : lines)
        all += l + '\n';
    return {lines.size(), core::signing::sha256Hex(all)};
}

class Shop
{
public:
    explicit Shop(const sim::GeneratorParams& params = smallShop())
        : server(sim::generatePlatform(params, clock), clock)
    {}

    bool start(const sync::SyncEngine::Options& engineOptions = {},
               const sync::TransportOptions& t = fastTransport())
    {
        port = server.listen(QHostAddress::LocalHost, 0);
        if (port == 0 || !dir.isValid())
            return false;
        path = dir.filePath(QStringLiteral("cache.db"));
        return reopen(engineOptions, t);
    }

    // A new database, transport and engine on the same cache file: a restart of the application.
    bool reopen(const sync::SyncEngine::Options& engineOptions = {},
                const sync::TransportOptions& t = fastTransport())
    {
        engine.reset();
        transport.reset();
        db.reset();
        auto opened = storage::Database::open(path, clock);
        if (!opened)
            return false;
        db = std::move(opened).value();
        transport = std::make_unique<sync::PlatformTransport>(
            sync::PlatformEndpoint{QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)), "demo",
                                   "demo-secret"},
            clock, t);
        engine = std::make_unique<sync::SyncEngine>(*db, *transport, engineOptions);
        storage::ReadSession read(*db);
        admin = storage::OperatorRepository::actorFor(read, QStringLiteral("admin")).value();
        return true;
    }

    sync::RoundSummary round(int timeoutMs = 20'000)
    {
        QSignalSpy spy(engine.get(), &sync::SyncEngine::roundFinished);
        engine->startRound();
        if (!spy.wait(timeoutMs)) {
            const auto x = transport->lastExchange();
            qWarning() << "round stuck: pending" << transport->pendingCount() << "in flight"
                       << transport->inFlightCount() << "last" << x.method << x.url << x.outcome;
            sync::RoundSummary s;
            s.outcome = sync::RoundSummary::Outcome::Failed;
            s.error = QStringLiteral("the round did not finish");
            return s;
        }
        return spy.first().first().value<sync::RoundSummary>();
    }

    template<typename T> core::Result<T> write(std::function<core::Result<T>(storage::WriteContext&)> body)
    {
        return db->writer().submit<T>(QStringLiteral("test"), std::move(body)).result();
    }

    core::Result<qint64> stage(const QString& entity, qint64 id, const QJsonObject& fields)
    {
        const core::Actor actor = admin;
        return write<qint64>([=](storage::WriteContext& ctx) {
            return storage::outbox::stage(ctx, actor, storage::LocalEdit{entity, id, fields});
        });
    }

    QVariant scalar(const QString& sql, const QVariantList& binds = {}) const
    {
        storage::ReadSession read(*db);
        auto rows = read.select(sql, binds);
        return rows && !rows->isEmpty() ? rows->first().value(0) : QVariant();
    }

    TableDigest cacheDigest(const storage::detail::EntityTable& table) const
    {
        storage::ReadSession read(*db);
        auto rows = read.select(u"SELECT " + table.columns.join(u", ") + u" FROM " + table.table);
        QList<QByteArray> lines;
        for (const auto& r : rows.value())
            lines << rowText(r);
        return digestOf(lines);
    }

    // The simulator's entities of a feed, through the wire JSON and the client's parser.
    template<typename Parse> TableDigest simDigest(core::Feed feed, qsizetype count, Parse parse)
    {
        QList<QByteArray> lines;
        for (qint32 i = 0; i < count; ++i) {
            auto record = parse(QJsonDocument::fromJson(server.state().entityJson(feed, i)).object());
            if (!record)
                return {-1, record.error().detail.toUtf8()};
            lines << rowText(storage::detail::valuesOf(record.value()));
        }
        return digestOf(lines);
    }

    // Every table of the cache against the simulator: {table, cache digest, simulator digest}.
    QList<std::tuple<QString, TableDigest, TableDigest>> compare()
    {
        namespace pj = sync::platformjson;
        namespace d = storage::detail;
        auto& st = server.state();
        return {
            {u"categories"_s, cacheDigest(d::categoriesTable()),
             simDigest(core::Feed::Categories, st.categories().size(), pj::category)},
            {u"goods"_s, cacheDigest(d::goodsTable()),
             simDigest(core::Feed::Goods, st.goods().size(), pj::goods)},
            {u"members"_s, cacheDigest(d::membersTable()),
             simDigest(core::Feed::Members, st.members().size(), pj::member)},
            {u"orders"_s, cacheDigest(d::ordersTable()),
             simDigest(core::Feed::Orders, st.orders().size(), pj::order)},
            {u"ledger"_s, cacheDigest(d::ledgerTable()),
             simDigest(core::Feed::Ledger, st.ledger().size(), pj::ledgerEntry)},
            {u"withdrawals"_s, cacheDigest(d::withdrawalsTable()),
             simDigest(core::Feed::Withdrawals, st.withdrawals().size(), pj::withdrawal)},
        };
    }

    core::SystemClock clock;
    sim::SimServer server;
    QTemporaryDir dir;
    QString path;
    quint16 port = 0;
    std::unique_ptr<storage::Database> db;
    std::unique_ptr<sync::PlatformTransport> transport;
    std::unique_ptr<sync::SyncEngine> engine;
    core::Actor admin;
};

} // namespace syncfixture

#define COMPARE_WITH_SIMULATOR(shop)                                                                         \
    do {                                                                                                     \
        for (const auto& [table, cache, simulated] : (shop).compare()) {                                     \
            QVERIFY2(simulated.rows >= 0, simulated.sha256.constData());                                     \
            QVERIFY2(cache == simulated, qPrintable(QStringLiteral("%1: cache %2 rows, simulator %3 rows")   \
                                                        .arg(table)                                          \
                                                        .arg(cache.rows)                                     \
                                                        .arg(simulated.rows)));                              \
        }                                                                                                    \
    } while (false)
