#include "sync/purchaser.h"

#include "core/cipher.h"
#include "storage/databasewriter.h"
#include "storage/readsession.h"
#include "storage/writecontext.h"
#include "suppliers/fuluadapter.h"
#include "suppliers/requestnumber.h"

#include <QFuture>
#include <QFutureWatcher>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace cardops::sync {

namespace {

using core::ErrorCode;
using core::makeError;
using core::PurchaseState;
using storage::PurchaseRecord;
using storage::PurchaseUpdate;
using suppliers::PurchaseResult;
using suppliers::PurchaseStatus;
using suppliers::SupplierError;

// More rows than a shop leaves open between two starts; resume() takes them in id order.
constexpr int kResumeLimit = 100000;

core::Result<PurchaseRecord> readBack(storage::WriteContext& ctx, qint64 id)
{
    auto row = storage::purchases::find(ctx, id);
    if (!row)
        return row.error();
    if (!row.value())
        return makeError(ErrorCode::NotFound, u"no purchase %1"_s.arg(id));
    return *row.value();
}

PurchaseUpdate update(PurchaseState to, const QString& error = {})
{
    PurchaseUpdate u;
    u.to = to;
    if (!error.isEmpty())
        u.error = error;
    return u;
}

void takeNumbers(PurchaseUpdate& u, const PurchaseResult& r)
{
    if (!r.upstreamOrderNo.isEmpty())
        u.upstreamNo = r.upstreamOrderNo;
    if (r.amount)
        u.cost = r.amount->units();
}

QString reviewText(const PurchaseResult& r)
{
    QString why;
    switch (r.reviewReason) {
    case suppliers::ReviewReason::CardCountMismatch:
        why = u"the number of cards is not the quantity"_s;
        break;
    case suppliers::ReviewReason::PlaceholderText:
        why = u"the supplier answered a placeholder text instead of cards"_s;
        break;
    case suppliers::ReviewReason::CardsUnreadable:
        why = u"a card could not be decrypted"_s;
        break;
    case suppliers::ReviewReason::PollingBound:
        why = u"the order was not final within the polling bound"_s;
        break;
    case suppliers::ReviewReason::None:
        why = u"the supplier asks for a review"_s;
        break;
    }
    return u"Manual review: "_s + why + u"; check upstream order '"_s + r.upstreamOrderNo +
           u"' on the supplier"_s;
}

// acg-faka rejects a request_no it has seen; ours are fresh, so this is a copy of our own trade.
bool isRepeatedRequest(const suppliers::Supplier& supplier, const SupplierError& e)
{
    if (supplier.kind() != suppliers::SupplierKind::AcgFaka || e.kind != SupplierError::Business)
        return false;
    return e.upstreamMessage.contains(u"request ID already exists"_s, Qt::CaseInsensitive) ||
           e.upstreamMessage.contains(u"已存在"_s);
}

// Fulu's answer to fulu.order.info.get for a customer_order_no it never received.
bool isNoSuchOrder(const suppliers::Supplier& supplier, const SupplierError& e)
{
    return supplier.kind() == suppliers::SupplierKind::Fulu && e.kind == SupplierError::Business &&
           e.code == u"5002"_s;
}

} // namespace

struct Purchaser::Run
{
    PurchaseSpec spec;
    int candidate = 0;
    QList<PurchaseRecord> attempts; // each row as last written
    QPromise<core::Result<PurchaseOutcome>> promise;
};

struct Purchaser::Resume
{
    QPromise<core::Result<ResumeSummary>> promise;
    ResumeSummary summary;
    int pending = 0;
    std::optional<core::Error> error;

    void finishOne()
    {
        if (--pending > 0)
            return;
        promise.addResult(error ? core::Result<ResumeSummary>(*error) : core::Result<ResumeSummary>(summary));
        promise.finish();
    }
};

Purchaser::Purchaser(storage::DatabaseWriter& writer, QString databasePath, QByteArray sealKey,
                     QHash<QString, suppliers::Supplier*> suppliers, suppliers::RequestNoGenerator& numbers,
                     QObject* parent)
    : QObject(parent)
    , m_writer(writer)
    , m_databasePath(std::move(databasePath))
    , m_sealKey(std::move(sealKey))
    , m_suppliers(std::move(suppliers))
    , m_numbers(numbers)
{}

Purchaser::~Purchaser() = default;

// Qt 6.4's QFuture::then(context, …) asserts (and in release builds drops the continuation) when the
// context is gone by the time the future finishes — which is what happens to the adapters' and
// the writer's futures after this object is destroyed. A child QFutureWatcher disconnects cleanly.
template<typename T, typename F> void Purchaser::watch(QFuture<T> future, F handler)
{
    auto* watcher = new QFutureWatcher<T>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [watcher, handler = std::move(handler)]() mutable {
        watcher->deleteLater();
        const QFuture<T> done = watcher->future();
        if (done.resultCount() > 0) {
            handler(done.result());
        } else if constexpr (std::is_default_constructible_v<T>) {
            handler(T()); // an adapter's default result is a Cancelled error
        } else {
            handler(T(makeError(ErrorCode::Busy, u"the step was abandoned"_s)));
        }
    });
    watcher->setFuture(std::move(future));
}

suppliers::Supplier* Purchaser::supplierOf(const QString& supplierId) const
{
    return m_suppliers.value(supplierId, nullptr);
}

QFuture<core::Result<PurchaseOutcome>> Purchaser::purchase(const PurchaseSpec& spec)
{
    auto run = std::make_unique<Run>();
    run->spec = spec;
    run->promise.start();
    QFuture<core::Result<PurchaseOutcome>> future = run->promise.future();
    const quint64 runId = m_nextRun++;
    m_runs.emplace(runId, std::move(run));

    QString problem;
    if (spec.quantity < 1)
        problem = u"a purchase needs a quantity of at least 1"_s;
    else if (spec.candidates.isEmpty())
        problem = u"a purchase needs at least one supplier product"_s;
    else if (!spec.externalNos.isEmpty() && spec.externalNos.size() != spec.candidates.size())
        problem = u"one external number per candidate, or none"_s;
    for (const PurchaseCandidate& c : spec.candidates) {
        if (problem.isEmpty() && supplierOf(c.supplierId) == nullptr)
            problem = u"no adapter for supplier '"_s + c.supplierId + u"'"_s;
        if (problem.isEmpty() && c.productId.isEmpty())
            problem = u"a supplier product without an id"_s;
    }
    if (!problem.isEmpty())
        finishRun(runId, makeError(ErrorCode::InvalidArgument, problem));
    else
        tryCandidate(runId);
    return future;
}

void Purchaser::tryCandidate(quint64 runId)
{
    Run& run = *m_runs.at(runId);
    if (run.candidate >= run.spec.candidates.size())
        return finishRun(runId, PurchaseOutcome{run.attempts});
    const PurchaseCandidate& candidate = run.spec.candidates.at(run.candidate);
    auto number = run.spec.externalNos.isEmpty()
                      ? m_numbers.next()
                      : core::Result<QByteArray>(run.spec.externalNos.at(run.candidate));
    if (!number)
        return finishRun(runId, number.error());
    PurchaseRecord intent;
    intent.externalNo = QString::fromLatin1(number.value());
    intent.supplierId = candidate.supplierId;
    intent.productRef = candidate.productId;
    intent.quantity = run.spec.quantity;
    intent.chargeAccount = run.spec.chargeAccount;
    intent.orderId = run.spec.orderId;
    m_pendingNumbers.insert(intent.externalNo);
    auto intentJob = m_writer.submit<PurchaseRecord>(
        u"purchase.intent"_s, [intent](storage::WriteContext& ctx) -> core::Result<PurchaseRecord> {
            auto id = storage::purchases::recordIntent(ctx, intent);
            if (!id)
                return id.error();
            return readBack(ctx, id.value());
        });
    watch(intentJob, [this, runId, number = intent.externalNo](const core::Result<PurchaseRecord>& recorded) {
        m_pendingNumbers.remove(number);
        if (m_runs.count(runId) == 0)
            return;
        if (!recorded)
            return finishRun(runId, recorded.error());
        m_runs.at(runId)->attempts << recorded.value();
        m_active.insert(recorded->id);
        // Sent is committed before the call: a row still in Intent after a crash never left.
        watch(advance(recorded->id, PurchaseState::Intent, update(PurchaseState::Sent)),
              [this, runId](const core::Result<PurchaseRecord>& sent) {
                  if (m_runs.count(runId) == 0)
                      return;
                  if (!sent)
                      return finishRun(runId, sent.error());
                  m_runs.at(runId)->attempts.last() = sent.value();
                  send(runId, sent.value());
              });
    });
}

void Purchaser::send(quint64 runId, const PurchaseRecord& sent)
{
    const PurchaseSpec& spec = m_runs.at(runId)->spec;
    suppliers::PurchaseRequest request;
    request.productId = sent.productRef;
    request.quantity = sent.quantity;
    request.externalOrderNo = sent.externalNo.toLatin1();
    request.contact = spec.contact;
    request.chargeAccount = spec.chargeAccount;
    watch(supplierOf(sent.supplierId)->purchase(request), [this, runId, sent](const Answer& answer) {
        if (m_runs.count(runId) != 0)
            onAnswer(runId, sent, answer);
    });
}

void Purchaser::onAnswer(quint64 runId, const PurchaseRecord& sent, const Answer& answer)
{
    const suppliers::Supplier& supplier = *supplierOf(sent.supplierId);
    PurchaseUpdate u;
    bool nextCandidate = false;
    if (answer.ok()) {
        const PurchaseResult& r = answer.value();
        switch (r.status) {
        case PurchaseStatus::Pending:
            u = update(PurchaseState::Accepted);
            takeNumbers(u, r);
            watch(advance(sent.id, PurchaseState::Sent, u),
                  [this, runId](const core::Result<PurchaseRecord>& accepted) {
                      if (m_runs.count(runId) == 0)
                          return;
                      if (!accepted)
                          return finishRun(runId, accepted.error());
                      m_runs.at(runId)->attempts.last() = accepted.value();
                      onAccepted(runId, accepted.value());
                  });
            return;
        case PurchaseStatus::Succeeded:
        case PurchaseStatus::Failed:
        case PurchaseStatus::ManualReview: {
            PurchaseRecord asSent = sent;
            asSent.state = PurchaseState::Accepted; // settlement() treats Sent like Accepted
            u = *settlement(asSent, answer);
            break;
        }
        }
    } else {
        const SupplierError& e = answer.error();
        if (e.outcomeUnknown || e.kind == SupplierError::Cancelled) {
            u = update(PurchaseState::Unknown, u"Outcome unknown, never re-sent: "_s + e.describe());
        } else if (isRepeatedRequest(supplier, e)) {
            u = update(PurchaseState::Unknown,
                       u"Outcome unknown: the supplier had already seen this request number, so a "
                       u"re-sent copy reached it and the first copy may have been paid ("_s +
                           e.describe() + u")"_s);
        } else {
            u = update(PurchaseState::Failed, e.describe());
            nextCandidate = e.retryOnAlternative;
        }
    }
    step(runId, sent, u, nextCandidate);
}

void Purchaser::onAccepted(quint64 runId, const PurchaseRecord& accepted)
{
    watch(awaitFinal(supplierOf(accepted.supplierId), accepted.externalNo.toLatin1()),
          [this, runId, accepted](const Answer& answer) {
              if (m_runs.count(runId) == 0)
                  return;
              const auto u = settlement(accepted, answer);
              if (!u) // polling was cancelled: the row stays Accepted for resume()
                  return finishRun(runId, PurchaseOutcome{m_runs.at(runId)->attempts});
              step(runId, accepted, *u, false);
          });
}

void Purchaser::step(quint64 runId, const PurchaseRecord& row, const PurchaseUpdate& u,
                     bool thenNextCandidate)
{
    watch(advance(row.id, row.state, u),
          [this, runId, thenNextCandidate](const core::Result<PurchaseRecord>& moved) {
              if (m_runs.count(runId) == 0)
                  return;
              if (!moved)
                  return finishRun(runId, moved.error());
              Run& run = *m_runs.at(runId);
              run.attempts.last() = moved.value();
              if (!thenNextCandidate)
                  return finishRun(runId, PurchaseOutcome{run.attempts});
              ++run.candidate;
              tryCandidate(runId);
          });
}

void Purchaser::finishRun(quint64 runId, core::Result<PurchaseOutcome> result)
{
    auto it = m_runs.find(runId);
    if (it == m_runs.end())
        return;
    std::unique_ptr<Run> run = std::move(it->second);
    m_runs.erase(it);
    for (const PurchaseRecord& r : run->attempts)
        m_active.remove(r.id);
    if (result && result->attempts.isEmpty())
        result = makeError(ErrorCode::InvalidArgument, u"no purchase was made"_s);
    run->promise.addResult(std::move(result));
    run->promise.finish();
}

Purchaser::RecordFuture Purchaser::advance(qint64 id, PurchaseState from, const PurchaseUpdate& u)
{
    return m_writer.submit<PurchaseRecord>(
        u"purchase.advance"_s, [id, from, u](storage::WriteContext& ctx) -> core::Result<PurchaseRecord> {
            if (auto moved = storage::purchases::advance(ctx, id, from, u); !moved)
                return moved.error();
            return readBack(ctx, id);
        });
}

QFuture<Purchaser::Answer> Purchaser::awaitFinal(suppliers::Supplier* supplier, const QByteArray& externalNo)
{
    if (auto* fulu = dynamic_cast<suppliers::FuluAdapter*>(supplier))
        return fulu->awaitOrder(externalNo);
    if (supplier->canQueryByExternalNo())
        return supplier->queryByExternalNo(externalNo);
    SupplierError e;
    e.kind = SupplierError::InvalidRequest;
    e.detail = u"this supplier cannot be asked about an order by our number"_s;
    return QtFuture::makeReadyFuture(Answer(e));
}

std::optional<PurchaseUpdate> Purchaser::settlement(const PurchaseRecord& row, const Answer& answer) const
{
    const bool accepted = row.state == PurchaseState::Accepted; // otherwise Unknown
    if (answer.ok()) {
        const PurchaseResult& r = answer.value();
        switch (r.status) {
        case PurchaseStatus::Pending:
            return std::nullopt;
        case PurchaseStatus::Failed: {
            PurchaseUpdate u = update(PurchaseState::Failed, u"The supplier reports the order failed ("_s +
                                                                 r.upstreamState + u")"_s);
            takeNumbers(u, r);
            return u;
        }
        case PurchaseStatus::ManualReview: {
            if (!accepted)
                return std::nullopt;
            PurchaseUpdate u = update(PurchaseState::Unknown, reviewText(r));
            takeNumbers(u, r);
            return u;
        }
        case PurchaseStatus::Succeeded: {
            auto sealed = sealCards(row, r);
            if (!sealed) {
                if (!accepted)
                    return std::nullopt;
                PurchaseUpdate u = update(PurchaseState::Unknown,
                                          u"Bought, but the cards could not be sealed ("_s +
                                              sealed.error().detail + u"); copy them from the supplier"_s);
                takeNumbers(u, r);
                return u;
            }
            PurchaseUpdate u = update(PurchaseState::Succeeded);
            u.error = QString();
            takeNumbers(u, r);
            if (!sealed->isEmpty())
                u.sealedSecret = sealed.value();
            return u;
        }
        }
        return std::nullopt;
    }
    const SupplierError& e = answer.error();
    if (e.kind == SupplierError::Cancelled)
        return std::nullopt;
    const suppliers::Supplier* supplier = supplierOf(row.supplierId);
    if (!accepted && supplier != nullptr && isNoSuchOrder(*supplier, e))
        return update(PurchaseState::Failed,
                      u"Never arrived: the supplier has no order under this number ("_s + e.describe() +
                          u")"_s);
    if (!accepted)
        return std::nullopt;
    return update(PurchaseState::Unknown, u"Accepted, then no final answer: "_s + e.describe());
}

core::Result<QByteArray> Purchaser::sealCards(const PurchaseRecord& row, const PurchaseResult& result) const
{
    QStringList lines;
    for (const suppliers::SupplierCard& card : result.cards)
        lines << (card.number.isEmpty() ? card.secret : card.number + u' ' + card.secret);
    if (lines.isEmpty()) // a direct recharge: nothing to hold
        return QByteArray();
    return core::seal(m_sealKey, lines.join(u'\n').toUtf8(), row.externalNo.toUtf8());
}

QFuture<core::Result<ResumeSummary>> Purchaser::resume()
{
    auto resume = std::make_shared<Resume>();
    resume->promise.start();
    QFuture<core::Result<ResumeSummary>> future = resume->promise.future();
    resume->pending = 1; // the sweep itself

    QList<qint64> intents;
    QList<qint64> sent;
    {
        storage::ReadSession read(m_databasePath);
        auto inIntent = storage::purchases::inState(read, PurchaseState::Intent, kResumeLimit);
        auto inSent = storage::purchases::inState(read, PurchaseState::Sent, kResumeLimit);
        if (!inIntent || !inSent) {
            resume->error = !inIntent ? inIntent.error() : inSent.error();
            resume->finishOne();
            return future;
        }
        for (const PurchaseRecord& r : inIntent.value())
            if (!m_active.contains(r.id) && !m_pendingNumbers.contains(r.externalNo))
                intents << r.id;
        for (const PurchaseRecord& r : inSent.value())
            if (!m_active.contains(r.id))
                sent << r.id;
    }
    auto sweep = m_writer.submit<ResumeSummary>(
        u"purchase.resume"_s, [intents, sent](storage::WriteContext& ctx) -> core::Result<ResumeSummary> {
            ResumeSummary s;
            // A Conflict means the row moved on since it was read: nothing to do for it.
            const auto neverSent =
                update(PurchaseState::Failed, u"Never sent: interrupted before the call"_s);
            for (qint64 id : intents) {
                auto moved = storage::purchases::advance(ctx, id, PurchaseState::Intent, neverSent);
                if (!moved && moved.error().code != ErrorCode::Conflict)
                    return moved.error();
                s.neverSent += moved ? 1 : 0;
            }
            const auto unknown = update(PurchaseState::Unknown,
                                        u"Outcome unknown: interrupted after it was sent; never re-sent"_s);
            for (qint64 id : sent) {
                auto moved = storage::purchases::advance(ctx, id, PurchaseState::Sent, unknown);
                if (!moved && moved.error().code != ErrorCode::Conflict)
                    return moved.error();
                s.madeUnknown += moved ? 1 : 0;
            }
            return s;
        });
    watch(sweep, [this, resume](const core::Result<ResumeSummary>& swept) {
        if (!swept) {
            resume->error = swept.error();
            return resume->finishOne();
        }
        resume->summary = swept.value();
        storage::ReadSession read(m_databasePath);
        QList<PurchaseRecord> open;
        for (PurchaseState state : {PurchaseState::Accepted, PurchaseState::Unknown}) {
            auto rows = storage::purchases::inState(read, state, kResumeLimit);
            if (!rows) {
                resume->error = rows.error();
                return resume->finishOne();
            }
            open << rows.value();
        }
        for (const PurchaseRecord& row : open) {
            if (m_active.contains(row.id))
                continue;
            suppliers::Supplier* supplier = supplierOf(row.supplierId);
            if (supplier == nullptr || !supplier->canQueryByExternalNo()) {
                ++resume->summary.stillOpen;
                continue;
            }
            querySettle(resume, row);
        }
        resume->finishOne();
    });
    return future;
}

void Purchaser::querySettle(const std::shared_ptr<Resume>& resume, const PurchaseRecord& row)
{
    ++resume->pending;
    m_active.insert(row.id);
    watch(awaitFinal(supplierOf(row.supplierId), row.externalNo.toLatin1()),
          [this, resume, row](const Answer& answer) {
              const auto u = settlement(row, answer);
              if (!u) {
                  m_active.remove(row.id);
                  ++resume->summary.stillOpen;
                  return resume->finishOne();
              }
              watch(advance(row.id, row.state, *u),
                    [this, resume, id = row.id](const core::Result<PurchaseRecord>& moved) {
                        m_active.remove(id);
                        if (!moved) {
                            if (!resume->error)
                                resume->error = moved.error();
                        } else if (moved->state == PurchaseState::Unknown) {
                            ++resume->summary.madeUnknown;
                            ++resume->summary.stillOpen;
                        } else {
                            ++resume->summary.settled;
                        }
                        resume->finishOne();
                    });
          });
}

} // namespace cardops::sync
