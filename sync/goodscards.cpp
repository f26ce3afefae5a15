#include "sync/goodscards.h"

#include "core/signing.h"
#include "sync/platformjson.h"
#include "sync/signedcall_p.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QPromise>
#include <QSet>
#include <QUuid>
#include <algorithm>
#include <memory>

namespace cardops::sync::goodscards {

namespace {

using core::ErrorCode;
using core::makeError;

constexpr double kMaxExactInteger = 9007199254740992.0; // 2^53

core::Error malformed(const QString& detail)
{
    return makeError(ErrorCode::Parse, detail);
}

bool readInteger(const QJsonValue& v, qint64 min, qint64* out)
{
    const double d = v.toDouble(-1);
    if (!v.isDouble() || d < static_cast<double>(min) || d > kMaxExactInteger ||
        static_cast<double>(static_cast<qint64>(d)) != d)
        return false;
    *out = static_cast<qint64>(d);
    return true;
}

bool isLowerHex(QStringView s)
{
    for (const QChar c : s)
        if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f')))
            return false;
    return true;
}

bool isCursorCharacter(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'_' ||
           c == u'-';
}

using detail::sendSigned;

CallError malformedError(const Reply& reply, const core::Error& error)
{
    CallError e;
    e.kind = CallError::Malformed;
    e.httpStatus = reply.response->httpStatus;
    e.message = error.detail;
    e.attempts = reply.response->attempts;
    return e;
}

CallError cancelled()
{
    CallError e;
    e.kind = CallError::Cancelled;
    e.message = QStringLiteral("the transport is gone");
    return e;
}

// Finishes a promise once.
template<typename T> void settle(const std::shared_ptr<QPromise<T>>& promise, T value)
{
    promise->addResult(std::move(value));
    promise->finish();
}

// A transport of its own, built like `like`, deleted once the future has finished.
PlatformTransport* privateTransport(const PlatformTransport& like, const core::Clock& clock)
{
    auto* own = new PlatformTransport(like.endpoint(), clock, like.options());
    own->setClockOffsetMilliseconds(like.clockOffsetMilliseconds());
    return own;
}

} // namespace

QByteArray newKeyPrefix()
{
    auto random = core::signing::generateNonce(24);
    return "stock-" + (random ? random.value() : QUuid::createUuid().toByteArray(QUuid::Id128).left(24));
}

QByteArray batchKey(const QByteArray& prefix, qsizetype batch)
{
    return prefix + '-' + QByteArray::number(batch);
}

QByteArray changeName(StateChange change)
{
    switch (change) {
    case StateChange::Lock:
        return QByteArrayLiteral("lock");
    case StateChange::Unlock:
        return QByteArrayLiteral("unlock");
    case StateChange::Void:
        return QByteArrayLiteral("void");
    }
    return {};
}

Request uploadRequest(qint64 goodsId, const QList<UploadLine>& lines, const QByteArray& idempotencyKey)
{
    QJsonArray cards;
    for (const UploadLine& l : lines) {
        QJsonObject o{{QStringLiteral("secret"), l.secret}};
        if (l.expiresAt > 0)
            o.insert(QStringLiteral("expires_at"), l.expiresAt);
        if (l.loop)
            o.insert(QStringLiteral("loop"), true);
        cards.append(o);
    }
    Request r;
    r.method = QByteArrayLiteral("POST");
    r.path = "/v1/goods/" + QByteArray::number(goodsId) + "/cards";
    r.body = QJsonDocument(QJsonObject{{QStringLiteral("cards"), cards}}).toJson(QJsonDocument::Compact);
    r.idempotencyKey = idempotencyKey;
    return r;
}

Request listRequest(qint64 goodsId, const QString& cursor, int limit)
{
    Request r;
    r.method = QByteArrayLiteral("GET");
    r.path = "/v1/goods/" + QByteArray::number(goodsId) + "/cards";
    if (!cursor.isEmpty())
        r.query.append({QByteArrayLiteral("cursor"), cursor.toUtf8()});
    r.query.append({QByteArrayLiteral("limit"), QByteArray::number(limit)});
    return r;
}

Request changeRequest(StateChange change, const QList<qint64>& ids, const QByteArray& idempotencyKey)
{
    QJsonArray array;
    for (const qint64 id : ids)
        array.append(id);
    Request r;
    r.method = QByteArrayLiteral("POST");
    r.path = "/v1/cards/" + changeName(change);
    r.body = QJsonDocument(QJsonObject{{QStringLiteral("ids"), array}}).toJson(QJsonDocument::Compact);
    r.idempotencyKey = idempotencyKey;
    return r;
}

core::Result<UploadBatchAnswer> parseUpload(const QJsonValue& data, qsizetype batchSize)
{
    const QJsonObject o = data.toObject();
    const QJsonValue items = o.value(u"items");
    if (!data.isObject() || !items.isArray())
        return malformed(QStringLiteral("cards upload.items: expected an array"));
    const QJsonArray array = items.toArray();
    if (array.size() != batchSize)
        return malformed(
            QStringLiteral("cards upload.items: %1 results for %2 lines").arg(array.size()).arg(batchSize));
    UploadBatchAnswer out;
    if (!readInteger(o.value(u"stock_available"), 0, &out.stockAvailable))
        return malformed(QStringLiteral("cards upload.stock_available: expected an integer"));
    qint64 counted[3] = {0, 0, 0};
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonObject item = array[i].toObject();
        qint64 line = 0;
        if (!readInteger(item.value(u"line"), 1, &line) || line != i + 1)
            return malformed(QStringLiteral("cards upload.items[%1].line: expected %2").arg(i).arg(i + 1));
        LineResult r;
        r.index = i;
        const QString result = item.value(u"result").toString();
        if (result == u"added" || result == u"duplicate") {
            r.kind = result == u"added" ? LineResult::Kind::Added : LineResult::Kind::Duplicate;
            if (!readInteger(item.value(u"id"), 1, &r.cardId))
                return malformed(QStringLiteral("cards upload.items[%1].id: expected an id").arg(i));
        } else if (result == u"invalid") {
            r.kind = LineResult::Kind::Invalid;
            r.reason = item.value(u"reason").toString();
            if (r.reason.isEmpty() || r.reason.size() > 64)
                return malformed(QStringLiteral("cards upload.items[%1].reason: expected a word").arg(i));
        } else {
            return malformed(QStringLiteral("cards upload.items[%1].result: expected added, duplicate or "
                                            "invalid")
                                 .arg(i));
        }
        ++counted[static_cast<int>(r.kind)];
        out.lines.append(std::move(r));
    }
    static const char16_t* const names[] = {u"added", u"duplicate", u"invalid"};
    for (int k = 0; k < 3; ++k) {
        qint64 n = -1;
        if (!readInteger(o.value(QStringView(names[k])), 0, &n) || n != counted[k])
            return malformed(
                QStringLiteral("cards upload.%1: does not match the items").arg(QStringView(names[k])));
    }
    return out;
}

core::Result<ListPage> parseListPage(const QJsonValue& data, int limit)
{
    const QJsonObject o = data.toObject();
    const QJsonValue items = o.value(u"items");
    if (!data.isObject() || !items.isArray())
        return malformed(QStringLiteral("goods cards.items: expected an array"));
    const QJsonArray array = items.toArray();
    if (array.size() > limit)
        return malformed(QStringLiteral("goods cards.items: more than the %1 asked for").arg(limit));
    ListPage page;
    const QJsonValue next = o.value(u"next_cursor");
    const QJsonValue more = o.value(u"has_more");
    if (!next.isString() || next.toString().size() > 64 || !more.isBool())
        return malformed(QStringLiteral("goods cards: expected next_cursor and has_more"));
    page.nextCursor = next.toString();
    page.hasMore = more.toBool();
    if (!std::all_of(page.nextCursor.cbegin(), page.nextCursor.cend(), isCursorCharacter))
        return malformed(QStringLiteral("goods cards.next_cursor: expected [A-Za-z0-9_-]"));
    page.items.reserve(array.size());
    qint64 last = 0;
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (!array[i].isObject())
            return malformed(QStringLiteral("goods cards.items: expected objects"));
        const QJsonObject c = array[i].toObject();
        auto card = platformjson::card(c);
        if (!card)
            return card.error();
        StockCard s;
        s.id = card->id;
        s.status = card->status;
        s.masked = card->masked;
        s.expiresAt = card->expiresAt;
        s.orderId = card->orderId;
        s.createdAt = card->createdAt;
        const QJsonValue loop = c.value(u"loop");
        if (!loop.isUndefined() && !loop.isBool())
            return malformed(QStringLiteral("card.loop: expected true or false"));
        s.loop = loop.toBool();
        const QString fingerprint = c.value(u"fingerprint").toString();
        if (fingerprint.size() != 64 || !isLowerHex(fingerprint))
            return malformed(QStringLiteral("card.fingerprint: expected 64 lowercase hex digits"));
        s.fingerprint = QByteArray::fromHex(fingerprint.toLatin1());
        if (s.id <= last)
            return malformed(QStringLiteral("card.id: %1 does not follow %2").arg(s.id).arg(last));
        last = s.id;
        page.items.append(std::move(s));
    }
    if (page.hasMore && page.items.isEmpty())
        return malformed(QStringLiteral("goods cards: has_more with an empty page"));
    return page;
}

core::Result<QList<ChangeResult>> parseChange(const QJsonValue& data, const QList<qint64>& ids)
{
    const QJsonValue items = data.toObject().value(u"items");
    if (!data.isObject() || !items.isArray())
        return malformed(QStringLiteral("cards change.items: expected an array"));
    const QJsonArray array = items.toArray();
    if (array.size() != ids.size())
        return malformed(
            QStringLiteral("cards change.items: %1 results for %2 ids").arg(array.size()).arg(ids.size()));
    static const QSet<QString> results = {QStringLiteral("done"), QStringLiteral("unchanged"),
                                          QStringLiteral("refused"), QStringLiteral("not_found")};
    static const QSet<QString> statuses = {QStringLiteral("available"), QStringLiteral("locked"),
                                           QStringLiteral("sold"), QStringLiteral("void")};
    QList<ChangeResult> out;
    out.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonObject item = array[i].toObject();
        ChangeResult r;
        if (!readInteger(item.value(u"id"), 1, &r.id) || r.id != ids[i])
            return malformed(QStringLiteral("cards change.items[%1].id: expected %2").arg(i).arg(ids[i]));
        r.result = item.value(u"result").toString();
        r.status = item.value(u"status").toString();
        if (!results.contains(r.result))
            return malformed(QStringLiteral("cards change.items[%1].result: unknown").arg(i));
        const bool found = r.result != u"not_found";
        if (found ? !statuses.contains(r.status) : !r.status.isEmpty())
            return malformed(QStringLiteral("cards change.items[%1].status: unknown").arg(i));
        out.append(std::move(r));
    }
    return out;
}

core::Result<RevealedStockCard> parseReveal(const QJsonValue& data, qint64 goodsId, qint64 cardId)
{
    const QJsonObject o = data.toObject();
    RevealedStockCard c;
    if (!data.isObject() || !readInteger(o.value(u"id"), 1, &c.id) ||
        !readInteger(o.value(u"goods_id"), 1, &c.goodsId) ||
        !readInteger(o.value(u"order_id"), 0, &c.orderId))
        return malformed(QStringLiteral("card reveal: expected id, goods_id and order_id"));
    if (c.id != cardId)
        return malformed(
            QStringLiteral("card reveal.id: %1 is not the card asked for (%2)").arg(c.id).arg(cardId));
    if (c.goodsId != goodsId)
        return malformed(QStringLiteral("card reveal.goods_id: %1 is not the goods asked for (%2)")
                             .arg(c.goodsId)
                             .arg(goodsId));
    const QJsonValue secret = o.value(u"secret");
    c.secret = secret.toString();
    if (!secret.isString() || c.secret.isEmpty() || c.secret.size() > platformjson::kMaxSecretLength)
        return malformed(QStringLiteral("card reveal.secret: expected 1-%1 characters")
                             .arg(platformjson::kMaxSecretLength));
    return c;
}

QFuture<UploadOutcome> upload(PlatformTransport& transport, qint64 goodsId, const QList<UploadLine>& lines,
                              const QByteArray& keyPrefix, Progress progress, qsizetype batchSize)
{
    struct State
    {
        QPointer<PlatformTransport> transport;
        qint64 goodsId = 0;
        QList<UploadLine> lines;
        QByteArray prefix;
        Progress progress;
        qsizetype batchSize = kUploadBatch;
        UploadOutcome outcome;
        std::shared_ptr<QPromise<UploadOutcome>> promise;
        std::function<void(qsizetype)> next;
    };
    auto state = std::make_shared<State>();
    state->transport = &transport;
    state->goodsId = goodsId;
    state->lines = lines;
    state->prefix = keyPrefix;
    state->progress = std::move(progress);
    state->batchSize = qBound<qsizetype>(1, batchSize, kMaxUploadBatch);
    state->promise = std::make_shared<QPromise<UploadOutcome>>();
    state->promise->start();
    QFuture<UploadOutcome> future = state->promise->future();
    // next holds the state weakly (no cycle); the call in flight holds it strongly.
    state->next = [weak = std::weak_ptr<State>(state)](qsizetype batch) {
        const auto s = weak.lock();
        if (!s)
            return;
        const qsizetype from = batch * s->batchSize;
        if (from >= s->lines.size() || !s->transport) {
            if (from < s->lines.size())
                s->outcome.error = cancelled();
            settle(s->promise, std::move(s->outcome));
            return;
        }
        const QList<UploadLine> part = s->lines.mid(from, s->batchSize);
        const Request request = uploadRequest(s->goodsId, part, batchKey(s->prefix, batch));
        sendSigned(*s->transport, request, false, [s, batch, from, n = part.size()](const Reply& reply) {
            if (!reply.ok()) {
                s->outcome.error = reply.error;
                settle(s->promise, std::move(s->outcome));
                return;
            }
            auto parsed = parseUpload(reply.response->data, n);
            if (!parsed) {
                s->outcome.error = malformedError(reply, parsed.error());
                settle(s->promise, std::move(s->outcome));
                return;
            }
            for (LineResult r : parsed->lines) {
                r.index += from;
                s->outcome.added += r.kind == LineResult::Kind::Added;
                s->outcome.duplicate += r.kind == LineResult::Kind::Duplicate;
                s->outcome.invalid += r.kind == LineResult::Kind::Invalid;
                s->outcome.lines.append(std::move(r));
            }
            s->outcome.stockAvailable = parsed->stockAvailable;
            if (s->progress)
                s->progress(from + n, s->lines.size());
            s->next(batch + 1);
        });
    };
    state->next(0);
    return future;
}

QFuture<UploadOutcome> uploadPrivately(const PlatformTransport& like, const core::Clock& clock,
                                       qint64 goodsId, const QList<UploadLine>& lines,
                                       const QByteArray& keyPrefix, Progress progress, qsizetype batchSize)
{
    PlatformTransport* own = privateTransport(like, clock);
    return upload(*own, goodsId, lines, keyPrefix, std::move(progress), batchSize)
        .then(own, [own](const UploadOutcome& outcome) {
            own->deleteLater(); // not from inside its own call
            return outcome;
        });
}

QFuture<ListAnswer> listCards(PlatformTransport& transport, qint64 goodsId, Progress progress, int pageSize)
{
    struct State
    {
        QPointer<PlatformTransport> transport;
        qint64 goodsId = 0;
        int pageSize = kListPage;
        Progress progress;
        QList<StockCard> cards;
        QSet<QString> cursors;
        std::shared_ptr<QPromise<ListAnswer>> promise;
        std::function<void(const QString&)> next;
        void fail(CallError error)
        {
            ListAnswer a;
            a.error = std::move(error);
            settle(promise, std::move(a));
        }
    };
    auto state = std::make_shared<State>();
    state->transport = &transport;
    state->goodsId = goodsId;
    state->pageSize = qBound(1, pageSize, kListPage);
    state->progress = std::move(progress);
    state->promise = std::make_shared<QPromise<ListAnswer>>();
    state->promise->start();
    QFuture<ListAnswer> future = state->promise->future();
    state->next = [weak = std::weak_ptr<State>(state)](const QString& cursor) {
        const auto s = weak.lock();
        if (!s)
            return;
        if (!s->transport)
            return s->fail(cancelled());
        Request request = listRequest(s->goodsId, cursor, s->pageSize);
        request.maxAttempts = 3;
        sendSigned(*s->transport, request, false, [s](const Reply& reply) {
            if (!reply.ok())
                return s->fail(reply.error);
            auto page = parseListPage(reply.response->data, s->pageSize);
            core::Error problem;
            if (!page) {
                problem = page.error();
            } else if (!s->cards.isEmpty() && !page->items.isEmpty() &&
                       page->items.constFirst().id <= s->cards.constLast().id) {
                problem = malformed(QStringLiteral("goods cards: a page repeats cards already listed"));
            } else if (page->hasMore && s->cursors.contains(page->nextCursor)) {
                problem = malformed(QStringLiteral("goods cards: next_cursor does not move"));
            } else if (s->cards.size() + page->items.size() > kMaxStockCards) {
                problem = malformed(QStringLiteral("goods cards: more than %1 cards").arg(kMaxStockCards));
            }
            if (!problem.detail.isEmpty())
                return s->fail(malformedError(reply, problem));
            s->cards.append(page->items);
            if (s->progress)
                s->progress(s->cards.size(), 0);
            if (!page->hasMore) {
                ListAnswer a;
                a.value = std::move(s->cards);
                settle(s->promise, std::move(a));
                return;
            }
            s->cursors.insert(page->nextCursor);
            s->next(page->nextCursor);
        });
    };
    state->next(QString());
    return future;
}

QFuture<ChangeAnswer> changeState(PlatformTransport& transport, StateChange change, const QList<qint64>& ids,
                                  const QByteArray& keyPrefix)
{
    struct State
    {
        QPointer<PlatformTransport> transport;
        StateChange change = StateChange::Lock;
        QList<qint64> ids;
        QByteArray prefix;
        QList<ChangeResult> results;
        std::shared_ptr<QPromise<ChangeAnswer>> promise;
        std::function<void(qsizetype)> next;
    };
    auto state = std::make_shared<State>();
    state->transport = &transport;
    state->change = change;
    state->ids = ids;
    state->prefix = keyPrefix;
    state->promise = std::make_shared<QPromise<ChangeAnswer>>();
    state->promise->start();
    QFuture<ChangeAnswer> future = state->promise->future();
    state->next = [weak = std::weak_ptr<State>(state)](qsizetype batch) {
        const auto s = weak.lock();
        if (!s)
            return;
        const qsizetype from = batch * kMaxChangeIds;
        ChangeAnswer answer;
        if (from >= s->ids.size() || !s->transport) {
            if (from < s->ids.size())
                answer.error = cancelled();
            else
                answer.value = std::move(s->results);
            settle(s->promise, std::move(answer));
            return;
        }
        const QList<qint64> part = s->ids.mid(from, kMaxChangeIds);
        Request request = changeRequest(s->change, part, batchKey(s->prefix, batch));
        request.maxAttempts = 3;
        sendSigned(*s->transport, request, false, [s, batch, part](const Reply& reply) {
            std::optional<CallError> error;
            if (!reply.ok()) {
                error = reply.error;
            } else if (auto parsed = parseChange(reply.response->data, part)) {
                s->results.append(*parsed);
            } else {
                error = malformedError(reply, parsed.error());
            }
            if (error) {
                ChangeAnswer failed;
                failed.error = *error;
                settle(s->promise, std::move(failed));
                return;
            }
            s->next(batch + 1);
        });
    };
    state->next(0);
    return future;
}

QFuture<RevealAnswer> reveal(PlatformTransport& transport, qint64 goodsId, qint64 cardId,
                             const QByteArray& idempotencyKey)
{
    auto promise = std::make_shared<QPromise<RevealAnswer>>();
    promise->start();
    QFuture<RevealAnswer> future = promise->future();
    sendSigned(transport, cards::revealRequest(cardId, idempotencyKey), false,
               [promise, goodsId, cardId](const Reply& reply) {
                   RevealAnswer answer;
                   if (!reply.ok())
                       answer.error = reply.error;
                   else if (auto parsed = parseReveal(reply.response->data, goodsId, cardId))
                       answer.value = std::move(parsed).value();
                   else
                       answer.error = malformedError(reply, parsed.error());
                   settle(promise, std::move(answer));
               });
    return future;
}

QFuture<RevealAnswer> revealPrivately(const PlatformTransport& like, const core::Clock& clock, qint64 goodsId,
                                      qint64 cardId)
{
    PlatformTransport* own = privateTransport(like, clock);
    return reveal(*own, goodsId, cardId, cards::newRevealKey()).then(own, [own](const RevealAnswer& answer) {
        own->deleteLater();
        return answer;
    });
}

} // namespace cardops::sync::goodscards
