#include "models/categoryeditor.h"

#include "models/datasource.h"
#include "storage/databasewriter.h"
#include "storage/outbox.h"
#include "storage/writecontext.h"

#include <QFutureWatcher>
#include <QJsonObject>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace cardops::models {
namespace {

using Job = std::function<core::Result<void>(storage::WriteContext&)>;

core::Result<void> stageField(storage::WriteContext& ctx, const core::Actor& actor, qint64 id,
                              const QString& field, const QJsonValue& value)
{
    auto staged = storage::outbox::stage(ctx, actor, {u"categories"_s, id, QJsonObject{{field, value}}});
    if (!staged)
        return staged.error();
    return {};
}

} // namespace

CategoryEditor::CategoryEditor(DataSource& source, QObject* parent)
    : QObject(parent)
    , m_source(source)
{}

bool CategoryEditor::canEdit() const
{
    return m_source.writer() && m_actor.operatorId > 0;
}

void CategoryEditor::rename(qint64 categoryId, const QString& name)
{
    const QString trimmed = name.trimmed();
    if (!canEdit() || trimmed.isEmpty())
        return Q_EMIT finished(false, u"nothing to rename"_s);
    const core::Actor actor = m_actor;
    Job job = [actor, categoryId, trimmed](storage::WriteContext& ctx) {
        return stageField(ctx, actor, categoryId, u"name"_s, trimmed);
    };
    auto* watcher = new QFutureWatcher<core::Result<void>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        const core::Result<void> r = watcher->result();
        watcher->deleteLater();
        Q_EMIT finished(r.ok(), r ? QString() : r.error().detail);
    });
    watcher->setFuture(m_source.writer()->submit(u"categories.rename"_s, std::move(job)));
}

void CategoryEditor::move(qint64 categoryId, int delta)
{
    if (!canEdit() || delta == 0)
        return Q_EMIT finished(false, u"nothing to move"_s);
    const core::Actor actor = m_actor;
    Job job = [actor, categoryId, delta](storage::WriteContext& ctx) -> core::Result<void> {
        auto parent = ctx.select(u"SELECT parent_id FROM categories WHERE id = ?"_s, {categoryId});
        if (!parent)
            return parent.error();
        if (parent->isEmpty())
            return core::makeError(core::ErrorCode::NotFound, u"no such category"_s);
        auto siblings = ctx.select(u"SELECT id, sort FROM categories WHERE parent_id = ? ORDER BY sort, id"_s,
                                   {parent->first().value(0)});
        if (!siblings)
            return siblings.error();
        QList<qint64> ids, sorts;
        for (const QVariantList& r : *siblings)
            ids << r.value(0).toLongLong(), sorts << r.value(1).toLongLong();
        const qsizetype at = ids.indexOf(categoryId);
        const qsizetype to = at + (delta < 0 ? -1 : 1);
        if (at < 0 || to < 0 || to >= ids.size())
            return {};
        QList<qint64> wanted = sorts;
        if (std::adjacent_find(sorts.cbegin(), sorts.cend()) != sorts.cend())
            for (qsizetype i = 0; i < wanted.size(); ++i) // a tie: numbered as they show first
                wanted[i] = i;
        std::swap(wanted[at], wanted[to]);
        for (qsizetype i = 0; i < ids.size(); ++i)
            if (wanted[i] != sorts[i])
                if (auto r = stageField(ctx, actor, ids[i], u"sort"_s, double(wanted[i])); !r)
                    return r;
        return {};
    };
    auto* watcher = new QFutureWatcher<core::Result<void>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        const core::Result<void> r = watcher->result();
        watcher->deleteLater();
        Q_EMIT finished(r.ok(), r ? QString() : r.error().detail);
    });
    watcher->setFuture(m_source.writer()->submit(u"categories.move"_s, std::move(job)));
}

} // namespace cardops::models
