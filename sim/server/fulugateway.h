#pragma once

#include "sim/data/fulustate.h"
#include "sim/server/simrequest.h"

#include <QJsonObject>

namespace cardops::sim {

// The Fulu OpenAPI 2.0 gateway (protocols.md §1) without HTTP: POST /api/getway with one flat JSON
// object. Verifies app_key and the character-sort MD5 sign over the bytes as received, routes the
// methods of §1.4 to FuluState and answers {"code","message","result","sign"} under HTTP 200, with
// `result` a JSON string signed with the AppSecret. Not thread-safe.
class FuluGateway
{
public:
    static constexpr QByteArrayView kPath = "/api/getway";

    struct Options
    {
        bool corruptResultSign = false; // the bad-result-sign fault
    };

    struct Outcome
    {
        SimResponse response;
        bool purchase = false; // fulu.order.card.add or fulu.order.direct.add, verified
        bool executed = false; // a new order was accepted
        bool signedResult = false;
    };

    explicit FuluGateway(FuluState& state)
        : m_state(state)
    {}

    Outcome handle(const SimRequest& request, const Options& options);
    // A correctly signed request refused as if its sign were wrong (the bad-signature fault).
    SimResponse signatureRefusal() const;
    // lowercase MD5 of the sorted characters of `result` followed by the AppSecret (§1.3).
    static QByteArray resultSign(QByteArrayView result);

private:
    struct Reply
    {
        int code = 0;
        QByteArray message;
        QByteArray result; // JSON text; empty on errors
    };

    Reply route(QByteArrayView method, const QJsonObject& biz, Outcome& outcome);
    Reply goodsList(const QJsonObject& biz) const;
    Reply goodsInfo(const QJsonObject& biz) const;
    Reply stockCheck(const QJsonObject& biz) const;
    Reply templateGet(const QJsonObject& biz) const;
    Reply orderAdd(QByteArrayView method, const QJsonObject& biz, Outcome& outcome);
    Reply orderInfo(const QJsonObject& biz);
    QByteArray productJson(const FuluState::Product& product, bool detail) const;
    QByteArray orderJson(const FuluState::Order& order, bool withCards) const;
    static SimResponse respond(const Reply& reply, bool sign, bool corrupt = false);

    FuluState& m_state;
};

} // namespace cardops::sim
