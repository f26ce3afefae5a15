#pragma once

#include "core/money.h"

#include <QByteArray>
#include <QFuture>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>
#include <utility>

// The one interface CardOps buys through (protocols.md §1, §2; docs/suppliers.md). Every operation
// answers a QFuture that finishes exactly once with a SupplierResult: a typed value or a typed
// SupplierError, never an exception, a crash or a silent empty. Types here are plain values.
namespace cardops::suppliers {

using core::Money;
using HeaderList = QList<std::pair<QByteArray, QByteArray>>;

struct SupplierError
{
    enum Kind {
        Transport,       // connection refused or reset, DNS, TLS, an HTTP status that is not 2xx
        Timeout,         // no complete answer within the adapter's timeout
        Redirect,        // a 3xx answer: redirects are never followed on signed requests
        TooLarge,        // the response body passed the adapter's cap
        Auth,            // HTTP 401 / 403 (neither protocol has a distinguishable business code for it)
        Signature,       // the response signature does not match what we compute
        Business,        // the supplier refused: code and upstream message as they came
        ProductRejected, // Fulu 3001–3005, 3008: off shelf, no stock, price; try another product
        Malformed,       // not JSON, not the envelope, wrong types, truncated, undecryptable cards
        InvalidRequest,  // refused before sending (bad input, insecure URL, a number used twice)
        Cancelled,       // the adapter was destroyed or cancelAll() was called
    };

    Kind kind = Cancelled;
    int httpStatus = 0;      // 0 when no HTTP answer was received
    QString code;            // the upstream's code as text ("0", "3002"), empty when none
    QString upstreamMessage; // the upstream's message as received; never interpreted
    QString detail;          // English technical detail for logs and the diagnostics view
    // The request may have reached the supplier and changed its state, and the answer does not say
    // how: a purchase in this state is "unknown" and must be resolved by a query or an operator,
    // never re-sent (protocols.md, Idempotency).
    bool outcomeUnknown = false;
    // The order can be retried on an alternative supplier product (under a new external number).
    bool retryOnAlternative = false;

    // One English line, e.g. "Business (code 0): 库存不足". The UI uses SupplierErrorText.
    QString describe() const;
    static QString kindName(Kind kind);
    // A Malformed error: the answer could not be read (`outcomeUnknown` for a purchase's answer).
    static SupplierError malformed(QString detail, bool outcomeUnknown = false);
};

// A value or a SupplierError. Default-constructed: a Cancelled error (QFuture needs a default).
template<typename T> class SupplierResult
{
public:
    SupplierResult() = default;
    SupplierResult(T value)
        : m_value(std::move(value))
    {}
    SupplierResult(SupplierError error)
        : m_error(std::move(error))
    {}

    bool ok() const { return m_value.has_value(); }
    const T& value() const { return *m_value; }
    T& value() { return *m_value; }
    const T* operator->() const { return &*m_value; }
    const SupplierError& error() const { return m_error; }

private:
    std::optional<T> m_value;
    SupplierError m_error;
};

struct Balance
{
    Money amount;
    QString accountName;        // acg-faka shopName, Fulu name
    std::optional<bool> isOpen; // Fulu is_open; absent for acg-faka
};

enum class ProductType { Unknown, Card, DirectRecharge };
enum class StockLevel { Unknown, Plenty, Low, Out };

// One supplier product as listed (catalogue) or looked up (goods detail).
struct SupplierProduct
{
    QString productId; // acg-faka code, Fulu product_id (as text)
    QString name;
    QString category;               // acg-faka category name; Fulu has none in the list
    std::optional<Money> cost;      // what CardOps pays: acg-faka user_price, Fulu purchase_price
    std::optional<Money> listPrice; // acg-faka price (retail), Fulu face_value
    ProductType type = ProductType::Unknown;
    bool onSale = true;
    StockLevel stockLevel = StockLevel::Unknown;
    std::optional<qint64> stock; // a count when the supplier gives one
    bool manualDelivery = false; // acg-faka delivery_way 1: paid at once, delivered by hand later
    QString config;              // acg-faka INI text (races in [category]); empty for Fulu
    QStringList races;           // acg-faka 商品类型 names from config's [category]
    QString details;             // description or Fulu details
    QString templateId;          // Fulu recharge form template (直充) as sent; empty when none
    QByteArray rawJson;          // the product's JSON as received, for the diagnostics view
};

// An entry of a catalogue that could not be read; the others still are.
struct RejectedEntry
{
    QString productId; // empty when even that was unreadable
    QString reason;    // English
};

struct Catalogue
{
    QList<SupplierProduct> products;
    QList<RejectedEntry> rejected;
};

struct StockQuery
{
    QString productId;
    qint64 quantity = 1;
    QString race;                           // acg-faka 商品类型
    QList<std::pair<QString, QString>> sku; // acg-faka sku[name]=value
};

struct StockCheck
{
    QString productId;
    StockLevel level = StockLevel::Unknown;
    std::optional<qint64> count; // acg-faka gives a count, Fulu a level
    bool sufficient = false;     // enough for the requested quantity as far as the supplier says
};

struct PurchaseRequest
{
    QString productId;
    qint64 quantity = 1;
    // Generated by CardOps and committed with the purchase intent BEFORE this call. acg-faka
    // request_no (at most 19 characters), Fulu customer_order_no. An adapter refuses to send the
    // same number twice in its lifetime.
    QByteArray externalOrderNo;
    QString race;                                   // acg-faka
    QList<std::pair<QString, QString>> sku;         // acg-faka sku[name]=value
    QList<std::pair<QString, QString>> extraFields; // acg-faka widget fields; Fulu 直充 extras
    QString contact;                                // acg-faka (ignored upstream), optional
    // acg-faka goods with delivery_way 1: the trade answers a placeholder text, never cards, so the
    // result goes to ManualReview whatever the text says.
    bool manualDelivery = false;
    QString chargeAccount; // Fulu 直充: non-empty sends fulu.order.direct.add
};

enum class CardKind { Plain, QrCode, ShortLink };

struct SupplierCard
{
    QString number; // Fulu card_number (decrypted); empty for acg-faka
    QString secret; // Fulu card_pwd (decrypted); one line of acg-faka's secret text
    CardKind kind = CardKind::Plain;
    QString deadline; // Fulu card_deadline as sent
};

enum class PurchaseStatus {
    Pending,      // accepted, not finished (Fulu untreated / processing; acg-faka unpaid)
    Succeeded,    // finished, cards (if any) in `cards`
    Failed,       // the supplier says it failed (Fulu failed)
    ManualReview, // paid or possibly paid, but an operator must look (see reviewReason)
};

enum class ReviewReason {
    None,
    CardCountMismatch, // the number of cards is not the quantity
    PlaceholderText,   // acg-faka answered its apology or manual-delivery text instead of cards
    CardsUnreadable,   // Fulu: the order succeeded but a card did not decrypt
    PollingBound,      // Fulu: still not final after PollPolicy::bound
};

struct PurchaseResult
{
    PurchaseStatus status = PurchaseStatus::Pending;
    ReviewReason reviewReason = ReviewReason::None;
    QByteArray externalOrderNo;
    QString upstreamOrderNo;     // acg-faka tradeNo, Fulu order_id
    QString upstreamState;       // as sent: Fulu order_state, acg-faka status
    std::optional<Money> amount; // what the supplier charged (acg-faka amount, Fulu order_price)
    QList<SupplierCard> cards;
    QString secretText; // acg-faka's secret exactly as received
};

// The last exchange on the wire, for the diagnostics view (protocols.md, general rules). It holds
// what was sent and received byte for byte, so it contains keys and card secrets: show redacted().
struct Diagnostics
{
    QByteArray method;
    QByteArray url;
    HeaderList requestHeaders;
    QByteArray requestBody; // exactly the bytes sent
    QByteArray signedText;  // what the request signature covers (acg-faka text; Fulu body w/o sign)
    QByteArray requestSignature;
    int httpStatus = 0; // 0: no answer
    HeaderList responseHeaders;
    QByteArray responseBody;              // capped for the view
    qint64 responseBodyBytes = 0;         // how many bytes arrived in total
    QByteArray responseSignatureReceived; // Fulu: the response's sign; empty when none
    QByteArray responseSignatureComputed; // Fulu: MD5 over the result we received
    std::optional<bool> responseSignatureValid;
    QString outcome; // "ok" or SupplierError::describe()

    // A copy safe to show: the values of the app_key and secret form fields (acg-faka's key signs)
    // and of JSON members named secret or app_key (acg-faka's plain-text cards) replaced by "***".
    // Fulu's cards stay: they travel AES-encrypted.
    Diagnostics redacted() const;
};

enum class SupplierKind { AcgFaka, Fulu };

// A docked supplier. Implementations live in one thread and are called only from it; their futures
// finish in that thread. Destroying an adapter finishes every pending future with Cancelled.
class Supplier
{
public:
    virtual ~Supplier() = default;

    virtual SupplierKind kind() const = 0;
    // False until a real gateway has been seen to accept this adapter (the UI shows 未经真实网关验证).
    virtual bool verifiedAgainstRealGateway() const = 0;
    // Whether queryByExternalNo() is supported (Fulu yes; acg-faka no: its query takes tradeNo).
    virtual bool canQueryByExternalNo() const = 0;

    virtual QFuture<SupplierResult<Balance>> balance() = 0;
    virtual QFuture<SupplierResult<Catalogue>> catalogue() = 0;
    virtual QFuture<SupplierResult<SupplierProduct>> goodsDetail(const QString& productId) = 0;
    virtual QFuture<SupplierResult<StockCheck>> checkStock(const StockQuery& query) = 0;
    // Sends the purchase once. On any error with outcomeUnknown the purchase is unknown.
    virtual QFuture<SupplierResult<PurchaseResult>> purchase(const PurchaseRequest& request) = 0;
    virtual QFuture<SupplierResult<PurchaseResult>> queryByExternalNo(const QByteArray& externalOrderNo) = 0;

    virtual Diagnostics diagnostics() const = 0;
};

} // namespace cardops::suppliers
