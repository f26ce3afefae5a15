#pragma once

#include "ui/pageid.h"

#include <QWidget>

namespace cardops::ui {

// A page of the main window. UI thread.
class Page : public QWidget
{
    Q_OBJECT
public:
    using QWidget::QWidget;

    // Rows of the page's main table; -1 when the page has no table.
    virtual qint64 mainRows() const { return -1; }
    // True once the page shows its data (a screenshot or a benchmark waits for ready()).
    virtual bool isReady() const { return true; }
    // Ctrl+F: focus the page's search field, if it has one.
    virtual void focusSearch() {}
    // Opens the page with a filter (a status, a kind…) chosen elsewhere (a work-bench tile).
    virtual void applyFilter(const QString& filter) { Q_UNUSED(filter) }
    // F5 while this page is shown: true when the page re-ran its own work (a check, a comparison);
    // false lets F5 sync, as on every other page. One F5 shortcut, so it is never ambiguous.
    virtual bool refreshPage() { return false; }

Q_SIGNALS:
    void ready();
    void openPage(cardops::ui::PageId page, const QString& filter);
};

} // namespace cardops::ui
