// cardops-sim: the platform simulator with its supplier roles (docs/platform-api.md §4). A developer
// and test tool; its texts are plain English.
#include "core/clock.h"
#include "sim/data/fulustate.h"
#include "sim/data/generator.h"
#include "sim/data/handover.h"
#include "sim/server/simserver.h"
#include "sim/supplieroptions.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QMap>
#include <QSaveFile>
#include <QSet>
#include <QTimer>
#include <cstdio>

using namespace cardops;

namespace {

int fail(const QString& message)
{
    std::fprintf(stderr, "cardops-sim: %s\n", qPrintable(message));
    return 2;
}

// Pages every feed at 1000 per page, as cardops-cli generate does, and reports the rate.
void pageAll(const sim::PlatformState& state)
{
    for (core::Feed feed : core::kAllFeeds) {
        QElapsedTimer timer;
        timer.start();
        qint64 cursor = 0;
        qint64 items = 0;
        qint64 bytes = 0;
        for (;;) {
            const sim::FeedPage page = state.feedPage(feed, cursor, 1000);
            items += page.count;
            bytes += page.data.size();
            cursor = page.nextCursor;
            if (!page.hasMore)
                break;
        }
        const qint64 ms = qMax<qint64>(1, timer.elapsed());
        std::fprintf(stderr, "feed %d: %lld items, %lld MB in %lld ms (%lld items/s)\n",
                     static_cast<int>(feed), static_cast<long long>(items),
                     static_cast<long long>(bytes >> 20), static_cast<long long>(ms),
                     static_cast<long long>(items * 1000 / ms));
    }
}

// What a fulfilment soak test checks from outside: the platform's deliveries (and any order
// completed twice) and every Fulu purchase with the number it was placed under.
void writeFulfilmentStats(sim::SimServer& server, const QString& path)
{
    sim::FuluState& fulu = server.suppliers().fulu();
    fulu.settle();
    QByteArray out = "{\"deliveries\":" + QByteArray::number(server.state().deliveries()) +
                     ",\"delivered_twice\":" + QByteArray::number(server.state().ordersDeliveredTwice()) +
                     ",\"supplied_deliveries\":" + QByteArray::number(server.state().suppliedDeliveries()) +
                     ",\"fulu_orders\":[";
    QMap<QByteArray, qint64> statuses;
    for (const sim::Order& o : server.state().orders())
        if (o.handedOver)
            ++statuses[sim::orderStatusName(o.status)];
    for (qsizetype i = 0; i < fulu.orderCount(); ++i) {
        const sim::FuluState::Order& o = fulu.orderAt(i);
        out += (i == 0 ? "[\"" : ",[\"") + o.customerOrderNo + "\",\"" +
               sim::FuluState::orderStateText(o.state) + "\"]";
    }
    out += "],\"handed_over_statuses\":{";
    for (auto it = statuses.cbegin(); it != statuses.cend(); ++it)
        out += (it == statuses.cbegin() ? "\"" : ",\"") + it.key() + "\":" + QByteArray::number(it.value());
    out += "}}\n";
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly) && file.write(out) == out.size())
        file.commit();
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("cardops-sim"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("CardOps platform simulator: Platform API v1 with app id "
                                                    "'demo' and secret 'demo-secret'; on the same port the "
                                                    "Fulu gateway (POST /api/getway, the public sandbox "
                                                    "AppKey and AppSecret) and the acg-faka store (POST "
                                                    "/shared/..., app_id 1000, app_key TESTKEY123)."));
    parser.addHelpOption();
    const QCommandLineOption listen(u"listen"_qs, u"Address and port to listen on (port 0 = any)."_qs,
                                    u"host:port"_qs, u"127.0.0.1:8090"_qs);
    const QCommandLineOption seed(u"seed"_qs, u"Data seed."_qs, u"S"_qs, u"1"_qs);
    const QCommandLineOption days(u"days"_qs, u"Days of history."_qs, u"D"_qs, u"120"_qs);
    const QCommandLineOption orders(u"orders"_qs, u"Orders in the history."_qs, u"N"_qs, u"30000"_qs);
    const QCommandLineOption members(u"members"_qs, u"Members."_qs, u"N"_qs, u"3000"_qs);
    const QCommandLineOption goods(u"goods"_qs, u"Goods."_qs, u"N"_qs, u"600"_qs);
    const QCommandLineOption perMinute(u"orders-per-minute"_qs, u"Live orders per minute."_qs, u"R"_qs,
                                       u"2"_qs);
    const QCommandLineOption abnormal(u"abnormal-share"_qs, u"Share of abnormal live orders (0-1)."_qs,
                                      u"P"_qs, u"0.05"_qs);
    const QCommandLineOption latency(u"latency-ms"_qs, u"Delay range of the latency fault."_qs, u"MIN-MAX"_qs,
                                     u"50-300"_qs);
    const QCommandLineOption retryAfter(u"retry-after"_qs, u"Retry-After seconds of the 429 fault."_qs,
                                        u"S"_qs, u"1"_qs);
    const QCommandLineOption timeoutMs(u"timeout-answer-ms"_qs,
                                       u"Answer a timed-out request after this many ms (0 = never)."_qs,
                                       u"MS"_qs, u"0"_qs);
    const QCommandLineOption faultSeed(u"fault-seed"_qs, u"Seed of the fault dice."_qs, u"S"_qs, u"7"_qs);
    const QCommandLineOption generateOnly(u"generate-only"_qs,
                                          u"Generate, page every feed, print timings and exit."_qs);
    const QCommandLineOption leaseTtl(u"lease-ttl"_qs, u"Fulfilment lease time to live in seconds."_qs,
                                      u"S"_qs, u"60"_qs);
    const QCommandLineOption handover(
        u"handover"_qs,
        u"Place this many paid orders of CardOps-owned goods at start (a backlog to fulfil)."_qs, u"N"_qs,
        u"0"_qs);
    const QCommandLineOption statsFile(
        u"stats-file"_qs,
        u"Write the fulfilment counters (deliveries, double deliveries, supplier purchases) as JSON to this "
        u"file every half second."_qs,
        u"FILE"_qs);
    const QCommandLineOption refuse(
        u"refuse-actions"_qs,
        u"Answer these order actions 403/40300, as a platform without them (the bridge has no refunds): "
        u"a comma-separated list of deliver, review, refund, reissue."_qs,
        u"LIST"_qs);
    parser.addOptions({listen, seed, days, orders, members, goods, perMinute, abnormal, latency, retryAfter,
                       timeoutMs, faultSeed, generateOnly, leaseTtl, handover, statsFile, refuse});
    QList<QPair<sim::FaultMode, QCommandLineOption>> faultOptions;
    for (const QString& name : sim::FaultConfig::modeNames()) {
        sim::FaultMode mode{};
        sim::FaultConfig::modeFromName(name, &mode);
        faultOptions.append(
            {mode, QCommandLineOption(u"fault-"_qs + name, u"Rate 0-1 of the "_qs + name + u" fault."_qs,
                                      u"RATE"_qs, u"0"_qs)});
        parser.addOption(faultOptions.last().second);
    }
    const sim::SupplierOptions supplierOptions;
    supplierOptions.addTo(parser);
    parser.process(app);

    bool ok = true;
    auto number = [&](const QCommandLineOption& o) {
        bool good = false;
        const qint64 v = parser.value(o).toLongLong(&good);
        ok = ok && good && v >= 0;
        return v;
    };
    auto real = [&](const QCommandLineOption& o) {
        bool good = false;
        const double v = parser.value(o).toDouble(&good);
        ok = ok && good && v >= 0;
        return v;
    };
    sim::GeneratorParams params;
    params.seed = static_cast<quint64>(number(seed));
    params.days = static_cast<int>(qMax<qint64>(1, number(days)));
    params.orders = number(orders);
    params.members = static_cast<int>(qMax<qint64>(1, number(members)));
    params.goods = static_cast<int>(qMax<qint64>(1, number(goods)));
    sim::FaultConfig faults;
    faults.retryAfterSeconds = static_cast<int>(number(retryAfter));
    faults.timeoutAnswerMs = static_cast<int>(number(timeoutMs));
    faults.seed = static_cast<quint64>(number(faultSeed));
    const QStringList range = parser.value(latency).split(u'-');
    faults.latencyMinMs = range.value(0).toInt(&ok);
    faults.latencyMaxMs = ok ? range.value(1, range.value(0)).toInt(&ok) : 0;
    for (const auto& [mode, option] : faultOptions)
        faults.setRate(mode, real(option));
    const qint64 ttl = number(leaseTtl);
    const qint64 backlog = number(handover);
    const double rate = real(perMinute);
    const double share = real(abnormal);
    if (!ok)
        return fail(u"invalid number in the options (see --help)"_qs);
    sim::SupplierOptions::Values suppliers;
    QString supplierError;
    if (!supplierOptions.read(parser, params.seed, faults, &suppliers, &supplierError))
        return fail(supplierError);
    QSet<QByteArray> refused;
    for (const QString& action : parser.value(refuse).split(u',', Qt::SkipEmptyParts)) {
        static const QStringList known{u"deliver"_qs, u"review"_qs, u"refund"_qs, u"reissue"_qs};
        if (!known.contains(action.trimmed()))
            return fail(u"--refuse-actions: unknown action '"_qs + action + u"' (deliver, review, refund, reissue)"_qs);
        refused.insert(action.trimmed().toLatin1());
    }
    const QString where = parser.value(listen);
    const qsizetype colon = where.lastIndexOf(u':');
    const QHostAddress address(where.left(colon));
    const int port = where.mid(colon + 1).toInt(&ok);
    if (colon < 0 || address.isNull() || !ok || port < 0 || port > 65535)
        return fail(u"--listen wants host:port, e.g. 127.0.0.1:0"_qs);

    static core::SystemClock clock;
    QElapsedTimer timer;
    timer.start();
    auto state = sim::generatePlatform(params, clock);
    std::fprintf(stderr, "generated %lld orders, %lld ledger entries in %lld ms\n",
                 static_cast<long long>(state->orders().size()),
                 static_cast<long long>(state->ledger().size()), static_cast<long long>(timer.elapsed()));
    if (parser.isSet(generateOnly)) {
        pageAll(*state);
        return 0;
    }
    sim::SimServer server(std::move(state), clock);
    server.setFaults(suppliers.platformFaults ? faults : sim::FaultConfig{});
    server.suppliers().reset(suppliers.params);
    server.suppliers().setFaults(suppliers.faults);
    server.state().setLeaseTtl(ttl);
    server.state().refuseOrderActions(refused);
    if (backlog > 0) {
        const int owned = sim::placeHandover(server.state(), server.suppliers().fulu(), backlog, params.seed);
        std::fprintf(stderr, "handed over %lld orders of %d goods\n", static_cast<long long>(backlog), owned);
    }
    QTimer statsTimer;
    if (parser.isSet(statsFile)) {
        const QString path = parser.value(statsFile);
        QObject::connect(&statsTimer, &QTimer::timeout, &statsTimer,
                         [&server, path] { writeFulfilmentStats(server, path); });
        statsTimer.start(500);
    }
    server.liveOrders().setOrdersPerMinute(rate);
    server.liveOrders().setAbnormalShare(share);
    server.setLiveTickInterval(1000);
    const quint16 bound = server.listen(address, static_cast<quint16>(port));
    if (bound == 0)
        return fail(u"cannot listen on "_qs + where);
    std::printf("listening on %s:%u\n", qPrintable(address.toString()), static_cast<unsigned>(bound));
    std::fprintf(
        stderr, "%s",
        qPrintable(sim::SupplierOptions::endpoints(address.toString() + u':' + QString::number(bound))));
    std::fflush(stdout);
    return QCoreApplication::exec();
}
