#include "sync/outboxpusher.h"

#include "storage/database.h"
#include "storage/databasewriter.h"
#include "storage/outbox.h"
#include "storage/readsession.h"
#include "storage/writecontext.h"
#include "sync/platformjson.h"
#include "sync/transport/platformtransport.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace cardops::sync {
namespace {

constexpr int kItemsPerPass = 64;

QJsonObject parseObject(const QByteArray& json)
{
    return QJsonDocument::fromJson(json).object();
}

// Runs `apply` with the entity the platform sent, parsed as the item's kind.
template<typename Apply>
core::Result<storage::ConflictOutcome> withEntity(const QString& entity, const QJsonObject& o, Apply apply)
{
    if (entity == u"goods") {
        auto g = platformjson::goods(o);
        return g ? apply(g.value()) : core::Result<storage::ConflictOutcome>(g.error());
    }
    if (entity == u"members") {
        auto m = platformjson::member(o);
        return m ? apply(m.value()) : core::Result<storage::ConflictOutcome>(m.error());
    }
    auto c = platformjson::category(o);
    return c ? apply(c.value()) : core::Result<storage::ConflictOutcome>(c.error());
}

// A refusal of this one item (the operator must look at it), as opposed to a problem of the link.
bool refusesItem(CallError::Kind kind)
{
    switch (kind) {
    case CallError::BadRequest:
    case CallError::NotFound:
    case CallError::Precondition:
    case CallError::Forbidden:
    case CallError::Business:
        return true;
    default:
        return false;
    }
}

} // namespace

OutboxPusher::OutboxPusher(storage::Database& database, PlatformTransport& transport, int maxPasses)
    : m_db(database)
    , m_transport(transport)
    , m_maxPasses(maxPasses)
{}

void OutboxPusher::run(QObject* context, std::function<void(const Result&)> done)
{
    m_context = context;
    m_done = std::move(done);
    m_result = Result{};
    m_passes = 0;
    m_inFlight = 0;
    m_stop = false;
    m_cancelled = false;
    m_db.writer()
        .submit<qint64>(QStringLiteral("outbox.expire"),
                        [](storage::WriteContext& ctx) { return storage::outbox::expire(ctx); })
        .then(m_context, [this](const core::Result<qint64>& expired) {
            if (!expired) {
                m_result.error = expired.error().detail;
                return end();
            }
            m_result.failed += expired.value();
            pass();
        });
}

void OutboxPusher::pass()
{
    if (m_cancelled) {
        m_result.cancelled = true;
        return end();
    }
    if (m_stop || m_passes >= m_maxPasses)
        return end();
    ++m_passes;
    QList<storage::OutboxItem> items;
    {
        storage::ReadSession read(m_db);
        auto ready = storage::outbox::ready(read, kItemsPerPass);
        if (!ready) {
            m_result.error = ready.error().detail;
            return end();
        }
        items = std::move(ready).value();
    }
    if (items.isEmpty())
        return end();
    m_progressed = false;
    m_inFlight = static_cast<int>(items.size());
    for (const storage::OutboxItem& item : items) {
        Request request;
        request.method = item.method;
        request.path = item.path;
        request.body = item.body;
        request.idempotencyKey = item.idempotencyKey;
        request.ifMatch = item.baseVersion;
        m_transport.send(request).then(m_context, [this, item](const Reply& reply) { settle(item, reply); });
    }
}

namespace {

// How one answer was settled, for the round's summary and the next pass.
enum class Settled { Pushed, Rebased, Conflict, Failed, Unchanged };

using SettleJob = std::function<core::Result<Settled>(storage::WriteContext&)>;

// An accepted edit. An answer without a usable entity still means accepted: the item is done and
// the feed brings the new version (a platform answer the client cannot read must not block the
// outbox for ever).
SettleJob accepted(qint64 id, const QString& entity, const QJsonObject& remote)
{
    return [id, entity, remote](storage::WriteContext& ctx) -> core::Result<Settled> {
        auto parsed =
            withEntity(entity, remote, [&](const auto& e) -> core::Result<storage::ConflictOutcome> {
                auto r = storage::outbox::complete(ctx, id, e);
                return r ? core::Result<storage::ConflictOutcome>(storage::ConflictOutcome::Settled)
                         : r.error();
            });
        if (parsed)
            return Settled::Pushed;
        if (parsed.error().code != core::ErrorCode::Parse)
            return parsed.error();
        auto done = storage::outbox::complete(ctx, id);
        return done ? core::Result<Settled>(Settled::Pushed) : done.error();
    };
}

SettleJob conflicted(qint64 id, const QString& entity, const QByteArray& raw)
{
    return [id, entity, raw](storage::WriteContext& ctx) -> core::Result<Settled> {
        auto outcome = withEntity(entity, parseObject(raw),
                                  [&](const auto& e) { return storage::outbox::conflict(ctx, id, e, raw); });
        if (!outcome) {
            if (outcome.error().code != core::ErrorCode::Parse)
                return outcome.error();
            auto failed =
                storage::outbox::fail(ctx, id, u"409 without a usable entity: " + outcome.error().detail);
            return failed ? core::Result<Settled>(Settled::Failed) : failed.error();
        }
        switch (outcome.value()) {
        case storage::ConflictOutcome::Rebased:
            return Settled::Rebased;
        case storage::ConflictOutcome::Recorded:
            return Settled::Conflict;
        case storage::ConflictOutcome::Settled:
            break;
        }
        return Settled::Unchanged;
    };
}

} // namespace

void OutboxPusher::settle(const storage::OutboxItem& item, const Reply& reply)
{
    SettleJob job;
    const qint64 id = item.id;
    if (reply.ok()) {
        job = accepted(id, item.entity, reply.response->data.toObject());
    } else if (reply.error.kind == CallError::Conflict) {
        job = conflicted(id, item.entity, reply.error.data);
    } else if (refusesItem(reply.error.kind)) {
        const QString why = reply.error.describe();
        job = [id, why](storage::WriteContext& ctx) -> core::Result<Settled> {
            auto r = storage::outbox::fail(ctx, id, why);
            return r ? core::Result<Settled>(Settled::Failed) : r.error();
        };
    } else {
        // Not answered, or a problem of the link or the credentials: the item keeps its key.
        if (reply.error.kind == CallError::Cancelled || m_cancelled)
            m_result.cancelled = true;
        else if (m_result.error.isEmpty())
            m_result.error = reply.error.describe();
        m_result.offline = m_result.offline || reply.error.retriable();
        m_stop = true;
        const QString why = reply.error.describe();
        job = [id, why](storage::WriteContext& ctx) -> core::Result<Settled> {
            auto r = storage::outbox::noteAttempt(ctx, id, why);
            return r ? core::Result<Settled>(Settled::Unchanged) : r.error();
        };
    }
    m_db.writer()
        .submit<Settled>(QStringLiteral("outbox.settle"), std::move(job))
        .then(m_context, [this](const core::Result<Settled>& r) {
            if (!r) {
                m_stop = true;
                if (m_result.error.isEmpty())
                    m_result.error = r.error().detail;
                return itemDone();
            }
            switch (r.value()) {
            case Settled::Pushed:
                ++m_result.pushed;
                m_progressed = true;
                break;
            case Settled::Rebased:
                m_progressed = true; // sent again in the next pass
                break;
            case Settled::Conflict:
                ++m_result.conflicts;
                m_progressed = true; // out of the ready set: a further pass may reach other items
                break;
            case Settled::Failed:
                ++m_result.failed;
                m_progressed = true;
                break;
            case Settled::Unchanged:
                break;
            }
            itemDone();
        });
}

void OutboxPusher::itemDone()
{
    if (--m_inFlight > 0)
        return;
    if (!m_progressed)
        return end();
    pass();
}

void OutboxPusher::end()
{
    if (m_cancelled)
        m_result.cancelled = true;
    if (m_done)
        std::exchange(m_done, nullptr)(m_result);
}

} // namespace cardops::sync
