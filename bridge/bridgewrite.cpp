#include "bridge/bridgewrite.h"

#include "bridge/bridgedb.h"

#include <QJsonDocument>

namespace cardops::bridge {

using namespace Qt::StringLiterals;
using sim::ApiResult;

namespace {

bool retryable(const core::Error& e)
{
    return e.detail.contains("[1213]"_L1) || e.detail.contains("[1205]"_L1);
}

bool matches(const ApiRoute& route, const QByteArray& method, const QList<QByteArray>& seg)
{
    if (method != route.method || seg.size() != route.pattern.size() + 2)
        return false;
    for (qsizetype i = 0; i < route.pattern.size(); ++i) {
        const QByteArrayView want(route.pattern[i]);
        qint64 id = 0;
        if (want == "{id}" ? !(parseDigits(seg[i + 2], &id) && id > 0) : seg[i + 2] != want)
            return false;
    }
    return true;
}

} // namespace

qint64 ApiCall::id(int index) const
{
    qint64 v = 0;
    return index < seg.size() && parseDigits(seg[index], &v) ? v : 0;
}

bool ApiCall::ifMatch(qint64* version) const
{
    return parseDigits(request.header("If-Match"), version);
}

QByteArray ApiCall::holder() const
{
    const QByteArray fromBody = body.value(u"holder").toString().toUtf8();
    return fromBody.isEmpty() ? request.header("X-Lease-Holder") : fromBody;
}

const ApiRoute* findRoute(const QByteArray& method, const QList<QByteArray>& seg)
{
    for (const ApiRoute& r : apiRoutes())
        if (matches(r, method, seg))
            return &r;
    return nullptr;
}

core::Result<void> storeIdempotent(BridgeDb& db, const QByteArray& key, const sim::SimRequest& request,
                                   const ApiResult& answer, qint64 now)
{
    auto q = db.run(u"INSERT IGNORE INTO %1 (`key`, `method`, `path`, `status`, `code`, `message`, `data`, "
                    "`created_at`) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s.arg(db.own("idempotency")),
                    {QString::fromLatin1(key), QString::fromLatin1(request.method),
                     QString::fromLatin1(request.path.left(255)), answer.httpStatus, answer.code,
                     answer.message.left(255), answer.data, now});
    if (!q)
        return q.error();
    return {};
}

ApiResult inTransaction(ApiCall& call, const std::function<core::Result<ApiResult>()>& fn)
{
    BridgeDb& db = call.db;
    core::Error last;
    for (int attempt = 0; attempt < 3; ++attempt) {
        if (auto ok = db.exec(u"SET TRANSACTION ISOLATION LEVEL READ COMMITTED"_s); !ok)
            return ApiResult::error(500, 50000, "platform fault: database");
        if (auto ok = db.exec(u"START TRANSACTION"_s); !ok)
            return ApiResult::error(500, 50000, "platform fault: database");
        core::Result<ApiResult> answer = fn();
        if (answer && answer.value().isOk() && !call.idempotencyKey.isEmpty()) {
            const ApiResult& a = answer.value();
            if (auto stored = storeIdempotent(db, call.idempotencyKey, call.request, a, call.now); !stored)
                answer = stored.error();
            else
                call.keyStored = true;
        }
        if (answer && answer.value().isOk()) {
            if (auto ok = db.exec(u"COMMIT"_s); ok)
                return answer.value();
            else
                last = ok.error();
        } else {
            db.rollbackQuietly();
            call.keyStored = false;
            if (answer)
                return answer.value();
            last = answer.error();
        }
        call.keyStored = false;
        if (!retryable(last))
            break;
    }
    qWarning("cardops-bridge: %s", qPrintable(last.detail));
    return ApiResult::error(500, 50000, "platform fault: database");
}

core::Result<void> audit(ApiCall& call, const QString& action, const QString& entity, qint64 entityId,
                         const QJsonObject& detail)
{
    auto q = call.db.run(u"INSERT INTO %1 (`at`, `action`, `entity`, `entity_id`, `detail`) "
                         "VALUES (?, ?, ?, ?, ?)"_s.arg(call.db.own("audit")),
                         {call.now, action, entity, entityId,
                          QString::fromUtf8(QJsonDocument(detail).toJson(QJsonDocument::Compact))});
    if (!q)
        return q.error();
    return {};
}

ApiResult badField(QByteArray field)
{
    return ApiResult::error(400, 40000, std::move(field));
}

ApiResult notFound()
{
    return ApiResult::error(404, 40400, "no such resource");
}

ApiResult conflict(QByteArray message, QByteArray data)
{
    return ApiResult::error(409, 40900, std::move(message), std::move(data));
}

ApiResult preconditionFailed(QByteArray message)
{
    return ApiResult::error(412, 41200, std::move(message));
}

ApiResult unsupported(QByteArray what)
{
    return ApiResult::error(403, 40300, "not supported by this bridge: " + what);
}

ApiResult okObject(const QJsonObject& data)
{
    return ApiResult::ok(QJsonDocument(data).toJson(QJsonDocument::Compact));
}

} // namespace cardops::bridge
