#include "models/goodseditor.h"

#include "models/datasource.h"
#include "storage/databasewriter.h"
#include "storage/outbox.h"
#include "storage/writecontext.h"

#include <QDateTime>
#include <QFutureWatcher>
#include <QJsonArray>
#include <QJsonDocument>
#include <algorithm>
#include <functional>

using namespace Qt::StringLiterals;

namespace cardops::models {
namespace {

QString wireMoney(core::Money m)
{
    return m.toString(4);
}

std::optional<core::Money> moneyOf(const QJsonValue& v)
{
    auto m = core::Money::parse(v.isString() ? v.toString() : v.toVariant().toString());
    return m ? std::optional(m.value()) : std::nullopt;
}

using core::ListingProblemCode;

bool isMissing(ListingProblemCode code)
{
    return code == ListingProblemCode::TitlePartMissing || code == ListingProblemCode::SpecMissing ||
           code == ListingProblemCode::SpecUnitMissing || code == ListingProblemCode::SectionMissing ||
           code == ListingProblemCode::SectionEmpty;
}

struct SaveResult
{
    GoodsEditor::Outcome outcome = GoodsEditor::Outcome::Saved;
    qint64 outboxId = 0;
    QString detail;
};

} // namespace

GoodsEdit GoodsEdit::of(const core::Goods& goods, std::optional<qint64> templateId)
{
    GoodsEdit e;
    e.categoryId = goods.categoryId;
    e.sort = goods.sort;
    e.status = goods.status;
    e.owner = goods.fulfilmentOwner;
    e.lowStockThreshold = goods.lowStockThreshold;
    e.price = goods.price;
    const QJsonObject tiers = QJsonDocument::fromJson(goods.tierPrices).object();
    for (auto it = tiers.begin(); it != tiers.end(); ++it) {
        bool ok = false;
        const qint64 tier = it.key().toLongLong(&ok);
        if (auto m = moneyOf(it.value()); ok && m)
            e.tierPrices.insert(tier, *m);
    }
    for (const QJsonValue& v : QJsonDocument::fromJson(goods.contractPrices).array()) {
        const QJsonObject o = v.toObject();
        const qint64 member = o.value(u"member_id"_s).toInteger();
        if (auto m = moneyOf(o.value(u"price"_s)); member > 0 && m)
            e.contractPrices.append({member, *m});
    }
    e.listing = {goods.listingTitle, goods.listingSpec, goods.listingDescription};
    e.templateId = templateId;
    return e;
}

QJsonObject GoodsEdit::wireFields() const
{
    QJsonObject tiers;
    for (auto it = tierPrices.begin(); it != tierPrices.end(); ++it)
        tiers.insert(QString::number(it.key()), wireMoney(it.value()));
    QJsonArray contracts;
    for (const ContractPrice& c : contractPrices)
        contracts.append(QJsonObject{{u"member_id"_s, double(c.memberId)}, {u"price"_s, wireMoney(c.price)}});
    return {
        {u"category_id"_s, double(categoryId)},
        {u"sort"_s, double(sort)},
        {u"status"_s, status},
        {u"fulfilment_owner"_s, owner},
        {u"low_stock_threshold"_s, double(lowStockThreshold)},
        {u"price"_s, wireMoney(price)},
        {u"tier_prices"_s, tiers},
        {u"contract_prices"_s, contracts},
        {u"listing"_s, QJsonObject{{u"title"_s, listing.title},
                                   {u"spec"_s, listing.spec},
                                   {u"description"_s, listing.description}}},
    };
}

GoodsEditor::GoodsEditor(DataSource& source, const core::Actor& actor, qint64 goodsId, QObject* parent)
    : QObject(parent)
    , m_source(source)
    , m_actor(actor)
    , m_goodsId(goodsId)
{}

bool GoodsEditor::canEdit() const
{
    return m_source.writer() && m_actor.operatorId > 0;
}

void GoodsEditor::load(bool keepGoods)
{
    read(keepGoods && m_loaded);
}

void GoodsEditor::read(bool keepGoods)
{
    const qint64 id = m_goodsId;
    const quint64 generation = ++m_generation;
    using Answer = core::Result<storage::GoodsForEdit>;
    m_source.reader().post<Answer>(
        this,
        [id](const storage::ReadSession& s) {
            return storage::listingtemplates::goodsForEdit(s, id, QDateTime::currentSecsSinceEpoch());
        },
        [this, generation, keepGoods](Answer answer) {
            if (generation != m_generation)
                return; // a newer read is on its way
            if (!answer)
                return Q_EMIT loadFailed(answer.error().detail);
            if (answer->templates.isEmpty() && !m_seeded && canEdit()) {
                // A shop without templates gets the defaults, then this goods is read again.
                m_seeded = true;
                const core::Actor actor = m_actor;
                auto* watcher = new QFutureWatcher<core::Result<qint64>>(this);
                connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, keepGoods] {
                    watcher->deleteLater();
                    read(keepGoods);
                });
                watcher->setFuture(m_source.writer()->submit<qint64>(
                    u"templates.defaults"_s, [actor](storage::WriteContext& ctx) {
                        return storage::listingtemplates::ensureDefaults(ctx, actor);
                    }));
                return;
            }
            storage::GoodsForEdit fresh = std::move(answer).value();
            if (keepGoods) {
                fresh.goods = m_data.goods;
                fresh.templateId = m_data.templateId;
            }
            m_data = std::move(fresh);
            m_loaded = true;
            Q_EMIT loaded();
        });
}

GoodsEdit GoodsEditor::original() const
{
    std::optional<qint64> tpl = m_data.templateId;
    if (!tpl)
        for (const storage::StoredTemplate& t : m_data.templates)
            if (!t.tpl.kind.isEmpty() && t.tpl.kind == m_data.goods.kind) {
                tpl = t.tpl.id;
                break;
            }
    return GoodsEdit::of(m_data.goods, tpl);
}

QList<std::pair<qint64, QString>> GoodsEditor::categoryChoices() const
{
    QList<std::pair<qint64, QString>> out;
    std::function<void(qint64, int)> addChildren = [&](qint64 parent, int depth) {
        for (const storage::GoodsCategory& c : m_data.categories)
            if (c.parentId == parent && c.id != parent) {
                out.append({c.id, QString(depth * 2, u' ') + c.name});
                if (depth < 10) // a cycle in the platform's tree ends here
                    addChildren(c.id, depth + 1);
            }
    };
    addChildren(0, 0);
    return out;
}

bool GoodsEditor::readsFrom(const QSet<QString>& tables)
{
    static const QStringList read = {u"goods"_s,
                                     u"outbox"_s,
                                     u"listing_templates"_s,
                                     u"goods_templates"_s,
                                     u"supplier_products"_s,
                                     u"tiers"_s,
                                     u"categories"_s,
                                     u"members"_s};
    return std::any_of(read.cbegin(), read.cend(), [&](const QString& t) { return tables.contains(t); });
}

bool GoodsEditor::templateSuggested() const
{
    return !m_data.templateId && original().templateId;
}

std::optional<core::ListingTemplate> GoodsEditor::templateById(std::optional<qint64> id) const
{
    if (id)
        for (const storage::StoredTemplate& t : m_data.templates)
            if (t.tpl.id == *id)
                return t.tpl;
    return std::nullopt;
}

QJsonObject GoodsEditor::changedFields(const GoodsEdit& edit) const
{
    const QJsonObject before = GoodsEdit::of(m_data.goods).wireFields();
    const QJsonObject after = edit.wireFields();
    QJsonObject out;
    for (auto it = after.begin(); it != after.end(); ++it)
        if (before.value(it.key()) != it.value())
            out.insert(it.key(), it.value());
    return out;
}

bool GoodsEditor::isChanged(const GoodsEdit& edit) const
{
    return !changedFields(edit).isEmpty() || edit.templateId != original().templateId;
}

core::Goods GoodsEditor::goodsWith(const GoodsEdit& edit) const
{
    core::Goods g = m_data.goods;
    g.categoryId = edit.categoryId;
    g.sort = edit.sort;
    g.status = edit.status;
    g.fulfilmentOwner = edit.owner;
    g.lowStockThreshold = edit.lowStockThreshold;
    g.price = edit.price;
    g.listingTitle = edit.listing.title;
    g.listingSpec = edit.listing.spec;
    g.listingDescription = edit.listing.description;
    return g;
}

QList<core::ListingProblem> GoodsEditor::problems(const GoodsEdit& edit) const
{
    const auto tpl = templateById(edit.templateId);
    return tpl ? core::listing::check(edit.listing, *tpl, goodsWith(edit)) : QList<core::ListingProblem>();
}

core::Listing GoodsEditor::suggestion(const GoodsEdit& edit) const
{
    const auto tpl = templateById(edit.templateId);
    return tpl ? core::listing::render(*tpl, goodsWith(edit)) : core::Listing();
}

QStringList GoodsEditor::belowCost(const GoodsEdit& edit) const
{
    const core::Money cost = core::Money::fromUnits(m_data.cost);
    QStringList out;
    if (cost.units() <= 0)
        return out;
    const GoodsEdit before = GoodsEdit::of(m_data.goods);
    const auto below = [&](core::Money now, std::optional<core::Money> was) {
        return now < cost && (!was || *was != now);
    };
    if (below(edit.price, before.price))
        out << tr("Price %1 is below the cost %2").arg(yuan(edit.price), yuan(cost));
    for (auto it = edit.tierPrices.begin(); it != edit.tierPrices.end(); ++it) {
        if (!below(it.value(), before.tierPrices.contains(it.key())
                                   ? std::optional(before.tierPrices.value(it.key()))
                                   : std::nullopt))
            continue;
        QString tier = QString::number(it.key());
        for (const storage::TierInfo& t : m_data.tiers)
            if (t.id == it.key())
                tier = t.name;
        out << tr("Tier price %1 for %2 is below the cost %3").arg(yuan(it.value()), tier, yuan(cost));
    }
    // A tier without its own price pays the price × its discount: a new price may put it below cost.
    for (const storage::TierInfo& t : m_data.tiers) {
        if (edit.tierPrices.contains(t.id) || t.discountPpm >= core::Rate::PartsPerUnit)
            continue;
        const core::Money pays = core::rounding::tierPrice(edit.price, core::Rate::fromPpm(t.discountPpm));
        const core::Money paid =
            before.tierPrices.contains(t.id)
                ? before.tierPrices.value(t.id)
                : core::rounding::tierPrice(before.price, core::Rate::fromPpm(t.discountPpm));
        if (below(pays, paid))
            out << tr("%1 pays %2 by its discount, below the cost %3").arg(t.name, yuan(pays), yuan(cost));
    }
    for (const ContractPrice& c : edit.contractPrices) {
        std::optional<core::Money> was;
        for (const ContractPrice& b : before.contractPrices)
            if (b.memberId == c.memberId)
                was = b.price;
        if (below(c.price, was))
            out << tr("Contract price %1 for member %2 is below the cost %3")
                       .arg(yuan(c.price), QString::number(c.memberId), yuan(cost));
    }
    return out;
}

void GoodsEditor::lookUpMembers(const QList<qint64>& ids)
{
    using Names = QHash<qint64, QString>;
    m_source.reader().post<Names>(
        this,
        [ids](const storage::ReadSession& s) {
            return storage::listingtemplates::memberNames(s, ids).valueOr({});
        },
        [this](Names names) {
            m_data.memberNames.insert(names);
            Q_EMIT membersFound(names);
        });
}

void GoodsEditor::save(const GoodsEdit& edit, bool confirmBelowCost)
{
    if (!m_loaded || m_busy)
        return Q_EMIT saveFinished(Outcome::Failed, 0, tr("The goods is still loading or saving."));
    if (!canEdit())
        return Q_EMIT saveFinished(Outcome::NotAllowed, 0,
                                   tr("Editing needs an operator and a writable cache."));
    const QJsonObject fields = changedFields(edit);
    const bool assign = edit.templateId != m_data.templateId;
    if (fields.isEmpty() && !assign)
        return Q_EMIT saveFinished(Outcome::NothingChanged, 0, QString());
    if (const QStringList below = belowCost(edit); !below.isEmpty() && !confirmBelowCost)
        return Q_EMIT saveFinished(Outcome::BelowCost, 0, below.join(u'\n'));

    const core::Actor actor = m_actor;
    const core::Goods base = m_data.goods;
    const std::optional<qint64> templateId = edit.templateId;
    m_busy = true;
    auto* watcher = new QFutureWatcher<core::Result<SaveResult>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        const core::Result<SaveResult> r = watcher->result();
        watcher->deleteLater();
        m_busy = false;
        if (!r) {
            const auto code = r.error().code;
            return Q_EMIT saveFinished(code == core::ErrorCode::PermissionDenied ? Outcome::NotAllowed
                                                                                 : Outcome::Failed,
                                       0, r.error().detail);
        }
        if (r->outcome == Outcome::Saved)
            m_source.notifyChanged({u"goods"_s, u"outbox"_s, u"goods_templates"_s});
        Q_EMIT saveFinished(r->outcome, r->outboxId, r->detail);
    });
    watcher->setFuture(m_source.writer()->submit<SaveResult>(
        u"goods.edit"_s,
        [actor, base, fields, assign, templateId](storage::WriteContext& ctx) -> core::Result<SaveResult> {
            // Someone else's change of a field this edit changes is never overwritten unseen.
            auto current = storage::listingtemplates::goods(ctx, base.id);
            if (!current)
                return current.error();
            const QJsonObject now = GoodsEdit::of(current.value()).wireFields();
            const QJsonObject then = GoodsEdit::of(base).wireFields();
            QStringList moved;
            for (auto it = fields.begin(); it != fields.end(); ++it)
                if (now.value(it.key()) != then.value(it.key()))
                    moved << it.key();
            if (!moved.isEmpty())
                return SaveResult{Outcome::ChangedMeanwhile, 0, moved.join(u", "_s)};
            SaveResult out;
            if (!fields.isEmpty()) {
                auto staged = storage::outbox::stage(ctx, actor, {u"goods"_s, base.id, fields});
                if (!staged)
                    return staged.error();
                out.outboxId = staged.value();
            }
            if (assign) {
                auto assigned = storage::listingtemplates::assignTemplate(ctx, actor, {base.id}, templateId);
                if (!assigned)
                    return assigned.error();
            }
            return out;
        }));
}

QString GoodsEditor::describe(const core::ListingProblem& p)
{
    switch (p.code) {
    case ListingProblemCode::TitlePartMissing:
        return p.expected.isEmpty() ? tr("Title: the part “%1” is missing").arg(p.subject)
                                    : tr("Title: the part “%1” is missing (%2)").arg(p.subject, p.expected);
    case ListingProblemCode::TitlePartStale:
        return p.expected.isEmpty()
                   ? tr("Title: “%1” does not fit the goods now; remove it").arg(p.subject)
                   : tr("Title: “%1” does not match the goods; it should read %2").arg(p.subject, p.expected);
    case ListingProblemCode::TitleTooLong:
        return tr("Title: %1 characters, at most %2").arg(p.value).arg(p.limit);
    case ListingProblemCode::SpecMissing:
        return tr("Spec “%1” is missing").arg(p.subject);
    case ListingProblemCode::SpecUnitMissing:
        return tr("Spec: the unit “%1” is missing").arg(p.subject);
    case ListingProblemCode::SpecMismatch:
        return tr("Spec: it should read %1").arg(p.expected);
    case ListingProblemCode::StockCapExceeded:
        return tr("Stock %1 is above the template's cap of %2").arg(p.value).arg(p.limit);
    case ListingProblemCode::SectionMissing:
        return tr("Description: the section 【%1】 is missing").arg(p.subject);
    case ListingProblemCode::SectionEmpty:
        return tr("Description: the section 【%1】 is empty").arg(p.subject);
    }
    return core::listing::codeName(p.code);
}

QString GoodsEditor::missingSummary(const QList<core::ListingProblem>& problems)
{
    QStringList missing;
    for (const core::ListingProblem& p : problems) {
        if (!isMissing(p.code))
            continue;
        const QString what = p.code == ListingProblemCode::SpecUnitMissing ? tr("spec unit %1").arg(p.subject)
                             : p.code == ListingProblemCode::SpecMissing   ? tr("spec")
                                                                           : p.subject;
        if (!missing.contains(what))
            missing << what;
    }
    return missing.isEmpty() ? QString() : tr("Missing: %1").arg(missing.join(tr(", ")));
}

QString GoodsEditor::yuan(core::Money money)
{
    return money.units() % core::Money::UnitsPerCent == 0 ? money.toString(2) : money.toString(4);
}

QString GoodsEditor::percentOf(core::Money part, core::Money whole)
{
    if (whole.units() <= 0)
        return u"—"_s;
    const qint64 twice = 2 * part.units() * 10000 / whole.units();
    const qint64 bp = (twice + (twice >= 0 ? 1 : -1)) / 2; // basis points, half away from zero
    const qint64 a = bp < 0 ? -bp : bp;
    return (bp < 0 ? u"-"_s : QString()) + QString::number(a / 100) + u'.' +
           QString::number(a % 100).rightJustified(2, u'0') + u'%';
}

TemplateLibrary::TemplateLibrary(DataSource& source, const core::Actor& actor, QObject* parent)
    : QObject(parent)
    , m_source(source)
    , m_actor(actor)
{}

bool TemplateLibrary::canEdit() const
{
    return m_source.writer() && m_actor.operatorId > 0;
}

void TemplateLibrary::load()
{
    using Answer = core::Result<QList<storage::StoredTemplate>>;
    m_source.reader().post<Answer>(
        this, [](const storage::ReadSession& s) { return storage::listingtemplates::list(s); },
        [this](Answer answer) {
            if (!answer)
                return Q_EMIT loadFailed(answer.error().detail);
            if (answer->isEmpty() && !m_seeded && canEdit()) {
                m_seeded = true;
                const core::Actor actor = m_actor;
                auto* watcher = new QFutureWatcher<core::Result<qint64>>(this);
                connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
                    watcher->deleteLater();
                    load();
                });
                watcher->setFuture(m_source.writer()->submit<qint64>(
                    u"templates.defaults"_s, [actor](storage::WriteContext& ctx) {
                        return storage::listingtemplates::ensureDefaults(ctx, actor);
                    }));
                return;
            }
            m_templates = std::move(answer).value();
            m_loaded = true;
            Q_EMIT loaded();
        });
}

void TemplateLibrary::save(const core::ListingTemplate& tpl)
{
    const core::Actor actor = m_actor;
    submit(u"templates.save"_s, [actor, tpl](storage::WriteContext& ctx) {
        return storage::listingtemplates::save(ctx, actor, tpl);
    });
}

void TemplateLibrary::remove(qint64 id, bool detachGoods)
{
    const core::Actor actor = m_actor;
    submit(u"templates.remove"_s, [actor, id, detachGoods](storage::WriteContext& ctx) {
        return storage::listingtemplates::remove(ctx, actor, id, detachGoods);
    });
}

void TemplateLibrary::submit(const QString& name,
                             std::function<core::Result<qint64>(storage::WriteContext&)> job)
{
    if (!canEdit())
        return Q_EMIT finished(false, 0, u"templates need an operator and a writable cache"_s);
    auto* watcher = new QFutureWatcher<core::Result<qint64>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        const core::Result<qint64> r = watcher->result();
        watcher->deleteLater();
        if (r)
            m_source.notifyChanged({u"listing_templates"_s, u"goods_templates"_s});
        Q_EMIT finished(r.ok(), r ? r.value() : 0, r ? QString() : r.error().detail);
    });
    watcher->setFuture(m_source.writer()->submit<qint64>(name, std::move(job)));
}

} // namespace cardops::models
