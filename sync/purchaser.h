#pragma once

#include "core/result.h"
#include "storage/purchases.h"
#include "suppliers/supplier.h"

#include <QByteArray>
#include <QFuture>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPromise>
#include <QSet>
#include <QString>
#include <map>
#include <memory>

namespace cardops::storage {
class DatabaseWriter;
}
namespace cardops::suppliers {
class RequestNoGenerator;
}

namespace cardops::sync {

// One supplier product that can serve a purchase.
struct PurchaseCandidate
{
    QString supplierId; // a key of the Purchaser's supplier map
    QString productId;  // acg-faka item code, Fulu product_id
};

// What to buy: `candidates` in priority order (the primary, then fallbacks on other suppliers).
struct PurchaseSpec
{
    qint64 orderId = 0; // the platform order it serves; 0 = stock
    qint64 quantity = 1;
    QString chargeAccount; // Fulu 直充: non-empty sends fulu.order.direct.add
    QString contact;       // acg-faka (ignored upstream)
    QList<PurchaseCandidate> candidates;
    // The external number of each candidate, in order (RequestNoGenerator::forOrder for a
    // platform order); empty = a new number from the generator for each.
    QList<QByteArray> externalNos;
};

// Every purchase row made for one spec, in the order they were made. The last one decides: an
// earlier one is always Failed with a refusal that allowed another product (retryOnAlternative).
struct PurchaseOutcome
{
    QList<storage::PurchaseRecord> attempts;
    const storage::PurchaseRecord& last() const { return attempts.constLast(); }
};

// What resume() did.
struct ResumeSummary
{
    int neverSent = 0;   // Intent → Failed
    int madeUnknown = 0; // Sent → Unknown
    int settled = 0;     // Accepted or Unknown settled by a query (Succeeded, Failed)
    int stillOpen = 0;   // Accepted or Unknown rows left as they were (no final answer, no query)
};

// The purchasing runner (issue #7): buys a spec from its candidates through the supplier adapters
// and keeps the purchases ledger (storage/purchases.h) so that nothing is ever bought twice
// (protocols.md, "Idempotency"; core/purchase.h has the states).
//
// Each step is a committed transaction BEFORE its side effect: the intent with its new external
// number (Intent), then Sent, and only then the one adapter.purchase() call. So after a crash a row
// in Intent was certainly never sent and a row in Sent may have been (resume()).
//
// How an answer maps:
//   Succeeded           → Succeeded with cost, upstream number and the cards sealed (below)
//   Pending (Fulu)      → Accepted, then the order is polled (FuluAdapter::awaitOrder) to
//                         Succeeded | Failed; a poll that ends in an error leaves it Unknown
//   Failed              → Failed
//   ManualReview        → Unknown with the reason in `error`: the supplier took (or may have taken)
//                         the money but the goods need an operator's eyes (wrong card count, a
//                         placeholder text, unreadable cards, polling bound). The upstream number and
//                         cost are kept so the operator can check on the supplier.
//   error outcomeUnknown→ Unknown (so is Cancelled: the adapter went away with the call out). Never
//                         re-sent, under its number or a new one; no fallback. A Fulu Unknown is
//                         settled by resume()'s query, so call resume() at start and then now and
//                         again (e.g. every few minutes) while purchasing runs.
//   acg-faka "request ID already exists"
//                       → Unknown: our number is fresh, so the upstream saw this trade before —
//                         Qt 6.4's QNetworkAccessManager re-sends a POST once when a kept-alive
//                         connection closes before any answer byte, and the first copy may have
//                         been paid.
//   retryOnAlternative  → Failed; the next candidate is bought under a NEW number.
//   any other refusal   → Failed; no fallback.
// A Fulu order that the supplier later reports failed is not bought elsewhere: it was accepted, and
// buying it again is the operator's call.
//
// Secrets: the card lines (acg-faka: one card per line as sent; Fulu: "number secret" per card, or
// the secret alone when the card has no number) joined by '\n', core::seal()ed with the seal key
// and the purchase's external number (UTF-8) as associated data. Open with
// core::open(key, sealed, externalNo). Plain text is never written.
//
// Threading: lives in the thread of the adapters (one with an event loop) and is called only from
// it; the adapters and the generator must outlive it. Writes go to the writer thread; reads use a
// ReadSession of this thread on `databasePath`. Destroying the Purchaser abandons what is in
// flight: the futures it gave out are cancelled and the rows stay where they were, for resume().
class Purchaser final : public QObject
{
    Q_OBJECT
public:
    // sealKey: core::kSealKeySize bytes. numbers: external numbers for every protocol (at most 19
    // characters, acg-faka's limit; Fulu's customer_order_no takes them too).
    Purchaser(storage::DatabaseWriter& writer, QString databasePath, QByteArray sealKey,
              QHash<QString, suppliers::Supplier*> suppliers, suppliers::RequestNoGenerator& numbers,
              QObject* parent = nullptr);
    ~Purchaser() override;

    // Buys the spec. The future finishes in this thread with every row made for it (the last one
    // decides), or with an error when nothing could be recorded (a bad spec, an unknown supplier, a
    // failing cache). A cache failure after a call has gone out is an error too: the row stays in
    // Sent or Accepted for resume().
    QFuture<core::Result<PurchaseOutcome>> purchase(const PurchaseSpec& spec);

    // After a crash or a restart: Intent rows (never sent) → Failed; Sent rows (perhaps sent) →
    // Unknown; Accepted rows and Unknown rows of suppliers that can query by our number (Fulu) are
    // queried (polled while the order is open) and settled when the supplier answers finally — a
    // "no such order" answer (Fulu 5002) means the order never arrived: Failed. acg-faka Unknown
    // rows stay for the operator (storage::purchases::resolveUnknown). Rows this object is working
    // on are left alone. Finishes once every query has ended.
    //
    // Residual risk: "no such order" is trusted as final. It is asked only after the call that may
    // have carried the order ended (its timeout passed), so a gateway would have to hold a request
    // longer than that before creating the order.
    QFuture<core::Result<ResumeSummary>> resume();

    int inFlight() const { return static_cast<int>(m_runs.size()); }

private:
    struct Run;
    struct Resume;
    using Answer = suppliers::SupplierResult<suppliers::PurchaseResult>;
    using RecordFuture = QFuture<core::Result<storage::PurchaseRecord>>;

    // Calls handler(result) in this thread once `future` finishes, never after this object is gone.
    template<typename T, typename F> void watch(QFuture<T> future, F handler);
    void tryCandidate(quint64 runId);
    void send(quint64 runId, const storage::PurchaseRecord& sent);
    void onAnswer(quint64 runId, const storage::PurchaseRecord& sent, const Answer& answer);
    void onAccepted(quint64 runId, const storage::PurchaseRecord& accepted);
    void step(quint64 runId, const storage::PurchaseRecord& row, const storage::PurchaseUpdate& update,
              bool thenNextCandidate);
    void finishRun(quint64 runId, core::Result<PurchaseOutcome> result);

    // Moves row `id` from `from` and reads it back, in one writer job.
    RecordFuture advance(qint64 id, core::PurchaseState from, const storage::PurchaseUpdate& update);
    // The final answer for an order the supplier accepted: awaitOrder on Fulu, one query elsewhere.
    QFuture<Answer> awaitFinal(suppliers::Supplier* supplier, const QByteArray& externalNo);
    // The step an answer to awaitFinal() asks for from `from` (Accepted or Unknown), if any.
    std::optional<storage::PurchaseUpdate> settlement(const storage::PurchaseRecord& row,
                                                      const Answer& answer) const;
    void querySettle(const std::shared_ptr<Resume>& resume, const storage::PurchaseRecord& row);
    core::Result<QByteArray> sealCards(const storage::PurchaseRecord& row,
                                       const suppliers::PurchaseResult& result) const;
    suppliers::Supplier* supplierOf(const QString& supplierId) const;

    storage::DatabaseWriter& m_writer;
    QString m_databasePath;
    QByteArray m_sealKey;
    QHash<QString, suppliers::Supplier*> m_suppliers;
    suppliers::RequestNoGenerator& m_numbers;
    std::map<quint64, std::unique_ptr<Run>> m_runs;
    quint64 m_nextRun = 1;
    QSet<qint64> m_active;          // purchase ids a run or a resume query is working on
    QSet<QString> m_pendingNumbers; // intents submitted whose ids have not come back yet
};

} // namespace cardops::sync
