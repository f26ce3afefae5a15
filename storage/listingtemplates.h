#pragma once

#include "core/access.h"
#include "core/listingtemplate.h"
#include "core/platformtypes.h"
#include "core/result.h"
#include "storage/goodsqueries.h"

#include <QHash>
#include <QList>
#include <optional>

namespace cardops::storage {

class ReadSession;
class WriteContext;

// A template as stored (listing_templates): the template with its id and name, who saved it last,
// when, and how many goods follow it.
struct StoredTemplate
{
    core::ListingTemplate tpl;
    qint64 operatorId = 0;
    qint64 updatedAt = 0;
    qint64 goodsCount = 0;
};

struct TierInfo
{
    qint64 id = 0;
    QString name;
    qint64 discountPpm = 0; // the tier's discount as a ratio in ppm (980000 = 9.8折)
};

// Everything the goods editor shows, read at once: the goods as cached (local edits included), its
// cost as the goods page computes it (goodsqueries: the first supplier link's mirrored cost, else
// the platform's), the categories, the tier ladder, the names of the members with contract prices,
// the templates, the goods' own template and how many local edits still wait for the platform.
struct GoodsForEdit
{
    core::Goods goods;
    qint64 cost = 0;
    bool costFromSupplier = false;
    QString supplier; // the first link's supplier (or protocol); empty when unlinked
    QList<GoodsCategory> categories;
    QList<TierInfo> tiers; // by rank
    QHash<qint64, QString> memberNames;
    QList<StoredTemplate> templates;
    std::optional<qint64> templateId;
    qint64 pendingEdits = 0; // outbox items pending, in conflict or failed
    qint64 conflicts = 0;    // of those, in conflict or failed
};

// Listing templates (docs/goods.md "Listing templates"): CardOps's own data, never sent to the
// platform. Each change is audited in the caller's transaction and checked against EditGoods.
namespace listingtemplates {

// Every template by name, with the number of goods following each.
core::Result<QList<StoredTemplate>> list(const ReadSession& read);
core::Result<std::optional<StoredTemplate>> get(const ReadSession& read, qint64 id);

// Creates (tpl.id 0) or updates a template after core::listing::validate; a name another template
// has is a Conflict, an unknown id NotFound. Answers the id. Audited as template.create / .update.
core::Result<qint64> save(WriteContext& ctx, const core::Actor& actor, const core::ListingTemplate& tpl);

// Deletes a template. When goods follow it: a Conflict naming their number, unless `detachGoods`,
// which first leaves those goods without a template (audited per goods). Answers the goods detached.
core::Result<qint64> remove(WriteContext& ctx, const core::Actor& actor, qint64 id, bool detachGoods);

// The defaults of core::listing::defaultTemplates() when no template exists at all (a shop that
// deleted them all gets them back the next time); answers how many were added.
core::Result<qint64> ensureDefaults(WriteContext& ctx, const core::Actor& actor);

// Lets every goods of `goodsIds` follow `templateId` (nullopt: none), all or nothing in the caller's
// transaction: an unknown template or goods is refused before anything changes. Goods already
// following it are left alone; each goods changed gets its audit entry (template.assign). Answers
// the number of goods changed.
core::Result<qint64> assignTemplate(WriteContext& ctx, const core::Actor& actor,
                                    const QList<qint64>& goodsIds, std::optional<qint64> templateId);
// The template a goods follows, if any.
core::Result<std::optional<qint64>> templateOf(const ReadSession& read, qint64 goodsId);

// One goods as the cache holds it; NotFound when it is not there.
core::Result<core::Goods> goods(const ReadSession& read, qint64 goodsId);
core::Result<core::Goods> goods(WriteContext& ctx, qint64 goodsId);

// The names of the cached members among `ids` (the goods editor's contract prices).
core::Result<QHash<qint64, QString>> memberNames(const ReadSession& read, const QList<qint64>& ids);

// The goods editor's read; `now` ends the goods page's 7-day sales window (unused by the editor).
core::Result<GoodsForEdit> goodsForEdit(const ReadSession& read, qint64 goodsId, qint64 now);

} // namespace listingtemplates
} // namespace cardops::storage
