#include "ui/tablecopy.h"

#include "models/windowedmodel.h"

#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QTableView>
#include <algorithm>

namespace cardops::ui {

CopiedRows copySelectedRows(const QTableView& view, const models::WindowedModel& model)
{
    CopiedRows result;
    QList<int> columns;
    const QHeaderView* header = view.horizontalHeader();
    for (int visual = 0; visual < header->count(); ++visual) {
        const int logical = header->logicalIndex(visual);
        if (!header->isSectionHidden(logical))
            columns << logical;
    }
    // Ranges, not selectedRows(): a selection of a million rows is a few ranges, not a million
    // indexes.
    QList<QPair<int, int>> ranges;
    for (const QItemSelectionRange& r : view.selectionModel()->selection())
        ranges.append({r.top(), r.bottom()});
    std::sort(ranges.begin(), ranges.end());
    QStringList lines;
    int last = -1;
    for (const auto& [top, bottom] : ranges) {
        for (int row = std::max(top, last + 1); row <= bottom; ++row) {
            if (!model.isRowLoaded(row)) {
                ++result.notLoaded;
                continue;
            }
            QStringList cells;
            for (int c : columns)
                cells << model.index(row, c).data().toString();
            lines << cells.join(QLatin1Char('\t'));
        }
        last = std::max(last, bottom);
    }
    result.copied = int(lines.size());
    if (!lines.isEmpty())
        QApplication::clipboard()->setText(lines.join(QLatin1Char('\n')) + QLatin1Char('\n'));
    return result;
}

} // namespace cardops::ui
