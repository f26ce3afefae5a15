#pragma once

#include "core/access.h"
#include "core/clock.h"
#include "core/result.h"
#include "models/cardstockbackend.h"

#include <QFuture>
#include <QString>
#include <functional>

namespace cardops::sync {
class PlatformTransport;
struct CallError;
} // namespace cardops::sync

namespace cardops::app {

class ConsoleApp;

// The card stock of goods (models::CardStockBackend) over sync::goodscards and the open profile's
// platform transport: the role decides what may be done (core::Permission::ImportCards for
// uploads and state changes, RevealCardSecret for a reveal), every change and every reveal is
// written to the local audit log, and secrets travel through transports of their own (never the
// diagnostics view). Nothing is cached. UI thread.
class CardStockDesk final : public models::CardStockBackend
{
    Q_OBJECT
public:
    // What the desk asks of the session at the moment of each call (the transport changes when the
    // platform reconnects). transport: null when there is no platform. audit: appends one entry to
    // the local audit log (ConsoleSession::audit).
    struct Hooks
    {
        std::function<sync::PlatformTransport*()> transport;
        std::function<core::Actor()> actor;
        std::function<QFuture<core::Result<void>>(const core::Actor& actor, const QString& action,
                                                  const QString& entity, const QString& entityId,
                                                  const QString& detailJson)>
            audit;
    };

    // clock: what the transports of uploads and reveals sign with; it must outlive the desk.
    CardStockDesk(Hooks hooks, const core::Clock& clock, QObject* parent = nullptr);
    // The desk of the console: hooks over app.session(); a sync follows every change of stock.
    static CardStockDesk* forConsole(ConsoleApp& app);

    QString whyNotManage() const override;
    QString whyNotReveal() const override;
    void listCards(qint64 goodsId, QObject* context, std::function<void(qint64)> progress,
                   std::function<void(models::StockCardList)> done) override;
    void upload(qint64 goodsId, const QList<models::StockUploadLine>& lines, const QByteArray& uploadKey,
                QObject* context, std::function<void(qint64, qint64)> progress,
                std::function<void(models::StockUploadResult)> done) override;
    void changeCards(qint64 goodsId, models::StockChange change, const QList<qint64>& cardIds,
                     QObject* context, std::function<void(models::StockChangeResult)> done) override;
    void revealCard(qint64 goodsId, qint64 cardId, QObject* context,
                    std::function<void(models::CardReveal)> done) override;

    // A failed call in the operator's words (aboutACard: a reveal or change, else the goods' list).
    static QString describe(const sync::CallError& error, bool aboutACard);
    // The same words for any card call: `unreachable` (with %1 for the detail) and `notFound` are the
    // caller's; a refusal is named as such only when `forbiddenApart`, else it is "refused".
    static QString describe(const sync::CallError& error, const QString& unreachable, const QString& notFound,
                            bool forbiddenApart);

private:
    QString whyNot(core::Permission permission) const;
    // Appends to the audit log; `after` gets "" or the error for the operator.
    void audit(const core::Actor& actor, const QString& action, const QString& entity,
               const QString& entityId, const QString& detailJson, QObject* context,
               std::function<void(QString)> after);

    Hooks m_hooks;
    const core::Clock& m_clock;
};

} // namespace cardops::app
