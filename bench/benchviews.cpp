#include "benchviews.h"

#include "models/windowedmodel.h"

#include <QCoreApplication>
#include <QEvent>
#include <QTableView>

namespace cardops::bench {

bool visibleRowsLoaded(const QTableView& view, const models::WindowedModel* model)
{
    const int first = view.rowAt(0);
    if (first < 0)
        return model && model->totalCount() == 0;
    int last = view.rowAt(view.viewport()->height() - 1);
    if (last < 0)
        last = view.model()->rowCount() - 1;
    if (!model)
        return true;
    for (int row = first; row <= last; ++row)
        if (!model->isRowLoaded(row))
            return false;
    return true;
}

double untilPainted(QTableView& view, const models::WindowedModel* model, const QElapsedTimer& timer, Until until)
{
    bool painted = false;
    struct Watch : QObject
    {
        bool* flag;
        explicit Watch(bool* f)
            : flag(f)
        {}
        bool eventFilter(QObject*, QEvent* e) override
        {
            if (e->type() == QEvent::Paint)
                *flag = true;
            return false;
        }
    } watch(&painted);
    const auto settled = [&] {
        if (!model || until == Until::RowsLoaded)
            return true;
        return model->totalCount() >= 0 && (until == Until::Counted || model->isIdle());
    };
    view.viewport()->installEventFilter(&watch);
    view.viewport()->update();
    for (;;) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 2);
        if (painted && settled() && visibleRowsLoaded(view, model))
            break;
        if (painted)
            painted = false, view.viewport()->update();
        if (timer.elapsed() > 120'000)
            qFatal("the view never painted its rows");
    }
    view.viewport()->removeEventFilter(&watch);
    return double(timer.nsecsElapsed()) / 1e6;
}

} // namespace cardops::bench
