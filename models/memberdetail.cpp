#include "models/memberdetail.h"

#include "models/datasource.h"
#include "storage/databasewriter.h"
#include "storage/outbox.h"
#include "storage/writecontext.h"

#include <QFutureWatcher>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>

using namespace Qt::StringLiterals;

namespace cardops::models {

MemberDetailLoader::MemberDetailLoader(DataSource& source, qint64 memberId, QObject* parent)
    : QObject(parent)
    , m_source(source)
    , m_memberId(memberId)
{
    connect(&source, &DataSource::tablesChanged, this, [this](const QSet<QString>& tables) {
        for (const char* t : {"members", "orders", "ledger", "member_rfm", "tiers", "goods"})
            if (tables.contains(QString::fromLatin1(t)))
                return load();
    });
}

void MemberDetailLoader::load()
{
    const quint64 generation = ++m_generation;
    const qint64 id = m_memberId;
    const qint64 offset = m_ledgerOffset;
    m_source.reader().post<std::shared_ptr<Snapshot>>(
        this,
        [id, offset](const storage::ReadSession& s) {
            namespace mq = storage::memberqueries;
            return std::make_shared<Snapshot>(
                Snapshot{mq::memberDetail(s, id), mq::memberOrders(s, id, OrderRows),
                         mq::contractPrices(s, id), mq::memberLedger(s, id, offset, LedgerPageRows)});
        },
        [this, generation](std::shared_ptr<Snapshot> snap) {
            if (generation != m_generation)
                return; // a newer read is on its way
            for (const core::Error* e : {snap->detail ? nullptr : &snap->detail.error(),
                                         snap->orders ? nullptr : &snap->orders.error(),
                                         snap->contract ? nullptr : &snap->contract.error(),
                                         snap->ledger ? nullptr : &snap->ledger.error()})
                if (e)
                    return Q_EMIT failed(e->detail);
            m_detail = snap->detail.value();
            m_orders = snap->orders.value();
            m_contract = snap->contract.value();
            m_ledger = snap->ledger.value();
            Q_EMIT loaded();
            Q_EMIT ledgerLoaded();
        });
}

void MemberDetailLoader::loadLedger(qint64 offset)
{
    m_ledgerOffset = std::max<qint64>(0, offset);
    const quint64 generation = ++m_generation;
    const qint64 id = m_memberId;
    m_source.reader().post<core::Result<QList<storage::LedgerLine>>>(
        this,
        [id, offset = m_ledgerOffset](const storage::ReadSession& s) {
            return storage::memberqueries::memberLedger(s, id, offset, LedgerPageRows);
        },
        [this, generation](core::Result<QList<storage::LedgerLine>> lines) {
            if (generation != m_generation)
                return;
            if (!lines)
                return Q_EMIT failed(lines.error().detail);
            m_ledger = lines.value();
            Q_EMIT ledgerLoaded();
        });
}

QStringList MemberDetailLoader::cleanTags(const QStringList& tags)
{
    QStringList out;
    for (const QString& t : tags) {
        const QString trimmed = t.trimmed();
        if (!trimmed.isEmpty() && !out.contains(trimmed))
            out << trimmed;
    }
    return out;
}

bool MemberDetailLoader::canEdit(const core::Actor& actor) const
{
    return m_source.writer() && actor.operatorId > 0 &&
           core::authorize(actor, core::Permission::EditMembers).ok();
}

void MemberDetailLoader::saveTags(const core::Actor& actor, const QStringList& tags)
{
    if (!canEdit(actor))
        return Q_EMIT tagsSaved(false, u"no writer or no operator allowed to edit members"_s);
    const QStringList clean = cleanTags(tags);
    if (m_detail && clean == m_detail->member.tags)
        return Q_EMIT tagsSaved(true, {}); // nothing changed: nothing to send
    const qint64 id = m_memberId;
    std::function<core::Result<void>(storage::WriteContext&)> job =
        [actor, id, clean](storage::WriteContext& ctx) -> core::Result<void> {
        auto staged = storage::outbox::stage(
            ctx, actor, {u"members"_s, id, QJsonObject{{u"tags"_s, QJsonArray::fromStringList(clean)}}});
        if (!staged)
            return staged.error();
        return {};
    };
    auto* watcher = new QFutureWatcher<core::Result<void>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        const core::Result<void> r = watcher->result();
        watcher->deleteLater();
        Q_EMIT tagsSaved(r.ok(), r ? QString() : r.error().detail);
    });
    watcher->setFuture(m_source.writer()->submit(u"members.tags"_s, std::move(job)));
}

} // namespace cardops::models
