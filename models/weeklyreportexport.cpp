#include "models/weeklyreportexport.h"

#include "core/csvexport.h"
#include "models/weeklyreportpdf.h"
#include "storage/readsession.h"

#include <QDate>
#include <QDir>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace cardops::models {

namespace {

namespace wr = storage::weeklyreport;
using Text = WeeklyReportText;

core::Money percentValue(qint64 ppm)
{
    return core::Money::fromUnits(ppm); // a percentage at 4 decimals is ppm / 10000: exact
}

class Rows
{
public:
    Rows(core::CsvExportWriter& writer, const QString& week)
        : m_writer(writer)
        , m_week(week)
    {}

    void count(const QString& section, const QString& item, const QString& metric, qint64 now,
               std::optional<qint64> before = std::nullopt)
    {
        begin(section, item, metric);
        m_writer.addInteger(now);
        m_writer.addEmpty();
        m_writer.addEmpty();
        before ? m_writer.addInteger(*before) : m_writer.addEmpty();
        m_writer.addEmpty();
        m_writer.addEmpty();
        end();
    }
    void money(const QString& section, const QString& item, const QString& metric, core::Money now,
               std::optional<core::Money> before = std::nullopt)
    {
        begin(section, item, metric);
        m_writer.addEmpty();
        m_writer.addMoney(now);
        m_writer.addEmpty();
        m_writer.addEmpty();
        before ? m_writer.addMoney(*before) : m_writer.addEmpty();
        m_writer.addEmpty();
        end();
    }
    void ratio(const QString& section, const QString& item, const QString& metric, qint64 nowPpm,
               std::optional<qint64> beforePpm = std::nullopt)
    {
        begin(section, item, metric);
        m_writer.addEmpty();
        m_writer.addEmpty();
        m_writer.addMoney(percentValue(nowPpm));
        m_writer.addEmpty();
        m_writer.addEmpty();
        beforePpm ? m_writer.addMoney(percentValue(*beforePpm)) : m_writer.addEmpty();
        end();
    }
    core::Result<void> status() const { return m_status; }

private:
    void begin(const QString& section, const QString& item, const QString& metric)
    {
        m_writer.addText(m_week);
        m_writer.addText(section);
        item.isEmpty() ? m_writer.addEmpty() : m_writer.addIdentifier(item);
        m_writer.addText(metric);
    }
    void end()
    {
        if (auto r = m_writer.endRow(); !r && m_status.ok())
            m_status = r;
    }

    core::CsvExportWriter& m_writer;
    QString m_week;
    core::Result<void> m_status;
};

} // namespace

core::Result<void> WeeklyReportExport::writeCsv(QIODevice* device, const WeeklyReportContent& content)
{
    using K = core::CsvColumnKind;
    core::CsvExportWriter writer(device, {{tr("Week"), K::Text},
                                          {tr("Section"), K::Text},
                                          {tr("Item"), K::Identifier},
                                          {tr("Metric"), K::Text},
                                          {tr("Count"), K::Integer},
                                          {tr("Amount"), K::Money, 2},
                                          {tr("Percent"), K::Money, 4},
                                          {tr("Count, week before"), K::Integer},
                                          {tr("Amount, week before"), K::Money, 2},
                                          {tr("Percent, week before"), K::Money, 4}});
    if (auto h = writer.writeHeader(); !h)
        return h;
    Rows rows(writer, core::formatIsoWeek(content.week));
    const wr::PeriodFigures& n = content.data.current;
    const wr::PeriodFigures& b = content.data.previous;
    const QString week = tr("Week");
    rows.count(week, {}, tr("Paid orders"), n.orders, b.orders);
    rows.count(week, {}, tr("Units"), n.quantity, b.quantity);
    rows.money(week, {}, tr("GMV"), n.gmv, b.gmv);
    rows.money(week, {}, tr("Cost at order"), n.cost, b.cost);
    rows.money(week, {}, tr("Payment fee estimate"), n.fee, b.fee);
    rows.money(week, {}, tr("Gross profit"), n.grossProfit, b.grossProfit);
    rows.ratio(week, {}, tr("Gross margin"), n.marginPpm, b.marginPpm);
    rows.money(week, {}, tr("Average order value"), n.averageOrder, b.averageOrder);
    rows.money(week, {}, tr("Refunds"), n.refunds, b.refunds);
    rows.count(week, {}, tr("Refunded orders"), n.refundedOrders, b.refundedOrders);
    rows.ratio(week, {}, tr("Refund rate"), n.refundRatePpm, b.refundRatePpm);
    rows.count(week, {}, tr("Buyers"), n.buyers, b.buyers);
    rows.count(week, {}, tr("Repeat buyers"), n.repeatBuyers, b.repeatBuyers);
    rows.ratio(week, {}, tr("Repurchase rate"), n.repurchaseRatePpm, b.repurchaseRatePpm);
    rows.count(week, {}, tr("Delivered orders"), n.delivered, b.delivered);
    rows.ratio(week, {}, tr("Automation share"), n.automationPpm, b.automationPpm);
    rows.count(week, {}, tr("Paid to delivered, average seconds"), n.averageDeliverSeconds,
               b.averageDeliverSeconds);
    rows.count(week, {}, tr("Orders through review"), n.reviewed, b.reviewed);
    rows.count(week, {}, tr("Review waiting, average seconds"), n.averageReviewSeconds,
               b.averageReviewSeconds);
    rows.count(week, {}, tr("Supplier purchases"), n.purchases, b.purchases);
    rows.count(week, {}, tr("Supplier purchases failed"), n.purchasesFailed, b.purchasesFailed);
    rows.count(week, {}, tr("Supplier purchases unknown"), n.purchasesUnknown, b.purchasesUnknown);
    rows.ratio(week, {}, tr("Supplier failure share"), n.supplierFailurePpm, b.supplierFailurePpm);
    rows.money(week, {}, tr("Supplier spend"), n.supplierSpend, b.supplierSpend);
    rows.count(week, {}, tr("Tier moves up"), n.tierUps, b.tierUps);
    rows.count(week, {}, tr("Tier moves down"), n.tierDowns, b.tierDowns);
    rows.money(week, {}, tr("Commissions"), n.commissions, b.commissions);

    const QString day = tr("Day");
    for (const wr::DayFigures& d : content.data.days) {
        const QString date = QDate(1970, 1, 1).addDays(d.day).toString(Qt::ISODate);
        rows.count(day, date, tr("Paid orders"), d.orders);
        rows.money(day, date, tr("GMV"), d.gmv);
        rows.money(day, date, tr("Gross profit before fees"), d.grossProfit);
    }
    const QString goods = tr("Goods");
    for (const wr::GoodsFigures& g : content.data.topGoods) {
        const QString id = QString::number(g.goodsId);
        rows.count(goods, id, tr("Paid orders: %1").arg(g.name), g.orders);
        rows.count(goods, id, tr("Units"), g.quantity);
        rows.money(goods, id, tr("GMV"), g.gmv);
        rows.money(goods, id, tr("Refunds"), g.refunds);
        rows.ratio(goods, id, tr("Refund rate"), g.refundRatePpm);
        rows.count(goods, id, tr("Stock now"), g.stock);
        rows.ratio(goods, id, tr("Sell-through"), g.sellThroughPpm);
    }
    const QString supplier = tr("Supplier");
    for (const wr::SupplierFigures& s : content.data.suppliers) {
        if (s.balanceAtStart)
            rows.money(supplier, s.supplierId, tr("Balance at week start"), *s.balanceAtStart);
        if (s.balanceAtEnd)
            rows.money(supplier, s.supplierId, tr("Balance at week end"), *s.balanceAtEnd);
        rows.money(supplier, s.supplierId, tr("Spend"), s.spend);
        if (s.balance)
            rows.money(supplier, s.supplierId, tr("Balance now"), *s.balance);
    }
    const QString now = tr("Now");
    rows.count(now, {}, tr("Orders in review"), content.data.review.orders);
    rows.count(now, {}, tr("Oldest in review, seconds"), content.data.review.oldestSeconds);
    rows.count(now, {}, tr("Average age in review, seconds"), content.data.review.averageSeconds);
    rows.count(now, {}, tr("Card goods out of stock"), content.data.stock.outOfStock);
    rows.count(now, {}, tr("Card goods at or below threshold"), content.data.stock.lowStock);

    const QString step = tr("Worst steps");
    for (int i = 0; i < content.steps.size(); ++i) {
        const core::RankedStep& s = content.steps[i];
        rows.count(step, QString::number(i + 1), Text::stepName(s.figure.step) + tr(": score, basis points"),
                   s.scoreBp);
    }
    if (auto r = rows.status(); !r)
        return r;
    return writer.finish();
}

QString WeeklyReportExport::describe(const core::Error& error)
{
    QString what;
    switch (error.code) {
    case core::ErrorCode::Io:
        what = tr("The file could not be written (disk full, no permission, or the folder is missing).");
        break;
    case core::ErrorCode::Conflict:
        what = tr("The export was cancelled; no file was written.");
        break;
    case core::ErrorCode::NotADatabase:
    case core::ErrorCode::NotCardOps:
    case core::ErrorCode::CorruptDatabase:
    case core::ErrorCode::NewerSchema:
    case core::ErrorCode::Storage:
    case core::ErrorCode::Busy:
        what = tr("The cache could not be read.");
        break;
    default:
        what = tr("The report could not be made.");
        break;
    }
    return error.detail.isEmpty() ? what : what + u" ("_s + error.detail + u')';
}

core::Result<WeeklyReportExport::Files> WeeklyReportExport::run(const QString& databasePath,
                                                                core::IsoWeek week, const QString& directory,
                                                                qint64 asOf, const Progress& progress)
{
    auto step = [&](int percent, const QString& text) {
        return !progress || progress(percent, text);
    };
    const core::Error cancelled{core::ErrorCode::Conflict, u"cancelled"_s};
    if (!QDir().mkpath(directory))
        return core::Error{core::ErrorCode::Io, u"cannot create the folder %1"_s.arg(directory)};
    if (!step(5, tr("Reading the cache…")))
        return cancelled;
    WeeklyReportContent content;
    {
        storage::ReadSession session(databasePath);
        if (!session.isOpen())
            return session.openError();
        auto report = storage::weeklyreport::load(session, core::isoWeekMonday(week), asOf);
        if (!report)
            return report.error();
        content = WeeklyReportText::content(week, std::move(report).value());
    }
    const QDir dir(directory);
    Files files{dir.filePath(WeeklyReportText::fileBaseName(week) + u".pdf"_s),
                dir.filePath(WeeklyReportText::fileBaseName(week) + u".csv"_s)};
    if (!step(40, tr("Writing the PDF…")))
        return cancelled;
    QSaveFile pdf(files.pdf);
    if (!pdf.open(QIODevice::WriteOnly))
        return core::Error{core::ErrorCode::Io, files.pdf + u": "_s + pdf.errorString()};
    if (auto w = WeeklyReportPdf::write(&pdf, content); !w)
        return w.error();
    if (!step(80, tr("Writing the CSV…")))
        return cancelled; // the PDF is not committed: QSaveFile discards it
    QSaveFile csv(files.csv);
    if (!csv.open(QIODevice::WriteOnly))
        return core::Error{core::ErrorCode::Io, files.csv + u": "_s + csv.errorString()};
    if (auto w = writeCsv(&csv, content); !w)
        return w.error();
    if (!pdf.commit())
        return core::Error{core::ErrorCode::Io, files.pdf + u": "_s + pdf.errorString()};
    if (!csv.commit())
        return core::Error{core::ErrorCode::Io, files.csv + u": "_s + csv.errorString()};
    step(100, tr("Done."));
    return files;
}

} // namespace cardops::models
