#pragma once

class QTableView;

namespace cardops::models {
class WindowedModel;
}

namespace cardops::ui {

// What copySelectedRows() put on the clipboard.
struct CopiedRows
{
    int copied = 0;
    int notLoaded = 0; // selected rows still showing a placeholder: left out, never guessed
};

// Copies the selected rows of a windowed table as tab-separated text (visible columns, in view
// order, as displayed) for a spreadsheet. UI thread.
CopiedRows copySelectedRows(const QTableView& view, const models::WindowedModel& model);

} // namespace cardops::ui
