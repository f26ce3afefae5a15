// The simulator's data library: determinism, invariants, feed semantics, the platform's own rules.
#include "core/clock.h"
#include "sim/data/generator.h"
#include "sim/data/jsonout.h"
#include "sim/data/liveorders.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace cardops;
using sim::GeneratorParams;
using sim::PlatformState;

namespace {

constexpr qint64 kEnd = 1764300000; // 2025-11-28 11:20 Shanghai

GeneratorParams small(quint64 seed = 42)
{
    GeneratorParams p;
    p.seed = seed;
    p.days = 30;
    p.orders = 6000;
    p.members = 800;
    p.goods = 300;
    p.endTime = kEnd;
    return p;
}

QByteArray allFeeds(const PlatformState& s, int limit)
{
    QByteArray out;
    for (core::Feed f : core::kAllFeeds) {
        qint64 cursor = 0;
        for (;;) {
            const sim::FeedPage page = s.feedPage(f, cursor, limit);
            out += page.data;
            cursor = page.nextCursor;
            if (!page.hasMore)
                break;
        }
    }
    return out + s.tiersJson();
}

QJsonArray items(const QByteArray& data)
{
    return QJsonDocument::fromJson(data).object().value(u"items").toArray();
}

QJsonObject pageObject(const QByteArray& data)
{
    return QJsonDocument::fromJson(data).object();
}

} // namespace

class TestSimData : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sameSeedSameBytes()
    {
        core::ManualClock clock(kEnd * 1000);
        const auto a = sim::generatePlatform(small(), clock);
        const auto b = sim::generatePlatform(small(), clock);
        const QByteArray bytesA = allFeeds(*a, 333);
        QVERIFY(bytesA.size() > 1'000'000);
        QCOMPARE(allFeeds(*b, 333), bytesA);
        const auto c = sim::generatePlatform(small(43), clock);
        QVERIFY(allFeeds(*c, 333) != bytesA);
    }

    void feedJsonIsValidAndComplete()
    {
        core::ManualClock clock(kEnd * 1000);
        const auto s = sim::generatePlatform(small(), clock);
        qint64 cursor = 0;
        QSet<qint64> ids;
        for (;;) {
            const sim::FeedPage page = s->feedPage(core::Feed::Orders, cursor, 1000);
            QJsonParseError err{};
            const QJsonDocument doc = QJsonDocument::fromJson(page.data, &err);
            QCOMPARE(err.error, QJsonParseError::NoError);
            for (const QJsonValue& v : doc.object().value(u"items").toArray()) {
                const QJsonObject o = v.toObject();
                QCOMPARE(o.value(u"order_no").toString().size(), 20);
                QVERIFY(o.value(u"amount").toString().contains(QRegularExpression(u"^\\d+\\.\\d{4}$"_qs)));
                ids.insert(o.value(u"id").toInteger());
            }
            QCOMPARE(doc.object().value(u"next_cursor").toString(), QString::number(page.nextCursor));
            cursor = page.nextCursor;
            if (!page.hasMore)
                break;
        }
        QCOMPARE(ids.size(), s->orders().size());
    }

    void moneyTextEqualsMoneyToString()
    {
        for (qint64 units :
             {0LL, 1LL, 99LL, 10000LL, 123456LL, -1LL, -10000LL, -987654321LL, 9'000'000'000'000LL}) {
            QByteArray out;
            sim::json::appendMoney(out, core::Money::fromUnits(units));
            QCOMPARE(out, '"' + core::Money::fromUnits(units).toString(4).toUtf8() + '"');
        }
        QCOMPARE(sim::json::percentText(core::Rate::fromPpm(15000)), QByteArray("1.5%"));
        QCOMPARE(sim::json::percentText(core::Rate::fromPpm(1000000)), QByteArray("100%"));
        QCOMPARE(core::Rate::parse(u"1.5%").value().ppm(), 15000);
        qint64 day = 0;
        QVERIFY(sim::json::parseDay("2025-11-28", &day));
        QCOMPARE(sim::json::dayText(day), QByteArray("2025-11-28"));
        QCOMPARE(day, core::businessDay(kEnd));
        QVERIFY(!sim::json::parseDay("2025-02-30", &day));
    }

    void agentTreesAreAcyclicAndShallow()
    {
        core::ManualClock clock(kEnd * 1000);
        const auto s = sim::generatePlatform(small(), clock);
        int agents = 0;
        int enterprises = 0;
        int deepest = 0;
        for (const sim::Member& m : s->members()) {
            agents += m.kind == sim::MemberKind::Agent;
            enterprises += m.kind == sim::MemberKind::Enterprise;
            const int depth = s->depthOf(m.id);
            QVERIFY2(depth >= 1 && depth <= 5, qPrintable(QString::number(m.id)));
            deepest = qMax(deepest, depth);
        }
        QVERIFY(deepest >= 4);
        QVERIFY(agents > s->members().size() / 20 && agents < s->members().size() / 5);
        QVERIFY(enterprises > 0);
    }

    void ordersFollowTheRoundingRules()
    {
        core::ManualClock clock(kEnd * 1000);
        const auto s = sim::generatePlatform(small(), clock);
        QHash<int, int> statuses;
        for (const sim::Order& o : s->orders()) {
            QCOMPARE(o.amount, core::rounding::lineTotal(o.unitPrice, o.quantity));
            const sim::Member& m = s->members()[o.memberId - 1];
            const sim::Goods& g = s->goods()[o.goodsId - 1];
            QCOMPARE(o.unitPrice, s->memberPrice(g, m));
            if (o.reviewReason != sim::ReviewReason::AmountMismatch)
                QCOMPARE(o.paidAmount, o.amount);
            QVERIFY(o.refundAmount <= o.paidAmount);
            QVERIFY(o.createdAt < kEnd && o.updatedAt <= kEnd && o.createdAt >= m.registeredAt);
            ++statuses[static_cast<int>(o.status)];
        }
        QVERIFY(statuses[static_cast<int>(sim::OrderStatus::Delivered)] > s->orders().size() * 8 / 10);
        QVERIFY(statuses[static_cast<int>(sim::OrderStatus::Refunded)] > 0);
        QVERIFY(statuses[static_cast<int>(sim::OrderStatus::Cancelled)] > 0);
        for (const sim::Goods& g : s->goods()) {
            QVERIFY(g.price < g.faceValue && g.cost < g.price && g.stockAvailable >= 0);
        }
        // Every commission entry equals the tier rate of its ancestor applied to the paid amount.
        for (const sim::LedgerEntry& e : s->ledger()) {
            if (e.kind != sim::LedgerKind::Commission || e.amount.isNegative())
                continue;
            const sim::Order& o = s->orders()[e.orderIndex];
            qint64 a = s->members()[o.memberId - 1].parentId;
            bool found = false;
            for (int k = 0; a > 0 && !found; ++k, a = s->members()[a - 1].parentId) {
                const sim::Tier& t = s->tiers()[s->members()[a - 1].tierId - 1];
                found = a == e.memberId && k < t.commissionRates.size() &&
                        e.amount == core::rounding::commission(o.paidAmount, t.commissionRates[k]);
            }
            QVERIFY(found);
        }
    }

    void balancesEqualTheLedger()
    {
        core::ManualClock clock(kEnd * 1000);
        const auto s = sim::generatePlatform(small(), clock);
        QList<core::Money> sum(s->members().size());
        for (const sim::LedgerEntry& e : s->ledger())
            sum[e.memberId - 1] += e.amount;
        for (const sim::Member& m : s->members())
            QCOMPARE(m.balance, sum[m.id - 1]);
    }

    void dailyReportEqualsSumOverOrders()
    {
        core::ManualClock clock(kEnd * 1000);
        const auto s = sim::generatePlatform(small(), clock);
        const qint64 last = core::businessDay(kEnd);
        const QJsonArray days = items(s->dailyReportJson(last - 29, last));
        QCOMPARE(days.size(), 30);
        qint64 totalOrders = 0;
        for (const QJsonValue& v : days) {
            const QJsonObject d = v.toObject();
            qint64 day = 0;
            QVERIFY(sim::json::parseDay(d.value(u"day").toString().toUtf8(), &day));
            qint64 n = 0;
            core::Money gmv;
            core::Money refunds;
            for (const sim::Order& o : s->orders()) {
                if (core::businessDay(o.createdAt) != day || o.status == sim::OrderStatus::Unpaid ||
                    o.status == sim::OrderStatus::Cancelled)
                    continue;
                ++n;
                gmv += o.paidAmount;
                refunds += o.refundAmount;
            }
            QCOMPARE(d.value(u"orders").toInteger(), n);
            QCOMPARE(d.value(u"gmv").toString(), gmv.toString(4));
            QCOMPARE(d.value(u"refunds").toString(), refunds.toString(4));
            totalOrders += n;
        }
        QVERIFY(totalOrders > 5000);
    }

    void seasonalityShowsInTheHours()
    {
        core::ManualClock clock(kEnd * 1000);
        const auto s = sim::generatePlatform(small(), clock);
        int night = 0;
        int evening = 0;
        for (const sim::Order& o : s->orders()) {
            const int hour = sim::json::shanghaiTime(o.createdAt).hour;
            night += hour >= 3 && hour < 5;
            evening += hour >= 20 && hour < 22;
        }
        QVERIFY2(evening > 5 * night, qPrintable(u"%1 vs %2"_qs.arg(evening).arg(night)));
    }

    void changedTwiceAppearsOnceAtItsLatestPosition()
    {
        core::ManualClock clock(kEnd * 1000);
        auto s = sim::generatePlatform(small(), clock);
        const qint64 head = s->feedHead(core::Feed::Goods);
        s->goodsAt(4).sort = 7;
        s->commitChange(core::Feed::Goods, 4);
        s->goodsAt(9).sort = 8;
        s->commitChange(core::Feed::Goods, 9);
        s->goodsAt(4).sort = 9;
        s->commitChange(core::Feed::Goods, 4);
        const QJsonArray changed = items(s->feedPage(core::Feed::Goods, head, 1000).data);
        QCOMPARE(changed.size(), 2);
        QCOMPARE(changed[0].toObject().value(u"id").toInteger(), 10);
        QCOMPARE(changed[1].toObject().value(u"id").toInteger(), 5);
        QCOMPARE(changed[1].toObject().value(u"sort").toInteger(), 9);
        // The whole feed still has every goods exactly once.
        QSet<qint64> seen;
        for (const QJsonValue& v : items(s->feedPage(core::Feed::Goods, 0, 1000).data)) {
            const qint64 id = v.toObject().value(u"id").toInteger();
            QVERIFY(!seen.contains(id));
            seen.insert(id);
        }
        QCOMPARE(seen.size(), s->goods().size());
    }

    void descendingPagesCoverTheFeedNewestFirst()
    {
        core::ManualClock clock(kEnd * 1000);
        const auto s = sim::generatePlatform(small(), clock);
        QList<qint64> asc;
        for (qint64 c = 0;;) {
            const sim::FeedPage p = s->feedPage(core::Feed::Orders, c, 700);
            for (const QJsonValue& v : items(p.data))
                asc.append(v.toObject().value(u"id").toInteger());
            c = p.nextCursor;
            if (!p.hasMore)
                break;
        }
        QList<qint64> desc;
        qint64 before = 0;
        for (;;) {
            const sim::FeedPage p = s->feedPageDesc(core::Feed::Orders, before, 700);
            for (const QJsonValue& v : items(p.data))
                desc.append(v.toObject().value(u"id").toInteger());
            QCOMPARE(pageObject(p.data).value(u"has_more").toBool(), p.hasMore);
            before = p.nextCursor;
            if (!p.hasMore)
                break;
        }
        std::reverse(desc.begin(), desc.end());
        QCOMPARE(desc, asc);
        QCOMPARE(asc.size(), s->orders().size());
    }

    void lateCommitIsSeenAfterTheCursor()
    {
        core::ManualClock clock(kEnd * 1000);
        auto s = sim::generatePlatform(small(), clock);
        sim::WebEditor editor(*s, 5);
        clock.advanceSeconds(600);
        editor.editRandom(3);
        qint64 cursor = 0;
        qint64 newest = 0;
        for (core::Feed f : {core::Feed::Goods, core::Feed::Orders}) {
            for (qint64 c = 0;;) {
                const sim::FeedPage p = s->feedPage(f, c, 1000);
                for (const QJsonValue& v : items(p.data))
                    newest = qMax(newest, v.toObject().value(u"updated_at").toInteger());
                c = p.nextCursor;
                if (!p.hasMore)
                    break;
            }
        }
        cursor = qMax(s->feedHead(core::Feed::Goods), s->feedHead(core::Feed::Orders));
        for (int i = 0; i < 2; ++i) {
            const sim::WebEditor::LateChange late = editor.lateCommit(120);
            QVERIFY(late.updatedAt < newest);
            const QJsonArray after = items(s->feedPage(late.feed, cursor, 1000).data);
            QCOMPARE(after.size(), 1);
            QCOMPARE(after[0].toObject().value(u"updated_at").toInteger(), late.updatedAt);
        }
    }

    void liveOrdersFollowTheClock()
    {
        core::ManualClock clock(kEnd * 1000);
        auto s = sim::generatePlatform(small(), clock);
        sim::LiveOrderGenerator live(*s, 9);
        live.setOrdersPerMinute(120);
        live.setAbnormalShare(0.5);
        const qsizetype before = s->orders().size();
        QCOMPARE(live.tick(), 0); // starts the schedule
        QCOMPARE(s->orders().size(), before);
        clock.advanceSeconds(600);
        const int made = live.tick();
        QVERIFY2(made > 300 && made < 3000, qPrintable(QString::number(made)));
        int review = 0;
        QSet<int> reasons;
        for (qsizetype i = before; i < s->orders().size(); ++i) {
            const sim::Order& o = s->orders()[i];
            QVERIFY(o.createdAt >= kEnd && o.createdAt <= kEnd + 600);
            if (o.status == sim::OrderStatus::Review) {
                ++review;
                reasons.insert(static_cast<int>(o.reviewReason));
            }
            if (s->goods()[o.goodsId - 1].ownerCardops && o.status != sim::OrderStatus::Review &&
                o.status != sim::OrderStatus::Unpaid)
                QCOMPARE(o.status, sim::OrderStatus::HandedOver);
        }
        QVERIFY(review > made / 4);
        QCOMPARE(reasons.size(), 4);
        for (const sim::Goods& g : s->goods())
            QVERIFY(g.stockAvailable >= 0);
        QCOMPARE(live.tick(), 0); // time stood still
    }

    void editorBumpsVersions()
    {
        core::ManualClock clock(kEnd * 1000);
        auto s = sim::generatePlatform(small(), clock);
        qint64 versions = 0;
        for (const auto& g : s->goods())
            versions += g.version;
        for (const auto& m : s->members())
            versions += m.version;
        sim::WebEditor editor(*s, 1);
        QCOMPARE(editor.editRandom(25), 25);
        qint64 after = 0;
        for (const auto& g : s->goods())
            after += g.version;
        for (const auto& m : s->members())
            after += m.version;
        QCOMPARE(after, versions + 25);
    }

    void deliveryAllocatesAtomicallyAndRefundReverses()
    {
        core::ManualClock clock(kEnd * 1000);
        auto s = sim::generatePlatform(small(), clock);
        // A card goods owned by CardOps with 3 cards left, and 5 handed-over orders of 1 card.
        qint32 gi = 0;
        while (s->goods()[gi].direct)
            ++gi;
        s->goodsAt(gi).ownerCardops = true;
        s->goodsAt(gi).stockAvailable = 3;
        s->goodsAt(gi).on = true;
        QList<qint64> ids;
        for (int i = 0; i < 5; ++i) {
            sim::OrderDraft d;
            d.memberIndex = i;
            d.goodsIndex = gi;
            ids.append(PlatformState::orderId(s->placeOrder(d)));
            QCOMPARE(s->orders().last().status, sim::OrderStatus::HandedOver);
        }
        const QJsonObject fromStock{{u"from_stock"_qs, true}};
        QCOMPARE(s->deliverOrder(ids[0], fromStock, "worker-1").code, 40301); // no lease yet
        QCOMPARE(s->takeLease({{u"holder"_qs, u"worker-1"_qs}}).code, 0);
        QCOMPARE(s->takeLease({{u"holder"_qs, u"console-2"_qs}}).code, 40901);
        QCOMPARE(s->deliverOrder(ids[0], fromStock, "console-2").code, 40301);
        int delivered = 0;
        for (qint64 id : ids) {
            const sim::ApiResult r = s->deliverOrder(id, fromStock, "worker-1");
            delivered += r.isOk();
            if (!r.isOk())
                QCOMPARE(r.code, 40900);
        }
        QCOMPARE(delivered, 3);
        QCOMPARE(s->goods()[gi].stockAvailable, 0);
        clock.advanceSeconds(61); // the lease lapses
        QCOMPARE(s->takeLease({{u"holder"_qs, u"console-2"_qs}}).code, 0);
        const sim::ApiResult refund =
            s->refundOrder(ids[0], {{u"amount"_qs, u"0.0100"_qs}, {u"reason"_qs, u"test"_qs}}, "console-2");
        QCOMPARE(refund.code, 0);
        QCOMPARE(pageObject(refund.data).value(u"refund_amount").toString(), u"0.0100"_qs);
        QCOMPARE(
            s->refundOrder(ids[0], {{u"amount"_qs, u"99999.0000"_qs}, {u"reason"_qs, u"x"_qs}}, "console-2")
                .code,
            40000);
    }

    void patchesCheckVersionsAndCycles()
    {
        core::ManualClock clock(kEnd * 1000);
        auto s = sim::generatePlatform(small(), clock);
        const qint64 v = s->goods()[0].version;
        QCOMPARE(s->patchGoods(1, v - 1, {{u"price"_qs, u"0.5000"_qs}}).code, 40900);
        const sim::ApiResult ok =
            s->patchGoods(1, v, {{u"price"_qs, u"0.9700"_qs}, {u"status"_qs, u"off"_qs}});
        QCOMPARE(ok.code, 0);
        QCOMPARE(pageObject(ok.data).value(u"version").toInteger(), v + 1);
        QCOMPARE(s->patchGoods(1, v + 1, {{u"stock_available"_qs, 5}}).code, 40000);
        QCOMPARE(s->patchGoods(999999, 1, {}).httpStatus, 404);
        // Member 2 under member 1, then 1 under 2 is a cycle.
        QCOMPARE(s->patchMember(2, s->members()[1].version, {{u"parent_id"_qs, 1}}).code, 0);
        const sim::ApiResult cycle = s->patchMember(1, s->members()[0].version, {{u"parent_id"_qs, 2}});
        QCOMPARE(cycle.code, 40000);
        QCOMPARE(cycle.message, QByteArray("parent_id"));
        QCOMPARE(s->putTiers(s->tiersVersion() - 1, {}).code, 40900);
    }
};

QTEST_GUILESS_MAIN(TestSimData)
#include "tst_simdata.moc"
