#include "cachefixture.h"
#include "core/clock.h"
#include "storage/platformcache.h"
#include "storage/tierstore.h"
#include "storage/writecontext.h"

#include <QElapsedTimer>
#include <QFile>
#include <QtTest>

using namespace cardops;
using namespace Qt::StringLiterals;
using cachefixture::Cache;
using storage::WriteContext;
namespace tierstore = storage::tierstore;

namespace {

// 2026-11-28 12:00:00 Shanghai, business day 20785.
constexpr qint64 kNoon = 1795838400;
constexpr qint64 kToday = 20785;
constexpr qint64 kOld = 1700000000;

core::Money yuan(qint64 y)
{
    return core::Money::fromYuan(y);
}

core::Order order(qint64 id, qint64 memberId, const QString& status, qint64 createdAt, qint64 paidYuan,
                  qint64 refundYuan = 0)
{
    core::Order o = cachefixture::order(id, 1, status);
    o.memberId = memberId;
    o.createdAt = createdAt;
    o.paidAt = status == u"unpaid" ? 0 : createdAt + 30;
    o.paidAmount = yuan(paidYuan);
    o.amount = o.paidAmount;
    o.refundAmount = yuan(refundYuan);
    o.updatedAt = createdAt;
    return o;
}

core::Member member(qint64 id, qint64 parentId, qint64 tier = 1)
{
    core::Member m = cachefixture::member(id, 1, tier);
    m.parentId = parentId;
    m.registeredAt = kOld;
    return m;
}

core::LedgerEntry entry(qint64 id, qint64 memberId, const QString& kind, core::Money amount, qint64 at)
{
    core::LedgerEntry e;
    e.id = id;
    e.memberId = memberId;
    e.kind = kind;
    e.amount = amount;
    e.createdAt = at;
    e.version = 1;
    e.updatedAt = at;
    return e;
}

core::Tier tier(qint64 id, const char* upgrade)
{
    core::Tier t;
    t.id = id;
    t.name = u"T%1"_s.arg(id);
    t.rank = id;
    t.discount = core::Rate::fromPpm(1'000'000);
    t.commissionRates = "[\"1%\"]";
    t.upgrade = upgrade;
    t.version = 1;
    return t;
}

// T1 floor; T2 needs a cumulative spend of 100; T3 an own GMV of 500 over 30 days (sliding).
core::TierLadder ladder()
{
    return {{tier(1, "{}"), tier(2, R"({"cumulative_spend":"100.0000"})"),
             tier(3, R"({"own_gmv_30d":"500.0000"})")},
            1};
}

QString figuresText(const QList<core::MemberFigures>& figures)
{
    QStringList out;
    for (const core::MemberFigures& f : figures)
        out << u"%1:t%2 spend=%3 recharge=%4 own=%5 down=%6 active=%7"_s.arg(f.memberId)
                   .arg(f.tierId)
                   .arg(f.cumulativeSpend.toString(4), f.cumulativeRecharge.toString(4),
                        f.ownGmv30d.toString(4), f.downlineGmv30d.toString(4))
                   .arg(f.activeDownlines);
    return out.join(u'\n');
}

} // namespace

// The figures the tier rules read, and the evaluation at the end of a round: an upgrade on the
// evaluation after the ingest that crosses its threshold, a sliding downgrade at the day boundary.
class TstTierStore : public QObject
{
    Q_OBJECT

    std::unique_ptr<Cache> m_cache;
    int m_page = 0;

    void ingest(const QList<core::Member>& members, const QList<core::Order>& orders,
                const QList<core::LedgerEntry>& ledger = {})
    {
        const int page = ++m_page;
        auto done = m_cache->run<bool>([=](WriteContext& ctx) -> core::Result<bool> {
            const QString from = page == 1 ? QString() : u"p%1"_s.arg(page - 1);
            const QString next = u"p%1"_s.arg(page);
            // Members are written as rows: the figures read members, the ingest's history is not
            // what is tested here.
            for (const core::Member& m : members) {
                auto r =
                    ctx.exec(u"INSERT INTO members (id, name, kind, parent_id, tier_id, registered_at, "
                             u"contact, balance, tags, version, updated_at) VALUES (?, ?, 'agent', ?, ?, ?, "
                             u"'', 0, '[]', 1, ?)"_s,
                             {m.id, m.name, m.parentId, m.tierId, m.registeredAt, m.updatedAt});
                if (!r)
                    return r.error();
            }
            if (auto r = storage::platformcache::ingestOrders(ctx, orders,
                                                              {core::Feed::Orders, next, false, false, from});
                !r)
                return r.error();
            if (auto r = storage::platformcache::ingestLedger(ctx, ledger,
                                                              {core::Feed::Ledger, next, false, false, from});
                !r)
                return r.error();
            return true;
        });
        QVERIFY2(done.ok(), qPrintable(done.ok() ? QString() : done.error().detail));
    }

    tierstore::EvaluationResult evaluate(qint64 at)
    {
        auto r = m_cache->run<tierstore::EvaluationResult>([at](WriteContext& ctx) {
            QElapsedTimer inJob;
            inJob.start();
            auto e = tierstore::evaluate(ctx, at);
            qInfo("inside the writer job: %lld ms", inJob.elapsed());
            return e;
        });
        if (!r)
            qWarning() << r.error().detail;
        return r ? r.value() : tierstore::EvaluationResult{};
    }

    void setUpLadder(bool slidingTop)
    {
        auto r = m_cache->run<bool>([slidingTop, this](WriteContext& ctx) -> core::Result<bool> {
            auto replaced = storage::platformcache::replaceTiers(ctx, ladder());
            if (replaced && slidingTop) {
                auto p = tierstore::setPolicy(ctx, m_cache->admin_, 3, core::DowngradePolicy::SlidingWindow);
                if (!p)
                    return p.error();
            }
            return replaced;
        });
        QVERIFY(r.ok() && r.value());
    }

private Q_SLOTS:
    void init()
    {
        m_cache = std::make_unique<Cache>();
        m_page = 0;
        QVERIFY(m_cache->open());
    }

    // Every figure against hand-computed values, on a tree 1 ← 2 ← 3 and 1 ← 4.
    void figuresExact()
    {
        const qint64 windowStart = core::businessDayStart(kToday - 29);
        ingest({member(1, 0, 2), member(2, 1), member(3, 2), member(4, 1)},
               {
                   order(1, 3, u"delivered"_s, kNoon - 3600, 200),
                   order(2, 3, u"delivered"_s, kNoon - 10 * 86400, 50, 20), // partly refunded: 30
                   order(3, 3, u"unpaid"_s, kNoon - 3600, 30),              // never counts
                   order(4, 3, u"delivered"_s, windowStart - 1, 100),       // before the window
                   order(5, 3, u"refunded"_s, kNoon - 7200, 40, 40),        // fully refunded: 0
                   order(6, 2, u"paid"_s, windowStart, 70),                 // the window's first second
                   order(7, 2, u"delivered"_s, kNoon + 3600, 10),           // later the same day
                   order(8, 2, u"delivered"_s, core::businessDayStart(kToday + 1), 1000), // tomorrow
                   order(9, 4, u"refunded"_s, kNoon - 60, 15, 15),
                   order(10, 4, u"cancelled"_s, kNoon - 60, 99),
               },
               {
                   entry(1, 1, u"recharge"_s, yuan(500), kOld),
                   entry(2, 1, u"recharge"_s, core::Money::fromUnits(255'000), kNoon - 60),
                   entry(3, 1, u"commission"_s, yuan(10), kNoon - 60),
                   entry(4, 1, u"recharge"_s, yuan(99), core::businessDayStart(kToday + 1)),
               });
        storage::ReadSession read(*m_cache->db_);
        auto all = tierstore::figures(read, kNoon);
        QVERIFY(all.ok());
        QCOMPARE(figuresText(all.value()),
                 u"1:t2 spend=0.0000 recharge=525.5000 own=0.0000 down=310.0000 active=1\n"
                 u"2:t1 spend=80.0000 recharge=0.0000 own=80.0000 down=230.0000 active=1\n"
                 u"3:t1 spend=330.0000 recharge=0.0000 own=230.0000 down=0.0000 active=0\n"
                 u"4:t1 spend=0.0000 recharge=0.0000 own=0.0000 down=0.0000 active=0"_s);
        // A subset gives the same figures for its members, in the order asked.
        auto some = tierstore::figures(read, kNoon, {3, 1, 99});
        QVERIFY(some.ok());
        QCOMPARE(figuresText(some.value()),
                 u"3:t1 spend=330.0000 recharge=0.0000 own=230.0000 down=0.0000 active=0\n"
                 u"1:t2 spend=0.0000 recharge=525.5000 own=0.0000 down=310.0000 active=1"_s);
        // One second into tomorrow the window has moved a day and order 8 counts.
        auto tomorrow = tierstore::figures(read, core::businessDayStart(kToday + 1), {2});
        QVERIFY(tomorrow.ok());
        QCOMPARE(figuresText(tomorrow.value()),
                 u"2:t1 spend=1080.0000 recharge=0.0000 own=1010.0000 down=230.0000 active=1"_s);
    }

    void upgradeOnTheEvaluationAfterTheCrossingIngest()
    {
        setUpLadder(false);
        ingest({member(5, 0), member(6, 5)}, {order(1, 6, u"delivered"_s, kNoon - 600, 60)});
        auto first = evaluate(kNoon);
        QVERIFY(first.full);
        QCOMPARE(first.evaluated, 2);
        QCOMPARE(first.moves.size(), 0);
        QCOMPARE(m_cache->scalar(u"SELECT count(*) FROM member_dirty"_s).toLongLong(), 0);
        // An order of a member whose page has not come yet keeps it dirty.
        ingest({}, {order(99, 77, u"delivered"_s, kNoon - 30, 5)});
        QCOMPARE(evaluate(kNoon + 1).evaluated, 0);
        QCOMPARE(m_cache->scalar(u"SELECT group_concat(member_id) FROM member_dirty"_s).toString(), u"77"_s);

        // 99.9999 in all: still below.
        core::Order almost = order(2, 6, u"delivered"_s, kNoon + 60, 0);
        almost.paidAmount = core::Money::fromUnits(399'999);
        ingest({}, {almost});
        QCOMPARE(
            m_cache
                ->scalar(
                    u"SELECT group_concat(member_id) FROM (SELECT member_id FROM member_dirty ORDER BY 1)"_s)
                .toString(),
            u"6,77"_s);
        auto second = evaluate(kNoon + 120);
        QVERIFY(!second.full);
        QCOMPARE(second.evaluated, 2); // member 6 and its parent
        QCOMPARE(second.moves.size(), 0);
        QCOMPARE(evaluate(kNoon + 130).evaluated, 0); // nothing dirty, nothing read

        ingest({}, {order(3, 6, u"delivered"_s, kNoon + 200, 0)}); // not yet: 0 yuan
        QCOMPARE(evaluate(kNoon + 210).moves.size(), 0);
        core::Order crossing = order(4, 6, u"delivered"_s, kNoon + 300, 0);
        crossing.paidAmount = core::Money::fromUnits(1);
        ingest({}, {crossing});
        auto third = evaluate(kNoon + 360);
        QCOMPARE(third.moves.size(), 1);
        const core::TierMove move = third.moves.first();
        QCOMPARE(move.memberId, 6);
        QCOMPARE(move.fromTier, 1);
        QCOMPARE(move.toTier, 2);
        QCOMPARE(move.rule, u"upgrade all_of(cumulative_spend 100.0000>=100.0000)"_s);
        QCOMPARE(move.at, kNoon + 360);

        // Recorded, staged in the outbox (the cache shows the new tier at once) and audited.
        QCOMPARE(m_cache
                     ->scalar(u"SELECT member_id || ':' || from_tier || '>' || to_tier || ':' || direction "
                              u"|| ':' || at FROM tier_moves"_s)
                     .toString(),
                 u"6:1>2:up:%1"_s.arg(kNoon + 360));
        const qint64 outboxId = m_cache->scalar(u"SELECT outbox_id FROM tier_moves"_s).toLongLong();
        QVERIFY(outboxId > 0);
        QCOMPARE(m_cache
                     ->scalar(u"SELECT entity || ' ' || entity_id || ' ' || method || ' ' || path || ' ' || "
                              u"body || ' ' || state FROM outbox WHERE id = ?"_s,
                              {outboxId})
                     .toString(),
                 u"members 6 PATCH /v1/members/6 {\"tier_id\":2} pending"_s);
        QCOMPARE(m_cache->scalar(u"SELECT tier_id FROM members WHERE id = 6"_s).toLongLong(), 2);
        QCOMPARE(m_cache
                     ->scalar(u"SELECT count(*) FROM audit_log WHERE action = 'tier_move' AND entity = "
                              u"'members' AND entity_id = '6' AND detail LIKE '%cumulative_spend%'"_s)
                     .toLongLong(),
                 1);
        QCOMPARE(
            m_cache->scalar(u"SELECT count(*) FROM audit_log WHERE action = 'edit' AND entity_id = '6'"_s)
                .toLongLong(),
            1);
        // Nothing moves twice.
        ingest({}, {order(5, 6, u"delivered"_s, kNoon + 400, 5)});
        QCOMPARE(evaluate(kNoon + 460).moves.size(), 0);
        // A day boundary without SlidingWindow tiers reads nobody.
        auto nextDay = evaluate(core::businessDayStart(kToday + 1));
        QVERIFY(nextDay.downgrades);
        QCOMPARE(nextDay.evaluated, 0);

        storage::ReadSession read(*m_cache->db_);
        auto recent = tierstore::recentMoves(read, 10);
        QVERIFY(recent.ok());
        QCOMPARE(recent->size(), 1);
        QCOMPARE(recent->first().memberName, u"会员6"_s);
        QCOMPARE(recent->first().fromName + u'>' + recent->first().toName, u"T1>T2"_s);
        QCOMPARE(recent->first().outboxId, outboxId);
    }

    void slidingDowngradeAtTheDayBoundary()
    {
        setUpLadder(true);
        const qint64 dayStart = core::businessDayStart(kToday);
        ingest({member(7, 0)}, {order(1, 7, u"delivered"_s, dayStart + 10 * 3600, 500)});
        auto first = evaluate(kNoon);
        QCOMPARE(first.moves.size(), 1);
        QCOMPARE(first.moves.first().toTier, 3); // straight past T2
        QCOMPARE(first.moves.first().rule, u"upgrade all_of(own_gmv_30d 500.0000>=500.0000)"_s);

        // The last second of the window's last day: the order still counts, no downgrade.
        const qint64 lastSecond = core::businessDayStart(kToday + 30) - 1;
        auto before = evaluate(lastSecond);
        QVERIFY(!before.full);
        QVERIFY(before.downgrades);
        QCOMPARE(before.evaluated, 1); // the member of the SlidingWindow tier
        QCOMPARE(before.moves.size(), 0);
        QCOMPARE(m_cache->scalar(u"SELECT tier_id FROM members WHERE id = 7"_s).toLongLong(), 3);

        // Without a boundary since the last evaluation the figure no longer holds, yet nobody falls:
        // the first evaluation after the boundary does it.
        auto boundary = evaluate(core::businessDayStart(kToday + 30));
        QVERIFY(boundary.downgrades);
        QCOMPARE(boundary.moves.size(), 1);
        const core::TierMove down = boundary.moves.first();
        QCOMPARE(down.direction, core::TierDirection::Down);
        QCOMPARE(down.fromTier, 3);
        QCOMPARE(down.toTier, 2); // the cumulative spend of 500 still earns T2
        QCOMPARE(down.rule, u"downgrade sliding_window(own_gmv_30d 0.0000<500.0000)"_s);
        QCOMPARE(m_cache->scalar(u"SELECT tier_id FROM members WHERE id = 7"_s).toLongLong(), 2);
        QCOMPARE(
            m_cache->scalar(u"SELECT count(*) FROM tier_moves WHERE direction = 'down' AND outbox_id > 0"_s)
                .toLongLong(),
            1);
        QCOMPARE(m_cache->scalar(u"SELECT count(*) FROM outbox WHERE entity = 'members' AND entity_id = 7"_s)
                     .toLongLong(),
                 2);
        QCOMPARE(m_cache->scalar(u"SELECT value FROM sync_state WHERE key = ?"_s, {tierstore::EvaluatedAtKey})
                     .toLongLong(),
                 core::businessDayStart(kToday + 30));
    }

    // Downgrades wait for a boundary: the same fall inside one day is not applied.
    void noDowngradeWithinTheDay()
    {
        setUpLadder(true);
        ingest({member(8, 0, 3)}, {});
        QCOMPARE(evaluate(kNoon).moves.size(), 0); // first: upgrades only
        QCOMPARE(evaluate(kNoon + 3600).moves.size(), 0);
        auto next = evaluate(core::businessDayStart(kToday + 1));
        QCOMPARE(next.moves.size(), 1);
        QCOMPARE(next.moves.first().toTier, 1);
    }

    void policiesAndLadder()
    {
        setUpLadder(true);
        storage::ReadSession read(*m_cache->db_);
        auto rules = tierstore::rules(read);
        QVERIFY(rules.ok());
        QCOMPARE(rules->size(), 3);
        QCOMPARE(rules->at(2).downgrade, core::DowngradePolicy::SlidingWindow);
        QCOMPARE(rules->at(1).downgrade, core::DowngradePolicy::None);
        QCOMPARE(tierstore::ladder(read)->version, 1);
        core::Actor op = m_cache->admin_;
        op.role = core::Role::Operator;
        auto refused = m_cache->run<bool>([op](WriteContext& ctx) -> core::Result<bool> {
            auto r = tierstore::setPolicy(ctx, op, 2, core::DowngradePolicy::SlidingWindow);
            if (!r)
                return r.error();
            return true;
        });
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, core::ErrorCode::PermissionDenied);
        QCOMPARE(
            m_cache->scalar(u"SELECT count(*) FROM audit_log WHERE action = 'tier_policy'"_s).toLongLong(),
            1);
    }

    // A new ladder version (or policy) makes the next evaluation a full one, without dirty members.
    void ladderChangeEvaluatesEveryone()
    {
        core::TierLadder strict = ladder();
        strict.tiers[1].upgrade = R"({"cumulative_spend":"200.0000"})";
        auto set = m_cache->run<bool>(
            [strict](WriteContext& ctx) { return storage::platformcache::replaceTiers(ctx, strict); });
        QVERIFY(set.ok());
        ingest({member(10, 0)}, {order(1, 10, u"delivered"_s, kNoon - 60, 150)});
        QCOMPARE(evaluate(kNoon).moves.size(), 0);
        QCOMPARE(evaluate(kNoon + 10).evaluated, 0);
        core::TierLadder relaxed = ladder();
        relaxed.version = 2;
        set = m_cache->run<bool>(
            [relaxed](WriteContext& ctx) { return storage::platformcache::replaceTiers(ctx, relaxed); });
        QVERIFY(set.ok() && set.value());
        auto after = evaluate(kNoon + 20);
        QVERIFY(after.full);
        QVERIFY(!after.downgrades);
        QCOMPARE(after.moves.size(), 1);
        QCOMPARE(after.moves.first().toTier, 2);
        QCOMPARE(evaluate(kNoon + 30).evaluated, 0);
        auto policy = m_cache->run<bool>([this](WriteContext& ctx) -> core::Result<bool> {
            auto r = tierstore::setPolicy(ctx, m_cache->admin_, 2, core::DowngradePolicy::None);
            if (!r)
                return r.error();
            return true;
        });
        QVERIFY(policy.ok());
        QVERIFY(evaluate(kNoon + 40).full);
    }

    // The first full evaluation on the reference data set of performance.md (1M orders): run with
    // CARDOPS_REFERENCE_DB=<build>/bench-data/reference.db; the file is copied, never written.
    void referenceDataSet()
    {
        const QString source = qEnvironmentVariable("CARDOPS_REFERENCE_DB");
        if (source.isEmpty())
            QSKIP("CARDOPS_REFERENCE_DB not set");
        QTemporaryDir dir;
        const QString path = dir.filePath(u"reference.db"_s);
        for (const QString& suffix : {QString(), u"-wal"_s})
            if (QFile::exists(source + suffix))
                QVERIFY(QFile::copy(source + suffix, path + suffix));
        core::ManualClock clock{kNoon * 1000};
        auto db = storage::Database::open(path, clock);
        QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().detail));
        qint64 at = 0;
        {
            storage::ReadSession read(*db.value());
            at = read.select(u"SELECT MAX(created_at) FROM orders"_s).value().first().value(0).toLongLong();
            QElapsedTimer figures;
            figures.start();
            const qint64 members = tierstore::figures(read, at).value().size();
            qInfo("figures of %lld members: %lld ms", members, figures.elapsed());
        }
        QElapsedTimer timer;
        timer.start();
        auto r = db.value()
                     ->writer()
                     .submit<tierstore::EvaluationResult>(u"bench"_s,
                                                          [at](WriteContext& ctx) {
                                                              QElapsedTimer inJob;
                                                              inJob.start();
                                                              auto e = tierstore::evaluate(ctx, at);
                                                              qInfo("inside the writer job: %lld ms",
                                                                    inJob.elapsed());
                                                              return e;
                                                          })
                     .result();
        QVERIFY(r.ok());
        qInfo("first full evaluation: %lld members, %lld moves, %lld ms", r->evaluated,
              qint64(r->moves.size()), timer.elapsed());
        QVERIFY(r->full);
    }

    // An empty ladder evaluates nothing and keeps the dirty members for later.
    void emptyLadderKeepsDirty()
    {
        ingest({member(9, 0)}, {order(1, 9, u"delivered"_s, kNoon, 500)});
        auto r = evaluate(kNoon);
        QCOMPARE(r.evaluated, 0);
        QCOMPARE(m_cache->scalar(u"SELECT count(*) FROM member_dirty"_s).toLongLong(), 1);
    }
};

QTEST_GUILESS_MAIN(TstTierStore)
#include "tst_tierstore.moc"
