#pragma once

#include "models/consolebackend.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>
#include <QUuid>
#include <functional>

namespace cardops::models {

// One card of a goods' stock on the platform: metadata and the masked form, never the secret.
struct StockCard
{
    qint64 id = 0;
    QString status; // available locked sold void
    QString masked;
    qint64 expiresAt = 0; // unix seconds, 0 = none
    qint64 orderId = 0;   // 0 = not sold
    qint64 createdAt = 0;
    bool loop = false;
    QByteArray fingerprint; // SHA-256 of the normalised secret (core::cardFingerprint), raw
};

// The answer of listCards(): every card of the goods, or why not.
struct StockCardList
{
    bool ok = false;
    QList<StockCard> cards;
    QString error; // for the operator, translated
};

// A card to upload: the secret exactly as core::CardImport normalised it.
struct StockUploadLine
{
    QString secret;
    qint64 expiresAt = 0;
    bool loop = false;
};

// The platform's word on one uploaded line.
struct StockLineResult
{
    enum class Kind { Added, Duplicate, Invalid };
    qsizetype index = 0; // position in the lines given to upload()
    Kind kind = Kind::Invalid;
    qint64 cardId = 0;
    QString reason; // Invalid: the platform's reason word (secret, format, expired…)
};

// The answer of upload(). ok: every line answered; otherwise `lines` holds those answered before
// the error and upload() again with the same key sends only what is missing (the answered batches
// are replayed by the platform, nothing is added twice).
struct StockUploadResult
{
    bool ok = false;
    QList<StockLineResult> lines;
    qint64 added = 0;
    qint64 duplicate = 0;
    qint64 invalid = 0;
    qint64 stockAvailable = -1; // the goods' stock after the upload (-1: unknown)
    QString error;              // for the operator, translated
};

enum class StockChange { Lock, Unlock, Void };

// The answer of changeCards(): how many cards changed, and what the platform said about the rest.
struct StockChangeResult
{
    bool ok = false;
    qint64 done = 0;
    qint64 unchanged = 0; // already in that state
    qint64 refused = 0;   // sold or void: cannot change
    qint64 notFound = 0;
    QString error; // for the operator, translated
};

// The card stock of goods on the platform as the UI sees it (implemented in app/ over
// sync::goodscards; tests give a fake or drive the real one against the simulator). Every call
// answers once through `done`, in the UI thread, unless `context` is gone by then. UI thread.
class CardStockBackend : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    // Why this console may not change the stock / reveal a secret ("" = it may): no platform
    // connection, or the operator's role (core::Permission::ImportCards / RevealCardSecret).
    // Translated, for a tooltip.
    virtual QString whyNotManage() const = 0;
    virtual QString whyNotReveal() const = 0;

    // Every card of the goods (metadata only). progress: cards listed so far.
    virtual void listCards(qint64 goodsId, QObject* context, std::function<void(qint64 listed)> progress,
                           std::function<void(StockCardList)> done) = 0;
    // Uploads the lines in keyed batches; `uploadKey` (newUploadKey(), or any 1–56 characters of
    // [A-Za-z0-9_-]: "-<batch>" is appended on the wire) names this upload: the same key with the
    // same lines after a failure resumes it without adding anything twice. The secrets must be
    // normalised as core::CardImport does, or the platform answers them `format`. Audited.
    virtual void upload(qint64 goodsId, const QList<StockUploadLine>& lines, const QByteArray& uploadKey,
                        QObject* context, std::function<void(qint64 done, qint64 total)> progress,
                        std::function<void(StockUploadResult)> done) = 0;
    // Lock, unlock or void cards of the goods. Audited.
    virtual void changeCards(qint64 goodsId, StockChange change, const QList<qint64>& cardIds,
                             QObject* context, std::function<void(StockChangeResult)> done) = 0;
    // The plaintext of one card, for a role that may, after the local audit log recorded the reveal.
    virtual void revealCard(qint64 goodsId, qint64 cardId, QObject* context,
                            std::function<void(CardReveal)> done) = 0;

    // A fresh upload key: "stock-" and 32 hex digits (a batch number is appended on the wire).
    static QByteArray newUploadKey()
    {
        return QByteArrayLiteral("stock-") + QUuid::createUuid().toByteArray(QUuid::Id128);
    }

Q_SIGNALS:
    // The platform connection or the operator's rights changed: the UI asks whyNot…() again.
    void permissionsChanged();
    // Cards of the goods changed through this backend (an upload, a lock…): open lists reload.
    void stockChanged(qint64 goodsId);
};

} // namespace cardops::models
