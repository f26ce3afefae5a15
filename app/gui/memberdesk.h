#pragma once

#include "core/access.h"
#include "models/memberdeskbackend.h"

#include <functional>

namespace cardops::models {
class DataSource;
}
namespace cardops::storage {
class DatabaseWriter;
}
namespace cardops::sync {
class PlatformTransport;
}

namespace cardops::app {

class ConsoleApp;

// 提现审核 and enterprise orders (models::MemberDeskBackend) over the platform's transport: a keyed
// approve/reject whose answer goes into the cache (withdrawals, the 提现待审 counter) with an audit
// entry, and keyed orders (`POST /v1/orders`) whose orders the feed brings into the cache. UI thread.
class MemberDesk final : public models::MemberDeskBackend
{
    Q_OBJECT
public:
    // What the desk asks for at the moment of each call (they change with the profile and platform).
    struct Hooks
    {
        std::function<sync::PlatformTransport*()> transport;
        std::function<storage::DatabaseWriter*()> writer;
        std::function<models::DataSource*()> source; // told what changed; may answer null
        std::function<core::Actor()> actor;
    };

    explicit MemberDesk(Hooks hooks, QObject* parent = nullptr);
    static MemberDesk* forConsole(ConsoleApp& app);

    bool canAct(QString* why) const override;
    bool mayDecideWithdrawals(QString* why) const override;
    void decideWithdrawal(qint64 withdrawalId, bool approve, const QString& reason, QObject* context,
                          std::function<void(QString error)> done) override;
    void createOrder(const models::OrderRequest& request, const QByteArray& idempotencyKey, QObject* context,
                     std::function<void(models::OrderOutcome)> done) override;

    // A withdrawal status in the operator's words.
    static QString statusText(const QString& status);

private:
    Hooks m_hooks;
};

} // namespace cardops::app
