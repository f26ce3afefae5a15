#include "ui/commissionpanel.h"

#include "models/commissioncheckjob.h"
#include "models/commissionmodel.h"
#include "models/datasource.h"
#include "models/lookupmodel.h"
#include "ui/commissionstatementdialog.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDateTime>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QShortcut>
#include <QStackedWidget>
#include <QTableView>
#include <QTimeZone>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cardops::ui {

namespace {

const QTimeZone& shanghai()
{
    static const QTimeZone zone(8 * 3600);
    return zone;
}

qint64 startOf(const QDate& date)
{
    return QDateTime(date, QTime(0, 0), shanghai()).toSecsSinceEpoch();
}

} // namespace

std::pair<qint64, qint64> shanghaiMonth(qint64 at, int monthsBack)
{
    const QDate day = QDateTime::fromSecsSinceEpoch(at, shanghai()).date();
    const QDate first = QDate(day.year(), day.month(), 1).addMonths(-monthsBack);
    return {startOf(first), startOf(first.addMonths(1))};
}

CommissionPanel::CommissionPanel(models::DataSource& source, models::ConsoleBackend& backend, QWidget* parent)
    : QWidget(parent)
    , m_source(source)
    , m_backend(backend)
    , m_job(new models::CommissionCheckJob(source, this))
    , m_model(new models::CommissionModel(this))
{
    m_periodBox = new QComboBox(this);
    m_periodBox->addItems({tr("This month"), tr("Last month"), tr("Custom")});
    m_fromDate = new QDateEdit(this);
    m_toDate = new QDateEdit(this);
    for (QDateEdit* d : {m_fromDate, m_toDate}) {
        d->setCalendarPopup(true);
        d->setDisplayFormat(u"yyyy-MM-dd"_s);
    }
    m_run = new QPushButton(tr("Check"), this);
    m_run->setToolTip(tr("Recompute every commission of the period and compare it with the platform's (F5)"));
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setVisible(false);
    m_progress = new QProgressBar(this);
    m_progress->setVisible(false);
    m_progress->setMaximumWidth(220);
    auto* periodRow = new QHBoxLayout;
    periodRow->addWidget(new QLabel(tr("Orders created"), this));
    periodRow->addWidget(m_periodBox);
    periodRow->addWidget(m_fromDate);
    periodRow->addWidget(new QLabel(u"–"_s, this));
    periodRow->addWidget(m_toDate);
    periodRow->addWidget(m_run);
    periodRow->addWidget(m_cancel);
    periodRow->addWidget(m_progress);
    periodRow->addStretch(1);

    m_summary = new QLabel(tr("Choose a period and press Check: CardOps recomputes the commission of every "
                              "order and compares it with what the platform credited."),
                           this);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_kindBox = new QComboBox(this);
    m_kindBox->addItem(tr("All differences"), -1);
    for (core::DifferenceKind k : {core::DifferenceKind::Missing, core::DifferenceKind::Unexpected,
                                   core::DifferenceKind::WrongAmount, core::DifferenceKind::WrongMember})
        m_kindBox->addItem(models::CommissionModel::kindName(k), static_cast<int>(k));
    m_agent = memberLookupField(source, this);
    m_agent->setPlaceholderText(tr("Filter by agent: name or #id"));
    m_agent->setClearButtonEnabled(true);
    m_export = new QPushButton(tr("Export differences CSV…"), this);
    m_export->setEnabled(false);
    auto* statementButton = new QPushButton(tr("Statement…"), this);
    auto* filterRow = new QHBoxLayout;
    filterRow->addWidget(m_kindBox);
    filterRow->addWidget(m_agent, 1);
    filterRow->addWidget(m_export);
    filterRow->addWidget(statementButton);

    m_table = new QTableView(this);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setMinimumSectionSize(76);
    m_table->setToolTip(tr("Double click opens the order"));
    m_empty = new QLabel(this);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_table);
    m_stack->addWidget(m_empty);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(periodRow);
    layout->addWidget(m_summary);
    layout->addLayout(filterRow);
    layout->addWidget(m_stack, 1);

    connect(m_periodBox, &QComboBox::currentIndexChanged, this, &CommissionPanel::periodChanged);
    connect(m_run, &QPushButton::clicked, this, &CommissionPanel::runCheck);
    connect(m_cancel, &QPushButton::clicked, this, &CommissionPanel::cancelCheck);
    connect(new QShortcut(QKeySequence::Cancel, this), &QShortcut::activated, this,
            &CommissionPanel::cancelCheck);
    connect(m_kindBox, &QComboBox::currentIndexChanged, this, &CommissionPanel::applyFilters);
    connect(m_agent, &QLineEdit::editingFinished, this, &CommissionPanel::applyFilters);
    connect(m_agent, &QLineEdit::textChanged, this, [this](const QString& text) {
        if (text.isEmpty())
            applyFilters();
    });
    connect(m_export, &QPushButton::clicked, this, &CommissionPanel::askExport);
    connect(statementButton, &QPushButton::clicked, this, [this] {
        bool ok = false;
        const qint64 agent = models::LookupModel::idFromFieldText(m_agent->text(), &ok);
        openStatement(ok ? agent : 0);
    });
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
        Q_EMIT openOrder(index.data(models::CommissionModel::OrderIdRole).toLongLong());
    });
    connect(m_job, &models::CommissionCheckJob::progressed, this, [this](qint64 done, qint64 total) {
        m_progress->setRange(0, total > 0 ? 1000 : 0);
        if (total > 0)
            m_progress->setValue(static_cast<int>(done * 1000 / total));
    });
    connect(m_job, &models::CommissionCheckJob::checked, this, &CommissionPanel::showResult);
    connect(m_job, &models::CommissionCheckJob::failed, this, &CommissionPanel::showError);
    connect(m_job, &models::CommissionCheckJob::cancelled, this, [this] {
        setRunning(false);
        m_summary->setText(tr("The check was cancelled; nothing changed."));
        Q_EMIT checkFinished();
    });
    periodChanged();
    applyFilters();
}

void CommissionPanel::periodChanged()
{
    const auto kind = static_cast<Period>(m_periodBox->currentIndex());
    const bool custom = kind == Period::Custom;
    m_fromDate->setEnabled(custom);
    m_toDate->setEnabled(custom);
    if (custom)
        return;
    const auto [from, to] =
        shanghaiMonth(QDateTime::currentSecsSinceEpoch(), kind == Period::LastMonth ? 1 : 0);
    m_fromDate->setDate(QDateTime::fromSecsSinceEpoch(from, shanghai()).date());
    m_toDate->setDate(QDateTime::fromSecsSinceEpoch(to - 1, shanghai()).date());
}

void CommissionPanel::setPeriod(qint64 from, qint64 to)
{
    m_periodBox->setCurrentIndex(static_cast<int>(Period::Custom));
    m_fromDate->setDate(QDateTime::fromSecsSinceEpoch(from, shanghai()).date());
    m_toDate->setDate(QDateTime::fromSecsSinceEpoch(to - 1, shanghai()).date());
}

std::pair<qint64, qint64> CommissionPanel::period() const
{
    return {startOf(m_fromDate->date()), startOf(m_toDate->date().addDays(1))};
}

void CommissionPanel::runCheck()
{
    if (m_job->isRunning())
        return;
    if (m_toDate->date() < m_fromDate->date()) {
        m_summary->setText(tr("The period ends before it starts."));
        return;
    }
    const auto [from, to] = period();
    setRunning(m_job->check(from, to));
    m_summary->setText(
        tr("Checking the commissions of %1 – %2…")
            .arg(m_fromDate->date().toString(u"yyyy-MM-dd"_s), m_toDate->date().toString(u"yyyy-MM-dd"_s)));
}

void CommissionPanel::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_shownOnce)
        return;
    m_shownOnce = true;
    if (!m_hasResult)
        QTimer::singleShot(0, this, &CommissionPanel::runCheck);
}

void CommissionPanel::cancelCheck()
{
    m_job->cancel();
}

void CommissionPanel::setRunning(bool running)
{
    m_run->setEnabled(!running);
    m_cancel->setVisible(running);
    m_progress->setVisible(running);
    m_progress->setRange(0, 0);
    m_periodBox->setEnabled(!running);
}

void CommissionPanel::showResult(const storage::commissioncheck::CheckResult& result)
{
    setRunning(false);
    m_hasResult = true;
    m_model->setResult(result);
    applyFilters();
    m_summary->setText(summaryText());
    Q_EMIT checkFinished();
}

void CommissionPanel::showError(const QString& message)
{
    setRunning(false);
    m_summary->setText(message);
    Q_EMIT checkFinished();
}

QString CommissionPanel::summaryText() const
{
    const storage::commissioncheck::CheckResult& r = m_model->result();
    using K = core::DifferenceKind;
    QString text = tr("%n orders checked", nullptr, static_cast<int>(r.verified)) + u" · "_s +
                   tr("expected %1 · credited %2 · difference %3")
                       .arg(r.expectedTotal.toString(), r.creditedTotal.toString(),
                            (r.creditedTotal - r.expectedTotal).toString()) +
                   u" · "_s +
                   tr("%1 %2 · %3 %4 · %5 %6 · %7 %8")
                       .arg(models::CommissionModel::kindName(K::Missing))
                       .arg(r.count(K::Missing))
                       .arg(models::CommissionModel::kindName(K::Unexpected))
                       .arg(r.count(K::Unexpected))
                       .arg(models::CommissionModel::kindName(K::WrongAmount))
                       .arg(r.count(K::WrongAmount))
                       .arg(models::CommissionModel::kindName(K::WrongMember))
                       .arg(r.count(K::WrongMember));
    if (!r.unverifiable.isEmpty()) {
        text += u" · "_s +
                tr("%n orders could not be verified", nullptr, static_cast<int>(r.unverifiable.size()));
        QStringList reasons;
        for (qsizetype i = 0; i < std::min<qsizetype>(3, r.unverifiable.size()); ++i)
            reasons << r.unverifiable[i].orderNo + u": "_s + r.unverifiable[i].reason;
        const_cast<QLabel*>(m_summary)->setToolTip(reasons.join(u'\n'));
    }
    return text;
}

bool CommissionPanel::isEmptyStateShown() const
{
    return m_stack->currentWidget() == m_empty;
}

void CommissionPanel::applyFilters()
{
    const int kind = m_kindBox->currentData().toInt();
    m_model->setKindFilter(kind < 0 ? std::nullopt : std::optional(static_cast<core::DifferenceKind>(kind)));
    bool ok = false;
    const qint64 agent = models::LookupModel::idFromFieldText(m_agent->text(), &ok);
    m_model->setAgentFilter(ok ? agent : 0);
    m_table->resizeColumnsToContents();
    m_export->setEnabled(m_model->rowCount() > 0);
    const storage::commissioncheck::CheckResult& r = m_model->result();
    if (!m_hasResult) {
        m_empty->setText(tr("No check yet for this period."));
        m_stack->setCurrentWidget(m_empty);
    } else if (r.differences.isEmpty()) {
        m_empty->setText(tr("No differences: %n orders checked, expected %1, credited %2.", nullptr,
                            static_cast<int>(r.verified))
                             .arg(r.expectedTotal.toString(), r.creditedTotal.toString()));
        m_stack->setCurrentWidget(m_empty);
    } else if (m_model->rowCount() == 0) {
        m_empty->setText(tr("No differences match the filter (%n in all).", nullptr,
                            static_cast<int>(r.differences.size())));
        m_stack->setCurrentWidget(m_empty);
    } else {
        m_stack->setCurrentWidget(m_table);
    }
}

void CommissionPanel::askExport()
{
    const QString name = u"commission-differences-%1.csv"_s.arg(m_fromDate->date().toString(u"yyyyMMdd"_s));
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export differences"), name, tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    connect(
        this, &CommissionPanel::exported, this,
        [this](const QString& file, const QString& error) {
            if (!error.isEmpty())
                QMessageBox::warning(this, tr("Export failed"), error);
            else
                m_summary->setText(summaryText() + u" · "_s + tr("saved to %1").arg(file));
        },
        Qt::SingleShotConnection);
    exportDifferences(path);
}

void CommissionPanel::exportDifferences(const QString& path)
{
    m_export->setEnabled(false);
    const storage::commissioncheck::CheckResult result = m_model->result();
    const QList<core::CommissionDifference> rows = m_model->rows();
    m_source.reader().post<QString>(
        this,
        [path, result, rows](const storage::ReadSession&) {
            auto r = models::commissioncsv::save(path, [&](QIODevice* device) {
                return models::commissioncsv::writeDifferences(device, result, rows);
            });
            return r ? QString() : r.error().detail;
        },
        [this, path](QString error) {
            m_export->setEnabled(m_model->rowCount() > 0);
            Q_EMIT exported(path, error);
        });
}

void CommissionPanel::openStatement(qint64 memberId)
{
    const auto [from, to] = period();
    auto* dialog = new CommissionStatementDialog(m_source, memberId, from, to, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    if (memberId > 0)
        dialog->build();
}

} // namespace cardops::ui
