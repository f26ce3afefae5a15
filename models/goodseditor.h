#pragma once

#include "core/access.h"
#include "core/listingtemplate.h"
#include "storage/listingtemplates.h"

#include <QJsonObject>
#include <QMap>
#include <QObject>
#include <QSet>
#include <QStringList>
#include <functional>
#include <optional>

namespace cardops::models {

class DataSource;

struct ContractPrice
{
    qint64 memberId = 0;
    core::Money price;

    bool operator==(const ContractPrice&) const = default;
};

// The editable fields of one goods as the editor holds them (docs/platform-api.md, PATCH fields),
// and the template it follows (CardOps's own, not a platform field).
struct GoodsEdit
{
    qint64 categoryId = 0;
    qint64 sort = 0;
    QString status; // on / off
    QString owner;  // platform / cardops
    qint64 lowStockThreshold = 0;
    core::Money price;
    QMap<qint64, core::Money> tierPrices; // tier id → price; a tier without one is absent
    QList<ContractPrice> contractPrices;
    core::Listing listing;
    std::optional<qint64> templateId;

    bool operator==(const GoodsEdit&) const = default;

    // The values of a cached goods (tier and contract prices that do not parse are left out).
    static GoodsEdit of(const core::Goods& goods, std::optional<qint64> templateId = std::nullopt);
    // Every PATCH field with its wire value: money as "98.5000", listing as an object.
    QJsonObject wireFields() const;
};

// The goods editor behind the goods page's openGoods (docs/goods.md "Goods editor"): reads one goods
// with its cost, categories, tiers and templates off the UI thread, checks the listing against its
// template, and saves the fields that changed as one outbox edit (本地待同步 until the platform
// accepts it) together with the goods' template, in one writer job. A price below cost is refused
// unless the caller confirms it. UI thread.
class GoodsEditor : public QObject
{
    Q_OBJECT
public:
    enum class Outcome { Saved, NothingChanged, BelowCost, ChangedMeanwhile, NotAllowed, Failed };
    Q_ENUM(Outcome)

    GoodsEditor(DataSource& source, const core::Actor& actor, qint64 goodsId, QObject* parent = nullptr);

    qint64 goodsId() const { return m_goodsId; }
    const core::Actor& actor() const { return m_actor; }
    DataSource& source() const { return m_source; }
    // A writer and an operator are there.
    bool canEdit() const;
    bool isBusy() const { return m_busy; }

    // Reads (again); the first time, with no template at all, seeds the default templates first.
    // `keepGoods`: the goods and its template stay as first read (the base of edits in progress, so
    // a change made meanwhile is found when saving); the rest is fresh. Answers loaded() or
    // loadFailed().
    void load(bool keepGoods = false);
    bool isLoaded() const { return m_loaded; }
    const storage::GoodsForEdit& data() const { return m_data; }
    // The categories as a tree in order (id, name indented two spaces a level), for a chooser.
    QList<std::pair<qint64, QString>> categoryChoices() const;
    // Whether a commit touching `tables` changes what the editor shows.
    static bool readsFrom(const QSet<QString>& tables);
    // The goods as loaded; its template is the one it follows, else the default of its kind.
    GoodsEdit original() const;
    // The goods follows no template: original()'s is only suggested (saving records it).
    bool templateSuggested() const;
    std::optional<core::ListingTemplate> templateById(std::optional<qint64> id) const;

    // The PATCH fields whose values differ from the loaded goods.
    QJsonObject changedFields(const GoodsEdit& edit) const;
    bool isChanged(const GoodsEdit& edit) const;
    // The loaded goods with the edit's values (what the template's placeholders see).
    core::Goods goodsWith(const GoodsEdit& edit) const;
    // The edit's listing checked against the edit's template (nothing without a template).
    QList<core::ListingProblem> problems(const GoodsEdit& edit) const;
    // What the edit's template suggests for the goods; empty without a template.
    core::Listing suggestion(const GoodsEdit& edit) const;
    // The prices the edit changes to below the cost, described for the operator.
    QStringList belowCost(const GoodsEdit& edit) const;

    // Looks up members' names off the UI thread; answers membersFound() with those in the cache.
    void lookUpMembers(const QList<qint64>& ids);

    // Stages the changed fields (and the template) in one writer job; a changed price below cost
    // needs `confirmBelowCost`. Answers saveFinished().
    void save(const GoodsEdit& edit, bool confirmBelowCost);

    // A problem in the operator's words, and the short "Missing: …" line of a list of them.
    static QString describe(const core::ListingProblem& problem);
    static QString missingSummary(const QList<core::ListingProblem>& problems);
    // Yuan with two places ("98.50"), or with 4 when the amount needs them ("0.9850").
    static QString yuan(core::Money money);
    // part ÷ whole as a percentage with two places, half away from zero ("3.35%"); "—" without a whole.
    static QString percentOf(core::Money part, core::Money whole);

Q_SIGNALS:
    void loaded();
    void loadFailed(const QString& error);
    void membersFound(const QHash<qint64, QString>& names);
    // outboxId: the staged edit (0 when only the template changed); detail: the error or the prices
    // below cost.
    void saveFinished(cardops::models::GoodsEditor::Outcome outcome, qint64 outboxId, const QString& detail);

private:
    void read(bool keepGoods);

    DataSource& m_source;
    core::Actor m_actor;
    qint64 m_goodsId = 0;
    storage::GoodsForEdit m_data;
    bool m_loaded = false;
    bool m_seeded = false;
    bool m_busy = false;
    quint64 m_generation = 0;
};

// The listing templates as the template editor manages them: read off the UI thread (the defaults
// seeded first when none exist and an operator may write), saved and deleted in writer jobs
// (storage::listingtemplates, audited). UI thread.
class TemplateLibrary : public QObject
{
    Q_OBJECT
public:
    TemplateLibrary(DataSource& source, const core::Actor& actor, QObject* parent = nullptr);

    bool canEdit() const;
    bool isLoaded() const { return m_loaded; }
    const QList<storage::StoredTemplate>& templates() const { return m_templates; }

    // Answers loaded() or loadFailed().
    void load();
    // Creates (id 0) or updates a template; answers finished() with its id.
    void save(const core::ListingTemplate& tpl);
    // Deletes a template; goods following it are left without one when `detachGoods`, else the
    // delete is refused. Answers finished() with the number of goods detached.
    void remove(qint64 id, bool detachGoods);

Q_SIGNALS:
    void loaded();
    void loadFailed(const QString& error);
    // After save() or remove(): ok, the id or count, or the error's detail (English).
    void finished(bool ok, qint64 value, const QString& error);

private:
    void submit(const QString& name, std::function<core::Result<qint64>(storage::WriteContext&)> job);

    DataSource& m_source;
    core::Actor m_actor;
    QList<storage::StoredTemplate> m_templates;
    bool m_loaded = false;
    bool m_seeded = false;
};

} // namespace cardops::models
