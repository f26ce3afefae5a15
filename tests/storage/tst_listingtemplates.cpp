#include "cachefixture.h"
#include "storage/listingtemplates.h"
#include "storage/outbox.h"
#include "storage/platformcache.h"
#include "storage/writecontext.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>

using namespace cardops;
using namespace cachefixture;
using namespace Qt::StringLiterals;
using core::ErrorCode;
using storage::WriteContext;
namespace templates = storage::listingtemplates;

// listing_templates and goods_templates (docs/goods.md "Listing templates"): create, update,
// delete, the defaults, assigning goods one by one and in bulk (all or nothing), the audit entries,
// and the goods editor's read.
class TstListingTemplates : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<Cache> m_cache;

    core::Result<qint64> save(const core::ListingTemplate& tpl, const core::Actor* actor = nullptr)
    {
        const core::Actor who = actor ? *actor : m_cache->admin_;
        return m_cache->run<qint64>([=](WriteContext& ctx) { return templates::save(ctx, who, tpl); });
    }
    core::Result<qint64> assign(const QList<qint64>& ids, std::optional<qint64> tpl)
    {
        const core::Actor who = m_cache->admin_;
        return m_cache->run<qint64>(
            [=](WriteContext& ctx) { return templates::assignTemplate(ctx, who, ids, tpl); });
    }
    core::Result<qint64> remove(qint64 id, bool detach)
    {
        const core::Actor who = m_cache->admin_;
        return m_cache->run<qint64>(
            [=](WriteContext& ctx) { return templates::remove(ctx, who, id, detach); });
    }
    void putGoods(int count)
    {
        QList<core::Goods> goods;
        for (int i = 1; i <= count; ++i)
            goods << cachefixture::goods(i, 1);
        QVERIFY(m_cache
                    ->run<storage::IngestStats>(
                        [=](WriteContext& ctx) { return storage::platformcache::applyGoods(ctx, goods); })
                    .ok());
    }
    qint64 count(const QString& sql, const QVariantList& binds = {}) const
    {
        return m_cache->scalar(sql, binds).toLongLong();
    }
    std::optional<qint64> templateOf(qint64 goodsId) const
    {
        storage::ReadSession read(*m_cache->db_);
        return templates::templateOf(read, goodsId).value();
    }
    static core::ListingTemplate named(const QString& name)
    {
        core::ListingTemplate t = core::listing::defaultTemplates().at(0);
        t.name = name;
        return t;
    }

private Q_SLOTS:
    void init()
    {
        m_cache = std::make_unique<Cache>();
        QVERIFY(m_cache->open());
    }

    void defaultsOnlyWhenNoneExist()
    {
        const core::Actor who = m_cache->admin_;
        auto seed = [&] {
            return m_cache->run<qint64>(
                [=](WriteContext& ctx) { return templates::ensureDefaults(ctx, who); });
        };
        QCOMPARE(seed().value(), 2);
        QCOMPARE(seed().value(), 0);
        storage::ReadSession read(*m_cache->db_);
        const auto all = templates::list(read).value();
        QCOMPARE(all.size(), 2);
        QCOMPARE(all.at(0).tpl.name, u"卡密标准"_s);
        QCOMPARE(all.at(0).tpl.kind, u"card"_s);
        QCOMPARE(all.at(1).tpl.name, u"直充标准"_s);
        QCOMPARE(all.at(0).operatorId, m_cache->admin_.operatorId);
        QCOMPARE(all.at(0).updatedAt, m_cache->clock.nowSeconds());
        core::ListingTemplate expected = core::listing::defaultTemplates().at(1);
        expected.id = all.at(1).tpl.id;
        QCOMPARE(all.at(1).tpl, expected);
        QCOMPARE(count(u"SELECT COUNT(*) FROM audit_log WHERE action = 'template.create'"_s), 2);
        // A shop that deleted them all gets them back.
        QCOMPARE(remove(all.at(0).tpl.id, false).value(), 0);
        QCOMPARE(seed().value(), 0);
        QCOMPARE(remove(all.at(1).tpl.id, false).value(), 0);
        QCOMPARE(seed().value(), 2);
    }

    void createUpdateAndRefuse()
    {
        auto id = save(named(u" 点卡 "_s));
        QVERIFY(id.ok());
        QCOMPARE(
            m_cache->scalar(u"SELECT name FROM listing_templates WHERE id = ?"_s, {id.value()}).toString(),
            u"点卡"_s);
        core::ListingTemplate t = named(u"点卡"_s);
        t.id = id.value();
        t.maxTitleLength = 30;
        t.spec.stockCap = 500;
        t.titleParts[2].required = true;
        QCOMPARE(save(t).value(), id.value());
        {
            storage::ReadSession read(*m_cache->db_);
            const auto got = templates::get(read, id.value()).value();
            QVERIFY(got.has_value());
            QCOMPARE(got->tpl, t);
            QVERIFY(!templates::get(read, 999).value().has_value());
        }
        QCOMPARE(count(u"SELECT COUNT(*) FROM audit_log WHERE action = 'template.update' AND entity = "
                       u"'listing_template' AND entity_id = ?"_s,
                       {QString::number(id.value())}),
                 1);
        const QJsonObject detail =
            QJsonDocument::fromJson(m_cache
                                        ->scalar(u"SELECT detail FROM audit_log WHERE action = "
                                                 u"'template.update'"_s)
                                        .toString()
                                        .toUtf8())
                .object();
        QCOMPARE(detail.value(u"body"_s).toObject().value(u"spec"_s).toObject().value(u"stock_cap"_s).toInt(),
                 500);

        // Names are unique; an unknown id, an invalid template and a role without EditGoods are refused.
        auto other = save(named(u"直充"_s));
        QVERIFY(other.ok());
        core::ListingTemplate clash = named(u"点卡"_s);
        clash.id = other.value();
        QCOMPARE(save(clash).error().code, ErrorCode::Conflict);
        QCOMPARE(save(named(u"点卡"_s)).error().code, ErrorCode::Conflict);
        core::ListingTemplate missing = named(u"别的"_s);
        missing.id = 999;
        QCOMPARE(save(missing).error().code, ErrorCode::NotFound);
        core::ListingTemplate bad = named(u"坏的"_s);
        bad.titleParts[0].pattern = u"{nmae}"_s;
        QCOMPARE(save(bad).error().code, ErrorCode::InvalidArgument);
        const core::Actor finance{m_cache->admin_.operatorId, u"admin"_s, core::Role::Finance};
        QCOMPARE(save(named(u"财务的"_s), &finance).error().code, ErrorCode::PermissionDenied);
        QCOMPARE(count(u"SELECT COUNT(*) FROM listing_templates"_s), 2);
        QCOMPARE(count(u"SELECT COUNT(*) FROM audit_log WHERE entity = 'listing_template'"_s), 3);
    }

    void assignOneAndMany()
    {
        putGoods(6);
        const qint64 a = save(named(u"A"_s)).value();
        const qint64 b = save(named(u"B"_s)).value();
        const qint64 audits = count(u"SELECT COUNT(*) FROM audit_log"_s);

        QCOMPARE(assign({1, 2, 3}, a).value(), 3);
        QCOMPARE(templateOf(2), std::optional<qint64>(a));
        QCOMPARE(templateOf(4), std::nullopt);
        // Goods already following it are left alone (and not audited again); duplicates count once.
        QCOMPARE(assign({1, 2, 3, 4, 4}, a).value(), 1);
        QCOMPARE(count(u"SELECT COUNT(*) FROM audit_log WHERE action = 'template.assign'"_s), 4);
        QCOMPARE(count(u"SELECT COUNT(*) FROM audit_log"_s), audits + 4);
        const QJsonObject detail =
            QJsonDocument::fromJson(
                m_cache
                    ->scalar(u"SELECT detail FROM audit_log WHERE action = 'template.assign' "
                             u"AND entity = 'goods' AND entity_id = '4'"_s)
                    .toString()
                    .toUtf8())
                .object();
        QCOMPARE(detail.value(u"template_id"_s).toInteger(), a);
        QVERIFY(detail.value(u"previous"_s).isNull());

        // Moving to another template, and leaving none.
        QCOMPARE(assign({2, 5}, b).value(), 2);
        QCOMPARE(templateOf(2), std::optional<qint64>(b));
        QCOMPARE(assign({1, 6}, std::nullopt).value(), 1);
        QCOMPARE(templateOf(1), std::nullopt);
        QCOMPARE(assign({}, a).value(), 0);

        // All or nothing: an unknown goods or template changes nobody.
        auto unknownGoods = assign({3, 999, 5}, b);
        QCOMPARE(unknownGoods.error().code, ErrorCode::NotFound);
        QVERIFY(unknownGoods.error().detail.contains(u"999"_s));
        QCOMPARE(templateOf(3), std::optional<qint64>(a));
        QCOMPARE(assign({3}, 12345).error().code, ErrorCode::NotFound);
        QCOMPARE(templateOf(3), std::optional<qint64>(a));
        QCOMPARE(count(u"SELECT COUNT(*) FROM goods_templates"_s), 4); // 2 3 4 5

        storage::ReadSession read(*m_cache->db_);
        const auto all = templates::list(read).value();
        QCOMPARE(all.at(0).goodsCount, 2); // A: 3 4
        QCOMPARE(all.at(1).goodsCount, 2); // B: 2 5
    }

    void deleteRefusesOrDetaches()
    {
        putGoods(3);
        const qint64 a = save(named(u"A"_s)).value();
        QCOMPARE(assign({1, 2}, a).value(), 2);
        auto refused = remove(a, false);
        QCOMPARE(refused.error().code, ErrorCode::Conflict);
        QVERIFY(refused.error().detail.startsWith(u"2 goods follow"_s));
        QCOMPARE(count(u"SELECT COUNT(*) FROM listing_templates"_s), 1);
        QCOMPARE(remove(a, true).value(), 2);
        QCOMPARE(count(u"SELECT COUNT(*) FROM listing_templates"_s), 0);
        QCOMPARE(count(u"SELECT COUNT(*) FROM goods_templates"_s), 0);
        QCOMPARE(count(u"SELECT COUNT(*) FROM audit_log WHERE action = 'template.delete' AND entity_id = ?"_s,
                       {QString::number(a)}),
                 1);
        QCOMPARE(count(u"SELECT COUNT(*) FROM audit_log WHERE action = 'template.assign'"_s),
                 4); // 2 on, 2 off
        QCOMPARE(remove(a, true).error().code, ErrorCode::NotFound);
    }

    void bulkAssignIsOneTransaction()
    {
        putGoods(3000);
        const qint64 a = save(named(u"A"_s)).value();
        QList<qint64> ids;
        for (qint64 i = 1; i <= 3000; ++i)
            ids << i;
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(assign(ids, a).value(), 3000);
        qInfo() << "bulk assign of 3000 goods:" << timer.elapsed() << "ms";
        QCOMPARE(count(u"SELECT COUNT(*) FROM goods_templates WHERE template_id = ?"_s, {a}), 3000);
        QCOMPARE(count(u"SELECT COUNT(*) FROM audit_log WHERE action = 'template.assign'"_s), 3000);
        // One missing id at the end: nothing of the 3001 is written.
        ids << 3001;
        QCOMPARE(assign(ids, std::nullopt).error().code, ErrorCode::NotFound);
        QCOMPARE(count(u"SELECT COUNT(*) FROM goods_templates"_s), 3000);
        QCOMPARE(count(u"SELECT COUNT(*) FROM audit_log WHERE action = 'template.assign'"_s), 3000);
    }

    void goodsForEditReadsEverything()
    {
        core::Goods g = cachefixture::goods(7, 3);
        g.tierPrices = QByteArrayLiteral(R"({"2":"97.0000"})");
        g.contractPrices = QByteArrayLiteral(R"([{"member_id":88,"price":"96.0000"}])");
        g.listingSpec = u"100元/张"_s;
        QVERIFY(m_cache
                    ->run<storage::IngestStats>(
                        [=](WriteContext& ctx) { return storage::platformcache::applyGoods(ctx, {g}); })
                    .ok());
        QVERIFY(m_cache
                    ->run<storage::IngestStats>([=](WriteContext& ctx) {
                        return storage::platformcache::applyMembers(ctx, {cachefixture::member(88, 1)});
                    })
                    .ok());
        const qint64 a = save(named(u"A"_s)).value();
        QCOMPARE(assign({7}, a).value(), 1);
        const core::Actor who = m_cache->admin_;
        QVERIFY(
            m_cache
                ->run<qint64>([=](WriteContext& ctx) {
                    return storage::outbox::stage(ctx, who, {u"goods"_s, 7, {{u"price"_s, u"99.0000"_s}}});
                })
                .ok());

        storage::ReadSession read(*m_cache->db_);
        const auto data = templates::goodsForEdit(read, 7, m_cache->clock.nowSeconds());
        QVERIFY2(data.ok(), qPrintable(data.ok() ? QString() : data.error().detail));
        QCOMPARE(data->goods.id, 7);
        QCOMPARE(data->goods.price.units(), 990'000); // the local edit, 本地待同步
        QCOMPARE(data->goods.version, 3);
        QCOMPARE(data->goods.listingSpec, u"100元/张"_s);
        QCOMPARE(data->goods.tierPrices, QByteArrayLiteral(R"({"2":"97.0000"})"));
        QCOMPARE(data->cost, 952'000); // no supplier link: the platform's cost
        QVERIFY(!data->costFromSupplier);
        QCOMPARE(data->memberNames.value(88), u"会员88"_s);
        QCOMPARE(data->templates.size(), 1);
        QCOMPARE(data->templateId, std::optional<qint64>(a));
        QCOMPARE(data->pendingEdits, 1);
        QCOMPARE(data->conflicts, 0);
        QCOMPARE(templates::goodsForEdit(read, 8, 0).error().code, ErrorCode::NotFound);
        const auto names = templates::memberNames(read, {88, 5, 88}).value();
        QCOMPARE(names.size(), 1);
        QCOMPARE(names.value(88), u"会员88"_s);
    }
};

QTEST_GUILESS_MAIN(TstListingTemplates)
#include "tst_listingtemplates.moc"
