#include "models/goodsbulkeditor.h"

#include "models/datasource.h"
#include "storage/databasewriter.h"
#include "storage/writecontext.h"

#include <QFutureWatcher>
#include <memory>

using namespace Qt::StringLiterals;

namespace cardops::models {

namespace bulk = storage::goodsbulk;

GoodsBulkEditor::GoodsBulkEditor(DataSource& source, QObject* parent)
    : QObject(parent)
    , m_source(source)
{
    connect(&m_source, &DataSource::tablesChanged, this, [this](const QSet<QString>& tables) {
        if (tables.contains(u"outbox"_s) && !m_batches.isEmpty())
            refreshUndoable();
    });
}

bool GoodsBulkEditor::canEdit() const
{
    return m_source.writer() && m_actor.operatorId > 0;
}

void GoodsBulkEditor::resolve(const storage::GoodsQuery& query, std::function<void(QList<qint64>)> done)
{
    m_source.reader().post<QList<qint64>>(
        this,
        [query](const storage::ReadSession& s) {
            auto ids = storage::goodsqueries::matchingIds(s, query);
            return ids ? ids.value() : QList<qint64>{};
        },
        std::move(done));
}

void GoodsBulkEditor::apply(const QList<qint64>& goodsIds, Field field, const QJsonValue& value,
                            const QString& label)
{
    if (!canEdit())
        return Q_EMIT applied(0, 0, tr("Bulk changes need an operator and a writable cache."));
    if (m_busy)
        return Q_EMIT applied(0, 0, tr("The previous bulk change is still being saved."));
    if (goodsIds.isEmpty())
        return Q_EMIT applied(0, 0, tr("No goods chosen."));
    m_busy = true;
    const core::Actor actor = m_actor;
    auto* watcher = new QFutureWatcher<core::Result<bulk::Staged>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, label] {
        const core::Result<bulk::Staged> r = watcher->result();
        watcher->deleteLater();
        m_busy = false;
        if (!r)
            return Q_EMIT applied(0, 0, r.error().detail);
        if (!r->outboxIds.isEmpty()) {
            m_batches.append({label, r->outboxIds, std::nullopt});
            Q_EMIT undoAvailableChanged();
        }
        m_source.notifyChanged({u"goods"_s, u"outbox"_s});
        Q_EMIT applied(r->outboxIds.size(), r->unchanged, QString());
    });
    // Validated in the same job as the edits (bulk::stage): a category deleted meanwhile is refused.
    watcher->setFuture(m_source.writer()->submit<bulk::Staged>(
        u"goods.bulk"_s,
        [actor, goodsIds, field, value](storage::WriteContext& ctx) -> core::Result<bulk::Staged> {
            return bulk::stage(ctx, actor, goodsIds, field, value);
        }));
}

void GoodsBulkEditor::applyTemplate(const QList<qint64>& goodsIds, std::optional<qint64> templateId,
                                    const QString& label)
{
    if (!canEdit())
        return Q_EMIT applied(0, 0, tr("Bulk changes need an operator and a writable cache."));
    if (m_busy)
        return Q_EMIT applied(0, 0, tr("The previous bulk change is still being saved."));
    if (goodsIds.isEmpty())
        return Q_EMIT applied(0, 0, tr("No goods chosen."));
    m_busy = true;
    const core::Actor actor = m_actor;
    auto* watcher = new QFutureWatcher<core::Result<bulk::TemplateAssignments>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, label, templateId] {
        const auto r = watcher->result();
        watcher->deleteLater();
        m_busy = false;
        if (!r)
            return Q_EMIT applied(0, 0, r.error().detail);
        qint64 changed = 0;
        for (const auto& before : r.value())
            changed += before != templateId ? 1 : 0;
        if (changed > 0) {
            m_batches.append({label, {}, r.value()});
            Q_EMIT undoAvailableChanged();
        }
        m_source.notifyChanged({u"goods_templates"_s});
        Q_EMIT applied(changed, r->size() - changed, QString());
    });
    watcher->setFuture(m_source.writer()->submit<bulk::TemplateAssignments>(
        u"goods.bulkTemplate"_s, [actor, goodsIds, templateId](storage::WriteContext& ctx) {
            return bulk::assignTemplate(ctx, actor, goodsIds, templateId);
        }));
}

void GoodsBulkEditor::undoLast()
{
    if (!canEdit() || m_batches.isEmpty() || m_busy)
        return Q_EMIT undone(0, 0, tr("Nothing to undo."));
    m_busy = true;
    const Batch batch = m_batches.takeLast();
    Q_EMIT undoAvailableChanged();
    const core::Actor actor = m_actor;
    auto* watcher = new QFutureWatcher<core::Result<bulk::Undone>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        const core::Result<bulk::Undone> r = watcher->result();
        watcher->deleteLater();
        m_busy = false;
        m_source.notifyChanged({u"goods"_s, u"outbox"_s, u"goods_templates"_s});
        if (!r)
            return Q_EMIT undone(0, 0, r.error().detail);
        Q_EMIT undone(r->undone, r->alreadySynced, QString());
    });
    watcher->setFuture(m_source.writer()->submit<bulk::Undone>(
        u"goods.bulkUndo"_s, [actor, batch](storage::WriteContext& ctx) -> core::Result<bulk::Undone> {
            if (batch.templates) {
                auto restored = bulk::restoreTemplates(ctx, actor, *batch.templates);
                if (!restored)
                    return restored.error();
                return bulk::Undone{restored.value(), 0};
            }
            return bulk::undo(ctx, actor, batch.outboxIds);
        }));
}

void GoodsBulkEditor::refreshUndoable()
{
    auto batches = std::make_shared<QList<QList<qint64>>>();
    for (const Batch& b : std::as_const(m_batches))
        batches->append(b.templates ? QList<qint64>{} : b.outboxIds);
    m_source.reader().post<QList<qint64>>(
        this,
        [batches](const storage::ReadSession& s) {
            QList<qint64> left;
            for (const auto& ids : *batches) {
                auto n =
                    ids.isEmpty() ? core::Result<qint64>(1) : bulk::undoable(s, ids); // templates: always
                left.append(n ? n.value() : 1);
            }
            return left;
        },
        [this, batches](QList<qint64> left) {
            bool changed = false;
            for (qsizetype i = left.size() - 1; i >= 0; --i) {
                if (left.at(i) > 0 || i >= m_batches.size() || m_batches.at(i).outboxIds != batches->at(i))
                    continue;
                m_batches.removeAt(i);
                changed = true;
            }
            if (changed)
                Q_EMIT undoAvailableChanged();
        });
}

} // namespace cardops::models
