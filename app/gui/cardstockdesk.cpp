#include "app/gui/cardstockdesk.h"

#include "app/gui/consoleapp.h"
#include "app/gui/consolesession.h"
#include "sync/goodscards.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>

using namespace Qt::StringLiterals;

namespace cardops::app {

namespace {

QString compact(const QJsonObject& o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QString changeAction(models::StockChange change)
{
    switch (change) {
    case models::StockChange::Lock:
        return u"card.lock"_s;
    case models::StockChange::Unlock:
        return u"card.unlock"_s;
    case models::StockChange::Void:
        return u"card.void"_s;
    }
    return {};
}

sync::goodscards::StateChange wireChange(models::StockChange change)
{
    switch (change) {
    case models::StockChange::Lock:
        return sync::goodscards::StateChange::Lock;
    case models::StockChange::Unlock:
        return sync::goodscards::StateChange::Unlock;
    case models::StockChange::Void:
        break;
    }
    return sync::goodscards::StateChange::Void;
}

// A guard for the callbacks: they run only while the caller's context lives.
template<typename F> auto whileAlive(QObject* context, F f)
{
    return [guard = QPointer<QObject>(context), f = std::move(f)](auto&&... args) {
        if (guard)
            f(std::forward<decltype(args)>(args)...);
    };
}

} // namespace

// Defined here so the console's backend hands out the desk without its own files changing: one
// desk per console, a child of it, asking the open session at the time of each call.
models::CardStockBackend* ConsoleApp::cardStock()
{
    if (auto* desk = findChild<CardStockDesk*>(QString(), Qt::FindDirectChildrenOnly))
        return desk;
    return CardStockDesk::forConsole(*this);
}

CardStockDesk* CardStockDesk::forConsole(ConsoleApp& app)
{
    static core::SystemClock clock; // outlives every call (the session's clock may not)
    // The desk is a child of the console, so the console outlives the hooks the desk owns.
    ConsoleApp* console = &app;
    Hooks hooks;
    hooks.transport = [console]() -> sync::PlatformTransport* {
        ConsoleSession* session = console->session();
        return session != nullptr ? session->transport() : nullptr;
    };
    hooks.actor = [console] {
        return console->actor();
    };
    hooks.audit = [console](const core::Actor& actor, const QString& action, const QString& entity,
                            const QString& entityId, const QString& detail) {
        if (ConsoleSession* session = console->session(); session != nullptr)
            return session->audit(actor, action, entity, entityId, detail);
        return QtFuture::makeReadyFuture(
            core::Result<void>(core::makeError(core::ErrorCode::Storage, u"no shop is open"_s)));
    };
    auto* desk = new CardStockDesk(std::move(hooks), clock, &app);
    connect(&app, &ConsoleApp::orderActionsChanged, desk, &CardStockDesk::permissionsChanged);
    connect(desk, &CardStockDesk::stockChanged, &app, [console] {
        console->syncNow(); // the goods' stock figures in the cache follow
    });
    return desk;
}

CardStockDesk::CardStockDesk(Hooks hooks, const core::Clock& clock, QObject* parent)
    : models::CardStockBackend(parent)
    , m_hooks(std::move(hooks))
    , m_clock(clock)
{}

QString CardStockDesk::describe(const sync::CallError& error, bool aboutACard)
{
    return describe(
        error,
        tr("The platform could not be reached (%1). Card stock is managed only while the console is "
           "online."),
        aboutACard ? tr("The platform does not know this card.")
                   : tr("The platform does not know this goods."),
        true);
}

QString CardStockDesk::describe(const sync::CallError& error, const QString& unreachable,
                                const QString& notFound, bool forbiddenApart)
{
    const QString detail = error.describe();
    switch (error.kind) {
    case sync::CallError::Cancelled:
        return tr("The request was cancelled: the shop was closed or reconnected.");
    case sync::CallError::Network:
    case sync::CallError::Timeout:
    case sync::CallError::Tls:
    case sync::CallError::Server:
    case sync::CallError::RateLimited:
        return unreachable.arg(detail);
    case sync::CallError::NotFound:
        return notFound;
    case sync::CallError::Auth:
    case sync::CallError::Clock:
        return tr("The platform did not accept this console's credentials (%1).").arg(detail);
    case sync::CallError::Forbidden:
        if (forbiddenApart)
            return tr("The platform does not allow this (%1).").arg(detail);
        break;
    case sync::CallError::Malformed:
    case sync::CallError::TooLarge:
    case sync::CallError::Business:
        return tr("The platform's answer could not be read (%1).").arg(detail);
    default:
        break;
    }
    return tr("The platform refused the request (%1).").arg(detail);
}

QString CardStockDesk::whyNot(core::Permission permission) const
{
    if (!m_hooks.transport || m_hooks.transport() == nullptr)
        return tr("Card stock lives on the platform, and this console has no platform connection right now.");
    if (!core::roleAllows(m_hooks.actor().role, permission))
        return permission == core::Permission::RevealCardSecret
                   ? tr("Your role may not reveal card secrets; an administrator can.")
                   : tr("Your role may not change card stock; an operator or administrator can.");
    return {};
}

QString CardStockDesk::whyNotManage() const
{
    return whyNot(core::Permission::ImportCards);
}

QString CardStockDesk::whyNotReveal() const
{
    return whyNot(core::Permission::RevealCardSecret);
}

void CardStockDesk::audit(const core::Actor& actor, const QString& action, const QString& entity,
                          const QString& entityId, const QString& detailJson, QObject* context,
                          std::function<void(QString)> after)
{
    m_hooks.audit(actor, action, entity, entityId, detailJson)
        .then(context, [after = std::move(after)](const core::Result<void>& written) {
            after(written ? QString() : ConsoleApp::describe(written.error()));
        });
}

void CardStockDesk::listCards(qint64 goodsId, QObject* context, std::function<void(qint64)> progress,
                              std::function<void(models::StockCardList)> done)
{
    sync::PlatformTransport* transport = m_hooks.transport ? m_hooks.transport() : nullptr;
    if (transport == nullptr)
        return done({false, {}, whyNotManage()});
    auto onProgress = whileAlive(context, [progress](qint64 listed, qint64) {
        if (progress)
            progress(listed);
    });
    sync::goodscards::listCards(*transport, goodsId, onProgress)
        .then(context, [done = std::move(done)](const sync::goodscards::ListAnswer& answer) {
            if (!answer.ok())
                return done({false, {}, describe(answer.error, false)});
            models::StockCardList out;
            out.ok = true;
            out.cards.reserve(answer.value->size());
            for (const sync::goodscards::StockCard& c : *answer.value)
                out.cards.append(
                    {c.id, c.status, c.masked, c.expiresAt, c.orderId, c.createdAt, c.loop, c.fingerprint});
            done(std::move(out));
        });
}

void CardStockDesk::upload(qint64 goodsId, const QList<models::StockUploadLine>& lines,
                           const QByteArray& uploadKey, QObject* context,
                           std::function<void(qint64, qint64)> progress,
                           std::function<void(models::StockUploadResult)> done)
{
    if (const QString why = whyNotManage(); !why.isEmpty()) {
        models::StockUploadResult refused;
        refused.error = why;
        return done(refused);
    }
    const core::Actor actor = m_hooks.actor();
    QList<sync::goodscards::UploadLine> wire;
    wire.reserve(lines.size());
    for (const models::StockUploadLine& l : lines)
        wire.append({l.secret, l.expiresAt, l.loop});
    QPointer<CardStockDesk> self(this);
    auto onProgress = whileAlive(context, [progress](qint64 sent, qint64 total) {
        if (progress)
            progress(sent, total);
    });
    sync::goodscards::uploadPrivately(*m_hooks.transport(), m_clock, goodsId, wire, uploadKey, onProgress)
        .then(context, [self, actor, goodsId, total = lines.size(), context,
                        done = std::move(done)](const sync::goodscards::UploadOutcome& outcome) {
            models::StockUploadResult result;
            result.ok = outcome.complete(total);
            result.added = outcome.added;
            result.duplicate = outcome.duplicate;
            result.invalid = outcome.invalid;
            result.stockAvailable = outcome.stockAvailable;
            result.lines.reserve(outcome.lines.size());
            for (const sync::goodscards::LineResult& l : outcome.lines)
                result.lines.append(
                    {l.index, static_cast<models::StockLineResult::Kind>(l.kind), l.cardId, l.reason});
            if (outcome.error)
                result.error = describe(*outcome.error, false);
            if (!self)
                return done(result);
            if (outcome.lines.isEmpty())
                return done(result);
            Q_EMIT self->stockChanged(goodsId);
            const QJsonObject detail{{u"lines"_s, outcome.lines.size()},
                                     {u"added"_s, outcome.added},
                                     {u"duplicate"_s, outcome.duplicate},
                                     {u"invalid"_s, outcome.invalid},
                                     {u"complete"_s, result.ok}};
            self->audit(actor, u"card.import"_s, u"goods"_s, QString::number(goodsId), compact(detail),
                        context, [result, done](const QString& auditError) mutable {
                            if (!auditError.isEmpty() && result.error.isEmpty())
                                result.error =
                                    tr("The cards were uploaded, but the local audit log could not "
                                       "record it (%1).")
                                        .arg(auditError);
                            done(result);
                        });
        });
}

void CardStockDesk::changeCards(qint64 goodsId, models::StockChange change, const QList<qint64>& cardIds,
                                QObject* context, std::function<void(models::StockChangeResult)> done)
{
    if (const QString why = whyNotManage(); !why.isEmpty())
        return done({false, 0, 0, 0, 0, why});
    if (cardIds.isEmpty())
        return done({true, 0, 0, 0, 0, {}});
    const core::Actor actor = m_hooks.actor();
    QPointer<CardStockDesk> self(this);
    sync::goodscards::changeState(*m_hooks.transport(), wireChange(change), cardIds,
                                  sync::goodscards::newKeyPrefix())
        .then(context, [self, actor, goodsId, change, cardIds, context,
                        done = std::move(done)](const sync::goodscards::ChangeAnswer& answer) {
            models::StockChangeResult result;
            if (!answer.ok()) {
                result.error = describe(answer.error, true);
                return done(result);
            }
            result.ok = true;
            QJsonArray changed;
            for (const sync::goodscards::ChangeResult& r : *answer.value) {
                if (r.result == u"done") {
                    ++result.done;
                    changed.append(r.id);
                } else if (r.result == u"unchanged") {
                    ++result.unchanged;
                } else if (r.result == u"refused") {
                    ++result.refused;
                } else {
                    ++result.notFound;
                }
            }
            if (!self || result.done == 0)
                return done(result);
            Q_EMIT self->stockChanged(goodsId);
            const QJsonObject detail{{u"goods_id"_s, goodsId}, {u"cards"_s, changed}};
            self->audit(actor, changeAction(change), u"goods"_s, QString::number(goodsId), compact(detail),
                        context, [result, done](const QString& auditError) mutable {
                            if (!auditError.isEmpty())
                                result.error = tr("The platform made the change, but the local audit log "
                                                  "could not record it (%1).")
                                                   .arg(auditError);
                            done(result);
                        });
        });
}

void CardStockDesk::revealCard(qint64 goodsId, qint64 cardId, QObject* context,
                               std::function<void(models::CardReveal)> done)
{
    if (const QString why = whyNotReveal(); !why.isEmpty())
        return done({false, {}, why});
    const core::Actor actor = m_hooks.actor();
    QPointer<CardStockDesk> self(this);
    // Through a transport of its own: the plaintext stays out of the diagnostics view. It is shown
    // only once the local audit log has recorded the reveal, and is never written anywhere.
    sync::goodscards::revealPrivately(*m_hooks.transport(), m_clock, goodsId, cardId)
        .then(context, [self, actor, goodsId, cardId, context,
                        done = std::move(done)](const sync::goodscards::RevealAnswer& answer) {
            if (!answer.ok())
                return done({false, {}, describe(answer.error, true)});
            if (!self) {
                sync::CallError closed;
                closed.kind = sync::CallError::Cancelled;
                return done({false, {}, describe(closed, true)});
            }
            const QJsonObject detail{{u"goods_id"_s, goodsId}, {u"order_id"_s, answer.value->orderId}};
            self->audit(actor, u"card.reveal"_s, u"card"_s, QString::number(cardId), compact(detail), context,
                        [secret = answer.value->secret, done](const QString& auditError) {
                            if (!auditError.isEmpty())
                                return done({false,
                                             {},
                                             tr("The card was revealed on the platform, but the local audit "
                                                "log could not record it (%1), so the secret is not shown.")
                                                 .arg(auditError)});
                            done({true, secret, {}});
                        });
        });
}

} // namespace cardops::app
