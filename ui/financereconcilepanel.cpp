#include "core/csvexport.h"
#include "models/datasource.h"
#include "models/financecsv.h"
#include "models/financejob.h"
#include "ui/financepanels.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

// 对账 (issue #11 item 3): the cache against the platform's daily totals, supplier spend against the
// supplier balance log, commissions against CardOps's recomputation; every difference with its kind.
namespace cardops::ui {

namespace fin = storage::finance;
using Rows = QList<std::pair<fin::DiffKind, QStringList>>;

namespace {

QString amount(qint64 units)
{
    return core::Money::fromUnits(units).toString(2);
}

QString value(const fin::Difference& d, qint64 v)
{
    return d.isCount() ? QString::number(v) : amount(v);
}

} // namespace

FinanceReconcilePanel::FinanceReconcilePanel(models::DataSource& source, QWidget* parent)
    : FinancePanel(parent)
    , m_job(new models::FinanceJob(source, this))
    , m_range(new DayRangePicker(this))
    , m_bar(new FinanceRunBar(tr("Reconcile"), this))
    , m_views(new QTabWidget(this))
{
    m_platform =
        new DifferenceView({tr("Day"), tr("Measure"), tr("Cache"), tr("Platform"), tr("Difference")}, this);
    m_supplier = new DifferenceView({tr("Supplier"), tr("Day"), tr("From"), tr("To"), tr("Purchases"),
                                     tr("Purchased"), tr("Balance movement"), tr("Difference")},
                                    this);
    m_commission = new DifferenceView(
        {tr("Day"), tr("Agent"), tr("Entries"), tr("Expected"), tr("Credited"), tr("Difference")}, this);
    m_views->addTab(m_platform, tr("Platform daily totals"));
    m_views->addTab(m_supplier, tr("Supplier balances"));
    m_views->addTab(m_commission, tr("Commissions"));
    m_status =
        new QLabel(tr("Choose business days and press Reconcile (F5): the cache is compared with the "
                      "platform's daily totals, supplier balance movements with the purchases, and the "
                      "credited commissions with CardOps's recomputation."),
                   this);
    m_status->setWordWrap(true);
    auto* top = new QHBoxLayout;
    top->addWidget(m_range);
    top->addWidget(m_bar, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_status);
    layout->addWidget(m_views, 1);
    connect(m_bar->runButton(), &QPushButton::clicked, this, &FinanceReconcilePanel::run);
    connect(m_bar->exportButton(), &QPushButton::clicked, this, &FinancePanel::exportCsv);
    connect(m_bar, &FinanceRunBar::cancelRequested, m_job, &models::FinanceJob::cancel);
    connect(m_job, &models::FinanceJob::progressed, m_bar, &FinanceRunBar::setProgress);
    connect(m_job, &models::FinanceJob::reconciled, this, &FinanceReconcilePanel::show);
    connect(m_job, &models::FinanceJob::exported, this, [this](const QString& path) {
        m_bar->setRunning(false);
        report(tr("Saved %1").arg(path));
        Q_EMIT finished();
    });
    connect(m_job, &models::FinanceJob::failed, this, [this](const QString& message) {
        m_bar->setRunning(false);
        report(message);
        Q_EMIT finished();
    });
    connect(m_job, &models::FinanceJob::cancelled, this, [this] {
        m_bar->setRunning(false);
        report(tr("Cancelled."));
        Q_EMIT finished();
    });
}

void FinanceReconcilePanel::run()
{
    if (m_job->reconcile(m_range->fromDay(), m_range->toDay())) {
        m_bar->setRunning(true);
        report(tr("Reconciling…"));
    }
}

void FinanceReconcilePanel::show(const fin::Reconciliation& r)
{
    m_bar->setRunning(false);
    m_result = r;
    m_have = true;
    const QString range = u"%1 – %2"_s.arg(fin::dayText(r.fromDay), fin::dayText(r.toDay));

    Rows platform;
    for (const fin::Difference& d : r.platform.differences)
        platform.append({d.kind,
                         {fin::dayText(d.day), models::FinanceJob::measureName(d.subject), value(d, d.ours),
                          value(d, d.theirs), value(d, d.difference())}});
    m_platform->setRows(platform, tr("Compared %n day(s) of orders, GMV, refunds and commissions with the "
                                     "platform's daily totals, %1.",
                                     nullptr, static_cast<int>(r.platform.daysCompared))
                                      .arg(range));

    Rows supplier;
    qint64 supplierDiffs = 0;
    for (const fin::Difference& d : r.supplier.rows) {
        supplier.append({d.kind,
                         {d.subject, fin::dayText(d.day), core::formatShanghaiTime(d.fromAt),
                          core::formatShanghaiTime(d.toAt), QString::number(d.count), amount(d.ours),
                          amount(d.theirs), fin::isDifference(d.kind) ? amount(d.difference()) : QString()}});
        supplierDiffs += fin::isDifference(d.kind) ? 1 : 0;
    }
    m_supplier->setRows(supplier,
                        tr("Compared %n balance movement(s) of %1 supplier(s) with %2 of purchases, "
                           "%3.",
                           nullptr, static_cast<int>(r.supplier.intervals))
                            .arg(r.supplier.suppliers)
                            .arg(r.supplier.purchases.toString(2), range));

    Rows commission;
    for (const fin::Difference& d : r.commission.differences)
        commission.append(
            {d.kind,
             {fin::dayText(d.day), u"%1 #%2"_s.arg(d.subject).arg(d.subjectId), QString::number(d.count),
              amount(d.ours), amount(d.theirs), amount(d.difference())}});
    QString checked = tr("Recomputed the commissions of %n order(s): expected %1, credited %2.", nullptr,
                         static_cast<int>(r.commission.verified))
                          .arg(r.commission.expected.toString(2), r.commission.credited.toString(2));
    if (r.commission.unverifiable > 0)
        checked += u" "_s + tr("%n order(s) could not be verified (see the members page's commission check).",
                               nullptr, static_cast<int>(r.commission.unverifiable));
    m_commission->setRows(commission, checked);

    for (int i = 0; i < 3; ++i) {
        const int n = i == 0   ? static_cast<int>(r.platform.differences.size())
                      : i == 1 ? static_cast<int>(supplierDiffs)
                               : static_cast<int>(r.commission.differences.size());
        const QString base = i == 0   ? tr("Platform daily totals")
                             : i == 1 ? tr("Supplier balances")
                                      : tr("Commissions");
        m_views->setTabText(i, n == 0 ? base : u"%1 (%2)"_s.arg(base).arg(n));
    }
    m_bar->exportButton()->setEnabled(true);
    const qint64 total = r.platform.differences.size() + supplierDiffs + r.commission.differences.size();
    report(total == 0 ? tr("%1: no differences.").arg(range)
                      : tr("%1: %n difference(s).", nullptr, static_cast<int>(total)).arg(range));
    Q_EMIT finished();
}

bool FinanceReconcilePanel::exportTo(const QString& path)
{
    if (!m_have)
        return false;
    std::function<core::Result<void>(QIODevice*)> write;
    const int tab = m_views->currentIndex();
    if (tab == 0) {
        const auto rows = m_result.platform.differences;
        write = [rows](QIODevice* d) {
            return models::financecsv::writePlatform(d, rows);
        };
    } else if (tab == 1) {
        const auto rows = m_result.supplier.rows;
        write = [rows](QIODevice* d) {
            return models::financecsv::writeSupplier(d, rows);
        };
    } else {
        const auto rows = m_result.commission.differences;
        write = [rows](QIODevice* d) {
            return models::financecsv::writeCommission(d, rows);
        };
    }
    if (!m_job->exportCsv(path, write))
        return false;
    m_bar->setRunning(true);
    return true;
}

QString FinanceReconcilePanel::exportName() const
{
    const QString which = m_views->currentIndex() == 0   ? u"platform"_s
                          : m_views->currentIndex() == 1 ? u"suppliers"_s
                                                         : u"commissions"_s;
    return u"reconciliation-%1-%2-%3.csv"_s.arg(which, fin::dayText(m_result.fromDay),
                                                fin::dayText(m_result.toDay));
}

} // namespace cardops::ui
