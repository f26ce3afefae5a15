#include "models/consolestate.h"

#include "models/datasource.h"

using namespace Qt::StringLiterals;

namespace cardops::models {

ConsoleState::ConsoleState(DataSource& source, QObject* parent)
    : QObject(parent)
    , m_source(source)
{
    connect(&source, &DataSource::tablesChanged, this, [this](const QSet<QString>& tables) {
        static const QStringList watched = {u"counters"_s,       u"sync_state"_s, u"outbox"_s,
                                            u"conflicts"_s,      u"goods"_s,      u"supplier_products"_s,
                                            u"supplier_status"_s};
        for (const QString& t : watched)
            if (tables.contains(t))
                return reload();
    });
    reload();
}

void ConsoleState::reload()
{
    // One read at a time; a change during a read asks for one more.
    if (m_inFlight) {
        m_again = true;
        return;
    }
    m_inFlight = true;
    m_source.reader().post<core::Result<storage::ConsoleStatus>>(
        this, [](const storage::ReadSession& s) { return storage::consolestatus::read(s); },
        [this](core::Result<storage::ConsoleStatus> r) {
            m_inFlight = false;
            if (r) {
                m_status = std::move(r).value();
                m_loaded = true;
                Q_EMIT changed();
            } else {
                Q_EMIT loadFailed(r.error().detail);
            }
            if (std::exchange(m_again, false))
                reload();
        });
}

} // namespace cardops::models
