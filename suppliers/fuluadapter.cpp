#include "suppliers/fuluadapter.h"

#include "core/signing.h"

#include <QDateTime>
#include <QTimer>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace cardops::suppliers {

namespace {

template<typename T> QFuture<SupplierResult<T>> refused(QString detail)
{
    SupplierError e;
    e.kind = SupplierError::InvalidRequest;
    e.detail = std::move(detail);
    return QtFuture::makeReadyFuture(SupplierResult<T>(std::move(e)));
}

bool isOrderNoChar(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

bool isValidOrderNo(QByteArrayView number)
{
    return !number.isEmpty() && number.size() <= 64 &&
           std::all_of(number.begin(), number.end(), isOrderNoChar);
}

// Fulu product ids are positive integers, sent as JSON numbers where the protocol says int.
std::optional<qint64> productNumber(const QString& productId)
{
    bool ok = false;
    const qint64 id = productId.toLongLong(&ok);
    if (!ok || id <= 0 || QString::number(id) != productId)
        return std::nullopt;
    return id;
}

bool isFieldName(const QString& name)
{
    return !name.isEmpty() && std::all_of(name.begin(), name.end(), [](QChar c) {
        return (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'_';
    });
}

// Errors worth another poll: the order's state upstream is untouched by them.
bool isTransient(const SupplierError& e)
{
    return e.kind == SupplierError::Transport || e.kind == SupplierError::Timeout ||
           e.kind == SupplierError::TooLarge || e.kind == SupplierError::Malformed;
}

} // namespace

std::chrono::milliseconds PollPolicy::delayBefore(int poll) const
{
    using std::chrono::milliseconds;
    if (poll < 1)
        poll = 1;
    if (initialDelays.isEmpty())
        return maxDelay;
    if (poll <= initialDelays.size())
        return std::min(initialDelays.at(poll - 1), maxDelay);
    milliseconds delay = initialDelays.last();
    for (qsizetype n = initialDelays.size(); n < poll && delay < maxDelay; ++n)
        delay = std::max(delay * 2, milliseconds{1});
    return std::min(delay, maxDelay);
}

FuluAdapter::FuluAdapter(FuluConfig config, const core::Clock* clock, QObject* parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_clock(clock ? *clock : m_systemClock)
    , m_http(new SupplierHttp(m_config.http, this))
{}

FuluAdapter::~FuluAdapter()
{
    // Finishes every pending future with Cancelled while this object is still whole.
    cancelPolling();
    m_http->cancelAll();
}

template<typename T, typename Parse>
QFuture<SupplierResult<T>> FuluAdapter::call(const QByteArray& method, const QByteArray& bizContent,
                                             bool purchase, Parse parse)
{
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(m_clock.nowMilliseconds(), Qt::UTC);
    const auto built =
        core::signing::buildFuluRequest({m_config.appKey, method, now, bizContent}, m_config.appSecret);
    if (!built)
        return refused<T>(u"the request could not be built: "_s + built.error().detail);
    // Built once and signed; this exact buffer goes on the wire.
    const QByteArray body = built->body;
    const QByteArray sign = built->sign;
    const auto split = core::signing::splitFuluSign(body);
    const QByteArray signedText = split ? split->bodyWithoutSign : QByteArray();
    return m_http->post(m_config.gatewayUrl, "application/json", body)
        .then(this, [this, signedText, sign, purchase, parse](const HttpResult& http) {
            Diagnostics d = http.exchange;
            d.signedText = signedText;
            d.requestSignature = sign;
            SupplierResult<T> result;
            if (auto failed = httpError(http)) {
                failed->outcomeUnknown = purchase && failed->outcomeUnknown;
                result = *failed;
            } else {
                fulu::SignatureCheck check;
                auto answer = fulu::parseResponse(http.body, m_config.appSecret, purchase, &check);
                d.responseSignatureReceived = check.received;
                d.responseSignatureComputed = check.computed;
                d.responseSignatureValid = check.valid;
                if (!answer.ok()) {
                    SupplierError e = answer.error();
                    e.httpStatus = http.httpStatus;
                    // Fulu's codes are not public: a refused order may still exist. Query first.
                    if (purchase && e.kind == SupplierError::Business)
                        e.outcomeUnknown = true;
                    result = e;
                } else {
                    result = parse(answer.value());
                }
            }
            d.outcome = result.ok() ? u"ok"_s : result.error().describe();
            m_diagnostics = std::move(d);
            return result;
        });
}

QFuture<SupplierResult<Balance>> FuluAdapter::balance()
{
    return call<Balance>("fulu.user.info.get", "{}", false,
                         [](const fulu::Answer& answer) { return fulu::parseBalance(answer); });
}

QFuture<SupplierResult<Catalogue>> FuluAdapter::catalogue()
{
    return call<Catalogue>("fulu.goods.list.get", "{}", false,
                           [](const fulu::Answer& answer) { return fulu::parseCatalogue(answer); });
}

QFuture<SupplierResult<SupplierProduct>> FuluAdapter::goodsDetail(const QString& productId)
{
    if (!productNumber(productId))
        return refused<SupplierProduct>(u"Fulu product ids are positive integers: "_s + productId);
    const QByteArray biz = "{\"product_id\":" + rawjson::quote(productId) + '}';
    return call<SupplierProduct>("fulu.goods.info.get", biz, false, [](const fulu::Answer& answer) {
        return fulu::parseProduct(answer.result, answer.resultBytes);
    });
}

QFuture<SupplierResult<StockCheck>> FuluAdapter::checkStock(const StockQuery& query)
{
    const auto id = productNumber(query.productId);
    if (!id || query.quantity < 1)
        return refused<StockCheck>(u"a positive integer product id and quantity are required"_s);
    const QByteArray biz = "{\"product_id\":" + QByteArray::number(*id) +
                           ",\"buy_num\":" + QByteArray::number(query.quantity) + '}';
    return call<StockCheck>("fulu.goods.stock.check", biz, false,
                            [query](const fulu::Answer& answer) { return fulu::parseStock(answer, query); });
}

QFuture<SupplierResult<PurchaseResult>> FuluAdapter::purchase(const PurchaseRequest& request)
{
    const QByteArray& number = request.externalOrderNo;
    const auto id = productNumber(request.productId);
    if (!isValidOrderNo(number))
        return refused<PurchaseResult>(u"customer_order_no must be 1–64 of [A-Za-z0-9_-]"_s);
    if (!id || request.quantity < 1)
        return refused<PurchaseResult>(u"a positive integer product id and quantity are required"_s);
    if (m_sentOrderNos.contains(number))
        return refused<PurchaseResult>(u"customer_order_no "_s + QString::fromLatin1(number) +
                                       u" was already sent: query it, never send it again"_s);
    QByteArray method;
    QByteArray biz;
    if (request.chargeAccount.isEmpty()) {
        if (!request.extraFields.isEmpty())
            return refused<PurchaseResult>(u"extra fields belong to direct recharges only"_s);
        method = "fulu.order.card.add";
        biz = "{\"product_id\":" + QByteArray::number(*id) +
              ",\"buy_num\":" + QByteArray::number(request.quantity) +
              ",\"customer_order_no\":" + rawjson::quote(QString::fromLatin1(number)) + '}';
    } else {
        method = "fulu.order.direct.add";
        biz = "{\"product_id\":" + QByteArray::number(*id) +
              ",\"customer_order_no\":" + rawjson::quote(QString::fromLatin1(number)) +
              ",\"charge_account\":" + rawjson::quote(request.chargeAccount) +
              ",\"buy_num\":" + QByteArray::number(request.quantity);
        static const QStringList reserved = {u"product_id"_s, u"customer_order_no"_s, u"charge_account"_s,
                                             u"buy_num"_s};
        QStringList seen;
        for (const auto& [name, value] : request.extraFields) {
            if (!isFieldName(name) || reserved.contains(name) || seen.contains(name))
                return refused<PurchaseResult>(u"direct recharge field '"_s + name +
                                               u"' is invalid or repeated"_s);
            seen.append(name);
            biz += ',' + rawjson::quote(name) + ':' + rawjson::quote(value);
        }
        biz += '}';
    }
    m_sentOrderNos.insert(number);
    const QByteArray secret = m_config.appSecret;
    return call<PurchaseResult>(method, biz, true, [number, secret](const fulu::Answer& answer) {
        return fulu::parseOrder(answer, number, secret, false, true);
    });
}

QFuture<SupplierResult<PurchaseResult>> FuluAdapter::queryByExternalNo(const QByteArray& externalOrderNo)
{
    if (!isValidOrderNo(externalOrderNo))
        return refused<PurchaseResult>(u"customer_order_no must be 1–64 of [A-Za-z0-9_-]"_s);
    const QByteArray biz =
        "{\"customer_order_no\":" + rawjson::quote(QString::fromLatin1(externalOrderNo)) + '}';
    const QByteArray secret = m_config.appSecret;
    return call<PurchaseResult>("fulu.order.info.get", biz, false,
                                [externalOrderNo, secret](const fulu::Answer& answer) {
                                    return fulu::parseOrder(answer, externalOrderNo, secret, true, false);
                                });
}

QFuture<SupplierResult<PurchaseResult>> FuluAdapter::awaitOrder(const QByteArray& externalOrderNo)
{
    if (!isValidOrderNo(externalOrderNo))
        return refused<PurchaseResult>(u"customer_order_no must be 1–64 of [A-Za-z0-9_-]"_s);
    auto poll = std::make_unique<Poll>();
    poll->externalOrderNo = externalOrderNo;
    poll->last.externalOrderNo = externalOrderNo;
    poll->elapsed.start();
    poll->promise.start();
    QFuture<SupplierResult<PurchaseResult>> future = poll->promise.future();
    const quint64 id = m_nextPoll++;
    m_polls.emplace(id, std::move(poll));
    schedulePoll(id);
    return future;
}

void FuluAdapter::schedulePoll(quint64 id)
{
    Poll& poll = *m_polls.at(id);
    const auto elapsed = std::chrono::milliseconds{poll.elapsed.elapsed()};
    const auto left = std::max(m_config.poll.bound - elapsed, std::chrono::milliseconds{0});
    const auto delay = std::min(m_config.poll.delayBefore(poll.polls + 1), left);
    QTimer::singleShot(delay, Qt::PreciseTimer, this, [this, id] { pollNow(id); });
}

void FuluAdapter::pollNow(quint64 id)
{
    const auto it = m_polls.find(id);
    if (it == m_polls.end())
        return;
    ++it->second->polls;
    queryByExternalNo(it->second->externalOrderNo)
        .then(this, [this, id](const SupplierResult<PurchaseResult>& result) { onPolled(id, result); });
}

void FuluAdapter::onPolled(quint64 id, const SupplierResult<PurchaseResult>& result)
{
    const auto it = m_polls.find(id);
    if (it == m_polls.end())
        return;
    Poll& poll = *it->second;
    if (result.ok() && result->status != PurchaseStatus::Pending) {
        finishPoll(id, result);
        return;
    }
    if (!result.ok() && !isTransient(result.error())) {
        finishPoll(id, result);
        return;
    }
    if (result.ok())
        poll.last = result.value();
    if (std::chrono::milliseconds{poll.elapsed.elapsed()} >= m_config.poll.bound) {
        PurchaseResult review = poll.last;
        review.status = PurchaseStatus::ManualReview;
        review.reviewReason = ReviewReason::PollingBound;
        finishPoll(id, review);
        return;
    }
    schedulePoll(id);
}

void FuluAdapter::finishPoll(quint64 id, SupplierResult<PurchaseResult> result)
{
    auto node = m_polls.extract(id);
    if (node.empty())
        return;
    node.mapped()->promise.addResult(std::move(result));
    node.mapped()->promise.finish();
}

void FuluAdapter::cancelPolling()
{
    auto polls = std::move(m_polls);
    m_polls.clear();
    for (auto& [id, poll] : polls) {
        SupplierError e;
        e.kind = SupplierError::Cancelled;
        e.detail = u"polling cancelled"_s;
        poll->promise.addResult(SupplierResult<PurchaseResult>(e));
        poll->promise.finish();
    }
}

} // namespace cardops::suppliers
