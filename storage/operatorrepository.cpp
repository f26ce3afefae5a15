#include "storage/operatorrepository.h"

#include "storage/database.h"
#include "storage/databasewriter.h"
#include "storage/readsession.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace cardops::storage {

using core::ErrorCode;
using core::makeError;
using core::Permission;
using core::Result;

namespace {

const QString kSelect =
    QStringLiteral("SELECT id, login, display_name, role, active, created_at, updated_at FROM operators");

Result<OperatorRecord> fromRow(const QVariantList& row)
{
    const auto role = core::roleFromCode(row.value(3).toString());
    if (!role)
        return makeError(ErrorCode::Storage, u"unknown role " + row.value(3).toString());
    return OperatorRecord{
        row.value(0).toLongLong(), row.value(1).toString(),   row.value(2).toString(),  *role,
        row.value(4).toInt() != 0, row.value(5).toLongLong(), row.value(6).toLongLong()};
}

// Checks the actor against its stored role: a stale or forged Actor gains nothing.
Result<void> authorizeStored(WriteContext& ctx, const core::Actor& actor, Permission permission)
{
    auto rows = ctx.select(QStringLiteral("SELECT role, active FROM operators WHERE id = ?"),
                           {QVariant::fromValue<qint64>(actor.operatorId)});
    if (!rows)
        return rows.error();
    if (rows->isEmpty() || rows->first().value(1).toInt() == 0)
        return makeError(ErrorCode::PermissionDenied,
                         actor.login + QStringLiteral(" is not an active operator"));
    const auto role = core::roleFromCode(rows->first().value(0).toString());
    core::Actor stored = actor;
    stored.role = role.value_or(core::Role::Operator);
    return core::authorize(stored, permission);
}

// The last active administrator can be neither demoted nor deactivated: nobody could undo it.
Result<void> keepAnAdministrator(WriteContext& ctx, qint64 changedId)
{
    auto rows =
        ctx.select(QStringLiteral("SELECT count(*) FROM operators WHERE role = 'admin' AND active = 1 "
                                  "AND id <> ?"),
                   {QVariant::fromValue<qint64>(changedId)});
    if (!rows)
        return rows.error();
    if (rows->first().value(0).toLongLong() == 0)
        return makeError(ErrorCode::Conflict, QStringLiteral("the last active administrator must stay"));
    return {};
}

QString json(const QJsonObject& o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

template<typename T> QFuture<Result<T>> rejected(const core::Error& error)
{
    return QtFuture::makeReadyFuture(Result<T>(error));
}

} // namespace

QFuture<Result<qint64>> OperatorRepository::create(const core::Actor& actor, const QString& login,
                                                   const QString& displayName, core::Role role) const
{
    static const QRegularExpression validLogin(QStringLiteral("^[A-Za-z0-9_.@-]{1,64}$"));
    if (auto allowed = core::authorize(actor, Permission::ManageOperators); !allowed)
        return rejected<qint64>(allowed.error());
    if (!validLogin.match(login).hasMatch())
        return rejected<qint64>(makeError(ErrorCode::InvalidArgument, u"invalid login '" + login + u'\''));
    const QString name = displayName.trimmed();
    if (name.isEmpty() || name.size() > 64)
        return rejected<qint64>(makeError(ErrorCode::InvalidArgument,
                                          QStringLiteral("display name must have 1 to 64 characters")));

    return m_database.writer().submit<qint64>(
        QStringLiteral("operators.create"), [=](WriteContext& ctx) -> Result<qint64> {
            if (auto allowed = authorizeStored(ctx, actor, Permission::ManageOperators); !allowed)
                return allowed.error();
            const qint64 now = ctx.nowSeconds();
            auto id = ctx.insert(
                QStringLiteral("INSERT INTO operators (login, display_name, role, active, created_at, "
                               "updated_at) VALUES (?, ?, ?, 1, ?, ?)"),
                {login, name, core::roleCode(role), now, now});
            if (!id)
                return id.error();
            ctx.touch(QStringLiteral("operators"));
            auto audited = ctx.audit(actor, QStringLiteral("operator.create"), QStringLiteral("operator"),
                                     QString::number(*id),
                                     json({{u"login"_qs, login}, {u"role"_qs, core::roleCode(role)}}));
            if (!audited)
                return audited.error();
            return qint64(*id);
        });
}

QFuture<Result<void>> OperatorRepository::setRole(const core::Actor& actor, qint64 id, core::Role role) const
{
    if (auto allowed = core::authorize(actor, Permission::ManageOperators); !allowed)
        return rejected<void>(allowed.error());
    return m_database.writer().submit(
        QStringLiteral("operators.setRole"), [=](WriteContext& ctx) -> Result<void> {
            if (auto allowed = authorizeStored(ctx, actor, Permission::ManageOperators); !allowed)
                return allowed;
            auto before = ctx.select(QStringLiteral("SELECT role FROM operators WHERE id = ?"),
                                     {QVariant::fromValue<qint64>(id)});
            if (!before)
                return before.error();
            if (before->isEmpty())
                return makeError(ErrorCode::NotFound, QStringLiteral("no operator %1").arg(id));
            const QString from = before->first().value(0).toString();
            if (from == u"admin" && role != core::Role::Administrator) {
                if (auto kept = keepAnAdministrator(ctx, id); !kept)
                    return kept;
            }
            auto changed =
                ctx.exec(QStringLiteral("UPDATE operators SET role = ?, updated_at = ? WHERE id = ?"),
                         {core::roleCode(role), ctx.nowSeconds(), QVariant::fromValue<qint64>(id)});
            if (!changed)
                return changed.error();
            ctx.touch(QStringLiteral("operators"));
            return ctx.audit(actor, QStringLiteral("operator.set_role"), QStringLiteral("operator"),
                             QString::number(id),
                             json({{u"from"_qs, from}, {u"to"_qs, core::roleCode(role)}}));
        });
}

QFuture<Result<void>> OperatorRepository::setActive(const core::Actor& actor, qint64 id, bool active) const
{
    if (auto allowed = core::authorize(actor, Permission::ManageOperators); !allowed)
        return rejected<void>(allowed.error());
    return m_database.writer().submit(
        QStringLiteral("operators.setActive"), [=](WriteContext& ctx) -> Result<void> {
            if (auto allowed = authorizeStored(ctx, actor, Permission::ManageOperators); !allowed)
                return allowed;
            if (!active) {
                auto role = ctx.select(QStringLiteral("SELECT role FROM operators WHERE id = ?"),
                                       {QVariant::fromValue<qint64>(id)});
                if (!role)
                    return role.error();
                if (!role->isEmpty() && role->first().value(0).toString() == u"admin") {
                    if (auto kept = keepAnAdministrator(ctx, id); !kept)
                        return kept;
                }
            }
            auto changed =
                ctx.exec(QStringLiteral("UPDATE operators SET active = ?, updated_at = ? WHERE id = ?"),
                         {active ? 1 : 0, ctx.nowSeconds(), QVariant::fromValue<qint64>(id)});
            if (!changed)
                return changed.error();
            if (*changed == 0)
                return makeError(ErrorCode::NotFound, QStringLiteral("no operator %1").arg(id));
            ctx.touch(QStringLiteral("operators"));
            return ctx.audit(
                actor, active ? QStringLiteral("operator.activate") : QStringLiteral("operator.deactivate"),
                QStringLiteral("operator"), QString::number(id));
        });
}

Result<QList<OperatorRecord>> OperatorRepository::list(const ReadSession& session)
{
    auto rows = session.select(kSelect + QStringLiteral(" ORDER BY id"));
    if (!rows)
        return rows.error();
    QList<OperatorRecord> out;
    for (const auto& row : *rows) {
        auto record = fromRow(row);
        if (!record)
            return record.error();
        out.append(*record);
    }
    return out;
}

Result<std::optional<OperatorRecord>> OperatorRepository::find(const ReadSession& session, qint64 id)
{
    auto rows = session.select(kSelect + QStringLiteral(" WHERE id = ?"), {QVariant::fromValue<qint64>(id)});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return std::optional<OperatorRecord>();
    auto record = fromRow(rows->first());
    if (!record)
        return record.error();
    return std::optional<OperatorRecord>(*record);
}

Result<core::Actor> OperatorRepository::actorFor(const ReadSession& session, const QString& login)
{
    auto rows = session.select(kSelect + QStringLiteral(" WHERE login = ? AND active = 1"), {login});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return makeError(ErrorCode::NotFound, u"no active operator '" + login + u'\'');
    auto record = fromRow(rows->first());
    if (!record)
        return record.error();
    return core::Actor{record->id, record->login, record->role};
}

} // namespace cardops::storage
