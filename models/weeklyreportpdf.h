#pragma once

#include "core/result.h"
#include "models/weeklyreport.h"

#include <QCoreApplication>
#include <QImage>

class QIODevice;
class QPainter;

namespace cardops::models {

// The weekly report as a PDF (docs/reports.md): A4, a title page with the KPI table and the three
// worst steps, a page of charts painted with QPainter (daily GMV bars, the orders line, the top
// goods), and a page of tables. Needs a QGuiApplication (fonts); any thread once it exists.
class WeeklyReportPdf
{
    Q_DECLARE_TR_FUNCTIONS(WeeklyReportPdf)
public:
    static constexpr int PageCount = 3;
    static constexpr qreal PageWidth = 595.0; // A4 in points
    static constexpr qreal PageHeight = 842.0;

    // Paints page `index` (0-based) on a painter whose coordinates are A4 points.
    static void paintPage(QPainter& painter, int index, const WeeklyReportContent& content);
    // The whole document to `device` (A4, 300 dpi); ErrorCode::Io when the device failed.
    static core::Result<void> write(QIODevice* device, const WeeklyReportContent& content);
    // One page as an image at `dpi` (previews, screenshots): the same painting as the PDF.
    static QImage renderPage(int index, const WeeklyReportContent& content, int dpi = 150);
};

} // namespace cardops::models
