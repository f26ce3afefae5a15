#include "bridge/compaction.h"

#include "bridge/bridgedb.h"

#include <QList>

namespace cardops::bridge {

using namespace Qt::StringLiterals;

FeedCompactor::FeedCompactor()
    : FeedCompactor(Options{})
{}

FeedCompactor::FeedCompactor(Options options)
    : m_options(options)
{}

core::Result<qint64> FeedCompactor::step(BridgeDb& db, qint64 now)
{
    if (now < m_restUntil)
        return qint64(0);
    bool passDone = false;
    auto deleted = window(db, now, &passDone);
    if (deleted && passDone)
        m_restUntil = now + m_options.restSeconds;
    return deleted;
}

core::Result<qint64> FeedCompactor::sweep(BridgeDb& db, qint64 now)
{
    m_watermark = 0;
    qint64 total = 0;
    for (bool passDone = false; !passDone;) {
        auto deleted = window(db, now, &passDone);
        if (!deleted)
            return deleted.error();
        total += deleted.value();
    }
    return total;
}

core::Result<qint64> FeedCompactor::window(BridgeDb& db, qint64 now, bool* passDone)
{
    const QString feed = db.own("feed");
    const qint64 cutoff = now - m_options.retentionSeconds;
    // The window: the next rows by primary key after the watermark (a consistent read, no locks).
    auto span = db.run(u"SELECT COUNT(*), IFNULL(MAX(`pos`), 0) FROM (SELECT `pos` FROM %1 WHERE `pos` > ? "
                       "ORDER BY `pos` LIMIT %2) w"_s.arg(feed)
                           .arg(m_options.window),
                       {m_watermark});
    if (!span)
        return span.error();
    const qint64 rows = span.value().next() ? span.value().value(0).toLongLong() : 0;
    const qint64 last = rows > 0 ? span.value().value(1).toLongLong() : m_watermark;
    // Superseded rows of the window, older than the retention. A row is superseded by a newer row of
    // its entity under the same parent (index entity_id_pos), so per-parent reads (the cards of a
    // goods) are unchanged too; a `delivered` row only by a newer `delivered` row.
    auto old = db.run(
        u"SELECT f.`pos` FROM %1 f WHERE f.`pos` > ? AND f.`pos` <= ? AND f.`at` < FROM_UNIXTIME(?) AND "
        "EXISTS (SELECT 1 FROM %1 n WHERE n.`entity` = f.`entity` AND n.`entity_id` = f.`entity_id` AND "
        "n.`parent_id` = f.`parent_id` AND n.`pos` > f.`pos` AND "
        "(f.`flags` <> 'delivered' OR n.`flags` = 'delivered')) ORDER BY f.`pos`"_s.arg(feed),
        {m_watermark, last, cutoff});
    if (!old)
        return old.error();
    QList<qint64> doomed;
    while (old.value().next())
        doomed << old.value().value(0).toLongLong();
    qint64 deleted = 0;
    for (qsizetype from = 0; from < doomed.size(); from += m_options.batch) {
        if (auto ok = db.exec(u"SET TRANSACTION ISOLATION LEVEL READ COMMITTED"_s); !ok)
            return ok.error();
        if (auto ok = db.exec(u"START TRANSACTION"_s); !ok)
            return ok.error();
        QSqlQuery del(db.database());
        if (!del.prepare(u"DELETE FROM %1 WHERE `pos` = ?"_s.arg(feed))) {
            const core::Error e = sqlError(del, u"prepare feed compaction"_s);
            db.rollbackQuietly();
            return e;
        }
        const qsizetype end = qMin<qsizetype>(doomed.size(), from + m_options.batch);
        for (qsizetype i = from; i < end; ++i) {
            del.bindValue(0, doomed[i]);
            if (!del.exec()) {
                const core::Error e = sqlError(del, u"feed compaction"_s);
                db.rollbackQuietly();
                return e;
            }
            deleted += del.numRowsAffected();
        }
        if (auto ok = db.exec(u"COMMIT"_s); !ok) {
            db.rollbackQuietly();
            return ok.error();
        }
    }
    // The end of the feed: the next pass starts at the beginning again.
    *passDone = rows < m_options.window;
    m_watermark = *passDone ? 0 : last;
    return deleted;
}

} // namespace cardops::bridge
