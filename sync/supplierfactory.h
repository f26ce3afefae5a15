#pragma once

#include "core/profilestore.h"
#include "core/result.h"
#include "suppliers/supplier.h"

#include <QByteArray>
#include <QList>
#include <QUrl>
#include <memory>

namespace cardops::core {
class Clock;
}

namespace cardops::sync {

// The adapter for one of the profile's suppliers, given its secret (acg-faka app_key, Fulu
// AppSecret). InvalidArgument for an unknown protocol, a missing URL, app id or secret. The clock
// stamps Fulu requests (nullptr: the system clock) and must outlive the adapter.
core::Result<std::unique_ptr<suppliers::Supplier>> makeSupplier(const core::SupplierEndpoint& endpoint,
                                                                const QByteArray& secret,
                                                                const core::Clock* clock = nullptr);

// The demo's suppliers: the bundled simulator's Fulu gateway and acg-faka store at `simulatorUrl`
// (http://127.0.0.1:<port>), ids "demo-fulu" and "demo-acg".
QList<core::SupplierEndpoint> demoSupplierEndpoints(const QUrl& simulatorUrl);
// The simulator's public test keys for a demo supplier (protocols.md: Fulu's published sandbox
// AppSecret, acg-faka TESTKEY123); empty for any other protocol. Never a real key.
QByteArray demoSupplierSecret(const core::SupplierEndpoint& endpoint);

} // namespace cardops::sync
