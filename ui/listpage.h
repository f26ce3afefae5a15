#pragma once

#include "storage/listqueries.h"
#include "ui/page.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;
class QTimer;

namespace cardops::models {
class DataSource;
class ListModel;
} // namespace cardops::models

namespace cardops::ui {

// A simple list page: a search field, one filter, a table over a ListModel (sorting on indexed
// columns only) and the number of matching rows. Ctrl+C copies the selected rows as tab-separated
// text. UI thread.
class ListPage : public Page
{
    Q_OBJECT
public:
    ListPage(models::DataSource& source, storage::ListKind kind, const QString& title, const QString& hint,
             QWidget* parent = nullptr);

    models::ListModel& model() const { return *m_model; }
    QTableView& view() const { return *m_view; }
    qint64 mainRows() const override;
    bool isReady() const override;
    void focusSearch() override;
    void applyFilter(const QString& filter) override;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void updateFooter();
    void copySelection() const;

    models::ListModel* m_model = nullptr;
    QTableView* m_view = nullptr;
    QLineEdit* m_search = nullptr;
    QComboBox* m_filter = nullptr;
    QLabel* m_footer = nullptr;
    QTimer* m_searchDelay = nullptr;
    bool m_ready = false;
    bool m_sized = false;
};

} // namespace cardops::ui
