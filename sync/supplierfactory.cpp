#include "sync/supplierfactory.h"

#include "suppliers/acgfakaadapter.h"
#include "suppliers/fuluadapter.h"

using namespace Qt::StringLiterals;

namespace cardops::sync {

namespace {

using core::ErrorCode;
using core::makeError;

// Public test credentials, also in cardops-sim (sim/data/fulustate.h, acgfakastate.h); sync does
// not link the simulator, so they are repeated here.
constexpr QByteArrayView kFuluSandboxKey = "i4esv1l+76l/7NQCL3QudG90Fq+YgVfFGJAWgT+7qO1Bm9o/adG/1iwO2qXsAXNB";
constexpr QByteArrayView kFuluSandboxSecret = "0a091b3aa4324435aab703142518a8f7";
constexpr QByteArrayView kAcgTestAppId = "1000";
constexpr QByteArrayView kAcgTestKey = "TESTKEY123";

} // namespace

core::Result<std::unique_ptr<suppliers::Supplier>>
makeSupplier(const core::SupplierEndpoint& endpoint, const QByteArray& secret, const core::Clock* clock)
{
    if (!endpoint.url.isValid() || endpoint.url.isEmpty() || endpoint.appId.isEmpty() || secret.isEmpty())
        return makeError(ErrorCode::InvalidArgument,
                         u"supplier %1 needs a URL, an app id and a secret"_s.arg(endpoint.id));
    if (endpoint.protocol == core::kProtocolFulu) {
        suppliers::FuluConfig config;
        config.gatewayUrl = endpoint.url;
        config.appKey = endpoint.appId.toLatin1();
        config.appSecret = secret;
        return std::unique_ptr<suppliers::Supplier>(std::make_unique<suppliers::FuluAdapter>(config, clock));
    }
    if (endpoint.protocol == core::kProtocolAcgFaka) {
        suppliers::AcgFakaConfig config;
        config.baseUrl = endpoint.url;
        config.appId = endpoint.appId.toUtf8();
        config.appKey = secret;
        return std::unique_ptr<suppliers::Supplier>(std::make_unique<suppliers::AcgFakaAdapter>(config));
    }
    return makeError(ErrorCode::InvalidArgument,
                     u"supplier %1 has an unknown protocol \"%2\""_s.arg(endpoint.id, endpoint.protocol));
}

QList<core::SupplierEndpoint> demoSupplierEndpoints(const QUrl& simulatorUrl)
{
    QUrl gateway = simulatorUrl;
    gateway.setPath(u"/api/getway"_s);
    QUrl store = simulatorUrl;
    store.setPath(QString());
    return {
        {u"demo-acg"_s, core::kProtocolAcgFaka.toString(), store, QString::fromLatin1(kAcgTestAppId)},
        {u"demo-fulu"_s, core::kProtocolFulu.toString(), gateway, QString::fromLatin1(kFuluSandboxKey)},
    };
}

QByteArray demoSupplierSecret(const core::SupplierEndpoint& endpoint)
{
    if (endpoint.protocol == core::kProtocolFulu)
        return kFuluSandboxSecret.toByteArray();
    if (endpoint.protocol == core::kProtocolAcgFaka)
        return kAcgTestKey.toByteArray();
    return {};
}

} // namespace cardops::sync
