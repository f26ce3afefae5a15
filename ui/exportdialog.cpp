#include "ui/exportdialog.h"

#include "core/clock.h"
#include "models/datasource.h"
#include "models/exporttables.h"

#include <QCheckBox>
#include <QDate>
#include <QDateEdit>
#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QStandardPaths>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cardops::ui {
namespace {

const qint64 EpochJulianDay = QDate(1970, 1, 1).toJulianDay();

qint64 dayStart(const QDate& date)
{
    return core::businessDayStart(date.toJulianDay() - EpochJulianDay);
}

QDate dayOf(qint64 unixSeconds)
{
    return QDate::fromJulianDay(core::businessDay(unixSeconds) + EpochJulianDay);
}

} // namespace

ExportDialog::ExportDialog(models::DataSource& source, const QString& title, const QString& fileStem,
                           SpecFactory factory, bool withDates, qint64 datesFrom, qint64 datesTo,
                           QWidget* parent)
    : QDialog(parent)
    , m_source(source)
    , m_factory(std::move(factory))
    , m_withDates(withDates)
    , m_job(new models::CsvExportJob(source.databasePath(), this))
{
    setWindowTitle(title);
    auto* layout = new QVBoxLayout(this);
    auto* heading = new QLabel(title, this);
    heading->setObjectName(u"pageTitle"_s);
    layout->addWidget(heading);

    auto* form = new QFormLayout;
    if (withDates) {
        auto* dates = new QHBoxLayout;
        m_from = new QDateEdit(this);
        m_from->setObjectName(u"fromDate"_s);
        m_to = new QDateEdit(this);
        m_to->setObjectName(u"toDate"_s);
        for (QDateEdit* edit : {m_from, m_to}) {
            edit->setDisplayFormat(u"yyyy-MM-dd"_s);
            edit->setCalendarPopup(true);
        }
        m_allDates = new QCheckBox(tr("All dates"), this);
        m_allDates->setObjectName(u"allDates"_s);
        dates->addWidget(m_from);
        dates->addWidget(new QLabel(tr("to"), this));
        dates->addWidget(m_to);
        dates->addWidget(m_allDates);
        dates->addStretch(1);
        form->addRow(tr("Period (days in China time, inclusive)"), dates);
        connect(m_allDates, &QCheckBox::toggled, this, [this](bool all) {
            m_from->setEnabled(!all);
            m_to->setEnabled(!all);
        });
        setPeriod(datesFrom, datesTo);
    }
    auto* target = new QHBoxLayout;
    m_path = new QLineEdit(this);
    m_path->setObjectName(u"targetPath"_s);
    m_path->setMinimumWidth(360);
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    m_path->setText(QDir::toNativeSeparators(folder + u'/' + fileStem + u'-' +
                                             QDate::currentDate().toString(u"yyyyMMdd"_s) + u".csv"_s));
    m_browse = new QPushButton(tr("Browse…"), this);
    m_browse->setObjectName(u"browse"_s);
    target->addWidget(m_path, 1);
    target->addWidget(m_browse);
    form->addRow(tr("Save as"), target);
    layout->addLayout(form);

    auto* note =
        new QLabel(tr("UTF-8 CSV for Excel and WPS: order numbers, accounts and card data stay text, "
                      "money has fixed decimals, times are China time."),
                   this);
    note->setWordWrap(true);
    note->setStyleSheet(u"color: palette(mid);"_s);
    layout->addWidget(note);

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(u"progress"_s);
    m_progress->setVisible(false);
    layout->addWidget(m_progress);
    m_result = new QLabel(this);
    m_result->setObjectName(u"result"_s);
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_result);
    layout->addStretch(1);

    auto* buttons = new QHBoxLayout;
    m_openFolder = new QPushButton(tr("Open folder"), this);
    m_openFolder->setObjectName(u"openFolder"_s);
    m_openFolder->setVisible(false);
    m_start = new QPushButton(tr("Export"), this);
    m_start->setObjectName(u"start"_s);
    m_start->setDefault(true);
    m_cancel = new QPushButton(tr("Close"), this);
    m_cancel->setObjectName(u"cancel"_s);
    m_cancel->setAutoDefault(false);
    buttons->addWidget(m_openFolder);
    buttons->addStretch(1);
    buttons->addWidget(m_start);
    buttons->addWidget(m_cancel);
    layout->addLayout(buttons);

    connect(m_browse, &QPushButton::clicked, this, &ExportDialog::browse);
    connect(m_start, &QPushButton::clicked, this, &ExportDialog::start);
    connect(m_cancel, &QPushButton::clicked, this, &ExportDialog::cancelOrClose);
    connect(m_openFolder, &QPushButton::clicked, this,
            [this] { QDesktopServices::openUrl(QUrl::fromLocalFile(QFileInfo(m_donePath).absolutePath())); });
    connect(m_job, &models::CsvExportJob::progressed, this, &ExportDialog::showProgress);
    connect(m_job, &models::CsvExportJob::finished, this, &ExportDialog::showDone);
    connect(m_job, &models::CsvExportJob::failed, this, &ExportDialog::showError);
    connect(m_job, &models::CsvExportJob::cancelled, this, [this] {
        setRunning(false);
        m_progress->setVisible(false);
        m_result->setText(tr("Export cancelled; no file was written."));
        Q_EMIT exportCancelled();
    });
    resize(620, 280);
}

ExportDialog::~ExportDialog() = default; // the job cancels and waits for its thread

int ExportDialog::exportOrders(models::DataSource& source, const storage::OrderFilter& filter,
                               QWidget* parent)
{
    ExportDialog dialog(
        source, tr("Export orders as CSV"), tr("orders"),
        [filter](qint64 from, qint64 to) {
            storage::OrderFilter f = filter;
            f.createdFrom = from;
            f.createdTo = to;
            return models::CsvExports::orders(f);
        },
        true, filter.createdFrom, filter.createdTo, parent);
    if (filter.tab != storage::OrderTab::All || filter.hasConditions()) {
        auto* note = new QLabel(tr("The orders page's filter (status tab and conditions) applies; the period "
                                   "below replaces its dates."),
                                &dialog);
        note->setObjectName(u"filterNote"_s);
        note->setWordWrap(true);
        static_cast<QVBoxLayout*>(dialog.layout())->insertWidget(1, note);
    }
    return dialog.exec();
}

int ExportDialog::exportCommissions(models::DataSource& source, QWidget* parent)
{
    const qint64 today = core::businessDay(QDateTime::currentSecsSinceEpoch());
    ExportDialog dialog(source, tr("Export commissions as CSV"), tr("commissions"),
                        &models::CsvExports::commissions, true, core::businessDayStart(today - 29),
                        core::businessDayStart(today + 1), parent);
    return dialog.exec();
}

int ExportDialog::exportCards(models::DataSource& source, const QString& goodsName,
                              const QList<models::StockCard>& cards, QWidget* parent)
{
    ExportDialog dialog(
        source, tr("Export as CSV: %1").arg(goodsName), tr("cards"),
        [cards](qint64, qint64) { return models::CsvExports::cards(cards); }, false, 0, 0, parent);
    return dialog.exec();
}

void ExportDialog::setTargetPath(const QString& path)
{
    m_path->setText(QDir::toNativeSeparators(path));
}

QString ExportDialog::targetPath() const
{
    return QDir::fromNativeSeparators(m_path->text().trimmed());
}

std::pair<qint64, qint64> ExportDialog::period() const
{
    if (!m_withDates || m_allDates->isChecked())
        return {0, 0};
    return {dayStart(m_from->date()), dayStart(m_to->date()) + 86400};
}

void ExportDialog::setPeriod(qint64 from, qint64 to)
{
    if (!m_withDates)
        return;
    const QDate today = dayOf(QDateTime::currentSecsSinceEpoch());
    m_allDates->setChecked(from == 0 && to == 0);
    m_from->setDate(from > 0 ? dayOf(from) : today.addDays(-29));
    m_to->setDate(to > 0 ? dayOf(to - 1) : today);
}

bool ExportDialog::isRunning() const
{
    return m_job->isRunning();
}

QString ExportDialog::resultText() const
{
    return m_result->text();
}

void ExportDialog::browse()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save the CSV as"), targetPath(),
                                                      tr("CSV files (*.csv);;All files (*)"));
    if (!path.isEmpty())
        setTargetPath(path);
}

bool ExportDialog::start()
{
    if (m_job->isRunning())
        return false;
    const QString path = targetPath();
    if (path.isEmpty()) {
        showError(tr("Choose a file to save the CSV to."));
        return false;
    }
    if (QFileInfo(path).isDir()) {
        showError(tr("%1 is a folder; choose a file name.").arg(QDir::toNativeSeparators(path)));
        return false;
    }
    const auto [from, to] = period();
    if (m_withDates && !m_allDates->isChecked() && m_from->date() > m_to->date()) {
        showError(tr("The first day is after the last day."));
        return false;
    }
    m_result->clear();
    m_openFolder->setVisible(false);
    m_progress->setRange(0, 0);
    m_progress->setVisible(true);
    setRunning(true);
    m_job->start(m_factory(from, to), path);
    return true;
}

void ExportDialog::cancelOrClose()
{
    if (m_job->isRunning()) {
        m_job->cancel();
        m_cancel->setEnabled(false);
        m_result->setText(tr("Cancelling…"));
        return;
    }
    reject();
}

void ExportDialog::reject()
{
    if (m_job->isRunning()) {
        cancelOrClose();
        return;
    }
    QDialog::reject();
}

void ExportDialog::setRunning(bool running)
{
    m_start->setEnabled(!running);
    m_browse->setEnabled(!running);
    m_path->setEnabled(!running);
    if (m_withDates) {
        m_allDates->setEnabled(!running);
        m_from->setEnabled(!running && !m_allDates->isChecked());
        m_to->setEnabled(!running && !m_allDates->isChecked());
    }
    m_cancel->setEnabled(true);
    m_cancel->setText(running ? tr("Cancel") : tr("Close"));
}

void ExportDialog::showProgress(qint64 done, qint64 total)
{
    if (total > 0) {
        // QProgressBar counts in int: show per mille of large totals.
        m_progress->setRange(0, 1000);
        m_progress->setValue(static_cast<int>(std::min<qint64>(1000, done * 1000 / total)));
        m_progress->setFormat(tr("%1 of %2 rows").arg(done).arg(total));
    } else if (total == 0) {
        m_progress->setRange(0, 1);
        m_progress->setValue(0);
    }
}

void ExportDialog::showDone(const QString& path, qint64 rows)
{
    setRunning(false);
    m_progress->setRange(0, 1);
    m_progress->setValue(1);
    m_progress->setFormat(tr("%n row(s)", nullptr, static_cast<int>(std::min<qint64>(rows, INT_MAX))));
    m_donePath = path;
    m_result->setText(tr("Exported %1 rows to %2").arg(rows).arg(QDir::toNativeSeparators(path)));
    m_openFolder->setVisible(true);
    Q_EMIT exportFinished(path, rows);
}

void ExportDialog::showError(const QString& message)
{
    setRunning(false);
    m_progress->setVisible(false);
    m_result->setText(message);
    Q_EMIT exportFailed(message);
}

} // namespace cardops::ui
