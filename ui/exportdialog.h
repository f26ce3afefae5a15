#pragma once

#include "models/cardstockbackend.h"
#include "models/csvexportjob.h"
#include "storage/orderqueries.h"

#include <QDialog>
#include <functional>

class QCheckBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace cardops::models {
class DataSource;
}

namespace cardops::ui {

// 导出 CSV: the period (for exports by date), the target file (QFileDialog), then a progress bar
// with 取消 while models::CsvExportJob writes off the UI thread, and the result — rows, path and
// 打开所在文件夹 — or the error. The file appears only when complete (QSaveFile).
class ExportDialog : public QDialog
{
    Q_OBJECT
public:
    // Makes the export for [from, to) (unix seconds; 0 = open). Called on the UI thread at start.
    using SpecFactory = std::function<models::CsvExportSpec(qint64 from, qint64 to)>;

    // `datesFrom`/`datesTo` preset the period (0 = open); without a period (withDates false) the
    // factory gets 0, 0. `fileStem` names the suggested file (stem + "-yyyyMMdd.csv").
    ExportDialog(models::DataSource& source, const QString& title, const QString& fileStem,
                 SpecFactory factory, bool withDates, qint64 datesFrom = 0, qint64 datesTo = 0,
                 QWidget* parent = nullptr);
    ~ExportDialog() override;

    // The orders page's 导出 CSV… (Ctrl+Shift+E): the page's filter (tab and conditions) with its
    // dates editable in the dialog. Modal; returns the dialog's result.
    static int exportOrders(models::DataSource& source, const storage::OrderFilter& filter, QWidget* parent);
    static int exportCommissions(models::DataSource& source, QWidget* parent);
    // The cards the card list loaded (card metadata live on the platform, not in the cache).
    static int exportCards(models::DataSource& source, const QString& goodsName,
                           const QList<models::StockCard>& cards, QWidget* parent);

    void setTargetPath(const QString& path);
    QString targetPath() const;
    // The period as chosen: [from, to) unix seconds, (0, 0) when "all dates" or no period.
    std::pair<qint64, qint64> period() const;
    void setPeriod(qint64 from, qint64 to); // 0 = open ("all dates" when both are 0)
    // Starts the export (what the 导出 button does); false when a field is wrong (said in the dialog).
    bool start();
    bool isRunning() const;
    QString resultText() const;

    // Esc / the window's close button while exporting: cancels the export, keeps the dialog.
    void reject() override;

Q_SIGNALS:
    void exportFinished(const QString& path, qint64 rows);
    void exportFailed(const QString& message);
    void exportCancelled();

private:
    void browse();
    void cancelOrClose();
    void setRunning(bool running);
    void showProgress(qint64 done, qint64 total);
    void showDone(const QString& path, qint64 rows);
    void showError(const QString& message);

    models::DataSource& m_source;
    SpecFactory m_factory;
    bool m_withDates;
    models::CsvExportJob* m_job = nullptr;
    QCheckBox* m_allDates = nullptr;
    QDateEdit* m_from = nullptr;
    QDateEdit* m_to = nullptr;
    QLineEdit* m_path = nullptr;
    QPushButton* m_browse = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_result = nullptr;
    QPushButton* m_start = nullptr;
    QPushButton* m_openFolder = nullptr;
    QPushButton* m_cancel = nullptr;
    QString m_donePath;
};

} // namespace cardops::ui
