#include "app/cli/generatecommand.h"

#include "app/cli/errortext.h"
#include "core/clock.h"
#include "sim/data/generator.h"
#include "storage/database.h"
#include "storage/databasewriter.h"
#include "storage/platformcache.h"
#include "storage/writecontext.h"
#include "sync/feedingest.h"
#include "sync/platformjson.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <deque>

namespace cardops::app {
namespace {

QJsonValue parseData(const QByteArray& json)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    return error.error == QJsonParseError::NoError ? QJsonValue(doc.object()) : QJsonValue();
}

double seconds(qint64 ms)
{
    return static_cast<double>(ms) / 1000.0;
}

} // namespace

GenerateCommand::GenerateCommand(QTextStream& out, QTextStream& err)
    : m_out(out)
    , m_err(err)
{}

int GenerateCommand::run(const QString& path, const sim::GeneratorParams& params)
{
    if (QFileInfo::exists(path)) {
        m_err << tr("%1 already exists: generate writes a new cache file. Remove it or choose another with "
                    "--db.")
                     .arg(path)
              << Qt::endl;
        return 1;
    }
    QElapsedTimer timer;
    timer.start();
    core::SystemClock clock;
    m_out << tr("Generating %1 orders over %2 days (seed %3)…")
                 .arg(params.orders)
                 .arg(params.days)
                 .arg(params.seed)
          << Qt::endl;
    const std::unique_ptr<sim::PlatformState> platform = sim::generatePlatform(params, clock);
    const qint64 generatedMs = timer.elapsed();

    auto opened = storage::Database::open(path, clock);
    if (!opened) {
        m_err << tr("Cannot open %1: %2").arg(path, ErrorText::describe(opened.error())) << Qt::endl;
        return 1;
    }
    storage::Database& db = *opened.value();
    // The same path as a sync: each page is parsed by the sync layer and committed with its cursor.
    // A few pages may wait in the writer's queue (it commits queued jobs in one transaction) while
    // the next ones are parsed; a failed page stops everything behind it (its cursor did not move).
    constexpr std::size_t kInFlight = 4;
    std::deque<QFuture<core::Result<storage::IngestStats>>> inFlight;
    const auto settleOne = [&]() -> bool {
        const auto r = inFlight.front().result();
        inFlight.pop_front();
        if (!r)
            m_err << ErrorText::describe(r.error()) << Qt::endl;
        return r.ok();
    };
    for (const core::Feed feed : core::kAllFeeds) {
        qint64 after = 0;
        qint64 items = 0;
        for (;;) {
            const sim::FeedPage page = platform->feedPage(feed, after, 1000);
            auto prepared = sync::preparePage(feed, parseData(page.data), false,
                                              after == 0 ? QString() : QString::number(after));
            if (!prepared) {
                m_err << ErrorText::describe(prepared.error()) << Qt::endl;
                return 1;
            }
            if (inFlight.size() >= kInFlight && !settleOne())
                return 1;
            inFlight.push_back(db.writer().submit<storage::IngestStats>(QStringLiteral("generate.ingest"),
                                                                        std::move(prepared->job)));
            items += page.count;
            after = page.nextCursor;
            if (!page.hasMore)
                break;
        }
        while (!inFlight.empty())
            if (!settleOne())
                return 1;
        m_out << tr("  %1: %2").arg(QString::fromLatin1(core::feedName(feed))).arg(items) << Qt::endl;
    }
    auto ladder = sync::platformjson::tierLadder(parseData(platform->tiersJson()));
    const qint64 lastDay = core::businessDay(clock.nowSeconds());
    auto totals =
        sync::platformjson::dailyTotals(parseData(platform->dailyReportJson(lastDay - params.days, lastDay)));
    if (!ladder || !totals) {
        m_err << ErrorText::describe(!ladder ? ladder.error() : totals.error()) << Qt::endl;
        return 1;
    }
    auto stored = db.writer()
                      .submit(QStringLiteral("generate.tiers"),
                              [l = ladder.value(),
                               t = totals.value()](storage::WriteContext& ctx) -> core::Result<void> {
                                  auto r = storage::platformcache::replaceTiers(ctx, l);
                                  if (!r)
                                      return r.error();
                                  return storage::platformcache::storeDailyTotals(ctx, t);
                              })
                      .result();
    if (!stored) {
        m_err << ErrorText::describe(stored.error()) << Qt::endl;
        return 1;
    }
    const qint64 totalMs = timer.elapsed();
    m_out << tr("Done in %1 s (generation %2 s, ingest %3 s).")
                 .arg(seconds(totalMs), 0, 'f', 1)
                 .arg(seconds(generatedMs), 0, 'f', 1)
                 .arg(seconds(totalMs - generatedMs), 0, 'f', 1)
          << Qt::endl;
    return 0;
}

} // namespace cardops::app
