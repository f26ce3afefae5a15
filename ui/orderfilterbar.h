#pragma once

#include "storage/listqueries.h"
#include "storage/orderqueries.h"

#include <QWidget>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QSettings;
class QTimer;

namespace cardops::models {
class DataSource;
}

namespace cardops::ui {

// The orders page's filters: created date range (presets or two dates, Asia/Shanghai business
// days), member and goods (by id, or by name from suggestions), amount range in yuan, order-number prefix and
// charge-account prefix, and the conditions a dashboard chart opens the page with (category, member kind,
// an agent's branch, weekday and hour: one line with a remove button). They combine; edits apply after a short pause; a field the operator typed wrongly is
// marked and left out until corrected (nothing else is lost). Filters are saved by name in QSettings and
// applied again from a list. The tab is the page's, not the bar's. UI thread.
class OrderFilterBar : public QWidget
{
    Q_OBJECT
public:
    // With a data source, the member and goods fields suggest names as the operator types.
    explicit OrderFilterBar(models::DataSource* source = nullptr, QWidget* parent = nullptr);

    // The conditions as typed (the tab left at All).
    storage::OrderFilter filter() const { return m_filter; }
    void setFilter(const storage::OrderFilter& filter);
    void clear();
    void focusFirst();
    // The names of the saved filters, sorted.
    QStringList savedNames() const;
    bool saveAs(const QString& name);
    bool applySaved(const QString& name);
    void removeSaved(const QString& name);

    // The dashboard's conditions of the filter in words ("" when it has none), e.g. "类别 #3 · 周二 14 时".
    QString relationText() const;

    // Today (Asia/Shanghai) as the presets see it; tests pin it.
    void setToday(const QDate& today) { m_today = today; }

Q_SIGNALS:
    void filterChanged(const storage::OrderFilter& filter);

private:
    void build();
    void readFields();
    void presetChanged(int index);
    void askSaveName();
    void reloadSaved();
    bool markValid(QLineEdit* edit, bool valid, const QString& problem);
    void suggest(QLineEdit* edit, models::DataSource& source, storage::ListKind kind);
    void showRelations();
    void clearRelations();

    storage::OrderFilter m_filter;
    storage::OrderFilter m_dash; // only its dashboard conditions are used
    QDate m_today;
    QComboBox* m_period = nullptr;
    QDateEdit* m_from = nullptr;
    QDateEdit* m_to = nullptr;
    QWidget* m_dateDash = nullptr;
    QLineEdit* m_orderNo = nullptr;
    QLineEdit* m_account = nullptr;
    QLineEdit* m_member = nullptr;
    QLineEdit* m_goods = nullptr;
    QLineEdit* m_amountMin = nullptr;
    QLineEdit* m_amountMax = nullptr;
    QPushButton* m_clear = nullptr;
    QPushButton* m_save = nullptr;
    QComboBox* m_saved = nullptr;
    QPushButton* m_removeSaved = nullptr;
    QWidget* m_relations = nullptr; // the line of the dashboard's conditions, hidden without them
    QLabel* m_relationText = nullptr;
    QTimer* m_delay = nullptr;
    bool m_loading = false;
};

} // namespace cardops::ui
