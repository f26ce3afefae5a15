#include "app/gui/supplierdesk.h"

#include "app/cli/errortext.h"
#include "core/cipher.h"
#include "storage/database.h"
#include "storage/databasewriter.h"
#include "storage/purchases.h"
#include "storage/writecontext.h"
#include "suppliers/requestnumber.h"
#include "suppliers/supplier.h"
#include "sync/purchaser.h"
#include "sync/supplierfactory.h"
#include "sync/supplierrefresh.h"

#include <QFutureWatcher>
#include <QPointer>

using namespace Qt::StringLiterals;

namespace cardops::app {

namespace {

QString headerBlock(const suppliers::HeaderList& headers)
{
    QString out;
    for (const auto& [name, value] : headers)
        out += QString::fromUtf8(name) + u": "_s + QString::fromUtf8(value) + u'\n';
    return out;
}

} // namespace

SupplierDesk::SupplierDesk(storage::Database& db, const core::Clock& clock, QObject* parent)
    : QObject(parent)
    , m_db(db)
    , m_clock(clock)
{
    m_resumeTimer.setInterval(ResumeIntervalMs);
    connect(&m_resumeTimer, &QTimer::timeout, this, &SupplierDesk::resume);
    m_refreshTimer.setInterval(RefreshIntervalMs);
    connect(&m_refreshTimer, &QTimer::timeout, this, [this] {
        if (m_refresh && !m_refresh->isRunning())
            m_refresh->refreshAll();
    });
}

SupplierDesk::~SupplierDesk() = default;

QList<SupplierDesk::Account> SupplierDesk::demoAccounts(const QUrl& simulator)
{
    QList<Account> out;
    for (const core::SupplierEndpoint& e : sync::demoSupplierEndpoints(simulator))
        out.append({e, sync::demoSupplierSecret(e)});
    return out;
}

QString SupplierDesk::setAccounts(const QList<Account>& accounts)
{
    m_purchaser.reset();
    m_refresh.reset();
    m_adapters.clear();
    m_protocols.clear();
    m_owned.clear();
    QStringList problems;
    QList<sync::RefreshTarget> targets;
    for (const Account& a : accounts) {
        auto made = sync::makeSupplier(a.endpoint, a.secret, &m_clock);
        if (!made) {
            problems << u"%1: %2"_s.arg(a.endpoint.id, ErrorText::describe(made.error()));
            continue;
        }
        suppliers::Supplier* supplier = made.value().get();
        m_owned.push_back(std::move(made).value());
        m_adapters.insert(a.endpoint.id, supplier);
        m_protocols.insert(a.endpoint.id, a.endpoint.protocol);
        targets.append({a.endpoint.id, a.endpoint.protocol, supplier});
    }
    m_refresh = std::make_unique<sync::SupplierRefresh>(m_db, m_clock);
    m_refresh->setTargets(targets);
    connect(m_refresh.get(), &sync::SupplierRefresh::finished, this,
            [this](const QList<sync::RefreshOutcome>& outcomes) {
                QStringList errors;
                for (const sync::RefreshOutcome& o : outcomes)
                    if (!o.ok)
                        errors << u"%1: %2"_s.arg(o.supplierId, o.error);
                Q_EMIT refreshed(errors.join(u"; "_s));
            });
    m_refreshTimer.stop();
    if (!m_adapters.isEmpty()) {
        refresh();
        m_refreshTimer.start();
    }
    rebuildPurchaser();
    return problems.join(u"; "_s);
}

void SupplierDesk::setSealKey(const QByteArray& key)
{
    m_sealKey = key;
    rebuildPurchaser();
}

QHash<QString, QString> SupplierDesk::suppliersByProtocol() const
{
    QHash<QString, QString> out;
    QStringList ids = m_protocols.keys();
    ids.sort();
    for (const QString& id : std::as_const(ids))
        if (!out.contains(m_protocols.value(id)))
            out.insert(m_protocols.value(id), id);
    return out;
}

void SupplierDesk::rebuildPurchaser()
{
    Q_EMIT purchaserAboutToChange();
    m_purchaser.reset();
    m_resumeTimer.stop();
    if (m_adapters.isEmpty() || m_sealKey.size() != core::kSealKeySize)
        return Q_EMIT purchaserChanged();
    if (!m_numbers)
        m_numbers = std::make_unique<suppliers::RequestNoGenerator>(QByteArrayLiteral("CDO"), m_clock);
    m_purchaser =
        std::make_unique<sync::Purchaser>(m_db.writer(), m_db.path(), m_sealKey, m_adapters, *m_numbers);
    m_resumeTimer.start();
    resume();
    Q_EMIT purchaserChanged();
}

void SupplierDesk::resume()
{
    if (m_purchaser && m_purchaser->inFlight() == 0)
        m_purchaser->resume(); // what it settles reaches the pages through the writer's commits
}

QStringList SupplierDesk::accountIds() const
{
    QStringList ids = m_adapters.keys();
    ids.sort();
    return ids;
}

void SupplierDesk::refresh()
{
    if (!m_refresh || m_adapters.isEmpty())
        return Q_EMIT refreshed(tr("No supplier is docked."));
    // A round already running answers for this request too.
    m_refresh->refreshAll();
}

models::SupplierExchange SupplierDesk::exchange(const QString& supplierId) const
{
    models::SupplierExchange out;
    const suppliers::Supplier* supplier = m_adapters.value(supplierId);
    if (!supplier)
        return out;
    // The adapter keeps its last exchange, whoever made it (a refresh or a purchase).
    const suppliers::Diagnostics d = supplier->diagnostics().redacted();
    if (d.method.isEmpty())
        return out;
    out.any = true;
    out.request = QString::fromUtf8(d.method + ' ' + d.url) + u'\n' + headerBlock(d.requestHeaders) + u'\n' +
                  QString::fromUtf8(d.requestBody);
    out.signedText = QString::fromUtf8(d.signedText);
    out.response = d.httpStatus == 0 ? tr("(no answer)")
                                     : u"HTTP %1\n"_s.arg(d.httpStatus) + headerBlock(d.responseHeaders) +
                                           u'\n' + QString::fromUtf8(d.responseBody);
    if (d.responseBodyBytes > d.responseBody.size())
        out.response += tr("\n… %1 bytes in all").arg(d.responseBodyBytes);
    out.signatureComputed = QString::fromLatin1(d.responseSignatureComputed);
    out.signatureReceived = QString::fromLatin1(d.responseSignatureReceived);
    out.signatureValid = d.responseSignatureValid;
    out.outcome = d.outcome;
    return out;
}

void SupplierDesk::resolve(const core::Actor& actor, qint64 purchaseId, bool bought, const QString& cardText,
                           const QString& note, QObject* context, std::function<void(QString)> done)
{
    if (bought && !cardText.isEmpty() && m_sealKey.size() != core::kSealKeySize)
        return done(tr("The key that protects bought cards could not be read from the keychain, so the cards "
                       "cannot be stored. Nothing was recorded."));
    const QByteArray key = m_sealKey;
    auto written =
        m_db.writer().submit(u"purchase.resolve"_s, [=](storage::WriteContext& ctx) -> core::Result<void> {
            std::optional<QByteArray> sealed;
            if (bought && !cardText.isEmpty()) {
                auto found = storage::purchases::find(ctx, purchaseId);
                if (!found)
                    return found.error();
                if (!found.value())
                    return core::makeError(core::ErrorCode::NotFound, u"no purchase %1"_s.arg(purchaseId));
                auto s = core::seal(key, cardText.toUtf8(), found.value()->externalNo.toUtf8());
                if (!s)
                    return s.error();
                sealed = s.value();
            }
            return storage::purchases::resolveUnknown(ctx, actor, purchaseId, bought, sealed, note);
        });
    auto* watcher = new QFutureWatcher<core::Result<void>>(this);
    QPointer<QObject> guard(context);
    connect(watcher, &QFutureWatcherBase::finished, this, [watcher, guard, done = std::move(done)] {
        watcher->deleteLater();
        if (!guard)
            return;
        const core::Result<void> r = watcher->result();
        done(r ? QString() : ErrorText::describe(r.error()));
    });
    watcher->setFuture(written);
}

} // namespace cardops::app
