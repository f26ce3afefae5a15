#pragma once

#include "core/money.h"
#include "core/platformtypes.h"
#include "core/textdecoder.h"

#include <QByteArrayView>
#include <QCoreApplication>
#include <QList>
#include <QString>

// Batch order entry for enterprise buyers (issue #10 item 8, docs/members.md "Enterprise buyers"):
// a paste or a CSV file of `charge_account[,quantity]` lines, validated line by line, priced at
// what the member pays. Pure logic, any thread.
namespace cardops::core {

// The most units one line may order (the platform caps an order at 10000; a batch line above this
// is most likely a typo).
inline constexpr qint64 kBatchQuantityCap = 1000;
// The most lines one batch takes.
inline constexpr qsizetype kBatchMaxLines = 5000;

enum class BatchProblem {
    None,
    EmptyAccount,     // a direct goods needs the account to top up
    AccountOnCard,    // a card goods takes no charge account
    BadQuantity,      // not a positive integer
    QuantityAboveCap, // above kBatchQuantityCap
    TooManyFields,    // more than account and quantity
    Malformed,        // the CSV cannot be read from here on (unterminated quote, bad bytes)
    TooManyLines,     // beyond kBatchMaxLines
    DuplicateAccount, // a warning: the same account earlier in the batch
};

// Blocking problems keep the line out of the batch; a warning may be accepted by the operator.
bool isWarning(BatchProblem problem);

struct BatchOrderLine
{
    qint64 lineNo = 0; // 1-based physical line of the input
    QString chargeAccount;
    qint64 quantity = 0; // 0 when it does not read
    Money unitPrice;
    Money total; // unit price × quantity, rounded per domain.md
    BatchProblem problem = BatchProblem::None;
    qint64 duplicateOf = 0; // DuplicateAccount: the earlier line
    QString detail;         // Malformed: the reader's detail

    bool blocked() const { return problem != BatchProblem::None && !isWarning(problem); }
};

// What the member pays for one unit, and why.
enum class PriceSource { Contract, Tier, List };
struct MemberPrice
{
    Money price;
    PriceSource source = PriceSource::List;
};

// The contract price when the goods names the member in contract_prices, else the tier price of the
// member's tier (explicit in tier_prices, else the ladder's discount rounded per domain.md), else
// the list price.
MemberPrice memberPrice(const Goods& goods, qint64 memberId, qint64 tierId, const QList<Tier>& tiers);

struct BatchParse
{
    QList<BatchOrderLine> lines;
    TextEncoding encoding = TextEncoding::Utf8;
};

// Reads the lines (UTF-8 with or without BOM, or GB18030; CSV quoting; blank lines skipped; a first
// line naming the columns skipped). Lines are not validated yet.
BatchParse parseBatchBytes(QByteArrayView bytes);
BatchParse parseBatchText(const QString& text);

// Checks every line for a goods of `goodsKind` ("card" / "direct") and prices the good ones.
void validateBatch(QList<BatchOrderLine>& lines, const QString& goodsKind, Money unitPrice,
                   qint64 quantityCap = kBatchQuantityCap);

struct BatchTotals
{
    qint64 lines = 0;    // lines that will be ordered
    qint64 blocked = 0;  // lines left out
    qint64 warnings = 0; // lines with a warning (ordered once accepted)
    qint64 units = 0;
    Money amount; // the sum of the rounded line totals
};
BatchTotals batchTotals(const QList<BatchOrderLine>& lines);

// The problem in the operator's words.
class BatchOrderText
{
    Q_DECLARE_TR_FUNCTIONS(BatchOrderText)
public:
    static QString problem(const BatchOrderLine& line);
    static QString priceSource(PriceSource source);
};

} // namespace cardops::core
