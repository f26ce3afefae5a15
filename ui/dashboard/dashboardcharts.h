#pragma once

#include "storage/dashboardqueries.h"

#include <QString>
#include <functional>

class QChart;
class QChartView;
class QWidget;

namespace cardops::ui::dashboardcharts {

// The dashboard's QtCharts (QtCharts is used only in ui/dashboard/). Each fill replaces the chart's
// series and axes; `clicked` gets the index of the element clicked, in the order of the data given.
using Clicked = std::function<void(int index)>;

// A chart view with the dashboard's look: antialiased, no margins wasted, legend at the bottom.
QChartView* makeView(QWidget* parent);

// Orders as bars (right axis), GMV and gross profit as lines (left axis, yuan) per bucket.
void fillTrend(QChart* chart, const QList<storage::DashboardBucket>& series, const Clicked& clicked);
// Horizontal bars of GMV, the first row on top.
void fillRanks(QChart* chart, const QList<storage::DashboardRank>& ranks, const Clicked& clicked);
// GMV share of each member kind.
void fillKinds(QChart* chart, const QList<storage::DashboardKind>& kinds, const Clicked& clicked);
// Tier moves up and down, this period beside the previous one.
void fillTiers(QChart* chart, const storage::DashboardData& data);

// The display name of a member kind ("" = member not cached).
QString kindName(const QString& kind);
// Yuan for an axis or a tooltip (display only; the figures stay integer units).
double yuan(qint64 units);

} // namespace cardops::ui::dashboardcharts
