#pragma once

#include "core/clock.h"
#include "core/result.h"
#include "sync/cardrequests.h"
#include "sync/transport/platformtransport.h"

#include <QByteArray>
#include <QFuture>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <functional>
#include <optional>

// The card stock of a goods on the platform (docs/platform-api.md, "Card stock of a goods"): the
// upload of new secrets in keyed batches with the platform's result per line, the metadata list
// (masked, with each card's fingerprint), lock / unlock / void, and the reveal of one card.
// Nothing here stores a secret; uploads and reveals go through a transport of their own so the
// plaintext never reaches the shared transport's lastExchange() (the diagnostics view).
//
// Futures finish in the transport's thread, exactly once. Hostile or malformed answers are
// CallError::Malformed with the parser's detail as the message.
namespace cardops::sync::goodscards {

using cards::Answer;

inline constexpr qsizetype kUploadBatch = 500;         // lines per upload request
inline constexpr qsizetype kMaxUploadBatch = 1'000;    // the platform refuses more
inline constexpr qsizetype kMaxChangeIds = 1'000;      // ids per lock / unlock / void request
inline constexpr int kListPage = 1'000;                // cards per list page
inline constexpr qsizetype kMaxStockCards = 1'000'000; // a longer list is refused as hostile

// One card of the list: metadata, never the secret.
struct StockCard
{
    qint64 id = 0;
    QString status; // available locked sold void
    QString masked;
    qint64 expiresAt = 0; // 0 = none
    qint64 orderId = 0;   // 0 = not sold
    qint64 createdAt = 0;
    bool loop = false;
    QByteArray fingerprint; // SHA-256 of the normalised secret (core::cardFingerprint), 32 raw bytes
};

// One line to upload: a secret normalised by core::CardImport.
struct UploadLine
{
    QString secret;
    qint64 expiresAt = 0; // 0 = none
    bool loop = false;
};

// The platform's word on one uploaded line.
struct LineResult
{
    enum class Kind { Added, Duplicate, Invalid };
    qsizetype index = 0; // 0-based position in the lines given to upload()
    Kind kind = Kind::Invalid;
    qint64 cardId = 0; // Added: the new card; Duplicate: the card the goods already holds
    QString reason;    // Invalid: the platform's reason word (secret, format, expires_at, expired, loop)
};

// What an upload came to: the answered lines in order; on an error the batches after the failed
// one were not sent. Calling upload() again with the same lines and key prefix replays the
// answered batches (the platform answers a repeated key with its first answer) and goes on.
struct UploadOutcome
{
    QList<LineResult> lines;
    qint64 added = 0;
    qint64 duplicate = 0;
    qint64 invalid = 0;
    qint64 stockAvailable = -1; // the goods' stock_available after the last answered batch
    std::optional<CallError> error;
    bool complete(qsizetype total) const { return !error && lines.size() == total; }
};

// POST /v1/cards/lock · unlock · void: the platform's word per id.
enum class StateChange { Lock, Unlock, Void };
struct ChangeResult
{
    qint64 id = 0;
    QString result; // done unchanged refused not_found
    QString status; // the card's status after ("" when not found)
};

struct RevealedStockCard
{
    qint64 id = 0;
    qint64 goodsId = 0;
    qint64 orderId = 0; // 0 = not sold
    QString secret;
};

using ListAnswer = Answer<QList<StockCard>>;
using ChangeAnswer = Answer<QList<ChangeResult>>;
using RevealAnswer = Answer<RevealedStockCard>;
// Lines done so far and the total (upload), or cards listed so far (total 0 while unknown).
using Progress = std::function<void(qint64 done, qint64 total)>;

// "stock-" and 24 random characters: one per upload or change, the batch number appended.
QByteArray newKeyPrefix();
QByteArray batchKey(const QByteArray& prefix, qsizetype batch);

Request uploadRequest(qint64 goodsId, const QList<UploadLine>& lines, const QByteArray& idempotencyKey);
Request listRequest(qint64 goodsId, const QString& cursor, int limit);
Request changeRequest(StateChange change, const QList<qint64>& ids, const QByteArray& idempotencyKey);
QByteArray changeName(StateChange change); // "lock", "unlock", "void"

// The answers' parsers (strict; tests feed them hostile bodies).
struct UploadBatchAnswer
{
    QList<LineResult> lines; // index relative to the batch
    qint64 stockAvailable = 0;
};
core::Result<UploadBatchAnswer> parseUpload(const QJsonValue& data, qsizetype batchSize);
struct ListPage
{
    QList<StockCard> items;
    QString nextCursor;
    bool hasMore = false;
};
core::Result<ListPage> parseListPage(const QJsonValue& data, int limit);
core::Result<QList<ChangeResult>> parseChange(const QJsonValue& data, const QList<qint64>& ids);
core::Result<RevealedStockCard> parseReveal(const QJsonValue& data, qint64 goodsId, qint64 cardId);

// Uploads `lines` in batches of `batchSize` (≤ kMaxUploadBatch), one after the other, batch n
// under batchKey(keyPrefix, n). The transport retries a batch with the same key; a batch that
// still fails ends the upload with its error.
QFuture<UploadOutcome> upload(PlatformTransport& transport, qint64 goodsId, const QList<UploadLine>& lines,
                              const QByteArray& keyPrefix, Progress progress = {},
                              qsizetype batchSize = kUploadBatch);
// upload() through a transport of its own built like `like` (the secrets stay out of its
// lastExchange()). Call it in like's thread; `clock` must outlive the call.
QFuture<UploadOutcome> uploadPrivately(const PlatformTransport& like, const core::Clock& clock,
                                       qint64 goodsId, const QList<UploadLine>& lines,
                                       const QByteArray& keyPrefix, Progress progress = {},
                                       qsizetype batchSize = kUploadBatch);

// Every card of the goods, page after page (ids must grow; a repeated id, a cursor that does not
// move or more than kMaxStockCards cards is Malformed).
QFuture<ListAnswer> listCards(PlatformTransport& transport, qint64 goodsId, Progress progress = {},
                              int pageSize = kListPage);

// Lock, unlock or void the cards, kMaxChangeIds per request, batch n under batchKey(keyPrefix, n).
// The results in the order of `ids`; the first failed batch ends the call with its error.
QFuture<ChangeAnswer> changeState(PlatformTransport& transport, StateChange change, const QList<qint64>& ids,
                                  const QByteArray& keyPrefix);

// The plaintext of one card of the goods (an answer naming another card or goods is Malformed),
// through a transport of its own like cards::revealPrivately.
QFuture<RevealAnswer> reveal(PlatformTransport& transport, qint64 goodsId, qint64 cardId,
                             const QByteArray& idempotencyKey);
QFuture<RevealAnswer> revealPrivately(const PlatformTransport& like, const core::Clock& clock, qint64 goodsId,
                                      qint64 cardId);

} // namespace cardops::sync::goodscards
