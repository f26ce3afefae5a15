#pragma once

#include "core/access.h"
#include "core/pricing.h"
#include "storage/pricingrules.h"

#include <QObject>
#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace cardops::models {

class DataSource;

// The console's pricing actions (docs/goods.md "Pricing"): reads on the loader thread, each write
// one writer job (rules, policies, staging a bulk reprice through the outbox, acknowledging
// upstream alerts). Every answer comes back on the UI thread through the callback, never after
// this object is gone. UI thread.
class PricingEditor : public QObject
{
    Q_OBJECT
public:
    // Progress of a staging job, written on the writer thread and read by the UI; `cancel` asks
    // the job to stop (nothing is then staged).
    struct Progress
    {
        std::atomic<qint64> done{0};
        std::atomic<qint64> total{0};
        std::atomic<bool> cancel{false};
    };

    // The goods' rule and policy to set with a reprice (同时绑定规则).
    struct Binding
    {
        std::optional<qint64> ruleId;
        core::FollowPolicy follow = core::FollowPolicy::Alert;
    };

    PricingEditor(DataSource& source, const core::Actor& actor, QObject* parent = nullptr);

    // A writer and an operator are there.
    bool canEdit() const;
    const core::Actor& actor() const { return m_actor; }

    void loadInputs(const QList<qint64>& goodsIds,
                    std::function<void(core::Result<storage::pricingrules::RepriceInputs>)> done);
    void loadRules(std::function<void(core::Result<QList<storage::pricingrules::StoredRule>>)> done);
    void loadAlerts(bool openOnly, int limit,
                    std::function<void(core::Result<QList<storage::pricingrules::UpstreamAlert>>)> done);

    // Stages the edits in one writer job, with the binding (if any) in the same job.
    void stage(const QList<storage::pricingrules::PriceChange>& changes, std::optional<Binding> binding,
               std::shared_ptr<Progress> progress,
               std::function<void(core::Result<storage::pricingrules::StagedReprice>)> done);
    void saveRule(qint64 id, const QString& name, const core::PricingRule& rule,
                  std::function<void(core::Result<qint64>)> done);
    void deleteRule(qint64 id, std::function<void(core::Result<void>)> done);
    void setPolicy(const QList<qint64>& goodsIds, const Binding& binding,
                   std::function<void(core::Result<qint64>)> done);
    void acknowledge(const QList<qint64>& alertIds, std::function<void(core::Result<qint64>)> done);

private:
    template<typename T>
    void submit(const QString& name, std::function<core::Result<T>(storage::WriteContext&)> job,
                std::function<void(core::Result<T>)> done);

    DataSource& m_source;
    core::Actor m_actor;
};

} // namespace cardops::models
