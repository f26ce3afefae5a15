#pragma once

#include <QElapsedTimer>

class QTableView;

namespace cardops::models {
class WindowedModel;
}

// What the page benchmarks (bench_orders, bench_goods, bench_members) wait for before they stop the
// clock: a paint of the view with every visible row loaded.
namespace cardops::bench {

enum class Until {
    RowsLoaded, // the visible rows have their data
    Counted,    // and the total count is known
    Idle,       // and no page or count is still being read
};

// Whether every row the view shows has data (not a placeholder); any row counts without a model.
bool visibleRowsLoaded(const QTableView& view, const models::WindowedModel* model);

// Runs the event loop until the view has painted in the state `until` names; ms since `timer`
// started. Gives up (qFatal) after two minutes.
double untilPainted(QTableView& view, const models::WindowedModel* model, const QElapsedTimer& timer,
                    Until until = Until::RowsLoaded);

} // namespace cardops::bench
