#include "sync/tierrequests.h"

#include "core/signing.h"
#include "storage/databasewriter.h"
#include "storage/platformcache.h"
#include "storage/writecontext.h"
#include "sync/platformjson.h"
#include "sync/signedcall_p.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace cardops::sync::tiers {
namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("cardops::sync::tiers", text);
}

core::Result<QJsonValue> parsed(const QByteArray& json, bool array, const QString& what)
{
    if (json.trimmed().isEmpty())
        return array ? QJsonValue(QJsonArray()) : QJsonValue(QJsonObject());
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || (array ? !doc.isArray() : !doc.isObject()))
        return core::makeError(core::ErrorCode::InvalidArgument,
                               what + u": not a JSON "_s + (array ? u"array"_s : u"object"_s));
    return array ? QJsonValue(doc.array()) : QJsonValue(doc.object());
}

} // namespace

QString percentText(core::Rate rate)
{
    const qint64 ppm = rate.ppm();
    const qint64 whole = ppm / 10'000;
    QString fraction = QString::number(std::abs(ppm % 10'000)).rightJustified(4, u'0');
    while (fraction.endsWith(u'0'))
        fraction.chop(1);
    const QString sign = ppm < 0 && whole == 0 ? u"-"_s : QString();
    return sign + QString::number(whole) + (fraction.isEmpty() ? QString() : u'.' + fraction) + u'%';
}

core::Result<QByteArray> ladderBody(const core::TierLadder& ladder)
{
    QJsonArray items;
    for (const core::Tier& t : ladder.tiers) {
        auto rates = parsed(t.commissionRates, true, u"tier %1 commission_rates"_s.arg(t.name));
        if (!rates)
            return rates.error();
        auto upgrade = parsed(t.upgrade, false, u"tier %1 upgrade"_s.arg(t.name));
        if (!upgrade)
            return upgrade.error();
        QJsonObject o{{u"name"_s, t.name},
                      {u"rank"_s, t.rank},
                      {u"discount"_s, percentText(t.discount)},
                      {u"commission_rates"_s, rates.value()},
                      {u"upgrade"_s, upgrade.value()}};
        if (t.id > 0)
            o.insert(u"id"_s, t.id);
        items.append(o);
    }
    return QJsonDocument(QJsonObject{{u"items"_s, items}}).toJson(QJsonDocument::Compact);
}

core::Result<Request> putRequest(const core::TierLadder& ladder, qint64 baseVersion,
                                 const QByteArray& idempotencyKey)
{
    auto body = ladderBody(ladder);
    if (!body)
        return body.error();
    Request r;
    r.method = QByteArrayLiteral("PUT");
    r.path = QByteArrayLiteral("/v1/tiers");
    r.body = body.value();
    r.idempotencyKey = idempotencyKey;
    r.ifMatch = baseVersion;
    r.maxAttempts = 3; // keyed: a retry after a lost answer gets the first answer back
    return r;
}

QByteArray newPutKey()
{
    auto random = core::signing::generateNonce(32);
    return "tiers-" + (random ? random.value() : QUuid::createUuid().toByteArray(QUuid::Id128));
}

QFuture<LadderAnswer> put(PlatformTransport& transport, const core::TierLadder& ladder, qint64 baseVersion,
                          const QByteArray& idempotencyKey)
{
    auto request = putRequest(ladder, baseVersion, idempotencyKey);
    if (!request) {
        LadderAnswer refused;
        refused.error.kind = CallError::InvalidRequest;
        refused.error.message = request.error().detail;
        return QtFuture::makeReadyFuture(refused);
    }
    return detail::signedCall<LadderAnswer>(
        transport, request.value(), [baseVersion](const QJsonValue& data) -> core::Result<core::TierLadder> {
            auto ladder = platformjson::tierLadder(data);
            if (ladder && ladder->version <= baseVersion)
                return core::makeError(
                    core::ErrorCode::Parse,
                    u"tiers: the answer's version %1 is not newer than %2"_s.arg(ladder->version)
                        .arg(baseVersion));
            return ladder;
        });
}

QString describeFailure(const CallError& error, qint64 current)
{
    switch (error.kind) {
    case CallError::Conflict:
    case CallError::Precondition:
        if (current > 0)
            return tr("The tier ladder was changed on the platform meanwhile (now version %1), so your "
                      "changes were not applied. The editor shows the platform's ladder again; make your "
                      "changes on it and push once more.")
                .arg(current);
        return tr("The tier ladder was changed on the platform meanwhile, so your changes were not applied. "
                  "Sync, then make your changes again on the platform's ladder.");
    case CallError::BadRequest:
        return tr("The platform refused this ladder (%1). A tier that members still hold cannot be removed.")
            .arg(error.describe());
    case CallError::Forbidden:
        return tr("The platform does not allow this console to change tiers (%1).").arg(error.describe());
    case CallError::Network:
    case CallError::Timeout:
    case CallError::Tls:
    case CallError::Server:
    case CallError::RateLimited:
        return tr("The platform could not be reached (%1). Nothing was changed; push again when the console "
                  "is online.")
            .arg(error.describe());
    case CallError::Cancelled:
        return tr("The push was cancelled: the shop was closed or reconnected.");
    case CallError::InvalidRequest:
        return tr("The ladder could not be sent (%1).").arg(error.message);
    default:
        return tr("The platform refused the request (%1).").arg(error.describe());
    }
}

void pushLadder(PlatformTransport& transport, storage::DatabaseWriter& writer, const core::Actor& actor,
                const core::TierLadder& ladder, qint64 baseVersion, QObject* context,
                std::function<void(QString error)> done)
{
    if (auto allowed = core::authorize(actor, core::Permission::EditTiers); !allowed)
        return done(tr("Your role may not change the tier ladder; an administrator can."));
    QPointer<storage::DatabaseWriter> guard(&writer);
    const QByteArray body = ladderBody(ladder).valueOr(QByteArray());
    put(transport, ladder, baseVersion, newPutKey())
        .then(context, [guard, actor, body, context, done](const LadderAnswer& answer) {
            std::optional<core::TierLadder> store;
            QString error;
            if (answer.ok()) {
                store = answer.value;
            } else {
                qint64 current = 0;
                if (answer.error.kind == CallError::Conflict ||
                    answer.error.kind == CallError::Precondition) {
                    const QJsonDocument data = QJsonDocument::fromJson(answer.error.data);
                    if (auto theirs = platformjson::tierLadder(data.object()); theirs) {
                        current = theirs->version;
                        store = theirs.value();
                    }
                }
                error = describeFailure(answer.error, current);
            }
            if (!store || !guard)
                return done(error);
            const bool pushed = answer.ok();
            const core::TierLadder stored = *store;
            guard
                ->submit<bool>(
                    u"tiers.push"_s,
                    [stored, pushed, actor, body](storage::WriteContext& ctx) -> core::Result<bool> {
                        auto r = storage::platformcache::replaceTiers(ctx, stored);
                        if (!r || !pushed)
                            return r;
                        auto audited = ctx.audit(actor, u"tier_ladder_push"_s, u"tiers"_s,
                                                 QString::number(stored.version), QString::fromUtf8(body));
                        if (!audited)
                            return audited.error();
                        return r;
                    })
                .then(context, [error, done](const core::Result<bool>& written) {
                    if (!written && error.isEmpty())
                        return done(tr("The platform took the ladder, but the cache could not store it (%1). "
                                       "The next sync brings it.")
                                        .arg(written.error().detail));
                    done(error);
                });
        });
}

} // namespace cardops::sync::tiers
