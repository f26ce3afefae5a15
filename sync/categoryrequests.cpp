#include "sync/categoryrequests.h"

#include "core/signing.h"
#include "sync/platformjson.h"
#include "sync/signedcall_p.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace cardops::sync::categories {

Request createRequest(const QString& name, qint64 parentId, qint64 sort, const QByteArray& idempotencyKey)
{
    Request r;
    r.method = QByteArrayLiteral("POST");
    r.path = QByteArrayLiteral("/v1/categories");
    r.body = QJsonDocument(QJsonObject{{u"name"_s, name},
                                       {u"parent_id"_s, parentId},
                                       {u"sort"_s, sort},
                                       {u"status"_s, u"on"_s}})
                 .toJson(QJsonDocument::Compact);
    r.idempotencyKey = idempotencyKey;
    r.maxAttempts = 3; // keyed: a retry after a lost answer gets the first answer back
    return r;
}

QByteArray newCreateKey()
{
    auto random = core::signing::generateNonce(32);
    return "category-" + (random ? random.value() : QUuid::createUuid().toByteArray(QUuid::Id128));
}

QFuture<CategoryAnswer> create(PlatformTransport& transport, const QString& name, qint64 parentId,
                               qint64 sort, const QByteArray& idempotencyKey)
{
    return detail::signedCall<CategoryAnswer>(
        transport, createRequest(name, parentId, sort, idempotencyKey),
        [name, parentId](const QJsonValue& data) -> core::Result<core::Category> {
            auto c = platformjson::category(data.toObject());
            if (c && (c->name != name || c->parentId != parentId))
                return core::makeError(
                    core::ErrorCode::Parse,
                    u"category: the answer names another category (%1 under %2)"_s.arg(c->name).arg(
                        c->parentId));
            return c;
        });
}

} // namespace cardops::sync::categories
