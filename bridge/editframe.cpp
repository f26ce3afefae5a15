// The versioned-write frame of the edit endpoints (declared in bridge/goodsedits.h): feed versions,
// the If-Match check on the locked row, the answer with the write's own new version, request money.
#include "bridge/acgreader.h"
#include "bridge/bridgedb.h"
#include "bridge/goodsedits.h"
#include "bridge/sequencer.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTimeZone>

namespace cardops::bridge {

using namespace Qt::StringLiterals;
using sim::ApiResult;
namespace edits {

namespace {

QByteArray compact(const QJsonObject& o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

core::Error dbError(const QString& what)
{
    return core::makeError(core::ErrorCode::Io, what);
}

ApiResult finish(ApiCall& call, const char* entity, qint64 id, const ApiResult& provisional)
{
    return answerAfterCommit(call, provisional,
                             [&call, entity, id] { return entityNow(call.db, entity, id); });
}

} // namespace

ApiResult answerAfterCommit(ApiCall& call, const ApiResult& provisional,
                            const std::function<core::Result<std::optional<QJsonObject>>()>& read)
{
    BridgeDb& db = call.db;
    if (auto moved = runSequencer(db); !moved) {
        qWarning("cardops-bridge: %s", qPrintable(moved.error().detail));
        return provisional;
    }
    if (!db.exec(u"SET TRANSACTION ISOLATION LEVEL REPEATABLE READ"_s) ||
        !db.exec(u"START TRANSACTION WITH CONSISTENT SNAPSHOT"_s))
        return provisional;
    auto now = read();
    if (!now || !now.value() || !db.exec(u"COMMIT"_s)) {
        db.rollbackQuietly();
        return provisional;
    }
    const ApiResult answer = okObject(*now.value());
    if (call.keyStored) {
        auto q = db.run(u"UPDATE %1 SET `data` = ? WHERE `key` = ?"_s.arg(db.own("idempotency")),
                        {answer.data, QString::fromLatin1(call.idempotencyKey)});
        if (!q)
            qWarning("cardops-bridge: %s", qPrintable(q.error().detail));
    }
    return answer;
}

core::Result<FeedVersion> feedVersion(BridgeDb& db, const char* entity, qint64 id)
{
    FeedVersion v;
    const QString name = QString::fromLatin1(entity);
    auto q =
        db.run(u"SELECT `pos`, FLOOR(UNIX_TIMESTAMP(`at`)) FROM %1 WHERE `entity` = ? AND `entity_id` = ? "
               "ORDER BY `pos` DESC LIMIT 1"_s.arg(db.own("feed")),
               {name, id});
    if (!q)
        return q.error();
    if (q.value().next()) {
        v.pos = q.value().value(0).toLongLong();
        v.at = q.value().value(1).toLongLong();
    }
    // A tier marker re-versions every goods and member, a goods-group marker every goods (sequencer).
    auto p =
        db.run(u"SELECT COUNT(*) FROM %1 WHERE (`entity` = ? AND `entity_id` = ?) OR "
               "(? <> 'category' AND `entity` = 'tier') OR (? = 'goods' AND `entity` = 'goodsgroup')"_s.arg(
                   db.own("change")),
               {name, id, name, name});
    if (!p)
        return p.error();
    v.pending = p.value().next() && p.value().value(0).toLongLong() > 0;
    return v;
}

core::Result<std::optional<QJsonObject>> entityNow(BridgeDb& db, const char* entity, qint64 id)
{
    AcgReader reader(db);
    const QByteArrayView e(entity);
    auto found = e == "category" ? reader.categories({id})
                 : e == "goods"  ? reader.goods({id})
                                 : reader.members({id});
    if (!found)
        return found.error();
    const auto it = found.value().items.constFind(id);
    if (it == found.value().items.cend())
        return std::optional<QJsonObject>();
    auto v = feedVersion(db, entity, id);
    if (!v)
        return v.error();
    QJsonObject o = it.value();
    o.insert(u"version"_s, v.value().pos);
    o.insert(u"updated_at"_s, v.value().at);
    return std::optional<QJsonObject>(o);
}

ApiResult versionedEdit(ApiCall& call, const char* entity, qint64 id, const Step& lock, const Step& apply)
{
    qint64 expected = 0;
    if (!call.ifMatch(&expected))
        return preconditionFailed("If-Match missing or not a number");
    for (int attempt = 0;; ++attempt) {
        if (auto moved = runSequencer(call.db); !moved) {
            qWarning("cardops-bridge: %s", qPrintable(moved.error().detail));
            return ApiResult::error(500, 50000, "platform fault: database");
        }
        bool again = false;
        const ApiResult answer = inTransaction(call, [&]() -> core::Result<ApiResult> {
            auto locked = lock();
            if (!locked || !locked.value().isOk())
                return locked;
            // Checked on the locked row: no acg writer can change it any more until COMMIT. A change
            // committed between the sequencer run and the lock is still in the inbox.
            auto v = feedVersion(call.db, entity, id);
            if (!v)
                return v.error();
            if (v.value().pending && attempt < 2) {
                again = true;
                return conflict("version conflict");
            }
            if (v.value().pending || v.value().pos != expected) {
                auto now = entityNow(call.db, entity, id);
                if (!now)
                    return now.error();
                return conflict("version conflict", compact(now.value().value_or(QJsonObject())));
            }
            auto applied = apply();
            if (!applied || !applied.value().isOk())
                return applied;
            auto now = entityNow(call.db, entity, id);
            if (!now)
                return now.error();
            if (!now.value())
                return dbError(u"edited row not readable"_s);
            return okObject(*now.value());
        });
        if (!again)
            return answer.isOk() ? finish(call, entity, id, answer) : answer;
    }
}

ApiResult postWrite(ApiCall& call, const char* entity,
                    const std::function<core::Result<ApiResult>(qint64*)>& insert)
{
    qint64 id = 0;
    const ApiResult answer = inTransaction(call, [&]() -> core::Result<ApiResult> {
        auto made = insert(&id);
        if (!made || !made.value().isOk())
            return made;
        auto now = entityNow(call.db, entity, id);
        if (!now)
            return now.error();
        if (!now.value())
            return dbError(u"created row not readable"_s);
        return okObject(*now.value());
    });
    return answer.isOk() ? finish(call, entity, id, answer) : answer;
}

std::optional<core::Money> requestMoney(const QJsonValue& v, bool allowZero, core::Money max)
{
    static const QRegularExpression re(u"^[0-9]{1,12}(\\.[0-9]{1,4})?$"_s);
    if (!v.isString() || !re.match(v.toString()).hasMatch())
        return std::nullopt;
    const auto m = core::Money::parse(v.toString());
    // A third or fourth decimal would be truncated by acg's DECIMAL(…,2): refused, never rounded.
    if (!m || m->units() % core::Money::UnitsPerCent != 0 || (!allowZero && m->isZero()) || m.value() > max)
        return std::nullopt;
    return m.value();
}

QString acgText(core::Money m)
{
    return m.toString(2);
}

bool requestInt(const QJsonValue& v, qint64* out)
{
    if (!v.isDouble())
        return false;
    const double d = v.toDouble();
    if (d < -9.0e15 || d > 9.0e15 || static_cast<double>(static_cast<qint64>(d)) != d)
        return false;
    *out = static_cast<qint64>(d);
    return true;
}

QString shanghaiText(qint64 unixSeconds)
{
    return QDateTime::fromSecsSinceEpoch(unixSeconds, QTimeZone(8 * 3600)).toString(u"yyyy-MM-dd HH:mm:ss"_s);
}

} // namespace edits

} // namespace cardops::bridge
