// ConsoleApp: fulfilment in the console (issue #8) — the fulfilment desk (this console's worker) and
// the review queue's order actions, both following the session's platform connection.
#include "app/gui/consoleapp.h"
#include "app/gui/consolesession.h"
#include "app/gui/fulfilmentdesk.h"
#include "app/gui/orderactiondesk.h"
#include "app/gui/supplierdesk.h"
#include "storage/database.h"

namespace cardops::app {

models::FulfilmentControl* ConsoleApp::fulfilment()
{
    return m_fulfilment.get();
}

models::OrderActionBackend* ConsoleApp::orderActions()
{
    return m_orderActions.get();
}

core::Actor ConsoleApp::actor() const
{
    return m_session ? m_session->actor() : core::Actor();
}

void ConsoleApp::attachFulfilment()
{
    m_fulfilment = std::make_unique<FulfilmentDesk>(m_session->database(), m_session->clock(), *m_desk,
                                                    m_profile.name.isEmpty() ? m_openedFile : m_profile.name);
    connect(m_session.get(), &ConsoleSession::platformAboutToChange, m_fulfilment.get(),
            [desk = m_fulfilment.get()] { desk->setPlatform(nullptr, nullptr); });
    connect(m_session.get(), &ConsoleSession::platformConnected, this, [this] {
        sync::PlatformTransport* transport = m_session->transport();
        std::unique_ptr<OrderActionDesk> previous = std::move(m_orderActions);
        m_orderActions =
            std::make_unique<OrderActionDesk>(m_session->database().writer(), m_session->database().path(),
                                              *transport, m_fulfilment->holderId(), m_session->actor());
        Q_EMIT orderActionsChanged();
        if (previous)
            previous.release()->deleteLater();
        m_fulfilment->setPlatform(transport, m_session->engine());
    });
}

void ConsoleApp::detachFulfilment()
{
    m_orderActions.reset();
    m_fulfilment.reset();
}

} // namespace cardops::app
