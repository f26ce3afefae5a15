#include "core/batchorderlines.h"

#include "core/csvreader.h"
#include "core/pricing.h"

#include <QBuffer>
#include <QHash>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace cardops::core {
namespace {

bool isHeader(const QStringList& fields)
{
    static const QStringList names = {u"charge_account"_s, u"account"_s, u"账号"_s, u"充值账号"_s};
    return !fields.isEmpty() && names.contains(fields.first().trimmed(), Qt::CaseInsensitive);
}

} // namespace

bool isWarning(BatchProblem problem)
{
    return problem == BatchProblem::DuplicateAccount;
}

MemberPrice memberPrice(const Goods& goods, qint64 memberId, qint64 tierId, const QList<Tier>& tiers)
{
    for (const ContractPriceEntry& c : parseContractPrices(goods.contractPrices))
        if (c.memberId == memberId)
            return {c.price, PriceSource::Contract};
    for (const TierPriceEntry& t : effectiveTierPrices(goods.price, parseTierPrices(goods.tierPrices), tiers))
        if (t.tierId == tierId)
            return {t.price, PriceSource::Tier};
    return {goods.price, PriceSource::List};
}

BatchParse parseBatchBytes(QByteArrayView bytes)
{
    BatchParse out;
    QByteArray copy = bytes.toByteArray();
    QBuffer device(&copy);
    device.open(QIODevice::ReadOnly);
    CsvReadOptions options;
    options.skipBlankLines = true;
    CsvReader reader(&device, options);
    QStringList fields;
    bool first = true;
    while (reader.readRecord(fields)) {
        if (first) {
            first = false;
            if (isHeader(fields))
                continue;
        }
        // A line of only separators and spaces is blank too.
        if (std::all_of(fields.cbegin(), fields.cend(),
                        [](const QString& f) { return f.trimmed().isEmpty(); }))
            continue;
        BatchOrderLine line;
        line.lineNo = reader.recordStartLine();
        if (out.lines.size() >= kBatchMaxLines) {
            line.problem = BatchProblem::TooManyLines;
            out.lines << line;
            break;
        }
        line.chargeAccount = fields.value(0).trimmed();
        const QString quantity = fields.value(1).trimmed();
        if (fields.size() > 2 && std::any_of(fields.cbegin() + 2, fields.cend(),
                                             [](const QString& f) { return !f.trimmed().isEmpty(); }))
            line.problem = BatchProblem::TooManyFields;
        bool ok = true;
        line.quantity = quantity.isEmpty() ? 1 : quantity.toLongLong(&ok);
        if (!ok || line.quantity < 1) {
            line.quantity = 0;
            if (line.problem == BatchProblem::None)
                line.problem = BatchProblem::BadQuantity;
            line.detail = quantity;
        }
        out.lines << line;
    }
    if (reader.hasError()) {
        BatchOrderLine bad;
        bad.lineNo = reader.errorLine();
        bad.problem = BatchProblem::Malformed;
        bad.detail = reader.error().detail;
        out.lines << bad;
    }
    out.encoding = reader.encoding();
    return out;
}

BatchParse parseBatchText(const QString& text)
{
    return parseBatchBytes(text.toUtf8());
}

void validateBatch(QList<BatchOrderLine>& lines, const QString& goodsKind, Money unitPrice,
                   qint64 quantityCap)
{
    const bool direct = goodsKind == u"direct";
    QHash<QString, qint64> seen;
    for (BatchOrderLine& line : lines) {
        if (line.problem == BatchProblem::DuplicateAccount || line.problem == BatchProblem::EmptyAccount ||
            line.problem == BatchProblem::AccountOnCard || line.problem == BatchProblem::QuantityAboveCap)
            line.problem = BatchProblem::None; // validated again from scratch
        line.duplicateOf = 0;
        line.unitPrice = unitPrice;
        line.total = line.quantity > 0 ? rounding::lineTotal(unitPrice, line.quantity) : Money();
        if (line.problem != BatchProblem::None)
            continue;
        if (direct && line.chargeAccount.isEmpty())
            line.problem = BatchProblem::EmptyAccount;
        else if (!direct && !line.chargeAccount.isEmpty())
            line.problem = BatchProblem::AccountOnCard;
        else if (line.quantity > quantityCap)
            line.problem = BatchProblem::QuantityAboveCap;
        if (line.problem != BatchProblem::None || line.chargeAccount.isEmpty())
            continue;
        if (const auto earlier = seen.constFind(line.chargeAccount); earlier != seen.cend()) {
            line.problem = BatchProblem::DuplicateAccount;
            line.duplicateOf = earlier.value();
        } else {
            seen.insert(line.chargeAccount, line.lineNo);
        }
    }
}

BatchTotals batchTotals(const QList<BatchOrderLine>& lines)
{
    BatchTotals t;
    for (const BatchOrderLine& line : lines) {
        if (line.blocked()) {
            ++t.blocked;
            continue;
        }
        if (line.problem != BatchProblem::None)
            ++t.warnings;
        ++t.lines;
        t.units += line.quantity;
        t.amount += line.total;
    }
    return t;
}

QString BatchOrderText::problem(const BatchOrderLine& line)
{
    switch (line.problem) {
    case BatchProblem::None:
        return {};
    case BatchProblem::EmptyAccount:
        return tr("The charge account is empty: a direct recharge needs the account to top up.");
    case BatchProblem::AccountOnCard:
        return tr("A card goods takes no charge account: leave it empty.");
    case BatchProblem::BadQuantity:
        return tr("The quantity \"%1\" is not a positive whole number.").arg(line.detail);
    case BatchProblem::QuantityAboveCap:
        return tr("The quantity %1 is above the limit of %2 per line.")
            .arg(line.quantity)
            .arg(kBatchQuantityCap);
    case BatchProblem::TooManyFields:
        return tr("Too many columns: a line is an account and, optionally, a quantity.");
    case BatchProblem::Malformed:
        return tr("The file cannot be read from here on: %1").arg(line.detail);
    case BatchProblem::TooManyLines:
        return tr("More than %1 lines: split the batch.").arg(kBatchMaxLines);
    case BatchProblem::DuplicateAccount:
        return tr("The same account as line %1 (ordered again if you accept).").arg(line.duplicateOf);
    }
    return {};
}

QString BatchOrderText::priceSource(PriceSource source)
{
    switch (source) {
    case PriceSource::Contract:
        return tr("contract price");
    case PriceSource::Tier:
        return tr("tier price");
    case PriceSource::List:
        return tr("list price");
    }
    return {};
}

} // namespace cardops::core
