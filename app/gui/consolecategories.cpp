#include "app/gui/cardstockdesk.h"
#include "app/gui/consoleapp.h"
#include "app/gui/consolesession.h"
#include "models/datasource.h"
#include "storage/categorystore.h"
#include "storage/database.h"
#include "storage/databasewriter.h"
#include "sync/categoryrequests.h"

#include <QFutureWatcher>
#include <QPointer>

using namespace Qt::StringLiterals;

// ConsoleBackend::createCategory: the sort value from the cache, the keyed POST, the answer into
// the cache (docs/goods.md "Categories").
namespace cardops::app {

void ConsoleApp::createCategory(const QString& name, qint64 parentId, QObject* context,
                                std::function<void(QString)> done)
{
    QPointer<QObject> guard(context);
    auto answer = [guard, done](const QString& error) {
        if (guard)
            done(error);
    };
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return answer(tr("A category needs a name."));
    if (!m_session || !m_session->transport())
        return answer(tr("Categories are created on the platform: connect a shop first."));
    const core::Actor who = actor();
    auto* prepared = new QFutureWatcher<core::Result<qint64>>(this);
    connect(prepared, &QFutureWatcherBase::finished, this, [this, prepared, trimmed, parentId, who, answer] {
        const auto sort = prepared->result();
        prepared->deleteLater();
        if (!sort)
            return answer(tr("The category cannot be created: %1").arg(sort.error().detail));
        if (!m_session || !m_session->transport())
            return answer(tr("Categories are created on the platform: connect a shop first."));
        auto* created = new QFutureWatcher<sync::categories::CategoryAnswer>(this);
        connect(created, &QFutureWatcherBase::finished, this, [this, created, who, answer] {
            const auto reply = created->result();
            created->deleteLater();
            if (!reply.ok())
                return answer(CardStockDesk::describe(reply.error, false));
            if (!m_session)
                return answer(QString());
            const core::Category category = *reply.value;
            auto* recorded = new QFutureWatcher<core::Result<void>>(this);
            connect(recorded, &QFutureWatcherBase::finished, this, [this, recorded, answer] {
                const auto r = recorded->result();
                recorded->deleteLater();
                if (m_session)
                    m_session->source().notifyChanged({u"categories"_s});
                answer(r ? QString()
                         : tr("Created on the platform; the cache follows with the next sync (%1).")
                               .arg(r.error().detail));
            });
            recorded->setFuture(m_session->database().writer().submit(
                u"categories.create"_s, [who, category](storage::WriteContext& ctx) {
                    return storage::categorystore::recordCreated(ctx, who, category);
                }));
        });
        created->setFuture(sync::categories::create(*m_session->transport(), trimmed, parentId, sort.value(),
                                                    sync::categories::newCreateKey()));
    });
    prepared->setFuture(m_session->database().writer().submit<qint64>(
        u"categories.prepare"_s, [who, parentId](storage::WriteContext& ctx) {
            return storage::categorystore::prepareCreate(ctx, who, parentId);
        }));
}

} // namespace cardops::app
