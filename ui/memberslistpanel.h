#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QStackedWidget;
class QTableView;
class QTimer;

namespace cardops::models {
class ConsoleBackend;
class DataSource;
class MembersModel;
} // namespace cardops::models

namespace cardops::ui {

// 会员列表 (issue #10 item 1): 50,000 members with kind, tier, segment and tag filters, a search by
// name, contact or id (waits for a 300 ms pause; Ctrl+F via focusSearch()), the number of matching
// members, a sortable table (id, registration) with Ctrl+C copying the selected rows, and an empty
// state. Enter or a double click emits memberActivated; the row menu opens the member or its newest
// order. UI thread.
class MembersListPanel : public QWidget
{
    Q_OBJECT
public:
    MembersListPanel(models::DataSource& source, models::ConsoleBackend& backend, QWidget* parent = nullptr);

    models::MembersModel& model() const { return *m_model; }
    QTableView& view() const { return *m_view; }
    QLineEdit& searchField() const { return *m_search; }
    QComboBox& kindFilter() const { return *m_kind; }
    QComboBox& tierFilter() const { return *m_tier; }
    QComboBox& segmentFilter() const { return *m_segment; }
    QComboBox& tagFilter() const { return *m_tag; }
    QLabel& countLabel() const { return *m_count; }
    // The empty state is shown instead of the table.
    bool showsEmptyState() const;

    // Only that segment (a member_rfm code: high_value, potential, new, dormant, churn_risk, other);
    // the other filters and the search are cleared. "" shows every segment.
    void showSegment(const QString& code);
    // Only that kind (consumer, agent, enterprise; "" every kind); the other filters are cleared.
    void showKind(const QString& kind);
    void focusSearch();
    // Members matching the filters (0 until counted).
    qint64 rows() const;
    // The count is known and the first rows show data.
    bool isReady() const;
    // The member of the current row; 0 when there is none or it is not loaded.
    qint64 currentMemberId() const;

    static constexpr int SearchDelayMs = 300;

Q_SIGNALS:
    void ready();
    void memberActivated(qint64 memberId);
    void openOrder(qint64 orderId);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QComboBox* addFilter(const QString& tip);
    void applyFilters();
    void clearFilters();
    void loadChoices();
    void updateCount();
    void openCurrent();
    void showRowMenu(const QPoint& at);

    models::DataSource& m_source;
    models::ConsoleBackend& m_backend;
    models::MembersModel* m_model = nullptr;
    QTableView* m_view = nullptr;
    QLineEdit* m_search = nullptr;
    QComboBox* m_kind = nullptr;
    QComboBox* m_tier = nullptr;
    QComboBox* m_segment = nullptr;
    QComboBox* m_tag = nullptr;
    QLabel* m_count = nullptr;
    QLabel* m_empty = nullptr;
    QStackedWidget* m_stack = nullptr;
    QTimer* m_searchDelay = nullptr;
    bool m_ready = false;
    bool m_sized = false;
};

} // namespace cardops::ui
