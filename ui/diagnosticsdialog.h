#pragma once

#include "storage/consolestatus.h"

#include <QDialog>

class QPlainTextEdit;
class QTableWidget;

namespace cardops::models {
class ConsoleBackend;
class DataSource;
} // namespace cardops::models

namespace cardops::ui {

// 同步诊断: per feed its position, what was received and what the cache holds; the last sync
// error in full; the last raw request and response. UI thread.
class DiagnosticsDialog : public QDialog
{
    Q_OBJECT
public:
    DiagnosticsDialog(models::DataSource& source, models::ConsoleBackend& backend,
                      const storage::ConsoleStatus& status, QWidget* parent = nullptr);

private:
    static QString feedTitle(core::Feed feed);
    void reload();
    void showFeeds(const QList<storage::FeedDiagnostics>& feeds);

    models::DataSource& m_source;
    models::ConsoleBackend& m_backend;
    QTableWidget* m_feeds = nullptr;
    QPlainTextEdit* m_error = nullptr;
    QPlainTextEdit* m_exchange = nullptr;
};

} // namespace cardops::ui
