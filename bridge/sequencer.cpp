#include "bridge/sequencer.h"

#include "bridge/bridgedb.h"

#include <QStringList>

namespace cardops::bridge {

namespace {

constexpr int kBatch = 500;

struct Change
{
    qint64 seq = 0;
    QString entity;
};

// Moves one batch; 0 when the inbox held no committed row.
core::Result<qint64> step(BridgeDb& db)
{
    if (auto ok = db.exec(QStringLiteral("SET TRANSACTION ISOLATION LEVEL READ COMMITTED")); !ok)
        return ok.error();
    if (auto ok = db.exec(QStringLiteral("START TRANSACTION")); !ok)
        return ok.error();
    auto fail = [&db](const core::Error& e) -> core::Result<qint64> {
        db.rollbackQuietly();
        return e;
    };
    auto lock =
        db.run(QStringLiteral("SELECT `id` FROM %1 WHERE `id` = 1 FOR UPDATE").arg(db.own("sequencer")));
    if (!lock)
        return fail(lock.error());
    auto rows = db.run(QStringLiteral("SELECT `seq`, `entity` FROM %1 ORDER BY `seq` LIMIT %2")
                           .arg(db.own("change"))
                           .arg(kBatch));
    if (!rows)
        return fail(rows.error());
    QList<Change> changes;
    while (rows.value().next())
        changes.append({rows.value().value(0).toLongLong(), rows.value().value(1).toString()});
    if (changes.isEmpty()) {
        if (auto ok = db.exec(QStringLiteral("COMMIT")); !ok)
            return ok.error();
        return qint64(0);
    }
    const QString feedCols = QStringLiteral("(`entity`, `entity_id`, `parent_id`, `op`, `flags`, `at`)");
    // Runs of ordinary changes are copied with one INSERT … SELECT each; a marker in between is
    // expanded in place, so positions keep the seq order.
    QVariantList run;
    auto flush = [&]() -> core::Result<void> {
        if (run.isEmpty())
            return {};
        QStringList marks(run.size(), QStringLiteral("?"));
        auto q = db.run(
            QStringLiteral("INSERT INTO %1 %2 SELECT `entity`, `entity_id`, `parent_id`, `op`, `flags`, "
                           "`at` FROM %3 WHERE `seq` IN (%4) ORDER BY `seq`")
                .arg(db.own("feed"), feedCols, db.own("change"), marks.join(u',')),
            run);
        run.clear();
        if (!q)
            return q.error();
        return {};
    };
    for (const Change& c : changes) {
        const bool tier = c.entity == QLatin1StringView("tier");
        const bool group = c.entity == QLatin1StringView("goodsgroup");
        if (!tier && !group) {
            run << c.seq;
            continue;
        }
        if (auto ok = flush(); !ok)
            return fail(ok.error());
        if (tier) {
            run << c.seq; // the tier itself
            if (auto ok = flush(); !ok)
                return fail(ok.error());
        }
        // A tier change re-prices every goods and may re-tier every member; a goods-group change
        // re-prices the goods of the group (all goods: the old list is gone). The goods-group marker
        // itself is not served.
        QStringList expand = {
            QStringLiteral("SELECT 'goods', `id`, 0, 'U', 'tier', c.`at` FROM %1, %2 c WHERE c.`seq` = ? "
                           "ORDER BY `id`")
                .arg(db.acg("commodity"), db.own("change"))};
        if (tier)
            expand << QStringLiteral(
                          "SELECT 'member', `id`, 0, 'U', 'tier', c.`at` FROM %1, %2 c WHERE c.`seq` = ? "
                          "ORDER BY `id`")
                          .arg(db.acg("user"), db.own("change"));
        for (const QString& select : std::as_const(expand)) {
            auto q =
                db.run(QStringLiteral("INSERT INTO %1 %2 ").arg(db.own("feed"), feedCols) + select, {c.seq});
            if (!q)
                return fail(q.error());
        }
    }
    if (auto ok = flush(); !ok)
        return fail(ok.error());
    // A deleted member took its bills and withdrawals along by FK cascade, which fires no trigger
    // (§5.3): a tombstone for each ledger and withdrawal row the feed holds for it, after the batch.
    for (const Change& c : changes) {
        if (c.entity != QLatin1StringView("member"))
            continue;
        auto q = db.run(QStringLiteral("INSERT INTO %1 %2 SELECT f.`entity`, f.`entity_id`, f.`parent_id`, "
                                       "'D', 'cascade', c.`at` FROM %3 c JOIN %1 f ON f.`parent_id` = "
                                       "c.`entity_id` AND f.`entity` IN ('ledger', 'withdrawal') WHERE "
                                       "c.`seq` = ? AND c.`op` = 'D' GROUP BY f.`entity`, f.`entity_id`, "
                                       "f.`parent_id`, c.`at` ORDER BY MIN(f.`pos`)")
                            .arg(db.own("feed"), feedCols, db.own("change")),
                        {c.seq});
        if (!q)
            return fail(q.error());
    }
    // Exactly these seq values, never "seq <= max": that would wait for and then delete a late
    // writer's row that was never copied (§5.3). One primary-key lookup each: a multi-value IN may
    // be run as a scan on a small table, and a scan under READ COMMITTED still waits for the open
    // transaction's uncommitted change row (reproduced by tests/bridge/tst_bridgesync).
    QSqlQuery del(db.database());
    if (!del.prepare(QStringLiteral("DELETE FROM %1 WHERE `seq` = ?").arg(db.own("change"))))
        return fail(sqlError(del, QStringLiteral("prepare delete")));
    for (const Change& c : changes) {
        del.bindValue(0, c.seq);
        if (!del.exec())
            return fail(sqlError(del, QStringLiteral("delete change")));
    }
    auto bump =
        db.run(QStringLiteral("UPDATE %1 SET `runs` = `runs` + 1 WHERE `id` = 1").arg(db.own("sequencer")));
    if (!bump)
        return fail(bump.error());
    if (auto ok = db.exec(QStringLiteral("COMMIT")); !ok)
        return fail(ok.error());
    return qint64(changes.size());
}

} // namespace

core::Result<qint64> runSequencer(BridgeDb& db)
{
    qint64 total = 0;
    for (;;) {
        auto moved = step(db);
        if (!moved)
            return moved.error();
        total += moved.value();
        if (moved.value() < kBatch)
            return total;
    }
}

} // namespace cardops::bridge
