#include "ui/weeklyreportdialog.h"

#include "core/clock.h"
#include "models/weeklyreport.h"
#include "models/weeklyreportexport.h"

#include <QComboBox>
#include <QDateTime>
#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QStandardPaths>
#include <QUrl>
#include <QVBoxLayout>
#include <optional>

using namespace Qt::StringLiterals;

namespace cardops::ui {

// What the export thread and the dialog share: written by the thread, read after it finished.
struct WeeklyReportDialog::Job
{
    std::atomic<bool> cancel{false};
    std::optional<core::Result<models::WeeklyReportExport::Files>> result;
};

namespace {
constexpr int WeeksOffered = 12;
}

WeeklyReportDialog::WeeklyReportDialog(const QString& databasePath, QWidget* parent, qint64 now)
    : QDialog(parent)
    , m_databasePath(databasePath)
    , m_now(now > 0 ? now : QDateTime::currentSecsSinceEpoch())
{
    setWindowTitle(tr("Export weekly report"));
    m_week = new QComboBox(this);
    const qint64 lastMonday = core::isoWeekMonday(core::lastCompleteWeek(m_now));
    for (int i = 0; i < WeeksOffered; ++i) {
        const core::IsoWeek week = core::isoWeekOfDay(lastMonday - 7 * i);
        m_week->addItem(
            tr("%1 (%2)").arg(core::formatIsoWeek(week), models::WeeklyReportText::weekRange(week)),
            core::formatIsoWeek(week));
    }
    m_directory = new QLineEdit(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation), this);
    m_directory->setMinimumWidth(320);
    m_browse = new QPushButton(tr("Browse…"), this);
    auto* folderRow = new QHBoxLayout;
    folderRow->addWidget(m_directory, 1);
    folderRow->addWidget(m_browse);
    auto* form = new QFormLayout;
    form->addRow(tr("&Week:"), m_week);
    auto* folderLabel = new QLabel(tr("&Folder:"), this);
    folderLabel->setBuddy(m_directory);
    form->addRow(folderLabel, folderRow);
    auto* hint =
        new QLabel(tr("Writes 周报-YYYY-Www.pdf (KPIs, the three worst steps, charts) and a CSV of every "
                      "figure for Excel and WPS. An existing report of the same week is replaced."),
                   this);
    hint->setWordWrap(true);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 100);
    m_progress->setValue(0);
    m_progress->setVisible(false);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_export = new QPushButton(tr("&Export"), this);
    m_export->setDefault(true);
    m_cancel = new QPushButton(tr("Cancel export"), this);
    m_cancel->setVisible(false);
    m_openFolder = new QPushButton(tr("Open folder"), this);
    m_openFolder->setVisible(false);
    m_close = new QPushButton(tr("Close"), this);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_openFolder);
    buttons->addStretch(1);
    buttons->addWidget(m_export);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_close);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(hint);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addStretch(1);
    layout->addLayout(buttons);
    setMinimumWidth(560);
    fitHeight();

    connect(m_browse, &QPushButton::clicked, this, [this] {
        const QString chosen =
            QFileDialog::getExistingDirectory(this, tr("Folder for the weekly report"), m_directory->text());
        if (!chosen.isEmpty())
            m_directory->setText(QDir::toNativeSeparators(chosen));
    });
    connect(m_export, &QPushButton::clicked, this, &WeeklyReportDialog::startExport);
    connect(m_cancel, &QPushButton::clicked, this, &WeeklyReportDialog::cancelExport);
    connect(m_close, &QPushButton::clicked, this, &WeeklyReportDialog::reject);
    connect(m_openFolder, &QPushButton::clicked, this, [this] {
        QDesktopServices::openUrl(QUrl::fromLocalFile(QDir::fromNativeSeparators(m_directory->text())));
    });
}

WeeklyReportDialog::~WeeklyReportDialog()
{
    if (m_thread) {
        m_job->cancel = true;
        m_thread->wait();
    }
}

core::IsoWeek WeeklyReportDialog::selectedWeek() const
{
    return core::parseIsoWeek(m_week->currentData().toString()).value_or(core::IsoWeek{});
}

void WeeklyReportDialog::selectWeek(core::IsoWeek week)
{
    const int index = m_week->findData(core::formatIsoWeek(week));
    if (index >= 0)
        m_week->setCurrentIndex(index);
}

QString WeeklyReportDialog::outputDirectory() const
{
    return QDir::fromNativeSeparators(m_directory->text().trimmed());
}

void WeeklyReportDialog::setOutputDirectory(const QString& directory)
{
    m_directory->setText(QDir::toNativeSeparators(directory));
}

void WeeklyReportDialog::showStatus(const QString& text)
{
    m_status->setText(text);
    fitHeight();
}

void WeeklyReportDialog::fitHeight()
{
    // Word-wrapped labels need the height for this width; grow rather than squeeze them.
    const int needed = layout()->hasHeightForWidth()
                           ? layout()->totalHeightForWidth(std::max(width(), minimumWidth()))
                           : layout()->totalSizeHint().height();
    if (height() < needed)
        resize(std::max(width(), minimumWidth()), needed);
}

QString WeeklyReportDialog::resultText() const
{
    return m_status->text();
}

void WeeklyReportDialog::startExport()
{
    if (m_thread)
        return;
    const QString directory = outputDirectory();
    if (directory.isEmpty()) {
        showStatus(tr("Choose a folder for the report first."));
        m_directory->setFocus();
        return;
    }
    m_job = std::make_shared<Job>();
    std::shared_ptr<Job> job = m_job;
    WeeklyReportDialog* dialog = this; // outlives the thread: the destructor waits for it
    const QString path = m_databasePath;
    const core::IsoWeek week = selectedWeek();
    const qint64 now = m_now;
    // A dedicated thread: it opens its own read connection (architecture.md), never a pool thread.
    m_thread = QThread::create([job, dialog, path, week, directory, now] {
        auto progress = [job, dialog](int percent, const QString& step) {
            QMetaObject::invokeMethod(
                dialog,
                [dialog, percent, step] {
                    dialog->m_progress->setValue(percent);
                    dialog->showStatus(step);
                },
                Qt::QueuedConnection);
            return !job->cancel.load();
        };
        job->result = models::WeeklyReportExport::run(path, week, directory, now, progress);
    });
    connect(m_thread, &QThread::finished, this, &WeeklyReportDialog::finishExport);
    setRunning(true);
    showStatus(tr("Exporting %1…").arg(core::formatIsoWeek(week)));
    m_thread->start();
}

void WeeklyReportDialog::cancelExport()
{
    if (m_job)
        m_job->cancel = true;
}

void WeeklyReportDialog::finishExport()
{
    m_thread->deleteLater();
    m_thread = nullptr;
    setRunning(false);
    const auto& result = *m_job->result;
    if (result) {
        const QString message =
            tr("Written:\n%1\n%2")
                .arg(QDir::toNativeSeparators(result->pdf), QDir::toNativeSeparators(result->csv));
        showStatus(message);
        m_openFolder->setVisible(true);
        Q_EMIT exported(result->pdf, result->csv, message);
    } else {
        const QString message =
            tr("Not exported: %1").arg(models::WeeklyReportExport::describe(result.error()));
        showStatus(message);
        m_progress->setVisible(false);
        Q_EMIT exported({}, {}, message);
    }
}

void WeeklyReportDialog::setRunning(bool running)
{
    m_progress->setVisible(true);
    if (running)
        m_progress->setValue(0);
    m_week->setEnabled(!running);
    m_directory->setEnabled(!running);
    m_browse->setEnabled(!running);
    m_export->setVisible(!running);
    m_cancel->setVisible(running);
    m_openFolder->setVisible(false);
    m_close->setEnabled(!running);
    fitHeight();
}

void WeeklyReportDialog::reject()
{
    if (m_thread) {
        cancelExport(); // the dialog stays until the thread has stopped; Close is disabled meanwhile
        return;
    }
    QDialog::reject();
}

} // namespace cardops::ui
