#include "models/financejob.h"

#include "models/commissionmodel.h"
#include "models/datasource.h"
#include "storage/databasewriter.h"
#include "storage/writecontext.h"

#include <QFutureWatcher>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace cardops::models {

namespace fin = storage::finance;
using fin::DiffKind;

FinanceJob::FinanceJob(DataSource& source, QObject* parent)
    : QObject(parent)
    , m_source(source)
{
    m_poll.setInterval(200);
    connect(&m_poll, &QTimer::timeout, this, &FinanceJob::poll);
}

FinanceJob::~FinanceJob()
{
    if (m_progress)
        m_progress->cancel = true; // the loader stops at its next step; its answer is dropped
}

QString FinanceJob::kindName(DiffKind kind)
{
    switch (kind) {
    case DiffKind::PlatformMore:
        return tr("Platform higher");
    case DiffKind::LocalMore:
        return tr("Cache higher");
    case DiffKind::MissingLocal:
        return tr("Day missing in cache");
    case DiffKind::MissingPlatform:
        return tr("Day missing at platform");
    case DiffKind::DebitWithoutPurchase:
        return tr("Debit without purchase");
    case DiffKind::PurchaseWithoutDebit:
        return tr("Purchase without debit");
    case DiffKind::TopUp:
        return tr("Top-up");
    case DiffKind::CommissionMissing:
        return CommissionModel::kindName(core::DifferenceKind::Missing);
    case DiffKind::CommissionUnexpected:
        return CommissionModel::kindName(core::DifferenceKind::Unexpected);
    case DiffKind::CommissionWrongAmount:
        return CommissionModel::kindName(core::DifferenceKind::WrongAmount);
    case DiffKind::CommissionWrongMember:
        return CommissionModel::kindName(core::DifferenceKind::WrongMember);
    }
    return {};
}

QString FinanceJob::measureName(const QString& code)
{
    if (code == u"orders")
        return tr("Orders");
    if (code == u"gmv")
        return tr("GMV");
    if (code == u"cost")
        return tr("Cost");
    if (code == u"refunds")
        return tr("Refunds");
    if (code == u"commissions")
        return tr("Commissions");
    if (code == u"supplier_spend")
        return tr("Supplier spend");
    return code;
}

template<typename T>
bool FinanceJob::start(std::function<core::Result<T>(const storage::ReadSession&, fin::Progress*)> work,
                       std::function<void(const T&)> ready)
{
    if (m_progress)
        return false;
    auto progress = std::make_shared<fin::Progress>();
    m_progress = progress;
    m_poll.start();
    m_source.reader().post<core::Result<T>>(
        this, [progress, work](const storage::ReadSession& s) { return work(s, progress.get()); },
        [this, ready](core::Result<T> r) {
            const bool wasCancelled = m_progress && m_progress->cancel;
            m_progress.reset();
            m_poll.stop();
            if (r.ok()) {
                ready(r.value());
                return;
            }
            if (wasCancelled && r.error().code == core::ErrorCode::Conflict) {
                Q_EMIT cancelled();
                return;
            }
            Q_EMIT failed(tr("The finance figures could not be read: %1").arg(r.error().detail));
        });
    return true;
}

bool FinanceJob::summary(qint64 fromDay, qint64 toDay)
{
    return start<fin::Summary>(
        [fromDay, toDay](const storage::ReadSession& s, fin::Progress*) {
            return fin::bookedSummary(s, fromDay, toDay);
        },
        [this](const fin::Summary& r) { Q_EMIT summaryReady(r); });
}

bool FinanceJob::reconcile(qint64 fromDay, qint64 toDay)
{
    return start<fin::Reconciliation>(
        [fromDay, toDay](const storage::ReadSession& s, fin::Progress* p) {
            return fin::reconcile(s, fromDay, toDay, p);
        },
        [this](const fin::Reconciliation& r) { Q_EMIT reconciled(r); });
}

bool FinanceJob::months(qint64 nowSeconds)
{
    using Pair = std::pair<QList<fin::MonthState>, QList<fin::Adjustment>>;
    return start<Pair>(
        [nowSeconds](const storage::ReadSession& s, fin::Progress*) -> core::Result<Pair> {
            auto months = fin::months(s, nowSeconds);
            if (!months)
                return months.error();
            auto adjustments = fin::adjustments(s, nowSeconds);
            if (!adjustments)
                return adjustments.error();
            return Pair(*months, *adjustments);
        },
        [this](const Pair& r) { Q_EMIT monthsReady(r.first, r.second); });
}

bool FinanceJob::exportCsv(const QString& path, std::function<core::Result<void>(QIODevice*)> write)
{
    return start<QString>(
        [path, write](const storage::ReadSession&, fin::Progress* p) -> core::Result<QString> {
            p->total = 1;
            QSaveFile file(path);
            if (!file.open(QIODevice::WriteOnly))
                return core::makeError(core::ErrorCode::Io,
                                       tr("Cannot write %1: %2").arg(path, file.errorString()));
            if (auto r = write(&file); !r) {
                file.cancelWriting();
                return r.error();
            }
            if (!file.commit())
                return core::makeError(core::ErrorCode::Io,
                                       tr("Cannot write %1: %2").arg(path, file.errorString()));
            p->done = 1;
            return path;
        },
        [this](const QString& written) { Q_EMIT exported(written); });
}

void FinanceJob::cancel()
{
    if (m_progress)
        m_progress->cancel = true;
}

void FinanceJob::poll()
{
    if (m_progress)
        Q_EMIT progressed(m_progress->done.load(), m_progress->total.load());
}

void FinanceJob::closeMonth(const core::Actor& actor, const QString& month)
{
    if (!m_source.writer()) {
        Q_EMIT failed(tr("This cache is open read-only: a month cannot be closed here."));
        return;
    }
    auto* watcher = new QFutureWatcher<core::Result<fin::Summary>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, month] {
        watcher->deleteLater();
        const core::Result<fin::Summary> r = watcher->result();
        if (r.ok()) {
            m_source.notifyChanged({u"month_closes"_s});
            Q_EMIT monthClosed(month, r.value());
            return;
        }
        switch (r.error().code) {
        case core::ErrorCode::PermissionDenied:
            Q_EMIT failed(tr("You may not close a month: it needs the finance or administrator role."));
            return;
        case core::ErrorCode::Conflict:
            Q_EMIT failed(tr("%1 is already closed. An administrator must reopen it before it can be closed "
                             "again.")
                              .arg(month));
            return;
        default:
            Q_EMIT failed(tr("%1 could not be closed: %2").arg(month, r.error().detail));
        }
    });
    watcher->setFuture(m_source.writer()->submit<fin::Summary>(
        u"finance.close_month"_s,
        [actor, month](storage::WriteContext& ctx) { return fin::closeMonth(ctx, actor, month, true); }));
}

void FinanceJob::reopenMonth(const core::Actor& actor, const QString& month, const QString& reason)
{
    if (!m_source.writer()) {
        Q_EMIT failed(tr("This cache is open read-only: a month cannot be reopened here."));
        return;
    }
    auto* watcher = new QFutureWatcher<core::Result<void>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, month] {
        watcher->deleteLater();
        const core::Result<void> r = watcher->result();
        if (r.ok()) {
            m_source.notifyChanged({u"month_closes"_s});
            Q_EMIT monthReopened(month);
            return;
        }
        if (r.error().code == core::ErrorCode::PermissionDenied)
            Q_EMIT failed(tr("Only an administrator may reopen a closed month."));
        else
            Q_EMIT failed(tr("%1 could not be reopened: %2").arg(month, r.error().detail));
    });
    watcher->setFuture(m_source.writer()->submit(u"finance.reopen_month"_s,
                                                 [actor, month, reason](storage::WriteContext& ctx) {
                                                     return fin::reopenMonth(ctx, actor, month, reason);
                                                 }));
}

} // namespace cardops::models
