#pragma once

#include "core/result.h"
#include "core/rfm.h"
#include "storage/segmentstore.h"

#include <QWidget>

class QIODevice;
class QLabel;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTableWidget;

namespace cardops::models {
class DataSource;
}

namespace cardops::ui {

// The RFM segments (issue #10 item 7, docs/members.md): the six segments with their size, share
// and change against the sizes 30 days earlier, each with its rule (tooltip) and playbook;
// 重新计算 recomputes on the writer; 导出分群… writes the chosen segment's members as CSV
// (domain.md "Finance" formats) off the UI thread. A click on a segment asks for the members list
// filtered to it (showSegment). UI thread.
class SegmentsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit SegmentsPanel(models::DataSource& source, QWidget* parent = nullptr);

    // The segments in display order, and their operator words (translated).
    static QList<core::Segment> segments();
    static QString segmentName(core::Segment segment);
    static QString segmentRule(core::Segment segment);
    static QString segmentPlaybook(core::Segment segment);
    // "▲ 12", "▼ 3", "—".
    static QString changeText(qint64 change);

    // The CSV of a segment export: id, name, kind, tier, contact, R, F, M, orders, spend.
    static core::Result<void> writeCsv(QIODevice* device,
                                       const QList<storage::segmentstore::SegmentMember>& rows);

    // The sizes shown (after the last load).
    const storage::segmentstore::Sizes& sizes() const { return m_sizes; }
    // The selected segment's code; empty when none.
    QString currentSegment() const;

    void reload();
    // Recomputes RFM as of now on the writer (the busy indicator shows meanwhile).
    void recompute();
    // Writes the members of `code` to `path`; emits exported(ok, message) when done.
    void exportSegment(const QString& code, const QString& path);

Q_SIGNALS:
    void showSegment(const QString& code);
    void loaded();
    void recomputed(bool ok);
    void exported(bool ok, const QString& message);

private:
    void display(const storage::segmentstore::Sizes& sizes);
    void setBusy(bool busy, const QString& text = {});
    void chooseExportFile();

    models::DataSource& m_source;
    storage::segmentstore::Sizes m_sizes;
    QStackedWidget* m_stack = nullptr;
    QTableWidget* m_table = nullptr;
    QLabel* m_caption = nullptr;
    QLabel* m_status = nullptr;
    QProgressBar* m_busy = nullptr;
    QPushButton* m_recompute = nullptr;
    QPushButton* m_export = nullptr;
    quint64 m_generation = 0;
};

} // namespace cardops::ui
