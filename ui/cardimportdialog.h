#pragma once

#include "models/cardimportjob.h"
#include "models/cardstockbackend.h"

#include <QByteArray>
#include <QDialog>
#include <QSet>
#include <QString>
#include <atomic>
#include <memory>
#include <optional>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTableView;
class QThread;
class QTimer;

namespace cardops::models {
class CardProblemModel;
class DataSource;
} // namespace cardops::models

namespace cardops::ui {

// 导入卡密 (issue #9 item 4): pasted text or a .txt / .csv file in the goods' card format (the
// operator may change it), UTF-8 with or without BOM or GBK/GB18030 (detected, or chosen), CRLF or
// LF. A preview runs off the UI thread with progress: new, duplicate within the input, already in
// the platform's stock (by fingerprint, without plaintext) and invalid, with a table of the
// problem lines (line number, reason, the text masked). Only the previewed new cards are uploaded,
// in keyed batches, and the platform's answer per line is shown. A failed upload continues under
// the same key: nothing is added twice. UI thread.
class CardImportDialog : public QDialog
{
    Q_OBJECT
public:
    // backend: null = offline (a preview without stock, no upload).
    CardImportDialog(models::DataSource& source, models::CardStockBackend* backend, qint64 goodsId,
                     QWidget* parent = nullptr);
    ~CardImportDialog() override;

    // Takes a file as the input instead of the text area (what 打开文件… does after its dialog).
    bool openFile(const QString& path);
    void startPreview();
    void startUpload();
    bool isBusy() const { return m_previewThread != nullptr || m_uploading; }
    // The last preview's outcome (nothing before one finished, or after the input changed).
    const std::optional<models::cardimport::Outcome>& outcome() const { return m_outcome; }

Q_SIGNALS:
    // The goods' card format was read from the cache (and the stock fingerprints, when online).
    void goodsLoaded();
    void stockLoaded(bool known);
    void previewFinished();
    void uploadFinished(bool ok);
    // Cards were added to the goods on the platform (the goods page may refresh its stock).
    void cardsUploaded(qint64 goodsId, qint64 added);

protected:
    void reject() override;

private:
    void buildUi();
    void loadGoods();
    // The goods' fingerprints from the platform; announce: say so in the status line.
    void loadStock(bool announce = true);
    void chooseFile();
    void clearFile();
    void invalidate();
    void finishPreview();
    void showSummary();
    void updateButtons();
    std::optional<core::CardFormat> currentFormat(QString* error) const;
    qint64 expiresAt() const;

    models::DataSource& m_source;
    models::CardStockBackend* m_backend = nullptr;
    qint64 m_goodsId = 0;
    bool m_direct = false;

    QLabel* m_title = nullptr;
    QComboBox* m_format = nullptr;
    QLineEdit* m_separator = nullptr;
    QComboBox* m_encoding = nullptr;
    QPushButton* m_open = nullptr;
    QPushButton* m_clearFile = nullptr;
    QLabel* m_fileLabel = nullptr;
    QPlainTextEdit* m_text = nullptr;
    QCheckBox* m_expires = nullptr;
    QDateEdit* m_expiryDate = nullptr;
    QCheckBox* m_loop = nullptr;
    QPushButton* m_preview = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_summary = nullptr;
    QLabel* m_status = nullptr;
    QTableView* m_table = nullptr;
    models::CardProblemModel* m_problems = nullptr;
    QPushButton* m_upload = nullptr;
    QPushButton* m_close = nullptr;

    QString m_filePath;
    QByteArray m_fileBytes;
    std::optional<QSet<QByteArray>> m_stock; // fingerprints; unset while unknown (offline)

    struct Job
    {
        models::cardimport::Input input;
        std::atomic<qint64> checked{0};
        core::Result<models::cardimport::Outcome> result = core::makeError(core::ErrorCode::InvalidArgument);
    };
    std::shared_ptr<Job> m_job;
    QThread* m_previewThread = nullptr;
    QTimer* m_poll = nullptr;
    qint64 m_expectedLines = 0;
    std::optional<models::cardimport::Outcome> m_outcome;
    bool m_uploading = false;
    QByteArray m_uploadKey; // the previewed lines' upload: kept for a retry
    std::optional<models::StockUploadResult> m_uploaded;
};

} // namespace cardops::ui
