#pragma once

#include "core/signing.h"
#include "suppliers/acgfakaparse.h"
#include "suppliers/supplier.h"
#include "suppliers/supplierhttp.h"

#include <QObject>
#include <QSet>
#include <QUrl>

// The acg-faka shared-store adapter (protocols.md §2; docs/suppliers.md): form-urlencoded POSTs to
// /shared/{controller}/{action}, signed with core::signing::acgFakaSign over the posted fields
// (app_id and app_key included), answers in the {"code":200|0,…} envelope under HTTP 200.
//
// Idempotency: trade is synchronous and there is no lookup by request_no (query takes the upstream
// tradeNo), and a repeated request_no is rejected, not answered with the first order. So a purchase
// is sent exactly once; after a timeout or an unreadable answer it is unknown (outcomeUnknown) and
// belongs in the manual reconciliation queue with its request_no. Never branches on `msg`.
//
// Threading: lives in one thread, called only from it; futures finish in that thread.
namespace cardops::suppliers {

struct AcgFakaConfig
{
    QUrl baseUrl;      // the upstream shop, e.g. https://shop.example.com (a path prefix is kept)
    QByteArray appId;  // our user id on the upstream shop
    QByteArray appKey; // that user's docking key (a secret: it signs, and is posted as a field)
    HttpOptions http;
};

class AcgFakaAdapter final : public QObject, public Supplier
{
    Q_OBJECT
public:
    explicit AcgFakaAdapter(AcgFakaConfig config, QObject* parent = nullptr);
    ~AcgFakaAdapter() override;

    SupplierKind kind() const override { return SupplierKind::AcgFaka; }
    // The protocol facts were confirmed against a real acg-faka 3.6.0 server by an independent
    // client (protocols.md §2.4); this implementation has only met fakes and the simulator so far.
    bool verifiedAgainstRealGateway() const override { return false; }
    bool canQueryByExternalNo() const override { return false; }

    QFuture<SupplierResult<Balance>> balance() override;     // authentication/connect
    QFuture<SupplierResult<Catalogue>> catalogue() override; // commodity/items
    QFuture<SupplierResult<SupplierProduct>> goodsDetail(const QString& code) override; // item
    QFuture<SupplierResult<StockCheck>> checkStock(const StockQuery& query) override;   // stock
    // commodity/trade with request_no = externalOrderNo (at most 19 characters; see
    // RequestNoGenerator). Succeeded with the cards, or ManualReview (see ReviewReason).
    QFuture<SupplierResult<PurchaseResult>> purchase(const PurchaseRequest& request) override;
    // Not supported by the protocol: always InvalidRequest.
    QFuture<SupplierResult<PurchaseResult>> queryByExternalNo(const QByteArray& externalOrderNo) override;

    // commodity/query by the upstream's tradeNo.
    QFuture<SupplierResult<PurchaseResult>> queryByTradeNo(const QString& tradeNo);
    // commodity/valuation: the price of `quantity` (race, sku) for us.
    QFuture<SupplierResult<Money>> valuation(const StockQuery& query);
    // commodity/inventory (camelCase sharedCode): count, delivery way and prices of one item.
    QFuture<SupplierResult<SupplierProduct>> inventory(const QString& code, const QString& race = {});

    Diagnostics diagnostics() const override { return m_diagnostics; }

    // The form fields of a call as they are posted: app_id, app_key, then `fields` in order.
    core::signing::FormFields signedFields(const core::signing::FormFields& fields) const;
    // baseUrl + /shared/{controller}/{action}
    QUrl endpoint(QByteArrayView controller, QByteArrayView action) const;

private:
    template<typename T, typename Parse>
    QFuture<SupplierResult<T>> call(QByteArrayView controller, QByteArrayView action,
                                    const core::signing::FormFields& fields, bool purchase, Parse parse);

    AcgFakaConfig m_config;
    SupplierHttp* m_http = nullptr;
    Diagnostics m_diagnostics;
    QSet<QByteArray> m_sentRequestNos;
};

} // namespace cardops::suppliers
