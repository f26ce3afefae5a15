#pragma once

class QApplication;

namespace cardops::ui {

// The console's look: Fusion with a light palette and a style sheet for the navigation, page
// titles and work-bench tiles. Call once after the QApplication exists.
void applyStyle(QApplication& app);

} // namespace cardops::ui
