#pragma once

#include "storage/consolestatus.h"

#include <QObject>

namespace cardops::models {

class DataSource;

// The cache's side of the status bar and the work bench: counters, sync state, lease, pending
// edits. Re-read on the loader thread whenever a commit touches the tables behind them. UI thread.
class ConsoleState : public QObject
{
    Q_OBJECT
public:
    explicit ConsoleState(DataSource& source, QObject* parent = nullptr);

    bool isLoaded() const { return m_loaded; }
    const storage::ConsoleStatus& status() const { return m_status; }
    qint64 counter(const QString& name) const { return m_status.counters.value(name); }
    void reload();

Q_SIGNALS:
    void changed();
    void loadFailed(const QString& detail);

private:
    DataSource& m_source;
    storage::ConsoleStatus m_status;
    bool m_loaded = false;
    bool m_inFlight = false;
    bool m_again = false;
};

} // namespace cardops::models
