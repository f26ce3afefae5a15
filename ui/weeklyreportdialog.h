#pragma once

#include "core/weeklysteps.h"

#include <QDialog>
#include <QThread>
#include <atomic>
#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace cardops::ui {

// 导出周报…: pick a week (the last 12 complete ones) and a folder, then write 周报-YYYY-Www.pdf and
// .csv (models::WeeklyReportExport) on a dedicated thread with progress and cancel. The files appear
// only complete. Closing the dialog cancels a running export and waits for its thread.
class WeeklyReportDialog : public QDialog
{
    Q_OBJECT
public:
    // `databasePath`: the profile's cache (models::DataSource::databasePath()); `now`: unix seconds
    // that pick the default week (the last complete one).
    explicit WeeklyReportDialog(const QString& databasePath, QWidget* parent = nullptr, qint64 now = 0);
    ~WeeklyReportDialog() override;

    core::IsoWeek selectedWeek() const;
    void selectWeek(core::IsoWeek week);
    QString outputDirectory() const;
    void setOutputDirectory(const QString& directory);
    bool isRunning() const { return m_thread != nullptr; }
    // The result line shown last (the files written, or what went wrong).
    QString resultText() const;

public Q_SLOTS:
    void startExport();
    void cancelExport();

Q_SIGNALS:
    // After each export: the files written (empty on failure) and the message shown.
    void exported(const QString& pdfPath, const QString& csvPath, const QString& message);

protected:
    void reject() override;

private:
    void setRunning(bool running);
    void showStatus(const QString& text);
    void fitHeight();
    void finishExport();

    QString m_databasePath;
    qint64 m_now = 0;
    QComboBox* m_week = nullptr;
    QLineEdit* m_directory = nullptr;
    QPushButton* m_browse = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_export = nullptr;
    QPushButton* m_cancel = nullptr;
    QPushButton* m_openFolder = nullptr;
    QPushButton* m_close = nullptr;
    QThread* m_thread = nullptr;
    struct Job;
    std::shared_ptr<Job> m_job;
};

} // namespace cardops::ui
