#include "models/exporttables.h"

#include "models/listpresentation.h"
#include "storage/orderexport.h"

#include <array>

using namespace Qt::StringLiterals;

namespace cardops::models {
namespace {

using core::CsvColumn;
using core::CsvColumnKind;
using core::Money;
namespace ox = storage::orderexport;

// Codes translated once per export, looked up per row without allocating.
class CodeLabels
{
public:
    template<typename F> CodeLabels(const QStringList& codes, F label)
    {
        for (const QString& code : codes)
            m_labels.append({code, label(code)});
    }

    QStringView operator()(QStringView code) const
    {
        for (const auto& [c, label] : m_labels) {
            if (c == code)
                return label;
        }
        return code; // a code this version does not know: as the platform sent it
    }

private:
    QList<std::pair<QString, QString>> m_labels;
};

void addTimeOrEmpty(core::CsvExportWriter& w, qint64 t)
{
    if (t > 0)
        w.addTime(t);
    else
        w.addEmpty();
}

// An empty identifier is an empty cell, not a lone TAB.
void addIdentifierOrEmpty(core::CsvExportWriter& w, QStringView value)
{
    if (value.isEmpty())
        w.addEmpty();
    else
        w.addIdentifier(value);
}

} // namespace

QList<CsvColumn> CsvExports::orderColumns()
{
    return {
        {tr("Order no."), CsvColumnKind::Identifier},
        {tr("Ordered at"), CsvColumnKind::Time},
        {tr("Paid at"), CsvColumnKind::Time},
        {tr("Member ID"), CsvColumnKind::Identifier},
        {tr("Member"), CsvColumnKind::Text},
        {tr("Goods"), CsvColumnKind::Text},
        {tr("Quantity"), CsvColumnKind::Integer},
        {tr("Unit price"), CsvColumnKind::Money, 4},
        {tr("Amount"), CsvColumnKind::Money, 2},
        {tr("Paid"), CsvColumnKind::Money, 2},
        {tr("Cost"), CsvColumnKind::Money, 2},
        {tr("Refunded"), CsvColumnKind::Money, 2},
        {tr("Status"), CsvColumnKind::Text},
        {tr("Pay channel"), CsvColumnKind::Text},
        {tr("Charge account"), CsvColumnKind::Identifier},
        {tr("Contact"), CsvColumnKind::Identifier},
    };
}

CsvExportSpec CsvExports::orders(const storage::OrderFilter& filter)
{
    // The snapshot ceiling is taken by count() (it runs first, on the export thread) and shared with
    // rows(), so the progress total and the rows written agree.
    auto ceiling = std::make_shared<qint64>(0);
    CsvExportSpec spec;
    spec.columns = orderColumns();
    spec.count = [filter, ceiling](storage::ExportReader& reader) -> core::Result<qint64> {
        auto top = ox::maxOrderId(reader);
        if (!top)
            return top.error();
        *ceiling = *top;
        if (*ceiling == 0)
            return qint64(0);
        return ox::countOrders(reader, filter, *ceiling);
    };
    spec.rows = [filter, ceiling](CsvExportContext& ctx) -> core::Result<void> {
        if (*ceiling == 0)
            return {};
        const CodeLabels statuses({u"unpaid"_s, u"paid"_s, u"handed_over"_s, u"delivering"_s, u"delivered"_s,
                                   u"review"_s, u"refunded"_s, u"cancelled"_s},
                                  ListPresentation::orderStatus);
        const CodeLabels channels({u"alipay"_s, u"wechat"_s, u"balance"_s}, ListPresentation::payChannel);
        core::CsvExportWriter& w = ctx.writer();
        core::Result<void> written;
        auto streamed = ox::streamOrders(ctx.reader(), filter, *ceiling, [&](const storage::ExportRow& r) {
            w.addIdentifier(r.text(ox::OrderNo));
            w.addTime(r.integer(ox::CreatedAt));
            addTimeOrEmpty(w, r.integer(ox::PaidAt));
            w.addIdentifier(r.text(ox::MemberId));
            w.addText(r.text(ox::MemberName));
            w.addText(r.text(ox::GoodsName));
            w.addInteger(r.integer(ox::Quantity));
            w.addMoney(Money::fromUnits(r.integer(ox::UnitPrice)));
            w.addMoney(Money::fromUnits(r.integer(ox::Amount)));
            w.addMoney(Money::fromUnits(r.integer(ox::PaidAmount)));
            w.addMoney(Money::fromUnits(r.integer(ox::CostAtOrder)));
            w.addMoney(Money::fromUnits(r.integer(ox::RefundAmount)));
            w.addText(statuses(r.text(ox::Status)));
            w.addText(channels(r.text(ox::PayChannel)));
            addIdentifierOrEmpty(w, r.text(ox::ChargeAccount));
            addIdentifierOrEmpty(w, r.text(ox::Contact));
            written = w.endRow();
            return written.ok() && ctx.rowDone();
        });
        if (!streamed)
            return streamed.error();
        return written;
    };
    return spec;
}

QList<CsvColumn> CsvExports::commissionColumns()
{
    return {
        {tr("Time"), CsvColumnKind::Time},           {tr("Member ID"), CsvColumnKind::Identifier},
        {tr("Member"), CsvColumnKind::Text},         {tr("Order no."), CsvColumnKind::Identifier},
        {tr("Commission"), CsvColumnKind::Money, 2},
    };
}

CsvExportSpec CsvExports::commissions(qint64 from, qint64 to)
{
    CsvExportSpec spec;
    spec.columns = commissionColumns();
    spec.count = [from, to](storage::ExportReader& reader) {
        return ox::countCommissions(reader, from, to);
    };
    spec.rows = [from, to](CsvExportContext& ctx) -> core::Result<void> {
        core::CsvExportWriter& w = ctx.writer();
        core::Result<void> written;
        auto streamed = ox::streamCommissions(ctx.reader(), from, to, [&](const storage::ExportRow& r) {
            w.addTime(r.integer(ox::LedgerCreatedAt));
            w.addIdentifier(r.text(ox::LedgerMemberId));
            w.addText(r.text(ox::LedgerMemberName));
            addIdentifierOrEmpty(w, r.text(ox::LedgerOrderNo));
            w.addMoney(Money::fromUnits(r.integer(ox::LedgerAmount)));
            written = w.endRow();
            return written.ok() && ctx.rowDone();
        });
        if (!streamed)
            return streamed.error();
        return written;
    };
    return spec;
}

QString CsvExports::cardStatus(const QString& code)
{
    if (code == u"available")
        return tr("Available");
    if (code == u"locked")
        return tr("Locked");
    if (code == u"sold")
        return tr("Sold");
    if (code == u"void")
        return tr("Void");
    return code;
}

QList<CsvColumn> CsvExports::cardColumns()
{
    return {
        {tr("Card ID"), CsvColumnKind::Identifier},  {tr("Card (masked)"), CsvColumnKind::Identifier},
        {tr("Status"), CsvColumnKind::Text},         {tr("Expires at"), CsvColumnKind::Time},
        {tr("Order ID"), CsvColumnKind::Identifier}, {tr("Added at"), CsvColumnKind::Time},
        {tr("Reusable"), CsvColumnKind::Text},
    };
}

CsvExportSpec CsvExports::cards(const QList<StockCard>& cards)
{
    QList<QVariantList> rows;
    rows.reserve(cards.size());
    const auto time = [](qint64 t) {
        return t > 0 ? QVariant(t) : QVariant();
    };
    for (const StockCard& c : cards) {
        rows.append({QString::number(c.id), c.masked, cardStatus(c.status), time(c.expiresAt),
                     c.orderId > 0 ? QVariant(QString::number(c.orderId)) : QVariant(), time(c.createdAt),
                     c.loop ? tr("Yes") : tr("No")});
    }
    return CsvExportSpec::fromRows(cardColumns(), std::move(rows));
}

} // namespace cardops::models
