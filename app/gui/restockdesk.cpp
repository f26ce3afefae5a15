#include "app/gui/restockdesk.h"

#include "app/gui/consoleapp.h"
#include "app/gui/consolesession.h"
#include "app/gui/supplierdesk.h"
#include "core/cardimport.h"
#include "core/cipher.h"
#include "core/purchase.h"
#include "models/cardstockbackend.h"
#include "storage/cardgoods.h"
#include "storage/database.h"
#include "storage/databasewriter.h"
#include "storage/purchases.h"
#include "sync/purchaser.h"

#include <QFutureWatcher>
#include <QPointer>

using namespace Qt::StringLiterals;

namespace cardops::app {

using models::RestockResult;

namespace {

RestockResult failure(const QString& error)
{
    RestockResult r;
    r.error = error;
    return r;
}

} // namespace

RestockDesk::RestockDesk(Hooks hooks, QObject* parent)
    : models::RestockBackend(parent)
    , m_hooks(std::move(hooks))
{}

models::RestockBackend* ConsoleApp::restocker()
{
    if (auto* desk = findChild<RestockDesk*>(QString(), Qt::FindDirectChildrenOnly))
        return desk;
    return RestockDesk::forConsole(*this);
}

RestockDesk* RestockDesk::forConsole(ConsoleApp& app)
{
    ConsoleApp* console = &app; // the desk is the console's child: the console outlives the hooks
    Hooks hooks;
    hooks.purchaser = [console] {
        return console->supplierDesk() ? console->supplierDesk()->purchaser() : nullptr;
    };
    hooks.sealKey = [console] {
        return console->supplierDesk() ? console->supplierDesk()->sealKey() : QByteArray();
    };
    hooks.suppliersByProtocol = [console] {
        return console->supplierDesk() ? console->supplierDesk()->suppliersByProtocol()
                                       : QHash<QString, QString>();
    };
    hooks.cardStock = [console] {
        return console->cardStock();
    };
    hooks.writer = [console]() -> storage::DatabaseWriter* {
        return console->session() ? &console->session()->database().writer() : nullptr;
    };
    return new RestockDesk(std::move(hooks), console);
}

bool RestockDesk::canRestock(QString* why) const
{
    QString reason;
    models::CardStockBackend* stock = m_hooks.cardStock();
    if (!m_hooks.writer())
        reason = tr("No cache is open.");
    else if (!m_hooks.purchaser() || m_hooks.sealKey().isEmpty())
        reason = tr("No supplier is docked (货源), or the key that seals bought cards is not read yet.");
    else if (!stock)
        reason = tr("No platform is connected.");
    else if (const QString no = stock->whyNotManage(); !no.isEmpty())
        reason = no;
    if (why)
        *why = reason;
    return reason.isEmpty();
}

void RestockDesk::restock(qint64 goodsId, const QString& protocol, const QString& productRef, qint64 quantity,
                          QObject* context, std::function<void(RestockResult)> done)
{
    QPointer<QObject> guard(context);
    auto answer = [guard, done](RestockResult r) {
        if (guard)
            done(std::move(r));
    };
    QString why;
    if (!canRestock(&why))
        return answer(failure(why));
    const QString supplierId = m_hooks.suppliersByProtocol().value(protocol);
    if (supplierId.isEmpty())
        return answer(failure(tr("No docked supplier speaks %1.").arg(protocol)));
    if (quantity < 1)
        return answer(failure(tr("Buy at least one card.")));
    sync::PurchaseSpec spec;
    spec.orderId = 0; // stock for the platform
    spec.quantity = quantity;
    spec.candidates = {{supplierId, productRef}};
    Q_EMIT progress(tr("Buying %1 cards from %2…").arg(quantity).arg(supplierId));
    auto* watcher = new QFutureWatcher<core::Result<sync::PurchaseOutcome>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, goodsId, context, answer] {
        const auto r = watcher->result();
        watcher->deleteLater();
        if (!r)
            return answer(failure(tr("The purchase could not be recorded: %1").arg(r.error().detail)));
        const storage::PurchaseRecord& p = r->last();
        RestockResult out;
        out.purchaseId = p.id;
        out.purchaseState = core::purchaseStateCode(p.state);
        if (p.state == core::PurchaseState::Unknown || p.state == core::PurchaseState::Accepted) {
            out.error =
                tr("The supplier's answer is not final (purchase %1): it waits in 货源 · 采购结果未知; "
                   "nothing is bought again.")
                    .arg(p.id);
            return answer(out);
        }
        if (p.state != core::PurchaseState::Succeeded) {
            out.error = tr("The supplier refused: %1").arg(p.error.isEmpty() ? out.purchaseState : p.error);
            return answer(out);
        }
        upload(goodsId, p.id, p.externalNo, context, answer);
    });
    watcher->setFuture(m_hooks.purchaser()->purchase(spec));
}

namespace {

// What the restock reads in one writer job: the purchase's sealed cards and the goods' format.
struct Bought
{
    QByteArray sealed;
    std::optional<storage::CardGoods> goods;
};

} // namespace

void RestockDesk::upload(qint64 goodsId, qint64 purchaseId, const QString& externalNo, QObject* context,
                         std::function<void(RestockResult)> done)
{
    Q_UNUSED(context);
    storage::DatabaseWriter* writer = m_hooks.writer();
    const QByteArray key = m_hooks.sealKey();
    RestockResult base;
    base.purchaseId = purchaseId;
    base.purchaseState = core::purchaseStateCode(core::PurchaseState::Succeeded);
    if (!writer || key.isEmpty()) {
        base.error = tr("The cache closed before the cards were uploaded; they wait in 货源.");
        return done(base);
    }
    auto* watcher = new QFutureWatcher<core::Result<Bought>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this,
            [this, watcher, goodsId, externalNo, key, done, base]() mutable {
                const auto bought = watcher->result();
                watcher->deleteLater();
                if (!bought || !bought->goods) {
                    base.error =
                        tr("The bought cards cannot be read: %1")
                            .arg(bought ? tr("the goods is gone from the cache") : bought.error().detail);
                    return done(base);
                }
                const auto plain = core::open(key, bought->sealed, externalNo.toUtf8());
                const auto format =
                    core::CardFormat::parse(bought->goods->cardFormat, bought->goods->cardSeparator);
                if (!plain || !format) {
                    base.error =
                        plain ? tr("The goods' card format is unknown: %1").arg(bought->goods->cardFormat)
                              : tr("The bought cards cannot be opened with this profile's key.");
                    return done(base);
                }
                // The supplier's lines in the goods' format (core::CardImport normalises them as an
                // operator's import would); a line that does not fit stays with the purchase.
                const core::CardImportPreview preview =
                    core::CardImport(format.value()).previewText(QString::fromUtf8(plain.value()));
                base.bought =
                    preview.newSecrets.size() + preview.duplicateInFile.size() + preview.invalid.size();
                QList<models::StockUploadLine> lines;
                for (const QString& secret : preview.newSecrets)
                    lines.append({secret, 0, false});
                const qint64 unfit = preview.invalid.size();
                models::CardStockBackend* stock = m_hooks.cardStock();
                if (!stock) {
                    base.error = tr("No platform is connected; the cards wait in 货源.");
                    return done(base);
                }
                Q_EMIT progress(tr("Uploading %1 cards to the platform…").arg(lines.size()));
                stock->upload(
                    goodsId, lines, "restock-" + externalNo.toUtf8(), this, {},
                    [this, done, base, unfit](models::StockUploadResult u) mutable {
                        base.added = u.added;
                        base.duplicate = u.duplicate;
                        base.invalid = u.invalid + unfit;
                        base.stockAfter = u.stockAvailable;
                        if (!u.ok) {
                            base.error =
                                tr("The upload failed: %1. The cards wait in 货源; try again.").arg(u.error);
                            return done(base);
                        }
                        if (base.invalid > 0) {
                            base.error = tr("%1 bought cards do not fit the goods' card format or were "
                                            "refused; the purchase keeps them in 货源.")
                                             .arg(base.invalid);
                            return done(base);
                        }
                        markDelivered(base, done);
                    });
            });
    watcher->setFuture(writer->submit<Bought>(
        u"restock.cards"_s, [purchaseId, goodsId](storage::WriteContext& ctx) -> core::Result<Bought> {
            auto sealed = storage::purchases::sealedSecret(ctx, purchaseId);
            if (!sealed)
                return sealed.error();
            auto goods = storage::cardgoods::read(ctx, goodsId);
            if (!goods)
                return goods.error();
            return Bought{sealed.value(), goods.value()};
        }));
}

void RestockDesk::markDelivered(RestockResult base, std::function<void(RestockResult)> done)
{
    storage::DatabaseWriter* ledger = m_hooks.writer();
    base.ok = true;
    if (!ledger)
        return done(base);
    auto* marked = new QFutureWatcher<core::Result<void>>(this);
    connect(marked, &QFutureWatcherBase::finished, this, [marked, done, base]() mutable {
        if (marked->result())
            base.purchaseState = core::purchaseStateCode(core::PurchaseState::Delivered);
        marked->deleteLater();
        done(base);
    });
    marked->setFuture(
        ledger->submit(u"restock.delivered"_s, [id = base.purchaseId](storage::WriteContext& ctx) {
            storage::PurchaseUpdate update;
            update.to = core::PurchaseState::Delivered;
            return storage::purchases::advance(ctx, id, core::PurchaseState::Succeeded, update);
        }));
}

} // namespace cardops::app
