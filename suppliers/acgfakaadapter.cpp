#include "suppliers/acgfakaadapter.h"

#include "suppliers/requestnumber.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace cardops::suppliers {

namespace {

using core::signing::FormField;
using core::signing::FormFields;

template<typename T> QFuture<SupplierResult<T>> refused(QString detail)
{
    SupplierError e;
    e.kind = SupplierError::InvalidRequest;
    e.detail = std::move(detail);
    return QtFuture::makeReadyFuture(SupplierResult<T>(std::move(e)));
}

void appendIfSet(FormFields& fields, QByteArray key, const QString& value)
{
    if (!value.isEmpty())
        fields.append(FormField{std::move(key), value.toUtf8()});
}

// sku[name]=value in PHP array syntax; the name must not itself contain brackets.
bool appendSku(FormFields& fields, const QList<std::pair<QString, QString>>& sku)
{
    for (const auto& [name, value] : sku) {
        if (name.isEmpty() || name.contains(u'[') || name.contains(u']'))
            return false;
        fields.append(FormField{"sku[" + name.toUtf8() + ']', value.toUtf8()});
    }
    return true;
}

bool isAsciiPrintable(QByteArrayView text)
{
    return std::all_of(text.begin(), text.end(), [](char c) { return c > 0x20 && c < 0x7F; });
}

} // namespace

AcgFakaAdapter::AcgFakaAdapter(AcgFakaConfig config, QObject* parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_http(new SupplierHttp(m_config.http, this))
{}

AcgFakaAdapter::~AcgFakaAdapter()
{
    // Finishes every pending future with Cancelled while this object is still whole.
    m_http->cancelAll();
}

FormFields AcgFakaAdapter::signedFields(const FormFields& fields) const
{
    FormFields all = {{"app_id", m_config.appId}, {"app_key", m_config.appKey}};
    all.append(fields);
    return all;
}

QUrl AcgFakaAdapter::endpoint(QByteArrayView controller, QByteArrayView action) const
{
    QUrl url = m_config.baseUrl;
    QString path = url.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    path += u"/shared/"_s + QString::fromLatin1(controller) + u'/' + QString::fromLatin1(action);
    url.setPath(path);
    url.setQuery(QString());
    url.setFragment(QString());
    return url;
}

template<typename T, typename Parse>
QFuture<SupplierResult<T>> AcgFakaAdapter::call(QByteArrayView controller, QByteArrayView action,
                                                const FormFields& fields, bool purchase, Parse parse)
{
    const FormFields all = signedFields(fields);
    const QByteArray signedText = core::signing::acgFakaSignText(all);
    const QByteArray sign = core::signing::acgFakaSign(all, m_config.appKey);
    // Built once; this exact buffer goes on the wire.
    const QByteArray body = core::signing::acgFakaFormBody(all, m_config.appKey);
    return m_http->post(endpoint(controller, action), "application/x-www-form-urlencoded", body)
        .then(this, [this, signedText, sign, purchase, parse](const HttpResult& http) {
            Diagnostics d = http.exchange;
            d.signedText = signedText;
            d.requestSignature = sign;
            SupplierResult<T> result;
            if (auto failed = httpError(http)) {
                failed->outcomeUnknown = purchase && failed->outcomeUnknown;
                result = *failed;
            } else {
                // HTTP status is always 200 on acg-faka: the outcome is in the envelope.
                auto envelope = acgfaka::parseEnvelope(http.body, purchase);
                if (!envelope.ok()) {
                    SupplierError e = envelope.error();
                    e.httpStatus = http.httpStatus;
                    result = e;
                } else {
                    result = parse(envelope.value());
                }
            }
            d.outcome = result.ok() ? u"ok"_s : result.error().describe();
            m_diagnostics = std::move(d);
            return result;
        });
}

QFuture<SupplierResult<Balance>> AcgFakaAdapter::balance()
{
    return call<Balance>("authentication", "connect", {}, false,
                         [](const acgfaka::Envelope& envelope) -> SupplierResult<Balance> {
                             const auto amount = rawjson::toMoney(envelope.data.member(u"balance"));
                             if (!amount) {
                                 SupplierError e;
                                 e.kind = SupplierError::Malformed;
                                 e.detail = u"connect: data has no balance amount"_s;
                                 return e;
                             }
                             Balance b;
                             b.amount = *amount;
                             b.accountName =
                                 rawjson::toText(envelope.data.member(u"shopName")).value_or(QString());
                             return b;
                         });
}

QFuture<SupplierResult<Catalogue>> AcgFakaAdapter::catalogue()
{
    return call<Catalogue>("commodity", "items", {}, false, [](const acgfaka::Envelope& envelope) {
        return acgfaka::parseCatalogue(envelope);
    });
}

QFuture<SupplierResult<SupplierProduct>> AcgFakaAdapter::goodsDetail(const QString& code)
{
    if (code.isEmpty())
        return refused<SupplierProduct>(u"an item code is required"_s);
    return call<SupplierProduct>(
        "commodity", "item", {{"code", code.toUtf8()}}, false,
        [code](const acgfaka::Envelope& envelope) { return acgfaka::parseItem(envelope, code); });
}

QFuture<SupplierResult<SupplierProduct>> AcgFakaAdapter::inventory(const QString& code, const QString& race)
{
    if (code.isEmpty())
        return refused<SupplierProduct>(u"an item code is required"_s);
    FormFields fields = {{"sharedCode", code.toUtf8()}};
    appendIfSet(fields, "race", race);
    return call<SupplierProduct>(
        "commodity", "inventory", fields, false,
        [code](const acgfaka::Envelope& envelope) { return acgfaka::parseInventory(envelope, code); });
}

QFuture<SupplierResult<StockCheck>> AcgFakaAdapter::checkStock(const StockQuery& query)
{
    if (query.productId.isEmpty())
        return refused<StockCheck>(u"an item code is required"_s);
    FormFields fields = {{"code", query.productId.toUtf8()}};
    appendIfSet(fields, "race", query.race);
    if (!appendSku(fields, query.sku))
        return refused<StockCheck>(u"a sku name is empty or holds brackets"_s);
    return call<StockCheck>("commodity", "stock", fields, false, [query](const acgfaka::Envelope& envelope) {
        return acgfaka::parseStock(envelope, query);
    });
}

QFuture<SupplierResult<Money>> AcgFakaAdapter::valuation(const StockQuery& query)
{
    if (query.productId.isEmpty() || query.quantity < 1)
        return refused<Money>(u"an item code and a quantity of at least 1 are required"_s);
    FormFields fields = {{"code", query.productId.toUtf8()}, {"num", QByteArray::number(query.quantity)}};
    appendIfSet(fields, "race", query.race);
    if (!appendSku(fields, query.sku))
        return refused<Money>(u"a sku name is empty or holds brackets"_s);
    return call<Money>("commodity", "valuation", fields, false,
                       [](const acgfaka::Envelope& envelope) { return acgfaka::parseValuation(envelope); });
}

QFuture<SupplierResult<PurchaseResult>> AcgFakaAdapter::purchase(const PurchaseRequest& request)
{
    const QByteArray& number = request.externalOrderNo;
    if (number.isEmpty() || number.size() > RequestNoGenerator::kLength || !isAsciiPrintable(number))
        return refused<PurchaseResult>(u"request_no must be 1–19 printable ASCII characters"_s);
    if (request.productId.isEmpty() || request.quantity < 1)
        return refused<PurchaseResult>(u"an item code and a quantity of at least 1 are required"_s);
    if (m_sentRequestNos.contains(number))
        return refused<PurchaseResult>(u"request_no "_s + QString::fromLatin1(number) +
                                       u" was already sent: a purchase is never sent twice"_s);
    FormFields fields = {{"shared_code", request.productId.toUtf8()},
                         {"num", QByteArray::number(request.quantity)},
                         {"request_no", number}};
    appendIfSet(fields, "contact", request.contact);
    appendIfSet(fields, "race", request.race);
    if (!appendSku(fields, request.sku))
        return refused<PurchaseResult>(u"a sku name is empty or holds brackets"_s);
    for (const auto& [name, value] : request.extraFields) {
        const QByteArray key = name.toUtf8();
        if (key.isEmpty() || key == "sign" || key == "app_id" || key == "app_key" ||
            std::any_of(fields.cbegin(), fields.cend(), [&key](const FormField& f) { return f.key == key; }))
            return refused<PurchaseResult>(u"widget field '"_s + name + u"' is empty or collides"_s);
        fields.append(FormField{key, value.toUtf8()});
    }
    m_sentRequestNos.insert(number);
    return call<PurchaseResult>(
        "commodity", "trade", fields, true,
        [request](const acgfaka::Envelope& envelope) { return acgfaka::parseTrade(envelope, request); });
}

QFuture<SupplierResult<PurchaseResult>> AcgFakaAdapter::queryByExternalNo(const QByteArray& externalOrderNo)
{
    return refused<PurchaseResult>(u"acg-faka cannot look up request_no "_s +
                                   QString::fromLatin1(externalOrderNo) +
                                   u": its query takes the upstream tradeNo; check on the upstream"_s);
}

QFuture<SupplierResult<PurchaseResult>> AcgFakaAdapter::queryByTradeNo(const QString& tradeNo)
{
    if (tradeNo.isEmpty())
        return refused<PurchaseResult>(u"a tradeNo is required"_s);
    return call<PurchaseResult>(
        "commodity", "query", {{"tradeNo", tradeNo.toUtf8()}}, false,
        [tradeNo](const acgfaka::Envelope& envelope) { return acgfaka::parseQuery(envelope, tradeNo); });
}

} // namespace cardops::suppliers
