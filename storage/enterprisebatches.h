#pragma once

#include "core/access.h"
#include "core/platformtypes.h"
#include "core/result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <optional>

namespace cardops::storage {

class ReadSession;
class WriteContext;

// Enterprise buyers (issue #10 item 8): batch orders and contract prices.
//
// A batch is written with its validated lines before anything is sent. Each line is then ordered
// with `POST /v1/orders` under the key `batch-<batch id>-<line no>`, the same key however often it
// is sent: a line marked sent whose answer was lost (or a crash in between) is resumed with its key
// and the platform answers the first order instead of a second one. The orders created are left to
// the orders feed (the cache has no direct apply for orders); the lines keep their order ids.
namespace enterprisebatches {

struct NewLine
{
    qint64 lineNo = 0;
    QString chargeAccount;
    qint64 quantity = 1;
};

struct BatchLine
{
    qint64 batchId = 0;
    qint64 lineNo = 0;
    QString chargeAccount;
    qint64 quantity = 0;
    QString state; // pending sent created failed
    qint64 orderId = 0;
    QString error;

    bool finished() const { return state == u"created" || state == u"failed"; }
};

struct Batch
{
    qint64 id = 0;
    qint64 memberId = 0;
    qint64 goodsId = 0;
    qint64 createdAt = 0;
    qint64 createdBy = 0;
    QString payChannel;
    QString contact;
    QString state; // open done
    QList<BatchLine> lines;
};

// The idempotency key of one line: "batch-<batch id>-<line no>".
QByteArray lineKey(qint64 batchId, qint64 lineNo);

// A new batch with its lines (at least one, line numbers unique), all pending; audited
// `enterprise.batch` (entity `member`). Returns the batch id.
core::Result<qint64> create(WriteContext& ctx, const core::Actor& actor, qint64 memberId, qint64 goodsId,
                            const QString& payChannel, const QString& contact, const QList<NewLine>& lines);

// The line goes out now (pending or sent → sent). Conflict when it is finished: never sent twice.
core::Result<void> markSent(WriteContext& ctx, qint64 batchId, qint64 lineNo);
// The platform answered the order; the batch is done once no line is unfinished.
core::Result<void> markCreated(WriteContext& ctx, qint64 batchId, qint64 lineNo, qint64 orderId);
// A refusal (permanent): failed with the error. A transient error (`permanent` false) keeps the line
// sent, with the error noted, for the next resume.
core::Result<void> markFailed(WriteContext& ctx, qint64 batchId, qint64 lineNo, const QString& error,
                              bool permanent = true);

core::Result<Batch> batch(const ReadSession& read, qint64 batchId);
// The lines still to send (pending, or sent without a known answer), in line order.
core::Result<QList<BatchLine>> unfinished(const ReadSession& read, qint64 batchId);
// The member's batches with unfinished lines, newest first (lines not loaded).
core::Result<QList<Batch>> openBatches(const ReadSession& read, qint64 memberId);

// What pricing a batch and the contract prices dialog need from the cache.
struct BuyerGoods
{
    std::optional<core::Member> member;
    std::optional<core::Goods> goods;
    QList<core::Tier> tiers;
};
core::Result<BuyerGoods> buyerGoods(const ReadSession& read, qint64 memberId, qint64 goodsId);

// Every goods whose contract_prices names the member, by name.
core::Result<QList<core::Goods>> contractGoods(const ReadSession& read, qint64 memberId);

// Sets (a price) or removes (nullopt) the member's contract price of a goods, staged through the
// outbox as a goods PATCH of the whole contract_prices list (other members' entries kept), audited
// by the outbox. NotFound for an unknown goods; nothing staged when nothing changes (false).
core::Result<bool> stageContractPrice(WriteContext& ctx, const core::Actor& actor, qint64 goodsId,
                                      qint64 memberId, std::optional<core::Money> price);

} // namespace enterprisebatches
} // namespace cardops::storage
