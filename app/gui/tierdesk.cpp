#include "app/gui/tierdesk.h"

#include "app/gui/consoleapp.h"
#include "app/gui/consolesession.h"
#include "storage/database.h"
#include "storage/databasewriter.h"
#include "sync/tierrequests.h"

namespace cardops::app {

// Defined here so the console hands out the desk without its own files changing: one desk per
// console, a child of it, asking the open session at the time of each call.
models::TierBackend* ConsoleApp::tierBackend()
{
    if (auto* desk = findChild<TierDesk*>(QString(), Qt::FindDirectChildrenOnly))
        return desk;
    return TierDesk::forConsole(*this);
}

TierDesk* TierDesk::forConsole(ConsoleApp& app)
{
    ConsoleApp* console = &app; // the desk is the console's child: the console outlives the hooks
    Hooks hooks;
    hooks.transport = [console]() -> sync::PlatformTransport* {
        ConsoleSession* session = console->session();
        return session != nullptr ? session->transport() : nullptr;
    };
    hooks.writer = [console]() -> storage::DatabaseWriter* {
        return console->session() ? &console->session()->database().writer() : nullptr;
    };
    hooks.actor = [console] {
        return console->actor();
    };
    return new TierDesk(std::move(hooks), console);
}

TierDesk::TierDesk(Hooks hooks, QObject* parent)
    : models::TierBackend(parent)
    , m_hooks(std::move(hooks))
{}

bool TierDesk::canPush(QString* why) const
{
    QString reason;
    if (!m_hooks.writer())
        reason = tr("No cache is open.");
    else if (!m_hooks.transport())
        reason = tr("The tier ladder lives on the platform, and this console has no platform connection "
                    "right now.");
    else if (!core::roleAllows(m_hooks.actor().role, core::Permission::EditTiers))
        reason = tr("Your role may not change the tier ladder; an administrator can.");
    if (why)
        *why = reason;
    return reason.isEmpty();
}

void TierDesk::pushLadder(const core::TierLadder& ladder, QObject* context,
                          std::function<void(QString error)> done)
{
    QString why;
    if (!canPush(&why))
        return done(why);
    sync::tiers::pushLadder(*m_hooks.transport(), *m_hooks.writer(), m_hooks.actor(), ladder, ladder.version,
                            context, std::move(done));
}

} // namespace cardops::app
