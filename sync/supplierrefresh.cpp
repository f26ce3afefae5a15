#include "sync/supplierrefresh.h"

#include "core/clock.h"
#include "storage/database.h"
#include "storage/databasewriter.h"
#include "storage/pricingrules.h"
#include "storage/supply.h"

#include <QTimer>

using namespace Qt::StringLiterals;

namespace cardops::sync {

namespace {

QString stockLevelCode(suppliers::StockLevel level)
{
    switch (level) {
    case suppliers::StockLevel::Plenty:
        return u"plenty"_s;
    case suppliers::StockLevel::Low:
        return u"low"_s;
    case suppliers::StockLevel::Out:
        return u"out"_s;
    case suppliers::StockLevel::Unknown:
        break;
    }
    return u"unknown"_s;
}

storage::supply::MirroredProduct mirrored(const QString& supplierId, const suppliers::SupplierProduct& p)
{
    storage::supply::MirroredProduct m;
    m.supplierId = supplierId;
    m.productId = p.productId;
    m.name = p.name;
    if (p.cost)
        m.cost = p.cost->units();
    m.stockLevel = stockLevelCode(p.stockLevel);
    m.stock = p.stock;
    m.onSale = p.onSale;
    return m;
}

} // namespace

SupplierRefresh::SupplierRefresh(storage::Database& database, const core::Clock& clock, QObject* parent)
    : QObject(parent)
    , m_database(database)
    , m_clock(clock)
{}

SupplierRefresh::~SupplierRefresh() = default;

void SupplierRefresh::setTargets(const QList<RefreshTarget>& targets)
{
    m_targets = targets;
}

bool SupplierRefresh::refreshAll()
{
    return start(m_targets);
}

bool SupplierRefresh::refresh(const QString& supplierId)
{
    for (const RefreshTarget& t : std::as_const(m_targets))
        if (t.id == supplierId)
            return start({t});
    return false;
}

std::optional<suppliers::Diagnostics> SupplierRefresh::diagnostics(const QString& supplierId) const
{
    const auto it = m_diagnostics.constFind(supplierId);
    return it == m_diagnostics.cend() ? std::nullopt : std::optional(*it);
}

bool SupplierRefresh::start(QList<RefreshTarget> round)
{
    if (m_running)
        return false;
    m_running = true;
    m_round = std::move(round);
    m_outcomes.clear();
    // Always later than the call, even for an empty round.
    QTimer::singleShot(0, this, [this] { next(); });
    return true;
}

void SupplierRefresh::next()
{
    if (m_outcomes.size() == m_round.size()) {
        m_running = false;
        const QList<RefreshOutcome> outcomes = m_outcomes;
        Q_EMIT finished(outcomes);
        return;
    }
    readBalance(m_round.at(m_outcomes.size()));
}

void SupplierRefresh::keepDiagnostics(const RefreshTarget& target)
{
    if (target.supplier != nullptr)
        m_diagnostics.insert(target.id, target.supplier->diagnostics());
}

void SupplierRefresh::readBalance(const RefreshTarget& target)
{
    RefreshOutcome outcome;
    outcome.supplierId = target.id;
    if (target.supplier == nullptr)
        return fail(target, outcome, u"no adapter for this supplier (its secret may be missing)"_s);
    target.supplier->balance().then(
        this, [this, target, outcome](const suppliers::SupplierResult<suppliers::Balance>& r) mutable {
            keepDiagnostics(target);
            if (!r.ok())
                return fail(target, outcome, u"Balance: "_s + r.error().describe());
            const qint64 balance = r->amount.units();
            const QString account = r->accountName;
            const qint64 at = m_clock.nowSeconds();
            outcome.balance = balance;
            m_database.writer()
                .submit<void>(u"supplier.balance"_s,
                              [target, balance, account, at](storage::WriteContext& ctx) {
                                  return storage::supply::recordBalance(ctx, target.id, target.protocol,
                                                                        balance, account, at);
                              })
                .then(this, [this, target, outcome](const core::Result<void>& w) {
                    if (!w)
                        return fail(target, outcome, u"Cache: "_s + w.error().detail);
                    readCatalogue(target, outcome);
                });
        });
}

void SupplierRefresh::readCatalogue(const RefreshTarget& target, RefreshOutcome outcome)
{
    target.supplier->catalogue().then(
        this, [this, target, outcome](const suppliers::SupplierResult<suppliers::Catalogue>& r) mutable {
            keepDiagnostics(target);
            if (!r.ok())
                return fail(target, outcome, u"Catalogue: "_s + r.error().describe());
            QList<storage::supply::MirroredProduct> products;
            products.reserve(r->products.size());
            for (const suppliers::SupplierProduct& p : r->products)
                if (!p.productId.isEmpty())
                    products << mirrored(target.id, p);
            outcome.products = products.size();
            outcome.rejected = r->rejected.size();
            const qint64 at = m_clock.nowSeconds();
            m_database.writer()
                .submit<void>(u"supplier.catalogue"_s,
                              [id = target.id, products, at](storage::WriteContext& ctx) {
                                  if (auto m = storage::supply::mirrorCatalogue(ctx, id, products, at); !m)
                                      return m;
                                  // The goods whose supplier product changed, once (docs/goods.md "Pricing").
                                  auto followed = storage::pricingrules::followUpstream(ctx, at);
                                  return followed ? core::Result<void>() : followed.error();
                              })
                .then(this, [this, target, outcome](const core::Result<void>& w) mutable {
                    if (!w)
                        return fail(target, outcome, u"Cache: "_s + w.error().detail);
                    outcome.ok = true;
                    done(outcome);
                });
        });
}

void SupplierRefresh::fail(const RefreshTarget& target, RefreshOutcome outcome, const QString& error)
{
    outcome.ok = false;
    outcome.error = error;
    const qint64 at = m_clock.nowSeconds();
    m_database.writer()
        .submit<void>(u"supplier.error"_s,
                      [target, error, at](storage::WriteContext& ctx) {
                          return storage::supply::recordError(ctx, target.id, target.protocol, error, at);
                      })
        .then(this, [this, outcome](const core::Result<void>& w) mutable {
            if (!w)
                outcome.error += u"; the error could not be recorded: "_s + w.error().detail;
            done(outcome);
        });
}

void SupplierRefresh::done(RefreshOutcome outcome)
{
    m_outcomes << outcome;
    Q_EMIT supplierRefreshed(outcome);
    next();
}

} // namespace cardops::sync
