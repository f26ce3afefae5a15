#include "models/datasource.h"

#include "storage/databasewriter.h"

namespace cardops::models {

DataSource::DataSource(const QString& databasePath, storage::DatabaseWriter* writer, QObject* parent)
    : QObject(parent)
    , m_reader(databasePath)
    , m_writer(writer)
{
    m_coalesce.setSingleShot(true);
    m_coalesce.setInterval(500);
    connect(&m_coalesce, &QTimer::timeout, this, &DataSource::flush);
    if (writer) {
        connect(writer, &storage::DatabaseWriter::changed, this,
                [this](const QStringList& tables, quint64) { scheduleChanged(tables); });
    }
}

void DataSource::scheduleChanged(const QStringList& tables)
{
    for (const QString& t : tables)
        m_pending.insert(t);
    if (!m_coalesce.isActive())
        m_coalesce.start();
}

void DataSource::notifyChanged(const QStringList& tables)
{
    for (const QString& t : tables)
        m_pending.insert(t);
    m_coalesce.stop();
    flush();
}

void DataSource::flush()
{
    if (m_pending.isEmpty())
        return;
    const QSet<QString> tables = std::exchange(m_pending, {});
    Q_EMIT tablesChanged(tables);
}

} // namespace cardops::models
