#pragma once

#include "core/access.h"
#include "storage/goodsbulk.h"
#include "storage/goodsqueries.h"

#include <QJsonValue>
#include <QList>
#include <QObject>
#include <QString>

namespace cardops::models {

class DataSource;

// Bulk operations of the goods page (issue #9 item 6): one field set for many goods in one writer
// job, each goods an outbox edit shown as 本地待同步, with undo until synced: a batch is undone by
// dropping the edits the platform has not accepted yet. Batches are undone newest first (Ctrl+Z
// repeatedly). UI thread.
class GoodsBulkEditor : public QObject
{
    Q_OBJECT
public:
    using Field = storage::goodsbulk::Field;

    explicit GoodsBulkEditor(DataSource& source, QObject* parent = nullptr);

    void setActor(const core::Actor& actor) { m_actor = actor; }
    bool canEdit() const;
    bool isBusy() const { return m_busy; }

    // The goods of the query, read on the loader thread (a bulk operation over the whole filter).
    void resolve(const storage::GoodsQuery& query, std::function<void(QList<qint64>)> done);

    // Sets field = value on every goods of `goodsIds` (validated first); `label` names the batch for
    // the undo bar, e.g. "下架 12 件商品". Answers applied().
    void apply(const QList<qint64>& goodsIds, Field field, const QJsonValue& value, const QString& label);
    // Lets the goods follow the listing template (nullopt: none): CardOps's own data, so its undo
    // stays available until the console closes. Answers applied().
    void applyTemplate(const QList<qint64>& goodsIds, std::optional<qint64> templateId, const QString& label);
    // Undoes the newest batch that still has edits the platform has not taken. Answers undone().
    void undoLast();
    bool canUndo() const { return !m_batches.isEmpty(); }
    QString undoLabel() const { return m_batches.isEmpty() ? QString() : m_batches.last().label; }
    // Re-reads which batches can still be undone (after a sync); a batch fully synced is forgotten.
    void refreshUndoable();

Q_SIGNALS:
    // changed = goods edited; unchanged = goods that already had the value; error empty on success.
    void applied(qint64 changed, qint64 unchanged, const QString& error);
    void undone(qint64 undone, qint64 alreadySynced, const QString& error);
    void undoAvailableChanged();

private:
    struct Batch
    {
        QString label;
        QList<qint64> outboxIds;
        std::optional<storage::goodsbulk::TemplateAssignments> templates; // a template batch
    };

    DataSource& m_source;
    core::Actor m_actor;
    QList<Batch> m_batches;
    bool m_busy = false;
};

} // namespace cardops::models
