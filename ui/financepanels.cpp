#include "ui/financepanels.h"

#include "core/clock.h"
#include "models/datasource.h"
#include "models/financecsv.h"
#include "models/financejob.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDateTime>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cardops::ui {

namespace fin = storage::finance;

namespace {

const QDate kEpoch(1970, 1, 1);

QDate dateOf(qint64 day)
{
    return kEpoch.addDays(day);
}

qint64 dayOf(const QDate& date)
{
    return kEpoch.daysTo(date);
}

QDate today()
{
    return dateOf(core::businessDay(QDateTime::currentSecsSinceEpoch()));
}

QStandardItem* cell(const QString& text, bool number = false)
{
    auto* item = new QStandardItem(text);
    item->setEditable(false);
    if (number)
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

QString money(const core::Money& m)
{
    return m.toString(2);
}

} // namespace

DayRangePicker::DayRangePicker(QWidget* parent)
    : QWidget(parent)
{
    m_preset = new QComboBox(this);
    m_preset->addItems({tr("This month"), tr("Last month"), tr("Last 7 days"), tr("Custom")});
    m_from = new QDateEdit(this);
    m_to = new QDateEdit(this);
    for (QDateEdit* d : {m_from, m_to}) {
        d->setCalendarPopup(true);
        d->setDisplayFormat(u"yyyy-MM-dd"_s);
        connect(d, &QDateEdit::dateChanged, this, [this] {
            if (m_preset->currentIndex() != 3 && !signalsBlocked()) {
                const QSignalBlocker block(m_preset);
                m_preset->setCurrentIndex(3);
            }
            Q_EMIT changed();
        });
    }
    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(new QLabel(tr("Business days"), this));
    row->addWidget(m_preset);
    row->addWidget(m_from);
    row->addWidget(new QLabel(u"–"_s, this));
    row->addWidget(m_to);
    connect(m_preset, &QComboBox::currentIndexChanged, this, &DayRangePicker::applyPreset);
    applyPreset(0);
}

void DayRangePicker::applyPreset(int index)
{
    const QDate now = today();
    const QDate first(now.year(), now.month(), 1);
    QDate from = m_from->date(), to = m_to->date();
    if (index == 0) {
        from = first;
        to = now;
    } else if (index == 1) {
        from = first.addMonths(-1);
        to = first.addDays(-1);
    } else if (index == 2) {
        from = now.addDays(-6);
        to = now;
    } else {
        return;
    }
    const QSignalBlocker a(m_from), b(m_to);
    m_from->setDate(from);
    m_to->setDate(to);
    Q_EMIT changed();
}

qint64 DayRangePicker::fromDay() const
{
    return dayOf(m_from->date());
}

qint64 DayRangePicker::toDay() const
{
    return std::max(dayOf(m_to->date()), fromDay());
}

void DayRangePicker::setRange(qint64 fromDay, qint64 toDay)
{
    {
        const QSignalBlocker block(m_preset);
        m_preset->setCurrentIndex(3);
    }
    const QSignalBlocker a(m_from), b(m_to);
    m_from->setDate(dateOf(fromDay));
    m_to->setDate(dateOf(toDay));
    Q_EMIT changed();
}

FinanceRunBar::FinanceRunBar(const QString& runText, QWidget* parent)
    : QWidget(parent)
{
    m_run = new QPushButton(runText, this);
    m_run->setToolTip(tr("F5"));
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setVisible(false);
    m_progress = new QProgressBar(this);
    m_progress->setVisible(false);
    m_progress->setMaximumWidth(200);
    m_export = new QPushButton(tr("Export CSV…"), this);
    m_export->setToolTip(tr("Ctrl+E"));
    m_export->setEnabled(false);
    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_run);
    row->addWidget(m_cancel);
    row->addWidget(m_progress);
    row->addStretch(1);
    row->addWidget(m_export);
    connect(m_cancel, &QPushButton::clicked, this, &FinanceRunBar::cancelRequested);
}

void FinanceRunBar::setRunning(bool running)
{
    m_run->setEnabled(!running);
    m_cancel->setVisible(running);
    m_progress->setVisible(running);
    m_progress->setRange(0, 0);
}

void FinanceRunBar::setProgress(qint64 done, qint64 total)
{
    if (total <= 0)
        return;
    m_progress->setRange(0, 1000);
    m_progress->setValue(static_cast<int>(std::min<qint64>(1000, done * 1000 / total)));
}

void FinancePanel::exportCsv()
{
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export CSV"), exportName(), tr("CSV (*.csv)"));
    if (!path.isEmpty())
        exportTo(path);
}

void FinancePanel::report(const QString& message)
{
    m_message = message;
    if (m_status)
        m_status->setText(message);
}

FinanceSummaryPanel::FinanceSummaryPanel(models::DataSource& source, QWidget* parent)
    : FinancePanel(parent)
    , m_job(new models::FinanceJob(source, this))
    , m_range(new DayRangePicker(this))
    , m_bar(new FinanceRunBar(tr("Show"), this))
    , m_model(new QStandardItemModel(this))
    , m_table(new QTableView(this))
{
    m_model->setHorizontalHeaderLabels({tr("Day"), tr("Orders"), tr("GMV"), tr("Cost"), tr("Refunds"),
                                        tr("Gross profit"), tr("Commissions"), tr("Supplier spend")});
    m_model->horizontalHeaderItem(5)->setToolTip(
        tr("GMV − refunds − cost at order (no payment fee estimate is configured)"));
    m_model->horizontalHeaderItem(6)->setToolTip(tr("The ledger's commission entries dated that day, net of "
                                                    "reversals"));
    m_model->horizontalHeaderItem(7)->setToolTip(tr("What CardOps bought from suppliers that day (cost)"));
    m_table->setModel(m_model);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_status = new QLabel(tr("Choose business days and press Show (F5)."), this);
    m_status->setWordWrap(true);
    auto* top = new QHBoxLayout;
    top->addWidget(m_range);
    top->addWidget(m_bar, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_status);
    layout->addWidget(m_table, 1);
    connect(m_bar->runButton(), &QPushButton::clicked, this, &FinanceSummaryPanel::run);
    connect(m_bar->exportButton(), &QPushButton::clicked, this, &FinancePanel::exportCsv);
    connect(m_bar, &FinanceRunBar::cancelRequested, m_job, &models::FinanceJob::cancel);
    connect(m_job, &models::FinanceJob::progressed, m_bar, &FinanceRunBar::setProgress);
    connect(m_job, &models::FinanceJob::summaryReady, this, &FinanceSummaryPanel::show);
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

void FinanceSummaryPanel::run()
{
    if (m_job->summary(m_range->fromDay(), m_range->toDay())) {
        m_bar->setRunning(true);
        report(tr("Reading…"));
    }
}

void FinanceSummaryPanel::show(const fin::Summary& summary)
{
    m_bar->setRunning(false);
    m_summary = summary;
    m_have = true;
    m_model->removeRows(0, m_model->rowCount());
    auto append = [this](const QString& label, const fin::DaySummary& d) {
        QList<QStandardItem*> row = {cell(label),
                                     cell(QString::number(d.orders), true),
                                     cell(money(d.gmv), true),
                                     cell(money(d.cost), true),
                                     cell(money(d.refunds), true),
                                     cell(money(d.grossProfit()), true),
                                     cell(money(d.commissions), true),
                                     cell(money(d.supplierSpend), true)};
        m_model->appendRow(row);
        return row;
    };
    for (const fin::DaySummary& d : summary.days) {
        const QList<QStandardItem*> row = append(fin::dayText(d.day), d);
        if (d.closed) {
            row.first()->setText(tr("%1 (closed)").arg(fin::dayText(d.day)));
            for (QStandardItem* item : row)
                item->setToolTip(tr("The month is closed: the figures as closed; later changes are "
                                    "adjustments of the open period (Month close tab)"));
        }
    }
    for (QStandardItem* item : append(tr("Total"), summary.total)) {
        QFont f = item->font();
        f.setBold(true);
        item->setFont(f);
    }
    m_bar->exportButton()->setEnabled(true);
    report(summary.total.isEmpty()
               ? tr("No orders, commissions or purchases from %1 to %2.")
                     .arg(fin::dayText(summary.fromDay), fin::dayText(summary.toDay))
               : tr("%1 to %2: %n order(s).", nullptr, static_cast<int>(summary.total.orders))
                     .arg(fin::dayText(summary.fromDay), fin::dayText(summary.toDay)));
    Q_EMIT finished();
}

bool FinanceSummaryPanel::exportTo(const QString& path)
{
    if (!m_have)
        return false;
    const fin::Summary copy = m_summary;
    if (!m_job->exportCsv(path, [copy](QIODevice* d) { return models::financecsv::writeSummary(d, copy); }))
        return false;
    m_bar->setRunning(true);
    return true;
}

QString FinanceSummaryPanel::exportName() const
{
    return u"daily-summary-%1-%2.csv"_s.arg(fin::dayText(m_summary.fromDay), fin::dayText(m_summary.toDay));
}

DifferenceView::DifferenceView(const QStringList& headers, QWidget* parent)
    : QWidget(parent)
    , m_summary(new QLabel(this))
    , m_kind(new QComboBox(this))
    , m_model(new QStandardItemModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_table(new QTableView(this))
    , m_clean(new QLabel(this))
    , m_stack(new QStackedWidget(this))
{
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_kind->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_model->setHorizontalHeaderLabels(QStringList{tr("Kind")} + headers);
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterRole(Qt::UserRole);
    m_proxy->setFilterKeyColumn(0);
    m_table->setModel(m_proxy);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSortingEnabled(true);
    m_table->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder); // as computed: by day
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_clean->setAlignment(Qt::AlignCenter);
    m_clean->setWordWrap(true);
    m_stack->addWidget(m_table);
    m_stack->addWidget(m_clean);
    auto* filterRow = new QHBoxLayout;
    filterRow->addWidget(m_summary, 1);
    filterRow->addWidget(new QLabel(tr("Kind"), this));
    filterRow->addWidget(m_kind);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(filterRow);
    layout->addWidget(m_stack, 1);
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        const QString code = m_kind->currentData().toString();
        m_proxy->setFilterRegularExpression(
            code.isEmpty() ? QString() : u"^"_s + QRegularExpression::escape(code) + u"$"_s);
    });
}

bool DifferenceView::isCleanShown() const
{
    return m_stack->currentWidget() == m_clean;
}

void DifferenceView::setRows(const QList<std::pair<fin::DiffKind, QStringList>>& rows,
                             const QString& compared)
{
    m_model->removeRows(0, m_model->rowCount());
    QMap<int, int> counts;
    int differences = 0;
    for (const auto& [kind, cells] : rows) {
        QList<QStandardItem*> row;
        auto* kindCell = cell(models::FinanceJob::kindName(kind));
        kindCell->setData(fin::kindCode(kind), Qt::UserRole);
        if (fin::isDifference(kind)) {
            kindCell->setForeground(QColor(0xc6, 0x28, 0x28));
            ++differences;
        }
        row.append(kindCell);
        for (const QString& c : cells) {
            static const QRegularExpression numeric(uR"(^-?\d+(\.\d+)?$)"_s);
            row.append(cell(c, numeric.match(c).hasMatch()));
        }
        m_model->appendRow(row);
        ++counts[static_cast<int>(kind)];
    }
    const QString keep = m_kind->currentData().toString();
    {
        const QSignalBlocker block(m_kind);
        m_kind->clear();
        m_kind->addItem(tr("All (%1)").arg(rows.size()), QString());
        QStringList parts;
        for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
            const auto kind = static_cast<fin::DiffKind>(it.key());
            m_kind->addItem(u"%1 (%2)"_s.arg(models::FinanceJob::kindName(kind)).arg(it.value()),
                            fin::kindCode(kind));
            parts << u"%1 %2"_s.arg(models::FinanceJob::kindName(kind)).arg(it.value());
        }
        const int at = m_kind->findData(keep);
        m_kind->setCurrentIndex(at < 0 ? 0 : at);
        QString line = differences == 0 ? tr("No differences.") + u" "_s + compared : compared;
        if (!parts.isEmpty())
            line += u" · "_s + parts.join(u" · "_s);
        m_summary->setText(line);
    }
    m_proxy->setFilterRegularExpression(
        m_kind->currentIndex() <= 0 ? QString() : u"^"_s + QRegularExpression::escape(keep) + u"$"_s);
    m_clean->setText(tr("No differences.") + u"\n"_s + compared);
    m_stack->setCurrentWidget(rows.isEmpty() ? static_cast<QWidget*>(m_clean) : m_table);
    m_table->resizeColumnsToContents();
}

} // namespace cardops::ui
