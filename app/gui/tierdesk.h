#pragma once

#include "core/access.h"
#include "models/tierbackend.h"

#include <functional>

namespace cardops::storage {
class DatabaseWriter;
}
namespace cardops::sync {
class PlatformTransport;
}

namespace cardops::app {

class ConsoleApp;

// The tier ladder pushed to the platform (models::TierBackend) over sync::tiers::pushLadder and the
// open profile's transport: the role decides (core::Permission::EditTiers), the platform's answer
// replaces the cached ladder with an audit entry in one writer job. UI thread.
class TierDesk final : public models::TierBackend
{
    Q_OBJECT
public:
    // What the desk asks of the session at the moment of each call (the transport changes when the
    // platform reconnects); null when there is none.
    struct Hooks
    {
        std::function<sync::PlatformTransport*()> transport;
        std::function<storage::DatabaseWriter*()> writer;
        std::function<core::Actor()> actor;
    };

    explicit TierDesk(Hooks hooks, QObject* parent = nullptr);
    // The desk of the console: hooks over app.session().
    static TierDesk* forConsole(ConsoleApp& app);

    bool canPush(QString* why) const override;
    void pushLadder(const core::TierLadder& ladder, QObject* context,
                    std::function<void(QString error)> done) override;

private:
    Hooks m_hooks;
};

} // namespace cardops::app
