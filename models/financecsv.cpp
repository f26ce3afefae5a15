#include "models/financecsv.h"

#include "core/csvexport.h"
#include "models/financejob.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace cardops::models::financecsv {

namespace {

namespace fin = storage::finance;
using core::Money;
using K = core::CsvColumnKind;

QString tr(const char* text)
{
    return QCoreApplication::translate("cardops::models::financecsv", text);
}

Money units(qint64 v)
{
    return Money::fromUnits(v);
}

// The header, one row per item (`fill` adds its cells), and the end: every finance CSV.
template<typename Item, typename Fill>
core::Result<void> writeTable(QIODevice* device, QList<core::CsvColumn> columns, const QList<Item>& items,
                              Fill fill)
{
    core::CsvExportWriter w(device, std::move(columns));
    if (auto h = w.writeHeader(); !h)
        return h;
    for (const Item& item : items) {
        fill(w, item);
        if (auto r = w.endRow(); !r)
            return r;
    }
    return w.finish();
}

} // namespace

core::Result<void> writeSummary(QIODevice* device, const fin::Summary& summary)
{
    core::CsvExportWriter w(device, {{tr("Day"), K::Text},
                                     {tr("Orders"), K::Integer},
                                     {tr("GMV"), K::Money},
                                     {tr("Cost"), K::Money},
                                     {tr("Refunds"), K::Money},
                                     {tr("Gross profit"), K::Money},
                                     {tr("Commissions"), K::Money},
                                     {tr("Supplier spend"), K::Money}});
    if (auto h = w.writeHeader(); !h)
        return h;
    auto row = [&w](const QString& label, const fin::DaySummary& d) {
        w.addText(label);
        w.addInteger(d.orders);
        w.addMoney(d.gmv);
        w.addMoney(d.cost);
        w.addMoney(d.refunds);
        w.addMoney(d.grossProfit());
        w.addMoney(d.commissions);
        w.addMoney(d.supplierSpend);
        return w.endRow();
    };
    for (const fin::DaySummary& d : summary.days)
        if (auto r = row(fin::dayText(d.day), d); !r)
            return r;
    if (auto r = row(tr("Total"), summary.total); !r)
        return r;
    return w.finish();
}

core::Result<void> writePlatform(QIODevice* device, const QList<fin::Difference>& rows)
{
    QList<core::CsvColumn> columns{{tr("Kind"), K::Text},
                                   {tr("Code"), K::Text},
                                   {tr("Day"), K::Text},
                                   {tr("Measure"), K::Text},
                                   {tr("Cache orders"), K::Integer},
                                   {tr("Platform orders"), K::Integer},
                                   {tr("Cache amount"), K::Money},
                                   {tr("Platform amount"), K::Money},
                                   {tr("Difference orders"), K::Integer},
                                   {tr("Difference amount"), K::Money}};
    const auto fill = [](core::CsvExportWriter& w, const fin::Difference& d) {
        w.addText(FinanceJob::kindName(d.kind));
        w.addText(fin::kindCode(d.kind));
        w.addText(fin::dayText(d.day));
        w.addText(FinanceJob::measureName(d.subject));
        if (d.isCount()) {
            w.addInteger(d.ours);
            w.addInteger(d.theirs);
            w.addEmpty();
            w.addEmpty();
            w.addInteger(d.difference());
            w.addEmpty();
        } else {
            w.addEmpty();
            w.addEmpty();
            w.addMoney(units(d.ours));
            w.addMoney(units(d.theirs));
            w.addEmpty();
            w.addMoney(units(d.difference()));
        }
    };
    return writeTable(device, std::move(columns), rows, fill);
}

core::Result<void> writeSupplier(QIODevice* device, const QList<fin::Difference>& rows)
{
    QList<core::CsvColumn> columns{{tr("Kind"), K::Text},
                                   {tr("Code"), K::Text},
                                   {tr("Supplier"), K::Identifier},
                                   {tr("Day"), K::Text},
                                   {tr("Balance seen at"), K::Time},
                                   {tr("Balance seen again at"), K::Time},
                                   {tr("Purchases"), K::Integer},
                                   {tr("Purchased"), K::Money},
                                   {tr("Balance movement"), K::Money},
                                   {tr("Difference"), K::Money}};
    const auto fill = [](core::CsvExportWriter& w, const fin::Difference& d) {
        w.addText(FinanceJob::kindName(d.kind));
        w.addText(fin::kindCode(d.kind));
        w.addIdentifier(d.subject);
        w.addText(fin::dayText(d.day));
        w.addTime(d.fromAt);
        w.addTime(d.toAt);
        w.addInteger(d.count);
        w.addMoney(units(d.ours));
        w.addMoney(units(d.theirs));
        fin::isDifference(d.kind) ? w.addMoney(units(d.difference())) : w.addEmpty();
    };
    return writeTable(device, std::move(columns), rows, fill);
}

core::Result<void> writeCommission(QIODevice* device, const QList<fin::Difference>& rows)
{
    QList<core::CsvColumn> columns{
        {tr("Kind"), K::Text},           {tr("Code"), K::Text},      {tr("Day"), K::Text},
        {tr("Agent id"), K::Identifier}, {tr("Agent"), K::Text},     {tr("Entries"), K::Integer},
        {tr("Expected"), K::Money},      {tr("Credited"), K::Money}, {tr("Difference"), K::Money}};
    const auto fill = [](core::CsvExportWriter& w, const fin::Difference& d) {
        w.addText(FinanceJob::kindName(d.kind));
        w.addText(fin::kindCode(d.kind));
        w.addText(fin::dayText(d.day));
        w.addIdentifier(QString::number(d.subjectId));
        w.addText(d.subject);
        w.addInteger(d.count);
        w.addMoney(units(d.ours));
        w.addMoney(units(d.theirs));
        w.addMoney(units(d.difference()));
    };
    return writeTable(device, std::move(columns), rows, fill);
}

core::Result<void> writeAdjustments(QIODevice* device, const QList<fin::Adjustment>& rows)
{
    QList<core::CsvColumn> columns{{tr("Original period"), K::Text},
                                   {tr("Booked in"), K::Text},
                                   {tr("Day"), K::Text},
                                   {tr("Measure"), K::Text},
                                   {tr("Orders at close"), K::Integer},
                                   {tr("Orders now"), K::Integer},
                                   {tr("Orders adjustment"), K::Integer},
                                   {tr("Amount at close"), K::Money},
                                   {tr("Amount now"), K::Money},
                                   {tr("Amount adjustment"), K::Money}};
    const auto fill = [](core::CsvExportWriter& w, const fin::Adjustment& a) {
        const bool count = a.measure == u"orders";
        w.addText(a.originalMonth);
        w.addText(a.bookedMonth);
        w.addText(fin::dayText(a.day));
        w.addText(FinanceJob::measureName(a.measure));
        for (qint64 v : {a.snapshot, a.live, a.delta()})
            count ? w.addInteger(v) : w.addEmpty();
        for (qint64 v : {a.snapshot, a.live, a.delta()})
            count ? w.addEmpty() : w.addMoney(units(v));
    };
    return writeTable(device, std::move(columns), rows, fill);
}

} // namespace cardops::models::financecsv
