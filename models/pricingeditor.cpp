#include "models/pricingeditor.h"

#include "models/datasource.h"
#include "storage/databasewriter.h"
#include "storage/writecontext.h"

#include <QFutureWatcher>

using namespace Qt::StringLiterals;

namespace cardops::models {

namespace pr = storage::pricingrules;

PricingEditor::PricingEditor(DataSource& source, const core::Actor& actor, QObject* parent)
    : QObject(parent)
    , m_source(source)
    , m_actor(actor)
{}

bool PricingEditor::canEdit() const
{
    return m_source.writer() && m_actor.operatorId > 0;
}

template<typename T>
void PricingEditor::submit(const QString& name, std::function<core::Result<T>(storage::WriteContext&)> job,
                           std::function<void(core::Result<T>)> done)
{
    if (!canEdit()) {
        done(core::makeError(core::ErrorCode::PermissionDenied, u"no writer or no operator"_s));
        return;
    }
    auto* watcher = new QFutureWatcher<core::Result<T>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [watcher, done = std::move(done)] {
        watcher->deleteLater();
        done(watcher->result());
    });
    watcher->setFuture(m_source.writer()->submit<T>(name, std::move(job)));
}

void PricingEditor::loadInputs(const QList<qint64>& goodsIds,
                               std::function<void(core::Result<pr::RepriceInputs>)> done)
{
    m_source.reader().post<core::Result<pr::RepriceInputs>>(
        this, [goodsIds](const storage::ReadSession& read) { return pr::repriceInputs(read, goodsIds); },
        std::move(done));
}

void PricingEditor::loadRules(std::function<void(core::Result<QList<pr::StoredRule>>)> done)
{
    m_source.reader().post<core::Result<QList<pr::StoredRule>>>(
        this, [](const storage::ReadSession& read) { return pr::rules(read); }, std::move(done));
}

void PricingEditor::loadAlerts(bool openOnly, int limit,
                               std::function<void(core::Result<QList<pr::UpstreamAlert>>)> done)
{
    m_source.reader().post<core::Result<QList<pr::UpstreamAlert>>>(
        this,
        [openOnly, limit](const storage::ReadSession& read) { return pr::alerts(read, openOnly, limit); },
        std::move(done));
}

void PricingEditor::stage(const QList<pr::PriceChange>& changes, std::optional<Binding> binding,
                          std::shared_ptr<Progress> progress,
                          std::function<void(core::Result<pr::StagedReprice>)> done)
{
    const core::Actor actor = m_actor;
    if (progress)
        progress->total = changes.size();
    std::function<core::Result<pr::StagedReprice>(storage::WriteContext&)> job =
        [actor, changes, binding, progress](storage::WriteContext& ctx) -> core::Result<pr::StagedReprice> {
        pr::Progress report;
        if (progress)
            report = [progress](qint64 step, qint64 total) {
                progress->done = step;
                progress->total = total;
                return !progress->cancel.load();
            };
        auto staged = pr::stageReprice(ctx, actor, changes, report);
        if (!staged || !binding)
            return staged;
        QList<qint64> ids;
        for (const pr::PriceChange& c : changes)
            ids.append(c.goodsId);
        auto bound = pr::setGoodsPricing(ctx, actor, ids, binding->ruleId, binding->follow);
        if (!bound)
            return bound.error();
        return staged;
    };
    submit<pr::StagedReprice>(u"pricing.reprice"_s, std::move(job), std::move(done));
}

void PricingEditor::saveRule(qint64 id, const QString& name, const core::PricingRule& rule,
                             std::function<void(core::Result<qint64>)> done)
{
    const core::Actor actor = m_actor;
    submit<qint64>(
        u"pricing.rule"_s,
        [actor, id, name, rule](storage::WriteContext& ctx) {
            return pr::saveRule(ctx, actor, id, name, rule);
        },
        std::move(done));
}

void PricingEditor::deleteRule(qint64 id, std::function<void(core::Result<void>)> done)
{
    const core::Actor actor = m_actor;
    submit<void>(
        u"pricing.rule_delete"_s,
        [actor, id](storage::WriteContext& ctx) { return pr::deleteRule(ctx, actor, id); }, std::move(done));
}

void PricingEditor::setPolicy(const QList<qint64>& goodsIds, const Binding& binding,
                              std::function<void(core::Result<qint64>)> done)
{
    const core::Actor actor = m_actor;
    submit<qint64>(
        u"pricing.policy"_s,
        [actor, goodsIds, binding](storage::WriteContext& ctx) {
            return pr::setGoodsPricing(ctx, actor, goodsIds, binding.ruleId, binding.follow);
        },
        std::move(done));
}

void PricingEditor::acknowledge(const QList<qint64>& alertIds, std::function<void(core::Result<qint64>)> done)
{
    const core::Actor actor = m_actor;
    submit<qint64>(
        u"pricing.alert_ack"_s,
        [actor, alertIds](storage::WriteContext& ctx) { return pr::acknowledge(ctx, actor, alertIds); },
        std::move(done));
}

} // namespace cardops::models
