#pragma once

#include "models/readworker.h"

#include <QObject>
#include <QSet>
#include <QString>
#include <QTimer>

namespace cardops::storage {
class DatabaseWriter;
}

namespace cardops::models {

// What every model of one open cache shares: the loader thread and the writer's commits, coalesced
// to at most two notifications a second (architecture.md). UI thread only.
class DataSource : public QObject
{
    Q_OBJECT
public:
    // `writer` may be null (a read-only view); it must outlive this object.
    DataSource(const QString& databasePath, storage::DatabaseWriter* writer, QObject* parent = nullptr);

    ReadWorker& reader() { return m_reader; }
    const QString& databasePath() const { return m_reader.databasePath(); }
    // The writer of this cache; null for a read-only view.
    storage::DatabaseWriter* writer() const { return m_writer; }

    // Tells every model that `tables` changed, now (tests, and the console after its own sync).
    void notifyChanged(const QStringList& tables);
    // Tells them within the coalescing interval, together with other changes (a sync's pages).
    void scheduleChanged(const QStringList& tables);

Q_SIGNALS:
    void tablesChanged(const QSet<QString>& tables);

private:
    void flush();

    ReadWorker m_reader;
    QSet<QString> m_pending;
    QTimer m_coalesce;
    storage::DatabaseWriter* m_writer = nullptr;
};

} // namespace cardops::models
