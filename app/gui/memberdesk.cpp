#include "app/gui/memberdesk.h"

#include "app/gui/cardstockdesk.h"
#include "app/gui/consoleapp.h"
#include "app/gui/consolesession.h"
#include "models/datasource.h"
#include "storage/database.h"
#include "storage/databasewriter.h"
#include "storage/withdrawalstore.h"
#include "sync/memberrequests.h"

#include <QFutureWatcher>
#include <QPointer>

using namespace Qt::StringLiterals;

namespace cardops::app {

MemberDesk::MemberDesk(Hooks hooks, QObject* parent)
    : models::MemberDeskBackend(parent)
    , m_hooks(std::move(hooks))
{}

models::MemberDeskBackend* ConsoleApp::memberDesk()
{
    if (auto* desk = findChild<MemberDesk*>(QString(), Qt::FindDirectChildrenOnly))
        return desk;
    return MemberDesk::forConsole(*this);
}

MemberDesk* MemberDesk::forConsole(ConsoleApp& app)
{
    ConsoleApp* console = &app; // the desk is the console's child: the console outlives the hooks
    Hooks hooks;
    hooks.transport = [console] {
        return console->session() ? console->session()->transport() : nullptr;
    };
    hooks.writer = [console]() -> storage::DatabaseWriter* {
        return console->session() ? &console->session()->database().writer() : nullptr;
    };
    hooks.source = [console]() -> models::DataSource* {
        return console->session() ? &console->session()->source() : nullptr;
    };
    hooks.actor = [console] {
        return console->actor();
    };
    return new MemberDesk(std::move(hooks), console);
}

bool MemberDesk::canAct(QString* why) const
{
    QString reason;
    if (!m_hooks.writer())
        reason = tr("No cache is open.");
    else if (!m_hooks.transport())
        reason = tr("This console has no platform connection right now: withdrawals and orders are decided "
                    "on the platform.");
    if (why)
        *why = reason;
    return reason.isEmpty();
}

bool MemberDesk::mayDecideWithdrawals(QString* why) const
{
    if (!canAct(why))
        return false;
    if (!core::roleAllows(m_hooks.actor().role, core::Permission::ApproveWithdrawals)) {
        if (why)
            *why = tr("Your role may not decide withdrawals; finance or an administrator can.");
        return false;
    }
    return true;
}

QString MemberDesk::statusText(const QString& status)
{
    if (status == u"approved")
        return tr("approved");
    if (status == u"rejected")
        return tr("rejected");
    if (status == u"pending")
        return tr("pending");
    return status;
}

void MemberDesk::decideWithdrawal(qint64 withdrawalId, bool approve, const QString& reason, QObject* context,
                                  std::function<void(QString)> done)
{
    QPointer<QObject> guard(context);
    auto answer = [guard, done](const QString& error) {
        if (guard)
            done(error);
    };
    QString why;
    if (!mayDecideWithdrawals(&why))
        return answer(why);
    if (!approve && reason.trimmed().isEmpty())
        return answer(tr("A rejection needs a reason for the agent."));
    const core::Actor who = m_hooks.actor();
    auto* call = new QFutureWatcher<sync::members::WithdrawalAnswer>(this);
    connect(
        call, &QFutureWatcherBase::finished, this, [this, call, withdrawalId, approve, reason, who, answer] {
            const auto reply = call->result();
            call->deleteLater();
            std::optional<core::Withdrawal> remote = reply.value;
            QString error;
            if (!reply.ok()) {
                remote = sync::members::conflictWithdrawal(reply.error, withdrawalId);
                if (remote)
                    error = tr("This request was already %1 on the platform; nothing was changed.")
                                .arg(statusText(remote->status));
                else
                    error = CardStockDesk::describe(
                        reply.error,
                        tr("The platform could not be reached (%1). Nothing was decided; try again."),
                        tr("The platform does not know this withdrawal request."), true);
            }
            storage::DatabaseWriter* writer = m_hooks.writer();
            if (!remote || !writer)
                return answer(error);
            const core::Withdrawal w = *remote;
            const bool decided = reply.ok();
            auto* saved = new QFutureWatcher<core::Result<bool>>(this);
            connect(saved, &QFutureWatcherBase::finished, this, [this, saved, error, answer] {
                const auto r = saved->result();
                saved->deleteLater();
                if (models::DataSource* source = m_hooks.source())
                    source->notifyChanged({u"withdrawals"_s, u"counters"_s, u"audit_log"_s});
                if (!r && error.isEmpty())
                    return answer(tr("Decided on the platform; the cache follows with the next sync (%1).")
                                      .arg(r.error().detail));
                answer(error);
            });
            saved->setFuture(writer->submit<bool>(
                u"withdrawals.decide"_s, [w, decided, approve, reason, who](storage::WriteContext& ctx) {
                    return decided ? storage::withdrawalstore::recordDecision(ctx, who, w, approve, reason)
                                   : storage::withdrawalstore::applyRemote(ctx, w);
                }));
        });
    sync::PlatformTransport* transport = m_hooks.transport();
    call->setFuture(sync::members::decideWithdrawal(*transport, withdrawalId, approve, reason.trimmed(),
                                                    sync::members::newDecisionKey()));
}

void MemberDesk::createOrder(const models::OrderRequest& request, const QByteArray& idempotencyKey,
                             QObject* context, std::function<void(models::OrderOutcome)> done)
{
    QPointer<QObject> guard(context);
    auto answer = [guard, done](const models::OrderOutcome& outcome) {
        if (guard)
            done(outcome);
    };
    QString why;
    if (!canAct(&why)) {
        models::OrderOutcome o;
        o.error = why;
        o.retryable = true;
        return answer(o);
    }
    sync::members::OrderDraft draft;
    draft.memberId = request.memberId;
    draft.goodsId = request.goodsId;
    draft.quantity = request.quantity;
    draft.chargeAccount = request.chargeAccount;
    draft.contact = request.contact;
    draft.payChannel = request.payChannel;
    auto* call = new QFutureWatcher<sync::members::OrderAnswer>(this);
    connect(call, &QFutureWatcherBase::finished, this, [call, answer] {
        const auto reply = call->result();
        call->deleteLater();
        models::OrderOutcome o;
        if (reply.ok()) {
            o.orderId = reply.value->id;
            o.orderNo = reply.value->orderNo;
            o.status = reply.value->status;
            return answer(o);
        }
        using K = sync::CallError;
        const K::Kind k = reply.error.kind;
        o.retryable = k == K::Network || k == K::Timeout || k == K::Server || k == K::RateLimited ||
                      k == K::Cancelled || k == K::Malformed || k == K::TooLarge;
        o.error = k == K::BadRequest
                      ? tr("The platform refused the line (%1).").arg(reply.error.message)
                      : CardStockDesk::describe(reply.error,
                                                tr("The platform could not be reached (%1). The line is sent "
                                                   "again with the same key on 继续."),
                                                tr("The platform does not know this member or goods."), true);
        answer(o);
    });
    call->setFuture(sync::members::createOrder(*m_hooks.transport(), draft, idempotencyKey));
}

} // namespace cardops::app
