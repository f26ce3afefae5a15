#pragma once

#include "core/access.h"
#include "core/result.h"

#include <QFuture>
#include <QList>
#include <QString>
#include <cstdint>
#include <optional>

namespace cardops::storage {

class Database;
class ReadSession;

struct OperatorRecord
{
    qint64 id = 0;
    QString login;
    QString displayName;
    core::Role role = core::Role::Operator;
    bool active = true;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
};

// The local operators (a default administrator, id 1, exists from the first start). Every change
// is checked against the acting operator's role as stored (not as claimed) and audited in the same
// transaction. Mutations go through the writer and may be called from any thread.
class OperatorRepository
{
public:
    static constexpr qint64 DefaultAdministratorId = 1;

    explicit OperatorRepository(const Database& database)
        : m_database(database)
    {}

    QFuture<core::Result<qint64>> create(const core::Actor& actor, const QString& login,
                                         const QString& displayName, core::Role role) const;
    QFuture<core::Result<void>> setRole(const core::Actor& actor, qint64 id, core::Role role) const;
    QFuture<core::Result<void>> setActive(const core::Actor& actor, qint64 id, bool active) const;

    static core::Result<QList<OperatorRecord>> list(const ReadSession& session);
    static core::Result<std::optional<OperatorRecord>> find(const ReadSession& session, qint64 id);
    // The acting operator for a login (only an active operator can act).
    static core::Result<core::Actor> actorFor(const ReadSession& session, const QString& login);

private:
    const Database& m_database;
};

} // namespace cardops::storage
