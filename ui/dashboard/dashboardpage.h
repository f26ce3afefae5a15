#pragma once

#include "storage/orderqueries.h"
#include "ui/page.h"

#include <QHash>

class QComboBox;
class QDateEdit;
class QLabel;
class QStackedWidget;
class QTableWidget;

namespace cardops::models {
class DataSource;
class DashboardModel;
} // namespace cardops::models

namespace cardops::ui {

class HeatMapWidget;
class KpiCard;

// The 数据看板 (issue #11 item 1, docs/dashboard.md): KPI cards with the change against the previous
// period of equal length, a period picker (presets, custom range, day/week/month), charts of GMV,
// profit and orders over time, top goods and categories, member kinds, orders by hour × weekday, an
// agent leaderboard and tier movement. Read from the rollups on the loader thread
// (models::DashboardModel). A click on a bar or a slice asks for the orders behind it; every chart
// can be saved as PNG from its context menu. UI thread.
class DashboardPage : public Page
{
    Q_OBJECT
public:
    enum class Chart { Trend, TopGoods, TopCategories, MemberKinds, TierMoves, HeatMap, Agents };
    // The KPI cards, in the order shown.
    enum class Kpi {
        Orders,
        Gmv,
        Profit,
        Margin,
        Buyers,
        AverageOrder,
        RefundRate,
        Repurchase,
        Automation,
        DeliveryTime,
        ReviewWait,
        SupplierBalance
    };

    explicit DashboardPage(models::DataSource& source, QWidget* parent = nullptr);

    models::DashboardModel& model() const { return *m_model; }
    bool isReady() const override;
    // Work-bench/command line: "7", "30", "90", "month", "last_month" choose a preset.
    void applyFilter(const QString& filter) override;

    QComboBox& periodPicker() const { return *m_period; }
    QComboBox& grainPicker() const { return *m_grain; }
    // The widget drawing a chart (a QChartView, the heat map, the leaderboard table).
    QWidget* chartWidget(Chart chart) const { return m_charts.value(chart); }
    // The text of a KPI card's value and change (tests, screenshots).
    QString kpiValue(Kpi kpi) const;
    QString kpiChange(Kpi kpi) const;
    QString kpiDefinition(Kpi kpi) const;
    bool showsEmptyState() const;
    // Saves the chart with its title as PNG; false when the file cannot be written.
    bool exportChart(Chart chart, const QString& path) const;

Q_SIGNALS:
    // The orders behind a clicked chart element: the bucket's or the period's created range, and
    // the goods of a top-goods bar. The main window shows them on the orders page.
    void openOrders(const cardops::storage::OrderFilter& filter);

private:
    void build();
    QWidget* frame(Chart chart, const QString& title, QWidget* content);
    void periodChosen(int index);
    void customRangeEdited();
    void showData();
    void showKpis();
    void fillAgents();
    void askExport(Chart chart);
    storage::OrderFilter periodFilter(qint64 fromDay, qint64 toDay) const;

    models::DashboardModel* m_model = nullptr;
    QComboBox* m_period = nullptr;
    QDateEdit* m_from = nullptr;
    QDateEdit* m_to = nullptr;
    QLabel* m_dash = nullptr;
    QComboBox* m_grain = nullptr;
    QLabel* m_status = nullptr;
    QStackedWidget* m_stack = nullptr;
    QLabel* m_emptyText = nullptr;
    QHash<Kpi, KpiCard*> m_cards;
    QHash<Chart, QWidget*> m_charts;
    QHash<Chart, QWidget*> m_frames;
    QHash<Chart, QString> m_titles;
    HeatMapWidget* m_heat = nullptr;
    QTableWidget* m_agents = nullptr;
    bool m_ready = false;
    bool m_syncing = false;
};

} // namespace cardops::ui
