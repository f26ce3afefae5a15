#include "storage/dashboardqueries.h"

#include "storage/readsession.h"

#include <QDate>
#include <QHash>
#include <algorithm>
#include <functional>
#include <optional>
#include <sqlite3.h>
#include <vector>

using namespace Qt::StringLiterals;

namespace cardops::storage {

namespace {

// An agent walk stops after this many levels (agent trees are at most 5 deep; a cycle already in
// the data must not make a walk loop).
constexpr int kMaxDepth = 16;
constexpr int kBusyTimeoutMs = 5000;

QDate dateOf(qint64 day)
{
    return QDate(1970, 1, 1).addDays(day);
}

qint64 dayOf(const QDate& date)
{
    return QDate(1970, 1, 1).daysTo(date);
}

// A read-only connection of the SQLite C API on the cache file, every read in one transaction (one
// snapshot). The rollups are read row by row and summed here: a hash over ~200,000 member-day rows
// is several times faster than SQLite's GROUP BY sorter (measured on the reference data set), and
// no QVariant is made per cell.
class Raw
{
public:
    explicit Raw(const QString& path)
    {
        const int rc = sqlite3_open_v2(path.toUtf8().constData(), &m_db, SQLITE_OPEN_READONLY, nullptr);
        if (rc != SQLITE_OK) {
            m_error = failure(rc, u"open"_s);
            return;
        }
        sqlite3_busy_timeout(m_db, kBusyTimeoutMs);
    }
    ~Raw()
    {
        if (m_db)
            sqlite3_close(m_db);
    }
    Raw(const Raw&) = delete;
    Raw& operator=(const Raw&) = delete;

    const std::optional<core::Error>& openError() const { return m_error; }

    // Runs `sql` with integer binds and calls `row` for each result row.
    core::Result<void> each(const char* sql, std::initializer_list<qint64> binds,
                            const std::function<void(sqlite3_stmt*)>& row = {})
    {
        sqlite3_stmt* st = nullptr;
        if (const int rc = sqlite3_prepare_v2(m_db, sql, -1, &st, nullptr); rc != SQLITE_OK)
            return failure(rc, QString::fromUtf8(sql).left(60));
        int i = 0;
        for (qint64 b : binds)
            sqlite3_bind_int64(st, ++i, b);
        int rc = SQLITE_OK;
        while ((rc = sqlite3_step(st)) == SQLITE_ROW)
            if (row)
                row(st);
        sqlite3_finalize(st);
        if (rc != SQLITE_DONE)
            return failure(rc, QString::fromUtf8(sql).left(60));
        return {};
    }

private:
    core::Error failure(int rc, const QString& context) const
    {
        const int primary = rc & 0xff;
        const core::ErrorCode code = primary == SQLITE_BUSY || primary == SQLITE_LOCKED
                                         ? core::ErrorCode::Busy
                                         : core::ErrorCode::Storage;
        const QString text =
            m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QString::fromUtf8(sqlite3_errstr(rc));
        return core::makeError(code, u"dashboard: "_s + context + u": "_s + text);
    }

    sqlite3* m_db = nullptr;
    std::optional<core::Error> m_error;
};

qint64 int64(sqlite3_stmt* st, int column)
{
    return sqlite3_column_int64(st, column);
}

QString text(sqlite3_stmt* st, int column)
{
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(st, column));
    return p ? QString::fromUtf8(p, sqlite3_column_bytes(st, column)) : QString();
}

// The ten measures in rollup column order.
#define CARDOPS_MEASURES                                                                                     \
    "orders, quantity, gmv, fee_base, cost, refunds, refunded_orders, delivered, delivered_auto, "           \
    "deliver_seconds"

void addMeasures(DashboardTotals& t, sqlite3_stmt* st, int first)
{
    t.orders += int64(st, first);
    t.quantity += int64(st, first + 1);
    t.gmv += int64(st, first + 2);
    t.feeBase += int64(st, first + 3);
    t.cost += int64(st, first + 4);
    t.refunds += int64(st, first + 5);
    t.refundedOrders += int64(st, first + 6);
    t.delivered += int64(st, first + 7);
    t.deliveredAuto += int64(st, first + 8);
    t.deliverSeconds += int64(st, first + 9);
}

struct MemberSum
{
    qint64 orders = 0;
    qint64 gmv = 0;
};

// Per-member sums: a flat array up to the highest cached member id (ids are dense), a hash beyond.
class MemberSums
{
public:
    explicit MemberSums(qint64 maxId)
        : m_dense(std::size_t(std::clamp<qint64>(maxId + 1, 0, kMaxDense)))
    {}
    MemberSum& operator[](qint64 id)
    {
        return id >= 0 && std::size_t(id) < m_dense.size() ? m_dense[std::size_t(id)] : m_sparse[id];
    }
    // Calls f(id, sums) for every member with a paid order.
    template<typename F> void forEach(F f) const
    {
        for (std::size_t i = 0; i < m_dense.size(); ++i)
            if (m_dense[i].orders > 0)
                f(qint64(i), m_dense[i]);
        for (auto it = m_sparse.cbegin(); it != m_sparse.cend(); ++it)
            if (it->orders > 0)
                f(it.key(), it.value());
    }

private:
    static constexpr qint64 kMaxDense = 16'000'000;
    std::vector<MemberSum> m_dense;
    QHash<qint64, MemberSum> m_sparse;
};

// Both periods from rollup_hours (day × hour × kind: a few thousand rows): totals, series, heat
// map and member kinds.
core::Result<void> readHours(Raw& raw, DashboardData& d)
{
    const DashboardRequest& q = d.request;
    QHash<QString, DashboardKind> kinds;
    QHash<qint64, DashboardTotals> byDay;
    auto r = raw.each(
        "SELECT day, hour, member_kind, " CARDOPS_MEASURES " FROM rollup_hours WHERE day BETWEEN ? AND ?",
        {d.previousFromDay, q.toDay}, [&](sqlite3_stmt* st) {
            const qint64 day = int64(st, 0);
            if (day < q.fromDay) {
                addMeasures(d.previous, st, 3);
                return;
            }
            addMeasures(d.current, st, 3);
            addMeasures(byDay[day], st, 3);
            const qint64 hour = int64(st, 1);
            if (hour >= 0 && hour < 24)
                d.heat[std::size_t(dashboardqueries::weekday(day))][std::size_t(hour)] += int64(st, 3);
            const QString kind = text(st, 2);
            DashboardKind& k = kinds[kind];
            k.kind = kind;
            k.orders += int64(st, 3);
            k.gmv += int64(st, 5);
        });
    if (!r)
        return r.error();
    for (DashboardBucket& b : d.series) {
        DashboardTotals sum;
        for (qint64 day = b.fromDay; day <= b.toDay; ++day) {
            const auto it = byDay.constFind(day);
            if (it == byDay.constEnd())
                continue;
            sum.orders += it->orders;
            sum.gmv += it->gmv;
            sum.cost += it->cost;
            sum.feeBase += it->feeBase;
        }
        b.orders = sum.orders;
        b.gmv = sum.gmv;
        b.profit = sum.profit(q.feeBasisPoints);
    }
    for (const DashboardKind& k : std::as_const(kinds))
        if (k.orders != 0)
            d.kinds << k;
    std::sort(d.kinds.begin(), d.kinds.end(), [](const DashboardKind& a, const DashboardKind& b) {
        return a.gmv != b.gmv ? a.gmv > b.gmv : a.kind < b.kind;
    });
    return {};
}

// Each member's paid orders and GMV in [fromDay, toDay] from rollup_member_day (members whose
// orders sum to 0 — all cancelled since — are left out).
core::Result<MemberSums> memberSums(Raw& raw, qint64 maxMemberId, qint64 fromDay, qint64 toDay)
{
    MemberSums sums(maxMemberId);
    auto r = raw.each("SELECT member_id, orders, gmv FROM rollup_member_day WHERE day BETWEEN ? AND ?",
                      {fromDay, toDay}, [&](sqlite3_stmt* st) {
                          MemberSum& m = sums[int64(st, 0)];
                          m.orders += int64(st, 1);
                          m.gmv += int64(st, 2);
                      });
    if (!r)
        return r.error();
    return sums;
}

void countBuyers(const MemberSums& sums, DashboardTotals& t)
{
    t.buyers = 0;
    t.repeatBuyers = 0;
    sums.forEach([&t](qint64, const MemberSum& m) {
        t.buyers += 1;
        t.repeatBuyers += m.orders >= 2 ? 1 : 0;
    });
}

core::Result<qint64> maxMemberId(Raw& raw)
{
    qint64 max = 0;
    if (auto r = raw.each("SELECT COALESCE(MAX(id), 0) FROM members", {},
                          [&](sqlite3_stmt* st) { max = int64(st, 0); });
        !r)
        return r.error();
    return max;
}

bool byGmv(const DashboardRank& a, const DashboardRank& b)
{
    return a.gmv != b.gmv ? a.gmv > b.gmv : a.id < b.id;
}

// Top goods and categories from rollup_goods_day, names from goods and categories.
core::Result<void> readGoods(Raw& raw, DashboardData& d)
{
    const DashboardRequest& q = d.request;
    struct GoodsSum
    {
        qint64 orders = 0, quantity = 0, gmv = 0, feeBase = 0, cost = 0, refunds = 0;
    };
    QHash<qint64, GoodsSum> sums;
    auto r = raw.each("SELECT goods_id, orders, quantity, gmv, fee_base, cost, refunds FROM rollup_goods_day "
                      "WHERE day BETWEEN ? AND ?",
                      {q.fromDay, q.toDay}, [&](sqlite3_stmt* st) {
                          GoodsSum& g = sums[int64(st, 0)];
                          g.orders += int64(st, 1);
                          g.quantity += int64(st, 2);
                          g.gmv += int64(st, 3);
                          g.feeBase += int64(st, 4);
                          g.cost += int64(st, 5);
                          g.refunds += int64(st, 6);
                      });
    if (!r)
        return r.error();
    // Each goods' category from the goods_category covering index (the goods rows themselves are
    // large: listing texts); names only for the top goods below.
    QHash<qint64, qint64> categoryOf;
    QHash<qint64, QString> categoryNames;
    if (auto g = raw.each("SELECT id, category_id FROM goods INDEXED BY goods_category", {},
                          [&](sqlite3_stmt* st) { categoryOf.insert(int64(st, 0), int64(st, 1)); });
        !g)
        return g.error();
    if (auto c = raw.each("SELECT id, name FROM categories", {},
                          [&](sqlite3_stmt* st) { categoryNames.insert(int64(st, 0), text(st, 1)); });
        !c)
        return c.error();

    QList<DashboardRank> goods;
    QHash<qint64, DashboardRank> categories;
    QHash<qint64, qint64> categoryFeeBase;
    goods.reserve(sums.size());
    for (auto it = sums.cbegin(); it != sums.cend(); ++it) {
        const GoodsSum& s = it.value();
        if (s.orders <= 0)
            continue;
        DashboardTotals t;
        t.gmv = s.gmv;
        t.feeBase = s.feeBase;
        t.cost = s.cost;
        t.refunds = s.refunds;
        const qint64 category = categoryOf.value(it.key(), 0);
        goods << DashboardRank{it.key(), u"#"_s + QString::number(it.key()), s.orders, s.quantity,
                               s.gmv,    t.profit(q.feeBasisPoints)};
        DashboardRank& c = categories[category];
        c.id = category;
        c.orders += s.orders;
        c.quantity += s.quantity;
        c.gmv += s.gmv;
        c.profit += s.gmv - s.refunds - s.cost; // the fee is estimated once per category below
        categoryFeeBase[category] += s.feeBase;
    }
    std::sort(goods.begin(), goods.end(), byGmv);
    d.topGoods = goods.mid(0, q.topN);
    for (DashboardRank& g : d.topGoods)
        if (auto named = raw.each("SELECT name FROM goods WHERE id = ?", {g.id},
                                  [&g](sqlite3_stmt* st) { g.name = text(st, 0); });
            !named)
            return named.error();

    QList<DashboardRank> cats;
    for (DashboardRank c : std::as_const(categories)) {
        DashboardTotals fee;
        fee.feeBase = categoryFeeBase.value(c.id);
        c.profit -= fee.fee(q.feeBasisPoints);
        c.name = categoryNames.value(c.id, u"#"_s + QString::number(c.id));
        cats << c;
    }
    std::sort(cats.begin(), cats.end(), byGmv);
    d.topCategories = cats.mid(0, q.topN);
    return {};
}

// The agents whose branches bought most: each buyer's period sums climb its parent chain (a walk
// stops at a member seen twice and after kMaxDepth levels).
core::Result<void> readAgents(Raw& raw, DashboardData& d, qint64 maxId, const MemberSums& buyers)
{
    const DashboardRequest& q = d.request;
    // Parents of cached members (ids up to maxId), from the members_parent covering index.
    std::vector<qint64> parentOf(std::size_t(std::clamp<qint64>(maxId + 1, 0, 16'000'000)), 0);
    if (auto r = raw.each("SELECT id, parent_id FROM members WHERE parent_id > 0", {},
                          [&](sqlite3_stmt* st) {
                              const qint64 id = int64(st, 0);
                              if (id >= 0 && std::size_t(id) < parentOf.size())
                                  parentOf[std::size_t(id)] = int64(st, 1);
                          });
        !r)
        return r.error();
    auto parent = [&parentOf](qint64 id) {
        return id >= 0 && std::size_t(id) < parentOf.size() ? parentOf[std::size_t(id)] : 0;
    };
    QHash<qint64, DashboardAgent> agents;
    buyers.forEach([&](qint64 buyer, const MemberSum& sum) {
        qint64 seen[kMaxDepth + 1] = {buyer};
        int depth = 0;
        qint64 at = buyer;
        while (depth < kMaxDepth) {
            const qint64 up = parent(at);
            if (up == 0 || std::find(seen, seen + depth + 1, up) != seen + depth + 1)
                break;
            DashboardAgent& a = agents[up];
            a.id = up;
            a.branchBuyers += 1;
            a.branchOrders += sum.orders;
            a.branchGmv += sum.gmv;
            seen[++depth] = up;
            at = up;
        }
    });
    QList<DashboardAgent> ranked = agents.values();
    std::sort(ranked.begin(), ranked.end(), [](const DashboardAgent& a, const DashboardAgent& b) {
        return a.branchGmv != b.branchGmv ? a.branchGmv > b.branchGmv : a.id < b.id;
    });
    ranked = ranked.mid(0, q.topN);
    const qint64 from = dashboardqueries::dayStart(q.fromDay);
    const qint64 to = dashboardqueries::dayStart(q.toDay + 1);
    for (DashboardAgent& a : ranked) {
        a.name = u"#"_s + QString::number(a.id);
        auto r = raw.each(
            "SELECT m.name, (SELECT COUNT(*) FROM members c WHERE c.parent_id = m.id AND c.id <> m.id), "
            "(SELECT COALESCE(SUM(l.amount), 0) FROM ledger l WHERE l.member_id = m.id "
            "AND l.kind = 'commission' AND l.created_at >= ? AND l.created_at < ?) "
            "FROM members m WHERE m.id = ?",
            {from, to, a.id}, [&](sqlite3_stmt* st) {
                a.name = text(st, 0);
                a.downlines = int64(st, 1);
                a.commission = int64(st, 2);
            });
        if (!r)
            return r.error();
    }
    d.agents = ranked;
    return {};
}

core::Result<void> readOthers(Raw& raw, DashboardData& d)
{
    const DashboardRequest& q = d.request;
    auto review = raw.each("SELECT COUNT(*), COALESCE(SUM(max(? - CASE WHEN paid_at > 0 THEN paid_at "
                           "ELSE created_at END, 0)), 0) FROM orders WHERE status = 'review'",
                           {q.now}, [&](sqlite3_stmt* st) {
                               d.reviewQueue = int64(st, 0);
                               d.reviewWaitSeconds = d.reviewQueue > 0 ? int64(st, 1) / d.reviewQueue : 0;
                           });
    if (!review)
        return review.error();
    auto supply = raw.each("SELECT COUNT(balance), COALESCE(SUM(balance), 0) FROM supplier_status", {},
                           [&](sqlite3_stmt* st) {
                               d.suppliersKnown = int(int64(st, 0));
                               d.supplierBalance = int64(st, 1);
                           });
    if (!supply)
        return supply.error();
    const qint64 mid = dashboardqueries::dayStart(q.fromDay);
    // Reviews decided, by the period the order was created in: from payment to CardOps's first action
    // on the order, or to its delivery when it was decided elsewhere (the platform's own console).
    auto decided = raw.each(
        "SELECT created_at >= ?, COUNT(*), COALESCE(SUM(max(ended - started, 0)), 0) FROM (SELECT o.created_at, "
        "CASE WHEN o.paid_at > 0 THEN o.paid_at ELSE o.created_at END AS started, "
        "COALESCE((SELECT MIN(a.created_at) FROM order_actions a WHERE a.order_id = o.id), "
        "NULLIF(o.delivered_at, 0)) AS ended FROM orders o INDEXED BY orders_reviewed "
        "WHERE o.review_reason <> '' AND o.created_at >= ? AND o.created_at < ? AND o.status <> 'review') "
        "WHERE ended IS NOT NULL GROUP BY 1",
        {mid, dashboardqueries::dayStart(d.previousFromDay), dashboardqueries::dayStart(q.toDay + 1)},
        [&](sqlite3_stmt* st) {
            const bool current = int64(st, 0) != 0;
            (current ? d.reviewsDecided : d.previousReviewsDecided) = int64(st, 1);
            (current ? d.reviewDecidedSeconds : d.previousReviewDecidedSeconds) = int64(st, 2);
        });
    if (!decided)
        return decided.error();
    return raw.each(
        "SELECT at >= ?, direction = 'up', COUNT(*) FROM tier_moves WHERE at >= ? AND at < ? GROUP BY 1, 2",
        {mid, dashboardqueries::dayStart(d.previousFromDay), dashboardqueries::dayStart(q.toDay + 1)},
        [&](sqlite3_stmt* st) {
            const bool current = int64(st, 0) != 0;
            const bool up = int64(st, 1) != 0;
            qint64& slot =
                current ? (up ? d.tierUps : d.tierDowns) : (up ? d.previousTierUps : d.previousTierDowns);
            slot += int64(st, 2);
        });
}

// The cache file behind a session (the raw connection opens the same file).
core::Result<QString> fileOf(const ReadSession& read)
{
    auto rows = read.select(u"SELECT file FROM pragma_database_list WHERE name = 'main'"_s);
    if (!rows)
        return rows.error();
    const QString file = rows->isEmpty() ? QString() : rows->first().value(0).toString();
    if (file.isEmpty())
        return core::makeError(core::ErrorCode::Storage, u"dashboard: the cache has no file"_s);
    return file;
}

} // namespace

qint64 DashboardTotals::fee(int feeBasisPoints) const
{
    const qint64 scaled = feeBase * feeBasisPoints;
    return scaled >= 0 ? (scaled + 5000) / 10000 : -((-scaled + 5000) / 10000);
}

QList<DashboardBucket> dashboardqueries::buckets(qint64 fromDay, qint64 toDay, DashboardGrain grain)
{
    QList<DashboardBucket> out;
    qint64 day = fromDay;
    while (day <= toDay) {
        const QDate date = dateOf(day);
        DashboardBucket b;
        b.fromDay = day;
        switch (grain) {
        case DashboardGrain::Day:
            b.toDay = day;
            b.label = date.toString(u"MM-dd"_s);
            break;
        case DashboardGrain::Week: {
            b.toDay = day - weekday(day) + 6;
            int year = 0;
            const int week = date.weekNumber(&year);
            b.label = u"%1-W%2"_s.arg(year).arg(week, 2, 10, QLatin1Char('0'));
            break;
        }
        case DashboardGrain::Month:
            b.toDay = dayOf(QDate(date.year(), date.month(), 1).addMonths(1)) - 1;
            b.label = date.toString(u"yyyy-MM"_s);
            break;
        }
        b.toDay = std::min(b.toDay, toDay);
        out << b;
        day = b.toDay + 1;
    }
    return out;
}

core::Result<DashboardTotals> dashboardqueries::totals(const ReadSession& read, qint64 fromDay, qint64 toDay)
{
    auto file = fileOf(read);
    if (!file)
        return file.error();
    Raw raw(file.value());
    if (raw.openError())
        return *raw.openError();
    DashboardTotals t;
    if (auto r = raw.each("SELECT " CARDOPS_MEASURES " FROM rollup_hours WHERE day BETWEEN ? AND ?",
                          {fromDay, toDay}, [&](sqlite3_stmt* st) { addMeasures(t, st, 0); });
        !r)
        return r.error();
    auto maxId = maxMemberId(raw);
    if (!maxId)
        return maxId.error();
    auto sums = memberSums(raw, maxId.value(), fromDay, toDay);
    if (!sums)
        return sums.error();
    countBuyers(sums.value(), t);
    return t;
}

core::Result<DashboardData> dashboardqueries::load(const ReadSession& read, const DashboardRequest& request)
{
    DashboardData d;
    d.request = request;
    d.request.toDay = std::max(request.toDay, request.fromDay);
    const qint64 length = d.request.toDay - d.request.fromDay + 1;
    d.previousToDay = d.request.fromDay - 1;
    d.previousFromDay = d.request.fromDay - length;
    d.series = buckets(d.request.fromDay, d.request.toDay, d.request.grain);
    auto file = fileOf(read);
    if (!file)
        return file.error();
    Raw raw(file.value());
    if (raw.openError())
        return *raw.openError();
    // One snapshot for every read below.
    if (auto r = raw.each("BEGIN", {}); !r)
        return r.error();
    if (auto r = readHours(raw, d); !r)
        return r.error();
    auto maxId = maxMemberId(raw);
    if (!maxId)
        return maxId.error();
    auto current = memberSums(raw, maxId.value(), d.request.fromDay, d.request.toDay);
    if (!current)
        return current.error();
    countBuyers(current.value(), d.current);
    auto previous = memberSums(raw, maxId.value(), d.previousFromDay, d.previousToDay);
    if (!previous)
        return previous.error();
    countBuyers(previous.value(), d.previous);
    if (auto r = readGoods(raw, d); !r)
        return r.error();
    if (auto r = readAgents(raw, d, maxId.value(), current.value()); !r)
        return r.error();
    if (auto r = readOthers(raw, d); !r)
        return r.error();
    if (auto r = raw.each("COMMIT", {}); !r)
        return r.error();
    return d;
}

core::Result<qint64> dashboardqueries::latestDay(const ReadSession& read)
{
    auto rows = read.select(u"SELECT MAX(day) FROM rollup_hours"_s);
    if (!rows)
        return rows.error();
    if (rows->isEmpty() || rows->first().value(0).isNull())
        return qint64(-1);
    return rows->first().value(0).toLongLong();
}

} // namespace cardops::storage
